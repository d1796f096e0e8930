import { createHash } from 'node:crypto';
import pdfmake from 'pdfmake';
import { evaluateDocument } from '../evaluate/evaluate.js';
import type { Scheme } from '../model/scheme.js';
import type { DocumentDiff, Evaluation, TasseiDocument } from '../model/types.js';
import { FONT_FAMILY, FONT_FILES, fontFile } from './fonts.js';
import { type PhraseCache, loadSegmenter, openPhraseCache } from './japanese.js';
import { allowTallRowsToBreak } from './printable.js';
import type Handlebars from 'handlebars';
import { renderDefinition, sharedEnvironment } from './templates.js';
import { diffView, kpiView, narrativeView } from './view.js';

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
const TABLE_LAYOUTS = {
  grid: GRID,
  narrative: {
    ...GRID,
    hLineWidth: (i: number, node: TableNode) => (node.table.body[i]?.[1]?.continued ? 0 : 0.5),
  },
};

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
export async function documentDefinition(doc: TasseiDocument, scheme: Scheme, evaluation?: Evaluation): Promise<Record<string, unknown>> {
  const definition = await withPhrases((hb) => (doc.kind === 'kpi-progress'
    ? renderDefinition(hb, 'kpi-progress', kpiView(doc, evaluation ?? evaluateDocument(doc, scheme), scheme))
    : renderDefinition(hb, 'narrative', narrativeView(doc))));
  return stamped(definition, doc);
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

/** Renders a year-over-year diff through templates/diff.hbs. */
export async function renderDiffPdf(diff: DocumentDiff, scheme: Scheme): Promise<Uint8Array> {
  return print(stamped(await withPhrases((hb) => renderDefinition(hb, 'diff', diffView(diff, scheme))), diff));
}

/** Renders a document to PDF bytes, byte-identical for identical documents. */
export async function renderPdf(doc: TasseiDocument, scheme: Scheme, evaluation?: Evaluation): Promise<Uint8Array> {
  return print(await documentDefinition(doc, scheme, evaluation));
}
