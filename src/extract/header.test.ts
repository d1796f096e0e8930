import { describe, expect, it } from 'vitest';
import { findTableHeads, headerRowsAtPitch } from './header.js';
import { type Line, linesOf, makeLine, phrasesOf, withLetterSpacingJoined } from './layout.js';
import type { Rule, TextRun } from './pdf.js';

/**
 * Headers of other municipalities' tables on tiny synthetic pages at 10 pt: Japanese characters
 * one em wide, Latin letters and digits 0.55 em.
 */
const SIZE = 10;
const widthOf = (text: string) => [...text].reduce((w, c) => w + (c.codePointAt(0)! > 0x2000 ? SIZE : 0.55 * SIZE), 0);
const run = (text: string, x: number, baseline: number): TextRun => ({ text, x, baseline, width: widthOf(text), size: SIZE, font: 'f' });
const page = (...rows: [baseline: number, runs: [text: string, x: number][]][]): Line[] =>
  linesOf(phrasesOf(rows.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline)))));
/** A line's texts, each as `text@x` (a row written on one line). */
const placed = (...cells: string[]): [string, number][] => cells.map((c) => [c.slice(0, c.lastIndexOf('@')), Number(c.slice(c.lastIndexOf('@') + 1))]);
const vertical = (at: number, from: number, to: number): Rule => ({ at, from, to });
const columns = (lines: Line[], rules: Rule[] = [], horizontal: Rule[] = []) =>
  findTableHeads(lines, rules, horizontal).map((h) => h.columns.map((c) => (c.group ? `${c.group}>${c.heading}` : c.heading).replace(/\n/g, '/')));

/**
 * 指標名 | 基準値 | 実績値 over H30 | R1 | R2 | 目標値, the cells of one row centred between the two
 * header rows; a 2nd header row under 実績値 only.
 */
const TWO_ROWS = page(
  [100, [['実績値', 215]]],
  [
    106,
    [
      ['指標名', 20],
      ['基準値', 110],
      ['目標値', 330],
    ],
  ],
  [
    112,
    [
      ['H30', 185],
      ['R1', 228],
      ['R2', 270],
    ],
  ],
);

