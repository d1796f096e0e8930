import { t } from '../model/i18n.js';
import { MessageLog } from '../model/messages.js';
import { type Scheme, gradeOfMark, legendScheme, markOf, summaryGrades } from '../model/scheme.js';
import type {
  ColumnRole,
  Indicator,
  IndicatorComment,
  KpiDocument,
  LayoutColumn,
  LegendMark,
  Measure,
  Measurement,
  Message,
  Policy,
  PrintedSummary,
  SeriesEntry,
  Strategy,
  TableLayout,
} from '../model/types.js';
import { CUMULATIVE_WORDS, beforeLastQualifier, findEraYear, isTextValue, parseMeasurement, parseProgress, withoutQualifiers } from '../notation/numbers.js';
import { type Column, EDGE_MATCH, columnOfPhrase, figureUnits, refineColumns, rowBoundaries, splitLinesAtColumns } from './grid.js';
import { FULL_LINE_EM, type HeaderColumn, type TableHead, findTableHeads, headerRowsAtPitch } from './header.js';
import { type Banner, HierarchyLevels, bannerKey, isGoalIndicatorsLabel, readBanner } from './hierarchy.js';
import { type LaidOutPage, type Line, type Phrase, emWidth, joinWrapped, makeLine, sameSize, textEmWidth, withoutFurniture } from './layout.js';
import {
  GLUED_MARK,
  LEGEND_HEADING,
  NO_GRADE_WORD,
  type PrintedLegend,
  holdsLegendItem,
  holdsSpacedItems,
  inLegendOrder,
  readLegend,
  readSpacedLegend,
} from './legend.js';
import type { SchemeReading } from './printed-scheme.js';
import type { Rule } from './pdf.js';
import { ACTUAL_ROW, INTERIM_ROW, type PlacedColumn, type RoleDeclarations, isRoleLabelColumn, missingRoles, placeColumns, plainHeading } from './roles.js';
import { type GridRow, PITCH_TOLERANCE_EM, SHORT_LINE_EM, cellPitch, firstWordWidth, gridRow, leastLineStep, pitchOfDocument, rowsOf } from './rows.js';

/**
 * The reader of KPI tables laid out as other municipalities lay them out (issue 19, layouts.md):
 * columns by role whatever their order and words (roles.ts), headers of one or two rows with
 * spanning cells (header.ts), year series, the hierarchy from banner rows and grouping columns
 * (hierarchy.ts), the marks from the document's own legend where no scheme file knows them
 * (legend.ts), count tables, comments, and the table's shape as `layout`. tassei's own family
 * is read by kpi.ts; this reader takes what it does not recognise. Pure.
 */

/** Roles whose cells are values: one per row, which is how rows are told apart (rows.ts). */
const MEASURED: ReadonlySet<ColumnRole> = new Set(['baseline', 'actual', 'series', 'target', 'interim']);
const GROUPING: ReadonlySet<ColumnRole> = new Set(['strategy', 'policy', 'measure']);
const DASH = /^[-‐–—―−－ー]$/;
/** A comment block printed under a row: ≪成果と見直し≫ …, 【課題】 …. */
const COMMENT_BLOCK = /^([≪《【<＜][^≫》】>＞]{1,20}[≫》】>＞])\s*(.*)$/s;
/** A value in words (調査中, 設置) is this many characters at most; longer words are a name or a comment. */
const TEXT_VALUE_MOST = 6;
/** A rule runs across a table when it reaches this close (pt) to the table's outer texts; segments this close join. */
const RULE_REACH = 2;
/** A rule from the right edge over at least this share of a table runs across its rows (grouping columns left of it). */
const RULE_ACROSS_SHARE = 0.5;
/** Segments of a rule stand at most this far (pt) apart in height. */
const RULE_SAME_HEIGHT = 0.5;
/** A figure as a cell prints it: a number with a unit glued and a year after (126人(H25), 1,067%, ▲20, 延べ 2人以上). */
const FIGURE = new RegExp(`^(?:${CUMULATIVE_WORDS})?\\s*[△▲-]?\\d[\\d,.]*(?:[^\\d\\s(（]{1,4})?(?:[(（][^)）]{1,8}[)）])?$`);
/** A banner going on with a table stands at most this far (em) right of the table's leftmost heading. */
const ROW_LEFT_SLACK_EM = 2;
/** Two lines of a block nearer than this (em) are pieces of one line, no step between a paragraph's lines. */
const ONE_LINE_STEP_EM = 0.5;
/** A level's numbered title (② 道の駅の推進) stands at most this far (em) above the first line of its row, however tall. */
const TALL_ROW_GAP_EM = 4.5;
/** A grouping cell's number and title (① 観光の振興, 2. 宿泊). */
const NUMBERED_CELL = /^([①-⑳]|[0-9０-９]+[.．]?)\s*(.*)$/s;
/** A table ends where its next line is this far (em) below its last. */
const TABLE_GAP_EM = 2.5;
/** Lines of one wrapped cell stand at most this far apart (em): Writer leads a cell’s lines 1.7 em apart. */
const CELL_LINE_GAP_EM = 0.8;
/** Header lines of a count table: grade marks with 合計. */
const TOTAL_WORD = /^(?:合\s*計|計|総数|合計数)$/;
const COUNT_MARK = /^(?:[A-Za-zＡ-Ｚ][+＋]?|[◎○〇△×▲●◯☆★①-⑳]|[-‐–—―−－]|評価なし|判定なし|未実施|実績なし|対象外|その他)$/;
/** A grade's mark heading a count table's column: as printed (① is 1 in NFKC) or in NFKC (Ａ). */
const isCountMark = (text: string) => COUNT_MARK.test(text.trim()) || COUNT_MARK.test(text.normalize('NFKC').trim());
/** A scheme's status word as a count table's head prints it (目標達成, 改善↑, 横ばい, 悪化↓). */
const STATUS_WORD = /^[぀-ヿ一-龯]{1,6}[↑↓→↗↘]?$/;
/** The first heading of a count table's head: 区分, 評価, or the level it counts by (基本目標, 政策目標 …). */
const COUNT_LABEL = /^(?:区分|評価|判定|達成度|進捗区分|[぀-ヿ一-龯]{0,4}(?:目標|戦略|方針|施策|分野|方向))$/;
/** Paper taller or wider than this (points) is A3. */
const A3_FROM = 1000;

const isValueText = (text: string) => {
  const plain = text.trim();
  return plain !== '' && !/^[(（)）]/.test(plain);
};
const isMarkText = (text: string) => [...text.trim()].length > 0 && [...text.trim()].length <= 8;

/**
 * A figure whose last group of thousands has fewer than three digits (△224,50 or 224,): a cell too
 * narrow for the figure broke it inside (Word breaks a word wider than its cell anywhere), and its
 * last digits stand on the next line (3).
 */
const CUT_GROUP = /\d,\d{0,2}$/;
/**
 * A figure whose bound a narrow cell broke after its first character (232,227以 over 上, 20未 over
 * 満): no unit (以 is none), but the figure going on at the next line.
 */
const CUT_BOUND = /\d\s*(?:以|未|程)$/;

/**
 * `units`: those the table's cells print glued to their figures (111,564%, 866箇所). Such a unit
 * alone on a value cell's line is no value of its own but the end of the figure above it, which a
 * narrow cell wrapped (169,208 / %, as Excel, Word and pdfmake print it); as a text value (調査中)
 * it would be read as a row of its own. So is a cumulative word alone (延べ over 147,930%): it
 * opens the figure the cell wrapped after it, as a text value (調査中) it would hold the cell alone.
 */
function completeOf(role: ColumnRole, units: ReadonlySet<string>): ((text: string) => boolean) | undefined {
  // A cumulative word (延べ) is set before its figure: a line ending in one is no whole value,
  // whether the word stands alone or after the figure of the cell above (60件 + 延べ joined).
  const opensQualified = (text: string): boolean => {
    const before = beforeLastQualifier(text);
    return before !== null && (before === '' || parseMeasurement(before).ok || GLUED_UNIT.test(before) || units.has(before));
  };
  // A figure with its unit glued (40,808人, 40,808人(H25)) is whole; 40,808人(H is not.
  // Nor is a unit's last characters alone, which a cell wrapped inside the unit (226,036百万 / 円).
  if (MEASURED.has(role))
    return (text) =>
      isValueText(text) &&
      !isUnitTail(text.normalize('NFKC').trim(), units) &&
      !opensQualified(text) &&
      !CUT_GROUP.test(text.normalize('NFKC').trim()) &&
      !CUT_BOUND.test(text.normalize('NFKC').trim()) &&
      (parseMeasurement(text).ok || !/^\d/.test(text.trim()) || /\d$/.test(text.trim()) || GLUED_UNIT.test(text.normalize('NFKC').trim()));
  if (role === 'progress') return (text) => text.trim() !== '' && parseProgress(text) !== undefined;
  if (role === 'grade') return isMarkText;
  return undefined;
}

/** Whether a text is a unit the table's figures print, or the end of one (円 of 百万円): no figure, no value of its own. */
function isUnitTail(text: string, units: ReadonlySet<string>): boolean {
  return text !== '' && !/\d/.test(text) && [...units].some((u) => u.normalize('NFKC').endsWith(text));
}

/** A step (em) between a grouping cell's lines no farther than this is its line pitch (a wider one spans a gap in its text). */
const GROUP_STEP_SURE_EM = 1.8;

/** A grouping column's merged cell: its y extent, its text, the steps (em) between its lines. */
interface GroupCell {
  top: number;
  bottom: number;
  text: string;
  steps: number[];
}

/** A detail table read: its head, its columns with roles, its rows and grouping cells. */
interface ReadTable {
  page: LaidOutPage;
  head: TableHead;
  columns: Column[];
  placed: PlacedColumn[];
  rows: GridRow[];
  /** Per grouping column: its merged cells with their y extent. */
  groups: { column: number; cells: GroupCell[] }[];
  left: number;
  right: number;
  /** The x between each column and the next, as well as the page tells it (for the layout's widths). */
  edges: number[];
  /** The table's sides for the layout's widths: where its rules end, or its outer columns' headings tell them. */
  sides: { left: number; right: number };
  /** The pitch (em) of a cell's lines the table shows itself, null where none wraps clearly. */
  pitch: number | null;
  /** The pitch (em) its grouping cells' wrapped titles show, null where none wraps. */
  groupPitch: number | null;
  /** The least step (em) between two of its rows of one line each, null where none stand so. */
  rowStep: number | null;
}

/** A count table read: marks across, one row per label. */
export interface CountTable {
  page: number;
  top: number;
  /** Grades across (a row per group) or down (a row per grade, one count column). */
  shape: 'columns' | 'rows';
  marks: string[];
  rows: { label: string; counts: (number | null)[]; total: number | null }[];
  /** A table of grades down counts the goal printed above it (基本目標1 … over its table). */
  strategy?: Strategy;
}

function middle(p: { top: number; bottom: number }): number {
  return (p.top + p.bottom) / 2;
}

/** Whether one of the table's vertical rules crosses the height `y`. */
function ruledAt(page: LaidOutPage, y: number, left: number, right: number): boolean {
  return page.vertical.some((r) => r.at >= left - 2 && r.at <= right + 2 && r.from <= y && r.to >= y);
}

/** Whether the table's vertical rules run on between two lines and beside the lower (ruled tables go on while their rules do). */
function ruledBetween(page: LaidOutPage, upper: Line, lower: Line, left: number, right: number): boolean {
  return ruledAt(page, (upper.bottom + lower.top) / 2, left, right) && ruledAt(page, middle(lower), left, right);
}

/**
 * The lines (their indices in `body`) of the comment blocks under the rows: a heading (≪成果と見直し≫)
 * at the table's left, then its paragraph, which goes on while its lines are full (text wraps only
 * where a line is full: a short line ends it, the blocks' widest line or the rows' figures telling
 * full) up to a figure, a banner, the next block or a rule across the table (`boundaries`). On a page
 * the table goes on to (`goesOn`), a paragraph the page broke opens it without its heading: a first
 * line as wide as the blocks' lines, at the table's left. Its lines stand at the pitch the page's
 * other paragraphs show, and at the table's left as theirs do: a line further apart or set further in
 * is the next row's (…内容の充実を図る。 over 文化財就 | 業者数（千 39,824 …, a name set in the middle
 * of its row, its first line over its values, after the padding and in the name column).
 */
function commentBlockLines(body: readonly Line[], left: number, boundaries: readonly number[], goesOn = false): Set<number> {
  /** `shownPitch`: the step between paragraph lines the page's blocks under their headings show, for a paragraph the page broke. */
  const blocks = (full: number, shownPitch = Infinity) => {
    const inBlock = new Set<number>();
    // Steps between two lines of a paragraph under its heading (not from the heading's own line, which may be set apart).
    const steps: number[] = [];
    /** The paragraph from line `k` on (`heading` its first line, `runsOn` where text runs on after it), to its last line. */
    const paragraphFrom = (k: number, heading: Line, runsOn: boolean, broken = false): number => {
      inBlock.add(k);
      // The heading's line is the paragraph's first where the text runs on after it.
      let widest = runsOn ? Math.max(full, heading.right) : full;
      // The step between the block's lines (as a cell's): a wider one (the padding above the next row) ends it.
      let pitch = broken ? shownPitch : Infinity;
      let last = k;
      for (let j = k + 1; j < body.length; j++) {
        const [line, above] = [body[j]!, body[j - 1]!];
        const step = line.baseline - above.baseline;
        // A paragraph's line ending short ends the block (not the heading's own line, unless text runs on
        // after it); told by the line, as `k` follows the block down.
        const endedShort = (above !== heading || runsOn) && widest - above.right > SHORT_LINE_EM * above.size + firstWordWidth(line);
        const ruled = boundaries.some((y) => y > middle(above) && y < middle(line));
        const apart = step > pitch + PITCH_TOLERANCE_EM * line.size;
        // A paragraph's lines all start at its cell's left, where its heading stands (a first line's indent aside).
        const setIn = line.x > left + ROW_LEFT_SLACK_EM * line.size;
        if (endedShort || ruled || apart || setIn || holdsFigure(line, FIGURE) || readBanner(line.text) !== null || COMMENT_BLOCK.test(line.text.trim())) break;
        if (!broken && (above !== heading || runsOn) && step > ONE_LINE_STEP_EM * line.size) steps.push(step);
        pitch = Math.min(pitch, step);
        inBlock.add(j);
        widest = Math.max(widest, line.right);
        last = j;
      }
      return last;
    };
    const first = body[0];
    const brokenParagraph =
      goesOn &&
      first !== undefined &&
      Number.isFinite(full) &&
      first.x <= left + ROW_LEFT_SLACK_EM * first.size &&
      full - first.right <= SHORT_LINE_EM * first.size &&
      !holdsFigure(first, FIGURE) &&
      readBanner(first.text) === null &&
      !COMMENT_BLOCK.test(first.text.trim());
    for (let k = brokenParagraph ? paragraphFrom(0, first, true, true) + 1 : 0; k < body.length; k++) {
      const heading = body[k]!;
      const block = COMMENT_BLOCK.exec(heading.text.trim());
      // 【数値目標】 and banners in brackets are no comment blocks.
      if (!block || heading.x > left + ROW_LEFT_SLACK_EM * heading.size || isGoalIndicatorsLabel(heading.text) || readBanner(heading.text) !== null) continue;
      k = paragraphFrom(k, heading, block[2] !== '');
    }
    return { inBlock, steps };
  };
  // Read once to find the paragraphs' width, then again with it: a paragraph of one line shows none.
  // A block spans the table, so a full line reaches at least as far as the rows' figures, set at their
  // cells' right: where no paragraph wraps, the widest is no full line (…事業を縮小して実施した。 over a
  // name's first line, 図書館…設置数(千, at the paragraphs' pitch in a print without padding).
  const widest = Math.max(...[...blocks(-Infinity).inBlock].map((k) => body[k]!.right));
  const figuresRight = Math.max(...body.filter((l) => holdsFigure(l, FIGURE)).map((l) => l.right));
  const full = Number.isFinite(widest) ? Math.max(widest, figuresRight) : widest;
  const headed = blocks(full);
  // Then, on a page the table goes on to, the paragraph the page broke at the pitch the others show.
  return goesOn && headed.steps.length > 0 ? blocks(full, Math.min(...headed.steps)).inBlock : headed.inBlock;
}

/** From a head's first column to its last: their rules, or their headings where unruled. */
function headSpan(head: TableHead): { left: number; right: number } {
  return {
    left: Math.min(...head.columns.map((c) => (Number.isFinite(c.left) ? c.left : c.headingLeft))),
    right: Math.max(...head.columns.map((c) => (Number.isFinite(c.right) ? c.right : c.headingRight))),
  };
}

/** The lines of a table's body: from its head until the next head, a gap, or the end of its rules. */
function bodyOf(page: LaidOutPage, lines: readonly Line[], head: TableHead, end: number): Line[] {
  const { left, right } = headSpan(head);
  const body: Line[] = [];
  const across = head.ruled ? [] : rulesAcross(page, left, right);
  let last = head.lines.at(-1);
  // Where the body's rows start: a name column open to the left (its heading centred over names
  // set at the page's margin) reaches as far left as its rows do, past its heading.
  let rowsLeft = left;
  // A ruled table continued from the page before whose rules have not begun yet: a spreadsheet
  // draws a merged cell's text again at the page's top, above the rules (clipped in print).
  let beforeRules = !last && head.ruled;
  for (const [k, line] of lines.entries()) {
    if (line.top < head.bottom - 0.5 || line.top >= end || head.lines.includes(line)) continue;
    // A table continued from the page before starts at the page's first line.
    if (!last) {
      body.push((last = line));
      rowsLeft = Math.min(rowsLeft, line.x);
      continue;
    }
    const gap = line.top - last.bottom;
    beforeRules &&= !ruledAt(page, middle(last), left, right);
    if (
      head.ruled
        ? !ruledBetween(page, last, line, left, right) &&
          gap > 0.5 * line.size &&
          !(beforeRules && ruledAt(page, middle(line), left, right)) &&
          !overflowsCell(page, body, line, lines.slice(k + 1))
        : widestOpening(across, last, line) > TABLE_GAP_EM * line.size && !ruledAbove(across, line) && !rowsGoOn(lines, k, end, left, right, rowsLeft)
    )
      break;
    body.push(line);
    last = line;
    rowsLeft = Math.min(rowsLeft, line.x);
  }
  return body;
}

/** Lines of one cell stand at one pitch: steps this close (em) are one. */
const SAME_STEP_EM = 0.12;

/**
 * Whether a line under a ruled table's last rule is the rest of a merged cell the page broke,
 * printed past the rule (pdfmake: ② 商店 | 街の | 推進, its last lines under the table): one phrase,
 * starting where the cell's lines above it start, one step of theirs under the last, and nothing
 * after it on the page within a table's gap but more of the cell's lines at that step.
 */
function overflowsCell(page: LaidOutPage, body: readonly Line[], line: Line, after: readonly Line[]): boolean {
  if (line.phrases.length !== 1) return false;
  const x = line.phrases[0]!.x;
  const cell = body.filter((l) => l.phrases.some((p) => Math.abs(p.x - x) <= EDGE_MATCH)).slice(-2);
  if (cell.length < 2) return false;
  const [upper, lower] = cell as [Line, Line];
  // One cell's lines: no rule parts them there (two rows' names would stand one row's step apart).
  if (page.horizontal.some((r) => r.from <= x && r.to >= x && r.at > upper.baseline && r.at < lower.top)) return false;
  const step = lower.baseline - upper.baseline;
  const stepUnder = (above: Line, l: Line) => Math.abs(l.baseline - above.baseline - step) <= SAME_STEP_EM * l.size;
  if (!stepUnder(lower, line)) return false;
  let last = line;
  for (const l of after) {
    if (l.phrases.length === 1 && Math.abs(l.phrases[0]!.x - x) <= EDGE_MATCH && stepUnder(last, l)) last = l;
    else return l.top - last.bottom > TABLE_GAP_EM * line.size;
  }
  return true;
}

/**
 * Whether the lines from `k` on, up to the next gap, go on with a table without rules after a
 * wide gap (a spreadsheet's tall rows with their text set low): a banner, 数値目標 or a comment
 * block with its text at the table's left, or a row of figures under its columns. Legends and
 * count tables end a table before this is asked.
 */
