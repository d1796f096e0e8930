import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pdfmake from 'pdfmake';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readPdf, type PageContent } from '../src/extract/pdf.js';
import type { Indicator, KpiDocument, Measurement, NarrativeDocument } from '../src/model/types.js';
import { extractPages } from '../src/extract/extract.js';
import { parseDocumentText, stringifyDocument } from '../src/io/yaml.js';
import { evaluateDocument } from '../src/evaluate/evaluate.js';
import { loadSegmenter } from '../src/japanese/tokenizer.js';
import { documentDefinition, laidOutKpi, renderPdf } from '../src/render/pdf.js';
import { createEnvironment, renderDefinition } from '../src/render/templates.js';
import { kpiView } from '../src/render/kpi-view.js';
import { DEFAULT_RENDER_OPTIONS } from '../src/render/page-view.js';
import { segmentsOf, wrappedLines, type Segment } from './helpers/pdftext.js';
import { walkIndicators } from '../src/model/walk.js';
import { run } from './helpers/run.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

const r1 = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;
const dir = mkdtempSync(join(tmpdir(), 'tassei-pages-'));

/** A small seeded generator, so that a failing layout can be made again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const value = (n: number, note = ''): Measurement => ({ value: n, year: null, text: `${n.toLocaleString('en-US')}${note}` });

/** Names of the kinds a council document holds: dates, units, notes in brackets, Latin words, a URL. */
const NAME_PARTS = [
  'R6年4月開設の交流施設の利用者数',
  'R5.11月開始の地域公共交通の利用者数',
  '2026年までに整備する避難所の数',
  '認定新規就農者数(累計)',
  'Wi-Fi設置数',
  'Mine Collection加工品売上額',
  '観光DXの推進（予約システムの導入）による予約件数',
  '市ホームページ https://www.city.mine.lg.jp/soshiki/kikaku/seisaku/kpi_2024_detail.html の閲覧数',
  '地域おこし協力隊の定住者数（任期終了後3年以内）',
  '子育て世帯の転入数',
  '市民満足度調査で「住みやすい」と答えた市民の割合',
];

/** Next year's report with one strategy grown long: many measures, long names, a page and more of rows. */
function generated(seed: number): KpiDocument {
  const next = random(seed);
  const doc = structuredClone(r1);
  const strategy = doc.strategies[0]!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (const policy of strategy.policies) {
    const extra = 1 + Math.floor(next() * 4);
    for (let m = 0; m < extra; m++) {
      const indicators: Indicator[] = Array.from({ length: 1 + Math.floor(next() * 5) }, (_, k) => {
        const a = Math.round(next() * 1000);
        return {
          name: `${pick(NAME_PARTS)}${k > 2 ? `（第${k}次計画）` : ''}`,
          unit: pick(['人', '千円', '%', '件', '団体']),
          method: 'change' as const,
          baseline: value(a, '(H29)'),
          actual: value(a + Math.round(next() * 200) - 50),
          target: value(a + 300),
          reported: { progress: null, status: null },
        };
      });
      policy.measures.push({ no: policy.measures.length + 1, title: `${pick(NAME_PARTS)}に向けた取組の推進`, indicators });
    }
  }
  // Runs that must stay whole, placed where a line of the name column ends (about 36 characters).
  const filler = '市民と事業者と行政の協働による地域づくりと担い手の育成のための取組として実施する';
  const runs = ['R6年4月', 'R5.11月', '2026年', '1,250人', '(累計)', 'Wi-Fi'];
  strategy.policies[0]!.measures.push({
    no: strategy.policies[0]!.measures.length + 1,
    title: '行の終わりに掛かる名称の検証',
    // Every offset for the dates, so that some line's end falls inside one; a few for the rest.
    indicators: runs.flatMap((run, k) =>
      (k < 2 ? Array.from({ length: 14 }, (_, i) => 26 + i) : [0, 1, 2].map(() => 30 + Math.floor(next() * 8))).map((offset) => ({
        name: `${filler.slice(0, offset)}${run}の件数`,
        unit: '件',
        method: 'change' as const,
        baseline: value(10),
        actual: value(12),
        target: value(20),
        reported: { progress: null, status: null },
      })),
    ),
  });
  return doc;
}

