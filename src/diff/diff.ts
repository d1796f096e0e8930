import { evaluateDocument } from '../evaluate/evaluate.js';
import type {
  DocumentDiff,
  Evaluation,
  Indicator,
  IndicatorDiffEntry,
  IndicatorDiffRow,
  IndicatorPlace,
  IndicatorYear,
  KpiDocument,
  Measurement,
  NarrativeColumn,
  NarrativeDiffEntry,
  NarrativeDocument,
  Status,
  Summary,
  SummaryDiffEntry,
  TasseiDocument,
} from '../model/types.js';
import type { Scheme } from '../model/scheme.js';
import { evaluationOf, evaluationsByKey, isBlank, walkIndicators } from '../model/walk.js';
import { type Similarity, characterDiff, pair } from './similarity.js';

/**
 * Year-over-year changes between two documents of one kind. Indicators keep their place in the
 * hierarchy from year to year; within a place they are paired by name similarity, and what is
 * left over is paired across the document, so that a corrected kanji is a rename and an
 * indicator that moved is not lost. Pure given the similarity.
 */

/** An indicator of one year's document with its place and what tassei computes for it. */
export interface Located {
  indicator: Indicator;
  place: IndicatorPlace;
  /** The place without the name: indicators are first paired within one place. */
  placeKey: string;
  status: Status | null;
  mark: string | null;
  progress: number | null;
}

export function locateIndicators(doc: KpiDocument, evaluation: Evaluation): Located[] {
  const evaluations = evaluationsByKey(evaluation);
  return walkIndicators(doc).map((at) => ({
    indicator: at.indicator,
    place: { strategy: at.strategy.no, strategyTitle: at.strategy.title, policy: at.policy?.no ?? null, measure: at.measure?.no ?? null },
    placeKey: `${at.place.strategy}/${at.place.policy}/${at.place.measure}`,
    ...pick(evaluationOf(evaluations, at)),
  }));
}

function pick(e: { status: Status | null; mark: string | null; progress: number | null }) {
  return { status: e.status, mark: e.mark, progress: e.progress };
}

function printed(m: Measurement | null): string | null {
  return m?.text ?? null;
}

function sameMeasurement(a: Measurement | null, b: Measurement | null): boolean {
  if (!a || !b) return a === b;
  return a.text === b.text && a.value === b.value && a.year === b.year;
}

/** Similarity above which an indicator found at another place is taken for one that moved. */
const MOVED_SIMILARITY = 0.75;

/**
 * The indicators of two years that are one indicator: paired by name within each place first,
 * then what is left anywhere (an indicator that moved), more strictly.
 */
export function pairIndicators(before: readonly Located[], after: readonly Located[], similarity: Similarity): [Located, Located][] {
  const pairs: [Located, Located][] = [];
  const takenOld = new Set<Located>();
  const takenNew = new Set<Located>();
  const match = (a: Located[], b: Located[], threshold?: number) => {
    for (const [i, j] of pair(
      a.map((x) => x.indicator.name),
      b.map((x) => x.indicator.name),
      similarity,
      threshold,
    )) {
      pairs.push([a[i]!, b[j]!]);
      takenOld.add(a[i]!);
      takenNew.add(b[j]!);
    }
  };
  for (const key of new Set(after.map((x) => x.placeKey)))
    match(
      before.filter((x) => x.placeKey === key),
      after.filter((x) => x.placeKey === key),
    );
  match(
    before.filter((x) => !takenOld.has(x)),
    after.filter((x) => !takenNew.has(x)),
    MOVED_SIMILARITY,
  );
  return pairs;
}

