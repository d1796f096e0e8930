import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateDocument } from '../src/evaluate/evaluate.js';
import { extractPages } from '../src/extract/extract.js';
import { readPdf } from '../src/extract/pdf.js';
import type { KpiDocument, NarrativeDocument } from '../src/model/types.js';
import { parseDocumentText } from '../src/io/yaml.js';
import { loadSegmenter } from '../src/japanese/tokenizer.js';
import { NO_LINE_END, NO_LINE_START } from '../src/japanese/phrases.js';
import { renderPdf } from '../src/render/pdf.js';
import { createEnvironment, renderDefinition } from '../src/render/templates.js';
import { columnTexts, segmentsOf, wrappedLines, type Segment } from './helpers/pdftext.js';
import { run } from './helpers/run.js';
import { asComputed } from './helpers/as-computed.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

const load = <T>(name: string) => parseDocumentText(readFileSync(`test/fixtures/expected/${name}.yaml`, 'utf8'), name) as T;
const kpi = load<KpiDocument>('kpi-r1');
const narrative = load<NarrativeDocument>('narrative-r5');
const indicators = (doc: KpiDocument) =>
  doc.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);

let kpiPdf: Uint8Array;
let narrativePdf: Uint8Array;
let kpiSegments: Segment[];
let narrativeSegments: Segment[];

beforeAll(async () => {
  kpiPdf = await renderPdf(kpi, DEFAULT_SCHEME);
  narrativePdf = await renderPdf(narrative, DEFAULT_SCHEME);
  kpiSegments = await segmentsOf(kpiPdf);
  narrativeSegments = await segmentsOf(narrativePdf);
}, 120_000);

describe('render: what a reader must find on the pages', () => {
  it('every indicator name (with ※) and every value of the R1 report', () => {
    const text = columnTexts(kpiSegments);
    for (const i of indicators(kpi)) {
      expect(text).toContain(i.name + (i.method === 'ratio' ? '※' : ''));
      for (const v of [i.baseline.text, i.actual.text, i.target!.text]) expect(text).toContain(v);
    }
    expect(text).toContain('R1実績 b');
    expect(text).toContain('目標指標の※印の進捗率は、b/cにより算出');
  });

  it('every bullet of the R5 narrative, and the headings of both years', () => {
    const text = columnTexts(narrativeSegments);
    for (const g of narrative.goals) for (const p of g.policies) for (const b of [...p.results, ...p.plans]) expect(text).toContain(b);
    expect(text).toContain('令和5年度 主な取組内容／実績');
    expect(text).toContain('令和6年度 主な取組／今後の方向性');
  });

  it('no wrapped line starts with a closing mark or small kana, none ends with an opening bracket', () => {
    const pairs = [...wrappedLines(kpiSegments, 1.15), ...wrappedLines(narrativeSegments, 1.2)];
    expect(pairs.length).toBeGreaterThan(20); // the check looks at real wrapped cells
    for (const [line, next] of pairs) {
      expect(NO_LINE_START, `line starts with ${next.text}`).not.toContain(next.text.charAt(0));
      expect(NO_LINE_END, `line ends with ${line.text}`).not.toContain(line.text.charAt(line.text.length - 1));
    }
  });

  it('the same check finds the broken line of the LibreOffice sample (a line starting with ）)', async () => {
    const sample = await segmentsOf(new Uint8Array(readFileSync('input/narrative-r5.pdf')));
    const broken = wrappedLines(sample, 1.0).filter(([, next]) => NO_LINE_START.includes(next.text.charAt(0)));
    expect(broken.some(([, next]) => next.text.startsWith('）'))).toBe(true);
  });

  it('above each strategy, a status chart with its labels and its counts as page text', () => {
    const evaluation = evaluateDocument(structuredClone(kpi), DEFAULT_SCHEME);
    const headings = kpiSegments.filter((s) => s.text === '状況の内訳');
    expect(headings).toHaveLength(kpi.strategies.length);
    kpi.strategies.forEach((strategy, i) => {
      const heading = headings[i]!;
      const chart = kpiSegments.filter(
        (s) => s.page === heading.page && s.x >= heading.x - 5 && s.baseline > heading.baseline && s.baseline < heading.baseline + 60,
      );
      const counts = evaluation.summaries.find((x) => x.strategy === strategy.no && x.row === 'total')!.computed;
      expect(chart.map((s) => s.text)).toEqual(
        expect.arrayContaining(['目標達成', '改善↑', '-', '悪化↓', ...[counts.achieved, counts.improved, counts.unchanged, counts.worsened].map(String)]),
      );
    });
  });

  it('embeds the Japanese fonts as subsets, with a real bold', () => {
    const raw = Buffer.from(kpiPdf).toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDPGothic-Bold/);
  });
});

