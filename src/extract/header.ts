import type { Rule } from './pdf.js';
import {
  CANNOT_START,
  type Line,
  type Phrase,
  isJapaneseCharacter,
  japaneseCharacters,
  joinPhrases,
  joinWrapped,
  makeLine,
  sameSize,
  textEmWidth,
} from './layout.js';
import { HEADER_LINE_GAP_EM, NUMBER_LIKE, headingCells, piecesOf } from './grid.js';
import { holdsSpacedItems, isLegendLine } from './legend.js';
import { isSetOffGoalIndicatorsLabel, readBanner } from './hierarchy.js';
import { bareYear, headingWord, opensWithRoleWords, plainHeading, yearOfHeading } from './roles.js';
import { PITCH_TOLERANCE_EM } from './rows.js';

/**
 * The header of a KPI table of any layout (layouts.md §3, §5.4): the lines that hold its headings
 * (one or two rows, wrapped cells, spanning cells), and its columns left to right, each with its
 * heading and the heading spanning it. Where vertical rules are drawn they give the columns and
 * each heading cell's span (実績値 over H30 | R1 | R2); where none are, each stack of heading text
 * is a column. Pure.
 */

export interface HeaderColumn {
  left: number;
  right: number;
  /** The heading as printed, its lines joined by a line break. */
  heading: string;
  /** The heading of a cell spanning this column and its neighbours. */
  group?: string;
  /** The extent of the heading's text. */
  headingLeft: number;
  headingRight: number;
}

export interface TableHead {
  columns: HeaderColumn[];
  lines: Line[];
  top: number;
  bottom: number;
  /** Header rows: 2 where a cell spans others, else 1. */
  rows: number;
  /**
   * Whether the two rows were told by a heading's lines standing farther apart than
   * CELL_LINE_PITCH_EM alone (no group, no rule between them): the pitch of a cell's lines the
   * document shows tells them again.
   */
  spaced?: true;
  /** Whether vertical rules gave the columns. */
  ruled: boolean;
  /**
   * The body lines the table showed on the pages before, where it goes on without its header
   * printed again: its columns stand where they stood there.
   */
  earlier?: Line[];
  /** Of those, the lines of cells (no banner, no comment block): where its columns' edges stood there. */
  earlierCells?: Line[];
}

/**
 * A heading this many times wider than its characters set close is letter-spaced over its cell (Chromium's
 * 令　和　7　年　度 over 実績 | 判定: 1.8 times); a centred one is as wide as they are.
 */
const SPREAD_GROUP = 1.5;

function spreadOver(p: Phrase): boolean {
  // Letter-spacing spreads Japanese characters; a Western token (R5) is never spread within, and its glyphs may be
  // wider than an estimate by half (R5 at 1.52 em in a wide font).
  return japaneseCharacters(p.text) >= 2 && p.right - p.x > SPREAD_GROUP * textEmWidth(p.text) * p.size;
}

/** A group's heading over two cells is at most this share of their cells' width. */
const GROUP_OVER_PAIR_WIDTH = 0.8;
/** Rules this close (points) are one. */
const RULE_TOLERANCE = 1.5;
/** A rule across this share of the header's width closes it (the rule under 実績値 spans only its years). */
const CLOSING_RULE_SHARE = 0.6;
/** A heading is at most this long (characters): a title or a legend line naming 指標 or 目標 is none. */
const HEADING_MAX_LENGTH = 16;
/** A wrapped heading's piece (`評` over `価`, `番` over `号`) is at most this long. */
const HEADING_PIECE_LENGTH = 3;
/** Columns narrower than this (points) are the gap of a double rule. */
const MIN_COLUMN_WIDTH = 3;
/** Roles that make a header a KPI table's besides the name: the values and the grade. */
const VALUE_WORDS = new Set(['baseline', 'actual', 'series', 'target', 'current', 'interim', 'progress', 'grade', 'grade-or-progress']);

const isHeadingWord = (text: string) => headingWord(text) !== null;

/** The rules between two lines, as runs at one y: pieces of one rule joined. */
function rulesBetween(upper: Line, lower: Line, horizontal: readonly Rule[]): Rule[][] {
  const between = horizontal.filter((r) => r.at > (upper.top + upper.bottom) / 2 && r.at < (lower.top + lower.bottom) / 2);
  return between.map((r) => between.filter((o) => Math.abs(o.at - r.at) <= RULE_TOLERANCE));
}

/**
 * Whether a rule is a group's, under its columns only: it runs under every phrase of the upper
 * line and not over all of the lower (実績値 alone on its line); or over every phrase of the lower
 * line and under only some of the upper, the others on both sides of it (the years under 実績値, the
 * headings beside it set at the top of cells spanning both rows).
 */
function groupsRule(rule: readonly Rule[], upper: Line, lower: Line): boolean {
  // Pieces of a rule drawn cell by cell (Chromium's borders) that touch are one: a banner over merged cells stands under it.
  const runs = runsOf(rule);
  const under = (p: Phrase) => runs.some((r) => r.from <= p.x + RULE_TOLERANCE && r.to >= p.right - RULE_TOLERANCE);
  // Headings beside the group on both sides: a rule across the whole table (its top, under a line above it) has none.
  const from = Math.min(...rule.map((r) => r.from));
  const to = Math.max(...rule.map((r) => r.to));
  const overSome = upper.phrases.some(under) && upper.phrases.some((p) => p.right <= from) && upper.phrases.some((p) => p.x >= to);
  // A lower phrase beside the rule may be the second line of a heading beside the group (基準値 over R2 in one cell).
  const besideStacked = (p: Phrase) => upper.phrases.some((q) => !under(q) && Math.min(p.right, q.right) > Math.max(p.x, q.x));
  return (upper.phrases.every(under) && lower.phrases.some((p) => !under(p))) || (lower.phrases.every((p) => under(p) || besideStacked(p)) && overSome);
}

