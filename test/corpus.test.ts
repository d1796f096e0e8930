import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { differences, formatDifferences } from '../scripts/corpus/compare.mjs';
import { extractPdfFile } from '../src/extract/extract.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';
import { parseDocumentText } from '../src/model/yaml.js';

/**
 * The layout corpus (scripts/corpus/make.mjs): the same documents printed by pdfmake, Calc,
 * Writer and Chromium in many layouts. Every PDF must extract to exactly the document it was
 * printed from; the failure lists, per PDF, each field that differs and the layout to replay.
 */
const CORPUS = 'test/fixtures/corpus';
const MAX_LISTED = 12;

it('every corpus PDF extracts to its source document, field by field', async () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort();
  expect(files.length).toBeGreaterThanOrEqual(60);
  const failures: string[] = [];
  for (const file of files) {
    const path = join(CORPUS, file);
    const source = path.replace(/\.pdf$/, '.yaml');
    const expected = parseDocumentText(readFileSync(source, 'utf8'), source);
    let found;
    try {
      found = differences(expected, (await extractPdfFile(path, DEFAULT_SCHEME)).document);
    } catch (error) {
      const messages = (error as { messages?: { rule: string; message: string }[] }).messages;
      found = [{ path: '(extraction failed)', expected: 'a document', got: messages?.map((m) => `${m.rule}: ${m.message}`).join('; ') ?? String(error) }];
    }
    if (found.length > 0) {
      failures.push(`${file}: ${found.length} fields differ (layout: ${file.replace(/\.pdf$/, '.layout.json')})\n  ${formatDifferences(found, MAX_LISTED).replace(/\n/g, '\n  ')}`);
    }
  }
  expect(failures.length, `${failures.length} of ${files.length} corpus PDFs do not extract to their source:\n\n${failures.join('\n\n')}\n`).toBe(0);
}, 600_000);
