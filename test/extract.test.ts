import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdfFile } from '../src/extract/extract.js';
import { parseDocumentText } from '../src/io/yaml.js';
import { run } from './helpers/run.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

const expected = (name: string) => parseDocumentText(readFileSync(`test/fixtures/expected/${name}.yaml`, 'utf8'), name);

/**
 * The expected documents were checked by reading the PDFs (and against the seed text); every
 * producer's PDF of the same document must extract to exactly the same document.
 */
const PRODUCERS: [file: string, expectedName: string, producer: string][] = [
  ['input/kpi-r1.pdf', 'kpi-r1', 'LibreOffice Calc, stroked rules, header overlapping the first heading'],
  [
    'test/fixtures/pdf/kpi-r1.chromium-borders.pdf',
    'kpi-r1',
    'Chromium, borders as filled rectangles, Noto Serif CJK, repeated thead, fixed page header over it',
  ],
  ['test/fixtures/pdf/kpi-r1.chromium-hrules.pdf', 'kpi-r1', 'Chromium, horizontal rules only, IPA P Gothic, footer printed over rows'],
  ['test/fixtures/pdf/kpi-r1.chromium-borderless.pdf', 'kpi-r1', 'Chromium, no rules at all, IPA P Mincho'],
  ['input/narrative-r5.pdf', 'narrative-r5', 'LibreOffice Calc'],
  ['test/fixtures/pdf/narrative-r5.chromium-borders.pdf', 'narrative-r5', 'Chromium, list markers before ○, Noto Sans CJK (radicals and shared glyphs)'],
  ['test/fixtures/pdf/narrative-r5.chromium-borderless.pdf', 'narrative-r5', 'Chromium, no rules, hanging indents'],
  [
    'test/fixtures/pdf/kpi-r1-calc.ghostscript.pdf',
    'kpi-r1-calc',
    'Calc printed through Ghostscript (as a PostScript printer driver prints): the texts of neighbouring cells set in one run',
  ],
  [
    'test/fixtures/pdf/kpi-r1.cairo.pdf',
    'kpi-r1',
    'the Calc sample printed again through cairo (as Firefox and GTK print on Linux): bold headings drawn as glyph outlines over the text',
  ],
  [
    'test/fixtures/pdf/kpi-other-city.chromium.pdf',
    'kpi-other-city',
    'another city: R4, 現状値/評価 headings, (1) measures, full-width digits, △, 達成/改善/－/悪化, no summary tables',
  ],
];

describe('extract: the same document from every producer', () => {
  it.each(PRODUCERS)('%s (%s)', async (file, name) => {
    const result = await extractPdfFile(file, DEFAULT_SCHEME);
    expect(result.document).toEqual(expected(name));
    expect(result.messages).toEqual([]);
  });
});

/**
 * LibreOffice Writer, from HTML: no rules, values aligned left, narrow columns, a blank first
 * page, and rows split across pages (Writer ignores keep-together). The differences listed are
 * what the Writer PDFs print, or what cannot be told apart in them, and are the only ones
 * allowed.
 */
describe('extract: LibreOffice Writer, with the differences its PDFs really have', () => {
  it('KPI report', async () => {
    const want = expected('kpi-r1');
    if (want.kind !== 'kpi-progress') throw new Error('kind');
    want.title = ''; // Writer drops the title paragraph: the PDF has no title.
    // (The strategy 3 total row splits over a page break and its title's tail runs into the
    // 基本目標 row below it, with no rules to tell them apart: that row is still read.)
    const result = await extractPdfFile('test/fixtures/pdf/kpi-r1.writer.pdf', DEFAULT_SCHEME);
    expect(result.document).toEqual(want);
  });

  it('narrative', async () => {
    const want = expected('narrative-r5');
    if (want.kind !== 'narrative') throw new Error('kind');
    // Writer's automatic spacing between Japanese and Latin text before 10 is 0.23 em here,
    // as wide as a typed space.
    want.goals[0]!.policies[2]!.results[1] = want.goals[0]!.policies[2]!.results[1]!.replace('事業者10', '事業者 10');
    // (Goal 4 policy 2 splits over a page break, its heading and a bullet cut in two: it is
    // read whole.)
    const result = await extractPdfFile('test/fixtures/pdf/narrative-r5.writer.pdf', DEFAULT_SCHEME);
    expect(result.document).toEqual(want);
    expect(result.messages).toEqual([]);
  });
});

