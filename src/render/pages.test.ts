import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FlowRow, flowPages } from './pages.js';

const row = fc.record({ height: fc.double({ min: 8, max: 60, noNaN: true }), heading: fc.boolean(), bound: fc.constant(false) });
const space = { page: 500, first: 140, continued: 30, notes: 24 };

describe('flowPages', () => {
  it('keeps every row once, in order', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), (rows) => {
        expect(flowPages(rows, space).flat()).toEqual(rows.map((_, i) => i));
      }),
    );
  });

  it('never ends a page with a heading that has rows after it', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), (rows) => {
        const pages = flowPages(rows, space);
        for (const page of pages.slice(0, -1)) {
          const last = page.at(-1);
          if (last !== undefined) expect(rows[last]!.heading).toBe(false);
        }
      }),
    );
  });

  it('fills no page beyond its height (but for a unit taller than a page), and leaves room for the notes on the last', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 120 }), (rows) => {
        const pages = flowPages(rows, space);
        pages.forEach((page, k) => {
          const taken =
            (k === 0 ? space.first : space.continued) + page.reduce((sum, i) => sum + rows[i]!.height, 0) + (k === pages.length - 1 ? space.notes : 0);
          // Over the height only where the page holds one unit: headings and the one row under them.
          if (taken > space.page + 1e-9) expect(page.filter((i) => !rows[i]!.heading).length).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('keeps a bound row (a goal row under its strategy) on the page of the row before it', () => {
    const rows: FlowRow[] = [
      ...Array.from({ length: 10 }, () => ({ height: 40, heading: false, bound: false })),
      { height: 40, heading: false, bound: false },
      { height: 40, heading: false, bound: true },
    ];
    const pages = flowPages(rows, space);
    const pageOf = (i: number) => pages.findIndex((p) => p.includes(i));
    expect(pageOf(11)).toBe(pageOf(10));
  });

  it("moves the last row to the notes' page rather than leave the notes alone", () => {
    // Rows that exactly fill the first page: the notes would not fit under them.
    const rows: FlowRow[] = Array.from({ length: 9 }, () => ({ height: 40, heading: false, bound: false }));
    const pages = flowPages(rows, space);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toEqual([8]);
  });
});