describe('render: deterministic', () => {
  it('the same document renders to identical bytes (the first render cut the phrases, this one reads them from the cache)', async () => {
    const again = await renderPdf(kpi, DEFAULT_SCHEME);
    expect(Buffer.from(again).equals(Buffer.from(kpiPdf))).toBe(true);
  });

  it('another document gets another document ID', async () => {
    const other = structuredClone(kpi);
    other.strategies[0]!.indicators[0]!.name = '農業産出額（変更）';
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
    expect(id(await renderPdf(other, DEFAULT_SCHEME))).not.toBe(id(kpiPdf));
  });
});

describe('render → extract round trip', () => {
  it("the KPI report comes back as the document, with tassei's own progress, status and counts", async () => {
    const pages = await readPdf(kpiPdf, 'rendered.pdf');
    const { document, messages } = extractPages(pages, 'rendered.pdf', DEFAULT_SCHEME);
    expect(messages).toEqual([]);
    expect(document).toEqual(asComputed(kpi, DEFAULT_SCHEME));
  });

  it('the narrative comes back as the document', async () => {
    const { document, messages } = extractPages(await readPdf(narrativePdf, 'rendered.pdf'), 'rendered.pdf', DEFAULT_SCHEME);
    expect(messages).toEqual([]);
    expect(document).toEqual(narrative);
  });
});

describe('render: a policy longer than a page', () => {
  it('breaks between bullets and loses none (round trip)', async () => {
    const long = structuredClone(narrative);
    const policy = long.goals[0]!.policies[0]!;
    for (let i = 0; i < 70; i++) policy.results.push(`追加の取組その${i}：地域の事業者と連携した新たな観光コンテンツの造成と情報発信の強化`);
    const pdf = await renderPdf(long, DEFAULT_SCHEME);
    const { document, messages } = extractPages(await readPdf(pdf, 'long.pdf'), 'long.pdf', DEFAULT_SCHEME);
    expect(messages).toEqual([]);
    expect(document).toEqual(long);
  }, 60_000);
});

describe('render: years in the headings', () => {
  it('令和元年度 for 2019, R2実績 for 2020', async () => {
    const first = { ...narrative, fiscalYear: 2019, nextYear: 2020 };
    const text = columnTexts(await segmentsOf(await renderPdf(first, DEFAULT_SCHEME)));
    expect(text).toContain('令和元年度 主な取組内容／実績');
    expect(text).toContain('令和2年度 主な取組／今後の方向性');
    const next = { ...kpi, fiscalYear: 2020 };
    expect(columnTexts(await segmentsOf(await renderPdf(next, DEFAULT_SCHEME)))).toContain('R2実績 b');
  }, 60_000);
});

describe('render: template errors name the template, the line and the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tassei-templates-'));
  mkdirSync(join(dir, 'partials'));

  it('a Handlebars syntax error', async () => {
    writeFileSync(join(dir, 'broken.hbs'), '{\n  "content": [\n    {{#list goals}}\n  ]\n}\n');
    const hb = createEnvironment({ segment: await loadSegmenter(), dir });
    expect(() => renderDefinition(hb, 'broken', { goals: [] }, dir)).toThrow(/broken\.hbs:6: エラー \[template-error\] Parse error on line 6: .*got 'EOF'/);
  });

  it('output that is not JSON (a missing comma)', async () => {
    writeFileSync(join(dir, 'comma.hbs'), '{\n  "a": {{json x}}\n  "b": 1\n}\n');
    const hb = createEnvironment({ segment: await loadSegmenter(), dir });
    expect(() => renderDefinition(hb, 'comma', { x: 'say "hi" & bye' }, dir)).toThrow(/comma\.hbs: エラー \[template-json\].*(output line 3|出力の 3 行目)/s);
  });

  it('quotes, newlines and & in Japanese text do not break the JSON', async () => {
    writeFileSync(join(dir, 'safe.hbs'), '{ "text": {{json x}}, "runs": {{phrases x width=100 size=8}} }');
    const hb = createEnvironment({ segment: await loadSegmenter(), dir });
    const x = '「引用」"quote" &改行\nあり\\';
    const def = renderDefinition(hb, 'safe', { x }, dir);
    expect(def.text).toBe(x);
    expect((def.runs as { text: string }[]).map((r) => r.text).join('')).toBe(x);
  });
});

describe('tassei render', () => {
  it('renders a PDF given as input, and says where it wrote', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tassei-')), 'n.pdf');
    const r = await run('render', 'input/narrative-r5.pdf', '-o', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('needs -o', async () => {
    expect((await run('render', 'input/narrative-r5.pdf')).code).toBe(1);
  });
});
