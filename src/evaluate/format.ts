import stringWidth from 'string-width';
import type { Evaluation, Finding, Indicator, KpiDocument, Status, Summary } from '../model/types.js';
import { t } from '../model/i18n.js';
import { formatProgress } from './evaluate.js';
import { fitColumns, pad, wrapText } from './table.js';
import { DEFAULT_SCHEME, type StatusScheme, labelOf } from './rules.js';

export { pad };

/** Lays out rows as aligned columns; `right` names the right-aligned column indexes. */
export function columns(rows: readonly string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) => row.map((cell, i) => pad(cell, widths[i]!, right.has(i) ? 'right' : 'left')).join('  ').trimEnd());
}

const MARKS = { same: ' ', differs: '≠' } as const;

/** What the table's marks and labels mean, in one or two lines above it. */
function legend(scheme: StatusScheme): string[] {
  const statuses = (['achieved', 'improved', 'unchanged', 'worsened'] as const).map((s) => labelOf(s, scheme)).join(' / ');
  return [
    t(`${MARKS.differs}: 文書に印刷された進捗率・状況・集計と計算が違う行（下の指摘を参照）。状況: ${statuses}（${labelOf('nodata', scheme)} はデータなしも）、? は計算できないもの。`,
      `${MARKS.differs}: the document printed another progress, status or count (see the findings below). Status: ${statuses} (${labelOf('nodata', scheme)} also for no data); ? where it cannot be computed.`),
    t('進捗率は (b − a) / (c − a)、※ の指標は b / c。', 'Progress is (b − a) / (c − a); b / c for indicators marked ※.'),
  ];
}

/**
 * The evaluation as a terminal report: per strategy the indicators with computed progress and
 * status (≠ where the document printed otherwise), the summary rows, then every finding. Below
 * `width` columns the names wrap, and the unit, baseline and target columns are left out as needed.
 */
export function formatEvaluationText(doc: KpiDocument, evaluation: Evaluation, scheme: StatusScheme = DEFAULT_SCHEME, width = Infinity): string {
  const out: string[] = [];
  const label = (s: Status | null): string => (s === null ? '?' : labelOf(s, scheme));
  const flagged = new Set(evaluation.findings.filter((f) => f.indicator).map((f) => `${f.strategy}/${f.policy}/${f.measure}/${f.indicator}`));
  let cursor = 0;
  out.push(t(`${doc.title}（${doc.fiscalYear}年度実績）`, `${doc.title} (actuals of fiscal ${doc.fiscalYear})`), ...legend(scheme).flatMap((l) => wrapText(l, width)), '');
  for (const strategy of doc.strategies) {
    const rows: string[][] = [['', '目標指標', '単位', '現状 a', '実績 b', '目標 c', '進捗率', '状況']];
    const addIndicators = (list: Indicator[], indent: string) => {
      for (const indicator of list) {
        const e = evaluation.indicators[cursor++]!;
        const key = `${e.strategy}/${e.policy}/${e.measure}/${e.indicator}`;
        rows.push([
          flagged.has(key) ? MARKS.differs : MARKS.same,
          `${indent}${indicator.name}${indicator.method === 'ratio' ? '※' : ''}`,
          indicator.unit ?? '-', indicator.baseline.text, indicator.actual.text, indicator.target.text,
          formatProgress(e.progress), label(e.status),
        ]);
      }
    };
    out.push(...wrapText(`■ ${strategy.no} ${strategy.title}`, width));
    addIndicators(strategy.indicators, '');
    for (const policy of strategy.policies) {
      rows.push(['', `${policy.no} ${policy.title}`]);
      for (const measure of policy.measures) {
        rows.push(['', `  ${measure.no} ${measure.title}`]);
        addIndicators(measure.indicators, '    ');
      }
    }
    out.push(...fitColumns(rows, new Set([3, 4, 5, 6]), { width, wrap: 1, drop: INDICATOR_DROP_ORDER }), '');
    const summaryRows: string[][] = [['', '', '目標達成', '改善↑', '-', '悪化↓', '合計']];
    for (const s of evaluation.summaries.filter((x) => x.strategy === strategy.no)) {
      const name = s.row === 'total' ? '合計' : s.row === 'goal' ? '基本目標' : `${s.policy} ${strategy.policies.find((p) => p.no === s.policy)?.title ?? ''}`;
      const differs = s.reported !== null && !sameSummary(s.reported, s.checked);
      summaryRows.push([differs ? MARKS.differs : MARKS.same, name, ...summaryCells(s.computed)]);
    }
    out.push(...fitColumns(summaryRows, new Set([2, 3, 4, 5, 6]), { width, wrap: 1, drop: [] }), '');
  }
  out.push(...formatFindings(evaluation.findings, scheme).split('\n').flatMap((l) => wrapText(l, width)));
  return out.join('\n');
}

/** The columns of the indicator table a narrow terminal leaves out first: 単位, 現状 a, 目標 c. */
const INDICATOR_DROP_ORDER = [2, 3, 5];

function summaryCells(s: Summary): string[] {
  return [s.achieved, s.improved, s.unchanged, s.worsened, s.total].map(String);
}

function sameSummary(a: Summary, b: Summary): boolean {
  return a.achieved === b.achieved && a.improved === b.improved && a.unchanged === b.unchanged && a.worsened === b.worsened && a.total === b.total;
}

/** The findings as a list: where, what was printed, what is computed, why. */
export function formatFindings(findings: readonly Finding[], scheme: StatusScheme = DEFAULT_SCHEME): string {
  if (findings.length === 0) return t('指摘なし: 印刷された進捗率・状況・集計はすべて計算と合っています。', 'No findings: every printed progress, status and summary cell agrees.');
  const lines = [t(`指摘 ${findings.length} 件:`, `${findings.length} finding(s):`)];
  findings.forEach((f, i) => {
    const where = [
      f.strategy !== null ? `重点戦略${f.strategy}` : '',
      f.policy !== null ? `戦略方針${f.policy}` : '',
      f.measure !== null ? `施策${f.measure}` : '',
      f.indicator ?? (f.row === 'goal' ? '基本目標' : f.row === 'total' ? '合計' : ''),
    ].filter(Boolean).join(' › ');
    lines.push(`${i + 1}. [${f.kind}] ${where}`, `   ${t('印刷', 'printed')}: ${findingValue(f, f.reported, scheme)}  ${t('計算', 'computed')}: ${findingValue(f, f.computed, scheme)}`, `   ${f.message}`);
  });
  return lines.join('\n');
}

/** A finding's printed or computed value as a reader writes it: 56.7%, 改善↑, 27. */
export function findingValue(f: Finding, v: string | number | null, scheme: StatusScheme = DEFAULT_SCHEME): string {
  if (v === null) return t('（なし）', '(none)');
  if (f.kind === 'status-mismatch' && typeof v === 'string') return labelOf(v as Status, scheme);
  if ((f.kind === 'progress-mismatch' || f.kind === 'division-by-zero') && typeof v === 'number') return formatProgress(v);
  return String(v);
}
