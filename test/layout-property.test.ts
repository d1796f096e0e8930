import fc from 'fast-check';
import { expect, it } from 'vitest';
import { layoutProperty } from '../scripts/corpus/property.mjs';
import { FONTS_NOT_INSTALLED } from '../scripts/corpus/tables.mjs';
import { extractPdfFile } from '../src/extract/extract.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

/**
 * Random documents (strategies, policies, measures, indicators with Japanese names of any
 * length, values with year notes, `-`, decimals and △) printed by pdfmake in random layouts
 * (column widths, fonts, rule styles, alignment, page size, page breaks): each extracts
 * exactly, or the extractor's self-check says where it doubts its reading — never silently
 * wrong. `npm run fuzz` holds every case to exactness, runs thousands and shrinks a failure;
 * `FUZZ_SEED` replays a seed here.
 */
const RUNS = 50;

if (FONTS_NOT_INSTALLED.length > 0)
  console.log(
    `layout property: ${FONTS_NOT_INSTALLED.join(', ')} not installed (Debian: fonts-ipafont, fonts-ipaexfont, fonts-noto-cjk): printed with fonts/BIZUDPGothic-Regular.ttf instead`,
  );

it(`a random document in a random pdfmake layout extracts exactly or with a warning (${RUNS} seeded cases)`, async () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261123);
  const tally = { exact: 0, flagged: 0 };
  const extract = async (file: string) => {
    const { document, messages } = await extractPdfFile(file, DEFAULT_SCHEME);
    return { document, flagged: messages.some((m) => m.severity === 'warning') };
  };
  // No shrinking here (each step prints and extracts a PDF); the report names seed and path
  // for `npm run fuzz -- --seed S --path P`, which shrinks.
  await fc.assert(layoutProperty(extract, tally), { seed, numRuns: RUNS, endOnFailure: true });
  console.log(`layout property: ${tally.exact} of ${RUNS} exact, ${tally.flagged} read with a warning`);
  expect(tally.exact + tally.flagged).toBe(RUNS);
}, 300_000);
