import stringWidth from 'string-width';

/** Pads to a display width, counting full-width characters as two columns. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/**
 * How a table fits a terminal: its width, the column whose text wraps (the names), and the
 * columns left out, in this order, while the wrapped column would be narrower than `MIN_WRAP`.
 */
export interface Fit {
  width: number;
  wrap: number;
  drop: readonly number[];
}

const SEPARATOR = '  ';
/** The narrowest a wrapped column gets before other columns are left out. */
const MIN_WRAP = 16;

/** Rows laid out as aligned columns within `fit.width`; `right` names the right-aligned columns. */
export function fitColumns(rows: readonly string[][], right: ReadonlySet<number>, fit: Fit): string[] {
  const naturalWidths = (table: readonly string[][]) => {
    const widths: number[] = [];
    for (const row of table) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
    return widths;
  };
  const count = Math.max(...rows.map((r) => r.length));
  const dropped = new Set<number>();
  const available = () => {
    const widths = naturalWidths(rows);
    let others = 0;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (dropped.has(i)) continue;
      kept++;
      if (i !== fit.wrap) others += widths[i] ?? 0;
    }
    return fit.width - others - SEPARATOR.length * (kept - 1);
  };
  for (const column of fit.drop) {
    if (available() >= MIN_WRAP) break;
    dropped.add(column);
  }
  const kept = rows.map((row) => row.filter((_, i) => !dropped.has(i)));
  const wrapAt = fit.wrap - [...dropped].filter((d) => d < fit.wrap).length;
  const keptRight = new Set([...right].filter((i) => !dropped.has(i)).map((i) => i - [...dropped].filter((d) => d < i).length));
  const limit = Math.max(MIN_WRAP, available());
  // A row that ends at the wrapped column (a heading such as a policy's title) spans the rest of the line.
  const spans = (row: readonly string[]) => row.length <= wrapAt + 1 && fit.width !== Infinity;
  const widthsBefore = naturalWidths(kept.filter((r) => !spans(r))).slice(0, wrapAt);
  const spanLimit = Math.max(MIN_WRAP, fit.width - widthsBefore.reduce((a, b) => a + b, 0) - SEPARATOR.length * wrapAt);
  const lines: { cells: string[]; span: boolean }[] = [];
  for (const row of kept) {
    const span = spans(row);
    const pieces = row.length > wrapAt ? wrapText(row[wrapAt]!, span ? spanLimit : limit) : [];
    lines.push({ cells: pieces.length > 0 ? row.map((cell, i) => (i === wrapAt ? pieces[0]! : cell)) : [...row], span });
    for (const piece of pieces.slice(1)) lines.push({ cells: row.map((_, i) => (i === wrapAt ? piece : '')), span });
  }
  const widths = naturalWidths(lines.filter((l) => !l.span).map((l) => l.cells));
  return lines.map(({ cells, span }) =>
    cells
      .map((cell, i) => (span && i === wrapAt ? cell : pad(cell, widths[i] ?? 0, keptRight.has(i) ? 'right' : 'left')))
      .join(SEPARATOR)
      .trimEnd(),
  );
}

/** Text cut into lines of at most `width` columns; the continuation lines keep its indent. */
export function wrapText(text: string, width: number): string[] {
  if (stringWidth(text) <= width) return [text];
  const indent = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (stringWidth(line + char) > width && line.trim() !== '') {
      lines.push(line);
      line = indent + '  ';
    }
    line += char;
  }
  lines.push(line);
  return lines;
}
