import { describe, expect, it } from 'vitest';
import {
  type Column,
  type ColumnSpec,
  columnOfPhrase,
  columnsRuledOn,
  findHeader,
  hasLabel,
  piecesOf,
  refineColumns,
  rowBoundaries,
  splitAtColumns,
  splitLinesAtColumns,
} from './grid.js';
import { type Line, linesOf, makeLine, phrasesOf } from './layout.js';
import type { Rule, TextRun } from './pdf.js';

/**
 * The grid on tiny synthetic pages at 10 pt: Japanese characters one em wide, Latin letters and
 * digits 0.55 em, lines 12 pt apart. Lines are made from runs as a PDF gives them.
 */
const SIZE = 10;
const PITCH = 12;
const widthOf = (text: string) => [...text].reduce((w, c) => w + (c.codePointAt(0)! > 0x2000 ? SIZE : 0.55 * SIZE), 0);
/** A text set right against `edge`, as a figure in its cell. */
const right = (text: string, edge: number): [string, number] => [text, edge - widthOf(text)];
const run = (text: string, x: number, baseline: number): TextRun => ({ text, x, baseline, width: widthOf(text), size: SIZE, font: 'f' });
/** Lines from runs given as [text, x] per baseline. */
const page = (...rows: [baseline: number, runs: [text: string, x: number][]][]): Line[] =>
  linesOf(phrasesOf(rows.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline)))));
const texts = (line: Line) => line.phrases.map((p) => p.text);

const isNumber = (t: string) => /^[△▲-]?[\d,.]+%?$/.test(t);
const SPECS: ColumnSpec[] = [
  { key: 'strategy', label: /^重点戦略$/ },
  { key: 'name', label: /^目標指標$/ },
  { key: 'actual', label: /^実績$/, values: true, complete: isNumber },
  { key: 'target', label: /^目標$/, values: true, complete: isNumber },
];
const keys = (columns: readonly Column[]) => columns.map((c) => c.key);
const header = (...rows: Parameters<typeof page>) => findHeader(page(...rows), SPECS, [], [], 4);

describe('findHeader: the header window and its columns', () => {
  it('one line of headings: columns left to right, parted in the middle of each gap', () => {
    const found = header([
      100,
      [
        ['重点戦略', 10],
        ['目標指標', 80],
        ['実績', 160],
        ['目標', 210],
      ],
    ])!;
    expect(keys(found.columns)).toEqual(['strategy', 'name', 'actual', 'target']);
    expect(found.columns.map((c) => [c.left, c.right])).toEqual([
      [-Infinity, 65],
      [65, 140],
      [140, 195],
      [195, Infinity],
    ]);
    expect(found.columns.every((c) => !c.ruled)).toBe(true);
  });

  it('a heading wrapped over two lines (重点戦 over 略) takes the line below into the header', () => {
    const found = header(
      [
        100,
        [
          ['重点戦', 10],
          ['目標指標', 80],
          ['実績', 160],
          ['目標', 210],
        ],
      ],
      [100 + PITCH, [['略', 20]]],
    )!;
    expect(found.lines).toHaveLength(2);
    expect(found.columns[0]).toMatchObject({ key: 'strategy', heading: '重点戦略' });
    expect(found.bottom).toBeCloseTo(100 + PITCH + 0.12 * SIZE);
  });

  it.each([
    ['R5', true],
    ['令和5年度', true],
    ['12', false],
  ])('a narrow cell wrapping its year above the heading (%s over 実績 b): the year is in the header: %s', (year, taken) => {
    const specs: ColumnSpec[] = [...SPECS.filter((s) => s.key !== 'actual'), { key: 'actual', label: /実績\s*b?$/, values: true, complete: isNumber }];
    const found = findHeader(
      page(
        [100 - PITCH, [[year, 162]]],
        [
          100,
          [
            ['重点戦略', 10],
            ['目標指標', 80],
            ['実績 b', 160],
            ['目標', 210],
          ],
        ],
      ),
      specs,
      [],
      [],
      4,
    )!;
    expect(found.lines).toHaveLength(taken ? 2 : 1);
    expect(found.columns.find((c) => c.key === 'actual')!.heading.startsWith(year)).toBe(taken);
  });

  it.each([
    ['戦 / 略 / 方 / 針, one character a line', ['戦', '略', '方', '針']],
    ['戦略 / 方針', ['戦略', '方針']],
    ['戦略方 / 針', ['戦略方', '針']],
  ])('a narrow heading cell wrapped over its lines (%s) beside 重点戦 / 略 and 目標達 / 成: every line is the header', (_, policyLines) => {
    // A count table's narrow cells: no line but the first names a column by itself, and 戦略
    // names none until 方針 follows.
    const summary: ColumnSpec[] = [
      { key: 'strategy', label: /重点戦略/ },
      { key: 'policy', label: /戦略方針/ },
      { key: 'achieved', label: /^目 ?標 ?達 ?成/, values: true, complete: isNumber },
      { key: 'total', label: /^合計$/, values: true, complete: isNumber },
    ];
    const rows: Parameters<typeof page> = policyLines.map((text, k) => [
      100 + k * PITCH,
      [
        ...(k === 0 ? [['重点戦', 10] as [string, number], ['目標達', 100] as [string, number], ['合計', 150] as [string, number]] : []),
        ...(k === 1 ? [['略', 20] as [string, number], ['成', 110] as [string, number]] : []),
        [text, 50] as [string, number],
      ],
    ]);
    const found = findHeader(
      page(...rows, [
        100 + policyLines.length * PITCH + 4,
        [
          ['1', 20],
          ['3', 110],
          ['27', 150],
        ],
      ]),
      summary,
      [],
      [],
      4,
    )!;
    expect(found.lines).toHaveLength(Math.max(2, policyLines.length));
    expect(found.columns.map((c) => [c.key, c.heading])).toEqual([
      ['strategy', '重点戦略'],
      ['policy', '戦略方針'],
      ['achieved', '目標達成'],
      ['total', '合計'],
    ]);
  });

  it('the same set at the bottom of the header row: 戦 and 略 stand above every other heading', () => {
    const summary: ColumnSpec[] = [
      { key: 'strategy', label: /重点戦略/ },
      { key: 'policy', label: /戦略方針/ },
      { key: 'achieved', label: /^目 ?標 ?達 ?成/, values: true, complete: isNumber },
      { key: 'total', label: /^合計$/, values: true, complete: isNumber },
    ];
    const found = findHeader(
      page(
        [100, [['戦', 50]]],
        [100 + PITCH, [['略', 50]]],
        [
          100 + 2 * PITCH,
          [
            ['重点戦', 10],
            ['方', 50],
            ['目標達', 100],
          ],
        ],
        [
          100 + 3 * PITCH,
          [
            ['略', 20],
            ['針', 50],
            ['成', 110],
            ['合計', 150],
          ],
        ],
        [
          104 + 4 * PITCH,
          [
            ['1', 20],
            ['3', 110],
            ['27', 150],
          ],
        ],
      ),
      summary,
      [],
      [],
      4,
    )!;
    expect(found.lines).toHaveLength(4);
    expect(found.columns.map((c) => c.heading)).toEqual(['重点戦略', '戦略方針', '目標達成', '合計']);
  });

  it('a heading cell read whole first: 目標 over 指標 is the name column, the target keeps its own 目標', () => {
    const found = header(
      [
        100,
        [
          ['重点戦略', 10],
          ['目標', 85],
          ['実績', 160],
          ['目標', 210],
        ],
      ],
      [100 + PITCH, [['指標', 85]]],
    )!;
    expect(found.columns.find((c) => c.key === 'name')).toMatchObject({ heading: '目標指標', headingLeft: 85 });
    expect(found.columns.find((c) => c.key === 'target')).toMatchObject({ headingLeft: 210 });
  });

  it('a line with numbers below the headings is the body, not the header', () => {
    const found = header(
      [
        100,
        [
          ['重点戦略', 10],
          ['目標指標', 80],
          ['実績', 160],
          ['目標', 210],
        ],
      ],
      [
        100 + PITCH,
        [
          ['農業', 20],
          ['産出額', 80],
          ['3,560', 160],
        ],
      ],
    )!;
    expect(found.lines.map(texts)).toEqual([['重点戦略', '目標指標', '実績', '目標']]);
    // A data row that happens to hold every label (a chart's legend beside it) is no header.
    expect(
      header([
        100,
        [
          ['重点戦略', 10],
          ['目標指標', 80],
          ['実績', 160],
          ['目標', 210],
          ['12', 250],
        ],
      ]),
    ).toBeNull();
  });

  it('a rule across the table between two lines ends the header there', () => {
    const lines = page(
      [
        100,
        [
          ['重点戦', 10],
          ['目標指標', 80],
          ['実績', 160],
          ['目標', 210],
        ],
      ],
      [100 + PITCH, [['略', 20]]],
    );
    const across: Rule[] = [{ at: 100 + PITCH / 2, from: 0, to: 240 }];
    expect(findHeader(lines, SPECS, [], across, 4)).toBeNull();
    expect(keys(findHeader(lines, SPECS, [], across, 3)!.columns)).toEqual(['name', 'actual', 'target']);
  });

  it('a whole heading takes a short tail (改善 over ↑) but does not run on into text', () => {
    // As the summary table's labels: 改善 names its column with or without the arrow.
    const summary: ColumnSpec[] = [
      { key: 'achieved', label: /^目標達成$/ },
      { key: 'improved', label: /^改善/ },
      { key: 'total', label: /^合計$/ },
    ];
    const tail = findHeader(
      page(
        [
          100,
          [
            ['目標達成', 10],
            ['改善', 80],
            ['合計', 140],
          ],
        ],
        [100 + PITCH, [['↑', 85]]],
      ),
      summary,
      [],
      [],
      3,
    )!;
    expect(tail.columns.find((c) => c.key === 'improved')?.heading).toBe('改善↑');
    const runOn = findHeader(
      page(
        [
          100,
          [
            ['目標達成', 10],
            ['改善↑', 80],
            ['合計', 140],
          ],
        ],
        [100 + PITCH, [['地域の活性化', 80]]],
      ),
      summary,
      [],
      [],
      3,
    )!;
    expect(runOn.lines).toHaveLength(1);
  });

  it('vertical rules part the columns where drawn, and the outer rule ends the last', () => {
    const vertical: Rule[] = [0, 60, 135, 200, 240].map((at) => ({ at, from: 90, to: 300 }));
    const found = findHeader(
      page([
        100,
        [
          ['重点戦略', 10],
          ['目標指標', 80],
          ['実績', 160],
          ['目標', 210],
        ],
      ]),
      SPECS,
      vertical,
      [],
      4,
    )!;
    expect(found.columns.map((c) => [c.left, c.right, c.ruled])).toEqual([
      [-Infinity, 60, false],
      [60, 135, true],
      [135, 200, true],
      [200, 241.5, true],
    ]);
  });

  it('headings of narrow cells set close together, one phrase, are parted at their spaces', () => {
    const summary: ColumnSpec[] = [
      { key: 'measure', label: /^施策/ },
      { key: 'achieved', label: /^目標達成$/ },
      { key: 'improved', label: /^改善/ },
      { key: 'total', label: /^合計$/ },
    ];
    const lines = page([
      100,
      [
        ['施策', 10],
        ['目標達成', 33],
        ['改善↑', 76],
        ['合計', 140],
      ],
    ]);
    expect(lines[0]!.phrases.map((p) => p.text)).toEqual(['施策 目標達成 改善↑', '合計']);
    const found = findHeader(lines, summary, [], [], 4)!;
    expect(found.columns.map((c) => [c.key, c.heading])).toEqual([
      ['measure', '施策'],
      ['achieved', '目標達成'],
      ['improved', '改善↑'],
      ['total', '合計'],
    ]);
    // A heading with a space that names one column stays whole.
    expect(
      findHeader(
        page([
          100,
          [
            ['現状', 10],
            ['a', 33],
            ['実績', 80],
            ['目標', 140],
          ],
        ]),
        [{ key: 'baseline', label: /^現状\s*a?$/ }, ...SPECS.slice(2)],
        [],
        [],
        3,
      )!.columns[0]!.heading,
    ).toBe('現状 a');
  });

  it('fewer headings than the minimum is no header', () => {
    expect(
      header([
        100,
        [
          ['重点戦略', 10],
          ['目標指標', 80],
          ['実績', 160],
        ],
      ]),
    ).toBeNull();
  });

  it('hasLabel: a heading, or two characters or more that begin its first spelling', () => {
    const [line] = page([100, [['重点戦', 10]]]);
    expect(hasLabel(line!, SPECS[0]!)).toBe(true);
    expect(hasLabel(page([100, [['重', 10]]])[0]!, SPECS[0]!)).toBe(false);
    expect(hasLabel(page([100, [['点戦略', 10]]])[0]!, SPECS[0]!)).toBe(false);
  });
});

