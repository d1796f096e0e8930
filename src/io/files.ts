import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failure } from '../model/errors.js';
import { t } from '../model/i18n.js';

/** The package's own folder (where schema/, templates/ and fonts/ are), from src/ or dist/. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Temporary files are `.NAME.tassei-PID-N.tmp` beside the target: the process id says whose
 * it is, so that the next write of the same file removes what a killed process left.
 */
const TEMPORARY = /^\.(.+)\.tassei-(\d+)-\d+\.tmp$/;
/** A temporary file older than this is stale even where its process id was reused. */
const STALE_AFTER_MS = 60 * 60 * 1000;
let written = 0;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary files of `path` that a process no longer running left behind. */
export function removeStaleTemporaries(path: string): string[] {
  const folder = dirname(path);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || match[1] !== basename(path)) continue;
    const file = join(folder, name);
    try {
      if (!isRunning(Number(match[2])) || Date.now() - statSync(file).mtimeMs > STALE_AFTER_MS) {
        rmSync(file, { force: true });
        removed.push(file);
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}

/** File system errors that mean "this place cannot be written", not a bug. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENAMETOOLONG', 'ENOENT', 'EINVAL']);

function unwritable(path: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return failure(path, 'output-unwritable', t(`書き込めません（${code}）`, `cannot be written (${code})`), {
    hint: t('書き込める場所（フォルダーの権限と空き容量）を -o に指定してください', 'give -o a place that can be written (folder permissions, free space)'),
  });
}

/**
 * Writes a file whole or not at all: the data goes to a temporary file beside the target,
 * which is then renamed over it (atomic on one file system). A place that cannot be written
 * is a located error (exit 2), not an internal one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw outputIsFolder(path);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    if (UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw unwritable(path, error);
    throw error;
  }
  removeStaleTemporaries(path);
  const temporary = join(dirname(path), `.${basename(path)}.tassei-${process.pid}-${written++}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    if (UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) throw unwritable(path, error);
    throw error;
  }
}

function outputIsFolder(path: string) {
  return failure(path, 'output-is-folder', t('出力先がフォルダーです', 'the output is a folder'), {
    hint: t('-o にはファイル名を指定してください（例: -o out/report.pdf）', 'give -o a file name (e.g. -o out/report.pdf)'),
  });
}

/** True where the file starts as a PDF does (within its first kilobyte, as readers allow). */
export function startsWithPdfMagic(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).includes('%PDF-');
  } finally {
    closeSync(fd);
  }
}

/** The same file whichever way it is named (links and relative paths resolved). */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * Checks an output before any work: never one of the command's inputs, never a folder, never
 * a file of the other kind (PDF or text) than the one written, and never an existing file
 * unless `force` (a person's file is not replaced without a word).
 */
export function checkOutput(output: string, inputs: readonly string[], force: boolean, writes: 'pdf' | 'text'): void {
  const input = inputs.find((i) => sameFile(i, output));
  if (input !== undefined) {
    throw failure(
      output,
      'output-is-input',
      t(
        `出力先が入力ファイル ${input} と同じです（上書きすると元のファイルが失われます）`,
        `the output is the input file ${input} (writing it would lose the original)`,
      ),
      {
        hint: t('別の名前を -o に指定してください', 'give -o another name'),
      },
    );
  }
  if (!existsSync(output)) return;
  if (statSync(output).isDirectory()) throw outputIsFolder(output);
  const existing = startsWithPdfMagic(output) ? 'pdf' : 'text';
  if (existing !== writes) {
    // Even with --force: a report is never replaced by a YAML, nor a person's YAML by a PDF.
    throw failure(
      output,
      'output-other-kind',
      existing === 'pdf'
        ? t('既存の PDF を YAML などのテキストで置き換えることになります', 'an existing PDF would be replaced by text (YAML or JSON)')
        : t('既存のテキストファイル（YAML など）を PDF で置き換えることになります', 'an existing text file (a YAML?) would be replaced by a PDF'),
      {
        hint: t('出力ファイルの名前（拡張子）を確かめてください', "check the output's name and extension"),
      },
    );
  }
  if (!force) {
    throw failure(output, 'output-exists', t('このファイルはすでにあります', 'the file already exists'), {
      hint: t('上書きするときは --force を付けてください（または別の名前を -o に）', 'add --force to replace it (or give -o another name)'),
    });
  }
}

/** Checks the output folder of `build`: never the input folder, whose files would be replaced. */
export function checkOutputFolder(outputDir: string, inputDir: string): void {
  if (sameFile(outputDir, inputDir)) {
    throw failure(
      outputDir,
      'output-is-input',
      t(
        '出力フォルダーが入力フォルダーと同じです（昨年度の PDF が上書きされます）',
        "the output folder is the input folder (last year's PDFs would be replaced)",
      ),
      {
        hint: t('別のフォルダーを -o に指定してください（例: build input -o output）', 'give -o another folder (e.g. build input -o output)'),
      },
    );
  }
  if (existsSync(outputDir) && !statSync(outputDir).isDirectory()) {
    throw failure(outputDir, 'output-not-folder', t('出力先がフォルダーではなくファイルです', 'the output is a file, not a folder'), {
      hint: t('フォルダーを -o に指定してください', 'give -o a folder'),
    });
  }
}
