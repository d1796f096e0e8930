import { findingMessage } from '../evaluate/format.js';
import { checkOutputFolder, writeFileAtomic } from '../io/files.js';
import { EXIT, UsageError } from '../model/errors.js';
import { t, both } from '../model/i18n.js';
import { type Command, printMessages, processStreams } from './command.js';

/** `tassei build`. */
export const command: Command = {
  synopsis: 'tassei build [INPUT_DIR] [-o OUTPUT_DIR] [--strict] [--force] [--jobs N]',
  summary: () =>
    t(
      '毎年の作業: INPUT_DIR（input/）の PDF・YAML をすべて読み取り、評価し、OUTPUT_DIR（output/）に PDF と findings.md を作る',
      'the yearly job: every PDF/YAML of INPUT_DIR (input/) extracted, evaluated and rendered into OUTPUT_DIR (output/), with findings.md',
    ),
  help: () =>
    t(
      `フォルダの PDF・YAML をすべて処理します。PDF は YAML に読み取り（人が編集した YAML は --force がない限り
上書きしません）、評価して PDF にし、指摘の一覧を findings.md に書きます。読めないファイルがあっても
ほかのファイルは処理を続けます（そのときの終了コードは 2）。npm start は build input -o output です。

オプション:
  -o, --output OUTPUT_DIR  書き出すフォルダ（既定は output）
  --strict                 指摘か未記入（案）があれば終了コード 1
  --force                  人が編集した YAML も PDF から読み取り直す
  -j, --jobs N             同時に処理するファイル数

例:
  npm start
  tassei build input -o output --strict`,
      `Processes every PDF and YAML of a folder: a PDF is extracted to YAML (a YAML a person edited is
not overwritten without --force), evaluated and rendered, and findings.md lists the findings. A
file that cannot be read is reported and the others go on (the exit code is then 2). npm start
runs build input -o output.

options:
  -o, --output OUTPUT_DIR  the folder to write (output by default)
  --strict                 exit 1 when there are findings or anything still blank (a draft)
  --force                  extract PDFs again over YAML a person edited
  -j, --jobs N             files processed at once

examples:
  npm start
  tassei build input -o output --strict`,
    ),
  options: { output: { type: 'string', short: 'o' }, strict: { type: 'boolean' }, force: { type: 'boolean' }, jobs: { type: 'string', short: 'j' } },
  positionals: [0, 1],
  async run({ values, positionals }, io, config) {
    const { existsSync, statSync } = await import('node:fs');
    const { join, basename } = await import('node:path');
    const { blanksNote, inputsOf, findingsReport } = await import('../build.js');
    const { buildAll, defaultJobs } = await import('../pool.js');
    const inputDir = positionals[0] ?? 'input';
    const outputDir = (values.output as string | undefined) ?? 'output';
    if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new UsageError(t(`フォルダ ${inputDir} がありません`, `no folder ${inputDir}`));
    checkOutputFolder(outputDir, inputDir);
    const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(t('--jobs には 1 以上の整数を指定します', '--jobs takes a whole number of 1 or more'));
    const files = inputsOf(inputDir);
    if (files.length === 0) throw new UsageError(t(`${inputDir} に .pdf・.yaml・.json のファイルがありません`, `${inputDir} has no .pdf, .yaml or .json file`));
    const tty = process.stderr.isTTY === true && io.streams === processStreams;
    let pages = 0;
    const results = await buildAll(files, { outputDir, force: values.force === true, config, jobs }, (result, done) => {
      pages += result.pages ?? 0;
      if (tty)
        io.err(
          both`\r\x1b[K[${t(`${files.length} ファイル中 ${done}、${pages} ページ`, `file ${done} of ${files.length}, ${pages} pages`)}] ${basename(result.file)}${result.failed ? t(' 失敗', ' failed') : ''}`,
        );
    });
    if (tty) io.err('\r\x1b[K');
    for (const r of results) {
      printMessages(r.messages, io);
      const state = r.failed
        ? t('失敗', 'FAILED')
        : t(
            `指摘 ${r.findings.length} 件${blanksNote(r).ja} → ${r.outputs.join(', ')}`,
            `${r.findings.length} finding(s)${blanksNote(r).en} → ${r.outputs.join(', ')}`,
          );
      io.err(both`${r.file}: ${state}\n`);
      printMessages(
        r.findings.map((f) => findingMessage(f, r.file, r.scheme!, r.hierarchy)),
        io,
      );
    }
    // After each file's own messages, so that a folder that cannot be written loses none of them.
    writeFileAtomic(join(outputDir, 'findings.md'), findingsReport(results, io.language));
    const failed = results.filter((r) => r.failed).length;
    const findings = results.reduce((n, r) => n + r.findings.length, 0);
    io.err(
      t(
        `${results.length} ファイル中 ${results.length - failed} を ${outputDir}/ に作成、失敗 ${failed}、指摘 ${findings} 件。${join(outputDir, 'findings.md')} を見てください\n`,
        `${results.length - failed} of ${results.length} built into ${outputDir}/, ${failed} failed, ${findings} finding(s); see ${join(outputDir, 'findings.md')}\n`,
      ),
    );
    if (results.some((r) => r.internal)) return EXIT.internal;
    if (failed > 0) return EXIT.unreadable;
    return values.strict && (findings > 0 || results.some((r) => r.blanks)) ? EXIT.findings : EXIT.ok;
  },
};
