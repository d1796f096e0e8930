import { readFileSync } from 'node:fs';
import { TasseiError, failure } from '../model/errors.js';
import type { Message, TasseiDocument } from '../model/types.js';
import { type LaidOutPage, type Phrase, furnitureOf, layOut, titleOf } from './layout.js';
import { DETAIL_COLUMNS, SUMMARY_COLUMNS, isHeadingLine, looksLikeKpi, readKpi } from './kpi.js';
import { NARRATIVE_COLUMNS, isNarrativeHeading, looksLikeNarrative, readNarrative } from './narrative.js';
import { type PageContent, readPdf } from './pdf.js';

export interface Extraction {
  document: TasseiDocument;
  messages: Message[];
  pages: number;
}

const HEADINGS = [...DETAIL_COLUMNS, ...SUMMARY_COLUMNS, ...NARRATIVE_COLUMNS];

function isHeadingPhrase(phrase: Phrase): boolean {
  return HEADINGS.some((h) => h.label.test(phrase.text));
}

/** From pages to a document: lay out, drop page furniture, tell the kind, read it. Pure. */
export function extractPages(pages: readonly PageContent[], file: string): Extraction {
  const laidOut: LaidOutPage[] = pages.map(layOut);
  const furniture = furnitureOf(laidOut, (l) => isHeadingLine(l) || isNarrativeHeading(l));
  const title = titleOf(laidOut, isHeadingPhrase);
  const result = looksLikeKpi(laidOut)
    ? readKpi(laidOut, furniture, title, file)
    : looksLikeNarrative(laidOut)
      ? readNarrative(laidOut, furniture, title, file)
      : null;
  if (!result) {
    throw failure(file, 'pdf-unknown-kind', 'the PDF is neither a KPI progress report nor an achievement narrative', {
      hint: 'a KPI report has a table headed 目標指標 / 単位 / 現状 / 実績 / 目標 / 進捗率 / 状況; a narrative has columns 主な取組内容／実績 and 主な取組／今後の方向性',
    });
  }
  const errors = result.messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) throw new TasseiError(result.messages);
  return { ...result, pages: pages.length };
}

export async function extractPdfFile(file: string): Promise<Extraction> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(readFileSync(file));
  } catch (error) {
    throw failure(file, 'file-unreadable', `cannot read the file: ${(error as Error).message}`);
  }
  return extractPages(await readPdf(data, file), file);
}
