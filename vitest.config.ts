import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // A phrase cache of the test run's own, so that no test depends on what an earlier run left.
    env: { TASSEI_CACHE_DIR: mkdtempSync(join(tmpdir(), 'tassei-cache-')) },
  },
});
