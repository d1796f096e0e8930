import { describe, expect, it } from 'vitest';
import { type PrintedColumn, headingWord, isRoleLabelColumn, missingRoles, parseRoleDeclarations, placeColumns, plainHeading, yearOfHeading } from './roles.js';

const col = (heading: string, cells: string[] = [], group?: string): PrintedColumn => ({ heading, cells, ...(group ? { group } : {}) });
const roles = (columns: PrintedColumn[], declared?: Map<string, never>) => placeColumns(columns, declared).map((p) => p.role);

describe('plainHeading and yearOfHeading', () => {
  it.each([
    ['指 標 名', '指標名'],
    ['評　価', '評価'],
    ['基準値\n（H26）', '基準値(H26)'],
  ])('%s reads as %s', (printed, plain) => expect(plainHeading(printed)).toBe(plain));

  it.each([
    ['現在値（R2）', 2020],
    ['目標値（R6）', 2024],
    ['平成 28 (現状値)', 2016],
    ['31年度目標値', 2019],
    ['令和5年度目標値', 2023],
    ['H27', 2015],
    ['R元年度', 2019],
    ['2019年度', 2019],
    ['5ヵ年目標', null],
    ['指標名', null],
  ])('%s names the year %s', (heading, year) => expect(yearOfHeading(heading)).toBe(year));
});

describe('headingWord: the role a heading says', () => {
  it.each([
    ['No.', 'number'],
    ['番号', 'number'],
    ['指 標 名', 'name'],
    ['重要業績評価指標（KPI）', 'name'],
    ['成果指標名', 'name'],
    ['目標指標', 'name'],
    ['単位', 'unit'],
    ['基準値 (H26)', 'baseline'],
    ['従前値', 'baseline'],
    ['現状値 (H26)', 'current'],
    ['現在値（R2）', 'current'],
    ['実績値（R2）', 'actual'],
    ['R1実績', 'series'],
    ['H30', 'series'],
    ['平成27年度', 'series'],
    ['目標値（R6）', 'target'],
    ['31年度目標値', 'target'],
    ['施策目標', 'target'],
    ['期待値', 'interim'],
    ['目安値', 'interim'],
    ['達成率', 'progress'],
    ['進捗率', 'progress'],
    ['達成度', 'grade-or-progress'],
    ['評 価', 'grade'],
    ['判定', 'grade'],
    ['進捗区分', 'grade'],
    ['改善・悪化', 'grade'],
    ['進捗状況', 'grade-or-comment'],
    ['進捗状況（成果と積み残し）', 'comment'],
    ['評価コメント', 'comment'],
    ['今後の方向性', 'comment'],
    ['課題', 'comment'],
    ['担当課', 'department'],
    ['所管課', 'department'],
    ['指標担当部課等', 'department'],
    ['基本目標', 'strategy'],
    ['基本施策', 'policy'],
    ['基本戦略', 'policy'],
    ['基本目標1ICT空き家づくり', null],
    ['施策', 'measure'],
    ['■施策', 'measure'],
    ['項番', 'number'],
    ['前年度', null],
    ['参考', null],
    ['けて、事業の見直しを行う。', null],
  ])('%s → %s', (heading, word) => expect(headingWord(heading)).toBe(word));
});

