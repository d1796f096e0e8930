import { columns } from '../evaluate/format.js';
import { columnHeading } from '../evaluate/format.js';
import { formatProgress } from '../evaluate/evaluate.js';
import { summaryColumns } from '../evaluate/summaries.js';
import { characterDiff } from './similarity.js';
import { levelName, levelShown, levelWord, ownIndicatorsWord } from '../notation/levels.js';
import type { Scheme } from '../model/scheme.js';
import { NOT_ENTERED } from '../model/walk.js';
import type {
  DocumentDiff,
  HierarchyLevel,
  IndicatorDiffRow,
  IndicatorPlace,
  IndicatorYear,
  NarrativeDiffEntry,
  StructureChange,
  Summary,
  SummaryDiffEntry,
} from '../model/types.js';

/**
 * The diff for a terminal (`text`) or a review memo (`md`), marked the way Japanese reviewers
 * mark revisions: each changed item as 〔旧〕 → 〔新〕, a reworded sentence as an old/new pair with
 * the changed characters in 〔〕 (text) or underlined (md). Pure.
 */

export type DiffStyle = 'text' | 'md';

/** The fields of an indicator a reviewer compares, in print order. */
export const REVIEW_FIELDS = [
  { key: 'name', heading: '目標指標' },
  { key: 'unit', heading: '単位' },
  { key: 'method', heading: '算出方法' },
  { key: 'baseline', heading: '現状 a' },
  { key: 'actual', heading: '実績 b' },
  { key: 'target', heading: '目標 c' },
  { key: 'progress', heading: '進捗率' },
  { key: 'status', heading: '状況' },
] as const;
export type ReviewField = (typeof REVIEW_FIELDS)[number]['key'];

export const BLANK = NOT_ENTERED;
const NONE = '(なし)';
/** What the figures of both years are: recomputed, as a rendered report prints them, the printed ones noted where they differ. */
export const RECOMPUTED_NOTE = '進捗率・状況・集計は両年度とも再計算した値。その年度の文書の印刷値と異なるものは「再計算」として印刷値を併記する。';

/** A field of one year as printed: 未記入 for a blank actual, - for no data. */
export function fieldText(state: IndicatorYear, field: ReviewField): string {
  switch (field) {
    case 'name':
      return state.name + (state.method === 'ratio' ? '※' : '');
    case 'unit':
      return state.unit ?? '-';
    case 'method':
      return state.method === 'ratio' ? 'b/c' : '(b-a)/(c-a)';
    case 'actual':
      return state.blank ? BLANK : state.actual;
    case 'baseline':
    case 'target':
      return state[field];
    case 'progress':
      return state.blank ? '' : formatProgress(state.progress);
    case 'status':
      return state.blank ? '' : (state.mark ?? '');
  }
}

/** A printed progress or status that tassei computes otherwise: 「進捗率 印刷 60.0% → 再計算 72.0%」; '' where they agree. */
export function recomputedText(state: IndicatorYear, field: 'progress' | 'status'): string {
  if (state.blank || !state.printed) return '';
  // Nothing printed to hold it against (a table without a progress column), as evaluate finds nothing there.
  if ((field === 'progress' ? state.printed.progress : state.printed.mark) === null) return '';
  const [printed, computed] =
    field === 'progress' ? [formatProgress(state.printed.progress), formatProgress(state.progress)] : [state.printed.mark ?? '', state.mark ?? ''];
  return printed === computed ? '' : `${field === 'progress' ? '進捗率' : '状況'} 印刷 ${printed} → 再計算 ${computed}`;
}

/** The counts of a summary row that the year printed otherwise than computed: 「改善↑ 印刷 14 → 再計算 13」. */
export function recomputedCounts(counts: Summary | null, printed: Summary | null | undefined, keys: readonly string[], headings: readonly string[]): string[] {
  if (!counts || !printed) return [];
  return keys.flatMap((k, i) => {
    const value = printed[k];
    return value === undefined || value === null || value === (counts[k] ?? 0) ? [] : [`${headings[i]} 印刷 ${value} → 再計算 ${counts[k] ?? 0}`];
  });
}

/** The fields whose printed text differs between the two years (all of them for an added or removed one). */
export function changedFields(row: IndicatorDiffRow): Set<ReviewField> {
  const { from, to } = row;
  if (!from || !to) return new Set(REVIEW_FIELDS.map((f) => f.key));
  return new Set(REVIEW_FIELDS.map((f) => f.key).filter((k) => fieldText(from, k) !== fieldText(to, k)));
}

/**
 * 戦略方針1 › 施策2, or 基本目標 for a strategy's own indicator (数値目標 where the document labels its
 * levels itself: 基本目標 is then its strategies' word); with `names`, each with its name where the
 * place has it. The levels as the document labels them (基本施策2 › 個別施策(1)).
 */
