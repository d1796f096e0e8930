/**
 * Page flow of a long table, decided before pdfmake lays it out: which rows go on which page,
 * from the rows' heights (estimated, then confirmed by the layout: src/render/pdf.ts). A heading row is kept with the first row under it; rows
 * bound together (a strategy row spanning its goal rows) stay together; a continued page has
 * room for the repeated header and a context line; a row's note (a correction) is printed under
 * the table on the row's own page; the table's closing note never stands on a page of its own;
 * and no page of a table that has more carries a lone row. Pure.
 */

export interface FlowRow {
  /** Height in points, as laid out. */
  height: number;
  /** A heading (strategy without a goal, policy, measure): it may not end a page. */
  heading: boolean;
  /** Bound to the row before it (a goal row under its strategy row's span). */
  bound: boolean;
  /** The height of the row's notes (its corrections), printed under the table on its page. */
  note?: number;
}

export interface FlowSpace {
  /** The page's content height. */
  page: number;
  /** Taken on the first page above the table's rows (summary, chart, header row). */
  first: number;
  /** Taken on a continued page above the rows (context line and repeated header row). */
  continued: number;
  /** The table's closing notes, on its last page. */
  notes: number;
  /** Notes that belong to what stands above the table (the summary's corrections), on the first page. */
  firstNotes?: number;
  /** The line that opens a page's notes of corrections, once on each page that has any. */
  noteHead?: number;
}

/** Pages of a table hold at least this many rows that are not headings, where the table has them. */
const FEWEST_ROWS = 2;

/** Rows that move as one: headings with what follows them, and bound rows. */
function units(rows: readonly FlowRow[]): number[][] {
  const result: number[][] = [];
  let pending: number[] = [];
  rows.forEach((row, i) => {
    if (row.bound && result.length > 0 && pending.length === 0) {
      result[result.length - 1]!.push(i);
      return;
    }
    pending.push(i);
    if (!row.heading) {
      result.push(pending);
      pending = [];
    }
  });
  // Headings with nothing under them end the table; they go with what precedes them.
  if (pending.length > 0) {
    if (result.length > 0) result[result.length - 1]!.push(...pending);
    else result.push(pending);
  }
  return result;
}

/** The height a page takes with these units: what stands above, the rows, and the notes under them. */
function takenBy(page: readonly number[][], rows: readonly FlowRow[], space: FlowSpace, first: boolean, last: boolean): number {
  const indexes = page.flat();
  const rowHeights = indexes.reduce((sum, i) => sum + rows[i]!.height, 0);
  const notes = indexes.reduce((sum, i) => sum + (rows[i]!.note ?? 0), 0) + (first ? (space.firstNotes ?? 0) : 0);
  return (first ? space.first : space.continued) + rowHeights + notes + (notes > 0 ? (space.noteHead ?? 0) : 0) + (last ? space.notes : 0);
}

function rowsOf(page: readonly number[][], rows: readonly FlowRow[]): number {
  return page.flat().filter((i) => !rows[i]!.heading).length;
}

/**
 * The rows of each page, as index lists. A unit taller than a page gets a page of its own (the
 * renderer then breaks inside it, as it must). Pages are filled in turn; then a page left with a
 * lone row takes rows from the end of the page before it, where both keep enough and it fits.
 */
export function flowPages(rows: readonly FlowRow[], space: FlowSpace): number[][] {
  const list = units(rows);
  const pages: number[][][] = [[]];
  list.forEach((unit, k) => {
    const current = pages[pages.length - 1]!;
    const last = k === list.length - 1;
    // The last unit takes the closing notes with it: a page never holds only the notes.
    if (current.length > 0 && takenBy([...current, unit], rows, space, pages.length === 1, last) > space.page) pages.push([]);
    pages[pages.length - 1]!.push(unit);
  });
  for (let k = pages.length - 1; k > 0; k--) {
    const [before, page] = [pages[k - 1]!, pages[k]!];
    const last = k === pages.length - 1;
    while (rowsOf(page, rows) < FEWEST_ROWS && before.length > 1) {
      const moved = before.at(-1)!;
      const keeps = rowsOf(before.slice(0, -1), rows) >= FEWEST_ROWS;
      if (!keeps || takenBy([moved, ...page], rows, space, false, last) > space.page) break;
      page.unshift(before.pop()!);
    }
  }
  return pages.map((page) => page.flat());
}