const column = (key: string, left: number, right: number, values = false, heading: [number, number] = [left, right]): Column => ({
  key,
  left,
  right,
  values,
  heading: key,
  anchor: (heading[0] + heading[1]) / 2,
  headingLeft: heading[0],
  headingRight: heading[1],
  ruled: false,
  ...(values ? { complete: isNumber } : {}),
});

describe('refineColumns: boundaries where no rule is drawn', () => {
  it('a text column starts just before its left edge, not in the middle of the headings', () => {
    // 重点戦略 over the first column, 目標指標 centred over a column whose names start at 62.
    const columns = [column('strategy', -Infinity, 80, false, [10, 50]), column('name', 80, Infinity, false, [110, 150])];
    const body = page(
      [
        120,
        [
          ['1', 10],
          ['農業産出額の推移', 62],
        ],
      ],
      [132, [['商品販売額', 62]]],
      [
        144,
        [
          ['2', 10],
          ['観光客数', 62],
        ],
      ],
    );
    const refined = refineColumns(columns, body);
    expect([refined[0]!.right, refined[1]!.left]).toEqual([56, 56]);
    expect(columns[0]!.right).toBe(80);
  });

  it('a column under a heading spread over its cell (指　　　標) starts where the heading does: a number set right of No is no name’s', () => {
    const spread = (key: string, left: number, right: number, heading: string, extent: [number, number]): Column => ({
      ...column(key, left, right, false, extent),
      heading,
    });
    const columns = [spread('number', -Infinity, 67, 'No', [50.7, 58.8]), spread('name', 67, Infinity, '指標', [75.5, 182])];
    const body = page(
      [
        120,
        [
          ['1', 60.5],
          ['商店街の就業者数', 75.5],
        ],
      ],
      [
        140,
        [
          ['2', 60.5],
          ['観光加入率', 75.5],
        ],
      ],
    );
    const refined = refineColumns(columns, body);
    expect(refined[0]!.right).toBeGreaterThan(61);
    expect(refined[0]!.right).toBeLessThan(75.5);
  });

  it('banners’ titles (基本目標Ⅰ | 市内の強化) start no column: the names under a short heading (KPI) reach the labels’ column', () => {
    // KPI centred at 88–101 over names from 50 that run to 140; banners' titles from 108; role rows' labels from 147.
    const columns = [column('name', -Infinity, 124, false, [88, 101]), column('label', 124, Infinity, false, [147, 172])];
    const body = page(
      [
        100,
        [
          ['基本目標Ⅰ', 50],
          ['市内の強化', 108],
        ],
      ],
      [112, [['自主防災組織の登録', 50]]],
      [124, [['目標値', 147]]],
      [136, [['実績', 152]]],
      [
        148,
        [
          ['基本目標Ⅱ', 50],
          ['移住の向上', 108],
        ],
      ],
      [160, [['高齢者の支援件数', 50]]],
      [172, [['目標値', 147]]],
      [184, [['実績', 152]]],
    );
    const refined = refineColumns(columns, body);
    expect(refined[0]!.right).toBeGreaterThanOrEqual(140);
    expect(refined[0]!.right).toBeLessThanOrEqual(147);
  });

  it('a column starts no farther right than its texts, though a text of the column before ends a little past them', () => {
    // 基本施策 cells from 25, ■施策 cells from 160; a title of the first column ends at 160.3 on a line
    // of its own (within the slack a cell's end is given): the boundary stays at 160, not 160.15.
    const columns = [column('policy', -Infinity, 120, false, [45, 85]), column('measure', 120, Infinity, false, [182, 222])];
    const body = page(
      [
        120,
        [
          ['基本施策1', 25],
          ['■施策①', 160],
        ],
      ],
      [132, [['健康づくり図書館地域の支援', 30.3]]],
      [
        144,
        [
          ['商店街づくり', 25],
          ['有害鳥獣の振興', 160],
        ],
      ],
    );
    const refined = refineColumns(columns, body);
    expect(refined[1]!.left).toBeLessThanOrEqual(160);
    expect(refined[0]!.right).toBe(refined[1]!.left);
  });

  it('a bullet set far left of its centred heading is its own column, not the run-on of the line before', () => {
    // 実績 centred at 400–460, 方向性 at 700–760; each column's bullets start at its left edge,
    // and the widest gap between the headings is after the second column's bullet.
    const columns = [column('results', -Infinity, 580, false, [400, 460]), column('plans', 580, Infinity, false, [700, 760])];
    const body = page(
      [
        120,
        [
          ['○市内の開催', 280],
          ['○市内の開催', 535],
        ],
      ],
      [132, [['①市内の推進', 280]]],
    );
    const refined = refineColumns(columns, body);
    expect(refined[1]!.left).toBeGreaterThan(460);
    expect(refined[1]!.left).toBeLessThan(535);
  });

  it('figures set right in a wide column stay in it, though the gap they leave before them is wider than the one after (a wide 目標値 beside a narrow 評価)', () => {
    // 目標値 centred at 100–180 over a column ending at 300, its figures set right at 295;
    // 評価 centred at 310–330 over a column of centred marks. Marks are values too; neither
    // column's values are known by their form (another city's table).
    const unformed = (c: Column): Column => ({ ...c, complete: undefined });
    const columns = [unformed(column('target', -Infinity, 245, true, [100, 180])), unformed(column('grade', 245, Infinity, true, [310, 330]))];
    const right = (figure: string): [string, number] => [figure, 295 - widthOf(figure)];
    const body = page(
      [120, [right('152,180'), ['B', 317]]],
      [132, [right('6'), ['C', 317]]],
      [144, [right('18'), ['C', 317]]],
      [156, [right('6.7'), ['B', 317]]],
    );
    const [target, grade] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThan(295);
    expect(grade!.left).toBeLessThan(310);
  });

  it('figures set right in cells without padding stay in their column, though they end a hair past where the next heading starts (Writer: 0.1 pt)', () => {
    // 目標値 R1 set left at 448–486 over a column whose figures end at 501.1; 自己評価 set left from 501.0,
    // its marks at 519: the only gap is before the short figures (8), which leastCrossed had taken.
    const columns = [column('target', -Infinity, 493, true, [448, 486]), column('grade', 493, Infinity, true, [501, 535])];
    const right = (figure: string): [string, number] => [figure, 501.1 - widthOf(figure)];
    const body = page(
      [120, [right('733'), ['C', 519]]],
      [132, [right('8'), ['C', 519]]],
      [144, [right('10.3'), ['B', 519]]],
      [156, [right('120'), ['C', 519]]],
    );
    const [target, grade] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThanOrEqual(501.1);
    expect(grade!.left).toBe(target!.right);
    expect(splitLinesAtColumns(body, [target!, grade!]).map(texts)[1]).toEqual(['8', 'C']);
  });

  it('figures of one width set right against the next heading, and marks centred past a heading set left, stay in their columns (Writer, cells without padding: 10.4% | C | 要因分析)', () => {
    // 進捗率 set left at 555–579, its figures (all one width) ending at 639.5 where 進捗 starts (639.5–655.5);
    // the marks centred at 671.3 in the grade column, the comments set left from 707.2 where 要因分析 starts.
    const columns = [
      column('progress', -Infinity, 600, true, [555, 579]),
      column('grade', 600, 680, true, [639.5, 655.5]),
      column('comment', 680, Infinity, false, [707.2, 739.2]),
    ];
    const right = (figure: string): [string, number] => [figure, 639.5 - widthOf(figure)];
    const body = page(
      [120, [right('10.4%'), ['C', 671.3], ['感染症の影響により', 707.2]]],
      [132, [['縮小して実施した', 707.2]]],
      [144, [right('25.0%'), ['B', 671.3], ['防護柵の設置等に', 707.2]]],
      [156, [['よる防除対策の普', 707.2]]],
      [168, [right('-6.9%'), ['C', 671.3], ['利用者アンケート', 707.2]]],
    );
    const [progress, grade, comment] = refineColumns(columns, body);
    expect(progress!.right).toBeGreaterThanOrEqual(639.5);
    expect(grade!.right).toBeGreaterThan(675);
    expect(splitLinesAtColumns(body, [progress!, grade!, comment!]).map(texts)[0]).toEqual(['10.4%', 'C', '感染症の影響により']);
  });

  it('two comment columns set left without padding part where the second’s texts start, at its heading, though a line of the first touches them (Writer: を活用し|国の方針に)', () => {
    // 改善方針 set left at 452.5, 課題 at 509.1 where its lines start; 9 pt characters in runs of their own
    // cells. The first cell's line を活用し ends at 508.7, 0.4 pt before 国の方針に: one phrase.
    const columns = [column('plan', -Infinity, 498, false, [452.5, 488.5]), column('issue', 498, Infinity, false, [509.1, 527.1])];
    const body = page(
      [
        100,
        [
          ['踏まえ内', 452.5],
          ['用した情報', 509.1],
        ],
      ],
      [
        112,
        [
          ['報発信を', 452.5],
          ['発信を強化', 509.1],
        ],
      ],
      [
        124,
        [
          ['若い世代', 452.5],
          ['代の参加を', 509.1],
        ],
      ],
      [136, [['参加を促す', 452.5]]],
      [
        148,
        [
          ['を活用し', 468.7],
          ['国の方針に', 509.1],
        ],
      ],
    );
    const refined = refineColumns(columns, body);
    expect(refined[1]!.edge).toBe(509.1);
    expect(splitLinesAtColumns(body, refined).map(texts)[4]).toEqual(['を活用し', '国の方針に']);
  });

  it('a unit in a run of its own after its figure, set right against where the next heading starts, stays with its figure (Writer: 3,322 人 | 令和2年度)', () => {
    // 基準値 set left at 240, 令和2年度 at 349.5; each figure's unit 人 a run of its own, 0.2 em after it, ending at 349.5.
    const columns = [column('baseline', -Infinity, 320, true, [240, 300]), column('series', 320, Infinity, true, [349.5, 394.5])];
    const cell = (figure: string, end: number): [string, number][] => [
      [figure, end - 12 - widthOf(figure)],
      ['人', end - 10],
    ];
    const body = page(
      [120, [...cell('3,322', 349.5), ...cell('3,740', 414)]],
      [132, [...cell('46', 349.5), ...cell('52', 414)]],
      [144, [...cell('82,149', 349.5), ...cell('86,350', 414)]],
    );
    const [baseline, series] = refineColumns(columns, body);
    expect(baseline!.right).toBeGreaterThanOrEqual(349.5);
    expect(splitLinesAtColumns(body, [baseline!, series!]).map(texts)[0]).toEqual(['3,322人', '3,740人']);
    // LibreOffice's spacing between a figure and its unit (0.2 em) keeps them one piece: nothing starts between the headings.
    const near = (figure: string, end: number): [string, number][] => [
      [figure, end - 12 - widthOf(figure)],
      ['人', end - 10],
    ];
    const narrow = [column('baseline', -Infinity, 339, true, [300, 328.8]), column('series', 339, Infinity, true, [349.5, 394.5])];
    const tight = page([120, [...near('3,322', 349.6), ...near('3,740', 414)]], [132, [...near('46', 349.6), ...near('52', 414)]]);
    const [first, second] = refineColumns(narrow, tight);
    expect(first!.right).toBeGreaterThanOrEqual(349.6);
    expect(splitLinesAtColumns(tight, [first!, second!]).map(texts)[0]).toEqual(['3,322人', '3,740人']);
  });

  it("a qualified figure set right (27以上) on a row of values says nothing of the next text column's edge", () => {
    // 目標 centred at 100–140 over a column ending at 185, figures set right at 180; 所管課 centred
    // at 260–290 over departments set left from 190.
    const columns = [column('target', -Infinity, 200, true, [100, 140]), column('department', 200, Infinity, false, [260, 290])];
    const right = (figure: string): [string, number] => [figure, 180 - widthOf(figure)];
    const body = page(
      [120, [['観光客数', 0], ['114', 60], right('126'), ['経済部産業振興課', 190]]],
      [132, [['相談件数', 0], ['20', 60], right('27以上'), ['農林振興課', 190]]],
      [144, [['宿泊者数', 0], ['5', 60], right('8'), ['商工観光課', 190]]],
    );
    const [target, department] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThanOrEqual(180);
    expect(department!.edge).toBeCloseTo(190, 0);
  });

  it("a figure right-aligned against the next text column, in one phrase with its text (16 商工観光課), does not set that column's edge", () => {
    // 目標値 right-aligned at 180; 所管課 set from 182 without padding, its texts wrapped; the
    // figures of two rows make one phrase each with the department beside them.
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [190, 220])];
    const body = page(
      [
        120,
        [
          ['16', 180 - widthOf('16')],
          [' 商工観光課', 180],
        ],
      ],
      [
        132,
        [
          ['2,352', 180 - widthOf('2,352')],
          [' 子育て支援', 180],
        ],
      ],
      [144, [['課', 185.5]]],
      [
        156,
        [
          ['12', 180 - widthOf('12')],
          [' 健康福祉課', 180],
        ],
      ],
    );
    const [target, department] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThanOrEqual(180);
    expect(department!.edge).toBeCloseTo(180, 0);
  });

  it("a figure's glued unit (19件, 26,860件/年) touching the next column's text (Writer without padding) starts no column: the text after it does", () => {
    // 目標値 right-aligned at 180 with its units; 担当課 set from 180, touching them.
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [190, 220])];
    const glued = (figure: string, unit: string[], department: string): [string, number][] => {
      const runs: [string, number][] = [[department, 180]];
      let x = 180;
      for (const part of [...unit].reverse()) runs.unshift([part, (x -= widthOf(part))]);
      return [[figure, x - widthOf(figure)], ...runs];
    };
    const body = page(
      [120, glued('19', ['件'], '経済部産業振興課')],
      [132, glued('168,390', ['人'], '農林振興課')],
      [144, glued('26,860', ['件', '/', '年'], '商工観光課')],
      [156, glued('12', ['件'], '商工観光課')],
    );
    const [target, department] = refineColumns(columns, body);
    expect(department!.edge).toBeCloseTo(180, 0);
    expect(target!.right).toBeGreaterThan(179);
  });

  it('a figure drawn in one run with its unit (160ha), set right past the heading, starts no text column: the departments after the values do (pdfmake)', () => {
    // 目標値 centred at 100–140 over figures set right at 250, their units glued (983 人/ 年 in
    // runs, 160ha in one); 担当部局 centred at 275–315 over departments set from 257.
    const columns = [column('target', -Infinity, 208, true, [100, 140]), column('department', 208, Infinity, false, [275, 315])];
    const right = (...runs: string[]): [string, number][] => {
      let x = 250;
      return runs
        .reverse()
        .map((text): [string, number] => [text, (x -= widthOf(text))])
        .reverse();
    };
    const body = page(
      [120, [...right('983', '人/', '年'), ['農林振興課', 257]]],
      [132, [...right('160ha'), ['子育て支援課', 257]]],
      [144, [...right('1,186', '件/', '年'), ['商工観光課', 257]]],
      [156, [...right('245ha'), ['政策企画部', 257]]],
    );
    const [target, department] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThan(250);
    expect(department!.edge).toBeCloseTo(257, 0);
  });

  it("on a table of two rows, figures of two widths set right, each touching the next column's text (16子育て支援課), start that column where the texts start", () => {
    // 目標値 right-aligned at 180 and 担当課 set from 180 without padding: two rows are all the page shows.
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [230, 260])];
    const touching = (figure: string, department: string): [string, number][] => [
      [figure, 180 - widthOf(figure)],
      [department, 180],
    ];
    const body = page([120, touching('16', '子育て支援課')], [132, touching('1,614', '農業政策課（内線3828）')]);
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['16', '子育て支援課'],
      ['1,614', '農業政策課（内線3828）'],
    ]);
  });

  it("the next column's texts starting a tenth of a point apart (a reprint), touching figures set right (▲ drawn apart from 6,494), start it where most of them start", () => {
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [230, 260])];
    const touching = (figure: string, department: string, at: number): [string, number][] => [
      [figure, 180 - widthOf(figure)],
      [department, at],
    ];
    const body = page(
      [120, touching('128', '商工観光課', 180.1)],
      [132, touching('242', '政策企画部', 180.12)],
      [
        144,
        [
          ['▲', 180 - widthOf('▲6,494')],
          ['6,494', 180 - widthOf('6,494')],
          ['農林振興課', 180.05],
        ],
      ],
      [156, touching('46', '企画財政課', 179.9)],
      [168, touching('8', '健康福祉課', 180)],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['128', '商工観光課'],
      ['242', '政策企画部'],
      ['▲6,494', '農林振興課'],
      ['46', '企画財政課'],
      ['8', '健康福祉課'],
    ]);
  });

  it("a grouping cell's label and a name on a line of their own (重点戦略1 | 市内子育て…) are no banner where a cell's text on the next line runs on at the name's start", () => {
    // A table of one row, Writer without padding: the strategy's title 高齢者の振興 wraps under its
    // label and touches the name's last line, (延べ), which starts at 62 as the name above does.
    const columns = [
      column('strategy', -Infinity, 72.5, false, [15, 55]),
      column('name', 72.5, 150, false, [90, 130]),
      column('actual', 150, Infinity, true, [160, 180]),
    ];
    const body = page(
      [
        120,
        [
          ['重点戦略1', 10],
          ['市内子育て世帯の割合', 62],
        ],
      ],
      [
        132,
        [
          ['高齢者の振', 10],
          ['(延べ)', 62],
          ['444', 170],
        ],
      ],
    );
    const [strategy, name] = refineColumns(columns, body);
    expect(name!.edge).toBeCloseTo(62, 0);
    expect(strategy!.right).toBeGreaterThan(60);
    expect(strategy!.right).toBeLessThanOrEqual(62);
  });

  it("a minus mark drawn in a run of its own (△ 8, Calc's Japanese font for △), touching the next column's wrapped text, starts no column", () => {
    // 目標値 right-aligned at 180, 担当課 set from 182 (a cairo reprint of Calc without padding):
    // 農業政策課（内線 wraps, its 3828） on the row of △8, a row of values (△11 before).
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [230, 260])];
    const touching = (figure: string, department: string): [string, number][] => [
      [figure, 180 - widthOf(figure)],
      [department, 182],
    ];
    const body = page(
      [120, touching('79.6', '経済部産業振興課')],
      [132, touching('147,527', '企画財政課')],
      [144, [['農業政策課（内線', 182]]],
      [
        156,
        [
          ['△11', 100],
          ['△', 180 - widthOf('△8')],
          ['8', 180 - widthOf('8')],
          ['3828）', 182],
        ],
      ],
      [168, touching('86', '農林振興課')],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['79.6', '経済部産業振興課'],
      ['147,527', '企画財政課'],
      ['農業政策課（内線'],
      ['△11', '△8', '3828）'],
      ['86', '農林振興課'],
    ]);
  });

  it("a unit set a little apart from its figure (168,390 人), touching the next column's text, starts no column: the text after it does", () => {
    // 目標値 right-aligned at 180, its units 0.2 em after their figures; 担当課 set from 180 without
    // padding, one department wrapped alone on its line.
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [190, 220])];
    const apart = (figure: string, unit: string, department: string): [string, number][] => {
      const unitAt = 180 - widthOf(unit);
      return [
        [figure, unitAt - 0.2 * SIZE - widthOf(figure)],
        [unit, unitAt],
        [department, 180],
      ];
    };
    const body = page(
      [
        120,
        [
          ['2,021%', 180 - widthOf('2,021%')],
          ['商工観光課', 180],
        ],
      ],
      [132, [['ユネスコエコパーク推進', 180]]],
      [144, apart('168,390', '人', '農林振興課')],
      [156, apart('19', '件', '経済部産業振興課')],
    );
    const [target, department] = refineColumns(columns, body);
    expect(department!.edge).toBeCloseTo(180, 0);
    expect(target!.right).toBeGreaterThan(179);
  });

  it("a figure's bound set a little apart (8,647 以上, Writer's run for another font) starts no column: the next column's texts, touching the figures, do", () => {
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [200, 220])];
    const bound = (figure: string, word: string): [string, number][] => [
      [figure, 180 - widthOf(word) - 0.2 * SIZE - widthOf(figure)],
      [word, 180 - widthOf(word)],
    ];
    const body = page(
      [
        120,
        [
          ['18,143', 180 - widthOf('18,143')],
          ['企画財政課', 180],
        ],
      ],
      [
        132,
        [
          ['1,421', 180 - widthOf('1,421')],
          ['子育て支援課', 180],
        ],
      ],
      [144, bound('8,647', '以上')],
      [150, [['政策企画部', 180]]],
      [156, bound('12', '以下')],
      [
        168,
        [
          ['86', 180 - widthOf('86')],
          ['農林振興課', 180],
        ],
      ],
    );
    const [target, department] = refineColumns(columns, body);
    expect(department!.edge).toBeCloseTo(180, 0);
    expect(target!.right).toBeGreaterThan(179);
  });

  it("between value columns, a banner's title run over the gap (基本的方向1 | 文化財公共交通移住の振興) does not move the boundary into the next column's values", () => {
    // 従前値 right-aligned at 176; 実績 at 245, its 延べ 85,212 starting at 186.5; two banners' titles from 90 to 190 and 200.
    const columns = [column('baseline', 80, 200, true, [97, 172]), column('actual', 200, Infinity, true, [205, 225])];
    const body = page(
      [120, [right('延べ 74,928', 176), right('延べ 85,212', 245)]],
      [132, [right('1,200', 176), right('1,500', 245)]],
      [144, [right('12,345', 176), right('13,500', 245)]],
      [
        156,
        [
          ['基本的方向1', 20],
          ['文化財公共交通の振興', 90],
        ],
      ],
      [
        168,
        [
          ['基本的方向2', 20],
          ['中小企業の創出の推進へ', 90],
        ],
      ],
    );
    const [baseline] = refineColumns(columns, body);
    expect(baseline!.right).toBeGreaterThan(176);
    expect(baseline!.right).toBeLessThan(186.5);
  });

  it("between a name column and the values, a banner's title run to the next heading (基本目標Ⅰ 文化財子育て…) does not move the boundary past a qualified figure wider than its column", () => {
    // 目標指標 over names from 49 to 159; 初期値 at 220, its 延べ 8,910(H30) starting at 196, the others set right at 265; a banner's title to 219.
    const columns = [column('name', -Infinity, 178, false, [99, 135]), column('baseline', 178, Infinity, true, [220, 247])];
    const body = page(
      [120, [['基本目標Ⅰ文化財子育て世帯高齢', 49]]],
      [132, [['観光観光の利用者数', 49], right('58,402', 265)]],
      [144, [['公共交通移住の支援件数', 49], right('延べ 8,910(H30)', 265)]],
      [156, [['道の駅相談件数', 49], right('3,152', 265)]],
    );
    const [name] = refineColumns(columns, body);
    expect(name!.right).toBeGreaterThan(159);
    expect(name!.right).toBeLessThan(265 - widthOf('延べ 8,910(H30)'));
  });

  it("a unit set a little apart from its figure, followed by a wrapped department's short last line (15,772 人 室), starts no column where the line's other figures show the unit", () => {
    // 実績 and 目標値 right-aligned at 110 and 180, their units 0.2 em after their figures; 担当課 set
    // from 180 without padding, ユネスコエコパーク推進室 wrapped so that 室 alone follows a unit.
    const columns = [
      column('actual', -Infinity, 115, true, [80, 100]),
      column('target', 115, 185, true, [120, 150]),
      column('department', 185, Infinity, false, [190, 220]),
    ];
    const apart = (figure: string, unit: string, end: number): [string, number][] => {
      const unitAt = end - widthOf(unit);
      return [
        [figure, unitAt - 0.2 * SIZE - widthOf(figure)],
        [unit, unitAt],
      ];
    };
    const body = page(
      [120, [...apart('17,704', '人', 110), ...apart('91,889', '人', 180), ['商工観光課', 180]]],
      [132, [['ユネスコエコパーク推進', 180]]],
      [144, [...apart('17,704', '人', 110), ...apart('15,772', '人', 180), ['室', 180]]],
      [156, [...apart('16', '回', 110), ...apart('62', '回', 180), ['健康福祉課', 180]]],
    );
    const [, target, department] = refineColumns(columns, body);
    expect(department!.edge).toBeCloseTo(180, 0);
    expect(target!.right).toBeGreaterThan(179);
  });

  it('a short figure set right on a row of its own (8) makes no edge of the next column where texts touching figures start before it', () => {
    // 目標値 right-aligned at 180, 担当課 from 180. Two figures' last digits are drawn in one run with
    // the department (3ＤＸ推進課: a run not cut, its text not of kana or kanji), so texts start at
    // 174.5 too; a wrapped department leaves 8 alone on its row, starting there.
    const columns = [column('target', -Infinity, 185, true, [120, 150]), column('department', 185, Infinity, false, [190, 220])];
    const at = (text: string, end: number): [string, number] => [text, end - widthOf(text)];
    const body = page(
      [100, [at('102.', 180 - widthOf('3')), at('3ＤＸ推進課', 180 + widthOf('ＤＸ推進課'))]],
      [112, [at('8', 180 - widthOf('56')), at('5', 180 - widthOf('6')), at('6ＤＸ推進室', 180 + widthOf('ＤＸ推進室'))]],
      [124, [at('113,464', 100), ['経済部産業', 180]]],
      [136, [at('8', 180)]],
      [148, [['振興課', 180]]],
      [160, [at('1,236', 180), ['企画財政課', 180]]],
    );
    const [target, department] = refineColumns(columns, body);
    expect(department!.edge).toBeCloseTo(180, 0);
    expect(target!.right).toBeGreaterThan(179);
  });

  it('between value columns, the gap after right-aligned numbers, where each cell keeps one value', () => {
    // 現状 and 実績 set at their columns' left; numbers right-aligned at 155 and 215.
    const columns = [column('baseline', -Infinity, 140, true, [100, 120]), column('actual', 140, Infinity, true, [160, 180])];
    const body = page(
      [120, [right('3,560', 155), right('3,510', 215)]],
      [132, [right('12', 155), right('9', 215)]],
      [144, [right('506', 155), right('1,518', 215)]],
    );
    const [baseline] = refineColumns(columns, body);
    expect(baseline!.right).toBeGreaterThan(155);
    expect(baseline!.right).toBeLessThan(160);
  });

  it("a wrapped title that runs up to the next column's edge, in one phrase with the text there, stays on its side", () => {
    // Writer, no padding: 行財政 ends at 90 and the bullet's 員の育成 goes on at 93, 0.3 em
    // after it, where the column's bullets start.
    const columns = [column('policy', -Infinity, 110, false, [40, 60]), column('results', 110, Infinity, false, [160, 200])];
    const body = page(
      [100, [['○事務の効率化', 93]]],
      [
        112,
        [
          ['効率的な行財', 20],
          ['政', 80],
          ['員の育成', 93],
        ],
      ],
      [
        124,
        [
          ['運営', 20],
          ['○公共施設', 93],
        ],
      ],
    );
    const refined = refineColumns(columns, body);
    expect(refined[0]!.right).toBeGreaterThan(90);
    expect(refined[0]!.right).toBeLessThan(93);
    expect(splitLinesAtColumns(body, refined).map(texts)[1]).toEqual(['効率的な行財政', '員の育成']);
  });

  it('counts in wide cells, right-aligned under centred headings, each stay in their column', () => {
    // The middle column's counts end at 228, past the middle between its heading and the next.
    const columns = [
      column('unchanged', -Infinity, 140, true, [100, 110]),
      column('worsened', 140, 215, true, [170, 190]),
      column('total', 215, Infinity, true, [240, 260]),
    ];
    const body = page(
      ...[0, 1, 2].map((k): [number, [string, number][]] => [120 + k * PITCH, [right(String(k), 150), right(String(k + 3), 228), right(String(10 + k), 270)]]),
    );
    const [unchanged, worsened] = refineColumns(columns, body);
    expect(unchanged!.right).toBeGreaterThan(150);
    expect(unchanged!.right).toBeLessThan(170);
    expect(worsened!.right).toBeGreaterThan(228);
    expect(worsened!.right).toBeLessThan(240);
  });

  it('one row: a figure right-aligned past the middle before a centred mark keeps its column, though the next column’s text begins within the mark’s reach (21 | △ | 子育て支援課)', () => {
    // 目標値 centred at 600 over its figure set right at 667; 進捗 at 688–702 over △; 所管課 from 745, its text set left from 713.
    const columns = [
      column('target', 540, 640, true, [570, 633]),
      { ...column('grade', 640, 720, true, [688, 702]), complete: (t: string) => t.length <= 2 },
      column('department', 720, Infinity, false, [745, 766]),
    ];
    const body = page([
      120,
      [
        ['21', 667 - widthOf('21')],
        ['△', 692],
        ['子育て支援課', 713],
      ],
    ]);
    const [target] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThan(667);
    expect(target!.right).toBeLessThan(692);
  });

  it('units glued to right-aligned figures (55.5人, 12件, 8ha) do not start the text column after them; its own texts do', () => {
    const columns = [column('target', -Infinity, 150, true, [100, 125]), column('department', 150, Infinity, false, [170, 200])];
    const body = page(
      [
        120,
        [
          ['55.5', 140 - widthOf('55.5') - SIZE],
          ['人', 140 - SIZE],
          ['商工課', 160],
        ],
      ],
      [
        132,
        [
          ['12', 140 - widthOf('12') - SIZE],
          ['件', 140 - SIZE],
          ['企画課', 160],
        ],
      ],
      [
        144,
        [
          ['8', 140 - widthOf('8') - 1.1 * SIZE],
          ['ha', 140 - 1.1 * SIZE],
          ['農林課', 160],
        ],
      ],
    );
    const [target] = refineColumns(columns, body);
    expect(target!.right).toBeGreaterThan(140);
    expect(target!.right).toBeLessThan(160);
  });

  it('leaves a boundary that a vertical rule gives', () => {
    const columns = [column('strategy', -Infinity, 80, false, [10, 50]), { ...column('name', 80, Infinity, false, [110, 150]), ruled: true }];
    const body = page([120, [['農業産出額', 62]]], [132, [['商品販売額', 62]]]);
    expect(refineColumns(columns, body)[0]!.right).toBe(80);
  });
});

