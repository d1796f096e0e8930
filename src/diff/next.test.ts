import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KpiDocument, NarrativeDocument } from '../model/types.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { stringifyDocument } from '../io/yaml-write.js';
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

  it('moves a title that names the report’s year on a year, and leaves a title without one as it is', () => {
    const doc = kpi();
    const titled = (title: string, fiscalYear: number) => (nextKpi({ ...doc, title, fiscalYear }).document as KpiDocument).title;
    expect(titled('令和4年度実績評価シート【重要業績評価指標（KPI）】', 2022)).toBe('令和5年度実績評価シート【重要業績評価指標（KPI）】');
    expect(titled('総合戦略 KPIの進捗状況（令和元年度実績）', 2019)).toBe('総合戦略 KPIの進捗状況（令和2年度実績）');
    expect(titled(doc.title, doc.fiscalYear)).toBe(doc.title);
  });

  it("marks the narrative's results carried over from last year's plans as a draft", () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;
    const { document } = nextNarrative(doc);
    const policies = (document as NarrativeDocument).goals.flatMap((g) => g.policies);
    expect(policies.every((p) => p.draft === true && p.plans.length === 0)).toBe(true);
    expect(doc.goals[0]!.policies[0]!.draft).toBeUndefined();
  });
});

describe('next on a document in its own layout', () => {
  const layoutDoc = (file: string) => parseDocumentText(readFileSync(`test/fixtures/layout-docs/${file}`, 'utf8'), file) as KpiDocument;
  const indicatorsOf = (doc: KpiDocument) =>
    doc.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);

  it('adds the new year to a series (a blank cell and a column after the last, under the same group), and the filled cell becomes the actual', () => {
    const doc = layoutDoc('f2-matsudo.yaml');
    const next = nextKpi(doc).document as KpiDocument;
    const series = next.layout!.columns.filter((c) => c.role === 'series');
    expect(series.map((c) => [c.heading, c.group, c.fiscalYear])).toEqual([
      ['H30', '実績値', 2018],
      ['R1', '実績値', 2019],
      ['R2', '実績値', 2020],
      ['R3', '実績値', 2021],
    ]);
    expect(next.layout!.columns.at(-2)!.role).toBe('target');
    for (const i of indicatorsOf(next)) {
      expect(i.series!.at(-1)).toEqual({ fiscalYear: 2021, value: null, year: null, text: '' });
      expect(i.series).toHaveLength(4);
      expect(i.targetYear).toBe(2024);
    }
    // Filling the series' new cell fills the actual as the document is read.
    const text = stringifyDocument(next).replace('{ fiscalYear: 2021, value: null, year: null, text: "" }', '{ fiscalYear: 2021, text: "122,400" }');
    const filled = parseDocumentText(text, 'n.yaml') as KpiDocument;
    expect(indicatorsOf(filled)[0]!.actual).toEqual({ value: 122400, year: null, text: '122,400' });
  });

  it('moves the headings that name the year of the actuals on a year, and leaves the baseline and target headings', () => {
    const next = nextKpi(layoutDoc('f1-nagayo.yaml')).document as KpiDocument;
    expect(next.layout!.columns.map((c) => c.heading)).toEqual([
      '番号',
      '重要業績評価指標（KPI）',
      '単位',
      '基準値（H30）',
      '現在値（R3）',
      '目標値（R6）',
      '評価',
      '担当課',
    ]);
    expect(next.layout!.columns[4]!.fiscalYear).toBe(2021);
  });

  it('leaves a target’s heading of the report’s own year as printed (目標値 令和7年度 in the plan’s last year), and moves the actual’s', () => {
    const doc = layoutDoc('f1-nagayo.yaml');
    const year = doc.fiscalYear;
    const era = `R${year - 2018}`;
    doc.layout!.columns = doc.layout!.columns.map((c) => (c.role === 'target' ? { ...c, heading: `目標値（${era}）`, fiscalYear: year } : c));
    const next = nextKpi(doc).document as KpiDocument;
    const heading = (role: string) => next.layout!.columns.find((c) => c.role === role)!;
    expect([heading('target').heading, heading('target').fiscalYear]).toEqual([`目標値（${era}）`, year]);
    expect(heading('actual').fiscalYear).toBe(year + 1);
  });

  it('blanks the comments to write (they judge last year) and keeps the unplaced cells, the department and the number', () => {
    const doc = layoutDoc('kitsuki-sheet.yaml');
    const { document, comments } = nextKpi(doc);
    const [first] = indicatorsOf(document as KpiDocument);
    expect(first!.comments).toEqual([{ heading: '評価コメント', text: '' }]);
    expect(first!.other).toEqual(indicatorsOf(doc)[0]!.other);
    expect([first!.number, first!.department]).toEqual(['1', '商工観光課']);
    expect(comments.get('strategies[0].indicators[0].comments[0].text')).toBe('記入: 令和6年度の評価コメント');
    expect(parseDocumentText(stringifyDocument(document), 'n.yaml')).toEqual(document);
  });
});
