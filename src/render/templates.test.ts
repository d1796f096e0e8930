import { describe, expect, it } from 'vitest';
import { createEnvironment, statusBars } from './templates.js';

const counts = (achieved: number, improved: number, unchanged: number, worsened: number) =>
  ({ achieved, improved, unchanged, worsened, total: achieved + improved + unchanged + worsened });

describe('statusBars', () => {
  it('scales the bars to the largest count, in the order of the summary columns', () => {
    const bars = statusBars(counts(3, 8, 12, 4), 180);
    expect(bars.map((b) => [b.key, b.count, b.width])).toEqual([
      ['achieved', 3, 45], ['improved', 8, 120], ['unchanged', 12, 180], ['worsened', 4, 60],
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

describe('the statusBars helper', () => {
  const hb = createEnvironment({ segment: (text) => [text] });
  const run = (template: string) => hb.compile(template, { strict: true })({ counts: counts(1, 2, 0, 0) });

  it('takes its labels from the template, in the order of the summary columns', () => {
    expect(run('{{#each (statusBars counts width=10 labels="達成, 改善,横ばい,悪化")}}{{label}}={{count}} {{/each}}')).toBe('達成=1 改善=2 横ばい=0 悪化=0 ');
  });

  it('says what it needs when the labels are missing or short', () => {
    expect(() => run('{{#each (statusBars counts)}}{{/each}}')).toThrow(/labels="…" with 4 names/);
    expect(() => run('{{#each (statusBars counts labels="a,b")}}{{/each}}')).toThrow(/labels="…" with 4 names/);
  });
});
