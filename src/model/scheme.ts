/**
 * A grading scheme (評価基準): how a municipality grades its indicators. Grades, the quantities
 * they are judged on, and the outcomes for what numbers cannot judge are data (schemes/*.yaml,
 * checked by schema/scheme.schema.json); the evaluator applies whichever scheme it is given.
 */

/** A grade of a scheme (目標達成, 改善↑, S, A, ◎, 7 …): a column of the summary tables. */
export interface Grade {
  /** The key used in YAML and JSON (`achieved`, `s`, `p7`). */
  id: string;
  /** The mark printed in the 状況 column, in summary headings, charts and legends. */
  mark: string;
  /** The colour of the mark and of its bar in the status chart. */
  colour: string;
  /** What the grade means, as the municipality words it (for legends). */
  meaning?: string;
  /** Other printed forms that mean this grade, for reading documents. */
  forms?: string[];
  /**
   * A grade that has no summary column of its own and is counted in another's: the default
   * scheme's no-data (-) is counted in the - column of no change.
   */
  countIn?: string;
}

/**
 * What a rule compares (all exact, from the printed decimals):
 * - `progress`: (b − a)/(c − a) × 100; b/c × 100 for the ※ (ratio) method;
 * - `achievement`: b/c × 100 for an up target, c/b × 100 for a down target;
 * - `movement`: b − a, in the target's direction (positive is better);
 * - `relativeMovement`: (b − a)/|a| × 100, in the target's direction;
 * - `reach`: b − c, in the target's direction (≥ 0: the target is reached);
 * - `elapsed`: (year − start + 1)/(end − start + 1) × 100, the share of the plan gone by;
 * - `pace`: progress / elapsed × 100, progress against the target pro-rated to the year.
 * A quantity that cannot be computed (a = c for progress, no plan for elapsed) makes every
 * comparison of it false.
 */
export const QUANTITIES = ['progress', 'achievement', 'movement', 'relativeMovement', 'reach', 'elapsed', 'pace'] as const;
export type Quantity = (typeof QUANTITIES)[number];

