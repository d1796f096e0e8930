import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Segment, segmentsOf } from './helpers/pdftext.js';
import type { KpiDocument, NarrativeDocument } from '../src/model/types.js';
import { parseDocumentText, stringifyDocument } from '../src/io/yaml.js';
import { parseMeasurement } from '../src/notation/numbers.js';
import { loadAnalyser } from '../src/japanese/tokenizer.js';
import { pair, similarityWith } from '../src/diff/similarity.js';
import { run } from './helpers/run.js';
import { diffKpi } from '../src/diff/diff.js';
import { renderDiffPdf } from '../src/render/pdf.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

const load = <T>(name: string) => parseDocumentText(readFileSync(`test/fixtures/expected/${name}.yaml`, 'utf8'), name) as T;
const dir = mkdtempSync(join(tmpdir(), 'tassei-diff-'));
const save = (name: string, doc: KpiDocument | NarrativeDocument) => {
  const file = join(dir, name);
  writeFileSync(file, stringifyDocument(doc, file));
  return file;
};
const measurement = (text: string) => {
  const r = parseMeasurement(text);
  if (!r.ok) throw new Error(text);
  return r.measurement;
};

/** Next year's KPI report with known changes, and nothing else changed. */
function changedKpi(): KpiDocument {
  const doc = structuredClone(load<KpiDocument>('kpi-r1'));
  doc.fiscalYear = 2020;
  const s1 = doc.strategies[0]!;
  s1.indicators[0]!.target = measurement('3,700'); // 農業産出額: target revised
  const dmo = s1.policies[0]!.measures[0]!.indicators;
  dmo[0]!.actual = measurement('530'); // 三洞入洞者数: 487 → 530, 悪化↓ → 改善↑
  const global = s1.policies[0]!.measures[1]!.indicators;
  global.splice(1, 1); // Wi-Fi設置数 removed
  global.push({
    name: '観光案内所の利用者数',
    unit: '人',
    method: 'change',
    baseline: measurement('1,200'),
    actual: measurement('1,350'),
    target: measurement('2,000'),
    reported: { progress: 18.8, status: 'improved' },
  });
  const pride = doc.strategies[1]!.policies[2]!.measures[0]!.indicators[0]!;
  pride.name = '美祢市に愛着を持つ小・中学生の割合'; // one kanji corrected (美祿 → 美祢)
  s1.policies[0]!.measures[1]!.title = 'グローバル観光戦略とインバウンドの推進'; // a 施策 renamed
  return doc;
}

