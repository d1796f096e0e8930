import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../io/files.js';

/** The embedded fonts (fonts/README.md): BIZ UDPGothic, a real Bold for bold text. */
export const FONT_FAMILY = 'BIZUDPGothic';
export const FONT_FILES = {
  normal: join(PACKAGE_ROOT, 'fonts', 'BIZUDPGothic-Regular.ttf'),
  bold: join(PACKAGE_ROOT, 'fonts', 'BIZUDPGothic-Bold.ttf'),
} as const;

// The CommonJS fontkit that pdfkit itself loads: one copy of the module in the process, and
// its code already warm when pdfmake measures the same runs.
const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');

const fontData = new Map<string, Buffer>();

/** The bytes of a font file, read once per process for measuring and for pdfmake alike. */
export function fontFile(file: string): Buffer {
  let data = fontData.get(file);
  if (!data) {
    data = readFileSync(file);
    fontData.set(file, data);
  }
  return data;
}

type Face = ReturnType<typeof fontkit.create>;

/** One face per font's bytes, for measuring and for every document the process prints alike. */
const faces = new WeakMap<Uint8Array, Face>();
/** A face's encoded subsets by their glyphs. */
const encodedSubsets = new WeakMap<Face, Map<string, Uint8Array>>();

function faceOf(bytes: Uint8Array): Face {
  let font = faces.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    faces.set(bytes, font);
  }
  return font;
}

function face(file: string): Face {
  return faceOf(fontFile(file));
}

/** A font subset as fontkit makes it: the glyphs it holds, in order, and its bytes. */
interface Subset {
  glyphs: number[];
  encode(): Uint8Array;
}
/** A stream object of a pdfkit document: what it will write, whether it deflates it on the way, and its dictionary. */
interface PdfKitReference {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
  finalize(): void;
}
/** What pdfkit keeps of an embedded font: the face it measures and lays out with, and the document's subset. */
interface EmbeddedFont {
  font: Face;
  subset: Subset;
  shared?: true;
  document: { ref(data?: object): PdfKitReference };
  embed(): void;
}
type PdfKitDocument = { _font?: EmbeddedFont };

/**
 * Lets every document a process prints (`render --watch`, a batch) lay out with the face the
 * process measures with, and reuse a subset's bytes: pdfkit opens the face again for each
 * document, its glyph caches cold, and encodes the subset again, though a document saved again
 * with a figure changed uses the same glyphs. The bytes written are the same: a face's metrics do
 * not depend on which copy is asked, and a subset's encoding depends on its glyphs alone.
 */
export function shareFontFaces(): void {
  const pdfkit = createRequire(import.meta.url)('pdfkit') as { prototype: { font(this: PdfKitDocument, src: unknown, ...rest: unknown[]): unknown } };
  const font = pdfkit.prototype.font;
  if ((font as { shared?: true }).shared) return;
  const shared = function (this: PdfKitDocument, src: unknown, ...rest: unknown[]) {
    const result = font.call(this, src, ...rest);
    const embedded = this._font;
    // Swapped once, as pdfkit makes the document's font (its subset holds the missing glyph alone).
    if (src instanceof Uint8Array && embedded && !embedded.shared && embedded.subset.glyphs.length === 1) {
      embedded.font = faceOf(src);
      embedded.subset = cachedSubset(embedded.font);
      embedded.embed = deflatedOnce(embedded.embed);
      embedded.shared = true;
    }
    return result;
  };
  pdfkit.prototype.font = Object.assign(shared, { shared: true as const });
}

function cachedSubset(font: Face): Subset {
  let encoded = encodedSubsets.get(font);
  if (!encoded) encodedSubsets.set(font, (encoded = new Map()));
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = subset.glyphs.join(',');
    let bytes = encoded.get(key);
    if (!bytes) {
      bytes = encode();
      encoded.set(key, bytes);
    }
    return bytes;
  };
  return subset;
}

/** A subset's bytes deflated, by the bytes (the same object while `cachedSubset` keeps them). */
const deflated = new WeakMap<Uint8Array, Buffer>();

/**
 * pdfkit's `embed` with the font file's stream deflated once per subset: it writes the subset's
 * bytes into the first stream it makes, which it deflates at its end. The stream is given the
 * bytes deflated already, its dictionary the same keys in the same order (Length, Filter).
 */
function deflatedOnce(embed: EmbeddedFont['embed']): EmbeddedFont['embed'] {
  return function (this: EmbeddedFont) {
    const document = this.document;
    const ref = document.ref;
    document.ref = function (data?: object) {
      document.ref = ref;
      const fontFile = ref.call(document, data);
      const end = fontFile.end.bind(fontFile);
      fontFile.end = (bytes?: Uint8Array) => {
        if (!bytes || !fontFile.compress) return end(bytes);
        let packed = deflated.get(bytes);
        if (!packed) deflated.set(bytes, (packed = deflateSync(bytes)));
        fontFile.compress = false;
        fontFile.write(packed);
        fontFile.data.Filter = 'FlateDecode';
        fontFile.finalize();
      };
      return fontFile;
    };
    try {
      embed.call(this);
    } finally {
      document.ref = ref;
    }
  };
}

const widths = new Map<string, Map<string, number>>();

/** Width in points of text set at `size`, in the regular face or, with `bold`, the bold one. */
export function measureText(text: string, size: number, bold = false): number {
  const file = bold ? FONT_FILES.bold : FONT_FILES.normal;
  let cache = widths.get(file);
  if (!cache) widths.set(file, (cache = new Map()));
  let em = cache.get(text);
  if (em === undefined) {
    const font = face(file);
    em = font.layout(text).advanceWidth / font.unitsPerEm;
    cache.set(text, em);
  }
  return em * size;
}

/** The height of a line at `size` before pdfmake's lineHeight factor, as pdfkit computes it (no line gap). */
export function lineHeightOf(size: number, bold = false): number {
  const font = face(bold ? FONT_FILES.bold : FONT_FILES.normal);
  const scale = 1000 / font.unitsPerEm;
  return ((font.ascent * scale - font.descent * scale) / 1000) * size;
}
