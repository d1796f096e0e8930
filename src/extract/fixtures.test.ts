import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { type Known, differences, extractionCases, formatDifferences, knownDifferences, readStoredPages, writeKnownDifferences } from '../../test/helpers/extraction-fixtures.js';
import { DEFAULT_SCHEME } from '../../test/helpers/scheme.js';
import { parseDocumentText } from '../io/yaml.js';
import { extractPages } from './extract.js';

/**
 * Every extraction fixture (the layout corpus, the other producers' prints, the samples),
 * extracted from the pages stored beside its PDF — no PDF is parsed here; the e2e lane checks
 * that the stored pages are current. Each must give exactly its source document, except the
 * fields its set's known-differences.json lists with the reason: a regression fails, and so does
 * a fix that leaves the list stale (`UPDATE_KNOWN=1` rewrites the fields; reasons are written by
 * hand).
 */
const MAX_LISTED = 12;

it('every extraction fixture extracts from its stored pages to its source document, field by field', () => {
  const cases = extractionCases();
  expect(cases.length).toBeGreaterThanOrEqual(70);
  const found = new Map<string, ReturnType<typeof differences>>();
  for (const c of cases) {
    const expected = parseDocumentText(readFileSync(c.expected, 'utf8'), c.expected);
    try {
      found.set(c.pdf, differences(expected, extractPages(readStoredPages(c.pages), c.pdf, DEFAULT_SCHEME).document));
    } catch (error) {
      const messages = (error as { messages?: { rule: string; message: string }[] }).messages;
      found.set(c.pdf, [{ path: '(extraction failed)', expected: 'a document', got: messages?.map((m) => `${m.rule}: ${m.message}`).join('; ') ?? String(error) }]);
    }
  }
  const knownFiles = [...new Set(cases.map((c) => c.known))];
  const known = new Map(knownFiles.map((f) => [f, knownDifferences(f)]));
  if (process.env.UPDATE_KNOWN) {
    for (const file of knownFiles) {
      const next: Record<string, Known> = {};
      for (const c of cases.filter((k) => k.known === file)) {
        const list = found.get(c.pdf)!;
        if (list.length > 0) next[c.name] = { reason: known.get(file)![c.name]?.reason ?? 'TODO: say why', fields: list.map((d) => d.path) };
      }
      writeKnownDifferences(file, next);
    }
  }
  const failures: string[] = [];
  for (const c of cases) {
    const list = found.get(c.pdf)!;
    const allowed = known.get(c.known)![c.name]?.fields ?? [];
    if (JSON.stringify(list.map((d) => d.path)) === JSON.stringify(allowed)) continue;
    failures.push(allowed.length > 0 && list.length === 0
      ? `${c.pdf}: now extracts exactly — remove it from ${c.known}`
      : `${c.pdf}: ${list.length} fields differ\n  ${formatDifferences(list, MAX_LISTED).replace(/\n/g, '\n  ')}`);
  }
  const exact = cases.filter((c) => found.get(c.pdf)!.length === 0).length;
  console.log(`extraction fixtures: ${exact} of ${cases.length} extract exactly; ${cases.length - exact} with the known differences listed`);
  expect(failures.length, `${failures.length} of ${cases.length} fixtures differ from what is known:\n\n${failures.join('\n\n')}\n`).toBe(0);
});
