import { formatProgress } from '../evaluate/evaluate.js';
import { eraName } from '../evaluate/numbers.js';
import { describeIndicator, describeSummary } from '../diff/format.js';
import { columnHeading } from '../evaluate/format.js';
import { summaryColumns } from '../evaluate/evaluate.js';
import { type Scheme, gradeOf, summaryGrades } from '../model/scheme.js';
import type { DocumentDiff, Evaluation, Indicator, IndicatorEvaluation, KpiDocument, NarrativeDocument, Summary } from '../model/types.js';

/**
 * What the layout templates see: the document with the computed progress, status and counts,
 * and the headings that follow from its years. Pure.
 */

export interface IndicatorView {
  name: string;
  /** ※: progress is b / c. */
  ratio: boolean;
  unit: string;
  baseline: string;
  actual: string;
  target: string;
  progress: string;
  /** The grade's mark, and its colour; bold for the scheme's first (best) grade. */
  status: string;
  colour: string;
  best: boolean;
}

export type DetailRow =
  | { kind: 'strategy'; no: number; title: string; indicator: IndicatorView | null; span: number }
  | { kind: 'goal'; indicator: IndicatorView }
  | { kind: 'policy'; no: number; title: string }
  | { kind: 'measure'; no: number; title: string }
  | { kind: 'indicator'; indicator: IndicatorView };

export interface SummaryRowView {
  kind: 'total' | 'goal' | 'policy';
  label: string;
  /** One count per column of the summary table (the scheme's grades, then 合計). */
  cells: number[];
}

/** One bar of a status chart: a summary grade of the scheme with its count. */
export interface ChartBar {
  key: string;
  label: string;
  colour: string;
  count: number;
}

export interface StrategyView {
  no: number;
  title: string;
  summary: SummaryRowView[];
  chart: ChartBar[];
  rows: DetailRow[];
  hasRatio: boolean;
}

/** The summary table's columns: headings and widths in points, from the scheme's grades. */
export interface SummaryLayout {
  headings: string[];
  widths: number[];
  /** The width the row labels are cut to (the label column less its padding). */
  labelText: number;
}

export interface KpiView {
  title: string;
  fiscalYear: number;
  /** R1実績 b: the actuals column follows the fiscal year. */
  actualHeading: string;
  summaryLayout: SummaryLayout;
  /** The grades with what they mean, where the scheme says (a legend beside the chart). */
  legend: { mark: string; colour: string; meaning: string }[];
  strategies: StrategyView[];
}

/** The width the summary table has beside the chart (786 pt less the chart's 250 and the gap). */
const SUMMARY_WIDTH = 520;
const CELL_PADDING = 6.5;
const SUMMARY_NUMBER = 40;
const SUMMARY_LABEL = 220;
const SUMMARY_NO = 36;

/** Column widths of the summary table: 40 pt a count where they fit, narrower where a scheme has many grades. */
export function summaryLayout(scheme: Scheme): SummaryLayout {
  const columns = summaryColumns(scheme);
  const n = columns.length;
  const padding = CELL_PADDING * (n + 2);
  const number = Math.min(SUMMARY_NUMBER, Math.floor((SUMMARY_WIDTH - SUMMARY_NO - 120 - padding) / n));
  const label = Math.min(SUMMARY_LABEL, Math.floor(SUMMARY_WIDTH - SUMMARY_NO - n * number - padding));
  return { headings: columns.map((c) => columnHeading(scheme, c)), widths: [SUMMARY_NO, label, ...columns.map(() => number)], labelText: label - 4 };
}

export function kpiView(doc: KpiDocument, evaluation: Evaluation, scheme: Scheme): KpiView {
  const columns = summaryColumns(scheme);
  const best = scheme.grades[0]?.id;
  let cursor = 0;
  const view = (indicator: Indicator): IndicatorView => {
    const e: IndicatorEvaluation = evaluation.indicators[cursor++]!;
    return {
      name: indicator.name,
      ratio: indicator.method === 'ratio',
      unit: indicator.unit ?? '-',
      baseline: indicator.baseline.text,
      actual: indicator.actual.text,
      target: indicator.target?.text ?? '',
      progress: e.progress === null ? '-' : formatProgress(e.progress),
      status: e.mark ?? '',
      colour: (e.status !== null ? gradeOf(scheme, e.status)?.colour : undefined) ?? NO_GRADE_COLOUR,
      best: e.status !== null && e.status === best,
    };
  };
  const strategies = doc.strategies.map((s): StrategyView => {
    const goals = s.indicators.map(view);
    const rows: DetailRow[] = [{ kind: 'strategy', no: s.no, title: s.title, indicator: goals[0] ?? null, span: Math.max(1, goals.length) }];
    for (const g of goals.slice(1)) rows.push({ kind: 'goal', indicator: g });
    for (const p of s.policies) {
      rows.push({ kind: 'policy', no: p.no, title: p.title });
      for (const m of p.measures) {
        rows.push({ kind: 'measure', no: m.no, title: m.title });
        for (const i of m.indicators) rows.push({ kind: 'indicator', indicator: view(i) });
      }
    }
    // The report counts its own computed statuses.
    const summaries = evaluation.summaries.filter((x) => x.strategy === s.no);
    const computed = (row: 'total' | 'goal', policy: number | null = null) =>
      summaries.find((x) => x.row === row && x.policy === policy)?.computed;
    const cells = (counts: Summary) => columns.map((c) => counts[c] ?? 0);
    const total = computed('total')!;
    const summary: SummaryRowView[] = [
      { kind: 'total', label: s.title, cells: cells(total) },
      { kind: 'goal', label: '基本目標', cells: cells(computed('goal')!) },
      ...s.policies.map((p) => ({ kind: 'policy' as const, label: `${p.no} ${p.title}`, cells: cells(summaries.find((x) => x.row === 'policy' && x.policy === p.no)!.computed) })),
    ];
    const chart = summaryGrades(scheme).map((g) => ({ key: g.id, label: g.mark, colour: g.colour, count: total[g.id] ?? 0 }));
    const hasRatio = rows.some((r) => 'indicator' in r && r.indicator?.ratio);
    return { no: s.no, title: s.title, summary, chart, rows, hasRatio };
  });
  const legend = scheme.grades.filter((g) => g.meaning).map((g) => ({ mark: g.mark, colour: g.colour, meaning: g.meaning! }));
  return {
    title: doc.title, fiscalYear: doc.fiscalYear, actualHeading: `${eraName(doc.fiscalYear, 'short')}実績 b`,
    summaryLayout: summaryLayout(scheme), legend, strategies,
  };
}

