import { describeFixtures } from './helpers/extraction-fixtures.js';

/**
 * The corpus's Calc and Writer PDFs printed again through Ghostscript (as a printer driver
 * prints) and through cairo (as Firefox and GTK print on Linux), from their stored pages: each
 * must extract as the same PDF printed directly, except what their known-differences.json lists.
 * In this lane, as the unit lane has to stay fast.
 */
describeFixtures('e2e', 50);
