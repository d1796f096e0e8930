/**
 * The shared language of the pipeline: the documents (as they are stored in YAML), the
 * evaluation of a document, and the messages every stage carries with it.
 */

import type { Text } from './i18n.js';
import type { RuleId } from './rule-ids.js';
import type { IndicatorState, Quantity, Scheme } from './scheme.js';

/**
 * A status of an indicator (状況): the id of a grade of the document's grading scheme
 * (src/model/scheme.ts). The default scheme's are `achieved` 目標達成, `improved` 改善↑,
 * `unchanged` -, `worsened` 悪化↓, and `nodata` (- too: no actual).
 */
export type Status = string;

/**
 * How progress (進捗率) is computed: `change` is (b − a) / (c − a); `ratio` is b / c, printed
 * with ※ after the indicator's name.
 */
export type Method = 'change' | 'ratio';

/**
 * One printed value cell: 現状 a, 実績 b or 目標 c. An actual not yet entered (未記入) is blank,
 * `text: ""` with `value: null`; an actual printed `-` (no data) keeps `text: "-"`.
 */
export interface Measurement {
  /** The number, or null where the cell is printed as `-` or left blank. */
  value: number | null;
  /** The Gregorian year of a year note such as (H29), or null. */
  year: number | null;
  /** The cell exactly as printed, e.g. `3,560(H29)`. */
  text: string;
}

/** What the document printed for an indicator's progress and status; null where blank. */
export interface Reported {
  /** 進捗率 in percent, as printed (one decimal). */
  progress: number | null;
  status: Status | null;
}

/** 目標指標: a KPI with its baseline a, actual b and target c. */
export interface Indicator {
  /** As printed, without the ※ mark. */
  name: string;
  /** 単位; null where printed as `-`. */
  unit: string | null;
  method: Method;
  baseline: Measurement;
  actual: Measurement;
  /** null where no target was set. */
  target: Measurement | null;
  reported: Reported;
  /** Last year's actual, kept by `tassei next` so that the next report can show the trend. */
  previousActual?: Measurement | null;
  /** The target's direction; by default up where c > a (and for ※), down where c < a. */
  direction?: Direction;
  /** A judgement the numbers cannot give (事業終了, 注視継続, 未実施). */
  state?: IndicatorState;
  /** Kinds of indicator a scheme may grade apart, e.g. `survey` (意識系). */
  tags?: string[];
  /**
   * The office has looked at a new actual that tassei questioned (a jump against last year, a share
   * above 100 %, a reversed sign) and found it right: it is no longer asked (src/model/plausible.ts).
   * An import that changes the actual removes it.
   */
  confirmed?: boolean;
  /** 備考: what the department wrote beside its actual (the sheet's 備考 column), e.g. 調査方法の変更により増加. */
  note?: string;
  /** 担当課: the department that reports the actual, e.g. 商工観光課. */
  department?: string;
  /** The indicator's own number as printed in a numbering column (番号, No.): `1`, `①`, `(1)`, `1-1-1`. */
  number?: string;
  /** The fiscal year of the target (目標値（R6） → 2024), where the heading or the cell names it. */
  targetYear?: number;
  /**
   * Every printed year column of the indicator (実績値 over H30 | R1 | R2), left to right, one entry
   * per column whether filled or not. The actual is the right-most filled one unless a heading says
   * otherwise (平成 28 (現状値)).
   */
  series?: SeriesEntry[];
  /** Interim targets (期待値, 目安値, 中間目標値), per year where printed. */
  interim?: InterimTarget[];
  /** Prose printed with the indicator (評価コメント, ≪成果と見直し≫, 今後の方向性): the whole text, lines joined. */
  comments?: IndicatorComment[];
  /** Cells of columns whose role tassei cannot tell, kept under their printed heading (never merged into a neighbour). */
  other?: IndicatorComment[];
}

/** One printed year column of an indicator's series. `both` is the cell as printed ("" where blank, `―` for a future year). */
export interface SeriesEntry {
  fiscalYear: number;
  value: number | null;
  /** The Gregorian year of a year note after the value (2,211(H26)), or null. */
  year: number | null;
  text: string;
}

