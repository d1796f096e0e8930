import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type PagesRecord, pagesOf, recordOf } from '../../src/extract/pages.js';
import type { PageContent } from '../../src/extract/pdf.js';
import { type Extraction, extractPages } from '../../src/extract/extract.js';
import type { SchemeReading } from '../../src/extract/printed-scheme.js';
import { readBuiltInSchemes } from '../../src/evaluate/scheme-file.js';
import type { Scheme } from '../../src/model/scheme.js';
import { writeFileAtomic } from '../../src/io/files.js';
import { parseDocumentText } from '../../src/io/yaml.js';
import { DEFAULT_SCHEME } from './scheme.js';
import { differences, formatDifferences, type Difference } from '../../scripts/corpus/compare.mjs';

export { differences, formatDifferences, type Difference };

/**
 * Every PDF whose extraction is held to a source document, with the pages pdf.js gave for it
 * stored beside (`NAME.pages.json.gz`, a PagesRecord): the unit and slow lanes extract from the
 * stored pages, the e2e lane checks that they are what pdf.js gives today (`UPDATE_FIXTURES=1`
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
  /** The schemes the PDF is read with (the default scheme alone, or every built-in one as the command line reads). */
  schemes: Scheme | SchemeReading;
  /** Whether the scheme the extractor tells is held to the document's `scheme` (default where it has none). */
  checkScheme: boolean;
}

interface FixtureSet {
  /**
   * The test lane that extracts the set: the unit lane's must stay fast, so it holds the samples
   * and a sample of the layouts, and the slow lane the many prints of the same documents.
   * `layouts` (other municipalities' layouts) has tests of its own: test/layouts.test.ts and the
   * unit lane's sample.
   */
  lane: 'unit' | 'slow' | 'e2e' | 'layouts';
  /** Where the PDFs are. */
  pdfs: string;
  /** Where their pages are stored, with the set's known-differences.json. */
  stored: string;
  /** The source document a PDF was printed from, or null for a PDF not held to one. */
  expectedOf(pdf: string): string | null;
  /** Read with every built-in scheme, its scheme told and checked (default: the default scheme alone). */
  allSchemes?: boolean;
  /** A few of the set's PDFs the unit lane extracts too (from their stored pages), by file name. */
  unitSample?: (name: string) => boolean;
}

/** Every built-in scheme, the default preferred and none named: how the command line reads a PDF. */
const COMMAND_LINE_READING: SchemeReading = { known: readBuiltInSchemes(), given: null, preferred: DEFAULT_SCHEME };

const EXPECTED = 'test/fixtures/expected';
/** `kpi-r1.chromium-borders.pdf` and `kpi-r1.pdf` were printed from `kpi-r1.yaml`. */
const sharedExpected = (pdf: string) => {
  const path = join(EXPECTED, `${basename(pdf).split('.')[0]}.yaml`);
  return existsSync(path) ? path : null;
};

const SETS: FixtureSet[] = [
  // The generated layout corpus (scripts/corpus/make.mjs): each PDF beside its source YAML.
  { lane: 'slow', pdfs: 'test/fixtures/corpus', stored: 'test/fixtures/corpus', expectedOf: (pdf) => pdf.replace(/\.pdf$/, '.yaml') },
  // Hand-made prints of the samples by other producers; the unreadable PDFs there have no source.
  { lane: 'slow', pdfs: 'test/fixtures/pdf', stored: 'test/fixtures/pdf', expectedOf: sharedExpected },
  // The two samples that `npm start` reads.
  { lane: 'unit', pdfs: 'input', stored: 'test/fixtures/samples', expectedOf: sharedExpected },
  // Corpus PDFs printed again as a printer driver prints them (Ghostscript's pdfwrite, as from
  // PostScript) and as cairo prints (Firefox and GTK on Linux): scripts/corpus/reprint-through.sh.
  ...['ghostscript', 'cairo'].map((through) => ({
    lane: 'e2e' as const,
    pdfs: `test/fixtures/reprinted/${through}`,
    stored: `test/fixtures/reprinted/${through}`,
    expectedOf: (pdf: string) => join('test/fixtures/corpus', basename(pdf).replace(/\.pdf$/, '.yaml')),
  })),
  // PDFs of held-out corpora (make-layouts.mjs --seed N, counted before a fix was fitted to them)
  // that each found a fault of the reader, fixed since: beside its document; named seedN-NAME.
  {
    lane: 'unit',
    pdfs: 'test/fixtures/held-out',
    stored: 'test/fixtures/held-out',
    expectedOf: (pdf) => pdf.replace(/\.pdf$/, '.yaml'),
    allSchemes: true,
  },
  // Cases of the family property (test/layout-property.test.ts) that each found a fault of the
  // reader, fixed since, as `npm run fuzz -- --family F --seed S` wrote them: named F-seedS.
  {
    lane: 'unit',
    pdfs: 'test/fixtures/family-cases',
    stored: 'test/fixtures/family-cases',
    expectedOf: (pdf) => pdf.replace(/\.pdf$/, '.yaml'),
    allSchemes: true,
  },
  // Other municipalities' layouts (scripts/corpus/make-layouts.mjs): each PDF beside its document.
  {
    lane: 'layouts',
    pdfs: 'test/fixtures/layouts',
    stored: 'test/fixtures/layouts',
    expectedOf: (pdf) => pdf.replace(/\.pdf$/, '.yaml'),
    allSchemes: true,
    // The first of each family and producer (f1-chromium-01-rects.pdf).
    unitSample: (name) => name.split('-')[2] === '01',
  },
];

