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

let regular: ReturnType<typeof fontkit.create> | undefined;
const cache = new Map<string, number>();

/** Width in points of text set in the regular face at `size`. */
export function measureText(text: string, size: number): number {
  regular ??= fontkit.create(fontFile(FONT_FILES.normal));
  let em = cache.get(text);
  if (em === undefined) {
    em = regular.layout(text).advanceWidth / regular.unitsPerEm;
    cache.set(text, em);
  }
  return em * size;
}
