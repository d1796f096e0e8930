import { inflateSync, constants } from 'node:zlib';
import { type OperatorList, OPS, followText, samePlace } from './pdf-ops.js';

/**
 * The text a producer says its glyphs stand for (/ActualText of a marked-content span, PDF
 * 32000-1 §14.9.4), which pdf.js does not read. Chromium wraps a glyph its font shares between
 * characters in such a span and leaves it out of the font's character map: pdf.js then gives
 * nothing for − (U+2212) and — for ― (U+2015), so a legend loses its mark and a cell its dash.
 * Here the page's content streams are scanned for the spans, in order, so that the text pdf.js
 * gives inside each can be replaced by what the producer wrote (poppler does the same).
 */

/** A marked-content sequence opened by BMC or BDC, in the order of the content stream. */
export interface MarkedSpan {
  /** The span's /ActualText, or null where it has none (a tag, an MCID). */
  actualText: string | null;
}

/** pdf.js's reference to a page object. */
export interface ObjectRef {
  num: number;
  gen: number;
}

/** The span openings of a content stream, in order, each with its /ActualText (null where none). */
export function markedSpansOf(content: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let operand: string | null = null;
  let k = 0;
  const n = content.length;
  while (k < n) {
    const c = content[k]!;
    if (c === '%') {
      while (k < n && content[k] !== '\n' && content[k] !== '\r') k++;
    } else if (c === '(') {
      k = endOfLiteral(content, k);
      operand = null;
    } else if (c === '<' && content[k + 1] === '<') {
      const end = endOfDictionary(content, k);
      operand = content.slice(k, end);
      k = end;
    } else if (c === '<') {
      const end = content.indexOf('>', k);
      k = end < 0 ? n : end + 1;
      operand = null;
    } else if (/[A-Za-z'"]/.test(c)) {
      let end = k + 1;
      while (end < n && /[A-Za-z0-9*'"]/.test(content[end]!)) end++;
      const op = content.slice(k, end);
      if (op === 'BMC') spans.push({ actualText: null });
      else if (op === 'BDC') spans.push({ actualText: operand === null ? null : actualTextIn(operand) });
      else if (op === 'ID') end = endOfInlineImage(content, end);
      operand = null;
      k = end;
    } else k++;
  }
  return spans;
}

/** The index after a literal string opened at `start` (balanced parentheses, backslash escapes). */
function endOfLiteral(content: string, start: number): number {
  let depth = 0;
  for (let k = start; k < content.length; k++) {
    const c = content[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k + 1;
  }
  return content.length;
}

/** The index after a dictionary opened at `start` (nested dictionaries and strings inside). */
function endOfDictionary(content: string, start: number): number {
  let depth = 0;
  for (let k = start; k < content.length; k++) {
    if (content.startsWith('<<', k)) {
      depth++;
      k++;
    } else if (content.startsWith('>>', k)) {
      depth--;
      k++;
      if (depth === 0) return k + 1;
    } else if (content[k] === '(') k = endOfLiteral(content, k) - 1;
  }
  return content.length;
}

/** The index after an inline image's data (ID … EI): binary bytes that are no operators. */
function endOfInlineImage(content: string, from: number): number {
  const end = /\sEI(?=[\s]|$)/g;
  end.lastIndex = from;
  const found = end.exec(content);
  return found ? found.index + found[0].length : content.length;
}

/** The /ActualText of a property dictionary's text, decoded. */
export function actualTextIn(dictionary: string): string | null {
  const at = /\/ActualText\s*/.exec(dictionary);
  if (!at) return null;
  const from = at.index + at[0].length;
  if (dictionary[from] === '(') return decodePdfString(unescapeLiteral(dictionary.slice(from + 1, endOfLiteral(dictionary, from) - 1)));
  if (dictionary[from] === '<') {
    const hex = dictionary.slice(from + 1, dictionary.indexOf('>', from)).replace(/\s/g, '');
    const bytes = (hex.length % 2 === 0 ? hex : `${hex}0`).match(/../g) ?? [];
    return decodePdfString(bytes.map((b) => String.fromCharCode(parseInt(b, 16))).join(''));
  }
  return null;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

function unescapeLiteral(text: string): string {
  return text.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8) & 0xff) : (ESCAPES[e] ?? (e === '\n' || e === '\r' ? '' : e)),
  );
}

/** A text string's bytes (one a character): UTF-16BE after its byte-order mark, else as Latin-1 (PDFDocEncoding's printable part). */
function decodePdfString(bytes: string): string {
  if (bytes.startsWith('\xfe\xff')) {
    let text = '';
    for (let k = 2; k + 1 < bytes.length; k += 2) text += String.fromCharCode((bytes.charCodeAt(k) << 8) | bytes.charCodeAt(k + 1));
    return text;
  }
  return bytes;
}

/** A PDF's bytes as Latin-1, with where each object starts: indexed once for all its pages. */
export interface PdfFile {
  text: string;
  /** `num gen` → the offset after its `obj` (the last definition, as updates append). */
  objects: Map<string, number>;
}

export function pdfFileOf(bytes: Uint8Array): PdfFile {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const objects = new Map<string, number>();
  for (const m of text.matchAll(/(?:^|[^0-9])(\d+)\s+(\d+)\s+obj\b/g)) objects.set(`${m[1]} ${m[2]}`, m.index + m[0].length);
  return { text, objects };
}

/**
 * The content of a page as its streams hold it, read from the file's bytes: the page object
 * found by its number, its /Contents (a stream or an array of them), each stream inflated. Null
 * where that cannot be done simply (an object in an object stream, a filter other than Flate):
 * the page is then read as pdf.js gives it.
 */
export function pageContentOf(file: PdfFile, page: ObjectRef): string | null {
  const object = objectText(file, page);
  const contents = object && /\/Contents\s*(?:(\d+)\s+(\d+)\s+R|\[([^\]]*)\])/.exec(object);
  if (!contents) return null;
  const refs = contents[3] !== undefined ? [...contents[3].matchAll(/(\d+)\s+(\d+)\s+R/g)] : [contents];
  const streams = refs.map((r) => streamOf(file, { num: Number(r[1]), gen: Number(r[2]) }));
  return streams.every((s) => s !== null) ? streams.join('\n') : null;
}

/** The text of an object from `N G obj` to its `endobj`. */
function objectText(file: PdfFile, ref: ObjectRef): string | null {
  const start = file.objects.get(`${ref.num} ${ref.gen}`);
  if (start === undefined) return null;
  const end = file.text.indexOf('endobj', start);
  return file.text.slice(start, end < 0 ? file.text.length : end);
}

function streamOf(file: PdfFile, ref: ObjectRef): string | null {
  const object = objectText(file, ref);
  const opened = object && /^([\s\S]*?)\bstream\r?\n/.exec(object);
  if (!object || !opened) return null;
  const dictionary = opened[1]!;
  let data = object.slice(opened[0].length);
  const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dictionary);
  data = length ? data.slice(0, Number(length[1])) : data.replace(/\r?\n?endstream[\s\S]*$/, '');
  const filters = [...dictionary.matchAll(/\/(FlateDecode|[A-Za-z0-9]+Decode)\b/g)].map((m) => m[1]);
  if (filters.length === 0) return data;
  if (filters.length > 1 || filters[0] !== 'FlateDecode' || /\/DecodeParms/.test(dictionary)) return null;
  try {
    return inflateSync(Buffer.from(data, 'latin1'), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
  } catch {
    return null;
  }
}

/** Where a marked-content sequence first shows glyphs: as pdf.js would give them as a text item. */
export interface SpanPlace {
  /** pdf.js's transform of a text item there (user space). */
  transform: number[];
  /** The advance of the glyphs shown, in user space. */
  width: number;
}

/**
 * For each BMC or BDC of an operator list, in order, the place of the first glyphs shown inside
 * it, or null where none are: the text state followed as pdf.js's evaluator follows it.
 */
export function markedPlacesOf(ops: OperatorList): (SpanPlace | null)[] {
  const places: (SpanPlace | null)[] = [];
  const open: number[] = [];
  followText(ops, (fn, { shown }) => {
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
      open.push(places.length);
      places.push(null);
    } else if (fn === OPS.endMarkedContent) open.pop();
    else if (shown)
      for (const k of open) {
        if (places[k] !== null) continue;
        const { matrix, advance } = shown;
        places[k] = { transform: matrix, width: advance * Math.hypot(matrix[0], matrix[1]) };
      }
  });
  return places;
}

