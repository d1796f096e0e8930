import { summaryColumns } from '../evaluate/summaries.js';
import { columnHeading } from '../evaluate/format.js';
import { formatNumbering } from '../notation/numbering.js';
import { headingYears } from '../notation/heading-years.js';
import { type Scheme, gradeOfMark, gradeOf } from '../model/scheme.js';
import { walkIndicators } from '../model/walk.js';
import type {
  ColumnRole,
  Evaluation,
  HierarchyLevel,
  Indicator,
  KpiDocument,
  LayoutColumn,
  Measure,
  Policy,
  PrintedSummary,
  Strategy,
  Summary,
  TableLayout,
} from '../model/types.js';
import { COLUMN_SPACING, GRID_RULE, TEXT_CLEARANCE } from './columns.js';
import { measureText } from './fonts.js';
import { unitAfterName } from '../notation/units.js';
import { type IndicatorView, kpiView, strategyNotes } from './kpi-view.js';
import { DEFAULT_RENDER_OPTIONS, type PageView, type RenderOptions, pageOf } from './page-view.js';

/**
 * What templates/kpi-layout.hbs sees: a KPI document drawn in the municipality's own layout
 * (`layout`): its columns in order under their printed headings (a spanning group heading over
 * years makes two header rows), its hierarchy as banner rows or as left columns of merged cells,
 * comment columns or full-width comment blocks, its legend and its count table where it prints
 * them. The figures are tassei's own (kpiView: recomputed progress and marks, corrections shaded
 * and noted), only their places follow the layout. Pure.
 */

/** The margin either side of the page (templates/kpi-layout.hbs), in A4 points as the page is drawn. */
const SIDE_MARGIN = 28;

/** The page's width inside its margins, in A4 points: an A3 page holds more than A4's (PAPERS), not A4's enlarged. */
function contentWidth(layout: TableLayout): number {
  return Math.floor(pageOf(layout.paper, layout.orientation).width - 2 * SIDE_MARGIN);
}
/** The table's text size; headings and notes are drawn at it too. */
export const LAYOUT_FONT_SIZE = 7.5;

/** Widths in points of the columns that hold short cells; the rest share what is left. */
const FIXED_WIDTH: Partial<Record<ColumnRole, number>> = {
  number: 22,
  unit: 34,
  strategy: 74,
  policy: 74,
  measure: 74,
  baseline: 50,
  actual: 50,
  series: 44,
  target: 50,
  interim: 46,
  progress: 40,
  grade: 30,
  department: 60,
  other: 56,
};
/** Shares of what is left between the columns of text: the name, and a comment (wider: it is prose). */
const FLEXIBLE_SHARE: Partial<Record<ColumnRole, number>> = { name: 1, comment: 1.5 };
/** The narrowest a column of text is drawn before every column is narrowed together. */
const MIN_FLEXIBLE = 80;

/** Column widths in points for a page: the printed shares where the layout gives every one, else by role. */
export function layoutWidths(columns: readonly LayoutColumn[], page: number): number[] {
  const available = page - COLUMN_SPACING * columns.length - GRID_RULE;
  if (columns.every((c) => c.width !== undefined)) {
    const total = columns.reduce((sum, c) => sum + c.width!, 0);
    return columns.map((c) => round((c.width! / total) * available));
  }
  const fixed = columns.map((c) => (FLEXIBLE_SHARE[c.role] === undefined ? (FIXED_WIDTH[c.role] ?? 50) : 0));
  const shares = columns.map((c) => FLEXIBLE_SHARE[c.role] ?? 0);
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const rest = available - fixed.reduce((a, b) => a + b, 0);
  const flexibleUnit = shareSum > 0 ? rest / shareSum : 0;
  const widths = columns.map((_, i) => fixed[i]! + shares[i]! * flexibleUnit);
  // Too many columns for the page: every column narrowed by one factor, the text ones kept readable.
  const narrowest = Math.min(...shares.map((s, i) => (s > 0 ? widths[i]! : Infinity)));
  const scale = narrowest < MIN_FLEXIBLE || (shareSum === 0 && rest < 0) ? available / (fixed.reduce((a, b) => a + b, 0) + MIN_FLEXIBLE * shareSum) : 1;
  return widths.map((w, i) => round(scale === 1 ? w : (fixed[i]! + shares[i]! * MIN_FLEXIBLE) * scale));
}