/** The fixtures of one lane, or of all. */
export function extractionCases(lane?: FixtureSet['lane']): ExtractionCase[] {
  const inLane = (set: FixtureSet) => (name: string) => !lane || set.lane === lane || (lane === 'unit' && set.unitSample?.(name) === true);
  return SETS.flatMap((set) =>
    (existsSync(set.pdfs) ? readdirSync(set.pdfs) : [])
      .filter((f) => f.endsWith('.pdf') && inLane(set)(f))
      .sort()
      .flatMap((name) => {
        const pdf = join(set.pdfs, name);
        const expected = set.expectedOf(pdf);
        if (!expected) return [];
        return [
          {
            name,
            pdf,
            pages: join(set.stored, name.replace(/\.pdf$/, '.pages.json.gz')),
            expected,
            known: join(set.stored, 'known-differences.json'),
            schemes: set.allSchemes ? COMMAND_LINE_READING : DEFAULT_SCHEME,
            checkScheme: set.allSchemes === true,
          },
        ];
      }),
  );
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

/** Fields listed at most per differing fixture. */
const MAX_LISTED = 12;

/**
 * How the extraction of a case differs from its source document, field by field (and the
 * scheme told, as the field `(scheme)`, where the set checks it): `extract` reads the PDF or
 * its stored pages.
 */
export async function caseDifferences(
  c: ExtractionCase,
  extract: (c: ExtractionCase) => Extraction | Promise<Extraction> = fromStoredPages,
): Promise<Difference[]> {
  const expected = parseDocumentText(readFileSync(c.expected, 'utf8'), c.expected);
  try {
    const { document, scheme } = await extract(c);
    const list = differences(expected, document);
    const told = expected.kind === 'kpi-progress' ? (expected.scheme ?? 'default') : null;
    if (c.checkScheme && told !== null && scheme.id !== told) list.push({ path: '(scheme)', expected: told, got: scheme.id });
    return list;
  } catch (error) {
    const messages = (error as { messages?: { rule: string; message: string }[] }).messages;
    return [{ path: '(extraction failed)', expected: 'a document', got: messages?.map((m) => `${m.rule}: ${m.message}`).join('; ') ?? String(error) }];
  }
}

/** Extraction from the pages stored beside the PDF (no PDF parsed). */
export const fromStoredPages = (c: ExtractionCase): Extraction => extractPages(readStoredPages(c.pages), c.pdf, c.schemes);

/**
 * A case against its set's known differences: null where the fields that differ are exactly
 * those listed, else what went wrong (a regression, or a fix that leaves the list stale).
 */
export function verdictOf(c: ExtractionCase, list: readonly Difference[], known: Record<string, Known>): string | null {
  const allowed = known[c.name]?.fields ?? [];
  if (JSON.stringify(list.map((d) => d.path)) === JSON.stringify(allowed)) return null;
  return allowed.length > 0 && list.length === 0
    ? `${c.pdf}: now extracts exactly — remove it from ${c.known}`
    : `${c.pdf}: ${list.length} fields differ\n  ${formatDifferences(list, MAX_LISTED).replace(/\n/g, '\n  ')}`;
}

/**
 * With `UPDATE_KNOWN=1`: rewrites a set's known differences from what was found. The reasons are
 * kept (new ones to be written by hand), or told from the fields by `reasonOf` where given.
 */
export function updateKnown(
  file: string,
  cases: readonly ExtractionCase[],
  found: ReadonlyMap<string, readonly Difference[]>,
  reasonOf?: (paths: string[]) => string,
): void {
  const known = knownDifferences(file);
  const next: Record<string, Known> = {};
  for (const c of cases.filter((k) => k.known === file)) {
    const fields = (found.get(c.pdf) ?? []).map((d) => d.path);
    if (fields.length > 0) next[c.name] = { reason: reasonOf?.(fields) ?? known[c.name]?.reason ?? 'TODO: say why', fields };
  }
  writeKnownDifferences(file, next);
}

/**
 * The tests of one lane's fixtures, one per PDF, named by its path: each is extracted from its
 * stored pages and held to its source document, except the fields its set's
 * known-differences.json lists with the reason. A regression fails, and so does a fix that leaves
 * the list stale (`UPDATE_KNOWN=1` rewrites the fields once every case has run; reasons are
 * written by hand). At the end, how many extract exactly.
 */
export function describeFixtures(lane: FixtureSet['lane'], atLeast: number, cases = extractionCases(lane)): void {
  const found = new Map<string, Difference[]>();
  const knownFiles = [...new Set(cases.map((c) => c.known))];
  const known = new Map(knownFiles.map((f) => [f, knownDifferences(f)]));

  describe(`extraction fixtures (${lane} lane)`, () => {
    it(`are at least ${atLeast}`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(atLeast);
    });

    it.each(cases.map((c) => [c.pdf, c] as const))('%s extracts from its stored pages to its source document, field by field', async (_, c) => {
      const list = await caseDifferences(c);
      found.set(c.pdf, list);
      expect(verdictOf(c, list, known.get(c.known)!), known.get(c.known)![c.name]?.reason).toBeNull();
    });

    afterAll(() => {
      if (found.size < cases.length) return;
      // A set the lane only samples (the layouts) is rewritten by its own tests, which extract it whole.
      const whole = (file: string) => extractionCases().filter((c) => c.known === file).length === cases.filter((c) => c.known === file).length;
      if (process.env.UPDATE_KNOWN) for (const file of knownFiles.filter(whole)) updateKnown(file, cases, found);
      const exact = cases.filter((c) => found.get(c.pdf)!.length === 0).length;
      console.log(`extraction fixtures (${lane} lane): ${exact} of ${cases.length} extract exactly; ${cases.length - exact} with the known differences listed`);
    });
  });
}
