import type { Comparison, Condition, Quantity, Rule, Scheme } from '../model/scheme.js';
import type { Direction, IndicatorState, Method, PlanPeriod } from '../model/types.js';
import {
  type Decimal,
  type Fraction,
  HUNDRED,
  absolute,
  compareFraction,
  decimalOfNumber,
  divide,
  fractionOf,
  fractionOfInteger,
  fractionToNumber,
  subtract,
  times,
} from '../notation/decimal.js';

/**
 * The rules of a grading scheme applied to one indicator: the quantities its rules compare,
 * computed exactly, and the first rule whose condition holds. Pure.
 */

/** What a grade is judged on: the values, the target's direction and the year in the plan. */
export interface GradingInput {
  a: Decimal;
  b: Decimal;
  c: Decimal;
  method: Method;
  direction: Direction | null;
  /** The evaluation year (the document's fiscalYear) and the plan period, where known. */
  year: number;
  plan: PlanPeriod | null;
  tags: readonly string[];
  state: IndicatorState | null;
}

/**
 * The target's direction: as given, else up for ※ (b / c reads more as better: a ※ target
 * below its baseline is a level to keep), else by the target against the baseline; null where
 * a = c and none is given.
 */
export function directionOf(given: Direction | undefined, method: Method, a: Decimal, c: Decimal): Direction | null {
  if (given) return given;
  if (method === 'ratio') return 'up';
  const order = compareFraction(fractionOf(c), a);
  return order > 0 ? 'up' : order < 0 ? 'down' : null;
}

export type Quantities = Partial<Record<Quantity, Fraction>>;

/** Every quantity a rule may compare, where it can be computed. */
export function quantitiesOf(input: GradingInput): Quantities {
  const [a, b, c] = [fractionOf(input.a), fractionOf(input.b), fractionOf(input.c)];
  const q: Quantities = {};
  const put = (name: Quantity, value: Fraction | null) => {
    if (value) q[name] = value;
  };
  const percent = (x: Fraction | null) => (x ? times(x, HUNDRED) : null);
  const bMinusA = fractionOf(subtract(input.b, input.a));
  put('progress', percent(input.method === 'change' ? divide(bMinusA, fractionOf(subtract(input.c, input.a))) : divide(b, c)));
  if (input.direction) {
    const sign = fractionOfInteger(input.direction === 'up' ? 1 : -1);
    put('achievement', percent(input.direction === 'up' ? divide(b, c) : divide(c, b)));
    put('movement', times(bMinusA, sign));
    put('relativeMovement', percent(divide(times(bMinusA, sign), absolute(a))));
    put('reach', times(fractionOf(subtract(input.b, input.c)), sign));
  }
  if (input.plan && input.plan.end >= input.plan.start) {
    const elapsed = percent(divide(fractionOfInteger(input.year - input.plan.start + 1), fractionOfInteger(input.plan.end - input.plan.start + 1)))!;
    put('elapsed', elapsed);
    if (q.progress && elapsed.num > 0n) put('pace', percent(divide(q.progress, elapsed)));
  }
  return q;
}

/** Whether a condition holds; a comparison of a quantity that cannot be computed does not. */
export function conditionHolds(condition: Condition, input: GradingInput, q: Quantities): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, input, q));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, input, q));
  if ('of' in condition) {
    const value = q[condition.of];
    if (!value) return false;
    if ('within' in condition) {
      const order = compareFraction(absolute(value), decimalOfNumber(condition.within));
      return condition.strict ? order < 0 : order <= 0;
    }
    return holds(condition.is, compareFraction(value, decimalOfNumber(condition.value)));
  }
  if ('tag' in condition) return input.tags.includes(condition.tag);
  if ('state' in condition) return input.state === condition.state;
  if ('method' in condition) return input.method === condition.method;
  return input.direction === condition.direction;
}

function holds(comparison: Comparison, order: -1 | 0 | 1): boolean {
  switch (comparison) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
  }
}

/** The first rule of the indicator's method that holds, with its index; null where none does. */
export function applyRules(scheme: Scheme, input: GradingInput, q: Quantities): { rule: Rule; index: number } | null {
  const rules = scheme.rules[input.method];
  const index = rules.findIndex((rule) => !rule.when || conditionHolds(rule.when, input, q));
  return index < 0 ? null : { rule: rules[index]!, index };
}

