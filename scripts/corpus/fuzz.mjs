#!/usr/bin/env node
// The layout property at length, against the build: random documents in random pdfmake layouts
// (or, with --family, a family's documents: layouts.md), extracted and compared; a failure is
// shrunk, and the smallest case's document (YAML), layout (JSON) and PDF are written to the
// --out directory and their differences printed. `--help` lists the options (fuzz-args.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { builtExtractor } from './extractor.mjs';
import { USAGE, fuzzArgs } from './fuzz-args.mjs';
import { familyLayoutProperty, layoutProperty, printCase, printFamilyCase } from './property.mjs';

const root = resolve(import.meta.dirname, '../..');
let args;
try {
  args = fuzzArgs(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`fuzz: ${error.message} (--help lists the options)`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const dist = resolve(args.dist ?? join(root, 'dist'));
const { extract, extractFamily, stringifyDocument } = await builtExtractor(dist);

const started = Date.now();
const what = args.family ? `family ${args.family}` : 'general';
console.log(`fuzz (${what}): ${args.runs} cases, seed ${args.seed}${args.path ? `, path ${args.path}` : ''}, extractor ${dist}`);
const property = args.family ? familyLayoutProperty(args.family, extractFamily) : layoutProperty(async (file) => (await extract(file)).document);
const details = await fc.check(property, {
  seed: args.seed,
  numRuns: args.runs,
  endOnFailure: !args.shrink,
  ...(args.path ? { path: args.path } : {}),
});
if (!details.failed) {
  console.log(`${details.numRuns} cases passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} else {
  const [smallest] = details.counterexample;
  const out = resolve(args.out ?? join(root, 'fuzz-failure'));
  mkdirSync(out, { recursive: true });
  const pdf = join(out, 'case.pdf');
  const { document, layout } = args.family ? await printFamilyCase(smallest, pdf) : { document: smallest.document, layout: await printCase(smallest, pdf) };
  writeFileSync(join(out, 'case.layout.json'), `${JSON.stringify(layout, null, 1)}\n`);
  writeFileSync(join(out, 'case.yaml'), stringifyDocument(document, join(out, 'case.yaml')));
  const shrunk = args.shrink ? `, shrunk ${details.numShrinks} times` : '';
  console.log(`failed after ${details.numRuns} cases (seed ${details.seed}, path ${details.counterexamplePath})${shrunk}:`);
  console.log(String(details.errorInstance?.message ?? details.error));
  console.log(`\nthe ${args.shrink ? 'smallest' : 'failing'} case: ${pdf}, its document case.yaml and layout case.layout.json`);
  process.exitCode = 1;
}
