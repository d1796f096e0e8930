import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { failure } from '../model/messages.js';
import { t } from '../model/i18n.js';
import pdfmake from 'pdfmake';
import { evaluateDocument } from '../evaluate/evaluate.js';
import type { Scheme } from '../model/scheme.js';
import type { DocumentDiff, Evaluation, KpiDocument, TasseiDocument } from '../model/types.js';
import { type LayoutView, layoutPages, layoutView } from './layout-view.js';
import { GRID_PADDING, GRID_RULE } from './columns.js';
import { FONT_FAMILY, FONT_FILES, fontFile, shareFontFaces } from './fonts.js';
import { quickStyleLookup } from './style-lookup.js';
import { type PhraseCache, openPhraseCache } from '../japanese/cache.js';
import { loadSegmenter } from '../japanese/tokenizer.js';
import { allowTallRowsToBreak } from './printable.js';
import type Handlebars from 'handlebars';
import { renderDefinition, sharedEnvironment } from './templates.js';
import { type FlowRow, type FlowSpace, flowPages } from './pages.js';
import { type Estimator, estimateHeight, tableRowHeights } from './estimate.js';
import type { Trend } from '../diff/trend.js';
import { trendView } from './trend-view.js';
import { diffPages, diffView, isDiffHeading } from './diff-view.js';
import { type KpiView, detailPages, isHeadingRow, kpiView } from './kpi-view.js';
import { type NarrativeView, narrativePages, narrativeView } from './narrative-view.js';
import { DEFAULT_RENDER_OPTIONS, PAPERS, type RenderOptions, pageOf } from './page-view.js';

type Cell = { continued?: boolean } | undefined;
interface TableNode {
  table: { body: Cell[][]; headerRows?: number };
}

const GRID = {
  hLineWidth: () => GRID_RULE,
  vLineWidth: () => GRID_RULE,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => GRID_PADDING,
  paddingRight: () => GRID_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * Table layouts the templates name ("layout": "grid"). `narrative` draws no rule above a row
 * whose second cell is marked "continued": the bullet rows of one policy read as one cell.
 */
const BASE_LAYOUTS = {
  grid: GRID,
  /** A grid whose first row is its title (集計（状況の件数）): no rule above the title. */
  titled: { ...GRID, hLineWidth: (i: number) => (i === 0 ? 0 : GRID_RULE) },
  narrative: {
    ...GRID,
    hLineWidth: (i: number, node: TableNode) => (node.table.body[i]?.[1]?.continued ? 0 : GRID_RULE),
  },
};

type Layout = Record<string, (...args: never[]) => unknown>;

/** pdfmake's own table layouts (noBorders, …), which the templates name too. */
const PDFMAKE_LAYOUTS = (createRequire(import.meta.url)('pdfmake/js/tableLayouts') as { tableLayouts: Record<string, Layout> }).tableLayouts;

/** A table layout with its rules and paddings scaled, for a larger paper. */
function scaledLayout(layout: Layout, factor: number): Layout {
  return Object.fromEntries(
    Object.entries(layout).map(([key, fn]) => [
      key,
      (...args: never[]) => {
        const value = fn(...args);
        return typeof value === 'number' ? value * factor : value;
      },
    ]),
  );
}

const PAPER_SCALE = Object.fromEntries(Object.entries(PAPERS).map(([paper, { scale }]) => [paper, scale])) as Record<RenderOptions['paper'], number>;
const TABLE_LAYOUTS = Object.fromEntries(
  Object.entries(PAPER_SCALE).flatMap(([paper, factor]) =>
    Object.entries(BASE_LAYOUTS).map(([name, layout]) => [
      factor === 1 ? name : `${name}@${paper}`,
      factor === 1 ? layout : scaledLayout(layout as Layout, factor),
    ]),
  ),
);

/** What is a length in a pdfmake definition: these keys' numbers (or arrays of numbers) scale. */
const LENGTH_KEYS = new Set(['fontSize', 'margin', 'pageMargins', 'widths', 'width', 'height', 'columnGap', 'characterSpacing']);

/**
 * The definition as drawn in A4 points, enlarged for its paper: every length by one factor
 * (text and widths grow together; the columns were widened before, see `widened`).
 */
export function scaledDefinition(value: unknown, factor: number, paper: string, key = ''): unknown {
  if (factor === 1) return value;
  if (typeof value === 'number') return LENGTH_KEYS.has(key) ? value * factor : value;
  if (Array.isArray(value)) return value.map((v) => scaledDefinition(v, factor, paper, LENGTH_KEYS.has(key) ? key : ''));
  if (typeof value === 'function') return (...args: unknown[]) => scaledDefinition((value as (...a: unknown[]) => unknown)(...args), factor, paper);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k === 'layout' && typeof v === 'string' && v in BASE_LAYOUTS) return [k, `${v}@${paper}`];
        if (k === 'info' || k === 'svg' || k === 'lineHeight') return [k, v];
        return [k, scaledDefinition(v, factor, paper, k)];
      }),
    );
  }
  return value;
}

