import { columnHeading } from '../evaluate/format.js';
import { summaryColumns } from '../evaluate/summaries.js';
import {
  type ReviewField,
  RECOMPUTED_NOTE,
  REVIEW_FIELDS,
  changeSummary,
  changedFields,
  fieldText,
  narrativeLabel,
  placeName,
  recomputedCounts,
  recomputedText,
  rowKind,
  structureLabel,
  summaryRowShown,
  summaryRowName,
} from '../diff/format.js';
import { characterDiff } from '../diff/similarity.js';
import type { Scheme } from '../model/scheme.js';
import type { DocumentDiff, IndicatorYear, Summary } from '../model/types.js';
import { fiscalYearName } from '../notation/numbers.js';
import { levelName } from '../notation/levels.js';
import { COLUMN_SPACING, TEXT_CLEARANCE } from './columns.js';
import { unitAfterName } from '../notation/units.js';
import { measureText } from './fonts.js';
import { DEFAULT_RENDER_OPTIONS, type PageView, type RenderOptions, pageView } from './page-view.js';

/** What the 新旧対照表's template sees: last year and this year side by side, the changes underlined. Pure. */

/** One printed value of a 新旧対照表 cell; `changed` is underlined (傍線); `recomputed`: the year printed another figure (a note says which). */
export interface DiffCell {
  text: string;
  changed: boolean;
  recomputed?: boolean;
}

export type DiffRowView = { id: string } & (
  | { kind: 'group' | 'subgroup'; title: string }
  | { kind: 'indicator'; mark: string; name: DiffCell[]; oldName: DiffCell[] | null; note: string; old: DiffCell[] | null; now: DiffCell[] | null }
  | { kind: 'summary'; name: string; note: string; old: DiffCell[]; now: DiffCell[] }
  | { kind: 'bullet'; mark: string; old: DiffCell[] | null; now: DiffCell[] | null }
);

/** A heading renamed, added or removed: its mark, level and place, and its names (the changed characters underlined). */
export interface StructureView {
  mark: string;
  level: string;
  place: string;
  old: DiffCell[];
  now: DiffCell[];
}

/** The part of a 新旧対照表 printed on one page. */
export interface DiffPage {
  breakBefore: boolean;
  first: boolean;
  /** On a continued page: the 重点戦略 (基本目標) and group its first row continues, with （続き）. */
  context: string | null;
  rows: DiffRowView[];
}

export interface DiffView extends PageView {
  title: string;
  empty: boolean;
  oldHeading: string;
  newHeading: string;
  /** The value columns of each side (a, b, c, 進捗率, 状況), or the narrative's one column. */
  valueHeadings: string[];
  /** The KPI table's column widths: 区分, 目標指標, then each side's values, sized from the values. */
  widths: number[];
  kpi: boolean;
  /** 変更の概要：新規 n・削除 n・… */
  changes: string;
  structure: StructureView[];
  rows: DiffRowView[];
  /** The rows page by page; one page until the renderer has planned them. */
  pages: DiffPage[];
  summaryHeadings: string[];
  /** The count table's widths: its row names, then each side's counts, as many as the scheme's columns. */
  summaryWidths: number[];
  /** Placeholders of the cells a side's heading spans beyond its first, and the title's beyond its first (pdfmake wants one per column). */
  summarySideSpan: number[];
  summaryTitleSpan: number[];
  summaries: DiffRowView[];
  legend: string;
}

/** The count table's width (pt): its row names, and the counts of both sides at most SUMMARY_COUNT each. */
const SUMMARY_TABLE = 666;
const SUMMARY_NAME = 226;
const SUMMARY_COUNT = 44;

function summaryWidths(counts: number): number[] {
  const count = Math.min(SUMMARY_COUNT, Math.floor((SUMMARY_TABLE - SUMMARY_NAME) / (2 * counts)));
  return [SUMMARY_NAME, ...Array.from({ length: 2 * counts }, () => count)];
}

