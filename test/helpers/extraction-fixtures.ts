import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type PagesRecord, pagesOf, recordOf } from '../../src/extract/pages.js';
import type { PageContent } from '../../src/extract/pdf.js';
import { writeFileAtomic } from '../../src/io/files.js';
import { differences, formatDifferences, type Difference } from '../../scripts/corpus/compare.mjs';

export { differences, formatDifferences, type Difference };

/**
 * Every PDF whose extraction is held to a source document, with the pages pdf.js gave for it
 * stored beside (`NAME.pages.json.gz`, a PagesRecord): the unit lane extracts from the stored
 * pages, the e2e lane checks that they are what pdf.js gives today (`UPDATE_FIXTURES=1`
 * rewrites them). A set's known-differences.json lists, per PDF, the fields that still differ
 * and why.
 */
export interface ExtractionCase {
  /** The PDF's file name: its key in the set's known differences. */
  name: string;
  pdf: string;
  pages: string;
  expected: string;
  known: string;
}

interface FixtureSet {
  /** Where the PDFs are. */
  pdfs: string;
  /** Where their pages are stored, with the set's known-differences.json. */
  stored: string;
  /** The source document a PDF was printed from, or null for a PDF not held to one. */
  expectedOf(pdf: string): string | null;
}

const EXPECTED = 'test/fixtures/expected';
/** `kpi-r1.chromium-borders.pdf` and `kpi-r1.pdf` were printed from `kpi-r1.yaml`. */
const sharedExpected = (pdf: string) => {
  const path = join(EXPECTED, `${basename(pdf).split('.')[0]}.yaml`);
  return existsSync(path) ? path : null;
};

const SETS: FixtureSet[] = [
  // The generated layout corpus (scripts/corpus/make.mjs): each PDF beside its source YAML.
  { pdfs: 'test/fixtures/corpus', stored: 'test/fixtures/corpus', expectedOf: (pdf) => pdf.replace(/\.pdf$/, '.yaml') },
  // Hand-made prints of the samples by other producers; the unreadable PDFs there have no source.
  { pdfs: 'test/fixtures/pdf', stored: 'test/fixtures/pdf', expectedOf: sharedExpected },
  // The two samples that `npm start` reads.
  { pdfs: 'input', stored: 'test/fixtures/samples', expectedOf: sharedExpected },
];

export function extractionCases(): ExtractionCase[] {
  return SETS.flatMap((set) => readdirSync(set.pdfs).filter((f) => f.endsWith('.pdf')).sort().flatMap((name) => {
    const pdf = join(set.pdfs, name);
    const expected = set.expectedOf(pdf);
    if (!expected) return [];
    return [{ name, pdf, pages: join(set.stored, name.replace(/\.pdf$/, '.pages.json.gz')), expected, known: join(set.stored, 'known-differences.json') }];
  }));
}

export function storedRecord(path: string): PagesRecord | null {
  return existsSync(path) ? (JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as PagesRecord) : null;
}

export function readStoredPages(path: string): PageContent[] {
  const record = storedRecord(path);
  if (!record) throw new Error(`${path} is missing: run the e2e lane with UPDATE_FIXTURES=1`);
  return pagesOf(record);
}

export function writeStoredPages(path: string, pages: readonly PageContent[]): void {
  writeFileAtomic(path, gzipSync(`${JSON.stringify(recordOf(pages))}\n`, { level: 9 }));
}

/** A PDF whose extraction still differs from its source: why, and exactly which fields. */
export interface Known {
  reason: string;
  fields: string[];
}

export function knownDifferences(path: string): Record<string, Known> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, Known>) : {};
}

/** Writes a set's known differences; a set with none needs no file. */
export function writeKnownDifferences(path: string, known: Record<string, Known>): void {
  if (Object.keys(known).length > 0 || existsSync(path)) writeFileAtomic(path, `${JSON.stringify(known, null, 2)}\n`);
}
