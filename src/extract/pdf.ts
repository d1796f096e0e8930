import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { restoreNativePush } from './native-push.js';
import './canvas-on-demand.js';
import { PDFParse } from 'pdf-parse';
import { failure } from '../model/messages.js';
import { t } from '../model/i18n.js';
import { type ObjectRef, type PdfFile, markedPlacesOf, markedSpansOf, pageContentOf, pdfFileOf, withActualText } from './actual-text.js';
import { DRAW, type HiddenText, type Matrix, type OperatorList, OPS, SAME_PLACE_PT, apply, followText, hiddenTextOf, multiply, samePlace } from './pdf-ops.js';

/**
 * The pdf.js adapter: each page as positioned glyph runs and ruling lines, in points with the
 * origin at the top left. Everything after this module is pure layout analysis.
 */

/** A run of text as pdf.js reports it: one font, one baseline. */
export interface TextRun {
  text: string;
  /** Left edge and baseline. */
  x: number;
  baseline: number;
  width: number;
  /** The font size (em) in points. */
  size: number;
  font: string;
  /**
   * Where each of its words (its text cut at spaces) starts and ends, from the glyphs the page drew:
   * pdf.js gives a run's two ends only, and the words between would be placed by estimate.
   * Absent where the glyphs could not be matched to the text.
   */
  words?: Array<[number, number]>;
}

/** A horizontal or vertical ruling line: a stroked segment or a thin filled rectangle. */
export interface Rule {
  /** For a horizontal rule: y, and x from..to; for a vertical one: x, and y from..to. */
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  horizontal: Rule[];
  vertical: Rule[];
  /**
   * Text set in another direction than the page's text (vertical writing, a stamp at an
   * angle), which the table reader cannot place: kept to be named in a warning, never lost unsaid.
   */
  unplaced?: string[];
  /** The quarter turns (0–3) the page was turned to read its text upright (a /Rotate or a rotated text matrix). */
  turned?: number;
}

/** Thicker than this (points) a filled rectangle is a cell background, not a rule. */
const MAX_RULE_THICKNESS = 2.5;
/** A segment shorter than this (points) is a tick or a glyph part, not a rule. */
const MIN_RULE_LENGTH = 4;
/** Fills this light (0..1) are backgrounds even where thin. */
const BACKGROUND_LUMINANCE = 0.9;

/**
 * Positions and sizes are kept to a hundredth of a point: pdf.js gives float noise beyond that,
 * which no layout decision needs, and the pages stay a short record (fixtures store them).
 */
const inHundredths = (x: number) => Math.round(x * 100) / 100 + 0;

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
/** CMaps let pdf.js decode CID fonts with predefined encodings (common in Japanese PDFs). */
const CMAP_URL = pathToFileURL(join(PDFJS_ROOT, 'cmaps') + '/').href;
const STANDARD_FONTS_URL = pathToFileURL(join(PDFJS_ROOT, 'standard_fonts') + '/').href;

/**
 * pdf.js's worker, run in this thread (as pdf.js does in Node), loaded here rather than by pdf.js
 * so that the engine's own Array.prototype.push can be given back after both halves of pdf.js
 * have loaded (each would replace it: native-push.ts).
 */
async function loadWorker(): Promise<void> {
  const global = globalThis as { pdfjsWorker?: unknown };
  if (global.pdfjsWorker) return;
  global.pdfjsWorker = await import(pathToFileURL(join(PDFJS_ROOT, 'legacy', 'build', 'pdf.worker.mjs')).href);
  restoreNativePush();
}

interface PdfJsPage {
  getViewport(o: { scale: number }): { width: number; height: number; transform: Matrix };
  getTextContent(o?: object): Promise<{
    items: Array<{ str?: string; transform?: Matrix; width?: number; height?: number; fontName?: string; type?: string; tag?: string }>;
  }>;
  /** The page object's number in the file. */
  ref?: ObjectRef;
  getOperatorList(): Promise<OperatorList>;
  cleanup(): void;
}

interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
}

const FILLS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKES: ReadonlySet<number> = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

function luminanceOf(args: unknown[]): number | null {
  const [first] = args;
  if (typeof first === 'string' && /^#[0-9a-f]{6}$/i.test(first)) {
    const v = parseInt(first.slice(1), 16);
    return (0.299 * ((v >> 16) & 255) + 0.587 * ((v >> 8) & 255) + 0.114 * (v & 255)) / 255;
  }
  const numbers = args.filter((a): a is number => typeof a === 'number');
  if (numbers.length === 1) return numbers[0]!;
  if (numbers.length === 3) return 0.299 * numbers[0]! + 0.587 * numbers[1]! + 0.114 * numbers[2]!;
  if (numbers.length === 4) return (1 - numbers[3]!) * (1 - (numbers[0]! + numbers[1]! + numbers[2]!) / 3);
  return null;
}