/** Pieces of a rule at one height joined where they touch (within RULE_TOLERANCE). */
function runsOf(rule: readonly Rule[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (const r of [...rule].sort((a, b) => a.from - b.from)) {
    const last = runs.at(-1);
    if (last && r.from <= last.to + RULE_TOLERANCE) last.to = Math.max(last.to, r.to);
    else runs.push({ from: r.from, to: r.to });
  }
  return runs;
}

/** Whether the upper line is a group's heading over the lower (実績値 over R2 … R7, its rule under those years only). */
function groupOver(upper: Line, lower: Line, horizontal: readonly Rule[]): boolean {
  return rulesBetween(upper, lower, horizontal).some((rule) => groupsRule(rule, upper, lower));
}

/**
 * Whether the rules between two lines close a header: one rule (or pieces at one y) across most of
 * its width, however many columns a group's rule spans. The group's heading may stand a line
 * higher (`uppers`, 実績 over 現状値 | 目標値 set lower in cells spanning both rows), or its
 * columns' headings a line lower (`lowers`).
 */
function closedBetween(
  upper: Line,
  lower: Line,
  horizontal: readonly Rule[],
  left: number,
  right: number,
  uppers: readonly Line[] = [upper],
  lowers: readonly Line[] = [lower],
): boolean {
  // The lines taken one by one, and together (現状値 | 目標値 | 実績値 over the rule, No | 成果指標 | 進捗 beside it a line lower).
  const together = (ls: readonly Line[]) => (ls.length > 1 ? [...ls, makeLine(ls.flatMap((l) => l.phrases))] : ls);
  const [ups, downs] = [together(uppers), together(lowers)];
  return rulesBetween(upper, lower, horizontal).some((at) => {
    const covered = at.reduce((sum, o) => sum + Math.max(0, Math.min(o.to, right) - Math.max(o.from, left)), 0);
    return covered >= CLOSING_RULE_SHARE * (right - left) && !ups.some((u) => downs.some((l) => groupsRule(at, u, l)));
  });
}

/** A comment block's heading printed under a row: in double angle brackets (≪成果と見直し≫). */
const BLOCK_HEADING = /^[≪《][^≫》]{1,20}[≫》]$/;

/** A legend's item (評価なし：目標値の設定なし, A:…): a short mark, a colon, its meaning. */
const LEGEND_ITEM = /^[^\s:：]{1,6}\s*[:：]\s*\S/;

/**
 * Whether a line can be part of a header: no value numbers, no legend item, and every phrase a
 * heading word, a year, or a short piece of a wrapped heading.
 */
function headingLike(line: Line): boolean {
  // A legend set without colons (【評価】 | - 横ばい・実績なし) names words a heading may (実績).
  if (holdsSpacedItems(line.phrases.map((p) => p.text))) return false;
  // Nor is a comment block's heading under a row (≪今後の方向性≫), though it names a comment column's words.
  if (line.phrases.length === 1 && BLOCK_HEADING.test(line.text.trim())) return false;
  // Nor the label of a goal's own indicators set as a banner under the header (【数値目標】, ■数値目標), though 数値目標 is a name's heading.
  if (line.phrases.length === 1 && isSetOffGoalIndicatorsLabel(line.text)) return false;
  return yearsApart(line).phrases.every((p) => {
    const length = [...p.text.replace(/\s/g, '')].length;
    return (
      !NUMBER_LIKE.test(p.text.normalize('NFKC')) &&
      !LEGEND_ITEM.test(p.text.trim()) &&
      length <= HEADING_MAX_LENGTH &&
      (isHeadingWord(p.text) || length <= HEADING_PIECE_LENGTH)
    );
  });
}

/**
 * The line with headings that narrow cells set so close that they made one phrase parted into
 * one phrase each: two years are never one heading (令和6年度 令和7年度), nor are two headings of
 * roles (従前値(令和元年度) 実績（令和4年度） 目標値(令和7年度)), nor a role naming its year and a
 * year after it (現状値（H26） H27, 基準値（R1） R2); a role and its year are (現状値 令和2年度).
 */
function yearsApart(line: Line): Line {
  const isRole = (text: string) => !bareYear(text) && headingWord(text) !== null;
  const parted = line.phrases.flatMap((p) => {
    const pieces = piecesOf(p);
    if (pieces.length < 2) return touchingRoles(p, isRole) ?? touchingYears(p) ?? [p];
    const years = pieces.every((q) => bareYear(q.text));
    const rolesOrYears = pieces.every((q) => bareYear(q.text) || isRole(q.text));
    const roles = rolesOrYears && pieces.filter((q) => isRole(q.text)).length >= 2;
    // A year is its role's where it follows one naming none (現状値 令和2年度); after a role that
    // names its own (現状値（H26） H27, 0.33 em apart in Writer's cells without padding) it heads a column.
    // Years set before their roles (R2 現状値, LibreOffice's autospace read as a space) are theirs.
    const ownYear = (q: Phrase, k: number) => k > 0 && bareYear(q.text) && isRole(pieces[k - 1]!.text) && yearOfHeading(pieces[k - 1]!.text) === null;
    const yearsAfterRoles = rolesOrYears && isRole(pieces[0]!.text) && !pieces.some(ownYear);
    return years || roles || yearsAfterRoles ? pieces : (touchingYears(p) ?? [p]);
  });
  return parted.length === line.phrases.length ? line : makeLine(parted);
}

/**
 * A phrase of two headings of roles set edge to edge, cut at the run where the second starts:
 * Writer justifies a heading to its cell with no padding, so one that fills its cell touches the
 * next cell's (進捗状況（成果と積み残し） | 今後の方針, 0.3 pt apart), and no gap parts them. Only a
 * text longer than a heading may be is cut, each part a role's heading whole.
 */
function touchingRoles(p: Phrase, isRole: (text: string) => boolean): Phrase[] | undefined {
  // A heading of two role words (重要業績評価 | 指標（KPI）, in runs of their own) is one heading, as long as a heading may be;
  // but one closed by its year in brackets takes no more words (基準値（平成26年度） | 実績値, the group over the years beside it).
  const long = [...p.text.replace(/\s/g, '')].length > HEADING_MAX_LENGTH;
  const closedByYear = (text: string) => CLOSING_BRACKET.test(text) && yearOfHeading(text) !== null;
  for (let k = 1; k < p.parts.length; k++) {
    const [own, rest] = [p.parts.slice(0, k), p.parts.slice(k)];
    const [first, second] = [own.map((q) => q.text).join(''), rest.map((q) => q.text).join('')];
    if (isRole(first) && isRole(second) && (long || (closedByYear(first) && opensWithRoleWords(second))))
      return [
        { ...p, text: first, right: own.at(-1)!.right, parts: own },
        { ...p, text: second, x: rest[0]!.x, parts: rest },
      ];
  }
  if (!long) return undefined;
  // A reprint may draw both in one run (cairo sets a line's glyphs in one go): cut inside it, at
  // the x its characters' widths put the cut at, where the second heading opens with its role's
  // words (a cut inside 進捗状況（成果と積み残し） leaves a role word inside the rest: 成果と, 今後).
  // The name's heading is matched whole (重要業績評価指標（KPI）), so it opens with its words. No
  // cut falls inside brackets (進捗状況（ | 成果と…）).
  for (let k = 0; k < p.parts.length; k++) {
    const part = p.parts[k]!;
    const chars = [...part.text];
    for (let i = 1; i < chars.length; i++) {
      const [head, tail] = [chars.slice(0, i).join(''), chars.slice(i).join('')];
      const [first, second] = [
        p.parts
          .slice(0, k)
          .map((q) => q.text)
          .join('') + head,
        tail +
          p.parts
            .slice(k + 1)
            .map((q) => q.text)
            .join(''),
      ];
      if (!bracketsClosed(head) || !isRole(first) || !isRole(second) || !opensWithRoleWords(second)) continue;
      const cut = part.x + ((part.right - part.x) * textEmWidth(head)) / textEmWidth(part.text);
      const own = [...p.parts.slice(0, k), { ...part, text: head, right: cut }];
      const rest = [{ ...part, text: tail, x: cut }, ...p.parts.slice(k + 1)];
      return [
        { ...p, text: first, right: cut, parts: own },
        { ...p, text: second, x: cut, parts: rest },
      ];
    }
  }
  return undefined;
}

/** A text ending in a closing bracket. */
const CLOSING_BRACKET = /[)）]\s*$/;

/** A year alone, as a heading prints it under its role: 2014年度, （2019 年度）, (R1), 令和元年度. */
const YEAR_ALONE = /^[(（]?(?:(?:R|H|令和|平成)(?:\d{1,2}|元)|(?:19|20)\d\d)(?:年度?)?[)）]?$/;

/**
 * A phrase of two years set edge to edge, cut where the second starts: Writer sets cells without
 * padding, so a year that fills its cell touches the next cell's ((2019年度)|(2019年度) under 実績
 * and 目標値, 0.4 pt apart), and no gap parts them.
 */
