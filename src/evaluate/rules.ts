import type { Method, Status } from '../model/types.js';

/**
 * What a status rule looks at:
 * - `progress`: the progress in percent, exact (not the rounded print);
 * - `reach`: b − c, the actual against the target (≥ 0 is reached);
 * - `movement`: b − a, the actual against the baseline.
 * Targets that go down need no rule of their own under `progress`: (b − a) / (c − a) is positive
 * when b moves towards c either way. `reach` and `movement` serve the ※ (b / c) method, which
 * reads "more is better" as the ratio itself does: a ※ target below the baseline (1,522 → 1,500)
 * is a level to keep, not a reduction.
 */
export type Quantity = 'progress' | 'reach' | 'movement';
export type Comparison = '>=' | '>' | '=' | '<' | '<=';

export interface StatusRule {
  status: Status;
  of: Quantity;
  is: Comparison;
  value: number;
}

/**
 * A status scheme: the rules of each method, tried in order (the first that holds wins), and
 * the marks printed for each status. Another city's scheme is another value of this type.
 */
export interface StatusScheme {
  id: string;
  description: string;
  rules: Record<Method, readonly StatusRule[]>;
  /** The mark printed in the 状況 column. */
  labels: Record<Status, string>;
  /** Other printed forms that mean a status, for reading documents. */
  aliases: Readonly<Record<string, Status>>;
}

/** The scheme of the KPI progress report (DESIGN.md, Domain rules). */
export const DEFAULT_SCHEME: StatusScheme = {
  id: 'progress-sign',
  description: '目標達成 at 100 % or more, else by the sign of the progress; ※ (b/c) by b against c, then b against a',
  rules: {
    change: [
      { status: 'achieved', of: 'progress', is: '>=', value: 100 },
      { status: 'improved', of: 'progress', is: '>', value: 0 },
      { status: 'unchanged', of: 'progress', is: '=', value: 0 },
      { status: 'worsened', of: 'progress', is: '<', value: 0 },
    ],
    ratio: [
      { status: 'achieved', of: 'reach', is: '>=', value: 0 },
      { status: 'improved', of: 'movement', is: '>', value: 0 },
      { status: 'unchanged', of: 'movement', is: '=', value: 0 },
      { status: 'worsened', of: 'movement', is: '<', value: 0 },
    ],
  },
  labels: {
    achieved: '目標達成',
    improved: '改善↑',
    unchanged: '-',
    worsened: '悪化↓',
    nodata: '-',
  },
  aliases: {
    '達成': 'achieved',
    '改善': 'improved',
    '改善↗': 'improved',
    '悪化': 'worsened',
    '悪化↘': 'worsened',
    '－': 'unchanged',
    '―': 'unchanged',
    '−': 'unchanged',
  },
};

export function holds(comparison: Comparison, left: number, right: number): boolean {
  switch (comparison) {
    case '>=': return left >= right;
    case '>': return left > right;
    case '=': return left === right;
    case '<': return left < right;
    case '<=': return left <= right;
  }
}

/** The printed mark of a status under a scheme. */
export function labelOf(status: Status, scheme: StatusScheme = DEFAULT_SCHEME): string {
  return scheme.labels[status];
}

/**
 * The status a printed mark means; `-` reads as `unchanged` (the caller knows when there is no
 * actual and it means `nodata`). Undefined for a mark the scheme does not know.
 */
export function statusOfLabel(mark: string, scheme: StatusScheme = DEFAULT_SCHEME): Status | undefined {
  const text = mark.trim();
  const order: Status[] = ['achieved', 'improved', 'unchanged', 'worsened', 'nodata'];
  const direct = order.find((s) => scheme.labels[s] === text);
  if (direct) return direct;
  return scheme.aliases[text] ?? scheme.aliases[text.normalize('NFKC')];
}
