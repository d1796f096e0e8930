import { EXIT, TasseiError, formatMessage, severityName } from './errors.js';
import { type Language, type Text, type TextPart, say, t } from './i18n.js';
import type { RuleId } from './rule-ids.js';
import type { Message, Severity } from './types.js';
import { placeText } from './walk.js';

/** Where a message points in its file, what to do, and what was expected and found. */
export type MessageDetail = Partial<Omit<Message, 'severity' | 'rule' | 'file' | 'message'>>;

/**
 * A message about `file`. Every message is made here, so that its rule is one of RULE_IDS (the
 * compiler checks it) and its fields are in one order: where, what, then what to do.
 */
export function messageOf(severity: Severity, file: string, rule: RuleId, message: Text, detail: MessageDetail = {}): Message {
  const { hint, ...at } = detail;
  // Absent fields stay absent (not `undefined`): the JSON of a message names only what it has.
  const defined = Object.fromEntries(Object.entries(at).filter(([, v]) => v !== undefined));
  return { severity, rule, file, ...defined, message, ...(hint === undefined ? {} : { hint }) };
}

export function errorMessage(file: string, rule: RuleId, message: Text, detail?: MessageDetail): Message {
  return messageOf('error', file, rule, message, detail);
}

export function warningMessage(file: string, rule: RuleId, message: Text, detail?: MessageDetail): Message {
  return messageOf('warning', file, rule, message, detail);
}

export function infoMessage(file: string, rule: RuleId, message: Text, detail?: MessageDetail): Message {
  return messageOf('info', file, rule, message, detail);
}

/** A TasseiError with one message. */
export function failure(file: string, rule: RuleId, message: Text, detail: MessageDetail = {}, exitCode: number = EXIT.unreadable): TasseiError {
  return new TasseiError([errorMessage(file, rule, message, detail)], exitCode);
}

/**
 * The messages about one input file, carried with it from reading to the report, as vfile
 * carries them: each stage adds what it noticed, and the command decides how to print them.
 * `fail` ends the file's processing with everything said so far.
 */
export class MessageLog {
  readonly messages: Message[] = [];

  constructor(readonly file: string) {}

  info(rule: RuleId, message: Text, detail: MessageDetail = {}): Message {
    return this.add(infoMessage(this.file, rule, message, detail));
  }

  warn(rule: RuleId, message: Text, detail: MessageDetail = {}): Message {
    return this.add(warningMessage(this.file, rule, message, detail));
  }

  fail(rule: RuleId, message: Text, detail: MessageDetail = {}, exitCode: number = EXIT.unreadable): never {
    this.add(errorMessage(this.file, rule, message, detail));
    throw new TasseiError([...this.messages], exitCode);
  }

  private add(entry: Message): Message {
    this.messages.push(entry);
    return entry;
  }
}

/** A value for a Markdown table cell. */
export function markdownCell(value: unknown): string {
  return value === null || value === undefined ? '' : String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Messages as Markdown: findings (messages with printed and computed values) in a table, the rest as a list. */
export function formatMessagesMarkdown(messages: readonly Message[], language: Language): string {
  const $ = (x: TextPart) => say(x, language);
  const lines: string[] = [];
  const valued = messages.filter((m) => m.place && (m.expected !== undefined || m.actual !== undefined));
  for (const m of messages.filter((x) => !valued.includes(x))) {
    const where = `${m.line ? $(t(` (${m.line} 行)`, ` (line ${m.line})`)) : ''}${m.page ? $(t(` (${m.page} ページ)`, ` (page ${m.page})`)) : ''}`;
    lines.push(
      m.severity === 'error'
        ? `- ${markdownCell($(m.message))}${where}${m.hint ? ` — ${markdownCell($(m.hint))}` : ''}`
        : `- ${$(severityName(m.severity))}: ${markdownCell($(m.message))}${where}`,
    );
  }
  if (valued.length > 0 && valued.every((m) => m.placeName !== undefined)) {
    // A document in its own layout: its levels as it labels them, in one column.
    lines.push(
      $(t('| # | 種類 | 場所 | 目標指標・行 | 印刷 | 計算 | 理由 |', '| # | kind | place | 目標指標 / row | printed | computed | why |')),
      '|---|---|---|---|---|---|---|',
    );
    valued.forEach((m, i) => {
      lines.push(
        `| ${i + 1} | ${m.rule} | ${markdownCell(m.placeName)} | ${markdownCell(m.place!.indicator ?? m.row)} | ${markdownCell($(m.expected))} | ${markdownCell($(m.actual))} | ${markdownCell($(m.message))} |`,
      );
    });
  } else if (valued.length > 0) {
    lines.push(
      $(
        t(
          '| # | 種類 | 重点戦略 | 戦略方針 | 施策 | 目標指標・行 | 印刷 | 計算 | 理由 |',
          '| # | kind | 重点戦略 | 戦略方針 | 施策 | 目標指標 / row | printed | computed | why |',
        ),
      ),
      '|---|---|---|---|---|---|---|---|---|',
    );
    valued.forEach((m, i) => {
      const p = m.place!;
      lines.push(
        `| ${i + 1} | ${m.rule} | ${markdownCell(p.strategy)} | ${markdownCell(p.policy)} | ${markdownCell(p.measure)} | ${markdownCell(p.indicator ?? m.row)} | ${markdownCell($(m.expected))} | ${markdownCell($(m.actual))} | ${markdownCell($(m.message))} |`,
      );
    });
  }
  return lines.join('\n');
}

/** Messages of one file as a numbered list (the file said once, above it): place, values, message. */
export function formatMessagesList(messages: readonly Message[], language: Language): string {
  const $ = (x: TextPart) => say(x, language);
  return messages
    .flatMap((m, i) => [
      `${i + 1}. [${m.rule}] ${m.place ? placeText(m) : (m.page ?? m.line ?? '')}`,
      ...(m.expected !== undefined || m.actual !== undefined
        ? [`   ${$(t('印刷', 'printed'))}: ${$(m.expected)}  ${$(t('計算', 'computed'))}: ${$(m.actual)}`]
        : []),
      `   ${$(m.message)}`,
    ])
    .join('\n');
}

/** The ways messages are printed, by the name a command line gives. */
export const MESSAGE_FORMATS = {
  text: (messages: readonly Message[], language: Language) => messages.map((m) => formatMessage(m, language)).join('\n'),
  json: (messages: readonly Message[], language: Language) =>
    JSON.stringify(
      messages.map((m) => printedMessage(m, language)),
      null,
      2,
    ),
  list: formatMessagesList,
  md: formatMessagesMarkdown,
} as const;

export type MessageFormat = keyof typeof MESSAGE_FORMATS;

/** Prints messages in the format named. */
export function formatMessages(messages: readonly Message[], format: MessageFormat, language: Language): string {
  return MESSAGE_FORMATS[format](messages, language);
}

/** A message as a JSON report gives it: its texts in the reader's language. */
export type PrintedMessage = Omit<Message, 'message' | 'hint' | 'expected' | 'actual'> & { message: string; hint?: string; expected?: string; actual?: string };

export function printedMessage(m: Message, language: Language): PrintedMessage {
  const { message, hint, expected, actual, ...at } = m;
  const values = { expected, actual };
  const printed = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, say(v, language)]),
  );
  return { ...at, ...printed, message: say(message, language), ...(hint === undefined ? {} : { hint: say(hint, language) }) };
}