function rowsGoOn(lines: readonly Line[], k: number, end: number, left: number, right: number, rowsLeft: number): boolean {
  const first = lines[k]!;
  const cluster = [first];
  for (let j = k + 1; j < lines.length && lines[j]!.top < end && lines[j]!.top - cluster.at(-1)!.bottom <= LEGEND_LINE_GAP_EM * first.size; j++)
    cluster.push(lines[j]!);
  const atLeft = first.x <= left + ROW_LEFT_SLACK_EM * first.size;
  if (atLeft && (readBanner(first.text) !== null || isGoalIndicatorsLabel(first.text))) return true;
  // A comment block under its row (≪成果と見直し≫ over its paragraph).
  if (atLeft && COMMENT_BLOCK.test(first.text.trim()) && (cluster.length > 1 || COMMENT_BLOCK.exec(first.text.trim())![2] !== '')) return true;
  const under = (p: Phrase) => (p.x + p.right) / 2 >= left - p.size && (p.x + p.right) / 2 <= right + p.size;
  // Two value cells with a figure among them: a dash (a year to come) or a value in words (調査中) beside a figure counts.
  const holdsFigures = (l: Line) => {
    const cells = l.phrases.filter(under).map((p) => p.text.normalize('NFKC').trim());
    const figures = cells.filter((c) => FIGURE.test(c)).length;
    return figures >= 2 || (figures === 1 && cells.some((c) => DASH.test(c) || (isTextValue(c) && [...c].length <= TEXT_VALUE_MOST)));
  };
  if (cluster.some(holdsFigures)) return true;
  // A grouping cell's numbered title at the top of a tall row (② 宿泊の推進), the row's figures set
  // lower: the row runs on from it, its lines no farther apart than a table's rows. The title stands
  // under the table where it starts no farther left than the rows above it (a short title at the
  // margin, under a name heading centred far to its right).
  const title = first.phrases[0]!;
  if (!(under(title) || (title.x >= rowsLeft - title.size && title.x <= right)) || (readBanner(first.text) ?? circledBanner(first.text)) === null) return false;
  // The row may be a spreadsheet's tall one, its text centred far below the title (Calc, no rules).
  const row = [first];
  for (let j = k + 1; j < lines.length && lines[j]!.top < end && lines[j]!.top - row.at(-1)!.bottom <= TALL_ROW_GAP_EM * first.size; j++) row.push(lines[j]!);
  return row.some(holdsFigures);
}

/**
 * The widest stretch between two lines that no rule across the table (`across`, their y) crosses: the whole gap
 * without rules; empty rows a spreadsheet rules across (as it rules every row) leave only their
 * own height, so the table goes on over them.
 */
function widestOpening(across: readonly number[], upper: Line, lower: Line): number {
  const stops = [upper.bottom, ...across.filter((y) => y > upper.bottom && y < lower.top), lower.top];
  return Math.max(...stops.slice(1).map((y, k) => y - stops[k]!));
}

/** Whether a rule across the table runs just above a line: its rows' rules go on after an empty row left unruled. */
function ruledAbove(across: readonly number[], line: Line): boolean {
  return across.some((y) => y <= line.top + 0.5 && y >= line.top - line.size);
}

/**
 * The y of the horizontal rules that run across a table from `left` to `right`, sorted: one rule,
 * or segments end to end at one height (a generator drawing each cell's border apart).
 */
function rulesAcross(page: LaidOutPage, left: number, right: number): number[] {
  const sorted = [...page.horizontal].sort((a, b) => a.at - b.at);
  const ys: number[] = [];
  for (let k = 0; k < sorted.length;) {
    const y = sorted[k]!.at;
    const level: Rule[] = [];
    for (; k < sorted.length && sorted[k]!.at - y <= RULE_SAME_HEIGHT; k++) level.push(sorted[k]!);
    level.sort((a, b) => a.from - b.from);
    // The run of segments joined end to end from the leftmost.
    let to = level[0]!.to;
    for (const r of level.slice(1)) if (r.from <= to + RULE_REACH) to = Math.max(to, r.to);
    // From the table's left, or from the right of grouping columns whose merged cells it stops at.
    if (to >= right - RULE_REACH && (level[0]!.from <= left + RULE_REACH || to - level[0]!.from >= RULE_ACROSS_SHARE * (right - left))) ys.push(y);
  }
  return ys;
}

/** Columns for the row reader: a key per printed column, value columns known by their roles. */
function gridColumns(head: TableHead, placed: readonly PlacedColumn[], units: ReadonlySet<string>): Column[] {
  return head.columns.map((c: HeaderColumn, k) => {
    const complete = completeOf(placed[k]!.role, units);
    return {
      key: `c${k}`,
      left: c.left,
      right: c.right,
      values: complete !== undefined || placed[k]!.role === 'unit',
      heading: c.heading,
      anchor: (c.headingLeft + c.headingRight) / 2,
      headingLeft: c.headingLeft,
      headingRight: c.headingRight,
      ruled: head.ruled,
      ...(complete ? { complete } : {}),
    };
  });
}

/**
 * The merged cells of a grouping column (施策 on the left, one cell over several rows): its text
 * split where a horizontal rule crosses the column; without rules, a cell starts at each text
 * after a gap of more than a line.
 */
/** A grouping cell's number before its title (① 農林業の振興, 1. 観光). */
const CELL_NUMBER = /^(?:[①-⑳]|[0-9０-９]+[.．]?)\s*\S/;
/** A grouping cell's number alone on its line, its title wrapped onto the lines below (① / 農林業の / 振興). */
const LONE_CELL_NUMBER = /^(?:[①-⑳]|[0-9０-９]+[.．]?)$/;

/**
 * A grouping cell's line may run this far (em) past the column's edge as the headings place it:
 * without rules the edge is a guess, and a cell's widest line reaches past it (有害鳥獣オリー).
 */
const GROUP_CELL_OVERRUN_EM = 2;
/** A rule within this (em) over a body's first line or under its last closes the cells there. */
const RULED_CELL_REACH_EM = 1;

function groupCells(page: LaidOutPage, body: readonly Line[], column: Column): GroupCell[] {
  // A phrase belongs to the column it starts in: a banner row's text starting left of it is not its.
  const phrases = body.flatMap((l) =>
    l.phrases.filter((p) => p.x >= column.left - 1 && p.x < column.right && p.right <= column.right + GROUP_CELL_OVERRUN_EM * p.size).map((p) => ({ p, l })),
  );
  if (phrases.length === 0) return [];
  // Where rules cross the column: its middle, the outer columns' open sides taken where their texts stand.
  const [left, right] = [
    Number.isFinite(column.left) ? column.left : Math.min(...phrases.map(({ p }) => p.x)),
    Number.isFinite(column.right) ? column.right : Math.max(...phrases.map(({ p }) => p.right)),
  ];
  const x = (left + right) / 2;
  const top = Math.min(...body.map((l) => l.top)) - 1;
  const bottom = Math.max(...body.map((l) => l.bottom)) + 1;
  const across = page.horizontal.filter((r) => r.from <= x && r.to >= x);
  const cuts = across
    .filter((r) => r.at > top && r.at < bottom)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  // In a table whose rows are ruled, a column ruled above and below its body and not between is one
  // cell (具体的な | 施策① 図書…, merged over every row): its rules alone split it. (A table ruled only
  // over and under its body, as a word processor's plainest style, says nothing of its cells.)
  const reach = RULED_CELL_REACH_EM * body[0]!.size;
  const rowsRuled = page.horizontal.some((r) => r.at > top && r.at < bottom);
  const closed = across.some((r) => r.at <= top && r.at >= top - reach) && across.some((r) => r.at >= bottom && r.at <= bottom + reach);
  const ruled = cuts.length > 0 || (rowsRuled && closed);
  // Without rules across the column, a cell begins at each numbered title (具体的な施策② …, (2) …,
  // ② …), or above it at the row its text, centred in the merged cell, starts beside.
  const rowTop = (title: Line) => {
    let at = title.top;
    for (const l of [...body].reverse()) if (l.top < at && l.bottom > at + 0.5) at = l.top;
    return at - 0.5;
  };
  // A number alone on its line begins its cell too. Where the cell's label is wrapped before its
  // number (基本施策 / 1, 基本目標 / Ⅰ ICT商店), the cell begins at the label.
  const startOf = ({ p, l }: { p: Phrase; l: Line }, k: number): Line | null => {
    if (readBanner(p.text) === null && !CELL_NUMBER.test(p.text) && !LONE_CELL_NUMBER.test(p.text.trim())) return null;
    const above = phrases[k - 1];
    return above && readBanner(above.p.text) === null && readBanner(joinWrapped([above.p.text, p.text]))?.label === above.p.text.trim() ? above.l : l;
  };
  const starts = ruled ? [] : [...new Set(phrases.map(startOf).filter((l): l is Line => l !== null))].map(rowTop);
  const edges = [top, ...cuts, ...starts, bottom];
  const cells: GroupCell[] = [];
  for (let k = 1; k < edges.length; k++) {
    const inside = phrases.filter(({ l }) => middle(l) > edges[k - 1]! && middle(l) < edges[k]!);
    // From the phrases' own baselines: a line may hold the next cell's text set a point or two off
    // (a name centred in its row beside the grouping cell's last line), whose baseline it takes.
    const steps = inside.slice(1).map(({ p, l }, i) => (p.baseline - inside[i]!.p.baseline) / l.size);
    if (inside.length > 0) cells.push({ top: edges[k - 1]!, bottom: edges[k]!, text: joinWrapped(inside.map(({ p }) => p.text)), steps });
    else if (cells.length > 0 && cuts.length > 0) cells.at(-1)!.bottom = edges[k]!;
  }
  return cells;
}

/** Labels of one column start, end or centre within this (points) of one another. */
const LABELS_ALIGNED = 1;
/** The heading over role rows' labels (区分, 項目). */
const LABELS_HEADING = /^(?:区分|項目)$/;

/**
 * The header with a column of its own for role rows' labels printed under no heading (目安値 |
 * 実績値 between 単位 and 基準値, the header cell left empty): without rules nothing else shows that
 * column, and its labels would be read into the unit or the value beside them. Only such labels
 * make a column here: other text under no heading is read with the column it stands nearest.
 */
function withUnheadedRoleLabels(head: TableHead, body: readonly Line[]): TableHead {
  if (head.ruled) return head;
  const labels = body.flatMap((l) => l.phrases.filter((p) => INTERIM_ROW.test(plainHeading(p.text)) || ACTUAL_ROW.test(plainHeading(p.text))));
  const underHeading = (p: Phrase) => head.columns.some((c) => p.right > c.headingLeft && p.x < c.headingRight);
  const first = labels.find((p) => !underHeading(p));
  if (!first) return head;
  const aligned = (p: Phrase) =>
    Math.abs(p.x - first.x) <= LABELS_ALIGNED ||
    Math.abs(p.right - first.right) <= LABELS_ALIGNED ||
    Math.abs(p.x + p.right - first.x - first.right) <= 2 * LABELS_ALIGNED;
  const stripe = labels.filter(aligned);
  // A heading of role rows' labels set left (Writer's justified 項目, at its cell's edge without padding) stands
  // over labels centred between where it starts and where the next heading starts: its cell's middle. Another
  // heading's cell holds no labels (単位, its labels' column headed by nothing: Calc's labels by chance there).
  const [from, to] = [Math.min(...stripe.map((p) => p.x)), Math.max(...stripe.map((p) => p.right))];
  const centredInCell = head.columns.some((c, k) => {
    const next = head.columns[k + 1];
    return (
      next !== undefined &&
      LABELS_HEADING.test(plainHeading(c.heading)) &&
      c.headingLeft < from &&
      Math.abs(from + to - c.headingLeft - next.headingLeft) <= 2 * LABELS_ALIGNED
    );
  });
  if (stripe.some(underHeading) || centredInCell || !isRoleLabelColumn(stripe.map((p) => p.text))) return head;
  const [left, right] = [from, to];
  const at = head.columns.findIndex((c) => c.headingLeft >= right);
  if (at <= 0) return head;
  const [before, after] = [head.columns[at - 1]!, head.columns[at]!];
  const unheaded = { heading: '', left: (before.headingRight + left) / 2, right: (right + after.headingLeft) / 2, headingLeft: left, headingRight: right };
  const columns = [
    ...head.columns.slice(0, at - 1),
    { ...before, right: unheaded.left },
    unheaded,
    { ...after, left: unheaded.right },
    ...head.columns.slice(at + 1),
  ];
  return { ...head, columns };
}

function readTable(
  page: LaidOutPage,
  lines: readonly Line[],
  found: TableHead,
  end: number,
  declared: RoleDeclarations,
  pitchHint: number | null,
  goesOn: boolean,
): ReadTable {
  const printed = bodyOf(page, lines, found, end);
  const head = withUnheadedRoleLabels(found, printed);
  const first = placeColumns(
    head.columns.map((c) => ({ heading: c.heading, ...(c.group ? { group: c.group } : {}), cells: [] })),
    declared,
  );
  // A table going on from the page before keeps its columns: what its text there shows of their
  // edges counts too (a page holding one row's actuals, `10 9 - - -`, shows little of them).
  const shown = [...(head.earlier ?? []), ...printed];
  let columns = gridColumns(head, first, figureUnits(shown.flatMap((l) => l.phrases)));
  const headRuled = headRules(page, head);
  const joints = ruleJoints(headRuled);
  const flushLeft = !head.ruled && headingsFlushLeft(head, shown);
  if (flushLeft) columns = atHeadingLefts(columns, shown);
  else if (!head.ruled && printed.length > 0) columns = withJointEdges(refineColumns(columns, shown), joints);
  // Cells start at their headings' lefts where those are flush left; elsewhere where a column's
  // texts start (its edge), after a text only: a figure run on into the next cell's text is parted
  // by its units and digits (unitsApart, 102. | 3企画財政課).
  const cellStarts = columns.map((c) => (flushLeft ? c.left : c.edge));
  const body = printed.map((l) => runsCutAtEdges(l, columns, cellStarts, flushLeft));
  const grouping = columns.filter((_, k) => GROUPING.has(first[k]!.role));
  const rowColumns = columns.filter((c) => !grouping.includes(c));
  const left = Number.isFinite(columns[0]!.left) ? columns[0]!.left : Math.min(...body.map((l) => l.x), head.columns[0]!.headingLeft);
  const right = Number.isFinite(columns.at(-1)!.right) ? columns.at(-1)!.right : Math.max(...body.map((l) => l.right), head.columns.at(-1)!.headingRight);
  const split = splitLinesAtColumns(body, rowColumns);
  const boundaries = rowBoundaries(page.horizontal, left, right, head.bottom, Math.max(head.bottom, ...body.map((l) => l.bottom)) + 1);
  // A banner row across the table (基本目標Ⅰ 中小企業地域の支援) is a row whole, though its title
  // stands over a grouping column.
  const firstGrouping = Math.min(...grouping.map((c) => c.left));
  // Starting left of the grouping columns; or in them and running on past them all, or, alone on its
  // line with a level's label, past its own column (重点戦略1 健康づくり… across 基本戦略 | 個別施策).
  // Cells' texts run together (基本目標1 地域移 基本戦略① 観光…, (1) 子育て ① ICT) share their line.
  const lastGrouping = Math.max(...grouping.map((c) => c.right));
  // Words running past a column are no title across it where a run of them starts where a later
  // column's texts start: they are two cells' texts run together (基本的方向2 ICT | ① ICTの創出,
  // 基本目標1 子 | 中小企業ふ: set without padding).
  // A producer that sets each character apart (pdfmake) has a run at every character: one of a
  // title's lands on an edge by chance (第1章 公共|交通市内の支援 over 基本施策 | ■施策), and tells nothing.
  const cellsTouching = (l: Line) =>
    l.phrases.some((p) =>
      p.parts
        .slice(1)
        .some((q, i) => !oneCharacterEach(p.parts[i]!, q) && columns.some((c) => c.edge !== undefined && c.left > l.x && Math.abs(q.x - c.edge) <= EDGE_MATCH)),
    );
  // Its words start in one column (a title apart from its label starts there too) and run past it.
  const pastOwnColumn = (l: Line) => {
    const [first, last] = [l.phrases[0]!, l.phrases.at(-1)!];
    return grouping.some((c) => first.x >= c.left - 1 && first.x < c.right && last.x < c.right && last.right > c.right + first.size);
  };
  // A row merged across the table: the table's inner vertical rules stop above and below it, and a
  // rule across the table runs above it (text drawn above the rules, at a continued table's top, is no row).
  const innerRuleAt = (y: number) => page.vertical.some((r) => r.at > left + 2 && r.at < right - 2 && r.from <= y && r.to >= y);
  const ruledInside = body.some((l) => innerRuleAt(middle(l)));
  // A line alone between two rules across the table, nothing else printed in its band: no grouping
  // cell, which always stands beside an indicator's row (第2章 商店街の振興 at a page's head, short
  // enough to stay in its column, under rules drawn cell by cell).
  // The rule closing the table under its last line counts too (a banner alone at a page's foot,
  // under the head, its rows on the next page: the rule drawn under it a row's padding below).
  const bodyBottom = Math.max(head.bottom, ...body.map((l) => l.bottom));
  const closing = rowBoundaries(page.horizontal, left, right, bodyBottom, end).slice(0, 1);
  const aloneInBand = (l: Line) => {
    const y = middle(l);
    const above = boundaries.filter((b) => b < y).at(-1);
    const below = [...boundaries, ...closing].find((b) => b > y);
    return above !== undefined && below !== undefined && body.every((o) => o === l || middle(o) < above || middle(o) > below);
  };
  const mergedRow = (l: Line) => ruledInside && !innerRuleAt(middle(l)) && rowBoundaries(page.horizontal, left, right, -Infinity, middle(l)).length > 0;
  // A banner's words alone on their line: one phrase, or its label and number apart from its title.
  const aloneOnLine = (l: Line) => l.phrases.length === 1 || (l.phrases.length === 2 && readBanner(l.phrases[0]!.text)?.title === '');
  // ① 観光の振興 alone is a level's banner (as textRow reads it) where no column numbers the rows,
  // or where its title starts in the number column: an indicator's ① stands there alone.
  const numberColumn = columns[first.findIndex((p) => p.role === 'number')];
  const circledApart = (l: Line) => {
    const [one, two] = l.phrases;
    const titleAt = one!.text.trim().length > 1 ? one!.x : (two?.x ?? Infinity);
    return !numberColumn || titleAt < numberColumn.right;
  };
  // A level no grouping column heads (重点戦略1 ふるさと納税の強化, its title on its line, in a table whose columns head 基本施策 | 施策).
  const groupingHeadings = grouping.map((c) => plainHeading(oneLine(c.heading)));
  const namesLevel = (heading: string, banner: Banner) =>
    heading === bannerKey(banner) || heading.includes(bannerKey(banner)) || bannerKey(banner).includes(heading);
  const otherLevel = (banner: Banner) => banner.title !== '' && !groupingHeadings.some((h) => namesLevel(h, banner));
  // A grouping column whose cells print its heading as their label (施策の方向(1) … under 施策の方向)
  // holds no cell without one: Ⅰ 市内の… alone on its line there is a banner over its rows.
  const labelledColumn = (c: Column) =>
    body.some((l) =>
      l.phrases.some((p) => {
        const banner = readBanner(p.text);
        return columnOfPhrase(columns, p) === c && banner !== null && banner.label !== '' && namesLevel(plainHeading(oneLine(c.heading)), banner);
      }),
    );
  const inLabelledColumn = (p: Phrase) => {
    const c = columnOfPhrase(columns, p);
    return c !== undefined && grouping.includes(c) && labelledColumn(c);
  };
  // A line under the table's last line of figures stands beside no row: a grouping cell always stands
  // beside its rows, so a level's banner there (基本目標1 … over the count table after the table) is
  // a banner, though set in the grouping column's place.
  const lastFigures = Math.max(...body.filter((l) => holdsFigure(l, FIGURE)).map((l) => l.bottom));
  const belowRows = (l: Line) => Number.isFinite(lastFigures) && l.top > lastFigures;
  // A line set apart from the lines above it in its columns: no wrapped line of a cell (個別施策 over (2)
  // over 市内有害…, a top-set cell running on under its row's figures).
  const apartAbove = (l: Line) =>
    body.every(
      (o) =>
        o.bottom > l.top + 0.5 ||
        l.top - o.bottom > CELL_LINE_GAP_EM * l.size ||
        !o.phrases.some((p) => l.phrases.some((q) => Math.min(p.right, q.right) > Math.max(p.x, q.x))),
    );
  const isBanner = (l: Line) => {
    const banner = readBanner(l.text) ?? (circledApart(l) ? circledBanner(l.text) : null);
    const first = l.phrases[0]!;
    return (
      banner !== null &&
      !holdsFigure(l, FIGURE) &&
      (first.x < firstGrouping ||
        (first.right > lastGrouping + first.size && !cellsTouching(l)) ||
        // Without a label (Ⅰ 市内の…, 第1章…) only where rules show the row merged across or alone in its
        // band, where it runs past its column, where its column's cells print a label, or under the last line of
        // figures and apart from the lines above it (Ⅰ 健康づくり… over its count table after the table): a grouping
        // cell's line can look alike, but stays in its column, beside its rows or wrapped under them.
        (aloneOnLine(l) &&
          ((pastOwnColumn(l) && !cellsTouching(l)) ||
            mergedRow(l) ||
            aloneInBand(l) ||
            (banner.label !== '' && (otherLevel(banner) || belowRows(l))) ||
            (banner.label === '' && (inLabelledColumn(first) || (belowRows(l) && apartAbove(l)))))))
    );
  };
  // Told on the lines as printed: cut at the columns, 基本施策2 would end in a figure.
  const banners = body.map(isBanner);
  const bannerPhrases = new Set(split.filter((_, k) => banners[k]).flatMap((l) => l.phrases));
  // Lines that are rows by themselves: banners without a figure, and the goal's label (数値目標) over its indicators.
  // Comment blocks too, each line a row whose text the block's heading collects (textRow).
  // The label is told on its line as printed, as banners are: cut where it crosses a narrow number
  // column's edge (【数値目 | 標】, set one character a run), its pieces read as a number and a name.
  const blockLines = commentBlockLines(body, left, boundaries, goesOn);
  const alone = (_: Line, k: number) => banners[k]! || isGoalIndicatorsLabel(body[k]!.text) || blockLines.has(k);
  const aloneLines = split.filter(alone);
  const unbannered = body.filter((_, k) => !banners[k]);
  // Cut at every column: a grouping cell's wrapped line may touch the next cell's text (Writer sets cells without padding).
  const unbanneredCut = grouping.length > 0 ? splitLinesAtColumns(unbannered, columns) : unbannered;
  const groups = columns.flatMap((c, k) => (grouping.includes(c) ? [{ column: k, cells: groupCells(page, unbanneredCut, c) }] : []));
  // Where no row's cell wraps, a grouping cell's title wrapped over several lines shows the pitch
  // of a cell's lines (one font and size throughout).
  // A grouping cell's lines are one cell's for certain (its numbered label begins it): one step
  // between two of them shows the pitch (① 中小企業健康づくり over の整備, 1.6 em in a font whose
  // lines are set that far apart), where no row's name wraps twice alike.
  const groupSteps = groups.flatMap((g) => g.cells.flatMap((c) => c.steps));
  const groupPitch = cellPitch(
    groupSteps,
    groupSteps.filter((s) => s <= GROUP_STEP_SURE_EM),
  );
  const { rows, pitch, rowStep } = rowsOf(
    split,
    rowColumns,
    boundaries,
    (p: Phrase) => {
      const c = columnOfPhrase(columns, p);
      if (!c || !grouping.includes(c)) return c;
      return bannerPhrases.has(p) ? (rowColumns.filter((r) => r.left <= p.x).at(-1) ?? rowColumns[0]) : undefined;
    },
    undefined,
    pitchHint ?? groupPitch,
    // A banner is a row of its own, though set at the pitch of a wrapped name below it.
    // A line's fragments, cut where it crosses the columns, are all its.
    (f) => aloneLines.some((l) => Math.abs(l.baseline - f.baseline) < 0.1 && f.phrases[0]!.x >= l.x - 0.5 && f.phrases[0]!.x < l.right),
    goesOn,
  );
  const cellsOf = (k: number) => rows.filter((r) => r.anchored).map((r) => r.cells[`c${k}`] ?? '');
  const placed = placeColumns(
    head.columns.map((c, k) => ({ heading: c.heading, ...(c.group ? { group: c.group } : {}), cells: cellsOf(k) })),
    declared,
  );
  // A comment block's paragraph runs across the columns, wherever its lines happen to end: no cell's text tells an edge.
  // Cells' texts run together without padding (`16子育て支援課`) are each their own column's.
  const cellLines = split.filter((_, k) => !banners[k] && !blockLines.has(k));
  // Cells a page before showed of the same table tell its edges too: a page of short names says
  // little of where the name column ends that a long name on the next page tells.
  const measuredLines = [...(head.earlierCells ?? []), ...cellLines];
  const edges = flushLeft ? head.columns.slice(1).map((c) => c.headingLeft) : columnEdges(head, columns, measuredLines, joints);
  return {
    page,
    head: { ...head, earlier: shown, earlierCells: measuredLines },
    columns,
    placed,
    rows,
    groups,
    left,
    right,
    edges,
    sides: tableSides(head, headRuled, edges, left, right, flushLeft),
    pitch,
    groupPitch,
    rowStep,
  };
}

