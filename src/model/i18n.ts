/**
 * The language of what a person reads: messages, help, findings. Japanese by default (the
 * users are a city's staff); English with `--lang en` or an English `LANG`. Each text is written
 * in both languages where it is made, so that no catalogue drifts from the code, and it is
 * carried in both until it is printed: no stage knows the reader's language, only the edge that
 * prints (the command line's output, findings.md, a JSON report) picks one.
 */

export type Language = 'ja' | 'en';

/** A text in both languages. */
export interface Text {
  readonly ja: string;
  readonly en: string;
}

/** What may stand in a text: another text, or a value that reads the same in both languages. */
export type TextPart = Text | string | number | bigint | boolean | null | undefined;

/** The language asked for by `--lang` (if given), else by the environment's locale; Japanese otherwise. */
export function languageFrom(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Language {
  // An empty variable counts as unset, as in POSIX locales.
  const wanted = option || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en[_-]/i.test(wanted) ? 'en' : 'ja';
}

/** A text written in both languages. */
export function t(ja: string, en: string): Text {
  return { ja, en };
}

export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).ja === 'string' && typeof (value as Text).en === 'string';
}

/** The same words in both languages: a name, a number, a value the document printed. */
export function verbatim(value: TextPart): Text {
  return isText(value) ? value : t(partIn(value, 'ja'), partIn(value, 'en'));
}

function partIn(part: TextPart, language: Language): string {
  if (part === null || part === undefined) return '';
  return isText(part) ? part[language] : String(part);
}

/** The text as printed for a reader of `language`. */
export function say(text: TextPart, language: Language): string {
  return partIn(text, language);
}

/**
 * A text put together from parts, as a template literal would, each part in its own language:
 * ``both`${t('場所', 'at')}: ${path}` ``.
 */
export function both(strings: TemplateStringsArray, ...parts: TextPart[]): Text {
  const join = (language: Language) => strings.reduce((out, s, i) => out + s + (i < parts.length ? partIn(parts[i], language) : ''), '');
  return t(join('ja'), join('en'));
}

/** Texts joined with a separator (which may itself differ: '、' and ', '). */
export function joinTexts(parts: readonly TextPart[], separator: TextPart = ''): Text {
  const join = (language: Language) => parts.map((p) => partIn(p, language)).join(partIn(separator, language));
  return t(join('ja'), join('en'));
}
