import stringWidth from 'string-width';
import type { Evaluation, Finding, Indicator, KpiDocument, Status, Summary } from '../model/types.js';
import { t } from '../model/i18n.js';
import { formatProgress } from './evaluate.js';
import { DEFAULT_SCHEME, type StatusScheme, labelOf } from './rules.js';

/** Pads to a display width, counting full-width characters as two columns. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Lays out rows as aligned columns; `right` names the right-aligned column indexes. */
export function columns(rows: readonly string[][], right: ReadonlySet<number> = new Set()): string[] {
  return fitColumns(rows, right, { width: Infinity, wrap: 0, drop: [] });
}

/**
 * How a table fits a terminal: its width, the column whose text wraps (the names), and the
 * columns left out, in this order, while the wrapped column would be narrower than `MIN_WRAP`.
 */
export interface Fit {
  width: number;
  wrap: number;
  drop: readonly number[];
}

const SEPARATOR = '  ';
/** The narrowest a wrapped column gets before other columns are left out. */
const MIN_WRAP = 16;

export function fitColumns(rows: readonly string[][], right: ReadonlySet<number>, fit: Fit): string[] {
  const naturalWidths = (table: readonly string[][]) => {
    const widths: number[] = [];
    for (const row of table) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
    return widths;
  };
  const count = Math.max(...rows.map((r) => r.length));
  const dropped = new Set<number>();
  const available = () => {
    const widths = naturalWidths(rows);
    let others = 0;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (dropped.has(i)) continue;
      kept++;
      if (i !== fit.wrap) others += widths[i] ?? 0;
    }
    return fit.width - others - SEPARATOR.length * (kept - 1);
  };
  for (const column of fit.drop) {
    if (available() >= MIN_WRAP) break;
    dropped.add(column);
  }
  const kept = rows.map((row) => row.filter((_, i) => !dropped.has(i)));
  const wrapAt = fit.wrap - [...dropped].filter((d) => d < fit.wrap).length;
  const keptRight = new Set([...right].filter((i) => !dropped.has(i)).map((i) => i - [...dropped].filter((d) => d < i).length));
  const limit = Math.max(MIN_WRAP, available());
  // A row that ends at the wrapped column (a heading such as a policy's title) spans the rest of the line.
  const spans = (row: readonly string[]) => row.length <= wrapAt + 1 && fit.width !== Infinity;
  const widthsBefore = naturalWidths(kept.filter((r) => !spans(r))).slice(0, wrapAt);
  const spanLimit = Math.max(MIN_WRAP, fit.width - widthsBefore.reduce((a, b) => a + b, 0) - SEPARATOR.length * wrapAt);
  const lines: { cells: string[]; span: boolean }[] = [];
  for (const row of kept) {
    const span = spans(row);
    const pieces = row.length > wrapAt ? wrapText(row[wrapAt]!, span ? spanLimit : limit) : [];
    lines.push({ cells: pieces.length > 0 ? row.map((cell, i) => (i === wrapAt ? pieces[0]! : cell)) : [...row], span });
    for (const piece of pieces.slice(1)) lines.push({ cells: row.map((_, i) => (i === wrapAt ? piece : '')), span });
  }
  const widths = naturalWidths(lines.filter((l) => !l.span).map((l) => l.cells));
  return lines.map(({ cells, span }) => cells
    .map((cell, i) => (span && i === wrapAt ? cell : pad(cell, widths[i] ?? 0, keptRight.has(i) ? 'right' : 'left')))
    .join(SEPARATOR).trimEnd());
}

/** Text cut into lines of at most `width` columns; the continuation lines keep its indent. */
export function wrapText(text: string, width: number): string[] {
  if (stringWidth(text) <= width) return [text];
  const indent = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (stringWidth(line + char) > width && line.trim() !== '') {
      lines.push(line);
      line = indent + '  ';
    }
    line += char;
  }
  lines.push(line);
  return lines;
}

const MARKS = { same: ' ', differs: '≠' } as const;

/** What the table's marks and labels mean, in one or two lines above it. */
function legend(scheme: StatusScheme): string[] {
  const statuses = (['achieved', 'improved', 'unchanged', 'worsened'] as const).map((s) => labelOf(s, scheme)).join(' / ');
  return [
    t(`${MARKS.differs}: 文書に印刷された進捗率・状況・集計と計算が違う行（下の指摘を参照）。状況: ${statuses}（${labelOf('nodata', scheme)} はデータなしも）、? は計算できないもの。`,
      `${MARKS.differs}: the document printed another progress, status or count (see the findings below). Status: ${statuses} (${labelOf('nodata', scheme)} also for no data); ? where it cannot be computed.`),
    t(`${BLANK_MARK}: まだ記入されていない実績。進捗率は (b − a) / (c − a)、※ の指標は b / c。`, `${BLANK_MARK}: an actual not yet entered. Progress is (b − a) / (c − a); b / c for indicators marked ※.`),
  ];
}

/** How the table shows an actual not yet entered (its text is empty). */
const BLANK_MARK = '未記入';

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
          indicator.unit ?? '-', indicator.baseline.text, indicator.actual.text.trim() === '' ? BLANK_MARK : indicator.actual.text, indicator.target.text,
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
