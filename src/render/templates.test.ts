import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../evaluate/evaluate.js';
import { readScheme } from '../evaluate/scheme-file.js';
import { parseDocumentText } from '../io/yaml-read.js';
import type { KpiDocument } from '../model/types.js';
import { textWidth } from './columns.js';
import { measureText } from './fonts.js';
import { TEMPLATE_DIR, createEnvironment, printerBreaks, renderDefinition, statusBars } from './templates.js';
import { kpiView } from './kpi-view.js';

const COLOURS = ['#1b7f3b', '#1f5fa8', '#6b6b6b', '#b3261e'];
const bars = (...counts: number[]) =>
  ['achieved', 'improved', 'unchanged', 'worsened', 'p5', 'p6']
    .slice(0, counts.length)
    .map((key, i) => ({ key, label: key.toUpperCase(), colour: COLOURS[i % COLOURS.length]!, count: counts[i]! }));

describe('statusBars', () => {
  it('scales the bars to the largest count, in the order of the scheme’s grades', () => {
    expect(statusBars(bars(3, 8, 12, 4), 0, 180).map((b) => [b.key, b.count, b.width])).toEqual([
      ['achieved', 3, 45],
      ['improved', 8, 120],
      ['unchanged', 12, 180],
      ['worsened', 4, 60],
    ]);
  });

  it('draws as many bars as the scheme has grades, each in its grade’s colour', () => {
    const drawn = statusBars(bars(1, 0, 2, 0, 4, 1), 0, 100);
    expect(drawn.map((b) => b.width)).toEqual([25, 0.5, 50, 0.5, 100, 25]);
    expect(drawn[3]!.svg).toContain('fill="#b3261e"');
  });

  it('draws one count as one length in every chart of a document (one scale)', () => {
    const [a, b] = [statusBars(bars(3, 8, 12, 4), 24, 180), statusBars(bars(1, 2, 3, 4), 24, 180)];
    expect(a[3]!.width).toBe(b[3]!.width);
    expect(a[3]!.width).toBe(30);
  });

  it('draws a hairline for a zero count, and no division by zero when all are zero', () => {
    expect(statusBars(bars(0, 0, 0, 0), 0, 180).map((b) => b.width)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('puts no text inside the SVG (labels and counts are page text)', () => {
    for (const bar of statusBars(bars(1, 2, 3, 4), 0, 100)) {
      expect(bar.svg).toMatch(/^<svg [^>]*><rect [^>]*\/><\/svg>$/);
      expect(bar.svg).not.toContain('<text');
    }
  });
});

describe('the statusBars helper', () => {
  const hb = createEnvironment({ segment: (text) => [text] });

  it('takes its labels and counts from the view’s chart, to the scale it is given', () => {
    const run = hb.compile('{{#each (statusBars chart scale=4 width=10)}}{{label}}={{count}}:{{width}} {{/each}}', { strict: true });
    expect(run({ chart: bars(1, 2, 0) })).toBe('ACHIEVED=1:2.5 IMPROVED=2:5 UNCHANGED=0:0.5 ');
  });
});

describe('column widths, declared once', () => {
  const scheme = readScheme('schemes/default.yaml');
  const r1 = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;
  const view = kpiView(r1, evaluateDocument(r1, scheme), scheme);
  const names = r1.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]).map((i) => i.name);
  const COLUMNS = '{{#columns 36 48 48 276 ';
  // A name that fits the column as drawn (276 pt) but not one of 150 pt.
  const name = names.find((n) => !n.includes('※') && measureText(n, 7.5) > 160 && measureText(n, 7.5) < textWidth([276], 0))!;

  /** The runs the name's cell is set in, with the templates of `dir`. */
  const runsOfName = (dir: string) => {
    const hb = createEnvironment({ segment: (text) => [...text], dir });
    const cells: { text: unknown }[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      const text = (node as { text?: unknown }).text;
      if (Array.isArray(text) && text.map((r: { text?: string }) => r.text ?? '').join('') === name) cells.push(node as { text: unknown });
      Object.values(node).forEach(visit);
    };
    visit(renderDefinition(hb, 'kpi-progress', view, dir).content);
    return cells.map((c) => c.text as { text: string }[]);
  };

  it("fits the indicator names to the name column's width: a narrower column cuts them into phrases", () => {
    expect(name).toBeDefined();
    const narrow = mkdtempSync(join(tmpdir(), 'tassei-columns-'));
    cpSync(TEMPLATE_DIR, narrow, { recursive: true });
    const table = join(narrow, 'partials', 'indicator-table.hbs');
    const source = readFileSync(table, 'utf8');
    expect(source).toContain(COLUMNS);
    writeFileSync(table, source.replace(COLUMNS, '{{#columns 36 48 48 150 '));
    const [asDrawn] = runsOfName(TEMPLATE_DIR);
    const [narrowed] = runsOfName(narrow);
    expect(asDrawn).toHaveLength(1);
    expect(narrowed!.length).toBeGreaterThan(1);
    for (const run of narrowed!) expect(measureText(run.text, 7.5)).toBeLessThanOrEqual(textWidth([150], 0));
  });

  it('gives a spanning cell its columns and the spacing between them, less the clearance', () => {
    expect(textWidth([48, 48], 0, 2)).toBe(48 + 6.5 + 48 - 6);
    expect(textWidth([316], 0, 1, 9)).toBe(316 - 9 - 6);
    expect(() => textWidth([10, 20], 1, 2)).toThrow(RangeError);
  });
});

describe('the phrases helper', () => {
  const runs = (text: string, width: number) =>
    JSON.parse(
      createEnvironment({ segment: (line) => [...line] }).compile('{{phrases text width=w size=8}}', { strict: true, noEscape: true })({ text, w: width }),
    ) as unknown;

  it.each([
    ['one line that fits: one phrase', '実績値', 100, [{ text: '実績値', noWrap: true }]],
    [
      'a line break the text holds (実績値 over （令和5年度）) stays a break between the lines',
      '実績値\n（令和5年度）',
      100,
      [{ text: '実績値', noWrap: true }, { text: '\n' }, { text: '（令和5年度）', noWrap: true }],
    ],
  ])('%s', (_, text, width, expected) => {
    expect(runs(text, width)).toEqual(expected);
  });

  it('a line too wide for the cell is cut into its phrases, the break kept', () => {
    const cut = runs('ab\n実績値の推移', 20) as { text: string; noWrap?: boolean }[];
    expect(cut.slice(0, 2)).toEqual([{ text: 'ab', noWrap: true }, { text: '\n' }]);
    expect(cut.length).toBeGreaterThan(3);
    expect(cut.map((r) => r.text).join('')).toBe('ab\n実績値の推移');
  });

  describe('whole=…: a level’s label and number kept on one line where they fit', () => {
    const texts = (whole: string, width: number) =>
      (
        JSON.parse(
          createEnvironment({ segment: (line) => [...line] }).compile('{{phrases text width=w size=8 whole=whole}}', { strict: true, noEscape: true })({
            text: '施策の方向(1)　空き家',
            w: width,
            whole,
          }),
        ) as { text: string }[]
      ).map((r) => r.text);

    it('the head is one phrase, the space after it at its end', () => {
      expect(texts('施策の方向(1)', measureText('施策の方向(1)　', 8) + 1)).toEqual(['施策の方向(1)　', '空', 'き', '家']);
      expect(texts('施策の方向(1)', measureText('施策の方向(1)', 8) + 1).slice(0, 2)).toEqual(['施策の方向(1)', '　']);
    });
    it('a head wider than the cell is cut as any text', () => {
      expect(texts('施策の方向(1)', measureText('施策の', 8) + 1)[0]).toBe('施');
    });
  });
});

describe('printerBreaks: where pdfmake may break a line between two runs (UAX #14)', () => {
  it.each([
    ['観光', '振興', true],
    ['個別施策(', '1)', false],
    ['Welln', 'ess', false],
    ['100.', '0%', false],
    ['ICT', '文化', true],
    ['https://www.', 'city', false],
  ] as const)('%s | %s → %s', (before, after, breaks) => {
    expect(printerBreaks(before, after)).toBe(breaks);
  });
});
