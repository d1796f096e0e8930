import type { Evaluation, Indicator, IndicatorEvaluation, KpiDocument, KpiPlace, Measure, Policy, Strategy } from './types.js';

/**
 * The one walk of a KPI document: strategy → (its own 基本目標 indicators) → policy → measure →
 * indicator, in print order. Each indicator comes with its place and a key that names it
 * without counting positions, so that what is computed for an indicator is found by key.
 */

export interface IndicatorAt {
  indicator: Indicator;
  strategy: Strategy;
  /** null for the strategy's own 基本目標 indicators. */
  policy: Policy | null;
  measure: Measure | null;
  place: KpiPlace & { indicator: string };
  /** Stable across edits elsewhere in the document: strategy/policy/measure/name. */
  key: string;
  /** The YAML path of the indicator, e.g. `strategies[0].policies[1].measures[0].indicators[2]`. */
  path: string;
}

/** The key of an indicator's place; a name repeated within one measure gets #2, #3 … */
export function placeKey(place: KpiPlace, occurrence = 1): string {
  const key = `${place.strategy ?? '-'}/${place.policy ?? '-'}/${place.measure ?? '-'}/${place.indicator ?? ''}`;
  return occurrence > 1 ? `${key}#${occurrence}` : key;
}

/** Keys for places in order, numbering repeats of one place. */
function keyer(): (place: KpiPlace) => string {
  const seen = new Map<string, number>();
  return (place) => {
    const base = placeKey(place);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return placeKey(place, n);
  };
}

export function walkIndicators(doc: KpiDocument): IndicatorAt[] {
  const key = keyer();
  const all: IndicatorAt[] = [];
  doc.strategies.forEach((strategy, si) => {
    const add = (indicator: Indicator, policy: Policy | null, measure: Measure | null, path: string) => {
      const place = { strategy: strategy.no, policy: policy?.no ?? null, measure: measure?.no ?? null, indicator: indicator.name };
      all.push({ indicator, strategy, policy, measure, place, key: key(place), path });
    };
    strategy.indicators.forEach((i, k) => add(i, null, null, `strategies[${si}].indicators[${k}]`));
    strategy.policies.forEach((p, pi) =>
      p.measures.forEach((m, mi) => m.indicators.forEach((i, k) => add(i, p, m, `strategies[${si}].policies[${pi}].measures[${mi}].indicators[${k}]`))),
    );
  });
  return all;
}

/** The evaluation of each indicator by its key. */
export function evaluationsByKey(evaluation: Evaluation): Map<string, IndicatorEvaluation> {
  const key = keyer();
  return new Map(evaluation.indicators.map((e) => [key(e), e]));
}

/** What was computed for an indicator; an evaluation of another document is an error, not a wrong row. */
export function evaluationOf(evaluations: Map<string, IndicatorEvaluation>, at: IndicatorAt): IndicatorEvaluation {
  const e = evaluations.get(at.key);
  if (!e) throw new RangeError(`no evaluation for ${at.key}: the evaluation is of another document`);
  return e;
}

/** What a report prints in the cell of an actual not yet entered, and reads back as one. */
export const NOT_ENTERED = '未記入';

/** An actual not yet entered (未記入): nothing written, not even the `-` of "no data". */
export function isBlank(indicator: Indicator): boolean {
  return indicator.actual.value === null && indicator.actual.text.trim() === '';
}

/** The indicators whose actual is still blank. */
export function blankIndicators(doc: KpiDocument): IndicatorAt[] {
  return walkIndicators(doc).filter((at) => isBlank(at.indicator));
}

/** A message's place: as the document labels its levels where it says (placeName), else tassei's; then the indicator or row. */
export function placeText(m: { place?: KpiPlace; placeName?: string; row?: string }): string {
  if (m.placeName === undefined) return kpiPlaceName(m.place!, m.row);
  return [m.placeName, m.place?.indicator ?? m.row ?? ''].filter(Boolean).join(' › ');
}

/** 重点戦略1 › 戦略方針3 › 施策2 › 指標名 (or the summary row's name where there is no indicator). */
export function kpiPlaceName(place: KpiPlace, row?: string): string {
  return [
    place.strategy !== null ? `重点戦略${place.strategy}` : '',
    place.policy !== null ? `戦略方針${place.policy}` : '',
    place.measure !== null ? `施策${place.measure}` : '',
    place.indicator ?? row ?? '',
  ]
    .filter(Boolean)
    .join(' › ');
}