/** Outlines smaller than this (points) across, with curves or more corners than a box, are glyphs. */
const GLYPH_SIZE = 20;

/**
 * A subpath that is a letter drawn as an outline (as cairo draws text it cannot embed), not a
 * rule: curved, or with more corners than a rectangle, and small. Its straight strokes would
 * otherwise read as short rules through the text.
 */
function isGlyphOutline(points: ReadonlyArray<readonly [number, number]>, curved: boolean): boolean {
  // Corners counted once: a box drawn back to its start before closing is still four.
  if (!curved && new Set(points.map(([x, y]) => `${x},${y}`)).size <= 4) return false;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return Math.max(...xs) - Math.min(...xs) < GLYPH_SIZE && Math.max(...ys) - Math.min(...ys) < GLYPH_SIZE;
}

const ruleOf = (at: number, from: number, to: number): Rule => ({ at: inHundredths(at), from: inHundredths(from), to: inHundredths(to) });

/** Ruling lines from the operator list: stroked axis-aligned segments and thin filled rectangles. */
export function rulesOf(ops: OperatorList, viewport: Matrix): { horizontal: Rule[]; vertical: Rule[] } {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  let fillLuminance = 0;
  const addSegment = (x1: number, y1: number, x2: number, y2: number) => {
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x2 - x1) >= MIN_RULE_LENGTH) horizontal.push(ruleOf((y1 + y2) / 2, Math.min(x1, x2), Math.max(x1, x2)));
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y2 - y1) >= MIN_RULE_LENGTH) vertical.push(ruleOf((x1 + x2) / 2, Math.min(y1, y2), Math.max(y1, y2)));
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] ?? [];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.setFillGray || fn === OPS.setFillRGBColor || fn === OPS.setFillCMYKColor || fn === OPS.setFillColor)
      fillLuminance = luminanceOf(args) ?? fillLuminance;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (!data || !(FILLS.has(paint) || STROKES.has(paint))) continue;
      const toPage = multiply(viewport, ctm);
      const points: Array<[number, number]> = [];
      let curved = false;
      const flush = () => {
        if (points.length >= 2 && !isGlyphOutline(points, curved)) {
          if (FILLS.has(paint) && fillLuminance < BACKGROUND_LUMINANCE) addThinBox(points);
          if (STROKES.has(paint)) for (let k = 1; k < points.length; k++) addSegment(...points[k - 1]!, ...points[k]!);
        }
        points.length = 0;
        curved = false;
      };
      const addThinBox = (pts: Array<[number, number]>) => {
        const xs = pts.map((p) => p[0]);
        const ys = pts.map((p) => p[1]);
        const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (y2 - y1 <= MAX_RULE_THICKNESS && x2 - x1 >= MIN_RULE_LENGTH) horizontal.push(ruleOf((y1 + y2) / 2, x1, x2));
        else if (x2 - x1 <= MAX_RULE_THICKNESS && y2 - y1 >= MIN_RULE_LENGTH) vertical.push(ruleOf((x1 + x2) / 2, y1, y2));
      };
      for (let k = 0; k < data.length;) {
        const op = data[k++];
        if (op === DRAW.moveTo) {
          flush();
          points.push(apply(toPage, data[k++]!, data[k++]!));
        } else if (op === DRAW.lineTo) {
          points.push(apply(toPage, data[k++]!, data[k++]!));
        } else if (op === DRAW.curveTo) {
          curved = true;
          k += 4;
          points.push(apply(toPage, data[k++]!, data[k++]!));
        } else if (op === DRAW.closePath) {
          if (points.length > 0) points.push(points[0]!);
        } else break;
      }
      flush();
    }
  }
  return { horizontal, vertical };
}

type TextItems = Awaited<ReturnType<PdfJsPage['getTextContent']>>['items'];

/** The quarter turn (0–3) of a run's writing direction on the page as shown, or -1 for another angle. */
function quarterTurnOf(m: Matrix): number {
  const angle = (Math.atan2(m[1], m[0]) * 180) / Math.PI;
  const turn = Math.round(angle / 90);
  return Math.abs(angle - turn * 90) < 0.6 ? ((turn % 4) + 4) % 4 : -1;
}

