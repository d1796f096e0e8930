import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { EXIT, TasseiError, formatMessage } from '../model/errors.js';
import { errorMessage, failure } from '../model/messages.js';
import { checkOutput, sameFile, writeFileAtomic } from '../io/files.js';
import { type Language, type TextPart, both, t } from '../model/i18n.js';
import type { KpiDocument, Message, NarrativeDocument } from '../model/types.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { stringifyDocument } from '../io/yaml-write.js';
import type { LoadedDocument } from '../model/types.js';
import { DEFAULT_RETURN, type ReturnAddress, exportSheets } from './export.js';
import { type Answer, type CommentAnswer, commentConflicts, conflicts, readSheet } from './import.js';
import { type IndicatorRow, indicatorRows } from './layout.js';
import { mergeAnswers } from './merge.js';
import { tooLarge } from './container.js';
import { withDocumentLock } from './lock.js';
import { type NarrativeAnswer, exportNarrative, mergeNarrative, readNarrative } from './narrative.js';
import { assignDepartments, readAssignments, withDepartments } from './departments.js';

interface Io {
  err: (text: TextPart) => void;
  language: Language;
}

/** `tassei sheet export`: the workbooks into a folder. */
export async function exportCommand(
  doc: KpiDocument,
  file: string,
  dir: string,
  byDepartment: boolean,
  force: boolean,
  io: Io,
  to: ReturnAddress = DEFAULT_RETURN,
): Promise<number> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw failure(dir, 'sheet-output', t('-o にはフォルダを指定します', '-o names a folder'), { hint: t('例: -o 記入シート/', 'e.g. -o sheets/') }, EXIT.usage);
  }
  const files = await exportSheets(doc, basename(file, extname(file)), byDepartment, to);
  // A sheet already there may be one a department filled in: nothing is replaced without --force.
  for (const f of files) checkOutput(join(dir, f.name), [file], force, 'zip');
  for (const f of files) {
    writeFileAtomic(join(dir, f.name), f.data);
    io.err(both`${join(dir, f.name)}: ${t(`${f.rows} 指標`, `${f.rows} indicator(s)`)}${f.department ? ` (${f.department})` : ''}\n`);
  }
  io.err(
    t(
      `${file} → ${dir}: ${files.length} ファイル。記入後、tassei sheet import ${file} ${join(dir, '*.xlsx')} -o ${file} で取り込みます\n`,
      `${file} → ${dir}: ${files.length} file(s). Once filled in: tassei sheet import ${file} ${join(dir, '*.xlsx')} -o ${file}\n`,
    ),
  );
  return EXIT.ok;
}

/** A filled-in sheet's bytes, or why they cannot be read: missing, a folder, not permitted, too large. */
function readSheetFile(file: string): Buffer | Message {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      return errorMessage(file, 'sheet-unreadable', t('フォルダーです', 'a folder'), {
        hint: t('取り込む .xlsx ファイルを指定します', 'give the .xlsx files to import'),
      });
    }
    const large = tooLarge(stat.size, file);
    if (large) return large;
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return errorMessage(file, 'file-missing', t('ファイルがありません', 'no such file'), { hint: t('パスを確かめます', 'check the path') });
    }
    return errorMessage(
      file,
      'sheet-unreadable',
      code === 'EACCES' || code === 'EPERM' ? t('読む権限がありません', 'no permission to read it') : t(`読めません（${code}）`, `cannot be read (${code})`),
      { hint: t('ファイルの権限を確かめるか、読める場所にコピーして指定します', 'check its permissions, or copy it somewhere readable') },
    );
  }
}

/**
 * `tassei sheet import`: every sheet read and checked first; while any problem remains nothing
 * is written. Writing onto the document itself keeps the previous version as a dated `.bak`.
 */
