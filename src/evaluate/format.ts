import stringWidth from 'string-width';
import { type Language, type Text, type TextPart, both, joinTexts, say, t } from '../model/i18n.js';
import { formatMessagesList, warningMessage } from '../model/messages.js';
import { type Scheme, markOf } from '../model/scheme.js';
import type { Blanks, Evaluation, Finding, HierarchyLevel, KpiDocument, Message } from '../model/types.js';
import { levelName, levelsPlace, ownIndicatorsWord } from '../notation/levels.js';
import { headingYears } from '../notation/heading-years.js';
import { TOTAL } from '../model/types.js';
import { type IndicatorAt, evaluationOf, evaluationsByKey, kpiPlaceName, placeKey, placeText, walkIndicators } from '../model/walk.js';
import { formatProgress } from './evaluate.js';
import { summaryColumns } from './summaries.js';
import { fitColumns, pad, wrapText } from './table.js';

export { pad };

/** Lays out rows as aligned columns; `right` names the right-aligned column indexes. */
export function columns(rows: readonly string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => pad(cell, widths[i]!, right.has(i) ? 'right' : 'left'))
      .join('  ')
      .trimEnd(),
  );
}

const MARKS = { same: ' ', differs: '≠' } as const;

/** What the table's marks mean, in one or two lines above it. */
function legend(scheme: Scheme): Text[] {
  const marks = [...new Set(scheme.grades.map((g) => g.mark))].join(' / ');
  return [
    t(
      `${MARKS.differs}: 文書に印刷された進捗率・状況・集計と計算が違う行（下の指摘を参照）。状況: ${marks}、? は計算できないもの。`,
      `${MARKS.differs}: the document printed another progress, status or count (see the findings below). Status: ${marks}; ? where it cannot be computed.`,
    ),
    t('進捗率は (b − a) / (c − a)、※ の指標は b / c。', 'Progress is (b − a) / (c − a); b / c for indicators marked ※.'),
  ];
}

/** The heading of a summary column: the grade's mark, or 合計. */
export function columnHeading(scheme: Scheme, column: string): string {
  return column === TOTAL ? '合計' : markOf(scheme, column);
}

/**
 * The evaluation as a terminal report: per strategy the indicators with computed progress and
 * status (≠ where the document printed otherwise), the summary rows in the scheme's columns,
 * what is still blank, then every finding. Below `width` columns the names wrap, and the unit,
 * baseline and target columns are left out as needed.
 */
export function formatEvaluationText(doc: KpiDocument, evaluation: Evaluation, scheme: Scheme, language: Language, width = Infinity): string {
  const $ = (x: TextPart) => say(x, language);
  const out: string[] = [];
  const flagged = new Set(evaluation.findings.filter((f) => f.indicator).map((f) => placeKey(f)));
  const evaluations = evaluationsByKey(evaluation);
  const walk = walkIndicators(doc);
  const gradeColumns = summaryColumns(scheme);
  out.push(
    // A title that names the report's year (令和元年度…) is not given it twice.
    headingYears(doc.title).some((y) => y.year === doc.fiscalYear)
      ? doc.title
      : $(t(`${doc.title}（${doc.fiscalYear}年度実績）`, `${doc.title} (actuals of fiscal ${doc.fiscalYear})`)),
    ...legend(scheme).flatMap((l) => wrapText($(l), width)),
    '',
  );
  for (const strategy of doc.strategies) {
    const rows: string[][] = [['', '目標指標', '単位', '現状 a', '実績 b', '目標 c', '進捗率', '状況']];
    const addIndicator = (at: IndicatorAt, indent: string) => {
      const { indicator } = at;
      const e = evaluationOf(evaluations, at);
      rows.push([
        flagged.has(placeKey(e)) ? MARKS.differs : MARKS.same,
        `${indent}${indicator.name}${indicator.method === 'ratio' ? '※' : ''}`,
        indicator.unit ?? '-',
        indicator.baseline.text,
        e.blank ? $(t('（未記入）', '(blank)')) : indicator.actual.text,
        indicator.target?.text ?? $(t('（なし）', '(none)')),
        formatProgress(e.progress),
        e.blank ? '' : (e.mark ?? '?'),
      ]);
    };
    const own = walk.filter((at) => at.strategy === strategy);
    out.push(...wrapText(`■ ${strategy.no} ${strategy.title}`, width));
    for (const at of own.filter((x) => x.policy === null)) addIndicator(at, '');
    for (const policy of strategy.policies) {
      rows.push(['', `${policy.no} ${policy.title}`]);
      for (const measure of policy.measures) {
        rows.push(['', `  ${measure.no} ${measure.title}`]);
        for (const at of own.filter((x) => x.measure === measure)) addIndicator(at, '    ');
      }
    }
    out.push(...fitColumns(rows, new Set([3, 4, 5, 6]), { width, wrap: 1, drop: INDICATOR_DROP_ORDER }), '');
    const summaryRows: string[][] = [['', '', ...gradeColumns.map((c) => columnHeading(scheme, c))]];
    // A goal without policies counts its own indicators only: its 合計 (the policies' sum) would read 0 beside them.
    const rowsShown = evaluation.summaries.filter((x) => x.strategy === strategy.no && (x.row !== 'total' || strategy.policies.length > 0));
    for (const s of rowsShown) {
      const own = ownIndicatorsWord(doc.layout?.hierarchy);
      const name = s.row === 'total' ? '合計' : s.row === 'goal' ? own : `${s.policy} ${strategy.policies.find((p) => p.no === s.policy)?.title ?? ''}`;
      const differs =
        s.reported !== null && gradeColumns.some((c) => s.reported![c] !== undefined && s.reported![c] !== null && s.reported![c] !== s.checked[c]);
      summaryRows.push([differs ? MARKS.differs : MARKS.same, name, ...gradeColumns.map((c) => String(s.computed[c] ?? 0))]);
    }
    out.push(...fitColumns(summaryRows, new Set(gradeColumns.map((_, i) => i + 2)), { width, wrap: 1, drop: [] }), '');
  }
  if (evaluation.blanks.count > 0)
    out.push(
      ...formatBlanks(evaluation.blanks, language, doc.layout?.hierarchy)
        .split('\n')
        .flatMap((l) => wrapText(l, width)),
      '',
    );
  out.push(
    ...formatFindings(evaluation.findings, scheme, language, doc.layout?.hierarchy)
      .split('\n')
      .flatMap((l) => wrapText(l, width)),
  );
  return out.join('\n');
}

