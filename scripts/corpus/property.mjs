// The layout property: a random document printed by pdfmake in a random layout extracts to
// exactly that document. Shared by the property test (`npm test`, 50 seeded cases) and
// `npm run fuzz` (thousands, with shrinking); the extractor is passed in, so the test uses the
// sources and the fuzzer the build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { failureText } from './classes.mjs';
import { differences, formatDifferences } from './compare.mjs';
import { PROPERTY_SIZE, kpiDocumentArb, narrativeDocumentArb } from './documents.mjs';
import { familyBlocks } from './family-tables.mjs';
import { familyCaseArb } from './families.mjs';
import { pdfmakePdf } from './pdfmake.mjs';
import { asPrinted, blocksOf, layoutArb } from './tables.mjs';

/** A case: a random document of either kind and a random pdfmake layout. */
export const layoutCaseArb = fc.record({
  document: fc.oneof(kpiDocumentArb(PROPERTY_SIZE), narrativeDocumentArb(PROPERTY_SIZE)),
  layout: layoutArb('pdfmake'),
});

/** Prints a case to a PDF file; the layout as resolved (font size, widths) is returned with it. */
export async function printCase({ document, layout }, file) {
  const resolved = structuredClone(layout);
  const blocks = blocksOf(document, resolved);
  writeFileSync(file, await pdfmakePdf(blocks, resolved, document.title));
  return { ...resolved, tables: blocks.filter((b) => b.type === 'table').map((b) => ({ role: b.role, widths: b.widths, breaksBefore: b.breaksBefore })) };
}

/**
 * The property over `extract(file) → document` (or `{ document, flagged }`): differences make it
 * fail with their list, unless the extractor flagged its reading; `tally` counts both kinds.
 */
export function layoutProperty(extract, tally = { exact: 0, flagged: 0 }) {
  const dir = mkdtempSync(join(tmpdir(), 'tassei-layout-property-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return fc.asyncProperty(layoutCaseArb, async (c) => {
    const file = join(dir, `case-${(n += 1)}.pdf`);
    await printCase(c, file);
    let diffs;
    // `extract` gives the document, or { document, flagged } where a reading the extractor's
    // self-check doubts may differ: it is then not silently wrong.
    let flagged = false;
    try {
      const got = await extract(file);
      flagged = got?.flagged === true;
      diffs = differences(asPrinted(c.document, c.layout), got?.document ?? got);
    } catch (error) {
      diffs = [{ path: '(extraction failed)', expected: 'a document', got: failureText(error) }];
    } finally {
      rmSync(file, { force: true });
    }
    if (diffs.length === 0) tally.exact += 1;
    else if (flagged) {
      tally.flagged += 1;
      return;
    }
    if (diffs.length > 0) throw new Error(`${diffs.length} fields differ:\n${formatDifferences(diffs, 20)}`);
  });
}

/** A case of another municipality's family: its document and print style, and a random pdfmake layout. */
export const familyLayoutCaseArb = (family) => fc.record({ drawn: familyCaseArb(family), layout: layoutArb('pdfmake') });

/**
 * Prints a family's case to a PDF file on A4 or A3; the document as printed (the tables may add
 * to a copy of it, never to the case's) and the layout as resolved are returned.
 */
export async function printFamilyCase({ drawn, layout }, file) {
  const document = structuredClone(drawn.document);
  const resolved = { ...structuredClone(layout), page: { ...layout.page, size: layout.page.size === 'A3' ? 'A3' : 'A4' } };
  writeFileSync(file, await pdfmakePdf(familyBlocks(document, drawn.style, resolved), resolved, document.title));
  return { document, layout: resolved };
}

/**
 * The same property over a family's documents (families.mjs): printed by pdfmake on A4 or A3 and
 * extracted, `extract(file) → { document, scheme }`; the scheme told is held to the document's.
 * Differences throw with their list; `tally` counts the exact cases.
 */
export function familyLayoutProperty(family, extract, tally = { exact: 0 }) {
  const dir = mkdtempSync(join(tmpdir(), 'tassei-family-property-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return fc.asyncProperty(familyLayoutCaseArb(family), async ({ drawn, layout }) => {
    const file = join(dir, `case-${(n += 1)}.pdf`);
    const { document } = await printFamilyCase({ drawn, layout }, file);
    let diffs;
    try {
      const got = await extract(file);
      diffs = differences(document, got.document);
      if ((document.scheme ?? 'default') !== got.scheme.id) diffs.push({ path: '(scheme)', expected: document.scheme ?? 'default', got: got.scheme.id });
    } catch (error) {
      diffs = [{ path: '(extraction failed)', expected: 'a document', got: failureText(error) }];
    } finally {
      rmSync(file, { force: true });
    }
    if (diffs.length === 0) tally.exact += 1;
    else throw new Error(`${family} (seed ${drawn.seed}): ${diffs.length} fields differ:\n${formatDifferences(diffs, 20)}`);
  });
}
