import type { PageContent, Rule, TextRun } from './pdf.js';

/**
 * The pages pdf.js gives the extractor (readPdf's result, extractPages' input) as a compact
 * record: runs and rules as tuples, fonts named once. Fixtures store it so that layout tests run
 * without parsing PDFs; it holds exactly what the extractor reads, so extracting from the record
 * gives what extracting from the PDF gives.
 */
export interface PagesRecord {
  format: typeof FORMAT;
  fonts: string[];
  pages: PageRecord[];
}

/** A run: text, left edge, baseline, width, font size, index into `fonts`, and its words' edges where the glyphs told them (flat: left, right, …). */
type RunRecord = [text: string, x: number, baseline: number, width: number, size: number, font: number, words?: number[]];
/** A rule: at, from, to. */
type RuleRecord = [at: number, from: number, to: number];

interface PageRecord {
  number: number;
  width: number;
  height: number;
  turned?: number;
  unplaced?: string[];
  runs: RunRecord[];
  horizontal: RuleRecord[];
  vertical: RuleRecord[];
}

/** Raised when the record's shape changes, so that an old record is refused rather than misread. */
const FORMAT = 2;

const ruleRecord = (r: Rule): RuleRecord => [r.at, r.from, r.to];
const ruleOf = ([at, from, to]: RuleRecord): Rule => ({ at, from, to });

export function recordOf(pages: readonly PageContent[]): PagesRecord {
  const fonts = [...new Set(pages.flatMap((p) => p.runs.map((r) => r.font)))];
  const index = new Map(fonts.map((f, k) => [f, k]));
  return {
    format: FORMAT,
    fonts,
    pages: pages.map((p) => ({
      number: p.number,
      width: p.width,
      height: p.height,
      ...(p.turned !== undefined ? { turned: p.turned } : {}),
      ...(p.unplaced !== undefined ? { unplaced: p.unplaced } : {}),
      runs: p.runs.map((r): RunRecord => {
        const font = index.get(r.font)!;
        return r.words ? [r.text, r.x, r.baseline, r.width, r.size, font, r.words.flat()] : [r.text, r.x, r.baseline, r.width, r.size, font];
      }),
      horizontal: p.horizontal.map(ruleRecord),
      vertical: p.vertical.map(ruleRecord),
    })),
  };
}

export function pagesOf(record: PagesRecord): PageContent[] {
  if (record.format !== FORMAT) throw new Error(`a pages record of format ${String(record.format)}, not ${FORMAT}: regenerate it`);
  return record.pages.map((p) => ({
    number: p.number,
    width: p.width,
    height: p.height,
    runs: p.runs.map(([text, x, baseline, width, size, font, words]): TextRun => ({
      text,
      x,
      baseline,
      width,
      size,
      font: record.fonts[font]!,
      // Edges come in pairs; a record cut short keeps the estimate rather than a word without its right edge.
      ...(words && words.length % 2 === 0 ? { words: words.flatMap((left, k) => (k % 2 === 0 ? [[left, words[k + 1]!] as [number, number]] : [])) } : {}),
    })),
    horizontal: p.horizontal.map(ruleOf),
    vertical: p.vertical.map(ruleOf),
    ...(p.unplaced !== undefined ? { unplaced: p.unplaced } : {}),
    ...(p.turned !== undefined ? { turned: p.turned } : {}),
  }));
}
