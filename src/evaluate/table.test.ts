import stringWidth from 'string-width';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitColumns, wrapText } from './table.js';

describe('wrapText', () => {
  it.each([
    ['納税義務者一人当たり課税対象所得', 10, ['納税義務者', '  一人当た', '  り課税対', '  象所得']],
    ['    三洞入洞者数', 12, ['    三洞入洞', '      者数']],
    ['short', 10, ['short']],
  ])('%s in %i columns', (text, width, lines) => expect(wrapText(text, width)).toEqual(lines));

  it('never loses a character and keeps each line within the width (given room for the indent)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('あ', 'a', '１', 'ｱ', '✓'), maxLength: 60 }), fc.integer({ min: 4, max: 30 }), (text, width) => {
        const lines = wrapText(text, width);
        expect(lines.map((l, i) => (i === 0 ? l : l.slice(2))).join('')).toBe(text);
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(Math.max(width, 4));
      }),
    );
  });
});

describe('fitColumns', () => {
  const rows = [
    ['', '名前', '単位', 'a', 'b'],
    ['≠', 'とても長い指標の名前がここに入ります', '百万円', '3,560', '3,510'],
    ['', '1 見出しの行は最後まで使います'],
  ];

  it('as wide as it needs where there is room', () => {
    const lines = fitColumns(rows, new Set([3, 4]), { width: Infinity, wrap: 1, drop: [2] });
    expect(lines[1]).toBe('≠  とても長い指標の名前がここに入ります  百万円  3,560  3,510');
  });

  it('wraps the name column, then leaves out the droppable columns, to fit', () => {
    const wrapped = fitColumns(rows, new Set([3, 4]), { width: 50, wrap: 1, drop: [2] });
    expect(Math.max(...wrapped.map((l) => stringWidth(l)))).toBeLessThanOrEqual(50);
    expect(wrapped.join('\n')).toContain('百万円');
    const dropped = fitColumns(rows, new Set([3, 4]), { width: 34, wrap: 1, drop: [2] });
    expect(dropped.join('\n')).not.toContain('百万円');
    expect(Math.max(...dropped.map((l) => stringWidth(l)))).toBeLessThanOrEqual(34);
    expect(dropped.join('')).toContain('3,510');
  });
});
