import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { HierarchyLevel, KpiDocument } from '../model/types.js';
import { COLUMNS, column, columnLetter, commentHeadings, sheetColumns } from './layout.js';
import { proseOf } from './cells.js';
import { readActual, typedUnit } from './import.js';
import { inNotation, notationOf } from '../io/measurements.js';

// How a cell's value is read as an actual, without a workbook: the round trips through exceljs
// (export, fill in, import, merge) are in sheet.slow.test.ts.

const FISCAL_YEAR = 2020;

describe('reading an actual as a department typed it', () => {
  const date = new Date(Date.UTC(2024, 2, 4));
  it.each([
    // actual cell         year cell    → value   year  text
    [3580, null, 3580, null, '3,580'],
    [-12.5, null, -12.5, null, '△12.5'],
    ['３，５８０', null, 3580, null, '3,580'],
    ['3，580', null, 3580, null, '3,580'],
    ['▲10', null, -10, null, '△10'],
    ['－', null, null, null, '-'],
    ['ー', null, null, null, '-'],
    ['45%', null, 45, null, '45'],
    ['△12', null, -12, null, '△12'],
    ['"3580"', null, 3580, null, '3,580'],
    ['3580人', null, 3580, null, '3,580'],
    ['-', null, null, null, '-'],
    ['3,580(R1)', null, 3580, 2019, '3,580(R1)'],
    [3580, 'R1', 3580, 2019, '3,580(R1)'],
    [3580, 'H30', 3580, 2018, '3,580(H30)'],
    [3580, 2019, 3580, 2019, '3,580(R1)'],
    ['3,580', '令和元年', 3580, 2019, '3,580(R1)'],
    [3580, 'R2', 3580, null, '3,580'], // this fiscal year's: no note
    [{ formula: 'A1*2', result: 42 }, null, 42, null, '42'],
    [{ richText: [{ text: '1,2' }, { text: '04' }] }, null, 1204, null, '1,204'],
    // A value in words, as reports print it: kept as typed, with no number.
    ['調査中', null, null, null, '調査中'],
    [' 設置 ', null, null, null, '設置'],
  ] as const)('%j, year %j → %j', (value, year, expected, expectedYear, text) => {
    expect(readActual(value as ExcelJS.CellValue, year, '人', FISCAL_YEAR)).toEqual({ actual: { value: expected, year: expectedYear, text } });
  });

  it.each([null, '', '  '])('%j is left blank (not answered)', (value) => {
    expect(readActual(value, null, '人', FISCAL_YEAR)).toEqual({ actual: null });
  });

  it.each([
    // actual cell   year cell   where    message
    ['1,2O4', null, 'actual', /"1,2O4" は実績として読めません/],
    ['3580件', null, 'actual', /実績として読めません/], // the unit is 人
    ['145.1万人', null, 'actual', /実績として読めません/], // a scale the unit does not have: asked, not guessed
    [date, null, 'actual', /日付になっています/],
    [true, null, 'actual', /"true" は実績として読めません/],
    [Infinity, null, 'actual', /値として使えません/],
    ['1'.repeat(20), null, 'actual', /桁が多すぎます/],
    [null, 'R1', 'actual', /年度だけが記入され/],
    [3580, '来年', 'year', /年度 "来年" が読めません/],
    [3580, 1.5, 'year', /年度 "1.5" が読めません/],
    ['3,580(H30)', 'R1', 'year', /年の注記と年度の欄 \(R1\) が合いません/],
  ] as const)('%j, year %j: an error at the %s cell', (value, year, at, message) => {
    const read = readActual(value as ExcelJS.CellValue, year, '人', FISCAL_YEAR);
    expect(read).toMatchObject({ at, error: { ja: expect.stringMatching(message) }, hint: { ja: expect.any(String), en: expect.any(String) } });
  });

  it('in English with --lang en', async () => {
    expect(readActual('1,2O4', null, null, FISCAL_YEAR)).toMatchObject({ error: { en: expect.stringMatching(/^"1,2O4" cannot be read as an actual/) } });
  });
});

describe('what the person saw in the cell', () => {
  it.each([
    // value   number format          → read
    [0.45, '0%', 45],
    [0.453, '0.0%', 45.3],
    [0.07, '0.00%', 7],
    [1204, '#,##0', 1204],
    [1204000, '#,##0,', 1204],
    [1204000, '#,##0,"千円"', 1204],
    [1204000000, '#,##0,,', 1204],
    [-0.12, '0%;[Red]△0%', -12],
    [3580, '#,##0.########;[Red]△#,##0.########', 3580], // the format export gives the cell
    [3580, '"約"#,##0"人"', 3580],
  ])('%j formatted %j is read as %j', (value, numFmt, expected) => {
    expect(readActual(value, null, '%', FISCAL_YEAR, numFmt)).toMatchObject({ actual: { value: expected } });
  });

  it.each([
    [3580, 'R100', 'year'],
    [3580, 2150, 'year'],
    [3580, 'R4', 'year'], // after the year after this fiscal year (R2; a spring figure may be R3's)
    ['3,580(R9)', null, 'actual'],
  ])('%j with the year %j: an error at the %s cell, not at a YAML line', (value, year, at) => {
    expect(readActual(value, year, '人', FISCAL_YEAR)).toMatchObject({ at, error: { ja: expect.stringContaining('より後') } });
  });
});

