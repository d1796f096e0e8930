import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// A phrase cache of the test run's own, so that no test depends on what an earlier run left.
// A locale that asks for no language: messages in Japanese, the default, wherever the tests run.
const env = { TASSEI_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tassei-cache-')), LC_ALL: 'C.UTF-8' };

/** A test beside its module that takes seconds: the slow lane's, not the unit lane's. */
const SLOW = 'src/**/*.slow.test.ts';

export default defineConfig({
  test: {
    projects: [
      // Pure functions on small synthetic inputs: seconds (`npm run test:unit`). The files share
      // one module graph (no isolation): loading it once per file was half the lane's time. So
      // that no file sees the state another left, the setup resets the language before each test.
      // At most 10 s: a test that takes seconds is named `*.slow.test.ts`, and runs in the slow lane.
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, SLOW],
          testTimeout: 20_000,
          isolate: false,
          env,
        },
      },
      // Tests of one module that take seconds, beside it (`npm run test:slow`): those that load the
      // kuromoji dictionary or the TypeScript compiler, round-trip workbooks through exceljs, or
      // extract the layout corpus. Run by `npm test` with the other lanes.
      { test: { name: 'slow', include: [SLOW], testTimeout: 120_000, isolate: false, env } },
      // Whole commands on PDFs and documents: the end-to-end lane (`npm run test:e2e`).
      { test: { name: 'e2e', include: ['test/**/*.test.ts'], testTimeout: 120_000, env } },
    ],
  },
});
