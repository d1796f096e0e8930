import { t, both, type Text } from '../model/i18n.js';
import { type Scheme, columnOf, markOf, summaryGrades } from '../model/scheme.js';
import type { Finding, KpiDocument, PrintedSummary, Status, Summary, SummaryEvaluation, SummaryRow } from '../model/types.js';
import { TOTAL } from '../model/types.js';

/** The summary rows of a KPI report (合計, 基本目標, each 戦略方針): statuses counted, and held against the printed counts. */

/** A count row with every summary column of the scheme at zero. */
export function emptySummary(scheme: Scheme): Summary {
  return Object.fromEntries([...summaryGrades(scheme).map((g) => g.id), TOTAL].map((k) => [k, 0]));
}

/**
 * Counts statuses into the scheme's columns. A status the scheme cannot give (none could be
 * computed) is counted where no data is; a blank (undefined: not entered yet) is not counted.
 */
export function countStatuses(statuses: readonly (Status | null | undefined)[], scheme: Scheme): Summary {
  const summary = emptySummary(scheme);
  for (const s of statuses) {
    if (s === undefined) continue;
    const column = columnOf(scheme, s ?? scheme.outcomes.noActual);
    summary[column] = (summary[column] ?? 0) + 1;
    summary[TOTAL]! += 1;
  }
  return summary;
}

export function addSummaries(summaries: readonly Summary[], scheme: Scheme): Summary {
  const total = emptySummary(scheme);
  for (const s of summaries) for (const [column, n] of Object.entries(s)) total[column] = (total[column] ?? 0) + n;
  return total;
}

/** The columns of a summary row: the scheme's summary grades, then the total. */
export function summaryColumns(scheme: Scheme): string[] {
  return [...summaryGrades(scheme).map((g) => g.id), TOTAL];
}

function columnName(scheme: Scheme, column: string): string {
  return column === TOTAL ? '合計' : markOf(scheme, column);
}

function rowName(row: SummaryRow): Text {
  return { total: t('合計行', 'total row'), goal: t('基本目標行', '基本目標 row'), policy: t('戦略方針行', 'policy row') }[row];
}

/**
 * The statuses of a summary row's indicators: printed (or computed where blank) for checking,
 * computed for printing; undefined for a blank actual (not entered yet: not counted).
 */
export interface RowStatuses {
  checked: (Status | null | undefined)[];
  computed: (Status | null | undefined)[];
}

/** The statuses of a summary row by strategy and policy (null: the 基本目標 row). */
export type StatusesOf = (strategy: number, policy: number | null) => RowStatuses;

/** An empty gathering of statuses by summary row, filled as the indicators are evaluated. */
export function statusesByRow(): StatusesOf {
  const groups = new Map<string, RowStatuses>();
  return (strategy, policy) => {
    const key = `${strategy}/${policy ?? 'goal'}`;
    const group = groups.get(key) ?? { checked: [], computed: [] };
    groups.set(key, group);
    return group;
  };
}

/**
 * Every summary row of the document counted from its indicators' statuses, with a finding for each
 * printed count that differs from what the statuses give under the scheme it was printed under.
 */
export function evaluateSummaries(
  doc: KpiDocument,
  statusesOf: StatusesOf,
  scheme: Scheme,
  printedScheme: Scheme,
): { summaries: SummaryEvaluation[]; findings: Finding[] } {
  const summaries: SummaryEvaluation[] = [];
  const findings: Finding[] = [];
  const columns = summaryColumns(printedScheme);
  const counts = (strategy: number, policy: number | null) => {
    const group = statusesOf(strategy, policy);
    return { checked: countStatuses(group.checked, printedScheme), computed: countStatuses(group.computed, scheme) };
  };

  const addSummary = (
    row: SummaryRow,
    strategy: number,
    policy: number | null,
    counts: { checked: Summary; computed: Summary },
    reported: PrintedSummary | null,
  ) => {
    summaries.push({ strategy, policy, row, ...counts, reported });
    // A table printed with other columns (under another scheme) is not checked.
    if (!reported || !sameColumns(reported, columns)) return;
    for (const column of columns) {
      const printed = reported[column];
      // A blank printed cell is not checked.
      if (printed === null || printed === undefined || printed === counts.checked[column]) continue;
      const where = both`${t('重点戦略', 'strategy ')}${strategy}${policy !== null ? both` ${t('戦略方針', 'policy ')}${policy}` : ''} ${rowName(row)}`;
      const name = columnName(printedScheme, column);
      findings.push({
        kind: 'summary-mismatch',
        strategy,
        policy,
        measure: null,
        indicator: null,
        row,
        column,
        reported: printed,
        computed: counts.checked[column]!,
        message: t(
          `${where.ja}の「${name}」欄: ${printed} と印刷されていますが、${row === 'total' ? '戦略方針の' : ''}指標を数えると ${counts.checked[column]} です`,
          `${where.en}, column ${name}: printed ${printed}, but the indicators ${row === 'total' ? 'of its policies ' : ''}count ${counts.checked[column]}`,
        ),
      });
    }
  };

  for (const strategy of doc.strategies) {
    const policyCounts = strategy.policies.map((policy) => ({ policy, counts: counts(strategy.no, policy.no) }));
    // The total row is the sum of the policy rows: the 基本目標 row is left out.
    addSummary(
      'total',
      strategy.no,
      null,
      {
        checked: addSummaries(
          policyCounts.map((p) => p.counts.checked),
          printedScheme,
        ),
        computed: addSummaries(
          policyCounts.map((p) => p.counts.computed),
          scheme,
        ),
      },
      strategy.reportedSummary,
    );
    addSummary('goal', strategy.no, null, counts(strategy.no, null), strategy.reportedGoalSummary);
    for (const { policy, counts: c } of policyCounts) addSummary('policy', strategy.no, policy.no, c, policy.reportedSummary);
  }
  return { summaries, findings };
}

function sameColumns(printed: PrintedSummary, columns: readonly string[]): boolean {
  const keys = Object.keys(printed);
  return keys.length === columns.length && columns.every((c) => c in printed);
}