/** An interim target: 期待値 (茨城県), 目安値 (長野県), 中間目標値 (富士市). */
export interface InterimTarget {
  /** The year it is set for; null where the document does not say. */
  fiscalYear: number | null;
  value: number | null;
  year: number | null;
  text: string;
  /** The printed heading or row label (期待値, 目安値). */
  heading: string;
}

/** A prose or unplaced cell with the heading it was printed under. */
export interface IndicatorComment {
  heading: string;
  text: string;
}

export type Direction = 'up' | 'down';
export type { IndicatorState };

/** A plan period in fiscal years (計画期間), for schemes that pro-rate targets by year. */
export interface PlanPeriod {
  start: number;
  end: number;
}

/**
 * A count row of a summary table: one count per summary column of the scheme (the default
 * scheme's 目標達成 / 改善↑ / - / 悪化↓) and `total` (合計).
 */
export type Summary = Record<string, number>;

/** A summary row as printed: a cell printed blank is null. */
export type PrintedSummary = Record<string, number | null>;

/** The summary column of the total (合計). */
export const TOTAL = 'total';

/** 施策: a measure, holding indicators. */
export interface Measure {
  no: number;
  title: string;
  indicators: Indicator[];
}

/** 戦略方針: a policy of a strategy. */
export interface Policy {
  no: number;
  title: string;
  reportedSummary: PrintedSummary | null;
  measures: Measure[];
}

/** 重点戦略: a strategy, with its own goal indicators (基本目標) and its policies. */
export interface Strategy {
  no: number;
  title: string;
  /** The strategy's own goal indicators, the 基本目標 row. */
  indicators: Indicator[];
  reportedGoalSummary: PrintedSummary | null;
  /** The strategy's total row, as printed. */
  reportedSummary: PrintedSummary | null;
  policies: Policy[];
}

/** The KPI progress report (重要業績評価指標（KPI）の進捗状況). */
export interface KpiDocument {
  kind: 'kpi-progress';
  title: string;
  /** The year of the actuals column (R1実績 → 2019). */
  fiscalYear: number;
  /** The grading scheme: an id of schemes/ or a path; the default scheme without it. */
  scheme?: string;
  /** The plan period, for schemes that judge progress against the elapsed share of the plan. */
  plan?: PlanPeriod;
  /**
   * The shape of the table as the municipality prints it, where it is not tassei's own layout
   * (重点戦略 › 戦略方針 › 施策 with 現状 a / 実績 b / 目標 c): read from its PDF, kept by `next`,
   * and followed by `render`. Absent: tassei's own layout.
   */
  layout?: TableLayout;
  strategies: Strategy[];
}

/**
 * The role of a printed column: what its cells mean whatever its heading says.
 * - `number`: the indicator's own number (番号, No.); `name`: the indicator (指標名, 目標指標, KPI);
 * - `strategy` / `policy` / `measure`: a grouping column of the hierarchy (merged cells on the left);
 * - `baseline` a, `actual` b, `target` c; `series`: one year of a row of yearly actuals;
 * - `interim`: an interim target (期待値, 目安値); `progress`: a percentage (進捗率, 達成率);
 * - `grade`: the status mark (評価, 判定, 達成度 as a letter); `department`: 担当課, 所管課;
 * - `comment`: prose (評価コメント, 今後の方向性); `other`: a column whose role cannot be told.
 */
export type ColumnRole =
  | 'number'
  | 'name'
  | 'unit'
  | 'strategy'
  | 'policy'
  | 'measure'
  | 'baseline'
  | 'actual'
  | 'series'
  | 'target'
  | 'interim'
  | 'progress'
  | 'grade'
  | 'department'
  | 'comment'
  | 'other';

export const COLUMN_ROLES: readonly ColumnRole[] = [
  'number',
  'name',
  'unit',
  'strategy',
  'policy',
  'measure',
  'baseline',
  'actual',
  'series',
  'target',
  'interim',
  'progress',
  'grade',
  'department',
  'comment',
  'other',
];

