import { directionOfIndicator, figuresOf, formatProgress } from '../evaluate/evaluate.js';
import { columnHeading } from '../evaluate/format.js';
import { describeCondition, quantitiesNamed } from '../evaluate/rules.js';
import { summaryColumns } from '../evaluate/summaries.js';
import { type Scheme, gradeOf, markOf, summaryGrades } from '../model/scheme.js';
import type { Evaluation, Indicator, IndicatorEvaluation, KpiDocument, PrintedSummary, Status } from '../model/types.js';
import { type IndicatorAt, NOT_ENTERED, evaluationOf, evaluationsByKey, walkIndicators } from '../model/walk.js';
import { eraName } from '../notation/numbers.js';
import { COLUMN_SPACING } from './columns.js';
import { measureText } from './fonts.js';
import { DEFAULT_RENDER_OPTIONS, type PageView, type RenderOptions, pageView } from './page-view.js';

/**
 * What the KPI report's template sees: the document with the computed progress, status and
 * counts, the corrections of what the source printed, and the tables' columns and pages. Pure.
 */

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
  /** The grade's mark, and its colour; bold for the scheme's first (best) grade. */
  status: string;
  colour: string;
  best: boolean;
  progressCorrected: boolean;
  statusCorrected: boolean;
  /** The actual is not entered yet: its cell says 未記入. */
  blank: boolean;
  /** The quantity the scheme grades by, where it is not the progress (達成率 b/c): '' otherwise. */
  graded: string;
  /** What tassei printed differently from the source in this row, and why: notes on the row's page. */
  corrections: string[];
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
  /** The notes under this page's rows: the summary's corrections (first page), then its rows'. */
  corrections: PageNote[];
}

/** A note under a page's table, and what it belongs to (`summary`, or a row's id): pages are planned by it. */
export interface PageNote {
  text: string;
  of: string;
}

/** A heading row: it names the rows under it and may not end a page. */
export function isHeadingRow(row: DetailRow): boolean {
  return row.kind === 'policy' || row.kind === 'measure' || (row.kind === 'strategy' && row.indicator === null);
}

/** The notes of a row: its indicator's corrections. */
export function rowNotes(row: DetailRow): PageNote[] {
  const indicator = 'indicator' in row ? row.indicator : null;
  return (indicator?.corrections ?? []).map((text) => ({ text, of: row.id }));
}

/**
 * Splits a strategy's detail rows into pages at the given row indexes (each page's first row);
 * each page carries the notes of its own rows, the first the summary's too.
 */
