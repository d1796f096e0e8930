#!/usr/bin/env node
// The layout property at length, against the build: random documents in random pdfmake layouts,
// extracted and compared; a failure is shrunk, and the smallest case's document (YAML), layout
// (JSON) and PDF are written to fuzz-failure/ and their differences printed.
//
// Run: npm run fuzz [-- --runs N] [-- --seed S] [-- --path P] [-- --dist DIR]
//   (FUZZ_RUNS and FUZZ_SEED work as well; --path replays one case of a reported failure)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { builtExtractor } from './extractor.mjs';
import { layoutProperty, printCase } from './property.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.FUZZ_RUNS ?? '2000' },
    seed: { type: 'string', default: process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31) },
    path: { type: 'string' },
    dist: { type: 'string', default: join(root, 'dist') },
  },
});
const dist = resolve(args.dist);
const { extract, stringifyDocument } = await builtExtractor(dist);

const started = Date.now();
console.log(`fuzz: ${args.runs} cases, seed ${args.seed}${args.path ? `, path ${args.path}` : ''}, extractor ${dist}`);
const details = await fc.check(
  layoutProperty(async (file) => (await extract(file)).document),
  {
    seed: Number(args.seed),
    numRuns: Number(args.runs),
    ...(args.path ? { path: args.path } : {}),
  },
);
if (!details.failed) {
  console.log(`${details.numRuns} cases passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} else {
  const [smallest] = details.counterexample;
  const out = join(root, 'fuzz-failure');
  mkdirSync(out, { recursive: true });
  const layout = await printCase(smallest, join(out, 'case.pdf'));
  writeFileSync(join(out, 'case.layout.json'), `${JSON.stringify(layout, null, 1)}\n`);
  writeFileSync(join(out, 'case.yaml'), stringifyDocument(smallest.document, join(out, 'case.yaml')));
  console.log(`failed after ${details.numRuns} cases (seed ${details.seed}, path ${details.counterexamplePath}), shrunk ${details.numShrinks} times:`);
  console.log(String(details.errorInstance?.message ?? details.error));
  console.log(`\nlayout: ${JSON.stringify(layout)}\n\nthe smallest case: ${join(out, 'case.pdf')}, its document case.yaml and layout case.layout.json`);
  process.exitCode = 1;
}
