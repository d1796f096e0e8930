import { eraName } from '../notation/numbers.js';
import { levelShown, levelWord } from '../notation/levels.js';
import type { HierarchyLevel, Indicator, KpiDocument } from '../model/types.js';
import { joinWrapped } from '../extract/layout.js';

/**
 * The spreadsheet a department fills in (実績記入シート): one row per indicator, the actual and
 * its year note to type, everything else locked. Export and import read this one layout.
 */

export const ENTRY_SHEET = '実績記入';
export const HOWTO_SHEET = '記入方法';
/** A hidden sheet with what import needs to check that a sheet belongs to the document. */
export const META_SHEET = 'tassei';
/** Written in the meta sheet; import refuses a sheet of another format. */
export const SHEET_FORMAT = 'tassei-actuals/1';
/** The meta sheet's row naming the sheet's comment columns by heading (a JSON list): absent where it has none. */
export const COMMENTS_META = 'comments';

/**
 * How an actual may be typed, said the same way on the sheet's heading, in its validation message,
 * on 記入方法 and in import's hints: import reads every one of these.
 */
export const TYPING_EXAMPLES = '3580・3,580・３５８０・△12・45%・3580人';

/** The row of the column headings; indicators start on the row below. */
export const HEADER_ROW = 4;
export const FIRST_ROW = HEADER_ROW + 1;

export type ColumnKey = 'id' | 'place' | 'name' | 'unit' | 'baseline' | 'previous' | 'target' | 'actual' | 'year' | 'note' | 'department';
/** The key of a comment column: its position among the document's comment headings. */
export type CommentKey = `comment-${number}`;

export interface SheetColumn {
  key: ColumnKey | CommentKey;
  /** A, B, …: where import reads and messages point. */
  letter: string;
  /** Its heading for a document of the year, its levels as it labels them (基本目標・基本施策・個別施策) where it has its own layout. */
  heading: (fiscalYear: number, hierarchy?: readonly HierarchyLevel[]) => string;
  width: number;
  /** Cells a department types into; all others are locked. */
  input?: boolean;
  /** A comment column's heading as the document prints it (評価コメント, ≪成果と見直し≫): the comment it fills. */
  comment?: string;
}

const COLUMN_LIST: Omit<SheetColumn, 'letter'>[] = [
  { key: 'id', heading: () => '整理番号', width: 10 },
  {
    key: 'place',
    heading: (_, hierarchy) =>
      (['strategy', 'policy', 'measure'] as const)
        .filter((level) => levelShown(hierarchy, level))
        .map((level) => levelWord(hierarchy, level))
        .join('・'),
    width: 34,
  },
  { key: 'name', heading: () => '目標指標', width: 34 },
  { key: 'unit', heading: () => '単位', width: 8 },
  { key: 'baseline', heading: () => '現状 a', width: 13 },
  { key: 'previous', heading: (y) => `前年度実績（${eraName(y - 1, 'short')}）`, width: 14 },
  { key: 'target', heading: () => '目標 c', width: 13 },
  { key: 'actual', heading: (y) => `${eraName(y, 'short')}実績 b（記入）`, width: 15, input: true },
  { key: 'year', heading: () => '実績の年度（前の年度のとき）', width: 15, input: true },
  { key: 'note', heading: () => '備考（実績について）', width: 30, input: true },
  { key: 'department', heading: () => '担当課', width: 14 },
];

/** A comment is prose of a few sentences: a wide column, its text wrapped. */
export const COMMENT_WIDTH = 50;

/** A, B, … Z, AA, AB: the letter of the `n`th column (1-based). */
export function columnLetter(n: number): string {
  let letter = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letter = String.fromCharCode(65 + ((k - 1) % 26)) + letter;
  return letter;
}

/**
 * The columns of a sheet for a document with these comment headings: one to write each, after
 * the figures' entries (the 備考 of the actual), so that the yellow cells stand together.
 * Without comments, the columns every sheet had before comments could be written (COLUMNS).
 */
