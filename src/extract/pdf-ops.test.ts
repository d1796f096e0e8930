import { describe, expect, it } from 'vitest';
import { OPS, hiddenTextOf } from './pdf-ops.js';

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
