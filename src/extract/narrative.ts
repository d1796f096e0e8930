import { MessageLog, errorMessage } from '../model/messages.js';
import { findEraYear } from '../notation/numbers.js';
import type { Goal, Message, NarrativeDocument, NarrativePolicy } from '../model/types.js';
import { type Column, type ColumnSpec, type TableHeader, columnOfPhrase, findHeader, hasLabel, refineColumns, splitLinesAtColumns } from './grid.js';
import { type LaidOutPage, type Line, type Phrase, joinPhrases, joinWrapped, withoutFurniture } from './layout.js';
import { checkNarrativeExtraction } from './check.js';
import { t, type Text } from '../model/i18n.js';

/**
 * The achievement narrative reader: per goal page, each policy with its bullets in the column
 * they are printed in, and its 施策 list. Pure.
 */

export const NARRATIVE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'policy', label: /^基本方針名?$/ },
  { key: 'results', label: /(主な取組内容|実績)$/ },
  { key: 'plans', label: /(今後の方向性|主な取組)$/ },
];

const GOAL = /^基本目標\s*([0-9０-９]+)\s*(.*)$/;
const POLICY = /^基本方針\s*([0-9０-９]+)\s*(.*)$/;
/** The first line of a policy heading, which may wrap after 基本方. */
const POLICY_START = /^基本方/;
/** A bullet: ○, possibly after a list marker (•, ・) that some producers add. */
const BULLET = /^[•・●]?\s*[○◯]\s*/;
/** The 施策 list starts with ① (or (1)). */
const MEASURES = /^[①-⑳]|^[(（]1[)）]/;

export function looksLikeNarrative(pages: readonly LaidOutPage[]): boolean {
  return pages.some((p) => findHeader(p.lines, NARRATIVE_COLUMNS, [], [], 3) !== null);
}

/**
 * A line of the narrative's table head: its column headings, or a goal's title bar, which a
 * producer repeats over the table on each page the goal continues to (not a running header).
 */
export function isNarrativeHeading(line: Line): boolean {
  return NARRATIVE_COLUMNS.some((s) => hasLabel(line, s)) || GOAL.test(line.text.replace(/\s+/g, ' '));
}

/** `①観光の振興／②国際観光の推進` → [観光の振興, 国際観光の推進]. */
export function splitMeasures(text: string): string[] {
  return text
    .split(/[／/]/)
    .map((m) => m.replace(/^\s*(?:[①-⑳]|[(（]\d+[)）])\s*/, '').trim())
    .filter(Boolean);
}

interface Segment {
  labels: Line[];
  results: string[][];
  plans: string[][];
  measures: string[];
  /** The column's first text has no ○: the end of a bullet that began on the page before. */
  tail: { results: boolean; plans: boolean };
}

const emptySegment = (): Segment => ({ labels: [], results: [], plans: [], measures: [], tail: { results: false, plans: false } });

/** Adds a block that continues a policy from the page before: a bullet's tail joins that bullet. */
function continuePolicy(last: NarrativePolicy, segment: Segment): void {
  for (const key of ['results', 'plans'] as const) {
    const bullets = segment[key].map(joinWrapped);
    if (segment.tail[key] && last[key].length > 0) last[key].push(joinWrapped([last[key].pop()!, bullets.shift()!]));
    last[key].push(...bullets);
  }
  last.measures.push(...splitMeasures(segment.measures.join('')));
}

/**
 * Adds the policy blocks of a goal. A block without a heading continues the last policy; so
 * does a block whose left cell holds only the rest of a heading split by a page break.
 */
function readPolicies(goal: Goal, segments: readonly Segment[], warn: (message: Text) => void): void {
  for (const segment of segments) {
    const label = joinWrapped(segment.labels.map((l) => l.text));
    const m = POLICY.exec(label.replace(/\s+/g, ' '));
    const has = segment.results.length + segment.plans.length + segment.measures.length > 0;
    const last = goal.policies.at(-1);
    if (!m) {
      if (last && segment.labels.length === 0 && has) continuePolicy(last, segment);
      else if (last && last.title === '' && label) {
        last.title = label;
        continuePolicy(last, segment);
      } else if (has || label)
        warn(
          t(
            `基本方針の見出しのない区画を読み飛ばしました:「${label || segment.results.flat().join('').slice(0, 30)}」`,
            `a block without a 基本方針 heading was skipped: "${label || segment.results.flat().join('').slice(0, 30)}"`,
          ),
        );
      continue;
    }
    goal.policies.push({
      no: Number(m[1]!.normalize('NFKC')),
      title: m[2]!.trim(),
      results: segment.results.map(joinWrapped),
      plans: segment.plans.map(joinWrapped),
      measures: splitMeasures(segment.measures.join('')),
    });
  }
}