/** One printed column, left to right. */
export interface LayoutColumn {
  role: ColumnRole;
  /** The heading as printed, header rows joined by a line break (`現在値\n（R2）`). */
  heading: string;
  /** The spanning heading printed over it and its neighbours (実績値 over H30 | R1 | R2), if any. */
  group?: string;
  /** The fiscal year the heading names (a series column, 現在値（R2）, 目標値（R6）). */
  fiscalYear?: number;
  /** The share of the table's width, 0–1, as printed. */
  width?: number;
}

/** A level of the hierarchy as the document labels and places it. */
export interface HierarchyLevel {
  level: 'strategy' | 'policy' | 'measure';
  /** The printed label before the number (基本目標, 基本的方向, 具体的な施策, ■施策, 政策目標); "" where none. */
  label: string;
  /** How the number is printed: `1`, `①`, `(1)`, `Ⅰ`, `(ⅰ)`, `第1章`, `-1-`; a sample with 1 as the number. */
  numbering: string;
  /** A full-width row above its members, or a column on the left with merged cells. */
  style: 'banner' | 'column';
}

/** A mark and what the printed legend says it means (【評価】S：目標値を超えている …). */
export interface LegendMark {
  mark: string;
  meaning: string;
}

/** The table's shape: enough to draw the same table again, a year on. */
export interface TableLayout {
  columns: LayoutColumn[];
  /** Header rows (1 or 2: a spanning heading over years or roles). */
  headerRows: number;
  hierarchy: HierarchyLevel[];
  /** The printed legend of the grade marks, where there is one. */
  legend?: { heading: string; marks: LegendMark[]; placement: 'top' | 'below' };
  /**
   * Count tables (F7): `columns` grades across with one row per group (tassei's own), `rows` grades
   * down with one count column; where they stand; none where the document prints none.
   */
  summary: { shape: 'columns' | 'rows'; placement: 'before' | 'after' } | null;
  /** Comments printed as a full-width block under each indicator's row (≪成果と見直し≫) rather than in a column. */
  commentBlocks?: string;
  orientation: 'portrait' | 'landscape';
  paper: 'A4' | 'A3';
}

/** 基本方針: a policy of the narrative, with its two bullet columns. */
export interface NarrativePolicy {
  no: number;
  title: string;
  /** 主な取組内容／実績 of fiscalYear, one string per bullet, without the ○. */
  results: string[];
  /** 主な取組／今後の方向性 of nextYear, one string per bullet. */
  plans: string[];
  /** The 施策 list, without ①②… */
  measures: string[];
  /** The results are last year's plans carried over by `tassei next`: blank until confirmed. */
  draft?: boolean;
}

/** 基本目標: a goal of the narrative, one page in print. */
export interface Goal {
  no: number;
  title: string;
  policies: NarrativePolicy[];
}

/** The achievement narrative (基本計画と総合戦略の指標（KPI）の達成状況). */
export interface NarrativeDocument {
  kind: 'narrative';
  title: string;
  fiscalYear: number;
  nextYear: number;
  goals: Goal[];
}

