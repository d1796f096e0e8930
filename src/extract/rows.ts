import { beforeLastQualifier } from '../notation/numbers.js';
import type { Column } from './grid.js';
import { CANNOT_START, type Line, type Phrase, joinPhrases, joinWrapped, textEmWidth } from './layout.js';

/**
 * Rows of a table body from its lines, where any cell may hold several lines: a name or title
 * that wraps, a value with its year note on the next line (3,560 / (H29)), a mark cut in two
 * (目標 / 達成), cells aligned at the top, middle or bottom of rows of uneven height. Pure.
 *
 * The rows are found from what the cells hold, not from where lines start: in a value column
 * each cell holds one whole value, so a line there either starts a cell or completes the one
 * above it. The value cells of one row overlap each other vertically, whatever their alignment,
 * and those of two rows never do; so value cells that overlap make one row. Text (names, units,
 * titles) then joins the row it stands beside, a wrapped line the cell line above or below it
 * at the pitch of lines within a cell; text beside no row is a heading row of its own.
 */

/** One line's text in one column. */
export interface Fragment {
  column: Column;
  phrases: Phrase[];
  text: string;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
}

/** Lines of one cell: of a value column, one value with its continuation lines. */
interface Block {
  column: Column;
  fragments: Fragment[];
  top: number;
  bottom: number;
}

export interface GridRow {
  /** Per column key, the cell's lines in order. */
  fragments: Map<string, Fragment[]>;
  top: number;
  bottom: number;
  /** Text per column key, wrapped lines joined. */
  cells: Record<string, string>;
  /** The column of the row's leftmost text (its level in a hierarchy). */
  start: Column | undefined;
  /** All of the row's text in reading order, for rows whose text spans the columns. */
  text: string;
  /** Whether a value cell's first line only completes a value: the row began above this band (on the page before). */
  tail: boolean;
  /** Whether any value column holds a value (the row is data, not a heading or a stray line). */
  anchored: boolean;
}

/** Value cells of one row overlap by at least this (in em of the type size). */
const ROW_OVERLAP_EM = 0.25;
/** A continuation line of a value stands at most this far (in em) below the line it completes. */
const VALUE_CONTINUATION_EM = 2.5;
/** Lines of one cell are at most this much (in em) further apart than the pitch of lines in a cell. */
export const PITCH_TOLERANCE_EM = 0.12;
/** Where no wrapped cell shows the pitch of lines: lines this close (in em) are one cell. */
const FALLBACK_PITCH_EM = 1.45;

/** The fragments of each line, one per column that the line has text in. */
export function fragmentsOf(lines: readonly Line[], columns: readonly Column[], columnOf: (p: Phrase) => Column | undefined): Fragment[] {
  const fragments: Fragment[] = [];
  for (const line of [...lines].sort((a, b) => a.baseline - b.baseline)) {
    const byColumn = new Map<Column, Phrase[]>();
    for (const p of line.phrases) {
      const column = columnOf(p);
      if (column) byColumn.set(column, [...(byColumn.get(column) ?? []), p]);
    }
    for (const column of columns) {
      const phrases = byColumn.get(column);
      if (!phrases) continue;
      // A cell's own baseline: a browser sets the cells of one line a point or two apart, and the
      // steps between a wrapped cell's lines are measured from it.
      const baseline = phrases.reduce((sum, p) => sum + p.baseline, 0) / phrases.length;
      const shift = baseline - line.baseline;
      fragments.push({ column, phrases, text: joinPhrases(phrases), top: line.top + shift, bottom: line.bottom + shift, baseline, size: line.size });
    }
  }
  return fragments;
}

/**
 * A value cell's lines joined: a number and its note carry no space where they wrapped. A
 * cumulative word alone on its line (延べ over 147,930%) is a word of its own, set apart from its
 * figure (延べ 2, layouts.md §4 item 5): the cell wrapped at that space.
 */
export function joinValue(parts: readonly string[]): string {
  return parts.map((p) => p.trim()).reduce((joined, p, k, all) => (k > 0 && beforeLastQualifier(all[k - 1]!) === '' ? `${joined} ${p}` : joined + p), '');
}

function cellText(column: Column, fragments: readonly Fragment[]): string {
  const texts = fragments.map((f) => f.text);
  return column.complete ? joinValue(texts) : joinWrapped(texts);
}

function overlap(a: { top: number; bottom: number }, b: { top: number; bottom: number }): number {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
}

/**
 * Cells of a value column: a line that is not a whole value by itself completes the cell above.
 * `tail`: the column's first cell never becomes a whole value (`(H29)`, `達成`): it ends a cell
 * that began above the band, on the page before.
 */
function valueBlocks(fragments: readonly Fragment[]): { blocks: Block[]; tail: boolean } {
  const blocks: Block[] = [];
  for (const f of fragments) {
    const complete = f.column.complete!;
    const last = blocks.at(-1);
    const near = last && f.baseline - last.fragments.at(-1)!.baseline <= VALUE_CONTINUATION_EM * f.size;
    if (last && near) {
      const before = cellText(f.column, last.fragments);
      const joined = cellText(f.column, [...last.fragments, f]);
      if ((!complete(f.text) || !complete(before)) && complete(joined)) {
        last.fragments.push(f);
        last.bottom = Math.max(last.bottom, f.bottom);
        continue;
      }
    }
    blocks.push({ column: f.column, fragments: [f], top: f.top, bottom: f.bottom });
  }
  const first = blocks[0];
  return { blocks, tail: !!first && !first.column.complete!(cellText(first.column, first.fragments)) };
}

