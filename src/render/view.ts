import { formatProgress } from '../evaluate/evaluate.js';
import { eraName } from '../evaluate/numbers.js';
import { DEFAULT_SCHEME, type StatusScheme, labelOf } from '../evaluate/rules.js';
import { type ReviewField, REVIEW_FIELDS, changedFields, fieldText, narrativeLabel, placeName, rowKind, summaryRowName } from '../diff/format.js';
import { STATUS_COLUMNS, TOTAL_HEADING } from '../model/status-columns.js';
import { type IndicatorAt, evaluationOf, evaluationsByKey, isBlank, walkIndicators } from '../model/walk.js';
import type { DocumentDiff, Evaluation, Indicator, IndicatorState, KpiDocument, NarrativePolicy, NarrativeDocument, Status, Summary } from '../model/types.js';

/**
 * What the layout templates see: the document with the computed progress, status and counts,
 * and the headings that follow from its years. Pure.
 */

/** How a document is printed: paper, page numbers, and whose figures. */
export interface RenderOptions {
  paper: 'A4' | 'A3';
  /** 「- 1 -」 (the source's style), 「1 / 7」, 「1」, or none. */
  pageNumbers: 'dash' | 'slash' | 'plain' | 'none';
  /** Print the progress, status and counts the document printed, not the recomputed ones. */
  asPrinted: boolean;
}

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { paper: 'A4', pageNumbers: 'dash', asPrinted: false };

export const PAGE_NUMBER_FORMATS: Record<RenderOptions['pageNumbers'], string> = {
  dash: '- {page} -', slash: '{page} / {pages}', plain: '{page}', none: '',
};

/** What every template sees at its root besides the document. */
export interface PageView {
  paper: { size: RenderOptions['paper'] };
  pageNumberFormat: string;
  /** （案）: the document still has blank actuals (未記入). */
  draft: boolean;
}

export function pageView(options: RenderOptions, draft: boolean): PageView {
  return { paper: { size: options.paper }, pageNumberFormat: PAGE_NUMBER_FORMATS[options.pageNumbers], draft };
}

/** A printed value of a cell; `corrected` where it differs from what the source printed. */
export interface IndicatorView {
  name: string;
  /** ※: progress is b / c. */
  ratio: boolean;
  unit: string;
  baseline: string;
  actual: string;
  target: string;
  progress: string;
  status: string;
  statusKey: Status | 'none';
  progressCorrected: boolean;
  statusCorrected: boolean;
}

export type DetailRow = { id: string } & (
  | { kind: 'strategy'; no: number; title: string; indicator: IndicatorView | null; span: number }
  | { kind: 'goal'; indicator: IndicatorView }
  | { kind: 'policy'; no: number; title: string }
  | { kind: 'measure'; no: number; title: string }
  | { kind: 'indicator'; indicator: IndicatorView }
);

/** The part of a detail table printed on one page. */
export interface DetailPage {
  /** A new page: every page of the table but the document's very first. */
  breakBefore: boolean;
  first: boolean;
  last: boolean;
  /** On a continued page: where its first row stands (重点戦略 › 戦略方針 › 施策（続き）). */
  context: string | null;
  rows: DetailRow[];
}

/** A heading row: it names the rows under it and may not end a page. */
export function isHeadingRow(row: DetailRow): boolean {
  return row.kind === 'policy' || row.kind === 'measure' || (row.kind === 'strategy' && row.indicator === null);
}

/** Splits a strategy's detail rows into pages at the given row indexes (each page's first row). */
export function detailPages(rows: readonly DetailRow[], starts: readonly number[], firstOfDocument: boolean): DetailPage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < rows.length), rows.length];
  let from = 0;
  return bounds.map((to, k) => {
    const page = { breakBefore: !(firstOfDocument && k === 0), first: k === 0, last: k === bounds.length - 1, context: k === 0 ? null : contextOf(rows, from), rows: rows.slice(from, to) };
    from = to;
    return page;
  });
}

/** 重点戦略1 「…」 › 1 観光… › 2 グローバル…（続き）: the headings above row `index` still in force. */
function contextOf(rows: readonly DetailRow[], index: number): string {
  let strategy = '';
  let policy = '';
  let measure = '';
  for (const row of rows.slice(0, index)) {
    if (row.kind === 'strategy') [strategy, policy, measure] = [`重点戦略${row.no}　${row.title}`, '', ''];
    else if (row.kind === 'policy') [policy, measure] = [`${row.no} ${row.title}`, ''];
    else if (row.kind === 'measure') measure = `${row.no} ${row.title}`;
  }
  const first = rows[index];
  // A row that is itself a heading says its own level; the context names the ones above it.
  if (first?.kind === 'policy') [policy, measure] = ['', ''];
  if (first?.kind === 'measure') measure = '';
  return `${[strategy, policy, measure].filter(Boolean).join(' › ')}（続き）`;
}

