#!/usr/bin/env node
// npm run bench: speed and peak memory of extraction, rendering and the batch, next to anchors
// measured in the same run (a bare pdf.js pass, pdftotext -layout, LibreOffice printing the
// same tables from spreadsheets). Each figure is the median of several runs, each in a fresh
// process (so that peak memory is that task's own). Installs poppler-utils and
// libreoffice-calc from Debian's packages when missing (the bench needs them; the tests do not).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { watchSaves } from './bench/watch.mjs';

const root = resolve(import.meta.dirname, '..');
const samples = resolve(root, '..', 'shared', 'samples');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'tassei-bench-'));

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function ensure(command, pkg) {
  if (have(command)) return true;
  process.stderr.write(`installing ${pkg} for the bench…\n`);
  const apt = spawnSync('sh', ['-c', `(apt-get update -qq && apt-get install -y -qq ${pkg}) >/dev/null 2>&1`]);
  return apt.status === 0 && have(command);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median wall time and peak memory of a task run in fresh processes. `cache`: 'warm' shares one
 * phrase cache between the runs (filled by a first run that is not counted), 'cold' gives every
 * run an empty one (so every run loads the dictionary).
 */
function task(name, file, { repeat = 1, cache = 'warm', warm = false } = {}) {
  const results = [];
  const shared = mkdtempSync(join(work, 'cache-'));
  const run = (dir) =>
    JSON.parse(
      execFileSync(process.execPath, [join(root, 'scripts/bench/task.mjs'), name, file, String(repeat), warm ? 'warm' : 'first'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TASSEI_CACHE_DIR: dir },
      }),
    );
  if (cache === 'warm') run(shared);
  for (let i = 0; i < RUNS; i++) results.push(run(cache === 'warm' ? shared : mkdtempSync(join(work, 'cache-'))));
  return { ms: median(results.map((r) => r.ms)), peakMiB: Math.max(...results.map((r) => r.peakMiB)) };
}

/** Wall time of one run of a command. */
function timed(argv, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { cwd: work, stdio: 'ignore', ...options });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed`);
  return performance.now() - t0;
}

/**
 * Two commands run in turns (A, B, A, B, …) so that the machine's slower and faster moments fall
 * on both: the median wall time of each, and the median of B's time over A's, pair by pair.
 */
function inTurns(a, b, options = {}) {
  timed(a, options);
  timed(b, options);
  const pairs = Array.from({ length: RUNS }, () => [timed(a, options), timed(b, options)]);
  return { a: { ms: median(pairs.map(([x]) => x)) }, b: { ms: median(pairs.map(([, y]) => y)) }, ratio: median(pairs.map(([x, y]) => y / x)) };
}

/** Median wall time of a command. */
function command(argv) {
  return { ms: median(Array.from({ length: RUNS }, () => timed(argv))) };
}

function pagesOf(file) {
  const out = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout ?? '';
  return Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? NaN);
}

const rows = [];
const row = (what, figures, note = '') => rows.push({ what, ...figures, note });

// Extraction of the 8-page KPI sample, and the narrative, next to a bare pdf.js pass.
const kpiPdf = join(samples, 'kpi-r1.pdf');
const narrativePdf = join(samples, 'narrative-r5.pdf');
const bareKpi = task('pdfjs', kpiPdf);
const extractKpi = task('extract', kpiPdf);
row('bare pdf.js pass, kpi-r1.pdf (8 pages)', bareKpi, 'text + operator lists only');
row('tassei extract, kpi-r1.pdf (8 pages)', extractKpi, `${(extractKpi.ms / bareKpi.ms).toFixed(2)}× the bare pass (target ≤ 1.5×)`);
const bareNarrative = task('pdfjs', narrativePdf);
const extractNarrative = task('extract', narrativePdf);
row('bare pdf.js pass, narrative-r5.pdf (6 pages)', bareNarrative);
row('tassei extract, narrative-r5.pdf (6 pages)', extractNarrative, `${(extractNarrative.ms / bareNarrative.ms).toFixed(2)}× the bare pass`);

// The same, as a person waits for it: whole processes, start-up and module loading included.
const extractWhole = inTurns(
  [process.execPath, join(root, 'scripts/bench/task.mjs'), 'pdfjs', kpiPdf],
  [process.execPath, join(root, 'dist/cli.js'), 'extract', kpiPdf, '--format', 'json'],
);
row('bare pdf.js pass, kpi-r1.pdf, whole process', extractWhole.a);
row(
  'tassei extract kpi-r1.pdf --format json, whole process',
  extractWhole.b,
  `${extractWhole.ratio.toFixed(2)}× the bare pass's process (target ≤ 1.2×; median of the runs in turn)`,
);

