import { join } from 'node:path';
import { openSync } from 'fontkit';
import { PACKAGE_ROOT } from '../model/files.js';

/** The embedded fonts (fonts/README.md): BIZ UDPGothic, a real Bold for bold text. */
export const FONT_FAMILY = 'BIZUDPGothic';
export const FONT_FILES = {
  normal: join(PACKAGE_ROOT, 'fonts', 'BIZUDPGothic-Regular.ttf'),
  bold: join(PACKAGE_ROOT, 'fonts', 'BIZUDPGothic-Bold.ttf'),
} as const;

interface MeasuringFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

let regular: MeasuringFont | undefined;
const cache = new Map<string, number>();

/** Width in points of text set in the regular face at `size`. */
export function measureText(text: string, size: number): number {
  regular ??= openSync(FONT_FILES.normal);
  let em = cache.get(text);
  if (em === undefined) {
    em = regular.layout(text).advanceWidth / regular.unitsPerEm;
    cache.set(text, em);
  }
  return em * size;
}
