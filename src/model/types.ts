/**
 * The shared language of the pipeline: the documents (as they are stored in YAML), the
 * evaluation of a document, and the messages every stage carries with it.
 */

/** A status of an indicator (状況). */
export type Status =
  /** 目標達成: the target is reached. */
  | 'achieved'
  /** 改善↑: moved towards the target. */
  | 'improved'
  /** -: no change against the baseline. */
  | 'unchanged'
  /** 悪化↓: moved away from the target. */
  | 'worsened'
  /** - as well: no actual value, nothing to judge. */
  | 'nodata';

export const STATUSES: readonly Status[] = ['achieved', 'improved', 'unchanged', 'worsened', 'nodata'];

/**
 * How progress (進捗率) is computed: `change` is (b − a) / (c − a); `ratio` is b / c, printed
 * with ※ after the indicator's name.
 */
export type Method = 'change' | 'ratio';

/** One printed value cell: 現状 a, 実績 b or 目標 c. */
export interface Measurement {
  /** The number, or null where the cell is printed as `-`. */
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
  target: Measurement;
  reported: Reported;
  /** Last year's actual, kept by `tassei next` so that the next report can show the trend. */
  previousActual?: Measurement | null;
}

/** A status count row of a summary table (目標達成 / 改善↑ / - / 悪化↓ / 合計). */
export interface Summary {
  achieved: number;
  improved: number;
  /** The `-` column: no change, and no data. */
  unchanged: number;
  worsened: number;
  total: number;
}

export const SUMMARY_COLUMNS = ['achieved', 'improved', 'unchanged', 'worsened', 'total'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

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
  reportedSummary: Summary | null;
  measures: Measure[];
}

/** 重点戦略: a strategy, with its own goal indicators (基本目標) and its policies. */
export interface Strategy {
  no: number;
  title: string;
  /** The strategy's own goal indicators, the 基本目標 row. */
  indicators: Indicator[];
  reportedGoalSummary: Summary | null;
  /** The strategy's total row, as printed. */
  reportedSummary: Summary | null;
  policies: Policy[];
}

/** The KPI progress report (重要業績評価指標（KPI）の進捗状況). */
export interface KpiDocument {
  kind: 'kpi-progress';
  title: string;
  /** The year of the actuals column (R1実績 → 2019). */
  fiscalYear: number;
  strategies: Strategy[];
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
}

/** Which row of a summary table: the strategy's total, its 基本目標 row, or a policy. */
export type SummaryRow = 'total' | 'goal' | 'policy';

export interface SummaryEvaluation {
  strategy: number;
  policy: number | null;
  row: SummaryRow;
  /** Counted from the statuses the document printed (checking the printed table). */
  checked: Summary;
  /** Counted from the statuses tassei computes (what a rendered report prints). */
  computed: Summary;
  reported: Summary | null;
}

export type FindingKind =
  | 'progress-mismatch'
  | 'status-mismatch'
  | 'summary-mismatch'
  | 'division-by-zero'
  | 'unparsable-value';

/** A disagreement between what the document printed and what tassei computes. */
export interface Finding extends KpiPlace {
  kind: FindingKind;
  /** For summary findings: which row and column. */
  row?: SummaryRow;
  column?: SummaryColumn;
  /** What the document printed and what tassei computes: a percentage, a status key or a count. */
  reported: string | number | null;
  computed: string | number | null;
  message: string;
}

export interface Evaluation {
  kind: DocumentKind;
  indicators: IndicatorEvaluation[];
  summaries: SummaryEvaluation[];
  findings: Finding[];
}

/** How bad a message is: an `error` stops that file, a `warning` does not. */
export type Severity = 'error' | 'warning' | 'info';

/** A message carried with a document: what, where, and what to do about it. */
export interface Message {
  severity: Severity;
  /** A short rule id, e.g. `yaml-schema`, `pdf-encrypted`. */
  rule: string;
  file: string;
  /** 1-based line and column in a YAML file. */
  line?: number;
  column?: number;
  /** 1-based page in a PDF. */
  page?: number;
  /** The key path in the document, e.g. `strategies[0].policies[1].title`. */
  path?: string;
  /** The part of a KPI document the message is about (the extractor's self-check). */
  place?: KpiPlace;
  message: string;
  hint?: string;
}

/** A field of an indicator that changed between two years. */
export type ChangedField = 'baseline' | 'actual' | 'target' | 'unit' | 'method';

/** Where an indicator stands, with the titles, for grouping a diff. */
export interface IndicatorPlace {
  strategy: number;
  strategyTitle: string;
  policy: number | null;
  measure: number | null;
}

/** One change between the indicators of two years; `name` is the newer name. */
export type IndicatorDiffEntry = IndicatorPlace & (
  | { kind: 'added'; name: string }
  | { kind: 'removed'; name: string }
  | { kind: 'renamed'; name: string; from: string; to: string }
  /** Paired with an indicator at another place last year; the entry stands at the new place. */
  | { kind: 'moved'; name: string; from: IndicatorPlace }
  | { kind: 'changed'; name: string; field: ChangedField; from: string | null; to: string | null }
  | { kind: 'statusChanged'; name: string; from: Status | null; to: Status | null }
);

/** An indicator as one year printed or computed it, for a side-by-side review (新旧対照表). */
export interface IndicatorState {
  name: string;
  unit: string | null;
  method: Method;
  baseline: string;
  actual: string;
  target: string;
  progress: number | null;
  status: Status | null;
  /** The actual is not yet entered (未記入). */
  blank: boolean;
}

/** One indicator of a diff with both years side by side; null where it did not exist. */
export interface IndicatorDiffRow {
  place: IndicatorPlace;
  /** Last year's place, where it differs (a move). */
  fromPlace: IndicatorPlace | null;
  from: IndicatorState | null;
  to: IndicatorState | null;
}

export interface SummaryDiffEntry {
  strategy: number;
  policy: number | null;
  row: SummaryRow;
  from: Summary | null;
  to: Summary | null;
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
}
