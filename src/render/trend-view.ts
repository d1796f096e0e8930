import { eraName, fiscalYearName } from '../notation/numbers.js';
import { BLANK, placeName } from '../diff/format.js';
import { levelName } from '../notation/levels.js';
import { rowNotes } from '../diff/trend-format.js';
import type { Trend, TrendCell } from '../diff/trend.js';
import { COLUMN_SPACING, TEXT_CLEARANCE } from './columns.js';
import { measureText } from './fonts.js';
import { fitWidths } from './layout-view.js';
import { unitAfterName } from '../notation/units.js';
import { DEFAULT_RENDER_OPTIONS, type PageView, type RenderOptions, pageView } from './page-view.js';

/**
 * The 経年表 as a page view for templates/trend.hbs: rows grouped by strategy and policy, one
 * column per year, and a small line (sparkline) of the actuals beside the target.
 */

/** Inside the margins of A4 landscape (841.89 − 2 × 28). */
const TABLE_WIDTH = 786;
/** Fixed columns: 目標指標（単位）, 現状 a, 目標 c, 推移 (the sparkline). */
const NAME_WIDTH = 160;
const VALUE_WIDTH = 58;
const SPARK_WIDTH = 64;
/** A year's column, narrowed where many years must fit (never below what a 7-digit value needs). */
const YEAR_WIDTH = 58;
const MIN_YEAR_WIDTH = 40;
const MIN_NOTES_WIDTH = 90;
/** What the name's column keeps where figures wider than their columns take from it. */
const MIN_NAME_WIDTH = 110;
/** The figures' size (the template's default), and the smallest they are set to where the page cannot widen their columns. */
const FIGURE_SIZE = 8;
const SMALLEST_FIGURE = 5;
const WIDTH_ROUNDING = 0.1;
/** The sparkline's box inside its cell, and its dots. */
const SPARK_HEIGHT = 14;
const SPARK_INSET = 3;
const DOT_RADIUS = 1.2;
const LINE_COLOUR = '#1f5fa8';
const TARGET_COLOUR = '#888888';

export type TrendRowView =
  | { kind: 'group' | 'subgroup'; title: string }
  | {
      kind: 'indicator';
      name: string;
      baseline: string;
      years: { actual: string; mark: string; series: boolean }[];
      target: string;
      notes: string;
      spark: unknown[];
    };

export interface TrendView extends PageView {
  title: string;
  yearHeadings: string[];
  widths: number[];
  /** The size of the figures: smaller than the text's only where a column cannot be widened to hold them. */
  figureSize: number;
  /** The notes' column (the last). */
  notesIndex: number;
  rows: TrendRowView[];
  legend: string;
}

/** Column widths: the fixed ones, the years, and what is left for the notes. */
export function trendWidths(years: number): number[] {
  const columns = 4 + years + 1;
  const free = TABLE_WIDTH - COLUMN_SPACING * columns - NAME_WIDTH - 2 * VALUE_WIDTH - SPARK_WIDTH;
  const year = Math.max(MIN_YEAR_WIDTH, Math.min(YEAR_WIDTH, (free - MIN_NOTES_WIDTH) / Math.max(years, 1)));
  const notes = Math.max(MIN_NOTES_WIDTH, free - year * years);
  return [NAME_WIDTH, VALUE_WIDTH, ...Array<number>(years).fill(year), VALUE_WIDTH, SPARK_WIDTH, notes];
}

/**
 * The widths with each figure's column as wide as its widest figure (a unit glued to it, 以上
 * after it: 5,672千円以上), taken from the name's and the notes' columns, and the size the figures
 * are set to where even that is not enough. A figure is never broken: it would spill over its cell.
 */
export function fittedTrendWidths(figures: readonly (readonly string[])[], years: number): { widths: number[]; figureSize: number } {
  const base = trendWidths(years);
  const figureColumns = [1, ...Array.from({ length: years }, (_, k) => 2 + k), 2 + years];
  const widest = base.map(() => 0);
  for (const row of figures) row.forEach((text, k) => (widest[figureColumns[k]!] = Math.max(widest[figureColumns[k]!]!, measureText(text, FIGURE_SIZE))));
  const needed = widest.map((w) => (w > 0 ? w + TEXT_CLEARANCE : 0));
  const spark = base.length - 2;
  needed[spark] = SPARK_WIDTH;
  // A figure's column gives no more than leaves its heading (H27 実績) on a line.
  const floor = base.map((w, k) => (k === 0 ? MIN_NAME_WIDTH : k === base.length - 1 ? MIN_NOTES_WIDTH : MIN_YEAR_WIDTH));
  const widths = fitWidths(base, needed, floor);
  // fitWidths floors each width to a tenth of a point, which the text's clearance absorbs.
  const fits = figureColumns.map((k) => (widest[k]! > 0 ? (widths[k]! + WIDTH_ROUNDING - TEXT_CLEARANCE) / widest[k]! : 1));
  const figureSize = Math.max(SMALLEST_FIGURE, Math.min(FIGURE_SIZE, Math.floor(FIGURE_SIZE * Math.min(...fits) * 10) / 10));
  return { widths, figureSize };
}