/**
 * The quarter turns the page's text is written at, as shown: the turn of most of its text
 * (by characters, so that a stamp or a vertical caption does not decide).
 */
export function dominantTurn(items: TextItems, viewport: Matrix): number {
  const weight = [0, 0, 0, 0];
  for (const item of items) {
    if (!item.str?.trim() || !item.transform) continue;
    const turn = quarterTurnOf(multiply(viewport, item.transform));
    if (turn >= 0) weight[turn]! += item.str.length;
  }
  return weight.indexOf(Math.max(...weight));
}

/**
 * The font's name within its document: pdf.js prefixes its names with a count of the documents
 * it has loaded (`g_d75_f1`), which would make the same page read differently in another run.
 */
const fontOf = (name: string | undefined) => (name ?? '').replace(/^g_d\d+_/, '');

/** Glyph runs of a page in top-left coordinates, and the text written in other directions. */
function runsOf(items: TextItems, viewport: Matrix): { runs: TextRun[]; unplaced: string[] } {
  const runs: TextRun[] = [];
  const unplaced: string[] = [];
  for (const item of items) {
    if (!item.str || !item.transform) continue;
    const m = multiply(viewport, item.transform);
    // The larger of the two scales: pdf.js scales the height of a Type 3 font set at size 1 by
    // its glyphs' box (cairo sets every glyph in such a font, so '・' would be 2 pt next to 10).
    const size = Math.max(Math.hypot(m[0], m[1]), Math.hypot(m[2], m[3]));
    // Text in another direction (vertical writing, stamps) is not part of these tables.
    if (!isUpright(m)) {
      if (item.str.trim()) unplaced.push(item.str);
      continue;
    }
    runs.push({
      text: item.str,
      x: inHundredths(m[4]),
      baseline: inHundredths(m[5]),
      width: inHundredths(item.width ?? 0),
      size: inHundredths(size),
      font: fontOf(item.fontName),
    });
  }
  return { runs, unplaced };
}

/** A glyph as the page drew it (top-left coordinates): its characters, its left and right edges, its baseline. */
interface PlacedGlyph {
  text: string;
  x: number;
  right: number;
  baseline: number;
}

/** The glyphs of a page set upright, where the text state placed them; spaces left out. */
function glyphsOf(ops: OperatorList, viewport: Matrix): PlacedGlyph[] {
  const glyphs: PlacedGlyph[] = [];
  followText(ops, (_, { shown }) => {
    if (!shown) return;
    const m = multiply(viewport, shown.matrix);
    if (!isUpright(m)) return;
    for (const g of shown.glyphs) {
      if (g.unicode.trim() === '') continue;
      const [x, baseline] = apply(m, g.from, 0);
      glyphs.push({ text: g.unicode, x, right: apply(m, g.from + g.width, 0)[0], baseline });
    }
  });
  return glyphs.sort((a, b) => a.baseline - b.baseline || a.x - b.x);
}
/** Text turned further than this (rise over its size) is not set upright. */
const UPRIGHT_SLANT = 0.01;
/** Whether text placed by `m` (page space) reads left to right, upright. */
const isUpright = (m: Matrix) => m[0] > 0 && Math.abs(m[1]) <= UPRIGHT_SLANT * Math.max(Math.hypot(m[0], m[1]), Math.hypot(m[2], m[3]));
/** A glyph this close (em) to a run's baseline and ends is one of its glyphs. */
const GLYPH_FIT_EM = 0.15;

/**
 * Gives each run of several words the edges of its words, where the glyphs drawn at its baseline
 * between its ends spell its text: letter-spaced text (Chromium justifies a heading to its cell,
 * 現 状 値 2020 年 度 as one run) is then measured where it stands, its typed space too, not spread
 * evenly by estimate. Runs whose glyphs do not spell them (a glyph's text replaced, an accent) keep the estimate.
 */