function touchingYears(p: Phrase): Phrase[] | undefined {
  const yearAlone = (parts: Phrase['parts']) =>
    YEAR_ALONE.test(
      parts
        .map((q) => q.text)
        .join('')
        .normalize('NFKC')
        .replace(/\s/g, ''),
    );
  for (let k = 1; k < p.parts.length; k++) {
    const [own, rest] = [p.parts.slice(0, k), p.parts.slice(k)];
    if (yearAlone(own) && yearAlone(rest))
      return [
        { ...p, text: own.map((q) => q.text).join(''), right: own.at(-1)!.right, parts: own },
        {
          ...p,
          text: rest
            .map((q) => q.text)
            .join('')
            .trim(),
          x: rest[0]!.x,
          parts: rest,
        },
      ];
  }
  return undefined;
}

/** A row of years alone may stand this far (em) below the header line above it: a spreadsheet's tall header row. */
const YEAR_ROW_GAP_EM = 3.5;
/**
 * A group's heading over the rule under its columns (基準値 | 実績 | 目標値 over their years) may
 * stand this far (em) above the line below: the row spanning both is tall, its other headings set
 * at its bottom, and the rule says the two lines are one header.
 */
const GROUP_ROW_GAP_EM = 6;

/** A year in brackets under its heading: （令和2年度）, (H26). */
const YEAR_NOTE = /^[(（].*[)）]$/;

/**
 * Whether each phrase of a line is a heading word standing over a year in brackets on the line
 * below (基準値 over （令和2年度）, 目標 over （令和8年度）, the other headings set on the lower line):
 * a header of two rows however tall, as a rule under a group says.
 */
function headingsOverYearNotes(upper: Line, lower: Line): boolean {
  return upper.phrases.every((p) => {
    if (!isHeadingWord(p.text)) return false;
    return yearsApart(lower).phrases.some(
      (q) => Math.min(p.right, q.right) > Math.max(p.x, q.x) && YEAR_NOTE.test(q.text.trim()) && yearOfHeading(q.text) !== null,
    );
  });
}

/**
 * Whether a year on the upper line is a group's heading centred over the headings of the lower
 * line, which holds them alone (令和4年度 over 実績 | 達成度, R3 over 実績値 | 判定, the other
 * headings set in cells spanning both rows): a header of two rows however tall, shaded or unruled.
 */
function yearOverHeadings(upper: Line, lower: Line): boolean {
  const under = yearsApart(lower).phrases;
  if (under.length < 2 || !under.every((p) => isHeadingWord(p.text))) return false;
  const years = yearsApart(upper).phrases;
  // Within half a cell of the middle of its cells, as stackedColumns takes a group.
  const centred = (p: Phrase, cells: readonly Phrase[]) => {
    const [from, to] = [cells[0]!.x, cells.at(-1)!.right];
    const cell = (to - from) / cells.length;
    return p.x >= from - p.size && p.right <= to + p.size && Math.abs(middle(p) - (from + to) / 2) <= cell / 2;
  };
  if (under.every((p) => !bareYear(p.text)) && years.some((p) => bareYear(p.text) && centred(p, under))) return true;
  // The other headings may stand on the line of the group's cells, set at the bottom of cells
  // spanning both rows (令和6年度 over 実績 | 達成度 beside 指標名 | 目標値 on their line): a line of
  // years alone, each no larger than the headings and centred over a run of two or more of them
  // that are no years (a run of years is headingOverYears' case, a title is set larger).
  const runs = under.flatMap((_, i) => under.slice(i + 1).map((__, d) => under.slice(i, i + 2 + d)));
  return (
    years.every((p) => bareYear(p.text)) &&
    years.every((p) => (p.size <= lower.size || sameSize(p.size, lower.size)) && runs.some((run) => run.every((q) => !bareYear(q.text)) && centred(p, run)))
  );
}

/** Whether a line is a row of years alone (令和2年度 | 令和3年度 | …, under 実績 a tall row above). */
function yearsRow(line: Line): boolean {
  const phrases = yearsApart(line).phrases;
  return phrases.length >= 2 && phrases.every((p) => bareYear(p.text));
}

/** Whether a window of lines holds a KPI table's headings: a name and two value or grade columns. */
function namesKpiColumns(lines: readonly Line[]): boolean {
  const words = headingCells(lines).map((c) => headingWord(c.text));
  return words.includes('name') && words.filter((w) => w !== null && VALUE_WORDS.has(w)).length >= 2;
}

/**
 * Whether a line joins the headings it stacks on (`upper` over `lower`): a piece of a wrapped
 * heading may not run onto a heading already whole unless they make a heading still (目標 over 値,
 * R5 over 実績), so a title wrapped above the table (… | の推進 over 番号) stays out.
 */
function stacksOn(upper: Line, lower: Line, added: Line): boolean {
  const other = added === upper ? lower : upper;
  return added.phrases.every((p) => {
    if (isHeadingWord(p.text) || bareYear(p.text)) return true;
    // A piece of a wrapped heading stands within the headings' span: one wholly beside it (a
    // grouping cell's number Ⅰ set at the top of its cell, left of every heading) is a row's.
    if (p.right <= other.x || p.x >= other.right) return false;
    const under = other.phrases.filter((q) => Math.min(p.right, q.right) > Math.max(p.x, q.x));
    return under.every((q) => !isHeadingWord(q.text) || isHeadingWord(added === upper ? `${p.text}${q.text}` : `${q.text}${p.text}`));
  });
}

/** A line wrapped onto the next stands at most this far (em) under it: a cell's line pitch (Writer leads 1.65 em). */
const WRAPPED_TAIL_GAP_EM = 0.8;
/** A line ending at most this far (em) short of the page's right edge of text is full: the printer wrapped it. */
export const FULL_LINE_EM = 1;

/**
 * Whether line `k` is the wrapped end of the line above it, set at a wrapped line's pitch under it
 * and nearer it than the line below, though it names a heading's word or is short as a heading's
 * piece: the end of a legend's line (…把握できない等の理由により | 評価できない), or of a cell of a
 * row above the header (基本目標Ⅰ 2 | 0 … over 農林水産業の over 充実), each of its phrases
 * starting where one of that row's does.
 */
function wrappedTail(lines: readonly Line[], k: number): boolean {
  const line = lines[k]!;
  // The line above it in its column: a line wholly beside it stands in other columns (a count table's
  // counts, 1 0 1 0 2, set in the middle of the row, between its label's lines 観光づ and くり).
  const above = lines.slice(0, k).findLast((l) => l.phrases.some((q) => line.phrases.some((p) => Math.min(p.right, q.right) > Math.max(p.x, q.x))));
  const below = lines[k + 1];
  if (
    above === undefined ||
    below === undefined ||
    line.top - above.bottom >= WRAPPED_TAIL_GAP_EM * line.size ||
    line.top - above.bottom >= below.top - line.bottom
  )
    return false;
  // A legend's line goes on under it: one phrase, or any where the legend's line was filled to the
  // page's right edge (c 初期値よ | りも指標が悪化している － 実績なし, over the header).
  const filled = above.right >= Math.max(...lines.map((l) => l.right)) - FULL_LINE_EM * above.size;
  if ((line.phrases.length === 1 || filled) && isLegendLine(above.phrases.map((p) => p.text))) return true;
  return !headingLike(above) && line.phrases.every((p) => above.phrases.some((q) => Math.abs(q.x - p.x) <= RULE_TOLERANCE));
}

/**
 * Whether a heading word on the upper line is a group's heading centred over a run of years on
 * the lower line (実績値 over H27 | H28 | … | R1, the other headings set at the bottom of cells
 * spanning both rows): a header of two rows however tall, shaded or unruled.
 */
