import { writeFileAtomic } from '../io/files.js';
import { REPORT_FORMATS, checkedOutputFormat } from '../render/output.js';
import { EXIT, TasseiError, UsageError } from '../model/errors.js';
import { t } from '../model/i18n.js';
import { loadDocument } from '../load.js';
import { type Command, type Io, load, printMessages } from './command.js';
import { renderOptions } from './render-options.js';

/** `tassei render`. */
export const command: Command = {
  synopsis:
    'tassei render FILE -o OUT.pdf|OUT.docx|OUT.xlsx [--format pdf|docx|xlsx] [--force] [--paper A4|A3] [--page-numbers dash|slash|plain|none] [--as-printed] [--final] [--watch]',
  summary: () => t('文書の種類に応じた正式のレイアウトで PDF にする', "the official layout of the document's kind, as PDF"),
  help: () =>
    t(
      `文書を templates/ の様式で PDF にします（フォントは埋め込み）。同じ文書からは同じバイト列の PDF ができます。

オプション:
  -o, --output OUT.pdf    書き出すファイル（必須）。形式は拡張子で決まります: .pdf（報告書）、
                          .docx（KPI 進捗状況の Word: 戦略ごとに集計表と指標の表）、
                          .xlsx（KPI 進捗状況の Excel: 指標ごとに 1 行、数値は数値のまま、集計と注記のシート）
  -f, --format pdf|docx|xlsx
                          拡張子のない出力（-o /dev/stdout など）の形式（既定 pdf）
  --force                 既存のファイルに上書きする（入力のファイルには決して書きません）
  --paper A4|A3           用紙（既定 A4。A3 は A3 用に組む：文字は A4 の 1.2 倍、列を広げ 1 ページの行を増やす）
  --page-numbers dash|slash|plain|none
                          ページ番号の形（既定は原資料の形：KPI 報告書「1 / 8」、達成状況「- 1 -」）
  --as-printed            元の文書に印刷された進捗率・状況・件数のまま出力する（再計算した値と印を使わない）
  --final                 未記入の実績・下書きの実績・読み取りに疑いのある箇所があれば出力せず、その箇所を示す（議会提出用）
  --watch                 文書を保存するたびに出力し直し、かかった時間を示す（Ctrl+C で終了）

例:
  tassei render input/kpi-r2.yaml -o kpi-r2.pdf
  tassei render input/narrative-r5.pdf -o narrative-r5.pdf
  tassei render input/kpi-r2.yaml -o kpi-r2.pdf --force --watch   # 編集しながら PDF ビューアで確かめる`,
      `Lays the document out as PDF with the templates in templates/ (fonts embedded). The same
document renders to the same bytes.

options:
  -o, --output OUT.pdf    the file to write (required), its format by its extension: .pdf (the report),
                          .docx (a KPI report in Word: per strategy its summary and indicator tables),
                          .xlsx (a KPI report in Excel: a row per indicator, numbers as numbers, summary and notes sheets)
  -f, --format pdf|docx|xlsx
                          the format of an output without extension (-o /dev/stdout; pdf by default)
  --force                 overwrite an existing file (never one of the inputs)
  --paper A4|A3           the paper (A4 by default; A3 is laid out for A3: text 1.2 × A4's, wider columns, more rows a page)
  --page-numbers dash|slash|plain|none
                          the page number style (by default the source's: 「1 / 8」 for the KPI report, 「- 1 -」 for the narrative)
  --as-printed            print the figures the source printed (no recomputed values or marks)
  --final                 refuse a document with blank actuals, draft results or a doubted reading, naming each (for the council)
  --watch                 render again on each save of the document, saying how long it took (Ctrl+C stops)

examples:
  tassei render input/kpi-r2.yaml -o kpi-r2.pdf
  tassei render input/narrative-r5.pdf -o narrative-r5.pdf
  tassei render input/kpi-r2.yaml -o kpi-r2.pdf --force --watch   # edit and look in a PDF viewer`,
    ),
  options: {
    output: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
    paper: { type: 'string' },
    'page-numbers': { type: 'string' },
    'as-printed': { type: 'boolean' },
    final: { type: 'boolean' },
    force: { type: 'boolean' },
    watch: { type: 'boolean' },
  },
  positionals: [1, 1],
  async run({ values, positionals }, io, config) {
    const output = values.output as string | undefined;
    if (!output) throw new UsageError(t('render には -o OUT.pdf（または .docx・.xlsx）が必要です', 'render needs -o OUT.pdf (or .docx, .xlsx)'));
    const options = renderOptions(values);
    const format = checkedOutputFormat(
      output,
      positionals,
      values.force === true,
      REPORT_FORMATS,
      () => t('報告書', 'a report'),
      values.format as string | undefined,
    );
    const renderOnce = async (write = true): Promise<string> => {
      // A warm-up render says nothing: its messages are the first render's again.
      const loaded = write ? await load(positionals[0]!, io, config) : await loadDocument(positionals[0]!, config);
      const { doubtsOf, reasonsNotFinal } = await import('../render/final.js');
      const notFinal = reasonsNotFinal(loaded.document, loaded.file, loaded.messages);
      if (values.final && notFinal.length > 0) throw new TasseiError(notFinal, EXIT.findings);
      const { reportFile } = await import('../render/output.js');
      const readingDoubted = doubtsOf(loaded.messages).length > 0;
      const report = await reportFile(format, loaded.document, loaded.file, loaded, output, { ...options, readingDoubted });
      if (!write) return loaded.file;
      printMessages(report.messages, io);
      writeFileAtomic(output, report.data);
      return loaded.file;
    };
    if (values.watch) return watchAndRender(positionals[0]!, output, renderOnce, io);
    io.err(`${await renderOnce()} → ${output}\n`);
    return EXIT.ok;
  },
};