/** The widths of a definition drawn for A4 (columns, fixed-width blocks) × `room`: the columns of a larger page, in A4 points. */
function widened(value: unknown, room: number, key = ''): unknown {
  if (room === 1) return value;
  if (typeof value === 'number') return key === 'widths' || key === 'width' ? value * room : value;
  if (Array.isArray(value)) return value.map((v) => widened(v, room, key === 'widths' ? key : ''));
  if (value && typeof value === 'object') {
    // A bar's length is a count on the charts' one scale: not widened.
    const svg = 'svg' in value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, svg && k === 'width' ? v : widened(v, room, k)]));
  }
  return value;
}

/** A definition drawn for A4, with its columns as wide as its paper's page allows. */
function drawnFor(definition: Record<string, unknown>, paper: RenderOptions['paper']): Record<string, unknown> {
  return widened(definition, PAPERS[paper].room) as Record<string, unknown>;
}

function forPaper(definition: Record<string, unknown>, options: RenderOptions): Record<string, unknown> {
  return scaledDefinition(definition, PAPER_SCALE[options.paper], options.paper) as Record<string, unknown>;
}

/** The creation date of a document without a year of its own: fixed, so that the same document renders to the same bytes. */
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * The creation date a document is stamped with: SOURCE_DATE_EPOCH where it is set (reproducible
 * builds), else the first day of the fiscal year after its figures' year — when such a report is
 * made (R1's figures, 2020-04-01) — so that the same document renders to the same bytes.
 */
export function creationDate(figuresYear: number | null, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH !== undefined && Number.isInteger(epoch) && epoch >= 0) return new Date(epoch * 1000);
  return figuresYear === null ? FIXED_DATE : new Date(Date.UTC(figuresYear + 1, FISCAL_YEAR_START_MONTH, 1));
}

/** April (0-based): a Japanese fiscal year begins on April 1. */
const FISCAL_YEAR_START_MONTH = 3;
/** The language of every document's text (the catalog's /Lang). */
const LANGUAGE = 'ja-JP';

let configured = false;

function configure(): void {
  if (configured) return;
  // The font files are read once per process; each document parses them for its own subsets.
  shareFontFaces();
  quickStyleLookup();
  for (const file of Object.values(FONT_FILES)) pdfmake.virtualfs.writeFileSync(file, fontFile(file));
  pdfmake.setFonts({ [FONT_FAMILY]: { normal: FONT_FILES.normal, bold: FONT_FILES.bold, italics: FONT_FILES.normal, bolditalics: FONT_FILES.bold } });
  pdfmake.setTableLayouts(TABLE_LAYOUTS);
  // Only the bundled fonts are read; nothing is fetched.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => Object.values(FONT_FILES).includes(path));
  configured = true;
}

/**
 * Runs a template with phrases from the cache; where texts are missing, loads the dictionary,
 * segments them, remembers them and runs the template again.
 */
let phraseCache: PhraseCache | undefined;

async function withPhrases(run: (hb: typeof Handlebars) => Record<string, unknown>): Promise<Record<string, unknown>> {
  // Read once per process: a batch adds to it document by document.
  const cache = (phraseCache ??= openPhraseCache());
  const missing = new Set<string>();
  const { hb, use } = sharedEnvironment();
  use((text) => {
    const phrases = cache.get(text);
    if (!phrases) missing.add(text);
    return phrases ?? [text];
  });
  const first = run(hb);
  if (missing.size === 0) return first;
  const segment = await loadSegmenter();
  for (const text of missing) cache.set(text, segment(text));
  cache.save();
  use((text) => cache.get(text) ?? segment(text));
  return run(hb);
}

