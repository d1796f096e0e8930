import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../scripts/corpus/families.mjs';
import { USAGE, fuzzArgs } from '../scripts/corpus/fuzz-args.mjs';

describe('the fuzz script reads its options (npm run fuzz -- --help)', () => {
  it('takes a family, seed, runs and the case to replay', () => {
    const args = fuzzArgs(['--family', 'F7', '--seed', '55', '--runs', '12', '--path', '3:0', '--no-shrink', '--out', '/tmp/x'], {});
    expect(args).toEqual({ family: 'F7', seed: 55, runs: 12, path: '3:0', shrink: false, out: '/tmp/x', dist: null, help: false });
  });

  it('falls back on FUZZ_SEED and FUZZ_RUNS, and shrinks by default', () => {
    const args = fuzzArgs([], { FUZZ_SEED: '12', FUZZ_RUNS: '40' });
    expect([args.family, args.seed, args.runs, args.shrink]).toEqual([null, 12, 40, true]);
  });

  it.each([
    [['--family', 'F9'], /--family F9: not one of F1/],
    [['--seed', 'abc'], /--seed abc: not a whole number/],
    [['--runs', '0'], /--runs 0: not a whole number of at least 1/],
    [['--colour'], /colour/],
  ])('refuses %j with a message', (argv, message) => {
    expect(() => fuzzArgs(argv, {})).toThrow(message);
  });

  it('lists every family in its help', () => {
    for (const family of FAMILIES) expect(USAGE).toContain(family);
  });
});
