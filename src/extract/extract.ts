import { failure } from '../model/errors.js';
import type { Message, TasseiDocument } from '../model/types.js';

export interface Extraction {
  document: TasseiDocument;
  messages: Message[];
}

export async function extractPdfFile(file: string): Promise<Extraction> {
  throw failure(file, 'pdf-unsupported', 'reading PDFs is not built yet', { hint: 'give the YAML of the document' });
}
