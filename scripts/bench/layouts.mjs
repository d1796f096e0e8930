#!/usr/bin/env node
// Times the extraction of every PDF of the layout corpus (other municipalities' tables) in one
// process, twice after a warm-up of twenty, with the built extractor in DIST (default: dist/).
// Compare two builds in turns: node scripts/bench/layouts.mjs /tmp/old/dist; node scripts/bench/layouts.mjs
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const { extractPdfFile } = await import(join(dist, 'extract/extract.js'));
const { readBuiltInSchemes } = await import(join(dist, 'evaluate/scheme-file.js'));
const known = readBuiltInSchemes();
const reading = { known, given: null, preferred: known.find((s) => s.id === 'default') };
const dir = join(root, 'test/fixtures/layouts');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.pdf'))
  .map((f) => join(dir, f));
const extractAll = async (list) => {
  for (const file of list) await extractPdfFile(file, reading).catch(() => undefined);
};
await extractAll(files.slice(0, 20));
const started = performance.now();
await extractAll(files);
await extractAll(files);
console.log(`${dist}: ${((performance.now() - started) / 2).toFixed(0)} ms for ${files.length} PDFs`);
