import type { Rule } from './pdf.js';
import { type Line, type Phrase, SPACE_GAP_EM, emWidth, japaneseCharacters, joinWrapped, makeLine, sameSize, textEmWidth } from './layout.js';
import { CUMULATIVE_WORDS, withoutQualifiers } from '../notation/numbers.js';
import { readBanner } from './hierarchy.js';

/**
 * Table reconstruction: columns from the header's labels (and vertical rules where drawn), rows
 * from horizontal rules where drawn and from text alignment where not. Pure.
 */

/** A column a table reader expects, known by the words of its heading. */
export interface ColumnSpec {
  key: string;
  label: RegExp;
  /** Numbers and marks: a phrase belongs here by where most of it lies, not where it starts. */
  values?: boolean;
  /**
   * Whether a cell's text is whole (a value, a mark). A column that has this holds one such
   * value per row, which is how rows are told apart where cells wrap (see rows.ts).
   */
  complete?: (text: string) => boolean;
}

export interface Column {
  key: string;
  left: number;
  right: number;
  values: boolean;
  /** The heading text as printed. */
  heading: string;
  /** The middle of the heading. */
  anchor: number;
  /** The heading's extent: a column holds its heading, so no boundary falls inside it. */
  headingLeft: number;
  headingRight: number;
  /** True where a vertical rule gives the left edge. */
  ruled: boolean;
  /** Where the column's text starts, where the body shows a left alignment edge (refineColumns). */
  edge?: number;
  /** How far (points) from `edge` a run may start and start the column's cell: EDGE_MATCH unless told. */
  edgeReach?: number;
  complete?: (text: string) => boolean;
}

export interface TableHeader {
  columns: Column[];
  lines: Line[];
  top: number;
  bottom: number;
}

/** Header lines are at most this far apart (in em) to be one header. */
export const HEADER_LINE_GAP_EM = 1.8;
/** How close (points) a rule must be to count as the same y or x. */
const RULE_TOLERANCE = 1.5;

/** Second lines of headings such as `(b-a)/(c-a)` or a lone `a`. */
const HEADING_ODDMENTS = /^[\sa-cａ-ｃ()（）\-－/／]+$/i;

/**
 * Whether a line holds a heading of the column, or the first line of one that wraps (`重点戦`
 * over `略`: at least two characters that begin the heading's first spelling).
 */
export function hasLabel(line: Line, spec: ColumnSpec): boolean {
  return line.phrases.some((p) => isLabel(p, spec));
}

/**
 * The first spelling of each label (`重点戦略` of /^重点戦略$|…/, `目標達成` of /^目 ?標 ?達 ?成|…/),
 * read once: every line of every page asks.
 */
const firstSpellings = new WeakMap<RegExp, string>();

function firstSpelling(spec: ColumnSpec): string {
  let first = firstSpellings.get(spec.label);
  if (first === undefined) {
    first = spec.label.source.split('|')[0]!.replace(/[\^$]| \?/g, '');
    firstSpellings.set(spec.label, first);
  }
  return first;
}

/**
 * Whether a cell's text opens with its column's heading and more (■施策① 健康づくりの推進 under
 * ■施策, 基本施策1 観光 under 基本施策): a grouping column's cells print their level's label.
 */
function opensWithHeading(text: string, heading: string): boolean {
  const [own, label] = [text.replace(/\s/g, ''), heading.replace(/\s/g, '')];
  return [...label].length >= 2 && own.length > label.length && own.startsWith(label);
}

/** Whether text begins a heading: two characters or more that begin its first spelling (`重点戦`). */
function beginsLabel(text: string, spec: ColumnSpec): boolean {
  // The prefix test first: it fails at once for almost every phrase of a page.
  return firstSpelling(spec).startsWith(text) && [...text].length >= 2;
}

/**
 * Whether text is a piece of a heading not yet whole: a narrow cell wraps its heading over
 * several lines (`戦` / `略` / `方` / `針`), set at the top or the bottom of the header row, so a
 * line of the header may hold its middle alone.
 */
function withinLabel(text: string, spec: ColumnSpec): boolean {
  return text.trim() !== '' && firstSpelling(spec).includes(text);
}

function isLabel(p: Phrase, spec: ColumnSpec): boolean {
  return spec.label.test(p.text) || beginsLabel(p.text, spec);
}

/**
 * A heading cell's text as one phrase: phrases of one size stacked on consecutive lines with
 * overlapping extents (`重点戦` over `略`) are joined; a page header of another size is not.
 */
export function headingCells(lines: readonly Line[]): (Phrase & { members: Phrase[] })[] {
  const cells: (Phrase & { line: number; members: Phrase[] })[] = [];
  lines.forEach((line, k) => {
    for (const p of line.phrases) {
      const above = cells.findLast(
        (c) => c.line < k && sameSize(c.size, p.size) && Math.min(c.right, p.right) - Math.max(c.x, p.x) >= 0.5 * Math.min(c.right - c.x, p.right - p.x),
      );
      if (above) {
        above.text = joinWrapped([above.text, p.text]);
        above.x = Math.min(above.x, p.x);
        above.right = Math.max(above.right, p.right);
        above.line = k;
        above.members.push(p);
      } else {
        cells.push({ ...p, line: k, members: [p] });
      }
    }
  });
  return cells;
}

/**
 * The heading of a column: a heading cell read whole first (`目標` over `指標` is 目標指標, not
 * the 目標 of the target column), else a phrase of one line.
 */
function phrasesMatching(lines: readonly Line[], spec: ColumnSpec, cells: readonly Phrase[]): Phrase | undefined {
  const whole = cells.find((p) => spec.label.test(p.text));
  if (whole) return whole;
  for (const line of lines) {
    const hit = line.phrases.find((p) => spec.label.test(p.text));
    if (hit) return hit;
  }
  return undefined;
}

/** A whole heading may still take a short tail on the next line (改善 over ↑), never a number. */
const HEADING_TAIL_LENGTH = 3;
/** A year alone (R5, H30年度, 令和2年度, 2023年度) set above a heading that a narrow cell wraps. */
const HEADING_YEAR = /^(?:(?:R|H|令和|平成)\s*(?:\d{1,2}|元)|(?:19|20)\d\d)(?:年度?)?$/;

/**
 * The lines of a header around its line `i`: lines above and below join while each of their
 * phrases makes, with the lines already in, a heading cell that names a column (`令和3年度 主な
 * 取組／今後` over `の方向性`, a cell of two lines centred beside cells of one) or an oddment such
 * as `(b-a)/(c-a)`, and the cells that named columns still do. A rule across the table, a line
 * with numbers or a line that joins nothing ends it.
 */
