import { spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ENTRY_SHEET, FIRST_ROW, column } from '../src/sheet/layout.js';
import { run } from './helpers/run.js';

/** Hostile and careless inputs, second round (issue 25), through the whole command line. */

const STRATEGY1 = 'test/fixtures/yaml/kpi-strategy1.yaml';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'tassei-nothing-lost-'));
}

describe('2. a long but legal output name', () => {
  it.each([
    ['render', STRATEGY1, `${'報'.repeat(80)}.pdf`],
    ['extract', 'input/narrative-r5.pdf', `${'a'.repeat(235)}.yaml`],
  ])('%s -o NAME (%#): written, exit 0, no temporary left', async (command, input, name) => {
    const dir = folder();
    const r = await run(command, input, '-o', join(dir, name));
    expect(r.err).not.toMatch(/内部エラー/);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('a name longer than the file system takes is exit 2 with the place', async () => {
    const out = join(folder(), `${'報'.repeat(90)}.pdf`);
    const r = await run('render', STRATEGY1, '-o', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out}: エラー [output-unwritable] 書き込めません（ENAMETOOLONG）`);
  });
});

describe('6. what a write replaces', () => {
  /** A file a person keeps, with the mode given. */
  function existing(mode: number): string {
    const file = join(folder(), 'kpi.yaml');
    writeFileSync(file, "a person's notes\n");
    chmodSync(file, mode);
    return file;
  }

  it('a read-only YAML is refused with --force, and left as it was', async () => {
    const file = existing(0o444);
    const r = await run('next', STRATEGY1, '-o', file, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/エラー \[output-read-only\]/);
    expect(readFileSync(file, 'utf8')).toBe("a person's notes\n");
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('a private YAML stays private', async () => {
    const file = existing(0o600);
    expect((await run('next', STRATEGY1, '-o', file, '--force')).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain('fiscalYear: 2020');
  });

  it('a linked YAML is written through the link', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'shared.yaml'), "a person's notes\n");
    symlinkSync('shared.yaml', join(dir, 'kpi.yaml'));
    expect((await run('next', STRATEGY1, '-o', join(dir, 'kpi.yaml'), '--force')).code).toBe(0);
    expect(lstatSync(join(dir, 'kpi.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'shared.yaml'), 'utf8')).toContain('fiscalYear: 2020');
  });

  it('a device is refused with --force before any work, and stays a device', async () => {
    const r = await run('render', STRATEGY1, '-o', '/dev/null', '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\/dev\/null: エラー \[output-device\]/);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  /** A document with departments, its sheet exported, and one answer typed into it. */
  async function answered(mode: number): Promise<{ doc: string; sheet: string }> {
    const dir = folder();
    const doc = join(dir, 'kpi.yaml');
    expect((await run('next', STRATEGY1, '-o', doc)).code).toBe(0);
    expect((await run('sheet', 'export', doc, '-o', join(dir, 'sheets'))).code).toBe(0);
    const [name] = readdirSync(join(dir, 'sheets'));
    const sheet = join(dir, 'sheets', name!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sheet);
    book.getWorksheet(ENTRY_SHEET)!.getCell(`${column('actual').letter}${FIRST_ROW}`).value = 12;
    await book.xlsx.writeFile(sheet);
    chmodSync(doc, mode);
    return { doc, sheet };
  }

  it('sheet import onto a private document keeps it and its .bak private', async () => {
    const { doc, sheet } = await answered(0o600);
    const r = await run('sheet', 'import', doc, sheet, '-o', doc);
    expect(r.code).toBe(0);
    const [backup] = readdirSync(join(doc, '..')).filter((f) => f.endsWith('.bak')); // dated: kpi.yaml.YYYYMMDD-HHMMSS.bak
    expect([statSync(doc).mode & 0o777, statSync(join(doc, '..', backup!)).mode & 0o777]).toEqual([0o600, 0o600]);
  });

  it('sheet import onto a read-only document is refused, and no .bak is left', async () => {
    const { doc, sheet } = await answered(0o444);
    const before = readFileSync(doc, 'utf8');
    const r = await run('sheet', 'import', doc, sheet, '-o', doc);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/エラー \[output-read-only\]/);
    expect(readFileSync(doc, 'utf8')).toBe(before);
    expect(readdirSync(join(doc, '..')).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});

describe('11. the standard streams', () => {
  /** The command line as its own process (dist/), its stdout going to `stdout`. */
  function tassei(args: string[], stdout: 'pipe' | number, stderr: 'pipe' | 'close' = 'pipe') {
    return new Promise<{ code: number | null; out: Buffer; err: string }>((resolve) => {
      const child = spawn(process.execPath, ['dist/cli.js', ...args], { stdio: ['ignore', stdout, 'pipe'] });
      const out: Buffer[] = [];
      let err = '';
      child.stdout?.on('data', (b: Buffer) => out.push(b));
      // A reader that stops at once: every write to stderr meets a closed pipe (EPIPE).
      if (stderr === 'close') child.stderr!.destroy();
      else child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
      child.on('close', (code) => resolve({ code, out: Buffer.concat(out), err }));
    });
  }

  const full = existsSync('/dev/full');
  if (!full) console.log('nothing-lost.test: no /dev/full here: skipping the full-device tests (stdout that cannot be written is exit 2, no stack trace)');
  it.skipIf(!full).each([
    ['evaluate', STRATEGY1],
    ['extract', 'input/narrative-r5.pdf'],
    ['diff', STRATEGY1, 'test/fixtures/expected/kpi-r1.yaml'],
  ])('%s into a full device: exit 2 with a located message, no stack trace', async (...args) => {
    const fd = openSync('/dev/full', 'w');
    const r = await tassei(args, fd);
    closeSync(fd);
    expect(r.err).not.toMatch(/node:events|Unhandled|at \w+ \(/);
    expect(r.err).toContain('標準出力: エラー [output-unwritable] 書き込めません（ENOSPC）');
    expect(r.code).toBe(2);
  });

  it('render -o /dev/stdout into a pipe writes the PDF there, exit 0', async () => {
    const r = await tassei(['render', STRATEGY1, '-o', '/dev/stdout'], 'pipe');
    expect(r.err).not.toMatch(/内部エラー/);
    expect(r.code).toBe(0);
    expect(r.out.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('render --format xlsx -o /dev/stdout writes the workbook there', async () => {
    const r = await tassei(['render', STRATEGY1, '-o', '/dev/stdout', '--format', 'xlsx'], 'pipe');
    expect(r.code).toBe(0);
    expect(r.out.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('stderr into a reader that closes early keeps the exit code (2: an unreadable input)', async () => {
    const bad = join(folder(), 'bad.yaml');
    writeFileSync(bad, 'kind: kpi-progress\n'.repeat(3));
    const r = await tassei(['evaluate', bad], 'pipe', 'close');
    expect(r.code).toBe(2);
  });
});

describe("7. a document's scheme: names a scheme, never any file", () => {
  /** The strategy document naming `scheme`, in a fresh folder (with a link in it to /etc/passwd). */
  function naming(scheme: string): string {
    const dir = folder();
    symlinkSync('/etc/passwd', join(dir, 'linked.yaml'));
    const file = join(dir, 'kpi.yaml');
    writeFileSync(file, readFileSync(STRATEGY1, 'utf8').replace(/^fiscalYear: 2019$/m, `fiscalYear: 2019\nscheme: ${scheme}`));
    return file;
  }

  it.each(['/dev/zero', '/etc/passwd', '../../../../../../etc/passwd', 'linked.yaml', '/work/../etc/passwd'])(
    'scheme: %s is refused at its line, unread and unquoted',
    async (scheme) => {
      const file = naming(scheme);
      const r = await run('evaluate', file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`^${file}:5:9: エラー \\[scheme-outside\\]`));
      expect(r.err).not.toContain('root:');
    },
  );

  it('build reports such a document and builds the others; findings.md quotes nothing of the file', async () => {
    const input = folder();
    writeFileSync(join(input, 'a.yaml'), readFileSync(naming('/dev/zero'), 'utf8'));
    writeFileSync(join(input, 'b.yaml'), readFileSync(naming('/etc/passwd'), 'utf8'));
    writeFileSync(join(input, 'c.yaml'), readFileSync(STRATEGY1));
    const output = join(folder(), 'out');
    const r = await run('build', input, '-o', output);
    expect(r.code).toBe(2);
    expect(readdirSync(output).sort()).toEqual(['c.pdf', 'findings.md']);
    expect(readFileSync(join(output, 'findings.md'), 'utf8')).toContain('は文書のフォルダーにも schemes/ にもないので読みません');
    expect(`${r.err}${readFileSync(join(output, 'findings.md'), 'utf8')}`).not.toContain('root:');
  });

  it.each([
    ['/etc/passwd', 'scheme-not-a-scheme'],
    ['/dev/zero', 'scheme-missing'],
  ])('--scheme %s (any path, the user gave it): refused at once, unquoted', async (scheme, rule) => {
    const r = await run('evaluate', STRATEGY1, '--scheme', scheme);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^${scheme}: エラー \\[${rule}\\]`));
    expect(r.err).not.toContain('root:');
  });
});
