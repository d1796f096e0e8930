import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../test/helpers/scheme.js';
import { readScheme } from '../evaluate/scheme-file.js';
import type { KpiDocument, Strategy } from '../model/types.js';
import { walkIndicators } from '../model/walk.js';
import { extractPages } from './extract.js';
import { type Line, linesOf, phrasesOf } from './layout.js';
import {
  columnsInOrder,
  countLabelPitch,
  joinGoalsPrintedAgain,
  readCountTable,
  readMatrixCountTable,
  readRowsCountTable,
  withJointEdges,
} from './other-layouts.js';
import type { PageContent, TextRun } from './pdf.js';
import type { Column } from './grid.js';

/** Count tables (layouts.md F7) on tiny synthetic pages at 10 pt. */
const SIZE = 10;
const widthOf = (text: string) => [...text].reduce((w, c) => w + (c.codePointAt(0)! > 0x2000 ? SIZE : 0.55 * SIZE), 0);
/** A text set right against `edge`, as a figure in its cell. */
const right = (text: string, edge: number): [string, number] => [text, edge - widthOf(text)];
const run = (text: string, x: number, baseline: number): TextRun => ({ text, x, baseline, width: widthOf(text), size: SIZE, font: 'f' });
/** The runs of one line: cells as [text, x] at a baseline. */
const at = (baseline: number, cells: [string, number][]) => cells.map(([text, x]) => run(text, x, baseline));
/** A page of runs with horizontal rules and no vertical ones. */
const ruledPageOf = (number: number, runs: TextRun[], horizontal: { at: number; from: number; to: number }[]): PageContent => ({
  number,
  width: 595,
  height: 842,
  horizontal,
  vertical: [],
  runs,
});
const page = (...rows: [text: string, x: number][][]): Line[] =>
  linesOf(phrasesOf(rows.flatMap((runs, k) => runs.map(([text, x]) => run(text, x, 100 + 15 * k)))));

describe('count tables', () => {
  it('grades across, a row per goal with 合計: counts under the marks by place, a blank cell 0 where the total says so', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['A', 100],
        ['B', 140],
        ['C', 180],
        ['合計', 220],
      ],
      [
        ['基本目標1', 0],
        ['1', 100],
        ['2', 140],
        ['3', 224],
      ],
      [
        ['基本目標2', 0],
        ['1', 100],
        ['4', 224],
      ],
      [
        ['合計', 0],
        ['1', 100],
        ['2', 140],
        ['3', 224],
      ],
      [['備考 うち再掲2指標', 0]],
    );
    const { table, used } = readCountTable({ number: 1 }, lines, 0);
    expect(table.marks).toEqual(['A', 'B', 'C']);
    expect(table.rows).toEqual([
      { label: '基本目標1', counts: [1, 2, 0], total: 3 },
      { label: '基本目標2', counts: [1, null, null], total: 4 },
      { label: '合計', counts: [1, 2, 0], total: 3 },
    ]);
    expect(used).toHaveLength(4);
  });

  it('grades across, labels wrapped at one pitch with the counts on their first lines (基本目標ⅠICT図 1 2 | 書館づくり | 基本目標Ⅱ商店街 0 1 | の支援): a line over a row that opens with its goal’s label is the row above’s', () => {
    // Writer's one pitch, the wrapped line a little nearer the next row (12.9 pt over, 12.5 under).
    const rows: [number, [string, number][]][] = [
      [
        100,
        [
          ['基本目標', 0],
          ['A', 100],
          ['B', 140],
          ['合計', 220],
        ],
      ],
      [
        112.9,
        [
          ['基本目標ⅠICT図', 0],
          ['1', 100],
          ['2', 140],
          ['3', 224],
        ],
      ],
      [125.8, [['書館づくり', 0]]],
      [
        138.3,
        [
          ['基本目標Ⅱ商店街', 0],
          ['0', 100],
          ['1', 140],
          ['1', 224],
        ],
      ],
      [151.2, [['の支援', 0]]],
    ];
    const lines = linesOf(phrasesOf(rows.flatMap(([baseline, cells]) => cells.map(([text, x]) => run(text, x, baseline)))));
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => r.label.replace(/\s/g, ''))).toEqual(['基本目標ⅠICT図書館づくり', '基本目標Ⅱ商店街の支援']);
  });

  it('grades across, a goal’s label word alone over the line of counts its number opens (基本目標 | ⅡICTの 0 4 4 | 整備): the next row’s label, not the table’s end', () => {
    const rows: [number, [string, number][]][] = [
      [
        100,
        [
          ['基本目標', 0],
          ['A', 100],
          ['B', 140],
          ['合計', 220],
        ],
      ],
      [115, [['基本目標', 0]]],
      [126, [['Ⅰ公共交', 0]]],
      [
        131.5,
        [
          ['0', 100],
          ['2', 140],
          ['2', 224],
        ],
      ],
      [137, [['通文化財', 0]]],
      [148, [['の拡大', 0]]],
      [169, [['基本目標', 0]]],
      [
        180,
        [
          ['ⅡICTの', 0],
          ['0', 100],
          ['4', 140],
          ['4', 224],
        ],
      ],
      [191, [['整備', 0]]],
    ];
    const lines = linesOf(phrasesOf(rows.flatMap(([baseline, cells]) => cells.map(([text, x]) => run(text, x, baseline)))));
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label.replace(/\s/g, ''), r.total])).toEqual([
      ['基本目標Ⅰ公共交通文化財の拡大', 2],
      ['基本目標ⅡICTの整備', 4],
    ]);
  });

  it('grades across, a goal’s number wrapped apart from its word onto the line under it (基本目標 | 2 ふるさ | と納税文 0 0 2 1 3): the label’s number, not a count', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['A', 100],
        ['B', 140],
        ['合計', 220],
      ],
      [['基本目標1', 0]],
      [
        ['自主防災', 0],
        ['0', 100],
        ['1', 140],
        ['1', 224],
      ],
      [['館の向上', 0]],
      [['基本目標', 0]],
      [
        ['2', 0],
        ['ふるさ', 15],
      ],
      [
        ['と納税文', 0],
        ['0', 100],
        ['2', 140],
        ['2', 224],
      ],
      [['の創出', 0]],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label.replace(/\s/g, ''), r.counts, r.total])).toEqual([
      ['基本目標1自主防災館の向上', [0, 1], 1],
      ['基本目標2ふるさと納税文の創出', [0, 2], 2],
    ]);
  });

  it('the pitch of a cell’s lines a count table’s wrapped labels show: steps within a row only, never a row’s step to the next (Writer sets rows nearer than a cell’s lines)', () => {
    const lineAt = (baseline: number, cells: [string, number][]) => cells.map(([text, x]) => run(text, x, baseline));
    const head = lineAt(100, [
      ['基本目標', 0],
      ['A', 100],
      ['B', 140],
      ['合計', 220],
    ]);
    const counts = (label: string): [string, number][] => [
      [label, 0],
      ['1', 100],
      ['2', 140],
      ['3', 224],
    ];
    const cases: [what: string, runs: TextRun[], pitch: number | null][] = [
      [
        'counts on the label’s first line',
        [
          ...head,
          ...lineAt(112.9, counts('基本目標ⅠICT図')),
          ...lineAt(125.8, [['書館づくり', 0]]),
          ...lineAt(138.3, counts('基本目標Ⅱ商店街')),
          ...lineAt(151.2, [['の支援', 0]]),
        ],
        1.29,
      ],
      [
        'counts on the label’s last line',
        [
          ...head,
          ...lineAt(112.5, [['政策目標1農林', 0]]),
          ...lineAt(125.4, counts('水産業')),
          ...lineAt(137.9, [['政策目標2ふる', 0]]),
          ...lineAt(150.8, counts('さと')),
        ],
        1.29,
      ],
      ['no label wrapped', [...head, ...lineAt(112.5, counts('基本目標Ⅰ')), ...lineAt(125, counts('基本目標Ⅱ'))], null],
    ];
    for (const [what, runs, pitch] of cases) {
      const { rowLines } = readCountTable({ number: 1 }, linesOf(phrasesOf(runs)), 0);
      const found = countLabelPitch(rowLines);
      expect([what, found === null ? null : Math.round(found * 100) / 100]).toEqual([what, pitch]);
    }
  });

  it('grades across, a goal’s label cut in its narrow cell before its title (第2 | 章図 | 書館 | 援 0 1 2 3 over its counts): the next row’s label, not the table’s end', () => {
    const lines = page(
      [
        ['区分', 0],
        ['A', 100],
        ['B', 140],
        ['C', 180],
        ['合計', 220],
      ],
      [['第1', 0]],
      [['章観', 0]],
      [
        ['光', 0],
        ['1', 100],
        ['2', 140],
        ['0', 180],
        ['3', 224],
      ],
      [['第2', 0]],
      [['章図', 0]],
      [['書館', 0]],
      [
        ['援', 0],
        ['0', 100],
        ['1', 140],
        ['2', 180],
        ['3', 224],
      ],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label, r.total])).toEqual([
      ['第1章観光', 3],
      ['第2章図書館援', 3],
    ]);
  });

  it('grades across, a goal’s word alone beside its counts, its number and title wrapped below them (基本目標 | 0 4 | Ⅰ 空き | 家の振興)', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['S', 100],
        ['A', 140],
        ['合計', 220],
      ],
      [
        ['基本目標', 0],
        ['0', 100],
        ['4', 140],
        ['4', 224],
      ],
      [['Ⅰ 空き', 0]],
      [['家の振興', 0]],
      [
        ['基本目標', 0],
        ['2', 100],
        ['2', 140],
        ['4', 224],
      ],
      [['Ⅱ 高齢', 0]],
      [['者の創出', 0]],
    );
    const { table, used } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label, r.counts, r.total])).toEqual([
      ['基本目標Ⅰ 空き家の振興', [0, 4], 4],
      ['基本目標Ⅱ 高齢者の創出', [2, 2], 4],
    ]);
    expect(used).toHaveLength(7);
  });

  it('grades across at the top of a page, under the head the rest of a label the page break cut (… | 獣の強化), apart from the first row: read past', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['A', 100],
        ['B', 140],
        ['合計', 220],
      ],
      [['商店街有害鳥', 0]],
      [['獣の強化', 0]],
      [],
      [
        ['基本目標2', 0],
        ['1', 100],
        ['3', 140],
        ['4', 224],
      ],
      [['観光づくり', 0]],
    );
    const { table } = readCountTable({ number: 2 }, lines, 0);
    expect(table.rows.map((r) => [r.label.replace(/\s/g, ''), r.counts, r.total])).toEqual([['基本目標2観光づくり', [1, 3], 4]]);
  });

  it.each([
    // figures' centres        headings' centres            columns
    [
      [117, 151, 175, 207, 238],
      [100, 136, 167, 193, 224],
      [0, 1, 2, 3, 4],
    ],
    [
      [160, 170],
      [136, 167, 193],
      [0, 1],
    ], // each nearest 167: one would be lost
    [
      [117, 207],
      [100, 136, 167, 193, 224],
      [0, 3],
    ], // blank cells between
    [
      [207, 117],
      [100, 136, 167, 193, 224],
      [3, 0],
    ], // given in any order
  ])('the figures of a count row at %j go to columns in order, each its own: %j → %j', (figures, centres, columns) => {
    expect(columnsInOrder(figures, centres)).toEqual(columns);
  });

  it('grades across, each label wrapped over lines around its counts, the next row’s first lines reading as a banner (基本目標 | Ⅱ 健康 | 1 1 2 | づくり)', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['a', 100],
        ['b', 140],
        ['合計', 220],
      ],
      [['基本目標', 0]],
      [['Ⅰ 農林', 0]],
      [
        ['1', 100],
        ['8', 140],
        ['9', 224],
      ],
      [['産業', 0]],
      [],
      [['基本目標', 0]],
      [['Ⅱ 健康', 0]],
      [
        ['1', 100],
        ['1', 140],
        ['2', 224],
      ],
      [['づくり', 0]],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label.replace(/\s/g, ''), r.counts, r.total])).toEqual([
      ['基本目標Ⅰ農林産業', [1, 8], 9],
      ['基本目標Ⅱ健康づくり', [1, 1], 2],
    ]);
  });

  it('grades across, labels of three lines set evenly at Writer’s leading (0.7 em between lines, rows no farther apart): every row read', () => {
    const SPACED = 1.7 * SIZE;
    const at = (k: number, runs: [string, number][]) => runs.map(([text, x]) => run(text, x, 100 + SPACED * k));
    const lines = linesOf(
      phrasesOf([
        ...at(0, [
          ['政策目標', 0],
          ['A', 100],
          ['B', 140],
          ['合計', 220],
        ]),
        ...at(1, [['政策目標1 オリ', 0]]),
        ...at(2, [
          ['ーブ栽培', 0],
          ['1', 100],
          ['1', 140],
          ['2', 224],
        ]),
        ...at(3, [['の創出', 0]]),
        ...at(4, [['政策目標2 ふる', 0]]),
        ...at(5, [
          ['さと納税', 0],
          ['0', 100],
          ['3', 140],
          ['3', 224],
        ]),
        ...at(6, [['の振興', 0]]),
      ]),
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label.replace(/\s/g, ''), r.counts, r.total])).toEqual([
      ['政策目標1オリーブ栽培の創出', [1, 1], 2],
      ['政策目標2ふるさと納税の振興', [0, 3], 3],
    ]);
  });

  it('grades across under circled marks (① ② ③ － 合計, a scheme of ①②③ as 多摩市’s): a count table, not a banner ① …', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['①', 100],
        ['②', 140],
        ['③', 180],
        ['－', 220],
        ['合計', 260],
      ],
      [
        ['基本目標Ⅰ', 0],
        ['1', 100],
        ['1', 220],
        ['2', 264],
      ],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.marks).toEqual(['①', '②', '③', '－']);
    expect(table.rows).toEqual([{ label: '基本目標Ⅰ', counts: [1, 0, 0, 1], total: 2 }]);
  });

  it('grades across, a goal label wrapped in its narrow cell: the lines of the label go with their row', () => {
    const lines = page(
      [
        ['区分', 0],
        ['A', 100],
        ['B', 140],
        ['合計', 180],
      ],
      [
        ['ⅠICT', 0],
        ['1', 100],
        ['2', 140],
        ['3', 184],
      ],
      [['の整備', 0]],
      [
        ['Ⅱ空き', 0],
        ['0', 100],
        ['2', 140],
        ['2', 184],
      ],
      [['家の充実', 0]],
      [['基本目標3 次の表', 0]],
    );
    const { table, used } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label, r.total])).toEqual([
      ['ⅠICTの整備', 3],
      ['Ⅱ空き家の充実', 2],
    ]);
    expect(used).toHaveLength(5);
  });

  it('grades across, a goal label wrapped over three lines: its last line stays with its row though nearer the next row than that row', () => {
    const at = (rows: [text: string, x: number, baseline: number][]) => linesOf(phrasesOf(rows.map(([text, x, baseline]) => run(text, x, baseline))));
    const lines = at([
      ['区分', 0, 100],
      ['A', 100, 100],
      ['B', 140, 100],
      ['合計', 180, 100],
      ['第1章 地域', 0, 115],
      ['1', 100, 115],
      ['2', 140, 115],
      ['3', 184, 115],
      ['ふるさと納税', 0, 126],
      ['づくり', 0, 137],
      ['第2章 公共', 0, 150],
      ['4', 100, 150],
      ['4', 184, 150],
      ['交通の整備', 0, 161],
    ]);
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => r.label)).toEqual(['第1章 地域ふるさと納税づくり', '第2章 公共交通の整備']);
  });

  it('grades across, a goal label whose number wraps onto its next line (基本目標 / 2ICTオリー / ブ栽培の推進, counts between its lines) is the next row’s', () => {
    const at = (rows: [text: string, x: number, baseline: number][]) => linesOf(phrasesOf(rows.map(([text, x, baseline]) => run(text, x, baseline))));
    const lines = at([
      ['基本目標', 0, 100],
      ['A', 100, 100],
      ['B', 140, 100],
      ['合計', 180, 100],
      ['基本目標1', 0, 112],
      ['観光の', 0, 122],
      ['1', 100, 122],
      ['2', 140, 122],
      ['3', 184, 122],
      ['強化', 0, 132],
      ['基本目標', 0, 142],
      ['2ICTオリー', 0, 152],
      ['4', 100, 157],
      ['4', 184, 157],
      ['ブ栽培の', 0, 162],
      ['推進', 0, 172],
    ]);
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label, r.total])).toEqual([
      ['基本目標1観光の強化', 3],
      ['基本目標2ICTオリーブ栽培の推進', 4],
    ]);
  });

  it('grades across, a goal label beginning with its banner words on a line of its own (基本目標1 観 / 光の向上 0 2 1)', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['A', 100],
        ['B', 140],
        ['合計', 180],
      ],
      [['基本目標1 観', 0]],
      [
        ['光の向上', 0],
        ['1', 100],
        ['2', 140],
        ['3', 184],
      ],
      [
        ['合計', 0],
        ['1', 100],
        ['2', 140],
        ['3', 184],
      ],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label, r.total])).toEqual([
      ['基本目標1 観光の向上', 3],
      ['合計', 3],
    ]);
  });

  it('grades across, each goal’s label over several lines down to its counts (政策目標1 / 空き家 / 対策 0 1 1)', () => {
    const lines = page(
      [
        ['政策目標', 0],
        ['A', 100],
        ['B', 140],
        ['合計', 180],
      ],
      [['政策目標1', 0]],
      [['空き家', 0]],
      [
        ['対策', 0],
        ['0', 100],
        ['1', 140],
        ['1', 184],
      ],
      [['政策目標2', 0]],
      [['公共交通', 0]],
      [
        ['の強化', 0],
        ['2', 100],
        ['0', 140],
        ['2', 184],
      ],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.rows.map((r) => [r.label, r.total])).toEqual([
      ['政策目標1空き家対策', 1],
      ['政策目標2公共交通の強化', 2],
    ]);
  });

  it('grades across under a scheme’s status words (区分 | 目標達成 | 改善↑ | - | 悪化↓ | 合計)', () => {
    const lines = page(
      [
        ['区分', 0],
        ['目標達成', 60],
        ['改善↑', 120],
        ['-', 170],
        ['悪化↓', 200],
        ['合計', 250],
      ],
      [
        ['第1章', 0],
        ['0', 75],
        ['1', 130],
        ['0', 172],
        ['0', 210],
        ['1', 255],
      ],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.marks).toEqual(['目標達成', '改善↑', '-', '悪化↓']);
    expect(table.rows).toEqual([{ label: '第1章', counts: [0, 1, 0, 0], total: 1 }]);
  });

  it('grades across with a word among the marks (評価なし): its blank cell a 0 the total confirms', () => {
    const lines = page(
      [
        ['基本目標', 0],
        ['◎', 100],
        ['△', 140],
        ['評価なし', 180],
        ['合計', 240],
      ],
      [
        ['基本目標Ⅰ', 0],
        ['1', 100],
        ['3', 140],
        ['4', 244],
      ],
    );
    const { table } = readCountTable({ number: 1 }, lines, 0);
    expect(table.marks).toEqual(['◎', '△', '評価なし']);
    expect(table.rows).toEqual([{ label: '基本目標Ⅰ', counts: [1, 3, 0], total: 4 }]);
  });

  it('grades down with a column per goal (評価 | 基本目標Ⅰ | 基本目標Ⅱ | 合計): a row per goal, as across', () => {
    const lines = page(
      [
        ['評価', 0],
        ['基本目標Ⅰ', 80],
        ['基本目標Ⅱ', 160],
        ['合計', 240],
      ],
      [
        ['○', 5],
        ['1', 100],
        ['3', 180],
        ['4', 244],
      ],
      [
        ['×', 5],
        ['0', 100],
        ['1', 180],
        ['1', 244],
      ],
      [
        ['合計', 0],
        ['1', 100],
        ['4', 180],
        ['5', 244],
      ],
    );
    const { table, used } = readMatrixCountTable({ number: 1 }, lines, 0);
    expect(table).toMatchObject({ shape: 'rows', marks: ['○', '×'] });
    expect(table.rows).toEqual([
      { label: '基本目標Ⅰ', counts: [1, 0], total: 1 },
      { label: '基本目標Ⅱ', counts: [3, 1], total: 4 },
      { label: '合計', counts: [4, 1], total: 5 },
    ]);
    expect(used).toHaveLength(4);
  });

  it('grades down: a mark and its count a line, to 合計', () => {
    const lines = page(
      [
        ['評価', 0],
        ['指標数', 60],
      ],
      [
        ['A', 5],
        ['0', 70],
      ],
      [
        ['B', 5],
        ['2', 70],
      ],
      [
        ['判定なし', 0],
        ['1', 70],
      ],
      [
        ['合計', 0],
        ['3', 70],
      ],
      [
        ['No.', 0],
        ['成果指標名', 60],
      ],
    );
    const { table, used } = readRowsCountTable({ number: 1 }, lines, 0);
    expect([table.shape, table.marks, table.rows]).toEqual(['rows', ['A', 'B', '判定なし'], [{ label: '', counts: [0, 2, 1], total: 3 }]]);
    expect(used).toHaveLength(5);
  });
});