function headerWindow(
  lines: readonly Line[],
  i: number,
  from: number,
  specs: readonly ColumnSpec[],
  horizontal: readonly Rule[],
  headingLike: (l: Line) => boolean,
): Line[] {
  // The same windows are tried again and again as the window grows: their cells are made once.
  const made = new Map<string, ReturnType<typeof headingCells>>();
  const cellsOf = (ls: readonly Line[]) => {
    const key = `${lines.indexOf(ls[0]!)}:${ls.length}`;
    if (!made.has(key)) made.set(key, headingCells(ls));
    return made.get(key)!;
  };
  const names = (text: string) => specs.some((s) => s.label.test(text));
  const named = (ls: readonly Line[]) => cellsOf(ls).filter((c) => names(c.text)).length;
  const within = (text: string) => specs.some((s) => withinLabel(text, s));
  // Added text must complete a heading not yet whole (重点戦 + 略), or go on with one that a
  // narrow cell wraps over more lines (戦 + 略, then 方, then 針; or 方 over 針, then 略 above),
  // never run on below one that is whole (重点戦略 + 1 is a body line).
  const fits = (window: readonly Line[], ls: readonly Line[], added: readonly Line[]) => {
    const whole = new Set(
      cellsOf(window)
        .filter((c) => names(c.text))
        .flatMap((c) => c.members),
    );
    const cells = cellsOf(ls);
    return added.every((l) =>
      l.phrases.every((p) => {
        const cell = cells.find((c) => c.members.includes(p))!;
        // Above a whole heading a year may stand (R5 over 実績 b in a narrow cell); below, it is a body line's.
        const yearAbove = l.top < window[0]!.top && HEADING_YEAR.test(p.text.normalize('NFKC').trim());
        const runsOn = !yearAbove && cell.members.some((m) => whole.has(m)) && (/\d/.test(p.text) || [...p.text].length > HEADING_TAIL_LENGTH);
        return HEADING_ODDMENTS.test(p.text) || (names(cell.text) && !runsOn) || within(cell.text);
      }),
    );
  };
  const ruled = (upper: Line, lower: Line) => {
    const rules = horizontal.filter((r) => r.at > (upper.top + upper.bottom) / 2 && r.at < (lower.top + lower.bottom) / 2);
    return rules.some((r) => coverage(rules.filter((o) => Math.abs(o.at - r.at) <= RULE_TOLERANCE)) > 0.3 * (lower.right - lower.x));
  };
  let [top, bottom] = [i, i];
  for (;;) {
    const window = lines.slice(top, bottom + 1);
    const above =
      top - 1 >= from &&
      window[0]!.top - lines[top - 1]!.bottom < HEADER_LINE_GAP_EM * lines[top - 1]!.size &&
      headingLike(lines[top - 1]!) &&
      !ruled(lines[top - 1]!, window[0]!)
        ? lines[top - 1]!
        : undefined;
    const below =
      bottom + 1 < lines.length &&
      lines[bottom + 1]!.top - window.at(-1)!.bottom < HEADER_LINE_GAP_EM * lines[bottom + 1]!.size &&
      headingLike(lines[bottom + 1]!) &&
      !ruled(window.at(-1)!, lines[bottom + 1]!)
        ? lines[bottom + 1]!
        : undefined;
    const before = named(window);
    const tries: [number, number, Line[]][] = [];
    if (below) tries.push([top, bottom + 1, [below]]);
    if (above) tries.push([top - 1, bottom, [above]]);
    if (above && below) tries.push([top - 1, bottom + 1, [above, below]]);
    const next = tries.find(([t, b, added]) => {
      const trial = lines.slice(t, b + 1);
      return fits(window, trial, added) && named(trial) >= before;
    });
    if (!next) return window;
    [top, bottom] = [next[0], next[1]];
  }
}

/**
 * Finds a table header: a few adjacent lines that together hold at least `minimum` of the
 * column headings. Returns the columns in left-to-right order with their extents.
 */
export function findHeader(
  lines: readonly Line[],
  specs: readonly ColumnSpec[],
  vertical: readonly Rule[],
  horizontal: readonly Rule[],
  minimum: number,
  from = 0,
): TableHeader | null {
  // A heading line holds no numbers: a data row beside a chart's labels is not a heading. A
  // number that is a heading (a grade printed 7 … 1) is no number here.
  const headingLike = (line: Line) => !line.phrases.some((p) => NUMBER_LIKE.test(p.text.normalize('NFKC')) && !specs.some((s) => s.label.test(p.text)));
  for (let i = from; i < lines.length; i++) {
    if (!specs.some((s) => hasLabel(lines[i]!, s)) || !headingLike(lines[i]!)) continue;
    const window = headerWindow(lines, i, from, specs, horizontal, headingLike);
    const shown = window.map((l) => headingPieces(l, specs));
    const cells = headingCells(shown);
    const found = specs.map((s) => ({ spec: s, phrase: phrasesMatching(shown, s, cells) })).filter((f) => f.phrase);
    if (found.length < minimum) continue;
    const ordered = found.sort((a, b) => center(a.phrase!) - center(b.phrase!));
    const top = Math.min(...window.map((l) => l.top));
    let bottom = Math.max(...window.map((l) => l.bottom));
    // Where a rule closes the header row, the body starts there.
    const below = horizontal.filter((r) => r.at >= bottom - 0.5 && r.at - bottom < 2 * window[0]!.size).sort((a, b) => a.at - b.at)[0];
    if (below) bottom = below.at;
    const bands = vertical
      .filter((r) => r.from <= bottom + RULE_TOLERANCE && r.to >= top - RULE_TOLERANCE)
      .map((r) => r.at)
      .sort((a, b) => a - b);
    const columns: Column[] = ordered.map((f, k) => {
      const phrase = f.phrase!;
      const previous = ordered[k - 1]?.phrase;
      const next = ordered[k + 1]?.phrase;
      const left = previous ? boundary(previous, phrase, bands) : -Infinity;
      // The last column ends at the table's outer rule where one is drawn: text beside the
      // table (a chart's labels) is not in it.
      const outer = bands.filter((x) => x > phrase.right).sort((a, b) => a - b);
      const right = next ? boundary(phrase, next, bands) : outer.length > 0 ? outer.at(-1)! + RULE_TOLERANCE : Infinity;
      const ruled = !!previous && bands.some((x) => Math.abs(x - left) < 0.01);
      return {
        key: f.spec.key,
        left,
        right,
        values: !!f.spec.values,
        heading: phrase.text,
        anchor: center(phrase),
        headingLeft: phrase.x,
        headingRight: phrase.right,
        ruled,
        ...(f.spec.complete ? { complete: f.spec.complete } : {}),
      };
    });
    // The full heading of each column (`R1` and `実績 b` may be separate phrases).
    for (const [k, column] of columns.entries()) {
      const size = ordered[k]!.phrase!.size;
      const inside = shown
        .flatMap((l) => l.phrases)
        .filter((p) => sameSize(p.size, size))
        .filter((p) => (p.x + p.right) / 2 >= column.left && (p.x + p.right) / 2 < column.right);
      if (inside.length > 0) column.heading = joinWrapped(inside.sort((a, b) => a.baseline - b.baseline || a.x - b.x).map((p) => p.text));
    }
    return { columns, lines: window, top, bottom };
  }
  return null;
}

/**
 * Headings of narrow cells set close together make one phrase (`施策 目標達成 改善↑`): such a
 * phrase is cut at its spaces where the pieces name two columns or more, and nothing else.
 */
