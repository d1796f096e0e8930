import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
    expect([statSync(doc).mode & 0o777, statSync(`${doc}.bak`).mode & 0o777]).toEqual([0o600, 0o600]);
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
