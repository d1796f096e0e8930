import { EXIT, UsageError, failure } from '../model/errors.js';
import { t } from '../model/i18n.js';
import { closest } from '../model/suggest.js';
import type { KpiDocument } from '../model/types.js';
import { type Command, load, oneOf } from './command.js';

/** `tassei sheet`. */
export const command: Command = {
  synopsis: 'tassei sheet export DOC.yaml -o DIR/ [--by department] [--force]\ntassei sheet import DOC.yaml SHEET.xlsx… -o DOC.yaml [--force]',
  summary: () =>
    t(
      '担当課に送る実績記入シート（.xlsx）の書き出しと、記入されたシートの取り込み',
      'spreadsheets for the departments to fill in, and their answers merged back',
    ),
  help: () =>
    t(
      `export: 記入する指標と前年度の値を並べた .xlsx を書き出します（--by department なら担当課ごとに 1 ファイル）。
  黄色の欄（実績と、前の年度の数値のときの年度）だけが記入でき、ほかのセルは保護されています。
  実績の欄には数値か - だけが入力できます（データの入力規則）。「記入方法」シートに書き方があります。
import: 記入されたシートの実績を文書に取り込みます。読めない値・食い違いは、ファイル・シート・セル（H12 など）を
  示して一覧にし、ひとつでもあれば何も書きません。同じシートを 2 回取り込んでも何も変わりません。
  -o に取り込む文書そのものを指定できます。YAML の注記やコメントはそのまま残り、書き換える前の版は
  DOC.yaml.bak に残ります（元に戻すときは DOC.yaml.bak を DOC.yaml に戻します）。

オプション:
  -o, --output DIR/ | DOC.yaml  export: 書き出すフォルダ／import: 書き出す文書（必須）
  --by department               export: 担当課ごとのファイルに分ける
  --force                       export: 既存のシートに上書きする（記入済みのシートを消さないよう、既定では上書きしません）
                                import: 取り込む文書とは別の既存ファイルに上書きする

例:
  tassei sheet export input/kpi-r2.yaml -o 記入シート/ --by department
  tassei sheet import input/kpi-r2.yaml 回答/*.xlsx -o input/kpi-r2.yaml
  tassei evaluate input/kpi-r2.yaml --strict`,
      `export: writes .xlsx workbooks listing the indicators to fill in with last year's values (one per
  department with --by department). Only the yellow cells (the actual, and its year where it is an
  earlier year's figure) can be typed in; the others are locked. The actual takes a number or -
  (data validation). A sheet "記入方法" explains how to fill it in.
import: merges the actuals of filled-in sheets into the document. Every value that cannot be read
  and every disagreement is listed with file, sheet and cell (H12); while any remains nothing is
  written. Importing the same sheet twice changes nothing. -o may name the document itself: its
  comments and layout stay, and the version before is kept as DOC.yaml.bak (copy it back to undo).

options:
  -o, --output DIR/ | DOC.yaml  export: the folder to write / import: the document to write (required)
  --by department               export: one workbook per department
  --force                       export: overwrite existing sheets (by default a sheet that may be filled in is kept)
                                import: overwrite an existing file other than the document itself

examples:
  tassei sheet export input/kpi-r2.yaml -o sheets/ --by department
  tassei sheet import input/kpi-r2.yaml answers/*.xlsx -o input/kpi-r2.yaml
  tassei evaluate input/kpi-r2.yaml --strict`,
    ),
  options: { output: { type: 'string', short: 'o' }, by: { type: 'string' }, force: { type: 'boolean' } },
  positionals: [2, Infinity],
  async run({ values, positionals }, io, config) {
    const [action, documentFile, ...sheets] = positionals as [string, string, ...string[]];
    const output = values.output as string | undefined;
    if (action !== 'export' && action !== 'import') {
      const near = closest(action, ['export', 'import']);
      throw new UsageError(
        t(
          `sheet の後には export か import を書きます（"${action}"${near ? `。"${near}" のことですか？` : ''}）`,
          `sheet takes export or import, not "${action}"${near ? ` (did you mean "${near}"?)` : ''}`,
        ),
      );
    }
    if (!output) throw new UsageError(t(`sheet ${action} には -o が必要です`, `sheet ${action} needs -o`));
    const loaded = await load(documentFile, io, config);
    if (loaded.document.kind !== 'kpi-progress') {
      throw failure(
        loaded.file,
        'sheet-kind',
        t('記入シートは KPI 進捗状況の文書だけから作れます', 'entry sheets are made from a KPI progress document only'),
        { hint: t('達成状況は YAML を直接編集します', "edit a narrative's YAML directly") },
        EXIT.usage,
      );
    }
    const { exportCommand, importCommand } = await import('../sheet/command.js');
    if (action === 'export') {
      if (sheets.length > 0) throw new UsageError(t('sheet export が読むのは文書ひとつです', 'sheet export takes one document'));
      const byDepartment = values.by !== undefined && oneOf(values.by, ['department'] as const, 'department', 'by') === 'department';
      return exportCommand(loaded.document as KpiDocument, loaded.file, output, byDepartment, values.force === true, io);
    }
    if (sheets.length === 0) throw new UsageError(t('sheet import には取り込む .xlsx が必要です', 'sheet import needs the .xlsx files to merge'));
    return importCommand(loaded, sheets, output, values.force === true, io);
  },
};
