import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/files.js';
import { PHRASE_RULES } from './phrases.js';

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
export function rulesKey(rules: readonly string[] = PHRASE_RULES): string {
  const require = createRequire(import.meta.url);
  const dictionary = (require('kuromoji/package.json') as { version: string }).version;
  return createHash('sha256')
    .update([...rules, dictionary].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export interface PhraseCache {
  get(text: string): string[] | undefined;
  set(text: string, phrases: string[]): void;
  save(): void;
}

export function phraseCacheFile(rules: readonly string[] = PHRASE_RULES): string {
  const base = process.env.TASSEI_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tassei');
  return join(base, `phrases-v${PHRASE_CACHE_VERSION}-${rulesKey(rules)}.json`);
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