const round = (n: number) => Math.floor(n * 10) / 10;

/** A heading's part or a cell's line this short is a word a reader takes whole: never broken (2025年度, 目標達成). */
const WORD_LENGTH = 7;
/**
 * A figure and what is glued to it (▲54,774, 69,122(R1), 96.8%, 92,261万人, 857人/年: a unit of up to
 * three characters): broken, it reads as two numbers, or as a figure and a line of units. A closing
 * mark after it too (内線3828）): a line never starts with one (禁則), so it would take the last digit down.
 */
const FIGURE = /[▲△+\-−]?[0-9０-９][0-9０-９,.，．]*(?:[%％‰]|[^\s0-9０-９,.，．()（）]{1,3}(?![^\s()（）]))?(?:\([^)]*\)|（[^）]*）)?[)）」』、。]?/g;
const HAS_DIGIT = /[0-9０-９]/;

/**
 * What of a cell's text must stay on one line: a short line or part of one (parts split at spaces,
 * and before an opening bracket: 現状値 | （令和元年度）) whole, and every figure with what is glued to it.
 */
export function unbreakableParts(text: string, words = true): string[] {
  if (!words) return text.split('\n').flatMap((line) => line.match(FIGURE) ?? []);
  return text.split('\n').flatMap((line) =>
    line
      .split(/[ 　]/)
      .filter((chunk) => chunk !== '')
      .flatMap((chunk) => {
        if ([...chunk].length <= WORD_LENGTH) return [chunk];
        const words = chunk.split(/(?=[（(])/).filter((w) => [...w].length <= WORD_LENGTH && !HAS_DIGIT.test(w));
        return [...(chunk.match(FIGURE) ?? []), ...words];
      }),
  );
}

/**
 * The widths with every column at least `needed` wide, what a column lacks taken from the others in
 * proportion to what they have beyond their need and their `floor`; where the page has not enough,
 * each column lacking gets its share of what there is (its figures are then set smaller: shrinkToFit).
 */
export function fitWidths(widths: readonly number[], needed: readonly number[], floor: readonly number[] = []): number[] {
  const lack = widths.map((w, i) => Math.max(0, needed[i]! - w));
  const spare = widths.map((w, i) => Math.max(0, w - Math.max(needed[i]!, floor[i] ?? 0)));
  const lacking = lack.reduce((a, b) => a + b, 0);
  const spareSum = spare.reduce((a, b) => a + b, 0);
  if (lacking === 0 || spareSum === 0) return [...widths];
  const given = Math.min(1, spareSum / lacking);
  const taken = (lacking * given) / spareSum;
  return widths.map((w, i) => round(w + lack[i]! * given - spare[i]! * taken));
}

/** The smallest a figure is set to fit its column where the page cannot widen it (Excel's shrink to fit). */
const SMALLEST_FIGURE = 5;
/** A text column keeps this many characters' width when it gives to the figures beside it. */
const TEXT_FLOOR_CHARS = 6;

/**
 * Columns of text a line may break anywhere in, as a spreadsheet wraps them: only their figures stay
 * whole. Set smaller to keep a name's or a department's words whole, a narrow column printed them
 * at 5 pt beside names wrapped at the full size.
 */
const WRAPPING_ROLES: ReadonlySet<ColumnRole> = new Set(['name', 'comment', 'department', 'strategy', 'policy', 'measure']);
/** Whether a body cell of the column at `col` keeps its short words whole, not only its figures. */
type WordsWhole = (col: number) => boolean;
const ALL_WORDS_WHOLE: WordsWhole = () => true;
const bodyWordsWhole =
  (layout: TableLayout): WordsWhole =>
  (col) =>
    !WRAPPING_ROLES.has(layout.columns[col]?.role ?? 'other');

/** The width at `size` of the widest of a cell's parts that must stay on one line. */
function widestPart(c: LayoutCell, size: number, wordsWhole: WordsWhole): number {
  return Math.max(0, ...unbreakableParts(c.text, wordsWhole(c.col)).map((p) => measureText(p, size, c.bold === true)));
}

/** A cell whose figures or words do not fit its column at `size`, set smaller so that they do. */
function shrinkToFit(c: LayoutCell, widths: readonly number[], size: number, wordsWhole: WordsWhole): LayoutCell {
  if (c.covered || c.span !== 1) return c;
  const room = widths[c.col]! - TEXT_CLEARANCE;
  // A head kept whole (現状値（2014年度）) is set smaller rather than the column widened: the document's widths stand.
  const widest = Math.max(widestPart(c, size, wordsWhole), c.whole === undefined ? 0 : measureText(c.whole, size, c.bold === true));
  if (widest <= room) return c;
  return { ...c, fontSize: Math.max(SMALLEST_FIGURE, Math.floor((size * room * 10) / widest) / 10) };
}

/**
 * The narrowest each column is drawn with `widthOf` each of its cells on one line (spanning cells left
 * out): the figures and words a cell never breaks, or a heading kept whole.
 */
function neededWidths(columns: number, rows: readonly (readonly LayoutCell[])[], widthOf: (c: LayoutCell) => number | undefined): number[] {
  const needed = new Array<number>(columns).fill(0);
  for (const row of rows) {
    for (const c of row) {
      const width = c.covered || c.span !== 1 ? undefined : widthOf(c);
      if (width !== undefined) needed[c.col] = Math.max(needed[c.col]!, width + TEXT_CLEARANCE);
    }
  }
  return needed;
}
const unbroken =
  (size: number, wordsWhole: WordsWhole) =>
  (c: LayoutCell): number =>
    widestPart(c, size, wordsWhole);
const keptWhole =
  (size: number) =>
  (c: LayoutCell): number | undefined =>
    c.whole === undefined ? undefined : measureText(c.whole, size, c.bold === true);

/** A cell of the table: text in `span` columns from `col`, or a placeholder a span covers. */
export interface LayoutCell {
  text: string;
  col: number;
  span: number;
  rowSpan: number;
  /** Covered by a span above or to its left: printed as {}. */
  covered: boolean;
  alignment: 'left' | 'center' | 'right';
  style: string[];
  colour?: string;
  bold?: boolean;
  /** On a row's first cell that is printed: the row's id while its height is measured. */
  id?: string;
  /** The text's head kept on one line where it fits (施策の方向(1), not 施策の / 方向(1)). */
  whole?: string;
  /** Smaller than the table's where a figure would not fit its column otherwise. */
  fontSize?: number;
}

export interface LayoutRow {
  /** `expected`: the first of an indicator's two role rows (期待値 over 実績値, layouts.md F3). */
  kind: 'banner' | 'indicator' | 'expected' | 'comment';
  /** The row's place in the whole table (its id while measuring). */
  index: number;
  cells: LayoutCell[];
}

/** The rows printed on one page, under the header rows repeated. */
export interface LayoutPage {
  breakBefore: boolean;
  rows: LayoutRow[];
}

export interface CountTableView {
  widths: number[];
  rows: LayoutCell[][];
}

export interface LayoutView extends PageView {
  title: string;
  orientation: TableLayout['orientation'];
  fontSize: number;
  /** The page's width inside its margins: what a line outside the table is fitted to. */
  contentWidth: number;
  widths: number[];
  headerRows: LayoutCell[][];
  /** The table's lines, kinds in order: what the pages are planned from. */
  lines: readonly Line[];
  layout: TableLayout;
  pages: LayoutPage[];
  legend: { runs: { text: string; colour?: string; bold?: boolean }[]; top: boolean } | null;
  counts: (CountTableView & { before: boolean }) | null;
  /** Where the legend and the count table stand: above or under the detail table, or nowhere. */
  place: { legendTop: boolean; legendBelow: boolean; countsBefore: boolean; countsAfter: boolean };
  hasRatio: boolean;
  corrections: string[];
}

/** The roles whose cells are figures: right-aligned. */
const FIGURES = new Set<ColumnRole>(['baseline', 'actual', 'series', 'target', 'interim', 'progress']);
const CENTRED = new Set<ColumnRole>(['number', 'unit', 'grade']);

const cell = (text: string, col: number, extra: Partial<LayoutCell> = {}): LayoutCell => ({
  text,
  col,
  span: 1,
  rowSpan: 1,
  covered: false,
  alignment: 'left',
  style: [],
  ...extra,
});
const covered = (col: number): LayoutCell => cell('', col, { covered: true });

/**
 * A heading's first line naming a word and its year, in brackets or after a typed space (現状値（2014年度）,
 * 実績値(H30), 目標値 令和元年度): kept on one line, set smaller where its column is narrower. Parted under
 * the word, the year reads as a break the office typed (基準値 over （R2）), and the document would come
 * back other than it went.
 */
const WORD_WITH_BRACKETED_YEAR = /^[^\s（(]+[（(][^）)]*(?:[0-9０-９]|元)[^）)]*[）)]$/u;
/** A word and what is typed after a space: kept whole only where that names a year (not 達成率 80%, 指標 1). */
const WORD_THEN_SPACE = /^[^\s（(]+[ 　]+(\S+)$/u;
const BARE_YEAR = /^[0-9０-９]{1,2}年度?$/u;
function headingCell(text: string, col: number, extra: Partial<LayoutCell>): LayoutCell {
  const line = text.split('\n')[0]!;
  const typed = WORD_THEN_SPACE.exec(line)?.[1];
  const year = WORD_WITH_BRACKETED_YEAR.test(line) || (typed !== undefined && (headingYears(typed).length > 0 || BARE_YEAR.test(typed)));
  return cell(text, col, year ? { ...extra, whole: line } : extra);
}

/** The header rows: one, or two where a group heading spans its columns (実績値 over H30 | R1 | R2) or headings are set over two rows. */
function headerRows(columns: readonly LayoutColumn[], rows: number): LayoutCell[][] {
  const heading = { alignment: 'center' as const, style: ['heading'] };
  const first = { ...heading, id: 'head' };
  if (rows < 2 && columns.every((c) => c.group === undefined)) return [columns.map((c, i) => headingCell(c.heading, i, i === 0 ? first : heading))];
  const top: LayoutCell[] = [];
  const bottom: LayoutCell[] = [];
  const grouped = columns.some((c) => c.group !== undefined);
  columns.forEach((c, i) => {
    // Two rows without a group: a heading of two lines is set over both rows, a rule between its
    // lines (基準値 over （H26）), as the document prints it. (A cell spanning both rows would not do:
    // pdfmake does not grow spanned rows to their content, and the second line ran into the row below.)
    if (c.group === undefined && !grouped && c.heading.includes('\n')) {
      const [upper, ...lower] = c.heading.split('\n');
      top.push(headingCell(upper!, i, i === 0 ? first : heading));
      bottom.push(headingCell(lower.join('\n'), i, heading));
      return;
    }
    if (c.group === undefined) {
      top.push(headingCell(c.heading, i, { ...(i === 0 ? first : heading), rowSpan: 2 }));
      bottom.push(covered(i));
      return;
    }
    const startsGroup = columns[i - 1]?.group !== c.group;
    let span = 1;
    while (startsGroup && columns[i + span]?.group === c.group) span++;
    top.push(startsGroup ? headingCell(c.group, i, { ...(i === 0 ? first : heading), span }) : covered(i));
    bottom.push(headingCell(c.heading, i, heading));
  });
  return [top, bottom];
}

/** 基本目標1: a level's label and number in the document's form. */
function levelHead(level: HierarchyLevel | undefined, no: number): string {
  return level ? `${level.label}${formatNumbering(level.numbering, no)}` : String(no);
}

/** 基本目標1　安心して…: a level's label and number in the document's form, then the title. */
export function levelTitle(level: HierarchyLevel | undefined, no: number, title: string): string {
  const head = levelHead(level, no);
  return title === '' ? head : `${head}　${title}`;
}

/** A level's cell: its title, the label and number kept whole (a reader takes 方向(1) for the label). */
function levelCell(level: HierarchyLevel | undefined, node: Node, col: number, extra: Partial<LayoutCell>): LayoutCell {
  return cell(levelTitle(level, node.no, node.title), col, { ...extra, whole: levelHead(level, node.no) });
}

type Node = Strategy | Policy | Measure;
type Level = HierarchyLevel['level'];
/** A printed line of the table before it is cut into cells: what it is and where it stands. */
export interface Line {
  kind: LayoutRow['kind'];
  /** The hierarchy nodes it stands under, by level. */
  under: Partial<Record<Level, Node>>;
  banner?: { level: Level; node: Node };
  indicator?: { indicator: Indicator; view: IndicatorView };
  /** Of an indicator printed as two role rows (期待値 over 実績値): the column that labels them. */
  roleLabels?: number;
}

/** The lines in print order: banners where the layout prints a level as one, indicators, comment blocks. */
function linesOf(doc: KpiDocument, layout: TableLayout, views: readonly IndicatorView[]): Line[] {
  const banner = (level: Level) => layout.hierarchy.some((h) => h.level === level && h.style === 'banner');
  const lines: Line[] = [];
  let next = 0;
  const labels = roleLabelColumn(doc, layout);
  const indicators = (list: readonly Indicator[], under: Line['under']) => {
    for (const indicator of list) {
      const paired = labels >= 0 && expectedRowOf(indicator, layout) ? { roleLabels: labels } : {};
      if ('roleLabels' in paired) lines.push({ kind: 'expected', under, indicator: { indicator, view: views[next]! }, ...paired });
      lines.push({ kind: 'indicator', under, indicator: { indicator, view: views[next++]! }, ...paired });
      if (layout.commentBlocks !== undefined) lines.push({ kind: 'comment', under, indicator: { indicator, view: views[next - 1]! } });
    }
  };
  for (const strategy of doc.strategies) {
    if (banner('strategy')) lines.push({ kind: 'banner', under: { strategy }, banner: { level: 'strategy', node: strategy } });
    indicators(strategy.indicators, { strategy });
    for (const policy of strategy.policies) {
      if (banner('policy')) lines.push({ kind: 'banner', under: { strategy, policy }, banner: { level: 'policy', node: policy } });
      for (const measure of policy.measures) {
        if (banner('measure')) lines.push({ kind: 'banner', under: { strategy, policy, measure }, banner: { level: 'measure', node: measure } });
        indicators(measure.indicators, { strategy, policy, measure });
      }
    }
  }
  return lines;
}

/** The label of an indicator's second role row: the actuals'. */
const ACTUAL_ROW_LABEL = '実績値';

/** Whether an indicator has an expected values' row to print: interim targets in the year columns. */
function expectedRowOf(indicator: Indicator, layout: TableLayout): boolean {
  const years = new Set(layout.columns.filter((c) => c.role === 'series').map((c) => c.fiscalYear));
  return (indicator.interim ?? []).some((e) => e.fiscalYear !== null && years.has(e.fiscalYear) && e.text !== '');
}

/**
 * The column that labels role rows (区分: 期待値 over 実績値), or -1: an `other` column no
 * indicator fills, in a layout of year columns whose indicators have interim targets by year.
 */
function roleLabelColumn(doc: KpiDocument, layout: TableLayout): number {
  const indicators = walkIndicators(doc).map((w) => w.indicator);
  if (!indicators.some((i) => expectedRowOf(i, layout))) return -1;
  return layout.columns.findIndex((c) => c.role === 'other' && !indicators.some((i) => i.other?.some((o) => o.heading === c.heading)));
}

const LEVEL_OF: Partial<Record<ColumnRole, Level>> = { strategy: 'strategy', policy: 'policy', measure: 'measure' };
const LEVELS: readonly Level[] = ['strategy', 'policy', 'measure'];

/** The texts of an indicator's printed figures, where its unit may stand glued (96.8万人). */
function figureTexts(indicator: Indicator): string[] {
  return [indicator.baseline, indicator.actual, indicator.target, ...(indicator.series ?? [])].flatMap((m) => (m && m.value !== null ? [m.text] : []));
}

/** The text of an indicator's cell in a column of a role. */
function indicatorText(column: LayoutColumn, indicator: Indicator, view: IndicatorView, unitColumn: boolean): string {
  switch (column.role) {
    case 'number':
      return indicator.number ?? '';
    case 'name':
      // Without a unit column the unit is printed after the name, as 江田島市 prints it: 被害額（千円）;
      // unless every value carries it (57,808人/年), where a second one would stand after the name.
      return `${view.name}${view.ratio ? '※' : ''}${unitColumn ? '' : unitAfterName(indicator.unit, figureTexts(indicator))}`;
    case 'unit':
      return view.unit;
    case 'baseline':
      return view.baseline;
    case 'actual':
      return view.actual;
    case 'target':
      return view.target;
    case 'progress':
      return view.progress;
    case 'grade':
      return view.status;
    case 'series':
      return indicator.series?.find((e) => e.fiscalYear === column.fiscalYear)?.text ?? '';
    case 'interim':
      return (indicator.interim?.find((e) => e.heading === column.heading) ?? indicator.interim?.find((e) => e.fiscalYear === column.fiscalYear))?.text ?? '';
    case 'department':
      return indicator.department ?? '';
    case 'comment':
      return indicator.comments?.find((c) => c.heading === column.heading)?.text ?? '';
    case 'other':
      return indicator.other?.find((c) => c.heading === column.heading)?.text ?? '';
    default:
      return '';
  }
}

function indicatorCell(column: LayoutColumn, col: number, indicator: Indicator, view: IndicatorView, unitColumn: boolean): LayoutCell {
  const text = indicatorText(column, indicator, view, unitColumn);
  const alignment = FIGURES.has(column.role) ? 'right' : CENTRED.has(column.role) ? 'center' : 'left';
  // Every mark bold: a light grade colour still reads on a page printed in grey.
  if (column.role === 'grade') return cell(text, col, { alignment, colour: view.colour, bold: true, style: view.statusCorrected ? ['corrected'] : [] });
  if (column.role === 'progress') return cell(text, col, { alignment, style: view.progressCorrected ? ['corrected'] : [] });
  return cell(text, col, { alignment });
}

/**
 * An indicator's cell. Of two role rows (F3), the expected values' row holds the interim targets
 * in the year columns and its label, and every other cell, spanning both rows; the actuals' row
 * its series and 実績値.
 */
function roleRowCell(line: Line, column: LayoutColumn, col: number, unitColumn: boolean): LayoutCell {
  const { indicator, view } = line.indicator!;
  const labels = line.roleLabels;
  if (labels === undefined) return indicatorCell(column, col, indicator, view, unitColumn);
  const interim = (indicator.interim ?? []).filter((e) => e.fiscalYear !== null);
  if (line.kind === 'expected') {
    if (col === labels) return cell(interim[0]?.heading ?? '', col, { alignment: 'center' });
    if (column.role === 'series') return cell(interim.find((e) => e.fiscalYear === column.fiscalYear)?.text ?? '', col, { alignment: 'right' });
    return { ...indicatorCell(column, col, indicator, view, unitColumn), rowSpan: 2 };
  }
  if (col === labels) return cell(ACTUAL_ROW_LABEL, col, { alignment: 'center' });
  if (column.role === 'series') return indicatorCell(column, col, indicator, view, unitColumn);
  return covered(col);
}

/**
 * The body rows: the lines cut into cells. A grouping column (a level printed as a column) holds
 * its node's title once, spanning every line under it; a banner or a comment block spans the
 * columns the grouping columns leave, its text in the run after them.
 */
function bodyRows(lines: readonly Line[], layout: TableLayout, first = 0): LayoutRow[] {
  const { columns } = layout;
  const levelOf = (level: Level) => layout.hierarchy.find((h) => h.level === level);
  const grouping = columns.map((c) => LEVEL_OF[c.role]);
  const unitColumn = columns.some((c) => c.role === 'unit');
  // Where each grouping column's node changes: its cell spans the lines until the next change.
  const spans = columns.map((_, col) => {
    const level = grouping[col];
    if (!level) return [];
    return lines.map((line, i) => {
      const node = line.under[level];
      if (node === undefined || (i > 0 && lines[i - 1]!.under[level] === node)) return 0;
      let span = 1;
      while (lines[i + span]?.under[level] === node) span++;
      return span;
    });
  });
  return lines.map((line, i): LayoutRow => {
    const cells: LayoutCell[] = [];
    const wide = columns.map((_, col) => grouping[col] === undefined || (line.banner && LEVELS.indexOf(grouping[col]!) >= LEVELS.indexOf(line.banner.level)));
    let col = 0;
    // The text of a wide row goes in its last run: the one right of the grouping columns.
    const lastRun = wide.lastIndexOf(false) + 1;
    while (col < columns.length) {
      const level = grouping[col];
      const ofIndicator = line.kind === 'indicator' || line.kind === 'expected';
      if (!wide[col] || (ofIndicator && level !== undefined)) {
        const node = level ? line.under[level] : undefined;
        const span = spans[col]![i]!;
        if (node && span > 0) cells.push(levelCell(levelOf(level!), node, col, { rowSpan: span, style: [`level-${level}`] }));
        else cells.push(node ? covered(col) : cell('', col));
        col++;
        continue;
      }
      if (ofIndicator) {
        cells.push(roleRowCell(line, columns[col]!, col, unitColumn));
        col++;
        continue;
      }
      let span = 1;
      while (col + span < columns.length && wide[col + span]) span++;
      const extra = { span, style: line.banner ? [`level-${line.banner.level}`] : ['comment-block'] };
      cells.push(
        col < lastRun && lastRun < columns.length
          ? cell('', col, extra)
          : line.banner
            ? levelCell(levelOf(line.banner.level), line.banner.node, col, extra)
            : cell(commentBlock(layout.commentBlocks!, line.indicator!.indicator), col, extra),
      );
      for (let k = 1; k < span; k++) cells.push(covered(col + k));
      col += span;
    }
    const printed = cells.find((c) => !c.covered);
    if (printed) printed.id = `row:${first + i}`;
    return { kind: line.kind, index: first + i, cells };
  });
}

/**
 * The table cut into pages at the given line indexes (each page's first), each page's rows cut
 * into cells on their own: a grouping column's merged cell is printed again on the page it
 * continues on, spanning the lines there.
 */
export function layoutPages(lines: readonly Line[], layout: TableLayout, starts: readonly number[], widths: readonly number[] = []): LayoutPage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < lines.length), lines.length];
  const wordsWhole = bodyWordsWhole(layout);
  const fitted = (r: LayoutRow) => (widths.length === 0 ? r : { ...r, cells: r.cells.map((c) => shrinkToFit(c, widths, LAYOUT_FONT_SIZE, wordsWhole)) });
  let from = 0;
  return bounds.map((to, k) => {
    const page = { breakBefore: k > 0, rows: bodyRows(lines.slice(from, to), layout, from).map(fitted) };
    from = to;
    return page;
  });
}