export function detailPages(
  rows: readonly DetailRow[],
  starts: readonly number[],
  firstOfDocument: boolean,
  summaryNotes: readonly string[] = [],
): DetailPage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < rows.length), rows.length];
  let from = 0;
  return bounds.map((to, k) => {
    const own = rows.slice(from, to);
    const page = {
      breakBefore: !(firstOfDocument && k === 0),
      first: k === 0,
      last: k === bounds.length - 1,
      context: k === 0 ? null : contextOf(rows, from),
      rows: own,
      corrections: [...(k === 0 ? summaryNotes.map((text) => ({ text, of: 'summary' })) : []), ...own.flatMap(rowNotes)],
    };
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
  /** A count; as printed, '' where the source left the cell blank. */
  value: number | string;
  corrected: boolean;
}

export interface SummaryRowView {
  kind: 'total' | 'goal' | 'policy';
  label: string;
  /** One count per column of the summary table (the scheme's summary grades, then 合計). */
  cells: CountView[];
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
  /** The rows page by page; one page until the renderer has measured them. */
  pages: DetailPage[];
  hasRatio: boolean;
  /** What tassei printed differently from the source in the summary, and why: notes on the strategy's first page. */
  summaryNotes: string[];
  /** The strategy's actuals not entered yet (未記入), which no count includes: said under its summary. */
  blankCount: number;
}

/** What tassei printed differently from the source in a strategy: the summary's notes, then its rows'. */
export function strategyNotes(strategy: StrategyView): string[] {
  return [...strategy.summaryNotes, ...strategy.rows.flatMap((row) => ('indicator' in row && row.indicator ? row.indicator.corrections : []))];
}

/** The summary table's columns: headings and widths in points, from the scheme's grades. */
export interface SummaryLayout {
  headings: string[];
  widths: number[];
  /** The width the row labels are cut to (the label column less its padding). */
  labelText: number;
}

/** The detail table's columns: the spans of the rows that run over the value columns (the widths are the template's). */
export interface DetailLayout {
  /** 判定の達成率 b/c: the quantity the scheme grades by, where it is not the progress; null where it is. */
  gradedHeading: string | null;
  /** A strategy row without its own indicator spans the value columns; a policy and a measure row the rest of the table. */
  spans: { values: number; policy: number; measure: number };
  /** One entry per cell a span covers after its first (the template writes an empty cell for each). */
  fill: { values: null[]; policy: null[]; measure: null[] };
}

/**
 * The detail table's layout: a scheme that grades by 達成率 (b/c, or c/b for a down target)
 * rather than by the progress gets a column printing it beside 状況, so a reader sees what the
 * grade was given for. Its heading does not begin with 進捗率 or 達成率, which a reader of the
 * PDF takes for the progress column.
 */
export function detailLayout(scheme: Scheme): DetailLayout {
  const graded = (['change', 'ratio'] as const).some((m) => quantitiesNamed(scheme, m).includes('achievement'));
  const extra = graded ? 1 : 0;
  const spans = { values: 7 + extra, policy: 9 + extra, measure: 8 + extra };
  const fill = (n: number) => Array.from({ length: n - 1 }, () => null);
  return {
    gradedHeading: graded ? '判定の達成率\nb/c' : null,
    spans,
    fill: { values: fill(spans.values), policy: fill(spans.policy), measure: fill(spans.measure) },
  };
}

export interface KpiView extends PageView {
  title: string;
  detail: DetailLayout;
  /** Where the document is graded by another scheme than it was printed under: a line saying so on every page. */
  schemeNote: string | null;
  fiscalYear: number;
  /** R1実績 b: the actuals column follows the fiscal year. */
  actualHeading: string;
  summaryLayout: SummaryLayout;
  /** The summary grades' colours with their marks and, where the scheme says, meanings (the page footer). */
  legend: { colour: string; text: string }[];
  strategies: StrategyView[];
  /** The largest count of any chart: every chart of the document is drawn to this scale. */
  chartScale: number;
  /** The legend's font size: 7 pt, or 6 pt where a scheme's meanings would not fit one line at 7. */
  legendSize: number;
  /** The scale as the legend states it; no maximum where every count is 0 (a draft). */
  chartScaleText: string;
}

/** The width the summary table has beside the chart (786 pt less the chart's 250 and the gap). */
const SUMMARY_WIDTH = 520;
const SUMMARY_NUMBER = 40;
const SUMMARY_LABEL = 220;
const SUMMARY_NO = 36;

/** Column widths of the summary table: 40 pt a count where they fit, narrower where a scheme has many grades. */
export function summaryLayout(scheme: Scheme): SummaryLayout {
  const columns = summaryColumns(scheme);
  const n = columns.length;
  const padding = COLUMN_SPACING * (n + 2);
  const number = Math.min(SUMMARY_NUMBER, Math.floor((SUMMARY_WIDTH - SUMMARY_NO - 120 - padding) / n));
  const label = Math.min(SUMMARY_LABEL, Math.floor(SUMMARY_WIDTH - SUMMARY_NO - n * number - padding));
  return { headings: columns.map((c) => columnHeading(scheme, c)), widths: [SUMMARY_NO, label, ...columns.map(() => number)], labelText: label - 4 };
}

const COMPARISON_WORDS: Record<string, string> = { '>=': '≧', '>': '＞', '=': '＝', '!=': '≠', '<': '＜', '<=': '≦' };

/** The outcomes a status comes from without a rule, as the council document names them. */
const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  noActual: '実績値なし',
  noTarget: '目標値なし',
  targetEqualsBaseline: '目標値が現状値と同じ',
  printed: '印刷どおり',
  'state ended': '事業終了',
  'state on-hold': '注視継続',
  'state not-implemented': '未実施',
};

function outcomeWords(by: string | null, indicator: Indicator): string {
  if (by !== null) return OUTCOME_WORDS[by] ?? by;
  const [, b, c] = figuresOf(indicator);
  return `b = ${b}, c = ${c} では計算できない`;
}