export interface CountView {
  value: number;
  corrected: boolean;
}

export interface SummaryRowView {
  kind: 'total' | 'goal' | 'policy';
  label: string;
  counts: Summary;
  /** The cells in the order of the status columns, then the total. */
  cells: CountView[];
}

export interface StrategyView {
  no: number;
  title: string;
  summary: SummaryRowView[];
  counts: Summary;
  rows: DetailRow[];
  /** The rows page by page; one page until the renderer has measured them. */
  pages: DetailPage[];
  hasRatio: boolean;
  /** What tassei printed differently from the source, and why: the notes under the table. */
  corrections: string[];
}

export interface KpiView extends PageView {
  title: string;
  fiscalYear: number;
  /** R1実績 b: the actuals column follows the fiscal year. */
  actualHeading: string;
  strategies: StrategyView[];
  /** The largest count of any chart: every chart of the document is drawn to this scale. */
  chartScale: number;
  statusColumns: typeof STATUS_COLUMNS;
  totalHeading: string;
}

const COMPARISON_WORDS: Record<string, string> = { '>=': '≧', '>': '＞', '=': '＝', '<': '＜', '<=': '≦' };

/** Why tassei computes this status, as a reader checks it: the rule that holds, with the values. */
function statusReason(indicator: Indicator, progress: number | null, status: Status | null, scheme: StatusScheme): string {
  const rule = scheme.rules[indicator.method].find((r) => r.status === status);
  if (!rule) return '';
  const [a, b, c] = [indicator.baseline.value ?? 0, indicator.actual.value, indicator.target.value];
  const subject = rule.of === 'progress' ? `進捗率 ${formatProgress(progress)}` : rule.of === 'reach' ? `b − c = ${b} − ${c}` : `b − a = ${b} − ${a}`;
  return `${subject} ${COMPARISON_WORDS[rule.is]} ${rule.value}${rule.of === 'progress' ? '%' : ''}`;
}

function progressReason(indicator: Indicator, progress: number | null): string {
  const [a, b, c] = [indicator.baseline.value ?? 0, indicator.actual.value, indicator.target.value];
  return indicator.method === 'change' ? `(b − a) / (c − a) = (${b} − ${a}) / (${c} − ${a}) = ${formatProgress(progress)}` : `b / c = ${b} / ${c} = ${formatProgress(progress)}`;
}

