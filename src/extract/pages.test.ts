import { describe, expect, it } from 'vitest';
import { type PagesRecord, pagesOf, recordOf } from './pages.js';
import type { PageContent } from './pdf.js';

const pages: PageContent[] = [
  {
    number: 1,
    width: 595.28,
    height: 841.89,
    turned: 0,
    unplaced: ['印'],
    runs: [
      { text: '重点戦略', x: 40.5, baseline: 60.12, width: 40, size: 10, font: 'g_d0_f1' },
      { text: 'KPI', x: 81, baseline: 60.12, width: 15.3, size: 10, font: 'g_d0_f2' },
      { text: '1', x: 40.5, baseline: 80, width: 5, size: 10, font: 'g_d0_f1' },
      {
        text: '現 状',
        x: 60,
        baseline: 80,
        width: 19.2,
        size: 8,
        font: 'g_d0_f1',
        words: [
          [60, 68],
          [71.2, 79.2],
        ],
      },
    ],
    horizontal: [{ at: 50, from: 40, to: 555.28 }],
    vertical: [{ at: 120.25, from: 50, to: 90 }],
  },
  { number: 2, width: 841.89, height: 595.28, runs: [], horizontal: [], vertical: [] },
];

describe('the pages record: what pdf.js gave the extractor, stored compactly', () => {
  it('gives back the pages it was made of, fonts and the optional fields included', () => {
    expect(pagesOf(JSON.parse(JSON.stringify(recordOf(pages))) as PagesRecord)).toEqual(pages);
  });

  it('names each font once', () => {
    expect(recordOf(pages).fonts).toEqual(['g_d0_f1', 'g_d0_f2']);
  });

  it('refuses a record of another format rather than misreading it', () => {
    expect(() => pagesOf({ ...recordOf(pages), format: 1 } as unknown as PagesRecord)).toThrow(/format 1/);
  });
});
