import { describe, expect, it } from 'vitest';
import { statusBars } from './templates.js';

const counts = (achieved: number, improved: number, unchanged: number, worsened: number) =>
  ({ achieved, improved, unchanged, worsened, total: achieved + improved + unchanged + worsened });

describe('statusBars', () => {
  it('scales the bars to the largest count, in the order of the summary columns', () => {
    const bars = statusBars(counts(3, 8, 12, 4), 180);
    expect(bars.map((b) => [b.label, b.count, b.width])).toEqual([
      ['目標達成', 3, 45], ['改善↑', 8, 120], ['-', 12, 180], ['悪化↓', 4, 60],
    ]);
  });

  it('draws a hairline for a zero count, and no division by zero when all are zero', () => {
    expect(statusBars(counts(0, 0, 0, 0), 180).map((b) => b.width)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('puts no text inside the SVG (labels and counts are page text)', () => {
    for (const bar of statusBars(counts(1, 2, 3, 4), 100)) {
      expect(bar.svg).toMatch(/^<svg [^>]*><rect [^>]*\/><\/svg>$/);
      expect(bar.svg).not.toContain('<text');
    }
  });
});