/**
 * Figures set right in a cell without padding end this close (points) to where the next cell's
 * heading, set flush left without padding, starts (0.1 in Writer's prints and their reprints).
 */
const FLUSH_TOUCH = 0.3;
/** Boundaries (each on two rows or more) where figures touch the next heading: one may be chance. */
const FLUSH_BOUNDARIES = 2;

/**
 * Whether the head's headings stand flush left at their cells' left sides, the cells set without
 * padding: Writer's justified headings (均等割り付け: a heading's last line, or its only one, set
 * left; the lines before it spread to both sides). The figures of a value column, set right, then
 * end where the next column's heading starts, on every row: where they do so at two boundaries,
 * every heading's left is its column's edge (值 | 実 of two cells edge to edge; 1,770 ending 0.1
 * past 目標値 R1, which starts the next cell; a number centred in its No. column far from the name).
 */
function headingsFlushLeft(head: TableHead, body: readonly Line[]): boolean {
  // A figure, or its unit set after it (72.4 件: the unit's run ends the cell).
  const figure = /^\s*[△▲-]?\d/;
  // A figure's sign drawn as a run of its own (▲ in another font, a cairo reprint) ends no cell:
  // under a centred heading it may end where that heading starts, its digits running on past it.
  const endsFigure = (p: Phrase, k: number) => p.parts.slice(0, k + 1).some((q) => /\d/.test(q.text));
  const touched = head.columns.slice(1).filter((c) => {
    const rows = body.filter((l) =>
      l.phrases.some(
        (p) => figure.test(p.text) && p.parts.some((q, k) => q.x < c.headingLeft && Math.abs(q.right - c.headingLeft) <= FLUSH_TOUCH && endsFigure(p, k)),
      ),
    );
    return rows.length >= 2;
  });
  return touched.length >= FLUSH_BOUNDARIES;
}

/**
 * The columns parted at their headings' lefts (headingsFlushLeft): each text starting there is the
 * column's own, and starts its cell where it touches the text before it. Its edge is where the
 * body's texts start there: a reprint moves them a little off the heading (490.1 under 490.3).
 */
function atHeadingLefts(columns: readonly Column[], body: readonly Line[]): Column[] {
  const starts = body.flatMap((l) => l.phrases.flatMap((p) => p.parts.map((q) => q.x)));
  const edgeOf = (c: Column) => {
    const near = starts.filter((x) => Math.abs(x - c.headingLeft) <= FLUSH_TOUCH).sort((a, b) => a - b);
    return near.length > 0 ? near[Math.floor(near.length / 2)]! : c.headingLeft;
  };
  return columns.map((c, k) => ({
    ...c,
    left: k === 0 ? c.left : c.headingLeft,
    right: columns[k + 1]?.headingLeft ?? c.right,
    ...(k > 0 ? { edge: edgeOf(c), edgeReach: FLUSH_TOUCH } : {}),
  }));
}

/**
 * The line with each run that two cells' texts touching at a column's edge made cut there (a
 * reprint draws them in one run: 現状値を上回る農林振興課, cairo setting Writer's line in one go), where
 * its characters' widths put a character's end at the edge: the run starts in the column before,
 * and what follows fits the column. The widths are guessed (emWidth): where the run's characters
 * spread evenly, or where the text after the cut ends the run at its size (a proportional font
 * sets kana narrower: 従前値を上回る 46.8 pt wide in 7 pt type, its department's kanji a full em each).
 * `starts`: where each column's cell starts, undefined where that is not known; `cutsFigures`:
 * whether a cut may follow a digit.
 */
function runsCutAtEdges(line: Line, columns: readonly Column[], starts: readonly (number | undefined)[], cutsFigures: boolean): Line {
  let cut = false;
  const phrases = line.phrases.map((p) => {
    const parts = p.parts.flatMap((q) => {
      const k = columns.findIndex((c, i) => {
        const start = starts[i];
        return i > 0 && start !== undefined && q.x < start - FLUSH_TOUCH && q.right > start + FLUSH_TOUCH && q.right <= c.right + FLUSH_TOUCH;
      });
      const [before, start] = [columns[k - 1], starts[k]];
      if (!before || start === undefined || q.x < before.left - FLUSH_TOUCH) return [q];
      const chars = [...q.text];
      const scale = (q.right - q.x) / textEmWidth(q.text);
      let x = q.x;
      for (let i = 1; i < chars.length; i++) {
        x += emWidth(chars[i - 1]!) * scale;
        const head = chars.slice(0, i).join('');
        if (!cutsFigures && /\d/.test(head)) continue;
        const tailStart = q.right - textEmWidth(chars.slice(i).join('')) * p.size;
        const at = [x, tailStart].find((end) => Math.abs(end - start) <= FLUSH_TOUCH);
        if (at === undefined) continue;
        cut = true;
        return [
          { text: head, x: q.x, right: at },
          { text: chars.slice(i).join(''), x: at, right: q.right },
        ];
      }
      return [q];
    });
    return parts.length === p.parts.length ? p : { ...p, parts };
  });
  return cut ? { ...line, phrases } : line;
}

/**
 * The x between each column and the next. A ruled header gives them; a header without rules only
 * its headings' midpoints, which a short heading over a wide column (指標 over long names) puts
 * inside the column: the edge is then moved into the gap the body leaves between the columns'
 * texts (the rightmost text of the one, the leftmost of the next).
 */
function columnEdges(head: TableHead, columns: readonly Column[], body: readonly Line[], joints: readonly Joint[]): number[] {
  const guessed = head.columns.slice(1).map((c) => c.left);
  if (head.ruled) return guessed;
  // A text running over the next column whole is a title across the table, not a cell's.
  const within = (p: Phrase, k: number) => p.right <= (columns[k + 1]?.right ?? Infinity) && p.x >= (columns[k - 1]?.left ?? -Infinity);
  const cells = columns.map((c, k) => body.flatMap((l) => l.phrases.filter((p) => columnOfPhrase(columns, p) === c && within(p, k))));
  const texts = cells.map((own, k) => [{ x: head.columns[k]!.headingLeft, right: head.columns[k]!.headingRight }, ...own]);
  const sides = cells.map((own, k) => alignedSides(own, (head.columns[k]!.headingLeft + head.columns[k]!.headingRight) / 2));
  return guessed.map((edge, k) => {
    // Where the columns' alignment tells their sides, the edge is where they meet.
    const told = [sides[k]!.right, sides[k + 1]!.left].filter((x): x is number => x !== null);
    const estimate = told.length > 0 ? told.reduce((a, b) => a + b, 0) / told.length : edge;
    const hi = Math.min(...texts[k + 1]!.map((p) => p.x));
    // A line that runs past where the next column's texts begin is a banner over both, no cell's.
    const [heading, ...own] = texts[k]!;
    const agreed = jointBetween(joints, heading!.right, hi, estimate);
    if (agreed !== undefined) return agreed;
    const lo = Math.max(heading!.right, ...own.filter((p) => p.right <= hi).map((p) => p.right));
    if (lo > hi) return edge;
    // A rule drawn cell by cell joins its segments at the cells' sides: a joint in the gap between the columns' texts is the edge.
    const joint = joints
      .map((j) => j.x)
      .filter((x) => x >= lo && x <= hi)
      .sort((a, b) => Math.abs(a - estimate) - Math.abs(b - estimate))[0];
    return joint ?? Math.min(Math.max(estimate, lo), hi);
  });
}

/**
 * Rules (over and under a head) whose segments join at one x: that many tell a column's edge
 * whatever the texts do; so do that many joints along one rule (a generator drawing each cell's
 * border apart across the header, a rule under it whole).
 */
const JOINTS_AGREEING = 2;

/** Where two segments of a rule meet: `x`, on the rule at height `at`. */
export interface Joint {
  x: number;
  at: number;
}

/**
 * Where rules over and under the head, drawn cell by cell, join at one x between two columns'
 * headings (`from`–`to`), that x is their edge outright, the one nearest `near` of several: a
 * text past it is the next column's, set without padding (延べ | 12,452件 under 従前値).
 */
function jointBetween(joints: readonly Joint[], from: number, to: number, near: number): number | undefined {
  const agreed = (j: Joint) =>
    joints.filter((o) => Math.abs(o.x - j.x) <= RULE_REACH).length >= JOINTS_AGREEING ||
    joints.filter((o) => Math.abs(o.at - j.at) <= RULE_SAME_HEIGHT).length >= JOINTS_AGREEING;
  return joints
    .filter((j) => j.x >= from && j.x <= to && agreed(j))
    .map((j) => j.x)
    .sort((a, b) => Math.abs(a - near) - Math.abs(b - near))[0];
}

/** The columns with each edge the rules' joints tell between their headings (jointBetween). */
export function withJointEdges(columns: Column[], joints: readonly Joint[]): Column[] {
  if (joints.length === 0) return columns;
  const out = columns.map((c) => ({ ...c }));
  for (let k = 1; k < out.length; k++) {
    const [before, after] = [out[k - 1]!, out[k]!];
    const x = jointBetween(joints, before.headingRight, after.headingLeft, after.left);
    if (x !== undefined) before.right = after.left = x;
  }
  return out;
}

/** A rule over or under a table's head stands at most this far (em) from the head's lines. */
const HEAD_RULE_EM = 1.5;

/** The horizontal rules over and under a table's head (a head without rules has none). */
function headRules(page: LaidOutPage, head: TableHead): Rule[] {
  const size = head.lines[0]?.size ?? 0;
  return page.horizontal.filter((r) => r.at >= head.top - HEAD_RULE_EM * size && r.at <= head.bottom + HEAD_RULE_EM * size);
}

/** Where segments of a rule meet end to end at one height: a generator drawing each cell's border apart ends them at the cells' sides. */
function ruleJoints(rules: readonly Rule[]): Joint[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const joints: Joint[] = [];
  for (let k = 1; k < sorted.length; k++) {
    const [a, b] = [sorted[k - 1]!, sorted[k]!];
    if (b.at - a.at <= RULE_SAME_HEIGHT && Math.abs(b.from - a.to) <= RULE_REACH) joints.push({ x: (a.to + b.from) / 2, at: a.at });
  }
  return joints;
}

/**
 * The table's sides, for the layout's widths. Its texts stop short of them: the padding, and a
 * narrow last column of centred marks (評価) leaves much of its width empty. A rule over or under the
 * head across the table's texts ends at the sides; without one, a heading is centred over its
 * column, so the outer columns are as wide on each side of their headings' middles (left = 2 ×
 * middle − right). Where the texts reach farther, they tell the sides.
 */
function tableSides(
  head: TableHead,
  rules: readonly Rule[],
  edges: readonly number[],
  left: number,
  right: number,
  flushLeft = false,
): { left: number; right: number } {
  if (head.ruled) return { left, right };
  const across = ruleRuns(rules).filter((r) => r.from <= left + RULE_REACH && r.to >= right - RULE_REACH);
  if (across.length > 0) return { left: Math.min(...across.map((r) => r.from)), right: Math.max(...across.map((r) => r.to)) };
  // Headings set flush left (headingsFlushLeft) start their cells: the first's left is the table's.
  if (flushLeft) return { left: Math.min(left, head.columns[0]!.headingLeft), right };
  const middleOf = (c: HeaderColumn) => (c.headingLeft + c.headingRight) / 2;
  const [first, last] = [head.columns[0]!, head.columns.at(-1)!];
  const [firstEdge, lastEdge] = [edges[0], edges.at(-1)];
  return {
    left: firstEdge === undefined ? left : Math.min(left, 2 * middleOf(first) - firstEdge),
    right: lastEdge === undefined ? right : Math.max(right, 2 * middleOf(last) - lastEdge),
  };
}

/** Horizontal rules joined where their segments meet end to end at one height (a generator drawing each cell's border apart). */
function ruleRuns(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const runs: Rule[] = [];
  for (const r of sorted) {
    const last = runs.at(-1);
    if (last && r.at - last.at <= RULE_SAME_HEIGHT && r.from <= last.to + RULE_REACH) last.to = Math.max(last.to, r.to);
    else runs.push({ ...r });
  }
  return runs;
}

/** Texts of one alignment line up within this (pt). */
const ALIGNED = 1.5;
/** The padding between a cell's text and its rule, in em, where no rule shows it. */
const CELL_PADDING_EM = 0.3;

/**
 * A column's sides, as its texts and its heading tell them: texts set flush left give its left
 * side, flush right its right side, and a heading centred in the column the other side across
 * from it. Null where they do not tell (centred texts, or too few to see an alignment).
 */
function alignedSides(texts: readonly Phrase[], headingMiddle: number): { left: number | null; right: number | null } {
  const none = { left: null, right: null };
  if (texts.length < 2) return none;
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  const [lefts, rights] = [texts.map((p) => p.x), texts.map((p) => p.right)];
  const pad = CELL_PADDING_EM * texts[0]!.size;
  const flushLeft = spread(lefts) <= ALIGNED && spread(rights) > ALIGNED;
  const flushRight = spread(rights) <= ALIGNED && spread(lefts) > ALIGNED;
  if (flushLeft) {
    const left = Math.min(...lefts) - pad;
    return { left, right: 2 * headingMiddle - left };
  }
  if (flushRight) {
    const right = Math.max(...rights) + pad;
    return { left: 2 * headingMiddle - right, right };
  }
  return none;
}

/** A count table's head: two grade marks or more and 合計 on one line. */
function countHeadAt(line: Line): string[] | null {
  const marks = countMarkPhrases(line);
  if (marks.length < 2 || !line.phrases.some((p) => TOTAL_WORD.test(p.text.trim()))) return null;
  return marks.map((p) => p.text.trim());
}

/**
 * The marks of a count table's head: marks of a grade (A, ◎, ①, −, 評価なし), or, in a head set
 * as 区分 | word | word | … | 合計, the status words of a scheme (目標達成 | 改善↑ | - | 悪化↓).
 */
function countMarkPhrases(line: Line): Phrase[] {
  const strict = line.phrases.filter((p) => isCountMark(p.text));
  const [first, ...rest] = line.phrases;
  const total = rest.at(-1);
  if (!first || !total || !TOTAL_WORD.test(total.text.trim()) || !COUNT_LABEL.test(first.text.replace(/\s/g, ''))) return strict;
  const words = rest.slice(0, -1);
  return words.length >= 2 && words.every((p) => isCountMark(p.text) || STATUS_WORD.test(p.text.trim())) ? words : strict;
}

/**
 * The pitch (em) of a cell's lines that a count table's wrapped labels show (政策目標1 農林 over
 * 水産業農林水産 over 業空き家の整備 0 1 1 2 0 4), or null: the least step between two lines of one
 * row (its label's lines and its counts' line), close under each other in its column at their size.
 * Never a step from one row to the next: a row's height may be less than a cell's line pitch
 * (Writer sets one-line rows 1.67 em apart, a label's lines 1.72 em).
 */
export function countLabelPitch(rows: readonly (readonly Line[])[]): number | null {
  const steps = rows.flatMap((row) =>
    row.slice(0, -1).flatMap((upper, k) => {
      const lower = row[k + 1]!;
      const close = lower.top - upper.bottom < CELL_LINE_GAP_EM * lower.size;
      const sameColumn = Math.abs(lower.x - upper.x) <= upper.size;
      return close && sameColumn && sameSize(upper.size, lower.size) ? [(lower.baseline - upper.baseline) / lower.size] : [];
    }),
  );
  return steps.length > 0 ? Math.min(...steps) : null;
}

/** Words of a count table's row label (kana, kanji); never a mark of a grade or a dash for none. */
const LABEL_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A figure a label's words follow on its line is the label's number, wrapped apart from its word (基本目標 | 2 ふるさ). */
function countFigures(line: Line): Phrase[] {
  const lastWord = line.phrases.findLastIndex((p) => LABEL_WORD.test(p.text));
  return line.phrases.filter((p, i) => i > lastWord && /^\d+$/.test(p.text.normalize('NFKC').trim()));
}

/** Where a count table's label column ends: at its first mark's left. */
function countLabelEdge(head: Line): number {
  return Math.min(...countMarkPhrases(head).map((p) => p.x));
}

/** A line of a count table's label column alone (a goal's label wrapped in its narrow cell): no counts, nothing past the column. */
function inCountLabelColumn(line: Line, labelEdge: number): boolean {
  return countFigures(line).length === 0 && line.phrases.every((p) => p.right <= labelEdge) && !holdsLegendItem(line.text);
}

/** The lines of one cell stand close: a wider gap is another piece of the page. */
function cellLinesClose(upper: Line, lower: Line): boolean {
  return lower.top - upper.bottom < CELL_LINE_GAP_EM * lower.size;
}

/**
 * Whether a row labelled with a level's word alone (基本目標 | 0 4 1 0 0 5: counts on the cell's first
 * line) has its number and title on this line (Ⅰ 空き | 家の振興): it goes on there, no next row.
 */
function numberBelow(label: string, line: Line): boolean {
  return readBanner(joinWrapped([label, line.text]))?.label === label.replace(/\s/g, '');
}

/**
 * Whether a count table's row label begins on this line: 基本目標1 …, or 基本目標 with its number
 * wrapped onto the next line (基本目標 / 2ICTオリー), or its label or number cut in a narrow cell
 * (第2 | 章図書館…): the line ends before the title.
 */
function opensCountLabel(line: Line, next: Line | undefined): boolean {
  if (readBanner(line.text) !== null) return true;
  if (!next) return false;
  const joined = joinWrapped([line.text, next.text]).replace(/\s/g, '');
  const banner = readBanner(joined);
  const own = line.text.replace(/\s/g, '');
  // Not a word run on from the row above (の創出, or 創出 over 政策目標2 …, a banner of its own).
  if (!banner || /^[ぁ-ゖ]/.test(own) || readBanner(next.text) !== null) return banner?.label === own;
  const head = joined.length - banner.title.replace(/\s/g, '').length;
  return banner.label === own || (banner.title !== '' && own.length <= head && (banner.label === '' || banner.label.startsWith(own)));
}

