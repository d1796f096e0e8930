import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SOURCE = 'test/fixtures/expected/kpi-r1.yaml';

it('render --watch renders again on each save, saying how long it took, and stops on Ctrl+C', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tassei-watch-'));
  const doc = join(dir, 'kpi-r1.yaml');
  const pdf = join(dir, 'kpi-r1.pdf');
  copyFileSync(SOURCE, doc);
  const child = spawn(process.execPath, ['dist/cli.js', 'render', doc, '-o', pdf, '--watch', '--lang', 'en'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ended = new Promise<number | null>((done) => child.once('exit', done));
  /** Waits until stderr holds `count` lines matching `pattern`. */
  const lines = async (pattern: RegExp, count: number) => {
    while (err.split('\n').filter((l) => pattern.test(l)).length < count) {
      if (child.exitCode !== null) throw new Error(`render --watch ended early:\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const rendered = / → .*kpi-r1\.pdf \(\d+ ms\)$/m;
  await lines(/watching .* for saves/, 1);
  expect(err).toMatch(rendered);
  const first = readFileSync(pdf);
  // While it waits for a save it renders the document again to warm up, writing nothing.
  unlinkSync(pdf);
  await new Promise((r) => setTimeout(r, 1500));
  expect(existsSync(pdf)).toBe(false);
  // A save that breaks the document is reported and the watch goes on; the next good save renders.
  appendFileSync(doc, 'strategies: [\n');
  await lines(/save a correction to render again/, 1);
  copyFileSync(SOURCE, doc);
  appendFileSync(doc, '# saved again\n');
  await lines(rendered, 2);
  expect(readFileSync(pdf).equals(first)).toBe(true);
  child.kill('SIGINT');
  expect(await ended).toBe(0);
  // The renders it does unasked while waiting for a save (to warm up) write nothing and say nothing.
  expect(err.split('\n').filter((l) => rendered.test(l))).toHaveLength(2);
  expect(err.match(/watching .* for saves/g)).toHaveLength(1);
}, 120_000);