describe('a table without rules, then its legend and its count table', () => {
  /** One page at 10 pt, a line every 15 pt, runs as [text, x]. */
  const pageOf = (...rows: [text: string, x: number][][]): PageContent => ({
    number: 1,
    width: 595,
    height: 842,
    horizontal: [],
    vertical: [],
    runs: rows.flatMap((runs, k) => runs.map(([text, x]) => run(text, x, 100 + 15 * k))),
  });
  const row = (name: string, values: string[], mark: string): [string, number][] => [
    [name, 20],
    ...values.map((v, i): [string, number] => [v, 170 + 60 * i - widthOf(v)]),
    [mark, 300],
  ];
  /** The report's title, and the header whose columns `row` fills. */
  const TITLE: [string, number][] = [['令和5年度 総合戦略 KPI達成状況', 20]];
  const HEADER: [string, number][] = [
    ['指標名', 20],
    ['基準値', 140],
    ['実績値', 200],
    ['評価', 295],
  ];
  /** A row under a grouping column (基本施策 from 20): the cell's text, then `row`'s with the name moved to 100. */
  const grouped = (group: string | null, name: string, values: string[], mark: string): [string, number][] => [
    ...(group ? [[group, 20] as [string, number]] : []),
    ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 100 : x]),
  ];
  /** HEADER with a comment column (課題) right of the marks. */
  const HEADER_WITH_COMMENTS: [string, number][] = [...HEADER, ['課題', 340]];
  /** A count table from `top`: its head, and a row whose label wraps 11 pt under its first line, the counts beside the second (1.1 em). */
  const countsWrapped = (top: number) => [
    ...at(top, [
      ['基本目標', 20],
      ['A', 100],
      ['C', 140],
      ['合計', 180],
    ]),
    ...at(top + 15, [['基本目標1 観光', 20]]),
    ...at(top + 15 + 11, [
      ['の振興', 20],
      ['1', 100],
      ['1', 140],
      ['2', 184],
    ]),
  ];
  /** The pages read as the command line reads them under the default scheme. */
  const read = (pages: PageContent[], file: string) => extractPages(pages, file, { known: [DEFAULT_SCHEME], given: null, preferred: DEFAULT_SCHEME });

  it('a circled banner alone at a page’s foot, a row’s padding under the table (② 観光の振興), opens the rows the next page goes on with, its header not printed again', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          [['① 移住の促進', 20]],
          row('移住者数', ['100', '120'], 'A'),
          row('相談件数', ['50', '40'], 'C'),
          [],
          [],
          [['② 観光の振興', 20]],
        ),
        { ...pageOf(row('観光客数', ['300', '320'], 'A'), row('宿泊者数', ['30', '35'], 'A')), number: 2 },
      ],
      'circled-at-foot.pdf',
    ).document as KpiDocument;
    const nodes = document.strategies.map((s) => [s.no, s.title, walkIndicators({ ...document, strategies: [s] }).map(({ indicator }) => indicator.name)]);
    expect(nodes).toEqual([
      [1, '移住の促進', ['移住者数', '相談件数']],
      [2, '観光の振興', ['観光客数', '宿泊者数']],
    ]);
  });

  it('a header whose headings stand 1.5 em over their years is set in two rows where the count table’s wrapped labels show a cell’s lines 1.1 em apart, though no cell of the table wraps', () => {
    const page = ruledPageOf(
      1,
      [
        ...at(100, TITLE),
        ...at(130, [
          ['基準値', 140],
          ['実績値', 200],
        ]),
        ...at(145, [
          ['指標名', 20],
          ['（R2）', 138],
          ['（R5）', 198],
          ['評価', 295],
        ]),
        ...at(165, row('観光客数', ['100', '120'], 'A')),
        ...at(180, row('宿泊者数', ['50', '40'], 'C')),
        ...countsWrapped(210),
      ],
      [],
    );
    const document = read([page], 'counts-pitch.pdf').document as KpiDocument;
    expect(document.layout?.headerRows).toBe(2);
  });

  it('a table goes on over a blank page: the rows after it are the table’s, not figures outside any table', () => {
    const blank: PageContent = { ...pageOf(), number: 2 };
    const after = { ...pageOf(row('宿泊者数', ['50', '40'], 'C')), number: 3 };
    const { document, messages } = read([pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A')), blank, after], 'blank.pdf');
    expect(walkIndicators(document as KpiDocument).map(({ indicator: i }) => i.name)).toEqual(['観光客数', '宿泊者数']);
    expect(messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('a table going on over pages measures its columns by every page’s cells: a long name on page 2 tells where the name column ends, which page 1’s short name does not', () => {
    const short = pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'));
    const longRow = row('観光客数と宿泊者の合計', ['50', '40'], 'C');
    const long = { ...pageOf(HEADER, longRow), number: 2 };
    const widths = (pages: PageContent[]) => (read(pages, 'pages.pdf').document as KpiDocument).layout?.columns.map((c) => c.width);
    // As the same table printed on one page.
    expect(widths([short, long])).toEqual(widths([pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'), longRow)]));
  });

  it('a banner 【数値目標】 over a numbered row (① 観光客数 …) is a banner, not a legend heading over an item ① that ends the table', () => {
    const header: [string, number][] = [['番号', 20], ...HEADER.map(([text, x]): [string, number] => [text, text === '指標名' ? 60 : x])];
    const numbered = (no: string, name: string, values: string[], mark: string): [string, number][] => [
      [no, 22],
      ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 60 : x]),
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['基本目標1 観光の振興', 20]],
          [['【数値目標】', 20]],
          numbered('①', '観光客数', ['100人', '120人'], 'A'),
          [['施策1 宿泊の推進', 20]],
          numbered('②', '宿泊者数', ['50人', '40人'], 'B'),
        ),
      ],
      'goal-banner.pdf',
    );
    expect(walkIndicators(document.document as KpiDocument).map(({ indicator: i }) => [i.name, i.actual.text, i.reported.status])).toEqual([
      ['観光客数', '120人', 'A'],
      ['宿泊者数', '40人', 'B'],
    ]);
  });

  it('a goal’s label (【数値目標】) set one character a run across a narrow number column into the name’s is a row of its own, not a number 【数 and a name 値目標】…', () => {
    const header: [string, number][] = [['No', 24], ...HEADER.map(([text, x]): [string, number] => [text, text === '指標名' ? 70 : x])];
    const numbered = (no: string, name: string, values: string[], mark: string): [string, number][] => [
      [no, 27],
      ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 40 : x]),
    ];
    // pdfmake sets each character apart: the label's third character, and the banners' too, start where the names start.
    const characters = (text: string): [string, number][] => [...text].map((c, k) => [c, 20 + SIZE * k]);
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          characters('基本目標Ⅰ観光の振興'),
          characters('【数値目標】'),
          numbered('1', '観光客数', ['100人', '120人'], 'A'),
          characters('基本施策Ⅰ宿泊の推進'),
          numbered('2', '宿泊者数', ['50人', '40人'], 'B'),
        ),
      ],
      'goal-label-characters.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.indicators.map((i) => [i.number, i.name])).toEqual([['1', '観光客数']]);
  });

  it('a header printed again at the top of every page after the first, its first line in the margin (重要業績評価指標（KPI） | 基準値（R1） | R5 | 目標（R6）, a long heading and a year alone among its headings), is the header, no running header: its lower line (実績値 | 評価) is no row', () => {
    const head = (top: number, step: number) => [
      ...at(top, [
        ['重要業績評価指標（KPI）', 20],
        ['基準値（R1）', 160],
        ['R5', 265],
        ['目標（R6）', 340],
      ]),
      ...at(top + step, [
        ['実績値', 240],
        ['評価', 290],
      ]),
    ];
    const figures = (baseline: number, name: string, values: [string, string, string], mark: string) =>
      at(baseline, [
        [name, 20],
        [values[0], 215 - widthOf(values[0])],
        [values[1], 268 - widthOf(values[1])],
        [mark, 297],
        [values[2], 395 - widthOf(values[2])],
      ]);
    const again = (number: number, names: [string, string]) =>
      ruledPageOf(number, [...head(70, 40), ...figures(130, names[0], ['10', '12', '15'], 'B'), ...figures(145, names[1], ['20', '25', '30'], 'A')], []);
    const { document, messages } = read(
      [
        ruledPageOf(1, [...at(100, TITLE), ...head(150, 40), ...figures(210, '観光客数', ['100', '120', '150'], 'B')], []),
        again(2, ['宿泊者数', '移住者数']),
        again(3, ['相談件数', '就業者数']),
      ],
      'header-again-in-margin.pdf',
    );
    expect(walkIndicators(document as KpiDocument).map(({ indicator: i }) => i.name)).toEqual(['観光客数', '宿泊者数', '移住者数', '相談件数', '就業者数']);
    expect(messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('a figure whose bound a narrow cell broke after its first character (120以 over 上, beside a name’s two lines) goes on at the next line in its ruled row: 以 is no unit, and the first line no row of its own', () => {
    const rule = (y: number) => ({ at: y, from: 15, to: 340 });
    const { document } = read(
      [
        ruledPageOf(
          1,
          [
            ...at(80, TITLE),
            ...at(100, HEADER),
            ...at(120, [
              ['観光客数の', 20],
              ['120以', 230 - widthOf('120以')],
            ]),
            ...at(131, [
              ['合計', 20],
              ['100', 170 - widthOf('100')],
              ['上', 220],
              ['A', 300],
            ]),
            ...at(150, row('宿泊者数', ['50', '40'], 'B')),
          ],
          [rule(90), rule(106), rule(137), rule(156)],
        ),
      ],
      'cut-bound.pdf',
    );
    expect(walkIndicators(document as KpiDocument).map(({ indicator: i }) => [i.name, i.unit, i.baseline.text, i.actual.text, i.reported.status])).toEqual([
      ['観光客数の合計', null, '100', '120以上', 'A'],
      ['宿泊者数', null, '50', '40', 'B'],
    ]);
  });

  it('a figure read in the grade column (1,234 A) makes no grade of its own: the status is blank and the place is said', () => {
    const document = read(
      [pageOf(TITLE, [], HEADER, row('観光客数', ['100人', '120人'], 'A'), row('宿泊者数', ['50人', '40人'], '1,234 B'), row('相談件数', ['5件', '6件'], 'B'))],
      'figure-in-grade.pdf',
    );
    expect(walkIndicators(document.document as KpiDocument).map(({ indicator: i }) => [i.name, i.reported.status])).toEqual([
      ['観光客数', 'A'],
      ['宿泊者数', null],
      ['相談件数', 'B'],
    ]);
    expect(document.messages.filter((m) => m.rule === 'extract-mark').map((m) => [m.severity, m.message.ja.includes('1,234 B'), m.page])).toEqual([
      ['warning', true, 1],
    ]);
  });

  it('a table of six of tassei’s own headings but not its 現状 | 実績 | 目標 (基本目標 | 施策の方向 | 施策 | 成果指標名 | 単位 | R4実績値 | 担当課) is read as another layout', () => {
    const cells: [string, number][] = [
      ['基本目標', 20],
      ['施策の方向', 70],
      ['施策', 130],
      ['成果指標名', 170],
      ['単位', 250],
      ['R1基準値', 285],
      ['R4実績値', 340],
      ['R6目標値', 395],
      ['評価', 450],
      ['担当課', 480],
    ];
    const document = read(
      [
        pageOf(TITLE, [], cells, [
          ['基本目標Ⅰ', 20],
          ['方向(1)', 70],
          ['施策1', 130],
          ['観光客数', 170],
          ['人', 252],
          right('5,530', 330),
          right('5,702', 385),
          right('6,378', 440),
          ['B', 455],
          ['商工観光課', 480],
        ]),
      ],
      'six-own-headings.pdf',
    ).document as KpiDocument;
    expect(document.layout?.columns.slice(3).map((c) => c.role)).toEqual(['name', 'unit', 'baseline', 'actual', 'target', 'grade', 'department']);
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.value, i.actual.value, i.target?.value])).toEqual([
      ['観光客数', 5530, 5702, 6378],
    ]);
  });

  it('a grouping cell ruled over and under the body and not between its rows is one cell, its label wrapped before its number (具体的な | 施策① 図書館の推進)', () => {
    const header: [string, number][] = [['具体的な施策', 20], ...HEADER.map(([text, x]): [string, number] => [text, text === '指標名' ? 100 : x])];
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(60, TITLE),
            ...at(100, header),
            ...at(118, grouped('具体的な', '観光客数', ['100', '120'], 'A')),
            ...at(130, [
              ['施策① 図書', 20],
              ['（累計）', 100],
            ]),
            ...at(142, [['館の推進', 20]]),
            ...at(160, grouped(null, '宿泊者数', ['50', '40'], 'B')),
          ],
          [
            { at: 106, from: 15, to: 340 },
            { at: 150, from: 90, to: 340 },
            { at: 168, from: 15, to: 340 },
          ],
        ),
      ],
      'ruled-group.pdf',
    ).document as KpiDocument;
    expect(document.layout?.hierarchy.map((l) => [l.label, l.numbering])).toEqual([['具体的な施策', '①']]);
    expect(document.strategies.map((s) => [s.title, s.indicators.map((i) => i.name)])).toEqual([['図書館の推進', ['観光客数（累計）', '宿泊者数']]]);
  });

  it('a grouping cell wrapped once shows a cell’s line pitch (1.6 em): the name’s line as far under its row is that row’s (観光客数 | （累計）), not a row of its own', () => {
    const header: [string, number][] = [['施策', 20], ...HEADER.map(([text, x]): [string, number] => [text, text === '指標名' ? 100 : x])];
    const { document, messages } = read(
      [
        ruledPageOf(
          1,
          [
            ...at(60, TITLE),
            ...at(100, header),
            ...at(120, grouped('施策① 図書', '観光客数', ['100', '120'], 'A')),
            ...at(136, [
              ['館の推進', 20],
              ['（累計）', 100],
            ]),
            ...at(165, grouped('施策② 交流', '宿泊者数', ['50', '40'], 'B')),
          ],
          [],
        ),
      ],
      'group-pitch.pdf',
    );
    expect(walkIndicators(document as KpiDocument).map(({ indicator: i }) => i.name)).toEqual(['観光客数（累計）', '宿泊者数']);
    expect(messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('a grouping cell’s lines show the pitch by their own baselines, not by a line they share with a row set 2 pt off them (施策① 図書 | 館子育て | 推進 beside 宿泊者数)', () => {
    const header: [string, number][] = [['施策', 20], ...HEADER.map(([text, x]): [string, number] => [text, text === '指標名' ? 100 : x])];
    // Cells' lines 11 pt apart; the row beside the grouping cell's last line is centred 2.3 pt over it.
    const { document, messages } = read(
      [
        ruledPageOf(
          1,
          [
            ...at(60, TITLE),
            ...at(100, header),
            ...at(120, [['施策① 図書', 20]]),
            ...at(131, [['館子育て', 20]]),
            ...at(142, [['推進', 20]]),
            ...at(139.7, grouped(null, '宿泊者数', ['50', '40'], 'B')),
            ...at(170, [['施策② 交流', 20]]),
            ...at(181, [['観光客数の', 100]]),
            ...at(192, grouped(null, '推移（累計）', ['100', '120'], 'A')),
          ],
          [],
        ),
      ],
      'group-own-baselines.pdf',
    );
    expect(walkIndicators(document as KpiDocument).map(({ indicator: i }) => i.name)).toEqual(['宿泊者数', '観光客数の推移（累計）']);
    expect(messages.filter((m) => m.severity === 'warning')).toEqual([]);
  });

  it('a level’s banner ① and its title under the header (① 地域文化財の推進) is no legend item: the comment line under it stays out of the header', () => {
    const header: [string, number][] = [...HEADER, ['今後の方針', 330]];
    // Writer's tight rows: the banner and the comment's first line each a line's pitch under the header.
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(60, TITLE),
            ...at(100, header),
            ...at(112, [['① 地域文化財の推進', 20]]),
            ...at(124, [['今後も関係', 330]]),
            ...at(136, [...row('観光客数', ['100', '120'], 'A'), ['機関と連携する。', 330]]),
          ],
          [],
        ),
      ],
      'circled-banner.pdf',
    ).document as KpiDocument;
    expect(document.layout?.columns.map((c) => c.heading)).toEqual(['指標名', '基準値', '実績値', '評価', '今後の方針']);
    expect(document.strategies.map((s) => s.title)).toEqual(['地域文化財の推進']);
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.[0]])).toEqual([
      ['観光客数', { heading: '今後の方針', text: '今後も関係機関と連携する。' }],
    ]);
  });

  it('reads a comment column whose one cell on a page is the first word a page break left there (補助事 | 業については…) as comments, as the next page’s cells show', () => {
    const document = read(
      [
        pageOf(TITLE, [], HEADER_WITH_COMMENTS, [...row('観光客数', ['1,000人', '1,200人'], '改善↑'), ['補助事', 340]]),
        {
          ...pageOf(
            [['業については、成果があった。', 340]],
            [],
            [...row('相談件数', ['50件', '60件'], '改善↑'), ['利用者の声を踏まえる。', 340]],
            [...row('来訪者数', ['70人', '80人'], '改善↑'), ['事業を見直す。', 340]],
          ),
          number: 2,
        },
      ],
      'comment-cut.pdf',
    ).document as KpiDocument;
    expect(document.layout!.columns.map((c) => c.role)).toEqual(['name', 'baseline', 'actual', 'grade', 'comment']);
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments, i.other])).toEqual([
      ['観光客数', [{ heading: '課題', text: '補助事業については、成果があった。' }], undefined],
      ['相談件数', [{ heading: '課題', text: '利用者の声を踏まえる。' }], undefined],
      ['来訪者数', [{ heading: '課題', text: '事業を見直す。' }], undefined],
    ]);
  });

  it('takes the widths from the first page that shows the table’s rows, not from a head alone at the foot of the page before (a banner under it)', () => {
    // Names set flush left from 20 under 指標名 centred at 100: the name column ends near 183, far
    // right of the middle between the headings 指標名 and 基準値 that a head alone tells.
    const header: [string, number][] = [
      ['指標名', 85],
      ['基準値', 195],
      ['実績値', 255],
      ['評価', 315],
    ];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 20],
      ...values.map((v, i): [string, number] => [v, 237 + 60 * i - widthOf(v)]),
      [mark, 320],
    ];
    const banner: [string, number][] = [['基本目標1 観光の振興', 20]];
    const { document } = read(
      [
        pageOf(TITLE, [], header, banner),
        {
          ...pageOf(header, cells('観光客数', ['1,000人', '1,200人'], '改善↑'), cells('相談件数の推移', ['50件', '60件'], '改善↑')),
          number: 2,
        },
      ],
      'head-alone.pdf',
    );
    const widths = (document as KpiDocument).layout!.columns.map((c) => c.width);
    // The name column: 17 to 183 of a table from 17 to about 345, within the comparison's 0.05.
    expect(Math.abs(widths[0]! - 0.5)).toBeLessThan(0.05);
    expect(walkIndicators(document as KpiDocument).map(({ indicator: i }) => i.name)).toEqual(['観光客数', '相談件数の推移']);
  });

  it('reads a figure whose glued unit its narrow cell wrapped onto the line below (1,200 / 人, set at the bottom): one value, not a row of its own', () => {
    const header: [string, number][] = [...HEADER.slice(0, 3), ['目標値', 290], ['評価', 350]];
    const edges = [180, 250, 340];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 20],
      ...values.map((v, i): [string, number] => [v, edges[i]! - widthOf(v)]),
      [mark, 355],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['1,200', edges[1]! - widthOf('1,200')]],
          [...cells('観光客数', ['1,000人', '人', '2,000人'], '改善↑')],
          cells('相談件数', ['50件', '60件', '80件'], '改善↑'),
        ),
      ],
      'wrapped-unit.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.unit, i.baseline.value, i.actual.value, i.actual.text, i.target?.value])).toEqual([
      ['観光客数', '人', 1000, 1200, '1,200人', 2000],
      ['相談件数', '件', 50, 60, '60件', 80],
    ]);
  });

  it('reads a figure whose narrow cell wrapped inside its glued unit (1,200百万 / 円, set at the bottom): one value, not a row of its own', () => {
    const header: [string, number][] = [...HEADER.slice(0, 3), ['目標値', 290], ['評価', 350]];
    const edges = [180, 250, 340];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 20],
      ...values.map((v, i): [string, number] => [v, edges[i]! - widthOf(v)]),
      [mark, 355],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['1,200百万', edges[1]! - widthOf('1,200百万')]],
          [...cells('観光客数', ['1,000百万円', '円', '2,000百万円'], '改善↑')],
          cells('相談件数', ['50百万円', '60百万円', '80百万円'], '改善↑'),
        ),
      ],
      'wrapped-unit-tail.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.unit, i.baseline.value, i.actual.value, i.actual.text, i.target?.value])).toEqual([
      ['観光客数', '百万円', 1000, 1200, '1,200百万円', 2000],
      ['相談件数', '百万円', 50, 60, '60百万円', 80],
    ]);
  });

  it('reads a figure its narrow cell broke inside its last group of thousands (△12,34 / 5): one value, not two rows', () => {
    const header: [string, number][] = [...HEADER.slice(0, 3), ['目標値', 290], ['評価', 350]];
    const edges = [180, 250, 340];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 20],
      ...values.map((v, i): [string, number] => [v, edges[i]! - widthOf(v)]),
      [mark, 355],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['△12,34', edges[1]! - widthOf('△12,34')]],
          cells('観光客数', ['△10,000', '5', '△20,000'], '改善↑'),
          cells('相談件数', ['50', '60', '80'], '改善↑'),
        ),
      ],
      'cut-figure.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.value, i.actual.value, i.actual.text, i.target?.value])).toEqual([
      ['観光客数', -10000, -12345, '△12,345', -20000],
      ['相談件数', 50, 60, '60', 80],
    ]);
  });

  it('reads a qualified figure its narrow cell wrapped after the word (延べ / 15回): one value with its word, not 延べ alone', () => {
    const header: [string, number][] = [...HEADER.slice(0, 3), ['目標値', 290], ['評価', 350]];
    const edges = [180, 250, 340];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 20],
      ...values.map((v, i): [string, number] => [v, edges[i]! - widthOf(v)]),
      [mark, 355],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          cells('相談件数', ['50件', '60件', '80件'], '改善↑'),
          [['延べ', edges[1]! - widthOf('延べ')]],
          cells('講座の回数', ['延べ 12回', '15回', '延べ 20回'], '改善↑'),
        ),
      ],
      'wrapped-qualifier.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.value, i.actual.value, i.actual.text, i.target?.value])).toEqual([
      ['相談件数', 50, 60, '60件', 80],
      ['講座の回数', 12, 15, '延べ 15回', 20],
    ]);
  });

  it('reads values in words and qualified figures (調査中, 2,000人以上, 延べ 12回, 基準値を上回る): the unit glued to the figures, a - on what cannot be graded is no-actual', () => {
    const header: [string, number][] = [...HEADER.slice(0, 3), ['目標値', 290], ['評価', 350]];
    const edges = [180, 250, 340];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 20],
      ...values.map((v, i): [string, number] => [v, edges[i]! - widthOf(v)]),
      [mark, 355],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          cells('観光客数', ['1,000人', '1,200人', '2,000人以上'], '改善↑'),
          cells('相談件数', ['50件', '調査中', '80件'], '-'),
          cells('講座の回数', ['延べ 12回', '延べ 15回', '基準値を上回る'], '-'),
        ),
      ],
      'text-values.pdf',
    ).document as KpiDocument;
    expect(
      walkIndicators(document).map(({ indicator: i }) => [i.name, i.unit, i.baseline.value, i.actual.value, i.actual.text, i.target, i.reported.status]),
    ).toEqual([
      ['観光客数', '人', 1000, 1200, '1,200人', { value: 2000, year: null, text: '2,000人以上' }, 'improved'],
      ['相談件数', '件', 50, null, '調査中', { value: 80, year: null, text: '80件' }, 'nodata'],
      ['講座の回数', '回', 12, 15, '延べ 15回', { value: null, year: null, text: '基準値を上回る' }, 'nodata'],
    ]);
  });

  // A legend's line at the first page's foot whose last meaning the page cut, and the next page's first line.
  it.each([
    [
      'after a particle (… 把握できない等の | 理由により評価できない on the next page)',
      [
        ['※評価', 20],
        ['A 目標を超えた', 80],
        ['－ 把握できない等の', 180],
      ],
      [['理由により評価できない', 20]],
      [{ mark: '－', meaning: '把握できない等の理由により評価できない' }],
    ],
    [
      'inside a meaning, its next line holding more items (C：基準値より | 下落している －：…)',
      [
        ['【達成度】', 20],
        ['A：目標を超えた', 80],
        ['C：基準値より', 180],
      ],
      [
        ['下落している', 20],
        ['－：評価できない', 90],
      ],
      [
        { mark: 'C', meaning: '基準値より下落している' },
        { mark: '－', meaning: '評価できない' },
      ],
    ],
    [
      'inside a word (判定なし：値が確認できな | かった成果指標… on the next page)',
      [
        ['※評価', 20],
        ['A：目標を超えた', 80],
        ['判定なし：値が確認できな', 180],
      ],
      [['かった成果指標は判定を行っていない', 20]],
      [{ mark: '判定なし', meaning: '値が確認できなかった成果指標は判定を行っていない' }],
    ],
    [
      'inside a word, the line filled to the right edge of the page’s text, the title’s (判定なし：値が確 | 認できなかった… on the next page)',
      [
        ['※評価', 20],
        ['A：目標を超えた', 80],
        ['判定なし：値が確', 258],
      ],
      [['認できなかった成果指標は判定を行っていない', 20]],
      [{ mark: '判定なし', meaning: '値が確認できなかった成果指標は判定を行っていない' }],
    ],
    [
      'inside a meaning, items set without colons, its next line holding more (C 基準値より | 下落している 判定なし 値が確認…)',
      [
        ['評価基準', 20],
        ['A 目標を超えた', 80],
        ['B 目標に近い', 170],
        ['C 基準値より', 260],
      ],
      [
        ['下落している', 20],
        ['判定なし 値が確認できなかった', 110],
      ],
      [
        { mark: 'B', meaning: '目標に近い' },
        { mark: 'C', meaning: '基準値より下落している' },
        { mark: '判定なし', meaning: '値が確認できなかった' },
      ],
    ],
  ] as [string, [string, number][], [string, number][], { mark: string; meaning: string }[]][])('reads a legend the page cut %s', (_, foot, top, last) => {
    const document = read(
      [pageOf(TITLE, HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], last.at(-1)!.mark), [], foot), { ...pageOf(top), number: 2 }],
      'legend-cut.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([{ mark: 'A', meaning: '目標を超えた' }, ...last]);
  });

  it('takes no line of the next page into a legend whose last line ends short of the right edge of the page’s text (判定なし：評価できない, then 人口は推計による)', () => {
    const foot: [string, number][] = [
      ['※評価', 20],
      ['A：目標を超えた', 80],
      ['判定なし：評価できない', 180],
    ];
    const document = read(
      [
        pageOf(TITLE, HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], '判定なし'), [], foot),
        { ...pageOf([['人口は推計による', 20]]), number: 2 },
      ],
      'legend-short.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: 'A', meaning: '目標を超えた' },
      { mark: '判定なし', meaning: '評価できない' },
    ]);
  });

  it('reads a legend on one line whose heading, marks and meanings are phrases of their own (【評価】 | S | 目標を超えた | A | 目標に近い)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          row('観光客数', ['100', '120'], 'S'),
          row('宿泊者数', ['50', '40'], 'A'),
          [],
          [
            ['【評価】', 20],
            ['S', 80],
            ['目標を超えた', 95],
            ['A', 170],
            ['目標に近い', 185],
          ],
        ),
      ],
      'legend-phrases.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '【評価】',
      marks: [
        { mark: 'S', meaning: '目標を超えた' },
        { mark: 'A', meaning: '目標に近い' },
      ],
    });
  });

  it('reads a count table whose head (基本目標 | A | B | 合計) ends a page and whose rows open the next, the label wrapped', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          [['基本目標1 観光の振興', 20]],
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
          [],
          [
            ['基本目標', 20],
            ['A', 110],
            ['B', 140],
            ['合計', 170],
          ],
        ),
        {
          ...pageOf(
            [
              ['基本目標1 観', 20],
              ['1', 112],
              ['1', 142],
              ['2', 175],
            ],
            [['光の振興', 20]],
          ),
          number: 2,
        },
      ],
      'counts-across-pages.pdf',
    );
    const doc = document.document as KpiDocument;
    // Counts of a goal whose indicators stand under it directly: its goal summary.
    expect(doc.strategies.map((s) => [s.title, s.reportedGoalSummary])).toEqual([['観光の振興', { A: 1, B: 1, total: 2 }]]);
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reads a count table whose head (政策目標 | ① | ② | 合計) alone ends a page, printed again over its rows on the next (pdfmake’s header rows, a spreadsheet’s print titles), as that table’s head, not a banner 政策目標① ② 合計', () => {
    const head: [string, number][] = [
      ['政策目標', 20],
      ['①', 110],
      ['②', 140],
      ['合計', 170],
    ];
    const document = read(
      [
        pageOf(TITLE, HEADER, [['政策目標1 観光の振興', 20]], row('観光客数', ['100', '120'], '①'), row('宿泊者数', ['50', '40'], '②'), [], head),
        {
          ...pageOf(head, [
            ['政策目標1 観光の振興', 20],
            ['1', 112],
            ['1', 142],
            ['2', 175],
          ]),
          number: 2,
        },
      ],
      'counts-head-again.pdf',
    );
    const doc = document.document as KpiDocument;
    expect(doc.strategies.map((s) => [s.title, s.reportedGoalSummary])).toEqual([['観光の振興', { 1: 1, 2: 1, total: 2 }]]);
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reads the rest of a count table’s last label that a page break carried alone under the head printed again (政策目標2 | 農業の振 0 1 1 | page | 政策目標 ① ② 合計 | 興) as that label’s, not a banner 政策目標① ② 合計', () => {
    const head: [string, number][] = [
      ['政策目標', 20],
      ['①', 110],
      ['②', 140],
      ['合計', 170],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          [['政策目標1 観光の振興', 20]],
          row('観光客数', ['100', '120'], '①'),
          [['政策目標2 農業の振興', 20]],
          row('農家数', ['10', '12'], '②'),
          [],
          head,
          [
            ['政策目標1 観光の振興', 20],
            ['1', 112],
            ['0', 142],
            ['1', 175],
          ],
          [['政策目標2', 20]],
          [
            ['農業の振', 20],
            ['0', 112],
            ['1', 142],
            ['1', 175],
          ],
        ),
        { ...pageOf(head, [['興', 20]]), number: 2 },
      ],
      'counts-label-rest-under-head-again.pdf',
    );
    const doc = document.document as KpiDocument;
    expect(doc.strategies.map((s) => [s.title, s.reportedGoalSummary])).toEqual([
      ['観光の振興', { 1: 1, 2: 0, total: 1 }],
      ['農業の振興', { 1: 0, 2: 1, total: 1 }],
    ]);
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reads a count table whose mark wrapped in its narrow cell (評価な over し, or 評価 over なし) as the head printed whole', () => {
    const marksAt = (mark: string, x: number): [string, number][] => [
      ['基本目標', 20],
      ['A', 110],
      ['B', 135],
      [mark, x],
      ['合計', 205],
    ];
    const counts = (...head: [string, number][][]) =>
      read(
        [
          pageOf(
            TITLE,
            HEADER,
            [['基本目標1 観光の振興', 20]],
            row('観光客数', ['100', '120'], 'A'),
            row('宿泊者数', ['50', '40'], ''),
            [],
            [['【評価】 A：目標を達成 B：未達成 評価なし：実績なし', 20]],
            [],
            ...head,
            [
              ['基本目標1', 20],
              ['1', 112],
              ['0', 137],
              ['1', 167],
              ['2', 210],
            ],
          ),
        ],
        'counts-wrapped-mark.pdf',
      ).document as KpiDocument;
    const summaryOf = (doc: KpiDocument) => doc.strategies.map((s) => s.reportedGoalSummary);
    const whole = summaryOf(counts(marksAt('評価なし', 150)));
    expect(Object.values(whole[0]!)).toEqual([1, 0, 1, 2]);
    expect(summaryOf(counts([['評価な', 150]], marksAt('し', 160)))).toEqual(whole);
    expect(summaryOf(counts(marksAt('評価', 155), [['なし', 155]]))).toEqual(whole);
  });

  it('reads a count table of grades across whose rows go on at the next page under no head, the first there wrapped (基本目標2 農 | 業の振興 1 1 2)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          [['基本目標1 観光の振興', 20]],
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
          [['基本目標2 農業の振興', 20]],
          row('農家数', ['10', '12'], 'A'),
          row('出荷額', ['30', '20'], 'B'),
          [],
          [
            ['基本目標', 20],
            ['A', 110],
            ['B', 140],
            ['合計', 170],
          ],
          [
            ['基本目標1 観', 20],
            ['1', 112],
            ['1', 142],
            ['2', 175],
          ],
          [['光の振興', 20]],
        ),
        {
          ...pageOf(
            [['基本目標2 農', 20]],
            [
              ['業の振興', 20],
              ['1', 112],
              ['1', 142],
              ['2', 175],
            ],
          ),
          number: 2,
        },
      ],
      'counts-rows-across-pages.pdf',
    );
    const doc = document.document as KpiDocument;
    // Goal 2's row on page 2 is no banner of a third goal: its counts are goal 2's.
    expect(doc.strategies.map((s) => [s.title, s.reportedGoalSummary])).toEqual([
      ['観光の振興', { A: 1, B: 1, total: 2 }],
      ['農業の振興', { A: 1, B: 1, total: 2 }],
    ]);
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reads the rest of a count table’s label that a page break cut after its counts, opening the next page under no head (基本目標2 農 0 1 1 業の | page | 振興と地域 | の発展 | 基本目標3 商 1 0 1 …), as that label’s, not the next row’s', () => {
    const counts = (label: string, figures: string[]): [string, number][] => [[label, 20], ...figures.map((f, i): [string, number] => [f, 112 + 30 * i])];
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          [['基本目標1 観光の振興', 20]],
          row('観光客数', ['100', '120'], 'A'),
          [['基本目標2 農業の振興と地域の発展', 20]],
          row('農家数', ['10', '12'], 'B'),
          [['基本目標3 商工業の振興', 20]],
          row('店舗数', ['30', '35'], 'A'),
          [],
          [
            ['基本目標', 20],
            ['A', 110],
            ['B', 140],
            ['合計', 170],
          ],
          [['基本目標1 観', 20]],
          counts('光の振興', ['1', '0', '1']),
          [['基本目標2 農', 20]],
          counts('業の', ['0', '1', '1']),
        ),
        { ...pageOf([['振興と地域', 20]], [['の発展', 20]], [['基本目標3 商', 20]], counts('工業の振', ['1', '0', '1']), [['興', 20]]), number: 2 },
      ],
      'counts-label-rest-over-next-row.pdf',
    );
    const doc = document.document as KpiDocument;
    expect(doc.strategies.map((s) => [s.title, s.reportedGoalSummary])).toEqual([
      ['観光の振興', { A: 1, B: 0, total: 1 }],
      ['農業の振興と地域の発展', { A: 0, B: 1, total: 1 }],
      ['商工業の振興', { A: 1, B: 0, total: 1 }],
    ]);
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reads the number and title of a count table’s last label, a level’s word alone beside its counts (基本目標 1 0 1), that a page break carried under the head printed again (Ⅱ農業の | 振興) as that label’s, not a banner Ⅱ農業の', () => {
    const head: [string, number][] = [
      ['基本目標', 20],
      ['A', 110],
      ['B', 140],
      ['合計', 170],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          [['基本目標Ⅰ 観光の振興', 20]],
          row('観光客数', ['100', '120'], 'A'),
          [['基本目標Ⅱ 農業の振興', 20]],
          row('農家数', ['10', '12'], 'B'),
          [],
          head,
          [
            ['基本目標Ⅰ 観光の振興', 20],
            ['1', 112],
            ['0', 142],
            ['1', 175],
          ],
          [
            ['基本目標', 20],
            ['0', 112],
            ['1', 142],
            ['1', 175],
          ],
        ),
        { ...pageOf(head, [['Ⅱ農業の', 20]], [['振興', 20]]), number: 2 },
      ],
      'counts-number-under-head-again.pdf',
    );
    const doc = document.document as KpiDocument;
    expect(doc.strategies.map((s) => [s.title, s.reportedGoalSummary, s.policies.length])).toEqual([
      ['観光の振興', { A: 1, B: 0, total: 1 }, 0],
      ['農業の振興', { A: 0, B: 1, total: 1 }, 0],
    ]);
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it('reads a legend above the table whose heading makes one phrase with its first item (【評価】 A 超えた | B 届き), set as a paragraph wrapped inside an item', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [
            ['【評価】 A 超えた', 20],
            ['B 届き', 120],
          ],
          [
            ['そう', 20],
            ['C 未達', 60],
          ],
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'legend-heading-with-item.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '【評価】',
      marks: [
        { mark: 'A', meaning: '超えた' },
        { mark: 'B', meaning: '届きそう' },
        { mark: 'C', meaning: '未達' },
      ],
    });
  });

  it('reads a legend whose heading the page left at its foot, right under the last row, its items at the next page’s top', () => {
    const document = read(
      [
        pageOf(TITLE, HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], 'B'), [['評価基準', 20]]),
        { ...pageOf([['A：目標を上回る', 20]], [['B：目標を下回る', 20]]), number: 2 },
      ],
      'legend-heading-at-foot.pdf',
    );
    expect((document.document as KpiDocument).layout?.legend).toMatchObject({
      heading: '評価基準',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '目標を下回る' },
      ],
    });
    expect(document.messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });

  it.each([
    ['parted from its meaning by a space only (a spreadsheet print)', ' '],
    ['set straight before it (Calc through cairo: a narrow space pdf.js does not see)', ''],
  ])('reads a legend set a mark a row under its heading, the mark %s', (_, space) => {
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
          [],
          [['【達成度】', 20]],
          [],
          [[`A${space}目標を上回る`, 20]],
          [],
          [[`B${space}目標を下回る`, 20]],
        ),
      ],
      'legend.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '【達成度】',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '目標を下回る' },
      ],
    });
  });

  it('tells the title above a legend and a header though it opens with a year set apart and ends in a heading word (平成29年度 | まち・ひと・しごと創生総合戦略 | KPI達成状況)', () => {
    const title: [string, number][] = [
      ['平成29年度', 20],
      ['まち・ひと・しごと創生総合戦略', 85],
      ['KPI達成状況', 250],
    ];
    const spaced = read(
      [
        pageOf(
          title,
          [
            ['評価基準', 20],
            ['A:目標値に対して順調に値が伸びている', 70],
            ['B:目標値に対して遅れがある', 300],
          ],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
        ),
      ],
      'title.pdf',
    );
    expect(spaced.document.title).toBe('平成29年度 まち・ひと・しごと創生総合戦略 KPI達成状況');
    const aLine = read(
      [
        pageOf(
          title,
          [['【達成度】', 20]],
          [['A 目標値に対して順調に値が伸びている', 20]],
          [['B 目標値に対して遅れがある', 20]],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
        ),
      ],
      'title-items.pdf',
    );
    expect(aLine.document.title).toBe('平成29年度 まち・ひと・しごと創生総合戦略 KPI達成状況');
    // Items whose marks the printer glued to their meanings (B目標値に…, Calc through cairo), the longest lines above the header.
    const glued = read(
      [
        pageOf(
          [['令和4年度 総合計画 成果指標の達成状況', 20]],
          [['評価基準', 20]],
          [['A 目標値に対して順調に値が伸びている', 20]],
          [['B目標値に対して遅れはあるが、値は伸びている', 20]],
          [['C現状値から値が伸びていない、又は、現状値から値が悪化した', 20]],
          [['判定なし 値が確認できなかった成果指標は判定を行っていない', 20]],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
        ),
      ],
      'title-glued.pdf',
    );
    expect(glued.document.title).toBe('令和4年度 総合計画 成果指標の達成状況');
  });

  it('tells the title above a header whose first line, longer, names a series’ years (数値目標 | 2019年度 | 2020年度 | 2021年度 over 基準値 | 目標値: Calc, seed 151)', () => {
    const values = (name: string, figures: string[]): [string, number][] => [[name, 20], ...figures.map((f, i): [string, number] => right(f, 182 + 60 * i))];
    const document = read(
      [
        pageOf(
          [['令和6年度実績評価シート', 20]],
          [],
          [
            ['数値目標', 20],
            ['2019年度', 140],
            ['2020年度', 200],
            ['2021年度', 260],
          ],
          [
            ['基準値', 145],
            ['目標値', 265],
          ],
          values('観光客数', ['100', '110', '120']),
          values('宿泊者数', ['200', '210', '220']),
        ),
      ],
      'title-years.pdf',
    ).document;
    expect(document.title).toBe('令和6年度実績評価シート');
  });

  it('reads a legend of one item under its heading (※評価 over - 横ばい・実績なし: the one mark the scheme leaves unexplained)', () => {
    const document = read(
      [pageOf(TITLE, [['※評価', 20]], [], [['- 横ばい・実績なし', 20]], [], HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], '-'))],
      'one-item.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({ heading: '※評価', marks: [{ mark: '-', meaning: '横ばい・実績なし' }] });
  });

  it('tells the scheme by the legend printed where no row shows a mark yet (the grade column left blank: 多摩市’s ①②③ and their meanings)', () => {
    const tama = readScheme('schemes/tama.yaml');
    const [steady, mostly] = tama.grades;
    const ungraded = (name: string, values: string[]) => row(name, values, '').filter(([text]) => text !== '');
    const { document, scheme } = extractPages(
      [
        pageOf(
          TITLE,
          [['【達成度】', 20]],
          [[`${steady!.mark}：${steady!.meaning}`, 20]],
          [[`${mostly!.mark}：${mostly!.meaning}`, 20]],
          [],
          HEADER,
          ungraded('観光客数', ['100', '120']),
          ungraded('宿泊者数', ['50', '40']),
        ),
      ],
      'ungraded.pdf',
      { known: [DEFAULT_SCHEME, tama], given: null, preferred: DEFAULT_SCHEME },
    );
    expect((document as KpiDocument).layout?.legend?.marks.map((m) => m.mark)).toEqual(['①', '②']);
    expect(scheme.id).toBe('tama');
  });

  it('takes the legend’s own grades where the one scheme the rows’ marks fit lacks a mark the legend explains (S A B C Z: no 長与町’s, its rows printing S to C only)', () => {
    const nagayo = readScheme('schemes/nagayo.yaml');
    const legend = ['S：目標値以上', 'A：目標値どおり', 'B：要改善', 'C：要大幅改善', 'Z：評価困難'];
    const { document, scheme } = extractPages(
      [
        pageOf(
          TITLE,
          [['【達成度】', 20]],
          ...legend.map((item): [string, number][] => [[item, 20]]),
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'S'),
          row('宿泊者数', ['50', '40'], 'C'),
        ),
      ],
      'own-letters.pdf',
      { known: [DEFAULT_SCHEME, nagayo], given: null, preferred: DEFAULT_SCHEME },
    );
    expect(scheme.id).toBe('legend');
    expect(walkIndicators(document as KpiDocument).map((i) => i.indicator.reported.status)).toEqual(['S', 'C']);
  });

  it('says where the marks fit the preferred scheme and others alike (a − alone, no legend), naming them and --scheme', () => {
    const schemes = [DEFAULT_SCHEME, readScheme('schemes/fukuoka.yaml'), readScheme('schemes/tama.yaml')];
    const { scheme, messages } = extractPages(
      [pageOf(TITLE, [], HEADER, row('観光客数', ['100', '-'], '−'), row('宿泊者数', ['50', '-'], '−'))],
      'dash-only.pdf',
      { known: schemes, given: null, preferred: DEFAULT_SCHEME },
    );
    expect(scheme.id).toBe('default');
    const said = messages.filter((m) => m.rule === 'extract-scheme').map((m) => m.message.ja);
    expect(said).toEqual([expect.stringMatching(/default.*fukuoka、tama.*--scheme/)]);
  });

  it('tells the scheme by its legend though the print clips the last meaning (…改善や工夫が必要（60%未 at the cell’s edge), and keeps the meaning whole', () => {
    const tama = readScheme('schemes/tama.yaml');
    const [steady, mostly, needsWork] = tama.grades;
    const { document, scheme } = extractPages(
      [
        pageOf(
          TITLE,
          [['【達成度】', 20]],
          [[`${steady!.mark}：${steady!.meaning}`, 20]],
          [[`${mostly!.mark}：${mostly!.meaning}`, 20]],
          [[`${needsWork!.mark}：${needsWork!.meaning!.slice(0, -4)}`, 20]],
          [],
          HEADER,
          row('観光客数', ['100', '120'], steady!.mark),
          row('宿泊者数', ['50', '40'], needsWork!.mark),
        ),
      ],
      'clipped.pdf',
      { known: [DEFAULT_SCHEME, tama, readScheme('schemes/sano.yaml')], given: null, preferred: DEFAULT_SCHEME },
    );
    expect(scheme.id).toBe('tama');
    // The layout's legend has the meaning whole, as the scheme words it: printed again, it is not cut.
    expect((document as KpiDocument).layout?.legend?.marks.at(-1)).toEqual({ mark: needsWork!.mark, meaning: needsWork!.meaning });
  });

  it('reads a legend of an item a line with space between its items (※評価 over ◎:目標値以上, ○:目標値と同等)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [['※評価', 20]],
          [],
          [['◎:目標値以上', 20]],
          [],
          [['○:目標値と同等', 20]],
          [],
          HEADER,
          row('観光客数', ['100', '120'], '◎'),
          row('宿泊者数', ['50', '40'], '○'),
        ),
      ],
      'items.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: '◎', meaning: '目標値以上' },
      { mark: '○', meaning: '目標値と同等' },
    ]);
  });

  it('ends the table at a legend heading over an item a line with colons (※評価 over A：…, B：…, rows apart)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
          [],
          [['※評価', 20]],
          [['A：目標を上回る', 20]],
          [],
          [['B：目標を下回る', 20]],
        ),
      ],
      'colons.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '※評価',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '目標を下回る' },
      ],
    });
    expect(walkIndicators(document).map((i) => i.indicator.name)).toEqual(['観光客数', '宿泊者数']);
  });

  it.each([
    ['above the table', 'top'],
    ['under the table', 'below'],
  ] as const)('reads a legend whose marks are words set a space before their meanings, %s (評価基準 over 順調 目標の…, やや遅れ …)', (_, placement) => {
    const legend: [string, number][][] = [[['評価基準', 20]], [['順調 順調に推移している', 20]], [['やや遅れ やや遅れている', 20]], [['遅れ 遅れている', 20]]];
    const table = [HEADER, row('観光客数', ['100', '120'], '順調'), row('宿泊者数', ['50', '40'], '遅れ')];
    const document = read([pageOf(TITLE, ...(placement === 'top' ? [...legend, [], ...table] : [...table, [], ...legend]))], 'words.pdf')
      .document as KpiDocument;
    expect(document.layout?.legend).toEqual({
      heading: '評価基準',
      marks: [
        { mark: '順調', meaning: '順調に推移している' },
        { mark: 'やや遅れ', meaning: 'やや遅れている' },
        { mark: '遅れ', meaning: '遅れている' },
      ],
      placement,
    });
    expect(document.scheme).toBe('legend');
    expect(walkIndicators(document).map((i) => [i.indicator.name, i.indicator.reported.status])).toEqual([
      ['観光客数', 'm1'],
      ['宿泊者数', 'm3'],
    ]);
  });

  it('takes no lines of text under a heading for word items unless two stand there with words of their own (評価 over 今後も 事業を… alone)', () => {
    const document = read(
      [pageOf(TITLE, HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], 'B'), [], [['※評価', 20]], [['今後も 事業を継続する', 20]])],
      'one-line.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toBeUndefined();
  });

  /** A table of role rows (layouts.md F3): 期待値 over 実績値 in the years' columns, the rest merged over both. */
  const ROLE_HEADER: [string, number][] = [
    ['指標名', 20],
    ['区分', 110],
    ['基準値', 160],
    ['R4', 230],
    ['R5', 280],
    ['目標値', 320],
    ['評価', 380],
  ];
  const roleRow = (label: string, r4: string, r5: string): [string, number][] => [
    [label, 110],
    [r4, 250 - widthOf(r4)],
    [r5, 300 - widthOf(r5)],
  ];
  const mergedCells = (name: string, baseline: string, target: string, mark: string): [string, number][] => [
    [name, 20],
    [baseline, 200 - widthOf(baseline)],
    [target, 360 - widthOf(target)],
    [mark, 385],
  ];

  it('joins role rows whose merged cells are set between them (目標値 row, then name | 基準値 | 目標値 | 評価 alone, then 実績値 row)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          ROLE_HEADER,
          roleRow('目標値', '110', '120'),
          mergedCells('観光客数', '100', '130', 'A'),
          roleRow('実績値', '115', '―'),
          roleRow('目標値', '60', '70'),
          mergedCells('宿泊者数', '50', '80', 'B'),
          roleRow('実績値', '55', '―'),
        ),
      ],
      'role-rows.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text, i.interim?.map((x) => x.text)])).toEqual(
      [
        ['観光客数', '100', '115', '130', ['110', '120']],
        ['宿泊者数', '50', '55', '80', ['60', '70']],
      ],
    );
  });

  it('joins role rows under their merged cells set at the top, the role rows centred in tall rows, no rules (観光施設の | 100 | 130 | A over 就業者数 目安値 …: pdfmake)', () => {
    // The name's first line, the baseline, target and grade stand on a line of their own above the
    // 目安値 row, one pitch over it; the row above is the previous indicator's 実績値, far off.
    const document = read(
      [
        {
          ...pageOf(),
          runs: [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, mergedCells('観光施設の', '100', '130', 'A')),
            ...at(131, [['就業者数', 20], ...roleRow('目安値', '110', '120')]),
            ...at(170, roleRow('実績値', '115', '―')),
            ...at(200, mergedCells('宿泊施設の', '50', '80', 'B')),
            ...at(211, [['利用者数', 20], ...roleRow('目安値', '60', '70')]),
            ...at(250, roleRow('実績値', '55', '―')),
          ],
        },
      ],
      'role-rows-top.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text, i.interim?.map((x) => x.text)])).toEqual(
      [
        ['観光施設の就業者数', '100', '115', '130', ['110', '120']],
        ['宿泊施設の利用者数', '50', '55', '80', ['60', '70']],
      ],
    );
  });

  it('a header whose year stands 1.5 em over its baseline’s word (令和2年度 over 現状値) is set in two rows where a name wraps 1.1 em, though banners stand 1.4 em apart again and again (pdfmake)', () => {
    // 基本目標1 over 基本施策1 over the row: steps that repeat as a cell's lines would, though a
    // column's two lines stand nearer (観光子育て世帯 over 登録者数).
    const header: [string, number][] = [...ROLE_HEADER.slice(0, 2), ['令和2年度', 155], ...ROLE_HEADER.slice(3)];
    const document = read(
      [
        {
          ...pageOf(),
          runs: [
            ...at(60, TITLE),
            ...at(100, header),
            ...at(115, [['現状値', 160]]),
            ...at(130, [['基本目標1 観光の振興', 20]]),
            ...at(144, [['基本施策1 誘客', 20]]),
            ...at(158, [...mergedCells('観光客数', '100', '130', 'A'), ...roleRow('目安値', '110', '120')]),
            ...at(172, roleRow('実績値', '115', '125')),
            ...at(187, [['基本施策2 移住', 20]]),
            ...at(201, [...mergedCells('観光子育て世帯', '50', '80', 'B'), ...roleRow('目安値', '60', '70')]),
            ...at(212, [['登録者数', 20]]),
            ...at(229, roleRow('実績値', '55', '65')),
          ],
        },
      ],
      'role-rows-two-header-rows.pdf',
    ).document as KpiDocument;
    expect(document.layout?.headerRows).toBe(2);
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text])).toEqual([
      ['観光客数', '100', '125'],
      ['観光子育て世帯登録者数', '50', '65'],
    ]);
  });

  it('keeps a short target set right in a wide column its column’s where every row is led by its number and prints figures with units ((1) 観光客数 … 130件 under 目標値: pdfmake)', () => {
    // The rows of names and targets start with (1), (2) as a level's banner does: their figures with
    // units glued (130件) say they are rows, which alone show where the target column ends.
    const header: [string, number][] = [
      ['番号', 20],
      ['指標名', 70],
      ['区分', 130],
      ['基準値', 180],
      ['R4', 250],
      ['R5', 300],
      ['目標値', 360],
      ['評価', 430],
    ];
    const right = (text: string, side: number): [string, number] => [text, side - 3 - widthOf(text)];
    const pair = (y: number, no: string, name: string, baseline: string, years: [string, string], actuals: [string, string], target: string, mark: string) => [
      ...at(y, [[no, 22], [name, 60], ['目標値', 130], right(baseline, 230), right(years[0], 280), right(years[1], 330), right(target, 428), [mark, 445]]),
      ...at(y + 16, [['実績値', 130], right(actuals[0], 280), right(actuals[1], 330)]),
    ];
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(60, TITLE),
            ...at(100, header),
            ...pair(120, '(1)', '観光客数', '100件', ['110件', '120件'], ['115件', '―'], '130件', 'A'),
            ...pair(152, '(2)', '宿泊者数', '52,000人', ['53,000人', '54,000人'], ['53,500人', '―'], '55,000人以上', 'B'),
            ...pair(184, '(3)', '来訪者数', '71,000人', ['72,000人', '73,000人'], ['72,500人', '―'], '74,000人', 'A'),
          ],
          [],
        ),
      ],
      'role-rows-numbered.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.target?.text, i.reported.status])).toEqual([
      ['観光客数', '130件', 'A'],
      ['宿泊者数', '55,000人以上', 'B'],
      ['来訪者数', '74,000人', 'A'],
    ]);
  });

  it('gives merged cells standing as near the actuals’ row above as the 目安値 row below to the row below, the pair above holding its own baseline (宿泊者数 | 50 | 80 | B between 実績値 and 目安値: pdfmake, bottom-set)', () => {
    // Every line one step from the next: the gaps do not tell whose the merged cells' line is; the
    // pair above prints its baseline and target on its 目安値 line, so the line is the next indicator's.
    const document = read(
      [
        {
          ...pageOf(),
          runs: [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, [...mergedCells('観光客数', '100', '130', 'A'), ...roleRow('目安値', '110', '120')]),
            ...at(136, roleRow('実績値', '115', '―')),
            ...at(152, mergedCells('宿泊者数', '50', '80', 'B')),
            ...at(168, roleRow('目安値', '60', '70')),
            ...at(184, roleRow('実績値', '55', '―')),
          ],
        },
      ],
      'role-rows-even.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text, i.interim?.map((x) => x.text)])).toEqual(
      [
        ['観光客数', '100', '115', '130', ['110', '120']],
        ['宿泊者数', '50', '55', '80', ['60', '70']],
      ],
    );
  });

  it('gives merged cells set at the top, a little nearer the actuals’ row above than the 目安値 row below, to the row below where the pair above took its own from above it (宿泊者数 | 50 | 80 | B: pdfmake, role rows far apart)', () => {
    // Each indicator's merged cells stand over its 目安値 row, its 実績値 row far under that; the next
    // name stands 15 pt under the 実績値 row and 16 pt over its own 目安値 row: the gaps do not tell,
    // the pair above does, holding a baseline and target from the line that headed it.
    const document = read(
      [
        {
          ...pageOf(),
          runs: [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, mergedCells('観光客数', '100', '130', 'A')),
            ...at(136, roleRow('目安値', '110', '120')),
            ...at(166, roleRow('実績値', '115', '―')),
            ...at(181, mergedCells('宿泊者数', '50', '80', 'B')),
            ...at(197, roleRow('目安値', '60', '70')),
            ...at(227, roleRow('実績値', '55', '―')),
          ],
        },
      ],
      'role-rows-top-set.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text, i.interim?.map((x) => x.text)])).toEqual(
      [
        ['観光客数', '100', '115', '130', ['110', '120']],
        ['宿泊者数', '50', '55', '80', ['60', '70']],
      ],
    );
  });

  it('joins role rows with a line of the name wrapped between them, beside no value (…の就 | 業者数 between 目標値 and 実績値)', () => {
    const document = read(
      [
        {
          number: 1,
          width: 595,
          height: 842,
          // The rule between the role rows crosses their labels and years, not the merged name.
          horizontal: [
            { at: 106, from: 15, to: 400 },
            { at: 127, from: 105, to: 305 },
            { at: 152, from: 15, to: 400 },
            { at: 175, from: 105, to: 305 },
            { at: 192, from: 15, to: 400 },
          ],
          vertical: [],
          runs: [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, [...roleRow('目標値', '110', '120'), ...mergedCells('観光施設の就', '100', '130', 'A')]),
            ...at(131, [['業者数', 20]]),
            ...at(140, roleRow('実績値', '115', '―')),
            ...at(165, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B')]),
            ...at(185, roleRow('実績値', '55', '―')),
          ],
        },
      ],
      'role-rows-wrapped.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['観光施設の就業者数', '115', ['110', '120']],
      ['宿泊者数', '55', ['60', '70']],
    ]);
  });

  it('joins role rows with a department’s wrapped line between them, beside the name’s line that the 実績値 row takes (経済部産業振 | 興課 beside …ふ | るさと納税の | 満足度)', () => {
    const header: [string, number][] = [...ROLE_HEADER, ['担当課', 420]];
    const document = read(
      [
        {
          number: 1,
          width: 595,
          height: 842,
          // The rule between the role rows crosses their labels and years, not the merged cells.
          horizontal: [
            { at: 106, from: 15, to: 480 },
            { at: 125, from: 105, to: 305 },
            { at: 152, from: 15, to: 480 },
            { at: 175, from: 105, to: 305 },
            { at: 192, from: 15, to: 480 },
          ],
          vertical: [],
          runs: [
            ...at(80, TITLE),
            ...at(100, header),
            ...at(120, [...roleRow('目標値', '110', '120'), ...mergedCells('移住空き家ふ', '100', '130', 'A'), ['経済部産業振', 420]]),
            ...at(131, [
              ['るさと納税の', 20],
              ['興課', 420],
            ]),
            ...at(142, [...roleRow('実績値', '115', '―'), ['満足度', 20]]),
            ...at(165, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B'), ['商工観光課', 420]]),
            ...at(185, roleRow('実績値', '55', '―')),
          ],
        },
      ],
      'role-rows-department.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.department, i.actual.text])).toEqual([
      ['移住空き家ふるさと納税の満足度', '経済部産業振興課', '115'],
      ['宿泊者数', '商工観光課', '55'],
    ]);
  });

  it('joins role rows with the merged cells set between them, a department wrapped below the 実績値 label (農業政策課 | （内線 | 3828）, no rules: Writer)', () => {
    const header: [string, number][] = [...ROLE_HEADER, ['担当課', 420]];
    const [name, ...merged] = mergedCells('文化財の販売額', '70', '128', 'A');
    // Lines of a cell 17.2 pt apart, which page 2 shows (a name beside its baseline and the year under it).
    const document = read(
      [
        {
          ...pageOf(),
          runs: [
            ...at(80, TITLE),
            ...at(100, header),
            ...at(120, [...roleRow('目標値', '82', '93'), ['農業政策課', 420]]),
            ...at(128.6, [name!]),
            ...at(137.2, [...merged, ['（内線', 420]]),
            ...at(145.5, [...roleRow('実績値', '88', '―'), ['（%）', 20]]),
            ...at(154.4, [['3828）', 420]]),
          ],
        },
        {
          ...pageOf(),
          number: 2,
          runs: [
            ...at(100, header),
            ...at(120, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊', '50', '80', 'B'), ['商工観光課', 420]]),
            ...at(137.2, [
              ['者数', 20],
              ['(H25)', 200 - widthOf('(H25)')],
            ]),
            ...at(154.4, roleRow('実績値', '55', '―')),
          ],
        },
      ],
      'role-rows-wrapped-department.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.target?.text, i.department, i.actual.text])).toEqual([
      ['文化財の販売額（%）', '70', '128', '農業政策課（内線3828）', '88'],
      ['宿泊者数', '50(H25)', '80', '商工観光課', '55'],
    ]);
  });

  it('joins role rows parted by a page break (期待値 at the foot of page 1, 実績値 under the header printed again on page 2)', () => {
    const document = read(
      [
        pageOf(TITLE, ROLE_HEADER, roleRow('目標値', '110', '120'), mergedCells('観光客数', '100', '130', 'A')),
        {
          ...pageOf(
            ROLE_HEADER,
            roleRow('実績値', '115', '―'),
            roleRow('目標値', '60', '70'),
            mergedCells('宿泊者数', '50', '80', 'B'),
            roleRow('実績値', '55', '―'),
          ),
          number: 2,
        },
      ],
      'role-rows-pages.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['観光客数', '115', ['110', '120']],
      ['宿泊者数', '55', ['60', '70']],
    ]);
  });

  it('joins role rows parted by a page break where no header is printed again: the 実績値 row opens page 2 under the wrapped name’s last line, the cells merged over both set under the 目標値 row on page 1 (Calc, seed 151)', () => {
    // An indicator whole before it: its role rows tell the column of labels.
    const whole = [roleRow('目標値', '60', '70'), mergedCells('宿泊者数', '50', '80', 'B'), roleRow('実績値', '55', '―')];
    const broken = (...onPage1: [string, number][][]) => {
      const document = read(
        [
          pageOf(TITLE, ROLE_HEADER, ...whole, roleRow('目標値', '110', '120'), mergedCells('観光客', '100', '130', 'A'), ...onPage1),
          { ...pageOf([['数', 20]], roleRow('実績値', '115', '―')), number: 2 },
        ],
        'role-rows-page-no-header.pdf',
      ).document as KpiDocument;
      return walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.series?.map((x) => x.text), i.interim?.map((x) => x.text)])[1];
    };
    expect(broken()).toEqual(['観光客数', '115', ['115', '―'], ['110', '120']]);
    // The name's last line cut by the break, shown on both pages each clipped to its part: read once.
    expect(broken([['数', 20]])).toEqual(['観光客数', '115', ['115', '―'], ['110', '120']]);
  });

  it('reads an expected values’ row left without its 実績値 row (its name on it, set at the top) as interim targets, not as the year’s actuals', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          ROLE_HEADER,
          roleRow('目標値', '110', '120'),
          mergedCells('観光客数', '100', '130', 'A'),
          roleRow('実績値', '115', '―'),
          // The cells merged over the rows set at their top, on the expected values' row.
          [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B')],
        ),
      ],
      'role-row-alone.pdf',
    ).document as KpiDocument;
    expect(
      walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.series?.map((x) => x.text), i.interim?.map((x) => x.text), i.other]),
    ).toEqual([
      ['観光客数', '115', ['115', '―'], ['110', '120'], undefined],
      ['宿泊者数', '', ['', ''], ['60', '70'], undefined],
    ]);
  });

  it('joins role rows parted by a page break whose 実績値 row right under the header printed again holds short figures with counters (実績値 | 5件 | ―: pieces of headings by their look)', () => {
    // The years' figures set right in wide columns, clear of the years' headings above them.
    const counted = (label: string, r4: string, r5: string): [string, number][] => [
      [label, 110],
      [r4, 264 - widthOf(r4)],
      [r5, 305 - widthOf(r5)],
    ];
    const document = read(
      [
        pageOf(TITLE, [], ROLE_HEADER, roleRow('目標値', '400件', '600件'), mergedCells('観光施設数', '300件', '800件', 'A')),
        {
          ...pageOf(
            ROLE_HEADER,
            counted('実績値', '50件', '―'),
            roleRow('目標値', '60', '70'),
            mergedCells('宿泊者数', '50', '80', 'B'),
            roleRow('実績値', '55', '―'),
          ),
          number: 2,
        },
      ],
      'role-rows-pages-counters.pdf',
    );
    expect((document.document as KpiDocument).layout?.headerRows).toBe(1);
    expect(walkIndicators(document.document as KpiDocument).map(({ indicator: i }) => [i.name, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['観光施設数', '50件', ['400件', '600件']],
      ['宿泊者数', '55', ['60', '70']],
    ]);
  });

  it('joins role rows parted by a page break after a line of the name at page 1’s foot (…の就 | 業者数), and takes no 数値目標 on page 2 into that name', () => {
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, [...roleRow('目標値', '110', '120'), ...mergedCells('観光施設の就', '100', '130', 'A')]),
            ...at(131, [['業者数', 20]]),
          ],
          [
            { at: 106, from: 15, to: 400 },
            { at: 127, from: 105, to: 305 },
          ],
        ),
        ruledPageOf(
          2,
          [
            ...at(100, ROLE_HEADER),
            ...at(120, roleRow('実績値', '115', '―')),
            ...at(145, [['基本目標2 宿泊の振興', 20]]),
            ...at(160, [['数値目標', 20]]),
            ...at(180, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B')]),
            ...at(200, roleRow('実績値', '55', '―')),
          ],
          [
            { at: 106, from: 15, to: 400 },
            { at: 127, from: 15, to: 400 },
            { at: 187, from: 105, to: 305 },
            { at: 207, from: 15, to: 400 },
          ],
        ),
      ],
      'role-rows-pages-name.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['観光施設の就業者数', '115', ['110', '120']],
      ['宿泊者数', '55', ['60', '70']],
    ]);
  });

  it('joins role rows parted by a page break whose merged cells stand above the 目標値 row on page 1 (Chromium sets the cells spanning both rows at the top of their part)', () => {
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B')]),
            ...at(140, roleRow('実績値', '55', '―')),
            ...at(165, mergedCells('観光施', '100', '130', 'A')),
            ...at(176, [['設の就', 20]]),
            ...at(179, roleRow('目標値', '110', '120')),
          ],
          [
            { at: 106, from: 15, to: 400 },
            { at: 127, from: 105, to: 305 },
            { at: 152, from: 15, to: 400 },
            { at: 186, from: 105, to: 305 },
          ],
        ),
        ruledPageOf(2, [...at(62, [['業者数', 20]]), ...at(66, roleRow('実績値', '115', '―'))], [{ at: 72, from: 15, to: 400 }]),
      ],
      'role-rows-pages-merged-above.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['宿泊者数', '50', '55', ['60', '70']],
      ['観光施設の就業者数', '100', '115', ['110', '120']],
    ]);
  });

  it('joins role rows parted by a page break under a ruled header printed again over the merged cells drawn again inside it (Calc’s print titles, clipped in print)', () => {
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, [...roleRow('目標値', '110', '120'), ...mergedCells('観光施設の就', '100', '130', 'A')]),
            ...at(131, [['業者数', 20]]),
          ],
          [
            { at: 90, from: 15, to: 400 },
            { at: 106, from: 15, to: 400 },
            { at: 127, from: 105, to: 305 },
          ],
        ),
        ruledPageOf(
          2,
          [
            ...at(60, ROLE_HEADER),
            // The cells merged over both role rows, drawn again from where they would start, under the header.
            ...at(63, mergedCells('観光施設の就', '100', '130', 'A')),
            ...at(69, [['業者数', 20]]),
            ...at(85, roleRow('実績値', '115', '―')),
            ...at(110, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B')]),
            ...at(130, roleRow('実績値', '55', '―')),
          ],
          [
            { at: 50, from: 15, to: 400 },
            { at: 70, from: 15, to: 400 },
            { at: 92, from: 15, to: 400 },
            { at: 117, from: 105, to: 305 },
            { at: 137, from: 15, to: 400 },
          ],
        ),
      ],
      'role-rows-pages-drawn-again.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text, i.interim?.map((x) => x.text)])).toEqual(
      [
        ['観光施設の就業者数', '100', '115', '130', ['110', '120']],
        ['宿泊者数', '50', '55', '80', ['60', '70']],
      ],
    );
  });

  it('joins role rows parted by a page break under a header printed again without rules over the merged cells drawn again under it (Calc’s print titles, their shaded band hiding them)', () => {
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(80, TITLE),
            ...at(100, ROLE_HEADER),
            ...at(120, [...roleRow('目標値', '110', '120'), ...mergedCells('観光施設の就', '100', '130', 'A')]),
            ...at(131, [['業者数', 20]]),
          ],
          [],
        ),
        ruledPageOf(
          2,
          [
            ...at(60, ROLE_HEADER),
            // The cells merged over both role rows, drawn again from where they would start, under the header.
            ...at(75, mergedCells('観光施設の就', '100', '130', 'A')),
            ...at(86, [['業者数', 20]]),
            ...at(100, roleRow('実績値', '115', '―')),
            ...at(120, [...roleRow('目標値', '60', '70'), ...mergedCells('宿泊者数', '50', '80', 'B')]),
            ...at(140, roleRow('実績値', '55', '―')),
          ],
          [],
        ),
      ],
      'role-rows-pages-drawn-again-unruled.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text, i.interim?.map((x) => x.text)])).toEqual(
      [
        ['観光施設の就業者数', '100', '115', '130', ['110', '120']],
        ['宿泊者数', '50', '55', '80', ['60', '70']],
      ],
    );
  });

  it('keeps reading a table past a tall row whose 実績値 row holds one figure beside a value in words and a dash (530 | 調査中 | ―)', () => {
    const header: [string, number][] = [...ROLE_HEADER.slice(0, 5), ['R6', 330], ['目標値', 370], ['評価', 420]];
    const threeYears = (label: string, r4: string, r5: string, r6: string): [string, number][] => [...roleRow(label, r4, r5), [r6, 350 - widthOf(r6)]];
    const merged = (name: string, baseline: string, target: string, mark: string): [string, number][] => [
      [name, 20],
      [baseline, 200 - widthOf(baseline)],
      [target, 400 - widthOf(target)],
      [mark, 425],
    ];
    const document = read(
      [
        ruledPageOf(
          1,
          // Each 期待値 row stands 40 pt above its 実績値 row (a name of three lines between): more than a table's gap.
          [
            ...at(80, TITLE),
            ...at(100, header),
            ...at(120, [...threeYears('期待値', '110', '120', '125'), ...merged('観光客数', '100', '130', '△')]),
            ...at(160, threeYears('実績値', '115', '調査中', '―')),
            ...at(185, [...threeYears('期待値', '60', '70', '75'), ...merged('宿泊者数', '50', '80', '○')]),
            ...at(225, threeYears('実績値', '55', '72', '―')),
          ],
          [],
        ),
      ],
      'role-rows-text-value.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.series?.map((x) => x.text)])).toEqual([
      ['観光客数', '調査中', ['115', '調査中', '―']],
      ['宿泊者数', '72', ['55', '72', '―']],
    ]);
  });

  it('joins role rows parted by a page break where the header printed again tells a column otherwise (項目 over 実績値 alone reads as a name)', () => {
    const header: [string, number][] = ROLE_HEADER.map(([text, x]) => [text === '区分' ? '項目' : text, x]);
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          roleRow('期待値', '60', '70'),
          mergedCells('宿泊者数', '50', '80', 'B'),
          roleRow('実績値', '55', '―'),
          roleRow('期待値', '110', '120'),
          mergedCells('観光客数', '100', '130', 'A'),
        ),
        { ...pageOf(header, roleRow('実績値', '115', '―')), number: 2 },
      ],
      'role-rows-pages-headings.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['宿泊者数', '55', ['60', '70']],
      ['観光客数', '115', ['110', '120']],
    ]);
  });

  it('reads a table going on at the next page without its header by the columns its rows showed before (a last - set right, near the next heading, stays in its year)', () => {
    // R5's figures end just short of 目標値's heading; alone on page 2, a dash there reads nearer the gap before it.
    const header: [string, number][] = [...ROLE_HEADER.slice(0, 4), ['R5', 270], ['目標値', 303], ['評価', 380]];
    const target = (name: string, baseline: string, value: string, mark: string): [string, number][] =>
      mergedCells(name, baseline, value, mark).map(([text, x]) => [text, text === value ? 333 - widthOf(value) : x]);
    const document = read(
      [
        pageOf(
          TITLE,
          header,
          roleRow('目標値', '110', '120'),
          target('観光客数', '100', '130', 'A'),
          roleRow('実績値', '115', '125'),
          roleRow('目標値', '60', '70'),
          target('宿泊者数', '50', '80', 'B'),
        ),
        { ...pageOf(roleRow('実績値', '55', '-')), number: 2 },
      ],
      'continued-columns.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.target?.text, i.series?.map((x) => x.text)])).toEqual([
      ['観光客数', '130', ['115', '125']],
      ['宿泊者数', '80', ['55', '-']],
    ]);
  });

  it('reads a header printed again over the same columns by the edges the rows before it showed (two rows of figures of one width, each touching its department)', () => {
    // 目標値 set right at 250 and 担当課 set from 250 without padding: page 1 shows the edge by
    // figures of three widths; page 2's two figures are of one width, and alone say nothing of it.
    const header: [string, number][] = [
      ['指標名', 20],
      ['実績値', 140],
      ['目標値', 205],
      ['担当課', 290],
    ];
    const touching = (name: string, actual: string, target: string, department: string): [string, number][] => [
      [name, 20],
      [actual, 170 - widthOf(actual)],
      [target, 250 - widthOf(target)],
      [department, 250],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          touching('観光客数', '100', '1,614', '農業政策課'),
          touching('宿泊者数', '50', '16', '子育て支援課'),
          touching('相談件数', '7', '128', '商工観光課'),
        ),
        { ...pageOf(header, touching('移住者数', '30', '242', '企画財政課'), touching('就業者数', '20', '722', '健康福祉課')), number: 2 },
      ],
      'header-again.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.target?.text, i.department])).toEqual([
      ['観光客数', '1,614', '農業政策課'],
      ['宿泊者数', '16', '子育て支援課'],
      ['相談件数', '128', '商工観光課'],
      ['移住者数', '242', '企画財政課'],
      ['就業者数', '722', '健康福祉課'],
    ]);
    // Each text touching a figure is its own column's: the target column ends at 250, where the
    // departments start, and is much the narrower (about 60 pt against 110, centred on 担当課).
    const [target, department] = document.layout!.columns.slice(2).map((c) => c.width!);
    expect(department! / target!).toBeGreaterThan(1.4);
  });

  it('reads headings set flush left in cells without padding (Writer’s justified headings) by their lefts: a number centred in No., figures set right touching the next heading, texts touching them', () => {
    // Cells from 20, 50, 130, 190, 250, 330, 390: each heading starts its cell, each figure ends
    // where the next cell starts, the department and the comments touch the text before them.
    const header: [string, number][] = [
      ['No', 20],
      ['指標名', 50],
      ['基準値', 130],
      ['実績値', 190],
      ['目標値', 250],
      ['担当課', 330],
      ['課題', 390],
    ];
    const right = (text: string, edge: number): [string, number] => [text, edge - widthOf(text) + 0.1];
    const flush = (no: string, name: string, values: string[], department: string, comment: string): [string, number][] => [
      [no, 35 - widthOf(no) / 2],
      [name, 50],
      right(values[0]!, 190),
      right(values[1]!, 250),
      right(values[2]!, 330),
      // A reprint moves a text touching the one before it a little off the heading's left.
      [department, no === '2' ? 329.8 : 330],
      [comment, 390],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          flush('1', '観光客数', ['1,164', '1,300', '1,614'], '農業政策課', '順調に推移'),
          flush('2', '宿泊者数', ['50', '55', '16'], '子育て支援課', '周知に努める'),
          flush('3', '相談件数', ['7', '9', '128'], '商工観光課', '見直しを行う'),
          // A reprint draws a target in words and the department touching it in one run (cairo).
          [['4', 32.25], ['移住者数', 50], right('12', 190), right('15', 250), ['基準値を上回る企画財政課', 260]],
        ),
      ],
      'flush-left.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.number, i.name, i.baseline.text, i.actual.text, i.target?.text, i.department])).toEqual([
      ['1', '観光客数', '1,164', '1,300', '1,614', '農業政策課'],
      ['2', '宿泊者数', '50', '55', '16', '子育て支援課'],
      ['3', '相談件数', '7', '9', '128', '商工観光課'],
      ['4', '移住者数', '12', '15', '基準値を上回る', '企画財政課'],
    ]);
    // The columns' edges are the headings' lefts: No. is 30 pt of the table's 370 and more (the last
    // column as far as its texts reach).
    const [no, name] = document.layout!.columns.map((c) => c.width!);
    expect(name! / no!).toBeCloseTo(80 / 30, 1);
  });

  it('tells headings set flush left by figures whose unit, set after them, ends where the next heading starts (72.4 件 | 実績値)', () => {
    // Cells from 20, 50, 130, 190, 250: the unit's run ends each figure's cell.
    const header: [string, number][] = [
      ['No', 20],
      ['指標名', 50],
      ['基準値', 130],
      ['実績値', 190],
      ['目標値', 250],
    ];
    const row = (no: string, name: string, values: string[]): [string, number][] => [
      [no, 35 - widthOf(no) / 2],
      [name, 50],
      ...values.flatMap((v, i): [string, number][] => [
        [v, 178.1 + 60 * i - widthOf(v)],
        ['件', 180.1 + 60 * i],
      ]),
    ];
    const document = read(
      [pageOf(TITLE, [], header, row('1', '観光客数', ['72.4', '80.9', '118.3']), row('2', '宿泊者数', ['6.1', '5.9', '10.5']))],
      'flush-units.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.number, i.name, i.baseline.value, i.actual.value, i.target?.value])).toEqual([
      ['1', '観光客数', 72.4, 80.9, 118.3],
      ['2', '宿泊者数', 6.1, 5.9, 10.5],
    ]);
  });

  it('cuts a target in words and the department touching it, drawn in one run under centred headings, where the departments start (従前値を上回る | 農林振興課, its kana narrower than an em)', () => {
    // Cells 20–110, 110–170, 170–220, 220–300, 300–360 without padding; headings centred.
    const header: [string, number][] = [
      ['指標名', 50],
      ['基準値', 125],
      ['実績値', 180],
      ['目標値', 245],
      ['担当課', 315],
    ];
    const row = (name: string, values: string[], department: string): [string, number][] => [
      [name, 20],
      right(values[0]!, 170),
      right(values[1]!, 220),
      right(values[2]!, 300),
      [department, 300],
    ];
    // A reprint draws the target and its department in one run; the font sets the target's kana
    // narrower, 66.5 pt for its seven characters, where the department's kanji take a full em each.
    const [target, department] = ['従前値を上回る', '農林振興課'];
    const targetWidth = 66.5;
    const printed = pageOf(
      TITLE,
      [],
      header,
      row('観光客数', ['1,164', '1,300', '1,614'], '商工観光課'),
      [['宿泊者数', 20], right('50', 170), right('55', 220), [target + department, 300 - targetWidth]],
      row('相談件数', ['7', '9', '128'], '企画財政課'),
      row('移住者数', ['12', '15', '242'], '子育て支援課'),
    );
    const runs = printed.runs.map((r) => (r.text === target + department ? { ...r, width: targetWidth + widthOf(department) } : r));
    const document = read([{ ...printed, runs }], 'words-touching.pdf').document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.target?.text, i.department])).toEqual([
      ['観光客数', '1,614', '商工観光課'],
      ['宿泊者数', target, department],
      ['相談件数', '128', '企画財政課'],
      ['移住者数', '242', '子育て支援課'],
    ]);
  });

  it('takes headings centred over figures whose sign, a run of its own, ends where the heading starts (▲ | 39,658.5%) for centred, not flush left', () => {
    // Cells 20–110, 110–190, 190–270, 270–350; headings centred, figures set right 5.5 pt inside.
    // A reprint draws each ▲ apart from its digits (cairo, another font): the sign ends where its
    // own column's heading starts, on every row and in every column.
    const header: [string, number][] = [
      ['指標名', 50],
      ['基準値', 135],
      ['実績値', 215],
      ['目標値', 295],
    ];
    const signed = (figure: string, headingLeft: number): [string, number][] => [
      ['▲', headingLeft - widthOf('▲')],
      [figure, headingLeft],
    ];
    const row = (name: string, figures: string[]): [string, number][] => [[name, 20], ...figures.flatMap((f, i) => signed(f, 135 + 80 * i))];
    const document = read(
      [pageOf(TITLE, [], header, row('観光客数', ['39,658.5%', '24,012.3%', '21,123.0%']), row('宿泊者数', ['26,919.3%', '18,058.7%', '15,105.2%']))],
      'signed-centred.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.target?.text])).toEqual([
      ['観光客数', '▲39,658.5%', '▲24,012.3%', '▲21,123.0%'],
      ['宿泊者数', '▲26,919.3%', '▲18,058.7%', '▲15,105.2%'],
    ]);
  });

  /** Two indicators in role rows (目安値 over 実績値: 観光客数 in 人, 宿泊者数 in 泊) under a header, read as a document. */
  const readRoleRows = (
    header: [string, number][],
    expected: (name: string, unit: string, values: string[]) => [string, number][],
    actual: (r4: string) => [string, number][],
    file: string,
  ) =>
    read(
      [
        pageOf(
          TITLE,
          [],
          header,
          expected('観光客数', '人', ['100', '110', '120', '130']),
          actual('115'),
          expected('宿泊者数', '泊', ['50', '60', '70', '80']),
          actual('55'),
        ),
      ],
      file,
    ).document as KpiDocument;

  it('reads role rows whose labels stand under no heading (目安値 | 実績値 between 単位 and 基準値) as a column of their own', () => {
    const header: [string, number][] = [
      ['指標名', 20],
      ['単位', 110],
      ['基準値', 200],
      ['R4', 265],
      ['R5', 315],
      ['目標値', 350],
    ];
    const expected = (name: string, unit: string, values: string[]): [string, number][] => [
      [name, 20],
      [unit, 112],
      ['目安値', 150],
      right(values[0]!, 230),
      right(values[1]!, 280),
      right(values[2]!, 330),
      right(values[3]!, 380),
    ];
    const actual = (r4: string): [string, number][] => [['実績値', 150], right(r4, 280)];
    const document = readRoleRows(header, expected, actual, 'unheaded.pdf');
    expect(document.layout?.columns.map((c) => [c.role, c.heading])).toEqual([
      ['name', '指標名'],
      ['unit', '単位'],
      ['other', ''],
      ['baseline', '基準値'],
      ['series', 'R4'],
      ['series', 'R5'],
      ['target', '目標値'],
    ]);
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.unit, i.baseline.text, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['観光客数', '人', '100', '115', ['110', '120']],
      ['宿泊者数', '泊', '50', '55', ['60', '70']],
    ]);
  });

  it('reads role rows whose labels stand centred in the cell of a heading set left at its edge (項目 | 期待値: Writer, no padding) under that heading', () => {
    // 項目 at 110–130, the next heading at 190: the labels centred at 150 stand clear of 項目's text.
    const header: [string, number][] = [
      ['指標名', 20],
      ['項目', 110],
      ['基準値', 190],
      ['R4', 265],
      ['R5', 315],
      ['目標値', 350],
    ];
    const expected = (name: string, values: string[]): [string, number][] => [
      [name, 20],
      ['目安値', 135],
      right(values[0]!, 240),
      right(values[1]!, 280),
      right(values[2]!, 330),
      right(values[3]!, 380),
    ];
    const actual = (r4: string): [string, number][] => [['実績値', 135], right(r4, 280)];
    const document = readRoleRows(header, (name, _unit, values) => expected(name, values), actual, 'set-left.pdf');
    expect(document.layout?.columns.map((c) => [c.role, c.heading])).toEqual([
      ['name', '指標名'],
      ['other', '項目'],
      ['baseline', '基準値'],
      ['series', 'R4'],
      ['series', 'R5'],
      ['target', '目標値'],
    ]);
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.actual.text, i.interim?.map((x) => x.text)])).toEqual([
      ['観光客数', '100', '115', ['110', '120']],
      ['宿泊者数', '50', '55', ['60', '70']],
    ]);
  });

  it("reads banners set at a wrapped name's pitch as rows of their own, never the name's lines (a borderless Writer print)", () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          [['基本目標1 観光の振興', 20]],
          [['施策1 観光客の誘致', 20]],
          row('観光客数', ['100', '120'], 'A'),
          [['（累計）', 20]],
          [['施策2 宿泊の推進と滞在型観光の拡大', 20]],
          row('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'banners.pdf',
    ).document as KpiDocument;
    const strategy = document.strategies[0]!;
    expect(strategy.title).toBe('観光の振興');
    expect(strategy.policies.map((p) => [p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      ['観光客の誘致', ['観光客数（累計）']],
      ['宿泊の推進と滞在型観光の拡大', ['宿泊者数']],
    ]);
  });

  it('reads a circled number and title alone on its line (① 文化財の活用) as the banner under the one above at the line pitch, not the rest of its title, where no column numbers the rows (rows set further apart)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          [['基本目標1 観光の振興', 20]],
          [['基本的方向1 文化財づくり', 20]],
          [['① 文化財の活用', 20]],
          [],
          row('来館者数', ['100', '120'], 'A'),
          [],
          [['② 施設の整備', 20]],
          [],
          row('整備件数', ['5', '6'], 'B'),
        ),
      ],
      'circled-banners.pdf',
    ).document as KpiDocument;
    const policy = document.strategies[0]!.policies[0]!;
    expect(policy.title).toBe('文化財づくり');
    expect(policy.measures.map((m) => [m.no, m.title, m.indicators.map((i) => i.name)])).toEqual([
      [1, '文化財の活用', ['来館者数']],
      [2, '施設の整備', ['整備件数']],
    ]);
  });

  it('reads ① 文化財の活用 set from the number column on as a banner where ①② also number the rows (the number cell holds more than a numbering)', () => {
    const numbered = (no: string, name: string, values: string[], mark: string): [string, number][] => [
      [no, 4],
      ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 26 : x]),
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [['番号', 0], ...HEADER.map(([text, x]): [string, number] => [text, x === 20 ? 26 : x])],
          [['基本目標1 観光の振興', 0]],
          [['① 文化財の活用', 0]],
          numbered('①', '来館者数', ['100', '120'], 'A'),
          [['② 施設の整備', 0]],
          numbered('②', '整備件数', ['5', '6'], 'B'),
          numbered('③', '利用者数', ['7', '8'], 'A'),
        ),
      ],
      'circled-banners-numbered.pdf',
    );
    const doc = document.document as KpiDocument;
    expect(document.messages.filter((m) => m.rule === 'extract-kpi')).toEqual([]);
    expect(doc.strategies[0]!.title).toBe('観光の振興');
    // Two levels printed: the goal, then ① as its policies.
    const indicators = (p: { measures: { indicators: { number?: string | null; name: string }[] }[] }) =>
      p.measures.flatMap((m) => m.indicators.map((i) => [i.number, i.name]));
    expect(doc.strategies[0]!.policies.map((p) => [p.no, p.title, indicators(p)])).toEqual([
      [1, '文化財の活用', [['①', '来館者数']]],
      [
        2,
        '施設の整備',
        [
          ['②', '整備件数'],
          ['③', '利用者数'],
        ],
      ],
    ]);
  });

  it('reads ① alone in the number column with its title in the name column, on a row of no figures, as a banner, though ①② also number the rows', () => {
    const numbered = (no: string, name: string, values: string[], mark: string): [string, number][] => [
      [no, 4],
      ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 26 : x]),
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [['番号', 0], ...HEADER.map(([text, x]): [string, number] => [text, x === 20 ? 26 : x])],
          [['基本目標1 観光の振興', 0]],
          [],
          [
            ['①', 4],
            ['文化財の活用', 26],
          ],
          [],
          numbered('1', '来館者数', ['100', '120'], 'A'),
          [],
          [
            ['②', 4],
            ['施設の整備', 26],
          ],
          [],
          numbered('2', '整備件数', ['5', '6'], 'B'),
        ),
      ],
      'circled-banners-apart.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '文化財の活用', ['来館者数']],
      [2, '施設の整備', ['整備件数']],
    ]);
  });

  it('takes the unit every value carries out of the name where the name repeats it (満足度（%） with 40%), keeping notes such as （累計）', () => {
    const document = read([pageOf(TITLE, HEADER, row('満足度（%）', ['40%', '45%'], 'A'), row('来場者（累計）', ['50人', '60人'], 'B'))], 'units.pdf')
      .document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.unit])).toEqual([
      ['満足度', '%'],
      ['来場者（累計）', '人'],
    ]);
  });

  it('joins a comment block whose heading ends a page to its text at the head of the next (≪成果と見直し≫ / 参加者が増えた)', () => {
    const header: [string, number][] = [
      ['指標名', 20],
      ['基準値', 140],
      ['実績値', 200],
      ['評価', 295],
    ];
    const document = read(
      [
        pageOf([['令和5年度 総合戦略 KPI達成状況', 20]], header, row('観光客数', ['100', '120'], 'A'), [], [['≪成果と見直し≫', 20]]),
        { ...pageOf(header, [], [['参加者が増えた。', 20]], [], row('宿泊者数', ['50', '40'], 'B')), number: 2 },
      ],
      'blocks.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments ?? []])).toEqual([
      ['観光客数', [{ heading: '≪成果と見直し≫', text: '参加者が増えた。' }]],
      ['宿泊者数', []],
    ]);
  });

  it('reads a header printed again at the next page’s top with its lines of the page before: the line right under it, a comment’s rest naming a heading’s words (…見直しを行う。), goes on with the comment', () => {
    const at = (number: number, ...lines: [baseline: number, runs: [text: string, x: number][]][]): PageContent => ({
      ...pageOf(),
      number,
      runs: lines.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline))),
    });
    const document = read(
      [
        at(
          1,
          [100, TITLE],
          [130, HEADER],
          [150, row('観光客数', ['100', '120'], 'A')],
          [165, [['≪成果と見直し≫', 20]]],
          [180, [['関係機関と連携して誘客を進めている。目標の達成に向', 20]]],
        ),
        at(
          2,
          [60, HEADER],
          [72, [['けて、事業の見直しを行う。', 20]]],
          [90, row('宿泊者数', ['50', '40'], 'B')],
          [105, [['≪成果と見直し≫', 20]]],
          [120, [['施設を整備した。', 20]]],
        ),
      ],
      'head-again.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.comments?.map((c) => `${c.heading}${c.text}`)])).toEqual([
      ['観光客数', '100', ['≪成果と見直し≫関係機関と連携して誘客を進めている。目標の達成に向けて、事業の見直しを行う。']],
      ['宿泊者数', '50', ['≪成果と見直し≫施設を整備した。']],
    ]);
  });

  it('widths without rules: a short heading over long names (指標 over 市内観光施設の年間入込客数) widens its column to the names', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [
            ['指標', 60],
            ['単位', 160],
            ['基準値', 210],
            ['実績値', 270],
            ['評価', 320],
          ],
          [
            ['市内観光施設の年間入込客数', 20],
            ['人', 165],
            ['100', 225],
            ['120', 285],
            ['A', 325],
          ],
          [
            ['宿泊者数', 20],
            ['人', 165],
            ['50', 230],
            ['40', 290],
            ['B', 325],
          ],
        ),
      ],
      'widths.pdf',
    ).document as KpiDocument;
    const [name, unit] = document.layout!.columns;
    // The names run from x 20 to 150, the units stand from 160, of a table from 20 to 340.
    expect(name!.width).toBeGreaterThanOrEqual(130 / 320 - 0.001);
    expect(name!.width).toBeLessThanOrEqual(140 / 320 + 0.001);
    expect(unit!.width).toBeGreaterThan(0);
  });

  it.each([
    ['one rule a row', [[10, 330]]],
    ['rules stopping at a grouping column’s merged cells on the left', [[130, 330]]],
    [
      'each cell’s border drawn apart',
      [
        [10, 130],
        [130, 190],
        [190, 280],
        [280, 330],
      ],
    ],
  ])('goes on over an empty row a spreadsheet left unruled, where its rows’ rules resume (基本目標2 below a gap): %s', (_, segments) => {
    const lines: [string, number][][] = [
      [['令和5年度 総合戦略 KPI達成状況', 20]],
      HEADER,
      [['基本目標1 観光', 20]],
      row('観光客数', ['100', '120'], 'A'),
      [],
      [],
      [],
      [['基本目標2 農業', 20]],
      row('就農者数', ['5', '6'], 'B'),
    ];
    // A rule above every filled row, across the table; none over the empty ones.
    const horizontal = lines.flatMap((l, k) => (k > 0 && l.length > 0 ? segments.map(([from, to]) => ({ at: 100 + 15 * k - 11, from: from!, to: to! })) : []));
    const document = read([{ ...pageOf(...lines), horizontal }], 'gap.pdf').document as KpiDocument;
    expect(document.strategies.map((s) => [s.title, s.indicators.map((i) => i.name)])).toEqual([
      ['観光', ['観光客数']],
      ['農業', ['就農者数']],
    ]);
  });

  it('reads a grouping column’s wrapped title whose line touches the name beside it (Writer sets cells without padding)', () => {
    // 基本施策 from 20 to 80, its cell 基本施策1 / 観光の振興と / 交流の促進へ (its lines end at 80,
    // where the names start); names from 80; values as `row` sets them.
    const named = (group: string | null, name: string, values: string[], mark: string): [string, number][] => [
      ...(group ? [[group, 20] as [string, number]] : []),
      ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 80.02 : x]),
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [['基本施策', 20], ['指標名', 90], ...HEADER.slice(1)],
          [['基本施策1', 20]],
          [['観光の振興と', 20]],
          named('交流の促進へ', '観光客数', ['100', '120'], 'A'),
          named(null, '宿泊者数', ['50', '40'], 'B'),
          [],
          [['基本施策2', 20]],
          named('農業', '就農者数', ['5', '6'], 'A'),
          named(null, '農地面積', ['7', '8'], 'A'),
        ),
      ],
      'grouping-touching.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.indicators.map((i) => i.name)])).toEqual([
      [1, '観光の振興と交流の促進へ', ['観光客数', '宿泊者数']],
      [2, '農業', ['就農者数', '農地面積']],
    ]);
  });

  /**
   * 基準値 | 実績値 over （R1） | （R3） `step` pt apart from 100, 指標名 | 評価 centred between (pdfmake's
   * two header rows), then two banners and two rows at 15 pt, as rows of one line stand.
   */
  const yearsUnderHeadings = (step: number) => [
    ...at(100, [
      ['基準値', 140],
      ['実績値', 200],
    ]),
    ...at(100 + step / 2, [
      ['指標名', 20],
      ['評価', 295],
    ]),
    ...at(100 + step, [
      ['（R1）', 138],
      ['（R3）', 198],
    ]),
    ...at(133, [['基本目標1 観光', 20]]),
    ...at(148, [['基本施策1 誘客', 20]]),
    ...at(163, row('観光客数', ['100', '120'], 'A')),
    ...at(178, row('宿泊者数', ['50', '40'], 'C')),
  ];

  it('a header whose headings stand 1.55 em over their years is set in two rows where the count table’s wrapped label shows a cell’s lines 1.1 em apart, though banners stacked 1.5 em apart as rows are show a pitch of their own (pdfmake)', () => {
    const page = ruledPageOf(
      1,
      [
        ...at(60, TITLE),
        ...yearsUnderHeadings(15.5),
        ...at(193, [['基本施策2 移住', 20]]),
        ...at(208, row('移住者数', ['5', '6'], 'A')),
        ...countsWrapped(238),
      ],
      [],
    );
    expect((read([page], 'counts-pitch-banners.pdf').document as KpiDocument).layout?.headerRows).toBe(2);
  });

  it('a header whose headings stand 1.5 em over their years is set in two rows where the legend’s line wrapped at the page’s right edge shows lines 1.1 em apart, though no cell wraps and banners stand 1.5 em apart as rows do (pdfmake)', () => {
    const legend = (wrapped: number) =>
      read(
        [
          {
            ...pageOf(),
            runs: [
              ...at(60, TITLE),
              ...yearsUnderHeadings(15),
              ...at(193, row('移住者数', ['5', '6'], 'A')),
              ...at(211, [
                ['評価基準', 20],
                ['A：目標値に対して順調に値が伸びている', 70],
                ['C：現状値から値が', 270],
              ]),
              ...at(211 + wrapped, [['悪化した', 20]]),
            ],
          },
        ],
        'legend-pitch.pdf',
      ).document as KpiDocument;
    expect(legend(11).layout?.headerRows).toBe(2);
    // A paragraph's lines as far apart as the rows: they tell nothing of it.
    expect(legend(15).layout?.headerRows).toBe(1);
  });

  it('a header whose headings stand 1.5 em over their years is set in two rows where a grouping cell’s wrapped title shows a cell’s lines 1.1 em apart, though no row’s cell wraps', () => {
    const document = read(
      [
        ruledPageOf(
          1,
          [
            ...at(100, TITLE),
            ...at(130, [
              ['基本施策', 20],
              ['指標名', 100],
              ['基準値', 140],
              ['実績値', 200],
              ['評価', 295],
            ]),
            ...at(145, [
              ['（R2）', 138],
              ['（R5）', 198],
            ]),
            ...at(165, grouped('基本施策1', '観光客数', ['100', '120'], 'A')),
            ...at(176, [['観光の振興', 20]]),
            ...at(187, [['と交流', 20]]),
            ...at(205, grouped(null, '宿泊者数', ['50', '40'], 'C')),
          ],
          [],
        ),
      ],
      'group-pitch.pdf',
    ).document as KpiDocument;
    expect(document.layout?.headerRows).toBe(2);
  });

  it('a grouping column’s cell printed again at the head of the next page goes on with the same policy (基本施策1 on both pages)', () => {
    const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const document = read(
      [
        pageOf(TITLE, [], header, [['基本目標1 観光', 20]], [], [['基本施策1', 20]], grouped('誘客', '観光客数', ['100', '120'], 'A')),
        {
          ...pageOf(
            header,
            [['基本施策1', 20]],
            grouped('誘客', '宿泊者数', ['50', '40'], 'B'),
            [],
            [['基本施策2', 20]],
            grouped('交流', '交流人口', ['5', '6'], 'A'),
          ),
          number: 2,
        },
      ],
      'repeated-group.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '誘客', ['観光客数', '宿泊者数']],
      [2, '交流', ['交流人口']],
    ]);
  });

  it('a goal printed over the table and again in a grouping cell that a page broke (第2章 観 | 光) is one goal once the next page’s part joins its title', () => {
    const header: [string, number][] = [['基本目標', 20], ['指標名', 100], ...HEADER.slice(1)];
    const result = read(
      [
        pageOf(
          TITLE,
          [['第1章 農業', 20]],
          [],
          [['第2章 観光', 20]],
          [],
          header,
          grouped('第1章 農業', '就農者数', ['5', '6'], 'A'),
          [],
          grouped('第2章 観', '観光客数', ['100', '120'], 'A'),
        ),
        {
          ...pageOf([
            ['光', 20],
            ['(人/年)', 100],
          ]),
          number: 2,
        },
      ],
      'goal-cut.pdf',
    );
    const document = result.document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.indicators.map((i) => i.name), s.policies.length])).toEqual([
      [1, '農業', ['就農者数'], 0],
      [2, '観光', ['観光客数(人/年)'], 0],
    ]);
    expect(document.layout?.hierarchy).toEqual([{ level: 'strategy', label: '', numbering: '第1章', style: 'column' }]);
  });

  it('a line alone naming a level no grouping column heads is a banner, though it stands inside the first column (重点戦略1 農 over 基本施策 | 指標名)', () => {
    const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['重点戦略1 農', 22]],
          [['基本施策1', 20]],
          grouped('誘客', '観光客数', ['100', '120'], 'A'),
          grouped(null, '宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'banner-in-column.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title])])).toEqual([[1, '農', [[1, '誘客']]]]);
    expect(document.layout?.hierarchy.map((h) => [h.label, h.style])).toEqual([
      ['重点戦略', 'banner'],
      ['基本施策', 'column'],
    ]);
  });

  it('a grouping cell whose number stands alone on its first line (① / 観光の / 振興, a spreadsheet wrapping it) begins a cell, as ① 観光の振興 would', () => {
    const header: [string, number][] = [['施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['基本目標1 観光', 20]],
          [['①', 20]],
          [['観光の', 20]],
          grouped('振興', '観光客数', ['100', '120'], 'A'),
          grouped(null, '宿泊者数', ['50', '40'], 'B'),
          [],
          [['②', 20]],
          grouped('農業', '就農者数', ['5', '6'], 'A'),
        ),
      ],
      'lone-number.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '観光の振興', ['観光客数', '宿泊者数']],
      [2, '農業', ['就農者数']],
    ]);
  });

  it('a number alone on its line after its label (基本施策 / 1 / 観光, the label wrapped) begins no cell: the label does', () => {
    const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [['基本目標1 観光', 20]],
          [['基本施策', 20]],
          [['1', 20]],
          grouped('観光', '観光客数', ['100', '120'], 'A'),
          grouped(null, '宿泊者数', ['50', '40'], 'B'),
          [],
          [['基本施策', 20]],
          [['2', 20]],
          grouped('農業', '就農者数', ['5', '6'], 'A'),
        ),
      ],
      'wrapped-label.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '観光', ['観光客数', '宿泊者数']],
      [2, '農業', ['就農者数']],
    ]);
  });

  it('a label on its line over its number and title (基本施策 / ①観光, 1.24 em apart, beside a name’s first line) begins the cell, its row with it', () => {
    const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const base = pageOf(TITLE, [], header, [['基本目標1 観光', 20]]);
    // The cell's label beside the name's first line, its number and title beside the name's last line and the figures.
    const cell = (baseline: number, numbered: string, name: string, values: string[], mark: string) => [
      run('基本施策', 20, baseline),
      run(name.slice(0, -1), 100, baseline),
      run(numbered, 20, baseline + 12.4),
      ...row(name.slice(-1), values, mark).map(([text, x]) => run(text, x === 20 ? 100 : x, baseline + 12.4)),
    ];
    const runs = [
      ...cell(160, '①観光', '観光客数', ['100', '120'], 'A'),
      ...grouped(null, '宿泊者数', ['50', '40'], 'B').map(([text, x]) => run(text, x, 190)),
      ...cell(215, '②農業', '就農者数', ['5', '6'], 'A'),
    ];
    const document = read([{ ...base, runs: [...base.runs, ...runs] }], 'label-above.pdf').document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '観光', ['観光客数', '宿泊者数']],
      [2, '農業', ['就農者数']],
    ]);
  });

  it('reads a grouping cell’s line touching the name beside it (基本目標1 観 | 観光客, Writer without padding) as the two cells, not a banner across them', () => {
    const header: [string, number][] = [['基本目標', 20], ['指標名', 103], ...HEADER.slice(1)];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [
            ['基本目標1 観', 37],
            ['観光客', 100],
          ],
          [['光の振興', 37], ...row('数', ['100', '120'], 'A').map(([text, x]): [string, number] => [text, x === 20 ? 100 : x])],
          grouped(null, '宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'touching-name.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.indicators.map((i) => i.name)])).toEqual([[1, '観光の振興', ['観光客数', '宿泊者数']]]);
  });

  it('a grouping cell set a little higher than the name beside it (one line, baselines 1.5 pt apart) is the table’s, not a banner outside it', () => {
    const header: [string, number][] = [['施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const base = pageOf(TITLE, [], header, [['基本目標1 観光', 20]]);
    // The cell's title at 158.5, the name's first line at 160, its figures below, its second line under them.
    const runs = [
      run('施策1 誘客', 20, 158.5),
      run('観光客', 100, 160),
      ...row('', ['100', '120'], 'A')
        .slice(1)
        .map(([text, x]) => run(text, x, 166)),
      run('数', 100, 172),
    ];
    const document = read([{ ...base, runs: [...base.runs, ...runs] }], 'higher-cell.pdf').document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '誘客', ['観光客数']],
    ]);
  });

  /** Two grouping columns (基本的方向 | 施策) before the name and two values. */
  const TWO_GROUPS: [string, number][] = [
    ['基本的方向', 20],
    ['施策', 110],
    ['指標名', 190],
    ['基準値', 260],
    ['実績値', 320],
    ['評価', 380],
  ];
  /** An indicator's name and figures under TWO_GROUPS. */
  const figures = (name: string, values: [string, string], mark: string): [string, number][] => [
    [name, 170],
    [values[0], 290 - widthOf(values[0])],
    [values[1], 350 - widthOf(values[1])],
    [mark, 385],
  ];

  /** A page of two indicators under TWO_GROUPS, its last grouping cell (② and `title`) broken by the page's foot. */
  const brokenAtFoot = (title: string) =>
    pageOf(
      TITLE,
      [],
      TWO_GROUPS,
      [['基本目標1 観光', 20]],
      [
        ['基本的方向1', 20],
        ['① 観光の振興', 90],
      ],
      figures('観光客数', ['100', '120'], 'A'),
      [
        ['基本的方向2', 20],
        [`②${title === '' ? '' : ` ${title}`}`, 90],
      ],
      figures('宿泊者数', ['50', '40'], 'B'),
    );

  it('a grouping cell the page broke, its title above the next page’s first row beside none of its rows (① | 図書館づくり), goes on with that title', () => {
    const document = read(
      [
        brokenAtFoot(''),
        {
          ...pageOf(
            [
              ['交流', 20],
              ['図書館づくり', 90],
            ],
            [],
            [],
            [['③ 交流の推進', 90]],
            figures('交流人口', ['5', '6'], 'A'),
          ),
          number: 2,
        },
      ],
      'group-cell-broken.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title, m.indicators.map((i) => i.name)])])).toEqual([
      [1, '', [[1, '観光の振興', ['観光客数']]]],
      [
        2,
        '交流',
        [
          [2, '図書館づくり', ['宿泊者数']],
          [3, '交流の推進', ['交流人口']],
        ],
      ],
    ]);
  });

  it('a grouping cell the page broke whose rest is all the next page holds of the table, a legend under it (② | 図書館づ / くり), goes on with that title', () => {
    const document = read(
      [
        brokenAtFoot('図書館'),
        { ...pageOf([['づ', 90]], [['くり', 90]], [], [['※評価', 20]], [['A：目標を上回る', 20]], [['B：目標を下回る', 20]]), number: 2 },
      ],
      'group-cell-rest.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.flatMap((p) => p.measures.map((m) => [m.no, m.title, m.indicators.map((i) => i.name)]))).toEqual([
      [1, '観光の振興', ['観光客数']],
      [2, '図書館づくり', ['宿泊者数']],
    ]);
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['A', 'B']);
  });

  it('reads a banner without a label (第1章観光の振興と交流) running from the first grouping column into the next as a banner, though no rule shows its row merged', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          TWO_GROUPS,
          [['第1章観光の振興と交流', 20]],
          [],
          [
            ['(1) 観光', 20],
            ['①誘客', 90],
          ],
          figures('観光客数', ['100', '120'], 'A'),
        ),
      ],
      'chapter-banner.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title])])])).toEqual([
      [1, '観光の振興と交流', [[1, '観光', [[1, '誘客']]]]],
    ]);
    expect(document.layout?.hierarchy.map((h) => [h.numbering, h.style])).toEqual([
      ['第1章', 'banner'],
      ['(1)', 'column'],
      ['①', 'column'],
    ]);
  });

  it('reads a banner (第1章 観光の振興と交流) set one character a run as a banner, though a character of its title lands on the next grouping column’s edge', () => {
    // pdfmake sets each character apart: 興 starts at 90, where the 施策 column's cells start.
    const title = [...'観光の振興と交流'].map((c, k): [string, number] => [c, 50 + SIZE * k]);
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          TWO_GROUPS,
          [['第1章', 20], ...title],
          [],
          [
            ['(1) 観光', 20],
            ['①誘客', 90],
          ],
          figures('観光客数', ['100', '120'], 'A'),
          [['②宿泊', 90]],
          figures('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'chapter-banner-characters.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title])])])).toEqual([
      [
        1,
        '観光の振興と交流',
        [
          [
            1,
            '観光',
            [
              [1, '誘客'],
              [2, '宿泊'],
            ],
          ],
        ],
      ],
    ]);
    expect(document.layout?.hierarchy.map((h) => [h.numbering, h.style])).toEqual([
      ['第1章', 'banner'],
      ['(1)', 'column'],
      ['①', 'column'],
    ]);
  });

  it('a numbered row whose figures carry their units (1,026千円), grouping cells’ last lines beside it, is the indicator’s row, not a banner (5) across it', () => {
    const header: [string, number][] = [
      ['番号', 0],
      ['基本的方向', 40],
      ['施策', 130],
      ['指標名', 200],
      ['基準値', 270],
      ['実績値', 330],
      ['評価', 390],
    ];
    const valued = (no: string, name: string, values: [string, string], mark: string): [string, number][] => [
      [no, 2],
      [name, 190],
      [values[0], 300 - widthOf(values[0])],
      [values[1], 360 - widthOf(values[1])],
      [mark, 395],
    ];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          header,
          [
            ['基本的方向1', 40],
            ['①', 130],
          ],
          [['観光の振興', 40], ['宿泊の推進', 130], ...valued('(5)', '観光客数', ['1,026千円', '1,604千円'], 'A')],
          valued('(6)', '交流人口', ['5人', '6人'], 'B'),
        ),
      ],
      'unit-figures-row.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.number, i.name, i.actual.text])).toEqual([
      ['(5)', '観光客数', '1,604千円'],
      ['(6)', '交流人口', '6人'],
    ]);
    expect(document.strategies.map((s) => [s.title, s.policies.map((p) => p.title)])).toEqual([['観光の振興', ['宿泊の推進']]]);
  });

  it('reads a short banner without a label (Ⅰ 観光の振興) staying in its column as a banner where that column’s cells print its heading (基本的方向(1)), though no rule shows its row', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          TWO_GROUPS,
          [['Ⅰ 観光の振興', 20]],
          [],
          [['基本的方向(1)', 20], ['施策①', 110], ...figures('観光客数', ['100', '120'], 'A')],
          [
            ['誘客', 20],
            ['宿泊', 110],
          ],
        ),
      ],
      'roman-banner.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title])])])).toEqual([
      [1, '観光の振興', [[1, '誘客', [[1, '宿泊']]]]],
    ]);
    expect(document.layout?.hierarchy.map((h) => [h.label, h.numbering, h.style])).toEqual([
      ['', 'Ⅰ', 'banner'],
      ['基本的方向', '(1)', 'column'],
      ['施策', '①', 'column'],
    ]);
  });

  it('reads a short banner without a label (第2章 観光), alone between rules drawn cell by cell and staying in its column, as a banner, not a grouping cell', () => {
    // Rules across every column under the header and under the banner, none down the columns.
    const cellByCell = (at: number) => [15, 100, 165, 230, 300, 360, 400].slice(0, -1).map((from, k, xs) => ({ at, from, to: xs[k + 1] ?? 400 }));
    const document = read(
      [
        {
          ...pageOf(TITLE, [], TWO_GROUPS, [['第2章 観光', 20]], [['(1) 誘客', 20], ['①宿泊', 110], ...figures('観光客数', ['100', '120'], 'A')]),
          horizontal: [134, 149, 164].flatMap(cellByCell),
        },
      ],
      'short-chapter-banner.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title])])])).toEqual([
      [2, '観光', [[1, '誘客', [[1, '宿泊']]]]],
    ]);
  });

  it('reads a short banner without a label (Ⅰ 観光) alone under the head at a page’s foot, its rows on the next page, as a banner: the rule closing the table a row’s padding under it closes its band', () => {
    const rules = (...ys: number[]) => ys.map((at) => ({ at, from: 15, to: 400 }));
    const document = read(
      [
        { ...pageOf(TITLE, [], TWO_GROUPS, [['Ⅰ 観光', 20]]), horizontal: rules(134, 152) },
        {
          ...pageOf(
            [['基本的方向1 誘客', 20], ['①宿泊', 110], ...figures('観光客数', ['100', '120'], 'A')],
            [['Ⅱ 交流', 20]],
            [['基本的方向1 移住', 20], ['①住宅', 110], ...figures('転入者数', ['50', '40'], 'B')],
          ),
          number: 2,
          horizontal: rules(92, 107, 122, 137),
        },
      ],
      'banner-at-foot.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title])])])).toEqual([
      [1, '観光', [[1, '誘客', [[1, '宿泊']]]]],
      [2, '交流', [[1, '移住', [[1, '住宅']]]]],
    ]);
  });

  it('goes on over a tall gap to a grouping cell’s numbered title at the top of its row, the row’s figures set lower (② 宿泊の推進, a spreadsheet’s tall rows)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          TWO_GROUPS,
          [['基本目標1 観光', 20]],
          [
            ['基本的方向1', 20],
            ['① 観光の振興', 90],
          ],
          [['誘客', 20]],
          figures('観光客数', ['100', '120'], 'A'),
          [],
          [],
          [['② 宿泊の推進', 90]],
          [],
          figures('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'tall-rows.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title, m.indicators.map((i) => i.name)])])).toEqual([
      [
        1,
        '誘客',
        [
          [1, '観光の振興', ['観光客数']],
          [2, '宿泊の推進', ['宿泊者数']],
        ],
      ],
    ]);
  });

  it('goes on over a tall gap to a short numbered title at the margin where the rows start, left of a name heading centred over them (② 宿泊, Calc without rules)', () => {
    // 指標名 centred over names set at the margin: the title's middle is left of the heading, not under it.
    const centred = HEADER.map(([text, x]): [string, number] => [text, text === '指標名' ? 80 : x]);
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          centred,
          [['基本目標1 観光', 20]],
          [['(1) 誘客', 20]],
          [['① 観光の振興', 20]],
          row('観光客数', ['100', '120'], 'A'),
          [],
          [],
          [['② 宿泊', 20]],
          [],
          row('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'tall-rows-margin.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.title, p.measures.map((m) => [m.no, m.title, m.indicators.map((i) => i.name)])])).toEqual([
      [
        '誘客',
        [
          [1, '観光の振興', ['観光客数']],
          [2, '宿泊', ['宿泊者数']],
        ],
      ],
    ]);
  });

  it('reads two grouping cells whose texts run together on one line (基本的方向2 ICT | ①宿泊の推進, no padding) as the two cells, not a banner across them', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          TWO_GROUPS,
          [['基本目標1 観光', 20]],
          [
            ['基本的方向1', 20],
            ['①観光の振興', 97.5],
          ],
          [['誘客', 20]],
          figures('観光客数', ['100', '120'], 'A'),
          [
            ['基本的方向2', 20],
            ['ICT', 78],
            ['①宿泊の推進', 97.5],
          ],
          figures('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'touching-cells.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.map((m) => [m.no, m.title, m.indicators.map((i) => i.name)])])).toEqual([
      [1, '誘客', [[1, '観光の振興', ['観光客数']]]],
      [2, 'ICT', [[1, '宿泊の推進', ['宿泊者数']]]],
    ]);
  });

  it('a grouping column’s cell broken by a page goes on at the next page’s top: its title, not a new policy (基本施策1 観光の振興 / と交流)', () => {
    const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const document = read(
      [
        pageOf(TITLE, [], header, [['基本目標1 観光', 20]], [], [['基本施策1', 20]], grouped('観光の振興', '観光客数', ['100', '120'], 'A')),
        { ...pageOf(header, grouped('と交流', '宿泊者数', ['50', '40'], 'B')), number: 2 },
      ],
      'broken-group.pdf',
    ).document as KpiDocument;
    expect(document.strategies[0]!.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])).toEqual([
      [1, '観光の振興と交流', ['観光客数', '宿泊者数']],
    ]);
  });

  // Drawn again whole, or its title only (its first line, 基本施策1, above the page's edge).
  it.each([
    [
      'its label and title',
      [
        [12, [['基本施策1', 20]]],
        [27, [['観光の振興', 20]]],
      ],
    ],
    ['its title only', [[27, [['観光の振興', 20]]]]],
  ] as [string, [number, [string, number][]][]][])(
    'a ruled table goes on at the next page under a merged cell’s text drawn again above its rules, %s (a spreadsheet prints the clipped cell at the page’s top)',
    (_, drawnAgain) => {
      const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
      const EDGES = [15, 95, 138, 176, 290, 320];
      /** Rules of a ruled table from `top` to `bottom`, and across it at `across` (from `from`). */
      const ruled = (top: number, bottom: number, across: [at: number, from: number][]) => ({
        vertical: EDGES.map((at) => ({ at, from: top, to: bottom })),
        horizontal: [[top, 15] as [number, number], ...across, [bottom, 15] as [number, number]].map(([at, from]) => ({ at, from, to: 320 })),
      });
      const lines = (...rows: [baseline: number, runs: [text: string, x: number][]][]) =>
        rows.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline)));
      const document = read(
        [
          {
            ...pageOf(),
            ...ruled(118, 200, [
              [137, 15],
              [175, 95],
            ]),
            runs: lines(
              [100, TITLE],
              [132, header],
              [150, grouped('基本施策1', '観光客', ['100', '120'], 'A')],
              [165, [['観光の振興', 20]]],
              [190, grouped(null, '宿泊数', ['50', '40'], 'B')],
            ),
          },
          {
            ...pageOf(),
            number: 2,
            ...ruled(50, 90, []),
            runs: lines(...drawnAgain, [68, grouped(null, '移住数', ['5', '6'], 'A')]),
          },
        ],
        'clipped-group.pdf',
      ).document as KpiDocument;
      expect(document.strategies.map((s) => [s.no, s.title, s.indicators.map((i) => i.name)])).toEqual([[1, '観光の振興', ['観光客', '宿泊数', '移住数']]]);
    },
  );

  // The cell's lines 16 pt apart; under the rules' end (188 or 172, where the row under 観光客 is ruled
  // off and the merged cell is not) its last line (振興) or its last two (ふれあいの | 振興).
  it.each([
    ['its last line', 188],
    ['its last two lines', 172],
  ])(
    'a merged cell the page broke, %s printed past the table’s last rule at the page’s foot (pdfmake), goes on with that cell, and the table on the next page',
    (_, rulesEnd) => {
      const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
      const EDGES = [15, 95, 138, 176, 290, 320];
      const ruled = (top: number, bottom: number, across: [at: number, from: number][]) => ({
        vertical: EDGES.map((at) => ({ at, from: top, to: bottom })),
        horizontal: [[top, 15] as [number, number], ...across, [bottom, 15] as [number, number]].map(([at, from]) => ({ at, from, to: 320 })),
      });
      const lines = (...rows: [baseline: number, runs: [text: string, x: number][]][]) =>
        rows.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline)));
      const document = read(
        [
          {
            ...pageOf(),
            vertical: EDGES.map((at) => ({ at, from: 118, to: rulesEnd })),
            horizontal: [
              { at: 118, from: 15, to: 320 },
              { at: 137, from: 15, to: 320 },
              { at: rulesEnd, from: 95, to: 320 },
            ],
            runs: lines(
              [100, TITLE],
              [132, header],
              [150, grouped('基本施策1', '観光客', ['100', '120'], 'A')],
              [166, [['観光の', 20]]],
              [182, [['ふれあいの', 20]]],
              [198, [['振興', 20]]],
            ),
          },
          { ...pageOf(), number: 2, ...ruled(50, 90, []), runs: lines([68, grouped(null, '移住数', ['5', '6'], 'A')]) },
        ],
        'overflowing-group.pdf',
      ).document as KpiDocument;
      expect(document.strategies.map((s) => [s.no, s.title, s.indicators.map((i) => i.name)])).toEqual([[1, '観光のふれあいの振興', ['観光客', '移住数']]]);
    },
  );

  it('joins a value with its unit glued whose year note wraps onto the next line (40,808人 / (H25)) beside a wrapped name', () => {
    const at = (text: string, right: number): [string, number] => [text, right - widthOf(text)];
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          [['観光客数', 20], at('100', 170), at('120', 230), ['A', 300]],
          [['図書館', 20], at('40,808人', 170), at('41,612人', 230), ['B', 300]],
          [['移住の', 20], at('(H25)', 170)],
          [['入込客数', 20]],
          [['宿泊者数', 20], at('50', 170), at('40', 230), ['A', 300]],
        ),
      ],
      'wrapped-note.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.baseline.text, i.baseline.year])).toEqual([
      ['観光客数', '100', null],
      ['図書館移住の入込客数', '40,808人(H25)', 2013],
      ['宿泊者数', '50', null],
    ]);
  });

  it('joins a wrapped name on a page showing no other wrap at the pitch the other pages show (lines 1.6 em apart, wider than a guess)', () => {
    /** Lines set 16 pt apart at 10 pt within a cell, rows 40 pt apart: runs as [text, x] at their baselines. */
    const at = (number: number, ...lines: [baseline: number, runs: [text: string, x: number][]][]): PageContent => ({
      ...pageOf(),
      number,
      runs: lines.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline))),
    });
    const document = read(
      [
        at(
          1,
          [100, TITLE],
          [130, HEADER],
          [170, row('観光客', ['100', '120'], 'A')],
          [186, [['入込客数', 20]]],
          [230, row('宿泊', ['50', '40'], 'B')],
          [246, [['者数', 20]]],
        ),
        at(2, [100, HEADER], [140, row('移住の', ['5', '6'], 'A')], [156, [['相談件数', 20]]], [200, row('就農者数', ['7', '8'], 'A')]),
      ],
      'pitch.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => i.name)).toEqual(['観光客入込客数', '宿泊者数', '移住の相談件数', '就農者数']);
  });

  it("joins a wrapped name at the pitch a grouping cell's wrapped title shows, where no row's cell wraps but this one (lines 1.7 em apart, wider than a guess)", () => {
    const header: [string, number][] = [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)];
    const lines: [baseline: number, runs: [text: string, x: number][]][] = [
      [100, TITLE],
      [130, header],
      [160, grouped('基本施策1 観', '観光客数', ['100', '120'], 'A')],
      [177, grouped('光の振興と', '宿泊者数', ['50', '40'], 'B')],
      [194, grouped('誘客', '移住者数', ['5', '6'], 'A')],
      [211, [['基本施策2 交', 20]]],
      [
        228,
        [
          ['流の推進と', 20],
          ['文化財の認定', 100],
        ],
      ],
      [245, grouped('定住', '件数（人）', ['7', '8'], 'A')],
    ];
    const document = read([{ ...pageOf(), runs: lines.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline))) }], 'group-pitch.pdf')
      .document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => i.name)).toEqual(['観光客数', '宿泊者数', '移住者数', '文化財の認定件数（人）']);
  });

  it('reads comment blocks set under their rows at the pitch of the names, no padding (≪成果と見直し≫ / its paragraph in the name column: a borderless Writer print)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          [['≪成果と見直し≫', 20]],
          // The block spans the table: a full line reaches the marks' right.
          [['関係機関と連携して誘客を進めている。補助事業は一定の成果', 20]],
          [['があった。', 20]],
          row('宿泊者数', ['50', '40'], 'B'),
          [['≪成果と見直し≫', 20]],
          [['施設を整備した。', 20]],
        ),
      ],
      'blocks.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => `${c.heading}${c.text}`)])).toEqual([
      ['観光客数', ['≪成果と見直し≫関係機関と連携して誘客を進めている。補助事業は一定の成果があった。']],
      ['宿泊者数', ['≪成果と見直し≫施設を整備した。']],
    ]);
  });

  it('ends a one-line paragraph short of the rows’ figures though it is the blocks’ widest line, the next name’s first line under it at the same pitch (no padding, values set at the bottom: a Writer print)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          [['≪成果と見直し≫', 20]],
          [['関係機関と連携して誘客を進めた。', 20]],
          [['文化財就業者数（千', 20]],
          row('円）', ['39', '28'], 'B'),
          [['≪成果と見直し≫', 20]],
          [['施設を整備した。', 20]],
        ),
      ],
      'one-line-blocks.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
      ['観光客数', ['関係機関と連携して誘客を進めた。']],
      ['文化財就業者数（千円）', ['施設を整備した。']],
    ]);
  });

  it('ends a comment block at its paragraph’s line that ends short, though the next row’s name follows at the same pitch (its first line above its values, set in the middle: a Writer print)', () => {
    const at = (...lines: [baseline: number, runs: [text: string, x: number][]][]): PageContent => ({
      ...pageOf(),
      runs: lines.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline))),
    });
    const document = read(
      [
        at(
          [100, TITLE],
          [130, HEADER],
          [150, row('観光客数', ['100', '120'], 'A')],
          [165, [['≪成果と見直し≫', 20]]],
          [180, [['関係機関と連携して誘客を進めている。補助事業は一定の成果', 20]]],
          [195, [['があった。', 20]]],
          [210, [['有害鳥獣の相', 20]]],
          [217.5, row('', ['50', '40'], 'B').slice(1)],
          [225, [['談件数', 20]]],
        ),
      ],
      'block-short.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
      ['観光客数', ['関係機関と連携して誘客を進めている。補助事業は一定の成果があった。']],
      ['有害鳥獣の相談件数', undefined],
    ]);
  });

  it('ends a comment block whose last line is full at the padding above the next row, whose name wraps above its values', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          [['≪成果と見直し≫', 20]],
          [['関係機関と連携して誘客', 20]],
          [],
          [['市内の宿泊', 20]],
          row('施設数', ['50', '40'], 'B'),
        ),
      ],
      'block-then-name.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
      ['観光客数', ['関係機関と連携して誘客']],
      ['市内の宿泊施設数', undefined],
    ]);
  });

  describe('a comment block’s paragraph the page broke, then a name set in the middle of its row (its first line over its values)', () => {
    const at = (number: number, ...lines: [baseline: number, runs: [text: string, x: number][]][]): PageContent => ({
      ...pageOf(),
      number,
      runs: lines.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline))),
    });
    /** Lines of paragraphs 28 characters wide (to 300 from 20), the broken one's last a character short. */
    const FULL = ['関係機関と連携して誘客を進めている。補助事業は一定の成果', '担い手の高齢化が進んでおり、新たな人材の確保が課題である。'];
    const LAST = '容の充実を図る。利用者アンケートの結果を踏まえ内容の充実';

    it('ends the paragraph at the padding under it: its lines stand at the pitch the page’s other paragraphs show (…内容の充実 over 文化財就)', () => {
      const document = read(
        [
          at(
            1,
            [100, TITLE],
            [130, HEADER],
            [150, row('観光客数', ['100', '120'], 'A')],
            [165, [['≪成果と見直し≫', 20]]],
            [177, [[FULL[0]!, 20]]],
            [189, [[FULL[1]!, 20]]],
          ),
          at(
            2,
            [60, HEADER],
            [80, [[LAST, 20]]],
            // 15 pt under it, the paragraphs' lines 12 pt apart: the cells' padding between.
            [95, [['文化財就', 20]]],
            [107, row('業者数（千', ['39', '28'], 'A')],
            [119, [['円）', 20]]],
            [134, [['≪成果と見直し≫', 20]]],
            [146, [[FULL[1]!, 20]]],
            [158, [['目標の達成に向けて、事業の見直しを行う。', 20]]],
          ),
        ],
        'broken-block.pdf',
      ).document as KpiDocument;
      expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
        ['観光客数', [FULL.join('') + LAST]],
        ['文化財就業者数（千円）', [FULL[1]! + '目標の達成に向けて、事業の見直しを行う。']],
      ]);
    });

    it('ends the paragraph at a line set in from the table’s left (the name column right of the numbers), though at the paragraphs’ pitch (no padding)', () => {
      const header: [string, number][] = [['番号', 20], ...HEADER.map(([text, x]): [string, number] => [text, x === 20 ? 60 : x])];
      const numbered = (no: string, name: string, values: string[], mark: string): [string, number][] => [
        [no, 20],
        ...row(name, values, mark).map(([text, x]): [string, number] => [text, x === 20 ? 60 : x]),
      ];
      const document = read(
        [
          at(
            1,
            [100, TITLE],
            [130, header],
            [150, numbered('①', '観光客数', ['100', '120'], 'A')],
            [165, [['≪成果と見直し≫', 20]]],
            [177, [[FULL[0]!, 20]]],
            [189, [[FULL[1]!, 20]]],
          ),
          at(
            2,
            [60, header],
            [80, [[LAST, 20]]],
            [92, [['文化財就', 60]]],
            [104, numbered('②', '業者数（千', ['39', '28'], 'A')],
            [116, [['円）', 60]]],
            [128, [['≪成果と見直し≫', 20]]],
            [140, [[FULL[1]!, 20]]],
            [152, [['目標の達成に向けて、事業の見直しを行う。', 20]]],
          ),
        ],
        'broken-block-numbered.pdf',
      ).document as KpiDocument;
      expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
        ['観光客数', [FULL.join('') + LAST]],
        ['文化財就業者数（千円）', [FULL[1]! + '目標の達成に向けて、事業の見直しを行う。']],
      ]);
    });
  });

  it('a table broken across pages without its header printed again goes on at the next page’s top', () => {
    const document = read(
      [
        pageOf(TITLE, [], HEADER, [['基本目標1 観光', 20]], [], row('観光客数', ['100', '120'], 'A')),
        { ...pageOf(row('宿泊者数', ['50', '40'], 'B'), [], [['基本目標2 農業', 20]], [], row('就農者数', ['5', '6'], 'A')), number: 2 },
      ],
      'broken.pdf',
    ).document as KpiDocument;
    expect(document.strategies.map((s) => [s.title, s.indicators.map((i) => [i.name, i.actual.text, i.reported.status])])).toEqual([
      [
        '観光',
        [
          ['観光客数', '120', 'A'],
          ['宿泊者数', '40', 'B'],
        ],
      ],
      ['農業', [['就農者数', '6', 'A']]],
    ]);
  });

  it('a comment cell broken by a page goes on at the next page’s top, joined to its indicator’s comment', () => {
    const document = read(
      [
        pageOf([['令和5年度 総合戦略 KPI達成状況', 20]], [], HEADER_WITH_COMMENTS, [
          ...row('観光客数', ['100', '120'], 'A'),
          ['観光の誘客を関係機関と連携して進め', 340],
        ]),
        { ...pageOf([['ている。', 340]], [], [...row('宿泊者数', ['50', '40'], 'B'), ['宿泊施設の整備を関係機関と進めている。', 340]]), number: 2 },
      ],
      'comments.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
      ['観光客数', ['観光の誘客を関係機関と連携して進めている。']],
      ['宿泊者数', ['宿泊施設の整備を関係機関と進めている。']],
    ]);
  });

  it('a name broken by a page goes on at the next page’s top, with its comment (自主防災 / 組織の満足度)', () => {
    const document = read(
      [
        pageOf([['令和5年度 総合戦略 KPI達成状況', 20]], [], HEADER_WITH_COMMENTS, row('観光客数', ['100', '120'], 'A'), [
          ...row('自主防災', ['50', '40'], 'B'),
          ['訓練を関係機関と', 340],
        ]),
        {
          ...pageOf(
            HEADER_WITH_COMMENTS,
            [
              ['組織の満足度', 20],
              ['進めている。', 340],
            ],
            [],
            row('宿泊者数', ['5', '6'], 'A'),
          ),
          number: 2,
        },
      ],
      'names.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.actual.text, i.comments?.map((c) => c.text) ?? []])).toEqual([
      ['観光客数', '120', []],
      ['自主防災組織の満足度', '40', ['訓練を関係機関と進めている。']],
      ['宿泊者数', '6', []],
    ]);
  });

  it('reads the header under a legend whose last meaning wraps tight onto a line with a heading word (…成果指標 / は判定を行っていない)', () => {
    const at = (baseline: number, runs: [string, number][]) => runs.map(([text, x]) => run(text, x, baseline));
    const pageWith = (...rows: [baseline: number, runs: [string, number][]][]): PageContent => ({
      ...pageOf(),
      runs: rows.flatMap(([baseline, runs]) => at(baseline, runs)),
    });
    const document = read(
      [
        pageWith(
          [80, TITLE],
          [
            100,
            [
              ['評価基準', 20],
              ['A：順調', 80],
              ['判定なし：値が確認できなかった成果指標', 140],
            ],
          ],
          // Chromium wraps the paragraph from its left edge, a point under the line above.
          [111, [['は判定を行っていない', 20]]],
          [130, HEADER],
          [145, row('観光客数', ['100', '120'], 'A')],
          [160, row('宿泊者数', ['50', '40'], '判定なし')],
        ),
      ],
      'wrapped-legend.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator }) => indicator.name)).toEqual(['観光客数', '宿泊者数']);
    expect(document.layout?.legend?.marks.at(-1)).toEqual({ mark: '判定なし', meaning: '値が確認できなかった成果指標は判定を行っていない' });
  });

  it('reads a legend whose line breaks inside a mark of words (…悪化した 判定 / なし：値が…: Writer breaks Japanese anywhere)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [
            ['【評価】', 20],
            ['A：順調', 80],
            ['C：悪化した', 150],
            ['判定', 260],
          ],
          [['なし：値が確認できなかった', 20]],
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'C'),
        ),
      ],
      'mark-wrapped.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: 'A', meaning: '順調' },
      { mark: 'C', meaning: '悪化した' },
      { mark: '判定なし', meaning: '値が確認できなかった' },
    ]);
  });

  it('reads a legend whose meaning wraps onto the next line before its last items (…必要と思 / われる D：…)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [
            ['評価基準', 20],
            ['A：目標を上回る', 80],
            ['B：改善や工夫が必要と思', 200],
          ],
          [
            ['われる', 20],
            ['C：実績なし', 80],
            ['D：対象外', 160],
          ],
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'C'),
        ),
      ],
      'wrapped.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '評価基準',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '改善や工夫が必要と思われる' },
        { mark: 'C', meaning: '実績なし' },
        { mark: 'D', meaning: '対象外' },
      ],
    });
  });

  it('reads a comment block whose paragraph runs across the value columns (【成果と課題】 …) as the comment of the row above', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          [],
          [['【成果と課題】', 20]],
          [['観光の取組を進めており、今後も関係機関と連携して進めていく。', 20]],
          [],
          row('宿泊者数', ['50', '40'], 'B'),
        ),
      ],
      'block.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments ?? []])).toEqual([
      ['観光客数', [{ heading: '【成果と課題】', text: '観光の取組を進めており、今後も関係機関と連携して進めていく。' }]],
      ['宿泊者数', []],
    ]);
  });

  it('reads a legend whose heading ends a page and whose items open the next (【達成度】 / A：…, B：…)', () => {
    const document = read(
      [
        pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], 'B'), [], [], [['【達成度】', 20]]),
        { ...pageOf([['A：目標を上回る', 20]], [], [['B：目標を下回る', 20]]), number: 2 },
      ],
      'legend-break.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '【達成度】',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '目標を下回る' },
      ],
    });
  });

  it('reads a legend of a mark a row whose last item opens the next page (※評価 / A 目標を上回る / page 2: B 目標を下回る)', () => {
    const document = read(
      [
        pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], 'B'), [], [], [['※評価', 20]], [['A 目標を上回る', 20]]),
        { ...pageOf([['B 目標を下回る', 20]]), number: 2 },
      ],
      'legend-items-break.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '※評価',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '目標を下回る' },
      ],
    });
  });

  it('widths without rules: a comment block’s heading (≪成果と見直し≫) running from the numbers into the names is no cell of the number column (番号 stays narrow)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [
            ['番号', 30],
            ['指標名', 140],
            ['単位', 230],
            ['基準値', 270],
            ['実績値', 330],
            ['評価', 390],
          ],
          [['基本目標1　観光', 20]],
          [
            ['1', 38],
            ['市内観光施設の入込客数', 60],
            ['人', 235],
            ['100', 285],
            ['120', 345],
            ['A', 395],
          ],
          [['≪成果と見直し≫', 20]],
          [['参加者が増えた。', 20]],
          [
            ['2', 38],
            ['宿泊者数', 60],
            ['人', 235],
            ['50', 290],
            ['40', 350],
            ['B', 395],
          ],
        ),
      ],
      'banner.pdf',
    ).document as KpiDocument;
    const [number, name] = document.layout!.columns.map((c) => c.width!);
    // The names begin at x 60 of a table from 20 to about 410, far left of their centred heading.
    expect(number).toBeLessThanOrEqual(40 / 390);
    expect(name).toBeGreaterThan(100 / 390);
  });

  it('widths without rules: a column of figures set flush right under a centred heading is as wide on both sides of its heading', () => {
    // Columns 20–200 | 200–280 | 280–360 | 360–400: headings centred, names flush left and figures flush right 3 pt inside.
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [
            ['指標名', 95],
            ['基準値', 225],
            ['実績値', 305],
            ['評価', 370],
          ],
          [
            ['観光客数', 23],
            ['100', 277 - widthOf('100')],
            ['120', 357 - widthOf('120')],
            ['A', 378],
          ],
          [
            ['市内宿泊施設の宿泊者数', 23],
            ['2,000', 277 - widthOf('2,000')],
            ['12,500', 357 - widthOf('12,500')],
            ['B', 378],
          ],
        ),
      ],
      'aligned.pdf',
    ).document as KpiDocument;
    const [name, baseline, actual] = document.layout!.columns.map((c) => c.width!);
    // The table's texts run from x 23 to about 383: 80 pt of it is about 0.22.
    expect(baseline).toBeCloseTo(actual!, 2);
    expect(baseline).toBeCloseTo(80 / 360, 1);
    expect(name! / baseline!).toBeGreaterThan(2);
  });

  it('widths without rules: a last column of centred marks is as wide on both sides of its centred heading, though its marks leave most of it empty', () => {
    // Columns 20–200 | 200–280 | 280–360 | 360–440: headings centred, names flush left, figures flush right 3 pt inside, marks centred.
    const headings: [string, number][] = [
      ['指標名', 95],
      ['基準値', 225],
      ['実績値', 305],
      ['評価', 390],
    ];
    const cells = (name: string, values: string[], mark: string): [string, number][] => [
      [name, 23],
      ...values.map((v, i): [string, number] => [v, 277 + 80 * i - widthOf(v)]),
      [mark, 400 - widthOf(mark) / 2],
    ];
    const document = read(
      [pageOf(TITLE, [], headings, cells('観光客数', ['100', '120'], 'A'), cells('市内宿泊施設の宿泊者数', ['2,000', '12,500'], 'B'))],
      'centred-marks.pdf',
    ).document as KpiDocument;
    const [name, baseline, actual, grade] = document.layout!.columns.map((c) => c.width!);
    expect(grade).toBeCloseTo(80 / 420, 2);
    expect(grade).toBeCloseTo(actual!, 2);
    expect(name! / baseline!).toBeCloseTo(180 / 80, 1);
  });

  it('widths under horizontal rules only: the rules over and under the head end at the table’s sides, past its texts', () => {
    // Columns 20–200 | 200–280 | 280–360 | 360–440, the last of departments set flush left under a heading set flush left.
    const headings: [string, number][] = [
      ['指標名', 95],
      ['基準値', 225],
      ['実績値', 305],
      ['担当課', 363],
    ];
    const cells = (name: string, values: string[], department: string): [string, number][] => [
      [name, 23],
      ...values.map((v, i): [string, number] => [v, 277 + 80 * i - widthOf(v)]),
      [department, 363],
    ];
    const page = pageOf(TITLE, [], headings, cells('観光客数', ['100', '120'], '観光課'), cells('市内宿泊施設の宿泊者数', ['2,000', '12,500'], '商工観光課'));
    // The head's line stands at baseline 145: rules 4 pt over its top and under its bottom.
    const document = read(
      [
        {
          ...page,
          horizontal: [131, 149, 164, 179].map((at) => ({ at, from: 20, to: 440 })),
        },
      ],
      'hrules.pdf',
    ).document as KpiDocument;
    const [name, baseline, actual, department] = document.layout!.columns.map((c) => c.width!);
    expect(department).toBeCloseTo(80 / 420, 2);
    expect(department).toBeCloseTo(actual!, 2);
    expect(name! / baseline!).toBeCloseTo(180 / 80, 1);
  });

  it('widths under horizontal rules drawn cell by cell: the segments over and under the head meet at the columns’ sides', () => {
    // Columns 20–200 | 200–280 | 280–360 | 360–440, one row: too few texts to see their alignment.
    const page = pageOf(
      TITLE,
      [],
      [
        ['指標名', 95],
        ['基準値', 225],
        ['実績値', 305],
        ['評価', 390],
      ],
      [
        ['観光客数', 23],
        ['100', 277 - widthOf('100')],
        ['120', 357 - widthOf('120')],
        ['A', 397],
      ],
    );
    const sides = [20, 200, 280, 360, 440];
    // The head's line stands at baseline 145: rules 4 pt over its top and under its bottom.
    const horizontal = [131, 149, 164].flatMap((at) => sides.slice(1).map((to, k) => ({ at, from: sides[k]!, to })));
    const document = read([{ ...page, horizontal }], 'cell-rules.pdf').document as KpiDocument;
    const [name, baseline, actual] = document.layout!.columns.map((c) => c.width!);
    expect(baseline).toBeCloseTo(actual!, 2);
    expect(name! / baseline!).toBeCloseTo(180 / 80, 1);
  });

  it('widths without rules: a comment block’s paragraph ending inside the next column (past the names’ edge, short of its figures) tells no edge', () => {
    // As above, columns 20–200 | 200–280 | 280–360 | 360–400; the paragraph under the first row runs to x 213.
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          [
            ['指標名', 95],
            ['基準値', 225],
            ['実績値', 305],
            ['評価', 370],
          ],
          [
            ['観光客数', 23],
            ['100', 277 - widthOf('100')],
            ['120', 357 - widthOf('120')],
            ['A', 378],
          ],
          [['【成果と課題】', 23]],
          [['参加者数は前年度を上回り順調に推移した', 23]],
          [
            ['市内宿泊施設の宿泊者数', 23],
            ['2,000', 277 - widthOf('2,000')],
            ['12,500', 357 - widthOf('12,500')],
            ['B', 378],
          ],
        ),
      ],
      'aligned-comment.pdf',
    ).document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => i.comments?.map((c) => c.heading))).toEqual([['【成果と課題】'], undefined]);
    const [name, baseline, actual] = document.layout!.columns.map((c) => c.width!);
    // The names' edge is at x 200, where the figures' centred heading tells it, not at the paragraph's end.
    expect(baseline).toBeCloseTo(actual!, 2);
    expect(name! / baseline!).toBeCloseTo(180 / 80, 1);
  });

  it.each([
    ['plain figures', ['50', '40']],
    ['figures with their unit and year glued', ['50人(H25)', '40人']],
  ])('goes on without rules over tall rows whose text a spreadsheet sets low (a gap of several lines before a row of figures): %s', (_, figures) => {
    const extraction = read([pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'), [], [], [], [], row('宿泊者数', figures, 'B'))], 'tall.pdf');
    expect(walkIndicators(extraction.document as KpiDocument).map(({ indicator }) => indicator.name)).toEqual(['観光客数', '宿泊者数']);
    expect(extraction.messages.filter((m) => m.rule === 'extract-kpi')).toEqual([]);
  });

  it('says so where a line of figures stands outside every table (a row the reader lost), never drops it in silence', () => {
    const { messages } = read(
      [pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'), [['【評価】 A：目標を上回る B：目標を下回る', 20]], row('宿泊者数', ['50', '40'], 'B'))],
      'lost.pdf',
    );
    expect(messages.filter((m) => m.rule === 'extract-kpi').map((m) => [m.severity, m.page, m.message.ja])).toEqual([
      ['warning', 1, expect.stringContaining('宿泊者数')],
    ]);
  });

  it('goes on over a tall gap to a comment block under its row, and ends at a legend of spaced items on one line', () => {
    const extraction = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          [],
          [],
          [],
          [['≪成果と見直し≫', 20]],
          [['誘客の取組を関係機関と進めた。', 20]],
          [],
          [
            ['【達成度】', 20],
            ['A 目標を上回る', 80],
            ['B 目標を下回る', 200],
          ],
        ),
      ],
      'blocks-legend.pdf',
    );
    const document = extraction.document as KpiDocument;
    expect(walkIndicators(document).map(({ indicator: i }) => [i.name, i.comments?.map((c) => c.text)])).toEqual([
      ['観光客数', ['誘客の取組を関係機関と進めた。']],
    ]);
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['A', 'B']);
  });

  it('reads a legend whose next line begins with a word mark (… 悪化した / 判定なし：…) as an item of its own', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [
            ['※評価', 20],
            ['A：順調', 60],
            ['B：悪化した', 120],
          ],
          [['判定なし：値がない', 20]],
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], '判定なし'),
        ),
      ],
      'word-mark.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: 'A', meaning: '順調' },
      { mark: 'B', meaning: '悪化した' },
      { mark: '判定なし', meaning: '値がない' },
    ]);
  });

  it('a banner whose long title runs on into the value columns, no figure among them, is the banner', () => {
    const lines: [string, number][][] = [
      [['令和5年度 総合戦略 KPI達成状況', 20]],
      HEADER,
      [['基本目標1 観光の振興と交流人口の拡大', 20]],
      row('観光客数', ['100', '120'], 'A'),
    ];
    // A rule above every row, across the table.
    const horizontal = lines.flatMap((l, k) => (k > 0 ? [{ at: 100 + 15 * k - 11, from: 10, to: 330 }] : [])).concat({ at: 100 + 60 - 11, from: 10, to: 330 });
    // Column rules, the banner's row merged across them.
    const vertical = [10, 130, 190, 285, 330].flatMap((x) => [
      { at: x, from: 100 + 15 - 11, to: 100 + 30 - 11 },
      { at: x, from: 100 + 45 - 11, to: 100 + 60 - 11 },
    ]);
    const document = read([{ ...pageOf(...lines), horizontal, vertical }], 'long-banner.pdf').document as KpiDocument;
    expect(document.strategies.map((s) => [s.title, s.indicators.map((i) => i.name)])).toEqual([['観光の振興と交流人口の拡大', ['観光客数']]]);
  });

  it('reads a banner of a number without a label (Ⅰ 市内の推進) merged across a ruled table over its grouping column', () => {
    const lines: [string, number][][] = [
      TITLE,
      [],
      [['基本施策', 20], ['指標名', 100], ...HEADER.slice(1)],
      [
        ['Ⅰ', 20],
        ['市内の推進', 32],
      ],
      grouped('(1)', '観光客数', ['100', '120'], 'A'),
      grouped('観光', '宿泊者数', ['50', '40'], 'B'),
    ];
    const y = (k: number) => 100 + 15 * k;
    const horizontal = [2, 3, 4, 6].map((k) => ({ at: y(k) - 11, from: 10, to: 330 }));
    // Column rules on the header and the grouping cell's rows; the banner's row merged across them.
    const vertical = [10, 95, 135, 190, 285, 330].flatMap((x) => [
      { at: x, from: y(2) - 11, to: y(3) - 11 },
      { at: x, from: y(4) - 11, to: y(6) - 11 },
    ]);
    const document = read([{ ...pageOf(...lines), horizontal, vertical }], 'roman-banner.pdf').document as KpiDocument;
    expect(document.layout!.hierarchy[0]).toEqual({ level: 'strategy', label: '', numbering: 'Ⅰ', style: 'banner' });
    expect(
      document.strategies.map((s) => [s.no, s.title, s.policies.map((p) => [p.no, p.title, p.measures.flatMap((m) => m.indicators.map((i) => i.name))])]),
    ).toEqual([[1, '市内の推進', [[1, '観光', ['観光客数', '宿泊者数']]]]]);
  });

  it('reads a legend of an item a row in tall spreadsheet rows (※評価 over ○:改善, △:維持 two lines apart)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], '○'),
          row('宿泊者数', ['50', '40'], '△'),
          [],
          [['※評価', 20]],
          [],
          [],
          [['○:改善', 20]],
          [],
          [],
          [['△:維持', 20]],
        ),
      ],
      'tall-legend.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({
      heading: '※評価',
      marks: [
        { mark: '○', meaning: '改善' },
        { mark: '△', meaning: '維持' },
      ],
    });
  });

  it('reads a legend of an item a line whose last item opens the next page', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'C'),
          [],
          [['【評価】', 20]],
          [['A：順調', 20]],
          [['B：遅れ', 20]],
        ),
        { ...pageOf([['C：悪化', 20]]), number: 2 },
      ],
      'legend-over.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['A', 'B', 'C']);
  });

  it('reads a legend of an item a line whose last item opens the next page under the header printed again (a spreadsheet repeats it)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'C'),
          [],
          [['【評価】', 20]],
          [['A：順調', 20]],
          [['B：遅れ', 20]],
        ),
        { ...pageOf(HEADER, [['C：悪化', 20]]), number: 2 },
      ],
      'legend-under-header.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: 'A', meaning: '順調' },
      { mark: 'B', meaning: '遅れ' },
      { mark: 'C', meaning: '悪化' },
    ]);
  });

  it('reads a legend of items without colons whose last items open the next page under the header printed again (③ after ② at the foot of the page before)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], '①'),
          row('宿泊者数', ['50', '40'], '③'),
          [],
          [['※評価', 20]],
          [['① 目標値の達成に向けて、着実に進んでいる', 20]],
          [['② 目標値の達成に向けて、概ね進んでいる', 20]],
        ),
        { ...pageOf(HEADER, [['③ 目標値の達成に向けて、改善や工夫が必要', 20]], [['－ 評価できない', 20]]), number: 2 },
      ],
      'legend-spaced-under-header.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['①', '②', '③', '－']);
    expect(JSON.stringify(document.strategies)).not.toContain('改善や工夫');
  });

  it('reads a legend whose last mark a line break cut after its first character (… 判 | 定なし:値が…: pdfmake breaks Japanese anywhere)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
          [],
          [['評価基準 A:順調 B:遅れ 判', 20]],
          [['定なし:値が確認できない', 20]],
        ),
      ],
      'legend-mark-over-line.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['A', 'B', '判定なし']);
  });

  it('reads a legend of one line whose last mark a page break cut (… 判定 | なし:値が…, on the next page)', () => {
    const document = read(
      [
        pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], 'A'), row('宿泊者数', ['50', '40'], 'B'), [], [['【評価】 A:順調 B:遅れ 判定', 20]]),
        { ...pageOf([['なし:値が確認できない', 20]]), number: 2 },
      ],
      'legend-mark-over-page.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: 'A', meaning: '順調' },
      { mark: 'B', meaning: '遅れ' },
      { mark: '判定なし', meaning: '値が確認できない' },
    ]);
  });

  it('reads a legend of an item a line whose marks stand straight before their meanings (◎目標値以上, 評価なし目標値の設定なし: Calc through cairo)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [],
          HEADER,
          row('観光客数', ['100', '120'], '◎'),
          row('宿泊者数', ['50', '40'], '△'),
          [],
          [['【評価】', 20]],
          [['◎目標値以上', 20]],
          [['△目標値未満', 20]],
          [['評価なし目標値の設定なし', 20]],
        ),
      ],
      'legend-glued.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks).toEqual([
      { mark: '◎', meaning: '目標値以上' },
      { mark: '△', meaning: '目標値未満' },
      { mark: '評価なし', meaning: '目標値の設定なし' },
    ]);
  });

  it('keeps a legend of one mark under its own heading in the layout though no row is graded by it (※評価 -：横ばい・実績なし)', () => {
    const document = read(
      [pageOf(TITLE, [], HEADER, row('観光客数', ['100', '120'], '達成'), row('宿泊者数', ['50', '60'], '達成'), [], [['※評価 -：横ばい・実績なし', 20]])],
      'one-mark.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend).toMatchObject({ heading: '※評価', marks: [{ mark: '-', meaning: '横ばい・実績なし' }] });
  });

  it('keeps a legend’s last item that stands right above the header out of the header (評価なし 目標値の設定なし)', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          [['【評価】', 20]],
          [['○ 目標値以上', 20]],
          [['△ 目標値未満', 20]],
          [['評価なし 目標値の設定なし', 20]],
          [
            ['指標名', 20],
            ['基準値', 160],
            ['実績値', 220],
            ['評価', 295],
          ],
          row('観光客数', ['100', '120'], '○'),
        ),
      ],
      'legend-above.pdf',
    ).document as KpiDocument;
    expect(document.layout?.columns.map((c) => [c.heading, c.group ?? null])).toEqual([
      ['指標名', null],
      ['基準値', null],
      ['実績値', null],
      ['評価', null],
    ]);
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['○', '△', '評価なし']);
  });

  it.each([
    ['基本目標1 観光', '基本目標2 農業'],
    ['Ⅰ 観光', 'Ⅱ 農業'],
  ])(
    'reads a goal’s banner under the table’s last row, in its grouping column’s place, as the banner over that goal’s count table (%s, with or without a label)',
    (first, second) => {
      const cells = (goal: string, name: string, values: string[], mark: string): [string, number][] => [
        [goal, 20],
        [name, 115],
        ...values.map((v, i): [string, number] => [v, 270 + 60 * i - widthOf(v)]),
        [mark, 340],
      ];
      const counts = (a: string, b: string): [string, number][][] => [
        [
          ['評価', 20],
          ['指標数', 80],
        ],
        [
          ['A', 25],
          [a, 90],
        ],
        [
          ['B', 25],
          [b, 90],
        ],
        [
          ['合計', 20],
          ['1', 90],
        ],
      ];
      const document = read(
        [
          pageOf(
            TITLE,
            [['【評価】 A：目標を上回る B：目標を下回る', 20]],
            [],
            [
              ['基本目標', 45],
              ['指標名', 145],
              ['基準値', 225],
              ['実績値', 285],
              ['評価', 335],
            ],
            cells(first, '観光客数', ['100', '120'], 'A'),
            cells(second, '農家数', ['50', '40'], 'B'),
            [],
            [[first, 20]],
            ...counts('1', '0'),
            [[second, 20]],
            ...counts('0', '1'),
          ),
        ],
        'banner-under-rows.pdf',
      ).document as KpiDocument;
      expect(document.strategies.map((s) => [s.title, Object.values(s.reportedGoalSummary ?? s.reportedSummary ?? {})])).toEqual([
        ['観光', [1, 0, 1]],
        ['農業', [0, 1, 1]],
      ]);
    },
  );

  it('ends the table at them: the legend gives the marks and the counts go onto the goal', () => {
    const document = read(
      [
        pageOf(
          TITLE,
          HEADER,
          [['基本目標1 観光の振興', 20]],
          [],
          row('観光客数', ['100', '120'], 'A'),
          row('宿泊者数', ['50', '40'], 'B'),
          [['【評価】 A：目標を上回る B：目標を下回る', 20]],
          [
            ['評価', 20],
            ['指標数', 80],
          ],
          [
            ['A', 25],
            ['1', 90],
          ],
          [
            ['B', 25],
            ['1', 90],
          ],
          [
            ['合計', 20],
            ['2', 90],
          ],
        ),
      ],
      'counts.pdf',
    ).document as KpiDocument;
    expect(document.layout?.legend?.marks.map((m) => m.mark)).toEqual(['A', 'B']);
    expect(document.strategies.map((s) => [s.title, s.indicators.map((i) => [i.name, i.reported.status])])).toEqual([
      [
        '観光の振興',
        [
          ['観光客数', 'A'],
          ['宿泊者数', 'B'],
        ],
      ],
    ]);
    expect(Object.values(document.strategies[0]!.reportedGoalSummary ?? {})).toEqual([1, 1, 2]);
  });

  it.each([
    ['alone', []],
    [
      'under its head printed again',
      [
        [
          ['評価', 20],
          ['指標数', 80],
        ],
      ],
    ],
  ] as [string, [string, number][][]][])(
    'a count table of grades down cut by a page break before its 合計: the next page’s first lines are its own (%s)',
    (_, again) => {
      const document = read(
        [
          pageOf(
            TITLE,
            HEADER,
            [['基本目標1 観光の振興', 20]],
            [],
            row('観光客数', ['100', '120'], 'A'),
            row('宿泊者数', ['50', '40'], 'B'),
            [['【評価】 A：目標を上回る B：目標を下回る', 20]],
            [
              ['評価', 20],
              ['指標数', 80],
            ],
            [
              ['A', 25],
              ['1', 90],
            ],
          ),
          {
            ...pageOf(
              ...again,
              [
                ['B', 25],
                ['1', 90],
              ],
              [
                ['合計', 20],
                ['2', 90],
              ],
            ),
            number: 2,
          },
        ],
        'counts.pdf',
      ).document as KpiDocument;
      expect(Object.values(document.strategies[0]!.reportedGoalSummary ?? {})).toEqual([1, 1, 2]);
    },
  );
});

