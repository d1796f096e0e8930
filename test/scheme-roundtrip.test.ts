import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDocument } from '../src/evaluate/evaluate.js';
import { readBuiltInSchemes } from '../src/evaluate/scheme-file.js';
import { extractPages } from '../src/extract/extract.js';
import { readPdf } from '../src/extract/pdf.js';
import { parseDocumentText } from '../src/io/yaml.js';
import type { Scheme } from '../src/model/scheme.js';
import type { KpiDocument } from '../src/model/types.js';
import { walkIndicators } from '../src/model/walk.js';
import { renderPdf } from '../src/render/pdf.js';
import { asComputed } from './helpers/as-computed.js';

/**
 * A report tassei renders under any of its schemes reads back: the extractor tells the scheme
 * from what is printed (with no hint: the default scheme preferred) and reads the values, the
 * statuses and the summary counts that were printed. Each scheme is rendered once.
 */

const schemes = readBuiltInSchemes();
const fallback = schemes.find((s) => s.id === 'default')!;
const r1 = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;
/** Two strategies of the R1 report (※ indicators, year notes, - values), with a plan for the schemes that pro-rate targets. */
const source: KpiDocument = { ...r1, plan: { start: 2015, end: 2019 }, strategies: r1.strategies.slice(0, 2) };

/** What a reader of the PDF can see: values, printed progress and status, summary counts. */
function printed(doc: KpiDocument) {
  return {
    indicators: walkIndicators(doc).map(({ indicator: i }) => [
      i.name,
      i.unit,
      i.method,
      i.baseline.text,
      i.actual.text,
      i.target?.text ?? null,
      i.reported.progress,
      i.reported.status,
    ]),
    summaries: doc.strategies.map((s) => [s.reportedSummary, s.reportedGoalSummary, ...s.policies.map((p) => p.reportedSummary)]),
  };
}

/**
 * Schemes whose reports do not read back yet, each with its reason: the test fails when one
 * reads back, so that the entry goes.
 */
const KNOWN: Record<string, string> = {
  fuji: 'the heading 50%以上80%未満 wraps onto a second line that the status chart beside the table puts numbers on, so the header is found without it (grid.ts: a heading line holds no numbers)',
};

const rendered = new Map<string, Uint8Array>();
beforeAll(async () => {
  for (const scheme of schemes) rendered.set(scheme.id, await renderPdf(source, scheme, evaluateDocument(source, scheme)));
}, 120_000);

describe('a report rendered under each scheme extracts back, its scheme told from what it prints', () => {
  it('covers every scheme of schemes/', () =>
    expect(schemes.map((s) => s.id).sort()).toEqual(['abcd', 'default', 'etajima', 'fuji', 'fukuoka', 'ino', 'kitsuki', 'nagayo', 'sano', 'tagawa', 'tama']));

  it.each(schemes.map((s) => [s.id, s] as [string, Scheme]))('%s', async (id, scheme) => {
    const shown = asComputed(source, scheme);
    // Not vacuous: the document gives each scheme more than one grade.
    expect(new Set(walkIndicators(shown).map((at) => at.indicator.reported.status)).size).toBeGreaterThan(1);
    const pages = await readPdf(rendered.get(id)!, `${id}.pdf`);
    const { document, scheme: read, messages } = extractPages(pages, `${id}.pdf`, { known: schemes, given: null, preferred: fallback });
    if (KNOWN[id]) {
      expect(read.id === id && JSON.stringify(printed(document as KpiDocument)) === JSON.stringify(printed(shown)), KNOWN[id]).toBe(false);
      return;
    }
    expect(read.id).toBe(id);
    expect(printed(document as KpiDocument)).toEqual(printed(shown));
    const said = messages.filter((m) => m.rule === 'extract-scheme').map((m) => m.message.ja);
    expect(said).toEqual(id === 'default' ? [] : [expect.stringContaining(`印刷時の評価基準: ${id}`)]);
    expect(messages.filter((m) => m.severity !== 'info')).toEqual([]);
  });
});
