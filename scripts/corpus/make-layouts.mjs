#!/usr/bin/env node
// The corpus of other municipalities' layouts (test/fixtures/layouts/): documents of the families
// of /work/shared/layouts.md (families.mjs), each printed by a producer in a layout drawn from a
// seed (font, size, page, rules, alignment, padding). Writes for every PDF the document it
// prints with its `layout` (NAME.yaml, what extraction must give back) and the print choices
// (NAME.layout.json), so that a failure can be reproduced.
//
// Run: npm run corpus:layouts [-- --only chromium,writer,cairo] [-- --seed N] [-- --out DIR] [-- --without-text-values] [-- --without-legend-vocabularies]
// (--out: a corpus elsewhere, e.g. one drawn from another seed to test the reader on layouts it
// was not fixed on: node scripts/corpus/held-out.mjs DIR counts it)
// Needs: the build (dist/); for calc/writer/chromium: LibreOffice, chromium and the IPA fonts
// (Debian: libreoffice-calc libreoffice-writer chromium fonts-ipafont fonts-ipaexfont).
// Then `UPDATE_FIXTURES=1 npx vitest run test/stored-pages.test.ts` stores their pdf.js pages.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { evaluateDocument } from '../../dist/evaluate/evaluate.js';
import { readBuiltInSchemes } from '../../dist/evaluate/scheme-file.js';
import { parseDocumentText, stringifyDocument } from '../../dist/io/yaml.js';
import { legendScheme } from '../../dist/model/scheme.js';
import { walkIndicators } from '../../dist/model/walk.js';
import { renderPdf } from '../../dist/render/pdf.js';
import { familyBlocks } from './family-tables.mjs';
import { FAMILIES, familyCase, withLegendWhereUntold } from './families.mjs';
import { PRODUCERS, PRODUCER_RULES } from './producers.mjs';
import { layoutArb } from './tables.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261204' },
    only: { type: 'string' },
    out: { type: 'string' },
    'documents-only': { type: 'boolean', default: false },
    // The committed corpus was drawn before text values (調査中, 2,000以上) were: this draws it again.
    'without-text-values': { type: 'boolean', default: false },
    // …and before vocabularies of a legend of their own (順調, A/B+/B/C, 進展): this draws it again.
    'without-legend-vocabularies': { type: 'boolean', default: false },
  },
});
const drawing = { textValues: !args['without-text-values'], legendVocabularies: !args['without-legend-vocabularies'] };
const out = args.out ? resolve(args.out) : join(root, 'test/fixtures/layouts');
// --documents-only: the documents (.yaml) written again, the PDFs left as they are (a change of
// what a document holds that does not change its print).
const print = !args['documents-only'];
const seed = Number(args.seed);

/** How many documents of each family every producer prints. */
export const PLAN = {
  pdfmake: { F1: 10, F2: 8, F3: 6, F5: 6, F7: 8 },
  chromium: { F1: 10, F2: 8, F3: 6, F5: 6, F7: 8 },
  writer: { F1: 8, F2: 6, F3: 4, F5: 4, F7: 6 },
  calc: { F1: 8, F2: 6, F3: 4, F5: 4, F7: 6 },
};
/**
 * A fifth producer, cairo (as Firefox and GTK print on Linux): the first of each family's Writer
 * and Calc prints printed again through pdftocairo (poppler-utils).
 */
const REPRINTS = { cairo: { from: ['writer', 'calc'], each: 3 } };
/**
 * tassei itself (`render` of a document with a layout), a few documents of each family: it
 * prints the figures it computes, so the document it is held to has the computed progress,
 * statuses and counts where its columns and count tables print them.
 */
const TASSEI = { each: 5, families: ['F1', 'F2', 'F5', 'F7', 'F3'] }; // F3 last: the others' draws stay as they were
const only = args.only ? args.only.split(',') : [...Object.keys(PLAN), ...Object.keys(REPRINTS), 'tassei'];

/** The print layout of a case: the corpus's draw, on A4 or A3 (what the model's `paper` holds). */
function printLayout(producer, caseSeed, k) {
  const [layout] = fc.sample(layoutArb(producer), { seed: caseSeed, numRuns: 1 });
  layout.rules = PRODUCER_RULES[producer][k % PRODUCER_RULES[producer].length];
  layout.page.size = caseSeed % 4 === 0 ? 'A3' : 'A4';
  return layout;
}

mkdirSync(out, { recursive: true });
if (print) for (const file of readdirSync(out)) if (only.some((p) => file.includes(`-${p}-`))) rmSync(join(out, file));

