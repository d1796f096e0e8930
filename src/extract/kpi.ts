import { MessageLog } from '../model/messages.js';
import { findEraYear, parseMeasurement, parsePrintedNumber, parseProgress } from '../notation/numbers.js';
import { type Scheme, columnOf, gradeOfMark, markOf, summaryGrades } from '../model/scheme.js';
import type { Indicator, KpiDocument, Measure, Measurement, Message, Policy, Status, Strategy, Summary } from '../model/types.js';
import {
  type Column,
  type ColumnSpec,
  type TableHeader,
  columnsRuledOn,
  findHeader,
  hasLabel,
  refineColumns,
  rowBoundaries,
  splitLinesAtColumns,
  columnOfPhrase,
} from './grid.js';
import { type LaidOutPage, type Line, type Phrase, makeLine, withoutFurniture } from './layout.js';
import { type Fragment, type GridRow, joinRows, pitchOfDocument, rowsOf } from './rows.js';
import { type RowOrigin, checkKpiExtraction } from './check.js';
import { EXTRACTION_DOUBT_RULE } from '../evaluate/doubts.js';
import { t, type Text } from '../model/i18n.js';
import { NOT_ENTERED } from '../model/walk.js';
import { type SchemeReading, SUMMARY_FRAME, TOTAL_COLUMN, choosePrintedScheme, marksOf, readingOf, summaryMinimum, summarySpecs } from './printed-scheme.js';

/**
 * The KPI progress report reader: summary tables and detail tables, in page order, into the
 * strategy › policy › measure › indicator hierarchy. Pure.
 */

const HIERARCHY = ['strategy', 'policy', 'measure'] as const;

/** What makes a cell whole in each value column (rows are told apart by these; see rows.ts). */
const isMeasurement = (text: string) => text.trim() === NOT_ENTERED || parseMeasurement(text).ok;
const isProgress = (text: string) => text.trim() !== '' && parseProgress(text) !== undefined;
/**
 * The marks of the default scheme (schemes/default.yaml, with its other forms; a test checks
 * they agree): the headings of a KPI report are known by these before its scheme is.
 */
export const DEFAULT_MARKS: readonly string[] = ['目標達成', '達成', '改善↑', '改善', '改善↗', '-', '－', '―', '−', '悪化↓', '悪化', '悪化↘'];

/**
 * The detail table's columns; `marks` are what a 状況 cell holds whole (every mark of every
 * scheme the report may have been printed under: the column layout is found before its scheme).
 */
export function detailColumns(marks: ReadonlySet<string>): ColumnSpec[] {
  const isStatusMark = (text: string) => marks.has(text.trim()) || marks.has(text.trim().normalize('NFKC'));
  return [
    { key: 'strategy', label: /重点戦略|基本目標名?$/ },
    { key: 'policy', label: /戦略方針|基本方針/ },
    { key: 'measure', label: /^施策/ },
    { key: 'name', label: /目標指標|指標名|^KPI$/ },
    { key: 'unit', label: /^単位$/, values: true },
    { key: 'baseline', label: /^(現状|基準)(値)?\s*[aａ]?$/, values: true, complete: isMeasurement },
    { key: 'actual', label: /実績\s*(値)?\s*[bｂ]?$/, values: true, complete: isMeasurement },
    { key: 'target', label: /^目標(値)?\s*[cｃ]?$/, values: true, complete: isMeasurement },
    { key: 'progress', label: /^(進捗率|達成率)/, values: true, complete: isProgress },
    { key: 'status', label: /^(状況|評価|達成状況)$/, values: true, complete: isStatusMark },
    { key: 'department', label: /^(担当|所管)(課|部署|部局)(名)?$/ },
    // The quantity a scheme grades by, where tassei prints it beside 状況 (達成率 b/c): read past, not a value of the document.
    { key: 'graded', label: /^判定の/, values: true, complete: isProgress },
  ];
}

export const DETAIL_COLUMNS: readonly ColumnSpec[] = detailColumns(new Set(DEFAULT_MARKS));

/** The headings of a summary table that are not grades (the grades' come from each scheme). */
export const SUMMARY_COLUMNS: readonly ColumnSpec[] = [...SUMMARY_FRAME, TOTAL_COLUMN];

/** Enough headings of a detail table to be sure it is one. */
const DETAIL_MINIMUM = 6;
/** A context line over a continued table (重点戦略1 … › 施策2 …（続き）), as tassei prints it: not a row. */
const CONTINUED = /（続き）$/;
/** The note under a detail table ends its body. */
const NOTE = /^備考/;
/** A leading number of a row: `1`, `１`, `(1)`, `①`. */
const LEADING_NUMBER = /^(?:[(（]?([0-9０-９]+)(?:[)）]|[.．](?![0-9０-９]))?(?![0-9０-９.．,，])|([①-⑳]))\s*(.*)$/s;

