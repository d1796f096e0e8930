import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { EXIT, TasseiError, failure } from '../model/errors.js';
import { checkOutput, sameFile, writeFileAtomic } from '../io/files.js';
import { t } from '../model/i18n.js';
import type { KpiDocument, Message } from '../model/types.js';
import { stringifyDocument } from '../io/yaml.js';
import type { LoadedDocument } from '../model/types.js';
import { exportSheets } from './export.js';
import { type Answer, conflicts, readSheet } from './import.js';
import { indicatorRows } from './layout.js';
import { mergeAnswers } from './merge.js';

interface Io {
  err: (text: string) => void;
}

/** `tassei sheet export`: the workbooks into a folder. */
export async function exportCommand(doc: KpiDocument, file: string, dir: string, byDepartment: boolean, force: boolean, io: Io): Promise<number> {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw failure(dir, 'sheet-output', t('-o にはフォルダを指定します', '-o names a folder'), { hint: t('例: -o 記入シート/', 'e.g. -o sheets/') }, EXIT.usage);
  }
  const files = await exportSheets(doc, basename(file, extname(file)), byDepartment);
  // A sheet already there may be one a department filled in: nothing is replaced without --force.
  for (const f of files) checkOutput(join(dir, f.name), [file], force, 'text');
  for (const f of files) {
    writeFileAtomic(join(dir, f.name), f.data);
    io.err(`${join(dir, f.name)}: ${t(`${f.rows} 指標`, `${f.rows} indicator(s)`)}${f.department ? ` (${f.department})` : ''}\n`);
  }
  io.err(
    t(
      `${file} → ${dir}: ${files.length} ファイル。記入後、tassei sheet import ${file} ${join(dir, '*.xlsx')} -o ${file} で取り込みます\n`,
      `${file} → ${dir}: ${files.length} file(s). Once filled in: tassei sheet import ${file} ${join(dir, '*.xlsx')} -o ${file}\n`,
    ),
  );
  return EXIT.ok;
}

/**
 * `tassei sheet import`: every sheet read and checked first; while any problem remains nothing
 * is written. Writing onto the document itself keeps the previous version as `.bak`.
 */
export async function importCommand(loaded: LoadedDocument, sheets: readonly string[], output: string, force: boolean, io: Io): Promise<number> {
  const doc = loaded.document as KpiDocument;
  const answers: Answer[] = [];
  const messages: Message[] = [];
  for (const sheet of sheets) {
    let data: Buffer;
    try {
      data = readFileSync(sheet);
    } catch {
      messages.push({
        severity: 'error',
        rule: 'file-missing',
        file: sheet,
        message: t('ファイルがありません', 'no such file'),
        hint: t('パスを確かめます', 'check the path'),
      });
      continue;
    }
    const reading = await readSheet(data, sheet, doc);
    answers.push(...reading.answers);
    messages.push(...reading.messages);
  }
  messages.push(...conflicts(answers));
  const errors = messages.filter((m) => m.severity === 'error');
  if (errors.length > 0) {
    messages.push({
      severity: 'error',
      rule: 'sheet-import',
      file: output,
      message: t(`問題が ${errors.length} 件あるため、何も書き込んでいません`, `${errors.length} problem(s): nothing was written`),
      hint: t('シートを直してもう一度取り込みます', 'correct the sheets and import them again'),
    });
    throw new TasseiError(messages);
  }
  for (const m of messages) io.err(`${m.file}: ${m.message}\n`);

  // The document itself is the usual output (its version before is kept as .bak, so no --force); any other is checked as every command's.
  const onto = !loaded.fromPdf && existsSync(output) && sameFile(output, loaded.file);
  checkOutput(output, onto ? sheets : [loaded.file, ...sheets], onto || force, 'text');
  const text = loaded.fromPdf ? stringifyDocument(doc, output) : readFileSync(loaded.file, 'utf8');
  const merge = mergeAnswers(text, loaded.fromPdf ? output : loaded.file, doc, answers);
  const blanks = indicatorRows(merge.document).filter((r) => r.indicator.actual.text.trim() === '').length;
  const summary = t(
    `取り込み ${answers.length} 件、うち変更 ${merge.changed.length} 件、未記入 ${blanks} 件`,
    `${answers.length} answer(s), ${merge.changed.length} changed, ${blanks} still blank`,
  );
  if (onto && merge.text === text) {
    io.err(`${output}: ${summary}${t('。変更はないので書き込んでいません', '; nothing changed, nothing written')}\n`);
    return EXIT.ok;
  }
  if (onto) writeFileAtomic(`${output}.bak`, text, { like: output });
  writeFileAtomic(output, merge.text);
  for (const a of merge.changed)
    io.err(
      `  ${basename(a.file)} ${a.cell}: ${a.row.id} ${a.row.indicator.name} ${a.row.indicator.actual.text || t('（未記入）', '(blank)')} → ${a.actual.text}\n`,
    );
  io.err(`${output}: ${summary}${onto ? t(`。前の版は ${output}.bak`, `; the version before is ${output}.bak`) : ''}\n`);
  return EXIT.ok;
}
