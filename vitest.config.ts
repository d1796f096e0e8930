import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// A phrase cache of the test run's own, so that no test depends on what an earlier run left.
// A locale that asks for no language: messages in Japanese, the default, wherever the tests run.
const env = { TASSEI_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tassei-cache-')), LC_ALL: 'C.UTF-8' };

export default defineConfig({
  test: {
    projects: [
      // Pure functions on small synthetic inputs: seconds (`npm run test:unit`). The files share
      // one module graph (no isolation): loading it once per file was half the lane's time. So
      // that no file sees the state another left, the setup resets the language before each test.
      { test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 20_000, isolate: false, setupFiles: ['test/helpers/unit-setup.ts'], env } },
      // Whole commands on PDFs and documents: the end-to-end lane (`npm run test:e2e`).
      { test: { name: 'e2e', include: ['test/**/*.test.ts'], testTimeout: 120_000, env } },
    ],
  },
});
