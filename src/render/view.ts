import { formatProgress } from '../evaluate/evaluate.js';
import { eraName, fiscalYearName } from '../notation/numbers.js';
import { columnHeading } from '../evaluate/format.js';
import { summaryColumns } from '../evaluate/evaluate.js';
import { describeCondition, quantitiesNamed } from '../evaluate/rules.js';
import {
  type ReviewField,
  RECOMPUTED_NOTE,
  REVIEW_FIELDS,
  changeSummary,
  changedFields,
  fieldText,
  narrativeLabel,
  placeName,
  recomputedCounts,
  recomputedText,
  rowKind,
  structureLabel,
  summaryRowName,
} from '../diff/format.js';
import { characterDiff } from '../diff/similarity.js';
import { measureText } from './fonts.js';
import { COLUMN_SPACING, TEXT_CLEARANCE } from './columns.js';
import { isNarrativeDraft } from './final.js';
import { type Scheme, gradeOf, markOf, summaryGrades } from '../model/scheme.js';
import { type IndicatorAt, NOT_ENTERED, evaluationOf, evaluationsByKey, walkIndicators } from '../model/walk.js';
import type {
  DocumentDiff,
  Evaluation,
  Indicator,
  IndicatorEvaluation,
  IndicatorYear,
  KpiDocument,
  NarrativePolicy,
  NarrativeDocument,
  PrintedSummary,
  Status,
  Summary,
} from '../model/types.js';

/**
 * What the layout templates see: the document with the computed progress, status and counts,
 * and the headings that follow from its years. Pure.
 */

/** How a document is printed: paper, page numbers, and whose figures. */
export interface RenderOptions {
  paper: 'A4' | 'A3';
  /** The source's style for the document's kind (「1 / 8」 for the KPI report, 「- 1 -」 for the narrative), 「- 1 -」, 「1 / 7」, 「1」, or none. */
  pageNumbers: 'source' | PageNumberStyle;
  /** Print the progress, status and counts the document printed, not the recomputed ones. */
  asPrinted: boolean;
  /** The extractor's self-check doubts its reading of the PDF: every page says so, as a draft. */
  readingDoubted?: boolean;
}

export type PageNumberStyle = 'dash' | 'slash' | 'plain' | 'none';

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { paper: 'A4', pageNumbers: 'source', asPrinted: false };

export const PAGE_NUMBER_FORMATS: Record<PageNumberStyle, string> = {
  dash: '- {page} -',
  slash: '{page} / {pages}',
  plain: '{page}',
  none: '',
};

/** What every template sees at its root besides the document. */
export interface PageView {
  paper: { size: RenderOptions['paper'] };
  pageNumberFormat: string;
  /** （案）: the document still has blank actuals (未記入) or draft results, or its reading is doubted. */
  draft: boolean;
  /** The reading of the PDF it was made from is doubted (the header says so beside （案）). */
  doubted: boolean;
}

