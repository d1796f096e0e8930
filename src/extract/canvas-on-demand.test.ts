import { describe, expect, it } from 'vitest';
import './canvas-on-demand.js';

/** The constructors pdf.js finds on globalThis (Node has none of its own). */
const { DOMMatrix, ImageData } = globalThis as unknown as {
  DOMMatrix: new () => { scaleSelf(x: number, y: number): { translateSelf(x: number, y: number): Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', number> } };
  ImageData: new (data: Uint8ClampedArray, width: number, height: number) => { width: number; height: number; data: Uint8ClampedArray };
};

describe('the canvas on demand', () => {
  it('a DOMMatrix made before any use computes as the real one (as a Type 3 glyph asks of it)', () => {
    const { a, b, c, d, e, f } = new DOMMatrix().scaleSelf(1 / 4, -1 / 2).translateSelf(0, -2);
    expect([a, b, c, d, e, f]).toEqual([0.25, 0, 0, -0.5, 0, 1]);
  });

  it('an ImageData holds its pixels', () => {
    const image = new ImageData(new Uint8ClampedArray(16), 2, 2);
    expect([image.width, image.height, image.data.length]).toEqual([2, 2, 16]);
  });
});
