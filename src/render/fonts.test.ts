import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontFile, shareFontFaces } from './fonts.js';

type Embedded = { font: unknown; subset: { includeGlyph(id: number): number; encode(): Uint8Array } };
const PDFDocument = createRequire(import.meta.url)('pdfkit') as new () => { font(src: Uint8Array): { _font: Embedded } };

describe('shareFontFaces: the documents of one process share a face per font and its subsets’ bytes', () => {
  it('two documents lay out with one face, and the same glyphs give the same encoded bytes once', () => {
    shareFontFaces();
    const [a, b] = [new PDFDocument().font(fontFile(FONT_FILES.normal))._font, new PDFDocument().font(fontFile(FONT_FILES.normal))._font];
    expect(a.font).toBe(b.font);
    for (const font of [a, b]) [36, 1200, 5000].forEach((id) => font.subset.includeGlyph(id));
    expect(a.subset.encode()).toBe(b.subset.encode());
    const bold = new PDFDocument().font(fontFile(FONT_FILES.bold))._font;
    expect(bold.font).not.toBe(a.font);
  });
});
