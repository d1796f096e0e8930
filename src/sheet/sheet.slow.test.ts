import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { KpiDocument } from '../model/types.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { stringifyDocument, stringifyDocumentJson } from '../io/yaml-write.js';
import { nextKpi } from '../diff/next.js';
import { type SheetFile, exportSheets } from './export.js';
import { conflicts, readSheet } from './import.js';
import { COLUMNS, ENTRY_SHEET, FIRST_ROW, HEADER_ROW, column, indicatorRows } from './layout.js';
import { mergeAnswers } from './merge.js';
import { entryData, zipEntries } from './zip.js';
import { WORKBOOK_LIMITS } from './container.js';

// Workbooks through exceljs: export, fill in, import and merge (each a tenth of a second): the
// slow lane. How a cell's value is read as an actual is in sheet.test.ts.

/** Next year's document of strategy 1, its indicators spread over three departments in turn. */
function nextYear(): KpiDocument {
  const doc = parseDocumentText(readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8'), 'k.yaml') as KpiDocument;
  indicatorRows(doc).forEach((row, k) => (row.indicator.department = ['商工観光課', '農林課', '企画政策課'][k % 3]!));
  return nextKpi(doc).document as KpiDocument;
}

/**
 * The workbook of every indicator of nextYear(), exported once (exceljs takes a tenth of a second
 * a workbook): the tests that fill it in or alter it read copies, and never change its bytes.
 */
let exported: Promise<SheetFile> | undefined;
const exportedOnce = (): Promise<SheetFile> => (exported ??= exportSheets(nextYear(), 'k', false).then(([file]) => file!));

async function workbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return book;
}

/** An entry of a workbook's zip as text. */
function entryText(data: Uint8Array, name: string): string {
  const zip = Buffer.from(data);
  const entry = zipEntries(zip).find((e) => e.name === name)!;
  return entryData(zip, entry, 1 << 24)!.toString('utf8');
}

describe('sheet export', () => {
  it('one workbook per department, every indicator in exactly one of them', async () => {
    const doc = nextYear();
    const files = await exportSheets(doc, 'kpi-r2', true);
    expect(files.map((f) => f.name)).toEqual(['kpi-r2-企画政策課.xlsx', 'kpi-r2-商工観光課.xlsx', 'kpi-r2-農林課.xlsx']);
    expect(files.reduce((n, f) => n + f.rows, 0)).toBe(indicatorRows(doc).length);
    const all = await exportSheets(doc, 'kpi-r2', false);
    expect(all.map((f) => [f.name, f.rows])).toEqual([['kpi-r2.xlsx', indicatorRows(doc).length]]);
  });

  it('indicators without a department go to a workbook of their own, last', async () => {
    const doc = nextYear();
    delete indicatorRows(doc)[0]!.indicator.department;
    const files = await exportSheets(doc, 'k', true);
    expect(files.at(-1)).toMatchObject({ name: 'k-担当課未設定.xlsx', rows: 1 });
  });

  it('locks every cell but the actual and its year, validates the actual, and shows last year beside it', async () => {
    const doc = nextYear();
    const sheet = (await workbook((await exportedOnce()).data)).getWorksheet(ENTRY_SHEET)!;
    expect((sheet as unknown as { sheetProtection: object }).sheetProtection).toMatchObject({ sheet: true });
    const rows = indicatorRows(doc);
    expect(sheet.getRow(HEADER_ROW).getCell(column('actual').letter).value).toBe('R2実績 b（記入）');
    for (let k = 0; k < rows.length; k++) {
      const line = sheet.getRow(FIRST_ROW + k);
      for (const c of COLUMNS) expect(line.getCell(c.letter).protection?.locked ?? true).toBe(!c.input);
      expect(line.getCell(column('id').letter).value).toBe(rows[k]!.id);
      expect(line.getCell(column('previous').letter).value).toBe(rows[k]!.indicator.previousActual!.text);
      expect(line.getCell(column('actual').letter).value).toBeNull();
      const validation = line.getCell(column('actual').letter).dataValidation;
      // A warning the person may accept (△12, 3580人 are promised by 記入方法), never a stop.
      expect(validation).toMatchObject({ type: 'custom', showErrorMessage: true, errorStyle: 'warning' });
      expect(String(validation.formulae[0])).toContain(`ISNUMBER(H${FIRST_ROW + k})`);
    }
    expect(sheet.getRow(FIRST_ROW + rows.length).getCell(1).value).toBeNull();
  });
});

