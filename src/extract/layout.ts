import { eastAsianWidth } from 'get-east-asian-width';
import { readBanner } from './hierarchy.js';
import { bareYear, headingWord, yearOfHeading } from './roles.js';
import type { PageContent, Rule, TextRun } from './pdf.js';
import { GLYPH_BOX_EM } from './pdf-ops.js';

/**
 * From glyph runs to phrases and lines: the layout every table reader starts from. Pure.
 */

/**
 * Runs closer than this (in em) on one baseline are one phrase. Small, so that the texts of
 * two cells never make one phrase; a cell's phrases are joined again when the row is read.
 */
export const PHRASE_GAP_EM = 0.5;
/**
 * A gap this wide (in em) between runs of a phrase was a space. Typed spaces leave 0.22–0.33
 * em in Japanese fonts; LibreOffice's automatic spacing between Japanese and Latin text
 * measures 0.2 em and is not a character.
 */
export const SPACE_GAP_EM = 0.22;
/** Positions and sizes are read to a hundredth of a point (pdf.ts): a gap measured from them may be this much off. */
const ROUNDED_POSITION_PT = 0.015;
/** A run of white space at most this wide (in em) is a typed space, not a gap filled to a tab stop. */
const TYPED_SPACE_EM = 0.6;
/** A typed space fills a gap when its ends lie within this (in em) of the runs on either side. */
const SPACE_FIT_EM = 0.05;
/** A Western character: automatic spacing stands between it and Japanese text. */
const WESTERN = /[\x21-\x7E\u00A0-\u024F]/;
/** Type sizes closer than this (points) are one size. */
export const SAME_SIZE = 0.3;
/** Larger type may differ by this share of its size and still be one size (Type 3 fonts of one glyph each, as cairo sets text, come out a few per cent apart). */
const SAME_SIZE_SHARE = 0.05;

/** Whether two type sizes are one size. */
export function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(SAME_SIZE, SAME_SIZE_SHARE * Math.max(a, b));
}
/** Baselines closer than this (in em) are one line. */
export const LINE_BASELINE_EM = 0.3;

/** Contiguous text on one baseline, not crossing a vertical rule. */
export interface Phrase {
  text: string;
  x: number;
  right: number;
  baseline: number;
  size: number;
  /** The runs it was made of (text with the space put before it, if any), to split it again. */
  parts: { text: string; x: number; right: number }[];
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
  '⺠': '民',
  '⻄': '西',
  '⻑': '長',
  '⻘': '青',
  '⻝': '食',
  '⻤': '鬼',
  '⻩': '黄',
  '⻭': '歯',
  '⺟': '母',
  '⻲': '亀',
  '⻁': '虎',
  '⻆': '角',
  '⻨': '麦',
  '⻫': '斉',
  '⻯': '竜',
  '⻟': '飠',
  '‧': '・',
  '〜': '～',
  '∕': '／',
  '−': '－',
};
const SHARED_GLYPH_PATTERN = new RegExp(`[${Object.keys(SHARED_GLYPHS).join('')}]`, 'gu');

/** Undoes what glyph-to-text mapping does to Japanese text; widths stay as printed. */
export function normalizeGlyphs(text: string): string {
  return text.replace(LOOKALIKE_KANJI, (c) => c.normalize('NFKC')).replace(SHARED_GLYPH_PATTERN, (c) => SHARED_GLYPHS[c]!);
}

/** A run, or a word of one; `continues` where it follows a word of the same run. */
export type Word = TextRun & { continues?: true };

/**
 * How far apart (in em) the words of one run may be estimated and still read as one phrase:
 * pdf.js joined them, so they were less than about 0.6 em apart; the rest is the estimate's error.
 */
const SAME_RUN_GAP_EM = 1;

/**
 * Width of a character (one code point, as `[...text]` gives them) in em, as Japanese fonts draw
 * it: full-width 1, other characters about half. Characters of ambiguous width (■, ①, △, ×, ※)
 * are full-width in a Japanese font; a mark, a control or a format character takes none.
 *
 * This is string-width's answer for one code point (ambiguous as wide), read from the East Asian
 * width alone: its grapheme and emoji tests decide nothing for one code point (every emoji of one
 * is wide by its East Asian width), and loading them (an Intl.Segmenter, an emoji expression)
 * took 25–50 ms of each extraction's process. layout.test.ts compares the two.
 */
export function emWidth(char: string): number {
  const code = char.codePointAt(0);
  return code !== undefined && eastAsianWidth(code, { ambiguousAsWide: true }) >= 2 && PRINTS.test(char) ? 1 : HALF_WIDTH_EM;
}
/** A character that is drawn, as string-width tells it: not a mark, a control, a format or an ignorable character. */
const PRINTS = /^[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;
/** A half-width character's width in em (the digits of Japanese fonts; Latin letters average about this). */
const HALF_WIDTH_EM = 0.5;

/** Characters that may not open a line (禁則): they go down with the character before them. */
export const CANNOT_START = /[)）」』】〕〉》、。，．,.・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ%％]/u;

/** Width of a text in em, by its characters (emWidth). */
export function textEmWidth(text: string): number {
  return [...text].reduce((w, c) => w + emWidth(c), 0);
}

/**
 * A run cut at its spaces into the words it holds, each placed where it was drawn. pdf.js joins
 * glyphs drawn less than about 0.6 em apart into one run, with a space for the gap: so the texts of
 * two cells set close together (no padding, or a producer that sets a line in one go, as
 * PostScript printers do) come as one run. Where the page's glyphs told each word's edges
 * (TextRun.words), the words stand there; else only the run's two ends are known: the first word is
 * placed at its left end, the last at its right end, and words between by the widths of their
 * characters, the spaces taking what the words leave.
 */
export function wordsOfRun(run: TextRun): Word[] {
  const words = run.text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return [run];
  const { words: edges, ...single } = run;
  const widths = words.map((w) => [...w].reduce((sum, c) => sum + emWidth(c), 0) * run.size);
  const drawn = widths.reduce((a, b) => a + b, 0);
  // The estimate scaled down where it is wider than the run (a narrow font): never past its ends.
  const scale = Math.min(1, (run.width * 0.98) / drawn);
  const gap = (run.width - drawn * scale) / (words.length - 1);
  let x = run.x;
  return words.map((text, i) => {
    const width = widths[i]! * scale;
    const edge = edges?.length === words.length ? edges[i]! : undefined;
    // A word after a space keeps it: the space was typed, whatever width it is estimated at.
    const word = {
      ...single,
      text: i === 0 ? text : ` ${text}`,
      x: edge ? edge[0] : i === words.length - 1 ? run.x + run.width - width : x,
      width: edge ? edge[1] - edge[0] : width,
      ...(i > 0 ? { continues: true as const } : {}),
    };
    x += width + gap;
    return word;
  });
}

/** Whether a vertical rule stands between two phrases on a line, `left` before `right` (a tenth of a point inside each, for rounding). */
const ruleBetween = (left: { right: number }, right: { x: number; baseline: number; size: number }, vertical: readonly Rule[]) =>
  crossesRule(left.right - 0.1, right.x + 0.1, right.baseline, right.size, vertical);

function crossesRule(left: number, right: number, baseline: number, size: number, vertical: readonly Rule[]): boolean {
  return vertical.some((r) => r.at > left + 0.5 && r.at < right - 0.5 && r.from <= baseline && r.to >= baseline - size * 0.7);
}

/**
 * Merges runs into phrases: runs on one baseline (within a tolerance, for fallback fonts that
 * sit a little higher), of one type size, left to right, with small gaps and no rule in
 * between.
 */
