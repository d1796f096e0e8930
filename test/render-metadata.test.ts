import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KpiDocument, NarrativeDocument } from '../src/model/types.js';
import { parseDocumentText } from '../src/io/yaml.js';
import { creationDate, renderPdf } from '../src/render/pdf.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

/** A PDF's bytes as text: its dictionaries are not compressed. */
const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
const tags = (pdf: Uint8Array) => [...text(pdf).matchAll(/\/([A-Z]{6})\+BIZUDPGothic-/g)].map((m) => m[1]!);

describe('PDF metadata of a council document', () => {
  const kpi = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;
  const narrative = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;

  it("names its fonts' subsets apart from another document's, so that merged documents do not collide; the same document alike", async () => {
    const [a, b, again] = [await renderPdf(kpi, DEFAULT_SCHEME), await renderPdf(narrative, DEFAULT_SCHEME), await renderPdf(kpi, DEFAULT_SCHEME)];
    expect(tags(a)).not.toEqual([]);
    expect(tags(a).filter((t) => tags(b).includes(t))).toEqual([]);
    expect(Buffer.from(again).equals(Buffer.from(a))).toBe(true);
  }, 60_000);

  it('sets the title (shown in place of the file name), the language and a creation date of the document', async () => {
    const pdf = text(await renderPdf(kpi, DEFAULT_SCHEME));
    expect(pdf).toContain('/Lang (ja-JP)');
    expect(pdf).toContain('/DisplayDocTitle true');
    expect(pdf).toMatch(/\/Title \d+ 0 R/);
    // R1's figures: the report is made in the fiscal year after, from 2020-04-01.
    expect(pdf).toContain('(D:20200401000000Z)');
  }, 60_000);

  it.each([
    [{}, 2019, '2020-04-01T00:00:00.000Z'],
    [{ SOURCE_DATE_EPOCH: '1700000000' }, 2019, '2023-11-14T22:13:20.000Z'],
    [{ SOURCE_DATE_EPOCH: 'soon' }, 2023, '2024-04-01T00:00:00.000Z'],
    [{}, null, '2000-01-01T00:00:00.000Z'],
  ] as const)('creation date with %o and figures of %s: %s', (env, year, date) => {
    expect(creationDate(year, env).toISOString()).toBe(date);
  });
});