/**
 * The sparkline of a row as pdfmake canvas operations: the actuals that are numbers, year by
 * year, scaled with the target (a dashed line) so that a reader sees how far off it still is.
 */
export function sparkline(cells: readonly (TrendCell | null)[], target: number | null, width = SPARK_WIDTH): unknown[] {
  const points = cells.flatMap((c, k) => (c && !c.blank && c.value !== null ? [{ k, value: c.value }] : []));
  if (points.length === 0) return [];
  const values = [...points.map((p) => p.value), ...(target !== null ? [target] : [])];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const span = high - low || 1;
  const inner = width - 2 * SPARK_INSET;
  const x = (k: number) => SPARK_INSET + (cells.length > 1 ? (k * inner) / (cells.length - 1) : inner / 2);
  const y = (v: number) => SPARK_INSET + (high === low ? (SPARK_HEIGHT - 2 * SPARK_INSET) / 2 : ((high - v) / span) * (SPARK_HEIGHT - 2 * SPARK_INSET));
  const round = (n: number) => Math.round(n * 100) / 100;
  const operations: unknown[] = [];
  if (target !== null)
    operations.push({
      type: 'line',
      x1: SPARK_INSET,
      y1: round(y(target)),
      x2: round(width - SPARK_INSET),
      y2: round(y(target)),
      lineWidth: 0.5,
      lineColor: TARGET_COLOUR,
      dash: { length: 2 },
    });
  if (points.length > 1)
    operations.push({ type: 'polyline', lineWidth: 0.9, lineColor: LINE_COLOUR, points: points.map((p) => ({ x: round(x(p.k)), y: round(y(p.value)) })) });
  for (const p of points) operations.push({ type: 'ellipse', x: round(x(p.k)), y: round(y(p.value)), r1: DOT_RADIUS, r2: DOT_RADIUS, color: LINE_COLOUR });
  return operations;
}

export function trendView(trend: Trend, options: RenderOptions = DEFAULT_RENDER_OPTIONS): TrendView {
  const rows: TrendRowView[] = [];
  const figures: string[][] = [];
  let group = '';
  let subgroup = '';
  for (const r of trend.rows) {
    // The levels as the document labels them (基本目標1 › 基本施策2), tassei's words where it has no layout.
    const strategy = `${levelName(r.place.hierarchy, 'strategy', r.place.strategy)}　${r.place.strategyTitle}`;
    if (strategy !== group) {
      rows.push({ kind: 'group', title: (group = strategy) });
      subgroup = '';
    }
    const inner = placeName(r.place);
    if (inner !== subgroup) rows.push({ kind: 'subgroup', title: (subgroup = inner) });
    const years = r.years.map((c) => ({ actual: c ? (c.blank ? BLANK : c.actual) : '', mark: c?.mark ?? '', series: c?.source === 'series' }));
    figures.push([r.baseline, ...years.map((y) => y.actual), r.target]);
    rows.push({
      kind: 'indicator',
      name: `${r.name}${r.method === 'ratio' ? '※' : ''}${unitAfterName(r.unit, figures.at(-1)!)}`,
      baseline: r.baseline,
      years,
      target: r.target,
      notes: rowNotes(r, trend).join('　'),
      spark: sparkline(r.years, r.targetValue),
    });
  }
  const { widths, figureSize } = fittedTrendWidths(figures, trend.years.length);
  const first = trend.years[0];
  const last = trend.years.at(-1);
  return {
    ...pageView(options, false),
    title: `経年表　${trend.title}（${first !== undefined && last !== undefined ? `${fiscalYearName(first)}〜${fiscalYearName(last)}` : ''}）`,
    yearHeadings: trend.years.map((y) => `${eraName(y, 'short')} 実績`),
    widths,
    figureSize,
    notesIndex: widths.length - 1,
    rows,
    legend: '各年度の欄は実績と状況。推移は実績の折れ線（点線は目標）。斜体は後の年度の報告の年度別の欄から。新規・削除・旧名称・移動・目標変更は備考に示す。',
  };
}
