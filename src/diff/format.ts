import { columns } from '../evaluate/format.js';
import { columnHeading } from '../evaluate/format.js';
import { summaryColumns } from '../evaluate/evaluate.js';
import { type Scheme, markOf } from '../model/scheme.js';
import type { DocumentDiff, IndicatorDiffEntry, NarrativeDiffEntry, Status, Summary, SummaryDiffEntry } from '../model/types.js';

/** The diff for a terminal (`text`) or a review memo (`md`). Pure. */

const FIELD_NAMES = { baseline: '現状 a', actual: '実績 b', target: '目標 c', unit: '単位', method: '算出方法' } as const;
const COLUMN_NAMES = { results: '実績', plans: '今後の方向性', measures: '施策' } as const;
const KIND_NAMES = { added: '追加', removed: '削除', renamed: '名称変更', changed: '変更', statusChanged: '状況', reworded: '修正' } as const;

function status(s: Status | null, scheme: Scheme): string {
  return s === null ? '(なし)' : markOf(scheme, s);
}

/** A count row in the scheme's columns: 目標達成 3／改善↑ 8／…／合計 27. */
function counts(s: Summary | null, scheme: Scheme): string {
  return s === null ? '(なし)' : summaryColumns(scheme).map((c) => `${columnHeading(scheme, c)} ${s[c] ?? 0}`).join('／');
}

/** One line of an indicator change: what, which, old → new. */
export function describeIndicator(e: IndicatorDiffEntry, scheme: Scheme): [string, string, string] {
  switch (e.kind) {
    case 'added': return [KIND_NAMES.added, e.name, ''];
    case 'removed': return [KIND_NAMES.removed, e.name, ''];
    case 'renamed': return [KIND_NAMES.renamed, e.to, `${e.from} → ${e.to}`];
    case 'changed': return [`${FIELD_NAMES[e.field]}`, e.name, `${e.from ?? '-'} → ${e.to ?? '-'}`];
    case 'statusChanged': return [KIND_NAMES.statusChanged, e.name, `${status(e.from, scheme)} → ${status(e.to, scheme)}`];
  }
}

export function describeSummary(e: SummaryDiffEntry, scheme: Scheme): [string, string] {
  const row = e.row === 'total' ? '合計' : e.row === 'goal' ? '基本目標' : `戦略方針${e.policy}`;
  return [row, `${counts(e.from, scheme)} → ${counts(e.to, scheme)}`];
}

/** A reworded bullet with the changed characters marked: [-removed-]{+added+} or ~~removed~~**added**. */
export function markedChange(e: Extract<NarrativeDiffEntry, { kind: 'reworded' }>, style: 'text' | 'md'): string {
  return e.parts.map((p) => {
    if (p.kind === 'same') return p.text;
    if (style === 'md') return p.kind === 'removed' ? `~~${p.text}~~` : `**${p.text}**`;
    return p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`;
  }).join('');
}

function describeNarrative(e: NarrativeDiffEntry, style: 'text' | 'md'): [string, string] {
  const where = COLUMN_NAMES[e.column];
  if (e.kind === 'reworded') return [`${where} ${KIND_NAMES.reworded}`, markedChange(e, style)];
  return [`${where} ${KIND_NAMES[e.kind]}`, e.text];
}

function groups<T>(items: readonly T[], key: (t: T) => string): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map.entries()];
}

export function formatDiff(diff: DocumentDiff, style: 'text' | 'md', scheme: Scheme): string {
  const out: string[] = [];
  const heading = `${diff.kind === 'kpi-progress' ? 'KPI進捗状況' : '達成状況'} ${diff.fromYear}年度 → ${diff.toYear}年度`;
  out.push(style === 'md' ? `# ${heading}` : heading, '');
  const empty = diff.indicators.length + diff.summaries.length + diff.narrative.length === 0;
  if (empty) out.push('変更なし (no changes)');
  for (const [title, entries] of groups(diff.indicators, (e) => `${e.strategy} ${e.strategyTitle}`)) {
    out.push(style === 'md' ? `## 重点戦略 ${title}` : `■ ${title}`, '');
    const rows = entries.map((e) => describeIndicator(e, scheme));
    if (style === 'md') {
      out.push('| 変更 | 目標指標 | 前年度 → 今年度 |', '|---|---|---|', ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`));
    } else out.push(...columns(rows).map((l) => `  ${l}`));
    const sums = diff.summaries.filter((s) => `${s.strategy}` === title.split(' ')[0]).map((e) => describeSummary(e, scheme));
    if (sums.length > 0) {
      out.push('');
      if (style === 'md') out.push('| 集計 | 前年度 → 今年度 |', '|---|---|', ...sums.map((r) => `| ${r.join(' | ')} |`));
      else out.push(...columns(sums.map((r) => ['集計', ...r])).map((l) => `  ${l}`));
    }
    out.push('');
  }
  for (const [title, entries] of groups(diff.narrative, (e) => `基本目標${e.goal} ${e.goalTitle}`)) {
    out.push(style === 'md' ? `## ${title}` : `■ ${title}`, '');
    for (const [policy, items] of groups(entries, (e) => `基本方針${e.policy} ${e.policyTitle}`)) {
      out.push(style === 'md' ? `### ${policy}` : `  ${policy}`);
      for (const [what, text] of items.map((e) => describeNarrative(e, style))) out.push(style === 'md' ? `- **${what}**: ${text}` : `    ${what}: ${text}`);
      out.push('');
    }
  }
  return out.join('\n');
}