describe('sheet import', () => {
  /** The exported workbook of all indicators (of an unchanged nextYear()) with `fill` applied to its entry sheet. */
  async function filled(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const book = await workbook((await exportedOnce()).data);
    fill(book.getWorksheet(ENTRY_SHEET)!);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  const actual = (row: number) => `${column('actual').letter}${FIRST_ROW + row}`;

  it('names each problem by file, sheet and cell', async () => {
    const doc = nextYear();
    const data = await filled((sheet) => {
      sheet.getCell(actual(0)).value = 3580;
      sheet.getCell(actual(2)).value = '1,2O4';
      sheet.getCell(`${column('year').letter}${FIRST_ROW + 3}`).value = 'R1';
      sheet.getCell(`${column('name').letter}${FIRST_ROW + 4}`).value = '別の指標';
      sheet.getCell(`${column('actual').letter}${FIRST_ROW + 40}`).value = 5;
    });
    const reading = await readSheet(data, 'answers/k.xlsx', doc);
    expect(reading.answers.map((a) => [a.cell, a.actual.value])).toEqual([[actual(0), 3580]]);
    expect(reading.messages.map((m) => [m.file, m.sheet, m.cell, m.severity])).toEqual([
      ['answers/k.xlsx', ENTRY_SHEET, actual(2), 'error'],
      ['answers/k.xlsx', ENTRY_SHEET, actual(3), 'error'],
      ['answers/k.xlsx', ENTRY_SHEET, `C${FIRST_ROW + 4}`, 'error'],
      ['answers/k.xlsx', ENTRY_SHEET, actual(40), 'error'],
    ]);
  });

  it('refuses a sheet of another year, and a file that is not a workbook', async () => {
    const doc = nextYear();
    const data = await filled(() => {});
    const older = { ...doc, fiscalYear: 2021 };
    expect((await readSheet(data, 'k.xlsx', older)).messages[0]).toMatchObject({ rule: 'sheet-year' });
    expect((await readSheet(Buffer.from('not a zip'), 'k.xlsx', doc)).messages[0]).toMatchObject({ rule: 'sheet-unreadable' });
  });

  it('two departments answering one indicator differently is a conflict naming both cells', async () => {
    const doc = nextYear();
    const one = await readSheet(await filled((s) => (s.getCell(actual(0)).value = 1)), 'a.xlsx', doc);
    const two = await readSheet(await filled((s) => (s.getCell(actual(0)).value = 2)), 'b.xlsx', doc);
    const same = await readSheet(await filled((s) => (s.getCell(actual(0)).value = '1')), 'c.xlsx', doc);
    expect(conflicts([...one.answers, ...same.answers])).toEqual([]);
    const [conflict] = conflicts([...one.answers, ...two.answers]);
    expect(conflict).toMatchObject({ file: 'b.xlsx', cell: actual(0), rule: 'sheet-conflict' });
    expect(conflict!.message.ja).toContain(`a.xlsx の ${actual(0)} (1)`);
  });

  it('merges into the YAML in place: comments stay, a second merge changes nothing', async () => {
    const doc = nextYear();
    const text = `# 担当: 企画政策課 山田\n${stringifyDocument(doc, 'k.yaml', nextKpi(parseDocumentText(readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8'), 'k.yaml') as KpiDocument).comments)}`;
    const data = await filled((sheet) => {
      sheet.getCell(actual(0)).value = 3580;
      sheet.getCell(actual(1)).value = '４５％';
      sheet.getCell(`${column('year').letter}${FIRST_ROW + 1}`).value = 'R1';
      sheet.getCell(actual(2)).value = '-';
    });
    const { answers } = await readSheet(data, 'k.xlsx', doc);
    const merge = mergeAnswers(text, 'k.yaml', doc, answers);
    expect(merge.changed).toHaveLength(3);
    expect(merge.text).toContain('# 担当: 企画政策課 山田');
    expect(merge.text).toContain('# 記入: R2実績 (令和2年度)');
    const rows = indicatorRows(merge.document);
    expect(rows.slice(0, 4).map((r) => r.indicator.actual)).toEqual([
      { value: 3580, year: null, text: '3,580' },
      { value: 45, year: 2019, text: '45(R1)' },
      { value: null, year: null, text: '-' },
      { value: null, year: null, text: '' },
    ]);
    const again = mergeAnswers(merge.text, 'k.yaml', merge.document, (await readSheet(data, 'k.xlsx', merge.document)).answers);
    expect(again.changed).toEqual([]);
    expect(again.text).toBe(merge.text);
  });

  it('merges into a JSON document too', async () => {
    const doc = nextYear();
    const { answers } = await readSheet(await filled((sheet) => (sheet.getCell(actual(0)).value = '３，５８０')), 'k.xlsx', doc);
    const merge = mergeAnswers(stringifyDocumentJson(doc), 'k.json', doc, answers);
    expect(JSON.parse(merge.text).strategies[0].indicators[0].actual).toEqual({ value: 3580, year: null, text: '3,580' });
    expect(doc.strategies[0]!.indicators[0]!.actual.text).toBe(''); // the document it was given is left alone
  });
});

describe('names that leave in a workbook and come back', () => {
  it('no two departments share a file, on any file system (A/B and A_B, case, NFC/NFD), and invisible characters leave the name', async () => {
    const departments = ['A/B', 'A_B', 'A:B', 'A\\B', 'A*B', 'SHOKO', 'shoko', 'が', 'か\u3099', 'X\u007fY', '\u202eZ', 'W\u200bV', 'WV'];
    const doc = nextYear();
    indicatorRows(doc).forEach((row, k) => (row.indicator.department = departments[k % departments.length]!));
    const files = await exportSheets(doc, 'k', true);
    expect(files).toHaveLength(departments.length);
    const keys = files.map((f) => f.name.normalize('NFC').toLowerCase());
    expect(new Set(keys).size).toBe(files.length);
    expect(files.map((f) => f.name).join('')).not.toMatch(/[\u007f\u202e\u200b\\/:*]/);
    expect(files.find((f) => f.department === 'A_B')!.name).toBe('k-A_B.xlsx');
    expect(files.find((f) => f.department === 'A/B')!.name).toMatch(/^k-A_B-\d\.xlsx$/);
  });

  it.each([
    ['a trailing ideographic space', '来訪者数\u3000'],
    ['a leading tab', '\t来訪者数'],
    ['a carriage return', '来訪者数\r'],
    ['U+0001', '来訪\u0001者数'],
    ['U+000B', '来訪\u000b者数'],
    ['a lone surrogate', '来訪\ud800者数'],
  ])('an indicator name with %s exports into a well-formed workbook and imports back', async (_, name) => {
    const doc = nextYear();
    indicatorRows(doc)[0]!.indicator.name = name;
    indicatorRows(doc)[0]!.indicator.department = `課${name}`;
    const [file] = await exportSheets(doc, 'k', false);
    const book = await workbook(file!.data);
    book.getWorksheet(ENTRY_SHEET)!.getCell(`${column('actual').letter}${FIRST_ROW}`).value = 3500;
    const reading = await readSheet(Buffer.from(await book.xlsx.writeBuffer()), 'k.xlsx', doc);
    expect(reading.messages).toEqual([]);
    expect(reading.answers.map((a) => a.actual.value)).toEqual([3500]);
    const xml = entryText(file!.data, 'xl/sharedStrings.xml');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});

describe('what comes back instead of a filled-in sheet', () => {
  /** The exported workbook with its zip changed by `change`. */
  async function altered(change: (zip: JSZip) => unknown): Promise<Buffer> {
    const zip = await JSZip.loadAsync((await exportedOnce()).data);
    await change(zip);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }
  const sheetXml = 'xl/worksheets/sheet1.xml';

  const bombs: [string, (zip: JSZip) => unknown, string][] = [
    [
      'an entry that inflates past the cap (a zip bomb)',
      (z: JSZip): void => {
        z.file('xl/media/zeros.bin', Buffer.alloc(WORKBOOK_LIMITS.entryBytes + 1));
      },
      'sheet-too-large',
    ],
    [
      'too many entries',
      (z: JSZip): void => {
        for (let k = 0; k < WORKBOOK_LIMITS.entries; k++) z.file(`xl/media/${k}.bin`, 'x');
      },
      'sheet-too-large',
    ],
    [
      'too many rows',
      async (z: JSZip): Promise<void> => {
        const xml = await z.file(sheetXml)!.async('string');
        z.file(sheetXml, xml.replace('</sheetData>', `${'<row/>'.repeat(WORKBOOK_LIMITS.rows)}</sheetData>`));
      },
      'sheet-too-large',
    ],
    [
      'a row numbered past the limit',
      async (z: JSZip): Promise<void> => {
        const xml = await z.file(sheetXml)!.async('string');
        z.file(sheetXml, xml.replace('</sheetData>', `<row r="1000000"><c r="A1000000"><v>1</v></c></row></sheetData>`));
      },
      'sheet-too-large',
    ],
    [
      'too many shared strings',
      (z: JSZip) => z.file('xl/sharedStrings.xml', `<sst>${'<si><t>a</t></si>'.repeat(WORKBOOK_LIMITS.sharedStrings + 1)}</sst>`),
      'sheet-too-large',
    ],
    ['an OpenDocument spreadsheet', (z: JSZip) => z.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' }), 'sheet-ods'],
  ];
  it.each(bombs)('%s: refused before exceljs reads it', async (_, change, rule) => {
    const reading = await readSheet(await altered(change), 'k.xlsx', nextYear());
    expect(reading.answers).toEqual([]);
    expect(reading.messages).toMatchObject([{ severity: 'error', rule, hint: { ja: expect.any(String), en: expect.any(String) } }]);
  });

  it('a number cell holding 12abc is refused at its cell, not read as 12', async () => {
    const doc = nextYear();
    const book = await workbook((await exportedOnce()).data);
    book.getWorksheet(ENTRY_SHEET)!.getCell(`H${FIRST_ROW}`).value = 12;
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const xml = await zip.file(sheetXml)!.async('string');
    zip.file(sheetXml, xml.replace(/(<c r="H5"[^>]*><v>)12(<\/v>)/, '$112abc$2'));
    const reading = await readSheet(await zip.generateAsync({ type: 'nodebuffer' }), 'k.xlsx', doc);
    expect(reading.answers).toEqual([]);
    expect(reading.messages).toMatchObject([{ rule: 'sheet-cell', sheet: ENTRY_SHEET, cell: `H${FIRST_ROW}` }]);
  });

  it.each([
    ['Excel 97-2003 (.xls)', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]), 'sheet-xls', /\.xls/],
    [
      'an encrypted workbook',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('EncryptedPackage', 'utf16le')]),
      'sheet-encrypted',
      /パスワード/,
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'sheet-unreadable', /PDF です/],
  ])('%s is named for what it is, in Japanese', async (_, data, rule, said) => {
    const [message] = (await readSheet(data, 'k.xlsx', nextYear())).messages;
    expect(message).toMatchObject({ rule, message: { ja: expect.stringMatching(said) } });
  });
});