/** The quantities a scheme's rules name, in the order of QUANTITIES. */
export function quantitiesNamed(scheme: Scheme, method: Method): Quantity[] {
  const named = new Set<Quantity>();
  const visit = (c: Condition): void => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('of' in c) named.add(c.of);
  };
  for (const rule of scheme.rules[method]) if (rule.when) visit(rule.when);
  return [...named];
}

/** Quantities that only a plan period gives (計画期間: elapsed share, pace against it). */
const PLAN_QUANTITIES: readonly Quantity[] = ['elapsed', 'pace'];

/** Whether a scheme grades against the share of the plan gone by, which a document without `plan` cannot give. */
export function needsPlan(scheme: Scheme): boolean {
  return (['change', 'ratio'] as const).some((method) => quantitiesNamed(scheme, method).some((q) => PLAN_QUANTITIES.includes(q)));
}

/** Whether a condition compares a quantity only a plan period gives. */
function conditionNeedsPlan(c: Condition): boolean {
  if ('all' in c) return c.all.some(conditionNeedsPlan);
  if ('any' in c) return c.any.some(conditionNeedsPlan);
  return 'of' in c && PLAN_QUANTITIES.includes(c.of);
}

/**
 * Whether, without the plan period, the rule that applied cannot be trusted: a rule before it
 * compares the elapsed share or the pace, which cannot be computed and so never holds (tagawa:
 * A when on pace, else B when progress > 0 — an indicator on pace would fall to B).
 */
export function undecidedWithoutPlan(scheme: Scheme, method: Method, applied: number | null): boolean {
  const rules = scheme.rules[method];
  return rules.slice(0, applied ?? rules.length).some((rule) => rule.when !== undefined && conditionNeedsPlan(rule.when));
}

/** The quantities as numbers for the evaluation's JSON: percentages and values to two places. */
export function shownQuantities(q: Quantities, names: readonly Quantity[]): Partial<Record<Quantity, number>> {
  const shown: Partial<Record<Quantity, number>> = {};
  for (const name of names) if (q[name]) shown[name] = fractionToNumber(q[name]!);
  return shown;
}

/** How a reader writes a quantity (movement and reach are read in the target's direction: written for a target that goes down below). */
const QUANTITY_FORMULAS: Record<Quantity, string> = {
  progress: 'progress',
  achievement: 'achievement',
  movement: 'b − a',
  relativeMovement: '(b − a)/|a| %',
  reach: 'b − c',
  elapsed: 'elapsed',
  pace: 'progress/elapsed',
};
/** For a target that goes down, movement and reach count down: a fall below the baseline is a movement of a − b > 0. */
const DOWN_FORMULAS: Partial<Record<Quantity, string>> = { movement: 'a − b', relativeMovement: '(a − b)/|a| %', reach: 'c − b' };

/** How a reader writes a quantity for an indicator whose target goes `direction`. */
export function quantityFormula(q: Quantity, direction: Direction | null = 'up'): string {
  return (direction === 'down' ? DOWN_FORMULAS[q] : undefined) ?? QUANTITY_FORMULAS[q];
}

/** A condition as a reader writes it: `progress >= 100`, `|b − a| < 3`, `tag survey` (a − b where the target goes down). */
export function describeCondition(c: Condition, direction: Direction | null = 'up'): string {
  if ('all' in c) return c.all.map((x) => describeCondition(x, direction)).join(' & ');
  if ('any' in c) return `(${c.any.map((x) => describeCondition(x, direction)).join(' | ')})`;
  const formula = 'of' in c ? quantityFormula(c.of, direction) : '';
  if ('of' in c) return 'within' in c ? `|${formula}| ${c.strict ? '<' : '<='} ${c.within}` : `${formula} ${c.is} ${c.value}`;
  if ('tag' in c) return `tag ${c.tag}`;
  if ('state' in c) return `state ${c.state}`;
  if ('method' in c) return `method ${c.method}`;
  return `direction ${c.direction}`;
}