export function withWordEdges(runs: TextRun[], glyphs: readonly PlacedGlyph[]): void {
  for (const run of runs) {
    const words = run.text.split(/\s+/).filter((w) => w !== '');
    if (words.length < 2) continue;
    const fit = GLYPH_FIT_EM * run.size;
    const inRun: PlacedGlyph[] = [];
    for (let k = firstAtOrBelow(glyphs, run.baseline - fit); k < glyphs.length && glyphs[k]!.baseline <= run.baseline + fit; k++) {
      const g = glyphs[k]!;
      if (g.x >= run.x - fit && g.right <= run.x + run.width + fit) inRun.push(g);
    }
    inRun.sort((a, b) => a.x - b.x);
    // A glyph drawn twice at one place (a bold set by overprinting) is one.
    const drawn = inRun.filter((g, k) => k === 0 || !overprints(inRun[k - 1]!, g));
    // Spelling the run and reaching its two ends: glyphs placed by another measure (a font's own matrix) are not trusted.
    if (drawn.map((g) => g.text).join('') !== words.join('') || Math.abs(drawn[0]!.x - run.x) > fit || Math.abs(drawn.at(-1)!.right - run.x - run.width) > fit)
      continue;
    const edges: Array<[number, number]> = [];
    let k = 0;
    for (const word of words) {
      const first = drawn[k]!;
      let spelled = 0;
      while (spelled < word.length) spelled += drawn[k++]!.text.length;
      // A glyph of two characters across a space (a ligature): the words cannot be placed apart.
      if (spelled !== word.length) break;
      edges.push([inHundredths(first.x), inHundredths(drawn[k - 1]!.right)]);
    }
    if (edges.length === words.length) run.words = edges;
  }
}

const overprints = (a: PlacedGlyph, b: PlacedGlyph) =>
  a.text === b.text && Math.abs(a.x - b.x) <= SAME_PLACE_PT && Math.abs(a.baseline - b.baseline) <= SAME_PLACE_PT;

/** The index of the first glyph on or below a baseline (glyphs sorted by baseline). */
function firstAtOrBelow(glyphs: readonly PlacedGlyph[], baseline: number): number {
  let [low, high] = [0, glyphs.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (glyphs[mid]!.baseline < baseline) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A text item this much wider (points) than the hidden text it starts with holds more: text drawn on after it, seen. */
const HIDDEN_WIDTH_PT = 0.5;

/** The items without those that show text their clip hides (hiddenTextOf), each started where such text is and no wider. */
function withoutHiddenText(items: TextItems, hidden: readonly HiddenText[]): TextItems {
  if (hidden.length === 0) return items;
  const isHidden = (item: TextItems[number]) =>
    item.transform !== undefined && hidden.some((h) => samePlace(item.transform!, h.transform) && (item.width ?? 0) <= h.width + HIDDEN_WIDTH_PT);
  return items.filter((item) => !isHidden(item));
}

/** Pages longer than this are not a report (the R1 sample has 8); beyond it, a wrong file or an attack. */
export const MAX_PAGES = 2000;

interface RotatablePage extends PdfJsPage {
  rotate: number;
  getViewport(o: { scale: number; rotation?: number }): { width: number; height: number; transform: Matrix };
}

/**
 * Reads one page upright: where its text runs sideways or upside down (a page turned by
 * /Rotate, or content drawn turned), the page is turned back so that the text reads left to
 * right, and the rules are taken in the same coordinates.
 */
async function readPage(page: RotatablePage, number: number, file: () => PdfFile): Promise<PageContent> {
  const text = await page.getTextContent({ disableNormalization: false, includeMarkedContent: true });
  const ops = await page.getOperatorList();
  // Spans that say what their glyphs stand for (Chromium's, for glyphs its fonts share between
  // characters): their text read from the page's content streams.
  if (page.ref && text.items.some((i) => i.type === 'beginMarkedContentProps' && i.tag === 'Span')) {
    const content = pageContentOf(file(), page.ref);
    if (content !== null) text.items = withActualText(text.items, markedSpansOf(content), markedPlacesOf(ops));
  }
  text.items = withoutHiddenText(text.items, hiddenTextOf(ops));
  let viewport = page.getViewport({ scale: 1 });
  const turn = dominantTurn(text.items, viewport.transform);
  if (turn !== 0) viewport = page.getViewport({ scale: 1, rotation: ((((page.rotate ?? 0) - turn * 90) % 360) + 360) % 360 });
  const { runs, unplaced } = runsOf(text.items, viewport.transform);
  withWordEdges(runs, glyphsOf(ops, viewport.transform));
  return {
    number,
    width: inHundredths(viewport.width),
    height: inHundredths(viewport.height),
    runs,
    ...rulesOf(ops, viewport.transform),
    unplaced,
    turned: turn,
  };
}

/**
 * Where pdf.js puts the fonts it would draw with: nowhere. In Node pdf.js disables font faces by
 * default, and its worker then turns every glyph shown on a page into a path and posts it, for a
 * canvas to draw (a sixth of reading the R1 sample); tassei never draws. With font faces on, each
 * font is handed to this document as a CSS rule instead, which it drops. Text and operator lists
 * are the same either way (checked on every PDF under test/fixtures).
 */
const NO_DRAWING = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
} as unknown as NonNullable<ConstructorParameters<typeof PDFParse>[0]['ownerDocument']>;

/** Reads a PDF into pages of runs and rules. Unreadable, encrypted or textless files fail here. */
export async function readPdf(data: Uint8Array, file: string): Promise<PageContent[]> {
  await loadWorker();
  // pdf.js hands the buffer to its worker, which leaves the caller's copy empty: give it its own.
  const parser = new PDFParse({
    data: new Uint8Array(data),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    verbosity: 0,
    disableFontFace: false,
    ownerDocument: NO_DRAWING,
  });
  try {
    let doc: PdfJsDocument;
    try {
      // PDFParse opens the document (with its exception mapping); its pdf.js document gives us
      // the positioned text and the operator lists that the text and table helpers flatten.
      doc = await (parser as unknown as { load(): Promise<PdfJsDocument> }).load();
    } catch (error) {
      throw openFailure(error, file);
    }
    if (doc.numPages > MAX_PAGES) {
      throw failure(
        file,
        'pdf-too-many-pages',
        t(`${doc.numPages} ページあり、報告書として多すぎます（上限 ${MAX_PAGES}）`, `${doc.numPages} pages: too many for a report (at most ${MAX_PAGES})`),
        { hint: t('報告書の PDF か確かめてください', "check that this is a report's PDF") },
      );
    }
    // The file's objects, indexed only for a page whose content has to be read again, and once.
    let indexed: PdfFile | undefined;
    const fileText = () => (indexed ??= pdfFileOf(data));
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let content: PageContent;
      try {
        const page = (await doc.getPage(n)) as RotatablePage;
        content = await readPage(page, n, fileText);
        page.cleanup();
      } catch (error) {
        throw pageFailure(error, file, n);
      }
      pages.push(content);
    }
    if (pages.every((p) => p.runs.every((r) => r.text.trim() === ''))) {
      if (pages.some((p) => (p.unplaced ?? []).length > 0)) {
        throw failure(
          file,
          'pdf-text-direction',
          t('文字はありますが、すべて横書きとして読めない向きです', 'the PDF has text, but none of it in a direction read as horizontal lines'),
          { hint: t('横書きの表として印刷し直してください', 'print it again as a horizontal table') },
        );
      }
      throw failure(file, 'pdf-no-text', t('PDF に文字の情報がありません（スキャンした画像でしょうか）', 'the PDF has no text layer (a scan or an image?)'), {
        hint: t(
          '表計算・ワープロ・ブラウザから PDF に保存したものを読みます。OCR をかけるか、YAML を使ってください',
          'tassei reads PDFs printed from a spreadsheet, word processor or browser; run OCR first or use the YAML',
        ),
      });
    }
    return pages;
  } finally {
    await parser.destroy();
  }
}

