import { describe, expect, it } from 'vitest';
import { STATUS_COLUMNS } from '../model/status-columns.js';
import { createEnvironment, statusBars } from './templates.js';

const counts = (achieved: number, improved: number, unchanged: number, worsened: number) =>
  ({ achieved, improved, unchanged, worsened, total: achieved + improved + unchanged + worsened });

describe('statusBars', () => {
  it('scales the bars to the largest count, in the order of the status columns', () => {
    const bars = statusBars(counts(3, 8, 12, 4), STATUS_COLUMNS, 0, 180);
    expect(bars.map((b) => [b.key, b.count, b.width])).toEqual([
      ['achieved', 3, 45], ['improved', 8, 120], ['unchanged', 12, 180], ['worsened', 4, 60],
    ]);
  });

  it('draws one count as one length in every chart of a document (one scale)', () => {
    const [a, b] = [statusBars(counts(3, 8, 12, 4), STATUS_COLUMNS, 24, 180), statusBars(counts(1, 2, 3, 4), STATUS_COLUMNS, 24, 180)];
    expect(a[3]!.width).toBe(b[3]!.width);
    expect(a[3]!.width).toBe(30);
  });

  it('draws a hairline for a zero count, and no division by zero when all are zero', () => {
    expect(statusBars(counts(0, 0, 0, 0), STATUS_COLUMNS, 0, 180).map((b) => b.width)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('puts no text inside the SVG (labels and counts are page text)', () => {
    for (const bar of statusBars(counts(1, 2, 3, 4), STATUS_COLUMNS, 0, 100)) {
      expect(bar.svg).toMatch(/^<svg [^>]*><rect [^>]*\/><\/svg>$/);
      expect(bar.svg).not.toContain('<text');
    }
  });
});

describe('the statusBars helper', () => {
  const hb = createEnvironment({ segment: (text) => [text] });
  const run = (template: string, columns = STATUS_COLUMNS) => hb.compile(template, { strict: true })({ counts: counts(1, 2, 0, 0), columns });

  it('takes its labels and colours from the status columns it is given', () => {
    const grades = STATUS_COLUMNS.map((c, i) => ({ ...c, heading: 'ABCD'[i]! }));
    expect(run('{{#each (statusBars counts columns width=10)}}{{label}}={{count}} {{/each}}', grades)).toBe('A=1 B=2 C=0 D=0 ');
  });
});
