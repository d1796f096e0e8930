import type {
  Evaluation, Finding, Indicator, IndicatorEvaluation, KpiDocument, KpiPlace, Status, Summary,
  SummaryColumn, SummaryEvaluation, SummaryRow, TasseiDocument,
} from '../model/types.js';
import { SUMMARY_COLUMNS } from '../model/types.js';
import { walkIndicators } from '../model/walk.js';
import {
  ZERO, compare, comparePercent, decimalOfNumber, percentRounded, subtract, toNumber,
} from './decimal.js';
import { decimalOf } from './numbers.js';
import { DEFAULT_SCHEME, type StatusScheme, holds, labelOf } from './rules.js';

/** What tassei computes for one indicator, with the findings that arise on the way. */
export interface IndicatorResult {
  progress: number | null;
  status: Status | null;
  findings: Omit<Finding, keyof KpiPlace>[];
}

/** Compute progress (進捗率) and status (状況) of one indicator. Pure. */
export function evaluateIndicator(indicator: Indicator, scheme: StatusScheme = DEFAULT_SCHEME): IndicatorResult {
  const findings: IndicatorResult['findings'] = [];
  const unparsable = (field: 'baseline' | 'actual' | 'target'): void => {
    findings.push({
      kind: 'unparsable-value',
      reported: indicator[field].text,
      computed: null,
      message: `the ${field} "${indicator[field].text}" is not a number; progress and status cannot be computed`,
    });
  };
  for (const field of ['baseline', 'actual', 'target'] as const) {
    const m = indicator[field];
    if (m.value === null && !isDashText(m.text)) unparsable(field);
  }
  if (findings.length > 0) return { progress: null, status: null, findings };

  const a = decimalOf(indicator.baseline) ?? ZERO;
  const b = decimalOf(indicator.actual);
  const c = decimalOf(indicator.target);
  if (b === null) return { progress: null, status: 'nodata', findings };
  if (c === null) {
    findings.push({
      kind: 'unparsable-value', reported: indicator.target.text, computed: null,
      message: 'there is no target (c is "-"): progress and status cannot be computed',
    });
    return { progress: null, status: null, findings };
  }

  const [numerator, denominator] = indicator.method === 'change' ? [subtract(b, a), subtract(c, a)] : [b, c];
  const quantities = { reach: subtract(b, c), movement: subtract(b, a) };

  let progress: number | null = null;
  if (denominator.units === 0n) {
    findings.push({
      kind: 'division-by-zero', reported: indicator.reported.progress, computed: null,
      message: indicator.method === 'change'
        ? `the target equals the baseline (c = a = ${indicator.target.text}): (b − a) / (c − a) divides by zero`
        : `the target is zero: b / c divides by zero`,
    });
  } else {
    progress = toNumber(percentRounded(numerator, denominator));
  }

  let status: Status | null = null;
  for (const rule of scheme.rules[indicator.method]) {
    const threshold = decimalOfNumber(rule.value);
    let order: -1 | 0 | 1;
    if (rule.of === 'progress') {
      if (denominator.units === 0n) continue;
      order = comparePercent(numerator, denominator, threshold);
    } else {
      order = compare(quantities[rule.of], threshold);
    }
    if (holds(rule.is, order, 0)) {
      status = rule.status;
      break;
    }
  }
  return { progress, status, findings };
}

function isDashText(text: string): boolean {
  return /^[-‐–—―−ー－]?$/.test(text.normalize('NFKC').trim());
}

export function emptySummary(): Summary {
  return { achieved: 0, improved: 0, unchanged: 0, worsened: 0, total: 0 };
}

/** The summary column a status is counted in: `-` holds no change, no data and no status. */
export function columnOf(status: Status | null): Exclude<SummaryColumn, 'total'> {
  return status === 'achieved' || status === 'improved' || status === 'worsened' ? status : 'unchanged';
}

export function countStatuses(statuses: readonly (Status | null)[]): Summary {
  const summary = emptySummary();
  for (const s of statuses) summary[columnOf(s)] += 1;
  summary.total = statuses.length;
  return summary;
}

export function addSummaries(summaries: readonly Summary[]): Summary {
  const total = emptySummary();
  for (const s of summaries) for (const col of SUMMARY_COLUMNS) total[col] += s[col];
  return total;
}

const COLUMN_LABELS: Record<SummaryColumn, string> = {
  achieved: '目標達成', improved: '改善↑', unchanged: '-', worsened: '悪化↓', total: '合計',
};

const ROW_LABELS: Record<SummaryRow, string> = { total: 'total row', goal: '基本目標 row', policy: 'policy row' };

/** Evaluate a whole document: every indicator, every summary row, every finding. Pure. */
export function evaluateDocument(doc: TasseiDocument, scheme: StatusScheme = DEFAULT_SCHEME): Evaluation {
  if (doc.kind === 'narrative') return { kind: doc.kind, indicators: [], summaries: [], findings: [] };
  return evaluateKpi(doc, scheme);
}