export function phrasesOf(runs: readonly TextRun[], vertical: readonly Rule[] = []): Phrase[] {
  const sorted: Word[] = runs
    .flatMap(wordsOfRun)
    .filter((r) => r.text.trim() !== '')
    .map((r) => ({ ...r, text: normalizeGlyphs(r.text) }))
    .sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  // A typed space that pdf.js gave as a run of its own, filling the gap between two runs, joins
  // them as one text however wide the font sets a space (half an em in a monospaced font).
  const spaces = runs.filter((r) => r.text.trim() === '' && r.text !== '' && r.width <= TYPED_SPACE_EM * r.size).sort((a, b) => a.baseline - b.baseline);
  let firstSpace = 0;
  const rough: Word[][] = [];
  for (const run of sorted) {
    const line = rough.at(-1);
    if (line && Math.abs(line[0]!.baseline - run.baseline) <= LINE_BASELINE_EM * Math.max(line[0]!.size, run.size)) line.push(run);
    else rough.push([run]);
  }
  const phrases: Phrase[] = [];
  for (const line of rough) {
    // Several phrases may be open at once: a page header printed over a table's headings
    // interleaves with them, in another type size.
    const open: Phrase[] = [];
    const baseline = line[0]!.baseline;
    // Lines come top to bottom: the spaces above this one are passed for good.
    while (firstSpace < spaces.length && spaces[firstSpace]!.baseline < baseline - LINE_BASELINE_EM * spaces[firstSpace]!.size) firstSpace++;
    const spacesHere: TextRun[] = [];
    for (let k = firstSpace; k < spaces.length && spaces[k]!.baseline <= baseline + LINE_BASELINE_EM * spaces[k]!.size; k++) spacesHere.push(spaces[k]!);
    const spaced = (from: number, to: number, size: number) =>
      spacesHere.some((r) => Math.abs(r.x - from) <= SPACE_FIT_EM * size && Math.abs(r.x + r.width - to) <= SPACE_FIT_EM * size);
    // A space set narrower than the gap it stands in (a PDF printed again through cairo keeps the
    // space but positions the next glyph itself) is typed where it stands between two Japanese
    // characters: LibreOffice writes its automatic spacing between Japanese and Western text as a
    // space too, so there only the gap tells.
    const typedWithin = (before: string, after: string, from: number, to: number, size: number) =>
      !WESTERN.test(before.slice(-1)) &&
      !WESTERN.test(after.charAt(0)) &&
      spacesHere.some((r) => Math.abs(r.x - from) <= SPACE_FIT_EM * size && r.x + r.width <= to + SPACE_FIT_EM * size);
    // By the middle of each run: a bracket set half an em into its neighbour still reads after it.
    for (const run of line.sort((a, b) => a.x + a.width / 2 - (b.x + b.width / 2))) {
      const text = run.text.replace(/\s+/g, ' ');
      const fits = (p: Phrase) => {
        const size = Math.max(run.size, p.size);
        const gap = run.x - p.right;
        // Half-width punctuation may overlap its neighbour a little: still one phrase.
        // Positions and sizes come rounded to a hundredth of a point: a gap of just that width may measure a hair wider
        // (cairo's 基準値 | H26, a typed half-width space: 4.00 pt at 7.99 pt).
        const widest = (run.continues ? SAME_RUN_GAP_EM : PHRASE_GAP_EM) * size + ROUNDED_POSITION_PT;
        return (
          sameSize(run.size, p.size) &&
          (gap <= widest || spaced(p.right, run.x, size)) &&
          gap >= -0.6 * size &&
          !crossesRule(p.right - 0.1, run.x + 0.1, run.baseline, size, vertical)
        );
      };
      const phrase = open.filter(fits).sort((a, b) => Math.abs(run.x - a.right) - Math.abs(run.x - b.right))[0];
      if (phrase) {
        const gap = run.x - phrase.right;
        const size = Math.max(run.size, phrase.size);
        const needsSpace =
          (gap >= SPACE_GAP_EM * size || typedWithin(phrase.text, text, phrase.right, run.x, size)) && !phrase.text.endsWith(' ') && !text.startsWith(' ');
        phrase.text += (needsSpace ? ' ' : '') + text;
        phrase.parts.push({ text: (needsSpace ? ' ' : '') + text, x: run.x, right: run.x + run.width });
        phrase.right = Math.max(phrase.right, run.x + run.width);
        phrase.size = Math.max(phrase.size, run.size);
      } else {
        const created = {
          text,
          x: run.x,
          right: run.x + run.width,
          baseline: run.baseline,
          size: run.size,
          parts: [{ text, x: run.x, right: run.x + run.width }],
        };
        phrases.push(created);
        open.push(created);
      }
    }
  }
  for (const p of phrases) p.text = p.text.replace(/\s+/g, ' ').trim();
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
    phrases: sorted,
    baseline,
    size,
    top: baseline - size * GLYPH_BOX_EM[1],
    bottom: baseline - size * GLYPH_BOX_EM[0],
    x: sorted[0]!.x,
    right: Math.max(...sorted.map((p) => p.right)),
    text: sorted.map((p) => p.text).join(' '),
  };
}

/**
 * `1 / 8`, `- 2 -`, `2`, `p. 3`, `2/8`: a page number by itself. Dashes set one either side
 * (`- 2 -`); a dash on one side only is a count table's row (its mark - for 横ばい and its
 * count, `- 2`) that a page break set at the next page's top.
 */
const PAGE_NUMBER = /^(?:[-–—]\s*(?:p\.?\s*)?\d{1,4}(?:\s*[/／]\s*\d{1,4})?\s*[-–—]|(?:p\.?\s*)?\d{1,4}(?:\s*[/／]\s*\d{1,4})?)$/i;
/** A page number that is a number alone: `2`. */
const BARE_NUMBER = /^\d{1,4}$/;
/** Page numbers of a document stand within this (points) of one place. */
const PAGE_NUMBER_PLACE = 12;
/** Furniture repeats on at least this share of the pages (and on two). */
const REPEATED_FRACTION = 0.6;
/** Numbers repeat at one place by chance (a count of 0 in the first row of two pages). */
const NUMERIC = /^[\d\s.,%△▲()-]+$/;
/** A figure with its unit glued (10.8人, 11.4人/年, 8,659‰(H30)): a table row's value, as a bare number is; a page's count (3頁, 1/8) is none. */
const FIGURE_WITH_UNIT = /^[△▲-]?\d[\d,.]*[^\d\s.,()（）/／-][^\d\s()（）]{0,3}(?:[(（][^()（）]{1,8}[)）])?$/;
const PAGE_WORD = /頁|ページ|枚/;
/** A cell's next line stands at most this far (em, baseline to baseline) under its line. */
const CELL_GOES_ON_EM = 2;
/** Lines of one cell start within this (points) of one another. */
const SAME_START = 1;
/** Page furniture is looked for this far (fraction of the page height) from the top or bottom. */
const MARGIN_FRACTION = 0.12;

/**
 * Page headers and footers, as phrases: page numbers, and text that repeats at the same place
 * on several pages, in the top and bottom margins. Only the margins, as a data row can stand at
 * the same place on two pages; and not on or beside a table's heading lines (`keep`), which
 * repeat on every page too. A footer printed over a table row is found all the same.
 */
export function furnitureOf(pages: readonly { height: number; lines: Line[]; horizontal?: readonly Rule[] }[], keep: (line: Line) => boolean): Set<Phrase> {
  const furniture = new Set<Phrase>();
  const seen = new Map<string, number>();
  const key = (p: Phrase) => `${p.text.replace(/\s+/g, '')}@${Math.round(p.x / 4)},${Math.round(p.baseline / 4)}`;
  for (const page of pages) for (const l of page.lines) for (const p of l.phrases) seen.set(key(p), (seen.get(key(p)) ?? 0) + 1);
  // A bare number is a page number only where one stands at that place on other pages too: a
  // table row may reach into the margin with a lone value in it.
  const bareNumbers = pages.flatMap((page) => page.lines.filter((l) => BARE_NUMBER.test(l.text.trim()) && inMargin(l, page)));
  const numbered = (l: Line) =>
    !BARE_NUMBER.test(l.text.trim()) ||
    pages.length === 1 ||
    bareNumbers.filter(
      (o) => Math.abs((o.x + o.right) / 2 - (l.x + l.right) / 2) <= PAGE_NUMBER_PLACE && Math.abs(o.baseline - l.baseline) <= PAGE_NUMBER_PLACE,
    ).length >= 2;
  for (const page of pages) {
    const kept = page.lines.filter(keep);
    // A line close to a table heading may be part of that heading (a wrapped `重点戦／略`).
    const nearHeading = (l: Line) => kept.some((k) => Math.abs(k.baseline - l.baseline) <= 2 * Math.max(k.size, l.size));
    // A phrase whose text goes on in the line under it, where it starts, a cell's line pitch below
    // (pdfmake's 1.6 em) and no rule between, in words found there on no other page, is a cell's
    // first line: a grouping cell's number (個別施策(1) over ふるさと納税, at a continued table's top
    // on two pages), a comment block's heading over its text (≪成果と見直し≫), not a running header,
    // which stands apart. A running title set larger, or elsewhere, stays furniture.
    const ruledBetween = (upper: Line, lower: Line, x: number) =>
      (page.horizontal ?? []).some((r) => r.at > upper.bottom && r.at < lower.top && r.from <= x && r.to >= x);
    const goesOnBelow = (l: Line, p: Phrase) =>
      page.lines.some(
        (o) =>
          o.baseline > l.baseline &&
          o.baseline - l.baseline <= CELL_GOES_ON_EM * p.size &&
          !ruledBetween(l, o, p.x) &&
          o.phrases.some((q) => Math.abs(q.x - p.x) <= SAME_START && sameSize(q.size, p.size) && (seen.get(key(q)) ?? 0) < 2),
      );
    const furnitureOfLine = (l: Line): Phrase[] => {
      const heading = nearHeading(l);
      const pageNumber = PAGE_NUMBER.test(l.text.trim()) && numbered(l);
      const found = l.phrases.filter((p) => {
        const repeated = (seen.get(key(p)) ?? 0) >= Math.max(2, Math.ceil(REPEATED_FRACTION * pages.length));
        // A label beside numbers of its own size is a table row (基本目標 of a summary at the
        // top of every page), not a footer printed over one; so is a mark beside figures with
        // their units (⑮ … 16.1人 B 子育て支援課: a grade at one place on two pages' first rows).
        const figure = (q: Phrase) => NUMERIC.test(q.text) || (FIGURE_WITH_UNIT.test(q.text.normalize('NFKC').trim()) && !PAGE_WORD.test(q.text));
        const rowLabel = l.phrases.some((q) => q !== p && figure(q) && Math.abs(q.size - p.size) <= SAME_SIZE);
        return pageNumber || (repeated && !heading && !rowLabel && !goesOnBelow(l, p) && !NUMERIC.test(p.text));
      });
      // A level's numbered label (■施策①, 基本的方向1) beside text of its size that is no furniture
      // is a grouping cell's first line, its title wrapped under it: the table's pages begin alike
      // at that level, so the label stands at one place on them.
      return found.filter((p) => !(readBanner(p.text) !== null && l.phrases.some((q) => !found.includes(q) && sameSize(q.size, p.size))));
    };
    // Furniture stands at the page's edge: from the top down, and from the bottom up, the lines
    // before the first that is none. A comment wrapped alike in the first row of every page
    // (今後も | 関係機 | 関と連携) stands under the header and that row's figures, and is kept.
    const fromTop = page.lines.filter((l) => inMargin(l, page) && l.baseline < page.height / 2);
    const fromBottom = page.lines.filter((l) => inMargin(l, page) && l.baseline >= page.height / 2).reverse();
    // Nor is a line with a rule across it on the page's inner side (a rule under it at the foot, over
    // it at the top): it stands inside a ruled table (公共 | 交通, a name's lines at a page's last
    // row, at one place on two pages by chance); a footer stands below the table's last rule.
    const ruledInward = (l: Line, atFoot: boolean) =>
      (page.horizontal ?? []).some((r) => r.from <= l.x && r.to >= l.right && (atFoot ? r.at > l.bottom : r.at < l.top));
    for (const edge of [fromTop, fromBottom]) {
      for (const l of edge) {
        const found = furnitureOfLine(l);
        if (found.length === 0 || ruledInward(l, edge === fromBottom)) break;
        for (const p of found) furniture.add(p);
      }
    }
    // A page number set apart from figures (- 1 -, 1 / 8, p. 3) is one wherever it stands in the
    // margin: a grouping cell's text that runs past the page's foot may stand under it (pdfmake).
    for (const l of [...fromTop, ...fromBottom])
      if (PAGE_NUMBER.test(l.text.trim()) && !BARE_NUMBER.test(l.text.trim())) for (const p of l.phrases) furniture.add(p);
  }
  return furniture;
}