/** `source`: the page numbers the kind's source documents print (the KPI sample 「1/8」, the narrative 「-1-」). */
export function pageView(options: RenderOptions, draft: boolean, source: PageNumberStyle = 'dash'): PageView {
  const style = options.pageNumbers === 'source' ? source : options.pageNumbers;
  const doubted = options.readingDoubted === true;
  return { paper: { size: options.paper }, pageNumberFormat: PAGE_NUMBER_FORMATS[style], draft: draft || doubted, doubted };
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

/** Why tassei computes this status, as a reader checks it: the rule that holds, with the values. */
function statusReason(indicator: Indicator, e: IndicatorEvaluation, scheme: Scheme): string {
  const by = e.decidedBy;
  const rule = by?.startsWith('rule ') ? scheme.rules[indicator.method][Number(by.slice(5)) - 1] : undefined;
  if (!rule?.when) return by ?? '';
  const when = rule.when;
  if (!('of' in when && 'is' in when) || !['progress', 'reach', 'movement'].includes(when.of)) return describeCondition(when);
  const [a, b, c] = [indicator.baseline.value ?? 0, indicator.actual.value, indicator.target?.value ?? null];
  const subject = when.of === 'progress' ? `進捗率 ${formatProgress(e.progress)}` : when.of === 'reach' ? `b − c = ${b} − ${c}` : `b − a = ${b} − ${a}`;
  return `${subject} ${COMPARISON_WORDS[when.is]} ${when.value}${when.of === 'progress' ? '%' : ''}`;
}

function progressReason(indicator: Indicator, progress: number | null): string {
  const [a, b, c] = [indicator.baseline.value ?? 0, indicator.actual.value, indicator.target?.value ?? null];
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
    const progressCorrected = !options.asPrinted && !blank && printed.progress !== null && formatProgress(printed.progress) !== formatProgress(e.progress);
    // A printed status of another scheme is not held against this one's.
    const statusCorrected = !options.asPrinted && !blank && known(printed.status) && markOf(scheme, printed.status) !== (e.mark ?? '');
    const [progress, status] = options.asPrinted ? [printed.progress, printed.status] : [e.progress, e.status];
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

/**
 * One table row of a goal page: bullets of a policy (its results and its plans, each column on
 * its own), or the policy's 施策 list. Measured a pair of bullets a row; printed one row per
 * policy and page, so that neither column is lined up with the other.
 */
export type NarrativeRow = { id: string; policy: NarrativePolicy } &
  /** `first`: the policy's first row (a rule above it); the others read as one cell with it. */
  ({ kind: 'bullets'; results: string[]; plans: string[]; first: boolean } | { kind: 'measures'; measures: string[] });

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

/** The rows of a goal as measured: per policy its n-th result and n-th plan (where a page may break), then its 施策 list. */
function narrativeRows(goal: NarrativeDocument['goals'][number]): NarrativeRow[] {
  const rows: NarrativeRow[] = [];
  const id = () => `nrow:${goal.no}:${rows.length}`;
  for (const policy of goal.policies) {
    const count = Math.max(1, policy.results.length, policy.plans.length);
    for (let i = 0; i < count; i++)
      rows.push({ id: id(), policy, kind: 'bullets', results: policy.results.slice(i, i + 1), plans: policy.plans.slice(i, i + 1), first: i === 0 });
    rows.push({ id: id(), policy, kind: 'measures', measures: policy.measures });
  }
  return rows;
}

/** A policy's bullet rows on one page as one row: each column flows on its own (no result beside the plan of its number). */
function mergedBullets(rows: readonly NarrativeRow[]): NarrativeRow[] {
  const merged: NarrativeRow[] = [];
  for (const row of rows) {
    const last = merged.at(-1);
    if (row.kind === 'bullets' && last?.kind === 'bullets' && last.policy === row.policy)
      merged[merged.length - 1] = { ...last, results: [...last.results, ...row.results], plans: [...last.plans, ...row.plans] };
    else merged.push(row);
  }
  return merged;
}

/**
 * A goal's rows split into pages at the given row indexes, each page with its policy name cells;
 * `merge`: a policy's bullets on a page printed as one row (not while measuring them pair by pair).
 */
export function narrativePages(
  goal: NarrativeDocument['goals'][number],
  rows: readonly NarrativeRow[],
  starts: readonly number[],
  merge = true,
): NarrativePage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < rows.length), rows.length];
  let from = 0;
  return bounds.map((to, k) => {
    const slice = merge ? mergedBullets(rows.slice(from, to)) : rows.slice(from, to);
    from = to;
    return {
      breakBefore: true,
      title: `基本目標${goal.no}　${goal.title}${k > 0 ? '（続き）' : ''}`,
      rows: slice.map((row, i) => {
        const head =
          i === 0 || slice[i - 1]!.policy !== row.policy
            ? {
                no: row.policy.no,
                title: row.policy.title,
                span: slice.filter((r) => r.policy === row.policy).length,
                continued: !(row.kind === 'bullets' && row.first),
              }
            : null;
        return { ...row, head };
      }),
    };
  });
}

/**
 * The narrative with each policy's bullets paired into rows, so that a page can break between
 * bullets: a policy with more bullets than a page holds still prints whole.
 */
export function narrativeView(doc: NarrativeDocument, options: RenderOptions = DEFAULT_RENDER_OPTIONS): NarrativeView {
  return {
    ...doc,
    ...pageView(options, isNarrativeDraft(doc)),
    resultsHeading: `${fiscalYearName(doc.fiscalYear)} 主な取組内容／実績`,
    plansHeading: `${fiscalYearName(doc.nextYear)} 主な取組／今後の方向性`,
    goals: doc.goals.map((g) => {
      const rows = narrativeRows(g);
      return { ...g, rows, pages: narrativePages(g, rows, []) };
    }),
  };
}

