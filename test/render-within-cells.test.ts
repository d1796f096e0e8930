import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES, familyCase } from '../scripts/corpus/families.mjs';
import { prng } from '../scripts/corpus/documents.mjs';
import { readBuiltInSchemes } from '../src/evaluate/scheme-file.js';
import { type PageContent, readPdf } from '../src/extract/pdf.js';
import { parseDocumentText } from '../src/io/yaml.js';
import type { KpiDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf.js';

/**
 * No text tassei prints crosses a column's rule: a word set over the edge of its cell prints on
 * top of its neighbour's (the 個別施策(1)文化 of a narrow grouping column once did). Documents
 * of every family in their own layout, with column widths drawn at random, narrow ones among
 * them, so that titles, names, values and comments must wrap.
 */

const schemes = readBuiltInSchemes();
/** A glyph may touch a rule by rounding; past this it is over the rule. */
const OVER_RULE = 0.75;

/** Each text run that crosses a vertical rule beside it, with the rule's x. */
function textOverRules(page: PageContent): string[] {
  const crossings: string[] = [];
  for (const run of page.runs.filter((r) => r.text.trim() !== '')) {
    const middle = run.baseline - run.size * 0.35;
    for (const rule of page.vertical) {
      const beside = Math.min(rule.from, rule.to) < middle && middle < Math.max(rule.from, rule.to);
      if (beside && run.x + OVER_RULE < rule.at && rule.at < run.x + run.width - OVER_RULE)
        crossings.push(`page ${page.number}: "${run.text}" (x ${run.x.toFixed(1)}–${(run.x + run.width).toFixed(1)}) over the rule at x ${rule.at.toFixed(1)}`);
    }
  }
  return crossings;
}

/** Column widths as shares of the table, a few of them narrow. */
function randomWidths(doc: KpiDocument, seed: number): void {
  const rng = prng(seed);
  const columns = doc.layout!.columns;
  const raw = columns.map(() => (rng.chance(0.3) ? 0.3 + rng.next() * 0.4 : 0.8 + rng.next() * 1.6));
  const total = raw.reduce((a, b) => a + b, 0);
  columns.forEach((c, k) => (c.width = Math.round((raw[k]! / total) * 1000) / 1000));
}

async function crossingsOf(doc: KpiDocument, file: string): Promise<string[]> {
  const scheme = schemes.find((s) => s.id === (doc.scheme ?? 'default'))!;
  const pages = await readPdf(await renderPdf(doc, scheme, undefined), file);
  return pages.flatMap(textOverRules);
}

describe('no text over a column rule', () => {
  it.each(['f1-nagayo', 'f2-matsudo', 'f3-tsukuba', 'f5-etajima', 'kitsuki-sheet'])('%s as the fixture lays it out', async (name) => {
    const doc = parseDocumentText(readFileSync(`test/fixtures/layout-docs/${name}.yaml`, 'utf8'), `${name}.yaml`) as KpiDocument;
    expect(await crossingsOf(doc, `${name}.pdf`)).toEqual([]);
  });

  const cases = FAMILIES.flatMap((family: string) => [1, 2].map((n) => [family, 20261206 + n * 7919] as const));
  it.each(cases)(
    '%s, seed %i, random column widths',
    async (family, seed) => {
      const { document } = familyCase(family, seed);
      randomWidths(document, seed);
      expect(await crossingsOf(document, `${family}-${seed}.pdf`)).toEqual([]);
    },
    60_000,
  );
});
