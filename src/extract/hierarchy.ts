import type { HierarchyLevel } from '../model/types.js';

/**
 * The hierarchy a KPI table shows (layouts.md §4 items 7–8, §5.6): banner rows such as
 * 基本目標1, 基本目標Ⅰ, -政策目標1-, 第1章, 基本的方向(1), 具体的な施策①, ■施策①, and the label of
 * a goal's own indicators (数値目標, ■数値目標). Levels are told by their labels in the order the
 * document first prints them; the levels found are mapped onto strategy › policy › measure. Pure.
 */

/** A banner row read: its label, its number as printed and as a number, its title. */
export interface Banner {
  label: string;
  /** The numbering form with 1 as the number (`(1)`, `①`, `Ⅰ`, `第1章`, `-1-`, `1`). */
  numbering: string;
  no: number | null;
  title: string;
}

/** Labels of hierarchy banners, longest first where one begins another. */
const LABELS = [
  '具体的な施策',
  '具体的施策',
  '基本的方向',
  '基本目標',
  '政策目標',
  '重点目標',
  '重点戦略',
  '基本戦略',
  '戦略方針',
  '基本方針',
  '基本施策',
  '個別施策',
  '主要施策',
  '施策の柱',
  '施策',
  '政策',
  '分野',
];
/**
 * A label the list does not hold, named as levels are: a few words ending in a level's word
 * (施策の方向, 重点プロジェクト, 取組の柱), before its number.
 */
