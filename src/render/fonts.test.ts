import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontFile, shareFontFaces } from './fonts.js';

type Embedded = { font: unknown; subset: { includeGlyph(id: number): number; encode(): Uint8Array } };
const PDFDocument = createRequire(import.meta.url)('pdfkit') as new () => { font(src: Uint8Array): { _font: Embedded } };

describe('shareFontFaces: a subset is deflated once per process', () => {
  /** A one-page PDF with a few characters of the regular face, as bytes. */
  const printed = (text: string): Promise<Buffer> =>
    new Promise((done) => {
      const PdfKit = createRequire(import.meta.url)('pdfkit') as new (options: object) => {
        font(src: Uint8Array): { text(t: string): void };
        on(event: string, f: (chunk?: Buffer) => void): void;
        end(): void;
      };
      const document = new PdfKit({ info: { CreationDate: new Date(0) } });
      const chunks: Buffer[] = [];
      document.on('data', (chunk) => chunks.push(chunk!));
      document.on('end', () => done(Buffer.concat(chunks)));
      document.font(fontFile(FONT_FILES.normal)).text(text);
      document.end();
    });

  // First in the file: the bytes of pdfkit alone are printed before the sharing is installed.
  it('prints the same bytes as pdfkit alone, the second time from the deflated bytes kept', async () => {
    const pdfkitAlone = await printed('達成状況');
    shareFontFaces();
    const first = await printed('達成状況');
    const second = await printed('達成状況');
    expect(first.equals(pdfkitAlone)).toBe(true);
    expect(second.equals(pdfkitAlone)).toBe(true);
    // The font file's stream, deflated: /Length before /Filter, as pdfkit writes it.
    expect(second.toString('latin1')).toMatch(/<<\n\/Length \d+\n\/Filter \/FlateDecode\n>>\nstream/);
  });
});

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