describe('columnsRuledOn: a ruled table continued on a page that sets it a little differently', () => {
  const ruled = (key: string, left: number, right: number, heading: [number, number]) => ({ ...column(key, left, right, true, heading), ruled: true });
  const columns = [column('baseline', -Infinity, 100, true, [40, 80]), ruled('actual', 100, 200, [130, 170]), ruled('target', 200, Infinity, [230, 270])];
  const rule = (at: number, from = 90, to = 300): Rule => ({ at, from, to });

  it('moves each ruled boundary to the rule this page draws between the same headings', () => {
    const moved = columnsRuledOn(columns, [rule(20), rule(102.5), rule(204), rule(300)], 100, 290);
    expect(moved.map((c) => [c.left, c.right])).toEqual([
      [-Infinity, 102.5],
      [102.5, 204],
      [204, Infinity],
    ]);
  });

  it('keeps a boundary where the page draws no rule down the body, and one that no rule gave', () => {
    expect(columnsRuledOn(columns, [rule(102.5, 90, 150)], 100, 290)).toEqual(columns);
    const unruled = columns.map((c) => ({ ...c, ruled: false }));
    expect(columnsRuledOn(unruled, [rule(102.5), rule(204)], 100, 290)).toEqual(unruled);
  });
});

describe('piecesOf: a phrase cut where its runs stand a space apart', () => {
  it('a cumulative mark and its figure a space apart (延べ 128,618) are one piece, one value', () => {
    const [line] = page([
      100,
      [
        ['延べ', 0],
        ['128,618', 25],
      ],
    ]);
    expect(texts(line!)).toEqual(['延べ 128,618']);
    expect(piecesOf(line!.phrases[0]!).map((p) => p.text)).toEqual(['延べ 128,618']);
  });

  it('two values printed close together are two pieces; runs that touch are one', () => {
    // -128.0% ends at 38.5: 悪化↓ stands half an em after it, 達成 a twentieth after 目標.
    const [line] = page([
      100,
      [
        ['-128.0%', 0],
        ['悪化↓', 43.5],
        ['目標', 100],
        ['達成', 120.5],
      ],
    ]);
    expect(texts(line!)).toEqual(['-128.0% 悪化↓', '目標達成']);
    expect(piecesOf(line!.phrases[0]!).map((p) => [p.text, p.x, p.right])).toEqual([
      ['-128.0%', 0, 38.5],
      ['悪化↓', 43.5, 73.5],
    ]);
    expect(piecesOf(line!.phrases[1]!).map((p) => p.text)).toEqual(['目標達成']);
  });
});

