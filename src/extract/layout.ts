import type { PageContent, Rule, TextRun } from './pdf.js';

/**
 * From glyph runs to phrases and lines: the layout every table reader starts from. Pure.
 */

/**
 * Runs closer than this (in em) on one baseline are one phrase. Small, so that the texts of
 * two cells never make one phrase; a cell's phrases are joined again when the row is read.
 */
export const PHRASE_GAP_EM = 0.3;
/** A gap this wide (in em) between runs of a phrase was a space. */
export const SPACE_GAP_EM = 0.2;
/** Baselines closer than this (in em) are one line. */
export const LINE_BASELINE_EM = 0.3;

/** Contiguous text on one baseline, not crossing a vertical rule. */
export interface Phrase {
  text: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
}

export interface Line {
  phrases: Phrase[];
  baseline: number;
  /** Top and bottom of the glyph boxes (approximated from the font size). */
  top: number;
  bottom: number;
  size: number;
  x: number;
  right: number;
  text: string;
}

/**
 * Kangxi radicals (U+2F00–2FDF) and CJK compatibility ideographs that PDF fonts map glyphs to,
 * back to the ordinary kanji (NFKC knows these).
 */
const LOOKALIKE_KANJI = /[\u2F00-\u2FDF\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}]/gu;

/**
 * Code points that a font's one glyph is shared with, which a producer's ToUnicode map may
 * choose instead of the one the author typed (Skia with Noto CJK does): CJK radicals that are
 * also kanji, and punctuation that Japanese text writes in another form. NFKC does not map
 * these, so they are listed.
 */
const SHARED_GLYPHS: Readonly<Record<string, string>> = {
  '⺠': '民', '⻄': '西', '⻑': '長', '⻘': '青', '⻝': '食', '⻤': '鬼', '⻩': '黄', '⻭': '歯',
  '⺟': '母', '⻲': '亀', '⻁': '虎', '⻆': '角', '⻨': '麦', '⻫': '斉', '⻯': '竜', '⻟': '飠',
  '‧': '・', '〜': '～', '∕': '／', '−': '－',
};
const SHARED_GLYPH_PATTERN = new RegExp(`[${Object.keys(SHARED_GLYPHS).join('')}]`, 'gu');

/** Undoes what glyph-to-text mapping does to Japanese text; widths stay as printed. */
export function normalizeGlyphs(text: string): string {
  return text.replace(LOOKALIKE_KANJI, (c) => c.normalize('NFKC')).replace(SHARED_GLYPH_PATTERN, (c) => SHARED_GLYPHS[c]!);
}

function crossesRule(left: number, right: number, baseline: number, size: number, vertical: readonly Rule[]): boolean {
  return vertical.some((r) => r.at > left + 0.5 && r.at < right - 0.5 && r.from <= baseline && r.to >= baseline - size * 0.7);
}

/** Merges runs into phrases: same baseline, small gaps, no rule in between. */
export function phrasesOf(runs: readonly TextRun[], vertical: readonly Rule[] = []): Phrase[] {
  const sorted = runs
    .filter((r) => r.text.trim() !== '')
    .map((r) => ({ ...r, text: normalizeGlyphs(r.text) }))
    .sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const phrases: Phrase[] = [];
  const open: Phrase[] = [];
  for (const run of sorted) {
    const size = run.size;
    const candidate = open.find((p) =>
      Math.abs(p.baseline - run.baseline) <= LINE_BASELINE_EM * Math.max(p.size, size) &&
      run.x - p.right <= PHRASE_GAP_EM * Math.max(p.size, size) &&
      run.x - p.right >= -0.5 * size &&
      !crossesRule(p.right - 0.1, run.x + 0.1, run.baseline, size, vertical));
    const text = run.text.replace(/^\s+|\s+$/g, (s) => (s.length > 0 ? ' ' : ''));
    if (candidate) {
      const gap = run.x - candidate.right;
      const needsSpace = gap >= SPACE_GAP_EM * size && !candidate.text.endsWith(' ') && !text.startsWith(' ');
      candidate.text += (needsSpace ? ' ' : '') + text;
      candidate.right = Math.max(candidate.right, run.x + run.width);
      candidate.size = Math.max(candidate.size, size);
    } else {
      const phrase = { text, x: run.x, right: run.x + run.width, baseline: run.baseline, size };
      phrases.push(phrase);
      open.push(phrase);
      // Only phrases near the current baseline can still grow.
      while (open.length > 0 && run.baseline - open[0]!.baseline > 2 * size) open.shift();
    }
  }
  for (const p of phrases) p.text = p.text.trim();
  return phrases.filter((p) => p.text !== '');
}