describe('withJointEdges: rules over and under a head drawn cell by cell', () => {
  const column = (k: number, headingLeft: number, headingRight: number, left: number, right: number): Column => ({
    key: `c${k}`,
    left,
    right,
    values: k > 0,
    heading: `h${k}`,
    anchor: (headingLeft + headingRight) / 2,
    headingLeft,
    headingRight,
    ruled: false,
  });
  // 成果指標 (27–67) | 従前値 (103–133) | 実績値 (192–222), the texts' guess putting the first edge at 102 (延べ | 12,452件 read apart).
  const columns = [column(0, 27, 67, -Infinity, 102), column(1, 103, 133, 102, 180), column(2, 192, 222, 180, Infinity)];
  /** Joints on one rule at height `at`. */
  const rule = (at: number, ...xs: number[]) => xs.map((x) => ({ x, at }));
  it('moves an edge to where two rules’ segments join between the headings', () => {
    const joints = [...rule(10, 74), ...rule(40, 74), ...rule(60, 162), ...rule(70, 162), ...rule(80, 251)];
    const edges = withJointEdges(columns, joints).map((c) => [c.left, c.right]);
    expect(edges).toEqual([
      [-Infinity, 74],
      [74, 162],
      [162, Infinity],
    ]);
  });
  it('moves an edge to a joint of one rule drawn cell by cell across the header (its segments meeting at two places or more)', () => {
    expect(withJointEdges(columns, rule(10, 74, 162, 251)).map((c) => [c.left, c.right])).toEqual([
      [-Infinity, 74],
      [74, 162],
      [162, Infinity],
    ]);
  });
  it('keeps an edge that one rule’s only joint, or a joint outside the gap between the headings, would move', () => {
    expect(withJointEdges(columns, [...rule(10, 74), ...rule(20, 110), ...rule(30, 110)]).map((c) => [c.left, c.right])).toEqual([
      [-Infinity, 102],
      [102, 180],
      [180, Infinity],
    ]);
  });
});

