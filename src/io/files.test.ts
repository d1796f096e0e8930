import { createHash } from 'node:crypto';
import { chmodSync, chownSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TasseiError } from '../model/errors.js';
import { checkOutput, removeStaleTemporaries, writeFileAtomic } from './files.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'tassei-files-'));
}

/** The rule of the located error `write` throws, or 'written'. */
function outcome(write: () => void): string {
  try {
    write();
    return 'written';
  } catch (error) {
    if (!(error instanceof TasseiError)) throw error;
    expect(error.exitCode).toBe(2);
    return error.messages[0]!.rule;
  }
}

describe('long file names', () => {
  it.each([
    ['250 ASCII bytes', `${'a'.repeat(246)}.pdf`],
    ['84 kanji (252 bytes)', `${'報'.repeat(83)}.pdf`],
  ])('%s: written whole, no temporary left', (_, name) => {
    const dir = folder();
    writeFileAtomic(join(dir, name), 'whole');
    expect(readFileSync(join(dir, name), 'utf8')).toBe('whole');
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('two long names sharing their first 240 bytes are two files', () => {
    const dir = folder();
    const names = ['一', '二'].map((d) => `${'b'.repeat(240)}${d}.pdf`);
    for (const name of names) writeFileAtomic(join(dir, name), name);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
    for (const name of names) expect(readFileSync(join(dir, name), 'utf8')).toBe(name);
  });

  it("a long name's stale temporary is found and removed; another long name's is left", () => {
    const dir = folder();
    const name = `${'c'.repeat(240)}.yaml`;
    // What a killed process left: its first 212 bytes, `~` and 8 hex digits of the name's sha256.
    const stem = `${'c'.repeat(212)}~${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
    const left = `.${stem}.tassei-999999999-0.tmp`;
    const another = `.${'c'.repeat(212)}~00000000.tassei-999999999-0.tmp`;
    writeFileSync(join(dir, left), 'half');
    writeFileSync(join(dir, another), 'half');
    expect(removeStaleTemporaries(join(dir, name))).toEqual([join(dir, left)]);
    expect(readdirSync(dir)).toEqual([another]);
  });

  it('a name longer than any file system takes is a located error, not a crash', () => {
    const dir = folder();
    expect(outcome(() => writeFileAtomic(join(dir, `${'d'.repeat(300)}.pdf`), 'x'))).toBe('output-unwritable');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('what a write replaces', () => {
  it.each([
    ['600', 0o600],
    ['640', 0o640],
    ['755', 0o755],
  ])('mode %s is kept', (_, mode) => {
    const file = join(folder(), 'kpi.yaml');
    writeFileSync(file, 'before');
    chmodSync(file, mode);
    writeFileAtomic(file, 'after');
    expect(statSync(file).mode & 0o7777).toBe(mode);
    expect(readFileSync(file, 'utf8')).toBe('after');
  });

  it('a new file can take the mode of another (a backup that of its original)', () => {
    const dir = folder();
    const original = join(dir, 'kpi.yaml');
    writeFileSync(original, 'private');
    chmodSync(original, 0o600);
    writeFileAtomic(`${original}.bak`, 'private', { like: original });
    expect(statSync(`${original}.bak`).mode & 0o7777).toBe(0o600);
  });

  it.each([
    ['444', 0o444],
    ['400', 0o400],
    ['555', 0o555],
  ])('a read-only file (mode %s) is refused and left as it was', (_, mode) => {
    const file = join(folder(), 'kpi.yaml');
    writeFileSync(file, 'before');
    chmodSync(file, mode);
    expect(outcome(() => writeFileAtomic(file, 'after'))).toBe('output-read-only');
    expect(outcome(() => checkOutput(file, [], true, 'text'))).toBe('output-read-only');
    expect(readFileSync(file, 'utf8')).toBe('before');
  });

  it('a link is written through: it stays a link and its target has the new text', () => {
    const dir = folder();
    const target = join(dir, 'shared.yaml');
    const link = join(dir, 'kpi.yaml');
    writeFileSync(target, 'before');
    chmodSync(target, 0o640);
    symlinkSync('shared.yaml', link);
    writeFileAtomic(link, 'after');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('shared.yaml');
    expect(readFileSync(target, 'utf8')).toBe('after');
    expect(statSync(target).mode & 0o7777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['kpi.yaml', 'shared.yaml']);
  });

  it('a link to nothing is refused', () => {
    const link = join(folder(), 'kpi.yaml');
    symlinkSync('gone.yaml', link);
    expect(outcome(() => writeFileAtomic(link, 'after'))).toBe('output-dangling-link');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('a device is refused, with --force too, and stays a device', () => {
    expect(outcome(() => checkOutput('/dev/null', [], true, 'pdf'))).toBe('output-device');
    expect(outcome(() => writeFileAtomic('/dev/null', 'x'))).toBe('output-device');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(!root)("another user's file keeps its owner", () => {
    const file = join(folder(), 'kpi.yaml');
    writeFileSync(file, 'before');
    chownSync(file, 4321, 4321);
    writeFileAtomic(file, 'after');
    expect([statSync(file).uid, statSync(file).gid]).toEqual([4321, 4321]);
  });
  if (!root) console.log('files.test: not root, so cannot make a file of another user: skipping the owner test (it checks chown after the rename)');
});
