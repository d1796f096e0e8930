import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { recordOf } from '../src/extract/pages.js';
import { readPdf } from '../src/extract/pdf.js';
import { extractionCases, storedRecord, writeStoredPages } from './helpers/extraction-fixtures.js';

/**
 * The pages stored beside each extraction fixture (the unit and slow lanes extract from them: see
 * src/extract/fixtures.test.ts) are what pdf.js gives for its PDF today. A new pdf.js, a change
 * to the reader in src/extract/pdf.ts or a new PDF makes them stale: `UPDATE_FIXTURES=1`
 * rewrites them (then read what changed in the unit and slow lanes).
 */
const cases = extractionCases();

it('every extraction fixture has its stored pages checked: at least 70', () => {
  expect(cases.length).toBeGreaterThanOrEqual(70);
});

it.each(cases.map((c) => [c.pdf, c] as const))('%s: the stored pages are what pdf.js gives for it', async (_, c) => {
  const pages = await readPdf(new Uint8Array(readFileSync(c.pdf)), c.pdf);
  const stored = storedRecord(c.pages);
  if (JSON.stringify(stored) === JSON.stringify(recordOf(pages))) return;
  if (process.env.UPDATE_FIXTURES) writeStoredPages(c.pages, pages);
  else expect.fail(`${c.pages}${stored ? ' is stale' : ' is missing'}: run with UPDATE_FIXTURES=1`);
});
