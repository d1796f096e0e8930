#!/usr/bin/env node
// The warm preview as a person uses it: `render --watch` on a copy of a document, the copy saved
// (a line appended) every SAVE_EVERY_MS, and the times the process prints for each render read back.
// node scripts/bench/watch.mjs [DOC.yaml] [SAVES] [FIRST_SAVE_AFTER_MS]  prints {"firstMs", "savesMs": [...]} as JSON.
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..', '..');
/** Long enough for a render to end before the next save, as when a person edits. */
const SAVE_EVERY_MS = 600;
/** A person edits for a while before the first save: the process is left this long after it says it watches. */
const FIRST_SAVE_AFTER_MS = 2_000;
/** A process that never says it watches has failed. */
const START_TIMEOUT_MS = 30_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs `render --watch` on a copy of `source`, saves it `saves` times, returns each render's printed time. */
export async function watchSaves(source, saves, { firstSaveAfterMs = FIRST_SAVE_AFTER_MS, env = process.env } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tassei-watch-bench-'));
  const doc = join(dir, 'doc.yaml');
  copyFileSync(source, doc);
  const child = spawn(process.execPath, [join(root, 'dist/cli.js'), 'render', doc, '-o', join(dir, 'doc.pdf'), '--watch', '--lang', 'en'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d.toString()));
  const ended = new Promise((done) => child.once('exit', done));
  const times = () => [...err.matchAll(/\((\d+) ms\)$/gm)].map((m) => Number(m[1]));
  const started = Date.now();
  while (!/watching .* for saves/.test(err)) {
    if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) throw new Error(`render --watch did not start:\n${err}`);
    await sleep(50);
  }
  await sleep(firstSaveAfterMs);
  for (let k = 1; k <= saves; k++) {
    appendFileSync(doc, `# save ${k}\n`);
    await sleep(SAVE_EVERY_MS);
  }
  while (times().length < saves + 1 && child.exitCode === null && Date.now() - started < START_TIMEOUT_MS + firstSaveAfterMs + saves * 2 * SAVE_EVERY_MS)
    await sleep(50);
  child.kill('SIGINT');
  await ended;
  const [firstMs, ...savesMs] = times();
  if (savesMs.length < saves) throw new Error(`${saves} saves, ${savesMs.length} renders: a save was missed\n${err}`);
  return { firstMs, savesMs };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = process.argv[2] ?? join(root, 'test/fixtures/expected/kpi-r1.yaml');
  process.stdout.write(
    `${JSON.stringify(await watchSaves(source, Number(process.argv[3] ?? 8), { firstSaveAfterMs: Number(process.argv[4] ?? FIRST_SAVE_AFTER_MS) }))}\n`,
  );
}
