import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/cli.js';
import type { KpiDocument } from '../src/model/types.js';
import { parseDocumentText } from '../src/io/yaml-read.js';
import { stringifyDocument } from '../src/io/yaml-write.js';
import { exportSheets } from '../src/sheet/export.js';
import { commentConflicts, readSheet } from '../src/sheet/import.js';
import { COLUMNS, ENTRY_SHEET, FIRST_ROW, HEADER_ROW, META_SHEET, column, commentHeadings, indicatorRows, sheetColumns } from '../src/sheet/layout.js';
import { mergeAnswers } from '../src/sheet/merge.js';

// Comments (評価コメント, 今後の方針) written by the departments on their sheets: through the
// commands as the planning office runs them, the workbooks filled in with exceljs.

const FIXTURE = 'test/fixtures/layout-docs/kitsuki-sheet.yaml';
const SECOND = '今後の方針';

/** 杵築市's sheet with a second comment column, 今後の方針, after its 評価コメント. */
function twoHeadings(): string {
  const doc = parseDocumentText(readFileSync(FIXTURE, 'utf8'), FIXTURE) as KpiDocument;
  const columns = doc.layout!.columns;
  columns.splice(columns.findIndex((c) => c.role === 'comment') + 1, 0, { role: 'comment', heading: SECOND });
  indicatorRows(doc).forEach((row, k) => row.indicator.comments!.push({ heading: SECOND, text: `方針${k + 1}` }));
  return stringifyDocument(doc, 'k.yaml');
}

async function cli(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await execute(argv, { out: () => {}, err: (text) => (err += text) });
  return { code, err };
}

/** `fill` applied to the entry sheet of a workbook on disk. */
async function fillIn(file: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  fill(book.getWorksheet(ENTRY_SHEET)!);
  await book.xlsx.writeFile(file);
}

/** The lines of `after` that differ from `before`'s (the two of one length). */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const now = after.split('\n');
  expect(now).toHaveLength(old.length);
  return now.filter((line, k) => line !== old[k]);
}

/** The workbook of every indicator of a document, as exported. */
async function exportedBook(doc: KpiDocument): Promise<ExcelJS.Workbook> {
  const [file] = await exportSheets(doc, 'k', false);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file!.data as unknown as ArrayBuffer);
  return book;
}

/** The sheet of `book` read back against `doc`. */
async function readBack(book: ExcelJS.Workbook, doc: KpiDocument) {
  return readSheet(Buffer.from(await book.xlsx.writeBuffer()), 'k.xlsx', doc);
}

/** A document a year on, written by `next` into a fresh folder. */
async function nextDocument(): Promise<{ dir: string; doc: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tassei-comments-'));
  writeFileSync(join(dir, 'last.yaml'), twoHeadings());
  const doc = join(dir, 'k.yaml');
  expect((await cli('next', join(dir, 'last.yaml'), '-o', doc)).code).toBe(0);
  return { dir, doc };
}

