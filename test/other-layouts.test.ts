import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../src/io/yaml.js';
import type { KpiDocument } from '../src/model/types.js';
import { run } from './helpers/run.js';

/**
 * KPI tables printed as three other municipalities print them (issue 19), made by
 * test/fixtures/other-layouts/make.mjs (HTML printed by Chromium): each extracts to its expected
 * YAML (checked by reading the PDF), which evaluates with no finding. Before the other-layouts
 * reader each ended in exit 2.
 */
const FIXTURES: [name: string, what: string, scheme: string][] = [
  ['nagayo-list', '長与町-style: No., 指 標 名, 基準値/現在値/目標値 with years, S/A/B/C/−, 担当課, banners of three levels and ■数値目標', 'nagayo'],
  ['matsudo-series', '松戸市/つくば市-style: 実績値 spanning H30 | R1 | R2（現状値）, ◎○△×, banners -政策目標1- and 基本戦略①', 'ino'],
  ['etajima-comments', '江田島市/杵築市-style: target before actual, A–D by its legend, 評価コメント, 施策 in merged cells, A–D count table', 'legend'],
];

const dir = mkdtempSync(join(tmpdir(), 'tassei-other-layouts-'));
const fixture = (name: string, ext: string) => `test/fixtures/other-layouts/${name}.${ext}`;
const expected = (name: string) => parseDocumentText(readFileSync(fixture(name, 'yaml'), 'utf8'), name) as KpiDocument;

describe('other municipalities’ layouts, end to end', () => {
  it.each(FIXTURES)('%s (%s) extracts to its expected YAML, printed under %s', async (name, _, scheme) => {
    const out = join(dir, `${name}.yaml`);
    const extracted = await run('extract', fixture(name, 'pdf'), '-o', out);
    expect(extracted.err).not.toMatch(/警告|エラー/);
    expect(extracted.code).toBe(0);
    const document = parseDocumentText(readFileSync(out, 'utf8'), out) as KpiDocument;
    expect(document).toEqual(expected(name));
    expect(document.scheme).toBe(scheme);
  });

  it.each(FIXTURES)('%s evaluates with no finding', async (name) => {
    const evaluated = await run('evaluate', fixture(name, 'yaml'), '--format', 'json');
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.out).findings).toEqual([]);
  });
});

describe('what the other layouts keep', () => {
  it('長与町: columns by role with their years, goal indicators under 数値目標, the level labels and the legend', () => {
    const doc = expected('nagayo-list');
    expect(doc.layout!.columns.map((c) => [c.role, c.fiscalYear ?? null])).toEqual([
      ['number', null],
      ['name', null],
      ['unit', null],
      ['baseline', 2018],
      ['actual', 2020],
      ['target', 2024],
      ['grade', null],
      ['department', null],
    ]);
    expect(doc.fiscalYear).toBe(2020);
    expect(doc.strategies.map((s) => s.indicators.map((i) => i.name))).toEqual([['町内事業所の従業者数', '新規就農者数（累計）'], ['合計特殊出生率']]);
    expect(doc.layout!.hierarchy.map((h) => `${h.label}${h.numbering}`)).toEqual(['基本目標1', '基本的方向(1)', '具体的な施策①']);
    expect(doc.layout!.legend!.marks.map((m) => m.mark)).toEqual(['S', 'A', 'B', 'C', '−']);
    const first = doc.strategies[0]!.indicators[0]!;
    expect([first.number, first.department, first.targetYear]).toEqual(['1', '産業振興課', 2024]);
  });

  it('松戸市: a series per year under 実績値, the actual the year headed 現状値, two printed levels', () => {
    const doc = expected('matsudo-series');
    const columns = doc.layout!.columns.filter((c) => c.role === 'series');
    expect(columns.map((c) => [c.group, c.fiscalYear])).toEqual([
      ['実績値', 2018],
      ['実績値', 2019],
      ['実績値', 2020],
    ]);
    expect(doc.layout!.headerRows).toBe(2);
    const library = doc.strategies[0]!.policies[1]!.measures[0]!.indicators[1]!;
    // The future year's ―, which Chromium's IPA font maps to — but marks as ― (/ActualText): as typed.
    expect(library.series!.map((s) => s.text)).toEqual(['305', '298', '―']);
    expect(library.actual.text).toBe('―');
    expect(doc.layout!.hierarchy.map((h) => h.level)).toEqual(['strategy', 'policy']);
  });

  it('江田島市: comments whole, the measure column, the count table on its goals, the legend as the scheme', () => {
    const doc = expected('etajima-comments');
    expect(doc.strategies.map((s) => s.reportedSummary)).toEqual([
      { A: 1, B: 1, C: 1, D: 0, total: 3 },
      { A: 1, B: 0, C: 0, D: 1, total: 2 },
    ]);
    const olive = doc.strategies[0]!.policies[0]!.measures[0]!.indicators[1]!;
    expect(olive.comments).toEqual([
      {
        heading: '評価コメント',
        text: '新規の植栽は進んだが、既存園地の管理放棄もあり、面積の伸びは目標に届いていない。栽培希望者への園地のあっせんと技術指導を強化する。',
      },
    ]);
    expect(doc.strategies[0]!.policies.map((p) => p.title)).toEqual(['農林業の振興', '水産業の振興']);
    expect(doc.layout!.hierarchy).toEqual([
      { level: 'strategy', label: '基本目標', numbering: '1', style: 'banner' },
      { level: 'policy', label: '', numbering: '①', style: 'column' },
    ]);
    expect(doc.layout!.summary).toEqual({ shape: 'columns', placement: 'before' });
    expect([doc.layout!.orientation, doc.layout!.paper]).toEqual(['landscape', 'A4']);
  });
});

describe('columns whose role cannot be told', () => {
  it('exit 2 naming the column not placed, with the --roles hint', async () => {
    const result = await run('extract', fixture('unknown-column', 'pdf'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('「R2値」');
    expect(result.err).toContain('--roles "R2値=actual"');
  });

  it('--roles declares it, and the table reads as the same list does with its heading known', async () => {
    const out = join(dir, 'unknown-column.yaml');
    const result = await run('extract', fixture('unknown-column', 'pdf'), '-o', out, '--roles', 'R2値=actual');
    expect(result.code).toBe(0);
    const document = parseDocumentText(readFileSync(out, 'utf8'), out) as KpiDocument;
    expect(document.strategies).toEqual(expected('nagayo-list').strategies);
    expect(document.layout!.columns[4]).toEqual({ role: 'actual', heading: 'R2値', fiscalYear: 2020, width: 0.089 });
  });

  it('--roles with an unknown role is a usage error', async () => {
    const result = await run('extract', fixture('unknown-column', 'pdf'), '--roles', 'R2値=latest');
    expect(result.code).toBe(1);
    expect(result.err).toContain('R2値=latest');
  });
});