/** Groups phrases into lines by baseline, each sorted left to right. */
export function linesOf(phrases: readonly Phrase[]): Line[] {
  const sorted = [...phrases].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: Phrase[][] = [];
  for (const p of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0]!.baseline - p.baseline) <= LINE_BASELINE_EM * Math.max(last[0]!.size, p.size)) last.push(p);
    else lines.push([p]);
  }
  return lines.map(makeLine);
}

export function makeLine(phrases: Phrase[]): Line {
  const sorted = [...phrases].sort((a, b) => a.x - b.x);
  const size = Math.max(...sorted.map((p) => p.size));
  const baseline = sorted.reduce((s, p) => s + p.baseline, 0) / sorted.length;
  return {
    phrases: sorted, baseline, size,
    top: baseline - size * 0.88, bottom: baseline + size * 0.12,
    x: sorted[0]!.x, right: Math.max(...sorted.map((p) => p.right)),
    text: sorted.map((p) => p.text).join(' '),
  };
}

/** `1 / 8`, `- 2 -`, `2`, `p. 3`, `2/8`: a page number by itself. */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:p\.?\s*)?\d{1,4}(?:\s*[/／]\s*\d{1,4})?(?:\s*[-–—])?$/i;
/** Page furniture is looked for this far (fraction of the page height) from the top or bottom. */
const MARGIN_FRACTION = 0.12;

/**
 * Page headers and footers: page numbers, and lines that repeat at the same place on several
 * pages, in the top and bottom margins (`keep` spares lines such as repeated table headings).
 * Only the margins: a data row can stand at the same place on two pages.
 */
export function furnitureOf(pages: readonly { height: number; lines: Line[] }[], keep: (line: Line) => boolean): Set<Line> {
  const furniture = new Set<Line>();
  const seen = new Map<string, number>();
  const key = (l: Line) => `${l.text.replace(/\s+/g, '')}@${Math.round(l.baseline / 4)}`;
  for (const page of pages) for (const l of page.lines) seen.set(key(l), (seen.get(key(l)) ?? 0) + 1);
  for (const page of pages) {
    for (const l of page.lines) {
      const inMargin = l.baseline < page.height * MARGIN_FRACTION || l.baseline > page.height * (1 - MARGIN_FRACTION);
      if (!inMargin) continue;
      if (PAGE_NUMBER.test(l.text.trim()) || ((seen.get(key(l)) ?? 0) >= 2 && !keep(l))) furniture.add(l);
    }
  }
  return furniture;
}

/** A page as lines, ready for the table readers. */
export interface LaidOutPage {
  number: number;
  width: number;
  height: number;
  lines: Line[];
  horizontal: Rule[];
  vertical: Rule[];
}

export function layOut(page: PageContent): LaidOutPage {
  return {
    number: page.number, width: page.width, height: page.height,
    lines: linesOf(phrasesOf(page.runs, page.vertical)),
    horizontal: page.horizontal, vertical: page.vertical,
  };
}

/**
 * The document title: the phrases in the largest type on the first page, on the top-most line
 * that has any (a page header may share its line with a table's headings).
 */
export function titleOf(page: LaidOutPage): string {
  const phrases = page.lines.flatMap((l) => l.phrases).filter((p) => !PAGE_NUMBER.test(p.text));
  const largest = Math.max(...phrases.map((p) => p.size));
  const top = phrases.filter((p) => p.size >= largest - 0.3).sort((a, b) => a.baseline - b.baseline)[0];
  if (!top) return '';
  const line = page.lines.find((l) => l.phrases.includes(top))!;
  return line.phrases.filter((p) => p.size >= largest - 0.3).map((p) => p.text).join(' ').replace(/\s+/g, ' ').trim();
}

/** Joins wrapped lines of one cell: no space between Japanese, a space between Latin words. */
export function joinWrapped(parts: readonly string[]): string {
  let text = '';
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (text && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(part)) text += ' ';
    text += part;
  }
  return text;
}