export function sheetColumns(headings: readonly string[]): SheetColumn[] {
  const comments = headings.map((heading, k): Omit<SheetColumn, 'letter'> => ({
    key: `comment-${k}`,
    heading: () => heading,
    width: COMMENT_WIDTH,
    input: true,
    comment: heading,
  }));
  const afterNote = COLUMN_LIST.findIndex((c) => c.key === 'note') + 1;
  return [...COLUMN_LIST.slice(0, afterNote), ...comments, ...COLUMN_LIST.slice(afterNote)].map((c, i) => ({ ...c, letter: columnLetter(i + 1) }));
}

export const COLUMNS: readonly SheetColumn[] = sheetColumns([]);

/** A column of the sheet without comments; `columns` those of a sheet with them. */
export function column(key: ColumnKey, columns: readonly SheetColumn[] = COLUMNS): SheetColumn {
  return columns.find((c) => c.key === key)!;
}

/**
 * The comment headings of a document, in the order it prints them: its layout's comment columns,
 * its comment block (≪成果と見直し≫), then any other an indicator carries. Each as the model keys
 * the comment (a heading of two printed lines joined into one).
 */
export function commentHeadings(doc: KpiDocument): string[] {
  const layout = doc.layout;
  const headings = [
    ...(layout?.columns ?? []).filter((c) => c.role === 'comment').map((c) => joinWrapped(c.heading.split('\n'))),
    ...(layout?.commentBlocks !== undefined ? [layout.commentBlocks] : []),
    ...indicatorRows(doc).flatMap((r) => (r.indicator.comments ?? []).map((c) => c.heading)),
  ];
  return [...new Set(headings)];
}

/** An indicator's comment under a heading: "" where it has none. */
export function commentText(indicator: Indicator, heading: string): string {
  return indicator.comments?.find((c) => c.heading === heading)?.text ?? '';
}

/** An indicator with where it stands, and the number that finds it again on import. */
export interface IndicatorRow {
  /** `1-0-0-2`: strategy, policy, measure (0 for the strategy's own 基本目標 indicators), position. */
  id: string;
  place: string;
  indicator: Indicator;
  /** The key path of the indicator in the document. */
  path: (string | number)[];
}

/** Every indicator of the document in the order it prints. */
export function indicatorRows(doc: KpiDocument): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  doc.strategies.forEach((s, si) => {
    s.indicators.forEach((indicator, k) =>
      rows.push({
        id: `${s.no}-0-0-${k + 1}`,
        place: `${s.no} ${s.title}（基本目標）`,
        indicator,
        path: ['strategies', si, 'indicators', k],
      }),
    );
    s.policies.forEach((p, pi) =>
      p.measures.forEach((m, mi) =>
        m.indicators.forEach((indicator, k) =>
          rows.push({
            id: `${s.no}-${p.no}-${m.no}-${k + 1}`,
            place: `${s.no}-${p.no}-${m.no} ${m.title}`,
            indicator,
            path: ['strategies', si, 'policies', pi, 'measures', mi, 'indicators', k],
          }),
        ),
      ),
    );
  });
  return rows;
}

/** The locked cells of a row that say what the indicator is: import checks that none was changed. */
export type LockedKey = 'place' | 'unit' | 'baseline' | 'previous' | 'target';

/** What export writes into the locked cells of an indicator's row. */
export function lockedValues(row: IndicatorRow): Record<LockedKey, string> {
  const i = row.indicator;
  return {
    place: row.place,
    unit: i.unit ?? '-',
    baseline: i.baseline.text,
    previous: i.previousActual?.text ?? '',
    target: i.target?.text ?? '',
  };
}

/** The name a department goes by in file names and headings; indicators without one are grouped together. */
export const NO_DEPARTMENT = '担当課未設定';

export function departmentOf(indicator: Indicator): string {
  return indicator.department?.trim() || NO_DEPARTMENT;
}

/** The name an indicator is shown by: ※ after it for b / c. */
export function shownName(indicator: Indicator): string {
  return `${indicator.name}${indicator.method === 'ratio' ? '※' : ''}`;
}
