/**
 * What pdf.js's operator lists are read with: its operator codes and the affine matrices that
 * place what they draw. Shared by the rules (pdf.ts) and the marked text (actual-text.ts).
 */

/** OPS codes of pdf.js 5 (pdfjs-dist/src/shared/util.js). */
export const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  endPath: 28,
  clip: 29,
  eoClip: 30,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  beginText: 31,
  setCharSpacing: 33,
  setWordSpacing: 34,
  setHScale: 35,
  setLeading: 36,
  setFont: 37,
  setTextRise: 39,
  moveText: 40,
  setLeadingMoveText: 41,
  setTextMatrix: 42,
  nextLine: 43,
  showText: 44,
  showSpacedText: 45,
  nextLineShowText: 46,
  nextLineSetSpacingShowText: 47,
  setFillColor: 54,
  setFillColorN: 55,
  setStrokeGray: 56,
  setFillGray: 57,
  setStrokeRGBColor: 58,
  setFillRGBColor: 59,
  setFillCMYKColor: 61,
  beginMarkedContent: 69,
  beginMarkedContentProps: 70,
  endMarkedContent: 71,
  constructPath: 91,
} as const;

/** An operator list as pdf.js gives it. */
export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[][];
}

/** [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m after n (pdf.js's Util.transform(m, n)). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The point (x, y) placed by m. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** m moved by (tx, ty) in its own space (a text matrix after Td, or after a glyph's advance). */
export function translate(m: Matrix, tx: number, ty: number): Matrix {
  const [x, y] = apply(m, tx, ty);
  return [m[0], m[1], m[2], m[3], x, y];
}

/** A position this close (in points) is where a glyph was drawn. */
export const SAME_PLACE_PT = 0.05;

/** Whether two transforms (pdf.js's text items', a shown text's) place their text at one point. */
export const samePlace = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  Math.abs(a[4]! - b[4]!) < SAME_PLACE_PT && Math.abs(a[5]! - b[5]!) < SAME_PLACE_PT;

/** An axis-aligned box in user space. */
export interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/** One glyph a text operator shows: its characters, where it starts along the line and its own width (in em). */
export interface ShownGlyph {
  unicode: string;
  from: number;
  width: number;
}

/** Where a text-showing operator draws: its text space (one unit an em) placed in user space, how far its glyphs advance (in em), and each glyph. */
export interface Shown {
  matrix: Matrix;
  advance: number;
  glyphs: ShownGlyph[];
}

/** The text state parameters the graphics state saves and restores with the clip (PDF 32000-1 §9.3). */
interface TextParameters {
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** What `followText` tells of each operator: where it shows glyphs, and the clip they are drawn in. */
export interface TextState {
  /** Where the operator shows glyphs, or null where it shows none. */
  shown: Shown | null;
  /** The clip in effect as a box (user space), or null where nothing is clipped that a box tells (no clip, or a clip of another shape). */
  clip: Box | null;
}

/** pdf.js's path operators within a constructPath's data. */
export const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, closePath: 3 } as const;

/** The box bounding a path of straight segments (user space through `ctm`), or null for one with curves. */
function boxOfPath(data: ArrayLike<number>, ctm: Matrix): Box | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < data.length;) {
    const op = data[k++];
    if (op === DRAW.moveTo || op === DRAW.lineTo) {
      const [x, y] = apply(ctm, data[k++]!, data[k++]!);
      xs.push(x);
      ys.push(y);
    } else if (op !== DRAW.closePath) return null;
  }
  if (xs.length < 3) return null;
  return { left: Math.min(...xs), bottom: Math.min(...ys), right: Math.max(...xs), top: Math.max(...ys) };
}