const CASES = [
  ['the R1 sample', r1],
  ['generated, seed 7', generated(7)],
  ['generated, seed 2024', generated(2024)],
] as const;

interface Rendered {
  doc: KpiDocument;
  pdf: Uint8Array;
  pages: PageContent[];
  segments: Segment[];
  /** How many times pdfmake laid the document out. */
  layouts: number;
}

const rendered = new Map<string, Rendered>();

beforeAll(async () => {
  const layouts = vi.spyOn(pdfmake, 'createPdf');
  for (const [name, doc] of CASES) {
    layouts.mockClear();
    const pdf = await renderPdf(doc, DEFAULT_SCHEME);
    rendered.set(name, { doc, pdf, pages: await readPdf(pdf, `${name}.pdf`), segments: await segmentsOf(pdf), layouts: layouts.mock.calls.length });
  }
  layouts.mockRestore();
}, 240_000);

/** The rows of a strategy's detail table in print order: the first words of each, and whether it is a heading. */
function rowsOf(doc: KpiDocument): { strategy: number; label: string; heading: boolean; last: boolean }[] {
  return doc.strategies.flatMap((s) => {
    const rows = [
      ...s.indicators.map((i) => ({ label: i.name, heading: false })),
      ...s.policies.flatMap((p) => [
        { label: `${p.no} ${p.title}`, heading: true },
        ...p.measures.flatMap((m) => [{ label: `${m.no} ${m.title}`, heading: true }, ...m.indicators.map((i) => ({ label: i.name, heading: false }))]),
      ]),
    ];
    return rows.map((r, k) => ({ ...r, strategy: s.no, last: k === rows.length - 1 }));
  });
}

/** The table's rows as the page prints them: the first line of each row label found on the page, top to bottom. */
function rowsOnPage(segments: readonly Segment[], page: number, doc: KpiDocument) {
  const rows = rowsOf(doc);
  const header = segments.find((s) => s.page === page && s.text === '目標指標');
  return segments
    .filter((s) => s.page === page && header && s.baseline > header.baseline)
    .map((s) => ({ segment: s, row: rows.find((r) => s.text.length >= 4 && r.label.startsWith(s.text.replace(/\s+/g, ' ').replace(/※$/, ''))) }))
    .filter((x) => x.row !== undefined)
    .sort((a, b) => a.segment.baseline - b.segment.baseline);
}

