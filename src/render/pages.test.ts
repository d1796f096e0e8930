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

  it("moves rows to the notes' page rather than leave the notes alone, and no lone row with them", () => {
    // Rows that exactly fill the first page: the notes would not fit under them.
    const rows: FlowRow[] = Array.from({ length: 9 }, () => ({ height: 40, heading: false, bound: false }));
    const pages = flowPages(rows, space);
    expect(pages).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
      [7, 8],
    ]);
  });

  it('leaves no page of a longer table with a lone row that is not a heading', () => {
    // A row with or without a heading over it, each no taller than a tenth of a page: a lone row can always be avoided.
    const unit = fc.tuple(fc.boolean(), fc.double({ min: 8, max: 25, noNaN: true }));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 4, maxLength: 120 }), (list) => {
        const rows = list.flatMap(([heading, height]): FlowRow[] => [
          ...(heading ? [{ height, heading: true, bound: false }] : []),
          { height, heading: false, bound: false },
        ]);
        const pages = flowPages(rows, space);
        for (const page of pages) expect(page.filter((i) => !rows[i]!.heading).length).not.toBe(1);
      }),
    );
  });

  it("keeps a row's notes on the row's page, and counts them there", () => {
    const rows: FlowRow[] = Array.from({ length: 12 }, (_, i) => ({ height: 30, heading: false, bound: false, note: i === 8 ? 40 : 0 }));
    const noteSpace = { ...space, noteHead: 10 };
    const pages = flowPages(rows, noteSpace);
    // Without counting the note, eleven rows fill the first page and the note overflows it.
    const page = pages.find((p) => p.includes(8))!;
    const k = pages.indexOf(page);
    const taken = (k === 0 ? 140 : 30) + page.length * 30 + 40 + 10 + (k === pages.length - 1 ? 24 : 0);
    expect(taken).toBeLessThanOrEqual(500);
  });
});
