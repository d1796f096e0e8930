import { createHash } from 'node:crypto';
import {
  type Stats,
  accessSync,
  chmodSync,
  chownSync,
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { t, type Text } from '../model/i18n.js';
import { failure } from '../model/messages.js';
import type { RuleId } from '../model/rule-ids.js';

/** The package's own folder (where schema/, templates/ and fonts/ are), from src/ or dist/. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Temporary files are `.NAME.tassei-PID-N.tmp` beside the target: the process id says whose
 * it is, so that the next write of the same file removes what a killed process left.
 */
const TEMPORARY = /^\.(.+)\.tassei-(\d+)-\d+\.tmp$/;
/** A temporary file older than this is stale even where its process id was reused. */
const STALE_AFTER_MS = 60 * 60 * 1000;
/** The longest file name most file systems take (ext4, APFS, NTFS in UTF-16 units): 255 bytes. */
const MAX_NAME_BYTES = 255;
/** What a temporary name adds to its stem at most: `.` `.tassei-` PID (10 digits) `-` N (10 digits) `.tmp`. */
const TEMPORARY_OVERHEAD_BYTES = 34;
let written = 0;

/**
 * The part of a temporary name that says whose it is: the target's own name, or where that
 * would make the temporary name too long, its first bytes and a hash of the whole name (so
 * that two long names sharing their start still have temporaries of their own).
 */
function temporaryStem(name: string): string {
  const room = MAX_NAME_BYTES - TEMPORARY_OVERHEAD_BYTES;
  if (Buffer.byteLength(name) <= room) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let head = '';
  for (const character of name) {
    if (Buffer.byteLength(head + character) > room - hash.length - 1) break;
    head += character;
  }
  return `${head}~${hash}`;
}

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
  const stem = temporaryStem(basename(path));
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || match[1] !== stem) continue;
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

/** An error of the file system (it carries an errno code such as ENOSPC), not a bug. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

/** A place that cannot be written, as a located error (exit 2). */
export function unwritable(
  path: string,
  error: NodeJS.ErrnoException,
  hint = t('書き込める場所（フォルダーの権限と空き容量）を -o に指定してください', 'give -o a place that can be written (folder permissions, free space)'),
) {
  const code = error.code ?? '';
  return failure(path, 'output-unwritable', t(`書き込めません（${code}）`, `cannot be written (${code})`), { hint });
}

/** Runs a step of writing `path`; an error of the file system becomes a located one. */
function writing<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isSystemError(error)) throw unwritable(path, error);
    throw error;
  }
}

/**
 * What is at an output's place. `stream`: a pipe, a socket, or this process's own standard
 * output or error (`-o /dev/stdout`), written as it is, never replaced nor read; `file`: a
 * file, through any links (`real` is where it is).
 */
export type OutputPlace =
  | { kind: 'none' }
  | { kind: 'folder' }
  | { kind: 'stream'; fd: number | undefined }
  | { kind: 'device' }
  | { kind: 'dangling-link' }
  | { kind: 'file'; real: string; stat: Stats };

/** The descriptor (1 or 2) of this process's standard output or error that is this file, if either is. */
function standardStreamOf(stat: Stats): number | undefined {
  return [1, 2].find((fd) => {
    try {
      const own = fstatSync(fd);
      return own.dev === stat.dev && own.ino === stat.ino;
    } catch {
      return false;
    }
  });
}

/** How long to wait for a full pipe to take more. */
const PIPE_RETRY_MS = 5;

/**
 * Writes all of `data` to an open descriptor. The standard output may be non-blocking (a pipe
 * or socket Node has opened so): where it is full for now (EAGAIN), wait and go on.
 */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PIPE_RETRY_MS);
    }
  }
}

function placeOf(path: string): OutputPlace {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    try {
      return lstatSync(path).isSymbolicLink() ? { kind: 'dangling-link' } : { kind: 'none' };
    } catch {
      // Not there, or a name that cannot be (too long, through a file): writing says which.
      return { kind: 'none' };
    }
  }
  if (stat.isDirectory()) return { kind: 'folder' };
  const fd = standardStreamOf(stat);
  if (fd !== undefined || stat.isFIFO() || stat.isSocket()) return { kind: 'stream', fd };
  if (!stat.isFile()) return { kind: 'device' };
  return { kind: 'file', real: realpathSync(path), stat };
}