/** ≪成果と見直し≫ and its text, on the line after the heading. */
function commentBlock(heading: string, indicator: Indicator): string {
  const text = indicator.comments?.find((c) => c.heading === heading)?.text ?? '';
  return `${heading}\n${text}`;
}

/** The legend as printed: its heading, then each mark in its grade's colour and what it means. */
function legendRuns(layout: TableLayout, scheme: Scheme): LayoutView['legend'] {
  const legend = layout.legend;
  if (!legend) return null;
  const runs: { text: string; colour?: string; bold?: boolean }[] = [{ text: `${legend.heading}　` }];
  for (const m of legend.marks) {
    const grade = gradeOfMark(scheme, m.mark);
    runs.push({ text: m.mark, bold: true, ...(grade ? { colour: gradeOf(scheme, grade)!.colour } : {}) });
    runs.push({ text: `：${m.meaning}　` });
  }
  return { runs, top: legend.placement === 'top' };
}

/**
 * A strategy's counts in the count table: every indicator of it, those under its policies and
 * those directly under it (a document that prints no policy level holds them there); the
 * printed ones where the document printed them, to shade a count tassei corrects.
 */
function strategyCounts(strategy: Strategy, evaluation: Evaluation, columns: readonly string[]): { computed: Summary; printed: PrintedSummary | null } {
  const rows = evaluation.summaries.filter((x) => x.strategy === strategy.no && x.row !== 'policy');
  const computed = Object.fromEntries(columns.map((k) => [k, rows.reduce((sum, x) => sum + (x.computed[k] ?? 0), 0)]));
  const printed = strategy.policies.length > 0 ? strategy.reportedSummary : strategy.reportedGoalSummary;
  return { computed, printed };
}