function headingOverYears(upper: Line, lower: Line): boolean {
  const runs: Phrase[][] = [];
  let run: Phrase[] = [];
  for (const q of yearsApart(lower).phrases) {
    if (bareYear(q.text)) run.push(q);
    else run = [];
    if (run.length === 2) runs.push(run);
  }
  return upper.phrases.some(
    (p) =>
      isHeadingWord(p.text) &&
      !bareYear(p.text) &&
      runs.some((years) => {
        const [from, to] = [years[0]!.x, years.at(-1)!.right];
        // Within half a cell of the middle of its years, as yearOverHeadings takes a year over its headings.
        const cell = (to - from) / years.length;
        return p.x >= from - p.size && p.right <= to + p.size && Math.abs(middle(p) - (from + to) / 2) <= cell / 2;
      }),
  );
}

/**
 * Whether each phrase of the lower line is a role's heading standing under a year of a line above
 * (平成26年度 over 従前値, 令和元年度 over 目標値, the other headings in cells spanning both rows):
 * the halves of headings set over a header's two rows, however tall the rows. A role's heading
 * under a year is never the first line of a body row.
 */
function rolesUnderYears(above: readonly Line[], lower: Line): boolean {
  const under = yearsApart(lower).phrases;
  const years = above.flatMap((l) => yearsApart(l).phrases).filter((p) => bareYear(p.text));
  return (
    under.length > 0 &&
    under.every(
      (q) =>
        isHeadingWord(q.text) &&
        !bareYear(q.text) &&
        years.some((p) => Math.min(p.right, q.right) > Math.max(p.x, q.x) && Math.abs(middle(p) - middle(q)) <= q.size),
    )
  );
}

/**
 * Whether line `k` opens the first row's grouping cell, its label wrapped before its number: the
 * word its column's heading over it prints (基本目標 under 基本目標, no rule between, the cell set
 * at its top) alone, joined by the first words of the next line into a level's label and number
 * (基本目標 | Ⅰ 市内オ…); or its label and number wrapped before its title.
 */
function opensGroupLabel(lines: readonly Line[], k: number, window: readonly Line[]): boolean {
  const [line, next] = [lines[k], lines[k + 1]];
  if (!line || !next || line.phrases.length !== 1) return false;
  const word = line.phrases[0]!;
  // Or a level's label and number alone (第1章, 基本目標1), its title under it where it starts (第1章 | ふるさと納税…, bottom-set).
  const title = next.phrases.find((p) => Math.abs(p.x - word.x) <= word.size);
  if (readBanner(word.text)?.title === '' && title && !isHeadingWord(title.text)) return true;
  const underHeading = window.some((l) => l.phrases.some((p) => p.text.trim() === word.text.trim() && Math.min(p.right, word.right) > Math.max(p.x, word.x)));
  const number = next.phrases.find((p) => Math.abs(p.x - word.x) <= word.size);
  return underHeading && !!number && readBanner(joinWrapped([word.text, number.text]))?.label === word.text.trim();
}

/** The header lines around line `i`: neighbours within a line gap that are heading-like, with no closing rule between. */
function headerWindow(lines: readonly Line[], i: number, from: number, horizontal: readonly Rule[]): [number, number] {
  // A row of years, or a group heading over its rule, may stand in a tall row of its own.
  // A group heading a line higher than the line over the next (令和7年度 beside 現状 | （令和2年度）, its
  // rule under both) opens a tall row of its own too, as a year does over its headings (2017年度
  // beside 現状値 over （2014年度）, 実績 | 評価 set at the bottom of the tall row below).
  // The line under a line, where it goes on at once (a heading's year in brackets wrapped under it, bottom-set).
  const lineUnder = (l: Line) => {
    const next = lines[lines.indexOf(l) + 1];
    return next && headingLike(next) && next.top - l.bottom < HEADER_LINE_GAP_EM * Math.max(l.size, next.size) ? [next] : [];
  };
  const gap = (a: Line, b: Line, above: readonly Line[] = [a]) =>
    above.some((u) => groupOver(u, b, horizontal)) ||
    headingsOverYearNotes(a, b) ||
    above.some((u) => yearOverHeadings(u, b)) ||
    // Its years may stand a line lower (施策目標の達成状況 over 令和2年度 … 令和6年度, beside 現状値 over （令和元年度）).
    [b, ...lineUnder(b)].some((l) => headingOverYears(a, l)) ||
    rolesUnderYears(above, b)
      ? GROUP_ROW_GAP_EM
      : yearsRow(b)
        ? YEAR_ROW_GAP_EM
        : HEADER_LINE_GAP_EM;
  const near = (a: Line, b: Line, above?: readonly Line[]) => b.top - a.bottom < gap(a, b, above) * Math.max(a.size, b.size);
  const joins = (upper: Line, lower: Line, added: Line, above?: readonly Line[]) =>
    headingLike(added) && near(upper, lower, above) && stacksOn(upper, lower, added);
  // The line below and, where it goes on at once, the next: a rule that runs beside the first (（H26） under 現状, set a
  // little higher) may be a group's over the second (実績値 over H27 | H28 …).
  const lowerLines = (k: number) => {
    const next = lines[k + 1];
    return next && headingLike(next) && near(lines[k]!, next) ? [lines[k]!, next] : [lines[k]!];
  };
  let [top, bottom] = [i, i];
  for (;;) {
    const window = lines.slice(top, bottom + 1);
    const [left, right] = [Math.min(...window.map((l) => l.x)), Math.max(...window.map((l) => l.right))];
    const up = lines[top - 1];
    const down = lines[bottom + 1];
    if (
      top - 1 >= from &&
      up &&
      !wrappedTail(lines, top - 1) &&
      joins(up, lines[top]!, up) &&
      !closedBetween(up, lines[top]!, horizontal, left, right, [up], window)
    )
      top--;
    else if (
      down &&
      joins(lines[bottom]!, down, down, window) &&
      !opensGroupLabel(lines, bottom + 1, window) &&
      !closedBetween(lines[bottom]!, down, horizontal, left, right, window, lowerLines(bottom + 1))
    )
      bottom++;
    else return [top, bottom];
  }
}

/**
 * The lines with a group's two characters spread over its cells joined (実　…　績 over H27 … R1: a
 * distributed cell leaves a pair far apart, no rule beside them to tell them one text, and each alone
 * is no heading). The pair is alone on its line, a heading word together, with headings between them
 * on the line under it; and neither character with the heading right under it makes a heading
 * wrapped in a narrow cell (番 over 号, 評 over 価). The line under it is the first to reach
 * between them: the cells beside the group, two rows tall, set their headings centred between the
 * group's line and its cells' (基準値 | 目標値 a line under 実 … 績, over nothing of theirs).
 */
function withSpreadPairsJoined(lines: readonly Line[]): Line[] {
  return lines.map((line, k) => {
    const pair = line.phrases;
    if (pair.length !== 2 || !pair.every((p) => isJapaneseCharacter(p.text.trim()))) return line;
    const [a, b] = pair as [Phrase, Phrase];
    const below = lines.slice(k + 1).find((l) => l.phrases.some((q) => q.right > a.x && q.x < b.right));
    if (below === undefined) return line;
    const text = a.text.trim() + b.text.trim();
    if (b.x - a.right < SPREAD_PAIR_GAP_EM * a.size || headingWord(text) === null) return line;
    // The group's cells may stand a line lower than the next line's headings beside them (実 … 績 over 2021年度 …
    // 2025年度, centred in a taller row than 2020年度 over 現状値 beside it): the first line with text under the pair.
    const under = (l: Line) => l.phrases.filter((q) => q.x >= a.x - a.size && q.right <= b.right + a.size);
    const cells = lines.slice(k + 1).find((l) => under(l).length > 0);
    if (cells === undefined || cells.top - line.bottom > GROUP_ROW_GAP_EM * line.size) return line;
    if (under(cells).filter((q) => isHeadingWord(q.text)).length < 2) return line;
    const wrappedOver = (p: Phrase) =>
      below.phrases.some((q) => Math.min(q.right, p.right) > Math.max(q.x, p.x) && isHeadingWord(p.text.trim() + q.text.trim()));
    if (wrappedOver(a) || wrappedOver(b)) return line;
    return makeLine([{ ...a, text, right: b.right, parts: [{ text, x: a.x, right: b.right }] }]);
  });
}
/** A group's pair spread over cells stands this many em apart at least; a heading's characters set apart in one cell, nearer. */
const SPREAD_PAIR_GAP_EM = 3;

