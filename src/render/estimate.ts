import { lineHeightOf, measureText } from './fonts.js';

/**
 * Heights of pdfmake nodes estimated from the fonts' metrics, without laying the document out:
 * text cut into lines as pdfmake cuts it (phrases that may not break, greedy lines), stacks,
 * columns, tables and bars. Enough of pdfmake to plan the pages; the real layout then confirms
 * the plan (src/render/pdf.ts), so an estimate that is off costs time, never a wrong page.
 */

type Node = Record<string, unknown>;

/** What a node hands down to its children: pdfmake's style stack, reduced to what sets heights. */
export interface Inherited {
  fontSize: number;
  bold: boolean;
  lineHeight: number;
}

/** A table layout as pdfmake calls it: rule widths and paddings per column or row. */
export type TableLayout = Partial<
  Record<'hLineWidth' | 'vLineWidth' | 'paddingLeft' | 'paddingRight' | 'paddingTop' | 'paddingBottom', (i: number, node: Node) => number>
>;

export interface Estimator {
  styles: Record<string, Node>;
  layouts: Record<string, TableLayout>;
}

/** pdfmake's own layout for a table that names none: 1 pt rules, 4 pt and 2 pt paddings. */
const DEFAULT_LAYOUT: Required<TableLayout> = {
  hLineWidth: () => 1,
  vLineWidth: () => 1,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function stylesOf(node: Node, estimator: Estimator): Node[] {
  const names = Array.isArray(node.style) ? node.style : node.style === undefined ? [] : [node.style];
  return names.map((name) => estimator.styles[String(name)] ?? {});
}

/** A node's own style over what it inherits (named styles first, its own properties last). */
function inherit(node: Node, parent: Inherited, estimator: Estimator): Inherited {
  const result = { ...parent };
  for (const source of [...stylesOf(node, estimator), node]) {
    if (typeof source.fontSize === 'number') result.fontSize = source.fontSize;
    if (typeof source.bold === 'boolean') result.bold = source.bold;
    if (typeof source.lineHeight === 'number') result.lineHeight = source.lineHeight;
  }
  return result;
}

/** [left, top, right, bottom] of a node's margin, from the node or its last style that has one. */
function marginOf(node: Node, estimator: Estimator): [number, number, number, number] {
  const margin =
    node.margin ??
    stylesOf(node, estimator)
      .map((s) => s.margin)
      .filter((m) => m !== undefined)
      .at(-1);
  if (typeof margin === 'number') return [margin, margin, margin, margin];
  if (Array.isArray(margin) && margin.length === 2) return [margin[0], margin[1], margin[0], margin[1]];
  if (Array.isArray(margin) && margin.length === 4) return margin as [number, number, number, number];
  return [0, 0, 0, 0];
}

interface Piece {
  text: string;
  size: number;
  bold: boolean;
  /** A line break after this piece. */
  breakAfter: boolean;
  height: number;
}

/**
 * Bold glyphs of BIZ UDPGothic are at most 5 % wider than regular ones: regular widths times this
 * bound bold text without shaping it in the bold face (pdfmake shapes it anyway when it prints).
 */
const BOLD_WIDEST = 1.1;

const widthOf = (text: string, size: number, bold: boolean) => measureText(text, size, bold);
const widthAtMost = (text: string, size: number, bold: boolean) => measureText(text, size) * (bold ? BOLD_WIDEST : 1);
/** The width of trailing spaces, which pdfmake lets hang past the line's end. */
const trailingOf = (piece: Piece) => {
  const spaces = /\s+$/.exec(piece.text)?.[0];
  return spaces ? widthOf(spaces, piece.size, piece.bold) : 0;
};

/**
 * The pieces pdfmake may put on different lines: a phrase (noWrap) whole, other text by
 * character where it is wider than the line (a number that fits is one piece).
 */
function piecesOf(runs: unknown, width: number, style: Inherited, estimator: Estimator): Piece[] {
  const list = Array.isArray(runs) ? runs : [runs];
  return list.flatMap((run): Piece[] => {
    const node: Node = run !== null && typeof run === 'object' ? (run as Node) : { text: run };
    if (Array.isArray(node.text)) return piecesOf(node.text, width, inherit(node, style, estimator), estimator);
    const { fontSize: size, bold, lineHeight } = inherit(node, style, estimator);
    const height = lineHeightOf(size, bold) * lineHeight;
    const piece = (text: string, breakAfter: boolean): Piece => ({ text, size, bold, breakAfter, height });
    return String(node.text ?? '')
      .split('\n')
      .flatMap((line, i, lines) => {
        const last = i === lines.length - 1;
        const fits = widthAtMost(line, size, bold) <= width || widthOf(line, size, bold) <= width;
        if (node.noWrap === true || line === '' || fits) return [piece(line, !last)];
        const chars = [...line];
        return chars.map((c, k) => piece(c, !last && k === chars.length - 1));
      });
  });
}

/** The height of text set in `width`, its lines filled greedily as pdfmake fills them. */
function textHeight(runs: unknown, width: number, style: Inherited, estimator: Estimator): number {
  const pieces = piecesOf(runs, width, style, estimator);
  // One line, as far as can be told without shaping bold text.
  if (pieces.every((p) => !p.breakAfter) && pieces.reduce((sum, p) => sum + widthAtMost(p.text, p.size, p.bold), 0) <= width) {
    return Math.max(0, ...pieces.map((p) => p.height));
  }
  let height = 0;
  let line = 0;
  let lineHeight = 0;
  let empty = true;
  for (const piece of pieces) {
    const pieceWidth = widthOf(piece.text, piece.size, piece.bold);
    if (!empty && line + pieceWidth - trailingOf(piece) > width) {
      height += lineHeight;
      [line, lineHeight] = [0, 0];
    }
    line += pieceWidth;
    lineHeight = Math.max(lineHeight, piece.height);
    empty = false;
    if (piece.breakAfter) {
      height += lineHeight;
      [line, lineHeight, empty] = [0, 0, true];
    }
  }
  return empty ? height : height + lineHeight;
}

function svgHeight(node: Node): number {
  if (typeof node.height === 'number') return node.height;
  const svg = String(node.svg);
  const attribute = (name: string) => Number(new RegExp(`${name}="([\\d.]+)"`).exec(svg)?.[1] ?? 0);
  const [w, h] = [attribute('width'), attribute('height')];
  return typeof node.width === 'number' && w > 0 ? (h * node.width) / w : h;
}

/** Column widths: numbers as given, the rest ('*', 'auto') sharing what is left. */
function columnWidths(widths: unknown[], available: number): number[] {
  const fixed = widths.reduce((sum: number, w) => sum + (typeof w === 'number' ? w : 0), 0);
  const flexible = widths.filter((w) => typeof w !== 'number').length;
  return widths.map((w) => (typeof w === 'number' ? w : Math.max(0, (available - fixed) / Math.max(1, flexible))));
}

/** The height of a node set in `width`, margins included. */
export function estimateHeight(node: unknown, width: number, parent: Inherited, estimator: Estimator): number {
  if (node === null || typeof node !== 'object') return node === undefined || node === '' ? 0 : textHeight(node, width, parent, estimator);
  if (Array.isArray(node)) return node.reduce((sum: number, child) => sum + estimateHeight(child, width, parent, estimator), 0);
  const n = node as Node;
  const style = inherit(n, parent, estimator);
  const [left, top, right, bottom] = marginOf(n, estimator);
  const inner = width - left - right;
  return top + bottom + contentHeight(n, inner, style, estimator);
}

function contentHeight(node: Node, width: number, style: Inherited, estimator: Estimator): number {
  if (Array.isArray(node.stack)) return node.stack.reduce((sum: number, child) => sum + estimateHeight(child, width, style, estimator), 0);
  if (Array.isArray(node.columns)) {
    const columns = node.columns as Node[];
    const gap = typeof node.columnGap === 'number' ? node.columnGap : 0;
    const widths = columnWidths(
      columns.map((c) => c.width ?? '*'),
      width - gap * (columns.length - 1),
    );
    return Math.max(0, ...columns.map((c, i) => estimateHeight(c, widths[i]!, style, estimator)));
  }
  if (node.table) return tableRowHeights(node, width, style, estimator).reduce((a, b) => a + b, 0);
  if (node.svg !== undefined) return svgHeight(node);
  if (node.text !== undefined) return textHeight(node.text, width, style, estimator);
  return 0;
}

/** The height of each row of a table node, rules and paddings included (the first row with the rule above it). */
export function tableRowHeights(node: Node, width: number, parent: Inherited, estimator: Estimator): number[] {
  const table = node.table as { body: unknown[][]; widths?: unknown[] };
  const style = inherit(node, parent, estimator);
  const layout = { ...DEFAULT_LAYOUT, ...(typeof node.layout === 'string' ? estimator.layouts[node.layout] : undefined) };
  const count = table.body[0]?.length ?? 0;
  const spacing = (i: number) => layout.paddingLeft(i, node) + layout.paddingRight(i, node) + layout.vLineWidth(i, node);
  const outer = Array.from({ length: count }, (_, i) => spacing(i)).reduce((a, b) => a + b, 0) + layout.vLineWidth(count, node);
  const widths = columnWidths(table.widths ?? Array.from({ length: count }, () => '*'), width - outer);
  return table.body.map((row, r) => {
    const cells = row.map((cell, c) => {
      const span = typeof (cell as Node | null)?.colSpan === 'number' ? ((cell as Node).colSpan as number) : 1;
      if ((cell as Node | null)?.rowSpan !== undefined && (cell as Node).rowSpan !== 1) return 0;
      // A spanning cell also has the paddings and rules between its columns.
      let cellWidth = widths.slice(c, c + span).reduce((a, b) => a + b, 0);
      for (let k = c + 1; k < c + span; k++) cellWidth += spacing(k);
      return estimateHeight(cell, cellWidth, style, estimator);
    });
    const rule = r === 0 ? layout.hLineWidth(0, node) : 0;
    return rule + layout.paddingTop(r, node) + Math.max(0, ...cells) + layout.paddingBottom(r, node) + layout.hLineWidth(r + 1, node);
  });
}