export const COMPARISONS = ['>=', '>', '=', '!=', '<', '<='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The judgements numbers cannot give, recorded on an indicator. */
export const INDICATOR_STATES = ['ended', 'on-hold', 'not-implemented'] as const;
export type IndicatorState = (typeof INDICATOR_STATES)[number];

/** A condition of a rule: comparisons combined with all/any, and tests of the indicator. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  /** A bound: inclusive (>=, <=) or strict (>, <). */
  | { of: Quantity; is: Comparison; value: number }
  /** A tolerance band: |quantity| ≤ within (< within when strict). */
  | { of: Quantity; within: number; strict?: boolean }
  | { tag: string }
  | { state: IndicatorState }
  | { method: 'change' | 'ratio' }
  | { direction: 'up' | 'down' };

/** A rule: the grade given when the condition holds (always, without one). */
export interface Rule {
  grade: string;
  when?: Condition;
}

/** Grades given before any rule is tried; a missing one leaves the case to the rules. */
export interface Outcomes {
  /** An actual printed `-` (no data). */
  noActual: string;
  /** No target was set (`target: null`, or printed `-`). */
  noTarget?: string;
  /** The target equals the baseline (a = c). */
  targetEqualsBaseline?: string;
  /** Each state an indicator may carry. */
  states?: Partial<Record<IndicatorState, string>>;
}

export interface Scheme {
  id: string;
  /** Where the scheme comes from (a municipality's page). */
  source: string;
  description: string;
  /** In print order. */
  grades: Grade[];
  /** Tried in order for each method; the first whose condition holds gives the grade. */
  rules: { change: Rule[]; ratio: Rule[] };
  outcomes: Outcomes;
}

/** The grades that have a summary column, in order. */
export function summaryGrades(scheme: Scheme): Grade[] {
  return scheme.grades.filter((g) => g.countIn === undefined);
}

/** The summary column a grade is counted in. */
export function columnOf(scheme: Scheme, grade: string): string {
  return scheme.grades.find((g) => g.id === grade)?.countIn ?? grade;
}

export function gradeOf(scheme: Scheme, id: string): Grade | undefined {
  return scheme.grades.find((g) => g.id === id);
}

/** The printed mark of a grade; the id itself for a grade the scheme does not know. */
export function markOf(scheme: Scheme, id: string): string {
  return gradeOf(scheme, id)?.mark ?? id;
}

/**
 * The grade a printed mark means, by its mark or another printed form, as printed or in its
 * NFKC form; undefined for a mark the scheme does not know. A mark two grades share (the
 * default scheme's - for no change and no data) reads as the first; the caller knows when
 * there is no actual.
 */
export function gradeOfMark(scheme: Scheme, printed: string): string | undefined {
  const text = printed.trim();
  for (const form of [text, text.normalize('NFKC')]) {
    const grade = scheme.grades.find((g) => g.mark === form) ?? scheme.grades.find((g) => g.forms?.includes(form));
    if (grade) return grade.id;
  }
  return undefined;
}

/**
 * Where a document's printed statuses and summary columns are not grades of a scheme: the key
 * path of each, for a located message.
 */
export function unknownGrades(
  doc: {
    strategies: {
      indicators: { reported: { status: string | null } }[];
      reportedSummary: object | null;
      reportedGoalSummary: object | null;
      policies: { reportedSummary: object | null; measures: { indicators: { reported: { status: string | null } }[] }[] }[];
    }[];
  },
  scheme: Scheme,
): { path: (string | number)[]; found: string }[] {
  const ids = new Set(scheme.grades.map((g) => g.id));
  const columns = new Set([...summaryGrades(scheme).map((g) => g.id), 'total']);
  const found: { path: (string | number)[]; found: string }[] = [];
  const indicators = (list: { reported: { status: string | null } }[], base: (string | number)[]) =>
    list.forEach((i, k) => {
      if (i.reported.status !== null && !ids.has(i.reported.status)) found.push({ path: [...base, k, 'reported', 'status'], found: i.reported.status });
    });
  const summary = (s: object | null, base: (string | number)[]) => {
    for (const key of Object.keys(s ?? {})) if (!columns.has(key)) found.push({ path: [...base, key], found: key });
  };
  doc.strategies.forEach((s, si) => {
    indicators(s.indicators, ['strategies', si, 'indicators']);
    summary(s.reportedSummary, ['strategies', si, 'reportedSummary']);
    summary(s.reportedGoalSummary, ['strategies', si, 'reportedGoalSummary']);
    s.policies.forEach((p, pi) => {
      summary(p.reportedSummary, ['strategies', si, 'policies', pi, 'reportedSummary']);
      p.measures.forEach((m, mi) => indicators(m.indicators, ['strategies', si, 'policies', pi, 'measures', mi, 'indicators']));
    });
  });
  return found;
}

/**
 * The scheme of a document whose marks no scheme file knows, made from the legend it prints
 * (【評価】S：… A：…): its grades in the legend's order, and no rules, for the legend says what a
 * mark means, not how the numbers give it. Its printed statuses are kept as printed (the
 * evaluator cannot recompute them). A document names it `scheme: legend`; its marks are in
 * `layout.legend`.
 */
export const LEGEND_SCHEME_ID = 'legend';

/** Colours of a legend's grades, in order (a printed legend gives none). */
const LEGEND_COLOURS = ['#1b7f3b', '#1f5fa8', '#c76b00', '#b3261e', '#6b4fa0', '#00796b', '#8d6e63'];
const DASH_MARK = /^[-‐–—―−－]$/;
const NO_DATA = 'nodata';

/** A grade's id for a printed mark: the letter itself (S, A, B+ → Bplus), nodata for a dash, else m1, m2 … by place. */
export function legendGradeId(mark: string, place: number): string {
  const plain = mark.normalize('NFKC').trim();
  if (DASH_MARK.test(plain)) return NO_DATA;
  if (/^[A-Za-z0-9]+[+-]?$/.test(plain)) return plain.replace('+', 'plus').replace(/-$/, 'minus');
  return `m${place + 1}`;
}

export function legendScheme(marks: readonly { mark: string; meaning: string }[]): Scheme {
  const grades: Grade[] = marks.map((m, k) => ({
    id: legendGradeId(m.mark, k),
    mark: m.mark,
    colour: DASH_MARK.test(m.mark.normalize('NFKC').trim()) ? '#6b6b6b' : LEGEND_COLOURS[k % LEGEND_COLOURS.length]!,
    ...(m.meaning ? { meaning: m.meaning } : {}),
    ...(DASH_MARK.test(m.mark.normalize('NFKC').trim()) ? { forms: ['-', '－', '−', '―'] } : {}),
  }));
  return {
    id: LEGEND_SCHEME_ID,
    source: 'the document',
    description: 'the grades of the legend the document prints; no rules: statuses as printed',
    grades,
    rules: { change: [], ratio: [] },
    outcomes: { noActual: grades.find((g) => g.id === NO_DATA)?.id ?? NO_DATA },
  };
}

/** Whether a scheme has grades but no rules (a legend's): statuses cannot be recomputed, only kept. */
export function gradesOnly(scheme: Scheme): boolean {
  return scheme.rules.change.length === 0 && scheme.rules.ratio.length === 0;
}
