import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILIES, familyCase } from '../scripts/corpus/families.mjs';
import { prng } from '../scripts/corpus/documents.mjs';
import { readBuiltInSchemes } from '../src/evaluate/scheme-file.js';
import { type PageContent, readPdf } from '../src/extract/pdf.js';
import { parseDocumentText } from '../src/io/yaml.js';
import type { KpiDocument } from '../src/model/types.js';
import { renderDiffPdf, renderPdf, renderTrendPdf } from '../src/render/pdf.js';
import { diffKpi } from '../src/diff/diff.js';
import { evaluateDocument } from '../src/evaluate/evaluate.js';
import { trendOf } from '../src/diff/trend.js';
import { walkIndicators } from '../src/model/walk.js';

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

/**
 * Figures as some cities print them: the unit glued to each (57,808人/年) and 以上 after a target,
 * on indicators drawn at random; such a figure once spilled over the 経年表's narrow year columns,
 * its first digit printed over the rule (5,672千円以上 for 15,672千円以上).
 */
function glueUnits(doc: KpiDocument, seed: number): void {
  const rng = prng(seed);
  for (const { indicator } of walkIndicators(doc)) {
    if (!indicator.unit || !rng.chance(0.6)) continue;
    for (const m of [indicator.baseline, indicator.actual, indicator.target, ...(indicator.series ?? [])])
      if (m && m.value !== null && /[0-9]$/.test(m.text)) m.text = `${m.text}${indicator.unit}`;
    if (indicator.target && indicator.target.value !== null && rng.chance(0.5)) indicator.target.text += '以上';
  }
}

/** Two years of a family's document, its figures glued to their units; the later year's actuals changed. */
function twoYears(family: string, seed: number) {
  const { document } = familyCase(family, seed);
  glueUnits(document, seed);
  const later = structuredClone(document);
  later.fiscalYear += 1;
  for (const { indicator } of walkIndicators(later))
    if (indicator.actual.value !== null) indicator.actual = { ...indicator.actual, value: indicator.actual.value + 1, text: `${indicator.actual.text}※` };
  const scheme = schemes.find((s) => s.id === (document.scheme ?? 'default'))!;
  return { earlier: document, later, scheme };
}

const identical = (a: string, b: string) => (a === b ? 1 : 0);

describe('no figure of the 経年表 or the 新旧対照表 over a column rule', () => {
  const cases = FAMILIES.map((family: string) => [family, 20261207] as const);
  it.each(cases)(
    '経年表 of %s, seed %i, units glued to the figures',
    async (family, seed) => {
      const { earlier, later, scheme } = twoYears(family, seed);
      const trend = trendOf(
        [earlier, later].map((d) => ({ document: d, evaluation: evaluateDocument(d, scheme) })),
        identical,
      );
      const pages = await readPdf(await renderTrendPdf(trend), `${family}-trend.pdf`);
      expect(pages.flatMap(textOverRules)).toEqual([]);
    },
    60_000,
  );
  it.each(cases)(
    '新旧対照表 of %s, seed %i, units glued to the figures',
    async (family, seed) => {
      const { earlier, later, scheme } = twoYears(family, seed);
      const pages = await readPdf(await renderDiffPdf(diffKpi(earlier, later, identical, scheme), scheme), `${family}-diff.pdf`);
      expect(pages.flatMap(textOverRules)).toEqual([]);
    },
    60_000,
  );
});
