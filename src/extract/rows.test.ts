import { describe, expect, it } from 'vitest';
import type { Column } from './grid.js';
import { type Line, type Phrase, makeLine } from './layout.js';
import { type Fragment, type GridRow, cellPitch, joinRows, joinValue, leastLineStep, rowsOf } from './rows.js';

/**
 * Rows on tiny synthetic tables: a name column, a value column and a mark column, at 10 pt with
 * 12 pt between the lines of a cell and 4 pt of padding between rows.
 */
const SIZE = 10;
const PITCH = 12;
const MARKS = new Set(['目標達成', '改善↑', '-']);
const column = (key: string, left: number, right: number, complete?: (t: string) => boolean): Column => ({
  key,
  left,
  right,
  values: !!complete,
  heading: key,
  anchor: (left + right) / 2,
  headingLeft: left,
  headingRight: right,
  ruled: false,
  ...(complete ? { complete } : {}),
});
const COLUMNS = [
  column('title', 0, 20),
  column('name', 20, 100),
  column('value', 100, 150, (t) => /^\d+(\(H\d+\))?$/.test(t)),
  column('status', 150, 200, (t) => MARKS.has(t)),
];
const X = { title: 2, name: 22, value: 110, status: 160 } as const;

const phrase = (text: string, x: number, baseline: number): Phrase => ({
  text,
  x,
  right: x + text.length * SIZE * 0.6,
  baseline,
  size: SIZE,
  parts: [{ text, x, right: x + text.length * SIZE * 0.6 }],
});

/** Lines from [baseline, {column: text}] pairs. */
function lines(...spec: [number, Partial<Record<keyof typeof X, string>>][]): Line[] {
  return spec.map(([baseline, cells]) => makeLine(Object.entries(cells).map(([key, text]) => phrase(text!, X[key as keyof typeof X], baseline))));
}

const rowsIn = (...args: Parameters<typeof rowsOf>) => rowsOf(...args).rows;
const columnOf = (p: Phrase) => COLUMNS.find((c) => p.x >= c.left && p.x < c.right);
const cells = (rows: GridRow[]) => rows.map((r) => r.cells);

