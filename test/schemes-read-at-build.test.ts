import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEME_DIR, readBuiltInSchemes as readFromFiles } from '../src/evaluate/scheme-file.js';

/**
 * The built command reads the built-in schemes as `npm run build` stored them
 * (dist/evaluate/builtin-schemes.json) where their files are unchanged: the same schemes as
 * reading the files now, and a file edited since is read again.
 */
const DIST_MODULE = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'evaluate', 'scheme-file.js')).href;
const dist = (await import(DIST_MODULE)) as typeof import('../src/evaluate/scheme-file.js');

describe('schemes read at build', () => {
  it('are the schemes the files give', () => {
    expect(dist.readBuiltInSchemes()).toEqual(readFromFiles());
  });

  it('a scheme file edited after the build is read again', () => {
    const stored = join(import.meta.dirname, '..', 'dist', 'evaluate', 'builtin-schemes.json');
    const text = readFileSync(stored, 'utf8');
    const backup = join(mkdtempSync(join(tmpdir(), 'tassei-schemes-')), 'builtin-schemes.json');
    copyFileSync(stored, backup);
    try {
      // What the build stored for default.yaml, changed as an edit would change the file: its hash no longer matches.
      const read = JSON.parse(text) as Record<string, { hash: string; scheme: { description: string } }>;
      read['default.yaml']!.scheme.description = 'stale';
      read['default.yaml']!.hash = '0'.repeat(64);
      writeFileSync(stored, JSON.stringify(read));
      const fresh = dist.readBuiltInSchemes().find((s) => s.id === 'default')!;
      expect(fresh.description).not.toBe('stale');
      expect(fresh).toEqual(readFromFiles().find((s) => s.id === 'default'));
    } finally {
      copyFileSync(backup, stored);
    }
    expect(readFileSync(join(SCHEME_DIR, 'default.yaml'), 'utf8')).toContain('grades');
  });
});