export function looksLikeKpi(pages: readonly LaidOutPage[]): boolean {
  return pages.some((p) => {
    const header = findHeader(p.lines, DETAIL_COLUMNS, [], [], DETAIL_MINIMUM);
    return header !== null && OWN_VALUE_COLUMNS.every((key) => header.columns.some((c) => c.key === key));
  });
}

/**
 * tassei's own family always prints 現状 a, 実績 b and 目標 c: a table of six known headings
 * without them (基本目標 | 施策の方向 | 施策 | 成果指標名 | 単位 | R4実績値, beside R1基準値 and
 * R6目標値) is another municipality's.
 */
const OWN_VALUE_COLUMNS = ['baseline', 'actual', 'target'] as const;

/**
 * A line of a table heading (kept where headings repeat on every page): labels and no numbers,
 * but for grades printed as numbers (佐野市's 7 … 1) among the summary headings of `schemes`.
 */
export function headingLineOf(schemes: readonly Scheme[]): (line: Line) => boolean {
  const sources = schemes
    .flatMap(summarySpecs)
    .filter((s) => s.complete && s.key !== 'total')
    .map((g) => g.label.source);
  // One expression for every grade heading of every scheme: a line is tested once, not per scheme.
  const grade = sources.length > 0 ? new RegExp(sources.map((x) => `(?:${x})`).join('|')) : /(?!)/;
  const specs = [...DETAIL_COLUMNS, ...SUMMARY_COLUMNS];
  const isNumber = (p: Phrase) => parsePrintedNumber(p.text) !== null;
  // A line of numbers alone (a page number) is no heading, even where a grade is printed 1.
  return (line) =>
    (specs.some((s) => hasLabel(line, s)) || line.phrases.some((p) => grade.test(p.text.trim()))) &&
    !line.phrases.every(isNumber) &&
    !line.phrases.some((p) => isNumber(p) && !grade.test(p.text.trim()));
}

/** The columns a report's tables may have: one detail table, and a summary table per scheme it may have been printed under. */
interface TableSpecs {
  detail: ColumnSpec[];
  /** Schemes with the same summary headings share one entry. */
  summaries: { schemes: Scheme[]; specs: ColumnSpec[] }[];
}

function tableSpecs(schemes: readonly Scheme[]): TableSpecs {
  const summaries = new Map<string, { schemes: Scheme[]; specs: ColumnSpec[] }>();
  for (const scheme of schemes) {
    const specs = summarySpecs(scheme);
    const key = specs.map((s) => `${s.key}=${s.label.source}`).join('\n');
    const entry = summaries.get(key) ?? { schemes: [], specs };
    entry.schemes.push(scheme);
    summaries.set(key, entry);
  }
  return { detail: detailColumns(marksOf(schemes)), summaries: [...summaries.values()] };
}

/** Headings that are not grades: a summary header has all but these many grade headings at least. */
const FRAME_COLUMNS = SUMMARY_FRAME.length + 1;
const mayHold = new WeakMap<LaidOutPage, Map<readonly ColumnSpec[], boolean>>();
/** A page's phrases, one a line: a label matched line by line (flag m) where it matches one phrase. */
const pageTexts = new WeakMap<LaidOutPage, string>();
const multiline = new WeakMap<RegExp, RegExp>();
/** Whether `label` matches one of the page's phrases, or (harmless here: only a filter) spans two. */
function printsLabel(text: string, label: RegExp): boolean {
  let m = multiline.get(label);
  if (!m) multiline.set(label, (m = new RegExp(label.source, label.flags.replace(/[gym]/g, '') + 'm')));
  return m.test(text);
}

/**
 * Whether a page prints enough of a scheme's grade headings for one of its summary headers: a
 * scheme whose grades the page does not print is not looked for line by line (there are eleven).
 */
function mayHoldHeader(page: LaidOutPage, specs: readonly ColumnSpec[]): boolean {
  const known = mayHold.get(page) ?? new Map<readonly ColumnSpec[], boolean>();
  mayHold.set(page, known);
  if (!known.has(specs)) {
    let text = pageTexts.get(page);
    if (text === undefined) pageTexts.set(page, (text = [...new Set(page.lines.flatMap((l) => l.phrases.map((p) => p.text)))].join('\n')));
    const grades = specs.filter((c) => c.complete && c.key !== 'total');
    const printed = grades.filter((g) => printsLabel(text, g.label)).length;
    known.set(specs, printed >= summaryMinimum(specs) - FRAME_COLUMNS);
  }
  return known.get(specs)!;
}

