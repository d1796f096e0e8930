import { createHash } from 'node:crypto';
import { failure } from '../model/errors.js';
import { t } from '../model/i18n.js';
import pdfmake from 'pdfmake';
import { evaluateDocument } from '../evaluate/evaluate.js';
import type { Scheme } from '../model/scheme.js';
import type { DocumentDiff, Evaluation, TasseiDocument } from '../model/types.js';
import { FONT_FAMILY, FONT_FILES, fontFile } from './fonts.js';
import { type PhraseCache, openPhraseCache } from '../japanese/cache.js';
import { loadSegmenter } from '../japanese/tokenizer.js';
import { allowTallRowsToBreak } from './printable.js';
import type Handlebars from 'handlebars';
import { renderDefinition, sharedEnvironment } from './templates.js';
import { type FlowRow, flowPages } from './pages.js';
import {
  DEFAULT_RENDER_OPTIONS, type KpiView, type NarrativeView, type RenderOptions, detailPages, diffView, isHeadingRow, kpiView, narrativePages, narrativeView,
} from './view.js';

type Cell = { continued?: boolean } | undefined;
interface TableNode {
  table: { body: Cell[][]; headerRows?: number };
}

const GRID = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * Table layouts the templates name ("layout": "grid"). `narrative` draws no rule above a row
 * whose second cell is marked "continued": the bullet rows of one policy read as one cell.
 */
const BASE_LAYOUTS = {
  grid: GRID,
  narrative: {
    ...GRID,
    hLineWidth: (i: number, node: TableNode) => (node.table.body[i]?.[1]?.continued ? 0 : 0.5),
  },
};

type Layout = Record<string, (...args: never[]) => unknown>;

/** A table layout with its rules and paddings scaled, for a larger paper. */
function scaledLayout(layout: Layout, factor: number): Layout {
  return Object.fromEntries(Object.entries(layout).map(([key, fn]) => [key, (...args: never[]) => {
    const value = fn(...args);
    return typeof value === 'number' ? value * factor : value;
  }]));
}

/** The layouts are drawn for A4; A3 is A4 enlarged by √2, as a copier enlarges it. */
const PAPER_SCALE: Record<RenderOptions['paper'], number> = { A4: 1, A3: Math.SQRT2 };
const TABLE_LAYOUTS = Object.fromEntries(Object.entries(PAPER_SCALE).flatMap(([paper, factor]) =>
  Object.entries(BASE_LAYOUTS).map(([name, layout]) => [factor === 1 ? name : `${name}@${paper}`, factor === 1 ? layout : scaledLayout(layout as Layout, factor)])));

/** What is a length in a pdfmake definition: these keys' numbers (or arrays of numbers) scale. */
const LENGTH_KEYS = new Set(['fontSize', 'margin', 'pageMargins', 'widths', 'width', 'height', 'columnGap', 'characterSpacing']);

/**
 * The definition laid out for A4, enlarged for another paper: every length by one factor, so
 * that lines break where they broke on A4 (text and widths grow together).
 */
export function scaledDefinition(value: unknown, factor: number, paper: string, key = ''): unknown {
  if (factor === 1) return value;
  if (typeof value === 'number') return LENGTH_KEYS.has(key) ? value * factor : value;
  if (Array.isArray(value)) return value.map((v) => scaledDefinition(v, factor, paper, LENGTH_KEYS.has(key) ? key : ''));
  if (typeof value === 'function') return (...args: unknown[]) => scaledDefinition((value as (...a: unknown[]) => unknown)(...args), factor, paper);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      if (k === 'layout' && typeof v === 'string' && v in BASE_LAYOUTS) return [k, `${v}@${paper}`];
      if (k === 'info' || k === 'svg' || k === 'lineHeight') return [k, v];
      return [k, scaledDefinition(v, factor, paper, k)];
    }));
  }
  return value;
}

function forPaper(definition: Record<string, unknown>, options: RenderOptions): Record<string, unknown> {
  return scaledDefinition(definition, PAPER_SCALE[options.paper], options.paper) as Record<string, unknown>;
}

/** A fixed creation date, so that the same document renders to the same bytes. */
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

let configured = false;