function intersect(a: Box | null, b: Box): Box {
  return a === null
    ? b
    : { left: Math.max(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.min(a.right, b.right), top: Math.min(a.top, b.top) };
}

/**
 * Calls `visit` for each operator of a list after following it as pdf.js's evaluator does: the
 * text state (where glyphs are shown) and the graphics state's clip, saved and restored with it.
 */
export function followText(ops: OperatorList, visit: (fn: number, state: TextState) => void): void {
  let ctm: Matrix = IDENTITY;
  let clip: Box | null = null;
  let state: TextParameters = { size: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  const saved: { ctm: Matrix; clip: Box | null; state: TextParameters }[] = [];
  // A clip operator applies to the path the next path operator ends.
  let clipping = false;
  let line: Matrix = IDENTITY;
  let text: Matrix = line;
  const show = (items: unknown[]): Shown => {
    const { size, charSpacing, wordSpacing, hScale, rise } = state;
    const start = text;
    const em = size * hScale || 1;
    const glyphs: ShownGlyph[] = [];
    let advance = 0;
    for (const g of items) {
      if (typeof g === 'number') advance -= (g / 1000) * size * hScale;
      else if (g && typeof g === 'object') {
        const glyph = g as { width?: number; isSpace?: boolean; unicode?: string };
        const width = ((glyph.width ?? 0) / 1000) * size * hScale;
        glyphs.push({ unicode: glyph.unicode ?? '', from: advance / em, width: width / em });
        advance += width + charSpacing * hScale + (glyph.isSpace ? wordSpacing * hScale : 0);
      }
    }
    text = translate(text, advance, 0);
    return { matrix: multiply(multiply(ctm, start), [size * hScale, 0, 0, size, 0, rise]), advance: advance / em, glyphs };
  };
  ops.fnArray.forEach((fn, k) => {
    const args = ops.argsArray[k] ?? [];
    const n = (i: number) => Number(args[i] ?? 0);
    let shown: Shown | null = null;
    if (fn === OPS.save) saved.push({ ctm, clip, state: { ...state } });
    else if (fn === OPS.restore) ({ ctm, clip, state } = saved.pop() ?? { ctm, clip, state });
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.clip || fn === OPS.eoClip) clipping = true;
    else if (fn === OPS.constructPath && clipping) {
      clipping = false;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      const box = data ? boxOfPath(data, ctm) : null;
      // A clip of another shape is not followed: what it hides is read, as before.
      if (box) clip = intersect(clip, box);
    } else if (fn === OPS.beginText) line = text = IDENTITY;
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
    else if (fn === OPS.showText || fn === OPS.showSpacedText) shown = show((args[0] as unknown[]) ?? []);
    else if (fn === OPS.nextLineShowText || fn === OPS.nextLineSetSpacingShowText) {
      line = text = translate(line, 0, -state.leading);
      shown = show((args.at(-1) as unknown[]) ?? []);
    }
    visit(fn, { shown, clip });
  });
}

/** A glyph's box, from under its baseline to its top (em): the em box a line's top and bottom are taken by (layout.ts). */
export const GLYPH_BOX_EM = [-0.12, 0.88] as const;

/** Text shown where its clip hides it, as placed (transform, user space) and how wide. */
export interface HiddenText {
  transform: Matrix;
  width: number;
}

/**
 * The texts an operator list shows where their clip hides them whole: their glyphs' box falls
 * outside the clip's box. A spreadsheet draws a cell merged across a page break on both pages,
 * each clipped to its part (Calc prints 商店街の加入率 | 人 | 418 under the page's last row,
 * hidden): read, the row would come twice. Text the clip cuts (a name running past its cell, a
 * page header's title showing its glyphs' tops) shows, and is read whole.
 */
export function hiddenTextOf(ops: OperatorList): HiddenText[] {
  const hidden: HiddenText[] = [];
  followText(ops, (_, { shown, clip }) => {
    if (!shown || !clip) return;
    const { matrix, advance } = shown;
    const corners = GLYPH_BOX_EM.flatMap((y) => [apply(matrix, 0, y), apply(matrix, advance, y)]);
    const [xs, ys] = [corners.map(([x]) => x), corners.map(([, y]) => y)];
    const outside = Math.max(...xs) < clip.left || Math.min(...xs) > clip.right || Math.max(...ys) < clip.bottom || Math.min(...ys) > clip.top;
    if (outside) hidden.push({ transform: matrix, width: advance * Math.hypot(matrix[0], matrix[1]) });
  });
  return hidden;
}