/**
 * The first summary header from `from` under any of the schemes, with the schemes whose every
 * grade it prints, among those that find the most of its columns.
 */
function findSummaryHeader(
  lines: readonly Line[],
  page: LaidOutPage,
  specs: TableSpecs,
  from: number,
): { header: TableHeader; fits: Scheme[]; keyedBy: Scheme } | null {
  const found = specs.summaries
    .filter((entry) => mayHoldHeader(page, entry.specs))
    .flatMap(({ schemes, specs: columns }) => {
      const header = findHeader(lines, columns, page.vertical, page.horizontal, summaryMinimum(columns), from);
      return header ? [{ header, schemes, complete: columns.every((c) => !c.complete || header.columns.some((h) => h.key === c.key)) }] : [];
    });
  if (found.length === 0) return null;
  const top = Math.min(...found.map((f) => f.header.top));
  const first = found.filter((f) => f.header.top - top < 0.5);
  const complete = first.filter((f) => f.complete);
  if (complete.length === 0) {
    // A header cut short (by a page break) is read with the first scheme that finds it: the one the document is graded by, where it does.
    return { header: first[0]!.header, fits: [], keyedBy: first[0]!.schemes[0]! };
  }
  const most = Math.max(...complete.map((f) => f.header.columns.length));
  const best = complete.filter((f) => f.header.columns.length === most);
  return { header: best[0]!.header, fits: best.flatMap((f) => f.schemes), keyedBy: best[0]!.schemes[0]! };
}

interface Table {
  kind: 'detail' | 'summary';
  page: number;
  columns: Column[];
  /** A summary table's: the schemes whose grades its headings print. */
  fits: Scheme[];
  /** A summary table's: the scheme whose grades its column keys are. */
  keyedBy?: Scheme;
  rows: GridRow[];
  /** The pitch (em) of a cell's lines that this table shows; null where nothing wraps. */
  pitch: number | null;
  /** The table as the next page may continue it. */
  open: OpenTable;
}

function toHalfWidthNumber(text: string): number {
  return Number(text.normalize('NFKC'));
}

/** `3 「働きたい！」…` → [3, 「働きたい！」…]; null number where there is none. */
export function splitNumber(text: string): { no: number | null; title: string } {
  const m = LEADING_NUMBER.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return { no: null, title: text.trim() };
  const no = m[1] ? toHalfWidthNumber(m[1]) : m[2]!.charCodeAt(0) - 0x2460 + 1;
  return { no, title: m[3]!.trim() };
}

/** A table's kind and columns, carried to the next page for a table that continues there without a header. */
interface OpenTable {
  kind: Table['kind'];
  /** The columns as its header gives them (before the body refined them). */
  columns: Column[];
  /** Its body lines so far: a page that continues it refines the columns with these and its own. */
  body: Line[];
  fits: Scheme[];
  keyedBy?: Scheme;
}

/** A table's header as found on a page, with its kind and, for a summary, the schemes it fits. */
interface FoundHeader {
  kind: Table['kind'];
  header: TableHeader;
  fits: Scheme[];
  keyedBy?: Scheme;
}

/** A page's lines without its furniture, and the headers of its tables in order. */
interface PageHeaders {
  lines: Line[];
  found: FoundHeader[];
}

/** The headers of a page's tables, top to bottom. They depend on the page alone, not on the tables before it. */
function headersOf(page: LaidOutPage, furniture: ReadonlySet<Phrase>, specs: TableSpecs): PageHeaders {
  const lines = withoutFurniture(page.lines, furniture);
  const found: FoundHeader[] = [];
  let from = 0;
  // The header of the other kind found after the one taken is still the next of its kind; and
  // where none was found, none will be: each kind's search goes on only past the one taken.
  let detail: TableHeader | null | undefined;
  let summary: ReturnType<typeof findSummaryHeader> | undefined;
  const stale = (h: TableHeader | null | undefined) => h === undefined || (h !== null && lines.indexOf(h.lines[0]!) < from);
  while (from < lines.length) {
    if (stale(detail)) detail = findHeader(lines, specs.detail, page.vertical, page.horizontal, DETAIL_MINIMUM, from);
    if (summary === undefined || (summary !== null && lines.indexOf(summary.header.lines[0]!) < from)) summary = findSummaryHeader(lines, page, specs, from);
    const next = [detail && ({ kind: 'detail', header: detail, fits: [] } as FoundHeader), summary && ({ kind: 'summary', ...summary } as FoundHeader)]
      .filter((h): h is FoundHeader => !!h)
      .sort((a, b) => a.header.top - b.header.top)[0];
    if (!next) break;
    found.push(next);
    from = lines.indexOf(next.header.lines.at(-1)!) + 1;
  }
  return { lines, found };
}