const LEVEL_WORD = /^[぀-ヿ一-龯々]{0,6}?(?:目標|方向|施策|戦略|方針|政策|分野|の柱|区分|取組|プロジェクト)(?=\s*[(（0-9０-９①-⑳Ⅰ-Ⅻⅰ-ⅹ第])/;
/** The label of a goal's own indicators: they belong to the level above, not to a measure. Its mark or bracket, if set off by one, is the first group. */
const GOAL_INDICATORS = /^([■□◆◇●○▼▽【［[])?\s*(?:数値目標|成果指標|目標指標)(?:\s*[】］\]])?$/;

const ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
const SMALL_ROMAN = 'ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Numbers as printed: first alternative wins. */
const NUMBER = new RegExp(
  [
    `第\\s*([0-9０-９]+)\\s*(章|節|編)`,
    `[(（]\\s*([0-9０-９]+|[${SMALL_ROMAN}${ROMAN}]|[ア-ン])\\s*[)）]`,
    `([${CIRCLED}])`,
    `([${ROMAN}])`,
    `([${SMALL_ROMAN}])`,
    `([0-9０-９]+(?:[-‐－][0-9０-９]+)*)`,
  ].join('|'),
);

function numberOf(text: string): number | null {
  const plain = text.normalize('NFKC');
  if (/^\d+/.test(plain)) return Number(/^\d+/.exec(plain)![0]);
  for (const [set, base] of [
    [CIRCLED, 1],
    [ROMAN, 1],
    [SMALL_ROMAN, 1],
  ] as const) {
    const k = set.indexOf(text);
    if (k >= 0) return k + base;
  }
  const kana = 'アイウエオカキクケコサシスセソタチツテト'.indexOf(text);
  return kana >= 0 ? kana + 1 : null;
}

/** The form of a printed number with 1 in its place: `(3)` → `(1)`, `③` → `①`, `Ⅲ` → `Ⅰ`, `第3章` → `第1章`. */
function numberingOf(printed: string, no: string): string {
  if (CIRCLED.includes(no)) return printed.replace(no, '①');
  if (ROMAN.includes(no)) return printed.replace(no, 'Ⅰ');
  if (SMALL_ROMAN.includes(no)) return printed.replace(no, 'ⅰ');
  if (/^[ア-ン]$/.test(no)) return printed.replace(no, 'ア');
  return printed.replace(/[0-9０-９]+/, (digits) => (/[０-９]/.test(digits) ? '１' : '1'));
}

/** Decoration before a banner's label: ■施策①, ◆基本目標, 【基本目標1】, -政策目標1-. */
const LEAD = /^[■□◆◇●▼▽◎【［[〈《≪-]\s*/;
const TRAIL = /\s*[】］\]〉》≫-]\s*/;

/**
 * A banner row: a label with a number (基本目標1 …, 基本的方向(1) …, ■施策① …, 第1章 …), or a
 * number of a kind no indicator carries (Ⅰ …, (ⅰ) …) with a title. Null where the text is none.
 */
export function readBanner(text: string): Banner | null {
  let rest = text.trim();
  const lead = LEAD.exec(rest);
  const decoration = lead ? lead[0].trim() : '';
  rest = rest.slice(lead?.[0].length ?? 0);
  // A label the list knows, else one of the words levels are named with (施策の方向, 重点プロジェクト), else none (Ⅰ …, 第1章 …).
  const labels = [LABELS.find((l) => rest.startsWith(l)), LEVEL_WORD.exec(rest)?.[0], ''].filter((l) => l !== undefined);
  const numbered = labels
    .map((label) => ({ label, afterLabel: rest.slice(label.length).replace(/^\s+/, '') }))
    .map((c) => ({ ...c, m: NUMBER.exec(c.afterLabel) }))
    .find((c) => c.m?.index === 0);
  if (!numbered) return null;
  const { label, afterLabel, m } = numbered as { label: string; afterLabel: string; m: RegExpExecArray };
  const no = m.slice(1).find((g) => g !== undefined && !/^(章|節|編)$/.test(g))!;
  // A bare number without a label is an indicator's, not a banner's.
  if (label === '' && /^[0-9０-９]/.test(no) && !m[0].startsWith('第') && !m[0].startsWith('(') && !m[0].startsWith('（')) return null;
  if (label === '' && CIRCLED.includes(no) && decoration === '') return null;
  let title = afterLabel.slice(m[0].length);
  const trail = TRAIL.exec(title);
  if (decoration === '-' && trail?.index === 0) title = title.slice(trail[0].length);
  title = title.replace(/^[\s　.．:：、]+/, '').trim();
  const printed = m[0].trim();
  const form = `${decoration === '-' ? '-' : ''}${numberingOf(printed, no)}${decoration === '-' ? '-' : ''}`;
  return { label: `${decoration !== '-' ? decoration : ''}${label}`, numbering: form, no: numberOf(no), title };
}

/** Whether a row's text labels a goal's own indicators (数値目標). */
export function isGoalIndicatorsLabel(text: string): boolean {
  return GOAL_INDICATORS.test(text.trim());
}

/** Whether a text is that label set off by a mark or a bracket before it (【数値目標】, ■数値目標): a banner's, no column's heading. */
export function isSetOffGoalIndicatorsLabel(text: string): boolean {
  return GOAL_INDICATORS.exec(text.trim())?.[1] !== undefined;
}

/** The levels a document prints, in nesting order, as they are first met. */
export class HierarchyLevels {
  readonly printed: { key: string; label: string; numbering: string; style: 'banner' | 'column' }[] = [];
  /** Each key a level was met by: a level met as a banner, then in a grouping column, is found by either. */
  private readonly depthsByKey = new Map<string, number>();

  /** The depth of a banner or grouping column (0 the outermost), adding its level where it is new. */
  depthOf(key: string, label: string, numbering: string, style: 'banner' | 'column'): number {
    // A level printed both ways (重点戦略1 … in a grouping column, and over its count table as a banner) is one level;
    // without a label (Ⅰ …, 第1章 …) it is told by its numbering.
    const known = this.printed.findIndex(
      (l) => l.key === key || (label !== '' && l.label === label) || (label === '' && l.label === '' && numbering !== '' && l.numbering === numbering),
    );
    // The table's own style wins: a banner over a count table, then a grouping column in the KPI table, is a column.
    if (known >= 0 && style === 'column') this.printed[known]!.style = 'column';
    if (known < 0) this.printed.push({ key, label, numbering, style });
    const depth = known >= 0 ? known : this.printed.length - 1;
    this.depthsByKey.set(key, depth);
    return depth;
  }

  /** The depth of the level met by `key`, or -1 where none was. */
  depthOfKey(key: string): number {
    return this.depthsByKey.get(key) ?? -1;
  }

  /**
   * The model's level for each printed depth: three or more levels are strategy › policy ›
   * measure (deeper ones read as measures); two are strategy › policy, with measures the reader
   * makes; one is strategy.
   */
  levelOf(depth: number): 'strategy' | 'policy' | 'measure' {
    return (['strategy', 'policy', 'measure'] as const)[Math.min(depth, 2)]!;
  }

  /** The layout's record of the levels printed (an invented level is not among them). */
  layout(): HierarchyLevel[] {
    return this.printed.slice(0, 3).map((l, k) => ({ level: this.levelOf(k), label: l.label, numbering: l.numbering, style: l.style }));
  }
}

/** A banner's key: its label, or for a label-less one its numbering form. */
export function bannerKey(banner: Banner): string {
  return banner.label.replace(/^[■□◆◇●▼▽◎【［[〈《≪]/, '') || banner.numbering;
}