// Linear in pages: the same report four times over (rendered by tassei, then extracted).
const yaml = join(work, 'kpi-x4.yaml');
execFileSync(
  process.execPath,
  [
    '-e',
    `
  const y = await import(${JSON.stringify(join(root, 'dist/io/yaml.js'))});
  const doc = y.readDocumentFile(${JSON.stringify(join(root, 'test/fixtures/expected/kpi-r1.yaml'))}).document;
  const big = structuredClone(doc);
  for (let k = 1; k < 4; k++) for (const s of doc.strategies) big.strategies.push({ ...structuredClone(s), no: s.no + 5 * k });
  (await import('node:fs')).writeFileSync(${JSON.stringify(yaml)}, y.stringifyDocument(big));
`,
  ],
  { input: '', stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env }, execArgv: [] },
);
const small = join(work, 'kpi-x1.pdf');
const large = join(work, 'kpi-x4.pdf');
execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'render', join(root, 'test/fixtures/expected/kpi-r1.yaml'), '-o', small], { stdio: 'ignore' });
execFileSync(process.execPath, [join(root, 'dist/cli.js'), 'render', yaml, '-o', large], { stdio: 'ignore' });
const havePoppler = ensure('pdftotext', 'poppler-utils');
const [p1, p4] = havePoppler ? [pagesOf(small), pagesOf(large)] : [NaN, NaN];
const e1 = task('extract', small);
const e4 = task('extract', large);
row(`tassei extract, rendered R1 (${p1} pages)`, e1);
row(
  `tassei extract, rendered R1 ×4 (${p4} pages)`,
  e4,
  `+${((e4.ms - e1.ms) / (p4 - p1)).toFixed(1)} ms a page beyond the first ${p1} (${(e1.ms / p1).toFixed(0)} ms/page with start-up)`,
);

// Anchors: pdftotext -layout on the same PDFs.
if (havePoppler) {
  row('pdftotext -layout, kpi-r1.pdf', command(['pdftotext', '-layout', kpiPdf, join(work, 'k.txt')]), 'poppler, C++, no structure');
}