/**
 * Tables of a page in order, each with its rows. Lines above the page's first header continue
 * the table of the previous page (`open`), whose columns they keep. `headers`: the page's, where
 * they were found before (a page read again with another pitch has the same headers).
 */
export function tablesOf(
  page: LaidOutPage,
  furniture: ReadonlySet<Phrase>,
  open: OpenTable | undefined,
  pitchHint: number | null,
  specs: TableSpecs,
  headers: PageHeaders = headersOf(page, furniture, specs),
): Table[] {
  const { lines, found } = headers;
  const tables: Table[] = [];
  // Lines that overlap the first heading (a page header printed over it) continue nothing.
  const firstTop = found[0]?.header.top ?? Infinity;
  const above = lines.filter((l) => l.bottom < firstTop - 0.5 && !CONTINUED.test(l.text.trim()));
  if (open && above.length > 0) {
    tables.push(tableOf(page, above, open.kind, open.columns, null, -Infinity, firstTop, pitchHint, open, open.body));
  }
  found.forEach(({ kind, header, fits, keyedBy }, k) => {
    tables.push(tableOf(page, lines, kind, header.columns, header, header.bottom, found[k + 1]?.header.top ?? Infinity, pitchHint, { fits, keyedBy }));
  });
  return tables;
}

/**
 * A table's columns as its body places them, and its body's lines cut at them, by the columns its
 * header gave: a page read again with another pitch (tablesOfDocument) lays its tables out the same.
 */
const laidOut = new WeakMap<readonly Column[], LaidOutTable[]>();
interface LaidOutTable {
  page: LaidOutPage;
  header: TableHeader | null;
  bodyLines: number;
  shown: readonly Line[];
  columns: Column[];
  split: Line[];
  /** Its rows as last read, with the pitch it shows (null: read by the hint). */
  read?: { boundaries: readonly number[]; pitchHint: number | null; rows: GridRow[]; pitch: number | null };
}
const sameLines = (a: readonly Line[], b: readonly Line[]) => a.length === b.length && a.every((l, k) => l === b[k]);
const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, k) => x === b[k]);

function tableOf(
  page: LaidOutPage,
  lines: readonly Line[],
  kind: Table['kind'],
  columns: Column[],
  header: TableHeader | null,
  top: number,
  end: number,
  pitchHint: number | null,
  schemes: Pick<Table, 'fits' | 'keyedBy'>,
  carried: readonly Line[] = [],
): Table {
  const body: Line[] = [];
  const outerRight = columns.at(-1)?.right ?? Infinity;
  for (const line of lines) {
    const middle = (line.top + line.bottom) / 2;
    if (middle < top || middle > end || header?.lines.includes(line)) continue;
    if (NOTE.test(line.text)) break;
    // Text beyond the table's outer rule (a chart's labels beside a summary table) is not of it.
    const inside = line.phrases.filter((p) => p.x < outerRight);
    if (inside.length === line.phrases.length) body.push(line);
    else if (inside.length > 0) body.push(makeLine(inside));
  }
  const bottom = Math.max(top, ...body.map((l) => l.bottom)) + 1;
  const left = Math.min(...body.map((l) => l.x), ...(header ? [header.lines[0]!.x] : []));
  const right = Math.max(...body.map((l) => l.right), ...(header ? header.lines.map((l) => l.right) : []));
  const bodyTop = Number.isFinite(top) ? top : Math.min(...body.map((l) => l.top)) - 1;
  const boundaries = rowBoundaries(page.horizontal, left, right, bodyTop, bottom);
  const headerColumns = columns;
  const shown = [...carried, ...body];
  const laid = laidOut.get(headerColumns) ?? [];
  laidOut.set(headerColumns, laid);
  let known = laid.find((t) => t.page === page && t.header === header && t.bodyLines === body.length && sameLines(t.shown, shown));
  if (!known) {
    if (!header && body.length > 0)
      columns = columnsRuledOn(columns, page.vertical, Math.min(...body.map((l) => l.top)), Math.max(...body.map((l) => l.bottom)));
    columns = refineColumns(columns, shown);
    known = { page, header, bodyLines: body.length, shown, columns, split: splitLinesAtColumns(body, columns) };
    laid.push(known);
  }
  columns = known.columns;
  const split = known.split;
  const final = columns;
  const opensRow = (f: Fragment) => (HIERARCHY as readonly string[]).includes(f.column.key) && splitNumber(f.text).no !== null;
  // A table that shows its own pitch reads its rows by it, whatever the hint.
  const read = known.read;
  const again = read && sameNumbers(read.boundaries, boundaries) && (read.pitch !== null || read.pitchHint === pitchHint);
  const { rows, pitch } = again
    ? { rows: [...read.rows], pitch: read.pitch }
    : rowsOf(split, columns, boundaries, (p) => columnOfPhrase(final, p), opensRow, pitchHint);
  if (!again) known.read = { boundaries, pitchHint, rows: [...rows], pitch };
  const { fits, keyedBy } = schemes;
  return { kind, page: page.number, columns, rows, pitch, fits, keyedBy, open: { kind, columns: headerColumns, body: [...carried, ...body], fits, keyedBy } };
}

