import { EXIT, formatMessage } from '../model/errors.js';
import { type Language, say, t } from '../model/i18n.js';
import { unwritable } from './files.js';

/**
 * The standard output and error of a run, watched: an error writing either (a full device,
 * a reader gone) is kept, never an unhandled 'error' event with a stack trace. A reader that
 * stopped reading (EPIPE: `| head`) wanted no more, so that is no error of the run; an error of
 * the standard error cannot be told anywhere, so the run's exit code stands.
 */
export function watchStandardStreams(): { finish: (code: number, language: Language) => Promise<number> } {
  let outputError: NodeJS.ErrnoException | undefined;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') outputError ??= error;
  });
  process.stderr.on('error', () => {});
  return {
    /** The run's exit code, or exit 2 with a located message where its output was lost. */
    async finish(code, language) {
      // What is still buffered is written (or fails) before the run is judged.
      await new Promise<void>((resolve) => (process.stdout.destroyed ? resolve() : process.stdout.write('', () => resolve())));
      await new Promise((resolve) => setImmediate(resolve));
      if (outputError === undefined) return code;
      const hint = t(
        '標準出力の行き先（リダイレクト先の空き容量）を確かめるか、-o でファイルに書き出してください',
        'check where the standard output goes (free space), or write a file with -o',
      );
      for (const m of unwritable(say(t('標準出力', 'standard output'), language), outputError, hint).messages)
        process.stderr.write(`${formatMessage(m, language)}\n`);
      return code === EXIT.ok || code === EXIT.findings ? EXIT.unreadable : code;
    },
  };
}
