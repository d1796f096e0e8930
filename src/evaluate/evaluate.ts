import { t, type Text } from '../model/i18n.js';
import { type Scheme, gradeOf, gradesOnly, markOf } from '../model/scheme.js';
import type {
  Blank,
  Blanks,
  Direction,
  Evaluation,
  Finding,
  Indicator,
  IndicatorEvaluation,
  KpiDocument,
  Measurement,
  KpiPlace,
  NarrativeDocument,
  PlanPeriod,
  Status,
  TasseiDocument,
} from '../model/types.js';
import { isBlank, walkIndicators } from '../model/walk.js';
import { ZERO, percentRounded, subtract, toNumber } from '../notation/decimal.js';
import { decimalOf, isTextValue } from '../notation/numbers.js';
import {
  type GradingInput,
  type Quantities,
  applyRules,
  describeCondition,
  directionOf,
  quantitiesNamed,
  quantitiesOf,
  shownQuantities,
  undecidedWithoutPlan,
} from './rules.js';
import { type StatusesOf, evaluateSummaries, statusesByRow } from './summaries.js';

/** What the evaluation of one indicator needs besides the indicator: the year and the plan. */
export interface EvaluationContext {
  fiscalYear: number;
  plan: PlanPeriod | null;
}

/** What tassei computes for one indicator, with the findings that arise on the way. */
export interface IndicatorResult {
  progress: number | null;
  status: Status | null;
  /** A rule (`rule 2`), an outcome (`noActual`, `state ended`), or null. */
  decidedBy: string | null;
  quantities: Quantities;
  /** The actual is not entered yet (未記入). */
  blank: boolean;
  findings: Omit<Finding, keyof KpiPlace>[];
}

/**
 * Compute progress (進捗率) and status (状況) of one indicator under a scheme. Pure. A scheme of
 * grades without rules (a document's own legend) cannot give a status: the printed one is kept.
 */
export function evaluateIndicator(indicator: Indicator, scheme: Scheme, context: EvaluationContext): IndicatorResult {
  const result = computeIndicator(indicator, scheme, context);
  if (!gradesOnly(scheme) || result.blank) return result;
  return { ...result, status: indicator.reported.status, decidedBy: indicator.reported.status === null ? null : 'printed' };
}