describe('rowsOf: cells that wrap, without rules', () => {
  it('no cell showing its pitch, a name’s last line 1.6 em under its row (the table’s last) is that name’s where rows of one line stand 2.25 em apart', () => {
    const body = lines(
      [100, { name: '観光客数', value: '5', status: '改善↑' }],
      [122.5, { name: '宿泊者数', value: '7', status: '-' }],
      [145, { name: '参加者数(団', value: '9', status: '-' }],
      [161, { name: '体)' }],
    );
    expect(cells(rowsIn(body, COLUMNS, [], columnOf))).toEqual([
      { name: '観光客数', value: '5', status: '改善↑' },
      { name: '宿泊者数', value: '7', status: '-' },
      { name: '参加者数(団体)', value: '9', status: '-' },
    ]);
  });

  it('a name of three lines with its values at the top, middle or bottom of the row', () => {
    // Row 1: name on three lines; row 2 starts after 4 pt of padding.
    const name = (y: number) =>
      [
        [y, { name: '観光客の' }],
        [y + PITCH, { name: '入込数の' }],
        [y + 2 * PITCH, { name: '推移' }],
      ] as [number, Record<string, string>][];
    const next = 100 + 3 * PITCH + 4;
    for (const at of [0, PITCH, 2 * PITCH]) {
      const body = [
        ...name(100).map(([y, c]) => [y, y === 100 + at ? { ...c, value: '5', status: '改善↑' } : c] as [number, Record<string, string>]),
        [next, { name: '宿泊者数', value: '7', status: '-' }],
      ] as [number, Partial<Record<keyof typeof X, string>>][];
      expect(cells(rowsIn(lines(...body), COLUMNS, [], columnOf))).toEqual([
        { name: '観光客の入込数の推移', value: '5', status: '改善↑' },
        { name: '宿泊者数', value: '7', status: '-' },
      ]);
    }
  });

  it('cells set at the bottom of their rows, no padding: a line between two rows begins the name below (the title column holds a department ending on the values’ line)', () => {
    const row = (y: number, name: [string, string, string], value: string): [number, Partial<Record<keyof typeof X, string>>][] => [
      [y - 2 * PITCH, { name: name[0] }],
      [y - PITCH, { name: name[1], title: '経済部' }],
      [y, { name: name[2], title: '振興課', value, status: '-' }],
    ];
    const rows = rowsIn(
      lines(
        ...row(100, ['観光客の', '入込数の', '推移'], '1'),
        ...row(100 + 3 * PITCH, ['市内の', '宿泊者', '数'], '2'),
        ...row(100 + 6 * PITCH, ['延べ', '利用', '者数'], '3'),
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => [c.name, c.title])).toEqual([
      ['観光客の入込数の推移', '経済部振興課'],
      ['市内の宿泊者数', '経済部振興課'],
      ['延べ利用者数', '経済部振興課'],
    ]);
  });

  it('a value with its year note on the next line, and a mark cut in two', () => {
    const rows = rowsIn(
      lines(
        [100, { name: '農業産出額', value: '3560', status: '目標' }],
        [100 + PITCH, { value: '(H29)', status: '達成' }],
        [100 + 2 * PITCH + 4, { name: '商品販売額', value: '38806', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows)).toEqual([
      { name: '農業産出額', value: '3560(H29)', status: '目標達成' },
      { name: '商品販売額', value: '38806', status: '-' },
    ]);
  });

  it('a line as near to the values above as to those below goes to the row it leaves centred (cells set in the middle)', () => {
    // The first row, padded, shows the table's cells set in the middle. Then no padding: 指標A on
    // one line; 指標Bの / 長い名前の / 続き with its value on the middle line. 指標Bの is one pitch
    // from either value; only the middle alignment tells whose it is.
    const at = 100 + 3 * PITCH + 4;
    const rows = rowsIn(
      lines(
        [100, { name: '観光客の' }],
        [100 + PITCH, { name: '入込数の', value: '9', status: '-' }],
        [100 + 2 * PITCH, { name: '推移' }],
        [at, { name: '指標A', value: '1', status: '-' }],
        [at + PITCH, { name: '指標Bの' }],
        [at + 2 * PITCH, { name: '長い名前の', value: '2', status: '-' }],
        [at + 3 * PITCH, { name: '続き' }],
        [at + 4 * PITCH, { name: '指標C', value: '3', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => c.name)).toEqual(['観光客の入込数の推移', '指標A', '指標Bの長い名前の続き', '指標C']);
  });

  it('cells set in the middle with wide line spacing: a name’s two lines around its values, each overlapping them a little, are its own, not the next row’s (a borderless Writer print)', () => {
    const STEP = 17.4;
    const rows = rowsIn(
      lines(
        [100, { name: '指標A', value: '1', status: '-' }],
        [130, { name: '指標Bの' }],
        [130 + STEP / 2, { value: '2', status: '-' }],
        [130 + STEP, { name: '就業者数' }],
        [130 + 2 * STEP, { name: '指標C', value: '3', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows)).toEqual([
      { name: '指標A', value: '1', status: '-' },
      { name: '指標Bの就業者数', value: '2', status: '-' },
      { name: '指標C', value: '3', status: '-' },
    ]);
  });

  it('cells set in the middle, every line at one pitch and each overlapping the values’ line a little (Writer): a name of three lines keeps its last line', () => {
    const STEP = 17;
    const rows = rowsIn(
      lines(
        [100, { name: '指標A', value: '1', status: '-' }],
        [100 + STEP, { name: '観光客の' }],
        [100 + 1.5 * STEP, { value: '2', status: '-' }],
        [100 + 2 * STEP, { name: '入込数' }],
        [100 + 3 * STEP, { name: '地域移住の' }],
        [100 + 4 * STEP, { name: '参加者数（団', value: '3', status: '-' }],
        [100 + 5 * STEP, { name: '体）' }],
        [100 + 6 * STEP, { name: '有害鳥獣の' }],
        [100 + 6.5 * STEP, { value: '4', status: '-' }],
        [100 + 7 * STEP, { name: '実施回数' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => c.name)).toEqual(['指標A', '観光客の入込数', '地域移住の参加者数（団体）', '有害鳥獣の実施回数']);
  });

  it('cells set in the middle: a tall cell keeps its own lines, not those of the next row above its values (comments of five lines, no padding)', () => {
    // Each row: a name of two lines around its value, a comment of five lines around it too; the
    // comments follow one another at the pitch of their lines.
    const row = (y: number, name: string, value: string, comment: string): [number, Partial<Record<keyof typeof X, string>>][] => [
      [y - 2 * PITCH, { title: `${comment}1` }],
      [y - PITCH, { title: `${comment}2` }],
      [y - PITCH / 2, { name: `${name}の` }],
      [y, { title: `${comment}3`, value, status: '-' }],
      [y + PITCH / 2, { name: '件数' }],
      [y + PITCH, { title: `${comment}4` }],
      [y + 2 * PITCH, { title: `${comment}5` }],
    ];
    const rows = rowsIn(
      lines(...row(100, '指標A', '1', 'あ'), ...row(100 + 5 * PITCH, '指標B', '2', 'い'), ...row(100 + 10 * PITCH, '指標C', '3', 'う')),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => [c.name, c.title])).toEqual([
      ['指標Aの件数', 'あ1あ2あ3あ4あ5'],
      ['指標Bの件数', 'い1い2い3い4い5'],
      ['指標Cの件数', 'う1う2う3う4う5'],
    ]);
  });

  it('cells set in the middle: a line that ends short of its column ends its cell, so the line under it is the next row’s, however sooner this row reaches it (comments of 4 and 8 lines, no padding)', () => {
    const [full1, full2] = ['い'.repeat(8), 'う'.repeat(8)];
    const rows = rowsIn(
      lines(
        [100, { title: full1 }],
        [112, { title: full1, name: '指標Aの' }],
        [118, { value: '1', status: '-' }],
        [124, { title: full1, name: '件数' }],
        [136, { title: 'い。' }],
        ...[148, 160, 172].map((y): [number, Partial<Record<keyof typeof X, string>>] => [y, { title: full2 }]),
        [184, { title: full2, name: '指標Bの' }],
        [190, { value: '2', status: '-' }],
        [196, { title: full2, name: '件数' }],
        ...[208, 220].map((y): [number, Partial<Record<keyof typeof X, string>>] => [y, { title: full2 }]),
        [232, { title: 'う。' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => [c.name, c.title])).toEqual([
      ['指標Aの件数', `${full1.repeat(3)}い。`],
      ['指標Bの件数', `${full2.repeat(7)}う。`],
    ]);
  });

  it('cells set in the middle: a line ending short before a character the punctuation after it may not part from (…してい | る。) is full, so the comment goes on under it (comments of 4, 6 and 3 lines, no padding: a Writer print)', () => {
    const [full, short] = ['い'.repeat(8), 'い'.repeat(4)];
    const comment = (y: number, title: string): [number, Partial<Record<keyof typeof X, string>>] => [y, { title }];
    const rows = rowsIn(
      lines(
        ...[100, 112, 124].map((y) => comment(y, 'あ'.repeat(8))),
        [118, { name: '指標A', value: '1', status: '-' }],
        comment(136, 'あ。'),
        // Row B's six lines around its values at 178: two end four characters short, before る。 and す。.
        comment(148, full),
        comment(160, short),
        [172, { title: `る。${short}い`, name: '指標Bの' }],
        [178, { value: '2', status: '-' }],
        [184, { title: short, name: '件数' }],
        comment(196, `す。${short}い`),
        comment(208, `${short}いいい。`),
        ...[220, 232].map((y) => comment(y, 'う'.repeat(8))),
        [232, { name: '指標C', value: '3', status: '-' }],
        comment(244, 'う。'),
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => [c.name, c.title])).toEqual([
      ['指標A', `${'あ'.repeat(24)}あ。`],
      ['指標Bの件数', `${full}${short}る。${short}い${short}す。${short}い${short}いいい。`],
      ['指標C', `${'う'.repeat(16)}う。`],
    ]);
  });

  it('cells set in the middle: a tall cell and the short one under it meeting without padding part where both stand centred on their values, not where growing a line a round met (comments of 9 and 3 lines)', () => {
    const [full1, full2] = ['あ'.repeat(8), 'い'.repeat(8)];
    // Row A's comment of nine lines around its values at 148, row B's of three around 220; every
    // line full, so no short line tells where a comment ends.
    const rows = rowsIn(
      lines(
        ...[100, 112, 124, 136].map((y): [number, Partial<Record<keyof typeof X, string>>] => [y, { title: full1 }]),
        [142, { name: '指標Aの' }],
        [148, { title: full1, value: '1', status: '-' }],
        [154, { name: '件数' }],
        ...[160, 172, 184, 196].map((y): [number, Partial<Record<keyof typeof X, string>>] => [y, { title: full1 }]),
        [208, { title: full2 }],
        [214, { name: '指標Bの' }],
        [220, { title: full2, value: '2', status: '-' }],
        [226, { name: '件数' }],
        [232, { title: full2 }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => [c.name, c.title])).toEqual([
      ['指標Aの件数', full1.repeat(9)],
      ['指標Bの件数', full2.repeat(3)],
    ]);
  });

  it('two rows whose lines are no further apart than the lines of a cell are still two rows', () => {
    // No padding at all: only the values tell the rows apart.
    const rows = rowsIn(
      lines(
        [100, { name: '指標A', value: '1', status: '-' }],
        [100 + PITCH, { name: '指標B', value: '2', status: '-' }],
        [100 + 2 * PITCH, { name: '指標C', value: '3', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => c.name)).toEqual(['指標A', '指標B', '指標C']);
  });

  it('a numbered title under a row is a heading row of its own, its wrapped line joined to it', () => {
    const opensRow = (f: { column: Column; text: string }) => f.column.key === 'title' && /^\d/.test(f.text);
    const rows = rowsIn(
      lines(
        [100, { name: '指標A', value: '1', status: '-' }],
        [100 + PITCH, { title: '2 多様な雇用の' }],
        [100 + 2 * PITCH, { title: '場づくり' }],
        [100 + 3 * PITCH + 4, { name: '指標B', value: '2', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
      opensRow,
    );
    expect(rows.map((r) => [r.anchored, r.text])).toEqual([
      [true, '指標A 1 -'],
      [false, '2 多様な雇用の場づくり'],
      [true, '指標B 2 -'],
    ]);
  });

  it('a rule between two lines separates them, whatever they hold', () => {
    const body = lines([100, { name: '指標A', value: '1' }], [100 + PITCH, { name: '指標B', value: '2' }]);
    expect(rowsIn(body, COLUMNS, [100 + PITCH / 2], columnOf)).toHaveLength(2);
  });

  it('rules under every row: the one name that wraps shows the pitch, though its lines stand wider apart than a guess (1.6 em)', () => {
    const WIDE = 16;
    const body = lines(
      [100, { name: '指標A', value: '1', status: '-' }],
      [130, { name: '指標Bの', value: '2', status: '-' }],
      [130 + WIDE, { name: '就業者数' }],
      [176, { name: '指標C', value: '3', status: '-' }],
    );
    expect(cells(rowsIn(body, COLUMNS, [118, 164], columnOf)).map((c) => c.name)).toEqual(['指標A', '指標Bの就業者数', '指標C']);
  });
  it('a rule between a banner and the one row of values: the row’s cell set at its bottom shows the pitch, its first line above the values', () => {
    const WIDE = 16;
    const body = lines([100, { title: '第1章' }], [130, { name: '防除対策の' }], [130 + WIDE, { name: '普及', value: '1', status: '-' }]);
    expect(cells(rowsIn(body, COLUMNS, [118, 160], columnOf)).map((c) => c.name)).toEqual([undefined, '防除対策の普及']);
  });
});

describe('rowsOf and joinRows: a row split by a page break', () => {
  it('the first line of a band that only completes a value marks the row as a tail', () => {
    const [first] = rowsIn(lines([50, { value: '(H29)', status: '達成' }]), COLUMNS, [], columnOf);
    expect(first!.tail).toBe(true);
    const [last] = rowsIn(lines([700, { name: '農業産出額', value: '3560', status: '目標' }]), COLUMNS, [], columnOf);
    expect(joinRows(last!, first!).cells).toEqual({ name: '農業産出額', value: '3560(H29)', status: '目標達成' });
  });

  it('cells set at the top, a table going on from the page before: a line above the page’s first values is the rest of a name the page broke; on the page a table starts, the first row’s', () => {
    const page = (goesOn: boolean) =>
      rowsIn(
        lines(
          [50, { name: '（人）' }],
          [50 + PITCH, { name: '観光客の', value: '5', status: '-' }],
          [50 + 2 * PITCH, { name: '入込数' }],
          [50 + 3 * PITCH, { name: '宿泊者数の', value: '7', status: '-' }],
          [50 + 4 * PITCH, { name: '推移' }],
        ),
        COLUMNS,
        [],
        columnOf,
        undefined,
        null,
        undefined,
        goesOn,
      );
    expect(page(true).map((r) => [r.anchored, r.cells.name])).toEqual([
      [false, '（人）'],
      [true, '観光客の入込数'],
      [true, '宿泊者数の推移'],
    ]);
    // Nothing stands above the first row of a table's first page: the line can only be its own.
    expect(page(false).filter((r) => !r.anchored)).toEqual([]);
  });

  it('cells set in the middle, a table going on from the page before: a line over the page’s first values that would set their cell off its middle is the rest of a cell the page broke; on the page a table starts, it is no rest', () => {
    const page = (goesOn: boolean) =>
      rowsIn(
        lines(
          [50, { name: 'え。' }],
          [50 + PITCH, { name: '観光客の入込数の' }],
          [50 + 1.5 * PITCH, { value: '5', status: '-' }],
          [50 + 2 * PITCH, { name: '推移です' }],
          [50 + 3.5 * PITCH, { name: '宿泊者数の推移の' }],
          [50 + 4 * PITCH, { value: '7', status: '-' }],
          [50 + 4.5 * PITCH, { name: '見込みです' }],
        ),
        COLUMNS,
        [],
        columnOf,
        undefined,
        null,
        undefined,
        goesOn,
      );
    expect(page(true).map((r) => [r.anchored, r.cells.name])).toEqual([
      [false, 'え。'],
      [true, '観光客の入込数の推移です'],
      [true, '宿泊者数の推移の見込みです'],
    ]);
    expect(page(false).filter((r) => !r.anchored)).toEqual([]);
  });

  it('cells set in the middle, a table going on from the page before: a name of three lines around the page’s first values is whole, though a paragraph run across the table makes its short lines end their cells to the rounds', () => {
    const paragraph = '関係機関と連携し、制度の周知に努める。若い世代の参加';
    const rows = rowsIn(
      lines(
        [50, { name: '市内の' }],
        [50 + PITCH, { name: '参加者数', value: '5', status: '-' }],
        [50 + 2 * PITCH, { name: '（社）' }],
        [50 + 4 * PITCH, { name: paragraph }],
        [50 + 5 * PITCH, { name: 'を促す。' }],
        [50 + 7 * PITCH, { name: '宿泊者' }],
        [50 + 8 * PITCH, { name: '数の', value: '7', status: '-' }],
        [50 + 9 * PITCH, { name: '推移' }],
      ),
      COLUMNS,
      [],
      columnOf,
      undefined,
      null,
      undefined,
      true,
    );
    expect(rows.map((r) => [r.anchored, r.cells.name])).toEqual([
      [true, '市内の参加者数（社）'],
      [false, `${paragraph}を促す。`],
      [true, '宿泊者数の推移'],
    ]);
  });

  it('a name continued on the next page comes after the part on the page before', () => {
    const [last] = rowsIn(lines([700, { name: '観光客の', value: '5', status: '-' }]), COLUMNS, [], columnOf);
    const [first] = rowsIn(lines([50, { name: '入込数' }]), COLUMNS, [], columnOf);
    expect(first!.anchored).toBe(false);
    expect(joinRows(last!, first!).cells.name).toBe('観光客の入込数');
  });
});

describe('joinValue', () => {
  it.each([
    [['3,560', '(H29)'], '3,560(H29)'],
    [['3,560(H', '29)'], '3,560(H29)'],
    [['-71.4', '%'], '-71.4%'],
  ])('%j → %s', (parts, joined) => expect(joinValue(parts)).toBe(joined));
});

describe('rowsOf: no padding, no rules, wrapped names', () => {
  // Two rows of two-line names at the pitch of a cell throughout; a third row with one line
  // shows which way the table aligns its values.
  it.each([
    ['top', 0],
    ['bottom', 1],
  ] as const)('values at the %s of each row', (_, at) => {
    const row = (y: number, a: string, b: string, value: string): [number, Partial<Record<keyof typeof X, string>>][] => [
      [y, at === 0 ? { name: a, value, status: '-' } : { name: a }],
      [y + PITCH, at === 1 ? { name: b, value, status: '-' } : { name: b }],
    ];
    const rows = rowsIn(
      lines(...row(100, '指標', 'A', '1'), ...row(100 + 2 * PITCH, '指標', 'B', '2'), ...row(100 + 4 * PITCH, '指標', 'C', '3')),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => c.name)).toEqual(['指標A', '指標B', '指標C']);
  });

  it('a line as near to the row above as to the row below goes below where the line above it ends short of the column (a name wraps only where its line is full)', () => {
    const rows = rowsIn(
      lines(
        [100, { name: '指標A', value: '1', status: '-' }],
        [100 + PITCH, { name: '就業者数の多い地域の' }],
        [100 + 2 * PITCH, { name: '数', value: '2', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => c.name)).toEqual(['指標A', '就業者数の多い地域の数']);
  });
});

describe('rowsOf: every line at one pitch, no cell telling how cells are set', () => {
  it('values at the bottom of rows whose names link into one run (Writer without padding): the wraps tell, a line ending short being a cell’s last', () => {
    const rows = rowsIn(
      lines(
        [100, { name: '指標A', value: '1', status: '-' }],
        [100 + PITCH, { name: '観光客の入込数の' }],
        [100 + 2 * PITCH, { name: '多い地域の宿泊者' }],
        [100 + 3 * PITCH, { name: '数', value: '2', status: '-' }],
        [100 + 4 * PITCH, { name: '延べ人数の推移の' }],
        [100 + 5 * PITCH, { name: '値', value: '3', status: '-' }],
      ),
      COLUMNS,
      [],
      columnOf,
    );
    expect(cells(rows).map((c) => c.name)).toEqual(['指標A', '観光客の入込数の多い地域の宿泊者数', '延べ人数の推移の値']);
  });
});

describe('rowsOf: lines that stand alone (banners)', () => {
  it('a banner is a row of its own, though set at the pitch of the names below it, and though it runs into a value column', () => {
    // The banner's title ends in the value column (a Writer print cuts it there); the name wraps under it.
    const body = lines(
      [100, { title: '施策1', name: '観光の', value: '振興' }],
      [100 + PITCH, { name: '観光客' }],
      [100 + 2 * PITCH, { name: '数', value: '120', status: '改善↑' }],
    );
    const alone = (f: { baseline: number }) => f.baseline === 100;
    const rows = rowsIn(body, COLUMNS, [], columnOf, undefined, null, alone);
    expect(rows.map((r) => [r.anchored, r.cells])).toEqual([
      [false, { title: '施策1', name: '観光の', value: '振興' }],
      [true, { name: '観光客数', value: '120', status: '改善↑' }],
    ]);
  });

  it('a banner running past the name column tells nothing of how far its full lines reach: a name’s first line between two rows begins the row below, values set at the bottom without padding (a Writer print)', () => {
    // Every line at one pitch: 観光数 ending short of the names' widest line ends its cell, so (団
    // begins the next, and the rows show their cells set at the bottom.
    const body = lines(
      [100, { name: '基本目標1 子育て世帯図書館ふるさと納税の振興' }],
      [100 + PITCH, { name: '指標の件数', value: '1', status: '-' }],
      [100 + 2 * PITCH, { name: '移住空き家の登' }],
      [100 + 3 * PITCH, { name: '録者数', value: '2', status: '-' }],
      [100 + 4 * PITCH, { name: '基本目標2 空き家地域の向上と定住の促進' }],
      [100 + 5 * PITCH, { name: '観光数', value: '3', status: '-' }],
      [100 + 6 * PITCH, { name: '観光オリーブ(団' }],
      [100 + 7 * PITCH, { name: '体)', value: '4', status: '-' }],
    );
    const alone = (f: { baseline: number }) => f.baseline === 100 || f.baseline === 100 + 4 * PITCH;
    expect(rowsIn(body, COLUMNS, [], columnOf, undefined, null, alone).map((r) => r.cells.name)).toEqual([
      '基本目標1 子育て世帯図書館ふるさと納税の振興',
      '指標の件数',
      '移住空き家の登録者数',
      '基本目標2 空き家地域の向上と定住の促進',
      '観光数',
      '観光オリーブ(団体)',
    ]);
  });

  // The table's one row of values under its banner: no two rows of values show their step, the
  // banner's row and the row under it do. The name's last line stands 1.58 em under its row (a
  // font whose lines are set that wide, over the 1.45 em guessed without).
  it.each([
    ['the banner’s row 2.24 em over the row', 22.4, 15.8],
    ['the banner’s row 1.91 em over the row, lines 1.59 em apart', 19.1, 15.9],
  ])('a name’s last line under the one row of values is that name’s, %s', (_, bannerStep, lineStep) => {
    const body = lines(
      [100, { title: '基本目標Ⅰ', name: '観光の振興' }],
      [100 + bannerStep, { name: '観光図書館就', value: '105', status: '改善↑' }],
      [100 + bannerStep + lineStep, { name: '業者数(延べ)' }],
    );
    const alone = (f: { baseline: number }) => f.baseline === 100;
    expect(cells(rowsIn(body, COLUMNS, [], columnOf, undefined, null, alone))).toEqual([
      { title: '基本目標Ⅰ', name: '観光の振興' },
      { name: '観光図書館就業者数(延べ)', value: '105', status: '改善↑' },
    ]);
  });
});

describe('rowsOf: cells set at the top, lines at one pitch', () => {
  it('cells set at the top, every line at one pitch (Writer): a banner over a row is not a cell ending on its values’ line, so a name’s last line stays with its row', () => {
    // ■施策 stands one pitch over (1), which is on the values' line: read as one cell of two lines,
    // it would tell cells are set at the bottom, and 推移 (as near to either row) would go below.
    const alone = (f: { text: string }) => f.text.startsWith('■');
    const rows = rowsIn(
      lines(
        [100, { title: '■施策1' }],
        [100 + PITCH, { title: '(1)', name: '観光客の', value: '5', status: '-' }],
        [100 + 2 * PITCH, { name: '入込数の' }],
        [100 + 3 * PITCH, { name: '推移' }],
        [100 + 4 * PITCH, { title: '(2)', name: '宿泊者数の', value: '7', status: '-' }],
        [100 + 5 * PITCH, { name: '推移' }],
      ),
      COLUMNS,
      [],
      columnOf,
      undefined,
      null,
      alone,
    );
    expect(cells(rows).map((c) => c.name ?? c.title)).toEqual(['■施策1', '観光客の入込数の推移', '宿泊者数の推移']);
  });
});

describe('rowsOf: cells of one line set a little apart', () => {
  it("a wrapped name's steps are measured from its own line, not from the values beside it (a browser sets them 6 pt higher)", () => {
    const body = [
      ...lines([100, { name: '観光客', value: '100', status: '-' }], [100 + PITCH, { name: '入込数' }]),
      makeLine([phrase('宿泊者', X.name, 134), phrase('90', X.value, 128), phrase('改善↑', X.status, 128)]),
      ...lines([134 + PITCH, { name: '数' }]),
    ];
    expect(cells(rowsIn(body, COLUMNS, [], columnOf)).map((c) => c.name)).toEqual(['観光客入込数', '宿泊者数']);
  });
});

describe('leastLineStep', () => {
  /** A row's lines as [column key, baseline, size]. */
  const rowOf = (...lines: [string, number, number?][]): Pick<GridRow, 'fragments'> => {
    const fragments = new Map<string, Fragment[]>();
    for (const [key, baseline, size = SIZE] of lines) {
      const f = { column: COLUMNS[0]!, phrases: [], text: key, top: baseline - size, bottom: baseline, baseline, size };
      fragments.set(key, [...(fragments.get(key) ?? []), f]);
    }
    return { fragments };
  };
  it.each([
    ['no column holds two lines', [rowOf(['name', 100], ['value', 100])], null],
    ['a cell wrapped once, rows farther apart', [rowOf(['name', 100], ['name', 112], ['value', 112]), rowOf(['name', 130], ['value', 130])], 1.2],
    ['rows alone, one line each', [rowOf(['value', 100]), rowOf(['value', 116]), rowOf(['value', 140])], 1.6],
    ['the larger size of two lines measures their step', [rowOf(['name', 100, 8], ['name', 112, 10])], 1.2],
    ['two fragments on one line are no step', [rowOf(['name', 100], ['name', 101], ['name', 115])], 1.4],
  ] as [string, Pick<GridRow, 'fragments'>[], number | null][])('%s', (_, rows, least) => {
    const got = leastLineStep(rows);
    if (least === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(least, 6);
  });
});

describe('cellPitch', () => {
  it.each([
    ['a step repeated', [1.2, 1.21, 1.6], [], 1.2],
    ['a sure step, nearer than the repeated one', [1.6, 1.6], [1.1], 1.1],
    ['a sure step of nothing (two pieces of one line) is none', [1.6], [0, 1.1], 1.1],
    ['no step repeated and none sure', [1.3, 1.6], [], null],
    ['only a step of nothing', [], [0], null],
  ] as [string, number[], number[], number | null][])('%s', (_, steps, sure, pitch) => {
    expect(cellPitch(steps, sure)).toBe(pitch);
  });
});