function headingPieces(line: Line, specs: readonly ColumnSpec[]): Line {
  let cut = false;
  const phrases = line.phrases.flatMap((p) => {
    const pieces = piecesOf(p);
    const named = new Set(pieces.map((q) => specs.find((s) => s.label.test(q.text))).filter((s) => s !== undefined));
    if (named.size < 2 || !pieces.every((q) => specs.some((s) => s.label.test(q.text)) || HEADING_ODDMENTS.test(q.text))) return [p];
    cut = true;
    return pieces;
  });
  return cut ? makeLine(phrases) : line;
}

/** The length that rules at one y cover together. */
function coverage(rules: readonly Rule[]): number {
  let covered = 0;
  let reach = -Infinity;
  for (const r of [...rules].sort((a, b) => a.from - b.from)) {
    covered += Math.max(0, r.to - Math.max(r.from, reach));
    reach = Math.max(reach, r.to);
  }
  return covered;
}

function center(p: Phrase): number {
  return (p.x + p.right) / 2;
}

/** The x that separates two adjacent headings: a vertical rule between them, else the middle of the gap. */
function boundary(left: Phrase, right: Phrase, rules: readonly number[]): number {
  const lo = center(left);
  const hi = center(right);
  const between = rules.filter((x) => x > lo && x < hi);
  if (between.length > 0) {
    const middle = (left.right + right.x) / 2;
    return between.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0]!;
  }
  if (left.right <= right.x) return (left.right + right.x) / 2;
  return (lo + hi) / 2;
}

/** A value cell's text: a number, possibly with a minus mark and a trailing %. */
export const NUMBER_LIKE = /^[△▲-]?[\d,.]+%?$/;
/** A figure, with the year it is of where printed after it: 104,259(R1), 9.8（H30）. */
const FIGURE_WITH_YEAR = /^[△▲-]?[\d,.]+%?(\s*\([^()]{1,8}\))?$/;