function inMargin(l: Line, page: { height: number }): boolean {
  return l.baseline < page.height * MARGIN_FRACTION || l.baseline > page.height * (1 - MARGIN_FRACTION);
}

/** A page's lines without the furniture phrases; lines left empty are dropped. */
export function withoutFurniture(lines: readonly Line[], furniture: ReadonlySet<Phrase>): Line[] {
  return lines.flatMap((l) => {
    if (!l.phrases.some((p) => furniture.has(p))) return [l];
    const rest = l.phrases.filter((p) => !furniture.has(p));
    return rest.length > 0 ? [makeLine(rest)] : [];
  });
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
  const lines = withLetterSpacingJoined(linesOf(phrasesOf(page.runs, page.vertical)), page.vertical);
  return {
    number: page.number,
    width: page.width,
    height: page.height,
    lines,
    horizontal: withoutUnderlines(page.horizontal, lines),
    vertical: page.vertical,
  };
}

/** An underline lies this close under its text's baseline (in em): Writer's, 0.06-0.13 em. */
const UNDERLINE_EM = 0.2;
/** An underline starts this close to where its text starts (points). */
const UNDERLINE_START = 0.3;

/**
 * The page's horizontal rules without its text's underlines: Writer underlines a heading it
 * justifies to its cell (text-align-last: justify), a stroke just under the baseline from the
 * first character on (0.4-1.1 pt under it), and, under the headings of a whole row, such strokes
 * had closed the header between a heading and the year set under it (従前値 | 令和2年度). A cell's
 * border stands clear of its text's descenders, beside its padding.
 */
function withoutUnderlines(horizontal: readonly Rule[], lines: readonly Line[]): Rule[] {
  return horizontal.filter(
    (r) =>
      !lines.some(
        (l) =>
          r.at > l.baseline &&
          r.at <= l.baseline + UNDERLINE_EM * l.size &&
          l.phrases.some((p) => p.parts.some((q) => Math.abs(q.x - r.from) <= UNDERLINE_START)),
      ),
  );
}

/**
 * A character of letter-spaced text (均等割り付け, a spreadsheet's "distributed" alignment, common
 * in headings: 指　　標　　名 filling its cell): a Japanese character, a bracket or a mark set
 * apart like one (a bullet heading a heading: ■施策; not a grade's mark, ○ △ ×), a full-width
 * numeral a level is numbered by (Ⅰ, ①: a banner 基本目標Ⅰ spread across the table), or a short Latin or
 * numeric token the producer kept together (R2 in 基準値（R2）, a year's four digits in 2020年度),
 * with the brackets it is drawn with ((R2) in 基準値(R2), (2019 of 目標値(2019年度); Chromium's
 * justification parts no bracket from its figures: (2014 年 度 )).
 */
const SPREAD_CHARACTER =
  /^(?:[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}（）()［］【】「」・■□◆◇Ⅰ-Ⅻⅰ-ⅹ①-⑳]|\(?(?:[A-Za-z0-9]{1,3}|[0-9]{4})\)?|[(（][0-9]{4}|[0-9]{4}[)）])$/u;
const JAPANESE = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]$/u;
/** Whether a text is one Japanese character (kanji, hiragana, katakana). */
export const isJapaneseCharacter = (text: string): boolean => JAPANESE.test(text);
/** How many Japanese characters a text holds. */
export const japaneseCharacters = (text: string): number => [...text].filter(isJapaneseCharacter).length;
/** The gaps of letter-spaced text are one width, to the rounding of positions (in em). */
const EVEN_GAP_EM = 0.15;
/** Characters set evenly apart: this many at least, two of them Japanese, tell letter-spacing by themselves. */
const SPREAD_CHARACTERS = 3;
/** A cell's rule stands within this (in em) of letter-spaced text that fills the cell. */
const FILLS_CELL_EM = 1.5;

/**
 * Joins the characters of letter-spaced text on each line into one phrase, as typed (指標名): set
 * apart by more than a phrase's gap, each had been a phrase of its own, and a heading read as
 * three columns of one character, no word a heading's. Characters set evenly apart, three or more
 * (two Japanese), are one text; two alone are where they fill a cell between its rules, or where
 * the line is spread elsewhere (評　価 beside 指　標　名). No rule may stand between them; marks and
 * figures of neighbouring cells (A B C, 1 2 3) are no Japanese text.
 */
export function withLetterSpacingJoined(lines: readonly Line[], vertical: readonly Rule[]): Line[] {
  const pageSeam = seamOfPage(lines);
  return lines.map((unparted) => withTypedYearsJoined(withSpreadYearsJoined(spacingJoined(unparted, vertical, pageSeam)), vertical));
}

/** One line's letter-spaced text joined (withLetterSpacingJoined). */
function spacingJoined(unparted: Line, vertical: readonly Rule[], pageSeam: number | undefined): Line {
  const line = withSpreadEndsParted(withCellEdgesParted(unparted), vertical, pageSeam);
  // Characters spread closer than a phrase's gap (重 要 業 績) tell that the line is spread too. A piece a
  // phrase was taken apart into is one character: none is spread within itself, so each phrase is asked once.
  const spacedHere = line.phrases.flatMap((p) => spacedLetters(p) ?? []);
  const spacedApart = spacedHere.some((s) => !s.typedWidth && s.characters >= SPREAD_CHARACTERS);
  const { pieces, joined } = letterSpacedRuns(line.phrases, vertical, spacedApart, pageSeam);
  const inRuns = new Set(joined.flat());
  const kept = spacedHere.length === 0 ? undefined : new Set(pieces);
  const spaced = spacedHere.filter((s) => kept?.has(s.phrase) && !inRuns.has(s.phrase));
  const spread = spacedApart || joined.some((r) => r.length >= SPREAD_CHARACTERS);
  const unspaced = spaced.filter((s) => !s.typedWidth && (spread || fillsCell([s.phrase], vertical)));
  // Spaces at a typed space's width are Chromium's justification where the line is letter-spaced at other
  // widths too: a producer justifies every heading of its row, a city that types spaces types them in a few.
  const halfEm = joined.length > 0 || unspaced.length > 0 ? spaced.filter((s) => s.typedWidth) : [];
  if (joined.length === 0 && unspaced.length === 0) return line;
  const replaced = new Map([
    ...joined.map((r) => [r[0]!, joinedPhrase(r)] as const),
    ...[...unspaced, ...halfEm].map((s) => [s.phrase, letterSpacedPhrase([s.phrase], s.text, s.gap)] as const),
  ]);
  const phrases = pieces.flatMap((p) => (replaced.has(p) ? [replaced.get(p)!] : inRuns.has(p) ? [] : [p]));
  return makeLine(withHalfEmChainsJoined(phrases, new Set(halfEm.map((s) => replaced.get(s.phrase)!)), vertical));
}

/**
 * Letter-spaced phrases of one heading joined where its gap is half an em to a hair: the phrase's
 * gap parts it wherever the justification's gap reaches half an em (Chromium's 重 要|業 績 評 価|指 標
 * （ KPI|）, 3.99 pt within each piece and 4.00 between them at 8 pt), so a phrase goes on into the
 * next, or into a character after it, at its own gap. Neighbouring cells meet at their paddings.
 */