/** A count table (grades across, a row per group with its counts): rows until a line without counts. */
export function readCountTable(
  page: Pick<LaidOutPage, 'number'>,
  lines: readonly Line[],
  at: number,
): { table: CountTable; used: Line[]; /** Each row's lines: its label's and its counts'. */ rowLines: Line[][] } {
  const head = lines[at]!;
  const markPhrases = countMarkPhrases(head);
  const totalPhrase = head.phrases.find((p) => TOTAL_WORD.test(p.text.trim()))!;
  const centres = [...markPhrases, totalPhrase].map((p) => (p.x + p.right) / 2);
  const rows: CountTable['rows'] = [];
  const used = [head];
  const labelEdge = countLabelEdge(head);
  const inLabelColumn = (line: Line | undefined) => !!line && inCountLabelColumn(line, labelEdge);
  // A banner (the next goal's, below the table) ends it, unless it begins a row's label (基本目標1 観 / 光の向上 0 2 1).
  const labelOnly = (line: Line | undefined) => inLabelColumn(line) && readBanner(line!.text) === null;
  let prefix: string[] = [];
  const rowLines: Line[][] = [];
  let prefixLines: Line[] = [];
  let lastLine: Line | undefined;
  for (let j = at + 1; j < lines.length; j++) {
    const line = lines[j]!;
    const numbers = countFigures(line);
    const next = lines[j + 1];
    // Nearer the next row than the line above it (the row's, or the label's line before).
    const above = used.at(-1)!;
    // A label may run over several lines down to its counts: the first row's, or one its banner words begin.
    const countsBelow = () => {
      for (let n = j + 1, upper = line; n < lines.length && cellLinesClose(upper, lines[n]!); upper = lines[n]!, n++) {
        if (countFigures(lines[n]!).length >= 2) return true;
        // Within the label's run a line may read as a banner itself (基本目標 | Ⅱ 健康づ | 1 1 1 0 3).
        if (!inLabelColumn(lines[n]!)) return false;
      }
      return false;
    };
    // The next row's line of counts opening with its goal's label and number (基本目標Ⅱ商店街 0 1 1):
    // that row's label begins there, and a line above it is the row above's (ICT図 | 書館づくり).
    const nextOpensLabel = (next: Line) =>
      readBanner(
        next.phrases
          .filter((p) => !countFigures(next).includes(p))
          .map((p) => p.text)
          .join(''),
      ) !== null;
    const towardsNext = () =>
      !!next &&
      cellLinesClose(line, next) &&
      (countFigures(next).length >= 2
        ? // A goal's label and number (政策目標2 ふる) opens the next row however evenly the lines are spaced (Writer);
          // so does its label alone, its number wrapped onto the line of counts (基本目標 | ⅡICTの 0 0 4).
          !lastLine ||
          readBanner(line.text) !== null ||
          opensCountLabel(line, next) ||
          (!nextOpensLabel(next) && next.top - line.bottom < line.top - above.bottom)
        : (!lastLine || opensCountLabel(line, next)) && countsBelow());
    if (numbers.length < 2 && inLabelColumn(line) && prefix.length === 0 && lastLine && cellLinesClose(above, line) && numberBelow(rows.at(-1)!.label, line)) {
      rows.at(-1)!.label = joinWrapped([rows.at(-1)!.label, line.text]);
      rowLines.at(-1)!.push(line);
      used.push(line);
      continue;
    }
    // A label under way goes on through its cell's lines, one reading as a banner too (基本目標 | Ⅱ 健康づ).
    if (numbers.length < 2 && inLabelColumn(line) && !labelOnly(line) && (prefix.length > 0 || towardsNext())) {
      prefix.push(line.text);
      prefixLines.push(line);
      used.push(line);
      continue;
    }
    if (numbers.length < 2 && labelOnly(line)) {
      // A line after the next row's first label line goes on with that label.
      if (prefix.length > 0 || towardsNext()) {
        prefix.push(line.text);
        prefixLines.push(line);
      } else if (rows.length > 0 && lastLine && cellLinesClose(above, line)) {
        rows.at(-1)!.label = joinWrapped([rows.at(-1)!.label, line.text]);
        rowLines.at(-1)!.push(line);
      }
      // Under the head, apart from the first row: the rest of the label of the row a page break cut (基本目標1 | 商店街有害鳥獣の強化, Writer).
      else if (rows.length > 0 || prefix.length > 0) break;
      used.push(line);
      continue;
    }
    if (numbers.length < 2) break;
    const label = joinWrapped([...prefix, ...line.phrases.filter((p) => !numbers.includes(p)).map((p) => p.text)]);
    prefix = [];
    rowLines.push([...prefixLines, line]);
    prefixLines = [];
    lastLine = line;
    const cells: (number | null)[] = centres.map(() => null);
    const columnOf = columnsInOrder(
      numbers.map((n) => (n.x + n.right) / 2),
      centres,
    );
    numbers.forEach((n, i) => (cells[columnOf[i]!] = Number(n.text.normalize('NFKC'))));
    rows.push({ label, counts: blanksAsZero(cells.slice(0, -1), cells.at(-1)!), total: cells.at(-1)! });
    used.push(line);
    // The 合計 row closes the table: a note under it is not a wrapped label.
    if (TOTAL_WORD.test(label.replace(/\s/g, ''))) break;
  }
  return { table: { page: page.number, top: head.top, shape: 'columns', marks: markPhrases.map((p) => p.text.trim()), rows }, used, rowLines };
}

/**
 * The column of each figure of a row, left to right: each its own column, in the columns' order, the
 * sum of the distances to their headings' centres least. Figures set right in wide cells may stand
 * nearer the next heading than their own (3 under 改善↑ beside a narrow -); taken one by one, two
 * would share a column and one count be lost.
 */
export function columnsInOrder(figures: readonly number[], centres: readonly number[]): number[] {
  const order = figures.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const [n, m] = [order.length, centres.length];
  if (n > m) return figures.map((x) => centres.reduce((best, c, j) => (Math.abs(c - x) < Math.abs(centres[best]! - x) ? j : best), 0));
  // cost[i][j]: the least sum placing the first i figures in the first j columns.
  const cost = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, () => (i === 0 ? 0 : Infinity)));
  for (let i = 1; i <= n; i++)
    for (let j = i; j <= m; j++) cost[i]![j] = Math.min(cost[i]![j - 1]!, cost[i - 1]![j - 1]! + Math.abs(order[i - 1]!.x - centres[j - 1]!));
  const columns: number[] = new Array(n);
  for (let i = n, j = m; i > 0; j--) {
    if (cost[i]![j] === cost[i - 1]![j - 1]! + Math.abs(order[i - 1]!.x - centres[j - 1]!)) {
      columns[order[i - 1]!.i] = j - 1;
      i--;
    }
  }
  return columns;
}

/**
 * A row's counts with its blank cells as 0 where its total says so (the filled counts add up to it:
 * a sheet that prints no zeros); else the blanks stay unknown.
 */
function blanksAsZero(counts: readonly (number | null)[], total: number | null): (number | null)[] {
  const filled = counts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  return total !== null && filled === total ? counts.map((c) => c ?? 0) : [...counts];
}

/** The head of a count table of grades down: a grade heading and a count heading (評価 | 指標数). */
const GRADE_HEADING = /^(?:評\s*価|判\s*定|区\s*分|達成度|進捗区分)$/;
const COUNT_HEADING = /^(?:件数|指標数|事業数|数|該当数|項目数)$/;

function isRowsCountHead(line: Line): boolean {
  return line.phrases.length === 2 && GRADE_HEADING.test(line.phrases[0]!.text.trim()) && COUNT_HEADING.test(line.phrases[1]!.text.trim());
}

/** A count table of grades down: a mark and its count a line, to its 合計 line. */
export function readRowsCountTable(page: Pick<LaidOutPage, 'number'>, lines: readonly Line[], at: number): { table: CountTable; used: Line[] } {
  const used = [lines[at]!];
  const marks: string[] = [];
  const counts: (number | null)[] = [];
  let total: number | null = null;
  for (const line of lines.slice(at + 1)) {
    const read = countLine(line);
    if (!read) break;
    used.push(line);
    if (TOTAL_WORD.test(read.label.replace(/\s/g, ''))) {
      total = read.count;
      break;
    }
    marks.push(read.label);
    counts.push(read.count);
  }
  return { table: { page: page.number, top: lines[at]!.top, shape: 'rows', marks, rows: [{ label: '', counts, total }] }, used };
}

/** A line of a count table of grades down: a mark (or 合計) and its count. */
function countLine(line: Line): { label: string; count: number } | null {
  const [label, count] = line.phrases.map((p) => p.text.trim());
  if (line.phrases.length !== 2 || !/^\d+$/.test(count!.normalize('NFKC'))) return null;
  return { label: label!, count: Number(count!.normalize('NFKC')) };
}

/** Two heads of grades across with the same marks: one count table's head printed twice. */
function sameCountHead(a: Line, b: Line): boolean {
  const [marksA, marksB] = [countHeadAt(a), countHeadAt(b)];
  return !!marksA && !!marksB && marksA.join('|') === marksB.join('|');
}

/**
 * The lines opening the next page that finish the label of the count table's row the page cut, lines
 * of the label column standing as one cell's: a level's word alone (基本目標 | 1 5 0 0 6) whose
 * number and title the page carried (Ⅰ有害鳥 | 獣の強化); or the rest of a label, up to the next
 * row opening with its goal's label and number (基本目標2 中 0 1 2 0 1 4 | 小企業自主防, then
 * 災組織地域の | 向上 over 基本目標3 有 …). The latter only where each row so far opens so: a label
 * without them is told from the next row's by the lines' spacing alone, which a page break does not keep.
 */
function cutLabelRest(table: CountTable, head: Line, lines: readonly Line[]): Line[] {
  const numberCarried = !!lines[0] && numberBelow(table.rows.at(-1)!.label, lines[0]);
  if (!numberCarried && !table.rows.every((row) => readBanner(row.label) !== null)) return [];
  const labelEdge = countLabelEdge(head);
  const rest: Line[] = [];
  for (const [k, line] of lines.entries()) {
    // The carried number opens the rest itself (Ⅰ有害鳥); only a row after it opens another label.
    if ((rest.length > 0 || !numberCarried) && opensCountLabel(line, lines[k + 1])) return rest;
    const above = rest.at(-1);
    if (!inCountLabelColumn(line, labelEdge) || (above && !cellLinesClose(above, line))) break;
    rest.push(line);
  }
  // Not followed by a row: lines of the page after the table, unless the rest carries the label's number.
  return numberCarried ? rest : [];
}

/**
 * A count table that a page break cuts: of grades down, before its 合計, the lines of marks and
 * counts that open the next page (under its head printed again, or alone) are its own; of grades
 * across, after its head, the rows that open the next page.
 */
function countsAcrossPages(pieces: { page: number; piece: Piece }[]): { page: number; piece: Piece }[] {
  const out: { page: number; piece: Piece }[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const { page, piece } = pieces[k]!;
    out.push(pieces[k]!);
    // A head of grades across alone at a page's foot: its rows open the next page. Under the head
    // printed again (pdfmake's header rows, a spreadsheet's print titles: 政策目標 | ① | ② | 合計 on
    // both pages), that table is whole there and the foot's head is only its first print.
    if (piece.kind === 'line' && countHeadAt(piece.line) && pieces[k + 1]?.page === page + 1) {
      const again = pieces[k + 1]!.piece;
      if (again.kind === 'counts' && again.head && sameCountHead(piece.line, again.head)) {
        out.pop();
        continue;
      }
      const following: Line[] = [];
      for (let n = k + 1; pieces[n]?.page === page + 1 && pieces[n]!.piece.kind === 'line'; n++) following.push((pieces[n]!.piece as { line: Line }).line);
      const { table, used } = readCountTable({ number: page + 1 }, [piece.line, ...following], 0);
      if (table.rows.length > 0) {
        out[out.length - 1] = { page, piece: { kind: 'counts', top: piece.line.top, table } };
        k += used.length - 1;
      }
      continue;
    }
    // A table of grades across that ends its page before its 合計 row: the rows that open the next
    // page under no head of their own go on with it (a goal's label wrapped there, 基本目標Ⅱ農林水 |
    // 産業地域の向上 0 1 1 2 0 4, read by itself as a banner of a goal with no indicators).
    const lastRow = piece.kind === 'counts' ? piece.table.rows.at(-1) : undefined;
    if (piece.kind === 'counts' && piece.head && lastRow && !TOTAL_WORD.test(lastRow.label.replace(/\s/g, '')) && pieces[k + 1]?.page === page + 1) {
      const following: Line[] = [];
      for (let n = k + 1; pieces[n]?.page === page + 1 && pieces[n]!.piece.kind === 'line'; n++) following.push((pieces[n]!.piece as { line: Line }).line);
      // The head printed again over them (pdfmake's header rows, a spreadsheet's print titles) is the same table's.
      const headAgain = following[0] && sameCountHead(piece.head, following[0]) ? 1 : 0;
      const rest = cutLabelRest(piece.table, piece.head, following.slice(headAgain));
      if (rest.length > 0) lastRow.label = joinWrapped([lastRow.label, ...rest.map((l) => l.text)]);
      const from = headAgain + rest.length;
      const { table, used } = readCountTable({ number: page + 1 }, [piece.head, ...following.slice(from)], 0);
      if (table.rows.length > 0) {
        piece.table.rows.push(...table.rows);
        k += from + used.length - 1;
      } else if (headAgain && used.length > 1) {
        // Under it only lines of the label column, no counts: the rest of the last row's label the
        // page cut (政策目標2 | 地域の強 0 1 2 0 3, then 化 under the head on the next page).
        lastRow.label = joinWrapped([lastRow.label, ...used.slice(1).map((l) => l.text)]);
        k += from + used.length - 1;
      } else if (rest.length > 0) k += from;
      continue;
    }
    if (piece.kind !== 'counts' || piece.table.shape !== 'rows' || piece.table.rows[0]!.total !== null || pieces[k + 1]?.page === page) continue;
    const row = piece.table.rows[0]!;
    // Its head printed again over the rest (評価 | 指標数 on both pages): one table.
    const again = pieces[k + 1];
    if (again && again.page === page + 1 && again.piece.kind === 'counts' && again.piece.table.shape === 'rows') {
      piece.table.marks.push(...again.piece.table.marks);
      row.counts.push(...again.piece.table.rows[0]!.counts);
      row.total = again.piece.table.rows[0]!.total;
      k++;
      continue;
    }
    for (;;) {
      const next = pieces[k + 1];
      const read = next && next.page === page + 1 && next.piece.kind === 'line' ? countLine(next.piece.line) : null;
      if (!read) break;
      k++;
      if (TOTAL_WORD.test(read.label.replace(/\s/g, ''))) {
        row.total = read.count;
        break;
      }
      piece.table.marks.push(read.label);
      row.counts.push(read.count);
    }
  }
  return out;
}

/** The head of a count table of grades down with a column per goal (評価 | 基本目標Ⅰ | 基本目標Ⅱ | 合計). */
function isMatrixCountHead(line: Line): boolean {
  const [first, ...rest] = line.phrases.map((p) => p.text.trim());
  return (
    first !== undefined &&
    GRADE_HEADING.test(first) &&
    rest.some((t) => readBanner(t) !== null) &&
    rest.every((t) => readBanner(t) !== null || TOTAL_WORD.test(t.replace(/\s/g, '')))
  );
}

/**
 * A count table of grades down with a column per goal: a mark and its counts a line, to its 合計
 * line; read as a row per goal (its column), as a table of grades across would give it.
 */
export function readMatrixCountTable(page: Pick<LaidOutPage, 'number'>, lines: readonly Line[], at: number): { table: CountTable; used: Line[] } {
  const head = lines[at]!;
  const columns = head.phrases.slice(1).map((p) => ({ label: p.text.trim(), centre: (p.x + p.right) / 2 }));
  const used = [head];
  const marks: string[] = [];
  const values: (number | null)[][] = [];
  let totals: (number | null)[] | null = null;
  for (const line of lines.slice(at + 1)) {
    const [label, ...cells] = line.phrases;
    if (!label || cells.length === 0 || !cells.every((p) => /^\d+$/.test(p.text.normalize('NFKC').trim()))) break;
    const row: (number | null)[] = columns.map(() => null);
    for (const p of cells) {
      const c = (p.x + p.right) / 2;
      const k = columns.reduce((best, col, j) => (Math.abs(col.centre - c) < Math.abs(columns[best]!.centre - c) ? j : best), 0);
      row[k] = Number(p.text.normalize('NFKC'));
    }
    used.push(line);
    if (TOTAL_WORD.test(label.text.replace(/\s/g, ''))) {
      totals = row;
      break;
    }
    marks.push(label.text.trim());
    values.push(row);
  }
  const rows = columns.map((column, k) => {
    const total = totals?.[k] ?? null;
    return {
      label: column.label,
      counts: blanksAsZero(
        values.map((v) => v[k] ?? null),
        total,
      ),
      total,
    };
  });
  return { table: { page: page.number, top: head.top, shape: 'rows', marks, rows }, used };
}

/**
 * Whether a line stands wholly in grouping columns' merged cells (■施策② over a title wrapped
 * between two rows; 基本目標1 | 基本的方向1 | 具体的な施策① above the first row): their text, read
 * with the cells, not a line outside the table.
 */
function inGroupCell(table: ReadTable, line: Line): boolean {
  const inCell = (p: Phrase) => {
    const column = columnOfPhrase(table.columns, p);
    const group = table.groups.find((g) => table.columns[g.column] === column);
    return !!group && group.cells.some((c) => middle(line) > c.top && middle(line) < c.bottom);
  };
  return table.groups.length > 0 && line.phrases.every(inCell);
}

/**
 * Whether a line is the table's: each of its phrases stands in a row or in a grouping cell. Told
 * phrase by phrase, as phrases of one line may stand a little apart in height (a grouping cell set
 * at its merged cell's top beside a name set lower: the line's height is neither's).
 */
function inRowsOrGroupCells(table: ReadTable, line: Line): boolean {
  const inRow = (l: Line) => table.rows.some((r) => l.top >= r.top - 0.5 && l.bottom <= r.bottom + 0.5);
  return inRow(line) || inGroupCell(table, line) || line.phrases.map((p) => makeLine([p])).every((own) => inRow(own) || inGroupCell(table, own));
}

/** Headings of one table printed again stand this far (points) from where they stood. */
const HEAD_AGAIN_SHIFT = 1;

/** Whether two heads have the same headings at the same places. */
function sameColumns(a: TableHead, b: TableHead): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((c, k) => {
      const other = b.columns[k]!;
      return c.heading === other.heading && Math.abs(c.headingLeft - other.headingLeft) <= HEAD_AGAIN_SHIFT;
    })
  );
}

/**
 * A page's table heads, where the page reprints the header of the table the page before ended in
 * (a browser's or a word processor's repeated heading rows: the same lines at the same places)
 * read as those lines: the header is what it was. A line right under it is the page's first row,
 * though it stands as close as a heading's second line and names a heading's words: the rest of a
 * cell the page broke (…目標の達成に向 at the foot, then けて、事業の見直しを行う。 under
 * 成果指標 | 現状値（H26）, a comment's 見直し), which the header would otherwise take in, or with
 * which it would make no header at all (指標名 | 基準値 under a line across both).
 */
function headsOf(lines: readonly Line[], page: LaidOutPage, continued: TableHead | null): TableHead[] {
  const before = continued?.lines ?? [];
  const same = (a: Line | undefined, b: Line) => !!a && a.text.replace(/\s/g, '') === b.text.replace(/\s/g, '') && Math.abs(a.x - b.x) <= HEAD_AGAIN_SHIFT;
  const from = before.length === 0 ? -1 : lines.findIndex((_, i) => before.every((l, k) => same(lines[i + k], l)));
  // Printed again over the page's first rows: no row of figures above it (the table going on there, another headed alike below).
  if (from < 0 || lines.slice(0, from).some((l) => holdsFigure(l, FIGURE))) return tableHeadsOf(lines, page);
  const to = from + before.length;
  const [again] = tableHeadsOf(lines.slice(from, to), page);
  if (!again || !sameColumns(again, continued!)) return tableHeadsOf(lines, page);
  // The same table: what its rows showed of the columns' edges on the pages before counts here too
  // (a page of two figures of one width shows none).
  return [
    ...tableHeadsOf(lines.slice(0, from), page),
    { ...again, earlier: continued!.earlier ?? [], earlierCells: continued!.earlierCells ?? [] },
    ...tableHeadsOf(lines.slice(to), page),
  ];
}

/**
 * What a page holds in order: tables, count tables, and the lines outside them. A count table of
 * grades across keeps its head line: rows a page break carries over are read under it.
 */
type Piece =
  | { kind: 'table'; top: number; table: ReadTable }
  | { kind: 'counts'; top: number; table: CountTable; head?: Line; pitch?: number }
  | { kind: 'line'; top: number; line: Line };

/**
 * What a page holds; `continued` is the head of the table the page before ended in, which goes on
 * at the top of this page where no header is printed again (a table broken across pages);
 * `endedIn` the line the page before ended in, where it ended in text outside the tables.
 */
