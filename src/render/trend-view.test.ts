import { describe, expect, it } from 'vitest';
import { TEXT_CLEARANCE } from './columns.js';
import { measureText } from './fonts.js';
import { fittedTrendWidths, trendWidths } from './trend-view.js';

/** One row of figures: 現状 a, a figure per year, 目標 c. */
const row = (years: number, figure: string, target = '740') => ['362', ...Array<string>(years).fill(figure), target];
const sum = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0);

describe('fittedTrendWidths', () => {
  it('keeps the widths where every figure fits', () => {
    expect(fittedTrendWidths([row(5, '635')], 5)).toEqual({ widths: trendWidths(5), figureSize: 8 });
  });

  it('widens a column for a glued unit and 以上, from the name and the notes, the table as wide', () => {
    const target = '15,672千円以上';
    const { widths, figureSize } = fittedTrendWidths([row(5, '635', target)], 5);
    expect(widths[7]).toBeGreaterThanOrEqual(measureText(target, 8) + TEXT_CLEARANCE - 0.1);
    expect(figureSize).toBe(8);
    // fitWidths floors each width to a tenth of a point: the table is as wide, less those tenths.
    expect(sum(trendWidths(5)) - sum(widths)).toBeLessThan(1);
  });

  it('sets the figures smaller where twelve years of wide figures cannot fit', () => {
    const { widths, figureSize } = fittedTrendWidths([row(12, '133,155団体')], 12);
    expect(figureSize).toBeLessThan(8);
    for (const k of [2, 13]) expect(measureText('133,155団体', figureSize) + TEXT_CLEARANCE).toBeLessThanOrEqual(widths[k]! + 0.1);
    expect(widths[1]).toBeGreaterThanOrEqual(40 - 0.01);
    expect(widths[0]).toBeGreaterThanOrEqual(110 - 0.01);
  });
});
