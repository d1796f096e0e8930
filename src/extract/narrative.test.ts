import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../test/helpers/scheme.js';
import type { TasseiError } from '../model/errors.js';
import { extractPages } from './extract.js';
import type { PageContent, TextRun } from './pdf.js';

/**
 * A narrative page made of runs at 10 pt, without rules, as a word processor prints it: policy
 * headings set in the middle of their tall cells, so that a heading may still wrap beside the
 * 施策 list at the foot of its block.
 */
const SIZE = 10;
const run = (text: string, x: number, baseline: number): TextRun => ({ text, x, baseline, width: [...text].length * SIZE, size: SIZE, font: 'f1' });
const narrativePage = (rows: [baseline: number, runs: [text: string, x: number][]][]): PageContent => ({
  number: 1,
  width: 595,
  height: 842,
  horizontal: [],
  vertical: [],
  runs: [
    run('基本目標1', 20, 60),
    run('「魅力の創出」の拡大', 90, 60),
    run('基本方針名', 20, 80),
    run('令和5年度 主な取組内容／実績', 150, 80),
    run('令和6年度 主な取組／今後の方向性', 350, 80),
    ...rows.flatMap(([baseline, runs]) => runs.map(([text, x]) => run(text, x, baseline))),
  ],
});

describe('narrative blocks', () => {
  it('a policy heading that still wraps beside its 施策 list goes on with the heading and the list', () => {
    const page = narrativePage([
      [
        100,
        [
          ['○観光の推進', 120],
          ['○交流の拡大', 330],
        ],
      ],
      [
        112,
        [
          ['基本方針1', 20],
          ['○宿泊施設の整備', 120],
        ],
      ],
      [
        124,
        [
          ['観光のまちづ', 20],
          ['①観光の振興／②国際観光の', 120],
        ],
      ],
      [
        136,
        [
          ['くり', 20],
          ['推進', 120],
        ],
      ],
      [
        148,
        [
          ['○農業の振興', 120],
          ['○担い手の確保', 330],
        ],
      ],
      [
        160,
        [
          ['基本方針2', 20],
          ['○六次産業化', 120],
        ],
      ],
      [
        172,
        [
          ['農林業の振興', 20],
          ['①農業の振興', 120],
        ],
      ],
    ]);
    const { document } = extractPages([page], 'narrative.pdf', DEFAULT_SCHEME);
    if (document.kind !== 'narrative') throw new Error(document.kind);
    expect(document.goals[0]!.policies).toEqual([
      { no: 1, title: '観光のまちづくり', results: ['観光の推進', '宿泊施設の整備'], plans: ['交流の拡大'], measures: ['観光の振興', '国際観光の推進'] },
      { no: 2, title: '農林業の振興', results: ['農業の振興', '六次産業化'], plans: ['担い手の確保'], measures: ['農業の振興'] },
    ]);
  });

  it('a policy heading whose last line falls below its 施策 list goes on with the heading, and the next policy is read', () => {
    const page = narrativePage([
      [
        100,
        [
          ['基本方', 20],
          ['○観光の推進', 120],
          ['○交流の拡大', 330],
        ],
      ],
      [
        112,
        [
          ['針1', 20],
          ['○宿泊施設の整備', 120],
        ],
      ],
      [124, [['観光の', 20]]],
      [133, [['①観光の振興', 120]]],
      [137, [['振興', 20]]],
      [
        160,
        [
          ['基本方', 20],
          ['○六次産業化', 120],
          ['○担い手の確保', 330],
        ],
      ],
      [172, [['針2', 20]]],
      [
        184,
        [
          ['農林業', 20],
          ['①農業の振興', 120],
        ],
      ],
    ]);
    const { document } = extractPages([page], 'narrative.pdf', DEFAULT_SCHEME);
    if (document.kind !== 'narrative') throw new Error(document.kind);
    expect(document.goals[0]!.policies.map((p) => [p.no, p.title, p.measures])).toEqual([
      [1, '観光の振興', ['観光の振興']],
      [2, '農林業', ['農業の振興']],
    ]);
  });
});

describe('a goal continued over pages', () => {
  // The goal's title bar stands in the top margin of every page, at one place, as pdfmake
  // repeats a table's head: it is the table's, not a running header.
  const page = (number: number, policy: number): PageContent => ({
    number,
    width: 842,
    height: 595,
    horizontal: [],
    vertical: [],
    runs: [
      run('基本目標1', 20, 30),
      run('「魅力の創出」の拡大', 90, 30),
      run('基本方針名', 20, 56),
      run('令和5年度 主な取組内容／実績', 150, 56),
      run('令和6年度 主な取組／今後の方向性', 450, 56),
      run(`基本方針${policy}`, 20, 80),
      run('○観光の推進', 150, 80),
      run('○交流の拡大', 450, 80),
      run('観光の振興', 20, 92),
      run('①観光の振興', 150, 104),
    ],
  });

  it('is read once, with the policies of every page', () => {
    const { document } = extractPages([page(1, 1), page(2, 2), page(3, 3)], 'goal.pdf', { known: [DEFAULT_SCHEME], given: null, preferred: DEFAULT_SCHEME });
    expect(document.kind).toBe('narrative');
    if (document.kind !== 'narrative') return;
    expect(document.goals.map((g) => [g.no, g.title, g.policies.map((p) => p.no)])).toEqual([[1, '「魅力の創出」の拡大', [1, 2, 3]]]);
  });
});

describe('a PDF holding both kinds of report', () => {
  it('is refused, with the pages of each named (issue 25, defect 12)', () => {
    const narrative = narrativePage([
      [
        100,
        [
          ['基本方針1', 20],
          ['○観光の推進', 150],
          ['○交流の拡大', 350],
        ],
      ],
    ]);
    const kpi: PageContent = {
      number: 2,
      width: 842,
      height: 595,
      horizontal: [],
      vertical: [],
      runs: [
        ['重点戦略', 20],
        ['戦略方針', 70],
        ['施策', 120],
        ['目標指標', 170],
        ['単位', 300],
        ['現状 a', 340],
        ['R1実績 b', 400],
        ['目標 c', 470],
        ['進捗率', 520],
        ['状況', 580],
      ].map(([text, x]) => run(text as string, x as number, 80)),
    };
    const reading = { known: [DEFAULT_SCHEME], given: null, preferred: DEFAULT_SCHEME };
    expect(() => extractPages([narrative, kpi], 'mixed.pdf', reading)).toThrow(/pdf-mixed-kinds|KPI の進捗状況の表（2 ページ）と達成状況の表（1 ページ）/);
    try {
      extractPages([narrative, kpi], 'mixed.pdf', reading);
    } catch (error) {
      expect((error as TasseiError).messages[0]).toMatchObject({ rule: 'pdf-mixed-kinds', page: 1 });
    }
  });
});