const VALUE_KEYS = ['baseline', 'actual', 'target', 'progress', 'status'] as const;

type Level = (typeof HIERARCHY)[number];

/**
 * The strategies, policies and measures a detail row opens, left to right: a hierarchy cell
 * that starts with a number opens its level; one that does not continues the title on its left
 * (a title printed across the columns, or a number alone in its cell with the title beside it).
 * A row with no values is a heading whose text may run on over every column.
 */
export function headingsOf(row: GridRow, hasValues: boolean): { level: Level; no: number | null; title: string }[] {
  if (!hasValues) {
    const level = HIERARCHY.find((l) => l === row.start?.key);
    return level ? [{ level, ...splitNumber(row.text) }] : [];
  }
  const headings: { level: Level; no: number | null; title: string }[] = [];
  for (const level of HIERARCHY) {
    const text = row.cells[level];
    if (!text) continue;
    const { no, title } = splitNumber(text);
    const last = headings.at(-1);
    if (last && (no === null || last.title === '')) last.title += text.trim();
    else headings.push({ level, no, title });
  }
  return headings;
}

/** A row that opens a strategy, policy or measure: its number in a hierarchy column. */
function isHeadingRow(row: GridRow): boolean {
  return !row.anchored && (HIERARCHY as readonly string[]).includes(row.start?.key ?? '') && splitNumber(row.text).no !== null;
}

/**
 * Whether the first row of a page continues the last row of the page before (a row split by
 * the page break): it completes a value cell, or it is text with no values and no number of its
 * own, or the row before was such text waiting for its values.
 */
export function continuesRow(last: GridRow, first: GridRow): boolean {
  if (first.tail) return true;
  if (!first.anchored && !isHeadingRow(first)) return true;
  return !last.anchored && !isHeadingRow(last) && first.anchored;
}

/**
 * The tables of all pages, with rows split by page breaks joined again. A page whose tables
 * show no wrapped cell is read again with the pitch of a cell's lines that the others show.
 */
function tablesOfDocument(pages: readonly LaidOutPage[], furniture: ReadonlySet<Phrase>, specs: TableSpecs): Table[] {
  // Headers are found once a page: a page read again with a pitch has the same.
  const headers = new Map<LaidOutPage, PageHeaders>();
  const headersOfPage = (page: LaidOutPage) => {
    if (!headers.has(page)) headers.set(page, headersOf(page, furniture, specs));
    return headers.get(page)!;
  };
  const read = (pitchHint: number | null, previous?: Table[][]) => {
    const byPage: Table[][] = [];
    let open: OpenTable | undefined;
    pages.forEach((page, k) => {
      const again = previous && previous[k]!.some((t) => t.pitch === null) ? null : previous?.[k];
      const found = again ?? tablesOf(page, furniture, open, pitchHint, specs, headersOfPage(page));
      byPage.push(found);
      if (found.length > 0) open = found.at(-1)!.open;
    });
    return byPage;
  };
  let byPage = read(null);
  const pitch = pitchOfDocument(byPage.flat().map((t) => t.pitch));
  if (pitch !== null) byPage = read(pitch, byPage);
  const tables: Table[] = [];
  for (const found of byPage) {
    const last = tables.at(-1);
    const first = found[0];
    if (
      last &&
      first &&
      last.kind === first.kind &&
      last.page < first.page &&
      last.rows.length > 0 &&
      first.rows.length > 0 &&
      continuesRow(last.rows.at(-1)!, first.rows[0]!)
    ) {
      last.rows[last.rows.length - 1] = joinRows(last.rows.at(-1)!, first.rows.shift()!);
    }
    tables.push(...found);
  }
  return tables;
}

