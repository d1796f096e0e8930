import type { ColumnRole } from '../model/types.js';
import { COLUMN_ROLES } from '../model/types.js';
import { eraYear } from '../notation/numbers.js';

/**
 * What each printed column of a KPI table means, whatever the municipality calls it and wherever
 * it prints it (layouts.md §2 and §5.1): its role from the words of its heading and of the heading
 * spanning it, with the year either names, and where a word means two things (現状値, 達成度,
 * 進捗状況), from the other headings of the table and from what its cells hold. Pure.
 */

/** A printed column as the reader sees it: its heading, the heading spanning it, and its body cells. */
export interface PrintedColumn {
  /** Header rows joined by a line break (`基準値\n(H26)`). */
  heading: string;
  /** The heading printed over it and its neighbours (実績値 over H30 | R1 | R2), if any. */
  group?: string;
  /** The text of its cells, row by row ("" where blank). */
  cells: readonly string[];
}

/** A column's role, with the fiscal year its heading names. */
export interface PlacedColumn {
  role: ColumnRole;
  fiscalYear?: number;
  /** Where the heading named the column the document's latest actual (`R2（現状値）` among years). */
  current?: boolean;
}

/** Roles declared by the user (--roles "現状値=baseline"): by heading, spaces and width ignored. */
export type RoleDeclarations = ReadonlyMap<string, ColumnRole>;