function withHalfEmChainsJoined(phrases: readonly Phrase[], spaced: ReadonlySet<Phrase>, vertical: readonly Rule[]): Phrase[] {
  if (spaced.size === 0) return [...phrases];
  const halfEm = new Set(spaced);
  const out: Phrase[] = [];
  for (const p of phrases) {
    const last = out.at(-1);
    const gap = last === undefined ? undefined : spreadGapOf.get(last);
    const goesOn =
      last !== undefined &&
      gap !== undefined &&
      halfEm.has(last) &&
      (halfEm.has(p) ? Math.abs(spreadGapOf.get(p)! - gap) <= SEAM_FIT_EM * p.size : SPREAD_CHARACTER.test(p.text)) &&
      Math.abs(p.x - last.right - gap) <= SEAM_FIT_EM * p.size &&
      !ruleBetween(last, p, vertical);
    if (!goesOn) {
      out.push(p);
      continue;
    }
    const chain = letterSpacedPhrase([last, p], last.text + p.text, gap);
    halfEm.add(chain);
    out[out.length - 1] = chain;
  }
  return out;
}

/** A year spelled whole (令和4年度, 2020年度). */
const YEAR_SPELLED = /^(?:(?:令和|平成)(?:\d{1,2}|元)|\d{4})年度?$/;
/** The phrases a letter-spaced year may stand in: 令和 | 4 | 年度 at the most. */
const YEAR_PIECES = 3;

/**
 * The line with the pieces of a letter-spaced year joined where together they spell it: Writer
 * justifies 令 和 4 年 度 to a narrow cell under half an em apart, and LibreOffice's automatic
 * spacing beside its digits widens that gap past a phrase's (和 | 4: 5.5 pt at 9 pt, the others
 * 3.5), so the year stood as two phrases or three (令和 | 4 年 度; 令和 | 4 | 年度 reprinted), each
 * read as a heading.
 */
function withSpreadYearsJoined(line: Line): Line {
  const { phrases } = line;
  const joined: Phrase[] = [];
  for (let i = 0; i < phrases.length;) {
    const end = spreadYearEnd(phrases, i);
    const pieces = phrases.slice(i, end);
    joined.push(end > i + 1 ? letterSpacedPhrase(pieces, pieces.map((p) => p.text.replace(/\s/g, '')).join('')) : phrases[i]!);
    i = end;
  }
  return joined.length === phrases.length ? line : makeLine(joined);
}

/** Where the year whose first piece is phrases[i] ends (the index after its last), or i + 1. */
function spreadYearEnd(phrases: readonly Phrase[], i: number): number {
  let text = phrases[i]!.text;
  for (let j = i + 1; j < phrases.length && j - i < YEAR_PIECES; j++) {
    const [last, p] = [phrases[j - 1]!, phrases[j]!];
    if (!sameSize(last.size, p.size) || p.x - last.right > (PHRASE_GAP_EM + AUTOSPACE_EM) * p.size) break;
    text += p.text;
    if (YEAR_SPELLED.test(text.replace(/\s/g, ''))) return j + 1;
  }
  return i + 1;
}

/** The gap (points) at which a letter-spaced phrase's characters were set, for each phrase made of them. */
const spreadGapOf = new WeakMap<Phrase, number>();

/** Role words whose heading may carry the year after a typed space (現状 R2, 実績 H29, 目標値 2019年度). */
const YEAR_TAKING_ROLES = new Set(['baseline', 'current', 'actual', 'target', 'interim']);

/**
 * The line with a year typed after letter-spaced role words joined to them, as typed (現　状　R2 is
 * 現状 R2): a distributed cell spreads the typed space as a character too, so the year stands two of
 * the words' gaps and a space's width on (Calc's 現　状　2014　年　度, 28.8 pt after gaps of 12.8;
 * Chromium's 実 績 H29, 現 状 平 成 26 年 度), where two characters alone give letter-spacing no second gap
 * to tell a typed space by. The year is one token, or letter-spaced at the words' own gap; a token followed
 * by another year on the line is a year series' first heading in a cell of its own.
 */
function withTypedYearsJoined(line: Line, vertical: readonly Rule[]): Line {
  const { phrases } = line;
  if (!phrases.some((p) => spreadGapOf.has(p))) return line;
  const out: Phrase[] = [];
  for (let i = 0; i < phrases.length; i++) {
    const words = out.at(-1);
    const year = phrases[i]!;
    if (words !== undefined && typedYearAfter(words, year, phrases[i + 1], vertical)) {
      out[out.length - 1] = letterSpacedPhrase([words, year], `${words.text} ${year.text}`);
      continue;
    }
    out.push(year);
  }
  return out.length === phrases.length ? line : makeLine(out);
}

/** Whether `year` is typed after the letter-spaced role words before it, in their cell (withTypedYearsJoined). */
function typedYearAfter(words: Phrase, year: Phrase, next: Phrase | undefined, vertical: readonly Rule[]): boolean {
  const even = spreadGapOf.get(words);
  // A year of figures (R2, 2014年度), or an era's year spelled whole (平成26年度, letter-spaced at the words' gap).
  if (even === undefined || !sameSize(words.size, year.size) || !(LATIN_START.test(year.text) || bareYear(year.text))) return false;
  const word = headingWord(words.text);
  if (word === null || !YEAR_TAKING_ROLES.has(word) || yearOfHeading(words.text) !== null || yearOfHeading(year.text) === null) return false;
  const yearGap = spreadGapOf.get(year);
  const ownCell =
    yearGap === undefined ? !WESTERN_TOKEN.test(year.text) || (next !== undefined && bareYear(next.text)) : Math.abs(yearGap - even) > EVEN_GAP_EM * year.size;
  if (ownCell || ruleBetween(words, year, vertical)) return false;
  return holdsTypedSpace(year.x - words.right, even, year.size);
}

/**
 * The runs of letter-spaced characters among a line's phrases and the pieces they were found in.
 * Without rules between them, distributed text fills its cell edge to edge, so the last character
 * of one cell's text and the first of the next (目　標　指　標|基　準　値) touch and pdf.js gives them
 * as one phrase (標 基): a phrase made of such characters only is taken apart at its runs, where
 * each of them joins letter-spaced text; where one would be left over (図書|館　人 of a producer
 * that sets each character apart), the phrase is kept whole and the runs found again.
 */
function letterSpacedRuns(
  phrases: readonly Phrase[],
  vertical: readonly Rule[],
  spreadElsewhere: boolean,
  pageSeam: number | undefined,
): { pieces: Phrase[]; joined: Phrase[][] } {
  let whole: Set<Phrase> | undefined;
  for (;;) {
    // Most lines hold no phrase to take apart: they pass without a piece made.
    let source: Map<Phrase, Phrase> | undefined;
    // The first piece of a phrase letter-spaced in itself, and its gap.
    let ownGaps: Map<Phrase, number> | undefined;
    const pieces: Phrase[] = [];
    for (const p of phrases) {
      const apart = whole?.has(p) ? undefined : piecesApart(p);
      if (apart === undefined) pieces.push(p);
      else {
        source ??= new Map();
        for (const piece of apart) source.set(piece, p);
        pieces.push(...apart);
        const gap = evenGapOf(apart, p.size);
        if (gap !== undefined) (ownGaps ??= new Map()).set(apart[0]!, gap);
      }
    }
    const seam = seamOf(pieces, pageSeam);
    const runs = spreadRuns(pieces, vertical, seam, ownGaps);
    const spread = spreadElsewhere || runs.some((r) => r.length >= SPREAD_CHARACTERS);
    const joined = runs.filter((r) => r.length >= SPREAD_CHARACTERS || spread || fillsCell(r, vertical) || pairsAtSeam(r, runs, seam));
    if (joined.length === 0) return { pieces: [...phrases], joined };
    if (source === undefined) return { pieces, joined };
    const inRuns = new Set(joined.flat());
    // One phrase at a time, left to right: a piece left over may be left over only for a split before it.
    const leftOver = pieces.find((p, i) => source.has(p) && !inRuns.has(p) && !tokenOfItsOwn(pieces, i, source, inRuns));
    if (leftOver === undefined) return { pieces, joined };
    (whole ??= new Set()).add(source.get(leftOver)!);
  }
}

/**
 * Whether the piece at i, left over, is a Western token or a mark in a cell of its own beside
 * letter-spaced text: Calc fills a distributed cell to its paddings and sets the next cell's token
 * (R3, a year's H29 over its columns, a count table's ◎) at that cell's left or centre, 1.5–2 pt
 * on (0.2–0.26 em), so pdf.js gives 値 R3 and 略 ◎ as one phrase. A piece of the same phrase
 * beside it joins letter-spaced text; a producer that sets each character of a word apart leaves
 * Japanese characters over, never a token alone.
 */