export async function importCommand(loaded: LoadedDocument, sheets: readonly string[], output: string, force: boolean, io: Io): Promise<number> {
  const doc = loaded.document as KpiDocument;
  const answers: Answer[] = [];
  const comments: CommentAnswer[] = [];
  const messages: Message[] = [];
  for (const sheet of sheets) {
    const data = readSheetFile(sheet);
    if (!Buffer.isBuffer(data)) {
      messages.push(data);
      continue;
    }
    const reading = await readSheet(data, sheet, doc);
    answers.push(...reading.answers);
    comments.push(...reading.comments);
    messages.push(...reading.messages);
  }
  messages.push(...conflicts(answers), ...commentConflicts(comments));
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) {
    messages.push(
      errorMessage(
        output,
        'sheet-import',
        t(`問題が ${errors.length} 件あるため、何も書き込んでいません`, `${errors.length} problem(s): nothing was written`),
        {
          hint: t('シートを直してもう一度取り込みます', 'correct the sheets and import them again'),
        },
      ),
    );
    throw new TasseiError(messages);
  }
  for (const m of messages) io.err(`${formatMessage(m, io.language)}\n`);

  // The document itself is the usual output (its version before is kept as a dated .bak, so no --force); any other is checked as every command's.
  const onto = !loaded.fromPdf && existsSync(output) && sameFile(output, loaded.file);
  checkOutput(output, onto ? sheets : [loaded.file, ...sheets], onto || force, 'text');
  return withDocumentLock(output, () => {
    // Another import may have written the document since it was read: merge into what is there now.
    const text = loaded.fromPdf ? stringifyDocument(doc, output) : readFileSync(loaded.file, 'utf8');
    const current = onto ? (parseDocumentText(text, loaded.file) as KpiDocument) : doc;
    const merge = mergeAnswers(
      text,
      loaded.fromPdf ? output : loaded.file,
      current,
      onto ? reanchored(answers, current, output) : answers,
      onto ? reanchored(comments, current, output) : comments,
    );
    const blanks = indicatorRows(merge.document).filter((r) => r.indicator.actual.text.trim() === '').length;
    const summary = both`${t(
      `取り込み ${answers.length} 件、うち変更 ${merge.changed.length} 件、未記入 ${blanks} 件`,
      `${answers.length} answer(s), ${merge.changed.length} changed, ${blanks} still blank`,
    )}${
      comments.length > 0
        ? t(
            `、文章 ${comments.length} 件、うち変更 ${merge.changedComments.length} 件`,
            `, ${comments.length} comment(s), ${merge.changedComments.length} changed`,
          )
        : ''
    }`;
    if (onto && merge.text === text) {
      io.err(both`${output}: ${summary}${t('。変更はないので書き込んでいません', '; nothing changed, nothing written')}\n`);
      return EXIT.ok;
    }
    const backup = onto ? backupName(output) : null;
    if (backup) writeFileAtomic(backup, text, { like: output });
    writeFileAtomic(output, merge.text);
    for (const a of merge.changed)
      io.err(
        both`  ${basename(a.file)} ${a.cell}: ${a.row.id} ${a.row.indicator.name} ${
          a.noteOnly
            ? t(`備考: ${a.note || '（消去）'}`, `note: ${a.note || '(cleared)'}`)
            : both`${a.row.indicator.actual.text || t('（未記入）', '(blank)')} → ${a.actual.text}`
        }\n`,
      );
    for (const c of merge.changedComments)
      io.err(
        both`  ${basename(c.file)} ${c.cell}: ${c.row.id} ${c.row.indicator.name} ${c.heading}: ${c.text ? clipped(c.text) : t('（消去）', '(cleared)')}\n`,
      );
    io.err(both`${output}: ${summary}${backup ? t(`。前の版は ${backup}`, `; the version before is ${backup}`) : ''}\n`);
    return EXIT.ok;
  });
}

/**
 * The answers pointed at the indicators of the document as it is now (re-read under the lock):
 * found again by number and name. An indicator gone meanwhile stops the import.
 */
function reanchored<A extends { row: IndicatorRow }>(answers: readonly A[], current: KpiDocument, file: string): A[] {
  const byId = new Map(indicatorRows(current).map((r) => [r.id, r]));
  return answers.map((a) => {
    const row = byId.get(a.row.id);
    if (!row || row.indicator.name !== a.row.indicator.name) {
      throw failure(
        file,
        'document-changed',
        t(
          `取り込み中に文書が変わり、${a.row.id} ${a.row.indicator.name} が見つかりません`,
          `the document changed during the import: ${a.row.id} ${a.row.indicator.name} is gone`,
        ),
        {
          hint: t('もう一度取り込みます', 'import again'),
        },
      );
    }
    return { ...a, row };
  });
}

/** How much of a comment the list of changes shows. */
const SHOWN = 30;

function clipped(text: string): string {
  const chars = Array.from(text);
  return chars.length > SHOWN ? `${chars.slice(0, SHOWN).join('')}…` : text;
}

/**
 * A backup of the document for each import that changes it, named by the time it was taken
 * (`kpi-r2.yaml.20250410-153012.bak`), so that every import can be undone, not only the last.
 */
function backupName(document: string): string {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  let name = `${document}.${stamp}.bak`;
  for (let k = 2; existsSync(name); k++) name = `${document}.${stamp}-${k}.bak`;
  return name;
}

/**
 * `tassei sheet assign`: departments from a table (by strategy, policy, measure or indicator)
 * written into the document itself, as an import writes its answers: under the lock, with a
 * dated backup.
 */