function computeIndicator(indicator: Indicator, scheme: Scheme, context: EvaluationContext): IndicatorResult {
  const result: IndicatorResult = { progress: null, status: null, decidedBy: null, quantities: {}, blank: false, findings: [] };
  const decide = (status: string, by: string) => Object.assign(result, { status, decidedBy: by });
  const stateGrade = indicator.state ? scheme.outcomes.states?.[indicator.state] : undefined;
  if (stateGrade) decide(stateGrade, `state ${indicator.state}`);
  if (isBlank(indicator)) {
    result.blank = result.status === null;
    return result;
  }
  for (const field of ['baseline', 'actual', 'target'] as const) {
    const m = indicator[field];
    if (m && m.value === null && !isDashText(m.text)) {
      result.findings.push({
        kind: 'unparsable-value',
        reported: m.text,
        computed: null,
        message: t(
          `${FIELD_NAMES[field]}「${m.text}」は数値ではありません。進捗率と状況を計算できません`,
          `the ${field} "${m.text}" is not a number; progress and status cannot be computed`,
        ),
      });
    }
  }
  // A value in words (調査中) leaves nothing to compute: the printed status is kept, as a scheme
  // without rules keeps it, so that the report does not correct a mark it cannot judge.
  if (result.findings.length > 0) return result.status || indicator.reported.status === null ? result : decide(indicator.reported.status, 'printed');

  const a = decimalOf(indicator.baseline) ?? ZERO;
  const b = decimalOf(indicator.actual);
  const c = indicator.target ? decimalOf(indicator.target) : null;
  if (b === null) return result.status ? result : decide(scheme.outcomes.noActual, 'noActual');
  if (c === null) {
    if (result.status) return result;
    if (scheme.outcomes.noTarget) return decide(scheme.outcomes.noTarget, 'noTarget');
    result.findings.push({
      kind: 'unparsable-value',
      reported: indicator.target?.text ?? null,
      computed: null,
      message: t('目標値がありません（c が「-」）。進捗率と状況を計算できません', 'there is no target (c is "-"): progress and status cannot be computed'),
    });
    return result;
  }

  const [numerator, denominator] = indicator.method === 'change' ? [subtract(b, a), subtract(c, a)] : [b, c];
  if (denominator.units === 0n) {
    result.findings.push({
      kind: 'division-by-zero',
      reported: indicator.reported.progress,
      computed: null,
      message:
        indicator.method === 'change'
          ? t(
              `目標値が現状値と同じです（c = a = ${indicator.target!.text}）。(b − a) / (c − a) は 0 で割ることになります`,
              `the target equals the baseline (c = a = ${indicator.target!.text}): (b − a) / (c − a) divides by zero`,
            )
          : t('目標値が 0 です。b / c は 0 で割ることになります', 'the target is zero: b / c divides by zero'),
    });
  } else {
    result.progress = toNumber(percentRounded(numerator, denominator));
  }
  const input: GradingInput = {
    a,
    b,
    c,
    method: indicator.method,
    direction: directionOf(indicator.direction, indicator.method, a, c),
    year: context.fiscalYear,
    plan: context.plan,
    tags: indicator.tags ?? [],
    state: indicator.state ?? null,
  };
  result.quantities = quantitiesOf(input);
  if (result.status) return result;
  if (scheme.outcomes.targetEqualsBaseline && subtract(c, a).units === 0n) return decide(scheme.outcomes.targetEqualsBaseline, 'targetEqualsBaseline');
  const applied = applyRules(scheme, input, result.quantities);
  // A scheme that pro-rates the target by the plan's years cannot grade a document without its plan
  // where a rule before the one that held needed it: the printed status is kept, neither erased nor
  // "corrected" to a lower grade (loading says the plan is missing).
  if (context.plan === null && undecidedWithoutPlan(scheme, indicator.method, applied?.index ?? null)) {
    const printed = indicator.reported.status;
    return printed !== null && gradeOf(scheme, printed) ? decide(printed, 'printed') : result;
  }
  return applied ? decide(applied.rule.grade, `rule ${applied.index + 1}`) : result;
}

const FIELD_NAMES = { baseline: '現状値 a', actual: '実績値 b', target: '目標値 c' } as const;

function isDashText(text: string): boolean {
  return /^[-‐–—―−ー－]?$/.test(text.normalize('NFKC').trim());
}

/** The department an indicator names (担当課), where it names one. */
function departmentOf(indicator: Indicator): string | null {
  const department = (indicator as { department?: unknown }).department;
  return typeof department === 'string' && department !== '' ? department : null;
}

/**
 * Evaluate a whole document under a scheme: every indicator, summary row, finding and blank. What
 * the document printed is checked under the scheme it was printed under (`printed`), so that a
 * change of scheme is not taken for an error of the source. Pure.
 */
export function evaluateDocument(doc: TasseiDocument, scheme: Scheme, printed: Scheme = scheme): Evaluation {
  if (doc.kind === 'narrative') return evaluateNarrative(doc, scheme);
  return evaluateKpi(doc, scheme, printed);
}

/** A narrative has nothing to compute; its blanks are the policies whose results are still drafts. */
export function evaluateNarrative(doc: NarrativeDocument, scheme: Scheme): Evaluation {
  const items: Blank[] = doc.goals.flatMap((g) =>
    g.policies
      .filter((p) => p.draft === true)
      .map((p): Blank => ({
        strategy: null,
        policy: p.no,
        measure: null,
        indicator: null,
        department: null,
        goal: g.no,
        field: 'results',
      })),
  );
  return { kind: doc.kind, scheme: scheme.id, indicators: [], summaries: [], findings: [], blanks: blanksOf(items) };
}

function counted<K>(items: readonly Blank[], key: (b: Blank) => K): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([k, count]) => ({ key: k, count }));
}