/**
 * Reads the KPI progress report from laid-out pages, its marks and summary headings with the
 * scheme it was printed under (see printed-scheme.ts), which it returns.
 */
export function readKpi(
  pages: readonly LaidOutPage[],
  furniture: ReadonlySet<Phrase>,
  title: string,
  file: string,
  schemes: Scheme | SchemeReading,
): { document: KpiDocument; messages: Message[]; scheme: Scheme } {
  const log = new MessageLog(file);
  const reading = readingOf(schemes);
  const tables = tablesOfDocument(
    pages,
    furniture,
    tableSpecs(reading.given ? [reading.given] : [reading.preferred, ...reading.known.filter((s) => s !== reading.preferred)]),
  );
  const scheme = printedSchemeOf(tables, pages, reading, log);
  const warn = (page: number, message: Text, hint?: Text) => log.warn('extract-kpi', message, { page: page || undefined, hint });
  const strategies: Strategy[] = [];
  const summaries = new Map<number, { total: Summary | null; goal: Summary | null; policies: Map<number, { title: string; summary: Summary }> }>();
  let fiscalYear: number | null = null;
  let strategy: Strategy | undefined;
  let policy: Policy | undefined;
  let measure: Measure | undefined;
  let summaryOf: number | undefined;

  const origins = new Map<Indicator, RowOrigin>();
  const indicatorAt = (row: GridRow, page: number) => {
    const indicator = indicatorOf(row, page, warn, scheme);
    origins.set(indicator, { page, top: row.top, text: row.text });
    return indicator;
  };
  for (const table of tables) {
    if (table.kind === 'summary') {
      for (const row of table.rows) {
        const counts = summaryCounts(row, table, scheme);
        if (!counts) {
          // A count table's row is all counts: one that is not was misread (its header, its columns).
          log.warn(
            EXTRACTION_DOUBT_RULE,
            t(`件数のない集計表の行を読み飛ばしました:「${rowText(row)}」`, `a summary row without counts was skipped: "${rowText(row)}"`),
            {
              page: table.page,
              hint: t('PDFの集計表と見比べ、YAMLの集計を直してください', "compare with the PDF's count table and correct the counts in the YAML"),
            },
          );
          continue;
        }
        const label = [row.cells.strategy, row.cells.policy, row.cells.measure].filter(Boolean).join(' ').trim();
        if (row.start?.key === 'strategy') {
          const { no } = splitNumber(row.cells.strategy ?? label);
          summaryOf = no ?? summaries.size + 1;
          summaries.set(summaryOf, { total: counts, goal: null, policies: new Map() });
        } else if (summaryOf === undefined) {
          warn(table.page, t(`重点戦略の行より前の集計表の行を読み飛ばしました:「${label}」`, `a summary row before any strategy row was skipped: "${label}"`));
        } else if (/^基本目標|基本目標$/.test(label)) {
          // The tail of a title split from the row above by a page break may stand before it.
          summaries.get(summaryOf)!.goal = counts;
        } else {
          const entry = summaries.get(summaryOf)!;
          const { no, title: policyTitle } = splitNumber(label);
          entry.policies.set(no ?? entry.policies.size + 1, { title: policyTitle, summary: counts });
        }
      }
      continue;
    }
    fiscalYear ??= findEraYear(table.columns.find((c) => c.key === 'actual')?.heading ?? '');
    for (const row of table.rows) {
      const hasValues = VALUE_KEYS.some((k) => (row.cells[k] ?? '') !== '');
      const headings = headingsOf(row, hasValues);
      if (headings.length === 0 && !hasValues) {
        warn(
          table.page,
          t(
            `重点戦略・戦略方針・施策・指標のどれでもない行を読み飛ばしました:「${rowText(row)}」`,
            `a row that is neither a strategy, policy, measure nor indicator was skipped: "${rowText(row)}"`,
          ),
        );
        continue;
      }
      for (const h of headings) {
        if (h.level === 'strategy') {
          strategy = { no: h.no ?? strategies.length + 1, title: h.title, indicators: [], reportedGoalSummary: null, reportedSummary: null, policies: [] };
          strategies.push(strategy);
          policy = undefined;
          measure = undefined;
        } else if (h.level === 'policy') {
          if (!strategy) {
            warn(
              table.page,
              t(`重点戦略より前の戦略方針の行を読み飛ばしました:「${rowText(row)}」`, `a policy row before any strategy was skipped: "${rowText(row)}"`),
            );
            continue;
          }
          policy = { no: h.no ?? strategy.policies.length + 1, title: h.title, reportedSummary: null, measures: [] };
          strategy.policies.push(policy);
          measure = undefined;
        } else {
          if (!policy) {
            warn(
              table.page,
              t(`戦略方針の外の施策の行を読み飛ばしました:「${rowText(row)}」`, `a measure row outside any policy was skipped: "${rowText(row)}"`),
            );
            continue;
          }
          measure = { no: h.no ?? policy.measures.length + 1, title: h.title, indicators: [] };
          policy.measures.push(measure);
        }
      }
      if (!hasValues) continue;
      const indicator = indicatorAt(row, table.page);
      if (measure) measure.indicators.push(indicator);
      else if (strategy && !policy) strategy.indicators.push(indicator);
      else
        warn(
          table.page,
          t(`施策の外の指標を読み飛ばしました:「${indicator.name}」`, `an indicator outside any measure was skipped: "${indicator.name}"`),
          t('その上に施策の行が印刷されているか確かめてください', 'check that the measure row above it is printed'),
        );
    }
  }

  for (const s of strategies) {
    const printed = summaries.get(s.no);
    if (!printed) continue;
    s.reportedSummary = printed.total;
    s.reportedGoalSummary = printed.goal;
    for (const [no, entry] of printed.policies) {
      const p = s.policies.find((x) => x.no === no);
      if (p) p.reportedSummary = entry.summary;
      else
        warn(
          0,
          t(
            `重点戦略${s.no}の集計表にある戦略方針${no}（${entry.title}）が明細の表にありません`,
            `the summary of strategy ${s.no} lists policy ${no} (${entry.title}), which has no rows in the detail table`,
          ),
        );
    }
  }
  const document: KpiDocument = { kind: 'kpi-progress', title, fiscalYear: fiscalYear ?? 0, strategies };
  log.messages.push(...checkKpiExtraction(document, origins, file));
  if (fiscalYear === null) {
    log.fail(
      'extract-kpi',
      t('実績の列見出し（R1実績 b など）に年度が見つかりません', 'the fiscal year was not found in the actuals column heading (such as R1実績 b)'),
      {
        hint: t('実績の列見出しに年度を書いてください', 'the heading of the actuals column must name the year'),
      },
    );
  }
  return { document, messages: log.messages, scheme };
}

