import { readFile } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzip } from 'node:zlib';
import { type Segmenter, type Token, keepRunsWhole, phrasesOfTokens } from './phrases.js';

/** The kuromoji tokenizer behind the phrase rules: loaded once per process, on first use. */

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
      new Loader(dicPath).load((error, dictionary) => (error ? reject(error) : resolve(new Tokenizer(dictionary)))),
    );
    return (text: string) =>
      tokenizer.tokenize(text).map((t) => ({
        surface: t.surface_form,
        pos: t.pos,
        detail: t.pos_detail_1,
        base: t.basic_form === '*' ? t.surface_form : t.basic_form,
        reading: t.reading ?? t.surface_form,
      }));
  })();
  return loading;
}

/** The phrase segmenter for line breaking. */
export async function loadSegmenter(): Promise<Segmenter> {
  const analyse = await loadAnalyser();
  return (text: string) =>
    keepRunsWhole(
      text,
      runsOf(text).flatMap((run) => phrasesOfTokens(analyse(run))),
    );
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
