import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextDocument } from '../diff/next.js';
import { EXTRACTION_DOUBT_RULE } from '../evaluate/doubts.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { verbatim } from '../model/i18n.js';
import type { KpiDocument, Message, NarrativeDocument } from '../model/types.js';
import { reasonsNotFinal } from './final.js';
import { narrativeView } from './narrative-view.js';
import { DEFAULT_RENDER_OPTIONS } from './page-view.js';

const read = <T>(name: string) => parseDocumentText(readFileSync(`test/fixtures/expected/${name}.yaml`, 'utf8'), `${name}.yaml`) as T;
const narrative = read<NarrativeDocument>('narrative-r5');
const kpi = read<KpiDocument>('kpi-r1');
/** Next year's narrative as `next` writes it: every policy's results are last year's plans, draft: true. */
const draft = nextDocument(narrative).document as NarrativeDocument;

const doubt: Message = {
  severity: 'warning',
  rule: EXTRACTION_DOUBT_RULE,
  file: 'r1.pdf',
  page: 3,
  place: { strategy: 1, policy: 2, measure: null, indicator: null },
  message: verbatim('重点戦略1 戦略方針2: 名前のない指標の行（3ページ 上から120pt「38,806」）'),
};

describe('reasonsNotFinal: what keeps a document from going out as final, each at its place', () => {
  it.each([
    ['a complete KPI report', kpi, [], []],
    ['a complete narrative', narrative, [], []],
    [
      'a narrative whose results are still drafts: each policy by its path',
      draft,
      [],
      draft.goals.flatMap((g, gi) => g.policies.map((_, pi) => `render-draft goals[${gi}].policies[${pi}].draft`)),
    ],
    ['a reading of the PDF that the self-check doubts: its page', kpi, [doubt], ['render-doubted page 3']],
  ] as [string, KpiDocument | NarrativeDocument, Message[], string[]][])('%s', (_, doc, messages, expected) => {
    const reasons = reasonsNotFinal(doc, 'doc', messages);
    expect(reasons.map((m) => `${m.rule} ${m.path ?? `page ${m.page}`}`)).toEqual(expected);
    expect(reasons.every((m) => m.severity === 'error')).toBe(true);
  });

  it('a blank actual of a KPI report, by its path', () => {
    const blank = structuredClone(kpi);
    blank.strategies[0]!.policies[1]!.measures[0]!.indicators[0]!.actual = { value: null, year: null, text: '' };
    expect(reasonsNotFinal(blank, 'doc', []).map((m) => m.path)).toEqual(['strategies[0].policies[1].measures[0].indicators[0].actual']);
  });

  it('other warnings of the reading are no reason', () => {
    expect(reasonsNotFinal(kpi, 'doc', [{ ...doubt, rule: 'extract-kpi' }])).toEqual([]);
  });
});

describe('the pages of a draft narrative', () => {
  it.each([
    ['its results still drafts', draft, {}, { draft: true, doubted: false }],
    ['final', narrative, {}, { draft: false, doubted: false }],
    ['read from a doubted PDF', narrative, { readingDoubted: true }, { draft: true, doubted: true }],
  ] as const)('say （案） where it is not final: %s', (_, doc, options, expected) => {
    expect(narrativeView(doc, { ...DEFAULT_RENDER_OPTIONS, ...options })).toMatchObject(expected);
  });
});

describe('final without the plan a scheme needs', () => {
  it('refuses a document graded by a scheme that pro-rates targets by the plan’s years when loading said it has no plan: its statuses are not computed', () => {
    const said: Message = {
      severity: 'warning',
      rule: 'scheme-plan',
      file: 'k.yaml',
      message: verbatim('計画期間がありません'),
      hint: verbatim('plan: を書きます'),
    };
    expect(reasonsNotFinal(kpi, 'k.yaml', [said]).map((m) => [m.severity, m.rule])).toEqual([['error', 'scheme-plan']]);
    expect(reasonsNotFinal(kpi, 'k.yaml', [])).toEqual([]);
  });
});