/** A scheme's name in messages: its id and where it comes from. */
const schemeName = (scheme: Scheme) => scheme.id;

/**
 * The scheme the report was printed under, from its status marks, summary headings and legend;
 * says which (where it is not the default scheme read as the default), or why it cannot tell.
 */
function printedSchemeOf(tables: readonly Table[], pages: readonly LaidOutPage[], reading: SchemeReading, log: MessageLog): Scheme {
  const statuses = [
    ...new Set(tables.filter((x) => x.kind === 'detail').flatMap((x) => x.rows.map((r) => (r.cells.status ?? '').trim()).filter((m) => m !== ''))),
  ];
  const summaries = tables.filter((x) => x.kind === 'summary' && x.rows.length > 0).map((x) => x.fits);
  const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
  const choice = choosePrintedScheme({ statuses, summaries, text }, reading);
  const others = choice.others.map(schemeName).join('、');
  if (choice.scheme === null) {
    log.fail(
      'extract-scheme',
      t(
        `どの評価基準で印刷された文書か決められません。状況の印と集計表の見出しは ${others} のどれにも合います`,
        `cannot tell which grading scheme the document was printed under: its status marks and summary headings fit each of ${others}`,
      ),
      {
        hint: t(
          `--printed-scheme ${choice.others[0]!.id} のように、印刷時の評価基準を指定してください`,
          `name the scheme it was printed under, such as --printed-scheme ${choice.others[0]!.id}`,
        ),
      },
    );
  }
  const scheme = choice.scheme;
  const name = schemeName(scheme);
  const because: Record<Exclude<typeof choice.reason, 'ambiguous'>, Text> = {
    given: t('指定のとおり', 'as given'),
    only: t('状況の印と集計表の見出しから判定', 'told by its status marks and summary headings'),
    alike: t(`状況の印と集計表の見出しから判定。${others} でも同じに読めます`, `told by its status marks and summary headings; ${others} read it alike`),
    legend: t(`状況の印と見出しは ${others} にも合いますが、凡例から判定`, `its marks and headings fit ${others} too; told by its legend`),
    preferred: t(
      `状況の印と見出しは ${others} にも合います。評価に使う評価基準で読みました。違う場合は --printed-scheme で指定してください`,
      `its marks and headings fit ${others} too; read with the scheme it is graded by (name another with --printed-scheme)`,
    ),
    none: t(
      '状況の印や集計表の見出しに合う評価基準がないため、評価に使う評価基準で読みました',
      'no scheme fits its status marks and summary headings: read with the scheme it is graded by',
    ),
  };
  const quiet = scheme === reading.preferred && (choice.reason === 'only' || choice.reason === 'alike');
  if (!quiet) {
    const say = choice.reason === 'preferred' || choice.reason === 'none' ? log.warn.bind(log) : log.info.bind(log);
    say(
      'extract-scheme',
      t(`印刷時の評価基準: ${name}（${because[choice.reason].ja}）`, `printed under the grading scheme ${name} (${because[choice.reason].en})`),
    );
  }
  return scheme;
}