/** Value cells that overlap make one row; one cell per column and row. */
function anchorRows(blocks: readonly Block[]): Block[][] {
  const rows: Block[][] = [];
  for (const block of [...blocks].sort((a, b) => a.top - b.top || a.bottom - b.bottom)) {
    const need = ROW_OVERLAP_EM * Math.min(...block.fragments.map((f) => f.size));
    const row = rows.find((r) => !r.some((b) => b.column === block.column) && r.some((b) => overlap(b, block) >= need));
    if (row) row.push(block);
    else rows.push([block]);
  }
  return rows;
}

function centreOf(e: { top: number; bottom: number }): number {
  return (e.top + e.bottom) / 2;
}

function extent(blocks: readonly { top: number; bottom: number }[]): { top: number; bottom: number } {
  return { top: Math.min(...blocks.map((b) => b.top)), bottom: Math.max(...blocks.map((b) => b.bottom)) };
}

/**
 * A line ending this far (in em) short of its column's widest line, more than the next line's
 * first word would take, ends its cell: text wraps only where a line is full.
 */
export const SHORT_LINE_EM = 2;
/** Kanji and kana, which break anywhere. */
const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
/**
 * A line's first word that cannot be broken: figures, Latin letters and their brackets (3828）),
 * and the kanji or kana before punctuation that may not open a line, which goes down with it
 * (る。SNS: …推移してい ends three characters short and is full).
 */
const FIRST_WORD = new RegExp(`^(?:[${CJK}](?=${CANNOT_START.source}))?[^\\s${CJK}]+`, 'u');

/** The width (in pt) of a line's first word, which the line above wrapped before where it did not fit. */
export function firstWordWidth(f: { text: string; size: number }): number {
  return textEmWidth(FIRST_WORD.exec(f.text)?.[0] ?? '') * f.size;
}

/** Cells count as set in the middle of their rows where lines above their values are at least this share of those below, or the other way. */
const CENTRED_SHARE = 0.5;

/** Steps (in em) that agree within this are one pitch. */
const SAME_PITCH_EM = 0.05;
/** A step wider than this (in em) is never within one cell. */
const MAX_PITCH_EM = 2.2;

/**
 * The pitch of lines within a cell, in em: the smallest step between lines of one column that
 * the table shows more than once (a cell's lines are evenly spaced, rows are further apart), or
 * that a cell known to hold several lines shows. Null where nothing wraps.
 */
export function cellPitch(steps: readonly number[], sure: readonly number[]): number | null {
  const sorted = [...steps].filter((s) => s > 0 && s <= MAX_PITCH_EM).sort((a, b) => a - b);
  const repeated = sorted.find((s, k) => Math.abs((sorted[k + 1] ?? Infinity) - s) <= SAME_PITCH_EM);
  // A step of nothing (two pieces of one line) is no pitch.
  const known = sure.filter((s) => s > 0).sort((a, b) => a - b)[0];
  if (repeated === undefined) return known ?? null;
  return known === undefined ? repeated : Math.min(repeated, known);
}

/** Fragments of one column nearer than this (em) stand on one line. */
const ONE_LINE_EM = 0.5;

/**
 * The least step (em) between two lines one above the other in one column of a table's rows, or
 * null where no column holds two lines. No two lines of a column stand nearer than a cell's lines
 * do, so a cell's pitch is at most this: where no cell shows its pitch twice (one name wrapped
 * once), a header's heading lines farther apart than this are not one cell's.
 */
export function leastLineStep(rows: readonly Pick<GridRow, 'fragments'>[]): number | null {
  const byColumn = new Map<string, Fragment[]>();
  for (const row of rows) for (const [key, fragments] of row.fragments) byColumn.set(key, [...(byColumn.get(key) ?? []), ...fragments]);
  let least = Infinity;
  for (const fragments of byColumn.values()) {
    const sorted = [...fragments].sort((a, b) => a.baseline - b.baseline);
    sorted.slice(1).forEach((f, k) => {
      const step = (f.baseline - sorted[k]!.baseline) / Math.max(f.size, sorted[k]!.size);
      if (step > ONE_LINE_EM) least = Math.min(least, step);
    });
  }
  return Number.isFinite(least) ? least : null;
}

/**
 * The pitch (em) for reading again the tables that show none: the median of those the document's
 * other tables show (one font and size throughout). Null where no table needs it or none shows one.
 */
export function pitchOfDocument(pitches: readonly (number | null)[]): number | null {
  const shown = pitches.filter((p): p is number => p !== null).sort((a, b) => a - b);
  return shown.length > 0 && shown.length < pitches.length ? shown[Math.floor(shown.length / 2)]! : null;
}

interface Band {
  fragments: Fragment[];
  blocks: Block[];
  anchors: Block[][];
  tail: boolean;
  standsAlone: (f: Fragment) => boolean;
}

