import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPhraseCache, phraseCacheFile, rulesKey } from './cache.js';
import * as phrases from './phrases.js';

/** The text a value of the phrase rules module stands for in the cache key. */
function ruleText(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'function') return String(value);
  if (value instanceof RegExp) return value.source;
  if (value instanceof Set) return [...value].join(',');
  return undefined;
}

describe('the phrase cache', () => {
  const cacheDir = process.env.TASSEI_CACHE_DIR;
  afterEach(() => {
    process.env.TASSEI_CACHE_DIR = cacheDir;
  });

  it('is keyed by every rule and table the phrases depend on', () => {
    const exported = Object.entries(phrases).filter(([name]) => name !== 'PHRASE_RULES');
    const missing = exported.filter(([, value]) => {
      const text = ruleText(value);
      return text !== undefined && !phrases.PHRASE_RULES.includes(text);
    });
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('moves to another file when a rule table changes, so old phrases are never served', () => {
    const changed = phrases.PHRASE_RULES.map((rule) => (rule === [...phrases.COMPOUND_NOUN].join(',') ? `${rule},数` : rule));
    expect(changed).not.toEqual(phrases.PHRASE_RULES);
    expect(rulesKey(changed)).not.toBe(rulesKey());
    expect(phraseCacheFile(changed)).not.toBe(phraseCacheFile());
  });

  it('serves what was saved under the same rules, and nothing under changed ones', () => {
    process.env.TASSEI_CACHE_DIR = mkdtempSync(join(tmpdir(), 'tassei-cache-test-'));
    const cache = openPhraseCache();
    cache.set('基本計画の指標', ['基本計画の', '指標']);
    cache.save();
    expect(openPhraseCache().get('基本計画の指標')).toEqual(['基本計画の', '指標']);
    const changed = [...phrases.PHRASE_RULES, 'a new rule'];
    expect(openPhraseCache(phraseCacheFile(changed)).get('基本計画の指標')).toBeUndefined();
  });

  it('never serves an entry whose pieces do not make its text', () => {
    process.env.TASSEI_CACHE_DIR = mkdtempSync(join(tmpdir(), 'tassei-cache-test-'));
    const cache = openPhraseCache();
    cache.set('基本計画', ['基本', '目標']);
    expect(cache.get('基本計画')).toBeUndefined();
  });
});
