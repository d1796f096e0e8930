import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Estimator, estimateHeight, tableRowHeights } from './estimate.js';
import { lineHeightOf, measureText } from './fonts.js';

const base = { fontSize: 10, bold: false, lineHeight: 1.2 };
const line = lineHeightOf(10) * 1.2;
const grid = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2 };
const estimator: Estimator = { styles: { big: { fontSize: 20, margin: [0, 4, 0, 6] }, strong: { bold: true } }, layouts: { grid } };
const phrase = (text: string) => ({ text, noWrap: true });

describe('estimateHeight', () => {
  it.each([
    ['one phrase that fits', { text: [phrase('市民の満足度')] }, 100, line],
    ['phrases that fill two lines', { text: [phrase('あいうえお'), phrase('かきくけこ')] }, measureText('あいうえお', 10) + 1, 2 * line],
    ['a phrase wider than the line stands alone on it', { text: [phrase('あ'), phrase('かきくけこさしすせそ')] }, 30, 2 * line],
    ['a line break', { text: '進捗率\n(b-a)/(c-a)' }, 100, 2 * line],
    ["a style's size and margin", { text: 'あ', style: 'big' }, 100, 4 + lineHeightOf(20) * 1.2 + 6],
    ['a stack adds up', { stack: [{ text: 'あ' }, { text: 'い', margin: [0, 3, 0, 0] }] }, 100, 2 * line + 3],
    [
      'columns take the taller',
      {
        columns: [
          { text: 'あ', width: 20 },
          { text: [phrase('あいう'), phrase('えお')], width: '*' },
        ],
        columnGap: 5,
      },
      25 + measureText('あいう', 10),
      2 * line,
    ],
  ] as const)('%s', (_, node, width, height) => {
    expect(estimateHeight(node, width, base, estimator)).toBeCloseTo(height, 9);
  });

  it("lets trailing spaces hang past the line's end, as pdfmake does", () => {
    const width = measureText('あいう', 10) + measureText('え', 10);
    expect(estimateHeight({ text: [phrase('あいう'), phrase('え ')] }, width, base, estimator)).toBeCloseTo(line, 9);
    expect(estimateHeight({ text: [phrase('あいう'), phrase('え い')] }, width, base, estimator)).toBeCloseTo(2 * line, 9);
  });

  it('measures bold text in the bold face', () => {
    const text = 'Mine Collection加工品売上額';
    const width = (measureText(text, 10) + measureText(text, 10, true)) / 2;
    expect(measureText(text, 10, true)).not.toBe(measureText(text, 10));
    expect(estimateHeight({ text: [phrase('x'), phrase(text)] }, width + measureText('x', 10, true), base, estimator)).not.toBe(
      estimateHeight({ text: [phrase('x'), phrase(text)], style: 'strong' }, width + measureText('x', 10, true), base, estimator),
    );
  });

  it("never counts fewer lines than the text's width needs, nor more than its phrases (each narrower than the line)", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[あ-ん]{1,5}$/), { minLength: 1, maxLength: 12 }), fc.integer({ min: 60, max: 300 }), (texts, width) => {
        const lines = Math.round(estimateHeight({ text: texts.map(phrase) }, width, base, estimator) / line);
        const total = texts.reduce((sum, t) => sum + measureText(t, 10), 0);
        expect(lines).toBeGreaterThanOrEqual(Math.ceil(total / width - 1e-9));
        expect(lines).toBeLessThanOrEqual(texts.length);
      }),
    );
  });
});

describe('tableRowHeights', () => {
  it('gives a cell that spans columns their widths with the paddings and rule between them', () => {
    // 50 + 50 and the 3 + 0.5 + 3 between them: 106.5 points for the spanning cell.
    const two = [phrase('あ'.repeat(5)), phrase('い'.repeat(5))];
    const fits = measureText('あ'.repeat(5), 10) + measureText('い'.repeat(5), 10) <= 106.5;
    const table = { table: { widths: [50, 50], body: [[{ text: two, colSpan: 2 }, {}]] }, layout: 'grid' };
    const [row] = tableRowHeights(table, 200, base, estimator);
    expect(row).toBeCloseTo(0.5 + 2 + (fits ? 1 : 2) * line + 2 + 0.5, 9);
  });

  it('gives each row its rules and paddings, the first its rule above', () => {
    const table = { table: { widths: [100], body: [[{ text: 'あ' }], [{ text: 'い\nう' }]] }, layout: 'grid' };
    expect(tableRowHeights(table, 200, base, estimator)).toEqual([0.5 + 2 + line + 2 + 0.5, 2 + 2 * line + 2 + 0.5].map((h) => expect.closeTo(h, 9)));
  });
});