const VALUE_FIELDS = REVIEW_FIELDS.filter((f) => !['name', 'unit', 'method'].includes(f.key));

function sideOf(state: IndicatorYear | null, changed: Set<ReviewField>): DiffCell[] | null {
  return (
    state &&
    VALUE_FIELDS.map((f) => ({
      text: fieldText(state, f.key),
      changed: changed.has(f.key),
      recomputed: (f.key === 'progress' || f.key === 'status') && recomputedText(state, f.key) !== '',
    }))
  );
}

function countsOf(s: Summary | null, other: Summary | null, printed: Summary | null | undefined, columns: readonly string[]): DiffCell[] {
  return columns.map((k) => ({
    text: s === null ? '-' : String(s[k] ?? 0),
    changed: s?.[k] !== other?.[k],
    recomputed: s !== null && printed?.[k] !== undefined && printed[k] !== null && printed[k] !== (s[k] ?? 0),
  }));
}

/** The parts of a reworded sentence as one side prints it, the other side's parts left out. */
function sideParts(parts: { kind: 'same' | 'removed' | 'added'; text: string }[], side: 'removed' | 'added'): DiffCell[] {
  return parts.filter((p) => p.kind === 'same' || p.kind === side).map((p) => ({ text: p.text, changed: p.kind !== 'same' }));
}

/** Font size of the 新旧対照表's cells, and the width its table has for the columns' texts (786 pt less 6.5 a column). */
const DIFF_SIZE = 8;
const DIFF_TABLE = 786 - 12 * COLUMN_SPACING;
const DIFF_MARK = 40;
/** The name column keeps at least this width; the value columns share what is left when values are long. */
const DIFF_NAME_MIN = 150;

/** The value columns as wide as their widest text (bold headings too) and clearance; the name column takes the rest. */
function diffWidths(rows: readonly DiffRowView[], headings: readonly string[]): number[] {
  const values = headings.map((heading, i) => {
    const texts = rows.flatMap((r) => (r.kind === 'indicator' ? [...(r.old ?? []), ...(r.now ?? [])].filter((_, k) => k % headings.length === i) : []));
    const widest = Math.max(measureText(heading, DIFF_SIZE, true), ...texts.map((c) => measureText(c.text, DIFF_SIZE)));
    return Math.ceil(widest + TEXT_CLEARANCE);
  });
  const room = DIFF_TABLE - DIFF_MARK - DIFF_NAME_MIN;
  const scale = Math.min(1, room / (2 * values.reduce((a, b) => a + b, 0)));
  const sized = values.map((w) => Math.floor(w * scale));
  return [DIFF_MARK, DIFF_TABLE - DIFF_MARK - 2 * sized.reduce((a, b) => a + b, 0), ...sized, ...sized];
}

/** The headings above row `index` still in force, as a continued page names them: 重点戦略1 … › 戦略方針1 … › 施策2 …（続き）. */
function diffContextOf(rows: readonly DiffRowView[], index: number): string {
  let group = '';
  let subgroup = '';
  for (const row of rows.slice(0, index)) {
    if (row.kind === 'group') [group, subgroup] = [row.title, ''];
    else if (row.kind === 'subgroup') subgroup = row.title;
  }
  if (rows[index]?.kind === 'subgroup') subgroup = '';
  return `${[group, subgroup].filter(Boolean).join(' › ')}（続き）`;
}

/** Splits a 新旧対照表's rows into pages at the given row indexes (each page's first row). */
export function diffPages(rows: readonly DiffRowView[], starts: readonly number[]): DiffPage[] {
  const bounds = [...starts.filter((i) => i > 0 && i < rows.length), rows.length];
  let from = 0;
  return bounds.map((to, k) => {
    const page = {
      breakBefore: k > 0,
      first: k === 0,
      context: k === 0 || rows[from]?.kind === 'group' ? null : diffContextOf(rows, from),
      rows: rows.slice(from, to),
    };
    from = to;
    return page;
  });
}

