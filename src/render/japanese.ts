import { createHash } from 'node:crypto';
import { readFile, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import { writeFileAtomic } from '../model/files.js';

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

/** Characters that may not start a line (行頭禁則): closing brackets, punctuation, small kana. */
export const NO_LINE_START = '、。，．,.)）」』】〕〉》］｝!！?？:：;；・…‥ーゝゞ々%％ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ';
/** Characters that may not end a line (行末禁則): opening brackets. */
export const NO_LINE_END = '(（「『【〔〈《［｛';
/** Joins what is on both sides: `R6～R7`, `2,000`. */
const BINDING = '～〜~';

const ALNUM = /[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/;
const COMPOUND_NOUN = new Set(['一般', '固有名詞', 'サ変接続', '形容動詞語幹']);

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
 * R5.11月, 令和5年度, 2026年), numbers with their units or year notes (2,000枚, 3,560(H29),
 * 31.7％), short notes in brackets ((累計), （仮称）) and Latin words (Wi-Fi, Mine).
 */
export const UNBROKEN = [
  `(?:令和|平成|昭和|[RHSＲＨＳ])?${DIGITS}+(?:[.．]${DIGITS}+月|年度?(?:${DIGITS}+月(?:${DIGITS}+日)?)?)`,
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

/**
 * Splits phrases wider than the line into pieces that fit, at characters, without putting a
 * character that may not start a line at the start of a piece.
 */
export function fitPhrases(phrases: readonly string[], width: number, measure: (text: string) => number): string[] {
  const fitted: string[] = [];
  for (const phrase of phrases) {
    if (measure(phrase) <= width) {
      fitted.push(phrase);
      continue;
    }
    let piece = '';
    for (const char of phrase) {
      if (piece && measure(piece + char) > width) {
        // A long Latin run or URL breaks after its last /, ., - and the like on the line.
        const urlBreak = Math.max(...[...URL_BREAKS].map((c) => piece.lastIndexOf(c)));
        if (/^[\x21-\x7e]+$/.test(piece) && urlBreak > 0 && urlBreak < piece.length - 1) {
          fitted.push(piece.slice(0, urlBreak + 1));
          piece = piece.slice(urlBreak + 1);
        } else if (NO_LINE_START.includes(char) && piece.length > 1) {
          // Keep a closing mark with what precedes it: move the last character down with it.
          fitted.push(piece.slice(0, -1));
          piece = piece.slice(-1);
        } else {
          fitted.push(piece);
          piece = '';
        }
      }
      piece += char;
    }
    if (piece) fitted.push(piece);
  }
  return fitted;
}

export type Segmenter = (text: string) => string[];

/** A token with its dictionary form and reading, for comparing names across years. */
export interface AnalysedToken extends Token {
  base: string;
  reading: string;
}

export type Analyser = (text: string) => AnalysedToken[];

interface KuromojiToken {
  surface_form: string;
  pos: string;
  pos_detail_1: string;
  basic_form: string;
  reading?: string;
}

let loading: Promise<Analyser> | undefined;

interface KuromojiTokenizer {
  tokenize(text: string): KuromojiToken[];
}

type DictionaryLoader = new (dicPath: string) => {
  load(done: (error: Error | null, dictionary: unknown) => void): void;
  loadArrayBuffer(file: string, done: (error: Error | null, buffer?: ArrayBuffer) => void): void;
};

/**
 * kuromoji's own loader inflates each dictionary file (100 MB in all) in 16 KB pieces, joins
 * them and copies the result once more: half of its second of loading. This one inflates a file
 * into one buffer of the size its gzip trailer gives, and hands that buffer over as it is.
 */
function fastDictionaryLoader(base: DictionaryLoader): DictionaryLoader {
  return class extends base {
    override loadArrayBuffer(file: string, done: (error: Error | null, buffer?: ArrayBuffer) => void): void {
      readFile(file, (readError, gzipped) => {
        if (readError) return done(readError);
        const size = gzipped.length >= 4 ? gzipped.readUInt32LE(gzipped.length - 4) : 0;
        gunzip(gzipped, { chunkSize: Math.max(GUNZIP_MIN_CHUNK, size) }, (error, data) => {
          if (error) return done(error);
          const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
          done(null, whole ? data.buffer : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
        });
      });
    }
  };
}

/** zlib's smallest output piece worth asking for; a file's own size above it. */
const GUNZIP_MIN_CHUNK = 64 * 1024;

/** The kuromoji tokenizer, loaded once per process, on first use. */
export function loadAnalyser(): Promise<Analyser> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    // kuromoji's TokenizerBuilder.build, with the faster loader (kuromoji 0.1.2 is its last release).
    const Loader = fastDictionaryLoader(require('kuromoji/src/loader/NodeDictionaryLoader.js') as DictionaryLoader);
    const Tokenizer = require('kuromoji/src/Tokenizer.js') as new (dictionary: unknown) => KuromojiTokenizer;
    const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
    const tokenizer = await new Promise<KuromojiTokenizer>((resolve, reject) =>
      new Loader(dicPath).load((error, dictionary) => (error ? reject(error) : resolve(new Tokenizer(dictionary)))));
    return (text: string) => tokenizer.tokenize(text).map((t) => ({
      surface: t.surface_form, pos: t.pos, detail: t.pos_detail_1,
      base: t.basic_form === '*' ? t.surface_form : t.basic_form,
      reading: t.reading ?? t.surface_form,
    }));
  })();
  return loading;
}