export async function assignCommand(loaded: LoadedDocument, table: string, output: string, io: Io): Promise<number> {
  if (loaded.fromPdf || !sameFile(output, loaded.file)) {
    throw failure(
      output,
      'sheet-assign-output',
      t('-o には対応表を当てはめる文書そのものを指定します', '-o names the document the table is applied to'),
      {
        hint: t(
          '例: tassei sheet assign input/kpi-r2.yaml 担当課.csv -o input/kpi-r2.yaml',
          'e.g. tassei sheet assign input/kpi-r2.yaml departments.csv -o input/kpi-r2.yaml',
        ),
      },
      EXIT.usage,
    );
  }
  const read = readSheetFile(table);
  if (!Buffer.isBuffer(read)) throw new TasseiError([read]);
  const { assignments, messages } = readAssignments(read.toString('utf8'), table);
  if (messages.length > 0) throw new TasseiError(messages);
  checkOutput(output, [table], true, 'text');
  return withDocumentLock(output, () => {
    const text = readFileSync(loaded.file, 'utf8');
    const doc = parseDocumentText(text, loaded.file) as KpiDocument;
    const assigned = assignDepartments(doc, assignments, table);
    if (assigned.messages.length > 0) throw new TasseiError(assigned.messages);
    const merged = withDepartments(text, loaded.file, doc, assigned.departments);
    const blank = indicatorRows(doc).length - assigned.departments.size;
    const summary = t(
      `担当課を ${assigned.departments.size} 指標に割り当て、うち変更 ${merged.changed} 件、担当課なし ${blank} 件`,
      `departments for ${assigned.departments.size} indicator(s), ${merged.changed} changed, ${blank} without one`,
    );
    if (merged.changed === 0) {
      io.err(both`${output}: ${summary}${t('。変更はないので書き込んでいません', '; nothing changed, nothing written')}\n`);
      return EXIT.ok;
    }
    const backup = backupName(output);
    writeFileAtomic(backup, text, { like: output });
    writeFileAtomic(output, merged.text);
    io.err(both`${output}: ${summary}${t(`。前の版は ${backup}`, `; the version before is ${backup}`)}\n`);
    return EXIT.ok;
  });
}

/**
 * `tassei sheet export|import` of a narrative: one workbook of its policies (取組記入) out, their
 * results and plans back in place, under the lock, with a dated backup; nothing written while any
 * sheet has an error.
 */
export async function narrativeCommand(
  loaded: LoadedDocument,
  action: 'export' | 'import',
  sheets: readonly string[],
  output: string,
  force: boolean,
  io: Io,
): Promise<number> {
  const doc = loaded.document as NarrativeDocument;
  if (action === 'export') {
    const target = join(output, `${basename(loaded.file, extname(loaded.file))}.xlsx`);
    checkOutput(target, [loaded.file], force, 'text');
    writeFileAtomic(target, await exportNarrative(doc));
    io.err(
      t(
        `${loaded.file} → ${target}: 基本方針 ${doc.goals.reduce((n, g) => n + g.policies.length, 0)} 行\n`,
        `${loaded.file} → ${target}: ${doc.goals.reduce((n, g) => n + g.policies.length, 0)} policies\n`,
      ),
    );
    return EXIT.ok;
  }
  if (loaded.fromPdf || !sameFile(output, loaded.file)) {
    throw failure(output, 'sheet-import-output', t('-o には取り込む文書（YAML）そのものを指定します', '-o names the document (YAML) itself'), {}, EXIT.usage);
  }
  const answers: NarrativeAnswer[] = [];
  const messages: Message[] = [];
  for (const sheet of sheets) {
    const data = readSheetFile(sheet);
    if (!Buffer.isBuffer(data)) {
      messages.push(data);
      continue;
    }
    const reading = await readNarrative(data, sheet, doc);
    answers.push(...reading.answers);
    messages.push(...reading.messages);
  }
  if (messages.some((m) => m.severity === 'error')) throw new TasseiError(messages);
  checkOutput(output, sheets, true, 'text');
  return withDocumentLock(output, () => {
    const text = readFileSync(loaded.file, 'utf8');
    const current = parseDocumentText(text, loaded.file) as NarrativeDocument;
    const merged = mergeNarrative(text, loaded.file, current, answers);
    if (merged.changed === 0) {
      io.err(both`${output}: ${t('変更はないので書き込んでいません', 'nothing changed, nothing written')}\n`);
      return EXIT.ok;
    }
    const backup = backupName(output);
    writeFileAtomic(backup, text, { like: output });
    writeFileAtomic(output, merged.text);
    io.err(
      both`${output}: ${t(`基本方針 ${merged.changed} 件を更新。前の版は ${backup}`, `${merged.changed} policies updated; the version before is ${backup}`)}\n`,
    );
    return EXIT.ok;
  });
}
