import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { recordOf } from '../src/extract/pages.js';
import { readPdf } from '../src/extract/pdf.js';
import { extractionCases, storedRecord, writeStoredPages } from './helpers/extraction-fixtures.js';

/**
 * The pages stored beside each extraction fixture (the unit lane extracts from them: see
 * src/extract/fixtures.test.ts) are what pdf.js gives for its PDF today. A new pdf.js, a change
 * to the reader in src/extract/pdf.ts or a new PDF makes them stale: `UPDATE_FIXTURES=1`
 * rewrites them (then read what changed in the unit lane).
 */
it('the stored pages of every extraction fixture are what pdf.js gives for its PDF', async () => {
  const cases = extractionCases();
  expect(cases.length).toBeGreaterThanOrEqual(70);
  const stale: string[] = [];
  for (const c of cases) {
    const pages = await readPdf(new Uint8Array(readFileSync(c.pdf)), c.pdf);
    const stored = storedRecord(c.pages);
    if (JSON.stringify(stored) === JSON.stringify(recordOf(pages))) continue;
    if (process.env.UPDATE_FIXTURES) writeStoredPages(c.pages, pages);
    else stale.push(`${c.pages}${stored ? '' : ' (missing)'}`);
  }
  expect(stale, `stale stored pages (run with UPDATE_FIXTURES=1):\n${stale.join('\n')}`).toEqual([]);
}, 600_000);
