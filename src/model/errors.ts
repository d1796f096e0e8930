import { type Language, type Text, type TextPart, say, t } from './i18n.js';
import type { Message, Severity } from './types.js';
import { placeText } from './walk.js';

/** Exit codes of the command line (documented in the README). */
export const EXIT = {
  ok: 0,
  /** The document has findings (with --strict), or the command line is wrong. */
  findings: 1,
  usage: 1,
  /** An input could not be read: not a PDF, encrypted, no text, unknown kind, bad YAML. */
  unreadable: 2,
  /** A bug of tassei's own (EX_SOFTWARE): reported with the input so that it can be fixed. */
  internal: 70,
} as const;

/**
 * An error meant for the user: it carries located messages and the exit code to use. Stages
 * throw it; the command line prints its messages and exits with its code.
 */
export class TasseiError extends Error {
  readonly messages: Message[];
  readonly exitCode: number;

  constructor(messages: Message[], exitCode: number = EXIT.unreadable) {
    // The Error's own text (a stack trace, a test's match) in the default language.
    super(messages.map((m) => formatMessage(m, 'ja')).join('\n'));
    this.name = 'TasseiError';
    this.messages = messages;
    this.exitCode = exitCode;
  }
}

/** An error whose text is for a person: carried in both languages until it is printed. */
export class TextError extends Error {
  constructor(readonly text: Text) {
    super(text.ja);
  }
}

/** A mistake on the command line: the dispatcher prints it with the command's usage and exits 1. */
export class UsageError extends TextError {}

const SEVERITY_NAMES: Record<Severity, Text> = {
  error: t('エラー', 'error'),
  warning: t('警告', 'warning'),
  info: t('情報', 'info'),
};

/** The severity as a reader says it: エラー, 警告, 情報. */
export function severityName(severity: Severity): Text {
  return SEVERITY_NAMES[severity];
}

/** `file:line:col`, `file (page 3)` or `file [sheet!H12]`. */
function locationOf(m: Message, language: Language): string {
  let where = m.file;
  if (m.line !== undefined) where += `:${m.line}${m.column !== undefined ? `:${m.column}` : ''}`;
  if (m.page !== undefined) where += say(t(` (${m.page} ページ)`, ` (page ${m.page})`), language);
  if (m.cell !== undefined) where += ` [${m.sheet ? `${m.sheet}!` : ''}${m.cell}]`;
  return where;
}

/** One message as text: where, severity, rule and message, then its place, values and hint. */
export function formatMessage(m: Message, language: Language): string {
  const $ = (x: TextPart) => say(x, language);
  let text = `${locationOf(m, language)}: ${$(severityName(m.severity))} [${m.rule}] ${$(m.message)}`;
  if (m.path) text += `\n  ${$(t('場所: ', 'at '))}${m.path}`;
  if (m.place) text += `\n  ${$(t('場所: ', 'at '))}${placeText(m)}`;
  if (m.expected !== undefined || m.actual !== undefined) {
    text += `\n  ${$(t('印刷', 'printed'))}: ${$(m.expected)}  ${$(t('計算', 'computed'))}: ${$(m.actual)}`;
  }
  if (m.hint) text += `\n  ${$(t('ヒント', 'hint'))}: ${$(m.hint)}`;
  return text;
}