describe('splitAtColumns: one phrase over two cells', () => {
  const values = [column('progress', 100, 150, true), column('status', 150, 200, true)];
  const split = (...runs: [string, number][]) => texts(splitAtColumns(page([100, runs])[0]!, values));

  it('splits a value from the mark beside it at a gap of a tenth of an em (Writer cells without padding)', () => {
    expect(split(['300.0%', 150 - widthOf('300.0%') - 0.3], ['目標達成', 150.7])).toEqual(['300.0%', '目標達成']);
  });

  it('splits at a gap of 0.06 em, which Writer leaves as well', () => {
    expect(split(['300.0%', 150 - widthOf('300.0%') - 0.3], ['目標達成', 150.3])).toEqual(['300.0%', '目標達成']);
  });

  it('keeps text that runs on over the boundary without a gap', () => {
    expect(split(['目標', 130], ['達成', 150])).toEqual(['目標達成']);
  });

  it('keeps a title whose next words run on over the columns after it', () => {
    const columns = [column('title', 0, 50), column('name', 50, 120), column('value', 120, 160, true)];
    // The title ends at 126; its next words stand a space (0.3 em) after it, in the value column.
    const cut = (tail: string) =>
      texts(
        splitAtColumns(
          page([
            100,
            [
              ['AIや情報技術の進化による', 5],
              [tail, 129],
            ],
          ])[0]!,
          columns,
        ),
      );
    expect(cut('新しい社会の実現')).toEqual(['AIや情報技術の進化による 新しい社会の実現']);
    expect(cut('123')).toEqual(['AIや情報技術の進化による', '123']);
  });

  it('splits at a ruled column’s rule where a cell’s text ends in a typed space set over the rule (Calc), not where a text runs on', () => {
    const ruled = [
      { ...column('comment', 100, 160), ruled: true },
      { ...column('plan', 160, 220), ruled: true },
    ];
    const cut = (...runs: [string, number][]) => texts(splitAtColumns(page([100, runs])[0]!, ruled)).map((t) => t.trim());
    // に努める。 and its space run from 105 to 160.5, over the rule at 160.
    expect(cut(['に努める。 ', 105], ['果を踏まえ', 160.5])).toEqual(['に努める。', '果を踏まえ']);
    expect(cut(['に努める。', 110], ['果を踏まえ', 160])).toEqual(['に努める。果を踏まえ']);
  });

  it('keeps a comment line across the table whose runs part where its middle falls in a later column (Writer’s space between 6 and 次産業化)', () => {
    const columns = [column('name', 0, 100), column('actual', 100, 150, true), column('grade', 150, 200), column('target', 200, 260, true)];
    // 沿って、 | 6 | 次産業化の取組を継続する。: the last run starts in the actual column, its middle in the target column.
    const cut = texts(
      splitAtColumns(
        page([
          100,
          [
            ['国の方針に沿って、', 5],
            ['6', 95],
            ['次産業化の取組を継続', 103],
          ],
        ])[0]!,
        columns,
      ),
    );
    expect(cut).toEqual([expect.stringMatching(/^国の方針に沿って、6 ?次産業化の取組を継続$/)]);
  });

  it('gives back the same line where nothing splits', () => {
    const [line] = page([
      100,
      [
        ['3,560', 110],
        ['改善↑', 160],
      ],
    ]);
    expect(splitAtColumns(line!, values)).toBe(line);
  });
});