export function evaluateKpi(doc: KpiDocument, scheme: StatusScheme = DEFAULT_SCHEME): Evaluation {
  const indicators: IndicatorEvaluation[] = [];
  const summaries: SummaryEvaluation[] = [];
  const findings: Finding[] = [];

  // Statuses per summary row: printed (or computed where blank) for checking, computed for printing.
  const groups = new Map<string, { checked: (Status | null)[]; computed: (Status | null)[] }>();
  const groupOf = (strategy: number, policy: number | null) => {
    const key = `${strategy}/${policy ?? 'goal'}`;
    const group = groups.get(key) ?? { checked: [], computed: [] };
    groups.set(key, group);
    return group;
  };
  for (const { indicator, place: at } of walkIndicators(doc)) {
    const result = evaluateIndicator(indicator, scheme);
    indicators.push({ ...at, method: indicator.method, progress: result.progress, status: result.status, reported: indicator.reported });
    findings.push(...result.findings.map((f) => ({ ...at, ...f })));
    findings.push(...compareReported(indicator, result, at, scheme));
    const group = groupOf(at.strategy!, at.policy);
    group.checked.push(indicator.reported.status ?? result.status);
    group.computed.push(result.status);
  }
  const counts = (strategy: number, policy: number | null) => {
    const group = groupOf(strategy, policy);
    return { checked: countStatuses(group.checked), computed: countStatuses(group.computed) };
  };

  const addSummary = (
    row: SummaryRow, strategy: number, policy: number | null,
    counts: { checked: Summary; computed: Summary }, reported: Summary | null,
  ) => {
    summaries.push({ strategy, policy, row, ...counts, reported });
    if (!reported) return;
    for (const column of SUMMARY_COLUMNS) {
      if (reported[column] === counts.checked[column]) continue;
      findings.push({
        kind: 'summary-mismatch', strategy, policy, measure: null, indicator: null, row, column,
        reported: reported[column], computed: counts.checked[column],
        message: `strategy ${strategy}${policy !== null ? ` policy ${policy}` : ''} ${ROW_LABELS[row]}, column ${COLUMN_LABELS[column]}: printed ${reported[column]}, but the indicators ${row === 'total' ? 'of its policies ' : ''}count ${counts.checked[column]}`,
      });
    }
  };

  for (const strategy of doc.strategies) {
    const policyCounts = strategy.policies.map((policy) => ({ policy, counts: counts(strategy.no, policy.no) }));
    // The total row is the sum of the policy rows: the 基本目標 row is left out.
    addSummary('total', strategy.no, null, {
      checked: addSummaries(policyCounts.map((p) => p.counts.checked)),
      computed: addSummaries(policyCounts.map((p) => p.counts.computed)),
    }, strategy.reportedSummary);
    addSummary('goal', strategy.no, null, counts(strategy.no, null), strategy.reportedGoalSummary);
    for (const { policy, counts: c } of policyCounts) addSummary('policy', strategy.no, policy.no, c, policy.reportedSummary);
  }
  return { kind: doc.kind, indicators, summaries, findings };
}

/** Findings where the printed progress or status disagrees with the computed one. */
function compareReported(indicator: Indicator, result: IndicatorResult, at: KpiPlace, scheme: StatusScheme): Finding[] {
  const findings: Finding[] = [];
  const printed = indicator.reported;
  if (result.findings.length > 0) return findings;
  // A blank cell printed nothing to check (a document still to be filled in has only blanks).
  if (printed.progress !== null && !sameProgress(printed.progress, result.progress)) {
    findings.push({
      ...at, kind: 'progress-mismatch', reported: printed.progress, computed: result.progress,
      message: `progress printed ${formatProgress(printed.progress)}, computed ${formatProgress(result.progress)} by ${formula(indicator)}`,
    });
  }
  const printedMark = printed.status === null ? '' : labelOf(printed.status, scheme);
  const computedMark = result.status === null ? '' : labelOf(result.status, scheme);
  if (printed.status !== null && printedMark !== computedMark) {
    findings.push({
      ...at, kind: 'status-mismatch', reported: printed.status, computed: result.status,
      message: `status printed ${printedMark || '(blank)'}, computed ${computedMark || '(none)'}: ${whyStatus(indicator, result, scheme)}`,
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

function formula(indicator: Indicator): string {
  const a = indicator.baseline.value ?? 0;
  const b = indicator.actual.value;
  const c = indicator.target.value;
  return indicator.method === 'change' ? `(b − a) / (c − a) = (${b} − ${a}) / (${c} − ${a})` : `b / c (※) = ${b} / ${c}`;
}

function whyStatus(indicator: Indicator, result: IndicatorResult, scheme: StatusScheme): string {
  if (result.status === 'nodata') return 'there is no actual value';
  const rule = scheme.rules[indicator.method].find((r) => r.status === result.status);
  const values = `a = ${indicator.baseline.value ?? 0}, b = ${indicator.actual.value}, c = ${indicator.target.value}`;
  if (!rule) return `no rule of the scheme applies (${values})`;
  const subject = rule.of === 'progress' ? `progress ${formatProgress(result.progress)}` : QUANTITY_WORDS[rule.of];
  return `${subject} ${rule.is} ${rule.value}${rule.of === 'progress' ? ' %' : ''} gives ${labelOf(rule.status, scheme)} (${values}${indicator.method === 'ratio' ? ', ※ b/c' : ''})`;
}

const QUANTITY_WORDS = { reach: 'b − c', movement: 'b − a' } as const;