describe('findTableHeads: columns and spanning cells', () => {
  it('joins a group’s two characters spread over its cells (実 … 績 over H27 … R1), not where a character and the heading under it are a heading wrapped in a narrow cell (実 over 績値)', () => {
    const spread = page(
      [
        100,
        [
          ['実', 150],
          ['績', 330],
        ],
      ],
      [
        114,
        [
          ['指標名', 20],
          ['基準値', 90],
          ['H27', 152],
          ['H28', 200],
          ['H29', 250],
          ['R1', 320],
          ['目標値', 370],
        ],
      ],
    );
    expect(columns(spread)).toEqual([['指標名', '基準値', '実績>H27', '実績>H28', '実績>H29', '実績>R1', '目標値']]);
    // The headings beside the group, two rows tall, centred a line under the pair over nothing of theirs (Calc, seed 157).
    const [pair, cells] = spread;
    const [beside, under] = [cells!.phrases.filter((p) => p.text.endsWith('値')), cells!.phrases.filter((p) => !p.text.endsWith('値'))];
    const centred = [pair!, makeLine(beside.map((p) => ({ ...p, baseline: 107 }))), makeLine(under)];
    expect(columns(centred)).toEqual([['指標名', '基準値', '実績>H27', '実績>H28', '実績>H29', '実績>R1', '目標値']]);
    // 実 over 績値 in a narrow first cell (実績値 wrapped), 績 alone at the right: no group.
    const wrapped = page(
      [
        100,
        [
          ['実', 5],
          ['績', 330],
        ],
      ],
      [
        114,
        [
          ['績値', 5],
          ['指標名', 40],
          ['基準値', 90],
          ['H27', 152],
          ['H28', 200],
          ['H29', 250],
          ['R1', 320],
        ],
      ],
    );
    expect(
      columns(wrapped)
        .flat()
        .filter((c) => c.startsWith('実績>')),
    ).toEqual([]);
  });

  it('leaves out the label of a goal’s own indicators set right under the header (【数値目標】, a page’s first row): a banner, not a name’s heading', () => {
    const lines = page(
      [100, placed('目標指標@60', '基準値@150', '令和2年度@220', '目標値@300')],
      [112, placed('【数値目標】@5')],
      [126, placed('市内入込客数@5', '99@150', '110@220', '192@300')],
    );
    expect(columns(lines)).toEqual([['目標指標', '基準値', '令和2年度', '目標値']]);
  });

  it('joins a group’s pair spread over cells that stand a line lower than the headings beside them (Chromium: 実 … 績 over R3 … R6, beside 策定時 over （R2）)', () => {
    const lower = page(
      [100, placed('実@150', '績@330')],
      [110, placed('策定時@90', '目標値@370')],
      [120, placed('指標名@20', '（R2）@90', 'R3@150', 'R4@200', 'R5@250', 'R6@320', '（R6）@370')],
    );
    expect(columns(lower)).toEqual([['指標名', '策定時/（R2）', '実績>R3', '実績>R4', '実績>R5', '実績>R6', '目標値/（R6）']]);
  });

  it('one row of headings (justified 指 標 名), wrapped cells joined', () => {
    const lines = page(
      [
        100,
        [
          ['No.', 5],
          ['指 標 名', 40],
          ['基準値', 120],
          ['現在値', 170],
          ['評', 230],
        ],
      ],
      [
        110,
        [
          ['（H30）', 118],
          ['（R2）', 168],
          ['価', 230],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['No.', '指 標 名', '基準値/（H30）', '現在値/（R2）', '評/価']]);
  });

  it('with vertical rules: a cell spanning columns is their group (実績値 over H30 | R1 | R2)', () => {
    const rules = [0, 100, 160, 210, 250, 300, 360].map((x) => vertical(x, 90, 120));
    // The rules between the years stop under 実績値.
    const spanned = rules.map((r) => (r.at === 210 || r.at === 250 ? { ...r, from: 103 } : r));
    expect(columns(TWO_ROWS, spanned)).toEqual([['指標名', '基準値', '実績値>H30', '実績値>R1', '実績値>R2', '目標値']]);
  });

  it('without rules: a cell above the last header line over the run of cells on it alone', () => {
    expect(columns(TWO_ROWS)).toEqual([['指標名', '基準値', '実績値>H30', '実績値>R1', '実績値>R2', '目標値']]);
  });

  it('without rules: a cell centred over two cells (令和4年度 over 実績値 | 進捗) is their group, not a line of one', () => {
    const lines = page(
      [100, [['令和4年度', 215]]],
      [
        110,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['目標値', 330],
        ],
      ],
      [
        120,
        [
          ['実績値', 200],
          ['進捗', 260],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '令和4年度>実績値', '令和4年度>進捗', '目標値']]);
  });

  it('without rules: a group over years spans the years alone, not the headings on their line (実績 over H27 | H28 | H29)', () => {
    const lines = page(
      [100, [['実績', 190]]],
      [
        112,
        [
          ['指標名', 20],
          ['現状値 H26', 80],
          ['H27', 150],
          ['H28', 190],
          ['H29', 230],
          ['目標値', 280],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '現状値 H26', '実績>H27', '実績>H28', '実績>H29', '目標値']]);
  });

  it('without rules: a group letter-spaced over its cells’ whole width (実　績　値 over R2 … R6, set left in their cells) heads every one of them, in their order', () => {
    // The group's characters from the first cell's left edge to the last one's right edge, joined as one text.
    const group: TextRun = { ...run('実績値', 210, 100), width: 310 };
    const years = ['R2', 'R3', 'R4', 'R5', 'R6'].map((text, k) => run(text, 210 + 62 * k, 112));
    const headings = [run('番号', 20, 106), run('指標名', 60, 106), run('基準値 R1', 150, 106), run('目標値 R6', 530, 106), run('達成度', 620, 106)];
    expect(columns(linesOf(phrasesOf([group, ...headings, ...years])))).toEqual([
      ['番号', '指標名', '基準値 R1', '実績値>R2', '実績値>R3', '実績値>R4', '実績値>R5', '実績値>R6', '目標値 R6', '達成度'],
    ]);
  });

  it('without rules: a year letter-spaced over a pair of cells from its left edge to its right one (令　和　7　年　度 over 実績 | 判定) is their group, not the first one’s year', () => {
    const spread = (text: string, x: number, baseline: number, width: number): TextRun => ({ ...run(text, x, baseline), width });
    // As Chromium printed them (held-out 131 f5-chromium-06), each heading justified to its cell: the years over
    // 従前値 and 目標値 head those cells alone.
    const lines = linesOf(
      phrasesOf([
        run('No.', 53.3, 70.5),
        spread('指標名', 82, 70.5, 79.9),
        spread('令和元年度', 167.9, 70.5, 51.5),
        spread('令和7年度', 225.4, 70.5, 73),
        spread('令和7年度', 304.4, 70.5, 48),
        spread('従前値', 167.9, 81.8, 51.5),
        spread('目標値', 304.4, 81.8, 48),
        spread('実績', 225.4, 89.3, 42.5),
        spread('判定', 273.9, 89.3, 24.5),
      ]),
    );
    expect(columns(lines)).toEqual([['No.', '指標名', '令和元年度/従前値', '令和7年度>実績', '令和7年度>判定', '令和7年度/目標値']]);
  });

  it('without rules: a heading over a line in brackets (現状値 over （H26）) is one heading, though years under a group stand beside it', () => {
    const lines = page(
      [100, [['実績値', 205]]],
      [
        111,
        [
          ['現状値', 95],
          ['目標', 300],
        ],
      ],
      [
        122,
        [
          ['指標名', 20],
          ['（H26）', 92],
          ['H27', 170],
          ['H28', 210],
          ['H29', 250],
          ['（R1）', 294.5],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '現状値/（H26）', '実績値>H27', '実績値>H28', '実績値>H29', '目標/（R1）']]);
  });

  it('without rules: a group is centred over its cells; a heading beside them over a year in brackets is none (策定時 over （R2）, then 実績の推移 over R3 … R7)', () => {
    const lines = page(
      [
        100,
        [
          ['成果指標', 40],
          ['策定時', 130],
          ['実績の推移', 250.5],
          ['目標値', 400],
        ],
      ],
      [
        112,
        [
          ['（R2）', 129.5],
          ['（R7）', 399.5],
        ],
      ],
      [
        119,
        [
          ['R3', 190],
          ['R4', 230],
          ['R5', 270],
          ['R6', 310],
          ['R7', 350],
        ],
      ],
    );
    const years = ['R3', 'R4', 'R5', 'R6', 'R7'].map((y) => `実績の推移>${y}`);
    expect(columns(lines)).toEqual([['成果指標', '策定時/（R2）', ...years, '目標値/（R7）']]);
  });

  it('without rules: a heading over the last of a run of years heads that cell alone, the years under no group (目標値 over R7, beside R3 … R7 and 進捗)', () => {
    const lines = page(
      [
        100,
        [
          ['現状値', 130],
          ['目標値', 372],
        ],
      ],
      [
        112,
        [
          ['番号', 10],
          ['成果指標', 40],
          ['（R2）', 129.5],
          ['R3', 190],
          ['R4', 230],
          ['R5', 270],
          ['R6', 310],
          ['R7', 350],
          ['R7', 380],
          ['進捗', 420],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['番号', '成果指標', '現状値/（R2）', 'R3', 'R4', 'R5', 'R6', 'R7', '目標値/R7', '進捗']]);
  });

  it('without vertical rules: a group over two of the headings on the line (令和6年度 over 実績値 | 判定) heads those two alone, by the rule under its cell or, without one, by where it is centred', () => {
    const over = (x: number, target = 300) =>
      page(
        [100, [['令和6年度', x], ...(target === 300 ? [] : ([['指標', 40]] as [string, number][]))]],
        [
          120,
          [
            [target === 300 ? '指標名' : '名', 40],
            ['策定時(R2)', 110],
            ['実績値', 200],
            ['判定', 250],
            ['目標値(R8)', target],
          ],
        ],
      );
    // Centred over 実績値 | 判定 (200–270), and by chance over 策定時 … 目標値 (110–355) too.
    const symmetric = over(210);
    const border: Rule = { at: 110, from: 190, to: 280 };
    const expected = ['指標名', '策定時(R2)', '令和6年度>実績値', '令和6年度>判定', '目標値(R8)'];
    expect(columns(symmetric, [], [border])).toEqual([expected]);
    // Without the rule: a year's group heads no cell that prints a year of its own (策定時(R2), 目標値(R8)).
    expect(columns(symmetric)).toEqual([expected]);
    // Without the rule (指標 / 名 over both rows bounding the run), where it stands off the middle of every longer run.
    expect(columns(over(212, 400))).toEqual([['指標/名', ...expected.slice(1)]]);
  });

  it('a year set at the left of its merged cell (Calc: H29 over 実績値 | 判定, distributed) is their group by the border under that cell alone', () => {
    const lines = page(
      [
        100,
        [
          ['成果指標', 50],
          ['現状', 150],
          ['H29', 250],
          ['目標値', 400],
        ],
      ],
      [
        110,
        [
          ['H26', 150],
          ['R1', 400],
        ],
      ],
      [
        124,
        [
          ['実績値', 250],
          ['判定', 330],
        ],
      ],
    );
    const table: Rule[] = [
      { at: 90, from: 45, to: 440 },
      { at: 130, from: 45, to: 440 },
    ];
    const border: Rule = { at: 116, from: 248, to: 395 };
    expect(columns(lines, [], [...table, border])).toEqual([['成果指標', '現状/H26', 'H29>実績値', 'H29>判定', '目標値/R1']]);
    // Without the border it stands over 実績値 alone, centred over no pair: a heading of two lines.
    expect(columns(lines, [], table)).toEqual([['成果指標', '現状/H26', 'H29/実績値', '判定', '目標値/R1']]);
  });

  it('a group heading spread over its merged cell (Calc: 実　　績　　値 over R2 … R6, each set at its cell’s left) heads every cell under it, in their order; spread over one cell, it is that cell’s', () => {
    const lines = page(
      [
        100,
        [
          ['実', 150],
          ['績', 345],
          ['値', 540],
        ],
      ],
      [
        106,
        [
          ['指標名', 20],
          ['基準値', 90],
          ['目標値', 560],
          ['達成度', 620],
        ],
      ],
      [
        112,
        [
          ['R2', 150],
          ['R3', 230],
          ['R4', 310],
          ['R5', 390],
          ['R6', 470],
        ],
      ],
    );
    // Centred over R3 … R6 (off the middle of R2 … R6 by more than half a cell), stacked with R2 at its left.
    expect(columns(withLetterSpacingJoined(lines, []))).toEqual([
      ['指標名', '基準値', '実績値>R2', '実績値>R3', '実績値>R4', '実績値>R5', '実績値>R6', '目標値', '達成度'],
    ]);
    // Spread over one cell alone (基　準　値 over R2), it is that cell's first line, though centred over R2 | R3.
    const one = page(
      [
        100,
        [
          ['基', 150],
          ['準', 180],
          ['値', 210],
        ],
      ],
      [
        106,
        [
          ['指標名', 20],
          ['目標値', 300],
        ],
      ],
      [
        112,
        [
          ['R2', 150],
          ['R3', 225],
          ['R4', 280],
        ],
      ],
    );
    expect(columns(withLetterSpacingJoined(one, []))).toEqual([['指標名', '基準値/R2', 'R3', 'R4', '目標値']]);
  });

  it('a year over two short headings in wide cells (令和元年度 over 実績 | 評価), nearly as wide as their texts, is their group; a title over the pair runs wider than their cells', () => {
    const lines = page(
      [100, [['令和元年度', 204]]],
      [
        130,
        [
          ['平成26年度', 132],
          ['令和6年度', 276],
        ],
      ],
      [
        141,
        [
          ['番号', 32],
          ['成果指標', 72],
          ['基準値', 143],
          ['実績', 203],
          ['評価', 242],
          ['目標値', 287],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['番号', '成果指標', '平成26年度/基準値', '令和元年度>実績', '令和元年度>評価', '令和6年度/目標値']]);
  });

  it('a year on the first header line with the other headings, set at the top of their cells (2017年度 beside 現状値 over （2014年度）), heads 実績 | 評価 at the bottom of the tall row below', () => {
    const lines = page(
      [
        100,
        [
          ['No.', 61],
          ['数値目標', 109],
          ['現状値', 196],
          ['2017年度', 284],
          ['施策目標', 372],
        ],
      ],
      [
        111,
        [
          ['（2014年度）', 181],
          ['2019年度', 372],
        ],
      ],
      [
        140,
        [
          ['実績', 276],
          ['評価', 329],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['No.', '数値目標', '現状値/（2014年度）', '2017年度>実績', '2017年度>評価', '施策目標/2019年度']]);
  });

  it('a year centred on one heading (2025年度 over 目標値, beside 自己評価 | 主担当課 alone on their line) is that heading’s, not a group over them', () => {
    const lines = page(
      [
        100,
        [
          ['2020年度', 242],
          ['2025年度', 610],
        ],
      ],
      [
        112,
        [
          ['指標名', 20],
          ['項目', 200],
          ['従前値', 249],
          ['2023年度', 426],
          ['2024年度', 487],
          ['2025年度', 548],
          ['目標値', 616],
          ['自己評価', 671],
          ['主担当課', 728],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '項目', '2020年度/従前値', '2023年度', '2024年度', '2025年度', '2025年度/目標値', '自己評価', '主担当課']]);
  });

  it('a year centred over a wide cell and a narrow one (R8 over 実績 | 評価, nearer 実績’s middle than the pair’s) is their group: it stands over neither heading', () => {
    const lines = page(
      [
        100,
        [
          ['目標指標', 77],
          ['R2策定時', 294],
          ['R8', 588],
          ['R8施策目標', 848],
        ],
      ],
      [
        119.5,
        [
          ['実績', 547],
          ['評価', 706],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['目標指標', 'R2策定時', 'R8>実績', 'R8>評価', 'R8施策目標']]);
  });

  it("a year set just after a heading word on its line is the heading's (現状 2014年度), not a column of its own", () => {
    const lines = page([
      100,
      [
        ['成果指標', 20],
        ['現状', 90],
        ['2014年度', 117],
        ['実績値', 190],
        ['目標値', 260],
      ],
    ]);
    expect(columns(lines)).toEqual([['成果指標', '現状 2014年度', '実績値', '目標値']]);
  });

  it('a grouping cell’s number set at the top of its tall cell under the header, left of every heading (Ⅰ over its title), is no heading', () => {
    const lines = page(
      [
        100,
        [
          ['基本目標', 60],
          ['指標名', 150],
          ['基準値', 230],
          ['目標値', 290],
        ],
      ],
      [115, [['Ⅰ', 20]]],
      [126, [['公共交通の創出', 20]]],
      [
        137,
        [
          ['道の駅相談件数', 150],
          ['82', 240],
          ['69', 300],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['基本目標', '指標名', '基準値', '目標値']]);
  });

  it('a heading that names its year (R2現状値) takes no year beside it: R4実績値 less than an em after it is a column of its own', () => {
    const lines = page([
      100,
      [
        ['成果指標', 20],
        ['R2現状値', 90],
        ['R4実績値', 140],
        ['R7目標値', 200],
      ],
    ]);
    expect(columns(lines)).toEqual([['成果指標', 'R2現状値', 'R4実績値', 'R7目標値']]);
  });

  it('so is a year whose text begins with a typed space, though it stands over an em after the word (現状値 H26 in a browser print)', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['現状値', 90],
        [' H26', 132],
        ['実績値', 200],
        ['目標値', 260],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', '現状値 H26', '実績値', '目標値']]);
  });

  it("a row of years a tall spreadsheet row below the headings is the header's second row (実績 over 令和2年度 | 令和3年度 | 令和4年度)", () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 90],
          ['実績', 220],
          ['目標値', 330],
        ],
      ],
      [
        135,
        [
          ['令和2年度', 150],
          ['令和3年度', 210],
          ['令和4年度', 270],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '実績>令和2年度', '実績>令和3年度', '実績>令和4年度', '目標値']]);
  });

  it('two years a narrow print set so close that they make one phrase (令和3年度 令和4年度) are two headings', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 90],
          ['実績', 210],
          ['目標値', 330],
        ],
      ],
      [
        112,
        [
          ['令和2年度', 150],
          ['令和3年度', 205],
          [' 令和4年度', 253],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '実績>令和2年度', '実績>令和3年度', '実績>令和4年度', '目標値']]);
  });

  it('headings of roles a narrow print set so close that they make one phrase (従前値(R1) 実績(R4) 目標値(R7)) are one heading each; a role and its year stay one', () => {
    const lines = page([
      100,
      [
        ['No.', 10],
        ['指標名', 40],
        // Writer's runs: each cell's text, and a space run of 0.4 em between them.
        ['従前値(R1)', 110],
        [' ', 162],
        ['実績(R4)', 166],
        [' ', 208],
        ['目標値(R7)', 212],
        ['現状値', 300],
        [' ', 330],
        ['R2', 334],
        ['評価', 370],
      ],
    ]);
    expect(columns(lines)).toEqual([['No.', '指標名', '従前値(R1)', '実績(R4)', '目標値(R7)', '現状値 R2', '評価']]);
  });

  it('a role naming its year and a year 0.33 em after it (現状値（H26） H27: Writer’s cells without padding) are two headings; a role naming none and its year stay one', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['現状値（H26）', 83.5],
        [' ', 150],
        ['H27', 153.3],
        ['H28', 200],
        ['目標値', 240],
        [' ', 270],
        ['R1', 273.3],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', '現状値（H26）', 'H27', 'H28', '目標値 R1']]);
  });

  it('a year of Western letters whose glyphs are wide (R5 at 1.52 em) is no text letter-spaced over its cells: centred over 実績値 | 評価, it is their group', () => {
    const wide = (text: string, x: number, baseline: number, width: number): TextRun => ({ text, x, baseline, width, size: SIZE, font: 'f' });
    const lines = linesOf(
      phrasesOf([
        wide('R5', 162.4, 100, 15.2),
        run('指標名', 20, 110),
        run('基準値 R1', 60, 110),
        run('目標 R7', 260, 110),
        run('実績値', 120, 120),
        run('評価', 200, 120),
      ]),
    );
    expect(columns(lines)).toEqual([['指標名', '基準値 R1', 'R5>実績値', 'R5>評価', '目標 R7']]);
  });

  it('a year set before its role a space apart (R2 現状値 | R7 実績値: LibreOffice’s autospace, read as a space in a reprint) is the role’s', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['R2', 83.5],
        [' ', 93.5],
        ['現状値', 96.8],
        ['R7', 153.3],
        [' ', 163.3],
        ['実績値', 166.6],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', 'R2 現状値', 'R7 実績値']]);
  });

  it('two headings of roles set edge to edge, the first filling its cell, are two headings (進捗状況（成果と積み残し） | 今後の方針: Writer justifies without padding); a role and its year stay one', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['基準値', 80],
        ['（', 110],
        ['R1', 120],
        ['）', 131],
        ['実績値', 150],
        ['進捗状況（成果と積み残し）', 200],
        // 0.03 em after the first heading's end (330): no phrase's gap, no space.
        ['今後の方針', 330.3],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', '基準値（R1）', '実績値', '進捗状況（成果と積み残し）', '今後の方針']]);
  });

  it('a role heading closed by its year in brackets and a role heading touching it (基準値（平成26年度）|実績値: Writer’s cells without padding) are two headings, short as they are together', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['単位', 80],
        ['基準値（平成26年度）', 110],
        ['実績値', 211],
        ['目標値', 300],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', '単位', '基準値（平成26年度）', '実績値', '目標値']]);
  });

  it('a group set flush left over the years after it (実績値 over 平成27年度 | 平成28年度 | 平成29年度: Writer starts each heading at its cell’s left side) heads those years', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['実績値', 190],
          ['目標値', 400],
        ],
      ],
      [
        112,
        [
          ['平成27年度', 190],
          ['平成28年度', 260],
          ['平成29年度', 330],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '実績値>平成27年度', '実績値>平成28年度', '実績値>平成29年度', '目標値']]);
  });

  it('two headings of roles a reprint drew in one run (進捗状況（成果と積み残し）今後の方針: cairo) are cut where the second opens with its words, never inside brackets', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['基準値', 80],
        ['実績値', 150],
        ['進捗状況（成果と積み残し）今後の方針', 200],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', '基準値', '実績値', '進捗状況（成果と積み残し）', '今後の方針']]);
  });

  it('two years set edge to edge under their roles are two years ((2019年度)|(2019年度): Writer sets cells without padding), and the header takes their line', () => {
    // Each year fills its cell: the second starts 0.04 em after the first ends (305.6), no phrase's gap.
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['現状値', 186],
          ['実績', 246],
          ['目標値', 306],
          ['達成率', 366],
        ],
      ],
      [
        111,
        [
          ['2014年度', 186],
          ['（', 246],
          ['2019', 256],
          ['年度）', 278.6],
          ['（', 306],
          ['2019', 316],
          ['年度）', 338.6],
        ],
      ],
      [
        130,
        [
          ['観光客数', 20],
          ['1,258', 200],
          ['1,399', 260],
          ['2,616', 320],
          ['10.4%', 370],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '現状値/2014年度', '実績/（2019年度）', '目標値/（2019年度）', '達成率']]);
  });

  it('a role carrying its year and the next column’s year set half an em after it are two headings (基準値（R1） R2: Writer, no padding)', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値（', 80],
          ['R1', 120],
          ['）', 131],
          // 0.5 em after the bracket: one phrase with a space.
          ['R2', 146],
          ['R3', 190],
          ['目標値（R3）', 230],
        ],
      ],
      [
        120,
        [
          ['観光客数', 20],
          ['1,258', 110],
          ['1,399', 160],
          ['1,420', 200],
          ['2,616', 260],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値（R1）', 'R2', 'R3', '目標値（R3）']]);
  });

  it('a title above the header naming 指標 is not a heading', () => {
    const lines = page(
      [80, [['成果指標の達成状況（令和7年度）について', 0]]],
      [
        92,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['実績値', 170],
          ['目標値', 230],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '実績値', '目標値']]);
  });

  it('header rows: two where a rule parts a heading from the year under it in a cell of its own (基準値 over （H26）), else one', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['実績値', 170],
        ],
      ],
      [110, [['（H26）', 108]]],
    );
    const rules = [0, 100, 160, 220].map((x) => vertical(x, 88, 115));
    const rowsOf = (horizontal: Rule[]) => findTableHeads(lines, rules, horizontal).map((h) => h.rows);
    expect(rowsOf([])).toEqual([1]);
    expect(rowsOf([{ at: 102.5, from: 100, to: 160 }])).toEqual([2]);
    // Around the header, not inside it: one row.
    expect(rowsOf([{ at: 88, from: 0, to: 220 }])).toEqual([1]);
  });

  it('header rows: two also where the table has no vertical rules, only the rule under the headings over their years (a Calc print with horizontal rules)', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['実績値', 170],
        ],
      ],
      [
        110,
        [
          ['R1', 115],
          ['R3', 175],
        ],
      ],
    );
    const rowsOf = (horizontal: Rule[]) => findTableHeads(lines, [], horizontal).map((h) => h.rows);
    expect(rowsOf([{ at: 88, from: 0, to: 220 }])).toEqual([1]);
    expect(
      rowsOf([
        { at: 88, from: 0, to: 220 },
        { at: 102.5, from: 100, to: 220 },
      ]),
    ).toEqual([2]);
  });

  it("header rows: two where a borderless header sets a heading over its year farther apart than the lines of one cell (a spreadsheet's 現状 over H26)", () => {
    const rowsAt = (gap: number) =>
      findTableHeads(
        page(
          [100, [['現状値', 110]]],
          [
            100 + gap,
            [
              ['指標名', 20],
              ['H26', 112],
              ['目標値', 170],
              ['達成度', 230],
            ],
          ],
        ),
        [],
        [],
      ).map((h) => [h.rows, h.columns.map((c) => c.heading.replace(/\n/g, '/'))]);
    expect(rowsAt(12)).toEqual([[1, ['指標名', '現状値/H26', '目標値', '達成度']]]);
    expect(rowsAt(22)).toEqual([[2, ['指標名', '現状値/H26', '目標値', '達成度']]]);
  });

  it('header rows told again at the pitch of a cell’s lines the body shows: 令和2年度 over 現状 1.6 em apart are two rows where a wrapped cell’s lines stand 1.2 em apart, one where they stand 1.6 em apart', () => {
    const [head] = findTableHeads(
      page(
        [
          100,
          [
            ['指標名', 20],
            ['項目', 75],
            ['令和2年度', 110],
            ['令和3年度', 170],
            ['達成度', 230],
          ],
        ],
        [116, [['現状', 118]]],
      ),
      [],
      [],
    );
    expect(head!.rows).toBe(1);
    expect([1.2, 1.6].map((pitch) => headerRowsAtPitch(head!, pitch))).toEqual([2, 1]);
    expect(headerRowsAtPitch(head!, null)).toBe(1);
    // No cell showing the pitch: the body's rows of one line bound it. Farther apart than rows stand
    // (1.45 em), the heading's lines are in two rows; as far apart as rows without padding, in one.
    const byRowStep: [rowStep: number, rows: number][] = [
      [1.45, 2],
      [1.52, 2],
      [1.6, 1],
      [2.2, 1],
    ];
    expect(byRowStep.map(([rowStep]) => [rowStep, headerRowsAtPitch(head!, null, null, rowStep)])).toEqual(byRowStep);
  });

  it('ends the header over the first row’s grouping cell whose label, the word its heading prints, is wrapped before its number (基本目標 | Ⅰ 市内オ… under 基本目標)', () => {
    const heads = (second: string) =>
      findTableHeads(
        page(
          [
            100,
            [
              ['基本目標', 20],
              ['指標名', 80],
              ['実績値', 160],
              ['判定', 220],
            ],
          ],
          [113, [['基本目標', 20]]],
          [126, [[second, 20]]],
        ),
        [],
        [],
      ).map((h) => [h.rows, h.columns.map((c) => c.heading.replace(/\n/g, '/'))]);
    expect(heads('Ⅰ 市内')).toEqual([[1, ['基本目標', '指標名', '実績値', '判定']]]);
  });

  it('leaves out of the header a legend’s line wrapped at the page’s right edge onto the line over it (c 初期値よ | りも指標が悪化している － 実績なし)', () => {
    const heads = (tail: [string, number][]) =>
      findTableHeads(
        page(
          [
            100,
            [
              ['【達成度】', 0],
              ['a 順調に進んでいる', 60],
              ['b 改善している', 180],
              ['c 初期値よ', 300],
            ],
          ],
          [111, tail],
          [
            130,
            [
              ['番号', 10],
              ['成果指標', 60],
              ['現状値', 160],
              ['目標値', 220],
              ['達成率', 280],
            ],
          ],
          [
            145,
            [
              ['1', 10],
              ['観光客数', 60],
              ['100', 160],
              ['120', 220],
              ['50%', 280],
            ],
          ],
        ),
        [],
        [],
      ).map((h) => [h.rows, h.columns.map((c) => c.heading.replace(/\n/g, '/'))]);
    const header = [1, ['番号', '成果指標', '現状値', '目標値', '達成率']];
    expect(heads([['りも指標が悪化している', 0]])).toEqual([header]);
    expect(
      heads([
        ['りも指標が悪化している', 0],
        ['－ 実績なし', 100],
      ]),
    ).toEqual([header]);
  });

  it('ends the header over the first row’s grouping cell whose label and number stand alone over its title, the cell set low (第1章 | ふるさと納税の振興 under 基本目標)', () => {
    const heads = (first: string) =>
      findTableHeads(
        page(
          [
            100,
            [
              ['番号', 0],
              ['基本目標', 60],
              ['指標名', 140],
              ['実績値', 200],
              ['判定', 260],
            ],
          ],
          [113, [[first, 30]]],
          [
            122,
            [
              ['(1)', 0],
              ['ふるさと納税の振興', 30],
              ['観光客数', 140],
              ['100', 200],
              ['A', 260],
            ],
          ],
        ),
        [],
        [],
      ).map((h) => [h.rows, h.columns.map((c) => c.heading.replace(/\n/g, '/'))]);
    expect(heads('第1章')).toEqual([[1, ['番号', '基本目標', '指標名', '実績値', '判定']]]);
    expect(heads('基本目標1')).toEqual([[1, ['番号', '基本目標', '指標名', '実績値', '判定']]]);
  });

  it('header rows told again at the pitch of lines sure to be one cell’s (a count table’s wrapped label): a heading over its year at that very pitch is one cell, past it or short of it two rows', () => {
    // Writer sets a cell's lines 1.72 em apart, its one-line rows 1.67 em: 現状値 over （R1） 1.72 em apart.
    const cases: [step: number, wrapped: number | null, rows: number][] = [
      [17.2, 1.72, 1],
      [17.3, 1.72, 1],
      [16.7, 1.72, 2],
      [18.0, 1.72, 2],
      [17.2, null, 2],
    ];
    for (const [step, wrapped, rows] of cases) {
      const [head] = findTableHeads(
        page(
          [
            100,
            [
              ['指標名', 20],
              ['現状値', 110],
              ['目標値', 170],
              ['達成度', 230],
            ],
          ],
          [100 + step, [['（R1）', 108]]],
        ),
        [],
        [],
      );
      expect([step, wrapped, headerRowsAtPitch(head!, 1.67, wrapped)]).toEqual([step, wrapped, rows]);
    }
  });

  it('a rule under the header drawn cell by cell (Chromium’s borders) closes it: a banner over merged cells below (数値目標) is no heading', () => {
    const lines = page(
      [
        100,
        [
          ['番号', 20],
          ['指標名', 60],
          ['基準値', 150],
          ['目標値', 210],
        ],
      ],
      [116, [['数値目標', 14]]],
    );
    const edges = [10, 50, 140, 200, 260];
    const pieces = (at: number) => edges.slice(1).map((to, k): Rule => ({ at, from: edges[k]!, to }));
    const heads = findTableHeads(lines, [], [...pieces(90), ...pieces(106), ...pieces(122)]).map((h) => [h.rows, h.columns.map((c) => c.heading)]);
    expect(heads).toEqual([[1, ['番号', '指標名', '基準値', '目標値']]]);
  });

  it('a header of two tall rows without rules: headings over their years in brackets (基準値 over （令和2年度）, 目標 over （令和8年度）) 4.5 em above the line of the others', () => {
    const heads = findTableHeads(
      page(
        [
          100,
          [
            ['基準値', 110],
            ['目標値', 290],
          ],
        ],
        [
          145,
          [
            ['指標名', 20],
            ['区分', 65],
            ['（令和2年度）', 95],
            ['令和3年度', 175],
            ['令和4年度', 225],
            ['（令和8年度）', 275],
            ['達成度', 360],
          ],
        ],
      ),
      [],
      [],
    ).map((h) => [h.rows, h.columns.map((c) => c.heading.replace(/\n/g, '/'))]);
    expect(heads).toEqual([[2, ['指標名', '区分', '基準値/（令和2年度）', '令和3年度', '令和4年度', '目標値/（令和8年度）', '達成度']]]);
  });

  it('a comment block’s heading under a header printed again (≪今後の方向性≫ at a page’s top) is no heading, though it names a comment column’s words', () => {
    const heads = findTableHeads(
      page(
        [
          100,
          [
            ['No', 20],
            ['成果指標', 60],
            ['現状値', 150],
            ['目標値', 230],
          ],
        ],
        [112, [['≪今後の方向性≫', 17]]],
      ),
      [],
      [],
    ).map((h) => h.columns.map((c) => c.heading));
    expect(heads).toEqual([['No', '成果指標', '現状値', '目標値']]);
  });

  it('a heading wrapped inside its brackets (目標値（令和7年 | 度）) is one heading of one row, without rules and however loose the pitch', () => {
    const heads = findTableHeads(
      page(
        [
          100,
          [
            ['指標名', 20],
            ['現状値', 110],
            ['目標値（令和7年', 170],
            ['達成度', 280],
          ],
        ],
        [118, [['度）', 200]]],
      ),
      [],
      [],
    ).map((h) => [h.rows, h.columns.map((c) => c.heading)]);
    expect(heads).toEqual([[1, ['指標名', '現状値', '目標値（令和7年度）', '達成度']]]);
  });

  it.each([
    [4.5, ['指標名', '基準値/（R1）', '実績/（R6）', '目標値/（R6）']],
    [7, ['指標名', '（R1）', '（R6）', '（R6）']],
  ])(
    'headings over a rule under their columns alone, %s em above the row of their years and the other headings (a tall Calc row): one header',
    (gapEm, headings) => {
      const lower = 100 + SIZE + gapEm * SIZE;
      const lines = page(
        [
          100,
          [
            ['基準値', 110],
            ['実績', 175],
            ['目標値', 230],
          ],
        ],
        [
          lower,
          [
            ['指標名', 10],
            ['（R1）', 105],
            ['（R6）', 165],
            ['（R6）', 225],
          ],
        ],
      );
      const horizontal = [
        { at: 88, from: 0, to: 300 },
        { at: 104, from: 100, to: 280 },
        { at: lower + 4, from: 0, to: 300 },
      ];
      expect(columns(lines, [], horizontal)).toEqual([headings]);
    },
  );

  it('a group heading whose rule falls below the next line (実績 over its years, 現状値 | 目標値 set lower in cells spanning both rows) stays in the header', () => {
    const years = ['R3', 'R4', 'R5', 'R6', 'R7'];
    const lines = page(
      [100, [['実績', 275]]],
      [
        106,
        [
          ['現状値', 75],
          ['目標値', 475],
        ],
      ],
      [
        114,
        [
          ['指標名', 5],
          ['判定', 525],
        ],
      ],
      [
        120,
        [
          ['2020年度', 55],
          ['2026年度', 465],
        ],
      ],
      [128, years.map((y, k): [string, number] => [y, 135 + 70 * k])],
    );
    const rules = [0, 50, 110, 180, 250, 320, 390, 460, 520, 560].map((x) => vertical(x, 90, 134));
    const spanned = rules.map((r) => (r.at > 110 && r.at < 460 ? { ...r, from: 108 } : r));
    // The group's rule, under 実績, runs below the line of 現状値 and 目標値 and across most of it.
    const horizontal = [
      { at: 90, from: 0, to: 560 },
      { at: 108, from: 110, to: 460 },
      { at: 134, from: 0, to: 560 },
    ];
    expect(columns(lines, spanned, horizontal)).toEqual([['指標名', '現状値/2020年度', ...years.map((y) => `実績>${y}`), '目標値/2026年度', '判定']]);
  });

  it('roles over a rule under their columns alone, their years below it, the other headings set between (No | 成果指標 | 進捗): one header of two rows', () => {
    const lines = page(
      [
        100,
        [
          ['現状値', 120],
          ['目標値', 180],
          ['実績値', 240],
        ],
      ],
      [
        107,
        [
          ['No', 37],
          ['成果指標', 60],
          ['進捗', 290],
        ],
      ],
      [
        114,
        [
          ['令和元年度', 110],
          ['令和7年度', 170],
          ['令和4年度', 230],
        ],
      ],
    );
    // The rule under the roles runs across most of the two lines above it, not of the table.
    const horizontal = [
      { at: 88, from: 27, to: 315 },
      { at: 109, from: 105, to: 280 },
      { at: 120, from: 27, to: 315 },
    ];
    expect(columns(lines, [], horizontal)).toEqual([['No', '成果指標', '現状値/令和元年度', '目標値/令和7年度', '実績値/令和4年度', '進捗']]);
  });

  it('a legend of one item set without a colon above the header (【評価】 | - 横ばい・実績なし) is not taken into it', () => {
    const lines = page(
      [
        100,
        [
          ['【評価】', 5],
          ['- 横ばい・実績なし', 60],
        ],
      ],
      [
        112,
        [
          ['成果指標', 5],
          ['現状値', 110],
          ['実績', 170],
          ['目標値', 220],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['成果指標', '現状値', '実績', '目標値']]);
  });

  it.each([
    ['a title wrapped above the table (の推進 over 番号) stays out of the header', 'の推進', '番号', ['番号', '成果指標', '実績', '目標値']],
    ['a piece that makes a heading with the one below (番 over 号) is in it', '番', '号', ['番号', '成果指標', '実績', '目標値']],
  ])('%s', (_, piece, first, headings) => {
    const lines = page(
      [100, [[piece, 8]]],
      [
        112,
        [
          [first, 10],
          ['成果指標', 60],
          ['実績', 170],
          ['目標値', 220],
        ],
      ],
    );
    expect(columns(lines).map((h) => h.map((heading) => heading.replace('/', '')))).toEqual([headings]);
  });

  it.each([
    ['1.1 em', 111],
    ['1.65 em (Writer’s leading)', 116.5],
  ])('the wrapped end of a legend’s line above the header (… 理由により | 評価できない), %s under it, is the legend’s, though it names 評価', (_, tail) => {
    const lines = page(
      [
        100,
        [
          ['A 順調', 5],
          ['B 遅れ', 60],
          ['－ 把握できない等の理由により', 120],
        ],
      ],
      [tail, [['評価できない', 5]]],
      [
        136,
        [
          ['No.', 5],
          ['指標名', 40],
          ['基準値', 110],
          ['目標値', 170],
          ['評価', 230],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['No.', '指標名', '基準値', '目標値', '評価']]);
  });

  it('the wrapped end of a cell of a table above the header (基本目標Ⅰ 2 0 2 | 農林水産業の | 充実) is that cell’s, though short as a heading’s piece', () => {
    const lines = page(
      [
        100,
        [
          ['基本目標Ⅰ', 5],
          ['2', 90],
          ['0', 120],
          ['2', 150],
        ],
      ],
      [111, [['農林水産業の', 5]]],
      [122, [['充実', 5]]],
      [
        136,
        [
          ['基本施策', 30],
          ['指標名', 110],
          ['基準値', 190],
          ['目標値', 250],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['基本施策', '指標名', '基準値', '目標値']]);
  });

  it('the wrapped end of a count table’s label under the row’s counts, centred between the label’s lines (Ⅲ 移住観光づ | 1 0 1 | くり), is that label’s, though short as a heading’s piece', () => {
    const lines = page(
      [100, [['Ⅲ 移住観光づ', 5]]],
      [
        105.5,
        [
          ['1', 90],
          ['0', 120],
          ['1', 150],
        ],
      ],
      [111, [['くり', 5]]],
      [
        137,
        [
          ['指標名', 10],
          ['基準値', 190],
          ['目標値', 250],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '目標値']]);
  });

  it('a group’s heading centred over its years a tall row above, the years a line under the headings beside them (施策目標の達成状況 over 令和2年度 … beside 現状値 over （R1）, bottom-set), is their group', () => {
    const lines = page(
      [95, [['施策目標の達成状況', 220]]],
      [
        125,
        [
          ['現状値', 110],
          ['目標値', 370],
        ],
      ],
      [
        136,
        [
          ['指標名', 20],
          ['（R1）', 112],
          ['令和2年度', 180],
          ['令和3年度', 240],
          ['令和4年度', 300],
          ['（R4）', 372],
        ],
      ],
    );
    expect(columns(lines)).toEqual([
      ['指標名', '現状値/（R1）', '施策目標の達成状況>令和2年度', '施策目標の達成状況>令和3年度', '施策目標の達成状況>令和4年度', '目標値/（R4）'],
    ]);
  });

  it('a year centred over the headings of a line a tall row below (令和4年度 over 実績 | 達成度), no rule drawn, is their group', () => {
    const lines = page(
      [
        100,
        [
          ['No.', 5],
          ['数値目標', 40],
          ['現状値', 120],
          ['令和4年度', 220],
          ['目標値', 300],
        ],
      ],
      [
        130,
        [
          ['実績', 205],
          ['達成度', 245],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['No.', '数値目標', '現状値', '令和4年度>実績', '令和4年度>達成度', '目標値']]);
  });

  it('a heading centred over a run of years a tall row below (実績値 over H27 | H28 | H29, the other headings set at the row’s bottom), no rule drawn, is their group', () => {
    const lines = page(
      [100, [['実績値', 215]]],
      [
        128,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['H27', 185],
          ['H28', 228],
          ['H29', 270],
          ['目標値', 330],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '基準値', '実績値>H27', '実績値>H28', '実績値>H29', '目標値']]);
  });

  it('a year close after a heading that names its year already (現状値（令和元年度） | 令和2年度, 0.7 em apart) is a column of its own', () => {
    const lines = page([
      100,
      [
        ['指標名', 20],
        ['現状値（令和元年度）', 80],
        ['令和2年度', 187],
        ['令和3年度', 240],
        ['目標値', 300],
      ],
    ]);
    expect(columns(lines)).toEqual([['指標名', '現状値（令和元年度）', '令和2年度', '令和3年度', '目標値']]);
  });

  it('a heading wrapped inside its brackets a line over the others (目標（令和7年 over 度）, set at the bottom of its cell) is one heading, no group over its neighbours', () => {
    const lines = page(
      [100, [['目標（令和7年', 200]]],
      [
        110,
        [
          ['指標名', 20],
          ['令和6年度', 140],
          ['度）', 220],
          ['判定', 290],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '令和6年度', '目標（令和7年度）', '判定']]);
  });

  it('headings set over two tall rows (平成26年度 over 従前値, 令和元年度 over 目標値), the others in cells spanning both set at the top, no rule drawn: one header of two rows', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['項目', 70],
          ['平成27年度', 180],
          ['平成28年度', 245],
          ['判定', 375],
        ],
      ],
      [
        106,
        [
          ['平成26年度', 110],
          ['令和元年度', 310],
        ],
      ],
      [
        135,
        [
          ['従前値', 120.5],
          ['目標値', 320],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '項目', '平成26年度/従前値', '平成27年度', '平成28年度', '令和元年度/目標値', '判定']]);
    expect(findTableHeads(lines, [], []).map((h) => h.rows)).toEqual([2]);
  });

  it('a heading over a year (初期値 over H26) keeps its year though a group beside it stands centred over that year too (実績値 over H26 … R1 as over H27 … R1)', () => {
    const lines = page(
      [100, [['実績値', 317]]],
      [
        110,
        [
          ['初期値', 158],
          ['目標値', 478],
        ],
      ],
      [
        119,
        [
          ['指標名', 70],
          ['H26', 164],
          ['H27', 223],
          ['H28', 282],
          ['H29', 340],
          ['H30', 399],
          ['R1', 445],
          ['（R1）', 480],
          ['評価', 529],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['指標名', '初期値/H26', '実績値>H27', '実績値>H28', '実績値>H29', '実績値>H30', '実績値>R1', '目標値/（R1）', '評価']]);
  });

  it('a group’s rule that runs beside the line below it (（H26） under 現状, set a little higher than the years under 実績値) keeps both lines in the header', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 5],
          ['現状', 70],
          ['実績値', 175],
          ['目標', 300],
        ],
      ],
      [
        110,
        [
          ['（H26）', 62],
          ['（R1）', 295],
        ],
      ],
      [
        116,
        [
          ['H27', 140],
          ['H28', 200],
          ['H29', 250],
        ],
      ],
    );
    // The rule under 実績値 falls between the first line and the second's middle; it spans most of the first.
    const horizontal = [
      { at: 88, from: 0, to: 340 },
      { at: 104, from: 105, to: 298 },
      { at: 120, from: 0, to: 340 },
    ];
    expect(columns(lines, [], horizontal)).toEqual([['指標名', '現状/（H26）', '実績値>H27', '実績値>H28', '実績値>H29', '目標/（R1）']]);
  });

  it('a group heading over a rule under its columns alone stays in the header, however wide its span or tall its row (実績値 over R2 … R7)', () => {
    const years = ['R2', 'R3', 'R4', 'R5', 'R6', 'R7'];
    const lines = page(
      [100, [['実績値', 230]]],
      [128, [['指標名', 5], ['基準値', 60], ...years.map((y, k): [string, number] => [y, 110 + 40 * k]), ['目標値', 350]]],
    );
    const rules = [0, 50, 100, 140, 180, 220, 260, 300, 340, 390].map((x) => vertical(x, 90, 135));
    const spanned = rules.map((r) => (r.at > 100 && r.at < 340 ? { ...r, from: 106 } : r));
    // The group's rule spans 240 of the header's 390 points, and its row is 2.8 em above the headings.
    const horizontal = [
      { at: 90, from: 0, to: 390 },
      { at: 106, from: 100, to: 340 },
      { at: 135, from: 0, to: 390 },
    ];
    expect(columns(lines, spanned, horizontal)).toEqual([['指標名', '基準値', ...years.map((y) => `実績値>${y}`), '目標値']]);
    // A line above the table's top rule is no group's, though it stands over part of it.
    const above = page(
      [80, [['充実', 5]]],
      [
        100,
        [
          ['指標名', 5],
          ['基準値', 60],
          ['目標値', 350],
        ],
      ],
    );
    expect(
      columns(
        above,
        [],
        [
          { at: 85, from: 0, to: 60 },
          { at: 90, from: 0, to: 390 },
        ],
      ),
    ).toEqual([['指標名', '基準値', '目標値']]);
  });

  it('a group heading set on the line of the headings beside it (cells spanning both rows set at their top) keeps the years under its rule (実績値 over 令和2年度 … 令和6年度)', () => {
    const years = ['令和2年度', '令和3年度', '令和4年度', '令和5年度', '令和6年度'];
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['実績値', 295],
          ['目標値', 470],
        ],
      ],
      [114, years.map((y, k): [string, number] => [y, 165 + 60 * k])],
    );
    const rules = [0, 100, 160, 220, 280, 340, 400, 460, 520].map((x) => vertical(x, 90, 120));
    const spanned = rules.map((r) => (r.at > 160 && r.at < 460 ? { ...r, from: 104 } : r));
    // The group's rule spans 300 of the header's 480 points: as much as a rule under the whole header would.
    const horizontal = [
      { at: 90, from: 0, to: 520 },
      { at: 104, from: 160, to: 460 },
      { at: 120, from: 0, to: 520 },
    ];
    expect(columns(lines, spanned, horizontal)).toEqual([['指標名', '基準値', ...years.map((y) => `実績値>${y}`), '目標値']]);
    // A line above the table's top rule is no group's heading, though the rule runs over the headings under it.
    const legend = page(
      [
        80,
        [
          ['続く', 0],
          ['－ 実績なし', 40],
        ],
      ],
      [
        100,
        [
          ['指標名', 20],
          ['基準値', 110],
          ['目標値', 330],
        ],
      ],
    );
    expect(columns(legend, [], [{ at: 88, from: 10, to: 380 }])).toEqual([['指標名', '基準値', '目標値']]);
  });

  it('a group’s rule beside headings stacked over their years in one cell each (基準値 over R2, 実績 over R3 … R9, 目標値 over （R9）; Chromium without vertical rules) keeps the years under it', () => {
    const years = ['R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'];
    const lines = page(
      [
        100,
        [
          ['基準値', 105],
          ['実績', 350],
          ['目標値', 590],
        ],
      ],
      [
        106,
        [
          ['指標名', 20],
          ['担当課', 650],
        ],
      ],
      [112, [['R2', 115], ...years.map((y, k): [string, number] => [y, 185 + 60 * k]), ['（R9）', 590]]],
    );
    // The rules drawn cell by cell: the table's top, the group's under 実績 over its years alone (most of
    // the header's width), the header's foot.
    const edges = [0, 100, 160, 220, 280, 340, 400, 460, 520, 580, 640, 700];
    const cells = (at: number, xs: number[]) => xs.slice(1).map((to, k) => ({ at, from: xs[k]!, to }));
    const horizontal = [...cells(88, edges), ...cells(102, edges.slice(2, -2)), ...cells(118, edges)];
    expect(columns(lines, [], horizontal)).toEqual([['指標名', '基準値/R2', ...years.map((y) => `実績>${y}`), '目標値/（R9）', '担当課']]);
  });

  it('with rules: a heading the printer wrapped in a narrow cell is one line again (現状値（平成26年 | 度）, 番 | 号); one parted on purpose keeps its break (基準値 | （R2）)', () => {
    const lines = page(
      [
        100,
        [
          ['番', 3],
          ['指標名', 30],
          ['現状値（平成26年', 92],
          ['基準値', 192],
        ],
      ],
      [
        110,
        [
          ['号', 3],
          ['度）', 120],
          ['（R2）', 190],
        ],
      ],
    );
    // Cells 0–14 | 14–90 | 90–172 | 172–236: 現状値（平成26年 is 76.5 pt of a cell of 82, and 度） would not have fitted after it.
    const rules = [0, 14, 90, 172, 236].map((x) => vertical(x, 90, 115));
    expect(columns(lines, rules)).toEqual([['番号', '指標名', '現状値（平成26年度）', '基準値/（R2）']]);
  });

  it('with rules: a name’s gloss in brackets that would not have fitted after it is the printer’s wrap (重要業績評価指標 | （KPI）); a word over its year stays parted though it would not have fitted either (基準値 | （令和2年度）)', () => {
    const lines = page(
      [
        100,
        [
          ['番号', 3],
          ['重要業績評価指標', 32],
          ['実績値', 130],
          ['基準値', 190],
        ],
      ],
      [
        110,
        [
          ['（KPI）', 54],
          ['（令和2年度）', 174],
        ],
      ],
    );
    // Cells 0–26 | 26–118 | 118–172 | 172–242: 重要業績評価指標 is 80 pt of a cell of 92, and （KPI） (36.5 pt, a Latin word is never broken) would not have fitted after it.
    const rules = [0, 26, 118, 172, 242].map((x) => vertical(x, 90, 115));
    expect(columns(lines, rules)).toEqual([['番号', '重要業績評価指標（KPI）', '実績値', '基準値/（令和2年度）']]);
  });

  it('a count table’s label wrapped onto a line right over the header (基本目標Ⅱ 有害鳥獣の | 0 2 | 整備) is left out of it', () => {
    const lines = page(
      [
        100,
        [
          ['基本目標', 20],
          ['S', 120],
          ['A', 150],
          ['合計', 180],
        ],
      ],
      [112, [['基本目標Ⅱ 有害鳥獣の', 20]]],
      [
        118,
        [
          ['0', 122],
          ['2', 152],
          ['2', 185],
        ],
      ],
      [124, [['整備', 20]]],
      [
        136,
        [
          ['重要業績評価指標（KPI）', 20],
          ['現状値', 180],
          ['実績値', 230],
          ['目標', 280],
          ['達成度', 320],
        ],
      ],
    );
    expect(columns(lines)).toEqual([['重要業績評価指標（KPI）', '現状値', '実績値', '目標', '達成度']]);
  });

  it('a group heading a line higher than the headings’ wrapped years beside it (令和7年度 beside 現状 | （令和2年度）) keeps its columns’ row, however tall its own row', () => {
    const lines = page(
      [
        100,
        [
          ['指標名', 20],
          ['現状', 90],
          ['令和7年度', 150],
          ['目標値', 240],
        ],
      ],
      [
        110,
        [
          ['（令和2年度）', 70],
          ['（令和8年度）', 220],
        ],
      ],
      [
        140,
        [
          ['実績値', 145],
          ['判定', 190],
        ],
      ],
    );
    const rules = [
      { at: 90, from: 10, to: 300 },
      { at: 126, from: 140, to: 215 },
    ];
    expect(columns(lines, [], rules)).toEqual([['指標名', '現状/（令和2年度）', '令和7年度>実績値', '令和7年度>判定', '目標値/（令和8年度）']]);
  });

  it('no name column: no KPI table', () => {
    expect(
      columns(
        page([
          100,
          [
            ['区分', 0],
            ['件数', 60],
            ['合計', 120],
          ],
        ]),
      ),
    ).toEqual([]);
  });
});
