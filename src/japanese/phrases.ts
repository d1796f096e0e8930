/**
 * Japanese line breaking: text is cut into phrases (文節) that are never broken inside, so lines
 * break between phrases; punctuation that may not start a line joins the phrase before it and
 * an opening bracket joins the phrase after it (禁則). Pure but for the dictionary loading.
 */

/** What the renderer needs of a kuromoji token. */
export interface Token {
  surface: string;
  pos: string;
  detail: string;
}

/** Characters that may not start a line (行頭禁則): closing brackets, punctuation, small kana, and ※ (a mark on the word before it). */
export const NO_LINE_START = '、。，．,.)）」』】〕〉》］｝!！?？:：;；・…‥ーゝゞ々%％ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ※';
/** Characters that may not end a line (行末禁則): opening brackets. */
export const NO_LINE_END = '(（「『【〔〈《［｛';
/** Joins what is on both sides: `R6～R7`, `2,000`. */
export const BINDING = '～〜~';

export const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;
export const COMPOUND_NOUN = new Set(['一般', '固有名詞', 'サ変接続', '形容動詞語幹']);

function joinsPrevious(token: Token, previous: Token | undefined, phrase: string): boolean {
  const first = token.surface.charAt(0);
  const last = phrase.charAt(phrase.length - 1);
  if (!previous) return false;
  if (NO_LINE_START.includes(first) || BINDING.includes(first)) return true;
  if (NO_LINE_END.includes(last) || BINDING.includes(last)) return true;
  if (token.pos === '助詞' || token.pos === '助動詞') return true;
  if (token.detail === '接尾' || token.detail === '非自立') return true;
  if (previous.pos === '接頭詞') return true;
  if (token.pos === '記号' && token.detail === '空白') return true;
  // Numbers stay with their digits, separators and units (2,000枚, 31.7％).
  if (ALNUM.test(first) && ALNUM.test(last)) return true;
  if (/^[,.，．]$/.test(token.surface) && /[0-9０-９]/.test(last)) return true;
  if (/^[0-9０-９]/.test(first) && /[0-9０-９][,.，．]$/.test(phrase)) return true;
  if (token.pos === '名詞' && previous.pos === '名詞' && COMPOUND_NOUN.has(token.detail) && COMPOUND_NOUN.has(previous.detail)) return true;
  return false;
}

/** Cuts tokenised text into phrases that lines may break between. */
export function phrasesOfTokens(tokens: readonly Token[]): string[] {
  const phrases: string[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    if (phrases.length > 0 && joinsPrevious(token, previous, phrases[phrases.length - 1]!)) phrases[phrases.length - 1] += token.surface;
    else phrases.push(token.surface);
    previous = token;
  }
  return phrases;
}

const DIGITS = '[0-9０-９]';
/**
 * Runs that a line may not break inside, though the dictionary cuts them: dates (R6年4月,
 * R5.11月, 令和5年度, 令和元年度, 2026年), numbers with their units or year notes (2,000枚, 3,560(H29),
 * 31.7％), short notes in brackets ((累計), （仮称）) and Latin words (Wi-Fi, Mine).
 */
export const UNBROKEN = [
  `(?:(?:令和|平成|昭和)元|(?:令和|平成|昭和|[RHSＲＨＳ])?${DIGITS}+)(?:[.．]${DIGITS}+月|年度?(?:${DIGITS}+月(?:${DIGITS}+日)?)?)`,
  `[△▲−-]?${DIGITS}[0-9０-９,，.．]*(?:[%％]|[ァ-ヺ一-龯々]{1,3})?(?:[(（][RHSＲＨＳ]?${DIGITS}+[)）])?`,
  '[(（][^()（）\\s]{1,10}[)）]',
  "[A-Za-zＡ-Ｚａ-ｚ][A-Za-z0-9Ａ-Ｚａ-ｚ０-９'’-]*",
].join('|');
/** A URL: broken only after the characters URLs are broken at. */
export const URL = '(?:https?://|www\\.)[\\x21-\\x7e]+';
/** The characters after which a URL or a long Latin run may break. */
export const URL_BREAKS = '/.-_?&=#:';

/**
 * The phrases with their cuts moved out of the runs that must stay whole, and URLs cut after
 * their break characters instead of where the dictionary cut them. Pure.
 */
