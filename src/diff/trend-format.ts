import { columns } from '../evaluate/format.js';
import { eraName, fiscalYearName } from '../notation/numbers.js';
import type { IndicatorPlace } from '../model/types.js';
import { BLANK, placeName } from './format.js';
import type { Trend, TrendCell, TrendRow } from './trend.js';

/**
 * The 経年表 for a terminal (`text`), a review memo (`md`) or programs (`json`): one row per
 * indicator, one column per fiscal year with its actual and status mark. Pure.
 */

export type TrendStyle = 'text' | 'md';

/** A year's column heading: R2 実績 (a series column of a later report says so in the notes). */
export function yearHeading(year: number): string {
  return `${eraName(year, 'short')} 実績`;
}

/** A year's cell: the actual and its mark (120 改善↑), 未記入 for a blank, empty where not reported. */
export function cellText(cell: TrendCell | null): string {
  if (!cell) return '';
  if (cell.blank) return BLANK;
  return cell.mark ? `${cell.actual} ${cell.mark}` : cell.actual;
}

/** What a reader should know of a row beyond its figures: new, ended, renamed, moved, target revised, years from a series. */
export function rowNotes(row: TrendRow, trend: Trend): string[] {
  const notes: string[] = [];
  if (row.addedIn !== null) notes.push(`新規（${fiscalYearName(row.addedIn)}から）`);
  if (row.removedIn !== null) notes.push(`削除（${fiscalYearName(row.removedIn)}になし）`);
  if (row.formerNames.length > 0) notes.push(`旧名称: ${row.formerNames.join(' → ')}`);
  if (row.formerPlaces.length > 0) notes.push(`移動: ${row.formerPlaces.map((p) => placeName(p, true)).join(' → ')} から`);
  if (row.formerTargets.length > 0) notes.push(`目標変更: ${[...row.formerTargets, row.target].join(' → ')}`);
  const fromSeries = row.years.filter((c): c is TrendCell => c?.source === 'series').map((c) => eraName(c.fiscalYear, 'short'));
  if (fromSeries.length > 0) notes.push(`${fromSeries.join('・')} は${fiscalYearName(trend.reportYears.at(-1)!)}の報告の年度別の欄から`);
  return notes;
}

/** 重点戦略1 › 戦略方針2 › 施策3, as the rows are grouped. */
function placeOf(place: IndicatorPlace): string {
  return placeName(place, true);
}

/** The headings of the table's columns. */
export function trendHeadings(trend: Trend): string[] {
  return ['区分', '目標指標', '単位', '現状 a', ...trend.years.map(yearHeading), '目標 c', '備考'];
}

/** The cells of a row, as the headings order them. */
export function trendCells(row: TrendRow, trend: Trend): string[] {
  return [
    placeOf(row.place),
    row.name + (row.method === 'ratio' ? '※' : ''),
    row.unit ?? '-',
    row.baseline,
    ...row.years.map(cellText),
    row.target,
    rowNotes(row, trend).join('／'),
  ];
}

function periodOf(trend: Trend): string {
  const first = trend.years[0];
  const last = trend.years.at(-1);
  return first === undefined || last === undefined ? '' : `${fiscalYearName(first)}〜${fiscalYearName(last)}`;
}

export function formatTrend(trend: Trend, style: TrendStyle): string {
  const title = `経年表　${trend.title}（${periodOf(trend)}）`;
  const headings = trendHeadings(trend);
  const rows = trend.rows.map((r) => trendCells(r, trend));
  if (style === 'md') {
    const escape = (text: string) => text.replace(/\|/g, '\\|');
    return [
      `# ${title}`,
      '',
      `| ${headings.join(' | ')} |`,
      `|${headings.map((_, i) => (i >= 3 && i < headings.length - 1 ? '---:' : '---')).join('|')}|`,
      ...rows.map((cells) => `| ${cells.map(escape).join(' | ')} |`),
    ].join('\n');
  }
  const right = new Set(headings.map((_, i) => i).filter((i) => i >= 3 && i < headings.length - 1));
  return [title, '', ...columns([headings, ...rows], right)].join('\n');
}

/** The 経年表 for programs: the years, and each indicator with its place, figures per year and notes. */
export function trendJson(trend: Trend): object {
  return {
    kind: 'trend',
    title: trend.title,
    years: trend.years,
    reportYears: trend.reportYears,
    indicators: trend.rows.map((r) => ({
      strategy: r.place.strategy,
      policy: r.place.policy,
      measure: r.place.measure,
      name: r.name,
      formerNames: r.formerNames,
      unit: r.unit,
      method: r.method,
      baseline: r.baseline,
      target: r.target,
      formerTargets: r.formerTargets,
      addedIn: r.addedIn,
      removedIn: r.removedIn,
      years: r.years.map((c, k) => ({
        fiscalYear: trend.years[k],
        actual: c?.actual ?? null,
        value: c?.value ?? null,
        status: c?.status ?? null,
        mark: c?.mark ?? null,
        progress: c?.progress ?? null,
        blank: c?.blank ?? false,
        source: c?.source ?? null,
      })),
    })),
  };
}