export function placeName(p: IndicatorPlace, withStrategy = false, names = false): string {
  const named = (level: string, title: string | null | undefined) => (names && title ? `${level} ${title}` : level);
  const levels = [
    levelShown(p.hierarchy, 'policy') ? named(levelName(p.hierarchy, 'policy', p.policy ?? 0), p.policyTitle) : '',
    levelShown(p.hierarchy, 'measure') ? named(levelName(p.hierarchy, 'measure', p.measure ?? 0), p.measureTitle) : '',
  ].filter(Boolean);
  const inner = p.policy === null || levels.length === 0 ? ownIndicatorsWord(p.hierarchy) : levels.join(' › ');
  return withStrategy ? `${levelName(p.hierarchy, 'strategy', p.strategy)} › ${inner}` : inner;
}

/** What happened to an indicator, as the mark a reviewer reads first: a rename and a revised target before a routine update. */
export function rowKind(row: IndicatorDiffRow): '新規' | '削除' | '移動' | '名称変更' | '目標変更' | '変更' {
  if (!row.from) return '新規';
  if (!row.to) return '削除';
  if (row.fromPlace) return '移動';
  const changed = changedFields(row);
  if (changed.has('name')) return '名称変更';
  return changed.has('target') ? '目標変更' : '変更';
}

const LEVEL_NAMES: Record<StructureChange['level'], string> = {
  strategy: '重点戦略',
  policy: '戦略方針',
  measure: '施策',
  goal: '基本目標',
  narrativePolicy: '基本方針',
};
const STRUCTURE_KINDS: Record<StructureChange['kind'], string> = { renamed: '名称変更', added: '新設', removed: '廃止' };

/** A heading's change as a reviewer reads it: its mark, level (as the document labels it) and place. */
export function structureLabel(c: StructureChange, hierarchy?: readonly HierarchyLevel[]): { mark: string; level: string } {
  const level = c.level === 'strategy' || c.level === 'policy' || c.level === 'measure' ? levelWord(hierarchy, c.level) : LEVEL_NAMES[c.level];
  return { mark: STRUCTURE_KINDS[c.kind], level };
}

/** The counts that open a diff: 新規 n・削除 n・名称変更 n・目標変更 n・数値 n (the KPI report), or the narrative's. */
export function changeSummary(diff: DocumentDiff): string {
  const structure = diff.structure ?? [];
  const renamed = structure.filter((c) => c.kind === 'renamed').length;
  if (diff.kind === 'kpi-progress') {
    const kinds = diff.rows.map(rowKind);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    const parts = [
      ['新規', count('新規')],
      ['削除', count('削除')],
      ['移動', count('移動')],
      ['名称変更', count('名称変更') + renamed],
      ['目標変更', count('目標変更')],
      ['数値', count('変更')],
      ['構成', structure.length - renamed],
    ] as const;
    return `変更の概要：${parts
      .filter(([k, n]) => n > 0 || !['移動', '構成'].includes(k))
      .map(([k, n]) => `${k} ${n}`)
      .join('・')}`;
  }
  const labels = diff.narrative.map(narrativeLabel);
  const count = (...k: string[]) => labels.filter((x) => k.includes(x)).length;
  const parts = [
    ['実施', count('実施', '実施（表現変更）')],
    ['未実施', count('未実施（計画のみ）')],
    ['新規', count('新規', '追加')],
    ['削除', count('削除')],
    ['修正', count('修正')],
    ['名称変更', renamed],
  ] as const;
  return `変更の概要：${parts.map(([k, n]) => `${k} ${n}`).join('・')}`;
}

export function summaryRowName(e: SummaryDiffEntry, hierarchy?: readonly HierarchyLevel[]): string {
  return e.row === 'total' ? '合計' : e.row === 'goal' ? ownIndicatorsWord(hierarchy) : levelName(hierarchy, 'policy', e.policy ?? 0);
}

