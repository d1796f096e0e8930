import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, run } from './helpers/run.js';

const STRATEGY1 = 'test/fixtures/yaml/kpi-strategy1.yaml';

describe('tassei evaluate', () => {
  it('reproduces strategy 1 of the R1 report and names its one wrong progress', async () => {
    const r = await run('evaluate', STRATEGY1, '--format', 'json');
    expect(r.code).toBe(0);
    const evaluation = JSON.parse(r.out);
    expect(evaluation.kind).toBe('kpi-progress');
    expect(evaluation.indicators).toHaveLength(30);
    // 市内の高校の新卒者の美祢市内就職率: (12 − 9) / (15 − 9) = 50.0 %, printed 56.7 %.
    expect(evaluation.findings).toEqual([
      {
        kind: 'progress-mismatch',
        strategy: 1,
        policy: 3,
        measure: 2,
        indicator: '市内の高校の新卒者の美祢市内就職率',
        reported: 56.7,
        computed: 50,
        message: '進捗率は 56.7% と印刷されていますが、(b − a) / (c − a) = (12 − 9) / (15 − 9) で計算すると 50.0% です',
      },
    ]);
    expectGolden(r.out, 'test/fixtures/yaml/kpi-strategy1.evaluate.json');
  });

  it('prints an aligned table and the findings on a terminal', async () => {
    const r = await run('evaluate', STRATEGY1);
    expect(r.code).toBe(0);
    expect(r.err).toContain('指摘 1 件');
    expectGolden(r.out, 'test/fixtures/yaml/kpi-strategy1.evaluate.txt');
  });

  it('exits 1 on findings with --strict', async () => {
    expect((await run('evaluate', STRATEGY1, '--strict')).code).toBe(1);
  });

  it.each(['wrong-keys', 'bad-values', 'syntax'])('reports every error of a broken YAML (%s) with file, line and key', async (name) => {
    const file = `test/fixtures/yaml-errors/${name}.yaml`;
    const r = await run('evaluate', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expectGolden(r.err, `test/fixtures/yaml-errors/${name}.expected.txt`);
  });

  it('says what is wrong with the command line', async () => {
    const r = await run('evaluate', STRATEGY1, '--format', 'xml');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--format には次のどれかを指定します: text, json');
    expect((await run('evaluate')).code).toBe(1);
    expect((await run('frobnicate')).code).toBe(1);
  });

  it('names a missing file and exits 2', async () => {
    const r = await run('evaluate', 'no/such/file.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no\/such\/file\.yaml: エラー \[file-missing\]/);
  });
});

describe('the tassei command', () => {
  it('runs as the package bin (npx tassei) and prints its usage', async () => {
    const { spawnSync } = await import('node:child_process');
    const pkg = JSON.parse((await import('node:fs')).readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    const r = spawnSync(process.execPath, [pkg.bin.tassei!, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const command of ['extract', 'evaluate', 'render', 'diff', 'next', 'build']) expect(r.stdout).toContain(`tassei ${command}`);
  });
});

describe('tassei evaluate and build: a document in its own layout', () => {
  it('counts a goal without policies by its own indicators only (数値目標), no 合計 of policies reading 0 beside them', async () => {
    const r = await run('evaluate', 'test/fixtures/layout-docs/kitsuki-sheet.yaml');
    const counts = r.out.split('\n').filter((l) => /^\s*[=≠]?\s*(合計|数値目標|基本目標)\s+\d/.test(l));
    expect(counts.map((l) => l.trim().split(/\s+/)[0])).toEqual(['数値目標', '数値目標']);
  });

  it('names the places of its findings as the document labels its levels (基本目標1 › 施策(1)), in the terminal and in findings.md', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-levels-'));
    const input = join(dir, 'in');
    mkdirSync(input);
    const file = join(input, 'nagayo.yaml');
    // 保育所等の待機児童数 reached its target (A under nagayo): printed as C, a finding.
    writeFileSync(
      file,
      readFileSync('test/fixtures/layout-docs/f1-nagayo.yaml', 'utf8').replace(
        'reported: { progress: null, status: A }',
        'reported: { progress: null, status: C }',
      ),
    );
    const r = await run('evaluate', file);
    expect(r.out).toMatch(/\[status-mismatch\] 基本目標1 › 施策\(1\) › 保育所等の待機児童数/);
    // Its title names no year: the year is added; a title that names it is not given it twice.
    expect(r.out.split('\n')[0]).toBe('第2期長与町まち・ひと・しごと創生総合戦略 数値目標・重要業績評価指標（KPI）の状況（2020年度実績）');
    const titled = join(dir, 'titled.yaml');
    writeFileSync(titled, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: 令和2年度 $1'));
    expect((await run('evaluate', titled)).out.split('\n')[0]).toBe(
      '令和2年度 第2期長与町まち・ひと・しごと創生総合戦略 数値目標・重要業績評価指標（KPI）の状況',
    );
    expect(r.out).not.toMatch(/重点戦略|戦略方針/);
    await run('build', input, '-o', join(dir, 'out'));
    const report = readFileSync(join(dir, 'out', 'findings.md'), 'utf8');
    expect(report).toContain('| # | 種類 | 場所 | 目標指標・行 | 印刷 | 計算 | 理由 |');
    expect(report).toContain('| 基本目標1 › 施策(1) | 保育所等の待機児童数 |');
    // Next year's, still blank: the blanks named the same way.
    const next = join(dir, 'next.yaml');
    await run('next', file, '-o', next);
    const blanks = await run('evaluate', next);
    expect(blanks.out).toMatch(/基本目標1: \d+/);
    expect(blanks.out).toContain('- 基本目標1 › 施策(1) › 保育所等の待機児童数 (こども政策課)');
    // Its targets are of 2024: next to 2021 says nothing of them; a document past them is warned.
    expect((await run('next', file, '-o', join(dir, 'n2.yaml'))).err).not.toContain('[next-past-target]');
    const late = join(dir, 'late.yaml');
    writeFileSync(late, readFileSync(file, 'utf8').replace(/^fiscalYear: 2020$/m, 'fiscalYear: 2024'));
    const past = await run('next', late, '-o', join(dir, 'n3.yaml'));
    expect([past.code, past.err]).toEqual([0, expect.stringContaining('警告 [next-past-target] 令和7年度は目標年度（令和6年度）を過ぎています')]);
  }, 60_000);
});