describe('splitLinesAtColumns: cells set without padding (LibreOffice Writer)', () => {
  // A title column whose text fills it to 60, and names that start at 60 on every row, as
  // Writer prints them: the title's runs and the name's touch, 0.02 em apart.
  const columns = [column('title', -Infinity, 60, false, [0, 40]), column('name', 60, Infinity, false, [80, 120])];
  const read = (...rows: Parameters<typeof page>) => {
    const body = page(...rows);
    return splitLinesAtColumns(body, refineColumns(columns, body)).map(texts);
  };

  it("a wrapped title and the name beside it, touching at the name column's edge, are two cells", () => {
    expect(
      read(
        [
          100,
          [
            ['認定こども', 10],
            ['公共交通整備率', 60.2],
          ],
        ],
        [
          112,
          [
            ['園デジタル', 10],
            ['(累計)', 60.2],
          ],
        ],
        [124, [['支援', 10]]],
        [148, [['観光客数', 60.2]]],
        [160, [['宿泊者数', 60.2]]],
      ).slice(0, 3),
    ).toEqual([['認定こども', '公共交通整備率'], ['園デジタル', '(累計)'], ['支援']]);
  });

  it('a title filling its cell to the edge is parted there though its last character’s middle falls past the boundary guessed between the columns (Writer: 図書館オリーブ栽培の創出|参加者数, seed 151)', () => {
    // The boundary guessed at 54 (a table without rules, its edges from the headings and the gaps of the texts
    // within each column), the names' texts starting at 60.2: 出 (50–60) would read as the name's.
    const guessed = [column('title', -Infinity, 54, false, [0, 40]), { ...column('name', 54, Infinity, false, [80, 120]), edge: 60.2 }];
    // Writer starts a run at a change to a fallback font: 出 is one of its own.
    const line = page([
      112,
      [
        ['図書館の創', 0],
        ['出', 50],
        ['参加者数', 60.2],
      ],
    ]);
    expect(splitLinesAtColumns(line, guessed).map(texts)).toEqual([['図書館の創出', '参加者数']]);
  });

  it('a title that runs on over the edge on its other lines stays whole where a run happens to start at the edge', () => {
    // Writer starts a run at each change to a fallback font: here one starts at 60.2.
    expect(
      read(
        [100, [['「訪れたい」MINE', 10]]],
        [
          112,
          [
            ['発信と交流', 10],
            ['の強', 60.2],
          ],
        ],
        [124, [['化', 10]]],
        [148, [['観光客数', 60.2]]],
        [160, [['宿泊者数', 60.2]]],
      )[1],
    ).toEqual(['発信と交流の強']);
  });
});