// Rendering, next to LibreOffice printing the same tables from the spreadsheets.
const renderKpiCold = task('render', join(root, 'test/fixtures/expected/kpi-r1.yaml'), { cache: 'cold' });
const renderKpi = task('render', join(root, 'test/fixtures/expected/kpi-r1.yaml'));
const renderKpiWarm = task('render', join(root, 'test/fixtures/expected/kpi-r1.yaml'), { repeat: 3, warm: true });
const renderNarrativeCold = task('render', join(root, 'test/fixtures/expected/narrative-r5.yaml'), { cache: 'cold' });
const renderNarrative = task('render', join(root, 'test/fixtures/expected/narrative-r5.yaml'));
let office;
let whole;
const renderCommand = [
  process.execPath,
  join(root, 'dist/cli.js'),
  'render',
  join(root, 'test/fixtures/expected/kpi-r1.yaml'),
  '-o',
  join(work, 'r.pdf'),
  '--force',
];
const renderCache = mkdtempSync(join(work, 'cache-'));
spawnSync(renderCommand[0], renderCommand.slice(1), { stdio: 'ignore', env: { ...process.env, TASSEI_CACHE_DIR: renderCache } });
const timeRender = () => timed(renderCommand, { env: { ...process.env, TASSEI_CACHE_DIR: renderCache } });
if (ensure('soffice', 'libreoffice-calc-nogui')) {
  copyFileSync(join(samples, 'kpi-r1.xlsx'), join(work, 'kpi-r1.xlsx'));
  const officeCommand = ['soffice', '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'kpi-r1.xlsx')];
  timed(officeCommand); // warm up the profile
  // Like for like, and in turns: the whole command, start-up and reading included.
  const turns = inTurns(officeCommand, renderCommand, { env: { ...process.env, TASSEI_CACHE_DIR: renderCache } });
  office = turns.a;
  whole = { ms: turns.b.ms, ratio: turns.ratio };
  row('LibreOffice: kpi-r1.xlsx → PDF', office, 'soffice --headless --convert-to pdf');
} else {
  whole = { ms: median(Array.from({ length: RUNS }, timeRender)) };
}
const versusOffice = (r) => (office ? `${(r.ratio ?? r.ms / office.ms).toFixed(2)}× LibreOffice's time (target ≤ 0.5×)` : '');
row('tassei render command, whole process, phrases cached', { ms: whole.ms }, `${versusOffice(whole)}${whole.ratio ? ' (median of the runs in turn)' : ''}`);
row('tassei render in process, R1 KPI report, first time (dictionary loaded)', renderKpiCold, `${versusOffice(renderKpiCold)}; memory target < 450 MiB`);
row('tassei render in process, R1 KPI report, phrases cached', renderKpi, versusOffice(renderKpi));
row('tassei render, R1, a later document of a running process', renderKpiWarm, `${versusOffice(renderKpiWarm)}; as in a batch`);
row('tassei render, R5 narrative, first time (dictionary loaded)', renderNarrativeCold, 'memory target < 450 MiB (dictionary included)');
row('tassei render, R5 narrative, phrases cached', renderNarrative);
// The warm preview: what a person waits for after each save of R1 (target ≤ 150 ms).
const watch = await watchSaves(join(root, 'test/fixtures/expected/kpi-r1.yaml'), 8);
row('tassei render --watch, R1, first render', { ms: watch.firstMs });
row(
  'tassei render --watch, R1, a save (median of 8)',
  { ms: median(watch.savesMs) },
  `first save ${watch.savesMs[0]} ms, slowest ${Math.max(...watch.savesMs)} ms (target ≤ 150 ms)`,
);

// Batch: 50 documents, one worker and one per core.
const batch = join(work, 'batch');
mkdirSync(batch);
for (let i = 0; i < 25; i++) {
  copyFileSync(kpiPdf, join(batch, `kpi-${String(i).padStart(2, '0')}.pdf`));
  copyFileSync(narrativePdf, join(batch, `narrative-${String(i).padStart(2, '0')}.pdf`));
}
const batchPages = 25 * (8 + 6);
// The office's second run of the year: the phrases of its documents are in the cache.
const batchCache = mkdtempSync(join(work, 'cache-'));
spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'build', samples, '-o', join(work, 'warm')], {
  stdio: 'ignore',
  env: { ...process.env, TASSEI_CACHE_DIR: batchCache },
});
const throughput = {};
const busy = {};
for (const jobs of [1, 2]) {
  const r = JSON.parse(
    execFileSync(process.execPath, [join(root, 'scripts/bench/task.mjs'), 'build', batch, String(jobs)], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TASSEI_CACHE_DIR: batchCache },
    }),
  );
  throughput[jobs] = batchPages / (r.ms / 1000);
  busy[jobs] = r.cores;
  row(
    `build, 50 PDFs (${batchPages} pages in, 50 reports out), --jobs ${jobs}`,
    r,
    `${throughput[jobs].toFixed(1)} pages/s; keeps ${r.cores.toFixed(2)} cores busy`,
  );
}
rows.at(-1).note += ` — ${(throughput[2] / throughput[1]).toFixed(2)}× one worker (target ≥ 1.8× on 2 cores)`;
// One worker already uses more than a core: V8 compiles hot code on a background thread.
row('ceiling from CPU time: 2 cores / cores one worker keeps busy', { ms: NaN }, `${(2 / busy[1]).toFixed(2)}×`);

// What this machine gives two processes at once: the same extraction, twice in a row and twice
// side by side. One process alone already keeps more than one core busy (V8's compiler and
// garbage collector run on threads of their own), so two cannot be twice as fast.
const extractOnce = () =>
  new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'scripts/bench/task.mjs'), 'extract', kpiPdf, '3'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => done(JSON.parse(out)));
  });
const ceiling = [];
const alone = [];
for (let i = 0; i < RUNS; i++) {
  let t0 = performance.now();
  alone.push((await extractOnce()).cores, (await extractOnce()).cores);
  const sequential = performance.now() - t0;
  t0 = performance.now();
  await Promise.all([extractOnce(), extractOnce()]);
  ceiling.push(sequential / (performance.now() - t0));
}
row(
  'machine ceiling: two extract processes side by side vs in a row',
  { ms: NaN },
  `${median(ceiling).toFixed(2)}× (one alone keeps ${median(alone).toFixed(2)} cores busy)`,
);

const pad = (s, n) => String(s).padEnd(n);
console.log(`tassei bench — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${RUNS} runs each (median time, highest peak RSS)\n`);
console.log(`${pad('what', 62)} ${pad('ms', 9)} ${pad('peak MiB', 9)} note`);
for (const r of rows)
  console.log(
    `${pad(r.what, 62)} ${pad(Number.isNaN(r.ms) ? '' : r.ms.toFixed(0), 9)} ${pad(r.peakMiB === undefined ? '' : r.peakMiB.toFixed(0), 9)} ${r.note}`,
  );
rmSync(work, { recursive: true, force: true });
