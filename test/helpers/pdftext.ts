import { readPdf, type TextRun } from '../../src/extract/pdf.js';

/** A piece of one line of text: runs that touch, as pdfmake sets one line of one cell. */
export interface Segment {
  text: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  page: number;
}

/** The rendered text as segments, from pdf.js (the same reader the extractor uses). */
export async function segmentsOf(pdf: Uint8Array): Promise<Segment[]> {
  const pages = await readPdf(pdf, 'rendered.pdf');
  const segments: Segment[] = [];
  for (const page of pages) {
    // pdf.js puts a space item into each gap; the gaps themselves separate the cells.
    const runs = [...page.runs].filter((r) => r.text.trim() !== '').sort((a, b) => a.baseline - b.baseline || a.x - b.x);
    let current: Segment | undefined;
    let last: TextRun | undefined;
    for (const run of runs) {
      // Runs within a space's width of each other are one line of one cell.
      const gap = current ? run.x - current.right : Infinity;
      // A bullet mark stands in a column of its own, left of its hanging text.
      const mark = (t: string) => /^[○・•]$/.test(t.trim());
      const touches =
        current && last && !mark(last.text) && !mark(run.text) && Math.abs(run.baseline - last.baseline) < 0.5 && gap < 0.4 * run.size && gap > -1;
      if (current && touches) {
        current.text += (gap > 0.15 * run.size ? ' ' : '') + run.text;
        current.right = run.x + run.width;
      } else {
        current = { text: run.text, x: run.x, right: run.x + run.width, baseline: run.baseline, size: run.size, page: page.number };
        segments.push(current);
      }
      last = run;
    }
  }
  return segments;
}

/**
 * The text of each column: segments that start at one x, top to bottom, joined; a cell's
 * wrapped lines come one after the other there.
 */
export function columnTexts(segments: readonly Segment[]): string {
  const columns = new Map<string, Segment[]>();
  for (const s of segments) {
    const key = `${s.page}:${Math.round(s.x)}`;
    columns.set(key, [...(columns.get(key) ?? []), s]);
  }
  return [...columns.values()]
    .map((list) =>
      list
        .sort((a, b) => a.baseline - b.baseline)
        .map((s) => s.text)
        .join(''),
    )
    .join('\n');
}

/** Pairs of consecutive lines of one wrapped cell: same x, one line height apart. */
export function wrappedLines(segments: readonly Segment[], lineHeight: number): [Segment, Segment][] {
  const pairs: [Segment, Segment][] = [];
  for (const s of segments) {
    const next = segments.find((t) => t.page === s.page && Math.abs(t.x - s.x) < 0.5 && Math.abs(t.baseline - s.baseline - s.size * lineHeight) < 0.6);
    if (next) pairs.push([s, next]);
  }
  return pairs;
}
