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
