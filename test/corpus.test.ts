import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { differences, formatDifferences } from '../scripts/corpus/compare.mjs';
import { extractPdfFile } from '../src/extract/extract.js';
import { writeFileAtomic } from '../src/io/files.js';
import { parseDocumentText } from '../src/io/yaml.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

/**
 * The layout corpus (scripts/corpus/make.mjs): the same documents printed by pdfmake, Calc,
 * Writer and Chromium in many layouts. Every PDF must extract to exactly the document it was
 * printed from, except those in known-differences.json: each there with the reason, and with
 * exactly the fields that still differ — so a regression fails, and so does a fix that leaves
 * the list stale (`UPDATE_KNOWN=1` rewrites the fields; the reasons are written by hand).
 */
const CORPUS = 'test/fixtures/corpus';
const KNOWN = join(CORPUS, 'known-differences.json');
const MAX_LISTED = 12;

interface Known {
  reason: string;
  fields: string[];
}

it('every corpus PDF extracts to its source document, field by field', async () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort();
  expect(files.length).toBeGreaterThanOrEqual(60);
  const known: Record<string, Known> = existsSync(KNOWN) ? JSON.parse(readFileSync(KNOWN, 'utf8')) : {};
  const found: Record<string, ReturnType<typeof differences>> = {};
  for (const file of files) {
    const path = join(CORPUS, file);
    const source = path.replace(/\.pdf$/, '.yaml');
    const expected = parseDocumentText(readFileSync(source, 'utf8'), source);
    try {
      found[file] = differences(expected, (await extractPdfFile(path, DEFAULT_SCHEME)).document);
    } catch (error) {
      const messages = (error as { messages?: { rule: string; message: string }[] }).messages;
      found[file] = [{ path: '(extraction failed)', expected: 'a document', got: messages?.map((m) => `${m.rule}: ${m.message}`).join('; ') ?? String(error) }];
    }
  }
  if (process.env.UPDATE_KNOWN) {
    const next: Record<string, Known> = {};
    for (const [file, list] of Object.entries(found)) {
      if (list.length > 0) next[file] = { reason: known[file]?.reason ?? 'TODO: say why', fields: list.map((d) => d.path) };
    }
    writeFileAtomic(KNOWN, `${JSON.stringify(next, null, 2)}\n`);
  }
  const failures: string[] = [];
  for (const file of files) {
    const list = found[file]!;
    const paths = list.map((d) => d.path);
    const allowed = known[file]?.fields ?? [];
    if (JSON.stringify(paths) === JSON.stringify(allowed)) continue;
    failures.push(allowed.length > 0 && list.length === 0
      ? `${file}: now extracts exactly — remove it from known-differences.json`
      : `${file}: ${list.length} fields differ (layout: ${file.replace(/\.pdf$/, '.layout.json')})\n  ${formatDifferences(list, MAX_LISTED).replace(/\n/g, '\n  ')}`);
  }
  const exact = files.filter((f) => found[f]!.length === 0).length;
  console.log(`corpus: ${exact} of ${files.length} PDFs extract exactly; ${files.length - exact} with the known differences listed`);
  expect(failures.length, `${failures.length} of ${files.length} corpus PDFs differ from what is known:\n\n${failures.join('\n\n')}\n`).toBe(0);
}, 600_000);
