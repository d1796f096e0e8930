import { describe, expect, it } from 'vitest';
import type { Indicator, KpiDocument, Method, Status } from '../model/types.js';
import { parseMeasurement } from '../notation/numbers.js';
import { type EvaluationContext, evaluateDocument as evaluateWith, evaluateIndicator as evaluateIndicatorWith } from './evaluate.js';
import type { Scheme } from '../model/scheme.js';
import { readScheme } from './scheme-file.js';
import { describeCondition } from './rules.js';

const DEFAULT_SCHEME = readScheme('schemes/default.yaml');
const CONTEXT: EvaluationContext = { fiscalYear: 2019, plan: null };
const evaluateIndicator = (i: Indicator, scheme: Scheme = DEFAULT_SCHEME) => evaluateIndicatorWith(i, scheme, CONTEXT);
const evaluateDocument = (doc: KpiDocument) => evaluateWith(doc, DEFAULT_SCHEME);

function m(text: string) {
  const r = parseMeasurement(text);
  if (!r.ok) return { value: null, year: null, text };
  return r.measurement;
}

function indicator(a: string, b: string, c: string, method: Method = 'change', reported: [number | null, Status | null] = [null, null]): Indicator {
  return {
    name: 'テスト指標',
    unit: '人',
    method,
    baseline: m(a),
    actual: m(b),
    target: m(c),
    reported: { progress: reported[0], status: reported[1] },
  };
}