describe('tassei diff: KPI report', () => {
  it('reports exactly the changes made, and nothing else', async () => {
    const r = await run('diff', save('kpi-2019.yaml', load('kpi-r1')), save('kpi-2020.yaml', changedKpi()), '--format', 'json');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.out);
    expect(diff.indicators).toEqual({
      added: ['観光案内所の利用者数'],
      removed: ['Wi-Fi設置数'],
      renamed: [{ from: '美祿市に愛着を持つ小・中学生の割合', to: '美祢市に愛着を持つ小・中学生の割合' }],
      changed: [
        { name: '農業産出額', field: 'target', from: '3,630', to: '3,700' },
        { name: '三洞入洞者数', field: 'actual', from: '487', to: '530' },
      ],
      statusChanged: [{ name: '三洞入洞者数', from: 'worsened', to: 'improved' }],
      moved: [],
    });
    // The counts that the status change, the removal and the addition move, and no others.
    expect(diff.summaries.map((s: { strategy: number; row: string; policy: number | null }) => `${s.strategy}/${s.row}/${s.policy}`)).toEqual([
      '1/total/null',
      '1/policy/1',
    ]);
    expect(diff.narrative).toEqual({ added: [], removed: [], reworded: [], done: [] });
  }, 60_000);

  it('never confuses two indicators of one measure that share words', async () => {
    const similarity = similarityWith(await loadAnalyser());
    const old = ['マイナンバーカード発行枚数(累計)', 'マイナンバーカード活用サービス数'];
    expect(pair(old, [...old].reverse(), similarity)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(pair(old, ['マイナンバーカード活用サービス数(累計)'], similarity)).toEqual([[1, 0]]);
    // A name with a note added is the same indicator.
    expect(similarity('ふるさと納税寄附者数', 'ふるさと納税寄附者数(累計)')).toBeGreaterThan(0.7);
    // Different indicators stay apart.
    expect(similarity('集落営農法人数', 'テレワーク事業者数')).toBeLessThan(0.5);
  }, 60_000);

  it('prints a terminal report grouped by strategy, a review memo and a PDF', async () => {
    const [a, b] = [save('k1.yaml', load('kpi-r1')), save('k2.yaml', changedKpi())];
    const text = await run('diff', a, b);
    expect(text.out).toContain('■ 重点戦略1 「働きたい！」希望を実現させる魅力産業の創出');
    expect(text.out).toMatch(/〔目標変更〕\s+農業産出額\s+基本目標\n\s+目標 c\s+〔旧〕3,630 → 〔新〕3,700/);
    expect(text.out).toContain('変更の概要：新規 1・削除 1・名称変更 2・目標変更 1・数値 1');
    expect(text.out).toMatch(
      /〔変更〕\s+三洞入洞者数[^〔]+実績 b\s+〔旧〕487 → 〔新〕530[^〔]+〔旧〕-29.3% → 〔新〕75.6%\n\s+状況\s+〔旧〕悪化↓ → 〔新〕改善↑/,
    );
    // Summary counts as a table: one row per changed count row, old → new where a count moved.
    expect(text.out).toMatch(/集計\s+目標達成\s+改善↑\s+-\s+悪化↓\s+合計\n\s+合計\s+3\s+8 → 10/);
    const md = await run('diff', a, b, '--format', 'md');
    expect(md.out).toContain('|  |  | 目標指標 | 〔旧〕美<u>祿</u>市に愛着を持つ小・中学生の割合 → 〔新〕美<u>祢</u>市に愛着を持つ小・中学生の割合 |');
    // The renamed 施策, with its names, in both.
    expect(text.out).toMatch(
      /〔名称変更〕\s+施策\s+重点戦略1 › 戦略方針1 › 施策2\s+〔旧〕グローバル観光戦略の推進 → 〔新〕グローバル観光戦略〔とインバウンド〕の推進/,
    );
    expect(md.out).toContain(
      '| 〔名称変更〕 | 施策 | 重点戦略1 › 戦略方針1 › 施策2 | 〔旧〕グローバル観光戦略の推進 → 〔新〕グローバル観光戦略<u>とインバウンド</u>の推進 |',
    );
    expect(md.out).toContain('| 集計 | 目標達成 | 改善↑ | - | 悪化↓ | 合計 |');
    const pdf = join(dir, 'diff.pdf');
    expect((await run('diff', a, b, '-o', pdf)).code).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('draws the counts table with as many columns as the scheme has grades (◎ ○ △ × 評価なし 合計: six a side)', async () => {
    const pdf = join(dir, 'diff-ino.pdf');
    const r = await run('diff', save('kpi-2019.yaml', load('kpi-r1')), save('kpi-2020.yaml', changedKpi()), '-o', pdf, '--scheme', 'ino');
    expect([r.code, r.err]).toEqual([0, expect.not.stringContaining('内部エラー')]);
    const texts = (await segmentsOf(new Uint8Array(readFileSync(pdf)))).map((s) => s.text);
    expect(texts.filter((t) => t === '評価なし')).toHaveLength(2);
  }, 60_000);
});

/** Every indicator's actual changed, with a year note (「1,235(R2)」): a 新旧対照表 of several pages with long values. */
function everyActualChanged(): KpiDocument {
  const doc = changedKpi();
  for (const s of doc.strategies)
    for (const i of [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]) {
      const value = (i.actual.value ?? 0) * 10 + 1234.5;
      i.actual = measurement(`${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}(R2)`);
      i.reported = { progress: null, status: null };
    }
  return doc;
}

describe('tassei diff: the 新旧対照表 PDF', () => {
  let segments: Segment[] = [];
  let pages = 0;

  beforeAll(async () => {
    const pdf = join(dir, 'long-diff.pdf');
    expect((await run('diff', save('l1.yaml', load('kpi-r1')), save('l2.yaml', everyActualChanged()), '-o', pdf)).code).toBe(0);
    segments = await segmentsOf(new Uint8Array(readFileSync(pdf)));
    pages = Math.max(...segments.map((s) => s.page));
  }, 60_000);

  it('never splits a number from its unit, year note or bracket', () => {
    expect(pages).toBeGreaterThan(2);
    const split = segments.filter((s) => /^[)）%％]/.test(s.text) || /[(（][HR]?\d*$/.test(s.text));
    expect(split.map((s) => `page ${s.page}: "${s.text}"`)).toEqual([]);
  });

  it('names on each continued page the 重点戦略 it continues (or opens one)', () => {
    for (let page = 2; page <= pages; page++) {
      const onPage = segments.filter((s) => s.page === page).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
      if (!onPage.some((s) => s.text === '区分')) continue;
      const first = onPage[0]!.text;
      expect(first.startsWith('重点戦略'), `page ${page} opens with "${first}"`).toBe(true);
    }
    expect(segments.filter((s) => s.text.endsWith('（続き）')).length).toBeGreaterThan(0);
  });

  it('keeps 「集計（状況の件数）」 with its table', () => {
    const heading = segments.find((s) => s.text === '集計（状況の件数）')!;
    expect(segments.some((s) => s.page === heading.page && s.baseline > heading.baseline && /^重点戦略\d/.test(s.text))).toBe(true);
  });

  it('shows the renamed 施策 with its names, and the counts of the changes', () => {
    const text = segments.map((s) => s.text).join('\n');
    expect(text).toContain('構成（見出し）の変更');
    expect(text).toContain('グローバル観光戦略の推進');
    expect(text).toMatch(/グローバル観光戦略\n?とインバウンド\n?の推進/);
    expect(text).toMatch(/変更の概要：新規 1・削除 1・名称変更 2・目標変更 1・数値 \d+/);
  });
});

describe('tassei diff: 「集計（状況の件数）」 kept with its table', () => {
  it('never ends a page alone, however many rows come before it', async () => {
    const similarity = (a: string, b: string) => (a === b ? 1 : 0);
    const old = load<KpiDocument>('kpi-r1');
    const all = (doc: KpiDocument) => doc.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);
    let checked = 0;
    // The first k indicators' actuals changed: the rows before the summary grow row by row, so that one k puts the heading at a page's foot.
    for (let k = 14; k <= 40; k += 2) {
      const now = structuredClone(old);
      now.fiscalYear = 2020;
      all(now)
        .slice(0, k)
        .forEach((i) => (i.actual = measurement(`${(i.actual.value ?? 0) + 1}`)));
      const segments = await segmentsOf(await renderDiffPdf(diffKpi(old, now, similarity, DEFAULT_SCHEME), DEFAULT_SCHEME));
      const heading = segments.find((s) => s.text === '集計（状況の件数）');
      if (!heading) continue;
      checked++;
      const under = segments.filter((s) => s.page === heading.page && s.baseline > heading.baseline && /^重点戦略\d/.test(s.text));
      expect(under.length, `${k} rows changed: the heading alone on page ${heading.page}`).toBeGreaterThan(0);
    }
    expect(checked).toBeGreaterThan(5);
  }, 120_000);
});

describe('tassei diff: narrative', () => {
  it("holds this year's results against last year's plans: done, reworded, dropped, new", async () => {
    const old = load<NarrativeDocument>('narrative-r5');
    const now = structuredClone(old);
    now.fiscalYear = 2024;
    now.nextYear = 2025;
    const p = now.goals[0]!.policies[0]!;
    const planned = old.goals[0]!.policies[0]!.plans;
    // What `next` drafts: last year's plans as this year's results, then the office's edits.
    p.results = [...planned];
    const dropped = p.results.splice(2, 1)[0]!;
    p.results[0] = `${p.results[0]!}を実施`;
    p.results.push('観光DXの推進（予約システムの導入）');
    now.goals[1]!.policies[0]!.measures.push('有害鳥獣対策');
    const r = await run('diff', save('n1.yaml', old), save('n2.yaml', now), '--format', 'json');
    const diff = JSON.parse(r.out);
    // The other policies' results were never last year's plans in the sample: look at two places.
    type Entry = { goal: number; policy: number; column: string };
    for (const kind of ['added', 'removed', 'reworded', 'done']) {
      diff.narrative[kind] = diff.narrative[kind].filter((e: Entry) => (e.goal === 1 && e.policy === 1) || e.column === 'measures');
    }
    expect(diff.narrative.added).toEqual([
      { goal: 1, policy: 1, column: 'results', text: '観光DXの推進（予約システムの導入）' },
      { goal: 2, policy: 1, column: 'measures', text: '有害鳥獣対策' },
    ]);
    expect(diff.narrative.removed).toEqual([{ goal: 1, policy: 1, column: 'results', text: dropped }]);
    expect(diff.narrative.reworded).toEqual([{ goal: 1, policy: 1, column: 'results', from: planned[0], to: p.results[0] }]);
    expect(diff.narrative.done.map((e: { text: string }) => e.text)).toEqual(planned.filter((x, i) => i !== 0 && i !== 2));
    const text = await run('diff', save('n1.yaml', old), save('n2.yaml', now));
    expect(text.out).toContain(`〔未実施（計画のみ）〕 ${dropped}`);
    expect(text.out).toContain('〔新規〕 観光DXの推進（予約システムの導入）');
    expect(text.out).toContain(`新: ${planned[0]}〔を実施〕`);
    expect(text.out).not.toMatch(/\[-|\{\+/);
    const md = await run('diff', save('n1.yaml', old), save('n2.yaml', now), '--format', 'md');
    expect(md.out).toContain(`新: ${planned[0]}<u>を実施</u>`);
  }, 60_000);

  it('refuses documents of different kinds or of the same year', async () => {
    const kinds = await run('diff', 'test/fixtures/expected/kpi-r1.yaml', 'test/fixtures/expected/narrative-r5.yaml');
    expect(kinds.code).toBe(1);
    expect(kinds.err).toContain('[diff-kinds]');
    const same = await run('diff', 'test/fixtures/expected/kpi-r1.yaml', 'test/fixtures/expected/kpi-r1.yaml');
    expect(same.code).toBe(1);
    expect(same.err).toContain('どちらも 2019 年度の文書です');
    const english = await run('diff', 'test/fixtures/expected/kpi-r1.yaml', 'test/fixtures/expected/kpi-r1.yaml', '--lang', 'en');
    expect(english.err).toContain('both documents are of fiscal year 2019');
  });
});

describe('tassei next', () => {
  it('KPI: actuals emptied with last year kept, years moved on, reported values cleared, valid YAML', async () => {
    const out = join(dir, 'next.yaml');
    expect((await run('next', 'test/fixtures/expected/kpi-r1.yaml', '-o', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const doc = parseDocumentText(text, out) as KpiDocument;
    expect(doc.fiscalYear).toBe(2020);
    const first = doc.strategies[0]!.indicators[0]!;
    expect(first.actual).toEqual({ value: null, year: null, text: '' }); // 未記入, not "-" (no data)
    expect(first.previousActual).toEqual({ value: 3510, year: 2018, text: '3,510(H30)' });
    expect(first.reported).toEqual({ progress: null, status: null });
    expect(doc.strategies[0]!.reportedSummary).toBeNull();
    expect(text).toContain('# 記入: R2実績 (令和2年度)');
    expect((await run('evaluate', out)).code).toBe(0); // nothing printed yet, nothing wrong
  });

  it("narrative: last year's plans become the draft results, the plans are empty", async () => {
    const out = join(dir, 'next-n.yaml');
    expect((await run('next', 'test/fixtures/expected/narrative-r5.yaml', '-o', out)).code).toBe(0);
    const doc = parseDocumentText(readFileSync(out, 'utf8'), out) as NarrativeDocument;
    const old = load<NarrativeDocument>('narrative-r5');
    expect([doc.fiscalYear, doc.nextYear]).toEqual([2024, 2025]);
    expect(doc.goals[0]!.policies[0]!.results).toEqual(old.goals[0]!.policies[0]!.plans);
    expect(doc.goals[0]!.policies[0]!.plans).toEqual([]);
    expect(doc.goals.every((g) => g.policies.every((p) => p.draft === true))).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('# 記入: 令和7年度 主な取組／今後の方向性');
  });
});