/** The pdfmake document definition of a document, through its kind's template. */
export async function documentDefinition(
  doc: TasseiDocument,
  scheme: Scheme,
  evaluation?: Evaluation,
  options: RenderOptions = DEFAULT_RENDER_OPTIONS,
): Promise<Record<string, unknown>> {
  if (doc.kind !== 'kpi-progress') return finished(await narrativeDefinition(narrativeView(doc, options)), doc, options);
  // A document in its own layout is printed on its own paper.
  if (doc.layout) return finished(await layoutDefinition(doc, scheme, evaluation, options), doc, { ...options, paper: doc.layout.paper });
  const view = kpiView(doc, evaluation ?? evaluateDocument(doc, scheme), scheme, options);
  const { plan } = await laidOutKpi(view, options, doc);
  return finished(await kpiDefinition(view, plan), doc, options);
}

/** A definition for its paper, stamped with its content. */
function finished(definition: Record<string, unknown>, doc: TasseiDocument, options: RenderOptions): Record<string, unknown> {
  return stamped(forPaper(definition, options), optionsChangeBytes(options) ? { doc, options } : doc, doc.fiscalYear);
}

/** The default options hash as before, so that a default render keeps its bytes. */
function optionsChangeBytes(options: RenderOptions): boolean {
  return JSON.stringify(options) !== JSON.stringify(DEFAULT_RENDER_OPTIONS);
}

/**
 * The creation date (creationDate) and a document ID derived from the content (pdfkit hashes the
 * info dictionary into the ID): the same content gives the same bytes. The title is shown by
 * viewers in place of the file name, and the language is Japanese.
 */
function stamped(definition: Record<string, unknown>, content: unknown, figuresYear: number | null = null): Record<string, unknown> {
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  definition.info = { ...(definition.info as object), creationDate: creationDate(figuresYear), keywords: `tassei:${contentHash.slice(0, 32)}` };
  definition.language = LANGUAGE;
  definition.displayTitle = true;
  return definition;
}

/** A font subset's name: six capitals, a plus, the font's name (pdfkit's tags are the same in every document). */
const SUBSET_NAME = /\/([A-Z]{6})\+BIZUDPGothic-/g;

/**
 * The PDF with its fonts' subset tags drawn from its content, so that two documents merged into
 * one 議会資料 do not name two different subsets alike. The tags keep their length, so no offset moves.
 */
