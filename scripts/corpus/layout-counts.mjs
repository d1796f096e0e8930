#!/usr/bin/env node
// The layout corpus by family and producer: how many PDFs extract exactly and how many with
// the known differences listed (test/fixtures/layouts/known-differences.json). test/layouts.test.ts
// holds each PDF to that list, so what this prints is what the test found.
//
// Run: node scripts/corpus/layout-counts.mjs  (a Markdown table, as in the README)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `f1-chromium-03-rects.pdf` → family F1, producer chromium. */
export const placeOf = (name) => {
  const [family, producer] = name.split('-');
  return { family: family.toUpperCase(), producer };
};

/** A Markdown table: a row per family, a column per producer, cells `exact / known`, and the totals. */
export function countsTable(names, differing) {
  const families = [...new Set(names.map((n) => placeOf(n).family))].sort();
  const producers = [...new Set(names.map((n) => placeOf(n).producer))].sort();
  const cell = (list) => `${list.filter((n) => !differing.has(n)).length} / ${list.filter((n) => differing.has(n)).length}`;
  const of = (family, producer) => names.filter((n) => (!family || placeOf(n).family === family) && (!producer || placeOf(n).producer === producer));
  const rows = [
    `| family | ${producers.join(' | ')} | all |`,
    `|---|${producers.map(() => '---|').join('')}---|`,
    ...families.map((f) => `| ${f} | ${producers.map((p) => cell(of(f, p))).join(' | ')} | ${cell(of(f, null))} |`),
    `| all | ${producers.map((p) => cell(of(null, p))).join(' | ')} | ${cell(names)} |`,
  ];
  return `${rows.join('\n')}\n\n(exact / with known differences; ${names.length} PDFs)`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = join(resolve(import.meta.dirname, '../..'), 'test/fixtures/layouts');
  const known = join(dir, 'known-differences.json');
  const differing = new Set(existsSync(known) ? Object.keys(JSON.parse(readFileSync(known, 'utf8'))) : []);
  console.log(
    countsTable(
      readdirSync(dir).filter((f) => f.endsWith('.pdf')),
      differing,
    ),
  );
}
