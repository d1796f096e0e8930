/**
 * Page flow of a long table, decided before pdfmake lays it out: which rows go on which page,
 * from the rows' heights (estimated, then confirmed by the layout: src/render/pdf.ts). A heading row is kept with the first row under it; rows
 * bound together (a strategy row spanning its goal rows) stay together; a continued page has
 * room for the repeated header and a context line; the note under the table never stands on
 * a page of its own. Pure.
 */

export interface FlowRow {
  /** Height in points, as laid out. */
  height: number;
  /** A heading (strategy without a goal, policy, measure): it may not end a page. */
  heading: boolean;
  /** Bound to the row before it (a goal row under its strategy row's span). */
  bound: boolean;
}

export interface FlowSpace {
  /** The page's content height. */
  page: number;
  /** Taken on the first page above the table's rows (summary, chart, header row). */
  first: number;
  /** Taken on a continued page above the rows (context line and repeated header row). */
  continued: number;
  /** The notes under the table. */
  notes: number;
}

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

/**
 * The rows of each page, as index lists. A unit taller than a page gets a page of its own (the
 * renderer then breaks inside it, as it must).
 */
export function flowPages(rows: readonly FlowRow[], space: FlowSpace): number[][] {
  const pages: number[][] = [[]];
  let room = space.page - space.first;
  const heightOf = (unit: number[]) => unit.reduce((sum, i) => sum + rows[i]!.height, 0);
  const list = units(rows);
  list.forEach((unit, k) => {
    const height = heightOf(unit);
    const last = k === list.length - 1;
    // The last unit takes the notes with it: a page never holds only the notes.
    const needed = height + (last ? space.notes : 0);
    const current = pages[pages.length - 1]!;
    if (needed > room && current.length > 0) {
      pages.push([]);
      room = space.page - space.continued;
    }
    pages[pages.length - 1]!.push(...unit);
    room -= height;
  });
  return pages;
}
