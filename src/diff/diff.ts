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
  SummaryEvaluation,
  StructureChange,
  TasseiDocument,
} from '../model/types.js';
import { type Scheme, markOf } from '../model/scheme.js';
import { evaluationOf, evaluationsByKey, isBlank, walkIndicators } from '../model/walk.js';
import { type Similarity, characterDiff, pair } from './similarity.js';
import { type Level, levelName, levelShown } from '../notation/levels.js';

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
  /** The place with its policy's and measure's names (a 新旧対照表's group labels). */
  named: IndicatorPlace;
}

export function locateIndicators(doc: KpiDocument, evaluation: Evaluation): Located[] {
  const evaluations = evaluationsByKey(evaluation);
  const hierarchy = doc.layout ? { hierarchy: doc.layout.hierarchy } : {};
  return walkIndicators(doc).map((at) => ({
    indicator: at.indicator,
    place: { strategy: at.strategy.no, strategyTitle: at.strategy.title, policy: at.policy?.no ?? null, measure: at.measure?.no ?? null, ...hierarchy },
    named: {
      ...hierarchy,
      strategy: at.strategy.no,
      strategyTitle: at.strategy.title,
      policy: at.policy?.no ?? null,
      measure: at.measure?.no ?? null,
      policyTitle: at.policy?.title ?? null,
      measureTitle: at.measure?.title ?? null,
    },
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
  const stateOf = (l: Located) => yearOf(l, scheme);
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
    if (entries.length > before) rows.push({ place: b.named, fromPlace: a.placeKey === b.placeKey ? null : a.named, from: stateOf(a), to: stateOf(b) });
  }
  for (const b of after.filter((x) => !takenNew.has(x))) {
    entries.push({ ...b.place, kind: 'added', name: b.indicator.name });
    rows.push({ place: b.named, fromPlace: null, from: null, to: stateOf(b) });
  }
  for (const a of before.filter((x) => !takenOld.has(x))) {
    entries.push({ ...a.place, kind: 'removed', name: a.indicator.name });
    rows.push({ place: a.named, fromPlace: null, from: stateOf(a), to: null });
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
    summaries: diffSummaries(oldEvaluation, nowEvaluation).map((e) => ({ ...e, policyTitle: policyTitleOf(now, e) ?? policyTitleOf(old, e) })),
    narrative: [],
    structure: structureOf(kpiHeadings(old), kpiHeadings(now)),
    ...(now.layout || old.layout ? { hierarchy: (now.layout ?? old.layout)!.hierarchy } : {}),
  };
}

/** An indicator as its year shows it: the printed values, the computed progress and status, and the printed ones. */
function yearOf(l: Located, scheme: Scheme): IndicatorYear {
  const { indicator: i } = l;
  const { progress, status } = i.reported;
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
    printed: progress === null && status === null ? null : { progress, mark: status === null ? null : markOf(scheme, status) },
  };
}

function sameSummary(a: Summary | null, b: Summary | null): boolean {
  if (!a || !b) return a === b;
  const columns = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...columns].every((c) => a[c] === b[c]);
}

/** The name of a summary row's policy (戦略方針), where it is a policy's row. */
function policyTitleOf(doc: KpiDocument, e: SummaryDiffEntry): string | null {
  return e.policy === null ? null : (doc.strategies.find((s) => s.no === e.strategy)?.policies.find((p) => p.no === e.policy)?.title ?? null);
}

/** The counts a summary row printed, where it printed every one. */
function printedCounts(s: SummaryEvaluation | undefined): Summary | null {
  const printed = s?.reported;
  if (!printed || Object.values(printed).some((v) => v === null)) return null;
  return printed as Summary;
}

/** Changes of the counts per strategy, 基本目標 row and policy, computed or printed. */
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
    const [fromPrinted, toPrinted] = [printedCounts(x), printedCounts(y)];
    if (sameSummary(from, to)) continue;
    const s = (y ?? x)!;
    entries.push({ strategy: s.strategy, policy: s.policy, row: s.row, from, to, fromPrinted, toPrinted });
  }
  return entries.sort((p, q) => p.strategy - q.strategy || (p.policy ?? -1) - (q.policy ?? -1));
}

interface Heading {
  level: StructureChange['level'];
  place: string;
  title: string;
}

/** Headings matched by their place (numbers): renamed where both years have it, else added or removed. */
function structureOf(before: readonly Heading[], after: readonly Heading[]): StructureChange[] {
  const key = (h: Heading) => `${h.level}:${h.place}`;
  const old = new Map(before.map((h) => [key(h), h]));
  const now = new Map(after.map((h) => [key(h), h]));
  const changes: StructureChange[] = [];
  for (const h of after) {
    const was = old.get(key(h));
    if (!was) changes.push({ level: h.level, place: h.place, kind: 'added', from: null, to: h.title });
    else if (was.title !== h.title) changes.push({ level: h.level, place: h.place, kind: 'renamed', from: was.title, to: h.title });
  }
  for (const h of before) if (!now.has(key(h))) changes.push({ level: h.level, place: h.place, kind: 'removed', from: h.title, to: null });
  return changes;
}

/** 重点戦略, 戦略方針 and 施策 of a KPI report (as the document labels them), each with its place. */
function kpiHeadings(doc: KpiDocument): Heading[] {
  const hierarchy = doc.layout?.hierarchy;
  const place = (...levels: [Level, number][]) =>
    levels
      .filter(([level]) => levelShown(hierarchy, level))
      .map(([level, no]) => levelName(hierarchy, level, no))
      .join(' › ');
  return doc.strategies.flatMap((s) => [
    { level: 'strategy' as const, place: place(['strategy', s.no]), title: s.title },
    ...s.policies.flatMap((p) => [
      { level: 'policy' as const, place: place(['strategy', s.no], ['policy', p.no]), title: p.title },
      ...p.measures.map((m) => ({ level: 'measure' as const, place: place(['strategy', s.no], ['policy', p.no], ['measure', m.no]), title: m.title })),
    ]),
  ]);
}

/** 基本目標 and 基本方針 of a narrative, each with its place. */
function narrativeHeadings(doc: NarrativeDocument): Heading[] {
  return doc.goals.flatMap((g) => [
    { level: 'goal' as const, place: `基本目標${g.no}`, title: g.title },
    ...g.policies.map((p) => ({ level: 'narrativePolicy' as const, place: `基本目標${g.no} › 基本方針${p.no}`, title: p.title })),
  ]);
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
      // Last year's plans that this year's results carry out: 実施 under the results, not dropped from the plans.
      const carried = new Set<number>();
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
        if (column === 'results') pairedOld.forEach((i) => carried.add(i));
        a.forEach((text, i) => {
          if (!pairedOld.has(i) && !(column === 'plans' && carried.has(i))) entries.push({ ...where, column, kind: 'removed', text });
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
  return {
    kind: 'narrative',
    fromYear: old.fiscalYear,
    toYear: now.fiscalYear,
    indicators: [],
    rows: [],
    summaries: [],
    narrative: entries,
    structure: structureOf(narrativeHeadings(old), narrativeHeadings(now)),
  };
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
    structure: diff.structure ?? [],
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