function bandOf(fragments: Fragment[], columns: readonly Column[], standsAlone: (f: Fragment) => boolean): Band {
  const blocks: Block[] = [];
  let tail = false;
  for (const column of columns.filter((c) => c.complete)) {
    // A line standing alone that runs into a value column (a long banner) holds no value there.
    const found = valueBlocks(fragments.filter((f) => f.column === column && !standsAlone(f)));
    blocks.push(...found.blocks);
    tail ||= found.tail;
  }
  return { fragments, blocks, anchors: anchorRows(blocks), tail, standsAlone };
}

/** Fragments read as text: those of text columns, and lines standing alone wherever they run. */
function textOf(band: Band): Fragment[] {
  return band.fragments.filter((f) => !f.column.complete || band.standsAlone(f));
}

/**
 * Steps (in em) between successive lines of one column: `sure` where both lines are in one cell
 * for certain (a value and its note; two lines beside one row of values; two lines between the
 * rules of a table that rules every row, up to MAX_PITCH_EM), `all` but those that run from one
 * row of values to another.
 */
function pitchEvidence(band: Band, ruledRow: boolean): { all: number[]; sure: number[] } {
  const all: number[] = [];
  const sure: number[] = [];
  for (const b of band.blocks) {
    for (let k = 1; k < b.fragments.length; k++) sure.push((b.fragments[k]!.baseline - b.fragments[k - 1]!.baseline) / b.fragments[k]!.size);
  }
  const spans = band.anchors.map(extent);
  const rowOf = (f: Fragment) => spans.findIndex((s) => overlap(f, s) > 0);
  const text = textOf(band);
  for (const column of new Set(text.map((f) => f.column))) {
    const inColumn = text.filter((f) => f.column === column);
    for (let k = 1; k < inColumn.length; k++) {
      const [a, b] = [inColumn[k - 1]!, inColumn[k]!];
      const step = (b.baseline - a.baseline) / b.size;
      const [ra, rb] = [rowOf(a), rowOf(b)];
      if ((ra >= 0 && ra === rb) || (ruledRow && step <= MAX_PITCH_EM)) sure.push(step);
      else if (ra < 0 || rb < 0) all.push(step);
    }
  }
  return { all, sure };
}

/**
 * Splits body lines into rows. Horizontal rules separate rows where they are drawn
 * (`boundaries`); within a band between rules, rows come from the cells' contents (above).
 */
export function rowsOf(
  lines: readonly Line[],
  columns: readonly Column[],
  boundaries: readonly number[],
  columnOf: (p: Phrase) => Column | undefined,
  /** A text line that opens a row of its own (a numbered title): never the rest of the cell above. */
  opensRow: (f: Fragment) => boolean = () => false,
  /** The pitch (em) of a cell's lines that other tables of the document show, for a table that shows none. */
  pitchHint: number | null = null,
  /** A text line that is a row by itself (a banner: 基本施策1 …): never part of a row of values. */
  standsAlone: (f: Fragment) => boolean = () => false,
  /** The table went on from the page before: its first lines may be the rest of a cell the page broke. */
  goesOn = false,
): { rows: GridRow[]; pitch: number | null; rowStep: number | null } {
  const bandLines: Line[][] = [];
  let current: Line[] = [];
  let b = 0;
  for (const line of [...lines].sort((x, y) => x.baseline - y.baseline)) {
    const middle = (line.top + line.bottom) / 2;
    while (b < boundaries.length && boundaries[b]! < middle) {
      if (current.length > 0) bandLines.push(current);
      current = [];
      b++;
    }
    current.push(line);
  }
  if (current.length > 0) bandLines.push(current);
  const bands = bandLines.map((l) => bandOf(fragmentsOf(l, columns, columnOf), columns, standsAlone));
  // Rules that part every row (each band holds one row of values, and there are two or more, or
  // one row ruled off from a banner's band): what a band holds is that row's, so its wrapped lines
  // show the pitch even where only one cell of the table wraps.
  const valued = bands.filter((band) => band.anchors.length > 0);
  const ruledRows = valued.length >= 1 && bands.length >= 2 && valued.every((band) => band.anchors.length === 1);
  const evidence = bands.map((band) => pitchEvidence(band, ruledRows && band.anchors.length === 1));
  const own = cellPitch(
    evidence.flatMap((e) => e.all),
    evidence.flatMap((e) => e.sure),
  );
  const rowStep = leastRowStep(bands);
  const bound = rowStep === null ? null : Math.min(MAX_PITCH_EM, rowStep - PITCH_TOLERANCE_EM - ROW_STEP_MARGIN_EM);
  const pitch = own ?? pitchHint ?? Math.max(FALLBACK_PITCH_EM, bound ?? 0);
  return { rows: bands.flatMap((band, k) => rowsOfBand(band, pitch, opensRow, goesOn && k === 0)), pitch: own, rowStep };
}

/** A step this much (em) short of the table's row step, beyond the pitch's own tolerance, is within a cell. */
const ROW_STEP_MARGIN_EM = 0.25;
/** Two lines' baselines this close (em) are one line. */
const SAME_LINE_EM = 0.25;