/** No write bit for anyone (a file meant to stay as it is, even for root), or none for us. */
function isReadOnly(file: string, stat: Stats): boolean {
  if ((stat.mode & 0o222) === 0) return true;
  try {
    accessSync(file, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/** Refuses what an output must not replace: a folder, a device, a dangling link, a read-only file. */
function checkReplaceable(path: string, place: OutputPlace): void {
  if (place.kind === 'folder') throw outputIsFolder(path);
  if (place.kind === 'device') {
    throw failure(
      path,
      'output-device',
      t('出力先が装置（デバイス）です。ファイルに置き換えることはしません', 'the output is a device; it is not replaced by a file'),
      {
        hint: t('ファイル名を -o に指定してください（標準出力へは -o /dev/stdout）', 'give -o a file name (or -o /dev/stdout for the standard output)'),
      },
    );
  }
  if (place.kind === 'dangling-link') {
    throw failure(path, 'output-dangling-link', t('出力先はリンクですが、リンク先がありません', 'the output is a link to nothing'), {
      hint: t('リンク先を作るか、別の名前を -o に指定してください', 'create what it links to, or give -o another name'),
    });
  }
  if (place.kind === 'file' && isReadOnly(place.real, place.stat)) {
    throw failure(path, 'output-read-only', t('読み取り専用のファイルです（書き換えません）', 'the file is read-only (it is not replaced)'), {
      hint: t(
        '書き換えてよいなら書き込みを許可してから（chmod u+w）、または別の名前を -o に',
        'allow writing it first if it may be replaced (chmod u+w), or give -o another name',
      ),
    });
  }
}

/** Gives a fresh file the owner and permissions of the one it replaces (owner first: chown clears set-id bits). */
function keepOwnership(file: string, like: Stats, path: string): void {
  const fresh = statSync(file);
  if (fresh.uid !== like.uid || fresh.gid !== like.gid) {
    try {
      chownSync(file, like.uid, like.gid);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
      throw failure(
        path,
        'output-owner',
        t(`所有者（uid ${like.uid}）を保ったまま書き換えられません`, `cannot be replaced keeping its owner (uid ${like.uid})`),
        {
          hint: t('所有者として実行するか、別の名前を -o に指定してください', 'run as its owner, or give -o another name'),
        },
      );
    }
  }
  chmodSync(file, like.mode & 0o7777);
}

/**
 * Writes a file whole or not at all: the data goes to a temporary file beside the target,
 * which is then renamed over it (atomic on one file system). What it replaces keeps its
 * owner and permissions, and is written where a link points (the link stays); `like` gives a
 * new file those of another (a backup those of its original). A pipe or the standard output
 * is written as it is. A folder, a device, a read-only file are refused, and any place that
 * cannot be written is a located error (exit 2), not an internal one.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { like?: string } = {}): void {
  const place = placeOf(path);
  checkReplaceable(path, place);
  if (place.kind === 'stream') return writing(path, () => (place.fd === undefined ? writeFileSync(path, data) : writeAll(place.fd, data)));
  const target = place.kind === 'file' ? place.real : path;
  const like = place.kind === 'file' ? place.stat : options.like !== undefined ? writing(options.like, () => statSync(options.like!)) : undefined;
  writing(path, () => mkdirSync(dirname(target), { recursive: true }));
  removeStaleTemporaries(target);
  const temporary = join(dirname(target), `.${temporaryStem(basename(target))}.tassei-${process.pid}-${written++}.tmp`);
  try {
    writing(path, () => {
      writeFileSync(temporary, data, { flag: 'wx' });
      if (like) keepOwnership(temporary, like, path);
      renameSync(temporary, target);
    });
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Never made, or its folder went away: nothing to clean.
    }
    throw error;
  }
}

function outputIsFolder(path: string) {
  return failure(path, 'output-is-folder', t('出力先がフォルダーです', 'the output is a folder'), {
    hint: t('-o にはファイル名を指定してください（例: -o out/report.pdf）', 'give -o a file name (e.g. -o out/report.pdf)'),
  });
}

/**
 * The text of a small file (a scheme, a setting): a regular file of at most `maxBytes`, read
 * no further than that, so that a device, a pipe or a huge file named by mistake is refused
 * at once rather than read without end.
 */
export function readSmallTextFile(file: string, maxBytes: number, what: () => Text): string {
  const refuse = (rule: RuleId, message: Text) =>
    failure(file, rule, message, { hint: t(`${what().ja}のファイル（YAML）を指定してください`, `give the file of ${what().en} (a YAML file)`) });
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw refuse('file-missing', code === 'ENOENT' ? t('ファイルがありません', 'no such file') : t(`読めません（${code}）`, `cannot be read (${code})`));
  }
  if (!stat.isFile())
    throw refuse('file-not-regular', t('ふつうのファイルではありません（フォルダー・装置・パイプ）', 'not a plain file (a folder, a device or a pipe)'));
  if (stat.size > maxBytes)
    throw refuse(
      'file-too-large',
      t(`${stat.size} バイトあり、大きすぎます（上限 ${maxBytes} バイト）`, `${stat.size} bytes: too large (at most ${maxBytes})`),
    );
  const fd = writing(file, () => openSync(file, 'r'));
  try {
    const bytes = Buffer.alloc(maxBytes + 1);
    const n = readSync(fd, bytes, 0, bytes.length, 0);
    if (n > maxBytes) throw refuse('file-too-large', t(`大きすぎます（上限 ${maxBytes} バイト）`, `too large (at most ${maxBytes} bytes)`));
    return bytes.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** True where `path` is `folder` or inside it, links resolved (a link out of the folder is outside). */
export function isInside(path: string, folder: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const rel = relative(real(folder), real(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
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

/** What a file holds, as far as replacing it goes: a PDF, a zip (an Excel or Word file), or text. */
export type ContentKind = 'pdf' | 'zip' | 'text';

const CONTENT_NAMES: Record<ContentKind, () => Text> = {
  pdf: () => t('PDF', 'a PDF'),
  zip: () => t('Excel・Word のファイル', 'an Excel or Word file'),
  text: () => t('テキストファイル（YAML など）', 'a text file (a YAML?)'),
};

/** The kind of an existing file, from its first bytes. */
function contentKindOf(file: string): ContentKind {
  if (startsWithPdfMagic(file)) return 'pdf';
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head.equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'zip' : 'text';
  } finally {
    closeSync(fd);
  }
}

/**
 * The first checks of an output, before its format is known: never one of the command's inputs,
 * never a folder, a device, a link to nothing or a read-only file. Says what is there.
 */
export function checkOutputPlace(output: string, inputs: readonly string[]): OutputPlace {
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
  const place = placeOf(output);
  checkReplaceable(output, place);
  return place;
}

/**
 * Checks an output before any work: never one of the command's inputs, never a folder, never
 * a file of another kind (PDF, Excel/Word, text) than the one written, and never an existing
 * file unless `force` (a person's file is not replaced without a word).
 */
export function checkOutput(output: string, inputs: readonly string[], force: boolean, writes: ContentKind): void {
  const place = checkOutputPlace(output, inputs);
  // A pipe or the standard output is written as it is: nothing there to read or to lose.
  if (place.kind !== 'file') return;
  const existing = contentKindOf(output);
  if (existing !== writes) {
    // Even with --force: a report is never replaced by a YAML, nor a person's YAML by a PDF.
    throw failure(
      output,
      'output-other-kind',
      t(
        `既存の${CONTENT_NAMES[existing]().ja}を${CONTENT_NAMES[writes]().ja}で置き換えることになります`,
        `an existing file, ${CONTENT_NAMES[existing]().en}, would be replaced by ${CONTENT_NAMES[writes]().en}`,
      ),
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