function rowText(row: GridRow): string {
  return row.text;
}

/**
 * A summary row's counts in the scheme's columns. The table's column keys are the grades of the
 * first scheme that fits its headings; another scheme reads each heading as its own grade.
 */
function summaryCounts(row: GridRow, table: Table, scheme: Scheme): Summary | null {
  const counts: Summary = {};
  const keyed = table.keyedBy;
  for (const column of table.columns.filter((c) => c.complete)) {
    const value = (row.cells[column.key] ?? '').normalize('NFKC').trim();
    if (!/^\d+$/.test(value)) return null;
    const grade =
      column.key === 'total' || keyed === scheme
        ? column.key
        : (gradeOfMark(scheme, column.heading) ?? (keyed ? gradeOfMark(scheme, markOf(keyed, column.key)) : undefined));
    if (grade === undefined) return null;
    const key = grade === 'total' ? grade : columnOf(scheme, grade);
    counts[key] = (counts[key] ?? 0) + Number(value);
  }
  // A row is read whole or not at all: every column of the scheme, and the total.
  return [...summaryGrades(scheme).map((g) => g.id), 'total'].every((k) => k in counts) ? counts : null;
}

/** The ※ that marks an indicator computed as b / c. */
const RATIO_MARK = /\s*[※＊*]$/;

function indicatorOf(row: GridRow, page: number, warn: (page: number, message: Text, hint?: Text) => void, scheme: Scheme): Indicator {
  const c = row.cells;
  const printedName = (c.name ?? '').trim();
  const name = printedName.replace(RATIO_MARK, '');
  const measurement = (key: 'baseline' | 'actual' | 'target'): Measurement => {
    const text = (c[key] ?? '').trim();
    // A draft's blank actual, as tassei prints it: blank again, not "no data".
    if (text === NOT_ENTERED) return { value: null, year: null, text: '' };
    const parsed = parseMeasurement(text === '' ? '-' : text);
    if (parsed.ok) return parsed.measurement;
    warn(
      page,
      t(
        `${name}: ${key}「${text}」は値として読めません（${parsed.reason.ja}）。印刷のまま残します`,
        `${name}: the ${key} "${text}" is not a value (${parsed.reason.en}); kept as printed`,
      ),
    );
    return { value: null, year: null, text };
  };
  const actual = measurement('actual');
  const progressText = c.progress ?? '';
  let progress = parseProgress(progressText);
  if (progress === undefined) {
    warn(
      page,
      t(
        `${name}: 進捗率「${progressText}」は百分率として読めません。空欄として読みます`,
        `${name}: the progress "${progressText}" is not a percentage; read as blank`,
      ),
    );
    progress = null;
  }
  const statusText = (c.status ?? '').trim();
  let status: Status | null = statusText === '' ? null : (gradeOfMark(scheme, statusText) ?? null);
  if (statusText !== '' && status === null)
    warn(
      page,
      t(
        `${name}: 状況「${statusText}」は評価基準にない印です。空欄として読みます`,
        `${name}: the status "${statusText}" is not one the scheme knows; read as blank`,
      ),
    );
  // A mark shared with no data (the default scheme's -) means no data where there is no actual.
  if (status !== null && actual.value === null && markOf(scheme, status) === markOf(scheme, scheme.outcomes.noActual)) status = scheme.outcomes.noActual;
  const unit = (c.unit ?? '').trim();
  const department = (c.department ?? '').trim();
  return {
    name,
    unit: unit === '' || /^[-－―]$/.test(unit) ? null : unit,
    method: RATIO_MARK.test(printedName) ? 'ratio' : 'change',
    baseline: measurement('baseline'),
    actual,
    target: measurement('target'),
    reported: { progress, status },
    ...(department === '' ? {} : { department }),
  };
}