/** A heading row of the 新旧対照表: it may not end a page. */
export function isDiffHeading(row: DiffRowView): boolean {
  return row.kind === 'group' || row.kind === 'subgroup';
}

/** Both years' progress and status as printed where a year printed them otherwise than recomputed: 「前年度 進捗率 印刷 60.0% → 再計算 72.0%」. */
function recomputedNote(from: IndicatorYear | null, to: IndicatorYear | null): string {
  return [
    ['前年度', from],
    ['今年度', to],
  ]
    .flatMap(([year, side]) =>
      side
        ? (['progress', 'status'] as const)
            .map((f) => recomputedText(side as IndicatorYear, f))
            .filter(Boolean)
            .map((text) => `${String(year)} ${text}`)
        : [],
    )
    .join('　');
}

/**
 * The diff as a 新旧対照表: last year and this year side by side, one row per indicator with
 * a, b, c, progress and status of both years, the changed values underlined (傍線); the
 * narrative's results of this year beside last year's plans.
 */
export function diffView(diff: DocumentDiff, scheme: Scheme, options: RenderOptions = DEFAULT_RENDER_OPTIONS): DiffView {
  const columns = summaryColumns(scheme);
  const headings = columns.map((c) => columnHeading(scheme, c));
  const rows: DiffRowView[] = [];
  const summaries: DiffRowView[] = [];
  const id = () => `drow:${rows.length}`;
  let group = '';
  let subgroup = '';
  const heading = (title: string, kind: 'group' | 'subgroup' = 'group') => {
    if (kind === 'group' && title !== group) {
      rows.push({ id: id(), kind, title: (group = title) });
      subgroup = '';
    } else if (kind === 'subgroup' && title !== subgroup) rows.push({ id: id(), kind, title: (subgroup = title) });
  };
  for (const r of diff.rows) {
    heading(`${levelName(r.place.hierarchy, 'strategy', r.place.strategy)}　${r.place.strategyTitle}`);
    heading(placeName(r.place, false, true), 'subgroup');
    const changed = changedFields(r);
    const state = (r.to ?? r.from)!;
    const renamed = r.from !== null && r.to !== null && changed.has('name');
    const parts = renamed ? characterDiff(fieldText(r.from!, 'name'), fieldText(r.to!, 'name')) : [];
    const unit = unitAfterName(
      state.unit,
      [r.from, r.to].flatMap((s) => (s ? [s.baseline, s.actual, s.target] : [])),
    );
    const notes = [
      r.fromPlace ? `${placeName(r.fromPlace, true, true)} から移動` : '',
      r.from && r.to && changed.has('unit') ? `単位: ${fieldText(r.from, 'unit')} → ${fieldText(r.to, 'unit')}` : '',
      r.from && r.to && changed.has('method') ? `算出方法: ${fieldText(r.from, 'method')} → ${fieldText(r.to, 'method')}` : '',
      recomputedNote(r.from, r.to),
    ].filter(Boolean);
    rows.push({
      id: id(),
      kind: 'indicator',
      mark: rowKind(r),
      name: renamed ? [...sideParts(parts, 'added'), { text: unit, changed: false }] : [{ text: `${fieldText(state, 'name')}${unit}`, changed: false }],
      oldName: renamed ? [{ text: '旧：', changed: false }, ...sideParts(parts, 'removed')] : null,
      note: notes.join('　'),
      old: sideOf(r.from, changed),
      now: sideOf(r.to, changed),
    });
  }
  for (const s of diff.summaries.filter((e) => summaryRowShown(e, diff.hierarchy))) {
    const note = [
      ['前年度', s.from, s.fromPrinted],
      ['今年度', s.to, s.toPrinted],
    ]
      .flatMap(([year, counts, printed]) =>
        recomputedCounts(counts as Summary | null, printed as Summary | null, columns, headings).map((t) => `${String(year)} ${t}`),
      )
      .join('　');
    summaries.push({
      id: `dsum:${summaries.length}`,
      kind: 'summary',
      name: `${levelName(diff.hierarchy, 'strategy', s.strategy)}　${summaryRowName(s, diff.hierarchy)}${s.policyTitle ? ` ${s.policyTitle}` : ''}`,
      note,
      old: countsOf(s.from, s.to, s.fromPrinted, columns),
      now: countsOf(s.to, s.from, s.toPrinted, columns),
    });
  }
  for (const e of diff.narrative) {
    heading(`基本目標${e.goal}　${e.goalTitle}`);
    heading(`基本方針${e.policy}　${e.policyTitle}　〔${{ results: '実績', plans: '今後の方向性', measures: '施策' }[e.column]}〕`, 'subgroup');
    const mark = narrativeLabel(e);
    if (e.kind === 'reworded') rows.push({ id: id(), kind: 'bullet', mark, old: sideParts(e.parts, 'removed'), now: sideParts(e.parts, 'added') });
    else {
      const cell = [{ text: e.text, changed: e.kind !== 'done' }];
      rows.push({ id: id(), kind: 'bullet', mark, old: e.kind === 'added' ? null : cell, now: e.kind === 'removed' ? null : cell });
    }
  }
  const structure = (diff.structure ?? []).map((c): StructureView => {
    const { mark, level } = structureLabel(c, diff.hierarchy);
    const parts = c.from !== null && c.to !== null ? characterDiff(c.from, c.to) : [];
    return {
      mark,
      level,
      place: c.place,
      old: c.from === null ? [{ text: '（なし）', changed: false }] : c.to === null ? [{ text: c.from, changed: true }] : sideParts(parts, 'removed'),
      now: c.to === null ? [{ text: '（なし）', changed: false }] : c.from === null ? [{ text: c.to, changed: true }] : sideParts(parts, 'added'),
    };
  });
  const kpi = diff.kind === 'kpi-progress';
  const kind = kpi ? 'KPI進捗状況' : '達成状況';
  const valueHeadings = VALUE_FIELDS.map((f) => f.heading);
  return {
    ...pageView(options, false),
    title: `${kind}　新旧対照表（${fiscalYearName(diff.fromYear)} → ${fiscalYearName(diff.toYear)}）`,
    empty: rows.length + summaries.length + structure.length === 0,
    oldHeading: kpi ? `前年度（${fiscalYearName(diff.fromYear)}）` : `前年度（${fiscalYearName(diff.fromYear)}の計画・記載）`,
    newHeading: `今年度（${fiscalYearName(diff.toYear)}）`,
    valueHeadings,
    widths: diffWidths(rows, valueHeadings),
    kpi,
    changes: changeSummary(diff),
    structure,
    rows,
    pages: diffPages(rows, []),
    summaryHeadings: headings,
    summaryWidths: summaryWidths(headings.length),
    summarySideSpan: Array.from({ length: headings.length - 1 }, () => 0),
    summaryTitleSpan: Array.from({ length: 2 * headings.length }, () => 0),
    summaries,
    legend: kpi
      ? `下線（傍線）は前年度から変わった箇所。区分：新規＝今年度に追加、削除＝今年度になし、移動＝別の施策・戦略へ移動、名称変更＝指標名の変更、目標変更＝目標値の改定、変更＝実績等の数値の変更。未記入＝実績が未入力。${RECOMPUTED_NOTE}網掛け・斜線・太字の数値は印刷値と異なる再計算値。`
      : '実績は前年度の計画（今後の方向性）と対照する。下線（傍線）は変わった箇所。区分：実施＝計画どおり実施、未実施＝計画のみ、新規＝計画になかった取組、追加・削除・修正＝今後の方向性・施策の変更。',
  };
}