function configure(): void {
  if (configured) return;
  // The font files are read once per process; each document parses them for its own subsets.
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
export async function documentDefinition(doc: TasseiDocument, scheme: Scheme, evaluation?: Evaluation, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Promise<Record<string, unknown>> {
  const definition = doc.kind === 'kpi-progress'
    ? await kpiDefinition(kpiView(doc, evaluation ?? evaluateDocument(doc, scheme), scheme, options))
    : await narrativeDefinition(narrativeView(doc, options));
  return stamped(forPaper(definition, options), optionsChangeBytes(options) ? { doc, options } : doc);
}

/** The default options hash as before, so that a default render keeps its bytes. */
function optionsChangeBytes(options: RenderOptions): boolean {
  return JSON.stringify(options) !== JSON.stringify(DEFAULT_RENDER_OPTIONS);
}

/**
 * A fixed creation date and a document ID derived from the content (pdfkit hashes the info
 * dictionary into the ID): the same content gives the same bytes.
 */
function stamped(definition: Record<string, unknown>, content: unknown): Record<string, unknown> {
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  definition.info = { ...(definition.info as object), creationDate: FIXED_DATE, keywords: `tassei:${contentHash.slice(0, 32)}` };
  return definition;
}

async function print(definition: Record<string, unknown>): Promise<Uint8Array> {
  configure();
  allowTallRowsToBreak(definition);
  return new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
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
    ...definition, header: undefined, footer: undefined,
    pageSize: { width, height: MEASURING_HEIGHT }, pageOrientation: 'portrait',
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

/** A4 landscape, as the templates are drawn (A3 is this enlarged). */
const PAGE = { width: 841.89, height: 595.28 };

/**
 * The KPI report in two passes: its rows measured on one endless page, then the pages chosen
 * (src/render/pages.ts) and the report laid out with each page's rows, repeated header and
 * context line.
 */
async function kpiDefinition(view: KpiView): Promise<Record<string, unknown>> {
  const measuringView = { ...view, measuring: true, strategies: view.strategies.map((s) => ({ ...s, pages: detailPages(s.rows, [], true).map((p) => ({ ...p, breakBefore: false })) })) };
  const measuring = await withPhrases((hb) => renderDefinition(hb, 'kpi-progress', measuringView));
  const [, top, , bottom] = measuring.pageMargins as number[];
  const tops = await measureTops(measuring, PAGE.width);
  const at = (id: string) => {
    const top = tops.get(id);
    if (top === undefined) {
      throw failure('templates/kpi-progress.hbs', 'template-measure', t(`行の高さを測れません: ${id} の id がありません`, `cannot measure the rows: the id ${id} is missing`), {
        hint: t('measuring のときに各行へ "id" を付ける記述を残してください', 'keep the "id" each row carries while measuring'),
      });
    }
    return top;
  };
  const strategies = view.strategies.map((s, index) => {
    const first = s.rows[0]!.id;
    const rowTops = [...s.rows.map((r) => at(r.id)), at(`table-end:${first}`)];
    const rows: FlowRow[] = s.rows.map((r, i) => ({ height: rowTops[i + 1]! - rowTops[i]!, heading: isHeadingRow(r), bound: r.kind === 'goal' }));
    const header = rowTops[0]! - at(`head:${first}`);
    const context = at(`head:${first}`) - at(`context:${first}`);
    const pages = flowPages(rows, {
      page: PAGE.height - top! - bottom! - PAGE_SAFETY,
      first: at(`context:${first}`) - at(`top:${first}`) + header,
      continued: context + header,
      notes: at(`end:${first}`) - at(`table-end:${first}`),
    });
    return { ...s, pages: detailPages(s.rows, pages.map((p) => p[0]!), index === 0) };
  });
  return withPhrases((hb) => renderDefinition(hb, 'kpi-progress', { ...view, strategies }));
}

/**
 * The narrative in two passes, as the KPI report: each goal's rows measured, then its pages
 * chosen, each page with the goal's title bar (（続き） after the first) and the headings.
 */
async function narrativeDefinition(view: NarrativeView): Promise<Record<string, unknown>> {
  const measuringView = { ...view, measuring: true, goals: view.goals.map((g) => ({ ...g, pages: narrativePages(g, g.rows, []).map((p) => ({ ...p, breakBefore: false })) })) };
  const measuring = await withPhrases((hb) => renderDefinition(hb, 'narrative', measuringView));
  const [, top, , bottom] = measuring.pageMargins as number[];
  const tops = await measureTops(measuring, PAGE.width);
  const goals = view.goals.map((g) => {
    const first = g.rows[0]?.id;
    if (!first) return g;
    // A row with no text of its own (no bullet on either side) goes with the row before it.
    const rowTops = [...g.rows.map((r) => tops.get(r.id) ?? tops.get(`${r.id}:plan`)), tops.get(`end:${first}`)];
    const rows: FlowRow[] = g.rows.map((r, i) => {
      const next = rowTops.slice(i + 1).find((t) => t !== undefined);
      const own = rowTops[i];
      return own === undefined || next === undefined ? { height: 0, heading: false, bound: true } : { height: next - own, heading: false, bound: r.kind === 'measures' };
    });
    const above = (rowTops[0] ?? 0) - (tops.get(`top:${first}`) ?? 0);
    const pages = flowPages(rows, { page: PAGE.height - top! - bottom! - PAGE_SAFETY, first: above, continued: above, notes: 0 });
    return { ...g, pages: narrativePages(g, g.rows, pages.map((p) => p[0]!)) };
  });
  return withPhrases((hb) => renderDefinition(hb, 'narrative', { ...view, goals }));
}

/** Renders a year-over-year diff through templates/diff.hbs. */
export async function renderDiffPdf(diff: DocumentDiff, scheme: Scheme, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Promise<Uint8Array> {
  const definition = await withPhrases((hb) => renderDefinition(hb, 'diff', diffView(diff, scheme, options)));
  return print(stamped(forPaper(definition, options), optionsChangeBytes(options) ? { diff, options } : diff));
}

/** Renders a document to PDF bytes, byte-identical for identical documents. */
export async function renderPdf(doc: TasseiDocument, scheme: Scheme, evaluation?: Evaluation, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Promise<Uint8Array> {
  return print(await documentDefinition(doc, scheme, evaluation, options));
}