export function blanksOf(items: Blank[]): Blanks {
  return {
    count: items.length,
    items,
    byStrategy: counted(
      items.filter((b) => b.strategy !== null),
      (b) => b.strategy!,
    ).map(({ key, count }) => ({ strategy: key, count })),
    byGoal: counted(
      items.filter((b) => b.goal !== null),
      (b) => b.goal!,
    ).map(({ key, count }) => ({ goal: key, count })),
    byDepartment: counted(
      items.filter((b) => b.field === 'actual'),
      (b) => b.department,
    ).map(({ key, count }) => ({ department: key, count })),
  };
}

/** A KPI document evaluated in two steps: its indicators, then the summary rows counted from their statuses. */
export function evaluateKpi(doc: KpiDocument, scheme: Scheme, printedScheme: Scheme = scheme): Evaluation {
  const { indicators, findings, blanks, statusesOf } = evaluateIndicators(doc, scheme, printedScheme);
  const summarized = evaluateSummaries(doc, statusesOf, scheme, printedScheme);
  return {
    kind: doc.kind,
    scheme: scheme.id,
    ...(printedScheme.id !== scheme.id ? { printedScheme: printedScheme.id } : {}),
    indicators,
    summaries: summarized.summaries,
    findings: [...findings, ...summarized.findings],
    blanks: blanksOf(blanks),
  };
}

/**
 * Every indicator evaluated under the scheme, its printed figures checked under the one it was
 * printed under; its statuses are gathered for its summary row.
 */
function evaluateIndicators(
  doc: KpiDocument,
  scheme: Scheme,
  printedScheme: Scheme,
): { indicators: IndicatorEvaluation[]; findings: Finding[]; blanks: Blank[]; statusesOf: StatusesOf } {
  const regraded = printedScheme.id !== scheme.id;
  const indicators: IndicatorEvaluation[] = [];
  const findings: Finding[] = [];
  const blanks: Blank[] = [];
  const context: EvaluationContext = { fiscalYear: doc.fiscalYear, plan: doc.plan ?? null };
  const statusesOf = statusesByRow();
  for (const { indicator, place: at } of walkIndicators(doc)) {
    const result = evaluateIndicator(indicator, scheme, context);
    indicators.push({
      ...at,
      method: indicator.method,
      progress: result.progress,
      status: result.status,
      reported: indicator.reported,
      mark: result.status === null ? null : markOf(scheme, result.status),
      decidedBy: result.decidedBy,
      quantities: shownQuantities(result.quantities, quantitiesNamed(scheme, indicator.method)),
      blank: result.blank,
    });
    if (result.blank) blanks.push({ ...at, department: departmentOf(indicator), goal: null, field: 'actual' });
    findings.push(...result.findings.map((f) => ({ ...at, ...f })));
    // The printed figures against what the scheme they were printed under gives.
    const asPrinted = regraded ? evaluateIndicator(indicator, printedScheme, context) : result;
    findings.push(...compareReported(indicator, asPrinted, at, printedScheme));
    // A printed status that is no grade of that scheme (a document that says nothing of its scheme) is not checked.
    const printed = indicator.reported.status !== null && gradeOf(printedScheme, indicator.reported.status) ? indicator.reported.status : null;
    const group = statusesOf(at.strategy!, at.policy);
    // Under a scheme of grades only, an indicator printed without a mark has no status to count.
    const uncounted = (r: IndicatorResult, s: Scheme) => r.blank || (gradesOnly(s) && r.status === null);
    group.checked.push((asPrinted.blank || gradesOnly(printedScheme)) && printed === null ? undefined : (printed ?? asPrinted.status));
    group.computed.push(uncounted(result, scheme) ? undefined : result.status);
  }
  return { indicators, findings, blanks, statusesOf };
}