/** Every KPI table header on a page, top to bottom. */
export function findTableHeads(unjoined: readonly Line[], vertical: readonly Rule[], horizontal: readonly Rule[]): TableHead[] {
  const lines = withSpreadPairsJoined(unjoined);
  const heads: TableHead[] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i < from || !headingLike(lines[i]!) || !lines[i]!.phrases.some((p) => isHeadingWord(p.text)) || wrappedTail(lines, i)) continue;
    const [above, bottom] = headerWindow(lines, i, from, horizontal);
    // A line taken in from above that spoils the headings (a count table's label wrapped onto its
    // last line, 整備, right over the header) is left out: the header starts at its own line.
    const top = [above, i].find((t) => namesKpiColumns(lines.slice(t, bottom + 1)));
    if (top === undefined) continue;
    const window = lines.slice(top, bottom + 1);
    heads.push(headOf(window, vertical, horizontal));
    from = bottom + 1;
    i = bottom;
  }
  return heads;
}

function middle(p: { x: number; right: number }): number {
  return (p.x + p.right) / 2;
}

/**
 * The x of vertical rules crossing a y, sorted, one per place: from the last rule at or before
 * `left` to the first at or after `right` (the table's outer rules around its text).
 */
function rulesAt(vertical: readonly Rule[], y: number, left: number, right: number): number[] {
  const sorted = vertical
    .filter((r) => r.from <= y + RULE_TOLERANCE && r.to >= y - RULE_TOLERANCE)
    .map((r) => r.at)
    .sort((a, b) => a - b);
  const xs = sorted.filter((x, k) => k === 0 || x - sorted[k - 1]! > RULE_TOLERANCE);
  const lo = Math.max(...xs.filter((x) => x <= left + RULE_TOLERANCE), -Infinity);
  const hi = Math.min(...xs.filter((x) => x >= right - RULE_TOLERANCE), Infinity);
  return xs.filter((x) => x >= lo && x <= hi);
}

/**
 * Whether a ruled header is set over two rows: a rule runs inside it under some column though
 * none spans it (基準値 over （H26） in a cell of its own, the one-row headings centred between).
 */
function ruledInTwoRows(window: readonly Line[], columns: readonly HeaderColumn[], horizontal: readonly Rule[]): boolean {
  const top = Math.min(...window.map((l) => l.top));
  const bottom = Math.max(...window.map((l) => l.bottom));
  return horizontal.some(
    (r) =>
      r.at > top + RULE_TOLERANCE && r.at < bottom - RULE_TOLERANCE && columns.some((c) => r.from <= (c.left + c.right) / 2 && r.to >= (c.left + c.right) / 2),
  );
}

/** Lines of one cell are at most this far apart (em, baseline to baseline); farther, they stand in two rows. */
const CELL_LINE_PITCH_EM = 1.6;

/**
 * Steps (em) agreeing within this are one line pitch: a cell's lines are set at the font's line
 * height exactly, where a row's height adds its padding (Writer sets Noto's lines 1.72 em apart in a
 * cell, its one-line rows 1.67 em apart).
 */
const SAME_LINE_PITCH_EM = 0.02;

/**
 * The steps (em, baseline to baseline) between the lines of each column's heading. A line ending
 * inside brackets goes on wrapped in its cell (目標値（令和7年 | 度）), however loose the pitch: no step.
 */
function headingSteps(window: readonly Line[], columns: readonly HeaderColumn[]): number[] {
  const phrases = window.flatMap((l) => l.phrases);
  return columns.flatMap((c) => {
    const own = phrases
      .filter((p) => p.x >= c.headingLeft - RULE_TOLERANCE && p.right <= c.headingRight + RULE_TOLERANCE)
      .sort((a, b) => a.baseline - b.baseline);
    return own.flatMap((p, k) => {
      const above = own[k - 1];
      return above && bracketsClosed(above.text) && p.baseline > above.baseline ? [(p.baseline - above.baseline) / Math.max(p.size, above.size)] : [];
    });
  });
}

/**
 * Whether a header without rules is set over two rows: a column's heading stands in lines farther
 * apart than a cell's lines are (現状 in a spreadsheet's upper row, H26 in the one under it).
 */
function spacedInTwoRows(window: readonly Line[], columns: readonly HeaderColumn[], pitchEm = CELL_LINE_PITCH_EM): boolean {
  return headingSteps(window, columns).some((step) => step > pitchEm);
}

/**
 * The header rows of a head, told again with the pitch (em) of a cell's lines that the table's body
 * shows: in a header without rules, a heading's lines farther apart than a cell's stand in two rows
 * though closer than CELL_LINE_PITCH_EM (Chromium sets 令和2年度 over 現状 1.6 em apart in the rows
 * of a header, a wrapped name's lines 1.2 em apart in a cell). Where no cell wraps, as found.
 * `wrapped` is the pitch of lines sure to be one cell's (a count table's label wrapped under its
 * first line, not a step that may be a row's): a heading's lines set farther apart than
 * CELL_LINE_PITCH_EM but at that very pitch are one cell's too (Writer's 現状値 over （R1）).
 */
export function headerRowsAtPitch(head: TableHead, pitch: number | null, wrapped: number | null = null, rowStep: number | null = null): number {
  if (head.ruled) return head.rows;
  if (head.spaced && wrapped !== null) {
    const apart = headingSteps(head.lines, head.columns).filter((step) => step > CELL_LINE_PITCH_EM);
    if (apart.every((step) => Math.abs(step - wrapped) <= SAME_LINE_PITCH_EM)) return 1;
  }
  if (head.rows > 1) return head.rows;
  // Where nothing shows the pitch, the body's rows of one line bound it too: a heading's lines farther
  // apart than two such rows stand in two rows (基準値 over （R2） 1.52 em apart, rows 1.45 em).
  const bounds = [pitch === null ? null : pitch + PITCH_TOLERANCE_EM, rowStep === null ? null : rowStep + SAME_ROW_STEP_EM];
  const bound = Math.min(...bounds.filter((b): b is number => b !== null));
  return Number.isFinite(bound) ? (spacedInTwoRows(head.lines, head.columns, bound) ? 2 : 1) : head.rows;
}

/** A heading's step (em) this far past the body's least row step is past it for certain. */
const SAME_ROW_STEP_EM = 0.05;

function headOf(window: Line[], vertical: readonly Rule[], horizontal: readonly Rule[]): TableHead {
  const top = Math.min(...window.map((l) => l.top));
  const bottom = Math.max(...window.map((l) => l.bottom));
  const last = window.at(-1)!;
  const phrases = window.flatMap((l) => l.phrases);
  const left = Math.min(...phrases.map((p) => p.x));
  const right = Math.max(...phrases.map((p) => p.right));
  const bounds = rulesAt(vertical, (last.top + last.bottom) / 2, left, right);
  const ruled = bounds.length >= 3 && bounds[0]! <= left + RULE_TOLERANCE && bounds.at(-1)! >= right - RULE_TOLERANCE;
  const columns = ruled ? ruledColumns(window, bounds, vertical) : stackedColumns(window, horizontal);
  const told = columns.some((c) => c.group) || ruledInTwoRows(window, columns, horizontal);
  const spaced = !told && !ruled && spacedInTwoRows(window, columns);
  return { columns, lines: window, top, bottom, rows: told || spaced ? 2 : 1, ruled, ...(spaced ? { spaced: true as const } : {}) };
}