let written = 0;
for (const producer of only.filter((p) => PLAN[p])) {
  let k = 0;
  for (const family of FAMILIES) {
    for (let n = 0; n < PLAN[producer][family]; n++, k++) {
      const caseSeed = seed + k * 7919 + producer.length * 104729 + FAMILIES.indexOf(family) * 15485863;
      const { document, style } = familyCase(family, caseSeed, drawing);
      const layout = printLayout(producer, caseSeed, k);
      const blocks = familyBlocks(document, style, layout);
      const name = `${family.toLowerCase()}-${producer}-${String(n + 1).padStart(2, '0')}-${layout.rules}`;
      const started = Date.now();
      if (print) await PRODUCERS[producer](blocks, layout, document.title, join(out, `${name}.pdf`));
      const tables = blocks.filter((b) => b.type === 'table').map((b) => ({ role: b.role, widths: b.widths }));
      writeFileSync(join(out, `${name}.layout.json`), `${JSON.stringify({ seed: caseSeed, family, style, ...layout, tables }, null, 1)}\n`);
      // Written and read back: a document the loader refuses is the generator's mistake.
      const yaml = stringifyDocument(document, join(out, `${name}.yaml`));
      parseDocumentText(yaml, `${name}.yaml`);
      writeFileSync(join(out, `${name}.yaml`), yaml);
      written += 1;
      console.log(`${name}.pdf (${Date.now() - started} ms)`);
    }
  }
}
if (only.includes('tassei')) {
  const schemes = readBuiltInSchemes();
  for (const family of TASSEI.families) {
    for (let n = 0; n < TASSEI.each; n++) {
      const caseSeed = seed + n * 7919 + 6 * 104729 + FAMILIES.indexOf(family) * 15485863;
      const { document, style } = familyCase(family, caseSeed, drawing);
      // The widths, orientation and paper of a print of the corpus's own (pdfmake's) layout.
      familyBlocks(document, style, printLayout('pdfmake', caseSeed, n));
      const scheme = document.scheme === 'legend' ? legendScheme(document.layout.legend.marks) : schemes.find((s) => s.id === (document.scheme ?? 'default'));
      const printed = withLegendWhereUntold(asRendered(document, scheme));
      const name = `${family.toLowerCase()}-tassei-${String(n + 1).padStart(2, '0')}-own`;
      if (print) writeFileSync(join(out, `${name}.pdf`), await renderPdf(printed, scheme, undefined));
      writeFileSync(join(out, `${name}.layout.json`), `${JSON.stringify({ seed: caseSeed, family, style, producer: 'tassei' }, null, 1)}\n`);
      const yaml = stringifyDocument(printed, join(out, `${name}.yaml`));
      parseDocumentText(yaml, `${name}.yaml`);
      writeFileSync(join(out, `${name}.yaml`), yaml);
      written += 1;
      console.log(`${name}.pdf`);
    }
  }
}

/** The document as tassei renders it: progress, statuses and counts computed, where its columns and count tables print them. */
function asRendered(document, scheme) {
  const copy = structuredClone(document);
  const evaluation = evaluateDocument(copy, scheme);
  const roles = new Set(copy.layout.columns.map((c) => c.role));
  walkIndicators(copy).forEach(({ indicator }, k) => {
    const e = evaluation.indicators[k];
    indicator.reported = { progress: roles.has('progress') ? e.progress : null, status: roles.has('grade') ? e.status : null };
  });
  if (copy.layout.summary)
    for (const s of copy.strategies) {
      const row = s.policies.length === 0 ? 'goal' : 'total';
      s[row === 'goal' ? 'reportedGoalSummary' : 'reportedSummary'] = evaluation.summaries.find((x) => x.strategy === s.no && x.row === row).computed;
    }
  return copy;
}

for (const producer of only.filter((p) => REPRINTS[p])) {
  const { from, each } = REPRINTS[producer];
  for (const family of FAMILIES) {
    const sources = from.flatMap((p) =>
      readdirSync(out)
        .filter((f) => f.startsWith(`${family.toLowerCase()}-${p}-`) && f.endsWith('.pdf'))
        .sort()
        .slice(0, each),
    );
    sources.forEach((source, n) => {
      const [, via, , rules] = source.replace(/\.pdf$/, '').split('-');
      const name = `${family.toLowerCase()}-${producer}-${String(n + 1).padStart(2, '0')}-${rules}-${via}`;
      if (print) execFileSync('pdftocairo', ['-pdf', join(out, source), join(out, `${name}.pdf`)]);
      const printed = JSON.parse(readFileSync(join(out, source.replace(/\.pdf$/, '.layout.json')), 'utf8'));
      writeFileSync(join(out, `${name}.layout.json`), `${JSON.stringify({ reprintOf: source, through: producer, ...printed }, null, 1)}\n`);
      copyFileSync(join(out, source.replace(/\.pdf$/, '.yaml')), join(out, `${name}.yaml`));
      written += 1;
      console.log(`${name}.pdf (${source} through ${producer})`);
    });
  }
}
console.log(`${written} PDFs written to ${out}`);