/**
 * The least step (em) between two rows of one line each, nothing between them, or null; less the
 * margins, the largest pitch of a cell's lines the rows' spacing allows where no cell shows one. Two rows of values one line each, nothing above, between or under their values, stand a
 * line and the rows' padding apart; any two rows' lines stand at least that far apart (a row's
 * values lie within its cells), so a line nearer the one above is that line's cell's (a name's
 * last line `体)` 1.6 em under its row, rows 2.25 em apart: over the 1.45 em guessed without).
 * Rows set without padding show no more than the line pitch, and leave the guess as it was.
 * A banner is a row too (基本目標Ⅰ … over the table's one row of values, whose name's last line
 * `業者数(延べ)` stands 1.58 em under it in a font set that wide): its line and the row's stand
 * a row's padding apart as well.
 */
function leastRowStep(bands: readonly Band[]): number | null {
  const valueRows = bands.flatMap((band) => band.anchors.map((blocks) => ({ ...extent(blocks), fragments: blocks.flatMap((b) => b.fragments) })));
  const rows = [...valueRows, ...bannerRows(bands)].sort((a, b) => a.top - b.top);
  const fragments = bands.flatMap((band) => band.fragments);
  const oneLine = (fs: readonly Fragment[]) => fs.every((f) => Math.abs(f.baseline - fs[0]!.baseline) <= SAME_LINE_EM * f.size);
  let least = Infinity;
  rows.slice(1).forEach((lower, k) => {
    const upper = rows[k]!;
    if (!oneLine(upper.fragments) || !oneLine(lower.fragments)) return;
    const [a, b] = [upper.fragments[0]!, lower.fragments[0]!];
    // Every line from the upper row's top to the lower row's bottom is one of the two rows' lines.
    const around = fragments.filter((f) => f.bottom > upper.top && f.top < lower.bottom);
    if (!around.every((f) => Math.abs(f.baseline - a.baseline) <= SAME_LINE_EM * f.size || Math.abs(f.baseline - b.baseline) <= SAME_LINE_EM * f.size)) return;
    least = Math.min(least, (b.baseline - a.baseline) / b.size);
  });
  return Number.isFinite(least) ? least : null;
}

/** The lines that stand alone (banners), each a row of one line: its fragments on one baseline. */
function bannerRows(bands: readonly Band[]): { top: number; bottom: number; fragments: Fragment[] }[] {
  const rows: { top: number; bottom: number; fragments: Fragment[] }[] = [];
  for (const f of bands.flatMap((band) => band.fragments.filter((g) => band.standsAlone(g)))) {
    const row = rows.find((r) => Math.abs(r.fragments[0]!.baseline - f.baseline) <= SAME_LINE_EM * f.size);
    if (row) row.fragments.push(f);
    else rows.push({ top: f.top, bottom: f.bottom, fragments: [f] });
  }
  return rows.map((r) => ({ ...r, ...extent(r.fragments) }));
}

/** A cell's top, middle or bottom nearer its row's values' own than the others are by this (em) tells how it is set. */
const ALIGNMENT_TOLERANCE_EM = 0.25;

type Alignment = 'top' | 'middle' | 'bottom';

/**
 * How the cells that can be told are set in their rows: cells of two or more lines, linked,
 * beside one row's values and no other's, whose top, middle or bottom stands at the values' own
 * clearly nearer than the others do (a name of two lines around its row's numbers: the middle; a
 * department of two lines ending on the numbers' line: the bottom). Null where none tell.
 */
function alignmentByCells(
  columnsOfText: readonly Fragment[][],
  owner: ReadonlyMap<Fragment, number>,
  spans: readonly { top: number; bottom: number }[],
  linked: (a: Fragment, b: Fragment) => boolean,
  standsAlone: (f: Fragment) => boolean,
): Alignment | null {
  const votes: Record<Alignment, number> = { top: 0, middle: 0, bottom: 0 };
  for (const inColumn of columnsOfText) {
    const runs: Fragment[][] = [];
    // A banner over a row (■施策① … over (3) 図書館…) is a row of its own, not a line of the cell
    // below it: at Writer's one pitch it is linked to the row's first line, and would tell the
    // cell ends on its values' line (set at the bottom).
    inColumn.forEach((f, k) =>
      k > 0 && linked(inColumn[k - 1]!, f) && !standsAlone(f) && !standsAlone(inColumn[k - 1]!) ? runs.at(-1)!.push(f) : runs.push([f]),
    );
    for (const run of runs) {
      const rows = new Set(run.flatMap((f) => (owner.has(f) ? [owner.get(f)!] : [])));
      if (run.length < 2 || rows.size !== 1) continue;
      const [cell, values] = [extent(run), spans[[...rows][0]!]!];
      const off: [Alignment, number][] = [
        ['top', Math.abs(cell.top - values.top)],
        ['middle', Math.abs(cell.top + cell.bottom - values.top - values.bottom) / 2],
        ['bottom', Math.abs(cell.bottom - values.bottom)],
      ];
      const [nearest, next] = off.sort((a, b) => a[1] - b[1]);
      if (nearest![1] < next![1] - ALIGNMENT_TOLERANCE_EM * run[0]!.size) votes[nearest![0]]++;
    }
  }
  const [first, second] = Object.entries(votes).sort((a, b) => b[1] - a[1]) as [Alignment, number][];
  return first![1] > second![1] ? first![0] : null;
}

