import { describe, expect, it } from 'vitest';
import { type Line, linesOf, phrasesOf } from './layout.js';
import { readCountTable, readRowsCountTable } from './other-layouts.js';
import type { TextRun } from './pdf.js';

/** Count tables (layouts.md F7) on tiny synthetic pages at 10 pt. */
const SIZE = 10;
const widthOf = (text: string) => [...text].reduce((w, c) => w + (c.codePointAt(0)! > 0x2000 ? SIZE : 0.55 * SIZE), 0);
const run = (text: string, x: number, baseline: number): TextRun => ({ text, x, baseline, width: widthOf(text), size: SIZE, font: 'f' });
const page = (...rows: [text: string, x: number][][]): Line[] =>
  linesOf(phrasesOf(rows.flatMap((runs, k) => runs.map(([text, x]) => run(text, x, 100 + 15 * k)))));

describe('count tables', () => {
  it('grades across, a row per goal with 合計: counts under the marks by place, a blank cell null', () => {
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
      { label: '基本目標1', counts: [1, 2, null], total: 3 },
      { label: '合計', counts: [1, 2, null], total: 3 },
    ]);
    expect(used).toHaveLength(3);
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
