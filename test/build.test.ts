import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAll } from '../src/pool.js';
import { buildConfig } from '../src/config.js';
import { run } from './helpers/run.js';

function folder(): { input: string; output: string } {
  const root = mkdtempSync(join(tmpdir(), 'tassei-build-'));
  const input = join(root, 'input');
  mkdirSync(input);
  copyFileSync('input/kpi-r1.pdf', join(input, 'kpi-r1.pdf'));
  copyFileSync('input/narrative-r5.pdf', join(input, 'narrative-r5.pdf'));
  writeFileSync(join(input, 'broken.pdf'), '%PDF-1.7\nthis file was cut off in the copy\n');
  const bad = readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8').replace('text: "2,549"', 'text: "2,5４9x"');
  writeFileSync(join(input, 'edited.yaml'), bad);
  return { input, output: join(root, 'output') };
}

describe('tassei build', () => {
  it.each([['1'], ['2']])(
    'builds the good files, names the bad ones, writes findings.md, leaves nothing half-written (jobs %s)',
    async (jobs) => {
      const { input, output } = folder();
      const r = await run('build', input, '-o', output, '--jobs', jobs);
      expect(r.code).toBe(2);
      expect(readdirSync(output).sort()).toEqual(['findings.md', 'kpi-r1.pdf', 'kpi-r1.yaml', 'narrative-r5.pdf', 'narrative-r5.yaml']);
      expect(r.err).toMatch(/broken\.pdf: エラー \[pdf-invalid\]/);
      expect(r.err).toMatch(/edited\.yaml:\d+:\d+: エラー \[yaml-value\] "2,5４9x" は値として読めません/);
      expect(r.err).toContain('4 ファイル中 2 を');
      const report = readFileSync(join(output, 'findings.md'), 'utf8');
      expect(report).toContain('## broken.pdf\n\n**作成できませんでした。**');
      expect(report).toContain('## edited.yaml\n\n**作成できませんでした。**');
      expect(report).toContain('| 1 | progress-mismatch | 1 | 3 | 2 | 市内の高校の新卒者の美祢市内就職率 | 56.7% | 50.0% |');
      expect(report).toContain('| 3 | status-mismatch | 4 | 1 | 2 | 認知症サポーター養成講座受講者数(年間) | 改善↑ | 目標達成 |');
      expect(report).toContain('## narrative-r5.pdf (達成状況)');
      for (const f of readdirSync(output)) expect(readFileSync(join(output, f)).length).toBeGreaterThan(100);
    },
    120_000,
  );

  it('keeps a YAML a person edited, and builds the report from it', async () => {
    const { input, output } = folder();
    await run('build', input, '-o', output, '--jobs', '1');
    const yaml = join(output, 'narrative-r5.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('台湾交流事業の往来交流の再開', '台湾交流事業の往来交流の再開と拡大'));
    const r = await run('build', input, '-o', output, '--jobs', '1');
    expect(readFileSync(yaml, 'utf8')).toContain('台湾交流事業の往来交流の再開と拡大');
    expect(r.err).toContain('narrative-r5.yaml: 情報 [build-kept-edits]');
    const forced = await run('build', input, '-o', output, '--jobs', '1', '--force');
    expect(forced.err).not.toContain('build-kept-edits');
    expect(readFileSync(yaml, 'utf8')).not.toContain('再開と拡大');
  }, 120_000);

  it('--strict exits 1 when the files have findings', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tassei-build-'));
    mkdirSync(join(root, 'in'));
    copyFileSync('test/fixtures/yaml/kpi-strategy1.yaml', join(root, 'in', 'kpi.yaml'));
    expect((await run('build', join(root, 'in'), '-o', join(root, 'out'))).code).toBe(0);
    expect((await run('build', join(root, 'in'), '-o', join(root, 'out'), '--strict')).code).toBe(1);
    expect(existsSync(join(root, 'out', 'kpi.yaml'))).toBe(false); // a YAML input is not written again
  }, 60_000);

  it('gives inputs that share a base name outputs of their own', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tassei-build-'));
    mkdirSync(join(root, 'in'));
    copyFileSync('input/narrative-r5.pdf', join(root, 'in', 'r5.pdf'));
    copyFileSync('test/fixtures/expected/narrative-r5.yaml', join(root, 'in', 'r5.yaml'));
    expect((await run('build', join(root, 'in'), '-o', join(root, 'out'), '--jobs', '2')).code).toBe(0);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['findings.md', 'r5-pdf.pdf', 'r5-pdf.yaml', 'r5-yaml.pdf']);
  }, 60_000);
});

describe('buildAll with a renderer of its own', () => {
  it.each([[1], [2]])('renders every file with it, on worker threads too (jobs %i)', async (jobs) => {
    const root = mkdtempSync(join(tmpdir(), 'tassei-renderer-'));
    mkdirSync(join(root, 'in'));
    for (const name of ['a', 'b', 'c']) copyFileSync('test/fixtures/yaml/kpi-strategy1.yaml', join(root, 'in', `${name}.yaml`));
    const files = ['a', 'b', 'c'].map((name) => join(root, 'in', `${name}.yaml`));
    mkdirSync(join(root, 'out'));
    const renderer = new URL('./helpers/title-renderer.mjs', import.meta.url).href;
    const results = await buildAll(files, { outputDir: join(root, 'out'), force: false, renderer, config: buildConfig({ language: 'ja' }), jobs }, () => {});
    expect(results.map((r) => r.failed)).toEqual([false, false, false]);
    for (const name of ['a', 'b', 'c']) expect(readFileSync(join(root, 'out', `${name}.pdf`), 'utf8')).toMatch(/^%PDF-1\.4 title-renderer: /);
  });
});