function piecesOf(
  page: LaidOutPage,
  furniture: ReadonlySet<Phrase>,
  declared: RoleDeclarations,
  continued: TableHead | null,
  pitchHint: number | null,
  endedIn: Line | null = null,
): Piece[] {
  const lines = withCountHeadsJoined(withoutCoveredByHeadAgain(withoutFurniture(page.lines, furniture), continued, page));
  const printed = headsOf(lines, page, continued);
  const firstLine = lines[0];
  const countHead = (line: Line | undefined) => !!line && (countHeadAt(line) || isRowsCountHead(line));
  // A line naming a goal over a count table's head (基本目標1… over 評価 | 指標数) opens the counts, not a row.
  const goesOn =
    continued &&
    firstLine &&
    (printed.length === 0 || printed[0]!.top > firstLine.top) &&
    !countHead(firstLine) &&
    !(readBanner(firstLine.text) !== null && countHead(lines[1]));
  const heads = goesOn ? [{ ...continued, lines: [], top: firstLine.top - 1, bottom: firstLine.top - 0.5 }, ...printed] : printed;
  const pieces: Piece[] = [];
  const inTable = new Set<Line>();
  // A table without rules ends where the next begins, or at a count table's head or a legend of
  // two marks or more below it (【評価】◎：… ○：… on one line, or 【達成度】 over A … or A：… a line).
  // A heading of grades alone at the page's foot (評価基準) has its items at the next page's top.
  const legendHead = (k: number) => {
    const next = lines[k + 1]?.text.trim() ?? '';
    const atFoot = k === lines.length - 1 && GRADES_WORD.test(lines[k]!.text);
    return (
      legendHeading(lines[k]!.text) &&
      (atFoot || SPACED_ITEM.test(next) || (ITEM_LINE.test(next) && holdsLegendItem(next)) || wordItems(lines.slice(k + 1, k + 3)))
    );
  };
  const ends = lines
    .filter((l, k) => countHeadAt(l) || isRowsCountHead(l) || isMatrixCountHead(l) || readLegend(l.text) !== null || holdsSpacedLegend(l) || legendHead(k))
    .map((l) => l.top);
  // A legend's item right under a header printed again (a spreadsheet's print titles) is the legend
  // going on from the page before: the table has no row on this page. So is an item set without a
  // colon whose mark comes next after the item the page before ended in (② at its foot, ③ here).
  const legendGoesOn = (head: TableHead) => {
    const below = lines.find((l) => l.top >= head.bottom - 0.5);
    if (!below) return [];
    const [last, next] = [lineItemOf(endedIn)?.mark, lineItemOf(below)?.mark];
    const followsItem = last !== undefined && next !== undefined && inLegendOrder(last, next);
    return (ITEM_LINE.test(below.text.trim()) && holdsLegendItem(below.text)) || followsItem ? [below.top] : [];
  };
  heads.forEach((head, k) => {
    const end = Math.min(heads[k + 1]?.top ?? Infinity, ...ends.filter((top) => top > head.bottom), ...legendGoesOn(head));
    // The page's first table goes on from the page before where that page ended in a table.
    const table = readTable(page, lines, head, end, declared, pitchHint, continued !== null && k === 0);
    pieces.push({ kind: 'table', top: head.top, table });
    for (const l of head.lines) inTable.add(l);
    for (const l of lines) if (l.top >= head.bottom - 0.5 && inRowsOrGroupCells(table, l)) inTable.add(l);
  });
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (inTable.has(line)) continue;
    if (countHeadAt(line) || isRowsCountHead(line) || isMatrixCountHead(line)) {
      const read: { table: CountTable; used: Line[]; rowLines?: Line[][] } = isRowsCountHead(line)
        ? readRowsCountTable(page, lines, k)
        : isMatrixCountHead(line)
          ? readMatrixCountTable(page, lines, k)
          : readCountTable(page, lines, k);
      const { table, used } = read;
      if (table.rows.length > 0) {
        // Only a count table of grades across has labels to wrap (grades down set a row a line).
        const pitch = read.rowLines ? countLabelPitch(read.rowLines) : null;
        pieces.push({ kind: 'counts', top: line.top, table, ...(table.shape === 'columns' ? { head: line } : {}), ...(pitch !== null ? { pitch } : {}) });
        for (const l of used) inTable.add(l);
        k += used.length - 1;
        continue;
      }
    }
    pieces.push({ kind: 'line', top: line.top, line });
  }
  return pieces.sort((a, b) => a.top - b.top);
}

/**
 * The lines with each count table's head whole where a mark wrapped in its narrow cell (評価な over
 * し, 判定 over なし): a line at a cell's line pitch above or below the head, each of whose pieces
 * stands over one heading, joins it where that makes the head a mark more.
 */
function withCountHeadsJoined(lines: readonly Line[]): Line[] {
  const out = [...lines];
  const overlaps = (a: Phrase, b: Phrase) => Math.min(a.right, b.right) > Math.max(a.x, b.x);
  for (let k = 0; k < out.length; k++) {
    const head = out[k]!;
    if (!countHeadAt(head)) continue;
    for (const n of [k - 1, k + 1]) {
      const other = out[n];
      if (!other) continue;
      const [upper, lower] = n < k ? [other, head] : [head, other];
      if (lower.top - upper.bottom >= CELL_LINE_GAP_EM * lower.size) continue;
      if (!other.phrases.every((p) => head.phrases.filter((h) => overlaps(p, h)).length === 1)) continue;
      const phrases = head.phrases.map((h) => {
        const over = other.phrases.filter((p) => overlaps(p, h));
        if (over.length === 0) return h;
        const pieces = n < k ? [...over, h] : [h, ...over];
        return {
          ...h,
          text: pieces.map((p) => p.text.trim()).join(''),
          x: Math.min(...pieces.map((p) => p.x)),
          right: Math.max(...pieces.map((p) => p.right)),
          parts: pieces.flatMap((p) => p.parts),
        };
      });
      const joined = makeLine(phrases);
      // A mark more: a grade's mark whole where the head had a piece (し, read as a status word).
      const marks = (l: Line) => l.phrases.filter((p) => isCountMark(p.text)).length;
      if (marks(joined) <= marks(head) || countMarkPhrases(joined).length < countMarkPhrases(head).length) continue;
      out.splice(Math.min(k, n), 2, joined);
      k = Math.min(k, n);
      break;
    }
  }
  return out;
}

/** A heading printed again stands this near (em) where it stood on the page before, shifted down or up with its header. */
const HEAD_AGAIN_EM = 0.5;

/**
 * The lines without the text a header printed again covers (a spreadsheet's print titles over a
 * table going on from the page before): where every heading of the page before stands again, at
 * one shift, a rule across under them, the rest drawn inside that band is a merged cell of the row
 * the page break cut, drawn again from its top and clipped in print — no heading and no row.
 */
function withoutCoveredByHeadAgain(lines: readonly Line[], continued: TableHead | null, page: LaidOutPage): Line[] {
  const headings = continued?.lines.flatMap((l) => l.phrases) ?? [];
  if (headings.length === 0) return [...lines];
  const phrases = lines.flatMap((l) => l.phrases);
  const near = (a: number, b: number, p: Phrase) => Math.abs(a - b) <= HEAD_AGAIN_EM * p.size;
  const againAt = (h: Phrase, shift: number) => phrases.find((p) => p.text === h.text && near(p.x, h.x, p) && near(p.baseline, h.baseline + shift, p));
  const shift = phrases
    .filter((p) => p.text === headings[0]!.text && near(p.x, headings[0]!.x, p))
    .map((p) => p.baseline - headings[0]!.baseline)
    .find((dy) => headings.every((h) => againAt(h, dy)));
  if (shift === undefined) return [...lines];
  const again = new Set(headings.map((h) => againAt(h, shift)!));
  const middleOf = (p: Phrase) => middle(makeLine([p]));
  const top = Math.min(...[...again].map((p) => makeLine([p]).top));
  const lowest = Math.max(...[...again].map(middleOf));
  const { left, right } = headSpan(continued!);
  const closing = rulesAcross(page, left, right).find((y) => y > lowest);
  if (closing === undefined) return [...lines];
  const covered = (p: Phrase) => !again.has(p) && middleOf(p) > top && middleOf(p) < closing;
  return lines.flatMap((l) => {
    if (!l.phrases.some(covered)) return [l];
    const rest = l.phrases.filter((p) => !covered(p));
    return rest.length > 0 ? [makeLine(rest)] : [];
  });
}

export function looksLikeOtherKpi(pages: readonly LaidOutPage[]): boolean {
  return pages.some((p) => tableHeadsOf(p.lines, p).length > 0);
}

/**
 * The table heads of a page's lines; a legend's item a line (評価なし 目標値の設定なし right above a
 * header) is never a heading, nor is the line a legend's item wraps onto (…成果指標 | は判定を行っていない).
 */
function tableHeadsOf(lines: readonly Line[], page: LaidOutPage): TableHead[] {
  const spacedItem = (l: Line | undefined) => !!l && SPACED_ITEM.test(l.text.trim());
  // A circled number and a title alone (① 地域文化財の推進) is a level's banner, unless other items stand beside it (① … ② …).
  const circledAlone = (k: number) => /^[①-⑳]/.test(lines[k]!.text.trim()) && !spacedItem(lines[k - 1]) && !spacedItem(lines[k + 1]);
  const legendItem = (l: Line, k: number) => (spacedItem(l) && !circledAlone(k)) || (ITEM_LINE.test(l.text.trim()) && holdsLegendItem(l.text));
  return findTableHeads(
    lines.filter((l, k) => !legendItem(l, k) && !wrapsLegend(lines[k - 1], l)),
    page.vertical,
    page.horizontal,
  );
}

/** A paragraph's lines stand at most this far apart (em, bottom to top); a table's rows and header stand farther. */
const PARAGRAPH_LEADING_EM = 0.5;

/** Whether a line is where the legend line above it wrapped: set tight under it, from its left edge. */
function wrapsLegend(above: Line | undefined, line: Line): boolean {
  return (
    above !== undefined &&
    holdsLegendItem(above.text) &&
    line.top - above.bottom < PARAGRAPH_LEADING_EM * Math.max(above.size, line.size) &&
    Math.abs(line.x - above.x) <= PARAGRAPH_LEADING_EM * line.size
  );
}

/** Items of a legend set a row each (a spreadsheet's rows, tall ones too) stand at most this far apart (em). */
const LEGEND_ROW_GAP_EM = 4.5;
/** Lines of one legend stand at most this far apart (em). */
const LEGEND_LINE_GAP_EM = 1.2;
/** One item a line: a mark of up to six characters (評価なし, 未実施 too) and its meaning. */
const ITEM_LINE = /^([^\s:：]{1,6}?)\s*[:：]\s*(.+)$/;

/** A legend of one item a line (with a heading line above), else the lines read as one text. */
function legendOfLines(texts: readonly string[]): PrintedLegend | null {
  const heading = ITEM_LINE.test(texts[0]!) ? '' : texts[0]!;
  const items = texts.slice(heading === '' ? 0 : 1).map((text) => ITEM_LINE.exec(text.trim()));
  if (items.length >= 2 && items.every((m) => m !== null))
    return { heading: heading.trim(), marks: items.map((m) => ({ mark: m![1]!, meaning: m![2]!.trim() })) };
  // A line that begins with an item (判定なし：…) starts it, not a word run on from the line above,
  // unless the line above ends in the first part of that item's mark (…悪化した 判定 | なし：…).
  const joined = texts.reduce(
    (all, text, k) => (k === 0 ? text : startsWithItem(text) && !markWrapped(all, text) ? `${all} ${text.trim()}` : joinWrapped([all, text])),
    '',
  );
  return readLegend(joined);
}

/** A mark of words (判定なし, 評価なし): kana and kanji, as many as a mark has. */
const WORD_MARK = /^[぀-ヿ一-龯]{2,6}$/u;
/** The head of a mark of words a line break cut (判 | 定なし, 判定 | なし: a printer breaks Japanese anywhere). */
const MARK_HEAD = /^[぀-ヿ一-龯]{1,5}$/u;

/** Whether a mark of words was wrapped: the text above ends in a word of its own after an item, which with the line's mark is one mark. */
function markWrapped(above: string, line: string): boolean {
  const head = /[\s　]([^\s　:：]+)$/u.exec(above.trimEnd())?.[1];
  const mark = /^\s*([^\s:：]+)\s*[:：]/u.exec(line)?.[1];
  return head !== undefined && mark !== undefined && holdsLegendItem(above) && MARK_HEAD.test(head) && WORD_MARK.test(head + mark);
}

/** Whether a legend's line begins with an item: a mark or a short word and its colon. */
function startsWithItem(text: string): boolean {
  return /^\s*(?:[^\s:：]{1,5})\s*[:：]/.test(text) && holdsLegendItem(` ${text.trim()}`);
}

/**
 * A legend's item a line, its mark parted from its meaning by a space (A 目標値に対して…, 判定なし 値が…), or a symbol,
 * a letter or a word mark set straight before it (◎目標値以上, a目標値に向けて…, 評価なし目標値の設定なし: Calc through
 * cairo, whose narrow space pdf.js may not see).
 */
const SPACED_ITEM = new RegExp(
  `^(?:([A-Za-zＡ-Ｚ][+＋]?|[◎○〇△×▲●◯☆★①-⑳]|[-‐–—―−－]|${NO_GRADE_WORD}|その他)[\\s　]+|([A-Za-zＡ-Ｚａ-ｚ][+＋]?|${GLUED_MARK})(?=[぀-ヿ一-龯]))(\\S.*)$`,
);

/** A line's legend item set without a colon (② 目標値の達成に…): its mark and meaning, or null. */
function lineItemOf(line: Line | null | undefined): LegendMark | null {
  const m = line ? SPACED_ITEM.exec(line.text.trim()) : null;
  if (m) return { mark: (m[1] ?? m[2])!, meaning: m[3]!.trim() };
  const word = line ? WORD_ITEM.exec(line.text.trim()) : null;
  return word ? { mark: word[1]!, meaning: word[2]!.trim() } : null;
}

/**
 * A legend's item a line whose mark is a word (順調 目標の達成に…, 進展せず 基準値から…: the words 茨城県
 * and 千葉県 grade by), parted from its meaning by a space. A short word and a space open many a
 * line of text, so such lines are items only under a legend's heading, two or more, each word its own.
 */
const WORD_ITEM = /^([぀-ヿ一-龯]{2,5})[\s　]+(\S.*)$/u;

/** Whether the lines under a legend's heading are word items (wordItemsUnder): two at least, their marks different. */
function wordItems(lines: readonly (Line | undefined)[]): boolean {
  const marks = lines.map((l) => (l ? WORD_ITEM.exec(l.text.trim())?.[1] : undefined));
  return marks.length >= 2 && marks.every((m) => m !== undefined) && new Set(marks).size === marks.length;
}

/**
 * Whether the words before a line's first item head a legend of their own (【評価】, ※進捗, 評価基準),
 * rather than end the meaning wrapped from the line above (…必要と思 / われる D:…).
 */