describe('evaluateIndicator: progress and status', () => {
  it.each<[string, string, string, string, Method, number | null, Status | null]>([
    ['up, improved', '499', '520', '540', 'change', 51.2, 'improved'],
    ['up, worsened', '499', '487', '540', 'change', -29.3, 'worsened'],
    ['up, unchanged', '11', '11', '13', 'change', 0, 'unchanged'],
    ['up, achieved exactly', '11', '12', '12', 'change', 100, 'achieved'],
    ['up, above target', '34,484', '52,985', '43,105', 'change', 214.6, 'achieved'],
    // A baseline printed as - counts as 0.
    ['- baseline', '-', '8', '40', 'change', 20, 'improved'],
    ['- baseline, zero actual', '-', '0', '1', 'change', 0, 'unchanged'],
    // An actual printed as - means no data: no progress, status nodata (printed -).
    ['missing actual', '1.20', '-', '1.38', 'change', null, 'nodata'],
    // Targets that go down: the same formula, and the status follows the sign with no special case.
    ['down target achieved', '432', '380', '400', 'change', 162.5, 'achieved'],
    ['down target improved', '432', '420', '400', 'change', 37.5, 'improved'],
    ['down target missed (went up)', '432', '440', '400', 'change', -25, 'worsened'],
    // ※ indicators: b / c, achieved when b reaches c.
    ['※ above target', '304', '406', '300', 'ratio', 135.3, 'achieved'],
    ['※ below target, below baseline', '1,522', '1,218', '1,500', 'ratio', 81.2, 'worsened'],
    ['※ below target, above baseline', '3', '4', '5', 'ratio', 80, 'improved'],
    ['※ target kept (c = a)', '6', '6', '6', 'ratio', 100, 'achieved'],
    // ※ with c below a is a level to keep: b / c reads more as better, so falling below c is not reaching it.
    ['※ level to keep, fell below', '1,522', '1,218', '1,500', 'ratio', 81.2, 'worsened'],
    // Values with a year note, full-width digits and △.
    ['year notes', '3,560(H29)', '3,510(H30)', '3,630', 'change', -71.4, 'worsened'],
    ['full-width digits', '１２', '１３', '２７', 'change', 6.7, 'improved'],
    ['△ minus', '△10', '△5', '0', 'change', 50, 'improved'],
    // 23 / 80 = 28.75 %: half rounds up (floats would print 28.7).
    ['exact half', '0', '23', '80', 'change', 28.8, 'improved'],
  ])('%s: a=%s b=%s c=%s', (_, a, b, c, method, progress, status) => {
    const r = evaluateIndicator(indicator(a, b, c, method));
    expect(r.findings).toEqual([]);
    expect(r.progress).toBe(progress);
    expect(r.status).toBe(status);
  });

  it('c = a with (b − a)/(c − a) is a division-by-zero finding, never Infinity or NaN', () => {
    const r = evaluateIndicator(indicator('5', '6', '5'));
    expect(r.progress).toBeNull();
    expect(r.findings.map((f) => f.kind)).toEqual(['division-by-zero']);
    expect(JSON.stringify(r)).not.toMatch(/Infinity|NaN/);
  });

  it('a ※ target of zero is a division by zero too', () => {
    const r = evaluateIndicator(indicator('0', '1', '0', 'ratio'));
    expect(r.findings.map((f) => f.kind)).toEqual(['division-by-zero']);
  });

  it('a value that is not a number is an unparsable-value finding', () => {
    const r = evaluateIndicator(indicator('10', '調査中', '20'));
    expect(r.findings.map((f) => f.kind)).toEqual(['unparsable-value']);
    expect(r.status).toBeNull();
  });

  it('a value in words leaves the printed status as it is (nothing to judge it by), progress not computed', () => {
    const r = evaluateIndicator(indicator('10', '調査中', '20', 'change', [-71.4, 'nodata']));
    expect(r.findings.map((f) => f.kind)).toEqual(['unparsable-value']);
    expect([r.status, r.decidedBy, r.progress]).toEqual(['nodata', 'printed', null]);
  });

  it('a scheme that pro-rates targets by the plan’s years keeps the printed status of a document without its plan (not erased, not checked); with the plan it grades', () => {
    const tama = readScheme('schemes/tama.yaml');
    const printed = indicator('0', '40', '100', 'change', [40, 'mostly']);
    const without = evaluateIndicatorWith(printed, tama, { fiscalYear: 2016, plan: null });
    expect([without.status, without.decidedBy, without.findings]).toEqual(['mostly', 'printed', []]);
    expect(evaluateIndicatorWith(indicator('0', '40', '100'), tama, { fiscalYear: 2016, plan: null }).status).toBeNull();
    expect(evaluateIndicatorWith(printed, tama, { fiscalYear: 2016, plan: { start: 2015, end: 2019 } }).status).toBe('steady');
    // tagawa: A when on pace, else B when progress > 0. Without the plan, an indicator on pace is not "corrected" to B.
    const tagawa = readScheme('schemes/tagawa.yaml');
    const onPace = indicator('0', '90', '100', 'change', [90, 'A']);
    const kept = evaluateIndicatorWith(onPace, tagawa, { fiscalYear: 2016, plan: null });
    expect([kept.status, kept.decidedBy, kept.findings]).toEqual(['A', 'printed', []]);
    expect(evaluateIndicatorWith(onPace, tagawa, { fiscalYear: 2016, plan: { start: 2015, end: 2019 } }).status).toBe('A');
  });

  it('says why in the target’s direction: for a target that goes down, a fall is a − b > 0, never “b − a > 0” beside a = 10883, b = 7522', () => {
    const ino = readScheme('schemes/ino.yaml');
    const rule = ino.rules.change.find((r) => r.when && JSON.stringify(r.when).includes('movement'))!;
    expect([describeCondition(rule.when!, 'up'), describeCondition(rule.when!, 'down')]).toEqual([
      expect.stringContaining('b − a'),
      expect.stringContaining('a − b'),
    ]);
    const down = evaluateWith(kpi([indicator('10,883', '7,522', '7,324', 'change', [null, 'equal'])]), ino);
    const message = down.findings.find((f) => f.kind === 'status-mismatch')!.message.ja;
    expect(message).toContain('a − b');
    expect(message).not.toContain('b − a');
  });

  it('another scheme is data, not code: 達成 at 80 % under a custom scheme', () => {
    const lenient: Scheme = {
      ...DEFAULT_SCHEME,
      id: 'lenient',
      rules: {
        ...DEFAULT_SCHEME.rules,
        change: [{ grade: 'achieved', when: { of: 'progress', is: '>=', value: 80 } }, ...DEFAULT_SCHEME.rules.change.slice(1)],
      },
    };
    expect(evaluateIndicator(indicator('0', '85', '100')).status).toBe('improved');
    expect(evaluateIndicator(indicator('0', '85', '100'), lenient).status).toBe('achieved');
  });
});

function kpi(indicators: Indicator[], reportedStatus?: Status): KpiDocument {
  return {
    kind: 'kpi-progress',
    title: 't',
    fiscalYear: 2019,
    strategies: [
      {
        no: 1,
        title: 's',
        indicators: [indicator('1', '2', '3', 'change', [50, 'improved'])],
        reportedGoalSummary: { achieved: 0, improved: 1, unchanged: 0, worsened: 0, total: 1 },
        reportedSummary: { achieved: 1, improved: 0, unchanged: 1, worsened: 0, total: 2 },
        policies: [
          {
            no: 1,
            title: 'p',
            reportedSummary: { achieved: 1, improved: 0, unchanged: 1, worsened: 0, total: 2 },
            measures: [{ no: 1, title: 'm', indicators }],
          },
        ],
      },
    ],
    ...(reportedStatus ? {} : {}),
  };
}