/** The wraps tell cells set at the bottom where that way leaves at most this share of the short lines the other does. */
const WRAPS_SHARE = 0.5;

/**
 * Where no cell tells how cells are set (every line of a column at one pitch, Writer without
 * padding: a run of lines links the rows' cells into one), the wraps may: a cell's lines but its
 * last are full, text wrapping only where a line is. The lines between two rows' values are taken
 * with the row above (set at the top) and with the row below (at the bottom); the way that leaves
 * far fewer cells with a line ending short before their last (WRAPS_SHARE) is 'bottom'; else nothing is told.
 * (文化財割合 | 図書館子育て | 世帯ICT入込 | 客数, values beside the first and the last: 客数's row.)
 */
function bottomByWraps(
  columnsOfText: readonly Fragment[][],
  owner: ReadonlyMap<Fragment, number>,
  linked: (a: Fragment, b: Fragment) => boolean,
  endsCell: (f: Fragment, next: Fragment) => boolean,
): 'bottom' | null {
  const endsShort = (cell: readonly Fragment[]) => cell.slice(0, -1).filter((f, k) => endsCell(f, cell[k + 1]!)).length;
  let [top, bottom] = [0, 0];
  for (const inColumn of columnsOfText) {
    const anchors = inColumn.flatMap((f, k) => (owner.has(f) ? [k] : []));
    anchors.slice(1).forEach((to, i) => {
      const from = anchors[i]!;
      const [upper, lower] = [owner.get(inColumn[from]!), owner.get(inColumn[to]!)];
      const run = inColumn.slice(from, to + 1);
      if (upper === lower || run.length < 3 || run.some((f, k) => k > 0 && !linked(run[k - 1]!, f))) return;
      top += endsShort(run.slice(0, -1)) + endsShort(run.slice(-1));
      bottom += endsShort(run.slice(0, 1)) + endsShort(run.slice(1));
    });
  }
  return bottom < WRAPS_SHARE * top ? 'bottom' : null;
}

/**
 * `brokenAbove`: the first band on the page of a table going on from the page before, whose first
 * lines may be the rest of a cell the page broke (over the first values of cells set at the top,
 * or setting a centred cell off its middle). On the page a table starts they can only be its own.
 */
