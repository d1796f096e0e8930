import { describe, expect, it } from 'vitest';
import type { Indicator } from './types.js';
import { actualDoubts } from './plausible.js';

const m = (value: number | null) => ({ value, year: null, text: value === null ? '-' : String(value) });

function indicator(
  actual: number,
  previous: number | null | undefined,
  baseline: number | null,
  target: number | null,
  unit = '人',
  confirmed?: boolean,
): Indicator {
  return {
    name: '指標',
    unit,
    method: 'change',
    baseline: m(baseline),
    actual: m(actual),
    target: target === null ? null : m(target),
    reported: { progress: null, status: null },
    ...(previous === undefined ? {} : { previousActual: previous === null ? null : m(previous) }),
    ...(confirmed === undefined ? {} : { confirmed }),
  };
}

describe('questions asked of a new actual', () => {
  it.each([
    // actual  previous  baseline  target   unit   → kinds
    [1204, 487, 450, 600, '千人', ['jump']], // 千人 typed as 人: 2.5 times last year
    [1204, 279072, 270000, 300000, '人', ['fall']],
    [0.56, 54.1, 54.9, 60, '%', ['decimal']], // a share typed as a fraction: a hundredth
    [549, 54.1, 54.9, 60, '人', ['decimal']], // the decimal point lost
    [120, 90, 85, 95, '%', ['share']],
    [-5, 12, 10, 20, '件', ['sign']],
    [500, 487, 450, 600, '千人', []],
    [1, null, 0, 5, '件', []], // a target not reached yet is no fall
    [7, 3, 2, 10, '件', []], // within the span, over last year by 2.3 but under the target
  ] as const)('%j (last year %j, a %j, c %j, %s): %j', (actual, previous, baseline, target, unit, kinds) => {
    expect(actualDoubts(indicator(actual, previous, baseline, target, unit)).map((d) => d.kind)).toEqual(kinds);
  });

  it('asks nothing of an actual not new this year (no previousActual), nor of a confirmed one', () => {
    expect(actualDoubts(indicator(1204, undefined, 450, 600))).toEqual([]);
    expect(actualDoubts(indicator(1204, 487, 450, 600, '人', true))).toEqual([]);
  });

  it('says against what, and how many times', () => {
    expect(actualDoubts(indicator(1204, 487, 450, 600))[0]!.message.ja).toContain('前年度実績 487 の 2.5 倍です');
  });
});
