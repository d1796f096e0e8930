import { readFileSync, statSync } from 'node:fs';
import { TasseiError } from '../model/errors.js';
import { failure, warningMessage } from '../model/messages.js';
import { say, t } from '../model/i18n.js';
import type { Scheme } from '../model/scheme.js';
import type { Message, TasseiDocument } from '../model/types.js';
import { type LaidOutPage, type Line, type Phrase, furnitureOf, layOut, titleOf } from './layout.js';
import { DETAIL_COLUMNS, SUMMARY_COLUMNS, headingLineOf, looksLikeKpi, readKpi } from './kpi.js';
import { type SchemeReading, readingOf } from './printed-scheme.js';
import { NARRATIVE_COLUMNS, isNarrativeHeading, looksLikeNarrative, readNarrative } from './narrative.js';
import { type PageContent, readPdf } from './pdf.js';
import { isLegendLine } from './legend.js';
import { NUMBER_LIKE } from './grid.js';
import { looksLikeOtherKpi, readOtherKpi } from './other-layouts.js';
import { type RoleDeclarations, bareYear, headingWord } from './roles.js';

/** A heading of a table of another layout, of any length (重要業績評価指標（KPI）). */
// A year alone is no heading to find the title by: it opens the title (平成29年度 まち・ひと・しごと…), set apart from its words.
const isHeaderRowHeading = (phrase: Phrase) => headingWord(phrase.text) !== null && !bareYear(phrase.text);
/** A heading of a table of another layout: not the title, which may hold a heading's word in its longer text. */
const isOtherHeading = (phrase: Phrase) => isHeaderRowHeading(phrase) && [...phrase.text].length <= 12;
// A header line holds two headings or more: a title may hold one (… KPI達成状況), a legend's heading line one (評価基準 A:…).
const isOtherHeaderLine = (line: Line) => line.phrases.filter(isOtherHeading).length >= 2;
/** A table's header row names a name's column and two values' at least. */
const HEADER_ROW_HEADINGS = 3;
// A legend's items above the table (評価基準 A:… B:… on one line, or C：… or B 目標を… a line) are no title, though longer.
const holdsLegendItems = (line: Line) => isLegendLine(line.phrases.map((p) => p.text));
// Nor is a row of years, though longer: a series' headings over its columns (数値目標 | 2019年度 | … | 2024年度 a line
// above 基準値 | 目標値), where a title names its year once.
const YEAR_ROW_YEARS = 3;
const namesYears = (line: Line) => line.phrases.filter((p) => bareYear(p.text)).length >= YEAR_ROW_YEARS;
const noTitle = (line: Line) => holdsLegendItems(line) || namesYears(line);

export interface Extraction {
  document: TasseiDocument;
  /** The scheme a KPI report was printed under, which read its marks; the preferred one for a narrative. */
  scheme: Scheme;
  messages: Message[];
  pages: number;
}

const HEADINGS = [...DETAIL_COLUMNS, ...SUMMARY_COLUMNS, ...NARRATIVE_COLUMNS];

function isHeadingPhrase(phrase: Phrase): boolean {
  return HEADINGS.some((h) => h.label.test(phrase.text));
}

/**
 * Letters with diacritics (U+00C0–U+024F) and C1 controls: what the glyphs of a font read as when
 * the PDF has lost the map from glyphs to characters (a font re-encoded without its ToUnicode
 * map, as some printer drivers do). A Japanese report has next to none.
 */
const MOJIBAKE = /[\u0080-\u009F\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]/gu;
/** The share of such characters in the non-ASCII text above which the text is taken as lost. */
const MOJIBAKE_SHARE = 0.005;
/** Fewer such characters than this are a name's accents, never a lost encoding. */
const MOJIBAKE_MIN = 3;

/** A sample of the text where its characters are lost, or null where the text reads as text. */
export function lostText(pages: readonly PageContent[]): string | null {
  const runs = pages.flatMap((p) => p.runs.map((r) => r.text));
  const foreign = runs.join('').replace(/[\x00-\x7F\s]/g, '');
  const lost = foreign.match(MOJIBAKE)?.length ?? 0;
  if (lost < MOJIBAKE_MIN || lost / foreign.length <= MOJIBAKE_SHARE) return null;
  return runs.find((r) => MOJIBAKE.test(r))!.slice(0, 30);
}

/**
 * From pages to a document: lay out, drop page furniture, tell the kind, read it (a KPI report's
 * marks with the scheme it was printed under, told among `schemes`). Pure.
 */