describe('splitLinesAtColumns: a cell’s text run on into the next cell’s on one line (Writer, no padding)', () => {
  // 基本戦略 (heading 128–168) and 具体的な施策 (heading 249–307) over cells whose texts make one
  // phrase on the first row; the second cell starts at 206.2 on both rows. Writer also sets a gap
  // between Latin and kana (ICT | の), which is no cell's edge.
  const columns = [
    column('policy', -Infinity, 208, false, [128, 168]),
    column('measure', 208, 345, false, [249, 307]),
    column('name', 345, Infinity, false, [394, 434]),
  ];
  it('parts them where the next cell’s text starts on the row below, not at a gap inside the first', () => {
    const body = page(
      [
        100,
        [
          ['基本戦略①', 89.6],
          ['図書館', 142.5],
          ['ICT', 174.5],
          ['の', 193],
          ['具体的な施策①', 206.2],
          ['健康づくり', 279],
          ['観光客数', 349.7],
        ],
      ],
      [
        112,
        [
          ['支援', 89.6],
          ['づくりづくり', 206.2],
          ['(人/年)', 349.7],
        ],
      ],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['基本戦略① 図書館ICTの', '具体的な施策① 健康づくり', '観光客数'],
      ['支援', 'づくりづくり', '(人/年)'],
    ]);
  });
});