function rowsOfBand(band: Band, pitch: number, opensRow: (f: Fragment) => boolean, brokenAbove: boolean): GridRow[] {
  const standsAlone = band.standsAlone;
  const rows: { fragments: Fragment[]; anchored: boolean; tail: boolean }[] = band.anchors.map((blocks) => ({
    fragments: blocks.flatMap((bl) => bl.fragments),
    anchored: true,
    tail: false,
  }));
  // The band's first row holds the value cell that began above it.
  if (band.tail && rows.length > 0) rows[0]!.tail = true;
  const spans = band.anchors.map(extent);
  // Text lines: beside a row of values, or linked to such a line at the pitch of a cell.
  const owner = new Map<Fragment, number>();
  const text = textOf(band);
  for (const f of text) {
    if (standsAlone(f)) continue;
    let best = -1;
    let most = ROW_OVERLAP_EM * f.size;
    spans.forEach((s, k) => {
      const o = overlap(f, s);
      if (o >= most) [best, most] = [k, o];
    });
    if (best >= 0) owner.set(f, best);
  }
  // `b` below `a` continues its cell.
  const linked = (a: Fragment, b: Fragment) => !opensRow(b) && b.baseline - a.baseline <= (pitch + PITCH_TOLERANCE_EM) * Math.max(a.size, b.size);
  const columnsOfText = [...new Set(text.map((f) => f.column))].map((c) => text.filter((f) => f.column === c));
  // A row of values between two linked lines of a column, none of whose lines is beside it: the
  // two are its cell, set in the middle around its values (lines spaced wide overlap the values
  // too little to be held by them, and would go to the row below at the same pitch).
  for (const inColumn of columnsOfText) {
    inColumn.forEach((b, k) => {
      const a = inColumn[k - 1];
      if (!a || owner.has(a) || owner.has(b) || standsAlone(a) || standsAlone(b) || !linked(a, b)) return;
      const between = spans.flatMap((s, row) => (centreOf(s) > centreOf(a) && centreOf(s) < centreOf(b) ? [row] : []));
      const row = between.length === 1 ? between[0]! : -1;
      if (row < 0 || [...owner].some(([f, at]) => at === row && f.column === b.column)) return;
      owner.set(a, row);
      owner.set(b, row);
    });
  }
  // Grow each row's cell up and down through linked lines, nearest first; a line as near to a
  // row above as to one below goes the way the table's other wrapped cells go.
  // How far a row's cell in a column, with `f` added, would stand off the middle of its values.
  // The lines row `k` owns in a column.
  const ownedIn = (k: number, column: Column) => [...owner].filter(([o, at]) => at === k && o.column === column).map(([o]) => o);
  const offCentre = (k: number, f: Fragment) => Math.abs(centreOf(extent([...ownedIn(k, f.column), f])) - centreOf(spans[k]!));
  // How far a column's full lines reach: a banner runs across the table, past the column's cells
  // (基本目標2 子育て世帯… over a name column whose widest line ends 74 pt short of it), and tells nothing.
  const widest = new Map(
    columnsOfText.map((inColumn) => [inColumn[0]!.column, Math.max(...inColumn.filter((f) => !standsAlone(f)).map((f) => f.phrases.at(-1)!.right))]),
  );
  // Whether `f` ends its cell, `next` the line under it.
  const endsCell = (f: Fragment, next: Fragment) => widest.get(f.column)! - f.phrases.at(-1)!.right > SHORT_LINE_EM * f.size + firstWordWidth(next);
  // Of a line as near to the row above as to the one below: the way a short line tells, if one does
  // (the line above ends its cell: this one begins the next; this one ends its cell: it ends the one above).
  const wrapSide = (above: Fragment, f: Fragment, below: Fragment): 'above' | 'below' | null => {
    const [aboveEnds, ends] = [endsCell(above, f), endsCell(f, below)];
    return aboveEnds === ends ? null : aboveEnds ? 'below' : 'above';
  };
  // Lines that are no row's of this band (the rest of a cell the page broke, above the first values).
  const leftOver = new Set<Fragment>();
  // `upwards`: lines are taken from the bottom of a column up, so that rows below claim theirs first.
  const grow = (prefer: 'above' | 'below' | 'centred' | null, upwards = false) => {
    for (let changed = true; changed;) {
      changed = false;
      for (const inColumn of columnsOfText) {
        const order = inColumn.map((_, k) => k);
        (upwards ? order.reverse() : order).forEach((k) => {
          const f = inColumn[k]!;
          if (owner.has(f) || standsAlone(f) || leftOver.has(f)) return;
          const above = inColumn[k - 1];
          const below = inColumn[k + 1];
          const fromAbove = above && owner.has(above) && linked(above, f) ? f.baseline - above.baseline : Infinity;
          const fromBelow = below && owner.has(below) && linked(f, below) ? below.baseline - f.baseline : Infinity;
          if (fromAbove === Infinity && fromBelow === Infinity) return;
          const tie = Math.abs(fromAbove - fromBelow) <= PITCH_TOLERANCE_EM * f.size && owner.get(above!) !== owner.get(below!);
          const side = tie ? wrapSide(above!, f, below!) : null;
          if (tie && !side && !prefer) return;
          const up = !tie
            ? fromAbove <= fromBelow
            : side
              ? side === 'above'
              : prefer === 'centred'
                ? offCentre(owner.get(above!)!, f) < offCentre(owner.get(below!)!, f)
                : prefer === 'above';
          owner.set(f, owner.get(up ? above! : below!)!);
          changed = true;
        });
      }
    }
  };
  /** Every row takes the lines next to its cells at once; a line two rows reach in one round waits for the tie-break. */
  const growInRounds = () => {
    for (;;) {
      const taken = new Map<Fragment, number>();
      for (const inColumn of columnsOfText) {
        inColumn.forEach((f, k) => {
          if (owner.has(f) || standsAlone(f)) return;
          const [above, below] = [inColumn[k - 1], inColumn[k + 1]];
          const rows = new Set([
            // Never across a line that ends short of its column: text wraps only where a line is full.
            ...(above && owner.has(above) && linked(above, f) && !endsCell(above, f) ? [owner.get(above)!] : []),
            ...(below && owner.has(below) && linked(f, below) && !endsCell(f, below) ? [owner.get(below)!] : []),
          ]);
          if (rows.size === 1) taken.set(f, [...rows][0]!);
        });
      }
      if (taken.size === 0) return;
      for (const [f, k] of taken) owner.set(f, k);
    }
  };
  /**
   * How far row `k`'s cell in `cell`'s column stands off its values' middle once the rows have
   * grown through the lines left (as grow('centred') will grow them), with `taken` taken into the
   * cell and `left` left out of every row. Owners and lines left are as before after.
   */
  const offCentreGrown = (k: number, cell: Fragment, taken: readonly Fragment[], left: readonly Fragment[]) => {
    const [owned, leftBefore] = [new Map(owner), new Set(leftOver)];
    for (const f of taken) owner.set(f, k);
    for (const f of left) {
      owner.delete(f);
      leftOver.add(f);
    }
    grow('centred');
    const off = offCentre(k, cell);
    owner.clear();
    for (const [f, at] of owned) owner.set(f, at);
    leftOver.clear();
    for (const f of leftBefore) leftOver.add(f);
    return off;
  };
  // Lines over the page's first values that would set the centred cell under them off its values'
  // middle are the rest of a cell the page broke (…結果を踏ま | え、内容の充実を図る。 over 今後も…).
  // The cell is told as it will grow, not as the rounds left it: its lines under its values that
  // the rounds could not take (short lines, in a column whose widest is a paragraph run across the
  // table, end their cells to the rounds) are its as well, and with them the lines over the values
  // may be what centres it (ICT市内の | 参加者数 | (社) around 449 447 …: the page's first row whole).
  const leaveBrokenRest = () => {
    const firstValues = Math.min(...spans.map((s) => s.top));
    for (const inColumn of columnsOfText) {
      // From the lines beside the values: the rounds may have grown the first row up through the rest already.
      const at = inColumn.findIndex((f) => beside.has(f));
      const [cell, rest] = [inColumn[at], inColumn.slice(0, Math.max(0, at))];
      if (!cell || rest.length === 0 || rest.some((f) => standsAlone(f) || centreOf(f) >= firstValues)) continue;
      const k = owner.get(cell)!;
      const tolerance = ALIGNMENT_TOLERANCE_EM * cell.size;
      if (offCentreGrown(k, cell, rest, []) <= tolerance) continue;
      // The fewest of the first lines left over that centre the cell with the others taken (a row broken after its
      // first line: ICT 図書館 | 就業者数 | (千円) over 健康づくり | 農林水産業 | … around 10 14 14).
      const broken = rest.findIndex((_, p) => offCentreGrown(k, cell, rest.slice(p + 1), rest.slice(0, p + 1)) <= tolerance);
      for (const f of broken < 0 ? [] : rest.slice(0, broken + 1)) {
        owner.delete(f);
        leftOver.add(f);
      }
    }
  };
  // The lines beside a row's values are that row's whatever the cells around them do.
  const beside = new Map(owner);
  /**
   * Centred cells of two rows that meet in a column (linked lines, no gap: Writer sets cells without
   * padding) part where both stand nearest their values' middles. Growing a line a round, the rows
   * meet where the taller cell, reaching further, has not yet taken its own last lines (a comment of
   * thirteen lines left its …事業の見直し | を行う。 to the next row's comment of five).
   */
  const partMeetingCells = () => {
    for (const inColumn of columnsOfText) {
      const cellOf = (k: number, without: readonly Fragment[]) => ownedIn(k, inColumn[0]!.column).filter((o) => !without.includes(o));
      for (let j = 1; j < inColumn.length; j++) {
        const [upper, lower] = [owner.get(inColumn[j - 1]!), owner.get(inColumn[j]!)];
        if (upper === undefined || lower === undefined || upper === lower || !linked(inColumn[j - 1]!, inColumn[j]!)) continue;
        // The run of lines the two cells hold, each line linked to the next.
        let [from, to] = [j - 1, j];
        while (from > 0 && owner.get(inColumn[from - 1]!) === upper && linked(inColumn[from - 1]!, inColumn[from]!)) from--;
        while (to + 1 < inColumn.length && owner.get(inColumn[to + 1]!) === lower && linked(inColumn[to]!, inColumn[to + 1]!)) to++;
        const run = inColumn.slice(from, to + 1);
        const [restUpper, restLower] = [cellOf(upper, run), cellOf(lower, run)];
        const off = (cut: number) =>
          Math.abs(centreOf(extent([...restUpper, ...run.slice(0, cut)])) - centreOf(spans[upper]!)) +
          Math.abs(centreOf(extent([...restLower, ...run.slice(cut)])) - centreOf(spans[lower]!));
        // Each cell keeps a line, and the lines beside its values.
        const cuts = run
          .map((_, cut) => cut)
          .filter((cut) => cut > 0 && cut < run.length && run.every((f, i) => !beside.has(f) || owner.get(f) === (i < cut ? upper : lower)));
        const now = j - from;
        const best = cuts.reduce((b, cut) => (off(cut) < off(b) ? cut : b), now);
        if (off(best) >= off(now) - ALIGNMENT_TOLERANCE_EM * inColumn[j]!.size) continue;
        run.forEach((f, i) => owner.set(f, i < best ? upper : lower));
        j = from + best;
      }
    }
  };
  const alignment = alignmentByCells(columnsOfText, owner, spans, linked, standsAlone) ?? bottomByWraps(columnsOfText, owner, linked, endsCell);
  // Centred cells grow up and down alike, a line a round, so that a tall cell does not take the
  // lines of the one below it that stand above that row's values (comments of many lines).
  const growCentred = () => {
    growInRounds();
    if (brokenAbove) leaveBrokenRest();
    grow('centred');
    partMeetingCells();
  };
  if (alignment === 'middle') growCentred();
  else if (alignment === 'bottom') {
    // Cells ending on their values' line: a line between two rows begins the cell below.
    grow(null, true);
    grow('below', true);
  } else {
    grow(null);
    let belowValues = 0;
    let aboveValues = 0;
    // By a line's middle: a producer's lines of one row may overlap its values' line by a point (Writer).
    const firstValues = Math.min(...spans.map((s) => s.top));
    const heads: Fragment[] = [];
    const topShownBy = new Set<number>();
    for (const [f, k] of owner) {
      if (centreOf(f) >= spans[k]!.bottom) {
        belowValues++;
        topShownBy.add(k);
      } else if (centreOf(f) <= spans[k]!.top) aboveValues++;
      if (brokenAbove && centreOf(f) <= firstValues) heads.push(f);
    }
    // Cells set at the top of their rows (no line above its row's values but those above the page's
    // first values, and rows below those showing lines under their values): lines above the first
    // values are no row's here but the rest of a cell the page broke, and go back to the page
    // before (a name's last line （人） over the next indicator's, at Writer's one pitch).
    const headRows = new Set(heads.map((f) => owner.get(f)!));
    if (heads.length > 0 && aboveValues === heads.length && [...topShownBy].some((k) => !headRows.has(k))) {
      for (const f of heads) {
        owner.delete(f);
        leftOver.add(f);
      }
      aboveValues = 0;
    }
    // Cells set in the middle of their rows (as many lines above their values as below) keep the
    // line that ties to the row it leaves centred; else the way most go.
    const centred = aboveValues > 0 && Math.min(aboveValues, belowValues) / Math.max(aboveValues, belowValues) >= CENTRED_SHARE;
    if (centred) {
      // Set in the middle, though no cell told it alone (Writer's cells meet without padding, their lines at one
      // pitch): grown again from the lines beside the values as centred cells are, the rest of a cell the page broke left over.
      owner.clear();
      for (const [f, k] of beside) owner.set(f, k);
      leftOver.clear();
      growCentred();
    } else grow(belowValues >= aboveValues ? 'above' : 'below');
  }
  for (const [f, k] of owner) rows[k]!.fragments.push(f);
  // Text beside no row of values: heading rows (and stray lines); lines linked in a column or
  // side by side make one row.
  const loose = text.filter((f) => !owner.has(f));
  const group = loose.map((_, k) => k);
  const root = (k: number): number => (group[k] === k ? k : (group[k] = root(group[k]!)));
  loose.forEach((f, k) => {
    for (let j = 0; j < k; j++) {
      const o = loose[j]!;
      // A line that stands alone starts its row (two banners one under the other are two rows).
      const together = (o.column === f.column && o.baseline < f.baseline && linked(o, f) && !standsAlone(f)) || overlap(o, f) > ROW_OVERLAP_EM * f.size;
      if (together) group[root(k)] = root(j);
    }
  });
  const groups = new Map<number, Fragment[]>();
  loose.forEach((f, k) => groups.set(root(k), [...(groups.get(root(k)) ?? []), f]));
  for (const g of groups.values()) rows.push({ fragments: g, anchored: false, tail: false });
  return rows.map((r) => gridRow(r.fragments, r.anchored, r.tail)).sort((a, b) => a.top - b.top);
}