/**
 * The count table (F7) in the document's shape: grades across with a row per strategy, or grades
 * down with a column per strategy; a 合計 row or column where there are several strategies.
 */
function countTable(doc: KpiDocument, evaluation: Evaluation, scheme: Scheme, layout: TableLayout, page: number, asPrinted: boolean): LayoutView['counts'] {
  if (!layout.summary) return null;
  const columns = summaryColumns(scheme);
  const strategyLevel = layout.hierarchy.find((h) => h.level === 'strategy');
  const groups = doc.strategies.map((s) => {
    const { computed, printed } = strategyCounts(s, evaluation, columns);
    const counts = columns.map((k) => {
      const value = asPrinted && printed ? (printed[k] ?? '') : computed[k]!;
      return { value: String(value), corrected: !asPrinted && printed?.[k] !== undefined && printed[k] !== null && printed[k] !== computed[k] };
    });
    return { label: levelTitle(strategyLevel, s.no, strategyLevel ? '' : s.title), counts };
  });
  // One strategy: its counts are the document's, headed as what they count.
  if (groups.length === 1) groups[0]!.label = '指標数';
  if (groups.length > 1) {
    const sums = columns.map((_, k) => ({ value: String(groups.reduce((sum, g) => sum + (Number(g.counts[k]!.value) || 0), 0)), corrected: false }));
    groups.push({ label: '合計', counts: sums });
  }
  const headings = columns.map((c) => columnHeading(scheme, c));
  const count = (c: { value: string; corrected: boolean }, col: number) => cell(c.value, col, { alignment: 'right', style: c.corrected ? ['corrected'] : [] });
  const head = (text: string, col: number) => cell(text, col, { alignment: 'center', style: ['heading'] });
  const COUNT = 36;
  if (layout.summary.shape === 'columns') {
    const label = Math.min(160, page - COUNT * columns.length);
    return {
      before: layout.summary.placement === 'before',
      widths: [label, ...columns.map(() => COUNT)],
      rows: [
        [head(strategyLevel?.label || '区分', 0), ...headings.map((h, i) => head(h, i + 1))],
        ...groups.map((g) => [cell(g.label, 0), ...g.counts.map((c, i) => count(c, i + 1))]),
      ],
    };
  }
  const label = 60;
  const width = Math.max(COUNT, Math.min(80, Math.floor((page - label) / groups.length)));
  return {
    before: layout.summary.placement === 'before',
    widths: [label, ...groups.map(() => width)],
    rows: [
      [head('評価', 0), ...groups.map((g, i) => head(g.label, i + 1))],
      ...headings.map((h, k) => [cell(h, 0, { alignment: 'center' }), ...groups.map((g, i) => count(g.counts[k]!, i + 1))]),
    ],
  };
}