/** Findings where the printed progress or status disagrees with the computed one. */
function compareReported(indicator: Indicator, result: IndicatorResult, at: KpiPlace, scheme: Scheme): Finding[] {
  const findings: Finding[] = [];
  const printed = indicator.reported;
  if (result.findings.length > 0 || result.blank) return findings;
  // A blank cell printed nothing to check (a document still to be filled in has only blanks).
  if (printed.progress !== null && !sameProgress(printed.progress, result.progress)) {
    findings.push({
      ...at,
      kind: 'progress-mismatch',
      reported: printed.progress,
      computed: result.progress,
      message: t(
        `進捗率は ${formatProgress(printed.progress)} と印刷されていますが、${formula(indicator)} で計算すると ${formatProgress(result.progress)} です`,
        `progress printed ${formatProgress(printed.progress)}, computed ${formatProgress(result.progress)} by ${formula(indicator)}`,
      ),
    });
  }
  if (printed.status === null || !gradeOf(scheme, printed.status)) return findings;
  const printedMark = markOf(scheme, printed.status);
  const computedMark = result.status === null ? '' : markOf(scheme, result.status);
  if (printedMark !== computedMark) {
    findings.push({
      ...at,
      kind: 'status-mismatch',
      reported: printed.status,
      computed: result.status,
      message: t(
        `状況は ${printedMark} と印刷されていますが、計算すると ${computedMark || '（なし）'} です: ${whyStatus(indicator, result, scheme).ja}`,
        `status printed ${printedMark}, computed ${computedMark || '(none)'}: ${whyStatus(indicator, result, scheme).en}`,
      ),
    });
  }
  return findings;
}

function sameProgress(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.round(a * 10) === Math.round(b * 10);
}

export function formatProgress(p: number | null): string {
  return p === null ? '-' : `${p.toFixed(1)}%`;
}

/** A value as a formula shows it: the number, or the cell as printed where it holds none (調査中, -); a baseline printed `-` is 0. */
export function figureOf(m: Measurement | null | undefined, blank: string = '-'): string {
  if (m && m.value !== null) return String(m.value);
  return m?.text.trim() || blank;
}

/** a, b and c as a formula shows them. */
export function figuresOf(indicator: Indicator): [string, string, string] {
  const a = indicator.baseline.value === null ? (isTextValue(indicator.baseline.text) ? figureOf(indicator.baseline) : '0') : String(indicator.baseline.value);
  return [a, figureOf(indicator.actual), figureOf(indicator.target)];
}

/** Whether the indicator's target goes up or down (as its rules read it), or null where none is set. */
export function directionOfIndicator(indicator: Indicator): Direction | null {
  const c = indicator.target ? decimalOf(indicator.target) : null;
  return c === null ? (indicator.direction ?? null) : directionOf(indicator.direction, indicator.method, decimalOf(indicator.baseline) ?? ZERO, c);
}

function formula(indicator: Indicator): string {
  const [a, b, c] = figuresOf(indicator);
  return indicator.method === 'change' ? `(b − a) / (c − a) = (${b} − ${a}) / (${c} − ${a})` : `b / c (※) = ${b} / ${c}`;
}

/** Why a status: the rule or outcome that gave it, with the values. */
function whyStatus(indicator: Indicator, result: IndicatorResult, scheme: Scheme): Text {
  const [a, b, c] = figuresOf(indicator);
  const values = `a = ${a}, b = ${b}, c = ${c}${indicator.method === 'ratio' ? ', ※ b/c' : ''}`;
  const by = result.decidedBy;
  if (by === 'noActual') return t('実績値がありません', 'there is no actual value');
  if (by === null || result.status === null) return t(`評価基準のどの規則にも当たりません（${values}）`, `no rule of the scheme applies (${values})`);
  const rule = by.startsWith('rule ') ? scheme.rules[indicator.method][Number(by.slice(5)) - 1] : undefined;
  const condition = rule?.when ? describeCondition(rule.when, directionOfIndicator(indicator)) : by;
  const progress = /progress/.test(condition) ? `progress ${formatProgress(result.progress)}, ` : '';
  return t(
    `${condition} により ${markOf(scheme, result.status)}（${progress}${values}）`,
    `${condition} gives ${markOf(scheme, result.status)} (${progress}${values})`,
  );
}
