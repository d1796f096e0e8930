import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { KpiDocument } from '../src/model/types.js';
import { parseDocumentText, stringifyDocument } from '../src/io/yaml.js';
import { walkIndicators } from '../src/model/walk.js';
import { segmentsOf } from './helpers/pdftext.js';
import { run } from './helpers/run.js';

/**
 * `tassei trend`: three years of the R1 report (R1 as extracted, R2 and R3 made from it with known
 * changes), given out of order, written as text, Markdown, JSON, PDF and Excel, each read back.
 */

const dir = mkdtempSync(join(tmpdir(), 'tassei-trend-'));
const r1 = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;

/** The next year: every actual that is a number times `factor` (one decimal), and the edits. */
function later(doc: KpiDocument, factor: number, edit: (next: KpiDocument) => void = () => {}): KpiDocument {
  const next = structuredClone(doc);
  next.fiscalYear += 1;
  for (const { indicator } of walkIndicators(next)) {
    if (indicator.actual.value === null) continue;
    const value = Math.round(indicator.actual.value * factor * 10) / 10;
    indicator.actual = { value, year: null, text: String(value) };
  }
  edit(next);
  return next;
}

const r2 = later(r1, 1.1);
const r3 = later(r2, 1.1, (doc) => {
  doc.strategies[0]!.policies[0]!.measures[0]!.indicators[0]!.name = '三洞の入洞者数';
  doc.strategies[0]!.indicators[0]!.target = { value: 3700, year: null, text: '3,700' };
});
const save = (name: string, doc: KpiDocument) => {
  const file = join(dir, name);
  writeFileSync(file, stringifyDocument(doc, file));
  return file;
};
const files = [save('kpi-r3.yaml', r3), save('kpi-r1.yaml', r1), save('kpi-r2.yaml', r2)];
const count = walkIndicators(r3).length;
/** The right edge of the 目標指標 column on the page (the left margin and the column's width). */
const NAME_COLUMN_RIGHT = 28 + 160;

describe('tassei trend', () => {
  it('prints one row per indicator with each year, following a rename, and notes a revised target', async () => {
    const { code, out } = await run('trend', ...files);
    expect(code).toBe(0);
    expect(out).toMatch(/R1 実績\s+R2 実績\s+R3 実績/);
    const row = out.split('\n').find((l) => l.includes('三洞の入洞者数'))!;
    // 487 (R1 as printed) → 535.7 → 589.3, one row though R3 renamed it.
    expect(row).toMatch(/487 悪化↓\s+535\.7 改善↑\s+589\.3 目標達成/);
    expect(row).toContain('旧名称: 三洞入洞者数');
    expect(out).toContain('目標変更: 3,630 → 3,700');
  });

  it('gives programs every indicator and every year as JSON', async () => {
    const { code, out } = await run('trend', ...files, '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { years: number[]; indicators: { name: string; years: { value: number | null }[] }[] };
    expect(json.years).toEqual([2019, 2020, 2021]);
    expect(json.indicators).toHaveLength(count);
    expect(json.indicators.find((i) => i.name === '三洞の入洞者数')!.years.map((y) => y.value)).toEqual([487, 535.7, 589.3]);
  });

  it('writes Excel with the years as columns, the actuals as numbers in their printed format', async () => {
    const output = join(dir, 'trend.xlsx');
    expect((await run('trend', ...files, '-o', output)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('経年表')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('R1（2019年度）');
    expect(sheet.rowCount).toBe(2 + count);
    const row = [...Array(count).keys()].map((k) => sheet.getRow(3 + k)).find((r) => r.getCell(2).value === '三洞の入洞者数')!;
    expect([5, 7, 9].map((c) => row.getCell(c).value)).toEqual([487, 535.7, 589.3]);
    expect(row.getCell(8).value).toBe('改善↑');
    expect(row.getCell(9).numFmt).toBe('0.0');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it('writes a PDF whose text holds every indicator and year', async () => {
    const output = join(dir, 'trend.pdf');
    expect((await run('trend', ...files, '-o', output)).code).toBe(0);
    const segments = await segmentsOf(readFileSync(output));
    const text = segments.map((s) => s.text).join('');
    expect(text).toContain('経年表');
    for (const heading of ['R1 実績', 'R2 実績', 'R3 実績', '推移']) expect(text).toContain(heading);
    // The name column read down the pages: each name whole, however it wraps.
    const names = segments
      .filter((s) => s.x < NAME_COLUMN_RIGHT)
      .map((s) => s.text)
      .join('');
    for (const { indicator } of walkIndicators(r3)) expect(names).toContain(indicator.name);
    expect(text).toContain('589.3');
  });

  it('refuses an output format it does not write, two documents of one year, and a narrative', async () => {
    const docx = await run('trend', ...files, '-o', join(dir, 'trend.docx'));
    expect(docx.code).toBe(2);
    expect(docx.err).toContain('.pdf・.xlsx・.md・.json・.txt');
    const twice = await run('trend', files[1]!, save('again-r1.yaml', r1));
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('2019 年度の文書です');
    const narrative = await run('trend', 'test/fixtures/expected/narrative-r5.yaml');
    expect(narrative.code).toBe(1);
    expect(narrative.err).toContain('経年表は KPI 進捗状況の文書から作ります');
  });
});