function tokenOfItsOwn(pieces: readonly Phrase[], i: number, source: ReadonlyMap<Phrase, Phrase>, inRuns: ReadonlySet<Phrase>): boolean {
  const of = source.get(pieces[i]!);
  const beside = [pieces[i - 1], pieces[i + 1]].filter((q) => q !== undefined && source.get(q) === of);
  return (WESTERN_TOKEN.test(pieces[i]!.text) || MARK.test(pieces[i]!.text)) && beside.some((q) => inRuns.has(q!));
}
/** A grade's mark heading its own column of a count table (◎ | ○ | △ | ×), set in its cell beside a distributed heading. */
const MARK = /^[◎○●△▲×]$/u;

/** Runs this far apart (em) or closer touch. */
const TOUCHING_EM = 0.1;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/**
 * A phrase's pieces, where it holds more than one and each may be a character of letter-spaced
 * text (標 基, R6 達, ） 実), set apart somewhere; undefined otherwise, as for most. Glyph runs of
 * one Latin token that touch (H|26, R|1) are one piece; Japanese characters that touch are two
 * pieces where the phrase is parted elsewhere.
 */
function piecesApart(p: Phrase): Phrase[] | undefined {
  const { parts } = p;
  if (parts.length < 2) return undefined;
  const touching = (i: number) => parts[i]!.x - parts[i - 1]!.right <= TOUCHING_EM * p.size;
  // Characters that all touch are one word (a producer that sets each apart, 図|書|館): nothing to part, and the common case kept cheap.
  const piece = (text: string) => SPREAD_CHARACTER.test(text) || MARK.test(text);
  if (parts.every((q, i) => i === 0 || touching(i)) || !parts.every((q) => piece(q.text.trim()))) return undefined;
  const oneToken = (i: number) => touching(i) && LATIN_END.test(parts[i - 1]!.text) && LATIN_START.test(parts[i]!.text);
  const groups: Phrase['parts'][] = [];
  parts.forEach((q, i) => (i > 0 && oneToken(i) ? groups.at(-1)!.push(q) : groups.push([q])));
  if (groups.length < 2) return undefined;
  const pieces = groups.map((g) => ({
    text: g
      .map((q) => q.text)
      .join('')
      .trim(),
    x: g[0]!.x,
    right: g.at(-1)!.right,
    baseline: p.baseline,
    size: p.size,
    parts: g,
  }));
  return pieces.every((p) => piece(p.text)) ? pieces : undefined;
}

/** A phrase's parts from `parts` on as a phrase of its own. */
function pieceOf(p: Phrase, parts: Phrase['parts']): Phrase {
  const text = parts
    .map((q) => q.text)
    .join('')
    .trim();
  return {
    text,
    x: parts[0]!.x,
    right: Math.max(...parts.map((q) => q.right)),
    baseline: p.baseline,
    size: p.size,
    parts: parts.map((q, i) => (i === 0 ? { ...q, text: q.text.trimStart() } : q)),
  };
}

/**
 * The line with letter-spaced text of neighbouring cells parted where they meet: Calc fills each
 * distributed cell to its paddings, so where the spacing is under half an em pdf.js gives several
 * cells' characters as one phrase (標 策 定 時 （ … ） 実 績 値 …), the cells' edges the narrower gaps
 * (two paddings, 0.2–0.26 em, against 0.48 em). A phrase of spread characters is parted at each gap
 * narrower than its spacing (the gap most of its gaps share, two at least) between characters
 * that are no Western tokens (LibreOffice's automatic spacing and a token's own glyphs set those
 * apart otherwise).
 */
function withCellEdgesParted(line: Line): Line {
  let parted = false;
  const phrases = line.phrases.flatMap((p) => {
    const { parts, size } = p;
    if (parts.length < 4) return [p];
    const letters = parts.map((q) => q.text.trim());
    if (!letters.every((l) => SPREAD_CHARACTER.test(l))) return [p];
    const gaps = parts.slice(1).map((q, i) => q.x - parts[i]!.right);
    const spacing = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    if (spacing < SET_APART_EM * size || gaps.filter((g) => Math.abs(g - spacing) <= EVEN_GAP_EM * size).length < 2) return [p];
    const edges = gaps.flatMap((g, i) =>
      g < spacing - EVEN_GAP_EM * size && !WESTERN_TOKEN.test(letters[i]!) && !WESTERN_TOKEN.test(letters[i + 1]!) ? [i + 1] : [],
    );
    if (edges.length === 0) return [p];
    parted = true;
    const bounds = [0, ...edges, parts.length];
    return bounds.slice(1).map((end, k) => {
      const piece = pieceOf(p, parts.slice(bounds[k], end));
      cellOfSpreadLine.add(piece);
      return piece;
    });
  });
  return parted ? makeLine(phrases) : line;
}
/** Phrases parted at a cell's edge from letter-spaced text: letter-spaced themselves, whatever their spacing's width. */
const cellOfSpreadLine = new WeakSet<Phrase>();

/** The gaps of a chain of letter-spaced characters that parts a phrase are one width to this (in em). */
const PARTED_EVEN_GAP_EM = 0.04;
/** A year's digits letter-spaced with its 年 (令 和 2 年 度, 2020 年 度): a token of its own. */
const YEAR_DIGITS = /^[0-9]{1,4}$/;

/**
 * The line with letter-spaced characters of two neighbouring cells parted where they touch: Writer
 * justifies each heading to its cell without padding, so the last character of one (値 of
 * 従　前　値) and the first of the next (実 of 実　績　値) meet edge to edge and were one phrase
 * 値実. A phrase's first or last part, one Japanese character touching the rest, is its own
 * phrase where it ends or starts a chain of three Japanese characters at least set at one even gap (the chain ends where the gap changes;
 * the next cell's starts there), or a pair between such chains (実　績). Ordinary text is not parted: its characters touch on both sides,
 * and no chain of characters set apart runs on from it.
 */
function withSpreadEndsParted(line: Line, vertical: readonly Rule[], pageSeam: number | undefined): Line {
  if (!line.phrases.some((p) => p.parts.length >= 2)) return line;
  // A single character touching the rest of its phrase (a chain set apart within the phrase, 成 果 指 標, is no edge).
  const single = (q: Phrase['parts'][number], next: Phrase['parts'][number], size: number) =>
    SPREAD_CHARACTER.test(q.text.trim()) && Math.max(next.x - q.right, q.x - next.right) < SET_APART_EM * size;
  // Each phrase as its first part, its middle and its last part where those are single characters.
  const pieces = line.phrases.map((p) => {
    const n = p.parts.length;
    if (n < 2) return [p];
    const head = single(p.parts[0]!, p.parts[1]!, p.size) ? 1 : 0;
    const tail = single(p.parts[n - 1]!, p.parts[n - 2]!, p.size) && n - 1 >= head ? 1 : 0;
    const cuts = [0, head, n - tail, n].filter((c, i, a) => i === 0 || c > a[i - 1]!);
    return cuts.slice(1).map((c, i) => pieceOf(p, p.parts.slice(cuts[i], c)));
  });
  // Japanese characters only, at one gap to a hair: a grade's mark between two cells' texts set right and left
  // (4.9万人 | B | 商工観光課, 15.5 pt either side in pdfmake's print) is no heading, nor a unit centred in its
  // cell between a name and 期待値 (地域満 | 回 | 期待値: 18.2 and 19.1 pt; Writer's gaps differ by 0.1 pt at most).
  // A year's digits too (2020 年 度), whose gaps LibreOffice's automatic spacing may widen (8.1 against 6.2 pt at 9 pt).
  const even = (r: readonly Phrase[]) => {
    const gaps = r.slice(1).map((p, k) => ({ gap: p.x - r[k]!.right, beside: YEAR_DIGITS.test(p.text) || YEAR_DIGITS.test(r[k]!.text) }));
    const own = gaps.filter((g) => !g.beside).map((g) => g.gap);
    const [least, tolerance] = [Math.min(...own), PARTED_EVEN_GAP_EM * r[0]!.size];
    const widened = (gap: number) => gap >= least - tolerance && gap - least <= AUTOSPACE_EM * r[0]!.size;
    return own.length > 0 && Math.max(...own) - least <= tolerance && gaps.every((g) => !g.beside || widened(g.gap));
  };
  // Its brackets too, opening or closing the chain, and a token in them: （ 令 和 2 年 度 ）|（ 令 和 7 年 度 ）, Calc's
  // distributed cells edge to edge; 指 標 （ K P I ）| 単 位, the reprint's ） wider than the original's.
  const ownToken = (r: readonly Phrase[], k: number) => {
    const { text } = r[k]!;
    const closed = CLOSING.test(r.at(-1)!.text) && r.some((p) => OPENING.test(p.text));
    const end = k === 0 ? OPENING : k === r.length - 1 ? CLOSING : null;
    if (JAPANESE.test(text) || end?.test(text) || (closed && OPENING.test(text))) return true;
    return (YEAR_DIGITS.test(text) && r.some((p) => p.text === '年')) || (closed && WESTERN_TOKEN.test(text) && k > 0 && OPENING.test(r[k - 1]!.text));
  };
  // Each chained piece with its chain's length.
  const runs = spreadRuns(pieces.flat(), vertical, seamOf(pieces.flat(), pageSeam)).filter((r) => r.every((_, k) => ownToken(r, k)));
  const chained = new Map(runs.filter((r) => r.length >= SPREAD_CHARACTERS && even(r)).flatMap((r) => r.map((p) => [p, r.length] as const)));
  // A heading of two characters between two such cells (実　績 between 現　状　値 and 目　標　値) touches
  // a chain's end with each of its characters, or with one where the other stands alone: a chain of
  // its own. Two characters apart elsewhere (a name's last and a unit) touch no chain.
  const ownOf = new Map(pieces.flatMap((own) => own.map((piece) => [piece, own] as const)));
  const besideChain = (piece: Phrase) => {
    const own = ownOf.get(piece)!;
    const k = own.indexOf(piece);
    return [own[k - 1], own[k + 1]].some((n) => n !== undefined && chained.has(n));
  };
  const onItsOwn = (piece: Phrase) => ownOf.get(piece)!.length === 1;
  const pairs = runs.filter((r) => r.length === 2 && r.some(besideChain) && r.every((piece) => besideChain(piece) || onItsOwn(piece)));
  for (const piece of pairs.flat()) chained.set(piece, 2);
  let parted = false;
  const phrases = line.phrases.flatMap((p, i) => {
    const own = pieces[i]!;
    if (own.length === 1) return own;
    // Every piece stays with its neighbours but a chained first or last one.
    // Three characters may stand at one gap by chance (略 | 針 | 施 of 戦略, 方針, 施策 wrapped in narrow columns;
    // 子育て世 | 人 | 目標値): a phrase is parted where each of its pieces goes on a chain (値|実), or the chain is four long.
    const sure = own.every((piece) => chained.has(piece)) || own.some((piece) => (chained.get(piece) ?? 0) > SPREAD_CHARACTERS);
    const alone = own.map((piece, k) => sure && (k === 0 || k === own.length - 1) && chained.has(piece));
    const out: Phrase[][] = [];
    own.forEach((piece, k) => {
      if (k === 0 || alone[k] || alone[k - 1]) out.push([piece]);
      else out.at(-1)!.push(piece);
    });
    if (out.length === 1) return [p];
    parted = true;
    return out.map((group) =>
      group.length === 1
        ? group[0]!
        : pieceOf(
            p,
            group.flatMap((g) => g.parts),
          ),
    );
  });
  return parted ? makeLine(phrases) : line;
}