export function layoutView(doc: KpiDocument, evaluation: Evaluation, scheme: Scheme, options: RenderOptions = DEFAULT_RENDER_OPTIONS): LayoutView {
  const layout = doc.layout!;
  const base = kpiView(doc, evaluation, scheme, options);
  const views = base.strategies.flatMap((s) => s.rows.flatMap((r) => ('indicator' in r && r.indicator ? [r.indicator] : [])));
  if (views.length !== walkIndicators(doc).length) throw new Error('layoutView: the indicator views do not follow the walk');
  const page = contentWidth(layout);
  const legend = legendRuns(layout, scheme);
  const lines = linesOf(doc, layout, views);
  const counts = countTable(doc, evaluation, scheme, layout, page, options.asPrinted);
  const drawn = headerRows(layout.columns, layout.headerRows);
  const laid = layoutPages(lines, layout, []);
  const textFloor = layout.columns.map((c) => (FLEXIBLE_SHARE[c.role] === undefined ? 0 : TEXT_FLOOR_CHARS * LAYOUT_FONT_SIZE + TEXT_CLEARANCE));
  // A column whose heading is kept whole gives none of the width that heading needs: given away, it is set at 5 pt.
  const floor = neededWidths(layout.columns.length, drawn, keptWhole(LAYOUT_FONT_SIZE)).map((w, i) => Math.max(w, textFloor[i]!));
  // A heading keeps its words whole (2025年度, 目標達成); a body cell of a text column only its figures.
  const neededHead = neededWidths(layout.columns.length, drawn, unbroken(LAYOUT_FONT_SIZE, ALL_WORDS_WHOLE));
  const neededBody = neededWidths(
    layout.columns.length,
    laid.flatMap((p) => p.rows.map((r) => r.cells)),
    unbroken(LAYOUT_FONT_SIZE, bodyWordsWhole(layout)),
  );
  const needed = neededHead.map((w, i) => Math.max(w, neededBody[i]!));
  const widths = fitWidths(layoutWidths(layout.columns, page), needed, floor);
  const header = drawn.map((cells) => cells.map((c) => shrinkToFit(c, widths, LAYOUT_FONT_SIZE, ALL_WORDS_WHOLE)));
  const pages = layoutPages(lines, layout, [], widths);
  return {
    pageNumberFormat: base.pageNumberFormat,
    draft: base.draft,
    doubted: base.doubted,
    title: doc.title,
    orientation: layout.orientation,
    paper: { size: layout.paper },
    fontSize: LAYOUT_FONT_SIZE,
    contentWidth: page - 6,
    widths,
    headerRows: header,
    lines,
    layout,
    pages,
    legend,
    counts,
    place: {
      legendTop: legend?.top === true,
      legendBelow: legend?.top === false,
      countsBefore: counts?.before === true,
      countsAfter: counts?.before === false,
    },
    hasRatio: views.some((v) => v.ratio),
    corrections: base.strategies.flatMap(strategyNotes),
  };
}