export function kpiView(doc: KpiDocument, evaluation: Evaluation, scheme: StatusScheme = DEFAULT_SCHEME, options: RenderOptions = DEFAULT_RENDER_OPTIONS): KpiView {
  const evaluations = evaluationsByKey(evaluation);
  const label = (status: Status | null) => (status === null ? '' : labelOf(status, scheme));
  const notes = new Map<number, string[]>();
  const note = (strategy: number, text: string) => notes.set(strategy, [...(notes.get(strategy) ?? []), text]);
  const view = (at: IndicatorAt): IndicatorView => {
    const { indicator } = at;
    const e = evaluationOf(evaluations, at);
    const printed = indicator.reported;
    const blank = isBlank(indicator);
    const progressCorrected = !options.asPrinted && !blank && printed.progress !== null && formatProgress(printed.progress) !== formatProgress(e.progress);
    const statusCorrected = !options.asPrinted && !blank && printed.status !== null && label(printed.status) !== label(e.status);
    const [progress, status] = options.asPrinted ? [printed.progress, printed.status] : [e.progress, e.status];
    if (progressCorrected) note(at.place.strategy!, `${indicator.name}　進捗率：印刷 ${formatProgress(printed.progress)} → ${formatProgress(e.progress)}（${progressReason(indicator, e.progress)}）`);
    if (statusCorrected) note(at.place.strategy!, `${indicator.name}　状況：印刷 ${label(printed.status)} → ${label(e.status)}（${statusReason(indicator, e.progress, e.status, scheme)}）`);
    return {
      name: indicator.name,
      ratio: indicator.method === 'ratio',
      unit: indicator.unit ?? '-',
      baseline: indicator.baseline.text,
      actual: indicator.actual.text,
      target: indicator.target.text,
      // A blank actual leaves progress and status blank: there is nothing to compute yet.
      progress: blank ? '' : options.asPrinted && progress === null ? '' : formatProgress(progress),
      status: blank ? '' : label(status),
      statusKey: blank ? 'none' : status ?? 'none',
      progressCorrected,
      statusCorrected,
    };
  };
  const walk = walkIndicators(doc);
  const strategies = doc.strategies.map((s, index): StrategyView => {
    const own = walk.filter((at) => at.strategy === s);
    const goals = own.filter((at) => at.policy === null).map(view);
    const rows: DetailRow[] = [];
    const id = () => `row:${s.no}:${rows.length}`;
    rows.push({ id: id(), kind: 'strategy', no: s.no, title: s.title, indicator: goals[0] ?? null, span: Math.max(1, goals.length) });
    for (const g of goals.slice(1)) rows.push({ id: id(), kind: 'goal', indicator: g });
    // Headings of policies and measures without indicators are printed too.
    for (const p of s.policies) {
      rows.push({ id: id(), kind: 'policy', no: p.no, title: p.title });
      for (const m of p.measures) {
        rows.push({ id: id(), kind: 'measure', no: m.no, title: m.title });
        for (const at of own.filter((x) => x.measure === m)) rows.push({ id: id(), kind: 'indicator', indicator: view(at) });
      }
    }
    // The report counts its own computed statuses; as printed, the counts the source printed.
    const summaries = evaluation.summaries.filter((x) => x.strategy === s.no);
    const statusesCorrected = notes.has(s.no);
    const row = (kind: SummaryRowView['kind'], label: string, policy: number | null): SummaryRowView => {
      const x = summaries.find((y) => y.row === kind && y.policy === policy)!;
      const counts = options.asPrinted ? x.reported ?? x.computed : x.computed;
      const keys = [...STATUS_COLUMNS.map((c) => c.id), 'total' as const];
      const cells = keys.map((k) => ({ value: counts[k], corrected: !options.asPrinted && x.reported !== null && x.reported[k] !== x.computed[k] }));
      keys.forEach((k, i) => {
        if (!cells[i]!.corrected) return;
        const heading = k === 'total' ? TOTAL_HEADING : STATUS_COLUMNS.find((c) => c.id === k)!.heading;
        const why = x.reported![k] !== x.checked[k] ? '印刷された状況の件数と合わない' : statusesCorrected ? '上記の状況の訂正による' : '再計算による';
        note(s.no, `集計 ${kind === 'total' ? '合計' : label}　${heading}：印刷 ${x.reported![k]} → ${x.computed[k]}（${why}）`);
      });
      return { kind, label, counts, cells };
    };
    const summary: SummaryRowView[] = [
      row('total', s.title, null),
      row('goal', '基本目標', null),
      ...s.policies.map((p) => row('policy', `${p.no} ${p.title}`, p.no)),
    ];
    const hasRatio = rows.some((r) => 'indicator' in r && r.indicator?.ratio);
    return { no: s.no, title: s.title, summary, counts: summary[0]!.counts, rows, pages: detailPages(rows, [], index === 0), hasRatio, corrections: notes.get(s.no) ?? [] };
  });
  const chartScale = Math.max(1, ...strategies.flatMap((s) => STATUS_COLUMNS.map((c) => s.counts[c.id])));
  return {
    ...pageView(options, walk.some((at) => isBlank(at.indicator))),
    title: doc.title, fiscalYear: doc.fiscalYear, actualHeading: `${eraName(doc.fiscalYear, 'short')}実績 b`, strategies,
    chartScale, statusColumns: STATUS_COLUMNS, totalHeading: TOTAL_HEADING,
  };
}

/** One table row of a goal page: a pair of bullets of a policy, or the policy's 施策 list. */
export type NarrativeRow = { id: string; policy: NarrativePolicy } & (
  /** `first`: the policy's first row (a rule above it); the others read as one cell with it. */
  | { kind: 'bullets'; result: string | null; plan: string | null; first: boolean }
  | { kind: 'measures'; measures: string[] }
);

/** The policy's name cell, on the first row of each page the policy is printed on. */
export interface PolicyHead {
  no: number;
  title: string;
  span: number;
  /** On a page after the policy's first: the cell is left empty, as the policy continues. */
  continued: boolean;
}

export interface NarrativePage {
  breakBefore: boolean;
  /** 基本目標1　「魅力の創出・交流」の拡大, with （続き） on the goal's continued pages. */
  title: string;
  rows: (NarrativeRow & { head: PolicyHead | null })[];
}