/**
 * Where a line's cells meet (in em): Chromium justifies a heading from its cell's left padding to its
 * right one, so between two filled cells the gap is both paddings (6.00 pt), to a hundredth of a point
 * wherever it recurs, while the characters within each cell stand at a gap of their own, as even (6.26,
 * 6.27, 6.27). One cell's gap may come within EVEN_GAP_EM of that (項 番|成 果 指 標|単: 5.79, 6.00,
 * 6.27): the gap unlike the gaps beside it that recurs most on the line is where cells meet. Two cells
 * of one width and two characters recur too (番 号 and 評 価: 6.30, 6.32), less often.
 */
const SEAM_FIT_EM = 0.007;
/**
 * LibreOffice sets letter-spaced characters to a tenth of a point (19.47, 19.57, 19.37 pt: 0.01–0.02 em
 * apart), and one of its gaps recurs as a seam would: a line with gaps that close apart is set so, and
 * its seams are not told. Chromium's cells meet 0.028 em or more from their characters' gap.
 */
const ROUNDED_GAPS_EM = 0.02;
/** A gap found this many times more between cells of several characters, to a hundredth of a point, is where a line's cells meet (seamOf). */
const SEAM_RECURS = 2;
/**
 * Its tenth of a point is one step in points whatever the size: a sheet scaled down to its page (Calc's
 * 具　体　的 at 5.3 pt: 61.99 and 62.10 pt, 0.021 em) sets its gaps a step apart, the float's noise with it.
 */
const ROUNDED_GAPS_PT = 0.12;

/**
 * The gap between a line's phrases where its cells meet (SEAM_FIT_EM), if one recurs most, unlike the gaps
 * beside it; else the page's, where the line's gaps are set as precisely (a heading's second line, 実 績|判 定,
 * meets its cells once).
 */
function seamOf(phrases: readonly Phrase[], pageSeam?: number): number | undefined {
  const gaps = phrases.slice(1).map((p, i) => ({ gap: p.x - phrases[i]!.right, size: p.size }));
  const near = (a: number, b: number, size: number) => Math.abs(a - b) <= SEAM_FIT_EM * size;
  // Chromium's cells may meet a tenth of a point from a cell's own gap (度|担 6.00, 担 当 課 5.89, 5.88): no rounding where one
  // of the two gaps goes on at its own width to a hundredth (a chain set precisely) and the other recurs where cells of
  // several characters meet (令 和 2 年 度|令 和 3 年 度), as no gap between LibreOffice's spread characters does.
  const betweenCells = (j: number) => !SPREAD_CHARACTER.test(phrases[j]!.text) || !SPREAD_CHARACTER.test(phrases[j + 1]!.text);
  const recurs = (i: number) => gaps.filter((g, j) => j !== i && betweenCells(j) && near(g.gap, gaps[i]!.gap, g.size)).length >= SEAM_RECURS;
  const precise = (i: number, away: number) => away >= 0 && away < gaps.length && near(gaps[i]!.gap, gaps[away]!.gap, gaps[i]!.size);
  const seamBesideChain = (i: number) => (precise(i, i + 1) && recurs(i - 1)) || (precise(i - 1, i - 2) && recurs(i));
  if (
    gaps.some(
      ({ gap, size }, i) =>
        i > 0 &&
        !near(gap, gaps[i - 1]!.gap, size) &&
        Math.abs(gap - gaps[i - 1]!.gap) <= Math.max(ROUNDED_GAPS_EM * size, ROUNDED_GAPS_PT) &&
        !seamBesideChain(i),
    )
  )
    return undefined;
  // A gap beside one as wide across a character set apart is a chain's (across a phrase of several characters, 名|令和元年度|令, none's).
  const chained = (i: number, j: number) =>
    j >= 0 && j < gaps.length && SPREAD_CHARACTER.test(phrases[Math.max(i, j)]!.text) && near(gaps[i]!.gap, gaps[j]!.gap, gaps[i]!.size);
  const alone = gaps.filter(({ gap, size }, i) => gap > SET_APART_EM * size && !chained(i, i - 1) && !chained(i, i + 1));
  const counted = alone.map((g) => ({ gap: g.gap, count: alone.filter((h) => near(g.gap, h.gap, g.size)).length })).sort((a, b) => b.count - a.count);
  const most = counted[0];
  // Two gaps recurring as often are no measure.
  const tied = most !== undefined && counted.some((c) => c.count === most.count && !near(c.gap, most.gap, phrases[0]!.size));
  return most !== undefined && most.count >= 2 && !tied ? most.gap : pageSeam;
}

/** Where the cells of a page's lines meet: the seam most of its lines that have one agree on. */
function seamOfPage(lines: readonly Line[]): number | undefined {
  const seams = lines.flatMap((l) => {
    const seam = seamOf(l.phrases);
    return seam === undefined ? [] : [{ seam, size: l.size }];
  });
  const agreeing = (a: { seam: number; size: number }) => seams.filter((b) => Math.abs(a.seam - b.seam) <= SEAM_FIT_EM * a.size).length;
  const most = seams.sort((a, b) => agreeing(b) - agreeing(a))[0];
  return most !== undefined && agreeing(most) * 2 > seams.length ? most.seam : undefined;
}

/**
 * Whether a pair of characters set apart (実　績) meets another (判　定) where cells meet: two cells each
 * filled by two characters at a gap of their own, as Chromium justifies a heading's second line; two
 * characters alone tell no letter-spacing otherwise.
 */
function pairsAtSeam(run: readonly Phrase[], runs: readonly Phrase[][], seam: number | undefined): boolean {
  if (seam === undefined) return false;
  const atSeam = (a: Phrase, b: Phrase) => Math.abs(b.x - a.right - seam) <= SEAM_FIT_EM * b.size;
  const pair = (r: readonly Phrase[]) => r.length === 2 && r.every((p) => JAPANESE.test(p.text)) && !atSeam(r[0]!, r[1]!);
  return pair(run) && runs.some((other) => other !== run && pair(other) && (atSeam(run[1]!, other[0]!) || atSeam(other[1]!, run[0]!)));
}

/** The runs of a line's phrases that may be letter-spaced text: characters set evenly apart, two Japanese at least. */
/** The one gap a phrase's pieces stand apart at, three of them at least (担 当 課 at 4.46 pt), or undefined. */
function evenGapOf(pieces: readonly Phrase[], size: number): number | undefined {
  if (pieces.length < SPREAD_CHARACTERS) return undefined;
  const gaps = pieces.slice(1).map((q, k) => q.x - pieces[k]!.right);
  return Math.max(...gaps) - Math.min(...gaps) <= SEAM_FIT_EM * size ? gaps[0] : undefined;
}

/**
 * `ownGaps`: the first pieces of phrases letter-spaced in themselves (pdf.js gave a cell's spread heading as
 * one run), with their gap: such a piece begins its own text where the run before it goes on at another gap,
 * though the gap before it is the run's by chance (Chromium's 判　定 at 6.01 pt, then 担 当 課 at 4.46 after 6.01).
 */