describe('placeColumns: roles from the table (layouts.md §5.1)', () => {
  it('現状値 beside 基準値 is the latest actual (嘉麻市)', () => {
    expect(roles([col('目標指標'), col('基準値 (H22)'), col('現状値 (H27)'), col('目標値 (H28)')])).toEqual(['name', 'baseline', 'actual', 'target']);
  });

  it('現状値 with actual columns to its right is the baseline (江田島市)', () => {
    expect(roles([col('指標名'), col('現状値 (H26)'), col('実績', [], 'H27'), col('目標値 (H31)')])).toEqual(['name', 'baseline', 'actual', 'target']);
  });

  it('現状値 earlier than another actual year is the baseline', () => {
    expect(roles([col('指標名'), col('現状値（H30）'), col('目標値（R6）'), col('R1実績'), col('R2実績')])).toEqual([
      'name',
      'baseline',
      'target',
      'series',
      'series',
    ]);
  });

  it('a single year column of its own is the actual (令和4年度 実績値)', () => {
    expect(roles([col('指標'), col('令和2年度\n従前値'), col('令和4年度\n実績値'), col('令和7年度\n目標値')])).toEqual([
      'name',
      'baseline',
      'actual',
      'target',
    ]);
  });

  it('現状値 beside 現在値 is the baseline', () => {
    expect(roles([col('項番'), col('目標指標'), col('現状値（R2）'), col('現在値（R7）'), col('目標値(R8)')])).toEqual([
      'number',
      'name',
      'baseline',
      'actual',
      'target',
    ]);
  });

  it('only 現状値 and 目標値: in a progress report, the latest actual', () => {
    expect(roles([col('指標名'), col('現状値'), col('目標値')])).toEqual(['name', 'actual', 'target']);
  });

  it('現在値 is the value of the evaluated year (長与町)', () => {
    const placed = placeColumns([
      col('No.'),
      col('指 標 名'),
      col('単位'),
      col('基準値（H30）'),
      col('現在値（R2）'),
      col('目標値（R6）'),
      col('評 価'),
      col('担当課'),
    ]);
    expect(placed.map((p) => p.role)).toEqual(['number', 'name', 'unit', 'baseline', 'actual', 'target', 'grade', 'department']);
    expect(placed.map((p) => p.fiscalYear ?? null)).toEqual([null, null, null, 2018, 2020, 2024, null, null]);
  });

  it('years under a spanning 実績値 are a series, the one headed 現状値 the actual (松戸市/つくば市)', () => {
    const placed = placeColumns([
      col('指標名'),
      col('基準値 (H26)'),
      col('H30', [], '実績値'),
      col('R1', [], '実績値'),
      col('R2\n（現状値）', [], '実績値'),
      col('目標値（R6）'),
    ]);
    expect(placed).toEqual([
      { role: 'name' },
      { role: 'baseline', fiscalYear: 2014 },
      { role: 'series', fiscalYear: 2018 },
      { role: 'series', fiscalYear: 2019 },
      { role: 'series', fiscalYear: 2020, current: true },
      { role: 'target', fiscalYear: 2024 },
    ]);
  });

  it('a year with 現状値 among bare years is the series entry that is the actual (松戸市, one header row)', () => {
    const placed = placeColumns([col('数値目標'), col('平成 25 (基準値)'), col('平成 27'), col('平成 28 (現状値)'), col('平成 31 (目標値)')]);
    expect(placed.map((p) => [p.role, p.fiscalYear, p.current ?? false])).toEqual([
      ['name', undefined, false],
      ['baseline', 2013, false],
      ['series', 2015, false],
      ['series', 2016, true],
      ['target', 2019, false],
    ]);
  });

  it('years under 施策目標の達成状況 are the actuals (鹿島市)', () => {
    expect(
      roles([col('成果指標名'), col('単位'), col('施策目標'), col('平成27年度', [], '施策目標の達成状況'), col('平成28年度', [], '施策目標の達成状況')]),
    ).toEqual(['name', 'unit', 'target', 'series', 'series']);
  });

  it('years under 目標値: the last the target, the others interim', () => {
    expect(roles([col('指標名'), col('実績値'), col('R4', [], '目標値'), col('R6', [], '目標値')])).toEqual(['name', 'actual', 'interim', 'target']);
  });

  it.each([
    ['percentages: progress', ['85.0%', '102.3%', '-'], 'progress'],
    ['letters: a grade', ['A', 'B', '-'], 'grade'],
    ['marks: a grade', ['◎', '△', '×'], 'grade'],
  ])('達成度 holding %s', (_, cells, role) => expect(roles([col('指標名'), col('実績値'), col('達成度', cells)])).toEqual(['name', 'actual', role]));

  it.each([
    ['prose: a comment (嘉麻市)', ['補助事業については、一定程度の成果あり。', '計画どおりに進んでいる。'], 'comment'],
    ['grade words: a grade (つくば市)', ['概ね順調', '順調'], 'grade'],
  ])('進捗状況 holding %s', (_, cells, role) => expect(roles([col('指標名'), col('実績値'), col('進捗状況', cells)])).toEqual(['name', 'actual', role]));

  it('a comment column is never the status: 評価 over prose is a comment', () => {
    expect(roles([col('指標名'), col('実績値'), col('評価', ['新規の植栽は進んだが、既存園地の管理放棄もあり、面積の伸びは目標に届いていない。'])])).toEqual([
      'name',
      'actual',
      'comment',
    ]);
  });

  it('two grade columns: the one headed 評価 is the status, the other kept as printed (江田島市 改善・悪化 + 達成度, 長野県 前年度)', () => {
    expect(roles([col('指標名'), col('実績'), col('改善・悪化', ['○']), col('達成度', ['A'])])).toEqual(['name', 'actual', 'other', 'grade']);
    expect(roles([col('指標名'), col('実績値'), col('進捗区分', ['C']), col('前年度', ['A'])])).toEqual(['name', 'actual', 'grade', 'other']);
  });

  it('unknown columns stay apart under their heading, never merged into a neighbour', () => {
    expect(roles([col('指標名'), col('基準値'), col('参考値'), col('現在値'), col('目標値')])).toEqual(['name', 'baseline', 'other', 'actual', 'target']);
  });

  it('declared roles win (--roles)', () => {
    const parsed = parseRoleDeclarations('参考値=interim, 現 状 値=baseline');
    expect('declared' in parsed).toBe(true);
    const declared = (parsed as { declared: Map<string, never> }).declared;
    expect(roles([col('指標名'), col('現状値'), col('参考値'), col('実績')], declared)).toEqual(['name', 'baseline', 'interim', 'actual']);
  });

  it('an unknown declared role is named', () => {
    expect(parseRoleDeclarations('現状値=start')).toEqual({ error: '現状値=start' });
  });

  it('missing roles: a table without a name or an actual cannot be read', () => {
    expect(missingRoles(placeColumns([col('項目'), col('目標値')]))).toEqual(['actual']);
    expect(missingRoles(placeColumns([col('参考'), col('実績値')]))).toEqual(['name']);
  });
});

describe('role rows (layouts.md F3)', () => {
  it.each([
    [['期待値', '実績値', '期待値', '実績値'], true],
    [['目安値', '実績', '', ''], true],
    [['期待値', '期待値'], false],
    [['観光客数', '実績値'], false],
    [[], false],
  ])('cells %j label role rows: %s', (cells, labels) => {
    expect(isRoleLabelColumn(cells)).toBe(labels);
  });

  it('a column of role labels is other whatever its heading says (項目 reads as a name)', () => {
    const placed = placeColumns([
      { heading: '指標名', cells: ['観光客数', ''] },
      { heading: '項目', cells: ['期待値', '実績値'] },
      { heading: 'R1', cells: ['10', '12'] },
      { heading: 'R2', cells: ['11', '13'] },
    ]);
    expect(placed.map((p) => p.role)).toEqual(['name', 'other', 'series', 'series']);
  });
});
