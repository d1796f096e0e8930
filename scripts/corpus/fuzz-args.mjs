// The fuzz script's command line (scripts/corpus/fuzz.mjs), apart so that a test reads it.
import { parseArgs } from 'node:util';
import { FAMILIES } from './families.mjs';

export const USAGE = `Usage: npm run fuzz -- [options]

Random documents in random pdfmake layouts, extracted by the build and compared; the first
failure is shrunk and its PDF, expected YAML and layout written to the --out directory.

  --family F     a family's property (${FAMILIES.join(', ')}: layouts.md) instead of the general one
  --seed S       seed (FUZZ_SEED; default: the clock); a test's report names it
  --runs N       cases (FUZZ_RUNS; default 2000)
  --path P       replay one case of a reported failure (with its --seed)
  --no-shrink    stop at the first failure without shrinking it
  --out DIR      where the failing case goes (default fuzz-failure/)
  --dist DIR     the build to test (default dist/)
  --help         this text

  e.g. npm run fuzz -- --family F7 --seed 55 --runs 12 --no-shrink`;

/**
 * The options from `argv` (without node and the script) and `env`; a fault (an unknown option,
 * a family not in FAMILIES, a seed or count that is not a number) throws with its message.
 */
export function fuzzArgs(argv, env = {}) {
  const { values } = parseArgs({
    args: argv,
    options: {
      family: { type: 'string' },
      seed: { type: 'string', default: env.FUZZ_SEED ?? String(Date.now() % 2 ** 31) },
      runs: { type: 'string', default: env.FUZZ_RUNS ?? '2000' },
      path: { type: 'string' },
      'no-shrink': { type: 'boolean', default: false },
      out: { type: 'string' },
      dist: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const integer = (name, text, min) => {
    if (!/^\d+$/.test(text) || Number(text) < min) throw new Error(`--${name} ${text}: not a whole number of at least ${min}`);
    return Number(text);
  };
  if (values.family !== undefined && !FAMILIES.includes(values.family)) throw new Error(`--family ${values.family}: not one of ${FAMILIES.join(', ')}`);
  return {
    family: values.family ?? null,
    seed: integer('seed', values.seed, 0),
    runs: integer('runs', values.runs, 1),
    path: values.path ?? null,
    shrink: !values['no-shrink'],
    out: values.out ?? null,
    dist: values.dist ?? null,
    help: values.help,
  };
}