describe('extract: what the samples hold', () => {
  it('reads every indicator of the R1 report with its ※ method and year notes', async () => {
    const { document } = await extractPdfFile('input/kpi-r1.pdf', DEFAULT_SCHEME);
    if (document.kind !== 'kpi-progress') throw new Error('kind');
    const all = document.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);
    expect(all).toHaveLength(81);
    expect(document.fiscalYear).toBe(2019);
    expect(all.filter((i) => i.method === 'ratio').map((i) => i.name)).toContain('認知症サポーター養成講座受講者数(年間)');
    expect(all.find((i) => i.name === '市内中学校へ入学する生徒の割合')?.baseline).toEqual({ value: 92.5, year: 2019, text: '92.5 (H31)' });
    // The summary row prints the title cut short (…交流の強); the detail table has it whole.
    expect(document.strategies[2]!.title).toBe('「訪れたい、参加したい、住んでみたい！」MINEの発信と交流の強化');
  });

  it('reads the narrative with both fiscal years and each bullet whole', async () => {
    const { document } = await extractPdfFile('input/narrative-r5.pdf', DEFAULT_SCHEME);
    if (document.kind !== 'narrative') throw new Error('kind');
    expect([document.fiscalYear, document.nextYear]).toEqual([2023, 2024]);
    const policy = document.goals[0]!.policies[0]!;
    expect(policy.results[2]).toBe('おもてなしびとのホスピタリティの向上を目指した取組（スクールみねシュランの開催）');
    expect(policy.plans[0]).toBe('アクティビティセンター（仮称）の設置（Ｒ6～Ｒ7）');
    expect(document.goals.flatMap((g) => g.policies.flatMap((p) => [...p.results, ...p.plans]))).toHaveLength(81);
  });
});

describe('extract: unreadable input', () => {
  it.each([
    ['not-a-pdf.pdf', 'pdf-invalid'],
    ['truncated.pdf', 'pdf-invalid'],
    ['encrypted.pdf', 'pdf-encrypted'],
    ['scanned.pdf', 'pdf-no-text'],
    ['unknown-kind.pdf', 'pdf-unknown-kind'],
    // Printed through Ghostscript, which re-encoded the fonts without their character maps.
    ['text-lost.pdf', 'pdf-text-lost'],
  ])('%s: exit 2, a message naming the file and the reason, nothing written', async (name, rule) => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-'));
    const out = join(dir, 'out.yaml');
    const file = `test/fixtures/pdf/${name}`;
    const r = await run('extract', file, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${file}: エラー [${rule}]`);
    expect(r.err).toContain('ヒント:');
    // The message and the hint are Japanese (the encrypted and not-a-PDF ones were English).
    const [message, hint] = [/\] (.*)/.exec(r.err)![1]!, /ヒント: (.*)/.exec(r.err)![1]!];
    expect([message, hint].map((m) => /^[\x20-\x7e]*$/.test(m.replace(/\(.*?\)/g, '')))).toEqual([false, false]);
    // Nor does a Japanese message carry pdf.js's English words (Invalid PDF structure.).
    expect(message).not.toMatch(/[A-Za-z]{3,}[ .][A-Za-z]{3,}/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('commands take a PDF wherever they take a YAML', () => {
  it('evaluate on the R1 PDF names the three errors the document contains, and nothing else', async () => {
    const r = await run('evaluate', 'input/kpi-r1.pdf', '--format', 'json');
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out).findings as { kind: string; indicator: string }[];
    expect(findings.map((f) => [f.kind, f.indicator])).toEqual([
      ['progress-mismatch', '市内の高校の新卒者の美祢市内就職率'], // (12 − 9) / (15 − 9) = 50.0 %, printed 56.7 %
      ['progress-mismatch', '市内中学校へ入学する生徒の割合'], // (94.3 − 92.5) / (95 − 92.5) = 72.0 %, printed 60.0 %
      ['status-mismatch', '認知症サポーター養成講座受講者数(年間)'], // ※ 406 ≥ 300 is 目標達成, printed 改善↑
    ]);
    expect(JSON.parse(r.out).findings[2]).toMatchObject({ strategy: 4, policy: 1, measure: 2, reported: 'improved', computed: 'achieved' });
  });

  it('extract writes YAML that loads back to the same document', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-'));
    const out = join(dir, 'kpi.yaml');
    expect((await run('extract', 'input/kpi-r1.pdf', '-o', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*kpi-progress\.schema\.json$/);
    expect(parseDocumentText(text, out)).toEqual(expected('kpi-r1'));
  });
});

it("leaves the engine's own Array.prototype.push once a PDF is read (pdf.js's legacy build replaces it with a slower one)", async () => {
  await extractPdfFile('input/kpi-r1.pdf', DEFAULT_SCHEME);
  expect(String(Array.prototype.push)).toMatch(/native code/);
});