/** A page pdf.js cannot open: a damaged page tree (a page that holds itself), a missing object. */
function pageFailure(error: unknown, file: string, page: number) {
  const message = (error as { message?: string })?.message ?? String(error);
  return failure(file, 'pdf-page-unreadable', t(`ページを開けません: ${message}`, `the page cannot be opened: ${message}`), {
    page,
    hint: t('PDF が壊れています。元のファイルから PDF に印刷し直してください', 'the PDF is damaged; print it to a new PDF from the original'),
  });
}

function openFailure(error: unknown, file: string) {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return failure(file, 'pdf-encrypted', t('PDF にパスワードがかかっています', 'the PDF is encrypted with a password'), {
      hint: t('パスワードのない写し（PDF に印刷したもの）を指定します', 'save an unprotected copy (print to PDF) and give that'),
    });
  }
  if (name === 'InvalidPDFException' || /invalid pdf|no pdf header|PDF header/i.test(message)) {
    // pdf.js's own words (Invalid PDF structure.) are English: said in the reader's language instead.
    return failure(file, 'pdf-invalid', t('PDF として読めません（PDF ではないか、ファイルが途中で切れています）', `not a readable PDF (${message})`), {
      hint: t('PDF ファイルか、最後までコピーされているかを確かめます', 'check that the file is a PDF and was copied whole'),
    });
  }
  return failure(file, 'pdf-unreadable', t(`PDF を開けません: ${message}`, `pdf.js could not open the file: ${message}`), {
    hint: t('元のファイルから PDF に印刷し直してみます', 'try printing it to a new PDF'),
  });
}
