import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/extract/pdf.js';
import { parseDocumentText } from '../src/io/yaml.js';
import type { KpiDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf.js';
import { segmentsOf } from './helpers/pdftext.js';
import { run } from './helpers/run.js';
import { DEFAULT_SCHEME } from './helpers/scheme.js';

/** `render --final` and the （案） mark: what keeps a council document from going out as final. */
const dir = mkdtempSync(join(tmpdir(), 'tassei-final-'));

/** Whether every page of a PDF prints the mark as one piece of text. */
async function everyPageSays(file: string, mark: string): Promise<boolean> {
  const pdf = new Uint8Array(readFileSync(file));
  const [pages, segments] = [await readPdf(pdf, file), await segmentsOf(pdf)];
  return pages.every((page) => segments.some((s) => s.page === page.number && s.text === mark));
}

describe('a narrative whose results are still the draft that next carried over', () => {
  it('prints （案） on every page, is refused by --final with each policy named, and is counted by build', async () => {
    const draft = join(dir, 'narrative-r6.yaml');
    expect((await run('next', 'test/fixtures/expected/narrative-r5.yaml', '-o', draft)).code).toBe(0);
    const printed = join(dir, 'narrative-r6.pdf');
    expect((await run('render', draft, '-o', printed)).code).toBe(0);
    expect(await everyPageSays(printed, '（案）')).toBe(true);

    const refused = await run('render', draft, '-o', join(dir, 'final.pdf'), '--final');
    expect(refused.code).toBe(1);
    expect(existsSync(join(dir, 'final.pdf'))).toBe(false);
    expect(refused.err).toContain('goals[0].policies[0].draft');
    expect(refused.err).toContain('基本目標1 › 基本方針1 観光の振興と魅力の創出');

    const input = join(dir, 'input');
    const output = join(dir, 'output');
    expect((await run('next', 'test/fixtures/expected/narrative-r5.yaml', '-o', join(input, 'narrative-r6.yaml'))).code).toBe(0);
    const built = await run('build', input, '-o', output, '--strict');
    expect(built.code).toBe(1);
    expect(built.err).toContain('未記入（案）15 件');
    const findings = readFileSync(join(output, 'findings.md'), 'utf8');
    expect(findings).toContain('未記入（案）のもの 1');
    expect(findings).toContain('基本目標1 › 基本方針1: 実績（前年度の計画からの下書き）');
  }, 120_000);
});

describe('a PDF whose reading the self-check doubts', () => {
  it('is refused by --final with the page and row named; without --final every page says so', async () => {
    const doc = parseDocumentText(readFileSync('test/fixtures/expected/kpi-r1.yaml', 'utf8'), 'kpi-r1.yaml') as KpiDocument;
    // A row printed without a name reads as a misread row (the check cannot tell it from one).
    doc.strategies[0]!.policies[1]!.measures[0]!.indicators[0]!.name = '';
    const source = join(dir, 'doubted.pdf');
    writeFileSync(source, await renderPdf(doc, DEFAULT_SCHEME));

    const refused = await run('render', source, '-o', join(dir, 'doubted-final.pdf'), '--final');
    expect(refused.code).toBe(1);
    expect(existsSync(join(dir, 'doubted-final.pdf'))).toBe(false);
    expect(refused.err).toMatch(/\[render-doubted\] PDF の読み取りに疑いがあります: 重点戦略1 戦略方針2: 名前のない指標の行（1ページ 上から\d+pt/);

    const draft = join(dir, 'doubted-draft.pdf');
    expect((await run('render', source, '-o', draft)).code).toBe(0);
    expect(await everyPageSays(draft, '（案）PDFの読み取り要確認')).toBe(true);

    // A diff on it carries the doubt: a warning, a caution before the text, every page of the
    // 新旧対照表, and --strict fails (the comparison is still written).
    const next = join(dir, 'kpi-r2.yaml');
    expect((await run('next', 'test/fixtures/expected/kpi-r1.yaml', '-o', next)).code).toBe(0);
    const diff = await run('diff', source, next);
    expect(diff.code).toBe(0);
    expect(diff.err).toContain('[diff-doubted]');
    expect(diff.out.split('\n')[0]).toMatch(/^注意: .*doubted\.pdf の読み取りに疑いがあるため/);
    const table = join(dir, 'doubted-diff.pdf');
    const strict = await run('diff', source, next, '-o', table, '--strict');
    expect(strict.code).toBe(1);
    expect(await everyPageSays(table, '（案）PDFの読み取り要確認')).toBe(true);
    const clean = await run('diff', 'test/fixtures/expected/kpi-r1.yaml', next, '--strict');
    expect([clean.code, clean.err.includes('diff-doubted'), clean.out.startsWith('注意')]).toEqual([0, false, false]);
  }, 120_000);
});
