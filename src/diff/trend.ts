import type { Evaluation, IndicatorPlace, KpiDocument, Method, Status } from '../model/types.js';
import { isBlank } from '../model/walk.js';
import { type Located, locateIndicators, pairIndicators } from './diff.js';
import type { Similarity } from './similarity.js';

/**
 * The 経年表: one report's indicators followed across several years (an indicator is one from
 * year to year when the diff pairs it: by name within its place, then anywhere, so renames and
 * moves are followed), with each year's actual and status. A document that prints a year
 * series (実績値 over H30 | R1 | R2) fills the years no report of the set covers. Pure.
 */

/** One year of an indicator: what that year's report printed, or its series column. */
export interface TrendCell {
  fiscalYear: number;
  /** The actual as printed (未記入 is blank: `blank`). */
  actual: string;
  value: number | null;
  status: Status | null;
  mark: string | null;
  progress: number | null;
  blank: boolean;
  /** `report`: the report of that year; `series`: a year column of a later report. */
  source: 'report' | 'series';
}

/** An indicator across the years, at its latest place. */
export interface TrendRow {
  place: IndicatorPlace;
  name: string;
  /** Earlier names, oldest first, where it was renamed. */
  formerNames: string[];
  /** Where it stood before it moved, where it did. */
  formerPlaces: IndicatorPlace[];
  unit: string | null;
  method: Method;
  baseline: string;
  /** The latest target, and the earlier ones where it was revised (oldest first). */
  target: string;
  /** The latest target as a number, where it is one. */
  targetValue: number | null;
  formerTargets: string[];
  /** One cell per year of the table (`Trend.years`), null where the indicator was not reported. */
  years: (TrendCell | null)[];
  /** The first year of the set in which it appears, where that is not the set's first year. */
  addedIn: number | null;
  /** The first year of the set in which it no longer appears, where it ended before the last. */
  removedIn: number | null;
}

export interface Trend {
  title: string;
  /** The fiscal years of the columns, in order. */
  years: number[];
  /** The years for which a report was given (the others come from series columns). */
  reportYears: number[];
  rows: TrendRow[];
}

/** One year's report with what tassei computes for it. */
export interface TrendYear {
  document: KpiDocument;
  evaluation: Evaluation;
}

/** A chain of one indicator's appearances, one per consecutive report year. */
interface Chain {
  members: Located[];
  years: number[];
  first: number;
  /** Print order of the first appearance, to keep rows stable within a place. */
  order: number;
}

function cellOf(l: Located, fiscalYear: number): TrendCell {
  const blank = isBlank(l.indicator);
  return {
    fiscalYear,
    actual: l.indicator.actual.text,
    value: l.indicator.actual.value,
    status: blank ? null : l.status,
    mark: blank ? null : l.mark,
    progress: blank ? null : l.progress,
    blank,
    source: 'report',
  };
}

/** The series columns of every appearance, the latest report's winning where two print a year. */
function seriesCells(chain: Chain): Map<number, TrendCell> {
  const cells = new Map<number, TrendCell>();
  for (const member of chain.members)
    for (const entry of member.indicator.series ?? []) {
      if (entry.text.trim() === '') continue;
      cells.set(entry.fiscalYear, {
        fiscalYear: entry.fiscalYear,
        actual: entry.text,
        value: entry.value,
        status: null,
        mark: null,
        progress: null,
        blank: false,
        source: 'series',
      });
    }
  return cells;
}

/** Distinct values in order, each once, without the last (the current one). */
function formerOf<T>(values: readonly T[], same: (a: T, b: T) => boolean = Object.is): T[] {
  const distinct: T[] = [];
  for (const v of values) if (distinct.length === 0 || !same(distinct.at(-1)!, v)) distinct.push(v);
  return distinct.slice(0, -1);
}

const samePlace = (a: IndicatorPlace, b: IndicatorPlace) => a.strategy === b.strategy && a.policy === b.policy && a.measure === b.measure;

/**
 * The 経年表 of reports of several years (any order; two reports of one year are the caller's
 * error to refuse). Each report is graded as given in its evaluation.
 */
export function trendOf(reports: readonly TrendYear[], similarity: Similarity): Trend {
  const sorted = [...reports].sort((a, b) => a.document.fiscalYear - b.document.fiscalYear);
  const chains: Chain[] = [];
  let open: Chain[] = [];
  let order = 0;
  for (const { document, evaluation } of sorted) {
    const year = document.fiscalYear;
    const located = locateIndicators(document, evaluation);
    const tails = open.map((c) => c.members.at(-1)!);
    const pairs = pairIndicators(tails, located, similarity);
    const chainOf = new Map(open.map((c) => [c.members.at(-1)!, c]));
    const next: Chain[] = [];
    const continued = new Set<Located>();
    for (const [a, b] of pairs) {
      const chain = chainOf.get(a)!;
      chain.members.push(b);
      chain.years.push(year);
      continued.add(b);
      next.push(chain);
    }
    for (const l of located) {
      if (continued.has(l)) continue;
      const chain: Chain = { members: [l], years: [year], first: year, order: order++ };
      chains.push(chain);
      next.push(chain);
    }
    open = next;
  }
  const reportYears = sorted.map((r) => r.document.fiscalYear);
  const seriesOf = new Map(chains.map((c) => [c, seriesCells(c)]));
  const years = [...new Set([...reportYears, ...[...seriesOf.values()].flatMap((m) => [...m.keys()])])].sort((a, b) => a - b);
  const last = reportYears.at(-1);
  const rows = chains.map((chain): TrendRow => {
    const latest = chain.members.at(-1)!;
    const byYear = new Map(chain.members.map((m, k) => [chain.years[k]!, m]));
    const series = seriesOf.get(chain)!;
    const lastYear = chain.years.at(-1)!;
    const ended = lastYear !== last ? reportYears[reportYears.indexOf(lastYear) + 1]! : null;
    return {
      place: latest.place,
      name: latest.indicator.name,
      formerNames: formerOf(chain.members.map((m) => m.indicator.name)),
      formerPlaces: formerOf(
        chain.members.map((m) => m.place),
        samePlace,
      ),
      unit: latest.indicator.unit,
      method: latest.indicator.method,
      baseline: latest.indicator.baseline.text,
      target: latest.indicator.target?.text ?? '-',
      targetValue: latest.indicator.target?.value ?? null,
      formerTargets: formerOf(chain.members.map((m) => m.indicator.target?.text ?? '-')),
      years: years.map((y) => {
        const member = byYear.get(y);
        if (member) return cellOf(member, y);
        // A series column counts only for years no report of the set covers.
        return reportYears.includes(y) ? null : (series.get(y) ?? null);
      }),
      addedIn: chain.first !== reportYears[0] ? chain.first : null,
      removedIn: ended,
    };
  });
  const byPlace = (x: IndicatorPlace, y: IndicatorPlace) => x.strategy - y.strategy || (x.policy ?? 0) - (y.policy ?? 0) || (x.measure ?? 0) - (y.measure ?? 0);
  const orderOf = new Map(rows.map((r, k) => [r, chains[k]!.order]));
  rows.sort((a, b) => byPlace(a.place, b.place) || orderOf.get(a)! - orderOf.get(b)!);
  return { title: sorted.at(-1)?.document.title ?? '', years, reportYears, rows };
}