describe('what the person saw in the cell', () => {
  it.each([
    [{ formula: '[1]Sheet1!A1', result: 3580 }, 'warning', /外部のブック/],
    [{ formula: 'WEBSERVICE("https://example.jp/x")', result: 3500 }, 'warning', /WEBSERVICE\(\) の値は開くたびに変わります/],
    [{ formula: 'A1*2', result: 3500 }, 'warning', /保存時の計算結果 3500/],
    [{ formula: 'A1*2' }, 'error', /計算結果が保存されていない/],
  ])('a formula %j: %s', async (value, severity, said) => {
    const doc = nextYear();
    const book = await workbook((await exportedOnce()).data);
    book.getWorksheet(ENTRY_SHEET)!.getCell(`H${FIRST_ROW}`).value = value as ExcelJS.CellValue;
    const reading = await readSheet(Buffer.from(await book.xlsx.writeBuffer()), 'k.xlsx', doc);
    expect(reading.messages).toMatchObject([{ severity, cell: `H${FIRST_ROW}`, message: { ja: expect.stringMatching(said) } }]);
    expect(reading.answers).toHaveLength(severity === 'error' ? 0 : 1);
  });
});

describe('edits import would drop without a word', () => {
  it('a target changed in a locked cell, a deleted row and a note typed beside a value are each reported at their place', async () => {
    const doc = nextYear();
    const book = await workbook((await exportedOnce()).data);
    const sheet = book.getWorksheet(ENTRY_SHEET)!;
    sheet.getCell(`${column('target').letter}${FIRST_ROW}`).value = '9,999';
    sheet.getCell(`${column('actual').letter}${FIRST_ROW}`).value = 3500;
    const deleted = String(sheet.getCell(`A${FIRST_ROW + 2}`).value);
    sheet.spliceRows(FIRST_ROW + 2, 1);
    sheet.getCell(`L${FIRST_ROW + 1}`).value = '見込み値';
    const reading = await readSheet(Buffer.from(await book.xlsx.writeBuffer()), 'k.xlsx', doc);
    expect(reading.messages.map((m) => [m.severity, m.cell ?? null, m.message.ja.slice(0, 14)])).toEqual([
      ['warning', `${column('target').letter}${FIRST_ROW}`, expect.stringContaining('保護された欄')],
      ['warning', `L${FIRST_ROW + 1}`, expect.stringContaining('表の外の欄')],
      ['warning', null, expect.stringContaining(`整理番号 ${deleted}`)],
    ]);
    expect(reading.answers.map((a) => a.actual.value)).toEqual([3500]);
  });
});

