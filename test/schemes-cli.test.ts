import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/extract/pdf.js';
import { run } from './helpers/run.js';

const STRATEGY1 = 'test/fixtures/yaml/kpi-strategy1.yaml';

async function pageText(pdf: Uint8Array): Promise<string> {
  const pages = await readPdf(pdf, 'x.pdf');
  return pages.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
}

describe('--scheme: one configuration for every command', () => {
  it('evaluate grades by the scheme given, with marks and the quantities the rules used', async () => {
    const r = await run('evaluate', STRATEGY1, '--format', 'json', '--scheme', 'nagayo');
    expect(r.code).toBe(0);
    const evaluation = JSON.parse(r.out);
    expect(evaluation.scheme).toBe('nagayo');
    // 農業産出額: 3,560 → 3,510, 1.4 % below the baseline: B (同水準).
    expect(evaluation.indicators[0]).toMatchObject({
      indicator: '農業産出額',
      status: 'B',
      mark: 'B',
      quantities: { reach: -120, movement: -50, relativeMovement: -1.4 },
    });
    // The printed statuses and summaries are checked under the scheme they were printed under (the
    // document names none: the default), so the findings are the source's own, as without --scheme.
    expect(evaluation.printedScheme).toBe('default');
    const unchanged = JSON.parse((await run('evaluate', STRATEGY1, '--format', 'json')).out);
    expect(evaluation.findings).toEqual(unchanged.findings);
    expect(evaluation.findings.map((f: { kind: string }) => f.kind)).toEqual(['progress-mismatch']);
    expect(Object.keys(evaluation.summaries[0].computed)).toEqual(['S', 'A', 'B', 'C', 'nodata', 'total']);
    expect(Object.keys(evaluation.summaries[0].checked)).toEqual(['achieved', 'improved', 'unchanged', 'worsened', 'total']);
  });

  it('a PDF printed under one scheme and graded under another: read with its own, the source’s errors only, nothing shaded but what was corrected', async () => {
    const r = await run('evaluate', 'input/kpi-r1.pdf', '--format', 'json', '--scheme', 'nagayo');
    expect(r.code).toBe(0);
    expect(r.err).toContain('情報 [extract-scheme] 印刷時の評価基準: default（状況の印と集計表の見出しから判定）');
    expect(r.err).not.toMatch(/警告/);
    const evaluation = JSON.parse(r.out);
    expect(evaluation).toMatchObject({ scheme: 'nagayo', printedScheme: 'default' });
    const asPrinted = JSON.parse((await run('evaluate', 'input/kpi-r1.pdf', '--format', 'json')).out);
    expect(evaluation.findings).toEqual(asPrinted.findings);
    expect(evaluation.findings.map((f: { kind: string }) => f.kind).sort()).toEqual(['progress-mismatch', 'progress-mismatch', 'status-mismatch']);
    const dir = mkdtempSync(join(tmpdir(), 'tassei-scheme-regrade-'));
    const rendered = await run('render', 'input/kpi-r1.pdf', '--scheme', 'nagayo', '-o', join(dir, 'n.pdf'));
    expect(rendered.code).toBe(0);
    const text = await pageText(readFileSync(join(dir, 'n.pdf')));
    // The two progresses the source got wrong are corrected; no status or count is, being graded anew.
    expect(text.match(/進捗率：印刷/g)).toHaveLength(2);
    expect(text).not.toMatch(/状況：印刷|集計 .*：印刷/);
    // --printed-scheme reads it as the user says, whatever it prints.
    const forced = await run('extract', 'input/kpi-r1.pdf', '--printed-scheme', 'nagayo');
    expect(forced.err).toContain('印刷時の評価基準: nagayo（指定のとおり）');
  });

  it('a document names its own scheme, relative to its folder; --scheme wins over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-scheme-doc-'));
    const file = join(dir, 'kpi.yaml');
    // Printed under no scheme yet: statuses and summaries blank.
    const text = readFileSync(STRATEGY1, 'utf8')
      .replace(/status: \w+/g, 'status: null')
      .replace(/reported(Goal)?Summary: \{[^}]*\}/g, 'reported$1Summary: null');
    writeFileSync(file, text.replace(/^fiscalYear: 2019$/m, 'fiscalYear: 2019\nscheme: my-city.yaml'));
    copyFileSync('schemes/sano.yaml', join(dir, 'my-city.yaml'));
    expect(JSON.parse((await run('evaluate', file, '--format', 'json')).out).scheme).toBe('sano');
    expect(JSON.parse((await run('evaluate', file, '--format', 'json', '--scheme', 'tama')).out).scheme).toBe('tama');
  });

  it('a document that names its scheme prints that scheme’s grades: others are located errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-scheme-grades-'));
    const file = join(dir, 'kpi.yaml');
    writeFileSync(file, readFileSync(STRATEGY1, 'utf8').replace(/^fiscalYear: 2019$/m, 'fiscalYear: 2019\nscheme: nagayo'));
    const r = await run('evaluate', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /kpi\.yaml:\d+:\d+: エラー \[scheme-grade\] 「worsened」は評価基準 nagayo の区分ではありません\n {2}場所: strategies\[0\]\.indicators\[0\]\.reported\.status\n {2}ヒント: 区分: S \(S\)/,
    );
    expect(r.err).toMatch(/場所: strategies\[0\]\.reportedSummary\.achieved/);
    // Under --scheme the printed grades of another scheme are simply not checked.
    expect((await run('evaluate', file, '--scheme', 'nagayo')).code).toBe(0);
  });

  it('next --scheme writes the scheme the coming year is graded by, after fiscalYear', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tassei-scheme-next-')), 'next.yaml');
    expect((await run('next', STRATEGY1, '--scheme', 'tama', '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^fiscalYear: 2020\nscheme: tama\nstrategies:/m);
  });

  it('a document graded by a scheme that pro-rates targets by the plan’s years, without its plan: said once, with the key to add (statuses of another scheme not kept as its own)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-plan-'));
    const file = join(dir, 'kpi.yaml');
    writeFileSync(file, readFileSync(STRATEGY1, 'utf8'));
    const r = await run('evaluate', file, '--format', 'json', '--scheme', 'tama');
    expect(r.code).toBe(0);
    expect(r.err.match(/\[scheme-plan\]/g)).toHaveLength(1);
    expect(r.err).toContain('plan: {');
    const evaluation = JSON.parse(r.out);
    expect(evaluation.indicators.every((i: { status: string | null }) => i.status === null)).toBe(true);
    writeFileSync(file, readFileSync(STRATEGY1, 'utf8').replace(/^fiscalYear: (\d+)$/m, 'fiscalYear: $1\nplan: { start: 2015, end: 2024 }'));
    const planned = await run('evaluate', file, '--format', 'json', '--scheme', 'tama');
    expect(planned.err).not.toContain('[scheme-plan]');
    expect(JSON.parse(planned.out).indicators.some((i: { status: string | null }) => i.status !== null)).toBe(true);
  });

  it('names a scheme it cannot read, and exits 2', async () => {
    const r = await run('evaluate', STRATEGY1, '--scheme', 'no-such-city');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no-such-city: エラー \[scheme-missing\]/);
    // An id mistyped: the id it is near, and the ids there are; no path the user never typed.
    const typo = await run('evaluate', STRATEGY1, '--scheme', 'nagaya');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/^nagaya: エラー \[scheme-missing\] 評価基準 "nagaya" は schemes\/ にありません（"nagayo" のことですか？）/);
    expect(typo.err).toContain('default・etajima');
  });

  it('render prints the scheme’s grades in the summary table, chart and legend', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-scheme-render-'));
    expect((await run('render', STRATEGY1, '--scheme', 'nagayo', '-o', join(dir, 'n.pdf'))).code).toBe(0);
    const text = await pageText(readFileSync(join(dir, 'n.pdf')));
    for (const words of ['現在値が目標値を超えている', '把握できない等の理由により評価できない']) expect(text).toContain(words);
    expect(text).not.toContain('目標達成');
  });

  it('build hands the scheme to its workers', async () => {
    const input = mkdtempSync(join(tmpdir(), 'tassei-scheme-in-'));
    const output = mkdtempSync(join(tmpdir(), 'tassei-scheme-out-'));
    copyFileSync(STRATEGY1, join(input, 'a.yaml'));
    copyFileSync(STRATEGY1, join(input, 'b.yaml'));
    expect((await run('build', input, '-o', output, '--jobs', '2', '--scheme', 'sano')).code).toBe(0);
    for (const name of ['a.pdf', 'b.pdf']) expect(await pageText(readFileSync(join(output, name)))).toContain('90%未満〜80%');
  });
});

describe('blank is not no data', () => {
  it('evaluate lists what is still blank and --strict fails while anything is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tassei-blank-'));
    const file = join(dir, 'kpi.yaml');
    let n = 0;
    // The first two actuals not entered yet.
    writeFileSync(
      file,
      readFileSync(STRATEGY1, 'utf8')
        .replace(/actual: \{[^}]*\}/g, (m) => (n++ < 2 ? 'actual: { text: "" }' : m))
        .replace(/reported(Goal)?Summary: \{[^}]*\}/g, 'reported$1Summary: null'),
    );
    const json = JSON.parse((await run('evaluate', file, '--format', 'json')).out);
    expect(json.blanks).toMatchObject({ count: 2, byStrategy: [{ strategy: 1, count: 2 }], byDepartment: [{ department: null, count: 2 }] });
    expect(json.indicators.slice(0, 2).map((i: { status: unknown; blank: boolean }) => [i.status, i.blank])).toEqual([
      [null, true],
      [null, true],
    ]);
    const text = await run('evaluate', file);
    expect(text.out).toContain('未記入 2 件');
    expect(text.code).toBe(0);
    expect((await run('evaluate', file, '--strict')).code).toBe(1);
  });
});
