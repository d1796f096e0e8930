import fc from 'fast-check';
import { it } from 'vitest';
import { layoutProperty } from '../scripts/corpus/property.mjs';
import { extractPdfFile } from '../src/extract/extract.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

/**
 * Random documents (strategies, policies, measures, indicators with Japanese names of any
 * length, values with year notes, `-`, decimals and △) printed by pdfmake in random layouts
 * (column widths, fonts, rule styles, alignment, page size, page breaks) extract exactly.
 * `npm run fuzz` runs thousands of cases and shrinks a failure; `FUZZ_SEED` replays a seed here.
 */
const RUNS = 50;

it(`a random document in a random pdfmake layout extracts exactly (${RUNS} seeded cases)`, async () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261123);
  // No shrinking here (each step prints and extracts a PDF); the report names seed and path
  // for `npm run fuzz -- --seed S --path P`, which shrinks.
  await fc.assert(layoutProperty(async (file) => (await extractPdfFile(file, DEFAULT_SCHEME)).document), { seed, numRuns: RUNS, endOnFailure: true });
}, 300_000);