function spreadRuns(phrases: readonly Phrase[], vertical: readonly Rule[], seam: number | undefined, ownGaps?: ReadonlyMap<Phrase, number>): Phrase[][] {
  const runs: Phrase[][] = [];
  let run: Phrase[] = [];
  const atSeam = (gap: number, size: number) => seam !== undefined && Math.abs(gap - seam) <= SEAM_FIT_EM * size;
  // Where cells meet, a run set at a gap of its own ends, even to a hundredth of a point as Chromium sets it, though
  // its gap and the seam are one to letter-spacing's tolerance.
  const endsAtSeam = (gap: number, size: number) => {
    if (run.length < 2 || !atSeam(gap, size)) return false;
    const even = run[1]!.x - run[0]!.right;
    // The run's own gaps, without those that hold a typed space (基準値 2020年度).
    const gaps = run
      .slice(1)
      .map((p, k) => p.x - run[k]!.right)
      .filter((g) => spacingOf(g, even, size, 0) === '');
    return Math.max(...gaps) - Math.min(...gaps) <= SEAM_FIT_EM * size && !atSeam(even, size) && Math.abs(gap - even) <= EVEN_GAP_EM * size;
  };
  const japanese = (r: readonly Phrase[]) => r.filter((p) => JAPANESE.test(p.text)).length >= 2 || bracketed(r);
  // The character a run was started after, at a gap of its own: a typed space after a text's first character
  // (① 農林水産業…, (1) 図書館… distributed across the table) is spread as a character too, so the first gap
  // is two of the text's gaps and the space's width, which only the gaps after it can tell.
  let startedAfter: Phrase | undefined;
  const close = () => {
    if (japanese(run)) runs.push(startedAfter && typedSpaceAfterFirst(startedAfter, run) ? withTypedSpaceAfterFirst(startedAfter, run) : run);
    run = [];
    startedAfter = undefined;
  };
  for (const p of phrases) {
    const last = run.at(-1);
    const gap = last === undefined ? 0 : p.x - last.right;
    // Text spread about half an em apart goes on at its own gap where one gap falls short of a phrase's by a hair
    // (Calc's 実　績　値　令　和　4: 5.1 pt, then 5.0 pt at 10 pt); it starts only at a gap wider than a phrase's.
    const goesOn = run.length >= 2 && gap >= SET_APART_EM * p.size && spacingOf(gap, run[1]!.x - run[0]!.right, p.size, run.length - 1) === '';
    const apart =
      last !== undefined &&
      SPREAD_CHARACTER.test(p.text) &&
      sameSize(p.size, last.size) &&
      (gap > PHRASE_GAP_EM * p.size || goesOn) &&
      !ruleBetween(last, p, vertical);
    // Two Western tokens side by side are two cells' (R6 | R6　目　標　値, 14.7 pt apart as the heading's own gaps by
    // chance): letter-spacing keeps a typed word's letters together and spreads a typed space as a character too.
    const twoTokens = last !== undefined && WESTERN_TOKEN.test(last.text) && WESTERN_TOKEN.test(p.text);
    const own = ownGaps?.get(p);
    const startsOwn = own !== undefined && run.length >= 2 && Math.abs(own - (run[1]!.x - run[0]!.right)) > EVEN_GAP_EM * p.size;
    if (
      apart &&
      !startsOwn &&
      !nearerWestern(run, p) &&
      !twoTokens &&
      !endsAtSeam(p.x - last.right, p.size) &&
      (run.length < 2 || spacingOf(p.x - last.right, run[1]!.x - run[0]!.right, p.size, run.length - 1) !== undefined || evenGapsIn(run, p))
    )
      run.push(p);
    else if (apart && !japanese(run) && !endsAtSeam(p.x - last.right, p.size)) {
      // A pair apart at a gap of its own is no text (R6 and the 評 of 評　価 beyond its cell), nor a row of years set each
      // at its cell's left (R3 … R7 | R7　目　標　値, or a cell each: R3 … R8 before R8目標値): the letter-spacing may start at the last of them.
      startedAfter = run.length === 2 && !twoTokens ? run[0] : undefined;
      run = twoTokens ? [p] : [last, p];
    } else {
      close();
      if (SPREAD_CHARACTER.test(p.text)) run = [p];
    }
  }
  close();
  return runs;
}

/** Letter-spaced runs whose first gap holds a typed space (spreadRuns), the rest their own gap. */
const typedSpaceFirst = new WeakSet<readonly Phrase[]>();

/** Whether `first`, before a run of letter-spaced text, is its first character with a typed space after it (spreadRuns). */
function typedSpaceAfterFirst(first: Phrase, run: readonly Phrase[]): boolean {
  // A Western token is a neighbour cell's (a count table's C | 判　定　な　し, each set at its cell's left), as in spreadRuns.
  if (run.length < SPREAD_CHARACTERS || WESTERN_TOKEN.test(first.text) || !sameSize(first.size, run[0]!.size)) return false;
  const even = run[1]!.x - run[0]!.right;
  return run.slice(2).every((p, k) => spacingOf(p.x - run[k + 1]!.right, even, p.size, 0) === '') && holdsTypedSpace(run[0]!.x - first.right, even, first.size);
}

/** The run with its first character before it, marked to keep the typed space after it (joinedPhrase). */
function withTypedSpaceAfterFirst(first: Phrase, run: readonly Phrase[]): Phrase[] {
  const joined = [first, ...run];
  typedSpaceFirst.add(joined);
  return joined;
}

/**
 * How a gap within letter-spaced text set `even` apart reads: '' where it is the text's own gap,
 * ' ' where it holds a typed space (基準値 R2: the space is spread as a character too, so the gap
 * is two of the text's gaps and the space's width), undefined where it is neither. `gaps`: how
 * many of the text's gaps come before it.
 */
function spacingOf(gap: number, even: number, size: number, gaps: number): '' | ' ' | undefined {
  if (Math.abs(gap - even) <= EVEN_GAP_EM * size) return '';
  // One gap is no measure yet: a typed space is told against two.
  if (gaps < 2) return undefined;
  return holdsTypedSpace(gap, even, size) ? ' ' : undefined;
}

/** Whether a gap in text letter-spaced `even` apart is two of its gaps and a typed space's width. */
function holdsTypedSpace(gap: number, even: number, size: number): boolean {
  const space = gap - 2 * even;
  return space >= (SPACE_WIDTH_EM[0] - EVEN_GAP_EM) * size && space <= (SPACE_WIDTH_EM[1] + EVEN_GAP_EM) * size;
}
/** A typed space is this wide (em): a proportional font's space to a full-width one (　). */
const SPACE_WIDTH_EM = [0.25, 1] as const;

/** Letter-spaced text in brackets, （ R1 ）: a bracketed text needs no Japanese to tell it. */
function bracketed(run: readonly Phrase[]): boolean {
  return run.length >= SPREAD_CHARACTERS && OPENING.test(run[0]!.text) && CLOSING.test(run.at(-1)!.text);
}
const OPENING = /^[（(［【「]$/u;
const CLOSING = /^[）)］】」]$/u;
/** LibreOffice's automatic spacing between Japanese and Western text is at most this (in em). */
const AUTOSPACE_EM = 0.3;
const WESTERN_TOKEN = /^[A-Za-z0-9]+$/;
/** A Western token beside Japanese text: LibreOffice may space such a pair wider than the text's own gap. */
const mixed = (x: Phrase, y: Phrase) => WESTERN_TOKEN.test(x.text) !== WESTERN_TOKEN.test(y.text);

/**
 * Whether the gap between c and d is the gap between a and b, letter-spacing's one width: a gap
 * between a Western token and a Japanese character may be wider by LibreOffice's automatic
 * spacing between them (Writer's 2014 年 度 justified to its cell: 40.8 and 39.1 pt).
 */
function evenGaps(a: Phrase, b: Phrase, c: Phrase, d: Phrase): boolean {
  const [first, second] = [b.x - a.right, d.x - c.right];
  if (Math.abs(second - first) <= EVEN_GAP_EM * d.size) return true;
  const [wide, narrow] = mixed(a, b) && !mixed(c, d) ? [first, second] : mixed(c, d) && !mixed(a, b) ? [second, first] : [NaN, NaN];
  return wide >= narrow && wide - narrow <= AUTOSPACE_EM * d.size;
}

/**
 * Whether p goes on at the run's gap: against a gap between characters of its own kind where the run
 * has one (Japanese beside Japanese: 2019 年 度|目 at 7.5, 7.5, then 6.0 pt is where Chromium's cells
 * meet), else against the run's first, a Western token's spacing allowed for (evenGaps).
 */
function evenGapsIn(run: readonly Phrase[], p: Phrase): boolean {
  const last = run.at(-1)!;
  const alike = run.findIndex((q, k) => k > 0 && mixed(run[k - 1]!, q) === mixed(last, p));
  if (alike < 0) return evenGaps(run[0]!, run[1]!, last, p);
  return Math.abs(p.x - last.right - (run[alike]!.x - run[alike - 1]!.right)) <= EVEN_GAP_EM * p.size;
}