/** A row from its fragments; `fragments` in any order. */
export function gridRow(fragments: readonly Fragment[], anchored: boolean, tail: boolean): GridRow {
  const sorted = [...fragments].sort((a, b) => a.baseline - b.baseline || a.phrases[0]!.x - b.phrases[0]!.x);
  const byKey = new Map<string, Fragment[]>();
  for (const f of sorted) byKey.set(f.column.key, [...(byKey.get(f.column.key) ?? []), f]);
  const cells: Record<string, string> = {};
  for (const [key, parts] of byKey) cells[key] = cellText(parts[0]!.column, parts);
  const leftmost = sorted.reduce<Fragment | undefined>((best, f) => (!best || f.phrases[0]!.x < best.phrases[0]!.x - 0.5 ? f : best), undefined);
  return {
    fragments: byKey,
    top: Math.min(...sorted.map((f) => f.top)),
    bottom: Math.max(...sorted.map((f) => f.bottom)),
    cells,
    start: leftmost?.column,
    text: readingOrder(sorted),
    tail,
    anchored,
  };
}

/** Text this close (in em) to the text on its left in the next column runs on from it (a title printed across columns). */
const FLOW_GAP_EM = 1;

/**
 * A row's text as it is read: cell by cell from the left, each cell line by line; text that runs
 * on from the column on its left (a title across columns) is read with the cell it runs from.
 */
