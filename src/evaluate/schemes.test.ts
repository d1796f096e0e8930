import { describe, expect, it } from 'vitest';
import type { Direction, Indicator, IndicatorState, Method, PlanPeriod } from '../model/types.js';
import { evaluateIndicator } from './evaluate.js';
import { parseMeasurement } from '../notation/numbers.js';
import { readScheme, schemeFile } from './scheme-file.js';

/**
 * The nine schemes of /work/shared/schemes.md, each a table of cases written from its text:
 * on each threshold, just above and below, a down target, a = c (with the direction given), no
 * data, and each state (with an outcome of its own, or left to the numbers).
 */

type Options = { method?: Method; direction?: Direction; state?: IndicatorState; tags?: string[]; year?: number };
/** [what, a, b, c (null: no target set), the grade the scheme's text gives, options] */
type Case = [string, string, string, string | null, string | null, Options?];

function indicator(a: string, b: string, c: string | null, o: Options): Indicator {
  const m = (text: string) => {
    const r = parseMeasurement(text);
    if (!r.ok) throw new Error(text);
    return r.measurement;
  };
  return {
    name: 'x',
    unit: null,
    method: o.method ?? 'change',
    baseline: m(a),
    actual: m(b),
    target: c === null ? null : m(c),
    reported: { progress: null, status: null },
    ...(o.direction ? { direction: o.direction } : {}),
    ...(o.state ? { state: o.state } : {}),
    ...(o.tags ? { tags: o.tags } : {}),
  };
}