describe('where the sheets go back', () => {
  it('the office, a deadline and a contact are printed on the heading and on 記入方法', async () => {
    const [file] = await exportSheets(nextYear(), 'k', false, { office: '総合政策課', deadline: '5月31日（金）', contact: '内線 2154 山田' });
    const book = await workbook(file!.data);
    const said = '総合政策課へ 5月31日（金） までに返送してください（問合せ: 内線 2154 山田）';
    expect(String(book.getWorksheet(ENTRY_SHEET)!.getCell('A2').value)).toContain(said);
    const howTo: string[] = [];
    book.getWorksheet('記入方法')!.eachRow((row) => howTo.push(String(row.getCell(1).value)));
    expect(howTo.join('\n')).toContain(said);
    expect(howTo.join('\n')).not.toContain('企画政策課');
  });
});

describe('the 備考 column', () => {
  it("is taken as the indicator's note, with or without an actual; a second import changes nothing", async () => {
    const doc = nextYear();
    const book = await workbook((await exportedOnce()).data);
    const sheet = book.getWorksheet(ENTRY_SHEET)!;
    sheet.getCell(`${column('actual').letter}${FIRST_ROW}`).value = 3500;
    sheet.getCell(`${column('note').letter}${FIRST_ROW}`).value = '調査方法の変更により減少';
    sheet.getCell(`${column('note').letter}${FIRST_ROW + 1}`).value = '集計中（6月に確定）';
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const text = stringifyDocument(doc, 'k.yaml');
    const merge = mergeAnswers(text, 'k.yaml', doc, (await readSheet(data, 'k.xlsx', doc)).answers);
    const rows = indicatorRows(merge.document);
    expect(rows.slice(0, 2).map((r) => [r.indicator.actual.text, r.indicator.note])).toEqual([
      ['3,500', '調査方法の変更により減少'],
      ['', '集計中（6月に確定）'],
    ]);
    const again = mergeAnswers(merge.text, 'k.yaml', merge.document, (await readSheet(data, 'k.xlsx', merge.document)).answers);
    expect(again.changed).toEqual([]);
  });
});
