import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FAMILIES } from '../scripts/corpus/families.mjs';
import { familyLayoutProperty, layoutProperty } from '../scripts/corpus/property.mjs';
import { FONTS_NOT_INSTALLED } from '../scripts/corpus/tables.mjs';
import { readBuiltInSchemes } from '../src/evaluate/scheme-file.js';
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

/**
 * Other municipalities' families (layouts.md: F1 flat grids, F2 year series, F3 role rows, F5
 * comment blocks, F7 count tables), random documents of each printed by pdfmake in random
 * layouts and extracted back, layout and scheme included. A family listed in KNOWN with its
 * reason is not read exactly yet: its test fails once every case reads, so that the entry goes.
 */
// Twelve, not four: with four the seed of the day let F1 pass while other seeds still failed.
const FAMILY_RUNS = 12;
const KNOWN_FAMILIES: Record<string, string> = {};

it.each(FAMILIES.map((f) => [f]))(
  `%s: random documents of the family in random pdfmake layouts extract exactly (${FAMILY_RUNS} seeded cases)`,
  async (family) => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261204);
    const tally = { exact: 0 };
    const reading = { known: readBuiltInSchemes(), given: null, preferred: DEFAULT_SCHEME };
    const extract = async (file: string) => extractPdfFile(file, reading);
    let failure: unknown = null;
    try {
      await fc.assert(familyLayoutProperty(family, extract, tally), { seed, numRuns: FAMILY_RUNS, endOnFailure: true });
    } catch (error) {
      failure = error;
    }
    console.log(`${family}: ${tally.exact} of ${FAMILY_RUNS} exact before the first difference`);
    if (KNOWN_FAMILIES[family]) expect(failure, `${family} now reads exactly: remove it from KNOWN_FAMILIES`).not.toBeNull();
    else if (failure) throw failure;
  },
  300_000,
);
