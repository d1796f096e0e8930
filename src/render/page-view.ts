/** The options a document is printed with, and what every page view gives its template besides the document. Pure. */

/** How a document is printed: paper, page numbers, and whose figures. */
export interface RenderOptions {
  paper: 'A4' | 'A3';
  /** The source's style for the document's kind (「1 / 8」 for the KPI report, 「- 1 -」 for the narrative), 「- 1 -」, 「1 / 7」, 「1」, or none. */
  pageNumbers: 'source' | PageNumberStyle;
  /** Print the progress, status and counts the document printed, not the recomputed ones. */
  asPrinted: boolean;
  /** The extractor's self-check doubts its reading of the PDF: every page says so, as a draft. */
  readingDoubted?: boolean;
}

export type PageNumberStyle = 'dash' | 'slash' | 'plain' | 'none';

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { paper: 'A4', pageNumbers: 'source', asPrinted: false };

export const PAGE_NUMBER_FORMATS: Record<PageNumberStyle, string> = {
  dash: '- {page} -',
  slash: '{page} / {pages}',
  plain: '{page}',
  none: '',
};

/** A3's text and rules against A4's: larger, but less than the paper (√2), so that an A3 page holds more rows in wider columns. */
const A3_TEXT = 1.2;

/**
 * How each paper is laid out. The templates are drawn for A4; a paper's text, rules and margins
 * are `scale` × A4's, and its page holds `room` × A4's page in A4 points: the columns are widened
 * by `room` (lines re-flow in them), the rows planned on the taller page.
 */
export const PAPERS: Record<RenderOptions['paper'], { scale: number; room: number }> = {
  A4: { scale: 1, room: 1 },
  A3: { scale: A3_TEXT, room: Math.SQRT2 / A3_TEXT },
};

/** A4 landscape in points. */
const A4_PAGE = { width: 841.89, height: 595.28 };

/** The page in A4 points: A4 (landscape unless told), or a larger paper's page as it holds A4's text. */
export function pageOf(paper: RenderOptions['paper'], orientation: 'landscape' | 'portrait' = 'landscape'): { width: number; height: number } {
  const [width, height] = orientation === 'landscape' ? [A4_PAGE.width, A4_PAGE.height] : [A4_PAGE.height, A4_PAGE.width];
  return { width: width * PAPERS[paper].room, height: height * PAPERS[paper].room };
}

/** What every template sees at its root besides the document. */
export interface PageView {
  paper: { size: RenderOptions['paper'] };
  pageNumberFormat: string;
  /** （案）: the document still has blank actuals (未記入) or draft results, or its reading is doubted. */
  draft: boolean;
  /** The reading of the PDF it was made from is doubted (the header says so beside （案）). */
  doubted: boolean;
}

/** `source`: the page numbers the kind's source documents print (the KPI sample 「1/8」, the narrative 「-1-」). */
export function pageView(options: RenderOptions, draft: boolean, source: PageNumberStyle = 'dash'): PageView {
  const style = options.pageNumbers === 'source' ? source : options.pageNumbers;
  const doubted = options.readingDoubted === true;
  return { paper: { size: options.paper }, pageNumberFormat: PAGE_NUMBER_FORMATS[style], draft: draft || doubted, doubted };
}