/** Renders, unwritten, that a watching process does before the first save (a render's code is compiled hot after about five). */
const WARM_UP_RENDERS = 4;

/**
 * Renders up to `WARM_UP_RENDERS` times, stopping as soon as `saved()` (a save is not kept waiting for
 * more than the render under way); a document that cannot be rendered ends it quietly (the first render said why).
 */
async function warmUp(render: () => Promise<unknown>, saved: () => boolean): Promise<void> {
  try {
    for (let k = 0; k < WARM_UP_RENDERS; k++) {
      // A render's awaits are microtasks that never let the loop poll: a save is seen only between renders.
      await new Promise((polled) => setImmediate(polled));
      if (saved()) return;
      await render();
    }
  } catch (error) {
    if (!(error instanceof TasseiError)) throw error;
  }
}

/** How long a burst of file events is waited out before the document is read again (an editor saves in steps). */
const SAVE_SETTLE_MS = 50;

/**
 * `render --watch`: renders, then again on each save of the document, saying how long each took;
 * a document that cannot be read or rendered is reported and the next save tried. Ends on Ctrl+C.
 */
async function watchAndRender(file: string, output: string, renderOnce: (write?: boolean) => Promise<string>, io: Io): Promise<number> {
  const { watch } = await import('node:fs');
  const { basename, dirname } = await import('node:path');
  const renderTimed = async () => {
    const started = performance.now();
    try {
      const from = await renderOnce();
      const ms = Math.round(performance.now() - started);
      io.err(t(`${from} → ${output}（${ms} ミリ秒）\n`, `${from} → ${output} (${ms} ms)\n`));
    } catch (error) {
      if (!(error instanceof TasseiError)) throw error;
      printMessages(error.messages, io);
      io.err(t('直して保存すると、もう一度出力します\n', 'save a correction to render again\n'));
    }
  };
  await renderTimed();
  return new Promise((done, fail) => {
    let timer: NodeJS.Timeout | undefined;
    let saved = false;
    let rendering: Promise<void> = Promise.resolve();
    // An editor may save by renaming a new file over the old one: the folder is watched, for the file's name.
    const watcher = watch(dirname(file), (_, name) => {
      if (name !== basename(file)) return;
      saved = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        rendering = rendering.then(renderTimed).catch(fail);
      }, SAVE_SETTLE_MS);
    });
    // Said once the folder is watched (a save made on seeing it is not missed).
    io.err(t(`${file} の保存を待っています（Ctrl+C で終了）\n`, `watching ${file} for saves (Ctrl+C stops)\n`));
    // While the first save is awaited, the document is rendered a few times more, unwritten: the
    // code the first renders run cold is compiled by then, and the first save is as quick as the later.
    rendering = warmUp(
      () => renderOnce(false),
      () => saved,
    );
    process.once('SIGINT', () => {
      watcher.close();
      clearTimeout(timer);
      void rendering.then(() => done(EXIT.ok));
    });
  });
}