/** One printed value of a 新旧対照表 cell; `changed` is underlined (傍線); `recomputed`: the year printed another figure (a note says which). */
export interface DiffCell {
  text: string;
  changed: boolean;
  recomputed?: boolean;
}

export type DiffRowView = { id: string } & (
  | { kind: 'group' | 'subgroup'; title: string }
  | { kind: 'indicator'; mark: string; name: DiffCell[]; oldName: DiffCell[] | null; note: string; old: DiffCell[] | null; now: DiffCell[] | null }
  | { kind: 'summary'; name: string; note: string; old: DiffCell[]; now: DiffCell[] }
  | { kind: 'bullet'; mark: string; old: DiffCell[] | null; now: DiffCell[] | null }
);

/** A heading renamed, added or removed: its mark, level and place, and its names (the changed characters underlined). */
export interface StructureView {
  mark: string;
  level: string;
  place: string;
  old: DiffCell[];
  now: DiffCell[];
}

/** The part of a 新旧対照表 printed on one page. */
export interface DiffPage {
  breakBefore: boolean;
  first: boolean;
  /** On a continued page: the 重点戦略 (基本目標) and group its first row continues, with （続き）. */
  context: string | null;
  rows: DiffRowView[];
}

export interface DiffView extends PageView {
  title: string;
  empty: boolean;
  oldHeading: string;
  newHeading: string;
  /** The value columns of each side (a, b, c, 進捗率, 状況), or the narrative's one column. */
  valueHeadings: string[];
  /** The KPI table's column widths: 区分, 目標指標, then each side's values, sized from the values. */
  widths: number[];
  kpi: boolean;
  /** 変更の概要：新規 n・削除 n・… */
  changes: string;
  structure: StructureView[];
  rows: DiffRowView[];
  /** The rows page by page; one page until the renderer has planned them. */
  pages: DiffPage[];
  summaryHeadings: string[];
  summaries: DiffRowView[];
  legend: string;
}

const VALUE_FIELDS = REVIEW_FIELDS.filter((f) => !['name', 'unit', 'method'].includes(f.key));

function sideOf(state: IndicatorYear | null, changed: Set<ReviewField>): DiffCell[] | null {
  return (
    state &&
    VALUE_FIELDS.map((f) => ({
      text: fieldText(state, f.key),
      changed: changed.has(f.key),
      recomputed: (f.key === 'progress' || f.key === 'status') && recomputedText(state, f.key) !== '',
    }))
  );
}

function countsOf(s: Summary | null, other: Summary | null, printed: Summary | null | undefined, columns: readonly string[]): DiffCell[] {
  return columns.map((k) => ({
    text: s === null ? '-' : String(s[k] ?? 0),
    changed: s?.[k] !== other?.[k],
    recomputed: s !== null && printed?.[k] !== undefined && printed[k] !== null && printed[k] !== (s[k] ?? 0),
  }));
}

/** The parts of a reworded sentence as one side prints it, the other side's parts left out. */
function sideParts(parts: { kind: 'same' | 'removed' | 'added'; text: string }[], side: 'removed' | 'added'): DiffCell[] {
  return parts.filter((p) => p.kind === 'same' || p.kind === side).map((p) => ({ text: p.text, changed: p.kind !== 'same' }));
}

/** Font size of the 新旧対照表's cells, and the width its table has for the columns' texts (786 pt less 6.5 a column). */
const DIFF_SIZE = 8;
const DIFF_TABLE = 786 - 12 * COLUMN_SPACING;
const DIFF_MARK = 40;
/** The name column keeps at least this width; the value columns share what is left when values are long. */
const DIFF_NAME_MIN = 150;

/** The value columns as wide as their widest text (bold headings too) and clearance; the name column takes the rest. */
function diffWidths(rows: readonly DiffRowView[], headings: readonly string[]): number[] {
  const values = headings.map((heading, i) => {
    const texts = rows.flatMap((r) => (r.kind === 'indicator' ? [...(r.old ?? []), ...(r.now ?? [])].filter((_, k) => k % headings.length === i) : []));
    const widest = Math.max(measureText(heading, DIFF_SIZE, true), ...texts.map((c) => measureText(c.text, DIFF_SIZE)));
    return Math.ceil(widest + TEXT_CLEARANCE);
  });
  const room = DIFF_TABLE - DIFF_MARK - DIFF_NAME_MIN;
  const scale = Math.min(1, room / (2 * values.reduce((a, b) => a + b, 0)));
  const sized = values.map((w) => Math.floor(w * scale));
  return [DIFF_MARK, DIFF_TABLE - DIFF_MARK - 2 * sized.reduce((a, b) => a + b, 0), ...sized, ...sized];
}

