import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { failure } from '../model/messages.js';
import { unwritable } from '../io/files.js';
import { t } from '../model/i18n.js';

/**
 * A document being written by one import at a time: `DOC.yaml.lock` made exclusively (O_EXCL),
 * holding the process id, removed when done. A lock whose process is gone (killed) is taken over.
 */

/** How long an import waits for another one to finish writing the same document. */
const WAIT_MS = 60_000;
const POLL_MS = 50;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `write` while holding the lock of `document`. */
export async function withDocumentLock<T>(document: string, write: () => T): Promise<T> {
  const lock = `${document}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The document's folder cannot be written (EACCES, EROFS, ENOSPC): the import cannot write it either.
      if (code !== 'EEXIST')
        throw unwritable(
          lock,
          error as NodeJS.ErrnoException,
          t(
            '取り込んだ文書は元の YAML と同じフォルダーに書きます。書き込めるフォルダーに置いてください',
            "the import writes beside the document's YAML: put it in a folder that can be written",
          ),
        );
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(lock, 'utf8'));
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(holder) && holder > 0 && !running(holder)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw failure(
        document,
        'document-locked',
        t(`ほかの取り込み（プロセス ${holder}）が書き込み中です`, `another import (process ${holder}) is writing it`),
        {
          hint: t(`終わるのを待つか、そのプロセスがもうないなら ${lock} を消します`, `wait for it to finish, or remove ${lock} if that process is gone`),
        },
      );
    }
    await sleep(POLL_MS);
  }
  try {
    return write();
  } finally {
    rmSync(lock, { force: true });
  }
}