describe('splitLinesAtColumns: three cells’ texts run together on one line (Calc, narrow cells)', () => {
  // Two grouping columns and the names, each cell's text starting at its column's edge (70, 114).
  const columns = [
    column('goal', -Infinity, 65, false, [0, 40]),
    column('policy', 65, 112, false, [75, 105]),
    column('name', 112, Infinity, false, [120, 150]),
  ];
  it('parts them at each edge, though the text from the first edge on runs past the second column', () => {
    const body = page(
      [
        100,
        [
          ['戦略ふ', 0],
          ['施策ふ', 70],
          ['図書館', 114],
        ],
      ],
      [
        112,
        [
          ['るさと納税公', 6],
          ['るさと納', 70],
          ['づくり認定', 114],
        ],
      ],
      [
        124,
        [
          ['交通', 0],
          ['創出', 70],
          ['件数', 114],
        ],
      ],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)[1]).toEqual(['るさと納税公', 'るさと納', 'づくり認定']);
  });
});

describe('splitLinesAtColumns: a page of a table that holds no figures (a row broken by the page, its header printed again)', () => {
  // 個別施策 | 指標名 | 基準値: the names' lines run past the middle between 指標名 and 基準値
  // (219.7), and no figure under 基準値 shows where that column starts.
  const columns = [
    column('measure', -Infinity, 145, false, [95, 135]),
    column('name', 145, 219.7, false, [172.6, 202.6]),
    column('baseline', 219.7, Infinity, true, [236.8, 287.4]),
  ];
  it('the name column reaches past its names’ lines, which stay the name’s', () => {
    const body = page(
      [
        100,
        [
          ['自主防災組織', 82.9],
          ['づくり子育て世帯', 146.9],
        ],
      ],
      [
        112,
        [
          ['観光高齢者の', 82.9],
          ['の登録者数（箇', 146.9],
        ],
      ],
      [
        124,
        [
          ['拡大', 82.9],
          ['所）', 146.9],
        ],
      ],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['自主防災組織', 'づくり子育て世帯'],
      ['観光高齢者の', 'の登録者数（箇'],
      ['拡大', '所）'],
    ]);
  });

  it('a title across the columns that ends there moves no edge (1 観光の推進と交流人口の拡大: its runs start at no column’s edge)', () => {
    const body = page(
      [
        100,
        [
          ['1 観光の推進と', 82.9],
          ['交流人口の拡大', 156],
        ],
      ],
      [112, [['観光客数', 146.9]]],
      [124, [['宿泊者数', 146.9]]],
    );
    expect(refineColumns(columns, body)[1]!.right).toBe(219.7);
  });
});

describe('splitLinesAtColumns: a figure set right against the next cell’s text (Writer, no padding)', () => {
  // 目標値 (values, heading 120–150) right-aligned at 180; 所管課 (heading 200–230) from 180.
  const columns = [column('target', -Infinity, 175, true, [120, 150]), column('department', 175, Infinity, false, [200, 230])];
  const read = (...rows: [string, string][]) => {
    const body = page(
      ...rows.map(([figure, rest], k): [number, [string, number][]] => [
        100 + k * PITCH,
        [
          [figure, 180 - widthOf(figure)],
          [rest, 180.02],
        ],
      ]),
    );
    return splitLinesAtColumns(body, refineColumns(columns, body)).map(texts);
  };

  it('parts each figure from a department that touches it, though no department line stands alone', () => {
    expect(read(['218', '子育て支援課'], ['248', '健康福祉課'], ['134.2', '商工観光課'], ['△1,239', '企画財政課'])).toEqual([
      ['218', '子育て支援課'],
      ['248', '健康福祉課'],
      ['134.2', '商工観光課'],
      ['△1,239', '企画財政課'],
    ]);
  });

  it('keeps a unit glued to its figures (14箇所): one text after every figure is no column', () => {
    expect(read(['14', '箇所'], ['236', '箇所'], ['5', '箇所'], ['1,020', '箇所'])).toEqual([['14箇所'], ['236箇所'], ['5箇所'], ['1,020箇所']]);
  });
});