/** The padding (em) a cell keeps between its text and its rules, at least, where a heading wraps. */
const HEADING_PADDING_EM = 0.3;
const OPENING = /[(（「『【〔〈《]/u;

/** The first piece a printer could move to the next line: a character, with what may not part from it (度）, （2014, （KPI）: a Latin word is never broken). */
function firstUnit(text: string): string {
  const chars = [...text];
  let n = OPENING.test(chars[0] ?? '') ? 2 : 1;
  while (n < chars.length && (CANNOT_START.test(chars[n]!) || (/[\dA-Za-z]/.test(chars[n]!) && /[\dA-Za-z]/.test(chars[n - 1]!)))) n++;
  return chars.slice(0, n).join('');
}

/** Whether every bracket a text opens it closes. */
function bracketsClosed(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (OPENING.test(c)) depth++;
    else if (/[)）」』】〕〉》]/u.test(c)) depth--;
  }
  return depth === 0;
}

/** A text's width in ems, a Latin letter or digit half of a Japanese character. */
const emsOf = (text: string) => [...text].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);

/**
 * A heading's text from its phrases: lines by baseline, phrases of a line by their gaps. Lines are
 * joined by a line break, but where the cell's `width` is known and the next line's first piece
 * would not have fitted after the line, the printer wrapped it: joined as one (現状値（平成26年 | 度）).
 */
function headingText(phrases: readonly Phrase[], width?: number): string {
  const lines: Phrase[][] = [];
  for (const p of [...phrases].sort((a, b) => a.baseline - b.baseline || a.x - b.x)) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.baseline - p.baseline) <= 0.3 * p.size) line.push(p);
    else lines.push([p]);
  }
  // A heading word and its year on lines of their own (基準値 | （R2）, 平成30年度 | 現在値) were parted on purpose; a
  // word's gloss in brackets under it (重要業績評価指標 | （KPI）) tells nothing a printer's wrap would not, so the width decides.
  const whole = (text: string) => bracketsClosed(text) && (headingWord(text) !== null || yearOfHeading(text) !== null);
  const parted = (upper: string, lower: string) => whole(upper) && whole(lower) && (yearOfHeading(upper) !== null || yearOfHeading(lower) !== null);
  const wrapped = (line: Phrase[], next: Phrase[]) => {
    // Nobody types a break inside brackets (目標値（令和7年 | 度）): the printer wrapped the heading, wherever its cell's edge is.
    if (!bracketsClosed(joinPhrases(line))) return true;
    if (width === undefined || parted(joinPhrases(line), joinPhrases(next))) return false;
    const first = [...next].sort((a, b) => a.x - b.x)[0]!;
    const unit = firstUnit(first.text);
    const unitWidth = ((first.right - first.x) * emsOf(unit)) / emsOf(first.text);
    const lineWidth = Math.max(...line.map((p) => p.right)) - Math.min(...line.map((p) => p.x));
    return lineWidth + unitWidth > width - 2 * HEADING_PADDING_EM * first.size;
  };
  return lines.map((line, k) => (k > 0 && !wrapped(lines[k - 1]!, line) ? '\n' : '') + joinPhrases(line)).join('');
}

/**
 * Columns between the vertical rules across the header's last line; each heading phrase spans
 * the columns between the rules across its own line on either side (a spanning cell is crossed by
 * none of its columns' rules).
 */
function ruledColumns(window: readonly Line[], bounds: readonly number[], vertical: readonly Rule[]): HeaderColumn[] {
  const slots = bounds.slice(1).flatMap((x, k) => (x - bounds[k]! >= MIN_COLUMN_WIDTH ? [{ left: bounds[k]!, right: x }] : []));
  const own = slots.map(() => [] as Phrase[]);
  const groups: { span: number[]; phrases: Phrase[] }[] = [];
  for (const line of window) {
    const at = rulesAt(vertical, (line.top + line.bottom) / 2, bounds[0]!, bounds.at(-1)!);
    for (const p of line.phrases) {
      const from = Math.max(...at.filter((x) => x <= middle(p) + RULE_TOLERANCE), bounds[0]!);
      const to = Math.min(...at.filter((x) => x >= middle(p) - RULE_TOLERANCE), bounds.at(-1)!);
      const span = slots.map((s, k) => ((s.left + s.right) / 2 > from && (s.left + s.right) / 2 < to ? k : -1)).filter((k) => k >= 0);
      if (span.length === 1) own[span[0]!]!.push(p);
      else if (span.length > 1) {
        const group = groups.find((g) => g.span.join() === span.join());
        if (group) group.phrases.push(p);
        else groups.push({ span, phrases: [p] });
      }
    }
  }
  // A cell spanning columns with no headings of their own under it is one heading over a column printed in several cells.
  return slots.map((s, k) => {
    const group = groups.find((g) => g.span.includes(k));
    const mine = own[k]!;
    const text = mine.length > 0 ? headingText(mine, s.right - s.left) : headingText(group?.phrases ?? []);
    const extent = mine.length > 0 ? mine : (group?.phrases ?? []);
    return {
      ...s,
      heading: text,
      ...(group && mine.length > 0 ? { group: headingText(group.phrases) } : {}),
      headingLeft: Math.min(...extent.map((p) => p.x), s.right),
      headingRight: Math.max(...extent.map((p) => p.right), s.left),
    };
  });
}

/** Horizontal rules at one y whose segments meet (cells' borders drawn apart) as one rule. */
function joinedRules(rules: readonly Rule[]): Rule[] {
  const joined: Rule[] = [];
  for (const r of [...rules].sort((a, b) => a.at - b.at || a.from - b.from)) {
    const last = joined.at(-1);
    if (last && Math.abs(last.at - r.at) <= RULES_MEET && r.from <= last.to + RULES_MEET) last.to = Math.max(last.to, r.to);
    else joined.push({ ...r });
  }
  return joined;
}

/** 現在値: the value of the year reported, whatever else the header prints (roles.ts). */
const CURRENT_VALUE = /現在値/;

/**
 * The headings of a header that head its baseline: a baseline's word (基準値, 策定時), or 現状値
 * where the header prints 現在値, or 実績 and no baseline word (layouts.md §5.1, as roles.ts'
 * currentRole reads them with the body's cells).
 */
function baselineHeadings(headings: readonly string[]): Set<string> {
  const words = headings.map((h) => headingWord(h));
  const hasCurrentValue = headings.some((h) => CURRENT_VALUE.test(plainHeading(h)));
  return new Set(
    headings.filter((h, k) => {
      if (words[k] === 'baseline') return true;
      if (words[k] !== 'current' || CURRENT_VALUE.test(plainHeading(h))) return false;
      return hasCurrentValue || (!words.includes('baseline') && words.includes('actual'));
    }),
  );
}

/** Segments of a rule this close (points) in y and end to start are one. */
const RULES_MEET = 1;

/** A heading set flush left starts this close (points) to the first heading under it: both at their cells' left side. */
const FLUSH_LEFT = 0.3;

/** A sub-cell stands at least this share of the way from its group's line down to the header's last line. */
const SUB_CELL_DEPTH = 0.6;