describe('the sheet’s place column', () => {
  it('is headed with the levels as the document labels them (基本目標・施策, a level it does not print left out), else tassei’s', () => {
    const hierarchy: HierarchyLevel[] = [
      { level: 'strategy', label: '基本目標', numbering: '1', style: 'banner' },
      { level: 'measure', label: '施策', numbering: '(1)', style: 'banner' },
    ];
    expect([column('place').heading(2024, hierarchy), column('place').heading(2024)]).toEqual(['基本目標・施策', '重点戦略・戦略方針・施策']);
  });
});

describe('an actual typed with its unit', () => {
  it('reads the unit the name ends with in brackets where the table printed no unit column (販売額（千円）: 1496千円)', () => {
    expect(typedUnit({ name: '市内の販売額（千円）', unit: null })).toBe('千円');
    expect(typedUnit({ name: '参加者数(人)', unit: null })).toBe('人');
    expect(typedUnit({ name: '参加者数', unit: '人' })).toBe('人');
    expect(typedUnit({ name: '参加者数', unit: null })).toBeNull();
    expect(readActual('1496千円', null, typedUnit({ name: '市内の販売額（千円）', unit: null }), 2024)).toMatchObject({ actual: { value: 1496 } });
  });
});

describe('an imported actual in the table’s own notation', () => {
  it.each([
    [['▲207,727', '▲71,742'], -132810, '▲132,810'],
    [['85.0(H30)', '107.3'], 105, '105.0'],
    [['85.0', '107.3'], 66.25, '66.25'],
    [['96.8万人', '100.0万人'], 98.1, '98.1万人'],
    [['3,560(H29)', '3,700'], 3580, '3,580'],
    [['12.5', '20'], -3, '△3'],
  ] as const)('%j: %d → %s', (texts, value, text) => {
    expect(inNotation(value, notationOf(texts)!)).toBe(text);
  });
});

describe('a comment as a department typed it', () => {
  it.each([
    ['防護柵の設置が進み、被害額は減少した。\n今後も捕獲班を維持する。', '防護柵の設置が進み、被害額は減少した。今後も捕獲班を維持する。'],
    ['Wi-Fi\r\nspots を増やす', 'Wi-Fi spots を増やす'], // Latin words keep their space, as a wrapped cell of a PDF
    ['  前後の空白は取る　\n\n', '前後の空白は取る'],
    [{ richText: [{ text: '一文目。' }, { text: '\n二文目。' }] }, '一文目。二文目。'],
    [null, ''],
  ] as const)('%j → %j', (value, expected) => {
    expect(proseOf(value as ExcelJS.CellValue)).toBe(expected);
  });
});

describe('the comment columns of a document', () => {
  const doc = (columns: string[], block: string | undefined, onIndicators: string[]) =>
    ({
      layout: { columns: columns.map((heading) => ({ role: 'comment', heading })), ...(block ? { commentBlocks: block } : {}) },
      strategies: [{ no: 1, title: '', indicators: [{ comments: onIndicators.map((heading) => ({ heading, text: '' })) }], policies: [] }],
    }) as unknown as KpiDocument;

  it('are its layout’s comment columns (a heading of two lines joined), its comment block, then others its indicators carry, each once', () => {
    expect(commentHeadings(doc(['評価\nコメント', '今後の方針'], undefined, ['今後の方針', '評価コメント', '進捗状況']))).toEqual([
      '評価コメント',
      '今後の方針',
      '進捗状況',
    ]);
    expect(commentHeadings(doc([], '≪成果と見直し≫', ['≪成果と見直し≫']))).toEqual(['≪成果と見直し≫']);
    expect(commentHeadings(doc([], undefined, []))).toEqual([]);
  });

  it('stand after the 備考 of the actual, before the 担当課; without comments the sheet has the columns it always had', () => {
    expect(sheetColumns([])).toEqual(COLUMNS);
    const columns = sheetColumns(['評価コメント', '今後の方針']);
    expect(columns.map((c) => `${c.letter}:${c.comment ?? c.key}`).slice(9)).toEqual(['J:note', 'K:評価コメント', 'L:今後の方針', 'M:department']);
    expect([1, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});