/** The colour of a status cell without a grade (blank, or none could be computed). */
const NO_GRADE_COLOUR = '#000000';

/** One table row of a policy: its n-th result and n-th plan, side by side. */
export interface BulletRow {
  result: string | null;
  plan: string | null;
  first: boolean;
}

export interface NarrativeView extends Omit<NarrativeDocument, 'goals'> {
  /** 令和5年度 主な取組内容／実績 */
  resultsHeading: string;
  /** 令和6年度 主な取組／今後の方向性 */
  plansHeading: string;
  goals: (NarrativeDocument['goals'][number] & {
    policies: (NarrativeDocument['goals'][number]['policies'][number] & { rows: BulletRow[]; span: number })[];
  })[];
}

/** 令和5年度, 令和元年度. */
export function fiscalYearName(year: number): string {
  return `${eraName(year)}度`;
}

/**
 * The narrative with each policy's bullets paired into rows, so that a page can break between
 * bullets: a policy with more bullets than a page holds still prints whole.
 */
export function narrativeView(doc: NarrativeDocument): NarrativeView {
  return {
    ...doc,
    resultsHeading: `${fiscalYearName(doc.fiscalYear)} 主な取組内容／実績`,
    plansHeading: `${fiscalYearName(doc.nextYear)} 主な取組／今後の方向性`,
    goals: doc.goals.map((g) => ({
      ...g,
      policies: g.policies.map((p) => {
        const count = Math.max(1, p.results.length, p.plans.length);
        const rows = Array.from({ length: count }, (_, i) => ({ result: p.results[i] ?? null, plan: p.plans[i] ?? null, first: i === 0 }));
        return { ...p, rows, span: count + 1 };
      }),
    })),
  };
}

export type DiffRowView =
  | { kind: 'group' | 'subgroup'; title: string }
  | { kind: 'item'; mark: string; markColour: string; label: string; name: string; change: { kind: 'same' | 'removed' | 'added'; text: string }[] };

const MARKS = {
  added: ['新', '#1b7f3b'], removed: ['削', '#b3261e'], changed: ['改', '#1f5fa8'], renamed: ['改', '#1f5fa8'], reworded: ['改', '#1f5fa8'], statusChanged: ['状', '#6b4fa0'],
} as const;

export function diffView(diff: DocumentDiff, scheme: Scheme): { title: string; empty: boolean; rows: DiffRowView[] } {
  const rows: DiffRowView[] = [];
  let group = '';
  let subgroup = '';
  for (const e of diff.indicators) {
    const title = `重点戦略${e.strategy}　${e.strategyTitle}`;
    if (title !== group) rows.push({ kind: 'group', title: (group = title) });
    const [label, name, change] = describeIndicator(e, scheme);
    const [mark, markColour] = MARKS[e.kind];
    rows.push({ kind: 'item', mark, markColour, label, name, change: e.kind === 'removed' ? [{ kind: 'removed', text: e.name }] : [{ kind: 'same', text: change }] });
  }
  for (const s of diff.summaries) {
    const title = `重点戦略${s.strategy}　集計`;
    if (title !== group) rows.push({ kind: 'group', title: (group = title) });
    const [row, change] = describeSummary(s, scheme);
    rows.push({ kind: 'item', mark: '状', markColour: MARKS.statusChanged[1], label: '集計', name: row, change: [{ kind: 'same', text: change }] });
  }
  for (const e of diff.narrative) {
    const title = `基本目標${e.goal}　${e.goalTitle}`;
    if (title !== group) rows.push({ kind: 'group', title: (group = title), });
    const sub = `基本方針${e.policy}　${e.policyTitle}`;
    if (sub !== subgroup) rows.push({ kind: 'subgroup', title: (subgroup = sub) });
    const [mark, markColour] = MARKS[e.kind];
    const column = { results: '実績', plans: '今後の方向性', measures: '施策' }[e.column];
    const change = e.kind === 'reworded' ? e.parts : [{ kind: e.kind === 'added' ? 'added' as const : 'removed' as const, text: e.text }];
    rows.push({ kind: 'item', mark, markColour, label: column, name: { added: '追加', removed: '削除', reworded: '修正' }[e.kind], change });
  }
  const kind = diff.kind === 'kpi-progress' ? 'KPI進捗状況' : '達成状況';
  return { title: `${kind}　${fiscalYearName(diff.fromYear)} → ${fiscalYearName(diff.toYear)} の変更`, empty: rows.length === 0, rows };
}
