import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
const faces = new Map<string, Face>();
const widths = new Map<string, Map<string, number>>();

function face(file: string): Face {
  let font = faces.get(file);
  if (!font) {
    font = fontkit.create(fontFile(file));
    faces.set(file, font);
  }
  return font;
}

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