describe('comments on the departments’ sheets', () => {
  it('export → fill → import: the typed texts go into the YAML, every other line stays as it was', async () => {
    const { dir, doc } = await nextDocument();
    expect((await cli('sheet', 'export', doc, '-o', join(dir, 'sheets'), '--by', 'department')).code).toBe(0);
    const file = join(
      dir,
      'sheets',
      readdirSync(join(dir, 'sheets')).find((f) => f.includes('商工観光課'))!,
    );
    const columns = sheetColumns(['評価コメント', SECOND]);
    const [evaluation, policy] = columns.filter((c) => c.comment !== undefined);
    await fillIn(file, (sheet) => {
      expect([evaluation, policy].map((c) => sheet.getRow(HEADER_ROW).getCell(c!.letter).value)).toEqual(['評価コメント', SECOND]);
      // Blank after next: last year's judgement is not this year's.
      expect(sheet.getCell(`${evaluation!.letter}${FIRST_ROW}`).value).toBe('');
      sheet.getCell(`${evaluation!.letter}${FIRST_ROW}`).value = ' 誘致企業の増設で雇用が増えた。\n今後も説明会を続ける。 ';
      sheet.getCell(`${policy!.letter}${FIRST_ROW}`).value = 'Wi-Fi\nspots を増やす';
    });
    const before = readFileSync(doc, 'utf8');
    const first = await cli('sheet', 'import', doc, file, '-o', doc);
    expect(first.code).toBe(0);
    const after = readFileSync(doc, 'utf8');
    expect(changedLines(before, after)).toEqual([
      expect.stringMatching(/^\s+text: "誘致企業の増設で雇用が増えた。今後も説明会を続ける。" # 記入: 令和6年度の評価コメント$/),
      expect.stringMatching(/^\s+text: "Wi-Fi spots を増やす" # 記入: 令和6年度の今後の方針$/),
    ]);
    const again = await cli('sheet', 'import', doc, file, '-o', doc);
    expect(again.err).toContain('変更はないので書き込んでいません');
    expect(readFileSync(doc, 'utf8')).toBe(after);
  });

  it('two sheets giving one indicator different texts: a conflict naming both cells, and nothing written', async () => {
    const { dir, doc } = await nextDocument();
    expect((await cli('sheet', 'export', doc, '-o', join(dir, 'all'))).code).toBe(0);
    expect((await cli('sheet', 'export', doc, '-o', join(dir, 'mine'), '--by', 'department')).code).toBe(0);
    const all = join(dir, 'all', 'k.xlsx');
    const mine = join(dir, 'mine', 'k-商工観光課.xlsx');
    const letter = sheetColumns(['評価コメント', SECOND]).find((c) => c.comment === '評価コメント')!.letter;
    await fillIn(all, (sheet) => (sheet.getCell(`${letter}${FIRST_ROW}`).value = '雇用が増えた。'));
    await fillIn(mine, (sheet) => (sheet.getCell(`${letter}${FIRST_ROW}`).value = '雇用が減った。'));
    const before = readFileSync(doc, 'utf8');
    const result = await cli('sheet', 'import', doc, all, mine, '-o', doc);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain(`k-商工観光課.xlsx [${ENTRY_SHEET}!${letter}${FIRST_ROW}]`);
    expect(result.err).toContain(`k.xlsx の ${letter}${FIRST_ROW} (「雇用が増えた。」) と違う評価コメント (「雇用が減った。」)`);
    expect(readFileSync(doc, 'utf8')).toBe(before);
  });

  it('a sheet exported before comments could be written (no comment columns) still imports, the comments left alone', async () => {
    const text = twoHeadings();
    const doc = parseDocumentText(text, 'k.yaml') as KpiDocument;
    const withoutComments = structuredClone(doc);
    withoutComments.layout!.columns = withoutComments.layout!.columns.filter((c) => c.role !== 'comment');
    indicatorRows(withoutComments).forEach((row) => delete row.indicator.comments);
    const book = await exportedBook(withoutComments);
    expect(book.getWorksheet(ENTRY_SHEET)!.getRow(HEADER_ROW).cellCount).toBe(COLUMNS.length);
    book.getWorksheet(ENTRY_SHEET)!.getCell(`${column('actual').letter}${FIRST_ROW}`).value = 250;
    const reading = await readBack(book, doc);
    expect(reading.messages).toEqual([]);
    expect(reading.comments).toEqual([]);
    const merge = mergeAnswers(text, 'k.yaml', doc, reading.answers, reading.comments);
    expect(changedLines(text, merge.text)).toEqual([expect.stringContaining('actual: { value: 250, year: null, text: "250" }')]);
  });

  it('the comment cells are yellow, unlocked, wrapped and wide, filled with the current text; the rest stays locked', async () => {
    const doc = parseDocumentText(twoHeadings(), 'k.yaml') as KpiDocument;
    const book = await exportedBook(doc);
    const sheet = book.getWorksheet(ENTRY_SHEET)!;
    const columns = sheetColumns(commentHeadings(doc));
    const first = indicatorRows(doc)[0]!.indicator;
    for (const c of columns) {
      const cell = sheet.getCell(`${c.letter}${FIRST_ROW}`);
      expect(cell.protection?.locked ?? true).toBe(!c.input);
      if (c.comment === undefined) continue;
      expect(cell.value).toBe(first.comments!.find((x) => x.heading === c.comment)!.text);
      expect(cell.alignment.wrapText).toBe(true);
      expect(cell.fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
      expect(sheet.getColumn(c.letter).width).toBeGreaterThanOrEqual(40);
    }
    // After the figures' entries, before the locked 担当課.
    expect(columns.map((c) => c.key).slice(9)).toEqual(['note', 'comment-0', 'comment-1', 'department']);
    const howTo: string[] = [];
    book.getWorksheet('記入方法')!.eachRow((row) => howTo.push(String(row.getCell(1).value)));
    expect(howTo.join('\n')).toContain('「評価コメント」「今後の方針」の欄に');
    const meta: string[] = [];
    book.getWorksheet(META_SHEET)!.eachRow((row) => meta.push(`${String(row.getCell(1).value)}=${String(row.getCell(2).value)}`));
    expect(meta).toContain('comments=["評価コメント","今後の方針"]');
  });

  it('an emptied cell clears the comment it held; a cell left empty where there is none is no answer', async () => {
    const text = twoHeadings();
    const doc = parseDocumentText(text, 'k.yaml') as KpiDocument;
    const book = await exportedBook(doc);
    const letter = sheetColumns(commentHeadings(doc)).find((c) => c.comment === SECOND)!.letter;
    book.getWorksheet(ENTRY_SHEET)!.getCell(`${letter}${FIRST_ROW}`).value = null;
    const reading = await readBack(book, doc);
    const merge = mergeAnswers(text, 'k.yaml', doc, reading.answers, reading.comments);
    expect(merge.changedComments.map((c) => [c.cell, c.text])).toEqual([[`${letter}${FIRST_ROW}`, '']]);
    expect(commentConflicts(reading.comments)).toEqual([]);
  });
});

describe('a comment for an indicator that had none', () => {
  it('is written into its comments, in a JSON document as in a YAML one', async () => {
    const doc = parseDocumentText(twoHeadings(), 'k.yaml') as KpiDocument;
    delete indicatorRows(doc)[1]!.indicator.comments;
    const book = await exportedBook(doc);
    const letter = sheetColumns(commentHeadings(doc)).find((c) => c.comment === SECOND)!.letter;
    book.getWorksheet(ENTRY_SHEET)!.getCell(`${letter}${FIRST_ROW + 1}`).value = '新しい方針';
    const reading = await readBack(book, doc);
    for (const [text, file] of [
      [JSON.stringify(doc), 'k.json'],
      [stringifyDocument(doc, 'k.yaml'), 'k.yaml'],
    ]) {
      const merge = mergeAnswers(text!, file!, doc, reading.answers, reading.comments);
      expect(indicatorRows(merge.document)[1]!.indicator.comments).toEqual([{ heading: SECOND, text: '新しい方針' }]);
    }
  });
});

describe('a comment column that is not where the sheet says', () => {
  it('is refused at its heading cell (columns moved after unprotecting): no text goes under another heading', async () => {
    const doc = parseDocumentText(twoHeadings(), 'k.yaml') as KpiDocument;
    const book = await exportedBook(doc);
    const sheet = book.getWorksheet(ENTRY_SHEET)!;
    const [evaluation, policy] = sheetColumns(commentHeadings(doc)).filter((c) => c.comment !== undefined);
    sheet.getCell(`${evaluation!.letter}${HEADER_ROW}`).value = SECOND;
    sheet.getCell(`${policy!.letter}${HEADER_ROW}`).value = '評価コメント';
    const reading = await readBack(book, doc);
    expect(reading.comments).toEqual([]);
    expect(reading.messages).toMatchObject([{ severity: 'error', rule: 'sheet-format', cell: `${evaluation!.letter}${HEADER_ROW}` }]);
  });
});