/** The headings above row `index` still in force, as a continued page names them: 重点戦略1 … › 戦略方針1 … › 施策2 …（続き）. */
function diffContextOf(rows: readonly DiffRowView[], index: number): string {
  let group = '';
  let subgroup = '';
  for (const row of rows.slice(0, index)) {
    if (row.kind === 'group') [group, subgroup] = [row.title, ''];
    else if (row.kind === 'subgroup') subgroup = row.title;
  }
  if (rows[index]?.kind === 'subgroup') subgroup = '';
  return `${[group, subgroup].filter(Boolean).join(' › ')}（続き）`;
}

/** Splits a 新旧対照表's rows into pages at the given row indexes (each page's first row). */
export function diffPages(rows: readonly DiffRowView[], starts: readonly number[]): DiffPage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < rows.length), rows.length];
  let from = 0;
  return bounds.map((to, k) => {
    const page = {
      breakBefore: k > 0,
      first: k === 0,
      context: k === 0 || rows[from]?.kind === 'group' ? null : diffContextOf(rows, from),
      rows: rows.slice(from, to),
    };
    from = to;
    return page;
  });
}

/** A heading row of the 新旧対照表: it may not end a page. */
export function isDiffHeading(row: DiffRowView): boolean {
  return row.kind === 'group' || row.kind === 'subgroup';
}

/** Both years' progress and status as printed where a year printed them otherwise than recomputed: 「前年度 進捗率 印刷 60.0% → 再計算 72.0%」. */
function recomputedNote(from: IndicatorYear | null, to: IndicatorYear | null): string {
  return [
    ['前年度', from],
    ['今年度', to],
  ]
    .flatMap(([year, side]) =>
      side
        ? (['progress', 'status'] as const)
            .map((f) => recomputedText(side as IndicatorYear, f))
            .filter(Boolean)
            .map((text) => `${String(year)} ${text}`)
        : [],
    )
    .join('　');
}

/**
 * The diff as a 新旧対照表: last year and this year side by side, one row per indicator with
 * a, b, c, progress and status of both years, the changed values underlined (傍線); the
 * narrative's results of this year beside last year's plans.
 */
