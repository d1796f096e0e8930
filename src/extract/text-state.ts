import { IDENTITY, type Matrix, type OperatorList, OPS, multiply, translate } from './pdf-ops.js';

/** One glyph a text operator shows: its characters, where it starts along the line, and its own width (text space). */
export interface ShownGlyph {
  unicode: string;
  from: number;
  width: number;
}

/** What one text-showing operator drew, placed as the text state placed it. */
export interface ShownText {
  /** User space of the text's start: the CTM by the text matrix. */
  at: Matrix;
  size: number;
  hScale: number;
  rise: number;
  glyphs: ShownGlyph[];
  /** The advance of all its glyphs and spacing along the line (text space, scaled by size and hScale). */
  advance: number;
}

/** The text state parameters the graphics state saves and restores (PDF 32000-1 §9.3). */
interface TextParameters {
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/**
 * Follows an operator list's text state as pdf.js's evaluator does, calling `shown` for each operator
 * that shows glyphs, and `other` for every other operator (marked content, say). Glyph widths are
 * pdf.js's, in thousandths of the font size.
 */
export function walkText(ops: OperatorList, shown: (text: ShownText) => void, other?: (fn: number) => void): void {
  let ctm: Matrix = IDENTITY;
  let state: TextParameters = { size: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  const saved: Array<{ ctm: Matrix; state: TextParameters }> = [];
  let line: Matrix = IDENTITY;
  let text: Matrix = line;
  const show = (items: unknown[]) => {
    const { size, hScale, charSpacing, wordSpacing, rise } = state;
    const glyphs: ShownGlyph[] = [];
    let advance = 0;
    for (const g of items) {
      if (typeof g === 'number') advance -= (g / 1000) * size * hScale;
      else if (g && typeof g === 'object') {
        const glyph = g as { width?: number; isSpace?: boolean; unicode?: string };
        const width = ((glyph.width ?? 0) / 1000) * size * hScale;
        glyphs.push({ unicode: glyph.unicode ?? '', from: advance, width });
        advance += width + charSpacing * hScale + (glyph.isSpace ? wordSpacing * hScale : 0);
      }
    }
    shown({ at: multiply(ctm, text), size, hScale, rise, glyphs, advance });
    text = translate(text, advance, 0);
  };
  ops.fnArray.forEach((fn, k) => {
    const args = ops.argsArray[k] ?? [];
    const n = (i: number) => Number(args[i] ?? 0);
    if (fn === OPS.save) saved.push({ ctm, state: { ...state } });
    else if (fn === OPS.restore) ({ ctm, state } = saved.pop() ?? { ctm, state });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.beginText) line = text = IDENTITY;
    else if (fn === OPS.setCharSpacing) state.charSpacing = n(0);
    else if (fn === OPS.setWordSpacing) state.wordSpacing = n(0);
    else if (fn === OPS.setHScale) state.hScale = n(0) / 100;
    else if (fn === OPS.setLeading) state.leading = n(0);
    else if (fn === OPS.setFont) state.size = n(1);
    else if (fn === OPS.setTextRise) state.rise = n(0);
    else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText) {
      if (fn === OPS.setLeadingMoveText) state.leading = -n(1);
      line = text = translate(line, n(0), n(1));
    } else if (fn === OPS.setTextMatrix) {
      // pdf.js 5 gives the matrix as one argument (a typed array), earlier versions as six.
      const m = args.length === 1 ? Array.from(args[0] as ArrayLike<number>) : args.map(Number);
      line = text = m.slice(0, 6) as Matrix;
    } else if (fn === OPS.nextLine) line = text = translate(line, 0, -state.leading);
    else if (fn === OPS.showText || fn === OPS.showSpacedText) show((args[0] as unknown[]) ?? []);
    else if (fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      line = text = translate(line, 0, -state.leading);
      show((args.at(-1) as unknown[]) ?? []);
    } else other?.(fn);
  });
}