export function diffKpi(old: KpiDocument, now: KpiDocument, similarity: Similarity, scheme: Scheme): DocumentDiff {
  const [oldEvaluation, nowEvaluation] = [evaluateDocument(old, scheme), evaluateDocument(now, scheme)];
  const before = locateIndicators(old, oldEvaluation);
  const after = locateIndicators(now, nowEvaluation);
  const pairs = pairIndicators(before, after, similarity);
  const takenOld = new Set(pairs.map(([a]) => a));
  const takenNew = new Set(pairs.map(([, b]) => b));

  const entries: IndicatorDiffEntry[] = [];
  const rows: IndicatorDiffRow[] = [];
  for (const [a, b] of pairs) {
    const name = b.indicator.name;
    const before = entries.length;
    if (a.placeKey !== b.placeKey) entries.push({ ...b.place, kind: 'moved', name, from: a.place });
    if (a.indicator.name !== name) entries.push({ ...b.place, kind: 'renamed', name, from: a.indicator.name, to: name });
    // A blank actual (未記入) is one change, the actual, and no status change; two blanks are none.
    const blanks = [isBlank(a.indicator), isBlank(b.indicator)];
    for (const field of ['baseline', 'actual', 'target'] as const) {
      if (field === 'actual' && blanks[0] && blanks[1]) continue;
      if (!sameMeasurement(a.indicator[field], b.indicator[field])) {
        entries.push({ ...b.place, kind: 'changed', name, field, from: printed(a.indicator[field]), to: printed(b.indicator[field]) });
      }
    }
    if (a.indicator.unit !== b.indicator.unit) entries.push({ ...b.place, kind: 'changed', name, field: 'unit', from: a.indicator.unit, to: b.indicator.unit });
    if (a.indicator.method !== b.indicator.method)
      entries.push({ ...b.place, kind: 'changed', name, field: 'method', from: a.indicator.method, to: b.indicator.method });
    if (a.status !== b.status && !blanks[0] && !blanks[1]) entries.push({ ...b.place, kind: 'statusChanged', name, from: a.status, to: b.status });
    if (entries.length > before) rows.push({ place: b.place, fromPlace: a.placeKey === b.placeKey ? null : a.place, from: stateOf(a), to: stateOf(b) });
  }
  for (const b of after.filter((x) => !takenNew.has(x))) {
    entries.push({ ...b.place, kind: 'added', name: b.indicator.name });
    rows.push({ place: b.place, fromPlace: null, from: null, to: stateOf(b) });
  }
  for (const a of before.filter((x) => !takenOld.has(x))) {
    entries.push({ ...a.place, kind: 'removed', name: a.indicator.name });
    rows.push({ place: a.place, fromPlace: null, from: stateOf(a), to: null });
  }
  const byPlace = (x: IndicatorPlace, y: IndicatorPlace) => x.strategy - y.strategy || (x.policy ?? 0) - (y.policy ?? 0) || (x.measure ?? 0) - (y.measure ?? 0);
  entries.sort(byPlace);
  rows.sort((x, y) => byPlace(x.place, y.place));

  return {
    kind: 'kpi-progress',
    fromYear: old.fiscalYear,
    toYear: now.fiscalYear,
    indicators: entries,
    rows,
    summaries: diffSummaries(oldEvaluation, nowEvaluation),
    narrative: [],
  };
}

function stateOf(l: Located): IndicatorYear {
  const { indicator: i } = l;
  return {
    name: i.name,
    unit: i.unit,
    method: i.method,
    baseline: i.baseline.text,
    actual: i.actual.text,
    target: i.target?.text ?? '-',
    progress: l.progress,
    status: l.status,
    mark: l.mark,
    blank: isBlank(i),
  };
}

function sameSummary(a: Summary | null, b: Summary | null): boolean {
  if (!a || !b) return a === b;
  const columns = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...columns].every((c) => a[c] === b[c]);
}

/** Changes of the computed counts per strategy, 基本目標 row and policy. */
function diffSummaries(old: Evaluation, now: Evaluation): SummaryDiffEntry[] {
  const rows = (evaluation: Evaluation) => new Map(evaluation.summaries.map((s) => [`${s.strategy}/${s.row}/${s.policy}`, s]));
  const a = rows(old);
  const b = rows(now);
  const entries: SummaryDiffEntry[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const from = x?.computed ?? null;
    const to = y?.computed ?? null;
    if (sameSummary(from, to)) continue;
    const s = (y ?? x)!;
    entries.push({ strategy: s.strategy, policy: s.policy, row: s.row, from, to });
  }
  return entries.sort((p, q) => p.strategy - q.strategy || (p.policy ?? -1) - (q.policy ?? -1));
}

/** What each column of this year is held against: the results against last year's plans. */
const COMPARED_WITH: Record<NarrativeColumn, NarrativeColumn> = { results: 'plans', plans: 'plans', measures: 'measures' };

