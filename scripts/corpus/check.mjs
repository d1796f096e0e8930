#!/usr/bin/env node
// Extracts corpus PDFs with a built extractor and compares each, field by field, with its source
// document: a table of file, producer, pass/fail, the number of differing fields and the first
// differences. Exit 1 when any PDF does not extract exactly.
//
// Run: node scripts/corpus/check.mjs [--dist DIR] [--all-differences] [FILE.pdf …]
//   --dist DIR   the built extractor to use (default: this repo's dist/), e.g. /work/wt/extract/dist
//   -a, --all-differences   list every difference of every failing file, not the first three
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { failureText } from './classes.mjs';
import { differences, formatDifferences } from './compare.mjs';
import { builtExtractor } from './extractor.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { dist: { type: 'string', default: join(root, 'dist') }, 'all-differences': { type: 'boolean', short: 'a', default: false } },
});
const dist = resolve(args.dist);
const { extract, parseDocumentText } = await builtExtractor(dist);

const corpus = join(root, 'test/fixtures/corpus');
const files =
  positionals.length > 0
    ? positionals.map((f) => resolve(f))
    : readdirSync(corpus)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => join(corpus, f));

const results = [];
for (const file of files) {
  const expectedFile = file.replace(/\.pdf$/, '.yaml');
  const expected = parseDocumentText(readFileSync(expectedFile, 'utf8'), expectedFile);
  const started = Date.now();
  let diffs;
  try {
    diffs = differences(expected, (await extract(file)).document);
  } catch (error) {
    diffs = [{ path: '(extraction failed)', expected: 'a document', got: failureText(error) }];
  }
  const name = basename(file, '.pdf');
  results.push({ name, producer: name.split('-')[0], diffs, ms: Date.now() - started });
  const r = results.at(-1);
  const first = r.diffs.length === 0 ? '' : formatDifferences(r.diffs, args['all-differences'] ? Infinity : 3).replace(/\n/g, '\n      ');
  console.log(
    `${r.diffs.length === 0 ? 'pass' : 'FAIL'}  ${name.padEnd(46)} ${r.producer.padEnd(9)} ${String(r.diffs.length).padStart(4)} fields  ${String(r.ms).padStart(5)} ms${first ? `\n      ${first}` : ''}`,
  );
}

const byProducer = new Map();
for (const r of results) {
  const p = byProducer.get(r.producer) ?? { pass: 0, total: 0 };
  p.total += 1;
  if (r.diffs.length === 0) p.pass += 1;
  byProducer.set(r.producer, p);
}
const passed = results.filter((r) => r.diffs.length === 0).length;
console.log(`\n${passed}/${results.length} exact (${[...byProducer].map(([k, p]) => `${k} ${p.pass}/${p.total}`).join(', ')}) with ${dist}`);
process.exitCode = passed === results.length ? 0 : 1;
