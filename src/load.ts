import { statSync } from 'node:fs';
import { failure } from './model/errors.js';
import { startsWithPdfMagic } from './model/files.js';
import { t } from './model/i18n.js';
import type { Message, TasseiDocument } from './model/types.js';
import { readDocumentFile } from './model/yaml.js';

/** A document with the messages its reading produced (warnings; errors are thrown). */
export interface LoadedDocument {
  file: string;
  document: TasseiDocument;
  messages: Message[];
  /** True where the document was extracted from a PDF. */
  fromPdf: boolean;
  /** Pages read, for a PDF. */
  pages?: number;
}

/** Reads a document from a PDF (extracting it) or from YAML/JSON. The I/O edge of every command. */
export async function loadDocument(file: string): Promise<LoadedDocument> {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw failure(file, 'file-missing', t('ファイルがありません', 'no such file'), { hint: t('パスを確かめます', 'check the path') });
  }
  if (!stat.isFile()) throw failure(file, 'file-missing', t('ファイルではありません', 'not a file'), { hint: t('.pdf・.yaml・.json のファイルを指定します', 'give a .pdf, .yaml or .json file') });
  const isPdf = /\.pdf$/i.test(file) || startsWithPdfMagic(file);
  if (isPdf) {
    const { extractPdfFile } = await import('./extract/extract.js');
    const { document, messages, pages } = await extractPdfFile(file);
    return { file, document, messages, fromPdf: true, pages };
  }
  return { file, ...readDocumentFile(file), fromPdf: false };
}