function escapeMd(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The lines of one changed indicator: its mark, name and place, then each changed field 〔旧〕 → 〔新〕, and printed figures tassei computes otherwise. */
function indicatorLines(row: IndicatorDiffRow, style: DiffStyle): string[][] {
  const kind = rowKind(row);
  const state = (row.to ?? row.from)!;
  const name = fieldText(state, 'name');
  const lines: string[][] = [];
  const where = kind === '移動' ? `${placeName(row.fromPlace!, true)} → ${placeName(row.place, true)}` : placeName(row.place);
  if (kind === '新規' || kind === '削除') {
    const values = REVIEW_FIELDS.filter((f) => f.key !== 'name' && f.key !== 'method')
      .map((f) => `${f.heading} ${fieldText(state, f.key) || '-'}`)
      .join('／');
    lines.push([`〔${kind}〕`, name, where, values]);
    return lines;
  }
  const changed = changedFields(row);
  lines.push([`〔${kind}〕`, name, where, '']);
  for (const f of REVIEW_FIELDS) {
    if (!changed.has(f.key)) continue;
    const [a, b] = [fieldText(row.from!, f.key), fieldText(row.to!, f.key)];
    const [x, y] = f.key === 'name' && style === 'md' ? markedTexts(a, b, style) : [a, b];
    lines.push(['', '', f.heading, `〔旧〕${x || NONE} → 〔新〕${y || NONE}`]);
  }
  for (const [year, side] of [
    ['旧', row.from!],
    ['新', row.to!],
  ] as const) {
    for (const field of ['progress', 'status'] as const) {
      const text = recomputedText(side, field);
      if (text) lines.push(['', '', '再計算', `〔${year}〕${text}`]);
    }
  }
  if (lines.length === 1) lines[0]![3] = '(位置のみ)';
  return lines;
}

/** Two texts with their changed characters marked: 〔〕 (text) or underlined (md). */
export function markedTexts(from: string, to: string, style: DiffStyle): [string, string] {
  return markedPair({ parts: characterDiff(from, to) }, style);
}

/** The headings renamed, added or removed, one line each: 〔名称変更〕 施策 重点戦略1 › 戦略方針1 › 施策2 〔旧〕… → 〔新〕…. */
function structureLines(diff: DocumentDiff, style: DiffStyle): string[] {
  const changes = diff.structure ?? [];
  if (changes.length === 0) return [];
  const rows = changes.map((c) => {
    const { mark, level } = structureLabel(c, diff.hierarchy);
    const [a, b] = c.from !== null && c.to !== null ? markedTexts(c.from, c.to, style) : [c.from ?? NONE, c.to ?? NONE];
    return [`〔${mark}〕`, level, c.place, `〔旧〕${a} → 〔新〕${b}`];
  });
  const title = '構成（見出し）の変更';
  if (style === 'md')
    return [`## ${title}`, '', '| 区分 | 階層 | 位置 | 前年度 → 今年度 |', '|---|---|---|---|', ...rows.map((r) => `| ${r.map(escapeMd).join(' | ')} |`), ''];
  return [`■ ${title}`, '', ...columns(rows).map((l) => `  ${l}`), ''];
}

/** A reworded sentence as an old/new pair, the changed characters in 〔〕 or underlined. */
export function markedPair(e: Pick<Extract<NarrativeDiffEntry, { kind: 'reworded' }>, 'parts'>, style: DiffStyle): [string, string] {
  const mark = (text: string) => (style === 'md' ? `<u>${text}</u>` : `〔${text}〕`);
  const side = (kind: 'removed' | 'added') =>
    e.parts
      .filter((p) => p.kind === 'same' || p.kind === kind)
      .map((p) => (p.kind === 'same' ? p.text : mark(p.text)))
      .join('');
  return [side('removed'), side('added')];
}

/** How a narrative change reads, by column: this year's results against last year's plans. */
export function narrativeLabel(e: NarrativeDiffEntry): string {
  if (e.column === 'results') return { done: '実施', reworded: '実施（表現変更）', removed: '未実施（計画のみ）', added: '新規' }[e.kind];
  return { done: '同じ', reworded: '修正', removed: '削除', added: '追加' }[e.kind];
}

const COLUMN_NAMES = { results: '実績（前年度の計画に対して）', plans: '今後の方向性', measures: '施策' } as const;

function groups<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map.entries()];
}

/** Whether a summary row is the document's own: a level it does not print (policies made to hold its measures) has no row there. */
export function summaryRowShown(e: SummaryDiffEntry, hierarchy?: readonly HierarchyLevel[]): boolean {
  return e.row !== 'policy' || levelShown(hierarchy, 'policy');
}