describe('splitLinesAtColumns: a figure’s unit and the next cell’s text drawn as one run (Cairo reprinting Writer)', () => {
  // 実績 right-aligned at 90, 目標値 at 180 with their units; 担当課 from 180, its text one run with the unit before it.
  const columns = [
    column('actual', -Infinity, 100, true, [40, 70]),
    column('target', 100, 175, true, [120, 150]),
    column('department', 175, Infinity, false, [200, 230]),
  ];
  const row = (k: number, actual: string, target: string, unit: string, department: string): [number, [string, number][]] => [
    100 + k * PITCH,
    [
      [actual + unit, 90 - widthOf(actual + unit)],
      [target, 180 - widthOf(unit) - 0.2 * SIZE - widthOf(target)],
      [unit + department, 180 - widthOf(unit)],
    ],
  ];

  it('cuts the run after the unit the row’s other figures show', () => {
    const body = page(row(0, '7.9', '9.1', '人', '企画財政課'), row(1, '914', '1,182', '千円', '健康福祉課'), row(2, '1,240', '1,434', '件', '商工観光課'));
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['7.9人', '9.1人', '企画財政課'],
      ['914千円', '1,182千円', '健康福祉課'],
      ['1,240件', '1,434件', '商工観光課'],
    ]);
  });

  it('cuts a run that holds a figure’s last digits and the next cell’s text after the digits (102. | 3企画財政課), and after the unit the row’s other figures show', () => {
    // Cairo breaks a line's glyphs into runs anywhere: the last digit goes with the department.
    const at = (text: string, end: number): [string, number] => [text, end - widthOf(text)];
    const body = page(
      [100, [at('102.', 180 - widthOf('3')), at('3企画財政課', 180 + widthOf('企画財政課'))]],
      [112, [at('8', 180 - widthOf('56')), at('5', 180 - widthOf('6')), at('6商工観光課', 180 + widthOf('商工観光課'))]],
      [124, [at('91,496', 180), ['経済部産業振興課', 180]]],
      [136, [at('7.9人', 90), at('12', 180 - widthOf('0人')), at('0人健康福祉課', 180 + widthOf('健康福祉課'))]],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['102.3', '企画財政課'],
      ['856', '商工観光課'],
      ['91,496', '経済部産業振興課'],
      ['7.9人', '120人', '健康福祉課'],
    ]);
  });

  it('cuts a unit drawn in several runs, its last character in one with the next cell’s text (117.4 件 / 年商工観光課)', () => {
    const at = (text: string, end: number): [string, number] => [text, end - widthOf(text)];
    const body = page(
      [
        100,
        [
          at('75.6件/年', 90),
          at('117.4', 180 - widthOf('件/年') - 0.2 * SIZE),
          at('件', 180 - widthOf('/年')),
          at('/', 180 - widthOf('年')),
          ['年商工観光課', 180 - widthOf('年')],
        ],
      ],
      [112, [at('102.3', 180), ['企画財政課', 180]]],
      [124, [at('91,496', 180), ['経済部産業振興課', 180]]],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['75.6件/年', '117.4件/年', '商工観光課'],
      ['102.3', '企画財政課'],
      ['91,496', '経済部産業振興課'],
    ]);
  });

  it('cuts a unit drawn with the next cell’s text after a figure drawn in several runs, where the row’s other figures show it a space apart (16 8, 390 人農林振興課)', () => {
    // Writer sets a unit a space after its figure (96,419 人); cairo breaks the target's runs anywhere.
    const at = (text: string, end: number): [string, number] => [text, end - widthOf(text)];
    const figureEnd = 180 - SIZE - 0.2 * SIZE;
    const body = page(
      [
        100,
        [
          at('96,419', 90 - widthOf(' 人') - 0.1 * SIZE),
          at(' 人', 90),
          at('16', figureEnd - widthOf('8,390')),
          at('8,', figureEnd - widthOf('390')),
          at('390', figureEnd),
          ['人農林振興課', 180 - SIZE],
        ],
      ],
      [112, [at('102.3', 180), ['企画財政課', 180]]],
      [124, [at('91,496', 180), ['経済部産業振興課', 180]]],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['96,419 人', '168,390人', '農林振興課'],
      ['102.3', '企画財政課'],
      ['91,496', '経済部産業振興課'],
    ]);
  });

  it('keeps a unit set a little apart from its figure with the figure where a wrapped department’s last line touches it in short runs (139.3 回 線 3828 ）)', () => {
    // Writer draws the unit a fifth of an em after the figure; the department's second line runs on from the unit.
    const at = (text: string, end: number): [string, number] => [text, end - widthOf(text)];
    const apart = (figure: string, unit: string): [string, number][] => [at(figure, 180 - widthOf(unit) - 0.2 * SIZE), at(unit, 180)];
    const body = page(
      [100, [at('9,809%', 90), at('13,338%', 180), ['企画財政課', 180]]],
      [112, [at('35,302団体', 90), ...apart('20,092', '団体'), ['子育て支援課', 180]]],
      [124, [['農業政策課（内', 180]]],
      [136, [at('88.0回', 90), ...apart('139.3', '回'), ['線', 180], ['3828', 180 + SIZE], ['）', 180 + SIZE + widthOf('3828')]]],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['9,809%', '13,338%', '企画財政課'],
      ['35,302団体', '20,092団体', '子育て支援課'],
      ['農業政策課（内'],
      ['88.0回', '139.3回', '線3828）'],
    ]);
  });
});

describe('columnOfPhrase and rowBoundaries', () => {
  const columns = [column('name', 0, 100), column('actual', 100, 140, true), column('status', 140, 200, true)];
  const at = (text: string, x: number) => makeLine(phrasesOf([run(text, x, 100)])).phrases[0]!;

  it('a value by where most of it lies, text by where it starts, text wider than a value column by its start', () => {
    expect(columnOfPhrase(columns, at('38,806', 96))?.key).toBe('actual');
    expect(columnOfPhrase(columns, at('観光客の入込数', 60))?.key).toBe('name');
    expect(columnOfPhrase(columns, at('市内の観光客の入込数', 95))?.key).toBe('name');
  });

  it.each([
    ['104,259(R1)', 93, 'actual'],
    ['観光客数(R1)', 93, 'name'],
    // Set right in a narrow column, its unit and year reaching into the name's.
    ['△2,581千円(H30)', 75, 'actual'],
    ['1,236千円（H30）', 80, 'actual'],
    ['観光客の入込数(H30)', 70, 'name'],
  ])('a figure with its unit and year, wider than its value column and starting left of it, by where most of it lies: %s at %d is %s', (text, x, key) => {
    expect(columnOfPhrase(columns, at(text, x))?.key).toBe(key);
  });

  it('rules at one y count together; short ones and those at the table edge do not part rows', () => {
    const rules: Rule[] = [
      { at: 120, from: 0, to: 60 },
      { at: 120.5, from: 60, to: 200 },
      { at: 140, from: 0, to: 30 },
      { at: 100, from: 0, to: 200 },
    ];
    expect(rowBoundaries(rules, 0, 200, 100, 160)).toEqual([120]);
  });
});

describe('refineColumns: two text cells run together after a space on every line (Calc without padding)', () => {
  // 今後の展望 (heading 345–395) and 要因分析 (heading 480–520): nothing starts between them, but the
  // second cell's lines start at 427 after a space on three lines and more.
  const columns = [column('outlook', -Infinity, 437, false, [345, 395]), column('analysis', 437, Infinity, false, [480, 520])];
  it('parts them where the runs after the space start together', () => {
    const body = page(
      [
        100,
        [
          ['担い手の高齢化が', 345],
          [' 補助事業について', 427],
        ],
      ],
      [
        112,
        [
          ['進んでおり、新た', 345],
          [' を活用した情報', 427],
        ],
      ],
      [
        124,
        [
          ['な人材の確保が課', 345],
          [' 。利用者アンケ', 427],
        ],
      ],
      [136, [['題である。', 345]]],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([
      ['担い手の高齢化が', '補助事業について'],
      ['進んでおり、新た', 'を活用した情報'],
      ['な人材の確保が課', '。利用者アンケ'],
      ['題である。'],
    ]);
  });
});

describe('refineColumns: a grouping cell touching the next, which opens with its column’s heading (Calc without padding)', () => {
  // 基本的方向 (heading 125–175) and ■施策 (heading 275–300, centred over a wide cell): the second
  // cell's one line touches the first's, 1.6 em before the middle between the headings.
  const columns = [column('基本的方向', -Infinity, 225, false, [125, 175]), column('■施策', 225, Infinity, false, [275, 300])];
  it('parts them where the cell printing its level’s label (■施策①) starts, on one row alone', () => {
    const body = page(
      [
        100,
        [
          ['基本的方向1', 100],
          ['高齢者公共', 157],
          ['■施策① 健康づくりの推進', 209],
        ],
      ],
      [112, [['交通の整備', 100]]],
    );
    expect(splitLinesAtColumns(body, refineColumns(columns, body)).map(texts)).toEqual([['基本的方向1高齢者公共', '■施策① 健康づくりの推進'], ['交通の整備']]);
  });
});

describe('refineColumns: a grouping cell’s first word set past its other lines (道 | の駅…, Chromium without rules)', () => {
  const columns = [
    column('measure', -Infinity, 612, false, [560, 590]),
    column('name', 612, 800, false, [646, 700]),
    column('actual', 800, Infinity, true, [830, 860]),
  ];
  it('puts the edge where the names of the rows of values start, not where two wrapped words do', () => {
    const body = page(
      [
        100,
        [
          ['■施策①', 558],
          ['道', 606],
        ],
      ],
      [
        112,
        [
          ['の駅ふる', 558],
          ['移住農林水産業の受診率', 625],
          ['102', 840],
        ],
      ],
      [
        124,
        [
          ['企業づく', 558],
          ['文化財ICTの認定件数', 625],
          ['74', 845],
        ],
      ],
      [
        136,
        [
          ['■施策①', 558],
          ['地', 606],
        ],
      ],
      [
        148,
        [
          ['域の振興', 558],
          ['道の駅の就業者数', 625],
          ['62', 845],
        ],
      ],
    );
    // 道 and 地 end at 616; the names start at 625.
    const [measure, name] = refineColumns(columns, body);
    expect(measure!.right).toBeGreaterThan(616);
    expect(name!.left).toBeLessThan(625);
  });
});
