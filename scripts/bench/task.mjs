// One measured task in a fresh process: prints { ms, peakMiB, cores } as JSON on stdout, where
// cores is the CPU time of all the process's threads over the wall time.
// Usage: node scripts/bench/task.mjs <extract|pdfjs|render> <file> [repeat]
//        node scripts/bench/task.mjs build <input dir> <jobs>
// With a fourth argument `warm`, one run goes first untimed: what a later document of a batch costs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [task, file, repeatText, warmth] = process.argv.slice(2);
const repeat = Number(repeatText ?? 1);
const root = new URL('../../', import.meta.url);

/** The grading scheme every command uses when none is named. */
async function defaultScheme() {
  const { readScheme, SCHEME_DIR } = await import(new URL('dist/evaluate/scheme-file.js', root).href);
  return readScheme(join(SCHEME_DIR, 'default.yaml'));
}

async function bare(data) {
  // The same pdf.js build tassei uses, reading text and operator lists, nothing else.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const cMapUrl = new URL('node_modules/pdfjs-dist/cmaps/', root).href;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), cMapUrl, cMapPacked: true, verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

let run;
let repeats = repeat;
if (task === 'build') {
  const { execute } = await import(new URL('dist/cli.js', root).href);
  const out = mkdtempSync(join(tmpdir(), 'tassei-bench-build-'));
  const quiet = { out: () => {}, err: () => {} };
  repeats = 1;
  run = async () => {
    const code = await execute(['build', file, '-o', out, '--jobs', String(repeat)], quiet);
    rmSync(out, { recursive: true, force: true });
    if (code !== 0) throw new Error(`build exited with ${code}`);
  };
} else if (task === 'pdfjs') {
  const data = readFileSync(file);
  run = () => bare(data);
} else if (task === 'extract') {
  const { extractPdfFile } = await import(new URL('dist/extract/extract.js', root).href);
  const scheme = await defaultScheme();
  run = () => extractPdfFile(file, scheme);
} else if (task === 'render') {
  const { readDocumentFile } = await import(new URL('dist/io/yaml.js', root).href);
  const { renderPdf } = await import(new URL('dist/render/pdf.js', root).href);
  const doc = readDocumentFile(file).document;
  const scheme = await defaultScheme();
  run = () => renderPdf(doc, scheme);
} else throw new Error(`unknown task ${task}`);

// A build counts from the process's start (performance's time origin), as the command would.
const whole = task === 'build';
if (warmth === 'warm') await run();
const cpu0 = whole ? undefined : process.cpuUsage();
const t0 = whole ? 0 : performance.now();
for (let i = 0; i < repeats; i++) await run();
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ ms: wall / repeats, peakMiB: process.resourceUsage().maxRSS / 1024, cores: (cpu.user + cpu.system) / 1000 / wall }));
