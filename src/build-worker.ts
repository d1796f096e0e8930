import { parentPort, workerData } from 'node:worker_threads';
import { buildFile } from './build.js';
import type { Config } from './config.js';

/**
 * A build worker: takes file names from the main thread one at a time and builds them. Fonts,
 * templates and the dictionary are loaded once per worker and serve every file it gets.
 */
const { outputDir, force, renderer, config } = workerData as {
  outputDir: string;
  force: boolean;
  renderer?: string;
  config: Config;
};

parentPort!.on('message', async (job: { file: string; name: string } | null) => {
  if (job === null) {
    process.exit(0);
  }
  const { file, name } = job;
  try {
    const result = await buildFile(file, { outputDir, force, renderer, config, outputName: name });
    parentPort!.postMessage({ result });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error), file });
  }
});
parentPort!.postMessage({ ready: true });