export function diffView(diff: DocumentDiff, scheme: Scheme, options: RenderOptions = DEFAULT_RENDER_OPTIONS): DiffView {
  const columns = summaryColumns(scheme);
  const headings = columns.map((c) => columnHeading(scheme, c));
  const rows: DiffRowView[] = [];
  const summaries: DiffRowView[] = [];
  const id = () => `drow:${rows.length}`;
  let group = '';
  let subgroup = '';
  const heading = (title: string, kind: 'group' | 'subgroup' = 'group') => {
    if (kind === 'group' && title !== group) {
      rows.push({ id: id(), kind, title: (group = title) });
      subgroup = '';
    } else if (kind === 'subgroup' && title !== subgroup) rows.push({ id: id(), kind, title: (subgroup = title) });
  };
  for (const r of diff.rows) {
    heading(`重点戦略${r.place.strategy}　${r.place.strategyTitle}`);
    heading(placeName(r.place, false, true), 'subgroup');
    const changed = changedFields(r);
    const state = (r.to ?? r.from)!;
    const renamed = r.from !== null && r.to !== null && changed.has('name');
    const parts = renamed ? characterDiff(fieldText(r.from!, 'name'), fieldText(r.to!, 'name')) : [];
    const unit = `（${fieldText(state, 'unit')}）`;
    const notes = [
      r.fromPlace ? `${placeName(r.fromPlace, true, true)} から移動` : '',
      r.from && r.to && changed.has('unit') ? `単位: ${fieldText(r.from, 'unit')} → ${fieldText(r.to, 'unit')}` : '',
      r.from && r.to && changed.has('method') ? `算出方法: ${fieldText(r.from, 'method')} → ${fieldText(r.to, 'method')}` : '',
      recomputedNote(r.from, r.to),
    ].filter(Boolean);
    rows.push({
      id: id(),
      kind: 'indicator',
      mark: rowKind(r),
      name: renamed ? [...sideParts(parts, 'added'), { text: unit, changed: false }] : [{ text: `${fieldText(state, 'name')}${unit}`, changed: false }],
      oldName: renamed ? [{ text: '旧：', changed: false }, ...sideParts(parts, 'removed')] : null,
      note: notes.join('　'),
      old: sideOf(r.from, changed),
      now: sideOf(r.to, changed),
    });
  }
  for (const s of diff.summaries) {
    const note = [
      ['前年度', s.from, s.fromPrinted],
      ['今年度', s.to, s.toPrinted],
    ]
      .flatMap(([year, counts, printed]) =>
        recomputedCounts(counts as Summary | null, printed as Summary | null, columns, headings).map((t) => `${String(year)} ${t}`),
      )
      .join('　');
    summaries.push({
      id: `dsum:${summaries.length}`,
      kind: 'summary',
      name: `重点戦略${s.strategy}　${summaryRowName(s)}${s.policyTitle ? ` ${s.policyTitle}` : ''}`,
      note,
      old: countsOf(s.from, s.to, s.fromPrinted, columns),
      now: countsOf(s.to, s.from, s.toPrinted, columns),
    });
  }
  for (const e of diff.narrative) {
    heading(`基本目標${e.goal}　${e.goalTitle}`);
    heading(`基本方針${e.policy}　${e.policyTitle}　〔${{ results: '実績', plans: '今後の方向性', measures: '施策' }[e.column]}〕`, 'subgroup');
    const mark = narrativeLabel(e);
    if (e.kind === 'reworded') rows.push({ id: id(), kind: 'bullet', mark, old: sideParts(e.parts, 'removed'), now: sideParts(e.parts, 'added') });
    else {
      const cell = [{ text: e.text, changed: e.kind !== 'done' }];
      rows.push({ id: id(), kind: 'bullet', mark, old: e.kind === 'added' ? null : cell, now: e.kind === 'removed' ? null : cell });
    }
  }
  const structure = (diff.structure ?? []).map((c): StructureView => {
    const { mark, level } = structureLabel(c);
    const parts = c.from !== null && c.to !== null ? characterDiff(c.from, c.to) : [];
    return {
      mark,
      level,
      place: c.place,
      old: c.from === null ? [{ text: '（なし）', changed: false }] : c.to === null ? [{ text: c.from, changed: true }] : sideParts(parts, 'removed'),
      now: c.to === null ? [{ text: '（なし）', changed: false }] : c.from === null ? [{ text: c.to, changed: true }] : sideParts(parts, 'added'),
    };
  });
  const kpi = diff.kind === 'kpi-progress';
  const kind = kpi ? 'KPI進捗状況' : '達成状況';
  const valueHeadings = VALUE_FIELDS.map((f) => f.heading);
  return {
    ...pageView(options, false),
    title: `${kind}　新旧対照表（${fiscalYearName(diff.fromYear)} → ${fiscalYearName(diff.toYear)}）`,
    empty: rows.length + summaries.length + structure.length === 0,
    oldHeading: kpi ? `前年度（${fiscalYearName(diff.fromYear)}）` : `前年度（${fiscalYearName(diff.fromYear)}の計画・記載）`,
    newHeading: `今年度（${fiscalYearName(diff.toYear)}）`,
    valueHeadings,
    widths: diffWidths(rows, valueHeadings),
    kpi,
    changes: changeSummary(diff),
    structure,
    rows,
    pages: diffPages(rows, []),
    summaryHeadings: headings,
    summaries,
    legend: kpi
      ? `下線（傍線）は前年度から変わった箇所。区分：新規＝今年度に追加、削除＝今年度になし、移動＝別の施策・戦略へ移動、名称変更＝指標名の変更、目標変更＝目標値の改定、変更＝実績等の数値の変更。未記入＝実績が未入力。${RECOMPUTED_NOTE}網掛け・斜線・太字の数値は印刷値と異なる再計算値。`
      : '実績は前年度の計画（今後の方向性）と対照する。下線（傍線）は変わった箇所。区分：実施＝計画どおり実施、未実施＝計画のみ、新規＝計画になかった取組、追加・削除・修正＝今後の方向性・施策の変更。',
  };
}