/**
 * Columns of a header without vertical rules: each stack of heading text (a wrapped cell) a
 * column, parted in the middle of each gap. A cell above the header's last line is a group over
 * the run of cells around it that stand on the last line alone (実績 over R3 | R4 | R5): cells
 * spanning the header's rows (centred between them, or wrapped over them) bound the run.
 */
/** A year this close (em) after a heading word on its line is the heading's year (現状 2014年度), not a column's heading. */
const YEAR_AFTER_WORD_EM = 1;

/** The room a typed space takes before a phrase whose text begins with one (` H26` after 現状値): about half an em. */
const typedSpace = (p: Phrase) => (/^\s/.test(p.parts[0]?.text ?? '') ? 0.5 * p.size : 0);

/** Heading cells, a year set just after a word on its line joined to that word's cell. */
function cellsWithYears(window: readonly Line[]): ReturnType<typeof headingCells> {
  const cells = headingCells(window.map(yearsApart)).sort((a, b) => a.x - b.x);
  return cells.filter((c) => {
    if (c.members.length !== 1 || !bareYear(c.text)) return true;
    const year = c.members[0]!;
    const word = cells.find((w) => {
      const last = w.members.find((m) => Math.abs(m.baseline - year.baseline) <= 0.3 * m.size);
      return (
        w !== c &&
        last !== undefined &&
        year.x >= last.right &&
        year.x - last.right - typedSpace(year) < YEAR_AFTER_WORD_EM * year.size &&
        !bareYear(last.text) &&
        headingWord(last.text) !== null &&
        // A heading that names its year already (現状値（令和元年度）, R2現状値) takes no other: the year
        // beside it heads a column of its own (令和2年度, R4実績値, which reads as a year of a series too).
        yearOfHeading(headingText(w.members)) === null
      );
    });
    if (!word) return true;
    word.members.push(year);
    word.text = headingText(word.members);
    word.right = Math.max(word.right, year.right);
    return false;
  });
}

/** The shortest rule under a heading (its last line at `bottom`) and above `below`, across the heading: a merged cell's border. */
function borderUnder(heading: { x: number; right: number; size: number }, bottom: number, below: number, horizontal: readonly Rule[]): Rule | undefined {
  return joinedRules(horizontal)
    .filter((r) => r.at > bottom && r.at < below - 0.5 * heading.size && r.from <= heading.x + heading.size && r.to >= heading.right - heading.size)
    .sort((a, b) => a.to - a.from - (b.to - b.from))[0];
}