/** Why tassei computes this status, as a reader checks it: the rule that holds, with the values. */
function statusReason(indicator: Indicator, e: IndicatorEvaluation, scheme: Scheme): string {
  const by = e.decidedBy;
  const rule = by?.startsWith('rule ') ? scheme.rules[indicator.method][Number(by.slice(5)) - 1] : undefined;
  if (!rule?.when) return outcomeWords(by, indicator);
  const when = rule.when;
  const direction = directionOfIndicator(indicator);
  if (!('of' in when && 'is' in when) || !['progress', 'reach', 'movement'].includes(when.of)) return describeCondition(when, direction);
  const [a, b, c] = figuresOf(indicator);
  // Movement and reach count in the target's direction: a − b for a target that goes down.
  const down = direction === 'down';
  const subject =
    when.of === 'progress'
      ? `進捗率 ${formatProgress(e.progress)}`
      : when.of === 'reach'
        ? down
          ? `c − b = ${c} − ${b}`
          : `b − c = ${b} − ${c}`
        : down
          ? `a − b = ${a} − ${b}`
          : `b − a = ${b} − ${a}`;
  return `${subject} ${COMPARISON_WORDS[when.is]} ${when.value}${when.of === 'progress' ? '%' : ''}`;
}

function progressReason(indicator: Indicator, progress: number | null): string {
  const [a, b, c] = figuresOf(indicator);
  return indicator.method === 'change'
    ? `(b − a) / (c − a) = (${b} − ${a}) / (${c} − ${a}) = ${formatProgress(progress)}`
    : `b / c = ${b} / ${c} = ${formatProgress(progress)}`;
}

/** A printed summary that has the scheme's columns, so that it can be held against the computed one. */
function comparable(reported: PrintedSummary | null, columns: readonly string[]): reported is PrintedSummary {
  return reported !== null && columns.every((c) => c in reported);
}