export interface NarrativeView extends Omit<NarrativeDocument, 'goals'>, PageView {
  /** 令和5年度 主な取組内容／実績 */
  resultsHeading: string;
  /** 令和6年度 主な取組／今後の方向性 */
  plansHeading: string;
  goals: (NarrativeDocument['goals'][number] & { rows: NarrativeRow[]; pages: NarrativePage[] })[];
}

/** The rows of a goal: per policy its n-th result and n-th plan side by side, then its 施策 list. */
function narrativeRows(goal: NarrativeDocument['goals'][number]): NarrativeRow[] {
  const rows: NarrativeRow[] = [];
  const id = () => `nrow:${goal.no}:${rows.length}`;
  for (const policy of goal.policies) {
    const count = Math.max(1, policy.results.length, policy.plans.length);
    for (let i = 0; i < count; i++) rows.push({ id: id(), policy, kind: 'bullets', result: policy.results[i] ?? null, plan: policy.plans[i] ?? null, first: i === 0 });
    rows.push({ id: id(), policy, kind: 'measures', measures: policy.measures });
  }
  return rows;
}

/** A goal's rows split into pages at the given row indexes, each page with its policy name cells. */
export function narrativePages(goal: NarrativeDocument['goals'][number], rows: readonly NarrativeRow[], starts: readonly number[]): NarrativePage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < rows.length), rows.length];
  let from = 0;
  return bounds.map((to, k) => {
    const slice = rows.slice(from, to);
    from = to;
    return {
      breakBefore: true,
      title: `基本目標${goal.no}　${goal.title}${k > 0 ? '（続き）' : ''}`,
      rows: slice.map((row, i) => {
        const head = i === 0 || slice[i - 1]!.policy !== row.policy
          ? { no: row.policy.no, title: row.policy.title, span: slice.filter((r) => r.policy === row.policy).length, continued: !(row.kind === 'bullets' && row.first) }
          : null;
        return { ...row, head };
      }),
    };
  });
}

/** 令和5年度, 令和元年度. */
export function fiscalYearName(year: number): string {
  return `${eraName(year)}度`;
}

/**
 * The narrative with each policy's bullets paired into rows, so that a page can break between
 * bullets: a policy with more bullets than a page holds still prints whole.
 */
export function narrativeView(doc: NarrativeDocument, options: RenderOptions = DEFAULT_RENDER_OPTIONS): NarrativeView {
  return {
    ...doc,
    ...pageView(options, false),
    resultsHeading: `${fiscalYearName(doc.fiscalYear)} 主な取組内容／実績`,
    plansHeading: `${fiscalYearName(doc.nextYear)} 主な取組／今後の方向性`,
    goals: doc.goals.map((g) => {
      const rows = narrativeRows(g);
      return { ...g, rows, pages: narrativePages(g, rows, []) };
    }),
  };
}

/** One printed value of a 新旧対照表 cell; `changed` is underlined (傍線). */
export interface DiffCell {
  text: string;
  changed: boolean;
}

export type DiffRowView =
  | { kind: 'group' | 'subgroup'; title: string }
  | { kind: 'indicator'; mark: string; name: string; note: string; old: DiffCell[] | null; now: DiffCell[] | null }
  | { kind: 'summary'; name: string; old: DiffCell[]; now: DiffCell[] }
  | { kind: 'bullet'; mark: string; old: DiffCell[] | null; now: DiffCell[] | null };

export interface DiffView extends PageView {
  title: string;
  empty: boolean;
  oldHeading: string;
  newHeading: string;
  /** The value columns of each side (a, b, c, 進捗率, 状況), or the narrative's one column. */
  valueHeadings: string[];
  kpi: boolean;
  rows: DiffRowView[];
  summaryHeadings: string[];
  summaries: DiffRowView[];
  legend: string;
}

const VALUE_FIELDS = REVIEW_FIELDS.filter((f) => !['name', 'unit', 'method'].includes(f.key));

function sideOf(state: IndicatorState | null, changed: Set<ReviewField>): DiffCell[] | null {
  return state && VALUE_FIELDS.map((f) => ({ text: fieldText(state, f.key), changed: changed.has(f.key) }));
}

function countsOf(s: Summary | null, other: Summary | null): DiffCell[] {
  const keys = [...STATUS_COLUMNS.map((c) => c.id), 'total' as const];
  return keys.map((k) => ({ text: s === null ? '-' : String(s[k]), changed: s?.[k] !== other?.[k] }));
}

