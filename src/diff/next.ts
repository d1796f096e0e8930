import { eraName, fiscalYearName } from '../notation/numbers.js';
import { advanceHeadingYear } from '../notation/heading-years.js';
import type { Indicator, KpiDocument, LayoutColumn, Measurement, NarrativeDocument, TableLayout, TasseiDocument } from '../model/types.js';

/**
 * Next year's document to fill in, with the comments (by key path) that tell a person what to
 * write where. Pure.
 */
export interface NextDocument {
  document: TasseiDocument;
  comments: Map<string, string>;
}

/** An actual not yet entered (未記入): empty text, unlike `-`, which the document prints for no data. */
export const BLANK: Readonly<Measurement> = { value: null, year: null, text: '' };

export function nextKpi(doc: KpiDocument): NextDocument {
  const year = doc.fiscalYear + 1;
  const next = structuredClone(doc);
  next.fiscalYear = year;
  // A title that names the report's year (令和4年度実績評価シート) names the next.
  next.title = advanceHeadingYear(doc.title, doc.fiscalYear, year);
  const comments = new Map<string, string>();
  const fill = `記入: ${eraName(year, 'short')}実績 (${fiscalYearName(year)})`;
  next.strategies.forEach((s, si) => {
    s.reportedSummary = null;
    s.reportedGoalSummary = null;
    const blank = (path: string, list: typeof s.indicators) =>
      list.forEach((indicator, k) => {
        // Last year's actual is kept as history, so the next report can show the trend.
        indicator.previousActual = indicator.actual;
        indicator.actual = { ...BLANK };
        indicator.reported = { progress: null, status: null };
        comments.set(`${path}[${k}].actual`, fill);
        if (next.layout) nextInLayout(indicator, year, `${path}[${k}]`, comments);
      });
    blank(`strategies[${si}].indicators`, s.indicators);
    s.policies.forEach((p, pi) => {
      p.reportedSummary = null;
      p.measures.forEach((m, mi) => blank(`strategies[${si}].policies[${pi}].measures[${mi}].indicators`, m.indicators));
    });
  });
  if (next.layout) next.layout = nextLayout(next.layout, doc.fiscalYear, year);
  return { document: next, comments };
}

/**
 * An indicator of a document in its own layout, a year on: its series gains the year's cell,
 * blank to fill (the actual is the series' entry of the year once filled); its comments are
 * blank to write, since they judge last year's actual (carried over, last year's judgement
 * would go to the council as this year's); its target, interim targets and unplaced cells stay.
 */
function nextInLayout(indicator: Indicator, year: number, path: string, comments: Map<string, string>): void {
  if (indicator.series) {
    const at = indicator.series.findIndex((entry) => entry.fiscalYear === year);
    const blank = { fiscalYear: year, ...BLANK };
    if (at >= 0) indicator.series[at] = blank;
    else indicator.series.push(blank);
    const k = at >= 0 ? at : indicator.series.length - 1;
    comments.set(`${path}.series[${k}]`, `記入: ${eraName(year, 'short')}実績（実績にもなります）`);
    comments.set(`${path}.actual`, `系列の ${eraName(year, 'short')} を記入すると実績になります`);
  }
  indicator.comments?.forEach((comment, k) => {
    comment.text = '';
    comments.set(`${path}.comments[${k}].text`, `記入: ${fiscalYearName(year)}の${comment.heading}`);
  });
}

/**
 * Columns whose year the plan fixed, not the report: a target of the report's own year (目標値
 * 令和7年度 in the plan's last year) is still that year's next year; a series gains a column instead.
 */
const PLANNED_YEAR: ReadonlySet<LayoutColumn['role']> = new Set(['series', 'baseline', 'target', 'interim']);

/**
 * The layout a year on: a series gains the new year's column after its last (its heading in the
 * notation of the one before it), and the headings that name the year of the actuals name the
 * new one (現在値（R2） → 現在値（R3）); a baseline's and a target's headings stay as printed.
 */
export function nextLayout(layout: TableLayout, from: number, to: number): TableLayout {
  const columns: LayoutColumn[] = layout.columns.map((column) =>
    column.fiscalYear === from && !PLANNED_YEAR.has(column.role)
      ? { ...column, heading: advanceHeadingYear(column.heading, from, to), fiscalYear: to }
      : column,
  );
  const series = columns.filter((column) => column.role === 'series');
  const last = series.at(-1);
  if (last && !series.some((column) => column.fiscalYear === to)) {
    const heading = advanceHeadingYear(last.heading, last.fiscalYear ?? from, to);
    // A heading that does not print its year (実績) is given the year in the short notation.
    const added: LayoutColumn = { ...last, heading: heading === last.heading ? eraName(to, 'short') : heading, fiscalYear: to };
    delete added.width;
    columns.splice(columns.indexOf(last) + 1, 0, added);
  }
  return { ...layout, columns };
}

export function nextNarrative(doc: NarrativeDocument): NextDocument {
  const next = structuredClone(doc);
  next.fiscalYear = doc.fiscalYear + 1;
  next.nextYear = doc.nextYear + 1;
  next.title = advanceHeadingYear(doc.title, doc.fiscalYear, next.fiscalYear);
  const comments = new Map<string, string>();
  next.goals.forEach((g, gi) =>
    g.policies.forEach((p, pi) => {
      // Last year's plans are this year's draft results; the plans are written anew.
      p.results = [...p.plans];
      p.plans = [];
      p.draft = true;
      comments.set(`goals[${gi}].policies[${pi}].results`, `下書き: ${fiscalYearName(doc.nextYear)}の主な取組（前年度の計画）を実績に直し、draft: true を消す`);
      comments.set(`goals[${gi}].policies[${pi}].plans`, `記入: ${fiscalYearName(next.nextYear)} 主な取組／今後の方向性`);
    }),
  );
  return { document: next, comments };
}

export function nextDocument(doc: TasseiDocument): NextDocument {
  return doc.kind === 'kpi-progress' ? nextKpi(doc) : nextNarrative(doc);
}
