import { expect, it } from 'vitest';
import { extractionCases, fixturesAgainstKnown } from './helpers/extraction-fixtures.js';

/**
 * The corpus's Calc and Writer PDFs printed again through Ghostscript (as a printer driver
 * prints) and through cairo (as Firefox and GTK print on Linux), from their stored pages: each
 * must extract as the same PDF printed directly, except what their known-differences.json lists.
 * In this lane, as the unit lane has to stay fast.
 */
it('the corpus printed again through other producers extracts to its source documents', () => {
  const cases = extractionCases('e2e');
  expect(cases.length).toBeGreaterThanOrEqual(50);
  const { failures, exact } = fixturesAgainstKnown(cases);
  console.log(`reprinted fixtures: ${exact} of ${cases.length} extract exactly; ${cases.length - exact} with the known differences listed`);
  expect(failures.length, `${failures.length} of ${cases.length} fixtures differ from what is known:\n\n${failures.join('\n\n')}\n`).toBe(0);
});