/** The parts of a reworded sentence as one side prints it, the other side's parts left out. */
function sideParts(parts: { kind: 'same' | 'removed' | 'added'; text: string }[], side: 'removed' | 'added'): DiffCell[] {
  return parts.filter((p) => p.kind === 'same' || p.kind === side).map((p) => ({ text: p.text, changed: p.kind !== 'same' }));
}

/**
 * The diff as a 新旧対照表: last year and this year side by side, one row per indicator with
 * a, b, c, progress and status of both years, the changed values underlined (傍線); the
 * narrative's results of this year beside last year's plans.
 */
export function diffView(diff: DocumentDiff, options: RenderOptions = DEFAULT_RENDER_OPTIONS): DiffView {
  const rows: DiffRowView[] = [];
  const summaries: DiffRowView[] = [];
  let group = '';
  let subgroup = '';
  const heading = (title: string, kind: 'group' | 'subgroup' = 'group') => {
    if (kind === 'group' && title !== group) {
      rows.push({ kind, title: (group = title) });
      subgroup = '';
    } else if (kind === 'subgroup' && title !== subgroup) rows.push({ kind, title: (subgroup = title) });
  };
  for (const r of diff.rows) {
    heading(`重点戦略${r.place.strategy}　${r.place.strategyTitle}`);
    heading(placeName(r.place), 'subgroup');
    const changed = changedFields(r);
    const state = (r.to ?? r.from)!;
    const notes = [
      r.fromPlace ? `${placeName(r.fromPlace, true)} から移動` : '',
      r.from && r.to && changed.has('name') ? `旧名称: ${fieldText(r.from, 'name')}` : '',
      r.from && r.to && changed.has('unit') ? `単位: ${fieldText(r.from, 'unit')} → ${fieldText(r.to, 'unit')}` : '',
      r.from && r.to && changed.has('method') ? `算出方法: ${fieldText(r.from, 'method')} → ${fieldText(r.to, 'method')}` : '',
    ].filter(Boolean);
    rows.push({ kind: 'indicator', mark: rowKind(r), name: `${fieldText(state, 'name')}（${fieldText(state, 'unit')}）`, note: notes.join('　'), old: sideOf(r.from, changed), now: sideOf(r.to, changed) });
  }
  for (const s of diff.summaries) {
    summaries.push({ kind: 'summary', name: `重点戦略${s.strategy}　${summaryRowName(s)}`, old: countsOf(s.from, s.to), now: countsOf(s.to, s.from) });
  }
  for (const e of diff.narrative) {
    heading(`基本目標${e.goal}　${e.goalTitle}`);
    heading(`基本方針${e.policy}　${e.policyTitle}　〔${{ results: '実績', plans: '今後の方向性', measures: '施策' }[e.column]}〕`, 'subgroup');
    const mark = narrativeLabel(e);
    if (e.kind === 'reworded') rows.push({ kind: 'bullet', mark, old: sideParts(e.parts, 'removed'), now: sideParts(e.parts, 'added') });
    else {
      const cell = [{ text: e.text, changed: e.kind !== 'done' }];
      rows.push({ kind: 'bullet', mark, old: e.kind === 'added' ? null : cell, now: e.kind === 'removed' ? null : cell });
    }
  }
  const kpi = diff.kind === 'kpi-progress';
  const kind = kpi ? 'KPI進捗状況' : '達成状況';
  return {
    ...pageView(options, false),
    title: `${kind}　新旧対照表（${fiscalYearName(diff.fromYear)} → ${fiscalYearName(diff.toYear)}）`,
    empty: rows.length + summaries.length === 0,
    oldHeading: kpi ? `前年度（${fiscalYearName(diff.fromYear)}）` : `前年度（${fiscalYearName(diff.fromYear)}の計画・記載）`,
    newHeading: `今年度（${fiscalYearName(diff.toYear)}）`,
    valueHeadings: VALUE_FIELDS.map((f) => f.heading),
    kpi,
    rows,
    summaryHeadings: [...STATUS_COLUMNS.map((c) => c.heading), TOTAL_HEADING],
    summaries,
    legend: kpi
      ? '下線（傍線）は前年度から変わった箇所。区分：新規＝今年度に追加、削除＝今年度になし、移動＝別の施策・戦略へ移動、変更＝値・名称等の変更。未記入＝実績が未入力。'
      : '実績は前年度の計画（今後の方向性）と対照する。下線（傍線）は変わった箇所。区分：実施＝計画どおり実施、未実施＝計画のみ、新規＝計画になかった取組、追加・削除・修正＝今後の方向性・施策の変更。',
  };
}