export function kpiView(doc: KpiDocument, evaluation: Evaluation, scheme: Scheme, options: RenderOptions = DEFAULT_RENDER_OPTIONS): KpiView {
  const columns = summaryColumns(scheme);
  const best = scheme.grades[0]?.id;
  const evaluations = evaluationsByKey(evaluation);
  // Under another scheme than the source was printed under, its statuses and counts are graded
  // anew, not corrected: only a progress (the same under every scheme) can be.
  const regraded = evaluation.printedScheme !== undefined && evaluation.printedScheme !== scheme.id;
  const known = (status: Status | null): status is Status => !regraded && status !== null && gradeOf(scheme, status) !== undefined;
  const view = (at: IndicatorAt): IndicatorView => {
    const { indicator } = at;
    const e = evaluationOf(evaluations, at);
    const printed = indicator.reported;
    const blank = e.blank;
    // A status kept as printed (nothing to compute it from) leaves the printed progress as it is too.
    const keptPrinted = e.decidedBy === 'printed';
    const progressCorrected =
      !options.asPrinted && !blank && !keptPrinted && printed.progress !== null && formatProgress(printed.progress) !== formatProgress(e.progress);
    // A printed status of another scheme is not held against this one's.
    const statusCorrected = !options.asPrinted && !blank && known(printed.status) && markOf(scheme, printed.status) !== (e.mark ?? '');
    const [progress, status] = options.asPrinted ? [printed.progress, printed.status] : [keptPrinted ? printed.progress : e.progress, e.status];
    const mark = status === null ? '' : markOf(scheme, status);
    const corrections = [
      progressCorrected
        ? `${indicator.name}　進捗率：印刷 ${formatProgress(printed.progress)} → ${formatProgress(e.progress)}（${progressReason(indicator, e.progress)}）`
        : '',
      statusCorrected ? `${indicator.name}　状況：印刷 ${markOf(scheme, printed.status!)} → ${e.mark ?? ''}（${statusReason(indicator, e, scheme)}）` : '',
    ].filter(Boolean);
    return {
      name: indicator.name,
      ratio: indicator.method === 'ratio',
      unit: indicator.unit ?? '-',
      baseline: indicator.baseline.text,
      actual: blank ? NOT_ENTERED : indicator.actual.text,
      target: indicator.target?.text ?? '',
      // A blank actual leaves progress and status blank: there is nothing to compute yet.
      progress: blank ? '' : options.asPrinted && progress === null ? '' : formatProgress(progress),
      status: blank ? '' : mark,
      colour: (!blank && status !== null ? gradeOf(scheme, status)?.colour : undefined) ?? NO_GRADE_COLOUR,
      best: !blank && status !== null && status === best,
      progressCorrected,
      statusCorrected,
      blank,
      graded: blank || e.quantities.achievement === undefined ? '' : formatProgress(e.quantities.achievement),
      corrections,
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
    const statusesCorrected = rows.some((r) => rowNotes(r).length > 0);
    const summaryNotes: string[] = [];
    const row = (kind: SummaryRowView['kind'], label: string, policy: number | null): SummaryRowView => {
      const x = summaries.find((y) => y.row === kind && y.policy === policy)!;
      const reported = !regraded && comparable(x.reported, columns) ? x.reported : null;
      const cells = columns.map((k) => {
        const printed = reported?.[k] ?? null;
        if (options.asPrinted) return { value: reported ? (printed ?? '') : (x.computed[k] ?? 0), corrected: false };
        return { value: x.computed[k] ?? 0, corrected: printed !== null && printed !== (x.computed[k] ?? 0) };
      });
      columns.forEach((k, i) => {
        if (!cells[i]!.corrected) return;
        const why = reported![k] !== x.checked[k] ? '印刷された状況の件数と合わない' : statusesCorrected ? '上記の状況の訂正による' : '再計算による';
        const line = kind === 'total' ? '合計の行' : kind === 'goal' ? '基本目標の行' : `戦略方針${label}の行`;
        summaryNotes.push(`集計表 ${line}・${columnHeading(scheme, k)}欄：印刷 ${reported![k]} → ${x.computed[k] ?? 0}（${why}）`);
      });
      return { kind, label, cells };
    };
    const summary: SummaryRowView[] = [
      row('total', s.title, null),
      row('goal', '基本目標', null),
      ...s.policies.map((p) => row('policy', `${p.no} ${p.title}`, p.no)),
    ];
    const total = summary[0]!.cells;
    const chart = summaryGrades(scheme).map((g) => ({ key: g.id, label: g.mark, colour: g.colour, count: Number(total[columns.indexOf(g.id)]!.value) || 0 }));
    const hasRatio = rows.some((r) => 'indicator' in r && r.indicator?.ratio);
    const blankCount = evaluation.blanks.byStrategy.find((b) => b.strategy === s.no)?.count ?? 0;
    return { no: s.no, title: s.title, summary, chart, rows, pages: detailPages(rows, [], index === 0, summaryNotes), hasRatio, summaryNotes, blankCount };
  });
  const largest = Math.max(0, ...strategies.flatMap((s) => s.chart.map((bar) => bar.count)));
  const chartScale = Math.max(1, largest);
  const scaleText = largest > 0 ? `（状況の内訳の棒は全ページ共通の尺度で、最大 ${largest} 件）` : '（状況の内訳：評価済みの指標なし）';
  const legend = summaryGrades(scheme).map((g) => ({ colour: g.colour, text: `${g.mark}${g.meaning ? `：${g.meaning}` : ''}　` }));
  return {
    ...pageView(options, evaluation.blanks.count > 0, 'slash'),
    title: doc.title,
    detail: detailLayout(scheme),
    schemeNote: regraded ? `評価基準：${scheme.id}（原資料は ${evaluation.printedScheme} の基準で印刷。状況・集計はこの基準で評価し直したもの）` : null,
    fiscalYear: doc.fiscalYear,
    actualHeading: `${eraName(doc.fiscalYear, 'short')}実績 b`,
    summaryLayout: summaryLayout(scheme),
    legend,
    strategies,
    chartScale,
    legendSize: legendSize([...legend.map((l) => `■${l.text}`), scaleText].join('')),
    chartScaleText: scaleText,
  };
}

/** The footer legend's sizes: the larger where the whole legend fits the page's width on one line. */
const LEGEND_SIZES = [7, 6] as const;
const LEGEND_WIDTH = 780;

function legendSize(text: string): number {
  return LEGEND_SIZES.find((size) => measureText(text, size) <= LEGEND_WIDTH) ?? LEGEND_SIZES.at(-1)!;
}

/** The colour of a status cell without a grade (blank, or none could be computed). */
const NO_GRADE_COLOUR = '#000000';