/** The phrase segmenter for line breaking. */
export async function loadSegmenter(): Promise<Segmenter> {
  const analyse = await loadAnalyser();
  return (text: string) => keepRunsWhole(text, runsOf(text).flatMap((run) => phrasesOfTokens(analyse(run))));
}

/**
 * Text longer than this is cut before tokenising: kuromoji's time grows faster than the
 * length on long runs (a 100,000-character one does not finish). No printed cell comes near it.
 */
export const MAX_RUN_LENGTH = 200;

/** Long text in runs kuromoji reads quickly, cut after a 。、 or space where there is one. */
export function runsOf(text: string): string[] {
  const runs: string[] = [];
  let rest = text;
  while (rest.length > MAX_RUN_LENGTH) {
    const window = rest.slice(0, MAX_RUN_LENGTH);
    const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('、'), window.lastIndexOf(' '), window.lastIndexOf('　'));
    let end = cut > MAX_RUN_LENGTH / 2 ? cut + 1 : MAX_RUN_LENGTH;
    // Never between the halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(end - 1))) end -= 1;
    runs.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest) runs.push(rest);
  return runs;
}

/**
 * Phrases remembered across runs, so that rendering text already seen needs no dictionary (a
 * second's load). Kept in the user's cache folder; a stale or unreadable cache is ignored.
 */
export const PHRASE_CACHE_VERSION = 1;

/**
 * The cache is keyed by the phrase rules themselves, so that a change of the rules (or of the
 * dictionary's version) can never bring back phrases cut the old way: the same document then
 * renders to the same bytes on every machine.
 */
function rulesKey(): string {
  const require = createRequire(import.meta.url);
  const dictionary = (require('kuromoji/package.json') as { version: string }).version;
  const rules = [joinsPrevious.toString(), phrasesOfTokens.toString(), keepRunsWhole.toString(), fitPhrases.toString(), UNBROKEN, URL, URL_BREAKS, NO_LINE_START, NO_LINE_END, BINDING, dictionary].join('\n');
  return createHash('sha256').update(rules).digest('hex').slice(0, 16);
}

export interface PhraseCache {
  get(text: string): string[] | undefined;
  set(text: string, phrases: string[]): void;
  save(): void;
}

export function phraseCacheFile(): string {
  const base = process.env.TASSEI_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tassei');
  return join(base, `phrases-v${PHRASE_CACHE_VERSION}-${rulesKey()}.json`);
}

/** Entries kept at most; the oldest go first. */
const PHRASE_CACHE_LIMIT = 50_000;

function isPhrasing(phrases: unknown, text: string): phrases is string[] {
  return Array.isArray(phrases) && phrases.every((p) => typeof p === 'string') && phrases.join('') === text;
}

export function openPhraseCache(file: string = phraseCacheFile()): PhraseCache {
  let entries = new Map<string, string[]>();
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: [string, string[]][] };
    if (data.version === PHRASE_CACHE_VERSION) entries = new Map(data.entries);
  } catch {
    // No cache yet, or one that cannot be read: start afresh.
  }
  let changed = false;
  return {
    // An entry is trusted only where its pieces join to its text: a damaged or tampered cache
    // can cost time, never change what is printed. Such an entry is cut again and rewritten.
    get: (text) => {
      const phrases = entries.get(text);
      return isPhrasing(phrases, text) ? phrases : undefined;
    },
    set: (text, phrases) => {
      entries.set(text, phrases);
      changed = true;
    },
    save: () => {
      if (!changed) return;
      const kept = [...entries].slice(-PHRASE_CACHE_LIMIT);
      try {
        writeFileAtomic(file, JSON.stringify({ version: PHRASE_CACHE_VERSION, entries: kept }));
        changed = false;
      } catch {
        // A cache that cannot be written only costs time.
      }
    },
  };
}
