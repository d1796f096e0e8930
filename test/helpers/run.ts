import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { execute } from '../../src/cli.js';
import { writeFileAtomic } from '../../src/io/files.js';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in this process and captures what it writes. */
export async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await execute(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/**
 * Compares text with a golden file; `UPDATE_GOLDEN=1 npm test` rewrites the golden files
 * (read the diff before committing it).
 */
export function expectGolden(actual: string, goldenFile: string): void {
  if (process.env.UPDATE_GOLDEN || !existsSync(goldenFile)) {
    writeFileAtomic(goldenFile, actual);
    if (!process.env.UPDATE_GOLDEN) throw new Error(`golden file ${goldenFile} was missing and has been written: review it`);
    return;
  }
  expect(actual).toBe(readFileSync(goldenFile, 'utf8'));
}