export function diffNarrative(old: NarrativeDocument, now: NarrativeDocument, similarity: Similarity): DocumentDiff {
  const entries: NarrativeDiffEntry[] = [];
  for (const goal of now.goals) {
    const previousGoal = old.goals.find((g) => g.no === goal.no);
    for (const policy of goal.policies) {
      const previous = previousGoal?.policies.find((p) => p.no === policy.no);
      const where = { goal: goal.no, goalTitle: goal.title, policy: policy.no, policyTitle: policy.title };
      for (const column of ['results', 'plans', 'measures'] as NarrativeColumn[]) {
        const a = previous?.[COMPARED_WITH[column]] ?? [];
        const b = policy[column];
        // A column not yet written (未記入, as `next` leaves the plans) is not a removal of everything.
        if (b.length === 0 && column !== 'measures') continue;
        const pairs = pair(a, b, similarity);
        const pairedOld = new Set(pairs.map(([i]) => i));
        const pairedNew = new Set(pairs.map(([, j]) => j));
        for (const [i, j] of pairs) {
          if (a[i] !== b[j]) entries.push({ ...where, column, kind: 'reworded', from: a[i]!, to: b[j]!, parts: characterDiff(a[i]!, b[j]!) });
          else if (column === 'results') entries.push({ ...where, column, kind: 'done', text: b[j]! });
        }
        b.forEach((text, j) => {
          if (!pairedNew.has(j)) entries.push({ ...where, column, kind: 'added', text });
        });
        a.forEach((text, i) => {
          if (!pairedOld.has(i)) entries.push({ ...where, column, kind: 'removed', text });
        });
      }
    }
  }
  for (const goal of old.goals) {
    for (const policy of goal.policies) {
      const still = now.goals.find((g) => g.no === goal.no)?.policies.some((p) => p.no === policy.no);
      if (still) continue;
      const where = { goal: goal.no, goalTitle: goal.title, policy: policy.no, policyTitle: policy.title };
      for (const column of ['plans', 'measures'] as NarrativeColumn[]) {
        for (const text of policy[column]) entries.push({ ...where, column, kind: 'removed', text });
      }
    }
  }
  return { kind: 'narrative', fromYear: old.fiscalYear, toYear: now.fiscalYear, indicators: [], rows: [], summaries: [], narrative: entries };
}

export function diffDocuments(old: TasseiDocument, now: TasseiDocument, similarity: Similarity, scheme: Scheme): DocumentDiff {
  if (old.kind === 'kpi-progress' && now.kind === 'kpi-progress') return diffKpi(old, now, similarity, scheme);
  if (old.kind === 'narrative' && now.kind === 'narrative') return diffNarrative(old, now, similarity);
  throw new RangeError('documents of different kinds');
}

/** The JSON of ../shared/DESIGN.md, with the summary and narrative changes. */
export function diffJson(diff: DocumentDiff): object {
  const of = <K extends IndicatorDiffEntry['kind']>(kind: K) => diff.indicators.filter((e): e is Extract<IndicatorDiffEntry, { kind: K }> => e.kind === kind);
  return {
    kind: diff.kind,
    fromYear: diff.fromYear,
    toYear: diff.toYear,
    indicators: {
      added: of('added').map((e) => e.name),
      removed: of('removed').map((e) => e.name),
      renamed: of('renamed').map((e) => ({ from: e.from, to: e.to })),
      moved: of('moved').map((e) => ({ name: e.name, from: placeOf(e.from), to: placeOf(e) })),
      changed: of('changed').map((e) => ({ name: e.name, field: e.field, from: e.from, to: e.to })),
      statusChanged: of('statusChanged').map((e) => ({ name: e.name, from: e.from, to: e.to })),
    },
    summaries: diff.summaries,
    narrative: {
      added: narrativeOf(diff, 'added').map((e) => ({ goal: e.goal, policy: e.policy, column: e.column, text: e.text })),
      removed: narrativeOf(diff, 'removed').map((e) => ({ goal: e.goal, policy: e.policy, column: e.column, text: e.text })),
      reworded: narrativeOf(diff, 'reworded').map((e) => ({ goal: e.goal, policy: e.policy, column: e.column, from: e.from, to: e.to })),
      done: narrativeOf(diff, 'done').map((e) => ({ goal: e.goal, policy: e.policy, column: e.column, text: e.text })),
    },
  };
}

function placeOf(p: IndicatorPlace): { strategy: number; policy: number | null; measure: number | null } {
  return { strategy: p.strategy, policy: p.policy, measure: p.measure };
}

export function narrativeOf<K extends NarrativeDiffEntry['kind']>(diff: DocumentDiff, kind: K): Extract<NarrativeDiffEntry, { kind: K }>[] {
  return diff.narrative.filter((e): e is Extract<NarrativeDiffEntry, { kind: K }> => e.kind === kind);
}