const TABLES: Record<string, { plan: PlanPeriod | null; year: number; cases: Case[] }> = {
  etajima: {
    plan: null,
    year: 2019,
    cases: [
      ['b above a', '10', '11', '20', 'improved'],
      ['just above a', '10', '10.1', '20', 'improved'],
      ['b = a: 維持', '10', '10', '20', 'kept'],
      ['just below a', '10', '9.9', '20', 'worsened'],
      ['beyond the target: no mark of its own', '10', '25', '20', 'improved'],
      ['down target, b fell towards c', '10', '8', '5', 'improved'],
      ['down target, b = a', '10', '10', '5', 'kept'],
      ['down target, b rose', '10', '12', '5', 'worsened'],
      ['a = c, direction up, b above', '10', '11', '10', 'improved', { direction: 'up' }],
      ['a = c, direction down, b above', '10', '11', '10', 'worsened', { direction: 'down' }],
      ['a = c, b = a', '10', '10', '10', 'kept', { direction: 'up' }],
      ['※ (b/c) follows b against a', '10', '11', '20', 'improved', { method: 'ratio' }],
      ['no actual', '10', '-', '20', 'nodata'],
      ['not implemented', '10', '11', '20', 'not-implemented', { state: 'not-implemented' }],
      ['not implemented, no actual', '10', '-', '20', 'not-implemented', { state: 'not-implemented' }],
      ['ended: no outcome, the numbers grade', '10', '9', '20', 'worsened', { state: 'ended' }],
      ['on hold: no outcome, the numbers grade', '10', '11', '20', 'improved', { state: 'on-hold' }],
    ],
  },
  fuji: {
    plan: null,
    year: 2019,
    cases: [
      ['p = 80', '0', '80', '100', 'p80'],
      ['p just above 80', '0', '80.1', '100', 'p80'],
      ['p = 100 and more stays in the top band', '0', '150', '100', 'p80'],
      ['p just below 80', '0', '79.9', '100', 'p50'],
      ['p = 50', '0', '50', '100', 'p50'],
      ['p just below 50', '0', '49.9', '100', 'p20'],
      ['p = 20', '0', '20', '100', 'p20'],
      ['p just below 20', '0', '19.9', '100', 'p0'],
      ['negative p', '0', '-5', '100', 'p0'],
      ['down target, p = 80', '100', '60', '50', 'p80'],
      ['down target, p = 78', '100', '61', '50', 'p50'],
      ['down target, moved away', '100', '110', '50', 'p0'],
      ['a = c: p undefined', '50', '60', '50', 'other', { direction: 'up' }],
      ['no updated figure', '0', '-', '100', 'other'],
      ['ended', '0', '90', '100', 'other', { state: 'ended' }],
      ['on hold: the numbers grade', '0', '90', '100', 'p80', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '0', '10', '100', 'p0', { state: 'not-implemented' }],
      ['no target set: not graded (a finding)', '0', '10', null, null],
    ],
  },
  fukuoka: {
    // Year 3 of 5: the elapsed share is 60 %.
    plan: { start: 2015, end: 2019 },
    year: 2017,
    cases: [
      ['b at c', '0', '100', '100', 'a'],
      ['progress = elapsed share', '0', '60', '100', 'a'],
      ['progress just above the pace', '0', '60.1', '100', 'a'],
      ['progress just below the pace', '0', '59.9', '100', 'b'],
      ['b = a: 現状維持', '0', '0', '100', 'b'],
      ['just below a', '0', '-0.1', '100', 'c'],
      ['survey, within 3 points above: unchanged', '50', '52.5', '54', 'b', { tags: ['survey'] }],
      ['not survey, the same values: on pace', '50', '52.5', '54', 'a'],
      ['survey, within 3 points below', '50', '47.5', '60', 'b', { tags: ['survey'] }],
      ['not survey, the same values: worse', '50', '47.5', '60', 'c'],
      ['survey, exactly 3 points below: not within', '50', '47', '60', 'c', { tags: ['survey'] }],
      ['down target on pace', '100', '70', '50', 'a'],
      ['down target behind', '100', '71', '50', 'b'],
      ['down target worse', '100', '101', '50', 'c'],
      ['a = c, b at c', '50', '50', '50', 'a', { direction: 'up' }],
      ['a = c, b beyond c', '50', '51', '50', 'a', { direction: 'up' }],
      ['a = c, b short of c', '50', '49', '50', 'c', { direction: 'up' }],
      ['a = c, survey, b within 3 short', '50', '48', '50', 'b', { direction: 'up', tags: ['survey'] }],
      ['a = c, down, b below', '50', '49', '50', 'a', { direction: 'down' }],
      ['last year of the plan: pace is the target', '0', '99', '100', 'b', { year: 2019 }],
      ['no actual', '0', '-', '100', 'nodata'],
      ['ended: the numbers grade', '0', '70', '100', 'a', { state: 'ended' }],
      ['on hold: the numbers grade', '0', '10', '100', 'b', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '0', '-1', '100', 'c', { state: 'not-implemented' }],
    ],
  },
  ino: {
    plan: null,
    year: 2019,
    cases: [
      ['b beyond c', '10', '21', '20', 'above'],
      ['just beyond c', '10', '20.1', '20', 'above'],
      ['b = c: 同等', '10', '20', '20', 'equal'],
      ['just short of c', '10', '19.9', '20', 'below'],
      ['just above a', '10', '10.1', '20', 'below'],
      ['b = a: no progress', '10', '10', '20', 'none'],
      ['below a', '10', '9', '20', 'none'],
      ['down target beyond c', '20', '9', '10', 'above'],
      ['down target at c', '20', '10', '10', 'equal'],
      ['down target short', '20', '15', '10', 'below'],
      ['down target moved away', '20', '21', '10', 'none'],
      ['a = c, up, b above', '10', '11', '10', 'above', { direction: 'up' }],
      ['a = c, b = c', '10', '10', '10', 'equal', { direction: 'up' }],
      ['a = c, up, b on the wrong side', '10', '9', '10', 'none', { direction: 'up' }],
      ['no target set', '10', '15', null, 'unrated'],
      ['no actual', '10', '-', '20', 'unrated'],
      ['ended', '10', '25', '20', 'none', { state: 'ended' }],
      ['on hold: the numbers grade', '10', '15', '20', 'below', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '10', '20', '20', 'equal', { state: 'not-implemented' }],
    ],
  },
  kitsuki: {
    plan: null,
    year: 2019,
    cases: [
      ['b beyond c', '50', '101', '100', 'A'],
      ['b = c is B, not A', '50', '100', '100', 'B'],
      ['achievement 80 %', '50', '80', '100', 'B'],
      ['just above 80 %', '50', '80.1', '100', 'B'],
      ['just below 80 %', '50', '79.9', '100', 'C'],
      ['below the baseline', '50', '40', '100', 'C'],
      ['down target beyond c', '100', '49', '50', 'A'],
      ['down target at c', '100', '50', '50', 'B'],
      ['down target, c/b = 80 %', '100', '62.5', '50', 'B'],
      ['down target, c/b just below 80 %', '100', '63', '50', 'C'],
      ['down target: B while worse than the baseline', '100', '105', '90', 'B'],
      ['a = c, b = c', '100', '100', '100', 'B', { direction: 'up' }],
      ['a = c, b beyond', '100', '101', '100', 'A', { direction: 'up' }],
      ['no actual', '50', '-', '100', 'nodata'],
      ['on hold: D', '50', '101', '100', 'D', { state: 'on-hold' }],
      ['ended: the numbers grade', '50', '90', '100', 'B', { state: 'ended' }],
      ['not implemented: the numbers grade', '50', '10', '100', 'C', { state: 'not-implemented' }],
    ],
  },
  nagayo: {
    plan: null,
    year: 2019,
    cases: [
      ['b beyond c', '100', '121', '120', 'S'],
      ['b = c is not S', '100', '120', '120', 'A'],
      ['just above a', '100', '100.1', '120', 'A'],
      ['b = a', '100', '100', '120', 'B'],
      ['10 % below a: inclusive', '100', '90', '120', 'B'],
      ['just within 10 %', '100', '90.1', '120', 'B'],
      ['just beyond 10 %', '100', '89.9', '120', 'C'],
      ['down target beyond c', '100', '79', '80', 'S'],
      ['down target at c', '100', '80', '80', 'A'],
      ['down target below a', '100', '99', '80', 'A'],
      ['down target, 10 % above a', '100', '110', '80', 'B'],
      ['down target, beyond 10 % above a', '100', '110.1', '80', 'C'],
      ['a = c, up, b above', '100', '101', '100', 'S', { direction: 'up' }],
      ['a = c, b = a', '100', '100', '100', 'B', { direction: 'up' }],
      ['a = c, up, 5 % below', '100', '95', '100', 'B', { direction: 'up' }],
      ['a = c, down, b below', '100', '95', '100', 'S', { direction: 'down' }],
      ['a = 0, b = a', '0', '0', '10', 'B'],
      ['a = 0, fallen', '0', '-1', '10', 'C'],
      ['no actual', '100', '-', '120', 'nodata'],
      ['ended: the numbers grade', '100', '121', '120', 'S', { state: 'ended' }],
      ['on hold: the numbers grade', '100', '95', '120', 'B', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '100', '50', '120', 'C', { state: 'not-implemented' }],
    ],
  },
  sano: {
    plan: null,
    year: 2019,
    cases: [
      ['r = 100', '50', '100', '100', 'p7'],
      ['r above 100', '50', '150', '100', 'p7'],
      ['just below 100', '50', '99.9', '100', 'p6'],
      ['r = 90', '50', '90', '100', 'p6'],
      ['just below 90', '50', '89.9', '100', 'p5'],
      ['r = 80', '50', '80', '100', 'p5'],
      ['just below 80', '50', '79.9', '100', 'p4'],
      ['r = 70', '50', '70', '100', 'p4'],
      ['just below 70', '50', '69.9', '100', 'p3'],
      ['r = 60', '50', '60', '100', 'p3'],
      ['just below 60', '50', '59.9', '100', 'p2'],
      ['r = 50', '50', '50', '100', 'p2'],
      ['just below 50', '50', '49.9', '100', 'p1'],
      ['a does not enter: below a', '50', '40', '100', 'p1'],
      ['down target at c', '100', '50', '50', 'p7'],
      ['down target, c/b = 90.9 %', '100', '55', '50', 'p6'],
      ['down target, c/b = 50 %', '100', '100', '50', 'p2'],
      ['down target, c/b just below 50 %', '100', '101', '50', 'p1'],
      ['a = c', '100', '100', '100', 'p7', { direction: 'up' }],
      ['no actual', '50', '-', '100', 'nodata'],
      ['ended: the numbers grade', '50', '95', '100', 'p6', { state: 'ended' }],
      ['on hold: the numbers grade', '50', '85', '100', 'p5', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '50', '75', '100', 'p4', { state: 'not-implemented' }],
    ],
  },
  tagawa: {
    // 後期基本計画 H28–R2; R0 = 2018 is year 3 of 5: 60 %.
    plan: { start: 2016, end: 2020 },
    year: 2018,
    cases: [
      ['progress = elapsed share', '0', '60', '100', 'A'],
      ['just above the pace', '0', '60.1', '100', 'A'],
      ['just below the pace', '0', '59.9', '100', 'B'],
      ['just above a', '0', '0.1', '100', 'B'],
      ['b = a is C', '0', '0', '100', 'C'],
      ['worse than a', '0', '-5', '100', 'C'],
      ['down target on pace', '100', '70', '50', 'A'],
      ['down target behind', '100', '71', '50', 'B'],
      ['down target not grown', '100', '100', '50', 'C'],
      ['a = c, b at c', '50', '50', '50', 'A', { direction: 'up' }],
      ['a = c, b short of c', '50', '49', '50', 'C', { direction: 'up' }],
      ['a = c, down, b below', '50', '49', '50', 'A', { direction: 'down' }],
      ['last year: pace is the target', '0', '99', '100', 'B', { year: 2020 }],
      ['last year, at the target', '0', '100', '100', 'A', { year: 2020 }],
      ['no actual: 判定なし', '0', '-', '100', 'nodata'],
      ['ended: the numbers grade', '0', '70', '100', 'A', { state: 'ended' }],
      ['on hold: the numbers grade', '0', '30', '100', 'B', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '0', '0', '100', 'C', { state: 'not-implemented' }],
    ],
  },
  tama: {
    // H27–H31; H28 = 2016 is year 2 of 5: the target pro-rated to 40 %.
    plan: { start: 2015, end: 2019 },
    year: 2016,
    cases: [
      ['r = 100 %', '0', '40', '100', 'steady'],
      ['just above', '0', '40.1', '100', 'steady'],
      ['just below 100 %', '0', '39.9', '100', 'mostly'],
      ['r = 60 %', '0', '24', '100', 'mostly'],
      ['just below 60 %', '0', '23.9', '100', 'needs-work'],
      ['moved away from the target', '0', '-10', '100', 'needs-work'],
      ['first year, 20 %', '0', '20', '100', 'steady', { year: 2015 }],
      ['first year, r = 60 %', '0', '12', '100', 'mostly', { year: 2015 }],
      ['first year, just below 60 %', '0', '11.9', '100', 'needs-work', { year: 2015 }],
      ['last year, at the target', '0', '100', '100', 'steady', { year: 2019 }],
      ['last year, just short', '0', '99.9', '100', 'mostly', { year: 2019 }],
      ['down target, r = 100 %', '100', '80', '50', 'steady'],
      ['down target, r = 60 %', '100', '88', '50', 'mostly'],
      ['down target, just below 60 %', '100', '88.1', '50', 'needs-work'],
      ['a = c: not evaluable', '50', '60', '50', 'nodata', { direction: 'up' }],
      ['no actual', '0', '-', '100', 'nodata'],
      ['ended: the numbers grade', '0', '40', '100', 'steady', { state: 'ended' }],
      ['on hold: the numbers grade', '0', '30', '100', 'mostly', { state: 'on-hold' }],
      ['not implemented: the numbers grade', '0', '10', '100', 'needs-work', { state: 'not-implemented' }],
    ],
  },
};

describe.each(Object.entries(TABLES))('schemes/%s.yaml', (id, table) => {
  const scheme = readScheme(schemeFile(id, '.'));
  it.each(table.cases)('%s: a=%s b=%s c=%s → %s', (_, a, b, c, expected, options = {}) => {
    const result = evaluateIndicator(indicator(a, b, c, options), scheme, { fiscalYear: options.year ?? table.year, plan: table.plan });
    expect(result.status).toBe(expected);
  });

  it('every grade of the scheme is reached by some case', () => {
    const reached = new Set(table.cases.map((c) => c[4]));
    expect(scheme.grades.map((g) => g.id).filter((g) => !reached.has(g))).toEqual([]);
  });

  it('a blank actual (未記入) gets no grade', () => {
    const blank = { ...indicator('0', '1', '100', {}), actual: { value: null, year: null, text: '' } };
    expect(evaluateIndicator(blank, scheme, { fiscalYear: table.year, plan: table.plan })).toMatchObject({ status: null, blank: true });
  });
});
