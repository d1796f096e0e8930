import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../src/evaluate/evaluate.js';
import { readScheme, schemeFile } from '../src/evaluate/scheme-file.js';
import { readDocumentFile } from '../src/io/yaml.js';
import type { KpiDocument, NarrativeDocument } from '../src/model/types.js';
import { evaluationOf, evaluationsByKey, walkIndicators } from '../src/model/walk.js';
import { readPdf } from '../src/extract/pdf.js';
import { toNumber } from '../src/notation/decimal.js';
import { parsePrintedNumber } from '../src/notation/numbers.js';
import { run } from './helpers/run.js';

/** An indicator's name as the 新旧対照表 prints it: ※ for a b / c indicator, then its unit in brackets where it has one. */
const shownName = (i: { name: string; method: string; unit: string | null }) => `${i.name}${i.method === 'ratio' ? '※' : ''}${i.unit ? `（${i.unit}）` : ''}`;

/** The output follows -o's extension (issue 22): each format written is that format, any other refused. */

const R1 = 'test/fixtures/expected/kpi-r1.yaml';
const STRATEGY1 = 'test/fixtures/yaml/kpi-strategy1.yaml';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'tassei-formats-'));
}

describe('an extension not written is refused, naming the formats; nothing is written', () => {
  it.each([
    ['render', 'kpi-r2.doc', [R1], '報告書は .pdf・.docx・.xlsx のどれかで書き出します（".doc" は書き出せません）'],
    ['render', 'kpi-r2.txt', [R1], '".txt" は書き出せません'],
    ['render', 'kpi-r2', [R1], '"拡張子なし" は書き出せません'],
    ['diff', 'd.xls', [STRATEGY1, R1], '新旧対照表は .pdf・.docx・.xlsx・.md のどれかで書き出します（".xls" は書き出せません）'],
    ['diff', 'd.txt', [STRATEGY1, R1], '".txt" は書き出せません'],
  ])('%s -o %s', async (command, name, inputs, said) => {
    const out = join(folder(), name);
    const r = await run(command, ...inputs, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out}: エラー [output-format]`);
    expect(r.err).toContain(said);
    expect(existsSync(out)).toBe(false);
  });

  it('--format that another extension contradicts is refused (a .pdf named workbook)', async () => {
    const out = join(folder(), 'kpi-r1.pdf');
    const r = await run('render', R1, '-o', out, '--format', 'xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"--format xlsx / .pdf" は書き出せません');
    expect(existsSync(out)).toBe(false);
  });

  it('render -o X.xlsx of a narrative is refused (the workbook is of KPI reports)', async () => {
    const out = join(folder(), 'n.xlsx');
    const r = await run('render', 'test/fixtures/expected/narrative-r5.yaml', '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('[output-format]');
    expect(existsSync(out)).toBe(false);
  });
});

describe('diff -o X.md', () => {
  it('writes the Markdown --format md prints', async () => {
    const dir = folder();
    const out = join(dir, 'd.md');
    const next = join(dir, 'kpi-r2.yaml');
    expect((await run('next', R1, '-o', next)).code).toBe(0);
    expect((await run('diff', R1, next, '-o', out)).code).toBe(0);
    const printed = await run('diff', R1, next, '--format', 'md');
    expect(readFileSync(out, 'utf8')).toBe(printed.out);
    expect(readFileSync(out, 'utf8')).toMatch(/^# KPI進捗状況 /);
  });
});

describe('render -o X.xlsx', () => {
  it('is a workbook with every indicator: its place, values as numbers in their formats, progress, mark and notes', async () => {
    const out = join(folder(), 'kpi-r1.xlsx');
    const r = await run('render', R1, '-o', out);
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((s) => s.name)).toEqual(['KPI進捗状況', '集計', '注記']);
    const sheet = book.getWorksheet('KPI進捗状況')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '重点戦略',
      '戦略方針',
      '施策',
      '施策名',
      '目標指標',
      '※',
      '単位',
      '現状値 a',
      'R1実績 b',
      '目標値 c',
      '進捗率',
      '状況',
      '注記',
    ]);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });

    const doc = readDocumentFile(R1).document as KpiDocument;
    const scheme = readScheme(schemeFile('default', '.'));
    const evaluations = evaluationsByKey(evaluateDocument(doc, scheme));
    const indicators = walkIndicators(doc);
    expect(sheet.rowCount).toBe(1 + indicators.length);
    indicators.forEach((at, k) => {
      const row = sheet.getRow(2 + k);
      const cell = (n: number) => row.getCell(n);
      const e = evaluationOf(evaluations, at);
      const where = `${at.indicator.name} (row ${2 + k})`;
      expect([cell(1).value, cell(2).value, cell(3).value], where).toEqual([at.strategy.no, at.policy?.no ?? '基本目標', at.measure?.no ?? '']);
      expect(cell(4).value, where).toBe(at.measure?.title ?? at.strategy.title);
      expect(cell(5).value, where).toBe(at.indicator.name);
      const values: [number, { text: string } | null][] = [
        [8, at.indicator.baseline],
        [9, at.indicator.actual],
        [10, at.indicator.target],
      ];
      for (const [n, measurement] of values) {
        const text = measurement?.text ?? '';
        const number = parsePrintedNumber(text);
        if (number === null) expect(cell(n).value, where).toBe(text);
        else {
          expect(cell(n).value, where).toBe(toNumber(number));
          expect(cell(n).numFmt, where).toMatch(/^(#,##)?0(\.0+)?$/);
        }
      }
      if (e.progress === null) expect(cell(11).value, where).toBe('-');
      else {
        expect(cell(11).value as number, where).toBeCloseTo(e.progress / 100, 10);
        expect(cell(11).numFmt, where).toBe('0.0%');
      }
      expect(cell(12).value, where).toBe(e.mark ?? '');
    });
    // The one progress the source misprinted: shaded, and its note beside it.
    const noted = indicators.findIndex((at) => at.indicator.name === '市内の高校の新卒者の美祢市内就職率');
    expect(sheet.getRow(2 + noted).getCell(13).value).toMatch(/^市内の高校の新卒者の美祢市内就職率　進捗率：印刷 56\.7% → 50\.0%/);
    expect(book.getWorksheet('注記')!.getRow(2).getCell(2).value).toBe(sheet.getRow(2 + noted).getCell(13).value);
  });
});

/** The paragraphs of a Word document's body, table by table: each table's rows as their cells' texts. */
async function wordTables(file: string): Promise<{ xml: string; styles: string; tables: string[][][] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const texts = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1]!))),
  );
  return { xml, styles, tables };
}

describe('render -o X.docx', () => {
  it('is a Word document of real tables: every indicator with its figures, progress and mark, on landscape A4', async () => {
    const out = join(folder(), 'kpi-r1.docx');
    const r = await run('render', R1, '-o', out);
    expect(r.code).toBe(0);
    const { xml, styles, tables } = await wordTables(out);
    const doc = readDocumentFile(R1).document as KpiDocument;
    const scheme = readScheme(schemeFile('default', '.'));
    const evaluations = evaluationsByKey(evaluateDocument(doc, scheme));
    // Per 重点戦略 a summary table and a detail table.
    expect(tables).toHaveLength(2 * doc.strategies.length);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(styles).toContain('w:eastAsia="BIZ UDPGothic"');
    doc.strategies.forEach((strategy, k) => {
      const detail = tables[2 * k + 1]!;
      expect(detail[0]).toEqual(['目標指標', '※', '単位', '現状値 a', 'R1実績 b', '目標値 c', '進捗率', '状況']);
      const rows = detail.filter((cells) => cells.length === 8).slice(1);
      const indicators = walkIndicators(doc).filter((at) => at.strategy === strategy);
      expect(rows.map((cells) => cells[0])).toEqual(indicators.map((at) => at.indicator.name));
      indicators.forEach((at, i) => {
        const e = evaluationOf(evaluations, at);
        const { baseline, actual, target, unit } = at.indicator;
        expect(rows[i], at.indicator.name).toEqual([
          at.indicator.name,
          at.indicator.method === 'ratio' ? '※' : '',
          unit ?? '-',
          baseline.text,
          actual.text,
          target?.text ?? '',
          e.progress === null ? '-' : `${e.progress.toFixed(1)}%`,
          e.mark ?? '',
        ]);
      });
      // The 戦略方針 and 施策 rows: one cell across the table.
      for (const policy of strategy.policies) expect(detail).toContainEqual([`${policy.no}　${policy.title}`]);
    });
  });
});

describe('diff -o X.docx', () => {
  it('is the 新旧対照表 as a Word table: every indicator, last year beside this year, the changes underlined (傍線)', async () => {
    const dir = folder();
    const next = join(dir, 'kpi-r2.yaml');
    expect((await run('next', R1, '-o', next)).code).toBe(0);
    const out = join(dir, 'd.docx');
    expect((await run('diff', R1, next, '-o', out)).code).toBe(0);
    const { xml, tables } = await wordTables(out);
    const [table] = tables;
    expect(table![0]).toEqual(['区分', '', '前年度（令和元年度）', '今年度（令和2年度）']);
    expect(table![1]!.slice(2)).toEqual(
      ['現状 a', '実績 b', '目標 c', '進捗率', '状況', '現状 a', '実績 b', '目標 c', '進捗率', '状況'].map((h) => expect.stringContaining(h[0]!)),
    );
    const doc = readDocumentFile(R1).document as KpiDocument;
    const rows = table!.filter((cells) => cells.length === 12);
    for (const at of walkIndicators(doc)) {
      // The name as the table prints it: ※ for a b / c indicator, then its unit (none without one).
      const row = rows.find((cells) => cells[1]!.startsWith(shownName(at.indicator)));
      expect(row, at.indicator.name).toBeDefined();
      // Last year's actual beside this year's blank one (未記入), which is underlined as changed.
      expect(row![3], at.indicator.name).toBe(at.indicator.actual.text);
      expect(row![8], at.indicator.name).toBe('未記入');
    }
    expect(xml.match(/<w:u w:val="single"\/>/g)!.length).toBeGreaterThanOrEqual(2 * walkIndicators(doc).length);
  });
});

describe('diff -o X.xlsx', () => {
  it('is the 新旧対照表 as a workbook: a row per indicator, the changed values underlined; the counts on their own sheet', async () => {
    const dir = folder();
    const next = join(dir, 'kpi-r2.yaml');
    expect((await run('next', R1, '-o', next)).code).toBe(0);
    const out = join(dir, 'd.xlsx');
    expect((await run('diff', R1, next, '-o', out)).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(['新旧対照表', '集計']);
    const sheet = book.getWorksheet('新旧対照表')!;
    expect(sheet.getRow(1).getCell(6).value).toBe('前年度 実績 b');
    const rich = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellRichTextValue).richText;
    const doc = readDocumentFile(R1).document as KpiDocument;
    const names = [...Array(sheet.rowCount - 1).keys()].map((k) => String(sheet.getRow(k + 2).getCell(4).value));
    for (const at of walkIndicators(doc)) {
      const k = names.findIndex((n) => n.startsWith(shownName(at.indicator)));
      expect(k, at.indicator.name).toBeGreaterThanOrEqual(0);
      const row = sheet.getRow(k + 2);
      expect(rich(row.getCell(6)), at.indicator.name).toEqual([{ text: at.indicator.actual.text, font: { underline: true } }]);
      expect(rich(row.getCell(11)), at.indicator.name).toEqual([{ text: '未記入', font: { underline: true } }]);
      expect(rich(row.getCell(7))[0]!.font, at.indicator.name).toEqual({});
    }
  });
});

describe('the Word and Excel outputs as LibreOffice prints them', () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!soffice)
    console.log('output-formats.test: no soffice (LibreOffice) here: skipping the test that prints the .docx and .xlsx and finds every indicator on the pages');
  it.skipIf(!soffice).for(['docx', 'xlsx'])('render -o X.%s opens and prints every indicator', { timeout: 180_000 }, async (format, { skip }) => {
    const dir = folder();
    const out = join(dir, `kpi-r1.${format}`);
    expect((await run('render', R1, '-o', out)).code).toBe(0);
    // A profile of its own: another LibreOffice running (a person's, another test's) would take the job or lock it.
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const converted = spawnSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, out], { encoding: 'utf8', timeout: 170_000 });
    expect(converted.status).toBe(0);
    // A LibreOffice of one module (libreoffice-calc-nogui has no Writer) exits 0 and writes nothing.
    if (!existsSync(join(dir, 'kpi-r1.pdf')) && /could not be loaded|no export filter/i.test(converted.stderr)) {
      const reason = `output-formats.test: this LibreOffice cannot open a .${format} (${converted.stderr.trim().split('\n').pop()}): skipping its print`;
      console.log(reason);
      skip(reason);
    }
    const pages = await readPdf(new Uint8Array(readFileSync(join(dir, 'kpi-r1.pdf'))), 'kpi-r1.pdf');
    const printed = pages
      .flatMap((p) => p.runs.map((r) => r.text))
      .join('')
      .replace(/\s+/g, '');
    const doc = readDocumentFile(R1).document as KpiDocument;
    for (const at of walkIndicators(doc)) expect(printed, at.indicator.name).toContain(at.indicator.name.replace(/\s+/g, ''));
  });
});

describe('render -o X.docx of a narrative', () => {
  it('is a table per 基本目標: each 基本方針 with its results beside its plans, and its 施策', async () => {
    const source = 'test/fixtures/expected/narrative-r5.yaml';
    const out = join(folder(), 'narrative-r5.docx');
    expect((await run('render', source, '-o', out)).code).toBe(0);
    const { tables } = await wordTables(out);
    const doc = readDocumentFile(source).document as NarrativeDocument;
    expect(tables).toHaveLength(doc.goals.length);
    doc.goals.forEach((goal, k) => {
      const cells = tables[k]!.flat();
      expect(cells[0]).toBe(`基本目標${goal.no}　${goal.title}`);
      for (const policy of goal.policies) {
        expect(cells).toContain(`${policy.no}　${policy.title}`);
        for (const bullet of [...policy.results, ...policy.plans]) expect(cells, bullet).toContain(`・${bullet}`);
        for (const measure of policy.measures) expect(cells.some((c) => c.includes(measure))).toBe(true);
      }
    });
  });
});

describe('render -o X.docx / X.xlsx of a document in its city’s own layout', () => {
  it('says that only the PDF keeps the city’s layout (its columns, headings and comment columns), and writes the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-layout-office-'));
    for (const ext of ['docx', 'xlsx']) {
      const out = join(dir, `f5.${ext}`);
      const r = await run('render', 'test/fixtures/layout-docs/f5-etajima.yaml', '-o', out);
      expect([r.code, existsSync(out)]).toEqual([0, true]);
      expect(r.err).toContain('警告 [output-layout]');
    }
    expect((await run('render', 'test/fixtures/expected/kpi-r1.yaml', '-o', join(dir, 'r1.docx'))).err).not.toContain('[output-layout]');
  }, 60_000);
});