describe.each(CASES.map(([name]) => [name]))('page flow: %s', (name) => {
  it('no page ends with a heading row (a policy or measure with rows under it on the next page)', () => {
    const { doc, segments, pages } = rendered.get(name)!;
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const rows = rowsOnPage(segments, page.number, doc);
      const last = rows.at(-1);
      if (!last) continue;
      expect(last.row!.heading && !last.row!.last, `page ${page.number} ends with the heading "${last.row!.label}"`).toBe(false);
    }
  });

  it('a continued page names where its first row stands (重点戦略 › … （続き）) above the repeated header', () => {
    const { segments, pages } = rendered.get(name)!;
    let continued = 0;
    for (const page of pages) {
      const onPage = segments.filter((s) => s.page === page.number);
      if (onPage.some((s) => s.text === '状況の内訳')) continue;
      continued++;
      const header = onPage.find((s) => s.text === '目標指標');
      expect(header, `page ${page.number} repeats the header`).toBeDefined();
      const context = onPage.find((s) => s.text.endsWith('（続き）') && s.baseline < header!.baseline);
      const line = onPage
        .filter((s) => context && Math.abs(s.baseline - context.baseline) < 1)
        .sort((a, b) => a.x - b.x)
        .map((s) => s.text)
        .join('');
      expect(line, `page ${page.number} has a context line`).toMatch(/^重点戦略\d.*（続き）$/);
    }
    expect(continued).toBeGreaterThan(0);
  });

  it('no page of a strategy that has more carries a lone indicator row', () => {
    const { doc, segments, pages } = rendered.get(name)!;
    const indicators = (strategy: number) => rowsOf(doc).filter((r) => r.strategy === strategy && !r.heading).length;
    for (const page of pages) {
      const rows = new Set(rowsOnPage(segments, page.number, doc).map((x) => x.row!));
      const own = [...rows].filter((r) => !r.heading);
      if (own.length === 0 || indicators(own[0]!.strategy) < 2) continue;
      expect(own.length, `page ${page.number} holds only "${own[0]!.label}"`).toBeGreaterThan(1);
    }
  });

  it("a correction's note stands on the page of the row it corrects", () => {
    const { segments } = rendered.get(name)!;
    // A note prints the name, a full-width space, then 「進捗率：印刷 …」 or 「状況：印刷 …」.
    const notes = segments.filter((s) => /^(?:進捗率|状況)：印刷/.test(s.text));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      const name = segments.filter((s) => s.page === note.page && Math.abs(s.baseline - note.baseline) < 0.5 && s.x < note.x).at(-1)!;
      const indicator = name.text.replace(/^・/, '');
      const rows = segments.filter((s) => s !== name && s.text.length >= 4 && indicator.startsWith(s.text.replace(/※$/, '')));
      expect(rows.length, `the row of ${indicator}`).toBeGreaterThan(0);
      expect(
        rows.map((r) => r.page),
        `the note on ${indicator}`,
      ).toContain(note.page);
    }
  });

  it('pdfmake lays the report out once: the pages planned from estimated heights hold', () => {
    expect(rendered.get(name)!.layouts).toBe(1);
  });

  it('no page holds only notes: every page has a row of the table', () => {
    const { doc, segments, pages } = rendered.get(name)!;
    for (const page of pages) expect(rowsOnPage(segments, page.number, doc).length, `page ${page.number}`).toBeGreaterThan(0);
  });

  it('no text leaves its cell: no run crosses a column rule at its height', () => {
    const { pages } = rendered.get(name)!;
    let checked = 0;
    for (const page of pages) {
      for (const run of page.runs.filter((r) => r.text.trim() !== '')) {
        const middle = run.baseline - run.size * 0.35;
        for (const rule of page.vertical) {
          if (middle < Math.min(rule.from, rule.to) || middle > Math.max(rule.from, rule.to)) continue;
          checked++;
          const crosses = rule.at > run.x + 0.6 && rule.at < run.x + run.width - 0.6;
          expect(
            crosses,
            `page ${page.number}: "${run.text}" (x ${run.x.toFixed(1)}–${(run.x + run.width).toFixed(1)}) crosses the rule at x ${rule.at.toFixed(1)}`,
          ).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('dates, numbers with units and notes in brackets are never split across lines', () => {
    const { segments } = rendered.get(name)!;
    const pairs = wrappedLines(segments, 1.15);
    expect(pairs.length).toBeGreaterThan(3);
    const whole = /R\d+年\d+月|R\d+\.\d+月|\d{4}年|\d+(?:,\d{3})*(?:人|件|%)|[(（][^()（）]{1,10}[)）]|Wi-Fi/g;
    for (const [line, next] of pairs) {
      const joined = line.text + next.text;
      for (const m of joined.matchAll(whole)) {
        const split = m.index < line.text.length && m.index + m[0].length > line.text.length;
        expect(split, `"${m[0]}" split: "${line.text}" / "${next.text}"`).toBe(false);
      }
    }
  });
});

describe('A3: laid out for its paper, not the A4 pages enlarged', () => {
  it.each(CASES.map(([name, doc]) => [name, doc] as const))(
    '%s: fewer pages, wider columns, and it reads back',
    async (name, doc) => {
      const a4 = rendered.get(name)!;
      const pdf = await renderPdf(doc, DEFAULT_SCHEME, undefined, { ...DEFAULT_RENDER_OPTIONS, paper: 'A3' });
      const pages = await readPdf(pdf, `${name}-a3.pdf`);
      expect(pages[0]!.width).toBeCloseTo(1190.55, 0);
      expect(pages.length).toBeLessThan(a4.pages.length);
      const { document } = extractPages(pages, `${name}-a3.pdf`, DEFAULT_SCHEME);
      const values = (d: KpiDocument) => walkIndicators(d).map(({ indicator: i }) => [i.name, i.unit, i.baseline.text, i.actual.text, i.target?.text]);
      expect(values(document as KpiDocument)).toEqual(values(doc));
    },
    60_000,
  );
});

describe('page flow: a wrong plan is corrected by the layout', () => {
  // Guesses the estimate would never make: they must end in the pages it makes.
  const view = kpiView(r1, evaluateDocument(r1, DEFAULT_SCHEME), DEFAULT_SCHEME);
  const everyFifthRow = view.strategies.map((s) => s.rows.map((_, i) => i).filter((i) => i % 5 === 0));
  const onePage = view.strategies.map(() => [0]);

  it.each([
    ['a page every five rows (the real heights choose again)', everyFifthRow, 2],
    ['a strategy to a page (pages overflow; a measuring pass chooses)', onePage, 3],
  ] as const)(
    '%s',
    async (_, guess, layouts) => {
      const corrected = await laidOutKpi(
        view,
        DEFAULT_RENDER_OPTIONS,
        r1,
        guess.map((s) => [...s]),
      );
      expect(corrected.layouts).toBe(layouts);
      expect(Buffer.from(corrected.pdf).equals(Buffer.from(rendered.get('the R1 sample')!.pdf))).toBe(true);
    },
    60_000,
  );
});

describe('page flow: the check fails on a page that ends with a heading', () => {
  it('finds the heading that ended page 1 before tassei chose its pages (pdfmake alone)', async () => {
    // The view as it is before measuring: one table per strategy, pdfmake breaking its pages itself.
    const hb = createEnvironment({ segment: await loadSegmenter() });
    const definition = renderDefinition(hb, 'kpi-progress', kpiView(r1, evaluateDocument(r1, DEFAULT_SCHEME), DEFAULT_SCHEME));
    const { default: pdfmake } = await import('pdfmake');
    await renderPdf(r1, DEFAULT_SCHEME); // configures pdfmake's fonts
    const pdf = new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
    const pages = await readPdf(pdf, 'pdfmake-alone.pdf');
    const segments = await segmentsOf(pdf);
    const endsWithHeading = pages.some((page) => {
      const last = rowsOnPage(segments, page.number, r1).at(-1);
      return last?.row?.heading && !last.row.last;
    });
    expect(endsWithHeading).toBe(true);
  }, 60_000);
});

describe('charts: one scale for the whole document', () => {
  it.each(CASES)(
    '%s: every bar is drawn to one length per count, on every page',
    async (_, doc) => {
      const definition = await documentDefinition(doc, DEFAULT_SCHEME);
      const ratios: number[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        const columns = (node as { columns?: { svg?: string; width?: number; text?: unknown }[] }).columns;
        if (columns?.[0]?.svg && typeof columns[1]?.text === 'number' && columns[1].text > 0) ratios.push(columns[0].width! / columns[1].text);
        Object.values(node).forEach(visit);
      };
      visit(definition.content);
      expect(ratios.length).toBeGreaterThan(4);
      for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 1);
    },
    60_000,
  );
});

describe('corrections, as printed, drafts', () => {
  it('the R1 sample: the three corrected cells are marked and each has its note', async () => {
    const definition = JSON.stringify(await documentDefinition(r1, DEFAULT_SCHEME));
    expect(definition.match(/"style":\["number","corrected"\]/g)?.length).toBeGreaterThanOrEqual(2 + 4); // two progress cells, and counts moved by the status
    // Hatched too, so that a print in black and white shows them.
    expect(definition.match(/"style":\["number","corrected"\],"overlayPattern":\["hatch",/g)?.length).toBeGreaterThanOrEqual(2 + 4);
    expect(definition).toContain('市内の高校の新卒者の美祢市内就職率　進捗率：印刷 56.7% → 50.0%');
    expect(definition).toContain('市内中学校へ入学する生徒の割合　進捗率：印刷 60.0% → 72.0%');
    expect(definition).toContain('認知症サポーター養成講座受講者数(年間)　状況：印刷 改善↑ → 目標達成');
  }, 60_000);

  it('a value in words (調査中): the printed status and progress are kept, with no correction note (nothing to judge them by)', () => {
    const doc = structuredClone(r1);
    const surveyed = doc.strategies[0]!.indicators[0]!;
    surveyed.actual = { value: null, year: null, text: '調査中' };
    const view = kpiView(doc, evaluateDocument(doc, DEFAULT_SCHEME), DEFAULT_SCHEME);
    const row = view.strategies[0]!.rows[0]!;
    const shown = 'indicator' in row ? row.indicator! : null;
    expect(shown).toMatchObject({ actual: '調査中', progress: '-71.4%', status: '悪化↓', corrections: [], statusCorrected: false, progressCorrected: false });
  });

  it('--as-printed gives the printed figures and marks nothing', async () => {
    const out = join(dir, 'as-printed.pdf');
    const r = await run('render', 'test/fixtures/expected/kpi-r1.yaml', '-o', out, '--as-printed');
    expect(r.code).toBe(0);
    const text = (await segmentsOf(new Uint8Array(readFileSync(out)))).map((s) => s.text).join('\n');
    expect(text).toContain('56.7%');
    expect(text).toContain('60.0%');
    expect(text).not.toContain('訂正');
    const corrected = (await segmentsOf(await renderPdf(r1, DEFAULT_SCHEME))).map((s) => s.text).join('\n');
    expect(corrected).toContain('50.0%');
    expect(corrected).toContain('72.0%');
  }, 60_000);

  it('blank actuals: （案） on every page, 未記入 in their cells and counted under the summary, page numbers 「n / N」 as the source; --final refuses and names them', async () => {
    const draft = structuredClone(r1);
    const blank = draft.strategies[1]!.policies[0]!.measures[0]!.indicators[0]!;
    blank.actual = { value: null, year: null, text: '' };
    blank.reported = { progress: null, status: null };
    const file = join(dir, 'draft.yaml');
    writeFileSync(file, stringifyDocument(draft, file));
    const pdf = await renderPdf(draft, DEFAULT_SCHEME);
    const pages = await readPdf(pdf, 'draft.pdf');
    const segments = await segmentsOf(pdf);
    for (const page of pages) {
      expect(
        segments.some((s) => s.page === page.number && s.text === '（案）'),
        `page ${page.number} is marked （案）`,
      ).toBe(true);
      expect(
        segments.some((s) => s.page === page.number && s.text === `${page.number} / ${pages.length}`),
        `page ${page.number} is numbered`,
      ).toBe(true);
    }
    // The blank row: its name, 未記入 for the actual, no progress or status (not "-"); the strategy's summary counts it.
    const row = segments.find((s) => s.text.startsWith(blank.name.slice(0, 8)))!;
    const cells = segments.filter((s) => s.page === row.page && Math.abs(s.baseline - row.baseline) < 1 && s.x > row.x).map((s) => s.text);
    expect(cells).toEqual([blank.unit, blank.baseline.text, '未記入', blank.target!.text]);
    expect(segments.some((s) => s.text.startsWith('未記入 1 件：'))).toBe(true);
    // Read back, the actual is blank again, not "-" (no data).
    const { document } = extractPages(pages, 'draft.pdf', DEFAULT_SCHEME);
    expect((document as KpiDocument).strategies[1]!.policies[0]!.measures[0]!.indicators[0]!.actual).toEqual({ value: null, year: null, text: '' });
    const refused = await run('render', file, '-o', join(dir, 'final.pdf'), '--final');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${blank.name}`);
    expect(refused.err).toContain('strategies[1].policies[0].measures[0].indicators[0].actual');
    expect(segments.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('a scheme graded on b/c, and a document graded by another scheme than it was printed under', () => {
  it('prints the quantity the scheme grades by (判定の達成率), legends with their bounds, and says the document was graded anew', async () => {
    const out = join(dir, 'sano.pdf');
    expect((await run('render', 'test/fixtures/expected/kpi-r1.yaml', '-o', out, '--scheme', 'sano')).code).toBe(0);
    const segments = await segmentsOf(new Uint8Array(readFileSync(out)));
    const text = segments.map((s) => s.text).join('\n');
    expect(text).toContain('判定の達成率');
    // 農業産出額: (b − a)/(c − a) = −71.4 %, graded 6 on b/c = 3,510 / 3,630 = 96.7 %.
    const row = segments.find((s) => s.text === '農業産出額')!;
    const cells = segments.filter((s) => s.page === row.page && Math.abs(s.baseline - row.baseline) < 1).map((s) => s.text);
    expect(cells.slice(-3)).toEqual(['-71.4%', '6', '96.7%']);
    expect(text.replace(/\s/g, '')).toContain('7：100%以上');
    expect(text).toMatch(/評価基準：sano（原資料は default の基準で印刷/);
  }, 60_000);
});

describe('page flow: a goal of the narrative longer than a page', () => {
  it("repeats the goal's title bar with （続き） on each later page, and loses no bullet (round trip)", async () => {
    const narrative = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;
    const policy = narrative.goals[0]!.policies[0]!;
    for (let i = 0; i < 45; i++) policy.results.push(`追加の取組その${i}：地域の事業者と連携した新たな観光コンテンツの造成と情報発信の強化`);
    const pdf = await renderPdf(narrative, DEFAULT_SCHEME);
    const segments = await segmentsOf(pdf);
    const goalPages = [...new Set(segments.filter((s) => s.text.startsWith('基本目標1')).map((s) => s.page))];
    expect(goalPages.length).toBeGreaterThan(1);
    goalPages.forEach((page, k) => {
      const bar = segments
        .filter((s) => s.page === page && s.text.startsWith('基本目標1'))
        .map((s) =>
          segments
            .filter((t) => t.page === page && Math.abs(t.baseline - s.baseline) < 1)
            .map((t) => t.text)
            .join(''),
        );
      expect(
        bar.some((text) => text.endsWith('（続き）')),
        `page ${page}`,
      ).toBe(k > 0);
    });
    const { document, messages } = extractPages(await readPdf(pdf, 'long.pdf'), 'long.pdf', DEFAULT_SCHEME);
    expect(messages).toEqual([]);
    expect(document).toEqual(narrative);
  }, 60_000);
});

describe('the narrative: each column flows on its own', () => {
  it('a plan follows the plan before it, not the result of its number (no gap beside a long result)', async () => {
    const narrative = parseDocumentText(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8'), 'n.yaml') as NarrativeDocument;
    const policy = narrative.goals[0]!.policies[0]!;
    policy.results = ['長い実績の記述：' + '地域の事業者と連携した新たな観光コンテンツの造成と情報発信の強化、'.repeat(4) + 'を実施した', '短い実績'];
    policy.plans = ['第一の計画', '第二の計画'];
    const segments = await segmentsOf(await renderPdf(narrative, DEFAULT_SCHEME));
    const at = (text: string) => segments.find((s) => s.text === text)!;
    expect(at('短い実績').baseline - at('第二の計画').baseline).toBeGreaterThan(at('第一の計画').size);
    // One line under the first plan.
    expect(at('第二の計画').baseline - at('第一の計画').baseline).toBeLessThan(2 * at('第一の計画').size * 1.2);
  }, 60_000);
});