function summaryTable(all: readonly SummaryDiffEntry[], style: DiffStyle, scheme: Scheme, hierarchy?: readonly HierarchyLevel[]): string[] {
  const entries = all.filter((e) => summaryRowShown(e, hierarchy));
  const keys = summaryColumns(scheme);
  const headings = ['集計', ...keys.map((k) => columnHeading(scheme, k))];
  const cell = (e: SummaryDiffEntry, key: string) => {
    const [a, b] = [e.from?.[key] ?? '-', e.to?.[key] ?? '-'];
    return a === b ? String(b) : `${a} → ${b}`;
  };
  const rows = entries.map((e) => [summaryRowName(e, hierarchy), ...keys.map((k) => cell(e, k))]);
  const printed = entries.flatMap((e) =>
    [
      ['旧', e.from, e.fromPrinted],
      ['新', e.to, e.toPrinted],
    ].flatMap(([year, counts, shown]) =>
      recomputedCounts(counts as Summary | null, shown as Summary | null, keys, headings.slice(1)).map(
        (text) => `${summaryRowName(e, hierarchy)} 〔${String(year)}〕${text}`,
      ),
    ),
  );
  const notes = printed.map((text) => (style === 'md' ? `- 再計算：${text}` : `  再計算：${text}`));
  if (style === 'md')
    return [
      `| ${headings.join(' | ')} |`,
      `|${headings.map(() => '---').join('|')}|`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      ...(notes.length ? ['', ...notes] : []),
    ];
  return [...columns([headings, ...rows], new Set(keys.map((_, i) => i + 1))).map((l) => `  ${l}`), ...notes];
}

function kpiLines(diff: DocumentDiff, style: DiffStyle, scheme: Scheme): string[] {
  const out: string[] = [];
  const titles = new Map(diff.rows.map((r) => [r.place.strategy, r.place.strategyTitle]));
  const strategies = [...new Set([...diff.rows.map((r) => r.place.strategy), ...diff.summaries.map((s) => s.strategy)])].sort((a, b) => a - b);
  for (const strategy of strategies) {
    const title = `${levelName(diff.hierarchy, 'strategy', strategy)}${titles.has(strategy) ? ` ${titles.get(strategy)}` : ''}`;
    out.push(style === 'md' ? `## ${title}` : `■ ${title}`, '');
    const rows = diff.rows.filter((r) => r.place.strategy === strategy).flatMap((r) => indicatorLines(r, style));
    if (rows.length > 0) {
      if (style === 'md')
        out.push('| 区分 | 目標指標 | 位置・項目 | 前年度 → 今年度 |', '|---|---|---|---|', ...rows.map((r) => `| ${r.map(escapeMd).join(' | ')} |`));
      else out.push(...columns(rows).map((l) => `  ${l}`));
      out.push('');
    }
    const sums = diff.summaries.filter((s) => s.strategy === strategy);
    if (sums.length > 0) out.push(...summaryTable(sums, style, scheme, diff.hierarchy), '');
  }
  return out;
}

function narrativeLines(diff: DocumentDiff, style: DiffStyle): string[] {
  const out: string[] = [];
  for (const [title, entries] of groups(diff.narrative, (e) => `基本目標${e.goal} ${e.goalTitle}`)) {
    out.push(style === 'md' ? `## ${title}` : `■ ${title}`, '');
    for (const [policy, items] of groups(entries, (e) => `基本方針${e.policy} ${e.policyTitle}`)) {
      out.push(style === 'md' ? `### ${policy}` : `  ${policy}`);
      for (const [column, list] of groups(items, (e) => COLUMN_NAMES[e.column])) {
        out.push(style === 'md' ? `- ${column}` : `    ${column}`);
        for (const e of list) {
          const label = `〔${narrativeLabel(e)}〕`;
          const indent = style === 'md' ? '  - ' : '      ';
          if (e.kind === 'reworded') {
            const [a, b] = markedPair(e, style);
            const pad = style === 'md' ? '    ' : '        ';
            out.push(`${indent}${label}`, `${pad}旧: ${a}`, `${pad}新: ${b}`);
          } else out.push(`${indent}${label} ${e.text}`);
        }
      }
      out.push('');
    }
  }
  return out;
}

export function formatDiff(diff: DocumentDiff, style: DiffStyle, scheme: Scheme): string {
  const out: string[] = [];
  const heading = `${diff.kind === 'kpi-progress' ? 'KPI進捗状況' : '達成状況'} ${diff.fromYear}年度 → ${diff.toYear}年度`;
  out.push(style === 'md' ? `# ${heading}` : heading, '');
  const empty = diff.rows.length + diff.summaries.length + diff.narrative.length + (diff.structure?.length ?? 0) === 0;
  if (empty) out.push('変更なし');
  if (!empty) out.push(changeSummary(diff), '');
  if (style === 'md' && !empty) out.push('〔旧〕は前年度、〔新〕は今年度。文の修正は旧・新の2行で示し、変わった文字に<u>下線</u>を引く。', '');
  else if (!empty) out.push('〔旧〕は前年度、〔新〕は今年度。文の修正は旧・新の2行で示し、変わった文字を〔〕で囲む。', '');
  if (!empty && diff.kind === 'kpi-progress') out.push(RECOMPUTED_NOTE, '');
  out.push(...structureLines(diff, style));
  out.push(...(diff.kind === 'kpi-progress' ? kpiLines(diff, style, scheme) : narrativeLines(diff, style)));
  return out.join('\n');
}