export function keepRunsWhole(text: string, phrases: readonly string[]): string[] {
  const cuts = new Set<number>();
  let at = 0;
  for (const phrase of phrases.slice(0, -1)) cuts.add((at += phrase.length));
  for (const match of text.matchAll(new RegExp(`(${URL})|${UNBROKEN}`, 'g'))) {
    const [start, end] = [match.index, match.index + match[0].length];
    for (let i = start + 1; i < end; i++) cuts.delete(i);
    if (!match[1]) continue;
    // A URL breaks after /, ., - and the like, and is a phrase of its own.
    for (let i = start + 1; i < end; i++) if (URL_BREAKS.includes(text.charAt(i - 1))) cuts.add(i);
    if (start > 0) cuts.add(start);
    if (end < text.length) cuts.add(end);
  }
  const sorted = [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const result: string[] = [];
  let from = 0;
  for (const cut of [...sorted, text.length]) {
    result.push(text.slice(from, cut));
    from = cut;
  }
  return result.filter((p) => p !== '');
}

/** Stands between two pieces of a cut phrase where the printer would not break a line of itself. */
export const LINE_BREAK = '\n';

/**
 * Splits phrases wider than the line into pieces that fit, at characters, without putting a
 * character that may not start a line at the start of a piece, nor an opening bracket at the
 * end of one. `breaks(before, after)` tells whether the printer may break a line between two
 * pieces; where it may not (inside a Latin word, after 「(」 by its rules), it would set them on
 * one line, over the cell's edge, so a LINE_BREAK is put between them. A phrase the printer would
 * not break anywhere (100.0%, a word) that still fits its `printerWidth` (the cell's whole width,
 * without the margin `width` keeps) is left whole: cut, it would be a number on two lines.
 */
export function fitPhrases(
  phrases: readonly string[],
  width: number,
  measure: (text: string) => number,
  breaks: (before: string, after: string) => boolean = () => true,
  printerWidth = width,
): string[] {
  const fitted: string[] = [];
  for (const phrase of phrases) {
    const size = measure(phrase);
    if (size <= width) {
      fitted.push(phrase);
      continue;
    }
    const pieces = cutToWidth(phrase, width, measure, breaks);
    const glued = pieces.map((piece, i) => i < pieces.length - 1 && !breaks(piece, pieces.slice(i + 1).join('')));
    if (size <= printerWidth && glued.slice(0, -1).every(Boolean)) {
      fitted.push(phrase);
      continue;
    }
    pieces.forEach((piece, i) => fitted.push(...(glued[i] ? [piece, LINE_BREAK] : [piece])));
  }
  return fitted;
}

/**
 * A phrase cut at characters into pieces no wider than `width` (禁則 kept at each cut), each cut
 * where the printer may break a line if the piece has such a place (40,808人 | (H25), not
 * 40,808人(H | 25)).
 */
function cutToWidth(phrase: string, width: number, measure: (text: string) => number, breaks: (before: string, after: string) => boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  const chars = [...phrase];
  for (const [k, char] of chars.entries()) {
    if (piece && measure(piece + char) > width) {
      // A long Latin run or URL breaks after its last /, ., - and the like on the line.
      const urlBreak = Math.max(...[...URL_BREAKS].map((c) => piece.lastIndexOf(c)));
      const opening = openingAtEnd(piece);
      let carried = 0;
      if (/^[\x21-\x7e]+$/.test(piece) && urlBreak > 0 && urlBreak < piece.length - 1) carried = piece.length - urlBreak - 1;
      // Keep a closing mark with what precedes it: move the last character down with it.
      else if (NO_LINE_START.includes(char) && piece.length > 1) carried = 1;
      // An opening bracket goes down with what it opens.
      else if (opening > 0 && opening < piece.length) carried = opening;
      else carried = piece.length - lastBreak(piece, chars.slice(k).join(''), breaks);
      pieces.push(piece.slice(0, piece.length - carried));
      piece = piece.slice(piece.length - carried);
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Where in `piece` (followed by `rest`) the last place is that the printer may break at; its length where it may break after it or nowhere. */
function lastBreak(piece: string, rest: string, breaks: (before: string, after: string) => boolean): number {
  if (breaks(piece, rest)) return piece.length;
  for (let i = piece.length - 1; i > 0; i--) if (breaks(piece.slice(0, i), piece.slice(i) + rest)) return i;
  return piece.length;
}

/** How many opening brackets end the text. */
function openingAtEnd(text: string): number {
  let n = 0;
  while (n < text.length && NO_LINE_END.includes(text.charAt(text.length - 1 - n))) n++;
  return n;
}

/** Cuts a text into phrases that lines may break between. */
export type Segmenter = (text: string) => string[];

/**
 * Everything the phrases depend on, as text: the rule functions and every table they read. The
 * phrase cache is keyed by it (src/japanese/cache.ts), so a changed rule never serves old phrases.
 */
export const PHRASE_RULES: readonly string[] = [joinsPrevious, phrasesOfTokens, keepRunsWhole, fitPhrases, cutToWidth, lastBreak, openingAtEnd]
  .map(String)
  .concat([UNBROKEN, URL, URL_BREAKS, LINE_BREAK, NO_LINE_START, NO_LINE_END, BINDING, ALNUM.source, [...COMPOUND_NOUN].join(',')]);