/** A heading as compared: NFKC, without spaces (`指 標 名` is 指標名; justified headings space their characters). */
export function plainHeading(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

const ERA_LETTER: Readonly<Record<string, string>> = { H: '平成', R: '令和', 平成: '平成', 令和: '令和' };
/** An era year (`H26`, `R2`, `平成 28`, `令和2年度`), a Gregorian year (`2019年度`), or a bare fiscal year before 年度 (`31年度`). */
const ERA_YEAR = /(平成|令和|H|R)(\d{1,2}|元)(?![\d.])/;
const GREGORIAN_YEAR = /((?:19|20)\d\d)(?:\(|年|$)/;
const BARE_YEAR = /(?:^|[^\dHR])(\d{1,2})年度?/;
/** A bare year of 12 or more is 平成 (2000–2019), a smaller one 令和: reports of the 2000s and 2020s. */
const BARE_HEISEI_FROM = 12;

/** The fiscal year a heading names, or null. */
export function yearOfHeading(text: string): number | null {
  const plain = plainHeading(text);
  const era = ERA_YEAR.exec(plain);
  if (era) return eraYear(ERA_LETTER[era[1]!]!, era[2]!);
  const gregorian = GREGORIAN_YEAR.exec(plain);
  if (gregorian) return Number(gregorian[1]);
  const bare = BARE_YEAR.exec(plain);
  if (bare) {
    const n = Number(bare[1]);
    return eraYear(n >= BARE_HEISEI_FROM ? '平成' : '令和', n);
  }
  return null;
}

/** A heading that is a year and nothing else (a column of a year series): `H30`, `平成27年度`, `R2`, `2020年度`, `H27実績`. */
const YEAR_ONLY = /^[(（]?(?:(?:平成|令和|H|R)(?:\d{1,2}|元)|(?:19|20)\d\d|\d{1,2})(?:年度?|年|\.\d+)?(?:末|時点)?[)）]?(?:実績値?)?$/;

/** A role as the words of a heading say it; `current` for 現状値/現在値, whose role the table decides. */
type HeadingWord = ColumnRole | 'current' | 'grade-or-progress' | 'grade-or-comment';

/**
 * Heading words per role, tried in order (the first that matches wins): a comment's heading may
 * name a target (今後の目標), a name's a KPI, so the narrower words come first.
 */
const HEADING_WORDS: readonly [HeadingWord, RegExp][] = [
  ['number', /^(?:No\.?|NO\.?|№|番号|項番|通し番号|指標番号|整理番号|#)$/i],
  ['department', /(?:担当|所管|主管)(?:課|部|局|係|室|部署|部局|部課)|担当部|^(?:部署|課名|担当)$/],
  ['grade-or-comment', /^進捗状況$/],
  ['comment', /コメント|今後|成果と|積み残し|所見|理由|説明|概要|内容|分析|取組|見直し|備考|要因|改善方針|展望|課題|意見|方向性|根拠|計算方法|^進捗状況[(（]/],
  ['strategy', /^(?:基本目標|重点戦略|政策目標|重点目標|政策分野|分野)(?:名)?$/],
  ['policy', /^(?:基本的方向|基本方針|基本戦略|戦略方針|基本施策|施策の方向|施策の柱)(?:名)?$/],
  ['measure', /^(?:施策|具体的な?施策|個別施策|主要施策|事業)(?:名)?$/],
  ['unit', /^[(（]?単位[)）]?$/],
  ['interim', /期待値|目安値|中間目標/],
  ['progress', /進捗率|達成率|進捗度|伸び率/],
  ['grade-or-progress', /達成度/],
  ['grade', /評価|判定|進捗区分|区分$|達成状況$|評定|^進捗$|改善・?悪化|^状況$/],
  ['baseline', /基準値?|従前値|初期値|策定時|当初/],
  ['current', /現状値?|現在値|直近値|最新値/],
  // 基本目標・重点目標・政策目標 name a goal (a banner's label), not the target.
  ['target', /(?<!基本|重点|政策)目標/],
  ['actual', /実績|実数値|^数値$|見込|速報/],
  ['name', /指標|KPI|項目|名称/i],
];

/** What the heading words say, before the table and the cells decide. */
export function headingWord(heading: string): HeadingWord | null {
  // A mark before a heading (■施策, ◆基本目標) is decoration.
  const plain = plainHeading(heading).replace(/^[■□◆◇●○▼▽]/, '');
  // A sentence (…事業の見直しを行う。, a comment's line under a header) is no heading.
  if (plain === '' || plain.endsWith('。')) return null;
  // A name heading may name the KPI's kind in parentheses: 重要業績評価指標（KPI）, 目標指標（単位）.
  if (/^(?:指標名?|目標指標|成果指標名?|重要業績評価指標|KPI|数値目標|評価指標)(?:[(（].*[)）])?$/i.test(plain)) return 'name';
  if (YEAR_ONLY.test(plain)) return 'series';
  return HEADING_WORDS.find(([, words]) => words.test(plain))?.[0] ?? null;
}

/**
 * Whether a heading opens with its role's words (今後の方針, 目標値（R6）), not only holds them
 * inside (状況（成果と積み残し）今後の方針 holds 成果と and 今後 past its start).
 */
export function opensWithRoleWords(heading: string): boolean {
  const plain = plainHeading(heading).replace(/^[■□◆◇●○▼▽]/, '');
  return headingWord(heading) !== null && HEADING_WORDS.some(([, words]) => words.exec(plain)?.index === 0);
}

/** A heading that is a year and nothing else (H27, 令和3年度, 2021年度). */
export function bareYear(text: string): boolean {
  const word = headingWord(text);
  return yearOfHeading(text) !== null && (word === null || word === 'series');
}

/** A cell holding a percentage. */
const PERCENT_CELL = /^[△▲-]?\d[\d,.]*\s*[%％]$/;
/** A cell holding a mark: a letter, a symbol or a short word (S, B+, ◎, 【C】, 概ね順調, −). */
const MARK_CELL = /^[【[(（]?(?:[A-Za-zＡ-Ｚａ-ｚ][+＋-]?|[◎○〇△×▲●◯☆★↑↓→↗↘-]|[-‐–—―−－]|[^\d\s、。,.]{1,6})[】\])）]?$/;
/** Prose: longer than a mark, or punctuated. */
const isProse = (cell: string) => [...cell].length > 12 || /[、。]/.test(cell);

/** The kind most of a column's filled cells are, or null where it holds none. */
function contentOf(cells: readonly string[]): 'percent' | 'mark' | 'prose' | null {
  const filled = cells.map((c) => c.normalize('NFKC').trim()).filter((c) => c !== '' && !/^[-‐–—―−－]$/.test(c));
  if (filled.length === 0) return null;
  const share = (test: (c: string) => boolean) => filled.filter(test).length / filled.length;
  if (share((c) => PERCENT_CELL.test(c)) > 0.5) return 'percent';
  if (share(isProse) > 0.5) return 'prose';
  if (share((c) => MARK_CELL.test(c)) > 0.5) return 'mark';
  return null;
}

/** 現状値, 現在値: a heading that names the latest value. */
const CURRENT_WORDS = /現状値?|現在値/;
/** The words that make 現状値 the latest actual when printed beside it (§5.1 rule 1). */
const BASELINE_WORDS = /基準値?|従前値|初期値|策定時|当初/;

/**
 * Places every column: the role its heading words give, the years, and where a word means two
 * things the rules of layouts.md §5.1 (現状値 beside 基準値 is the actual; beside later actual
 * columns the baseline; else by year; else, in a progress report, the actual). Headings the user
 * declared win over all. Columns whose role cannot be told are `other`.
 */
/** The label of a role row (layouts.md F3): the expected values' row, then the actuals'. */
export const INTERIM_ROW = /^(?:期待値|目標値|目安値|計画値)$/;
export const ACTUAL_ROW = /^(?:実績値?|実数値)$/;

/** Cells that label role rows: each a role row's label, both kinds among them. */
export function isRoleLabelColumn(cells: readonly string[]): boolean {
  const filled = cells.map((c) => plainHeading(c)).filter((c) => c !== '');
  return (
    filled.length >= 2 &&
    filled.every((c) => INTERIM_ROW.test(c) || ACTUAL_ROW.test(c)) &&
    filled.some((c) => INTERIM_ROW.test(c)) &&
    filled.some((c) => ACTUAL_ROW.test(c))
  );
}

export function placeColumns(columns: readonly PrintedColumn[], declared: RoleDeclarations = new Map()): PlacedColumn[] {
  const years = columns.map((c) => yearOfHeading(c.heading) ?? (c.group ? yearOfHeading(c.group) : null));
  const words = columns.map((c, k) => {
    const own = declaredRole(c, declared) ?? headingWord(c.heading);
    if (!c.group) return own;
    // A year under a spanning heading takes the heading's role (実績値 over H30 | R1, 目標値 over years, H27 over 実績).
    const of = headingWord(c.group);
    if (own === 'series' || (own === 'current' && years[k] !== null)) return of === 'target' ? ('target-year' as const) : 'series';
    return own ?? of;
  });
  const placed: PlacedColumn[] = columns.map((c, k) => {
    const word = words[k];
    const fiscalYear = years[k] ?? undefined;
    const at = (role: ColumnRole, extra: Partial<PlacedColumn> = {}): PlacedColumn => ({ role, ...(fiscalYear ? { fiscalYear } : {}), ...extra });
    const namesCurrent = CURRENT_WORDS.test(plainHeading(c.heading));
    // A column whose every cell names a role row (期待値 | 実績値 under 区分 or 項目) labels the rows.
    if (isRoleLabelColumn(c.cells)) return at('other');
    switch (word) {
      case null:
      case undefined:
        return at('other');
      case 'current':
        return at(currentRole(columns, words, years, k));
      case 'series':
        return at('series', namesCurrent ? { current: true } : {});
      case 'target-year':
        return at(words.slice(k + 1).includes('target-year') ? 'interim' : 'target');
      case 'grade-or-progress':
        return at(contentOf(c.cells) === 'percent' ? 'progress' : 'grade');
      case 'grade-or-comment':
        return at(contentOf(c.cells) === 'prose' ? 'comment' : 'grade');
      default:
        // A grade word over prose (評価 over a paragraph) is a comment; a comment word over marks is kept as printed.
        if (word === 'grade' && contentOf(c.cells) === 'prose') return at('comment');
        if (word === 'comment' && contentOf(c.cells) === 'mark') return at('other');
        return at(word);
    }
  });
  // Among year columns, a year that names itself the current value (平成 28 (現状値)) is the series entry that is the actual.
  if (placed.some((p) => p.role === 'series')) {
    for (const [k, p] of placed.entries())
      if (words[k] === 'current' && p.role === 'actual' && p.fiscalYear) Object.assign(p, { role: 'series', current: true });
  }
  // A single year column of its own (R2実績, 令和4年度 実績値) is the actual, not a series.
  const series = placed.filter((p, k) => p.role === 'series' && !columns[k]!.group);
  if (series.length === 1 && placed.filter((p) => p.role === 'series').length === 1 && !placed.some((p) => p.role === 'actual')) series[0]!.role = 'actual';
  return onlyOneStatus(placed, columns);
}

function declaredRole(column: PrintedColumn, declared: RoleDeclarations): ColumnRole | null {
  return declared.get(plainHeading(column.heading)) ?? declared.get(plainHeading(`${column.group ?? ''}${column.heading}`)) ?? null;
}

/** 現状値 / 現在値: the baseline or the latest actual, by the rules of layouts.md §5.1. */
function currentRole(columns: readonly PrintedColumn[], words: readonly (string | null)[], years: readonly (number | null)[], k: number): ColumnRole {
  const heading = plainHeading(columns[k]!.heading);
  // 現在値 is always the value of the evaluated year (長与町 defines it so).
  if (heading.includes('現在値')) return 'actual';
  // 現状値 beside 現在値 (the evaluated year's value) is the baseline.
  if (columns.some((c, j) => j !== k && plainHeading(c.heading).includes('現在値'))) return 'baseline';
  // Rule 1: beside a baseline word, 現状値 is the actual.
  if (columns.some((c, j) => j !== k && BASELINE_WORDS.test(plainHeading(c.heading)))) return 'actual';
  // Rule 2: actual columns (実績, years) to its right, before the target: it is the baseline.
  const target = words.findIndex((w, j) => j > k && w === 'target');
  const right = words.slice(k + 1, target < 0 ? undefined : target);
  if (right.some((w) => w === 'actual' || w === 'series')) return 'baseline';
  // Rule 3: a year earlier than another actual year is the baseline.
  const own = years[k];
  const actualYears = years.filter((y, j) => y !== null && j !== k && (words[j] === 'actual' || words[j] === 'series'));
  if (own !== null && own !== undefined && actualYears.some((y) => y! > own)) return 'baseline';
  // Rule 5: with only 現状値 and 目標値, a progress report's 現状値 is its latest actual.
  return words.some((w, j) => j !== k && w === 'actual') ? 'baseline' : 'actual';
}

/**
 * One status column: where several grade columns are printed (改善・悪化 and 達成度, 評価 and
 * 前年度), the status is the one headed 評価/判定 if any, else the right-most; the others keep
 * their heading as `other`.
 */
function onlyOneStatus(placed: PlacedColumn[], columns: readonly PrintedColumn[]): PlacedColumn[] {
  const grades = placed.map((p, k) => (p.role === 'grade' ? k : -1)).filter((k) => k >= 0);
  if (grades.length < 2) return placed;
  const primary =
    grades.find((k) => /評価|判定|総合/.test(plainHeading(columns[k]!.heading)) && !/前年/.test(plainHeading(columns[k]!.heading))) ?? grades.at(-1)!;
  return placed.map((p, k) => (p.role === 'grade' && k !== primary ? { ...p, role: 'other' } : p));
}

/** The roles without which no indicator can be read. */
export function missingRoles(placed: readonly PlacedColumn[]): ColumnRole[] {
  const has = (role: ColumnRole) => placed.some((p) => p.role === role);
  const missing: ColumnRole[] = [];
  if (!has('name')) missing.push('name');
  if (!has('actual') && !has('series')) missing.push('actual');
  return missing;
}

/**
 * `--roles "現状値=baseline,担当=department"`: headings and the roles they are declared to have.
 * An unknown role is an error naming it.
 */
export function parseRoleDeclarations(text: string): { declared: Map<string, ColumnRole> } | { error: string } {
  const declared = new Map<string, ColumnRole>();
  for (const pair of text.split(/[,、，]/)) {
    if (pair.trim() === '') continue;
    const m = /^(.+?)[=＝](.+)$/.exec(pair.trim());
    const role = m?.[2]!.trim() as ColumnRole | undefined;
    if (!m || !role || !COLUMN_ROLES.includes(role)) return { error: pair.trim() };
    declared.set(plainHeading(m[1]!), role);
  }
  return { declared };
}