/**
 * A Western token and the Japanese character beside it are never set nearer than letter-spacing's
 * gap (LibreOffice's automatic spacing only widens it): nearer by more than this (em) than the
 * Japanese characters' gap, the token is no character of the text. Measured on the held-out
 * corpora's spread headings, the nearest is 0.023 em nearer (rounding); a name's wrapped tail, its
 * unit and its baseline on one line (数 | 件 | 421, 58.9 and 57.9 pt apart in Writer's print) 0.118.
 */
const WESTERN_NEARER_EM = 0.05;

/** Whether p, after the run, stands nearer its last character than letter-spacing would: a Western token beside Japanese text. */
function nearerWestern(run: readonly Phrase[], p: Phrase): boolean {
  const last = run.at(-1);
  if (run.length < 2 || !last) return false;
  if (!mixed(last, p) || mixed(run[0]!, run[1]!)) return false;
  return p.x - last.right < run[1]!.x - run[0]!.right - WESTERN_NEARER_EM * p.size;
}

/** Whether two characters set apart fill a cell: a rule stands close before the first and after the last. */
function fillsCell(run: readonly Phrase[], vertical: readonly Rule[]): boolean {
  const first = run[0]!;
  const last = run.at(-1)!;
  const near = (x: number) =>
    vertical.some((r) => Math.abs(r.at - x) <= FILLS_CELL_EM * first.size && r.from <= first.baseline && r.to >= first.baseline - first.size * 0.7);
  return near(first.x) && near(last.right);
}

/**
 * A typed space in a Japanese monospaced font is half an em or a whole one (全角); letter-spacing is as
 * wide as a cell leaves, seldom just that. A proportional font's space (0.2–0.33 em) cannot be told
 * from Chromium's justification by its width, and is read as letter-spacing.
 */
const TYPED_SPACE_EM_WIDTHS = [0.5, 1];
const TYPED_SPACE_FIT_EM = 0.02;
/** Letter-spaced characters stand at least this far apart (in em); ordinary text's touch. */
const SET_APART_EM = 0.05;

/**
 * A phrase of letter-spaced text whose characters stand closer than a phrase's gap (Chromium
 * justifies a heading to its cell with gaps under half an em: 成 果 指 標, 令和2年 度, where
 * pdf.js or the gap put a space between some of them): its characters one by one, set evenly
 * apart, two Japanese at least. Its text is the characters without those spaces; a gap wider by
 * a typed space than the others keeps one (目標値 R1). Ordinary text is none: its characters
 * touch, and a space typed between Japanese words parts words of several characters.
 */
function spacedLetters(phrase: Phrase): { phrase: Phrase; text: string; characters: number; gap: number; typedWidth: boolean } | undefined {
  const { parts, size } = phrase;
  // Most phrases have no space between their parts: they pass without an array made.
  if (!parts.some((q, k) => k > 0 && q.text.startsWith(' '))) return undefined;
  const letters = parts.map((q) => q.text.trim());
  // A token in brackets needs no Japanese to tell it ((　R6　), justified under 現在値 in its cell), as in runs (bracketed).
  const inBrackets = letters.length >= SPREAD_CHARACTERS && OPENING.test(letters[0]!) && CLOSING.test(letters.at(-1)!);
  if (!letters.every((l) => SPREAD_CHARACTER.test(l)) || (letters.filter((l) => JAPANESE.test(l)).length < 2 && !inBrackets)) return undefined;
  const gaps = parts.slice(1).map((q, i) => q.x - parts[i]!.right);
  // A space typed between each character (指 標 名, as some cities print a heading) stands at a space's width
  // in every gap, where pdf.js found one: kept as typed unless the line is letter-spaced otherwise (spacingJoined).
  // Calc's spacing may be as wide by chance (0.48 em): a phrase parted from its neighbour cell's at their edge is letter-spaced.
  const typedWidth =
    !cellOfSpreadLine.has(phrase) &&
    parts.slice(1).every((q) => q.text.startsWith(' ')) &&
    gaps.every((g) => TYPED_SPACE_EM_WIDTHS.some((w) => Math.abs(g - w * size) <= TYPED_SPACE_FIT_EM * size));
  const unit = Math.min(...gaps);
  const typed = gaps.map((g) => g - unit >= SPACE_GAP_EM * size);
  if (unit < SET_APART_EM * size || gaps.some((g, i) => !typed[i] && g - unit > EVEN_GAP_EM * size)) return undefined;
  const text = letters.map((l, i) => (i > 0 && typed[i - 1] ? ` ${l}` : l)).join('');
  return { phrase, text, characters: letters.length, gap: unit, typedWidth };
}

/**
 * Letter-spaced text as one phrase of one part: its characters stand where the cell's width put
 * them, one of them perhaps where a column below starts, and no reader may split the text there
 * again (a banner 重点戦略1商店街…の創出 spread across the table had been cut before の).
 */
function letterSpacedPhrase(from: readonly Phrase[], text: string, gap?: number): Phrase {
  const x = from[0]!.x;
  const right = Math.max(...from.map((p) => p.right));
  const phrase = { text, x, right, baseline: from[0]!.baseline, size: Math.max(...from.map((p) => p.size)), parts: [{ text, x, right }] };
  // The gap its characters were set at, where known: a year typed after them is told by it (withTypedYearsJoined).
  if (gap !== undefined) spreadGapOf.set(phrase, gap);
  return phrase;
}

/** Characters set apart joined into one phrase, a typed space kept where its gap holds one (spacingOf). */
function joinedPhrase(run: readonly Phrase[]): Phrase {
  const even = Math.min(...run.slice(1).map((p, i) => p.x - run[i]!.right));
  const spacing = (p: Phrase, i: number) => (i === 1 && typedSpaceFirst.has(run) ? ' ' : (spacingOf(p.x - run[i - 1]!.right, even, p.size, i - 1) ?? ''));
  return letterSpacedPhrase(run, run.map((p, i) => (i > 0 ? spacing(p, i) : '') + p.text).join(''), even);
}

/** A line shorter than this (characters) above a table is a note or a date, not a title. */
const MIN_TITLE_LENGTH = 8;

/**
 * The document title: the phrases in the largest type on the first page with text, on the
 * top-most line that has any (a page header may share its line with a table's headings).
 */
export function titleOf(
  pages: readonly LaidOutPage[],
  isHeading: (phrase: Phrase) => boolean = () => false,
  /** Where the table's header begins; by default the first line with a heading. */
  isHeaderLine: (line: Line) => boolean = (l) => l.phrases.some(isHeading),
  /** Lines that cannot be the title (a legend's items above the table). */
  isNote: (line: Line) => boolean = () => false,
): string {
  // The first page with text: a producer may leave the first page blank.
  const page = pages.find((p) => p.lines.some((l) => !PAGE_NUMBER.test(l.text)));
  if (!page) return '';
  const phrases = page.lines.flatMap((l) => l.phrases).filter((p) => !PAGE_NUMBER.test(p.text) && !isHeading(p));
  const largest = Math.max(...phrases.map((p) => p.size));
  const sizes = phrases.map((p) => p.size).sort((a, b) => a - b);
  // A title stands out from the body text by its size; where nothing does, it is the longest
  // line above the first table heading (a page header that repeats the title included).
  if (largest - sizes[Math.floor(sizes.length / 2)]! < SAME_SIZE) {
    const headingTop = page.lines.find(isHeaderLine)?.top ?? Infinity;
    // A line between a legend's items is one too, however its printer set it (B目標値に… | C現状値から…, the marks glued).
    const notes = page.lines.map((l) => l.bottom < headingTop && isNote(l));
    const noted = (k: number) => notes[k]! || (notes.slice(0, k).includes(true) && notes.slice(k + 1).includes(true));
    const above = page.lines.filter((l, k) => l.bottom < headingTop && !PAGE_NUMBER.test(l.text.trim()) && !noted(k));
    const longest = above.sort((a, b) => [...b.text].length - [...a.text].length || a.baseline - b.baseline)[0];
    return longest && [...longest.text].length >= MIN_TITLE_LENGTH ? longest.text.replace(/\s+/g, ' ').trim() : '';
  }
  const top = phrases.filter((p) => p.size >= largest - SAME_SIZE).sort((a, b) => a.baseline - b.baseline)[0];
  if (!top) return '';
  const line = page.lines.find((l) => l.phrases.includes(top))!;
  return line.phrases
    .filter((p) => p.size >= largest - SAME_SIZE)
    .map((p) => p.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins the phrases of one line (of one cell) left to right, with a space where the gap was one. */
export function joinPhrases(phrases: readonly Phrase[]): string {
  let text = '';
  let right = -Infinity;
  for (const p of [...phrases].sort((a, b) => a.x - b.x)) {
    if (text && p.x - right >= SPACE_GAP_EM * p.size) text += ' ';
    text += p.text;
    right = p.right;
  }
  return text;
}

/**
 * Joins wrapped lines of one cell: no space between Japanese, a space between Latin words, none
 * inside a figure a narrow cell cut (内線382 | 8）).
 */
export function joinWrapped(parts: readonly string[]): string {
  let text = '';
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const figure = /[0-9]$/.test(text) && /^[0-9]/.test(part);
    if (text && !figure && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(part)) text += ' ';
    text += part;
  }
  return text;
}