export function readNarrative(
  pages: readonly LaidOutPage[],
  furniture: ReadonlySet<Phrase>,
  title: string,
  file: string,
): { document: NarrativeDocument; messages: Message[] } {
  const log = new MessageLog(file);
  const warn = (page: number, message: Text) => log.warn('extract-narrative', message, { page });
  const goals: Goal[] = [];
  let fiscalYear: number | null = null;
  let nextYear: number | null = null;
  let goal: Goal | undefined;

  let columns: Column[] | undefined;
  const isGoalLine = (l: Line) => GOAL.test(l.text.replace(/\s+/g, ' '));
  for (const page of pages) {
    const lines = withoutFurniture(page.lines, furniture);
    const headers: TableHeader[] = [];
    for (let from = 0; ;) {
      const header = findHeader(lines, NARRATIVE_COLUMNS, page.vertical, page.horizontal, 3, from);
      if (!header) break;
      headers.push(header);
      from = lines.indexOf(header.lines.at(-1)!) + 1;
    }
    // The page in parts: before the first heading (a table continued from the last page), then
    // each heading with the lines under it, up to the next goal line or heading.
    const cuts = [...headers.map((h) => h.top), ...lines.filter(isGoalLine).map((l) => l.top)].sort((a, b) => a - b);
    const parts: { header: TableHeader | null; top: number }[] = [{ header: null, top: -Infinity }, ...headers.map((h) => ({ header: h, top: h.bottom }))];
    for (const { header, top } of parts) {
      const end = cuts.find((c) => c > top + 0.5) ?? Infinity;
      if (header) {
        const heading = (key: string) => header.columns.find((c) => c.key === key)?.heading ?? '';
        fiscalYear ??= findEraYear(heading('results'));
        nextYear ??= findEraYear(heading('plans'));
        const goalLine = lines.filter((l) => l.bottom <= header.top + 1 && isGoalLine(l)).at(-1);
        const previousTop = headers[headers.indexOf(header) - 1]?.bottom ?? -Infinity;
        if (goalLine && goalLine.top > previousTop) {
          const m = GOAL.exec(goalLine.text.replace(/\s+/g, ' '))!;
          const no = Number(m[1]!.normalize('NFKC'));
          // A goal's title bar repeated at the top of its next page continues that goal.
          if (goal?.no !== no) {
            goal = { no, title: m[2]!.trim(), policies: [] };
            goals.push(goal);
          }
        }
        columns = header.columns;
      }
      // The legend before the first goal explains the layout; it holds no data.
      if (!goal || !columns) continue;
      const body = lines.filter((l) => (l.top + l.bottom) / 2 > top && l.bottom <= end + 0.5 && !header?.lines.includes(l) && !isGoalLine(l));
      if (body.length === 0) continue;
      if (header) columns = refineColumns(header.columns, body);
      const split = splitLinesAtColumns(body, columns);
      readPolicies(goal, segmentsOf(split, columns), (message) => warn(page.number, message));
    }
  }
  const missing: Message[] = [];
  if (fiscalYear === null || nextYear === null) {
    missing.push(
      errorMessage(
        file,
        'extract-narrative',
        t(
          '列見出し（令和5年度 主な取組内容／実績 など）に年度が見つかりません',
          'the fiscal years were not found in the column headings (such as 令和5年度 主な取組内容／実績)',
        ),
        { hint: t('二つの列見出しにそれぞれ年度を書いてください', 'both column headings must name their year') },
      ),
    );
  }
  if (goals.length === 0)
    missing.push(
      errorMessage(file, 'extract-narrative', t('基本目標（基本目標N）が見つかりません', 'no goal (基本目標N) was found'), {
        hint: t(
          '各ページは「基本目標１ 「魅力の創出・交流」の拡大」のような行で始まります',
          'each goal page starts with a line such as 基本目標１ 「魅力の創出・交流」の拡大',
        ),
      }),
    );
  const document: NarrativeDocument = { kind: 'narrative', title, fiscalYear: fiscalYear ?? 0, nextYear: nextYear ?? 0, goals };
  return { document, messages: [...log.messages, ...checkNarrativeExtraction(document, file), ...missing] };
}

/**
 * Cuts a goal page's body into policy blocks: a block ends with its 施策 list (and the lines
 * that continue it); the policy heading on the left belongs to the block it stands beside.
 */
function segmentsOf(body: readonly Line[], columns: readonly Column[]): Segment[] {
  const segments: Segment[] = [];
  let current = emptySegment();
  let inMeasures = false;
  const sorted = [...body].sort((a, b) => a.baseline - b.baseline);
  for (const line of sorted) {
    const byColumn = new Map<string, Phrase[]>();
    for (const p of line.phrases) {
      const key = columnOfPhrase(columns, p)?.key ?? 'policy';
      byColumn.set(key, [...(byColumn.get(key) ?? []), p]);
    }
    const text = (key: string) => joinPhrases(byColumn.get(key) ?? []).trim();
    const left = text('policy');
    const startsNewPolicy = POLICY.test(left) && current.labels.some((l) => POLICY.test(l.text));
    if (inMeasures || startsNewPolicy) {
      const continuing = !startsNewPolicy && !BULLET.test(text('results')) && !BULLET.test(text('plans')) && (text('results') || text('plans'));
      // The policy's heading may still wrap beside or below the 施策 list (a heading set in the
      // middle of a tall cell): its lines go on with the block, unless they open a heading.
      const headingGoesOn = !!left && !text('results') && !text('plans') && !POLICY_START.test(left);
      if (inMeasures && (continuing || headingGoesOn) && !POLICY_START.test(left)) {
        if (left) current.labels.push({ ...line, text: left });
        if (continuing) current.measures.push(`${text('results')}${text('plans')}`);
        continue;
      }
      segments.push(current);
      current = emptySegment();
      inMeasures = false;
    }
    if (left) current.labels.push({ ...line, text: left });
    const results = text('results');
    if (MEASURES.test(results)) {
      current.measures.push(`${results}${text('plans') ? text('plans') : ''}`);
      inMeasures = true;
      continue;
    }
    for (const key of ['results', 'plans'] as const) {
      const t = text(key);
      if (!t) continue;
      const bullets = current[key];
      if (BULLET.test(t)) bullets.push([t.replace(BULLET, '')]);
      else if (bullets.length > 0) bullets.at(-1)!.push(t);
      else {
        bullets.push([t]);
        current.tail[key] = true;
      }
    }
  }
  segments.push(current);
  return segments.filter((s) => s.labels.length + s.results.length + s.plans.length + s.measures.length > 0);
}