function startsLegend(heading: string): boolean {
  return heading !== '' && (LEGEND_HEADING.test(heading) || /^[【［[※■◆]/.test(heading));
}

/** The first line piece of a page from piece `from` on, past headers repeated with no row under them; -1 where none. */
function firstLineFrom(pieces: readonly { page: number; piece: Piece }[], from: number, page: number): number {
  let k = from;
  while (pieces[k]?.page === page && pieces[k]!.piece.kind === 'table' && (pieces[k]!.piece as { table: ReadTable }).table.rows.length === 0) k++;
  return pieces[k]?.page === page && pieces[k]!.piece.kind === 'line' ? k : -1;
}

/** A legend's heading (【達成度】, ※評価), not a banner of the goal's own indicators (【数値目標】 over ① and its row). */
/** Words of a legend's heading about grades (評価基準, 【達成度】, 凡例), not of a block of text. */
const GRADES_WORD = /評価|判定|達成|凡例|区分/;
const legendHeading = (text: string) => LEGEND_HEADING.test(text.trim()) && !isGoalIndicatorsLabel(text) && readBanner(text) === null;

/** Items without colons on a line (A 目標… B 目標…), or marks and meanings as phrases of their own after a heading (【評価】 | S | 現在値が… | A | …). */
function holdsSpacedLegend(line: Line): boolean {
  const phrases = line.phrases.map((p) => p.text);
  // The heading may make one phrase with the first item (【評価】 A 対策や…).
  const headed = legendHeading(phrases[0]!) || legendHeading(phrases[0]!.trim().split(/[\s　]/)[0]!);
  return holdsSpacedItems(phrases) || (headed && readSpacedLegend(phrases) !== null);
}

/** A line ending in a particle or a comma (の, を, に, 、…) stops mid-sentence: its words go on on the next line. */
const CUT_AFTER_PARTICLE = /[のをにがはとでや、]$/;
/** A line opening in hiragana goes on from the line before: no title, heading or mark begins so. */
const GOES_ON = /^[ぁ-ゖ]/;

/** A legend's heading on a line of its own above its items (※評価, 【評価基準】) is at most this long. */
const LEGEND_HEADING_LENGTH = 10;

/**
 * Whether a line outside the tables reaches its page's right edge of text (its lines', its tables'
 * headings and cells'; not a column's guessed edge): the printer filled it, and wrapped it there.
 */
function fullLines(pieces: readonly { page: number; piece: Piece }[]): (line: Line, page: number) => boolean {
  const textRight = (table: ReadTable) => Math.max(...[...table.head.lines, ...(table.head.earlierCells ?? [])].map((l) => l.right));
  const rightEdges = new Map<number, number>();
  for (const { page, piece } of pieces) {
    const right = piece.kind === 'line' ? piece.line.right : piece.kind === 'table' ? textRight(piece.table) : -Infinity;
    rightEdges.set(page, Math.max(rightEdges.get(page) ?? -Infinity, right));
  }
  return (line, page) => line.right >= (rightEdges.get(page) ?? Infinity) - FULL_LINE_EM * line.size;
}

/**
 * The pitch (em, baseline to baseline) of a paragraph's lines outside the tables, or null: the
 * least step from a line the printer filled to the page's right edge to the line under it, from
 * its left edge in its size, set tight under it (評価基準 A：… 判定なし：値 | が確認できなかった…,
 * 1.1 em). A document sets its text at one line spacing (pdfmake's lineHeight, a browser's
 * line-height, a word processor's paragraph style, which its table's cells take too), and any two
 * lines stacked stand at least that far apart: a cell's lines stand no farther apart than these.
 */
function paragraphPitch(pieces: readonly { page: number; piece: Piece }[]): number | null {
  const full = fullLines(pieces);
  let least = Infinity;
  pieces.slice(1).forEach(({ page, piece: lower }, k) => {
    const { page: upperPage, piece: upper } = pieces[k]!;
    if (upper.kind !== 'line' || lower.kind !== 'line' || upperPage !== page) return;
    const [a, b] = [upper.line, lower.line];
    if (!sameSize(a.size, b.size) || !full(a, page) || Math.abs(b.x - a.x) > PARAGRAPH_LEADING_EM * b.size) return;
    if (b.top - a.bottom >= PARAGRAPH_LEADING_EM * b.size) return;
    least = Math.min(least, (b.baseline - a.baseline) / b.size);
  });
  return Number.isFinite(least) ? least : null;
}

/**
 * The legends printed outside the tables: lines of marks with their meanings, all on one line or
 * one item a line, with a short heading line above them where there is one.
 */
function legendsOf(pieces: readonly { page: number; piece: Piece }[]): { legend: PrintedLegend; page: number; top: number }[] {
  const found: { legend: PrintedLegend; page: number; top: number }[] = [];
  const lineAt = (j: number, page: number) => {
    const p = pieces[j];
    return p && p.page === page && p.piece.kind === 'line' ? p.piece.line : undefined;
  };
  const follows = (upper: Line, lower: Line) => lower.top - upper.bottom <= LEGEND_LINE_GAP_EM * lower.size && sameSize(upper.size, lower.size);
  const reachesRightEdge = fullLines(pieces);
  // A spreadsheet sets a legend an item a row, the rows taller than a line.
  const inRows = (upper: Line, lower: Line) => lower.top - upper.bottom <= LEGEND_ROW_GAP_EM * lower.size && sameSize(upper.size, lower.size);
  for (let k = 0; k < pieces.length; k++) {
    const { page } = pieces[k]!;
    const start = lineAt(k, page);
    if (!start) continue;
    // A heading line (【達成度】, ※評価) over a mark and its meaning a line, parted by a space only.
    if (legendHeading(start.text)) {
      const items: Line[] = [];
      let end = k;
      // Items whose marks are words, where the first two under the heading are.
      const words = wordItems([lineAt(k + 1, page), lineAt(k + 2, page)]);
      for (let j = k + 1, above = start, on = page; ; j++) {
        const item = (l: Line | undefined): l is Line => !!l && (SPACED_ITEM.test(l.text.trim()) || (words && WORD_ITEM.test(l.text.trim())));
        // The page may break the legend: its items go on at the next page's first line.
        const overAt = !lineAt(j, on) && pieces[j - 1]?.page === on ? firstLineFrom(pieces, j, on + 1) : -1;
        const over = lineAt(overAt, on + 1);
        if (item(over)) {
          items.push((above = over));
          [end, j, on] = [overAt, overAt, on + 1];
          continue;
        }
        const line = lineAt(j, on);
        if (!item(line) || !inRows(above, line)) break;
        items.push((above = line));
        end = j;
      }
      // One item is a legend too (※評価 over - 横ばい・実績なし: the marks the scheme does not explain).
      if (items.length >= 1) {
        const marks = items.map((l) => lineItemOf(l)!);
        found.push({ legend: { heading: start.text.trim(), marks }, page, top: start.top });
        k = end;
        continue;
      }
    }
    if (readBanner(start.text)) continue;
    const spaced = holdsSpacedLegend(start);
    if (!spaced && !holdsLegendItem(start.text)) continue;
    const lines = [start];
    const above = lineAt(k - 1, page);
    // An item a line may stand a row apart (a list with space between its items).
    const itemLine = (l: Line) => ITEM_LINE.test(l.text.trim());
    if (
      above &&
      (follows(above, start) || (itemLine(start) && inRows(above, start))) &&
      [...above.text.replace(/\s/g, '')].length <= LEGEND_HEADING_LENGTH &&
      !holdsLegendItem(above.text) &&
      !readBanner(above.text)
    )
      lines.unshift(above);
    // A heading left at the foot of the page before, its items on this page's top.
    const before = pieces[k - 1];
    if (!above && before?.page === page - 1 && before.piece.kind === 'line' && LEGEND_HEADING.test(before.piece.line.text.trim()))
      lines.unshift(before.piece.line);
    for (let j = k + 1, on = page; ; j++) {
      // An item a line may go on at the next page's first line (the page broke the legend), below
      // the table's header where the producer repeats it on every page.
      const overAt = !lineAt(j, on) && pieces[j - 1]?.page === on ? firstLineFrom(pieces, j, on + 1) : -1;
      const over = lineAt(overAt, on + 1);
      if (over && itemLine(over) && (itemLine(lines.at(-1)!) || holdsLegendItem(lines.at(-1)!.text))) {
        lines.push(over);
        [k, j, on] = [overAt, overAt, on + 1];
        continue;
      }
      // A meaning the page cut after a particle (… 把握できない等の | 理由により評価できない, the
      // next page's first line), or inside a word (…確認できな | かった成果指標…: a line opening in
      // hiragana goes on from the one before; 値が確 | 認できなかった…: a line the printer filled to
      // the page's right edge, the next from its left edge in its size): its words go on there.
      const last = lines.at(-1)!;
      const wrapped =
        !!over && reachesRightEdge(last, on) && sameSize(over.size, last.size) && Math.abs(over.x - lines[0]!.x) <= PARAGRAPH_LEADING_EM * over.size;
      const cut = CUT_AFTER_PARTICLE.test(last.text) || (!!over && GOES_ON.test(over.text.trim())) || wrapped;
      if (over && over.phrases.length === 1 && cut && !readBanner(over.text) && !holdsLegendItem(over.text)) {
        lines.push(over);
        k = overAt;
        break;
      }
      // A line of items the page cut inside a meaning (…C：現在値が基準値より at the foot, then
      // 下落している －：把握できない… as the next page's first line): a paragraph's next line, from
      // its left edge, in its size, with items of its own and no heading of another legend.
      const goesOnWithItems =
        !!over &&
        holdsLegendItem(lines.at(-1)!.text) &&
        holdsLegendItem(over.text) &&
        sameSize(over.size, lines.at(-1)!.size) &&
        Math.abs(over.x - lines.at(-1)!.x) <= PARAGRAPH_LEADING_EM * over.size &&
        !readBanner(over.text) &&
        !startsLegend(readLegend(over.text)?.heading ?? '');
      // Or a legend of items set without colons, cut inside a meaning (…C 現状値から値が伸びていない、又は、現状
      // at the foot, then 値から値が悪化した 判定なし 値が確認できなかった… as the next page's first line): a
      // paragraph's next line, from its left edge, in its size, that adds items with their meanings to it.
      const spacedGoesOn = (next: Line) => {
        const last = lines.at(-1)!;
        if (!spaced || !sameSize(next.size, last.size) || Math.abs(next.x - last.x) > PARAGRAPH_LEADING_EM * next.size || readBanner(next.text)) return false;
        const texts = lines.flatMap((l) => l.phrases.map((p) => p.text));
        const before = readSpacedLegend(texts)?.marks.length ?? 0;
        const after = readSpacedLegend([...texts, ...next.phrases.map((p) => p.text)])?.marks ?? [];
        return after.length > before && after.slice(before).every((m) => m.meaning.trim() !== '');
      };
      if (over && (goesOnWithItems || spacedGoesOn(over))) {
        lines.push(over);
        [k, j, on] = [overAt, overAt, on + 1];
        continue;
      }
      const line = lineAt(j, on);
      const near = !!line && (follows(lines.at(-1)!, line) || (itemLine(line) && itemLine(lines.at(-1)!) && inRows(lines.at(-1)!, line)));
      if (!line || !near || readBanner(line.text) || startsLegend(readLegend(line.text)?.heading ?? '')) break;
      lines.push(line);
      k = j;
    }
    // The index of each line's last phrase among the lines' phrases in a row.
    let count = 0;
    const lineEnds = new Set(lines.map((l) => (count += l.phrases.length) - 1));
    const legend = spaced
      ? readSpacedLegend(
          lines.flatMap((l) => l.phrases.map((p) => p.text)),
          (k) => lineEnds.has(k),
        )
      : legendOfLines(lines.map((l) => l.text));
    if (legend) found.push({ legend, page, top: start.top });
  }
  return found;
}

/** A unit glued to a value (14箇所, 96.8万人, 2,584人(R1)): what follows the number. */
const GLUED_UNIT = /^[△▲-]?\s*[\d,.]+\s*([^\d\s(（)）,.△▲-][^\d\s(（)）]{0,5})(?:\s*[(（].*[)）])?$/;

/** The unit every filled value cell of a row carries glued, or null. */
function gluedUnit(cells: readonly string[]): string | null {
  const units = cells
    .map((c) => withoutQualifiers(c.normalize('NFKC').trim()))
    .filter((c) => c !== '' && !DASH.test(c) && !isTextValue(c))
    .map((c) => GLUED_UNIT.exec(c)?.[1] ?? null);
  return units.length > 0 && units.every((u) => u !== null && u === units[0]) ? units[0]! : null;
}

/** A name without the unit its values carry printed again after it (満足度（%） with 44%). */
function withoutTrailingUnit(name: string, unit: string): string {
  for (const printed of [`（${unit}）`, `(${unit})`]) if (name.endsWith(printed) && name.length > printed.length) return name.slice(0, -printed.length);
  return name;
}

/** A value cell read (with the row's unit, which may be glued to it); blank where nothing is printed. */
function valueOf(text: string, unit: string | null = null): Measurement {
  const plain = text.trim();
  if (plain === '') return { value: null, year: null, text: '' };
  const parsed = parseMeasurement(plain, unit ? { unit } : {});
  return parsed.ok ? parsed.measurement : { value: null, year: null, text: plain };
}

/** Two runs of one character each, the second set where the first ends: characters of one text set one by one. */
function oneCharacterEach(before: { text: string; right: number }, run: { text: string; x: number }): boolean {
  return [...before.text.trim()].length === 1 && [...run.text.trim()].length === 1 && Math.abs(run.x - before.right) <= TOUCHING_RUNS;
}

/** Runs this close (points) touch: one character set after the other. */
const TOUCHING_RUNS = 0.5;

/** One line of a heading, for comments and unplaced cells: its lines joined. */
const oneLine = (heading: string) => joinWrapped(heading.split('\n'));

/** Whether a row's value cells hold a figure (a row of an indicator, not a banner run into them). */
function holdsFigures(row: GridRow, table: ReadTable): boolean {
  return table.placed.some((p, k) => MEASURED.has(p.role) && FIGURE.test((row.cells[`c${k}`] ?? '').normalize('NFKC').trim()));
}

/** Rows of merged cells read as one row of values, their fragments together. */
const mergedRow = (rows: readonly GridRow[], tail: boolean): GridRow =>
  gridRow(
    rows.flatMap((r) => [...r.fragments.values()].flat()),
    true,
    tail,
  );

/** Text cells a page break may cut, whose rest opens the next page: the name, the department, comments. */
const CONTINUED_ROLES: ReadonlySet<ColumnRole> = new Set(['comment', 'name', 'department']);

/**
 * A row at the top of a page that holds text in the name, department or comment columns only: the
 * rest of the cells of the indicator the page before ended with (a long 課題 cell, or a name,
 * broken by the page). Joined to them.
 */
function continuesCells(row: GridRow, table: ReadTable, indicator: Indicator): boolean {
  const filled = table.placed.map((p, k) => ({ role: p.role, k, text: (row.cells[`c${k}`] ?? '').trim() })).filter((c) => c.text !== '');
  // Never a banner (① 市内の創出 too), a comment block or 数値目標 opening the page.
  const opensSomething =
    readBanner(row.text) !== null || circledBanner(row.text) !== null || COMMENT_BLOCK.test(row.text.trim()) || isGoalIndicatorsLabel(row.text);
  if (filled.length === 0 || opensSomething || !filled.every((c) => CONTINUED_ROLES.has(c.role))) return false;
  // A line the page break cut shows on both pages, each clipped to its part (Calc's cells merged over
  // the break): on this one it repeats the line the cell's text ended with, and adds nothing.
  const goOn = (before: string, text: string) => (before.endsWith(text) ? before : joinWrapped([before, text]));
  for (const { role, k, text } of filled) {
    if (role === 'name') indicator.name = goOn(indicator.name, text);
    else if (role === 'department') indicator.department = goOn(indicator.department ?? '', text);
    else {
      const heading = oneLine(table.columns[k]!.heading);
      const comment = indicator.comments?.find((c) => c.heading === heading);
      if (comment) comment.text = joinWrapped([comment.text, text]);
      else (indicator.comments ??= []).push({ heading, text });
    }
  }
  return true;
}

/** A circled number alone (① is 1 in NFKC, but a numbering, never a figure). */
const CIRCLED_NUMBER = /^[①-⑳]$/;

/** Whether a line holds a phrase that is a figure (`figure` the pattern), a circled numbering not counted. */
function holdsFigure(line: Line, figure: RegExp): boolean {
  return line.phrases.some((p) => !CIRCLED_NUMBER.test(p.text.trim()) && figure.test(p.text.normalize('NFKC').trim()));
}

/**
 * ① 移住の推進 on a row of its own, in a table whose indicators carry no number: a level's
 * banner (with a number column, ① would be an indicator's and is no banner).
 */
/**
 * The banner lines alone under a page's last table whose rows the next page goes on with, its header
 * not printed again (② ICTの創出 at the foot, then 自主 目安値 5,500 … at the next page's top): the
 * banners of those rows. A legend's ① … ② … under the last table is none: no table goes on after it.
 */
function bannersOverNextPage(pieces: readonly { page: number; piece: Piece }[]): Set<Line> {
  const banners = new Set<Line>();
  pieces.forEach(({ page, piece }, k) => {
    if (piece.kind !== 'line' || !isBannerLine(piece.line.text)) return;
    const rest = pieces.slice(k + 1);
    const next = rest.find((p) => p.page !== page || p.piece.kind !== 'line' || !isBannerLine(p.piece.line.text));
    if (next && next.page === page + 1 && next.piece.kind === 'table' && next.piece.table.head.lines.length === 0) banners.add(piece.line);
  });
  return banners;
}

/** A line that is a level's banner: labelled and numbered (基本施策1 …), or a circled number and title (② …). */
function isBannerLine(text: string): boolean {
  return readBanner(text) !== null || circledBanner(text) !== null;
}

function circledBanner(text: string): Banner | null {
  const m = /^([①-⑳])\s*(\S.*)$/s.exec(text.trim());
  return m ? { label: '', numbering: '①', no: m[1]!.charCodeAt(0) - 0x2460 + 1, title: m[2]!.trim() } : null;
}

/**
 * Whether a row's ① would be an indicator's number: the table numbers its rows, and the row's
 * number cell holds the numbering alone. ① 文化財の整備 set from the number column on is a banner.
 */
function numbersRows(row: GridRow, table: ReadTable): boolean {
  const number = table.placed.findIndex((p) => p.role === 'number');
  return number >= 0 && circledBanner(row.cells[`c${number}`] ?? '') === null;
}

interface RawIndicator {
  indicator: Indicator;
  mark: string;
  page: number;
  row: string;
  /** The expected values' row it was read from, where a page broke it before its actuals' row. */
  awaitingActuals?: GridRow;
}

/**
 * An indicator from a row, by its columns' roles. The actual of a series is the year the heading
 * names the current one, else the right-most filled year.
 */
function indicatorOf(row: GridRow, table: ReadTable): { indicator: Indicator; mark: string } {
  const cell = (k: number) => (row.cells[`c${k}`] ?? '').trim();
  const of = (role: ColumnRole) => table.placed.map((p, k) => (p.role === role ? k : -1)).filter((k) => k >= 0);
  const one = (role: ColumnRole) => of(role).map(cell)[0] ?? '';
  const heading = (k: number) => oneLine(table.columns[k]!.heading);
  // Without a unit column, a unit glued to every value (14箇所) is the row's. A unit in parentheses
  // after the name (被害額（千円）) stays in the name as printed: （年間）, （累計） are notes, not units;
  // but the very unit the values carry, repeated after the name, is that unit printed twice.
  const valueCells = (['baseline', 'actual', 'target', 'series', 'interim'] as const).flatMap((r) => of(r).map(cell));
  const printedUnit = one('unit');
  const unitOf = printedUnit !== '' && !DASH.test(printedUnit) ? printedUnit : of('unit').length === 0 ? gluedUnit(valueCells) : null;
  const measurementOf = (text: string) => valueOf(text, unitOf);
  const series: SeriesEntry[] = of('series').map((k) => {
    const m = measurementOf(cell(k));
    return { fiscalYear: table.placed[k]!.fiscalYear ?? 0, value: m.value, year: m.year, text: m.text };
  });
  let actual = measurementOf(one('actual'));
  if (of('actual').length === 0 && series.length > 0) {
    const current = of('series').findIndex((k) => table.placed[k]!.current);
    const filled = series.filter((s) => s.text !== '' && !DASH.test(s.text.normalize('NFKC')));
    const chosen = current >= 0 ? series[current]! : (filled.at(-1) ?? series.at(-1)!);
    actual = { value: chosen.value, year: chosen.year, text: chosen.text };
  }
  const targetColumn = of('target')[0];
  const target = targetColumn === undefined ? null : measurementOf(cell(targetColumn));
  const targetYear = (targetColumn !== undefined ? table.placed[targetColumn]!.fiscalYear : undefined) ?? target?.year ?? undefined;
  const progressText = one('progress');
  const progress = progressText === '' ? null : (parseProgress(progressText) ?? null);
  const texts = (role: ColumnRole): IndicatorComment[] =>
    of(role)
      .map((k) => ({ heading: heading(k), text: cell(k) }))
      .filter((c) => c.text !== '');
  const interim = of('interim').map((k) => {
    const m = measurementOf(cell(k));
    return { fiscalYear: table.placed[k]!.fiscalYear ?? null, ...m, heading: heading(k) };
  });
  const department = one('department');
  const number = one('number');
  const comments = texts('comment');
  const other = texts('other');
  const indicator: Indicator = {
    name: of('unit').length === 0 && unitOf !== null ? withoutTrailingUnit(one('name'), unitOf) : one('name'),
    unit: unitOf,
    method: 'change',
    baseline: of('baseline').length > 0 ? measurementOf(one('baseline')) : { value: null, year: null, text: '' },
    actual,
    target,
    reported: { progress, status: null },
    ...(department ? { department } : {}),
    ...(number ? { number } : {}),
    ...(targetYear ? { targetYear } : {}),
    ...(series.length > 0 ? { series } : {}),
    ...(interim.some((i) => i.text !== '') ? { interim } : {}),
    ...(comments.length > 0 ? { comments } : {}),
    ...(other.length > 0 ? { other } : {}),
  };
  return { indicator, mark: one('grade') };
}

/** A row to read, with the expected values' row it was joined from; `awaitsActuals` where a page broke it before its actuals' row. */
interface RoleRows {
  row: GridRow;
  interimRow?: GridRow;
  awaitsActuals?: boolean;
}

/** The rows to read: role rows (F3), the expected values' (期待値) then the actuals' (実績値), joined as one indicator's. */
function withRoleRowsJoined(table: ReadTable, labels: number): RoleRows[] {
  const read: RoleRows[] = [];
  for (let k = 0; k < table.rows.length; k++) {
    // An indicator's merged cells (its values) may stand above its role rows, in one ruled band with
    // them: a row broken by the page has the cells spanning both set at the top of its part on this page.
    // Without rules, cells merged down and set at the top of tall role rows whose labels are centred
    // stand above the expected values' row (道の駅有害 | 3,982% over 鳥獣の面積 目安値 …): they head it.
    let lead = k;
    while (
      table.rows[lead]?.anchored &&
      mergedCellsOnly(table.rows[lead], table, labels) &&
      table.rows[lead + 1] &&
      (oneRuledBand(table, table.rows[lead]!, table.rows[lead + 1]!) || headsRowBelow(table, labels, k, lead, read.at(-1)))
    )
      lead++;
    if (!INTERIM_ROW.test(roleLabelOf(table.rows[lead], labels))) lead = k;
    const row = table.rows[lead]!;
    let j = lead + 1;
    while (mergedCellsOnly(table.rows[j], table, labels)) j++;
    const next = table.rows[j];
    if (INTERIM_ROW.test(roleLabelOf(row, labels)) && ACTUAL_ROW.test(roleLabelOf(next, labels))) {
      // A merged cell's line between the role rows that comes after the actuals' row in order: that
      // row took a wrapped name's line beside it (…ふ | るさと納税の over 満足度 実績値), its top now
      // as high, while the department's line beside them (経済部産業振 | 興課) has no line of its
      // own in the actuals' row to join. It starts above the actuals' label all the same, though a
      // merged cell's wrapped line under that label may reach below it (（内線 | 3828）).
      const labelTop = next!.fragments.get(`c${labels}`)?.[0]?.top ?? -Infinity;
      let after = j + 1;
      while (mergedCellsOnly(table.rows[after], table, labels) && table.rows[after]!.top < labelTop) after++;
      const merged = [...table.rows.slice(k, j), ...table.rows.slice(j + 1, after)];
      const expected = merged.length === 1 ? row : mergedRow(merged, table.rows[k]!.tail);
      read.push({ row: roleRowsJoined(expected, next!, table), interimRow: expected });
      k = after - 1;
    } else if (INTERIM_ROW.test(roleLabelOf(table.rows[k], labels))) {
      // An expected values' row whose actuals' row was not found beside it: its figures are the
      // interim targets its label says, never the year's actuals (a wrong figure is worse than a blank).
      // Where only merged cells follow it to the page's end, the page broke the indicator between its
      // role rows (its actuals' row opens the next page): those cells are its name and values.
      const brokenByPage = next === undefined && lead === k && j > k + 1;
      const expected = brokenByPage ? mergedRow(table.rows.slice(k, j), table.rows[k]!.tail) : table.rows[k]!;
      read.push({ row: roleRowsJoined(expected, { ...expected, cells: {}, text: '' }, table), interimRow: expected, awaitsActuals: brokenByPage });
      if (brokenByPage) k = j - 1;
    } else read.push({ row: table.rows[k]! });
  }
  return read;
}

/**
 * Whether the merged cells' rows `from`..`to` (one above the other, beside no role label) belong
 * to the row under them rather than to the row of values above them, where no rule tells: they
 * stand nearer the row under them than the one above (a cell set at the top of its rows), or no
 * row of values stands above them (a banner or the table's head). A person reads the merged cells
 * with the rows beside and under them until the next name starts; set at the bottom of the rows
 * before, they would stand nearer those.
 * Where they stand as near the one as the other (row paddings of their own), the role rows read
 * just before (`previous`, with the merged cells that headed them) tell: a pair that prints a
 * baseline or target already where these print one is whole, as an indicator has one of each, and
 * these cells are the next indicator's.
 */
function headsRowBelow(table: ReadTable, labels: number, from: number, to: number, previous?: RoleRows): boolean {
  const rows = table.rows;
  const [above, below] = [rows[from - 1], rows[to + 1]];
  if (!below) return false;
  if (!above?.anchored) return true;
  if (below.top - rows[to]!.bottom < rows[from]!.top - above.bottom) return true;
  // Only a pair ending right above: a row read alone there (no role label) claims nothing.
  const pair = previous?.interimRow && ACTUAL_ROW.test(roleLabelOf(above, labels)) ? previous.row : undefined;
  if (!pair) return false;
  return table.placed.some(
    (p, k) =>
      MEASURED.has(p.role) &&
      p.role !== 'series' &&
      (pair.cells[`c${k}`] ?? '').trim() !== '' &&
      rows.slice(from, to + 1).some((r) => (r.cells[`c${k}`] ?? '').trim() !== ''),
  );
}

/** Whether two rows stand in one band of a table that draws rules between its rows: no rule across between them. */
function oneRuledBand(table: ReadTable, upper: GridRow, lower: GridRow): boolean {
  const { page, left, right } = table;
  const bottom = Math.max(...table.rows.map((r) => r.bottom));
  return (
    rowBoundaries(page.horizontal, left, right, table.rows[0]!.top, bottom).length > 0 &&
    rowBoundaries(page.horizontal, left, right, upper.top, lower.top).length === 0
  );
}

/**
 * One table's columns have one role on every page it runs over, as on every table printed under the
 * same headings: a page's cells alone may not tell it (a comment column whose one cell on a page is
 * the first word a page break left there, 補助事 under 課題, reads as a column of marks). Where the
 * pages read their columns differently, the columns are placed again with all their rows' cells.
 * The rows do not change: they were read by the headings' roles, not by these.
 */
function placedAlike(tables: readonly ReadTable[], declared: RoleDeclarations): void {
  const headingsOf = (t: ReadTable) => t.head.columns.map((c) => c.heading).join('\t');
  for (const headings of new Set(tables.map(headingsOf))) {
    const alike = tables.filter((t) => headingsOf(t) === headings);
    if (new Set(alike.map((t) => t.placed.map((p) => p.role).join())).size < 2) continue;
    const cellsOf = (k: number) => alike.flatMap((t) => t.rows.filter((r) => r.anchored).map((r) => r.cells[`c${k}`] ?? ''));
    const placed = placeColumns(
      alike[0]!.head.columns.map((c, k) => ({ heading: c.heading, ...(c.group ? { group: c.group } : {}), cells: cellsOf(k) })),
      declared,
    );
    for (const t of alike) t.placed = placed;
  }
}

/**
 * An indicator's role rows parted by a page break (期待値 at a page's foot, 実績 at the next page's
 * head, under the header printed again): the actuals' row goes back to the table it continues.
 */
function rolePairsAcrossPages(pieces: readonly { page: number; piece: Piece }[]): void {
  const tables = pieces.flatMap(({ page, piece }) => (piece.kind === 'table' ? [{ page, table: piece.table }] : []));
  for (let k = 1; k < tables.length; k++) {
    const [before, after] = [tables[k - 1]!, tables[k]!];
    // The labels' column as either piece shows it (one 期待値 alone at a page's foot does not).
    const labels = Math.max(roleLabelColumn(before.table), roleLabelColumn(after.table));
    const first = after.table.rows[0];
    if (labels < 0 || after.page !== before.page + 1 || !first?.anchored) continue;
    // The same header printed again: its roles alike, or its headings (the roles may be told otherwise
    // from one row: 項目 over 実績値 alone reads as a name).
    const roles = (t: ReadTable) => t.placed.map((p) => p.role).join();
    const headings = (t: ReadTable) => t.columns.map((c) => c.heading).join('\t');
    if (roles(after.table) !== roles(before.table) && headings(after.table) !== headings(before.table)) continue;
    const rows = before.table.rows;
    // The 期待値 row may have its name's next line after it at the page's foot (登録者数（年, unanchored).
    let at = rows.length - 1;
    while (at > 0 && mergedCellsOnly(rows[at], before.table, labels)) at--;
    if (!rows[at]?.anchored || !INTERIM_ROW.test(roleLabelOf(rows[at], labels))) continue;
    const drawn = drawnAgainRows(rows.slice(at), after.table, labels);
    if (!ACTUAL_ROW.test(roleLabelOf(after.table.rows[drawn], labels))) continue;
    after.table.rows.splice(0, drawn);
    rows.push(after.table.rows.shift()!);
  }
}

/**
 * How many rows at the top of `after` are the cut indicator's merged cells drawn again: a
 * spreadsheet draws a cell merged over both role rows again from its top on the next page, under
 * the header printed again, where the header's band hides it in print (道の駅観光の割合（%） 924
 * 1,522 c over 実績値 871 1,093). Without a rule to close that band, the rows tell it: beside no
 * role label, each column prints again just what the cut rows printed on the page before.
 */
function drawnAgainRows(cut: readonly GridRow[], after: ReadTable, labels: number): number {
  let n = 0;
  while (mergedCellsOnly(after.rows[n], after, labels)) n++;
  if (n === 0) return 0;
  const column = (rows: readonly GridRow[], k: number) => joinWrapped(rows.map((r) => (r.cells[`c${k}`] ?? '').trim()).filter((t) => t !== ''));
  const again = after.placed.map((_, k) => column(after.rows.slice(0, n), k));
  const repeats = again.some((t) => t !== '') && again.every((t, k) => t === '' || t === column(cut, k));
  return repeats ? n : 0;
}

/** The label a role row prints in the column `labels` (期待値, 実績値), or "". */
function roleLabelOf(row: GridRow | undefined, labels: number): string {
  return labels < 0 || !row?.anchored ? '' : plainHeading(row.cells[`c${labels}`] ?? '');
}

/**
 * A row of an indicator's merged cells alone, between or after its role rows: name, baseline,
 * target and grade set in the middle of both, read as a row of their own where no rule divides them;
 * or a line of its name wrapped between them, beside no value (…実施 | 回数 between 期待値 and 実績).
 */
function mergedCellsOnly(row: GridRow | undefined, table: ReadTable, labels: number): boolean {
  return (
    row !== undefined &&
    (row.anchored || (readBanner(row.text) === null && !COMMENT_BLOCK.test(row.text.trim()))) &&
    roleLabelOf(row, labels) === '' &&
    table.placed.every((p, k) => p.role !== 'series' || (row.cells[`c${k}`] ?? '').trim() === '')
  );
}

/** The column that labels role rows (期待値 | 実績値), or -1. */
function roleLabelColumn(table: ReadTable): number {
  return table.placed.findIndex((p, k) => p.role === 'other' && isRoleLabelColumn(table.rows.filter((r) => r.anchored).map((r) => r.cells[`c${k}`] ?? '')));
}

/**
 * The two role rows of an indicator as one row: the actuals' row's own values in the year
 * columns, and in every other column what either row prints (a merged cell stands on one of them,
 * a name wraps over both).
 */
function roleRowsJoined(expected: GridRow, actual: GridRow, table: ReadTable): GridRow {
  const cells: Record<string, string> = {};
  table.placed.forEach((p, k) => {
    const key = `c${k}`;
    const [a, b] = [(expected.cells[key] ?? '').trim(), (actual.cells[key] ?? '').trim()];
    cells[key] = p.role === 'series' || p.role === 'actual' ? b : joinWrapped([a, b].filter((t) => t !== ''));
  });
  return { ...actual, top: expected.top, cells, text: joinWrapped([expected.text, actual.text]) };
}

/** The expected values' row as the indicator's interim targets, each headed by its row's label; the label column is not kept. */
function withRoleRows(indicator: Indicator, expected: GridRow, table: ReadTable, labels: number): void {
  const label = plainHeading(expected.cells[`c${labels}`] ?? '');
  const interim = table.placed.flatMap((p, k) => {
    if (p.role !== 'series') return [];
    const m = valueOf((expected.cells[`c${k}`] ?? '').trim(), indicator.unit);
    return [{ fiscalYear: p.fiscalYear ?? null, value: m.value, year: m.year, text: m.text, heading: label }];
  });
  if (interim.some((i) => i.text !== '')) indicator.interim = interim;
  const heading = oneLine(table.columns[labels]!.heading);
  const other = indicator.other?.filter((o) => o.heading !== heading);
  if (other && other.length > 0) indicator.other = other;
  else delete indicator.other;
}

/** A figure of two digits or more: no grade's mark is one. */
const FIGURE_IN_MARK = /\d[\d,.]*\d/;

/** A legend's last meaning cut this long (characters) or longer is still its scheme's, cut. */
const CLIPPED_MEANING_MIN = 8;
/** A goal's title cut this long (characters) or longer, beside its number, is still the goal's. */
const CLIPPED_TITLE_MIN = 2;

/**
 * The scheme the marks were printed under: the one scheme file whose grades are every printed
 * mark; among several, the one whose meanings the printed legend words; else the legend's own
 * grades; else (no legend) the scheme the document is graded by where it fits.
 */
function schemeOfMarks(marks: readonly string[], legend: PrintedLegend | null, reading: SchemeReading, log: MessageLog): Scheme {
  if (reading.given) return reading.given;
  const known = [reading.preferred, ...reading.known.filter((s) => s !== reading.preferred)];
  // A scheme without a mark the legend explains is not the document's (あきる野市's S A B C Z: no 長与町's, though its rows print S to C only).
  const fits = known.filter((s) => [...marks, ...(legend?.marks.map((l) => l.mark) ?? [])].every((m) => gradeOfMark(s, m) !== undefined));
  // A meaning as the scheme words it; the legend's last may be clipped by the print (clippedFrom).
  const sameMeaning = (meaning: string, printed: string, last: boolean) =>
    plainMeaning(meaning) === plainMeaning(printed) || (last && clippedFrom(meaning, printed));
  const worded = legend
    ? fits.filter((s) =>
        legend.marks.every((l, k) =>
          s.grades.some((g) => gradeOfMark(s, l.mark) === g.id && sameMeaning(g.meaning ?? '', l.meaning, k === legend.marks.length - 1)),
        ),
      )
    : [];
  const say = (scheme: Scheme, why: string, whyEn: string) => {
    log.info('extract-scheme', t(`印刷時の評価基準: ${scheme.id}（${why}）`, `printed under the grading scheme ${scheme.id} (${whyEn})`));
    return scheme;
  };
  if (fits.length === 1) return say(fits[0]!, '評価の印から判定', 'told by its marks');
  if (worded.length >= 1) return say(worded[0]!, '凡例の意味から判定', 'told by the meanings of its legend');
  if (legend)
    return say(
      legendScheme(legend.marks),
      '印刷された凡例の評価区分。規則がないため、評価は印刷のまま読みます',
      'the grades of its printed legend; with no rules, statuses are kept as printed',
    );
  // Marks several schemes share (a − alone, A … D) do not tell which one the city grades by: say so.
  if (fits.includes(reading.preferred)) {
    const others = fits.filter((s) => s !== reading.preferred).map((s) => s.id);
    return say(
      reading.preferred,
      `印だけでは決まらず ${others.join('、')} にも合います。違う場合は --scheme で指定してください`,
      `its marks fit ${others.join(', ')} too; give --scheme where it is another`,
    );
  }
  if (fits.length > 0) return say(fits[0]!, `${fits.map((s) => s.id).join('、')} のどれにも合います`, `fits each of ${fits.map((s) => s.id).join(', ')}`);
  return say(
    legendScheme(marks.map((mark) => ({ mark, meaning: '' }))),
    '凡例がないため、印刷された印を区分とします',
    'no legend: the printed marks are its grades',
  );
}

/**
 * A grouping cell's title with the text its cell shows at the next page's top: the rest of the
 * title the page broke, unless the title already ends with it (a spreadsheet draws a merged cell's
 * text again from its top at each page it runs over, the lines above the page's edge clipped away:
 * 観光ICT商店街の創出 once more under 基本戦略② 観光ICT商店街の創出).
 */
function titleGoingOn(title: string, text: string): string {
  const plain = (s: string) => s.replace(/\s/g, '');
  return [...plain(text)].length >= CLIPPED_TITLE_MIN && plain(title).endsWith(plain(text)) ? title : joinWrapped([title, text]);
}

/**
 * A policy or measure whose merged cell is printed again at the head of a page (as a grouping
 * column repeats on each page it runs over) is the last one, not a new one of the same name.
 */
function printedAgain(last: Policy | Measure, no: number | null, title: string): boolean {
  return title !== '' && last.title === title && (no === null || no === last.no);
}

/** Reads a KPI table of another municipality's layout (see the file's comment). */
export function readOtherKpi(
  pages: readonly LaidOutPage[],
  furniture: ReadonlySet<Phrase>,
  title: string,
  file: string,
  reading: SchemeReading,
  declared: RoleDeclarations = new Map(),
): { document: KpiDocument; messages: Message[]; scheme: Scheme } {
  const log: MessageLog = new MessageLog(file);
  // A page whose tables show no wrapped cell is read again with the pitch of a cell's lines that
  // the others show (a name's second line 1.58 em under its first, past the guessed pitch).
  const tablesOn = (onPage: readonly Piece[]) => onPage.flatMap((p) => (p.kind === 'table' ? [p.table] : []));
  const read = (pitchHint: number | null, previous?: Piece[][]) => {
    let continued: TableHead | null = null;
    let endedIn: Line | null = null;
    return pages.map((page, k) => {
      const kept = previous?.[k];
      const onPage = kept && tablesOn(kept).every((t) => t.pitch !== null) ? kept : piecesOf(page, furniture, declared, continued, pitchHint, endedIn);
      // A page holding nothing but its furniture (a blank page, its number alone) ends no table:
      // the table goes on on the page after.
      if (onPage.length === 0) return onPage;
      // A banner alone under the page's last table (② ICTの創出 at its foot, a row's padding away) opens
      // rows that go on at the next page's top without the header: the table goes on there.
      const tail = onPage.findLastIndex((p) => p.kind !== 'line' || !isBannerLine(p.line.text));
      const last = tail >= 0 && tail < onPage.length - 1 && onPage[tail]!.kind === 'table' ? onPage[tail] : onPage.at(-1);
      continued = last?.kind === 'table' ? last.table.head : null;
      endedIn = last?.kind === 'line' ? last.line : null;
      return onPage;
    });
  };
  let byPage = read(null);
  const pitch = pitchOfDocument(byPage.flatMap(tablesOn).map((t) => t.pitch));
  if (pitch !== null) byPage = read(pitch, byPage);
  const pieces = countsAcrossPages(byPage.flatMap((onPage, k) => onPage.map((piece) => ({ page: pages[k]!.number, piece }))));
  rolePairsAcrossPages(pieces);
  const tables = pieces.flatMap(({ piece }) => (piece.kind === 'table' ? [piece.table] : []));
  placedAlike(tables, declared);
  const first = tables[0];
  if (!first) log.fail('extract-kpi', t('KPI の表の見出しが見つかりません', 'no KPI table heading was found'));
  for (const table of tables) {
    const missing = missingRoles(table.placed);
    if (missing.length === 0) continue;
    const unplaced = table.columns.filter((_, k) => table.placed[k]!.role === 'other').map((c) => `「${oneLine(c.heading)}」`);
    log.fail(
      'extract-roles',
      t(
        `表の列の役割が分かりません: ${missing.join('・')} の列がなく、${unplaced.join('') || '（なし）'} の役割が決められません`,
        `the roles of the table's columns cannot be told: no ${missing.join(', ')} column, and the columns ${unplaced.join('') || '(none)'} are not placed`,
      ),
      {
        page: table.page.number,
        hint: t(
          `--roles "${oneLine(table.columns.find((_, k) => table.placed[k]!.role === 'other')?.heading ?? '見出し')}=actual" のように列の役割を指定してください（役割: name, actual, baseline, target, grade, department, comment …）`,
          `declare them, such as --roles "${oneLine(table.columns.find((_, k) => table.placed[k]!.role === 'other')?.heading ?? 'heading')}=actual" (roles: name, actual, baseline, target, grade, department, comment …)`,
        ),
      },
    );
  }

  const levels = new HierarchyLevels();
  const strategies: Strategy[] = [];
  let strategy: Strategy | undefined;
  let policy: Policy | undefined;
  let measure: Measure | undefined;
  let goal = false;
  const raw: RawIndicator[] = [];
  let last: RawIndicator | undefined;
  let commentBlocks: string | undefined;
  let blockAwaitingText: IndicatorComment | undefined;
  const groupAt = new Map<number, string>();

  const newStrategy = (no: number | null, title: string): Strategy => {
    // A goal printed again (over its count table, then over its indicators; on a next page) is the same goal.
    const again = no !== null ? strategies.find((x) => x.no === no && x.title === title) : undefined;
    if (again) {
      [strategy, policy, measure] = [again, undefined, undefined];
      groupAt.clear();
      return again;
    }
    strategy = { no: no ?? strategies.length + 1, title, indicators: [], reportedGoalSummary: null, reportedSummary: null, policies: [] };
    strategies.push(strategy);
    [policy, measure] = [undefined, undefined];
    groupAt.clear();
    return strategy;
  };
  const newPolicy = (no: number | null, title: string): Policy => {
    const parent = strategy ?? newStrategy(null, '');
    measure = undefined;
    const again = parent.policies.at(-1);
    if (again && printedAgain(again, no, title)) {
      // Its indicators go on in its last measure where the table prints no measures (one made, titled "").
      measure = again.measures.at(-1)?.title === '' ? again.measures.at(-1) : undefined;
      return (policy = again);
    }
    policy = { no: no ?? parent.policies.length + 1, title, reportedSummary: null, measures: [] };
    parent.policies.push(policy);
    return policy;
  };
  const newMeasure = (no: number | null, title: string): Measure => {
    const parent = policy ?? newPolicy(null, '');
    const again = parent.measures.at(-1);
    if (again && printedAgain(again, no, title)) return (measure = again);
    measure = { no: no ?? parent.measures.length + 1, title, indicators: [] };
    parent.measures.push(measure);
    return measure;
  };
  // A level the document does not print (the measure of a table of two levels) is made, titled "", and left out of layout.hierarchy.
  const open = (depth: number, no: number | null, title: string) => {
    goal = false;
    const level = levels.levelOf(depth);
    if (level === 'strategy') newStrategy(no, title);
    else if (level === 'policy') newPolicy(no, title);
    else newMeasure(no, title);
  };
  /** The node open at the level of `key` where that level's cells print their numbers. */
  const openTitled = (key: string): Strategy | Policy | Measure | undefined => {
    const depth = levels.depthOfKey(key);
    if (depth < 0 || levels.printed[depth]!.numbering === '') return undefined;
    const level = levels.levelOf(depth);
    return level === 'strategy' ? strategy : level === 'policy' ? policy : measure;
  };
  // An indicator under 数値目標, or directly under a goal before any of its policies, is the goal's own.
  const place = (indicator: Indicator) => {
    if (goal || (strategy && !policy)) (strategy ?? newStrategy(null, '')).indicators.push(indicator);
    else (measure ?? newMeasure(null, '')).indicators.push(indicator);
  };
  /** A row or line of text outside the values: a banner, the goal label, a comment block; else said. */
  const textRow = (text: string, page: number, rowsNumbered = true) => {
    // A block's heading at a page's foot, its text at the next page's head (after the repeated header).
    const waiting = blockAwaitingText;
    blockAwaitingText = undefined;
    const banner = readBanner(text) ?? (rowsNumbered ? null : circledBanner(text));
    if (banner) return open(levels.depthOf(bannerKey(banner), banner.label, banner.numbering, 'banner'), banner.no, banner.title);
    if (isGoalIndicatorsLabel(text)) {
      strategy ??= newStrategy(null, '');
      goal = true;
      return;
    }
    const block = COMMENT_BLOCK.exec(text.trim());
    if (block && last) {
      commentBlocks ??= block[1]!;
      const comment = { heading: block[1]!, text: block[2]!.trim() };
      (last.indicator.comments ??= []).push(comment);
      blockAwaitingText = comment;
      return;
    }
    // A block's text on the rows after its heading (its lines rows of their own, or at the next page's head).
    if (waiting) {
      waiting.text = joinWrapped([waiting.text, text.trim()].filter((part) => part !== ''));
      blockAwaitingText = waiting;
      return;
    }
    log.warn(
      'extract-kpi',
      t(`指標でも見出しでもない行を読み飛ばしました:「${text}」`, `a row that is neither an indicator nor a heading was skipped: "${text}"`),
      { page },
    );
  };

  const footBanners = bannersOverNextPage(pieces);
  for (const { page, piece } of pieces) {
    if (piece.kind === 'counts') {
      if (piece.table.shape === 'rows' && strategy) piece.table.strategy = strategy;
      continue;
    }
    if (piece.kind === 'line') {
      // Lines outside the tables: banners only (titles, legends and notes are not rows). A circled
      // number opens a banner of a level the tables print so (② ICTの創出 at a page's foot, under
      // ① … banners): never one of the first, since ① also numbers legends and notes.
      const circled = footBanners.has(piece.line) ? circledBanner(piece.line.text) : null;
      const circledLevel = circled !== null && levels.printed.some((l) => l.style === 'banner' && l.label === '' && l.numbering === '①');
      const banner = readBanner(piece.line.text) ?? (circledLevel ? circled : null);
      if (banner) textRow(piece.line.text, page, !circledLevel);
      else if (isGoalIndicatorsLabel(piece.line.text)) textRow(piece.line.text, page);
      else if (piece.line.phrases.filter((p) => FIGURE.test(p.text.normalize('NFKC').trim())).length >= 2)
        // Figures outside every table: a row the reader lost; said, never dropped in silence.
        log.warn(
          'extract-kpi',
          t(`表の外にある数値の行を読めませんでした:「${piece.line.text}」`, `a line of figures outside any table was not read: "${piece.line.text}"`),
          { page },
        );
      continue;
    }
    const table = piece.table;
    const labels = roleLabelColumn(table);
    // A cell the page broke whose rest stands above the page's first row, beside none of its rows (施策1 | 有害鳥獣図書館づくり),
    // or on a page with no row at all (の振興 of ① 高齢者移住の振興, a legend under it): the title goes on there too.
    const cellsGoOnAbove = (top: number) => {
      if (last === undefined || last.page >= page) return;
      for (const group of table.groups) {
        const heading = plainHeading(oneLine(table.columns[group.column]!.heading));
        for (const above of group.cells.filter((c) => c.bottom <= top + RULE_REACH && !readBanner(c.text) && !NUMBERED_CELL.test(c.text))) {
          const continued = openTitled(`column:${heading}`);
          if (!continued || groupAt.get(group.column) === `${above.top}:${above.text}`) continue;
          continued.title = titleGoingOn(continued.title, above.text);
          groupAt.set(group.column, `${above.top}:${above.text}`);
        }
      }
    };
    if (table.rows.length === 0) cellsGoOnAbove(Infinity);
    for (const [index, { row, interimRow, awaitsActuals }] of withRoleRowsJoined(table, labels).entries()) {
      if (index === 0) cellsGoOnAbove(row.top);
      for (const group of table.groups) {
        const cell = group.cells.find((c) => middle(row) > c.top && middle(row) < c.bottom);
        if (!cell || groupAt.get(group.column) === `${cell.top}:${cell.text}`) continue;
        const parsed = readBanner(cell.text);
        const heading = plainHeading(oneLine(table.columns[group.column]!.heading));
        const numbered = NUMBERED_CELL.exec(cell.text);
        // A page broke the cell: its title goes on at the next page's top, without the number its level's cells print.
        const continued = index === 0 && !parsed && !numbered && last !== undefined && last.page < page ? openTitled(`column:${heading}`) : undefined;
        if (continued) {
          continued.title = titleGoingOn(continued.title, cell.text);
          groupAt.set(group.column, `${cell.top}:${cell.text}`);
          continue;
        }
        // The level's label is what its cells print before the number (基本施策1 …, or none: (1) …), as a banner's.
        const label = parsed ? parsed.label : numbered ? '' : heading;
        const depth = levels.depthOf(`column:${heading}`, label, parsed?.numbering ?? '', 'column');
        open(
          depth,
          parsed?.no ??
            (numbered
              ? /[①-⑳]/.test(numbered[1]!)
                ? numbered[1]!.charCodeAt(0) - 0x2460 + 1
                : Number(numbered[1]!.normalize('NFKC').replace(/\D/g, ''))
              : null),
          parsed?.title ?? (numbered ? numbered[2]! : cell.text),
        );
        if (!parsed && numbered) levels.printed[depth]!.numbering ||= /[①-⑳]/.test(numbered[1]!) ? '①' : '1';
        // Noted after opening: a goal opened clears what its levels below had open, not its own cell.
        groupAt.set(group.column, `${cell.top}:${cell.text}`);
      }
      const name = table.placed.findIndex((p) => p.role === 'name');
      if (last && last.page < page && !blockAwaitingText && continuesCells(row, table, last.indicator)) continue;
      // The actuals' row of the indicator the page before broke after its expected values' row.
      // Its label tells it, though a page holding that row alone has no column of labels to tell (roleLabelColumn).
      const labelsActuals = table.placed.some((p, k) => p.role === 'other' && ACTUAL_ROW.test(plainHeading(row.cells[`c${k}`] ?? '')));
      if (last?.awaitingActuals && last.page < page && labelsActuals && (row.cells[`c${name}`] ?? '').trim() === '') {
        const { indicator } = indicatorOf(roleRowsJoined(last.awaitingActuals, row, table), table);
        last.indicator.actual = indicator.actual;
        if (indicator.series) last.indicator.series = indicator.series;
        last.awaitingActuals = undefined;
        continue;
      }
      if (!row.anchored || (row.cells[`c${name}`] ?? '').trim() === '') {
        // A banner whose long title runs into a value column reads as a row of values without a name.
        // So may a comment block (【成果と課題】 over a paragraph across the columns).
        // So may a block's paragraph at the top of the page after its heading (a figure in its words
        // anchors it as a row): nothing of this page is read before it.
        const blockGoesOn = blockAwaitingText !== undefined && last !== undefined && last.page < page;
        if (!row.anchored || blockGoesOn || readBanner(row.text) || COMMENT_BLOCK.test(row.text.trim()))
          textRow(row.text, page, row.anchored && numbersRows(row, table));
        else
          log.warn('extract-kpi', t(`指標名のない行を読み飛ばしました:「${row.text}」`, `a row without an indicator name was skipped: "${row.text}"`), {
            page,
          });
        continue;
      }
      // A banner whose title runs on into the value columns, with no figure among them, is the banner.
      if (readBanner(row.text) !== null && !holdsFigures(row, table)) {
        textRow(row.text, page);
        continue;
      }
      blockAwaitingText = undefined;
      const { indicator, mark } = indicatorOf(row, table);
      if (interimRow) withRoleRows(indicator, interimRow, table, labels);
      last = { indicator, mark, page, row: row.text, ...(awaitsActuals && interimRow ? { awaitingActuals: interimRow } : {}) };
      raw.push(last);
      place(indicator);
    }
  }

  const legends = legendsOf(pieces);
  // A figure read in the grade column is a value that crossed a boundary read wrong, not a grade
  // of the document's: it is said, and it makes no grade.
  for (const r of raw.filter((r) => FIGURE_IN_MARK.test(r.mark.normalize('NFKC')))) {
    log.warn(
      'extract-mark',
      t(
        `${r.indicator.name}: 評価の欄に数値「${r.mark}」があります。状況は空欄として読みます`,
        `${r.indicator.name}: the grade cell holds a figure, "${r.mark}"; its status is read as blank`,
      ),
      {
        page: r.page,
        hint: t(
          '列の境界の読み違いかもしれません。YAML の値と状況を印刷と見比べてください',
          'a column boundary may be read wrong: compare the values and status in the YAML with the print',
        ),
      },
    );
    r.mark = '';
  }
  const marks = [...new Set(raw.map((r) => r.mark).filter((m) => m !== ''))];
  const covering = (l: PrintedLegend) => marks.filter((m) => l.marks.some((x) => x.mark.normalize('NFKC') === m.normalize('NFKC'))).length;
  const legendFound = legends.sort((a, b) => covering(b.legend) - covering(a.legend))[0];
  // The legend of the marks printed; where no row shows one (none graded yet), the legend printed.
  const legend = legendFound && (covering(legendFound.legend) > 0 || marks.length === 0) ? legendFound : undefined;
  const scheme = schemeOfMarks(marks, legend?.legend ?? null, reading, log);
  for (const r of raw) {
    if (r.mark === '') continue;
    const status = gradeOfMark(scheme, r.mark);
    if (status === undefined) {
      log.warn(
        'extract-mark',
        t(
          `${r.indicator.name}: 評価「${r.mark}」は評価基準 ${scheme.id} にも凡例にもない印です。状況は空欄として読みます`,
          `${r.indicator.name}: the mark "${r.mark}" is neither in the scheme ${scheme.id} nor in the legend; its status is read as blank`,
        ),
        {
          page: r.page,
          hint: t(
            '--printed-scheme で評価基準を指定するか、YAML で状況を直してください',
            'name the scheme with --printed-scheme, or correct the status in the YAML',
          ),
        },
      );
    }
    r.indicator.reported.status = status ?? null;
    const { actual, target } = r.indicator;
    // Nothing to grade by: no actual figure, or a target in words (基準値を上回る).
    const ungradable = (actual.value === null && actual.text !== '') || (target !== null && target.value === null && isTextValue(target.text));
    if (
      status !== undefined &&
      ungradable &&
      scheme.outcomes.noActual &&
      // Where no-actual shares its mark with a grade (the default scheme's -), the missing actual tells.
      markOf(scheme, status) === markOf(scheme, scheme.outcomes.noActual)
    ) {
      r.indicator.reported.status = scheme.outcomes.noActual;
    }
  }

  joinGoalsPrintedAgain(strategies);
  const counts = pieces.flatMap(({ piece }) => (piece.kind === 'counts' ? [piece.table] : []));
  attachCounts(counts, strategies, scheme, log);

  const fiscalYear = fiscalYearOf(tables, title);
  if (fiscalYear === null) {
    log.fail(
      'extract-kpi',
      t('実績の年度が見出しにも表題にも見つかりません', 'the fiscal year of the actuals is named neither in a heading nor in the title'),
      {
        hint: t('実績の列見出しか表題に年度（R2、令和2年度など）を書いてください', 'name the year (R2, 令和2年度) in the actuals heading or the title'),
      },
    );
  }
  // A legend's mark is spelt as the scheme spells it where the text layer cannot tell (− and － are one glyph).
  // A legend no row's mark is in is still the layout's under a heading of its own (※評価 -：実績なし):
  // it grades nothing, but it is printed and is printed again.
  const shown = legend ?? legends.find((l) => startsLegend(l.legend.heading));
  // A last meaning the print clipped is the scheme's whole, where the scheme was told by the legend's meanings.
  const spelt = shown && {
    ...shown,
    legend: {
      ...shown.legend,
      marks: shown.legend.marks.map((m, k, all) => ({
        mark: schemeMark(scheme, m.mark),
        meaning: k === all.length - 1 ? clippedMeaning(scheme, m) : m.meaning,
      })),
    },
  };
  // A table whose first page holds only its head (and a banner, the page's foot below it) shows no
  // cell's text: its edges there are guessed from the headings alone. The first page that shows its
  // rows tells them by where their texts stand (flush left, flush right), as for any table.
  // Of a table going on over pages, its last page of rows has seen every page's cells: it measures.
  const shownFirst = tables.find((t) => t.rows.some((r) => r.anchored) && t.head.columns.length === first!.head.columns.length) ?? first!;
  const firstCell = shownFirst.head.earlierCells?.at(-1);
  // Not a page showing its head again over no row (its columns, unrefined by cells, place none).
  const measured = (firstCell && tables.findLast((t) => t.rows.some((r) => r.anchored) && t.head.earlierCells?.includes(firstCell))) ?? shownFirst;
  // The pitch of a cell's lines, for telling a header's rows where the table shows none: its
  // grouping cells' (健康づくり | 商店街移 | 住づくり, 1.1 em, under 基本目標 over R2 1.5 em
  // apart), the other tables', else that of the count tables' wrapped labels (one font throughout).
  const labelPitches = pieces.flatMap(({ piece }) => (piece.kind === 'counts' && piece.pitch !== undefined ? [piece.pitch] : []));
  const labelPitch = labelPitches.length > 0 ? Math.min(...labelPitches) : null;
  const cellLinePitch = first!.pitch ?? first!.groupPitch ?? pitch ?? labelPitch;
  const layout = layoutOf(first!, measured, levels, spelt, counts, commentBlocks, cellLinePitch, labelPitch, paragraphPitch(pieces));
  // The scheme is named as load.ts names it (a document read under the default scheme names none).
  const document: KpiDocument = { kind: 'kpi-progress', title, fiscalYear, ...(scheme.id !== 'default' ? { scheme: scheme.id } : {}), layout, strategies };
  return { document, messages: log.messages, scheme };
}

/**
 * A goal printed again whose cell a page broke (第2章 道の駅移住の支 | 援, in a grouping column under
 * 第2章 道の駅移住の支援 printed over its count table) is whole only once the next page's part has
 * joined its title: then it is the goal printed before, and its rows go there. So is a goal of the
 * same number whose cell shows its title's start only (基本目標3 子育て世, the cell clipped at the
 * table's last row, under 基本目標3 子育て世帯市内観光の振興).
 */
export function joinGoalsPrintedAgain(strategies: Strategy[]): void {
  const plain = (s: Strategy) => s.title.replace(/\s/g, '');
  const printedAgain = (earlier: Strategy, later: Strategy) =>
    earlier.no === later.no && (plain(earlier) === plain(later) || ([...plain(later)].length >= CLIPPED_TITLE_MIN && plain(earlier).startsWith(plain(later))));
  for (let k = strategies.length - 1; k > 0; k--) {
    const later = strategies[k]!;
    const earlier = strategies.slice(0, k).find((s) => printedAgain(s, later));
    if (!earlier) continue;
    earlier.indicators.push(...later.indicators);
    earlier.policies.push(...later.policies);
    earlier.reportedGoalSummary ??= later.reportedGoalSummary;
    earlier.reportedSummary ??= later.reportedSummary;
    strategies.splice(k, 1);
  }
}

const plainMeaning = (text: string) => text.normalize('NFKC').replace(/\s/g, '');

/**
 * Whether a legend's last meaning as printed is `whole` clipped by the print: cut short at the cell
 * or page (…または目標値＝基準, CLIPPED_MEANING_MIN characters at least), or cut off, the mark alone
 * printed (Calc: … 注視を継続する | －, its 実績なし past the print area).
 */
function clippedFrom(whole: string, printed: string): boolean {
  const [all, cut] = [plainMeaning(whole), plainMeaning(printed)];
  return all !== '' && all !== cut && all.startsWith(cut) && (cut === '' || cut.length >= CLIPPED_MEANING_MIN);
}

/** A legend's last meaning as the scheme words it where the print clipped it, else as printed. */
function clippedMeaning(scheme: Scheme, printed: LegendMark): string {
  const id = gradeOfMark(scheme, printed.mark);
  const whole = scheme.grades.find((g) => g.id === id)?.meaning ?? '';
  return clippedFrom(whole, printed.meaning) ? whole : printed.meaning;
}

/** A dash the scheme knows, as the scheme prints it; any other mark as printed. */
function schemeMark(scheme: Scheme, printed: string): string {
  const id = gradeOfMark(scheme, printed);
  const grade = id === undefined ? undefined : scheme.grades.find((g) => g.id === id);
  return grade && DASH.test(printed.normalize('NFKC').trim()) ? grade.mark : printed;
}

/** Whether a cell prints a value: not blank, not a dash (― - －) for a year not reached yet. */
const printedValue = (text: string | undefined) => (text ?? '').trim() !== '' && !DASH.test((text ?? '').normalize('NFKC').trim());

/**
 * The year of the actuals: the actual's heading; the year series' current year; the title's year
 * where the series has it filled (令和5年度実績評価シート over R2 … R6, where R6 may hold a
 * forecast); the series' right-most filled year; else the title's.
 */
function fiscalYearOf(tables: readonly ReadTable[], title: string): number | null {
  const titled = findEraYear(title);
  for (const table of tables) {
    const actual = table.placed.find((p) => p.role === 'actual' && p.fiscalYear);
    if (actual) return actual.fiscalYear!;
    const current = table.placed.find((p) => p.role === 'series' && p.current && p.fiscalYear);
    if (current) return current.fiscalYear!;
    const filled = table.placed
      .map((p, k) => ({ p, k }))
      .filter(({ p, k }) => p.role === 'series' && table.rows.some((r) => r.anchored && printedValue(r.cells[`c${k}`])));
    if (titled !== null && filled.some(({ p }) => p.fiscalYear === titled)) return titled;
    if (filled.length > 0) return filled.at(-1)!.p.fiscalYear ?? null;
  }
  return titled;
}

/**
 * A goal's counts: its total row, which the evaluator checks against its policies' indicators;
 * where the goal has only its own indicators (数値目標, no policies), its goal row, checked against those.
 */
function countsOnto(strategy: Strategy, summary: PrintedSummary): void {
  if (strategy.policies.length === 0 && strategy.indicators.length > 0) strategy.reportedGoalSummary = summary;
  else strategy.reportedSummary = summary;
}

/** Count tables' rows onto the strategies they name (基本目標1 …): a count per printed mark; the 合計 row is checked here. */
function attachCounts(tables: readonly CountTable[], strategies: readonly Strategy[], scheme: Scheme, log: MessageLog): void {
  for (const table of tables) {
    const grades = table.marks.map((m) => gradeOfMark(scheme, m));
    const summaryOf = (row: CountTable['rows'][number]): PrintedSummary => {
      const summary: PrintedSummary = Object.fromEntries(summaryGrades(scheme).map((g) => [g.id, null]));
      row.counts.forEach((n, k) => {
        if (grades[k]) summary[grades[k]!] = n;
      });
      summary.total = row.total;
      return summary;
    };
    // A table of grades down counts the goal printed above it; one with a column per goal names its goals.
    if (table.shape === 'rows' && table.rows.length === 1 && table.rows[0]!.label === '') {
      const target = table.strategy ?? (strategies.length === 1 ? strategies[0] : undefined);
      if (target) countsOnto(target, summaryOf(table.rows[0]!));
      continue;
    }
    for (const row of table.rows) {
      if (TOTAL_WORD.test(row.label.replace(/\s/g, ''))) {
        const others = table.rows.filter((r) => r !== row);
        const sum = others.reduce((s, r) => s + (r.total ?? 0), 0);
        if (row.total !== null && others.length > 0 && sum !== row.total)
          log.warn(
            'document-check',
            t(`集計表の合計 ${row.total} が各行の合計 ${sum} と合いません`, `the count table's total ${row.total} is not the sum of its rows, ${sum}`),
            {
              page: table.page,
            },
          );
        continue;
      }
      const banner = readBanner(row.label);
      const target = banner ? strategies.find((s) => s.no === banner.no) : strategies.length === 1 ? strategies[0] : undefined;
      if (target) countsOnto(target, summaryOf(row));
      else
        log.warn('extract-kpi', t(`集計表の行「${row.label}」に当たる基本目標がありません`, `the count row "${row.label}" names no goal of the tables`), {
          page: table.page,
        });
    }
  }
}

/** The table's shape, for writing it again in the same layout. */
function layoutOf(
  first: ReadTable,
  /** The table whose texts tell the columns' edges and sides: the first that shows rows of values. */
  measured: Pick<ReadTable, 'edges' | 'sides'>,
  levels: HierarchyLevels,
  legend: { legend: PrintedLegend; page: number; top: number } | undefined,
  counts: readonly CountTable[],
  commentBlocks: string | undefined,
  /** The pitch (em) of a cell's lines the document shows, where the first table shows none itself. */
  pitch: number | null,
  /** The pitch (em) of lines sure to be one cell's: a count table's wrapped labels. */
  wrappedPitch: number | null,
  /** The pitch (em) of a paragraph's lines outside the tables: a cell's lines stand no farther apart. */
  paragraph: number | null,
): TableLayout {
  const { edges, sides } = measured;
  const width = sides.right - sides.left;
  const columns: LayoutColumn[] = first.head.columns.map((c, k) => {
    const p = first.placed[k]!;
    const left = edges[k - 1] ?? sides.left;
    const right = edges[k] ?? sides.right;
    return {
      role: GROUPING.has(p.role) ? groupingLevel(levels, c.heading, p.role) : p.role,
      heading: c.heading,
      ...(c.group ? { group: c.group } : {}),
      // A year a spanning heading gives its columns (R6 over 実績値 | 評価) is a value's, not a grade's.
      ...(p.fiscalYear && MEASURED.has(p.role) ? { fiscalYear: p.fiscalYear } : {}),
      ...(width > 0 ? { width: Math.round(((right - left) / width) * 1000) / 1000 } : {}),
    };
  });
  const page = first.page;
  const firstTable = { page: page.number, top: first.head.top };
  // Two rows of one line stand at least a cell's line step apart; rows nearer than the lines of a
  // column (F3's role rows, set in other columns) tell nothing of it.
  const lineStep = leastLineStep(first.rows);
  const rowStep = first.rowStep !== null && (lineStep === null || first.rowStep >= lineStep) ? first.rowStep : null;
  // No cell's lines stand farther apart than two lines of one column of the rows do: a pitch past
  // that step is rows' steps that repeated (banners stacked at the rows' step, 基本目標1 over
  // 基本的方向1 over ■施策①, 1.4 em apart), a wrapped cell's lines the nearer (観光子育て世帯市内
  // over 登録者数, 1.1 em).
  // Nor farther than a paragraph's lines (one line spacing throughout: pdfmake's 評価基準 A：… wrapped
  // 1.1 em, where no cell wraps and banners stack 1.5 em apart as rows do), nor than a count table's
  // label wrapped in its cell (1.1 em, where banners stacked at the rows' step, 1.48 em, showed the pitch).
  const least = (...steps: (number | null)[]) => (steps.some((s) => s !== null) ? Math.min(...steps.filter((s): s is number => s !== null)) : null);
  const cellLines = pitch !== null ? least(pitch, lineStep, paragraph, wrappedPitch) : null;
  const lineBound = least(lineStep, paragraph, wrappedPitch);
  const before = (at: { page: number; top: number }) => at.page < firstTable.page || (at.page === firstTable.page && at.top < firstTable.top);
  return {
    columns,
    // Where the document shows no pitch, at most the least step between two lines of a column of
    // the table's rows (a cell wrapped once: a department's 1.2 em), or two rows of one line apart.
    headerRows: cellLines !== null ? headerRowsAtPitch(first.head, cellLines, wrappedPitch) : headerRowsAtPitch(first.head, lineBound, wrappedPitch, rowStep),
    hierarchy: levels.layout(),
    ...(legend
      ? { legend: { heading: legend.legend.heading, marks: legend.legend.marks, placement: before(legend) ? ('top' as const) : ('below' as const) } }
      : {}),
    summary: counts.length > 0 ? { shape: counts[0]!.shape, placement: before(counts[0]!) ? 'before' : 'after' } : null,
    ...(commentBlocks ? { commentBlocks } : {}),
    orientation: page.width > page.height ? 'landscape' : 'portrait',
    paper: Math.max(page.width, page.height) > A3_FROM ? 'A3' : 'A4',
  };
}

/**
 * A grouping column's role is the level it was read as where that is the shallower: a table of
 * two levels may head its second 施策, which the model holds as a policy. A column read deeper
 * than its heading word (基本目標 under a banner) keeps the word, so that the reading is refused.
 */
function groupingLevel(levels: HierarchyLevels, heading: string, byWords: ColumnRole): ColumnRole {
  const depth = levels.printed.findIndex((l) => l.key === `column:${plainHeading(oneLine(heading))}`);
  const order: readonly ColumnRole[] = ['strategy', 'policy', 'measure'];
  return depth >= 0 && depth < order.indexOf(byWords) ? levels.levelOf(depth) : byWords;
}