export function extractPages(pages: readonly PageContent[], file: string, schemes: Scheme | SchemeReading, roles: RoleDeclarations = new Map()): Extraction {
  const reading = readingOf(schemes);
  const lost = lostText(pages);
  if (lost !== null) {
    throw failure(
      file,
      'pdf-text-lost',
      t(
        `PDF の文字の情報が失われていて、正しく読み取れません（文字化け:「${lost}」）`,
        `the PDF has lost the characters of its text and cannot be read right (garbled: "${lost}")`,
      ),
      {
        hint: t(
          '元の Excel・Word などから「PDF として保存」し直してください（印刷ドライバを通した PDF はフォントの文字の対応を失うことがあります）',
          'save the PDF again from the original (Excel, Word: "save as PDF"); a PDF made through a printer driver can lose the fonts\' character maps',
        ),
      },
    );
  }
  const laidOut: LaidOutPage[] = pages.map(layOut);
  refuseMixedKinds(laidOut, file);
  const isHeadingLine = headingLineOf(reading.given ? [reading.given] : [reading.preferred, ...reading.known]);
  // Another layout's header printed again at one place on every page is no furniture either: its
  // lower lines may stand below the margin (実績 | 達成度 under a year's group) and be left as text.
  // Three headings at least, and no figure (a row of values 0 | 1 | 2 would name series' years).
  // Longer headings count too where the line is no legend's, whose items name their words (■○：目標値と同等,
  // a footer on every page): three are no title's (重要業績評価指標（KPI） | 基準値（R1） | R5 | 目標（R6）).
  const holdsHeadings = (l: Line, heading: (p: Phrase) => boolean) => l.phrases.filter(heading).length >= HEADER_ROW_HEADINGS;
  const isOtherHeaderRow = (l: Line) =>
    !l.phrases.some((p) => NUMBER_LIKE.test(p.text.trim())) &&
    (holdsHeadings(l, isOtherHeading) || (holdsHeadings(l, isHeaderRowHeading) && !holdsLegendItems(l)));
  const furniture = furnitureOf(laidOut, (l) => isHeadingLine(l) || isNarrativeHeading(l) || isOtherHeaderRow(l));
  const title = titleOf(laidOut, isHeadingPhrase);
  // tassei's own family first (read exactly as always), then the narrative, then any other municipality's KPI table.
  const result = looksLikeKpi(laidOut)
    ? readOwnOrOther(laidOut, furniture, title, file, reading, roles)
    : looksLikeNarrative(laidOut)
      ? { ...readNarrative(laidOut, furniture, title, file), scheme: reading.preferred }
      : looksLikeOtherKpi(laidOut)
        ? readOtherKpi(laidOut, furniture, titleOf(laidOut, isOtherHeading, isOtherHeaderLine, noTitle), file, reading, roles)
        : null;
  if (!result) {
    throw failure(
      file,
      'pdf-unknown-kind',
      t('KPI の進捗状況の報告書でも、達成状況の報告書でもありません', 'the PDF is neither a KPI progress report nor an achievement narrative'),
      {
        hint: t(
          'KPI の報告書には 目標指標・単位・現状・実績・目標・進捗率・状況 を見出しとする表が、達成状況の報告書には「主な取組内容／実績」と「主な取組／今後の方向性」の列があります',
          'a KPI report has a table headed 目標指標 / 単位 / 現状 / 実績 / 目標 / 進捗率 / 状況; a narrative has columns 主な取組内容／実績 and 主な取組／今後の方向性',
        ),
      },
    );
  }
  const errors = result.messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) throw new TasseiError(result.messages);
  return { ...result, messages: [...result.messages, ...unplacedWarnings(pages, file)], pages: pages.length };
}

/**
 * A PDF that holds both kinds of report (the narrative's pages, then the KPI table's) is refused,
 * naming the pages of each: read as one, either kind would take the other's pages as junk rows.
 */
