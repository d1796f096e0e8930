import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../evaluate/evaluate.js';
import { readBuiltInSchemes } from '../evaluate/scheme-file.js';
import { parseDocumentText } from '../io/yaml-read.js';
import type { KpiDocument } from '../model/types.js';
import { walkIndicators } from '../model/walk.js';
import { TEXT_CLEARANCE } from './columns.js';
import { measureText } from './fonts.js';
import { fitWidths, layoutPages, layoutView, layoutWidths, unbreakableParts } from './layout-view.js';

const schemes = readBuiltInSchemes();
const viewOf = (file: string) => {
  const doc = parseDocumentText(readFileSync(`test/fixtures/layout-docs/${file}`, 'utf8'), file) as KpiDocument;
  const scheme = schemes.find((s) => s.id === doc.scheme)!;
  return layoutView(doc, evaluateDocument(doc, scheme), scheme);
};
type Cells = { text: string; covered: boolean }[];
const texts = (row: Cells | { cells: Cells }) => (Array.isArray(row) ? row : row.cells).map((c) => (c.covered ? '{}' : c.text));

describe('a table in its own layout', () => {
  it('puts a group heading over its columns in a first header row, the others spanning both rows', () => {
    const view = viewOf('f2-matsudo.yaml');
    expect(view.headerRows.map(texts)).toEqual([
      ['数値目標', '単位', '基準値（H26）', '実績値', '{}', '{}', '目標値（R6）', '評価'],
      ['{}', '{}', '{}', 'H30', 'R1', 'R2', '{}', '{}'],
    ]);
    expect(view.headerRows[0]![3]!.span).toBe(3);
    expect(view.headerRows[0]![0]!.rowSpan).toBe(2);
  });

  it('sets headings of two lines over two header rows where no group spans them (基準値 over （H26）), the others spanning both rows', () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f2-matsudo.yaml', 'utf8'), 'f2-matsudo.yaml') as KpiDocument;
    doc.layout = {
      ...doc.layout!,
      headerRows: 2,
      columns: doc.layout!.columns.map(({ group: _, ...c }) => (c.role === 'baseline' ? { ...c, heading: '基準値\n（H26）' } : c)),
    };
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const view = layoutView(doc, evaluateDocument(doc, scheme), scheme);
    expect(view.headerRows.map(texts)).toEqual([
      ['数値目標', '単位', '基準値', 'H30', 'R1', 'R2', '目標値（R6）', '評価'],
      ['{}', '{}', '（H26）', '{}', '{}', '{}', '{}', '{}'],
    ]);
    expect(view.headerRows[0]![0]!.rowSpan).toBe(2);
    expect(view.headerRows[0]![2]!.rowSpan).toBe(1);
  });

  it('prints banner rows with each level’s label and numbering, and each series year under its column', () => {
    const rows = viewOf('f2-matsudo.yaml').pages[0]!.rows;
    expect(texts(rows[0]!)[0]).toBe('基本目標Ⅰ　安定した雇用を創出する');
    expect(rows[0]!.cells[0]!.span).toBe(8);
    expect(texts(rows[1]!)).toEqual(['市内事業所の従業者数', '人', '118,200', '119,400', '120,870', '121,950', '121,000', '◎']);
    expect(texts(rows[3]!)[0]).toBe('基本目標Ⅱ　結婚・出産・子育ての希望をかなえる');
  });

  it('prints an indicator with interim targets by year as two role rows: 目安値 over 実績値, the rest spanning both (F3)', () => {
    const view = viewOf('f3-tsukuba.yaml');
    expect(view.lines.slice(0, 3).map((l) => l.kind)).toEqual(['banner', 'expected', 'indicator']);
    const [, expected, actual] = view.pages[0]!.rows;
    expect(texts(expected!)).toEqual([
      '①',
      '子育て世帯の実施回数（件/年）',
      '目安値',
      '▲250,515(H25)',
      '▲220,056',
      '▲189,597',
      '▲159,139',
      '▲128,680',
      '▲98,221',
      '▲98,221',
      'S',
      '商工観光課',
    ]);
    expect(texts(actual!)).toEqual(['{}', '{}', '実績値', '{}', '▲196,161', '▲146,830', '▲120,882', '▲109,577', '▲61,407', '{}', '{}', '{}']);
    expect(expected!.cells.filter((c) => c.rowSpan === 2).map((c) => c.col)).toEqual([0, 1, 3, 9, 10, 11]);
  });

  it('merges a grouping column over its indicators, and prints it again on the page a group continues on', () => {
    const view = viewOf('kitsuki-sheet.yaml');
    const rows = view.pages[0]!.rows;
    expect(rows[0]!.cells[1]).toMatchObject({ text: '基本目標1　杵築市における安定した雇用を創出する', rowSpan: 2 });
    expect(rows[1]!.cells[1]!.covered).toBe(true);
    expect(texts(rows[0]!).slice(-2)).toEqual([expect.stringContaining('誘致企業の操業開始'), '雇用保険被保険者数による']);
    const [, second] = layoutPages(view.lines, view.layout, [0, 1]);
    expect(second!.rows[0]!.cells[1]).toMatchObject({ text: '基本目標1　杵築市における安定した雇用を創出する', rowSpan: 1 });
  });

  it('prints a comment block under each indicator across the table, its unit after the name where no unit column is printed', () => {
    const rows = viewOf('f5-etajima.yaml').pages[0]!.rows;
    expect(rows.map((r) => r.kind).slice(0, 5)).toEqual(['banner', 'banner', 'indicator', 'comment', 'indicator']);
    expect(texts(rows[1]!)[0]).toBe('■施策①　農林業の振興');
    expect(texts(rows[2]!)[0]).toBe('有害鳥獣による農作物年間被害額（千円）');
    expect(rows[3]!.cells[0]).toMatchObject({ span: 5, text: expect.stringMatching(/^≪成果と見直し≫\n防護柵/) });
  });

  it('prints no unit after the name where every value carries it glued (22,585千円): once is what the city printed', () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f5-etajima.yaml', 'utf8'), 'f5.yaml') as KpiDocument;
    const first = walkIndicators(doc)[0]!.indicator;
    for (const m of [first.baseline, first.actual, first.target]) if (m && m.value !== null) m.text = `${m.text}${first.unit}`;
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const rows = layoutView(doc, evaluateDocument(doc, scheme), scheme).pages[0]!.rows;
    expect(texts(rows[2]!)[0]).toBe('有害鳥獣による農作物年間被害額');
    expect(texts(rows[2]!)).toContain(`${first.actual.text}`);
  });

  it('draws the count table in the document’s shape: grades down with one count column, or grades across with a row per strategy and 合計', () => {
    expect(viewOf('f5-etajima.yaml').counts!.rows.map(texts)).toEqual([
      ['評価', '指標数'],
      ['A', '1'],
      ['B', '1'],
      ['C', '1'],
      ['D', '1'],
      ['-', '0'],
      ['合計', '4'],
    ]);
    const across = viewOf('kitsuki-sheet.yaml').counts!;
    expect(across.before).toBe(true);
    expect(across.rows.map(texts).at(-1)).toEqual(['合計', '1', '1', '1', '1', '0', '4']);
  });

  it.each([
    ['portrait', 'A4', 539],
    ['landscape', 'A4', 786],
    // A3 holds √2 / 1.2 of A4's page in A4 points (its text 1.2 × A4's): not A4's table enlarged, 23 % of the page left empty.
    ['portrait', 'A3', 645],
    ['landscape', 'A3', 936],
  ] as const)('spreads the table over the page inside its margins: %s %s, %i points as drawn', (orientation, paper, inside) => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f2-matsudo.yaml', 'utf8'), 'f2-matsudo.yaml') as KpiDocument;
    doc.layout = { ...doc.layout!, orientation, paper };
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const { widths } = layoutView(doc, evaluateDocument(doc, scheme), scheme);
    const drawn = widths.reduce((a, b) => a + b, 0) + widths.length * 6.5;
    expect(drawn).toBeGreaterThan(inside - 3);
    expect(drawn).toBeLessThanOrEqual(inside + 1);
  });

  it('shares the page between the text columns and keeps every width positive on a crowded page', () => {
    const columns = viewOf('kitsuki-sheet.yaml').layout.columns;
    const widths = layoutWidths(columns, 539);
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(539);
  });

  it.each([
    ['▲54,774', ['▲54,774']],
    ['69,122(R1)', ['69,122(R1)']],
    ['2025年度\n目標値', ['2025年度', '目標値']],
    ['現状値（令和元年度）', ['現状値', '（令和元年度）']],
    ['公共交通オリーブ栽培延べ宿泊者数', []],
    ['市民の満足度（前年度比 96.8%以上）', ['市民の満足度', '（前年度比', '96.8%']],
    ['110,327万人', ['110,327万人']],
    ['10,676箇所(R1)', ['10,676箇所(R1)']],
    ['1,857人/年', ['1,857人/年']],
    ['128,393件の相談を受けた', ['128,393']],
  ])('keeps %j whole where it is drawn: %j', (text, parts) => {
    expect(unbreakableParts(text)).toEqual(parts);
  });

  it('keeps a figure whole with the closing mark after it (内線3828）): a line never starts with one, which would take a digit down', () => {
    expect(unbreakableParts('農業政策課（内線3828）', false)).toEqual(['3828）']);
    expect(unbreakableParts('12人）、', false)).toEqual(['12人）']);
  });

  it.each([
    ['nothing lacks: unchanged', [40, 100, 40], [30, 20, 30], [0, 66, 0], [40, 100, 40]],
    ['a figure column takes what it lacks from the others, in proportion to what they can spare', [40, 100, 40], [50, 20, 30], [0, 66, 0], [50, 92.2, 37.7]],
    ['too little to spare: each lacking column gets its share', [40, 70, 40], [60, 20, 60], [0, 66, 0], [42, 66, 42]],
  ])('fits widths: %s', (_, widths, needed, floor, fitted) => {
    expect(fitWidths(widths, needed, floor)).toEqual(fitted);
  });

  it('wraps the words of a narrow text column (こども政策課) at the full size, as a spreadsheet does, but keeps its figures and headings whole', () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f1-nagayo.yaml', 'utf8'), 'f1-nagayo.yaml') as KpiDocument;
    const columns = doc.layout!.columns.map((c) => ({ ...c, width: c.role === 'department' ? 0.03 : c.role === 'name' ? 0.4 : 0.57 / 6 }));
    doc.layout = { ...doc.layout!, columns, orientation: 'portrait' };
    for (const { indicator } of walkIndicators(doc)) indicator.target = { value: 120345, year: null, text: '120,345万人' };
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const view = layoutView(doc, evaluateDocument(doc, scheme), scheme);
    const department = doc.layout.columns.findIndex((c) => c.role === 'department');
    const cells = view.pages.flatMap((p) => p.rows.flatMap((r) => r.cells)).filter((c) => !c.covered && c.span === 1);
    const departments = cells.filter((c) => c.col === department && c.text !== '');
    expect(departments.length).toBeGreaterThan(0);
    expect(departments.filter((c) => c.fontSize !== undefined)).toEqual([]);
    const targets = cells.filter((c) => c.text === '120,345万人');
    expect(targets.length).toBeGreaterThan(0);
    for (const c of targets) expect(measureText(c.text, c.fontSize ?? view.fontSize)).toBeLessThanOrEqual(view.widths[c.col]! - TEXT_CLEARANCE + 0.01);
  });

  it('keeps a heading’s word and its year on one line, set smaller in a narrow column, its width as the document gives it (基準値（H30）: parted, it reads as a break typed)', () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f1-nagayo.yaml', 'utf8'), 'f1-nagayo.yaml') as KpiDocument;
    const columns = doc.layout!.columns.map((c) => ({ ...c, width: c.role === 'name' ? 0.4 : 0.6 / (doc.layout!.columns.length - 1) }));
    doc.layout = { ...doc.layout!, columns, orientation: 'portrait' };
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const view = layoutView(doc, evaluateDocument(doc, scheme), scheme);
    const years = view.headerRows.flat().filter((c) => /^(?:基準値|現在値|目標値)（/.test(c.text));
    expect(years.map((c) => c.whole)).toEqual(['基準値（H30）', '現在値（R2）', '目標値（R6）']);
    for (const c of years) expect(measureText(c.text, c.fontSize ?? view.fontSize)).toBeLessThanOrEqual(view.widths[c.col]! - TEXT_CLEARANCE + 0.01);
    expect(years.some((c) => c.fontSize !== undefined && c.fontSize < view.fontSize)).toBe(true);
    const named = view.headerRows.flat().find((c) => c.text === '重要業績評価指標（KPI）')!;
    expect(named.whole).toBeUndefined();
  });

  it('keeps a heading’s word and a year typed after a space on one line (目標値 R6, 現在値　R2): wrapped at the space, it reads as a break typed', () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f1-nagayo.yaml', 'utf8'), 'f1-nagayo.yaml') as KpiDocument;
    const spaced = (heading: string) => heading.replace('（H30）', ' H30').replace('（R2）', '　R2').replace('（R6）', ' R6');
    const columns = doc.layout!.columns.map((c) => ({
      ...c,
      heading: spaced(c.heading),
      width: c.role === 'name' ? 0.4 : 0.6 / (doc.layout!.columns.length - 1),
    }));
    doc.layout = { ...doc.layout!, columns, orientation: 'portrait' };
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const view = layoutView(doc, evaluateDocument(doc, scheme), scheme);
    const years = view.headerRows.flat().filter((c) => /^(?:基準値|現在値|目標値)[ 　]/.test(c.text));
    expect(years.map((c) => c.whole)).toEqual(['基準値 H30', '現在値　R2', '目標値 R6']);
    for (const c of years) expect(measureText(c.text, c.fontSize ?? view.fontSize)).toBeLessThanOrEqual(view.widths[c.col]! - TEXT_CLEARANCE + 0.01);
    const unit = view.headerRows.flat().find((c) => c.text === '単位')!;
    expect(unit.whole).toBeUndefined();
    // What follows a space but names no year is no year's heading: it may wrap.
    const named = (heading: string) =>
      layoutView(
        { ...doc, layout: { ...doc.layout!, columns: columns.map((c) => (c.role === 'unit' ? { ...c, heading } : c)) } },
        evaluateDocument(doc, scheme),
        scheme,
      );
    for (const heading of ['達成率 80%', '指標 1', '目標値 元気'])
      expect(
        named(heading)
          .headerRows.flat()
          .find((c) => c.text === heading)!.whole,
      ).toBeUndefined();
    expect(
      named('実績 30年度')
        .headerRows.flat()
        .find((c) => c.text === '実績 30年度')!.whole,
    ).toBe('実績 30年度');
  });

  it('breaks no figure of a crowded table: columns widened, and what still does not fit set smaller', () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/layout-docs/f2-matsudo.yaml', 'utf8'), 'f2-matsudo.yaml') as KpiDocument;
    const columns = doc.layout!.columns.map((c) => ({ ...c, width: c.role === 'name' ? 0.6 : 0.4 / (doc.layout!.columns.length - 1) }));
    doc.layout = { ...doc.layout!, columns, orientation: 'portrait' };
    for (const { indicator } of walkIndicators(doc)) indicator.baseline = { value: -1234567.8, year: null, text: '▲1,234,567.8' };
    const scheme = schemes.find((s) => s.id === doc.scheme)!;
    const view = layoutView(doc, evaluateDocument(doc, scheme), scheme);
    const cells = [...view.headerRows, ...view.pages.flatMap((p) => p.rows.map((r) => r.cells))].flat().filter((c) => !c.covered && c.span === 1);
    const figures = cells.filter((c) => c.text.includes('▲1,234,567.8'));
    expect(figures.length).toBeGreaterThan(0);
    for (const c of cells) {
      for (const part of unbreakableParts(c.text))
        expect(measureText(part, c.fontSize ?? view.fontSize)).toBeLessThanOrEqual(view.widths[c.col]! - TEXT_CLEARANCE + 0.01);
    }
  });
});