function stackedColumns(window: readonly Line[], horizontal: readonly Rule[] = []): HeaderColumn[] {
  const lastBaseline = window.at(-1)!.baseline;
  const onLastLine = (c: { members: Phrase[] }) => c.members.every((m) => Math.abs(m.baseline - lastBaseline) <= 0.3 * m.size);
  const stacked = cellsWithYears(window).sort((a, b) => middle(a) - middle(b));
  // A group centred over an odd number of cells stacks with the middle one (実績値 over R1): a
  // stack whose neighbours stand on the last line alone is a group over them, and is parted.
  // A stack parted as a group over its neighbours, kept whole again where it heads no group.
  const splitFrom = new Map<(typeof stacked)[number], { cell: (typeof stacked)[number]; rest: (typeof stacked)[number] }>();
  const cells = stacked.flatMap((c, k) => {
    const [top, ...rest] = [...c.members].sort((a, b) => a.baseline - b.baseline);
    // A line in brackets under a heading is its own wrapped tail (現状値 over （H26）), never a cell under a group.
    const bracketed = /^[(（［[]/.test(rest[0]?.text.trim() ?? '');
    // Nor is the rest of a heading wrapped inside its brackets (目標（令和7年 over 度）): nobody types a break there.
    if (rest.length === 0 || onLastLine({ members: [top!] }) || !onLastLine({ members: rest }) || bracketed || !bracketsClosed(top!.text)) return [c];
    const neighbours = [stacked[k - 1], stacked[k + 1]].filter((n) => n !== undefined);
    const overOdd = neighbours.length === 2 && neighbours.every(onLastLine);
    // Or over an even number (令和4年度 over 実績値 | 進捗): centred nearer the pair's middle than its own cell's.
    const restMiddle = (Math.min(...rest.map((m) => m.x)) + Math.max(...rest.map((m) => m.right))) / 2;
    const topMiddle = (top!.x + top!.right) / 2;
    const besideAt = topMiddle > restMiddle ? k + 1 : k - 1;
    const beside = stacked[besideAt];
    // A group's heading stands inside the pair's span, narrower than its cells (a title above runs
    // their width or more). The cells reach halfway to the headings beside the pair: two short
    // headings in wide cells (実績 | 評価 under 平成30年度) span far less than their cells.
    const [outerLeft, outerRight] = [stacked[Math.min(k, besideAt) - 1], stacked[Math.max(k, besideAt) + 1]];
    const within = (from: number, to: number) => {
      const cellsFrom = outerLeft ? Math.min(from, (outerLeft.right + from) / 2) : from;
      const cellsTo = outerRight ? Math.max(to, (to + outerRight.x) / 2) : to;
      return top!.x >= from - top!.size && top!.right <= to + top!.size && top!.right - top!.x <= GROUP_OVER_PAIR_WIDTH * (cellsTo - cellsFrom);
    };
    const overPair =
      beside !== undefined &&
      onLastLine(beside) &&
      within(Math.min(beside.x, ...rest.map((m) => m.x)), Math.max(beside.right, ...rest.map((m) => m.right))) &&
      Math.abs(topMiddle - (restMiddle + middle(beside)) / 2) < Math.abs(topMiddle - restMiddle);
    // Or set flush left over the years after it (実績値 over 平成27年度 | 平成28年度 …: Writer's headings start at their cells' left side).
    const next = stacked[k + 1];
    const flushOver =
      Math.abs(top!.x - Math.min(...rest.map((m) => m.x))) <= FLUSH_LEFT &&
      !bareYear(top!.text) &&
      rest.every((m) => bareYear(m.text)) &&
      next !== undefined &&
      onLastLine(next) &&
      bareYear(headingText(next.members));
    // Or set anywhere in its merged cell (Calc's distributed single token at the cell's left: H29 over
    // 実績値 | 判定), a border under it alone spanning a neighbour on the last line and no heading beside.
    const border = borderUnder(top!, top!.baseline, Math.min(...rest.map((m) => m.baseline)), horizontal);
    const under = (n: (typeof stacked)[number]) => border !== undefined && middle(n) > border.from && middle(n) < border.to;
    const overBorder = neighbours.some((n) => onLastLine(n) && under(n)) && !neighbours.some((n) => !onLastLine(n) && under(n));
    // Or letter-spaced from the pair's left edge to its right one (令　和　7　年　度 over 実績 | 判定), as wide as their cells.
    const pairEnds = beside && [Math.min(beside.x, ...rest.map((m) => m.x)), Math.max(beside.right, ...rest.map((m) => m.right))];
    const spreadOverPair =
      pairEnds !== undefined &&
      onLastLine(beside!) &&
      spreadOver(top!) &&
      Math.abs(top!.x - pairEnds[0]!) <= top!.size &&
      Math.abs(top!.right - pairEnds[1]!) <= top!.size;
    if (!overOdd && !overPair && !flushOver && !overBorder && !spreadOverPair) return [c];
    const part = (members: Phrase[]) => ({
      ...members[0]!,
      text: joinWrapped(members.map((m) => m.text)),
      x: Math.min(...members.map((m) => m.x)),
      right: Math.max(...members.map((m) => m.right)),
      members,
    });
    const parts = [part([top!]), part(rest)] as const;
    splitFrom.set(parts[0], { cell: c, rest: parts[1] });
    return parts;
  });
  // In their places again: a group spread over its cells (実　績　値 over R2 … R6, Calc's distributed cells and
  // Chromium's justification) stacked with the first of them, not the middle one: parted, that cell goes back to its place.
  cells.sort((a, b) => middle(a) - middle(b));
  const topOf = (c: (typeof cells)[number]) => Math.min(...c.members.map((m) => m.baseline));
  const bottomOf = (c: (typeof cells)[number]) => Math.max(...c.members.map((m) => m.baseline));
  const baselines = baselineHeadings(cells.map((c) => headingText(c.members)));
  const groupOf = new Map<(typeof cells)[number], string>();
  const groups = new Set<(typeof cells)[number]>();
  for (const g of cells) {
    // A group stands on the header's first line (a cell centred between the rows spans them instead).
    if (bottomOf(g) >= lastBaseline - 0.3 * g.size || topOf(g) > window[0]!.baseline + 0.3 * g.size) continue;
    // A group over years (実績 over H27 | H28 | …) spans the years alone, not the headings beside them.
    const others0 = cells.filter((c) => c !== g && !groups.has(c));
    const under = others0.reduce<(typeof cells)[number] | undefined>(
      (best, c) => (!best || Math.abs(middle(c) - middle(g)) < Math.abs(middle(best) - middle(g)) ? c : best),
      undefined,
    );
    const yearsOnly = under !== undefined && bareYear(headingText(under.members));
    // A year's group (令和6年度 over 実績 | 判定) heads no cell that prints another year (策定時（令和2年度）).
    const groupYear = bareYear(headingText(g.members)) ? yearOfHeading(headingText(g.members)) : null;
    const ownYear = (c: (typeof cells)[number]) => yearOfHeading(headingText(c.members));
    // A cell parted from the heading over it (初期値 over H26, parted as a group over its
    // neighbours) is that heading's, however centred another group stands (実績値 over H26 … R1
    // as well as over H27 … R1): it joins it again where that heading heads no group.
    // Nor the baseline's (策定時, 現状値 beside 実績): the value the plan set out from is never of the
    // year reported, though a group centred over 実績 | 判定 stands centred over 現状値 … 目標値 around them too.
    const baselineCell = (c: (typeof cells)[number]) => baselines.has(headingText(c.members));
    const partedFromOther = (c: (typeof cells)[number]) => [...splitFrom].some(([top, split]) => split.rest === c && top !== g);
    const isSub = (c: (typeof cells)[number]) =>
      c !== g &&
      (groupYear === null || !baselineCell(c)) &&
      !groups.has(c) &&
      !groupOf.has(c) &&
      !partedFromOther(c) &&
      (!yearsOnly || bareYear(headingText(c.members))) &&
      (groupYear === null || ownYear(c) === null || ownYear(c) === groupYear) &&
      Math.abs(bottomOf(c) - lastBaseline) <= 0.3 * c.size &&
      topOf(c) - bottomOf(g) >= SUB_CELL_DEPTH * (lastBaseline - bottomOf(g));
    const others = cells.filter((c) => c !== g && !groups.has(c));
    const at = others.findIndex((c) => middle(c) >= middle(g));
    let [from, to] = [at < 0 ? others.length : at, at < 0 ? others.length - 1 : at - 1];
    while (from - 1 >= 0 && isSub(others[from - 1]!)) from--;
    while (to + 1 < others.length && isSub(others[to + 1]!)) to++;
    // A rule under the group's cell alone (a spreadsheet's border below a merged cell) bounds it.
    const border = borderUnder(g, bottomOf(g), lastBaseline, horizontal);
    const run = others.slice(from, to + 1).filter((c) => !border || (middle(c) > border.from && middle(c) < border.to));
    if (run.length < 2 || !run.every(isSub)) continue;
    // A group is centred over its cells (策定時 over （R2） beside 実績の推移's years is a heading of
    // its own): the longest run of two cells or more under it whose middle it stands within half a
    // cell of (令和6年度 over 実績値 | 判定, not over every heading of the line; 目標値 over the last
    // of six year cells heads that one alone).
    const span = (i: number, j: number) => ({
      i,
      j,
      off: Math.abs(middle(g) - (run[i]!.x + run[j]!.right) / 2),
      width: (run[j]!.right - run[i]!.x) / (j - i + 1),
    });
    const spans = run.flatMap((_, i) => run.slice(i + 1).map((__, d) => span(i, i + 1 + d))).filter((s) => run[s.i]!.x <= g.right && run[s.j]!.right >= g.x);
    // Or set flush left: over the cells from the one it starts at (実績値 over 平成27年度 … 令和元年度, the years the run holds).
    const flushFrom = run.findIndex((c) => Math.abs(c.x - g.x) <= FLUSH_LEFT);
    const flush = flushFrom >= 0 && flushFrom < run.length - 1 ? span(flushFrom, run.length - 1) : undefined;
    // A heading spread over its merged cell (distributed: 実　　績　　値) fills it: its cells are those under
    // its extent, however their own headings are set in them (Calc sets R2 … R6 at their cells' left).
    const spread = g.members.length === 1 && spreadOver(g.members[0]!);
    const within = run.flatMap((c, i) => (c.x >= g.x - g.size && c.right <= g.right + g.size ? [i] : []));
    // Over one cell alone it is that cell's first line (Calc's 基　準　値 over R2 in one cell, R3 beside it under no group).
    if (spread && within.length < 2) continue;
    const filled = spread && within.length >= 2 && within.at(-1)! - within[0]! === within.length - 1 ? span(within[0]!, within.at(-1)!) : undefined;
    const centred = filled ?? spans.filter((c) => c.off <= c.width / 2).sort((a, b) => b.j - b.i - (a.j - a.i) || a.off - b.off)[0];
    // Centred over none, it spans the cells over its border wherever in its cell it is set (Calc's distributed
    // single token at the cell's left: H29 over 実績値 | 判定).
    const best = centred ?? flush ?? (border !== undefined && run.length >= 2 ? span(0, run.length - 1) : undefined);
    if (!best) continue;
    // A year centred on one cell rather than on a run (2025年度 over 目標値 beside 自己評価 | 主担当課) is that cell's:
    // it stands over that heading, as a cell's two lines do. One clear of every heading it is near
    // stands over the cells' blank (R8 over a wide 実績's cell and a narrow 評価's, centred on neither).
    const over = (c: (typeof cells)[number]) => Math.min(c.right, g.right) > Math.max(c.x, g.x);
    if (centred && groupYear !== null && under !== undefined && over(under) && Math.abs(middle(under) - middle(g)) < best.off) continue;
    const subs = run.slice(best.i, best.j + 1);
    groups.add(g);
    for (const c of subs) groupOf.set(c, headingText(g.members));
  }
  const leaves = cells
    .filter((c) => !groups.has(c))
    .flatMap((c) => {
      const split = splitFrom.get(c);
      if (split) return groupOf.has(split.rest) ? [c] : [split.cell];
      return [...splitFrom.values()].some((s) => s.rest === c && !groupOf.has(c)) ? [] : [c];
    });
  return leaves.map((cell, k) => {
    const previous = leaves[k - 1];
    const next = leaves[k + 1];
    const group = groupOf.get(cell);
    return {
      left: previous ? (previous.right + cell.x) / 2 : -Infinity,
      right: next ? (cell.right + next.x) / 2 : Infinity,
      heading: headingText(cell.members),
      ...(group ? { group } : {}),
      headingLeft: cell.x,
      headingRight: cell.right,
    };
  });
}