export function readingOrder(fragments: readonly Fragment[]): string {
  const cellOf = new Map<Fragment, Fragment>();
  const byX = [...fragments].sort((a, b) => a.phrases[0]!.x - b.phrases[0]!.x);
  for (const f of byX) {
    const from = byX.find(
      (g) =>
        g !== f &&
        g.column.left < f.column.left &&
        Math.abs(g.baseline - f.baseline) <= 0.3 * f.size &&
        Math.abs(f.phrases[0]!.x - g.phrases.at(-1)!.right) <= FLOW_GAP_EM * f.size,
    );
    cellOf.set(f, from ? (cellOf.get(from) ?? from) : f);
  }
  const left = (f: Fragment) => cellOf.get(f)!.column.left;
  const ordered = [...fragments].sort((a, b) => left(a) - left(b) || a.baseline - b.baseline || a.phrases[0]!.x - b.phrases[0]!.x);
  const cells: Phrase[][][] = [];
  let column = NaN;
  let baseline = -Infinity;
  for (const f of ordered) {
    if (left(f) !== column) {
      cells.push([[...f.phrases]]);
      column = left(f);
    } else if (f.baseline - baseline > 0.3 * f.size) cells.at(-1)!.push([...f.phrases]);
    else
      cells
        .at(-1)!
        .at(-1)!
        .push(...f.phrases);
    baseline = f.baseline;
  }
  return cells.map((lines) => joinWrapped(lines.map(joinPhrases))).join(' ');
}

/** Two rows as one: the second continues the cells of the first (a row split by a page break). */
export function joinRows(first: GridRow, second: GridRow): GridRow {
  // Keep the order of the pages: the second row's lines come after the first's.
  const shift = first.bottom - second.top + 1;
  const moved = [...second.fragments.values()].flat().map((f) => ({ ...f, top: f.top + shift, bottom: f.bottom + shift, baseline: f.baseline + shift }));
  const kept = [...first.fragments.values()].flat();
  return gridRow([...kept, ...moved], first.anchored || second.anchored, first.tail);
}