/** The columns of the indicator table a narrow terminal leaves out first: 単位, 現状 a, 目標 c. */
const INDICATOR_DROP_ORDER = [2, 3, 5];

/** What is still blank (未記入): the count per strategy or goal and per department, then each item. */
export function formatBlanks(blanks: Blanks, language: Language, hierarchy?: readonly HierarchyLevel[]): string {
  if (blanks.count === 0) return say(t('未記入なし', 'nothing is blank'), language);
  const lines: TextPart[] = [
    t(`未記入 ${blanks.count} 件（記入されるまで確定できません）:`, `${blanks.count} still blank (the document is a draft until they are filled in):`),
  ];
  const per = [
    ...blanks.byStrategy.map((s) =>
      hierarchy ? `${levelName(hierarchy, 'strategy', s.strategy)}: ${s.count}` : both`${t('重点戦略', 'strategy ')}${s.strategy}: ${s.count}`,
    ),
    ...blanks.byGoal.map((g) => both`${t('基本目標', 'goal ')}${g.goal}: ${g.count}`),
  ];
  if (per.length > 0) lines.push(both`  ${joinTexts(per, '  ')}`);
  const departments = blanks.byDepartment.filter((d) => d.department !== null);
  if (departments.length > 0) {
    const none = blanks.byDepartment.find((d) => d.department === null);
    lines.push(
      both`  ${joinTexts([...departments.map((d) => `${d.department}: ${d.count}`), ...(none ? [both`${t('担当課なし', 'no department')}: ${none.count}`] : [])], '  ')}`,
    );
  }
  for (const b of blanks.items) {
    const where =
      b.field === 'results'
        ? both`${t('基本目標', 'goal ')}${b.goal} › ${t('基本方針', 'policy ')}${b.policy}: ${t('実績（前年度の計画からの下書き）', "results (draft carried over from last year's plans)")}`
        : `${hierarchy ? placeText({ place: b, placeName: levelsPlace(hierarchy, b) }) : kpiPlaceName(b)}${b.department ? ` (${b.department})` : ''}`;
    lines.push(both`  - ${where}`);
  }
  return say(joinTexts(lines, '\n'), language);
}

/** An evaluation as a JSON report gives it: each finding's message in the reader's language. */
export function printedEvaluation(evaluation: Evaluation, language: Language) {
  return { ...evaluation, findings: evaluation.findings.map((f) => ({ ...f, message: say(f.message, language) })) };
}

/** The findings as a list: where, what was printed, what is computed, why. */
export function formatFindings(findings: readonly Finding[], scheme: Scheme, language: Language, hierarchy?: readonly HierarchyLevel[]): string {
  if (findings.length === 0)
    return say(
      t('指摘なし: 印刷された進捗率・状況・集計はすべて計算と一致します。', 'no findings: every printed progress, status and summary cell agrees.'),
      language,
    );
  const lines = [say(t(`指摘 ${findings.length} 件:`, `${findings.length} finding(s):`), language)];
  lines.push(
    formatMessagesList(
      findings.map((f) => findingMessage(f, '', scheme, hierarchy)),
      language,
    ),
  );
  return lines.join('\n');
}

/** A finding's printed or computed value as a reader writes it: 56.7%, 改善↑, 27. */
export function findingValue(f: Finding, v: string | number | null, scheme: Scheme): Text | string {
  if (v === null) return t('（なし）', '(none)');
  if (f.kind === 'status-mismatch' && typeof v === 'string') return markOf(scheme, v);
  if ((f.kind === 'progress-mismatch' || f.kind === 'division-by-zero') && typeof v === 'number') return formatProgress(v);
  return String(v);
}

/** The name of a finding's summary row, where it is about one: 基本目標 (数値目標 where the document labels its levels), 合計. */
function summaryRowName(f: Finding, hierarchy?: readonly HierarchyLevel[]): string | undefined {
  return f.row === 'goal' ? ownIndicatorsWord(hierarchy) : f.row === 'total' ? '合計' : undefined;
}

/**
 * A finding as a message of its file, to be printed with the file's other messages: the rule is
 * its kind, the printed and computed values as a reader writes them.
 */
export function findingMessage(f: Finding, file: string, scheme: Scheme, hierarchy?: readonly HierarchyLevel[]): Message {
  const row = summaryRowName(f, hierarchy);
  return warningMessage(file, f.kind, f.message, {
    place: { strategy: f.strategy, policy: f.policy, measure: f.measure, indicator: f.indicator },
    // A document in its own layout: the place as it labels its levels (a summary row's place is its table's).
    ...(hierarchy ? { placeName: levelsPlace(hierarchy, f, !f.row) } : {}),
    ...(row ? { row } : {}),
    expected: findingValue(f, f.reported, scheme),
    actual: findingValue(f, f.computed, scheme),
  });
}