export function withUniqueSubsetTags(pdf: Uint8Array, seed: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const tags = new Map<string, string>();
  const replaced = text.replace(SUBSET_NAME, (match, tag: string) => {
    if (!tags.has(tag)) {
      const digest = createHash('sha256').update(`${seed}:${tag}`).digest();
      tags.set(tag, [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join(''));
    }
    return match.replace(tag, tags.get(tag)!);
  });
  return new Uint8Array(Buffer.from(replaced, 'latin1'));
}

async function print(definition: Record<string, unknown>): Promise<Uint8Array> {
  return (await printCounting(definition)).pdf;
}

/** The PDF of a definition and its number of pages (pdfmake tells the footer). */
async function printCounting(definition: Record<string, unknown>): Promise<{ pdf: Uint8Array; pages: number }> {
  configure();
  allowTallRowsToBreak(definition);
  let pages = 0;
  const footer = definition.footer;
  if (typeof footer === 'function') {
    definition.footer = (page: number, count: number, size: unknown) => {
      pages = count;
      return footer(page, count, size);
    };
  }
  const pdf = new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
  const seed = (definition.info as { keywords?: string } | undefined)?.keywords;
  return { pdf: seed ? withUniqueSubsetTags(pdf, seed) : pdf, pages };
}

/** A page tall enough for a whole document, for measuring its rows in one piece. */
const MEASURING_HEIGHT = 1_000_000;
/** Points kept free at the foot of each page against rounding in the measured heights. */
const PAGE_SAFETY = 4;

class Measured extends Error {
  constructor(readonly tops: ReadonlyMap<string, number>) {
    super('measured');
  }
}

/**
 * Where pdfmake puts every node that has an id, laid out on one endless page; pdfmake is
 * stopped once it has laid out (its page-break hook sees every node), before it writes a PDF.
 */
async function measureTops(definition: Record<string, unknown>, width: number): Promise<ReadonlyMap<string, number>> {
  configure();
  type NodeInfo = { id?: string; startPosition?: { top: number } };
  const measuring = {
    ...definition,
    header: undefined,
    footer: undefined,
    pageSize: { width, height: MEASURING_HEIGHT },
    pageOrientation: 'portrait',
    pageBreakBefore: (node: NodeInfo, nodes: { getFollowingNodesOnPage(): NodeInfo[] }) => {
      const tops = new Map<string, number>();
      for (const n of [node, ...nodes.getFollowingNodesOnPage()]) if (n.id && n.startPosition) tops.set(n.id, n.startPosition.top);
      throw new Measured(tops);
    },
  };
  try {
    await pdfmake.createPdf(measuring).getBuffer();
  } catch (error) {
    if (error instanceof Measured) return error.tops;
    throw error;
  }
  throw new Error('pdfmake laid the document out without calling pageBreakBefore');
}

/** A4 landscape, as the templates are drawn. */

/** The pages of each strategy's detail table: the index of each page's first row. */
export type Plan = number[][];

/** The KPI report with each strategy's rows split into pages as planned. */
async function kpiDefinition(view: KpiView, plan: Plan): Promise<Record<string, unknown>> {
  const strategies = view.strategies.map((s, i) => ({ ...s, pages: detailPages(s.rows, plan[i] ?? [0], i === 0, s.summaryNotes) }));
  return drawnFor(await withPhrases((hb) => renderDefinition(hb, 'kpi-progress', { ...view, strategies })), view.paper.size);
}

/** The heights of the notes under a strategy's table: the closing note, the corrections' opening line, and the corrections of the summary and of each row. */
interface NoteHeights {
  end: number;
  head: number;
  summary: number;
  rows: ReadonlyMap<string, number>;
}

/** The notes' heights from the nodes under the tables (each names what it belongs to: "noteOf"), summed over pages. */
function noteHeightsOf(below: readonly unknown[], heightOf: (node: Record<string, unknown>) => number): NoteHeights {
  const rows = new Map<string, number>();
  const notes = { end: 0, head: 0, summary: 0 };
  for (const node of below as Record<string, unknown>[]) {
    const of = String(node.noteOf ?? 'end');
    const height = heightOf(node);
    if (of === 'end' || of === 'summary') notes[of] += height;
    else if (of === 'head') notes.head = Math.max(notes.head, height);
    else rows.set(of, (rows.get(of) ?? 0) + height);
  }
  return { ...notes, rows };
}

function flowRowsOf(view: KpiView, index: number, heights: readonly number[], notes: NoteHeights): FlowRow[] {
  return view.strategies[index]!.rows.map((r, i) => ({
    height: heights[i]!,
    heading: isHeadingRow(r),
    bound: r.kind === 'goal',
    note: notes.rows.get(r.id) ?? 0,
  }));
}

function noteSpace(notes: NoteHeights): Pick<FlowSpace, 'notes' | 'firstNotes' | 'noteHead'> {
  return { notes: notes.end, firstNotes: notes.summary, noteHead: notes.head };
}

function contentHeight(definition: Record<string, unknown>, paper: number): number {
  const [, top, , bottom] = definition.pageMargins as number[];
  return paper - top! - bottom! - PAGE_SAFETY;
}

/** Every strategy's page stack: its table, what stands above it and the notes under it. */
function pageParts(page: unknown): { above: unknown[]; table: Record<string, unknown>; below: unknown[] } {
  const items = (page as { stack: Record<string, unknown>[] }).stack;
  const at = items.findIndex((item) => item.table !== undefined);
  return { above: items.slice(0, at), table: items[at]!, below: items.slice(at + 1) };
}

/**
 * The pages planned from estimated heights (src/render/estimate.ts): the report laid out as one
 * page per strategy, its rows, the summary above them and the notes under them estimated from
 * the fonts' metrics.
 */
async function estimatedPlan(view: KpiView): Promise<Plan> {
  const whole = await kpiDefinition(
    view,
    view.strategies.map(() => [0]),
  );
  const paper = pageOf(view.paper.size);
  const { height, rowHeights } = estimatorOf(whole, paper.width);
  return (whole.content as unknown[]).map((page, index) => {
    const { above, table, below } = pageParts(page);
    const [header, ...rows] = rowHeights(table, 1);
    const context = height([{ text: '（続き）', style: 'context' }]);
    const notes = noteHeightsOf(below, (node) => height([node]));
    return flowPages(flowRowsOf(view, index, rows, notes), {
      page: contentHeight(whole, paper.height),
      first: height(above) + header!,
      continued: context + header!,
      ...noteSpace(notes),
    }).map((p) => p[0]!);
  });
}

/** Heights of a definition's nodes estimated from the fonts' metrics, with its styles and table layouts, at the page's width. */
function estimatorOf(
  definition: Record<string, unknown>,
  pageWidth: number,
): {
  height(nodes: readonly unknown[]): number;
  /** A table's header rows as one height, then each row's. */
  rowHeights(table: Record<string, unknown>, headerRows: number): number[];
} {
  const estimator: Estimator = {
    styles: definition.styles as Estimator['styles'],
    layouts: { ...PDFMAKE_LAYOUTS, ...BASE_LAYOUTS } as unknown as Estimator['layouts'],
  };
  const defaults = definition.defaultStyle as { fontSize: number; lineHeight?: number };
  const base = { fontSize: defaults.fontSize, bold: false, lineHeight: defaults.lineHeight ?? 1 };
  const [left, , right] = definition.pageMargins as number[];
  const width = pageWidth - left! - right!;
  return {
    height: (nodes) => nodes.reduce((sum: number, n) => sum + estimateHeight(n, width, base, estimator), 0),
    rowHeights: (table, headerRows) => {
      const rows = tableRowHeights(table, width, base, estimator);
      return [rows.slice(0, headerRows).reduce((a, b) => a + b, 0), ...rows.slice(headerRows)];
    },
  };
}

interface Placed {
  positions?: { top: number; pageNumber: number }[];
  __height?: number;
}

/** The top of a table row's first line of text, as pdfmake placed it. */
function rowTop(row: readonly Placed[]): number | undefined {
  return row.find((cell) => cell?.positions?.length)?.positions![0]!.top;
}

/**
 * The pages the plan should have had, from the heights pdfmake gave the rows when it printed
 * them (it notes where it put every node); undefined where the printed pages cannot say.
 */
function confirmedPlan(printed: Record<string, unknown>, view: KpiView, plan: Plan): Plan | undefined {
  const factor = PAPERS[view.paper.size].scale;
  const pages = printed.content as unknown[];
  const [, top, , bottom] = (printed.pageMargins as number[]).map((m) => m / factor);
  const pageTop = top!;
  const paper = pageOf(view.paper.size).height - top! - bottom! - PAGE_SAFETY;
  let next = 0;
  const measured = plan.map((starts) =>
    starts.map(() => {
      const { table, below } = pageParts(pages[next++]);
      const body = (table.table as { body: Placed[][] }).body;
      // In the A4 points the plan is made in.
      const tops = body.map((row) => (rowTop(row) ?? NaN) / factor);
      if (tops.some((top) => Number.isNaN(top)) || table.__height === undefined) return undefined;
      const bottom = tops[0]! + (table.__height as number) / factor;
      const heights = tops.slice(1).map((top, i) => (tops[i + 2] ?? bottom) - top);
      return { heights, above: tops[1]! - pageTop, below };
    }),
  );
  if (measured.some((s) => s.some((p) => p === undefined))) return undefined;
  const continued = measured.flatMap((s) => s.slice(1)).map((p) => p!.above);
  return measured.map((strategy, index) => {
    const [first, ...rest] = strategy as NonNullable<(typeof strategy)[number]>[];
    const notes = noteHeightsOf(
      strategy.flatMap((p) => p!.below),
      (node) => ((node as Placed).__height ?? 0) / factor,
    );
    const flow = flowPages(
      flowRowsOf(
        view,
        index,
        strategy.flatMap((p) => p!.heights),
        notes,
      ),
      {
        page: paper,
        first: first!.above,
        continued: rest[0]?.above ?? continued[0] ?? paper,
        ...noteSpace(notes),
      },
    );
    return flow.map((p) => p[0]!);
  });
}

/**
 * The KPI report laid out once: the pages planned from estimated heights, then confirmed from
 * the heights pdfmake gave the rows in that very layout. Where the estimate chose other pages
 * than the real heights would, it is laid out again with the pages they choose; where the
 * printed pages cannot say (a row taller than a page), with the pages of a measuring pass.
 * `plan` replaces the estimate (a test's wrong guess); `layouts` counts pdfmake's passes.
 */
export async function laidOutKpi(
  view: KpiView,
  options: RenderOptions,
  doc: TasseiDocument,
  guess?: Plan,
): Promise<{ pdf: Uint8Array; plan: Plan; layouts: number }> {
  let plan = guess ?? (await estimatedPlan(view));
  let layouts = 0;
  for (let attempt = 0; attempt < MAX_LAYOUTS; attempt++) {
    const definition = finished(await kpiDefinition(view, plan), doc, options);
    const { pdf, pages } = await printCounting(definition);
    layouts++;
    const planned = plan.reduce((n, s) => n + s.length, 0);
    const confirmed = pages === planned ? confirmedPlan(definition, view, plan) : undefined;
    if (confirmed && JSON.stringify(confirmed) === JSON.stringify(plan)) return { pdf, plan, layouts };
    if (confirmed) plan = confirmed;
    else {
      plan = await measuredPlan(view);
      layouts++;
      break;
    }
  }
  return { pdf: await print(finished(await kpiDefinition(view, plan), doc, options)), plan, layouts: layouts + 1 };
}

/** Layouts tried before the pages of a measuring pass are taken as they come. */
const MAX_LAYOUTS = 3;

/** The pages of each strategy from its rows measured by pdfmake on one endless page. */
async function measuredPlan(view: KpiView): Promise<Plan> {
  const measuringView = {
    ...view,
    measuring: true,
    strategies: view.strategies.map((s) => ({ ...s, pages: detailPages(s.rows, [], true, s.summaryNotes).map((p) => ({ ...p, breakBefore: false })) })),
  };
  const measuring = drawnFor(await withPhrases((hb) => renderDefinition(hb, 'kpi-progress', measuringView)), view.paper.size);
  const paper = pageOf(view.paper.size);
  const tops = await measureTops(measuring, paper.width);
  const at = (id: string) => {
    const top = tops.get(id);
    if (top === undefined) {
      throw failure(
        'templates/kpi-progress.hbs',
        'template-measure',
        t(`行の高さを測れません: ${id} の id がありません`, `cannot measure the rows: the id ${id} is missing`),
        {
          hint: t('measuring のときに各行へ "id" を付ける記述を残してください', 'keep the "id" each row carries while measuring'),
        },
      );
    }
    return top;
  };
  return view.strategies.map((s, index) => {
    const first = s.rows[0]!.id;
    const rowTops = [...s.rows.map((r) => at(r.id)), at(`table-end:${first}`)];
    const header = rowTops[0]! - at(`head:${first}`);
    const context = at(`head:${first}`) - at(`context:${first}`);
    // The notes in print order, each to the top of the next: the closing note, the corrections' opening line, the corrections.
    const corrections = detailPages(s.rows, [], true, s.summaryNotes)[0]!.corrections;
    const below = [
      ...(s.hasRatio ? [{ id: `note-end:${first}`, noteOf: 'end' }] : []),
      ...(corrections.length > 0 ? [{ id: `note-head:${first}`, noteOf: 'head' }] : []),
      ...corrections.map((c, k) => ({ id: `note:${first}:${k}`, noteOf: c.of })),
    ];
    const noteTops = [...below.map((n) => at(n.id)), at(`end:${first}`)];
    const notes = noteHeightsOf(below, (node) => noteTops[below.indexOf(node as (typeof below)[number]) + 1]! - at(String(node.id)));
    return flowPages(
      flowRowsOf(
        view,
        index,
        s.rows.map((_, i) => rowTops[i + 1]! - rowTops[i]!),
        notes,
      ),
      {
        page: contentHeight(measuring, paper.height),
        first: at(`context:${first}`) - at(`top:${first}`) + header,
        continued: context + header,
        ...noteSpace(notes),
      },
    ).map((p) => p[0]!);
  });
}

/**
 * The narrative in two passes, as the KPI report: each goal's rows measured, then its pages
 * chosen, each page with the goal's title bar (（続き） after the first) and the headings.
 */
async function narrativeDefinition(view: NarrativeView): Promise<Record<string, unknown>> {
  const measuringView = {
    ...view,
    measuring: true,
    goals: view.goals.map((g) => ({ ...g, pages: narrativePages(g, g.rows, [], false).map((p) => ({ ...p, breakBefore: false })) })),
  };
  const measuring = drawnFor(await withPhrases((hb) => renderDefinition(hb, 'narrative', measuringView)), view.paper.size);
  const [, top, , bottom] = measuring.pageMargins as number[];
  const paper = pageOf(view.paper.size);
  const tops = await measureTops(measuring, paper.width);
  const goals = view.goals.map((g) => {
    const first = g.rows[0]?.id;
    if (!first) return g;
    // A row with no text of its own (no bullet on either side) goes with the row before it.
    const rowTops = [...g.rows.map((r) => tops.get(r.id) ?? tops.get(`${r.id}:plan`)), tops.get(`end:${first}`)];
    const rows: FlowRow[] = g.rows.map((r, i) => {
      const next = rowTops.slice(i + 1).find((t) => t !== undefined);
      const own = rowTops[i];
      return own === undefined || next === undefined
        ? { height: 0, heading: false, bound: true }
        : { height: next - own, heading: false, bound: r.kind === 'measures' };
    });
    const above = (rowTops[0] ?? 0) - (tops.get(`top:${first}`) ?? 0);
    const pages = flowPages(rows, { page: paper.height - top! - bottom! - PAGE_SAFETY, first: above, continued: above, notes: 0 });
    return {
      ...g,
      pages: narrativePages(
        g,
        g.rows,
        pages.map((p) => p[0]!),
      ),
    };
  });
  return drawnFor(await withPhrases((hb) => renderDefinition(hb, 'narrative', { ...view, goals })), view.paper.size);
}

/**
 * A KPI report in the municipality's own layout (templates/kpi-layout.hbs), drawn for A4 in the
 * layout's orientation (A3 is A4 enlarged); pdfmake breaks its pages.
 */
async function layoutDefinition(
  doc: KpiDocument,
  scheme: Scheme,
  evaluation: Evaluation | undefined,
  options: RenderOptions,
): Promise<Record<string, unknown>> {
  const view = layoutView(doc, evaluation ?? evaluateDocument(doc, scheme), scheme, options);
  const pages = layoutPages(view.lines, view.layout, await layoutPlan(view), view.widths);
  return withPhrases((hb) => renderDefinition(hb, 'kpi-layout', { ...view, pages }));
}

/**
 * The first line of each page of a table in a city's own layout, from its rows measured by
 * pdfmake on one endless page: a banner row is kept with the row under it, a comment block
 * with its indicator's row, and what stands under the table (legend, count table, notes) with
 * its last rows.
 */
async function layoutPlan(view: LayoutView): Promise<number[]> {
  const measuring = await withPhrases((hb) => renderDefinition(hb, 'kpi-layout', { ...view, measuring: true }));
  const page = pageOf(view.paper.size, view.orientation);
  const tops = await measureTops(measuring, page.width);
  const top = (id: string) => tops.get(id) ?? NaN;
  const rowTops = [...view.lines.map((_, i) => top(`row:${i}`)), top('end')];
  if ([...rowTops, top('top'), top('head'), top('bottom')].some((t) => Number.isNaN(t))) return [0];
  const rows: FlowRow[] = view.lines.map((line, i) => ({
    height: rowTops[i + 1]! - rowTops[i]!,
    heading: line.kind === 'banner',
    // A comment block stays with its indicator's row, and an indicator's actuals' row with its expected values' row.
    bound: line.kind === 'comment' || (line.kind === 'indicator' && view.lines[i - 1]?.kind === 'expected'),
  }));
  return flowPages(rows, {
    page: contentHeight(measuring, page.height),
    first: rowTops[0]! - top('top'),
    continued: rowTops[0]! - top('head'),
    notes: top('bottom') - top('end'),
  }).map((p) => p[0]!);
}

/** Renders a year-over-year diff through templates/diff.hbs, its rows split into pages as planned. */
export async function renderDiffPdf(diff: DocumentDiff, scheme: Scheme, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Promise<Uint8Array> {
  const view = diffView(diff, scheme, options);
  const define = async (starts: number[]) => {
    const definition = drawnFor(await withPhrases((hb) => renderDefinition(hb, 'diff', { ...view, pages: diffPages(view.rows, starts) })), options.paper);
    return stamped(forPaper(definition, options), optionsChangeBytes(options) ? { diff, options } : diff, diff.toYear);
  };
  const whole = drawnFor(await withPhrases((hb) => renderDefinition(hb, 'diff', view)), options.paper);
  const paper = pageOf(options.paper);
  let room = contentHeight(whole, paper.height);
  let pdf: Uint8Array | undefined;
  for (let attempt = 0; attempt < MAX_LAYOUTS; attempt++) {
    const definition = await define(diffPlan(whole, view, room, paper.width));
    allowTallRowsToBreak(definition);
    pdf = await print(definition);
    // A page whose rows pdfmake had to carry over: planned again with less room.
    const over = overflowedBy(definition);
    if (over === 0) break;
    room -= over;
  }
  return pdf!;
}

/** How far the rows of the planned pages ran over their pages, in A4 points: 0 where every page held its rows. */
function overflowedBy(definition: Record<string, unknown>): number {
  const pages = (definition.content as Record<string, unknown>[]).filter((n) => n.diffPage);
  let over = 0;
  for (const page of pages) {
    const table = pageParts(page).table.table as { body: Placed[][] };
    const placed = table.body.flatMap((row) => row.flatMap((cell) => cell?.positions ?? []));
    const first = placed[0]?.pageNumber;
    if (placed.some((p) => p.pageNumber !== first)) over = Math.max(over, 12);
  }
  return over;
}

/** The first row of each page of a 新旧対照表, from its rows' estimated heights. */
function diffPlan(whole: Record<string, unknown>, view: ReturnType<typeof diffView>, room: number, pageWidth: number): number[] {
  const content = whole.content as Record<string, unknown>[];
  const at = content.findIndex((n) => n.diffPage);
  if (at < 0) return [];
  const { height, rowHeights } = estimatorOf(whole, pageWidth);
  const { above, table } = pageParts(content[at]);
  const [header, ...rows] = rowHeights(table, view.kpi ? 2 : 1);
  const context = height([{ text: '（続き）', style: 'context' }]);
  const flowRows: FlowRow[] = view.rows.map((r, i) => ({ height: rows[i]!, heading: isDiffHeading(r), bound: false }));
  return flowPages(flowRows, { page: room, first: height(content.slice(0, at)) + height(above) + header!, continued: context + header!, notes: 0 }).map(
    (p) => p[0]!,
  );
}

/** Renders a 経年表 through templates/trend.hbs. */
export async function renderTrendPdf(trend: Trend, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Promise<Uint8Array> {
  const definition = await withPhrases((hb) => renderDefinition(hb, 'trend', trendView(trend, options)));
  return print(stamped(forPaper(drawnFor(definition, options.paper), options), { trend, options }));
}

/** Renders a document to PDF bytes, byte-identical for identical documents. */
export async function renderPdf(
  doc: TasseiDocument,
  scheme: Scheme,
  evaluation?: Evaluation,
  options: RenderOptions = DEFAULT_RENDER_OPTIONS,
): Promise<Uint8Array> {
  if (doc.kind !== 'kpi-progress' || doc.layout) return print(await documentDefinition(doc, scheme, evaluation, options));
  return (await laidOutKpi(kpiView(doc, evaluation ?? evaluateDocument(doc, scheme), scheme, options), options, doc)).pdf;
}