/** A text content item of pdf.js: text, or the opening or close of a marked-content sequence. */
export interface ContentItem {
  str?: string;
  transform?: number[];
  width?: number;
  type?: string;
}

const isOpening = (i: ContentItem) => i.type === 'beginMarkedContent' || i.type === 'beginMarkedContentProps';
const hasText = (i: ContentItem) => i.str !== undefined && i.str.trim() !== '';

/**
 * The items with each span's /ActualText in place of the text pdf.js gave inside it: the first
 * item's text becomes the span's, the others' empty. A span in which pdf.js gave no text (a glyph
 * it could not map) becomes an item of its own where its glyph was drawn (`places`, from the
 * operator list), or the start of the item drawn next where that stands at the same place (pdf.js
 * did not advance past the glyph). Spans that do not pair one to one with the items' marked
 * content (marked content inside a form) leave the items as they were.
 */
export function withActualText<T extends ContentItem>(items: readonly T[], spans: readonly MarkedSpan[], places: readonly (SpanPlace | null)[]): T[] {
  const opens = items.filter(isOpening).length;
  if (opens !== spans.length || places.length !== spans.length || spans.every((s) => s.actualText === null)) return [...items];
  const out: T[] = [];
  const stack: { span: number; from: number }[] = [];
  let opened = 0;
  // A lost glyph's text waiting for the item drawn at its place.
  let pending: { text: string; place: SpanPlace } | null = null;
  items.forEach((item, k) => {
    if (pending && hasText(item) && item.transform) {
      const { text, place } = pending;
      pending = null;
      if (samePlace(item.transform, place.transform)) {
        out.push({ ...item, str: text + item.str });
        return;
      }
      out.push({ ...item, str: text, transform: place.transform, width: place.width });
    }
    out.push(item);
    if (isOpening(item)) stack.push({ span: opened++, from: out.length });
    if (item.type !== 'endMarkedContent') return;
    const open = stack.pop();
    const text = open && spans[open.span]!.actualText;
    if (!open || text === null || text === undefined) return;
    const inside = out.slice(open.from).filter(hasText);
    if (inside.length > 0) {
      for (const [n, i] of inside.entries()) out[out.indexOf(i)] = { ...i, str: n === 0 ? text : '' };
      return;
    }
    const place = places[open.span];
    if (!place) return;
    const next = items.slice(k + 1).find((i) => hasText(i) || isOpening(i));
    if (next && hasText(next)) pending = { text, place };
    else out.push({ ...item, type: undefined, str: text, transform: place.transform, width: place.width });
  });
  return out;
}
