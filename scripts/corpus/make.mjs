#!/usr/bin/env node
// The layout corpus: the committed documents, perturbed ones and random ones, each printed in a
// layout drawn from a seed (column widths from narrow to wide, fonts, rule styles, alignment,
// page breaks, header repeated or not) by one of the producers. Writes, for every PDF, the
// source document it prints (NAME.yaml, what extraction must give back) and the layout that
// made it (NAME.layout.json), so that a failure can be reproduced.
//
// Run: npm run corpus [-- --seed N] [-- --only pdfmake,calc,writer,chromium]
// Needs: the build (dist/), and for calc/writer/chromium: libreoffice-calc, libreoffice-writer,
// chromium and fonts-ipafont, fonts-ipaexfont, fonts-noto-cjk (Debian).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { parseDocumentText, stringifyDocument } from '../../dist/io/yaml.js';
import { perturb, prng, sampleDocuments } from './documents.mjs';
import { PRODUCERS, PRODUCER_RULES } from './producers.mjs';
import { VALIGNS, asPrinted, blocksOf, layoutArb } from './tables.mjs';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'test/fixtures/corpus');
const { values: args } = parseArgs({ options: { seed: { type: 'string', default: '20261123' }, only: { type: 'string' } } });
const seed = Number(args.seed);
const only = args.only ? args.only.split(',') : Object.keys(PRODUCERS);

const committed = (name) => parseDocumentText(readFileSync(join(root, `test/fixtures/expected/${name}.yaml`), 'utf8'), name);

/**
 * Which documents each producer prints: the committed ones, perturbed ones (`~`) and random
 * ones (`*`). Big documents are printed less often, to keep the corpus small.
 */
const PLAN = {
  pdfmake: [
    'kpi-r1',
    'kpi-r1~',
    'kpi-r1~',
    'kpi-other-city',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'narrative-r5',
    'narrative-r5~',
    'narrative*',
    'narrative*',
    'narrative*',
    'narrative*',
    'kpi-other-city',
    'kpi*',
    'kpi*',
    'narrative*',
  ],
  calc: [
    'kpi-r1',
    'kpi-r1~',
    'kpi-other-city',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'narrative-r5',
    'narrative-r5~',
    'narrative*',
    'narrative*',
    'narrative*',
  ],
  writer: ['kpi-r1~', 'kpi-other-city', 'kpi*', 'kpi*', 'kpi*', 'kpi*', 'kpi*', 'kpi*', 'narrative-r5', 'narrative*', 'narrative*', 'narrative*'],
  chromium: [
    'kpi-r1',
    'kpi-r1~',
    'kpi-other-city',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'kpi*',
    'narrative-r5',
    'narrative-r5~',
    'narrative*',
    'narrative*',
    'narrative*',
  ],
};

function sourceDocument(entry, variantSeed) {
  const name = entry.replace(/[~*]$/, '');
  if (entry.endsWith('*')) return sampleDocuments(name, variantSeed, 1)[0];
  const doc = committed(name);
  return entry.endsWith('~') ? perturb(doc, prng(variantSeed)) : doc;
}

mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) if (only.some((p) => file.startsWith(`${p}-`))) rmSync(join(out, file));

let written = 0;
for (const producer of only) {
  const print = PRODUCERS[producer];
  for (const [k, entry] of PLAN[producer].entries()) {
    const variantSeed = seed + k * 7919 + producer.length * 104729;
    const doc = sourceDocument(entry, variantSeed);
    const [layout] = fc.sample(layoutArb(producer), { seed: variantSeed, numRuns: 1 });
    // Every rule style and alignment in turn, whatever the draw.
    layout.rules = PRODUCER_RULES[producer][k % PRODUCER_RULES[producer].length];
    layout.valign = VALIGNS[Math.floor(k / PRODUCER_RULES[producer].length) % VALIGNS.length];
    if (entry.startsWith('kpi-other-city')) layout.dialect = 'other-city';
    // A workbook has a sheet per strategy, and each sheet starts a page.
    if (producer === 'calc') layout.strategyPerPage = true;
    const blocks = blocksOf(doc, layout);
    const name = `${producer}-${String(k + 1).padStart(2, '0')}-${entry.replace('~', '-perturbed').replace('*', '-random')}-${layout.rules}`;
    const started = Date.now();
    await print(blocks, layout, doc.title, join(out, `${name}.pdf`));
    const tables = blocks.filter((b) => b.type === 'table').map((b) => ({ role: b.role, widths: b.widths, breaksBefore: b.breaksBefore }));
    writeFileSync(join(out, `${name}.layout.json`), `${JSON.stringify({ seed: variantSeed, source: entry, ...layout, tables }, null, 1)}\n`);
    // Written and read back: a source document the loader refuses is the generator's mistake.
    const yaml = stringifyDocument(asPrinted(doc, layout), join(out, `${name}.yaml`));
    parseDocumentText(yaml, `${name}.yaml`);
    writeFileSync(join(out, `${name}.yaml`), yaml);
    written += 1;
    console.log(`${name}.pdf (${Date.now() - started} ms)`);
  }
}
console.log(`${written} PDFs written to ${out}`);