/** A unit glued to a figure is at most this many characters (人, 千円, 件/年); a cell's text run on is longer. */
const GLUED_UNIT_MOST = 3;
/** A figure with its unit glued on and the year it is of: △258,124百万円(H30), 1,236千円（H30）. */
const FIGURE_UNIT_YEAR = new RegExp(`^[△▲-]?[\\d,.]+(?:%|[^\\d\\s(),.]{1,${GLUED_UNIT_MOST}})?(\\s*\\([^()]{1,8}\\))?$`);
/** A text led by a level's number (①観光の振興, (2) 子育て, Ⅲ 移住): a grouping cell's, not a banner's title. */
const LEVEL_NUMBER_FIRST = /^[■□◆◇●▼▽◎【［[〈《≪-]?\s*(?:[①-⑳Ⅰ-Ⅻⅰ-ⅹ]|[(（]\s*[0-9０-９]+\s*[)）]|第\s*[0-9０-９]+\s*[章節編])/;
/** A grade's mark as a cell prints it alone: a letter, perhaps with a sign (B+), or a symbol. */
const GRADE_MARK = /^(?:[A-Za-zＡ-Ｚａ-ｚ][+＋-]?|[◎○〇△×▲●◯☆★↑↓→↗↘‐–—―−－-])$/;
/** Phrases starting within this (points) of each other start at one alignment edge. */
const EDGE_TOLERANCE = 1.2;
/**
 * A figure set right in a cell without padding ends where the next cell's heading, set left without
 * padding, starts, to the rounding of glyph advances (Writer: 0.1 pt past it, 0.014 em) (in em).
 */
const FLUSH_EM = 0.05;

/** A heading this many times as wide as its longest line's text in the body's type or wider is spread over its cell. */
const SPREAD_HEADING_WIDTH = 2;
/** A cell's padding before its spread heading: Calc's, about 1.5 pt, at most this (in em of the body's type). */
const SPREAD_CELL_PADDING_EM = 0.15;

/** Whether a column's heading is letter-spaced to fill its cell (指　　標 over the names). */
function spreadHeading(c: Column, size: number): boolean {
  const lines = c.heading.split('\n');
  const widest = Math.max(...lines.map((line) => textEmWidth(line)));
  // Letter-spacing spreads Japanese text (two characters at least); a Western word keeps its letters together.
  const japanese = lines.some((line) => japaneseCharacters(line) >= 2);
  return size > 0 && japanese && c.headingRight - c.headingLeft >= SPREAD_HEADING_WIDTH * widest * size;
}

/**
 * Where no rule divides two columns, moves the boundary from the middle of the headings to
 * where the body's text says it is: a heading is centred over its column, the text under it is
 * aligned to an edge. For a text column, the boundary goes just before its left alignment edge
 * (the leftmost x where several phrases start; only phrases that start between the two
 * headings count, as a title spanning from an earlier column says nothing of this boundary);
 * for a value column, into the middle of the widest stretch that the fewest phrases cross.
 */
export function refineColumns(columns: readonly Column[], bodyLines: readonly Line[]): Column[] {
  const refined = columns.map((c) => ({ ...c }));
  const sizes = bodyLines.map((l) => l.size).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 0;
  // The body's lines as each kind of boundary reads them, made where a boundary is not ruled: a
  // table ruled throughout (both samples) needs none.
  const once = <T>(make: () => T) => {
    let made: { value: T } | undefined;
    return () => (made ??= { value: make() }).value;
  };
  const textLines = once(() => bodyLines.map(unitsApart));
  // Two values printed close together (`-128.0% 悪化↓`) make one phrase: between value columns
  // the runs count one by one.
  // A banner's line without a value (基本的方向1 | 文化財公共交通移住の振興, its title run over the
  // columns' edges) tells nothing of where two columns of values part. A figure with its unit glued
  // (709‰, 105,238団体) is a value too: an indicator's row led by its number ((1) 空き家の… 709‰)
  // reads as a banner, and without its line no row but the actuals' tells the columns after the years.
  const valued = (l: Line) =>
    l.phrases.some((p) => {
      const text = p.text.normalize('NFKC').trim();
      return NUMBER_LIKE.test(withoutQualifiers(text)) || FIGURE_UNIT.test(text);
    });
  const bannerOnly = (l: Line) => readBanner(l.text) !== null && !valued(l);
  const pieceLines = once(() =>
    textLines()
      .filter((l) => !bannerOnly(l))
      .map((l) => makeLine(l.phrases.flatMap(piecesOf))),
  );
  // So do a value column's right-aligned figure and the text of the next cell (`16 商工観光課`):
  // the text's start is the next column's edge, not the figure's.
  // A unit set a little apart from its figure (`168,390` `人` `農林振興課`) stays the figure's
  // where a cell's text follows it: the unit starts no column.
  // So does one followed by a short text (`15,772` `人` `室`: the last line of a wrapped
  // ユネスコエコパーク推進室) where the line's other figures show that unit (`17,704` `人`): the
  // piece is led by the figure's unit, set right with it, and its start is no column's edge.
  const figureLed = (p: Phrase, units: ReadonlySet<string>): Phrase[] => {
    const [figure] = p.parts;
    if (!figure || p.parts.length < 2 || !NUMBER_LIKE.test(figure.text.normalize('NFKC').trim())) return [p];
    const unitEnd = afterShownUnit(p.parts, units);
    const long = [...textFrom(p.parts, unitEnd)].length > GLUED_UNIT_MOST;
    const after = textFrom(p.parts, 1).normalize('NFKC');
    if (!long && [...units].some((u) => after.startsWith(u))) return [p];
    const at = long ? unitEnd : 1;
    const [last, next] = [p.parts[at - 1]!, p.parts[at]!];
    if (!/^\s/.test(next.text) && next.x - last.right <= SPLIT_GAP_EM * p.size) return [p];
    const [own, rest] = [p.parts.slice(0, at), p.parts.slice(at)];
    return [
      { ...p, text: own.map((q) => q.text).join(''), right: last.right, parts: own },
      { ...p, text: textFrom(p.parts, at), x: next.x, parts: rest },
    ];
  };
  const figuresApart = once(() =>
    textLines().map((l) => {
      const others = othersUnitsOf(l);
      return makeLine(l.phrases.flatMap((p) => figureLed(p, others.get(p)!)));
    }),
  );
  for (let k = 1; k < refined.length; k++) {
    if (refined[k]!.ruled) continue;
    const [before, after] = [refined[k - 1]!, refined[k]!];
    const lines = before.values ? (after.values ? pieceLines() : figuresApart()) : textLines();
    const phrases = lines.flatMap((l) => l.phrases);
    const apart = before.headingRight < after.headingLeft;
    const lo = apart ? before.headingRight : before.anchor;
    const hi = apart ? after.headingLeft : after.anchor;
    // A heading spread over its cell (distributed, 指　　　標) fills it to its paddings: the cell, and
    // the column, start where it starts (a number set right of No stood past the middle between them).
    if (apart && spreadHeading(after, bodySize)) {
      const x = hi - Math.min(SPREAD_CELL_PADDING_EM * bodySize, (hi - lo) / 2);
      refined[k - 1]!.right = x;
      refined[k]!.left = x;
      continue;
    }
    // A banner's title (基本目標Ⅰ | 市内の強化), its row merged across the table, starts where its
    // label leaves off, not at a column's edge: it tells nothing of this boundary (three banners'
    // titles had set the name column's edge right after its short heading, KPI, cutting every
    // name there). A text that names a level itself (基本的方向1 | ①観光の振興) is the next grouping
    // cell's, run onto the line: it starts a column. A banner's line holds its label and title
    // alone; a row's line of more texts ((1) | 地域支援件数 | 9件/年 …) is a row's.
    const across = new Set(
      lines
        .filter((l) => bannerOnly(l) && l.phrases.length === 2)
        .flatMap((l) => l.phrases.slice(1).filter((p) => readBanner(p.text) === null && !LEVEL_NUMBER_FIRST.test(p.text))),
    );
    const starting = phrases.filter((p) => p.x > lo && p.x < hi && !across.has(p));
    let x: number | undefined;
    // Values aligned to the left (as a word processor sets them) show an edge too; it must be
    // strong and crossed by nothing, as right-aligned numbers of equal width start together.
    const valued = refined[k]!.values;
    // Text that starts on a row of values (an indicator's name) is the column's own; a title
    // there may run on from the column before. Such a start counts twice.
    const onDataRow = new Set(lines.filter((l) => l.phrases.some((p) => NUMBER_LIKE.test(p.text.normalize('NFKC')))).flatMap((l) => l.phrases));
    // After a value column, a figure says nothing of a text column's edge: it is the value column's,
    // set right; so does a phrase led by one, touching the next cell's text (`13.4課`: a wrapped 担当課).
    // A qualified figure (27以上, 延べ 12) is one too, and so is a figure drawn in one run with its
    // unit (160ha, set right: where it starts says nothing of the next column, as 983 人/ 年 in runs).
    // A figure's bound alone (以上, set a little apart from 8,647: Writer's run for another font) is the figure's too.
    // So is a grade's mark (C, ◎), centred in its cell past the heading a producer set left (Writer's justified 進捗).
    const valueBefore = (p: Phrase) =>
      before.values &&
      (NUMBER_LIKE.test(withoutQualifiers((p.parts[0]?.text ?? p.text).normalize('NFKC').trim())) ||
        GRADE_MARK.test(p.text.trim()) ||
        NUMBER_LIKE.test(figureRunsText(p.parts).normalize('NFKC').trim()) ||
        FIGURE_UNIT.test(p.text.normalize('NFKC').trim()) ||
        withoutQualifiers(p.text.trim()) === '');
    const startsOwn = starting.flatMap((p) => (valued ? [p.x] : valueBefore(p) ? [] : onDataRow.has(p) ? [p.x, p.x] : [p.x]));
    // Text touching a figure set right before it (`14企画財政課`) starts where the column's own
    // lines start, or, of several texts, where the others start: a unit glued to its figures
    // (`14箇所`, `236箇所`) is one text.
    const othersUnits = new Map(lines.flatMap((l) => [...othersUnitsOf(l)]));
    const rests = valued
      ? []
      : phrases.flatMap((p) => {
          const [figure, next] = p.parts;
          const led = before.values && figure && next && NUMBER_LIKE.test(figure.text.normalize('NFKC').trim());
          // The text from part i on, where it starts between the headings.
          const restFrom = (i: number) => {
            const q = p.parts[i]!;
            return q.x > lo && q.x < hi ? [{ x: q.x, text: textFrom(p.parts, i), after: led ? p.x : undefined }] : [];
          };
          // A unit glued to the figure (55.5人, 12件/年) is the figure's, short: it starts no column.
          // The next cell's text starts after it (`26,860` `件` `/` `年` `商工観光課`, `1,016` `件` ` 企画財政課`):
          // its runs apart from the figure's unit, the last of at most that many characters.
          if (led) return restFrom(afterShownUnit(p.parts, othersUnits.get(p)!)).filter((r) => [...r.text].length > GLUED_UNIT_MOST);
          // A text cell's lines run on into the next cell's after a space (Calc without padding:
          // 担い手の高齢化が 補助事業について…): where several lines' texts start there, it is an edge.
          if (before.values) return [];
          // Or touching it, where the next cell opens with the next column's heading and its number
          // (基本的方向1 高齢者公共 | ■施策① 健康づくりの推進 under ■施策: a grouping cell prints its label).
          return p.parts.flatMap((q, i) => (i > 0 && (/^\s/.test(q.text) || opensWithHeading(textFrom(p.parts, i), after.heading)) ? restFrom(i) : []));
        });
    const restsAt = (x: number) => rests.filter((r) => Math.abs(r.x - x) <= EDGE_TOLERANCE);
    // Texts that start together after figures of different widths ending together (set right)
    // start a column even on a short table's two rows; others need three.
    const together = (x: number) => {
      const at = restsAt(x);
      const setRight = new Set(at.map((q) => q.after)).size >= 2 && at.every((q) => q.after !== undefined);
      return new Set(at.map((q) => q.text)).size >= 2 && at.length >= (setRight ? 2 : 3);
    };
    const touching = rests
      .filter((r) => startsOwn.some((x) => Math.abs(x - r.x) <= EDGE_TOLERANCE) || together(r.x) || opensWithHeading(r.text, after.heading))
      .flatMap((r) => [r.x, r.x]);
    // A cell's text may run on into the next cell's on one line (Writer sets cells without
    // padding): a run after a gap that starts where a text of the column starts on another line
    // starts the column there too (a gap inside a cell, as between ICT and の, starts no text).
    // What looked a banner's title counts there too: a grouping cell's label and the next cell's
    // text on a line of their own (重点戦略1 | 市内子育て世帯の割合 over 高齢者の振興 (延べ)…, a
    // table of one row) read alike, and a banner's title starts where its label leaves off, not
    // where another line's cell runs on.
    const between = phrases.filter((p) => p.x > lo && p.x < hi);
    const runsOn = valued
      ? []
      : phrases.flatMap((p) =>
          p.parts
            .slice(1)
            .filter((q, i) => q.x > lo && q.x < hi && q.x - p.parts[i]!.right > SPLIT_GAP_EM * p.size && between.some((s) => Math.abs(s.x - q.x) <= EDGE_MATCH))
            .map((q) => q.x),
        );
    const titlesRunOn = between.filter((p) => across.has(p) && runsOn.some((x) => Math.abs(x - p.x) <= EDGE_MATCH)).map((p) => p.x);
    if (starting.length === 0 && touching.length === 0 && titlesRunOn.length === 0) {
      // Nothing starts between the headings (a page of a table that holds no figures: a row broken
      // by the page): the column before reaches past every text of its own that ends there, one
      // that starts in it or a run of it that starts at its edge (cells set without padding: the
      // text of the column before it runs on into it), not a title across the columns.
      const own = (p: Phrase) => p.x >= before.left || (before.edge !== undefined && p.parts.some((q) => Math.abs(q.x - before.edge!) <= EDGE_MATCH));
      // A text set right without padding ends where the next heading starts, or a hair past it (FLUSH_EM).
      const reaching = phrases.filter((p) => own(p) && p.right > before.right && p.right < hi + FLUSH_EM * p.size).map((p) => p.right);
      const end = Math.max(...reaching);
      if (reaching.length > 0) refined[k - 1]!.right = refined[k]!.left = end >= hi ? end : (end + hi) / 2;
      // Or the column's texts start where its heading does, set left at the cell's edge as they are (Writer
      // without padding): that is its edge, where a text of the column before filling its cell touches them
      // (SNSを活用し|国の方針に, 0.4 pt apart).
      const atHeading = valued
        ? []
        : phrases.flatMap((p) => p.parts.filter((q, i) => (i === 0 || q.x - p.parts[i - 1]!.right > 0) && Math.abs(q.x - hi) <= EDGE_MATCH));
      if (atHeading.length >= 3) refined[k]!.edge = median(atHeading.map((q) => q.x));
      continue;
    }
    const starts = [...startsOwn, ...touching, ...runsOn, ...titlesRunOn].sort((a, b) => a - b);
    const support = (xs: readonly number[], at: number) => xs.filter((t) => Math.abs(t - at) <= EDGE_TOLERANCE).length;
    const ends = phrases.filter((p) => p.right > lo && p.x < hi).map((p) => p.right);
    const strongestEnd = Math.max(0, ...ends.map((e) => support(ends, e)));
    const candidates = starts.filter(
      (s) =>
        support(starts, s) >= (valued ? 3 : 2) &&
        (!valued || (support(starts, s) > strongestEnd && !phrases.some((p) => p.x < s - EDGE_TOLERANCE && p.right > s + EDGE_TOLERANCE))),
    );
    // An edge where a row of values starts a text (an indicator's name) before one only wrapped
    // words start at (a grouping cell's 道 | の駅…, its first word set past the cell's other lines).
    // A figure of the value column before is no such text: a short one set right (8) starts near
    // where figures touching the next cell's text end, not where that text starts.
    const onValuesRow = (s: number) => starting.some((p) => onDataRow.has(p) && !valueBefore(p) && Math.abs(p.x - s) <= EDGE_TOLERANCE);
    const picked = candidates.find(onValuesRow) ?? candidates[0];
    // The edge is where most of its texts start: a reprint moves each a little (625.4, 625.5, 625.51).
    const edgeStarts = picked === undefined ? [] : starts.filter((t) => Math.abs(t - picked) <= EDGE_TOLERANCE);
    const edge = picked === undefined ? undefined : median(edgeStarts);
    if (edge !== undefined) {
      const before = Math.max(lo, ...phrases.map((p) => endBefore(p, edge)).filter((e) => e > lo));
      // Never past where the column's texts start: a text of the column before may end a little past
      // them (endBefore's slack; a producer's space run up to the next cell), and the boundary between
      // would leave them (■施策① at 161.2, the boundary at 161.3) in the column before.
      x = Math.min(before + (edge - before) / 2, ...edgeStarts);
      refined[k]!.edge = edge;
    }
    // The column after reaches to the next heading for now: right-aligned values under
    // centred headings stand past the middle between them, where its right edge is still set.
    const reach = refined[k + 1]?.headingLeft ?? Infinity;
    // A title that starts in an earlier column and runs over this gap spans the table: it crosses
    // every candidate alike and would tie a boundary through a value with one beside it.
    // Nor, before the first column of values, does a banner's line (基本目標Ⅰ 文化財子育て…, its row
    // merged across): its title ends anywhere over them. Between text columns such a line may be a
    // grouping cell's, whose extent is that column's.
    const acrossValues = (l: Line) => after.values && !before.values && bannerOnly(l);
    const own = lines.filter((l) => !acrossValues(l)).flatMap((l) => l.phrases.filter((p) => p.x >= before.left - EDGE_TOLERANCE));
    // Figures set right end together at their column's right edge: where such an edge stands
    // before the next heading, the boundary is after it, however wide the gap the figures leave
    // before them (a wide target column beside a narrow column of marks).
    // Cells set without padding (Writer's justified headings) put that edge where the next heading starts, or a hair past it:
    // texts ending there are set right against it, figures of one width (10.4%, -6.9%, 25.0%) or a unit after its
    // figure (3,322 | 人, the unit a run of its own), and no text of the column after ends there.
    const ending = own.filter((p) => p.right > lo && p.right < hi + FLUSH_EM * p.size);
    const flush = ending.filter((p) => Math.abs(p.right - hi) <= FLUSH_EM * p.size);
    const alignedEnd = before.values ? (flush.length >= 2 ? Math.max(...flush.map((p) => p.right)) : rightAlignedEdge(ending)) : undefined;
    const from = alignedEnd !== undefined && alignedEnd > lo ? alignedEnd : lo;
    x ??= from >= hi ? from : leastCrossed(own, from, hi, (b) => crowding(lines, before, { ...after, right: Math.max(after.right, reach) }, b));
    refined[k - 1]!.right = x;
    refined[k]!.left = x;
  }
  return refined;
}

/**
 * The right edge where figures of different widths end together (set right), the leftmost of the
 * strongest such edges; none where the figures also start together, as figures of one width set
 * left would.
 */
function rightAlignedEdge(phrases: readonly Phrase[]): number | undefined {
  const figures = phrases.filter((p) => FIGURE_WITH_YEAR.test(p.text.normalize('NFKC').trim()));
  const near = (a: number, b: number) => Math.abs(a - b) <= EDGE_TOLERANCE;
  const groups = figures
    .map((f) => figures.filter((g) => near(g.right, f.right)))
    .filter((g) => g.length >= 2 && g.some((p) => !near(p.x, g[0]!.x)))
    .sort((a, b) => b.length - a.length || a[0]!.right - b[0]!.right);
  const strongest = groups[0];
  return strongest && Math.max(...strongest.map((p) => p.right));
}

/**
 * The part of a phrase led by a figure where the text after the figure's unit starts: after the
 * longest run of parts (not the last, none led by a space) of at most GLUED_UNIT_MOST characters
 * in all; a part led by a space starts it.
 */
function afterUnit(parts: Phrase['parts']): number {
  let unit = 0;
  let k = 1;
  while (k < parts.length - 1 && !/^\s/.test(parts[k]!.text)) {
    unit += [...parts[k]!.text].length;
    if (unit > GLUED_UNIT_MOST) return 1;
    k++;
  }
  return k;
}

/**
 * afterUnit, or where it finds no unit (the text after the unit is long, drawn in short runs
 * touching it: `139.3` `回` `線` `3828` `）`, a wrapped department's last line), after the runs
 * that spell a unit the row's other figures show (`88.0回`): the unit is the figure's, and the
 * text after it starts the next cell.
 */
function afterShownUnit(parts: Phrase['parts'], units: ReadonlySet<string>): number {
  const k = afterUnit(parts);
  if (k > 1) return k;
  let text = '';
  for (let j = 1; j < parts.length - 1; j++) {
    text = (text + parts[j]!.text).normalize('NFKC').trim();
    if (units.has(text)) return j + 1;
    if (![...units].some((u) => u.startsWith(text))) break;
  }
  return 1;
}

/** The middle one of some numbers (the lower of the two middle ones): one of them, not between. */
function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** A figure with its unit glued after it, and the year it is of where printed: 8.0人, 757件(H25). */
const FIGURE_UNIT = /^[△▲-]?[\d,.]+([^\d\s,.()（）]{1,3})(?:[(（][^()（）]{1,8}[)）])?$/;
/** A figure with its unit after it, glued or a space apart (30,439 件/年, as Writer may set it), and its year. */
const FIGURE_SPACED_UNIT = /^[△▲-]?[\d,.]+\s?([^\d\s,.()（）]{1,3})(?:[(（][^()（）]{1,8}[)）])?$/;
/** The units that phrases of a figure with its unit after it show (8.0人, 30,439 件/年: 人, 件/年). */
export function figureUnits(phrases: readonly Phrase[]): Set<string> {
  const units = new Set<string>();
  for (const p of phrases) {
    const unit = figureUnitOf(p);
    if (unit !== null) units.add(unit);
  }
  return units;
}

/** The unit a phrase of a figure with its unit after it shows, or null: read once a phrase, as every phrase of its line asks. */
function figureUnitOf(p: Phrase): string | null {
  const known = figureUnitsOf.get(p);
  if (known?.text === p.text) return known.unit;
  const unit = FIGURE_SPACED_UNIT.exec(p.text.normalize('NFKC').trim())?.[1] ?? null;
  figureUnitsOf.set(p, { text: p.text, unit });
  return unit;
}
const figureUnitsOf = new WeakMap<Phrase, { text: string; unit: string | null }>();

/** For each phrase of a line, the units its line's other phrases show (figureUnits of the others, in the same order). */
function othersUnitsOf(line: Line): Map<Phrase, Set<string>> {
  const units = line.phrases.map(figureUnitOf);
  return new Map(
    line.phrases.map((p) => {
      const others = new Set<string>();
      units.forEach((u, j) => {
        if (u !== null && line.phrases[j] !== p) others.add(u);
      });
      return [p, others] as const;
    }),
  );
}

/** Text that starts a cell of words, not more of a unit (/年). */
const WORD_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A figure's glued unit and the next cell's text drawn as one run (`9.1` `人企画財政課`: cells set
 * without padding, reprinted through a producer that joins the glyphs; or the unit's last
 * character alone with the text, `117.4` `件` `/` `年商工観光課`) are cut apart where the row's
 * other figures show that unit; the cut is placed by the widths of the unit's characters.
 * So are a figure's last digits and the next cell's text drawn as one run (`102.` `3企画財政課`).
 */
export function unitsApart(line: Line): Line {
  const units = figureUnits(line.phrases);
  let changed = false;
  const phrases = line.phrases.map((p) => {
    const apart = lastDigitsApart(p, units) ?? unitApart(p, units);
    if (apart === undefined) return p;
    changed = true;
    return apart;
  });
  return changed ? makeLine(phrases) : line;
}

function unitApart(p: Phrase, units: ReadonlySet<string>): Phrase | undefined {
  // A figure may be drawn in several runs too (`16` `8,` `390` ` 人農林振興課`).
  const first = figureRunsEnd(p.parts);
  if (first < 1 || !NUMBER_LIKE.test(textOf(p.parts.slice(0, first)).normalize('NFKC').trim())) return undefined;
  // The unit may be drawn in several runs, its last character in one with the text (`117.4` `件`
  // `/` `年商工観光課`): the runs after the figure are read on while they spell the start of a unit.
  let before = '';
  for (let k = first; k < p.parts.length; k++) {
    const run = p.parts[k]!;
    const text = k === first ? run.text.trimStart() : run.text;
    const read = (before + text).normalize('NFKC');
    const unit = [...units].filter((u) => u.length > before.length && read.startsWith(u)).sort((a, b) => b.length - a.length)[0];
    if (unit !== undefined) {
      const rest = (before + text).slice(unit.length);
      if (!WORD_START.test(rest)) return undefined;
      const cut = Math.min(run.right, run.x + textEmWidth(unit.slice(before.length)) * p.size);
      return {
        ...p,
        parts: [
          ...p.parts.slice(0, k),
          { text: run.text.slice(0, run.text.length - rest.length), x: run.x, right: cut },
          { text: rest, x: cut, right: run.right },
          ...p.parts.slice(k + 1),
        ],
      };
    }
    before = read.trim();
    if (![...units].some((u) => u.startsWith(before))) return undefined;
  }
  return undefined;
}

/**
 * A figure's runs so far: digits, separators, a minus mark before them; the mark may be a run of
 * its own (Calc draws △ in the Japanese font, its digits in another: `△` `8`).
 */
const FIGURE_SO_FAR = /^(?:[△▲-]|[△▲-]?[\d,.]+)$/;
/** A run that goes on with a figure's digits and then holds a text. */
const DIGITS_THEN_TEXT = /^([\d,.]+)(.+)$/;

/**
 * A phrase led by a figure whose last digits are drawn in one run with the next cell's text (a
 * reprint through cairo breaks a line's glyphs into runs anywhere: `102.` `3企画財政課`, `8` `5`
 * `6商工観光課`), its run cut after the digits, and after the unit glued to them where the row's
 * other figures show it (`12` `0人企画財政課`). The text's start is measured from the run's end
 * where it is all of full-width characters, one em each in any Japanese font; a digit's width
 * varies with the font (0.5 to 0.56 em), so the text would start a few tenths off.
 */
function lastDigitsApart(p: Phrase, units: ReadonlySet<string>): Phrase | undefined {
  const k = figureRunsEnd(p.parts);
  const run = p.parts[k];
  if (k < 1 || !run) return undefined;
  const [, digits, after] = DIGITS_THEN_TEXT.exec(run.text) ?? [];
  if (!digits || !after || !NUMBER_LIKE.test((textOf(p.parts.slice(0, k)) + digits).normalize('NFKC'))) return undefined;
  const unit =
    [...units].filter((u) => after.normalize('NFKC').startsWith(u) && WORD_START.test(after.slice(u.length))).sort((a, b) => b.length - a.length)[0] ?? '';
  const rest = after.slice(unit.length);
  if (!WORD_START.test(rest)) return undefined;
  const fullWidth = [...rest].every((c) => emWidth(c) === 1);
  const restAt = fullWidth ? Math.max(run.x, run.right - textEmWidth(rest) * p.size) : Math.min(run.right, run.x + textEmWidth(digits + unit) * p.size);
  const unitAt = Math.max(run.x, restAt - textEmWidth(unit) * p.size);
  const pieces = [
    { text: digits, x: run.x, right: unitAt },
    ...(unit === '' ? [] : [{ text: unit, x: unitAt, right: restAt }]),
    { text: rest, x: restAt, right: run.right },
  ];
  return { ...p, parts: [...p.parts.slice(0, k), ...pieces, ...p.parts.slice(k + 1)] };
}

/** The text of some parts run together. */
function textOf(parts: Phrase['parts']): string {
  return parts.map((q) => q.text).join('');
}

/** Where a figure drawn in runs ends: the first part after which the runs so far spell no figure (-1 where they all do). */
function figureRunsEnd(parts: Phrase['parts']): number {
  return parts.findIndex(
    (_, i) =>
      !FIGURE_SO_FAR.test(
        textOf(parts.slice(0, i + 1))
          .normalize('NFKC')
          .trim(),
      ),
  );
}

/** The text of the runs a phrase's figure is drawn in, where it is led by one (`△` `8` of `△8 3828）`). */
function figureRunsText(parts: Phrase['parts']): string {
  const end = figureRunsEnd(parts);
  return textOf(parts.slice(0, end < 0 ? parts.length : end));
}

/** The text of a phrase's parts from the i-th on. */
function textFrom(parts: Phrase['parts'], i: number): string {
  return textOf(parts.slice(i)).trimStart();
}

/**
 * Where a phrase's text before x ends: the phrase's end, or the end of a run before x after
 * which the text stops short and goes on at x (cells without padding: the text of a cell may
 * come within a fraction of an em of the next column's edge, and make one phrase with the text
 * there, and a figure set right may touch it); -Infinity where it runs on over x.
 */
function endBefore(p: Phrase, x: number): number {
  if (p.right <= x + 0.5) return p.right;
  const k = p.parts.findIndex((q, i) => {
    const next = p.parts[i + 1];
    // A figure set right, or its glued unit, may touch the next cell's text outright (`14企画財政課`, `19件経済部…`).
    const unitEnds = i > 0 && NUMBER_LIKE.test(p.parts[0]!.text.normalize('NFKC').trim()) && afterUnit(p.parts) === i + 1;
    const apart = next !== undefined && (next.x - q.right > SPLIT_GAP_EM * p.size || NUMBER_LIKE.test(q.text.normalize('NFKC').trim()) || unitEnds);
    return q.right <= x + 0.5 && !!next && next.x >= x - 0.5 && apart;
  });
  return k >= 0 ? p.parts[k]!.right : -Infinity;
}

/**
 * A table's ruled columns on a page that continues it: each boundary a vertical rule gave moves
 * to the rule this page draws between the same headings across its body, as a producer may set
 * the table a little differently on each page.
 */
export function columnsRuledOn(columns: readonly Column[], vertical: readonly Rule[], top: number, bottom: number): Column[] {
  const xs = vertical.filter((r) => r.from <= top + RULE_TOLERANCE && r.to >= bottom - RULE_TOLERANCE).map((r) => r.at);
  const moved = columns.map((c) => ({ ...c }));
  for (let k = 1; k < moved.length; k++) {
    const column = moved[k]!;
    if (!column.ruled) continue;
    const between = xs.filter((x) => x > moved[k - 1]!.anchor && x < column.anchor);
    if (between.length === 0) continue;
    const nearest = between.sort((a, b) => Math.abs(a - column.left) - Math.abs(b - column.left))[0]!;
    moved[k - 1]!.right = nearest;
    column.left = nearest;
  }
  return moved;
}

/** A phrase cut where its runs stand a space or more apart. */
export function piecesOf(p: Phrase): Phrase[] {
  const pieces: Phrase[] = [];
  for (const part of p.parts) {
    const last = pieces.at(-1);
    // A cumulative mark before its figure (延べ 128,618) is one value with it, however it is spaced.
    if (last && (part.x - last.right < SPACE_GAP_EM * p.size || CUMULATIVE_MARK.test(last.text.trim()))) {
      last.text += part.text;
      last.right = Math.max(last.right, part.right);
      last.parts.push(part);
    } else {
      const text = part.text.trimStart();
      pieces.push({ ...p, text, x: part.x, right: part.right, parts: [{ ...part, text }] });
    }
  }
  return pieces;
}

/** A word before a figure that qualifies it (layouts.md §4 item 5): 延べ, 累計, 約. */
const CUMULATIVE_MARK = new RegExp(`^(?:${CUMULATIVE_WORDS})$`);

/** Step (points) at which candidate boundaries are tried. */
const BOUNDARY_STEP = 0.5;

/**
 * Lines where a boundary at `b` would put two phrases into one cell: right-aligned numbers under
 * left-aligned headings leave two gaps between the headings, and only the one after the numbers
 * keeps each value in its own cell; a text cell's line is one phrase too (a bullet of the next
 * column, set far from its centred heading, is not the run-on of this column's line).
 */
function crowding(lines: readonly Line[], before: Column, after: Column, b: number): number {
  // A value column whose values are not known by their form may hold a value and its note.
  const [countBefore, countAfter] = [!!before.complete || !before.values, !!after.complete || !after.values];
  let crowded = 0;
  // A phrase counts where it stands wholly within the two columns' reach: the text of the column
  // after them (子育て支援課, set left past its centred heading) crowds neither.
  const centre = (p: Phrase) => (p.x + p.right) / 2;
  for (const line of lines) {
    const left = line.phrases.filter((p) => p.x >= before.left && centre(p) < b).length;
    const right = line.phrases.filter((p) => centre(p) >= b && p.right <= after.right).length;
    if (countBefore && left > 1) crowded++;
    if (countAfter && right > 1) crowded++;
  }
  return crowded;
}

/**
 * The boundary in [lo, hi] that crosses the fewest phrases and crowds the fewest value cells
 * (`crowded`), in the middle of the widest such stretch.
 */
function leastCrossed(phrases: readonly Phrase[], lo: number, hi: number, crowded: (b: number) => number = () => 0): number {
  const near = phrases.filter((p) => p.right > lo && p.x < hi);
  const runs: { cost: number; from: number; to: number }[] = [];
  for (let b = lo + BOUNDARY_STEP; b < hi; b += BOUNDARY_STEP) {
    const cost = near.filter((p) => p.x < b - 0.3 && p.right > b + 0.3).length;
    const run = runs.at(-1);
    if (run && run.cost === cost) run.to = b;
    else runs.push({ cost, from: b, to: b });
  }
  if (runs.length === 0) return (lo + hi) / 2;
  const fewest = Math.min(...runs.map((r) => r.cost));
  const scored = runs.filter((r) => r.cost === fewest).map((r) => ({ ...r, crowding: crowded((r.from + r.to) / 2) }));
  const best = scored.sort((a, b) => a.crowding - b.crowding || b.to - b.from - (a.to - a.from))[0]!;
  return (best.from + best.to) / 2;
}

export function columnAt(columns: readonly Column[], x: number): Column | undefined {
  return columns.find((c) => x >= c.left && x < c.right);
}

/** Where a phrase belongs: value columns by most overlap (numbers are right-aligned), text by where it starts. */
export function columnOfPhrase(columns: readonly Column[], p: Phrase): Column | undefined {
  let best: Column | undefined;
  let bestOverlap = 0;
  for (const c of columns) {
    const overlap = Math.min(p.right, c.right) - Math.max(p.x, c.left);
    if (overlap > bestOverlap) {
      best = c;
      bestOverlap = overlap;
    }
  }
  // A value fits its column; text running over several columns is a spanning title. A figure
  // (with its unit and year, 104,259(R1), △258,124百万円(H30)) set right or centred in its
  // column may stand out past the column guessed, into the name's.
  if (best?.values && (p.right - p.x <= best.right - best.left + 0.5 * p.size || FIGURE_UNIT_YEAR.test(p.text.normalize('NFKC').trim()))) return best;
  return columnAt(columns, p.x + 0.5) ?? best;
}

/**
 * Splits phrases where a column boundary runs through a gap between two of their runs: two
 * cells printed close together (`200.0%` and `目標達成`) may have made one phrase.
 */
/** Runs this far apart (in em) may belong to two cells; text running on without a gap is one. */
const SPLIT_GAP_EM = 0.05;
/** Two cells' texts set without padding may overlap by this much (points): glyph boxes rounded. */
const TOUCH_OVERLAP = 0.5;

/** A run starting within this (points) of a column's alignment edge starts at it. */
export const EDGE_MATCH = 0.15;

export function splitAtColumns(line: Line, columns: readonly Column[], around: readonly Line[] = [line]): Line {
  const phrases: Phrase[] = [];
  let changed = false;
  for (const phrase of line.phrases) {
    let current: Phrase | undefined;
    for (const part of phrase.parts) {
      const column = columnAt(columns, (part.x + part.right) / 2);
      const previous = current && columnAt(columns, (current.parts.at(-1)!.x + current.parts.at(-1)!.right) / 2);
      const gap = current ? part.x - current.right : 0;
      // The part after the gap must fit its column: text running on over several columns is a
      // spanning title, not a value.
      // The text from here to the phrase's end must fit: a title's next word is not a value.
      // And it starts in the column its middle falls in: a part running over three columns (a comment line across the table) is no cell's.
      // Up to a later run that starts at another column's edge: three cells' texts may run together.
      const at = phrase.parts.indexOf(part);
      const nextCell = phrase.parts.findIndex(
        (q, i) => i > at && columns.some((c) => c !== column && c.edge !== undefined && Math.abs(q.x - c.edge) <= EDGE_MATCH),
      );
      const fits =
        !!column &&
        part.x >= column.left - 0.5 * phrase.size &&
        Math.max(...phrase.parts.slice(at, nextCell < 0 ? undefined : nextCell).map((q) => q.right)) <= column.right + 0.5 * phrase.size;
      // A word processor sets cells without padding: the next cell's text may touch the text
      // before it, but starts where the column's other texts start.
      const atEdge =
        column?.edge !== undefined &&
        Math.abs(part.x - column.edge) <= (column.edgeReach ?? EDGE_MATCH) &&
        gap > -TOUCH_OVERLAP &&
        stopsAt(phrase, part.x, around);
      // A cell's text ending in a typed space may run over the column's rule into the next cell's
      // text (Calc): the part starting at the rule is the next column's.
      const spaceOverRule =
        !!current &&
        !!column?.ruled &&
        /\s$/.test(current.parts.at(-1)!.text) &&
        Math.abs(part.x - column.left) <= RULE_REACH + SPACE_OVER_RULE_EM * phrase.size &&
        current.right >= column.left;
      // A text filling its cell to the edge may end past the boundary guessed between the columns (its
      // last character's middle there): the part starting at the edge starts the next cell all the same.
      const filledToEdge = !!current && atEdge && current.x < column!.edge! - EDGE_MATCH;
      if (current && (column !== previous || filledToEdge) && (gap > SPLIT_GAP_EM * phrase.size || atEdge || spaceOverRule) && fits) {
        phrases.push(current);
        current = undefined;
        changed = true;
      }
      if (!current) current = { ...phrase, text: part.text.trimStart(), x: part.x, right: part.right, parts: [{ ...part, text: part.text.trimStart() }] };
      else {
        current.text += part.text;
        current.right = Math.max(current.right, part.right);
        current.parts.push(part);
      }
    }
    if (current) phrases.push(current);
  }
  return changed ? makeLine(phrases) : line;
}

/** A part may start this far (points) from its column's rule and still be the column's. */
const RULE_REACH = 1;
/** A typed space is at most this wide (em). */
const SPACE_OVER_RULE_EM = 0.5;

/** Lines around a line that may hold the other lines of its cells. */
const CELL_REACH = 2;

/** splitAtColumns for each line of a table's body, with the lines around it. */
export function splitLinesAtColumns(lines: readonly Line[], columns: readonly Column[]): Line[] {
  const apart = lines.map(unitsApart);
  return apart.map((line, k) => splitAtColumns(line, columns, apart.slice(Math.max(0, k - CELL_REACH), k + CELL_REACH + 1)));
}

/**
 * Whether the cell a phrase starts ends at x on the lines around it: every phrase there that
 * starts where it starts ends by x or has a run starting at x. A title that runs on over x on
 * its other lines merely has a run boundary there by chance (Writer starts a run at each
 * change to a fallback font).
 */
function stopsAt(phrase: Phrase, x: number, around: readonly Line[]): boolean {
  return around.every((l) =>
    l.phrases.every((p) => Math.abs(p.x - phrase.x) > EDGE_MATCH || p.right <= x + EDGE_MATCH || p.parts.some((q) => Math.abs(q.x - x) <= EDGE_MATCH)),
  );
}

/** Horizontal rules that separate rows: at one y, covering a good part of the table's width. */
export function rowBoundaries(horizontal: readonly Rule[], left: number, right: number, top: number, bottom: number): number[] {
  const width = right - left;
  const ys: { at: number; covered: number }[] = [];
  for (const r of horizontal) {
    if (r.at <= top + 0.5 || r.at >= bottom - 0.5) continue;
    const covered = Math.max(0, Math.min(r.to, right) - Math.max(r.from, left));
    const same = ys.find((y) => Math.abs(y.at - r.at) <= RULE_TOLERANCE);
    if (same) same.covered += covered;
    else ys.push({ at: r.at, covered });
  }
  return ys
    .filter((y) => y.covered >= 0.3 * width)
    .map((y) => y.at)
    .sort((a, b) => a - b);
}
