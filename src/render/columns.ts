/**
 * Column widths and the widths text is fitted to in them. A template declares a table's column
 * widths once ({{#columns …}}); the width its phrases are fitted to in a cell follows from them,
 * so that a wider column gives longer lines.
 */

/** The paddings either side of a cell's text in a grid table (src/render/pdf.ts). */
export const GRID_PADDING = 3;
/** The rule between two cells of a grid table. */
export const GRID_RULE = 0.5;
/** Between the texts of two neighbouring columns: their paddings and the rule. */
export const COLUMN_SPACING = 2 * GRID_PADDING + GRID_RULE;
/** Points a line of phrases keeps clear of its cell's edge, against the rounding in the fonts' measures. */
export const TEXT_CLEARANCE = 6;

/**
 * The width text is fitted to in a cell of `span` columns from column `from` (0-based), less
 * `inset` (a bullet beside the text): the columns' widths and the spacing between them.
 */
export function textWidth(widths: readonly number[], from: number, span = 1, inset = 0): number {
  const columns = widths.slice(from, from + span);
  if (columns.length !== span || columns.some((w) => typeof w !== 'number')) {
    throw new RangeError(`columns ${from}–${from + span - 1} of [${widths.join(', ')}]`);
  }
  return columns.reduce((sum, w) => sum + w, 0) + COLUMN_SPACING * (span - 1) - inset - TEXT_CLEARANCE;
}