describe('joinGoalsPrintedAgain: a goal printed over its count table and again in a grouping cell', () => {
  const goal = (no: number, title: string, names: string[]): Strategy => ({
    no,
    title,
    indicators: names.map((name) => ({ name }) as Strategy['indicators'][number]),
    reportedGoalSummary: null,
    reportedSummary: null,
    policies: [],
  });
  it.each<[string, string, [string, string[]][], number?]>([
    ['the same title', '子育て世帯の振興', [['子育て世帯の振興', ['登録者数']]]],
    ['its title’s start only (the cell clipped)', '子育て世', [['子育て世帯の振興', ['登録者数']]]],
    [
      'another number’s goal',
      '子育て世',
      [
        ['子育て世帯の振興', []],
        ['子育て世', ['登録者数']],
      ],
      4,
    ],
  ])('%s', (_, printed, expected, no = 3) => {
    const strategies = [goal(3, '子育て世帯の振興', []), goal(no, printed, ['登録者数'])];
    joinGoalsPrintedAgain(strategies);
    expect(strategies.map((s) => [s.title, s.indicators.map((i) => i.name)])).toEqual(expected);
  });
  it('a title cut to one character is no goal’s for certain', () => {
    const strategies = [goal(3, '子育て世帯の振興', []), goal(3, '子', ['登録者数'])];
    joinGoalsPrintedAgain(strategies);
    expect(strategies).toHaveLength(2);
  });
});