function refuseMixedKinds(pages: readonly LaidOutPage[], file: string): void {
  const narrative = pages.filter((p) => looksLikeNarrative([p])).map((p) => p.number);
  if (narrative.length === 0) return;
  const kpi = pages.filter((p) => !narrative.includes(p.number) && (looksLikeKpi([p]) || looksLikeOtherKpi([p]))).map((p) => p.number);
  if (kpi.length === 0) return;
  const list = (numbers: number[]) => numbers.join('、');
  throw failure(
    file,
    'pdf-mixed-kinds',
    t(
      `KPI の進捗状況の表（${list(kpi)} ページ）と達成状況の表（${list(narrative)} ページ）が一つの PDF に入っています`,
      `the PDF holds both a KPI progress table (pages ${list(kpi)}) and an achievement narrative (pages ${list(narrative)})`,
    ),
    {
      page: Math.min(kpi[0]!, narrative[0]!),
      hint: t(
        '報告書ごとにページを分けて PDF に保存し（印刷の「ページ指定」など）、一つずつ読み取ってください',
        "save each report's pages as a PDF of its own (a page range when printing) and extract them one by one",
      ),
    },
  );
}

/**
 * A table with enough of tassei's own headings is read as its own family; where that reading
 * fails (another municipality's table that shares its words, such as 実績値 over years), it is
 * read as another layout, and where that fails too, the own family's reason is given.
 */
function readOwnOrOther(pages: LaidOutPage[], furniture: ReadonlySet<Phrase>, title: string, file: string, reading: SchemeReading, roles: RoleDeclarations) {
  const other = () => readOtherKpi(pages, furniture, titleOf(pages, isOtherHeading), file, reading, roles);
  let own: ReturnType<typeof readKpi>;
  try {
    own = readKpi(pages, furniture, title, file, reading);
  } catch (failed) {
    if (!(failed instanceof TasseiError) || !looksLikeOtherKpi(pages)) throw failed;
    try {
      return other();
    } catch {
      throw failed;
    }
  }
  // An own reading that placed no row at all (another city's banners and numbering, 基準値 | R1 read
  // as the own 現状 heading) only skipped rows with warnings: another layout's reading that finds
  // strategies is the document's.
  if (own.document.strategies.length > 0 || !looksLikeOtherKpi(pages)) return own;
  try {
    const read = other();
    return read.document.kind === 'kpi-progress' && read.document.strategies.length > 0 ? read : own;
  } catch {
    return own;
  }
}

/** Pieces of text named in a warning, at most. */
const UNPLACED_SHOWN = 5;

/** Text in other directions than its page's lines is not read: say so, page by page, with what it says. */
function unplacedWarnings(pages: readonly PageContent[], file: string): Message[] {
  return pages
    .filter((p) => (p.unplaced ?? []).length > 0)
    .map((p) => {
      const texts = p.unplaced!;
      const shown = texts
        .slice(0, UNPLACED_SHOWN)
        .map((x) => `「${x}」`)
        .join('');
      const more = texts.length > UNPLACED_SHOWN ? t(` ほか ${texts.length - UNPLACED_SHOWN} 件`, ` and ${texts.length - UNPLACED_SHOWN} more`) : '';
      return warningMessage(
        file,
        'pdf-text-direction',
        t(
          `横書きの行と向きの違う文字を読み取っていません: ${shown}${say(more, 'ja')}`,
          `text in another direction than the page's lines was not read: ${shown}${say(more, 'en')}`,
        ),
        {
          page: p.number,
          hint: t(
            '縦書きや斜めの文字（印影など）は表の一部として読めません。必要なら YAML に書き足してください',
            'vertical or slanted text (stamps, captions) is not read as part of a table; add it to the YAML if it is needed',
          ),
        },
      );
    });
}

/** Larger than any report's PDF (the R1 sample is 0.2 MB); beyond it, a wrong file or an attack. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** Extracts a PDF; its printed status marks are read with the scheme it was printed under, told among `schemes`. */
export async function extractPdfFile(file: string, schemes: Scheme | SchemeReading, roles: RoleDeclarations = new Map()): Promise<Extraction> {
  let data: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > MAX_PDF_BYTES) {
      throw failure(
        file,
        'file-too-large',
        t(
          `${size} バイトあり、報告書の PDF として大きすぎます（上限 ${MAX_PDF_BYTES} バイト）`,
          `${size} bytes: too large for a report's PDF (at most ${MAX_PDF_BYTES})`,
        ),
        { hint: t('報告書の PDF か確かめてください', "check that this is a report's PDF") },
      );
    }
    data = new Uint8Array(readFileSync(file));
  } catch (error) {
    if (error instanceof TasseiError) throw error;
    throw failure(file, 'file-unreadable', t(`ファイルを読めません: ${(error as Error).message}`, `cannot read the file: ${(error as Error).message}`));
  }
  return extractPages(await readPdf(data, file), file, schemes, roles);
}