describe('evaluateDocument: findings', () => {
  const right = [indicator('1', '3', '3', 'change', [100, 'achieved']), indicator('1', '1', '3', 'change', [0, 'unchanged'])];

  it('names nothing where the document is right', () => {
    expect(evaluateDocument(kpi(right)).findings).toEqual([]);
  });

  it('the total row leaves the 基本目標 row out', () => {
    const e = evaluateDocument(kpi(right));
    const total = e.summaries.find((s) => s.row === 'total')!;
    expect(total.computed.total).toBe(2);
  });

  it('a wrong printed status is one status finding, not also a summary finding', () => {
    const wrong = [right[0]!, indicator('1', '1', '3', 'change', [0, 'achieved'])];
    const doc = kpi(wrong);
    // the printed summary counts the printed (wrong) status, as a document would
    doc.strategies[0]!.policies[0]!.reportedSummary = { achieved: 2, improved: 0, unchanged: 0, worsened: 0, total: 2 };
    doc.strategies[0]!.reportedSummary = { achieved: 2, improved: 0, unchanged: 0, worsened: 0, total: 2 };
    const kinds = evaluateDocument(doc).findings.map((f) => f.kind);
    expect(kinds).toEqual(['status-mismatch']);
  });

  it('a wrong summary cell is a summary finding naming row and column', () => {
    const doc = kpi(right);
    doc.strategies[0]!.policies[0]!.reportedSummary!.unchanged = 2;
    const findings = evaluateDocument(doc).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'summary-mismatch', strategy: 1, policy: 1, row: 'policy', column: 'unchanged', reported: 2, computed: 1 });
  });

  it('a wrong progress is a progress finding with both values', () => {
    const doc = kpi([indicator('9', '12', '15', 'change', [56.7, 'improved']), right[1]!]);
    doc.strategies[0]!.policies[0]!.reportedSummary = { achieved: 0, improved: 1, unchanged: 1, worsened: 0, total: 2 };
    doc.strategies[0]!.reportedSummary = { achieved: 0, improved: 1, unchanged: 1, worsened: 0, total: 2 };
    const findings = evaluateDocument(doc).findings;
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'progress-mismatch', reported: 56.7, computed: 50, indicator: 'テスト指標', strategy: 1, policy: 1, measure: 1 }),
    ]);
  });

  it('a printed - status matches no data', () => {
    const doc = kpi([indicator('1', '-', '3', 'change', [null, 'unchanged']), right[0]!]);
    expect(evaluateDocument(doc).findings).toEqual([]);
  });
});

describe('blank is not no data', () => {
  const blank = (department?: string): Indicator => ({
    ...indicator('1', '-', '3'),
    actual: { value: null, year: null, text: '' },
    ...(department ? { department } : {}),
  });

  it('an actual not yet entered gets no grade, is listed, and is counted in no column', () => {
    const doc = kpi([blank('商工観光課'), indicator('1', '3', '3', 'change', [100, 'achieved'])]);
    doc.strategies[0]!.indicators = [blank()];
    doc.strategies[0]!.reportedSummary = null;
    doc.strategies[0]!.reportedGoalSummary = null;
    doc.strategies[0]!.policies[0]!.reportedSummary = null;
    const e = evaluateDocument(doc);
    expect(e.indicators.map((i) => [i.status, i.blank])).toEqual([
      [null, true],
      [null, true],
      ['achieved', false],
    ]);
    expect(e.blanks.count).toBe(2);
    expect(e.blanks.byStrategy).toEqual([{ strategy: 1, count: 2 }]);
    expect(e.blanks.byDepartment).toEqual([
      { department: null, count: 1 },
      { department: '商工観光課', count: 1 },
    ]);
    const policy = e.summaries.find((s) => s.row === 'policy')!;
    expect(policy.computed).toEqual({ achieved: 1, improved: 0, unchanged: 0, worsened: 0, total: 1 });
    expect(e.findings).toEqual([]);
  });

  it('an actual printed - is no data, not blank', () => {
    const e = evaluateDocument(kpi([indicator('1', '-', '3')]));
    expect(e.indicators.at(-1)).toMatchObject({ status: 'nodata', blank: false });
    expect(e.blanks.count).toBe(0);
  });

  it('a narrative policy whose results are a draft counts as blank, per goal', () => {
    const policy = (no: number, draft?: boolean) => ({ no, title: 'p', results: ['a'], plans: [], measures: [], ...(draft ? { draft } : {}) });
    const e = evaluateWith(
      {
        kind: 'narrative',
        title: 't',
        fiscalYear: 2024,
        nextYear: 2025,
        goals: [
          { no: 1, title: 'g', policies: [policy(1, true), policy(2)] },
          { no: 2, title: 'h', policies: [policy(1, true)] },
        ],
      },
      DEFAULT_SCHEME,
    );
    expect(e.blanks.count).toBe(2);
    expect(e.blanks.byGoal).toEqual([
      { goal: 1, count: 1 },
      { goal: 2, count: 1 },
    ]);
  });
});
