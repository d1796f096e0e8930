import stringWidth from 'string-width';
import { type IndicatorAt, evaluationOf, evaluationsByKey, placeKey, walkIndicators } from '../model/walk.js';
import type { Evaluation, Finding, KpiDocument, Status, Summary } from '../model/types.js';
import { formatProgress } from './evaluate.js';
import { DEFAULT_SCHEME, type StatusScheme, labelOf } from './rules.js';

/** Pads to a display width, counting full-width characters as two columns. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Lays out rows as aligned columns; `right` names the right-aligned column indexes. */
export function columns(rows: readonly string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) => row.map((cell, i) => pad(cell, widths[i]!, right.has(i) ? 'right' : 'left')).join('  ').trimEnd());
}

const MARKS = { same: ' ', differs: '≠' } as const;

/**
 * The evaluation as a terminal report: per strategy the indicators with computed progress and
 * status (≠ where the document printed otherwise), the summary rows, then every finding.
 */
export function formatEvaluationText(doc: KpiDocument, evaluation: Evaluation, scheme: StatusScheme = DEFAULT_SCHEME): string {
  const out: string[] = [];
  const label = (s: Status | null): string => (s === null ? '?' : labelOf(s, scheme));
  const flagged = new Set(evaluation.findings.filter((f) => f.indicator).map((f) => placeKey(f)));
  const evaluations = evaluationsByKey(evaluation);
  const walk = walkIndicators(doc);
  out.push(`${doc.title}（${doc.fiscalYear}年度実績）`, '');
  for (const strategy of doc.strategies) {
    const rows: string[][] = [['', '目標指標', '単位', '現状 a', '実績 b', '目標 c', '進捗率', '状況']];
    const addIndicator = (at: IndicatorAt, indent: string) => {
      const { indicator } = at;
      const e = evaluationOf(evaluations, at);
      rows.push([
        flagged.has(placeKey(e)) ? MARKS.differs : MARKS.same,
        `${indent}${indicator.name}${indicator.method === 'ratio' ? '※' : ''}`,
        indicator.unit ?? '-', indicator.baseline.text, indicator.actual.text, indicator.target.text,
        formatProgress(e.progress), label(e.status),
      ]);
    };
    const own = walk.filter((at) => at.strategy === strategy);
    out.push(`■ ${strategy.no} ${strategy.title}`);
    for (const at of own.filter((x) => x.policy === null)) addIndicator(at, '');
    for (const policy of strategy.policies) {
      rows.push(['', `${policy.no} ${policy.title}`]);
      for (const measure of policy.measures) {
        rows.push(['', `  ${measure.no} ${measure.title}`]);
        for (const at of own.filter((x) => x.measure === measure)) addIndicator(at, '    ');
      }
    }
    out.push(...columns(rows, new Set([3, 4, 5, 6])), '');
    const summaryRows: string[][] = [['', '', '目標達成', '改善↑', '-', '悪化↓', '合計']];
    for (const s of evaluation.summaries.filter((x) => x.strategy === strategy.no)) {
      const name = s.row === 'total' ? '合計' : s.row === 'goal' ? '基本目標' : `${s.policy} ${strategy.policies.find((p) => p.no === s.policy)?.title ?? ''}`;
      const differs = s.reported !== null && !sameSummary(s.reported, s.checked);
      summaryRows.push([differs ? MARKS.differs : MARKS.same, name, ...summaryCells(s.computed)]);
    }
    out.push(...columns(summaryRows, new Set([2, 3, 4, 5, 6])), '');
  }
  out.push(formatFindings(evaluation.findings, scheme));
  return out.join('\n');
}

function summaryCells(s: Summary): string[] {
  return [s.achieved, s.improved, s.unchanged, s.worsened, s.total].map(String);
}

function sameSummary(a: Summary, b: Summary): boolean {
  return a.achieved === b.achieved && a.improved === b.improved && a.unchanged === b.unchanged && a.worsened === b.worsened && a.total === b.total;
}

/** The findings as a list: where, what was printed, what is computed, why. */
export function formatFindings(findings: readonly Finding[], scheme: StatusScheme = DEFAULT_SCHEME): string {
  if (findings.length === 0) return '指摘なし (no findings): every printed progress, status and summary cell agrees.';
  const lines = [`指摘 ${findings.length} 件 (findings):`];
  findings.forEach((f, i) => {
    const where = [
      f.strategy !== null ? `重点戦略${f.strategy}` : '',
      f.policy !== null ? `戦略方針${f.policy}` : '',
      f.measure !== null ? `施策${f.measure}` : '',
      f.indicator ?? (f.row === 'goal' ? '基本目標' : f.row === 'total' ? '合計' : ''),
    ].filter(Boolean).join(' › ');
    lines.push(`${i + 1}. [${f.kind}] ${where}`, `   printed: ${findingValue(f, f.reported, scheme)}  computed: ${findingValue(f, f.computed, scheme)}`, `   ${f.message}`);
  });
  return lines.join('\n');
}

/** A finding's printed or computed value as a reader writes it: 56.7%, 改善↑, 27. */
export function findingValue(f: Finding, v: string | number | null, scheme: StatusScheme = DEFAULT_SCHEME): string {
  if (v === null) return '(none)';
  if (f.kind === 'status-mismatch' && typeof v === 'string') return labelOf(v as Status, scheme);
  if ((f.kind === 'progress-mismatch' || f.kind === 'division-by-zero') && typeof v === 'number') return formatProgress(v);
  return String(v);
}
