import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from './io/files.js';
import { type BuildOptions, type FileResult, buildFile, outputNames } from './build.js';

/**
 * Builds files on worker threads, one file at a time per worker, results in input order.
 * With one worker (or one file) everything runs on this thread.
 */
export async function buildAll(
  files: readonly string[],
  options: BuildOptions & { jobs: number },
  onDone: (result: FileResult, done: number) => void,
): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const names = outputNames(files);
  const jobs = Math.max(1, Math.min(options.jobs, files.length));
  let done = 0;
  if (jobs === 1) {
    for (const [i, file] of files.entries()) {
      results[i] = await buildFile(file, { ...options, outputName: names.get(file)! });
      onDone(results[i]!, ++done);
    }
    return results;
  }
  let next = 0;
  // The compiled worker (under vitest this module runs from src/, the worker from dist/).
  const workerUrl = import.meta.url.endsWith('.ts')
    ? pathToFileURL(join(PACKAGE_ROOT, 'dist', 'build-worker.js'))
    : new URL('./build-worker.js', import.meta.url);
  await Promise.all(
    Array.from(
      { length: jobs },
      () =>
        new Promise<void>((resolve, reject) => {
          // The configuration goes as data: a worker has no command line to build them from.
          const worker = new Worker(workerUrl, {
            workerData: { outputDir: options.outputDir, force: options.force, renderer: options.renderer, config: options.config },
          });
          let current = -1;
          const feed = () => {
            if (next >= files.length) {
              worker.postMessage(null);
              return;
            }
            current = next++;
            worker.postMessage({ file: files[current], name: names.get(files[current]!) });
          };
          worker.on('message', (message: { ready?: boolean; result?: FileResult; error?: string; file?: string }) => {
            if (message.error) {
              reject(new Error(`building ${message.file}: ${message.error}`));
              void worker.terminate();
              return;
            }
            if (message.result) {
              results[current] = message.result;
              onDone(message.result, ++done);
            }
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', () => resolve());
        }),
    ),
  );
  return results;
}

export function defaultJobs(): number {
  return availableParallelism();
}
