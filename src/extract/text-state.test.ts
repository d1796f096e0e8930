import { describe, expect, it } from 'vitest';
import { type ShownText, walkText } from './text-state.js';
import { OPS } from './pdf-ops.js';

const glyph = (unicode: string, width = 1000, isSpace = false) => ({ unicode, width, isSpace });

describe('walkText: each glyph where the text state set it', () => {
  it('advances by the glyphs’ widths, the character spacing, the word spacing at a space and a TJ’s numbers', () => {
    const shown: ShownText[] = [];
    const ops = {
      // BT, Tf 10, Tc 1, Tw 3, Tm at (40, 100), TJ [現 -500 状 space 2]
      fnArray: [OPS.beginText, OPS.setFont, OPS.setCharSpacing, OPS.setWordSpacing, OPS.setTextMatrix, OPS.showText],
      argsArray: [
        [],
        ['f1', 10],
        [1],
        [3],
        [new Float32Array([1, 0, 0, 1, 40, 100])],
        [[glyph('現'), -500, glyph('状'), glyph(' ', 250, true), glyph('2', 500)]],
      ],
    };
    walkText(ops, (t) => shown.push(t));
    expect(shown).toHaveLength(1);
    const { at, glyphs, advance } = shown[0]!;
    expect(at[4]).toBe(40);
    // 現 10 wide and 1 of spacing, then 5 for the TJ's -500; 状 at 16, the space at 27 (10 + 1), 2 at 27 + 2.5 + 1 + 3.
    expect(glyphs.map((g) => [g.unicode, g.from, g.width])).toEqual([
      ['現', 0, 10],
      ['状', 16, 10],
      [' ', 27, 2.5],
      ['2', 33.5, 5],
    ]);
    expect(advance).toBe(39.5);
  });

  it('restores the text state with the graphics state (Q), and starts each line from the line’s start (Td)', () => {
    const shown: ShownText[] = [];
    const ops = {
      fnArray: [OPS.save, OPS.setFont, OPS.restore, OPS.beginText, OPS.moveText, OPS.showText, OPS.moveText, OPS.showText],
      argsArray: [[], ['f1', 20], [], [], [10, 50], [[glyph('A', 500)]], [0, -12], [[glyph('B', 500)]]],
    };
    walkText(ops, (t) => shown.push(t));
    expect(shown.map((t) => t.size)).toEqual([1, 1]);
    expect(shown.map((t) => [t.at[4], t.at[5]])).toEqual([
      [10, 50],
      [10, 38],
    ]);
  });
});
