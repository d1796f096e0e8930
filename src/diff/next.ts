import { eraName, fiscalYearName } from '../notation/numbers.js';
import type { KpiDocument, Measurement, NarrativeDocument, TasseiDocument } from '../model/types.js';

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
      });
    blank(`strategies[${si}].indicators`, s.indicators);
    s.policies.forEach((p, pi) => {
      p.reportedSummary = null;
      p.measures.forEach((m, mi) => blank(`strategies[${si}].policies[${pi}].measures[${mi}].indicators`, m.indicators));
    });
  });
  return { document: next, comments };
}

export function nextNarrative(doc: NarrativeDocument): NextDocument {
  const next = structuredClone(doc);
  next.fiscalYear = doc.fiscalYear + 1;
  next.nextYear = doc.nextYear + 1;
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