export type TasseiDocument = KpiDocument | NarrativeDocument;
export type DocumentKind = TasseiDocument['kind'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['kpi-progress', 'narrative'];

/** Where in the hierarchy of a KPI document a thing stands; null where it does not apply. */
export interface KpiPlace {
  strategy: number | null;
  policy: number | null;
  measure: number | null;
  /** The indicator's name as printed. */
  indicator: string | null;
}

/** An indicator with what tassei computes for it. */
export interface IndicatorEvaluation extends KpiPlace {
  indicator: string;
  method: Method;
  /** Progress in percent, rounded half away from zero to one decimal; null where none. */
  progress: number | null;
  status: Status | null;
  reported: Reported;
  /** The printed mark of the status under the scheme; null where there is none. */
  mark: string | null;
  /** What decided the status: a rule (`rule 2`), an outcome (`noActual`, `state`), or null. */
  decidedBy: string | null;
  /** The quantities the scheme's rules compare, where they can be computed (percent or the unit). */
  quantities: Partial<Record<Quantity, number>>;
  /** The actual is not entered yet (未記入): no status, listed in `blanks`. */
  blank: boolean;
}

/** Which row of a summary table: the strategy's total, its 基本目標 row, or a policy. */
export type SummaryRow = 'total' | 'goal' | 'policy';

export interface SummaryEvaluation {
  strategy: number;
  policy: number | null;
  row: SummaryRow;
  /** Counted from the statuses the document printed, in the columns of the scheme it was printed under (checking the printed table). */
  checked: Summary;
  /** Counted from the statuses tassei computes (what a rendered report prints). */
  computed: Summary;
  reported: PrintedSummary | null;
}

/** Something still to be filled in: an actual not entered, or a narrative policy's draft results. */
export interface Blank {
  strategy: number | null;
  policy: number | null;
  measure: number | null;
  indicator: string | null;
  department: string | null;
  /** For a narrative: the goal. */
  goal: number | null;
  field: 'actual' | 'results';
}

/** What is still blank, listed and counted per strategy (or goal) and per department. */
export interface Blanks {
  count: number;
  items: Blank[];
  byStrategy: { strategy: number; count: number }[];
  byGoal: { goal: number; count: number }[];
  byDepartment: { department: string | null; count: number }[];
}

export type FindingKind = 'progress-mismatch' | 'status-mismatch' | 'summary-mismatch' | 'division-by-zero' | 'unparsable-value';

/** A disagreement between what the document printed and what tassei computes. */
export interface Finding extends KpiPlace {
  kind: FindingKind;
  /** For summary findings: which row and column. */
  row?: SummaryRow;
  /** A grade id of the scheme, or `total`. */
  column?: string;
  /** What the document printed and what tassei computes: a percentage, a status key or a count. */
  reported: string | number | null;
  computed: string | number | null;
  /** Why they disagree, in both languages until it is printed. */
  message: Text;
}

export interface Evaluation {
  kind: DocumentKind;
  /** The grading scheme's id. */
  scheme: string;
  /**
   * The id of the scheme the document was printed under, where it is not the grading scheme: the
   * printed figures are checked under it (findings), the computed ones follow `scheme`.
   */
  printedScheme?: string;
  indicators: IndicatorEvaluation[];
  summaries: SummaryEvaluation[];
  findings: Finding[];
  blanks: Blanks;
}

/** How bad a message is: an `error` stops that file, a `warning` does not. */
export type Severity = 'error' | 'warning' | 'info';

/** A message carried with a document: what, where, and what to do about it. */
export interface Message {
  severity: Severity;
  /** A short rule id, e.g. `yaml-schema`, `pdf-encrypted`: one of RULE_IDS, each documented there. */
  rule: RuleId;
  file: string;
  /** 1-based line and column in a YAML file. */
  line?: number;
  column?: number;
  /** 1-based page in a PDF. */
  page?: number;
  /** The sheet and the cell (`H12`) of a spreadsheet. */
  sheet?: string;
  cell?: string;
  /** The key path in the document, e.g. `strategies[0].policies[1].title`. */
  path?: string;
  /** The part of a KPI document the message is about (a finding, the extractor's self-check). */
  place?: KpiPlace;
  /** The place's levels as the document labels them (基本目標1 › 基本施策2 › 個別施策(1)), where it has its own layout. */
  placeName?: string;
  /** A summary row's name, where the place is a row of a summary table. */
  row?: string;
  /** What the document printed (or what was expected), as a reader writes it. */
  expected?: Text | string;
  /** What tassei found or computes instead, as a reader writes it. */
  actual?: Text | string;
  /** What is wrong, in both languages until it is printed. */
  message: Text;
  hint?: Text;
}

/** A field of an indicator that changed between two years. */
export type ChangedField = 'baseline' | 'actual' | 'target' | 'unit' | 'method';

/** Where an indicator stands, with the titles, for grouping a diff. */
export interface IndicatorPlace {
  strategy: number;
  strategyTitle: string;
  policy: number | null;
  measure: number | null;
  /** The policy's and the measure's names, where the place has them (a diff's group labels). */
  policyTitle?: string | null;
  measureTitle?: string | null;
  /** The levels as the document labels them (基本目標1 › 基本施策2), where it has its own layout. */
  hierarchy?: readonly HierarchyLevel[];
}

/** One change between the indicators of two years; `name` is the newer name. */
export type IndicatorDiffEntry = IndicatorPlace &
  (
    | { kind: 'added'; name: string }
    | { kind: 'removed'; name: string }
    | { kind: 'renamed'; name: string; from: string; to: string }
    /** Paired with an indicator at another place last year; the entry stands at the new place. */
    | { kind: 'moved'; name: string; from: IndicatorPlace }
    | { kind: 'changed'; name: string; field: ChangedField; from: string | null; to: string | null }
    | { kind: 'statusChanged'; name: string; from: Status | null; to: Status | null }
  );

/** An indicator as one year printed or computed it, for a side-by-side review (新旧対照表). */
export interface IndicatorYear {
  name: string;
  unit: string | null;
  method: Method;
  baseline: string;
  actual: string;
  target: string;
  progress: number | null;
  status: Status | null;
  /** The status's printed mark under the scheme the diff grades both years by. */
  mark: string | null;
  /** The actual is not yet entered (未記入). */
  blank: boolean;
  /** The progress and status mark as the year's document printed them; null where it printed none. */
  printed?: { progress: number | null; mark: string | null } | null;
}

/** One indicator of a diff with both years side by side; null where it did not exist. */
export interface IndicatorDiffRow {
  place: IndicatorPlace;
  /** Last year's place, where it differs (a move). */
  fromPlace: IndicatorPlace | null;
  from: IndicatorYear | null;
  to: IndicatorYear | null;
}

export interface SummaryDiffEntry {
  strategy: number;
  policy: number | null;
  row: SummaryRow;
  /** The counts computed for each year. */
  from: Summary | null;
  to: Summary | null;
  /** The counts as each year's document printed them; null where it printed none. */
  fromPrinted?: Summary | null;
  toPrinted?: Summary | null;
  /** The policy's name, for a policy's row. */
  policyTitle?: string | null;
}

/**
 * A heading of the document's hierarchy renamed, added or removed between two years: 重点戦略,
 * 戦略方針 and 施策 of the KPI report; 基本目標 and 基本方針 of the narrative. Matched by number.
 */
export interface StructureChange {
  level: 'strategy' | 'policy' | 'measure' | 'goal' | 'narrativePolicy';
  /** Where it stands, with the numbers of the levels above it: 重点戦略1 › 戦略方針2 › 施策3. */
  place: string;
  kind: 'renamed' | 'added' | 'removed';
  from: string | null;
  to: string | null;
}

export type NarrativeColumn = 'results' | 'plans' | 'measures';

/**
 * One change between the narratives of two years, per policy and column. This year's results
 * are compared with last year's plans: reworded or done is planned and done, removed is planned
 * and dropped, added is new; plans and measures are compared with last year's.
 */
export type NarrativeDiffEntry = {
  goal: number;
  goalTitle: string;
  policy: number;
  policyTitle: string;
  column: NarrativeColumn;
} & (
  | { kind: 'added'; text: string }
  | { kind: 'removed'; text: string }
  | { kind: 'reworded'; from: string; to: string; parts: { kind: 'same' | 'removed' | 'added'; text: string }[] }
  /** A result that last year's plans announced word for word (planned and done). */
  | { kind: 'done'; text: string }
);

/** What changed from one year's document to the next's. */
export interface DocumentDiff {
  kind: DocumentKind;
  fromYear: number;
  toYear: number;
  indicators: IndicatorDiffEntry[];
  /** The indicators that changed, each with both years (KPI only). */
  rows: IndicatorDiffRow[];
  summaries: SummaryDiffEntry[];
  narrative: NarrativeDiffEntry[];
  /** Headings renamed, added or removed (both kinds). */
  structure?: StructureChange[];
  /** The levels as the newer document labels them, where it has its own layout (KPI only). */
  hierarchy?: readonly HierarchyLevel[];
}

/** A document with the messages its reading produced (warnings; errors are thrown). */
export interface LoadedDocument {
  file: string;
  document: TasseiDocument;
  /** The scheme the document is graded by (see schemeFor). */
  scheme: Scheme;
  /**
   * The scheme it was printed under, whose grades its printed statuses and summary columns are:
   * told from a PDF's marks, a YAML's `scheme` key (see printedSchemeFor).
   */
  printedScheme: Scheme;
  messages: Message[];
  /** True where the document was extracted from a PDF. */
  fromPdf: boolean;
  /** Pages read, for a PDF. */
  pages?: number;
}
