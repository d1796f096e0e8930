import { describe, expect, it } from 'vitest';
import { OPS, type Shown, followText, hiddenTextOf } from './pdf-ops.js';

describe('hiddenTextOf: text its clip hides, from the operator list', () => {
  const glyphs = (n: number) => Array.from({ length: n }, () => ({ width: 1000, unicode: '' }));
  /** q, a clip to the box 50–300 × 100–140, texts at 10 pt shown at (x, y) with n glyphs; Q; then one more unclipped. */
  const page = (shown: [x: number, y: number, n: number][], after: [x: number, y: number, n: number]) => {
    const show = ([x, y, n]: [number, number, number]): [number, unknown[]][] => [
      [OPS.setTextMatrix, [new Float32Array([1, 0, 0, 1, x, y])]],
      [OPS.showText, [glyphs(n)]],
    ];
    const list: [number, unknown[]][] = [
      [OPS.save, []],
      [OPS.eoClip, []],
      [OPS.constructPath, [OPS.endPath, [new Float32Array([0, 50, 100, 1, 300, 100, 1, 300, 140, 1, 50, 140])]]],
      [OPS.beginText, []],
      [OPS.setFont, ['f1', 10]],
      ...shown.flatMap(show),
      [OPS.restore, []],
      [OPS.beginText, []],
      ...show(after),
    ];
    return { fnArray: list.map(([fn]) => fn), argsArray: list.map(([, args]) => args) };
  };

  it('hides a line whose glyphs’ middles fall under or over the clip (a merged cell’s text past the page’s last row), or wholly beside it', () => {
    const hidden = hiddenTextOf(
      page(
        [
          [60, 120, 3],
          // Its baseline under the clip's bottom, the glyphs' middles (3.5 pt up) too: hidden.
          [60, 90, 3],
          // Its baseline 2 pt under the clip, its middles inside: seen.
          [60, 98, 3],
          // Running past the clip's right side: seen, and read whole.
          [280, 120, 4],
          // Wholly right of it: hidden.
          [320, 120, 2],
        ],
        [60, 90, 3],
      ),
    );
    expect(hidden.map((h) => [h.transform[4], h.transform[5], h.width])).toEqual([
      [60, 90, 30],
      [320, 120, 20],
    ]);
  });
});

describe('followText: each glyph where the text state set it', () => {
  const glyph = (unicode: string, width = 1000, isSpace = false) => ({ unicode, width, isSpace });
  const shownBy = (ops: { fnArray: number[]; argsArray: unknown[][] }) => {
    const shown: Shown[] = [];
    followText(ops, (_, state) => state.shown && shown.push(state.shown));
    return shown;
  };

  it('advances by the glyphs’ widths, the character spacing, the word spacing at a space and a TJ’s numbers (in em)', () => {
    const [shown, ...more] = shownBy({
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
    });
    expect(more).toEqual([]);
    expect(shown!.matrix).toEqual([10, 0, 0, 10, 40, 100]);
    // 現 1 em and 0.1 of spacing, then 0.5 for the TJ's -500; 状 at 1.6, the space at 2.7, 2 at 2.7 + 0.25 + 0.1 + 0.3.
    expect(shown!.glyphs.map((g) => [g.unicode, +g.from.toFixed(4), g.width])).toEqual([
      ['現', 0, 1],
      ['状', 1.6, 1],
      [' ', 2.7, 0.25],
      ['2', 3.35, 0.5],
    ]);
    expect(shown!.advance).toBeCloseTo(3.95);
  });

  it('restores the text state with the graphics state (Q), and starts each line from the line’s start (Td)', () => {
    const shown = shownBy({
      fnArray: [OPS.save, OPS.setFont, OPS.restore, OPS.beginText, OPS.moveText, OPS.showText, OPS.moveText, OPS.showText],
      argsArray: [[], ['f1', 20], [], [], [10, 50], [[glyph('A', 500)]], [0, -12], [[glyph('B', 500)]]],
    });
    expect(shown.map((t) => t.matrix)).toEqual([
      [1, 0, 0, 1, 10, 50],
      [1, 0, 0, 1, 10, 38],
    ]);
  });
});
