/**
 * The language of what a person reads: messages, help, findings. Japanese by default (the
 * users are a city's staff); English with `--lang en` or an English `LANG`. Each text is written
 * in both languages where it is made, so that no catalogue drifts from the code.
 */

export type Language = 'ja' | 'en';

let current: Language = 'ja';

export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}

/** The language asked for by `--lang` (if given), else by the environment's locale; Japanese otherwise. */
export function languageFrom(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Language {
  // An empty variable counts as unset, as in POSIX locales.
  const wanted = option || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en[_-]/i.test(wanted) ? 'en' : 'ja';
}

/** The text in the current language. */
export function t(ja: string, en: string): string {
  return current === 'en' ? en : ja;
}
