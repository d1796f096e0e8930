import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPages } from '../src/extract/extract.js';
import { type PageContent, readPdf } from '../src/extract/pdf.js';
import { setAsideDoubted } from '../src/evaluate/doubts.js';
import { evaluateDocument } from '../src/evaluate/evaluate.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

/**
 * The extractor's self-check, with a fault injected into what pdf.js gives it: one row's status
 * mark moved down under the row, as a wrapped row misread would leave it — a row with no status
 * above a row with no name.
 */
const FILE = 'input/kpi-r1.pdf';
const pages = await readPdf(new Uint8Array(readFileSync(FILE)), FILE);

function withStatusMovedDown(source: readonly PageContent[], page: number, mark: string, nth: number): PageContent[] {
  return source.map((p) => {
    if (p.number !== page) return p;
    const runs = p.runs.filter((r) => r.text === mark);
    const moved = runs[nth]!;
    // Below its row, out of reach of the row's other cells; the horizontal rules are dropped so
    // that nothing but the reading of the cells says where rows are.
    return { ...p, horizontal: [], runs: p.runs.map((r) => (r === moved ? { ...r, baseline: r.baseline + 2.2 * r.size } : r)) };
  });
}

describe('extract: the self-check', () => {
  it('says nothing on a correct extraction', () => {
    expect(extractPages(pages, FILE, DEFAULT_SCHEME).messages).toEqual([]);
  });

  it('names the page and the rows of a misread row, and evaluate does not blame the document for the counts', () => {
    const faulty = withStatusMovedDown(pages, 1, '悪化↓', 1);
    const { document, messages } = extractPages(faulty, FILE, DEFAULT_SCHEME);
    const doubts = messages.filter((m) => m.rule === 'extract-check');
    expect(doubts.length).toBeGreaterThan(0);
    expect(doubts.every((m) => m.page === 1)).toBe(true);
    expect(doubts.map((m) => m.message.ja).join('\n')).toMatch(/名前のない指標の行|状況のない行/);
    const findings = evaluateDocument(document, DEFAULT_SCHEME).findings;
    const { kept, setAside } = setAsideDoubted(findings, messages);
    expect(setAside.length).toBeGreaterThan(0);
    expect(
      kept.filter((f) => f.kind === 'summary-mismatch' && setAside.some((s) => s.strategy === f.strategy && s.policy === f.policy && s.row === f.row)),
    ).toEqual([]);
  });
});
