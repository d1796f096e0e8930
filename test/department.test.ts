import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { readScheme } from '../src/evaluate/scheme-file.js';
import { documentDefinition, renderPdf } from '../src/render/pdf.js';
import type { KpiDocument } from '../src/model/types.js';
import { parseDocumentText } from '../src/io/yaml.js';
import { indicatorRows } from '../src/sheet/layout.js';
import { run } from './helpers/run.js';

/**
 * A report that prints each indicator's department (担当課) in a last column: tassei's own
 * layout of strategy 1 with the column added, printed by pdfmake. Extraction keeps it.
 */
const DEPARTMENTS = ['商工観光課', '農林課', '企画政策課', '健康増進課'];
const dir = mkdtempSync(join(tmpdir(), 'tassei-department-'));

type Cell = unknown;
const textOf = (c: unknown): string =>
  typeof c === 'string' ? c : Array.isArray(c) ? c.map(textOf).join('') : c && typeof c === 'object' ? textOf((c as { text?: unknown }).text ?? '') : '';

/** Every table of a document definition. */
function tablesOf(node: unknown, found: { table: { body: Cell[][]; widths: (number | string)[] } }[] = []) {
  if (Array.isArray(node)) node.forEach((n) => tablesOf(n, found));
  else if (node && typeof node === 'object') {
    if ((node as { table?: { body?: unknown } }).table?.body) found.push(node as (typeof found)[number]);
    Object.values(node).forEach((n) => tablesOf(n, found));
  }
  return found;
}

describe('departments', () => {
  it('extract keeps a 担当課 column, and nothing else changes', async () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8'), 'k.yaml') as KpiDocument;
    const rows = indicatorRows(doc);
    rows.forEach((r, k) => (r.indicator.department = DEPARTMENTS[k % DEPARTMENTS.length]!));
    const scheme = readScheme('schemes/default.yaml');
    await renderPdf(doc, scheme); // sets pdfmake up with the bundled fonts
    const definition = await documentDefinition(doc, scheme);
    // The report lays its detail table out page by page: each page's table gets the column.
    const details = tablesOf(definition).filter((t) => textOf(t.table.body[0]).includes('目標指標'));
    expect(details.length).toBeGreaterThan(0);
    const departmentWidth = 60;
    for (const detail of details) {
      const nameColumn = detail.table.body[0]!.findIndex((c) => textOf(c) === '目標指標');
      detail.table.widths[nameColumn] = (detail.table.widths[nameColumn] as number) - departmentWidth;
      detail.table.widths.push(departmentWidth);
      for (const [k, row] of detail.table.body.entries()) {
        const name = textOf(row[nameColumn]).replace(/※$/, '');
        const indicator = rows.find((r) => r.indicator.name === name)?.indicator;
        row.push(k === 0 ? { ...(row.at(-1) as object), text: '担当課' } : { text: indicator?.department ?? '', fontSize: 8 });
      }
    }
    const pdf = join(dir, 'with-departments.pdf');
    writeFileSync(pdf, new Uint8Array(await pdfmake.createPdf(definition as never).getBuffer()));

    const extracted = await run('extract', pdf, '--format', 'json');
    expect(extracted.code).toBe(0);
    const read = JSON.parse(extracted.out) as KpiDocument;
    expect(indicatorRows(read).map((r) => [r.indicator.name, r.indicator.department])).toEqual(rows.map((r) => [r.indicator.name, r.indicator.department]));
    const without = (d: KpiDocument) => JSON.stringify(d, (key, value: unknown) => (key === 'department' ? undefined : value));
    const plain = JSON.parse((await run('extract', 'input/kpi-r1.pdf', '--format', 'json')).out) as KpiDocument;
    expect(JSON.parse(without(read)).strategies[0].indicators).toEqual(plain.strategies[0]!.indicators);
  });

  it('a report without the column has no department', async () => {
    const plain = JSON.parse((await run('extract', 'input/kpi-r1.pdf', '--format', 'json')).out) as KpiDocument;
    expect(indicatorRows(plain).some((r) => 'department' in r.indicator)).toBe(false);
  });
});
