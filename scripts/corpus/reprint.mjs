#!/usr/bin/env node
// Prints one corpus variant again from its source document and layout, to reproduce a failure
// or to look at a change of the generator: node scripts/corpus/reprint.mjs NAME OUT.pdf
// (NAME as in test/fixtures/corpus/NAME.pdf; needs the build, and the producer's program).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocumentText } from '../../dist/io/yaml.js';
import { PRODUCERS } from './producers.mjs';
import { blocksOf } from './tables.mjs';

const corpus = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/corpus');
const [name, out] = process.argv.slice(2);
if (!name || !out) {
  console.error('usage: node scripts/corpus/reprint.mjs NAME OUT.pdf');
  process.exit(1);
}
const layout = JSON.parse(readFileSync(join(corpus, `${name}.layout.json`), 'utf8'));
const doc = parseDocumentText(readFileSync(join(corpus, `${name}.yaml`), 'utf8'), name);
await PRODUCERS[layout.producer](blocksOf(doc, layout), layout, doc.title, resolve(out));
console.log(`${name} printed again by ${layout.producer} to ${out}`);
