import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IndicatorYear, KpiDocument, NarrativeDocument } from '../model/types.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { diffJson, diffKpi, diffNarrative } from './diff.js';
import { formatDiff, recomputedText } from './format.js';
import { readScheme } from '../evaluate/scheme-file.js';

const SCHEME = readScheme('schemes/default.yaml');

const r1 = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;
/** Names alike by their character pairs: enough to pair indicators, without a dictionary. */
const similarity = (a: string, b: string) => {
  const pairs = (t: string) => [...t].slice(1).map((c, i) => t[i] + c);
  const [x, y] = [pairs(a), pairs(b)];
  return x.length + y.length === 0 ? 1 : (2 * x.filter((p) => y.includes(p)).length) / (x.length + y.length);
};

function nextYear(edit: (doc: KpiDocument) => void): KpiDocument {
  const doc = structuredClone(r1);
  doc.fiscalYear += 1;
  edit(doc);
  return doc;
}

describe('diff: an indicator moved to another strategy', () => {
  const moved = nextYear((doc) => {
    const [indicator] = doc.strategies[0]!.policies[0]!.measures[0]!.indicators.splice(0, 1);
    doc.strategies[1]!.policies[0]!.measures[0]!.indicators.push(indicator!);
  });
  const diff = diffKpi(r1, moved, similarity, SCHEME);

  it.each(['text', 'md'] as const)('is a move, from its old place to its new one, in the %s diff', (style) => {
    const text = formatDiff(diff, style, SCHEME);
    expect(text).toContain('三洞入洞者数');
    expect(text).toMatch(/〔移動〕.*三洞入洞者数.*重点戦略1 › 戦略方針1 › 施策1 → 重点戦略2 › 戦略方針1 › 施策1/);
  });

  it('is neither an addition nor a removal in the JSON', () => {
    const json = diffJson(diff) as { indicators: { added: string[]; removed: string[]; moved: { name: string; from: object; to: object }[] } };
    expect(json.indicators.added).toEqual([]);
    expect(json.indicators.removed).toEqual([]);
    expect(json.indicators.moved).toEqual([{ name: '三洞入洞者数', from: { strategy: 1, policy: 1, measure: 1 }, to: { strategy: 2, policy: 1, measure: 1 } }]);
  });

  it('moves the counts of both strategies, and both show in the text diff', () => {
    const text = formatDiff(diff, 'text', SCHEME);
    expect(text).toContain('■ 重点戦略1');
    expect(text).toContain('■ 重点戦略2');
  });
});

describe('diff: blank actuals (未記入)', () => {
  const blankAll = (doc: KpiDocument) => {
    for (const s of doc.strategies)
      for (const i of [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]) {
        i.actual = { value: null, year: null, text: '' };
        i.reported = { progress: null, status: null };
      }
  };

  it('a blank actual this year is one line (the actual), not an actual and a status', () => {
    const diff = diffKpi(r1, nextYear(blankAll), similarity, SCHEME);
    const first = diff.indicators.filter((e) => e.name === '農業産出額');
    expect(first.map((e) => e.kind)).toEqual(['changed']);
    expect(formatDiff(diff, 'text', SCHEME)).toMatch(/実績 b\s+〔旧〕3,510\(H30\) → 〔新〕未記入/);
  });

  it('blank in both years is no line at all', () => {
    const last = nextYear(blankAll);
    const now = structuredClone(last);
    now.fiscalYear += 1;
    expect(diffKpi(last, now, similarity, SCHEME).indicators).toEqual([]);
  });
});

describe('diff text: changes marked as reviewers mark them', () => {
  it('〔旧〕 → 〔新〕, never programmer markup', () => {
    const diff = diffKpi(
      r1,
      nextYear((doc) => {
        doc.strategies[0]!.indicators[0]!.target = { value: 3700, year: null, text: '3,700' };
      }),
      similarity,
      SCHEME,
    );
    const text = formatDiff(diff, 'text', SCHEME);
    expect(text).toMatch(/目標 c\s+〔旧〕3,630 → 〔新〕3,700/);
    expect(text).not.toMatch(/\[-|\{\+/);
  });
});

describe('diff: a narrative drafted by `next`', () => {
  it("plans not yet written are not a removal of every plan; results are held against last year's plans", () => {
    const old = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;
    const now = structuredClone(old);
    now.fiscalYear += 1;
    now.nextYear += 1;
    for (const g of now.goals) for (const p of g.policies) [p.results, p.plans] = [[...p.plans], []];
    const diff = diffNarrative(old, now, similarity);
    expect(diff.narrative.filter((e) => e.column === 'plans')).toEqual([]);
    expect(diff.narrative.every((e) => e.kind === 'done')).toBe(true);
    expect(diff.narrative.length).toBe(old.goals.flatMap((g) => g.policies.flatMap((p) => p.plans)).length);
  });

  it('a plan carried into the results is 実施, not a removal of the plan, once the new plans are written; a renamed 基本方針 is named', () => {
    const old = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;
    const now = structuredClone(old);
    now.fiscalYear += 1;
    now.nextYear += 1;
    for (const g of now.goals) for (const p of g.policies) [p.results, p.plans] = [[...p.plans], ['次年度の新たな取組の検討']];
    now.goals[0]!.policies[0]!.title += 'と発信';
    const diff = diffNarrative(old, now, similarity);
    expect(diff.narrative.filter((e) => e.kind === 'removed')).toEqual([]);
    expect(diff.structure).toEqual([
      {
        level: 'narrativePolicy',
        place: '基本目標1 › 基本方針1',
        kind: 'renamed',
        from: old.goals[0]!.policies[0]!.title,
        to: now.goals[0]!.policies[0]!.title,
      },
    ]);
    expect(formatDiff(diff, 'text', SCHEME)).toMatch(/^変更の概要：実施 \d+・未実施 0・新規 \d+・削除 0・修正 0・名称変更 1$/m);
  });
});

describe('diff of a document in its own layout: the levels as the document labels them', () => {
  it('names places, groups and summary rows 基本目標1 › 施策(1), not tassei’s 重点戦略 › 戦略方針 (a level the document does not print is left out)', () => {
    const old = parseDocumentText(readFileSync('test/fixtures/layout-docs/f1-nagayo.yaml', 'utf8'), 'f1.yaml') as KpiDocument;
    const now = structuredClone(old);
    now.fiscalYear += 1;
    const indicator = now.strategies[0]!.policies[0]!.measures[0]!.indicators[0]!;
    indicator.actual = { value: 1, year: null, text: '1' };
    const text = formatDiff(diffKpi(old, now, similarity, SCHEME), 'text', SCHEME);
    expect(text).toMatch(/^■ 基本目標1 /m);
    expect(text).toMatch(/施策\(1\)/);
    expect(text).not.toMatch(/重点戦略|戦略方針/);
  });
});

describe('diff: figures recomputed against what the year printed', () => {
  it('names no 再計算 where the year printed no progress (a table without a progress column), as evaluate finds nothing there', () => {
    const year = (progress: number | null) => ({ blank: false, progress: 22.4, mark: '△', printed: { progress, mark: '△' } }) as unknown as IndicatorYear;
    expect(recomputedText(year(null), 'progress')).toBe('');
    expect(recomputedText(year(30), 'progress')).toBe('進捗率 印刷 30.0% → 再計算 22.4%');
  });
});
