import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KpiDocument, NarrativeDocument } from '../model/types.js';
import { parseDocumentText, stringifyDocument } from '../io/yaml.js';
import { nextKpi, nextNarrative } from './next.js';

const kpi = () => parseDocumentText(readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8'), 'k.yaml') as KpiDocument;

describe('next', () => {
  it('writes every actual as blank (未記入: empty text), not as "-" (no data), and keeps last year\'s and the department', () => {
    const doc = kpi();
    doc.strategies[0]!.indicators[0]!.department = '農林課';
    const document = nextKpi(doc).document as KpiDocument;
    const indicators = document.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);
    expect(indicators.length).toBeGreaterThan(3);
    for (const i of indicators) expect(i.actual).toEqual({ value: null, year: null, text: '' });
    expect(document.strategies[0]!.indicators[0]!.department).toBe('農林課');
    expect(document.strategies[0]!.indicators[0]!.previousActual).toEqual(doc.strategies[0]!.indicators[0]!.actual);
    // The written document reads back as it is.
    expect(parseDocumentText(stringifyDocument(document), 'n.yaml')).toEqual(document);
  });

  it("marks the narrative's results carried over from last year's plans as a draft", () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;
    const { document } = nextNarrative(doc);
    const policies = (document as NarrativeDocument).goals.flatMap((g) => g.policies);
    expect(policies.every((p) => p.draft === true && p.plans.length === 0)).toBe(true);
    expect(doc.goals[0]!.policies[0]!.draft).toBeUndefined();
  });
});
