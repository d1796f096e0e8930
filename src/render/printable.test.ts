import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureText } from './fonts.js';
import { openPhraseCache } from '../japanese/cache.js';
import { MAX_RUN_LENGTH, runsOf } from '../japanese/tokenizer.js';
import { GETA, allowTallRowsToBreak, printableDocument, printableText } from './printable.js';

describe('glyphs the embedded fonts lack', () => {
  it.each<[string, string, string, string[]]>([
    ['a kanji outside JIS (𠮷, U+20BB7)', '𠮷田市', `${GETA}田市`, ['𠮷']],
    ['Hangul', '한국 交流', `${GETA}${GETA} 交流`, ['한', '국']],
    ['an emoji, and a family of them joined by ZWJ as one', '観光😀と👨‍👩‍👧', `観光${GETA}と${GETA}`, ['😀', '👨‍👩‍👧']],
    ['control characters (a bell, a tab)', 'a\u0007b\tc', `a${GETA}b${GETA}c`, ['\u0007', '\t']],
    ['a variation selector the font lacks, on a kanji it has', '葛\u{E0100}城', '葛城', ['葛\u{E0100}']],
  ])('%s: each is named and printed as 〓', (_, text, printed, missing) => {
    expect(printableText(text)).toEqual({ text: printed, missing });
  });

  it('keeps what the fonts have, line breaks included', () => {
    const text = '髙﨑①～（Ｒ6）・○※\n2,000人 △12 ABC';
    expect(printableText(text)).toEqual({ text, missing: [] });
  });

  it('〓 keeps the layout: one em, as wide as the kanji it stands for', () => {
    expect(measureText(GETA, 10)).toBeCloseTo(measureText('吉', 10), 5);
    // What it replaces would be measured at another width (or none), pushing the next column.
    expect(measureText(printableText('𠮷田').text, 10)).toBeCloseTo(measureText('吉田', 10), 5);
  });

  it('names each character and where it is, in a warning per text', () => {
    const doc = { title: '𠮷田市', goals: [{ no: 1, policies: [{ results: ['ok', '한글😀'] }] }] };
    const { value, messages } = printableDocument(doc, 'doc.yaml');
    expect(value).toEqual({ title: `${GETA}田市`, goals: [{ no: 1, policies: [{ results: ['ok', `${GETA}${GETA}${GETA}`] }] }] });
    expect(doc.title).toBe('𠮷田市');
    expect(messages).toMatchObject([
      { severity: 'warning', rule: 'glyph-missing', file: 'doc.yaml', path: 'title', message: { en: expect.stringContaining('「𠮷」(U+20BB7)') } },
      { path: 'goals[0].policies[0].results[1]', message: { en: expect.stringMatching(/「한」\(U\+D55C\)、「글」\(U\+AE00\)、「😀」\(U\+1F600\)/) } },
    ]);
  });
});

describe('rows taller than a page', () => {
  const table = (text: string) => ({
    table: {
      dontBreakRows: true,
      widths: [36, 276],
      body: [
        [{ text: 'h' }, { text: 'h' }],
        [{ text: '1' }, { text: [{ text }] }],
      ],
    },
  });

  it('a table with a row that cannot fit on a page may break its rows (else pdfmake drops the rest of the row)', () => {
    const definition = { content: [table('観'.repeat(3000))] };
    allowTallRowsToBreak(definition);
    expect(definition.content[0]!.table.dontBreakRows).toBe(false);
  });

  it('tables of ordinary rows keep them whole', () => {
    const definition = { content: [table('観光の振興と魅力の創出'.repeat(10))] };
    allowTallRowsToBreak(definition);
    expect(definition.content[0]!.table.dontBreakRows).toBe(true);
  });
});

describe('long text and kuromoji', () => {
  it('cuts text longer than a run at punctuation, never inside a surrogate pair, and loses nothing', () => {
    const text = `${'観光の振興、'.repeat(200)}${'𠮷'.repeat(500)}`;
    const runs = runsOf(text);
    expect(runs.join('')).toBe(text);
    expect(runs.every((r) => r.length <= MAX_RUN_LENGTH)).toBe(true);
    expect(runs.some((r) => /^[\uDC00-\uDFFF]/.test(r))).toBe(false);
    expect(runs[0]!.endsWith('、')).toBe(true);
    expect(runsOf('観光の振興')).toEqual(['観光の振興']);
  });
});

describe('the phrase cache', () => {
  it('an entry whose pieces do not join to its text is ignored (and so cut again and rewritten)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tassei-phrases-')), 'phrases.json');
    const cache = openPhraseCache(file);
    cache.set('観光の振興', ['観光の', '振興']);
    cache.save();
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: [string, unknown][] };
    data.entries = [
      ['観光の振興', ['観光の', '破壊']],
      ['地域の', '地域の'],
      ['経済', [1, 2]],
      ['市民', ['市', '民']],
    ];
    writeFileSync(file, JSON.stringify(data));
    const tampered = openPhraseCache(file);
    expect(tampered.get('観光の振興')).toBeUndefined();
    expect(tampered.get('地域の')).toBeUndefined();
    expect(tampered.get('経済')).toBeUndefined();
    expect(tampered.get('市民')).toEqual(['市', '民']);
    tampered.set('観光の振興', ['観光の', '振興']);
    tampered.save();
    expect(openPhraseCache(file).get('観光の振興')).toEqual(['観光の', '振興']);
  });
});
