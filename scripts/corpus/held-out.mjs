#!/usr/bin/env node
// A layout corpus the reader was not fixed on, against the reader: every PDF in DIR extracted as
// the command line reads it (every built-in scheme, the one told checked) and compared, field by
// field, with the document beside it. Prints the counts by family and producer, the PDFs by
// class of cause (classes.mjs, FAILURES.md) and each differing PDF's first fields.
//
// Run: npm run corpus:layouts -- --seed 7 --out /tmp/held-out
//      node scripts/corpus/held-out.mjs /tmp/held-out [--dist DIR] [--only chromium,f2-] [-v]
// (--only: the PDFs whose names hold one of these parts; -v: every differing field)
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { CLASS_NAMES, classesOf, failureText } from './classes.mjs';
import { differences, formatDifferences } from './compare.mjs';
import { countsTable } from './layout-counts.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: join(root, 'dist') },
    only: { type: 'string' },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/corpus/held-out.mjs DIR [--dist DIR] [--only PART,…] [-v]');
  process.exit(2);
}
const dir = resolve(positionals[0]);
const load = (module) => import(pathToFileURL(join(resolve(args.dist), module)).href);
const { extractPdfFile } = await load('extract/extract.js');
const { parseDocumentText } = await load('io/yaml.js');
const { readBuiltInSchemes, readScheme, SCHEME_DIR } = await load('evaluate/scheme-file.js');
const reading = { known: readBuiltInSchemes(), given: null, preferred: readScheme(join(SCHEME_DIR, 'default.yaml')) };

const names = readdirSync(dir)
  .filter((f) => f.endsWith('.pdf') && (!args.only || args.only.split(',').some((part) => f.includes(part))))
  .sort();
const differing = new Map();
for (const name of names) {
  const pdf = join(dir, name);
  const source = pdf.replace(/\.pdf$/, '.yaml');
  const expected = parseDocumentText(readFileSync(source, 'utf8'), source);
  let list;
  try {
    const { document, scheme } = await extractPdfFile(pdf, reading);
    list = differences(expected, document);
    const told = expected.kind === 'kpi-progress' ? (expected.scheme ?? 'default') : null;
    if (told !== null && scheme.id !== told) list.push({ path: '(scheme)', expected: told, got: scheme.id });
  } catch (error) {
    list = [{ path: '(extraction failed)', expected: 'a document', got: failureText(error) }];
  }
  if (list.length > 0) differing.set(name, list);
}

console.log(countsTable(names, new Set(differing.keys())));
const byClass = new Map();
for (const [name, list] of differing) for (const c of classesOf(list.map((d) => d.path))) byClass.set(c, [...(byClass.get(c) ?? []), name]);
console.log('\n| class | PDFs | what |\n|---|---|---|');
for (const [c, list] of [...byClass].sort((a, b) => b[1].length - a[1].length)) console.log(`| ${c} | ${list.length} | ${CLASS_NAMES[c]} |`);
console.log('');
for (const [name, list] of differing) {
  console.log(`${name}: ${classesOf(list.map((d) => d.path)).join(' ')}`);
  console.log(`  ${formatDifferences(list, args.verbose ? Infinity : 4).replace(/\n/g, '\n  ')}`);
}
