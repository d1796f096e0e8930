import { describe, expect, it } from 'vitest';
import { createEnvironment, statusBars } from './templates.js';

const COLOURS = ['#1b7f3b', '#1f5fa8', '#6b6b6b', '#b3261e'];
const bars = (...counts: number[]) => ['achieved', 'improved', 'unchanged', 'worsened', 'p5', 'p6'].slice(0, counts.length)
  .map((key, i) => ({ key, label: key.toUpperCase(), colour: COLOURS[i % COLOURS.length]!, count: counts[i]! }));

describe('statusBars', () => {
  it('scales the bars to the largest count, in the order of the scheme’s grades', () => {
    expect(statusBars(bars(3, 8, 12, 4), 0, 180).map((b) => [b.key, b.count, b.width])).toEqual([
      ['achieved', 3, 45], ['improved', 8, 120], ['unchanged', 12, 180], ['worsened', 4, 60],
    ]);
  });

  it('draws as many bars as the scheme has grades, each in its grade’s colour', () => {
    const drawn = statusBars(bars(1, 0, 2, 0, 4, 1), 0, 100);
    expect(drawn.map((b) => b.width)).toEqual([25, 0.5, 50, 0.5, 100, 25]);
    expect(drawn[3]!.svg).toContain('fill="#b3261e"');
  });

  it('draws one count as one length in every chart of a document (one scale)', () => {
    const [a, b] = [statusBars(bars(3, 8, 12, 4), 24, 180), statusBars(bars(1, 2, 3, 4), 24, 180)];
    expect(a[3]!.width).toBe(b[3]!.width);
    expect(a[3]!.width).toBe(30);
  });

  it('draws a hairline for a zero count, and no division by zero when all are zero', () => {
    expect(statusBars(bars(0, 0, 0, 0), 0, 180).map((b) => b.width)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('puts no text inside the SVG (labels and counts are page text)', () => {
    for (const bar of statusBars(bars(1, 2, 3, 4), 0, 100)) {
      expect(bar.svg).toMatch(/^<svg [^>]*><rect [^>]*\/><\/svg>$/);
      expect(bar.svg).not.toContain('<text');
    }
  });
});

describe('the statusBars helper', () => {
  const hb = createEnvironment({ segment: (text) => [text] });

  it('takes its labels and counts from the view’s chart, to the scale it is given', () => {
    const run = hb.compile('{{#each (statusBars chart scale=4 width=10)}}{{label}}={{count}}:{{width}} {{/each}}', { strict: true });
    expect(run({ chart: bars(1, 2, 0) })).toBe('ACHIEVED=1:2.5 IMPROVED=2:5 UNCHANGED=0:0.5 ');
  });
});
