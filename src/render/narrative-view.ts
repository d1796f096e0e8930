import type { NarrativeDocument, NarrativePolicy } from '../model/types.js';
import { fiscalYearName } from '../notation/numbers.js';
import { isNarrativeDraft } from './final.js';
import { DEFAULT_RENDER_OPTIONS, type PageView, type RenderOptions, pageView } from './page-view.js';

/** What the narrative report's template sees: each goal's policies as rows of bullets, and its pages. Pure. */

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
