import { UsageError } from '../model/errors.js';
import { t } from '../model/i18n.js';
import { closest } from '../model/suggest.js';
import type { KpiDocument } from '../model/types.js';
import { type Command, load, oneOf } from './command.js';

/** `tassei sheet`. */
export const command: Command = {
  synopsis:
    'tassei sheet export DOC.yaml -o DIR/ [--by department] [--office NAME] [--deadline WHEN] [--contact WHO] [--force]\ntassei sheet import DOC.yaml SHEET.xlsx… -o DOC.yaml [--force]\ntassei sheet assign DOC.yaml DEPARTMENTS.csv -o DOC.yaml',
  summary: () =>
    t(
      '担当課に送る実績記入シート（.xlsx）の書き出しと、記入されたシートの取り込み',
      'spreadsheets for the departments to fill in, and their answers merged back',
    ),
  help: () =>
    t(
      `export: 記入する指標と前年度の値を並べた .xlsx を書き出します（--by department なら担当課ごとに 1 ファイル）。
黄色の欄（実績と、前の年度の数値のときの年度）だけが記入でき、ほかのセルは保護されています。
実績は 3580・3,580・△12・45%・3580人 や - で記入します（ほかの値には入力規則が警告します）。「記入方法」シートに書き方があります。
指標ごとの文章（評価コメント・≪成果と見直し≫・今後の方針など）を印刷する文書では、その見出しごとに黄色の列が備考の後に並び、
担当課が文章を記入できます（next の後は空欄）。セル内の改行（Alt+Enter）は取り込み時につなげて 1 つの文章にします。
import: 記入されたシートの実績と文章を文書に取り込みます。読めない値・食い違いは、ファイル・シート・セル（H12 など）を
示して一覧にし、ひとつでもあれば何も書きません。同じシートを 2 回取り込んでも何も変わりません。
-o に取り込む文書そのものを指定できます。YAML の注記やコメントはそのまま残り、書き換える前の版は
取り込みのたびに DOC.yaml.日付-時刻.bak に残ります（元に戻すときはその .bak を DOC.yaml に戻します）。
assign: 担当課の対応表（CSV「場所,担当課」か YAML）を文書に書き込みます。場所は重点戦略 1・戦略方針 1-2・施策 1-2-3・
整理番号 1-2-3-1・指標名のどれかで、細かいほうが優先します。書き込んだ担当課は next でも引き継がれます。

オプション:
-o, --output DIR/ | DOC.yaml  export: 書き出すフォルダ／import: 書き出す文書（必須）
--by department               export: 担当課ごとのファイルに分ける
--office 課名 --deadline 期限 --contact 連絡先
                              export: 返送先（既定は企画政策課）・期限・問合せ先。見出しと「記入方法」に印刷します
--force                       export: 既存のシートに上書きする（記入済みのシートを消さないよう、既定では上書きしません）
                              import: 取り込む文書とは別の既存ファイルに上書きする

例:
tassei sheet export input/kpi-r2.yaml -o 記入シート/ --by department
tassei sheet import input/kpi-r2.yaml 回答/*.xlsx -o input/kpi-r2.yaml
tassei sheet assign input/kpi-r2.yaml 担当課.csv -o input/kpi-r2.yaml
tassei evaluate input/kpi-r2.yaml --strict`,
      `export: writes .xlsx workbooks listing the indicators to fill in with last year's values (one per
department with --by department). Only the yellow cells (the actual, and its year where it is an
earlier year's figure) can be typed in; the others are locked. The actual takes 3580, 3,580, △12,
45%, 3580人 or - (other text gets a validation warning). A sheet "記入方法" explains how to fill it in.
A document that prints a comment per indicator (評価コメント, ≪成果と見直し≫, 今後の方針) gets a yellow
column per heading after the 備考, for the departments to write it (blank after next); the lines of a
cell (Alt+Enter) are joined into one text on import.
import: merges the actuals and comments of filled-in sheets into the document. Every value that cannot be read
and every disagreement is listed with file, sheet and cell (H12); while any remains nothing is
written. Importing the same sheet twice changes nothing. -o may name the document itself: its
comments and layout stay, and the version before is kept as DOC.yaml.DATE-TIME.bak at each import (copy one back to undo).
assign: writes departments into the document from a table (CSV place,department or YAML); a place is a
strategy 1, a policy 1-2, a measure 1-2-3, a number 1-2-3-1 or a name, the most specific winning; next keeps them.

options:
-o, --output DIR/ | DOC.yaml  export: the folder to write / import: the document to write (required)
--by department               export: one workbook per department
--office NAME --deadline WHEN --contact WHO
                              export: where the sheets go back (企画政策課 by default), by when, whom to ask; printed on the heading and 記入方法
--force                       export: overwrite existing sheets (by default a sheet that may be filled in is kept)
                              import: overwrite an existing file other than the document itself

examples:
tassei sheet export input/kpi-r2.yaml -o sheets/ --by department
tassei sheet import input/kpi-r2.yaml answers/*.xlsx -o input/kpi-r2.yaml
tassei evaluate input/kpi-r2.yaml --strict`,
    ),
  options: {
    output: { type: 'string', short: 'o' },
    by: { type: 'string' },
    force: { type: 'boolean' },
    office: { type: 'string' },
    deadline: { type: 'string' },
    contact: { type: 'string' },
  },
  positionals: [2, Infinity],
  async run({ values, positionals }, io, config) {
    const [action, documentFile, ...sheets] = positionals as [string, string, ...string[]];
    const output = values.output as string | undefined;
    if (action !== 'export' && action !== 'import' && action !== 'assign') {
      const near = closest(action, ['export', 'import', 'assign']);
      throw new UsageError(
        t(
          `sheet の後には export か import を書きます（"${action}"${near ? `。"${near}" のことですか？` : ''}）`,
          `sheet takes export or import, not "${action}"${near ? ` (did you mean "${near}"?)` : ''}`,
        ),
      );
    }
    if (!output) throw new UsageError(t(`sheet ${action} には -o が必要です`, `sheet ${action} needs -o`));
    const loaded = await load(documentFile, io, config);
    const { assignCommand, exportCommand, importCommand, narrativeCommand } = await import('../sheet/command.js');
    if (loaded.document.kind !== 'kpi-progress') {
      if (action === 'assign') throw new UsageError(t('担当課は KPI 進捗状況の文書に割り当てます', 'departments are assigned in a KPI progress document'));
      return narrativeCommand(loaded, action, sheets, output, values.force === true, io);
    }
    if (action === 'export') {
      if (sheets.length > 0) throw new UsageError(t('sheet export が読むのは文書ひとつです', 'sheet export takes one document'));
      const byDepartment = values.by !== undefined && oneOf(values.by, ['department'] as const, 'department', 'by') === 'department';
      const office = typeof values.office === 'string' && values.office.trim() !== '' ? values.office.trim() : '企画政策課';
      const given = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
      const to = { office, deadline: given(values.deadline), contact: given(values.contact) };
      return exportCommand(loaded.document as KpiDocument, loaded.file, output, byDepartment, values.force === true, io, to);
    }
    if (action === 'assign') {
      if (sheets.length !== 1)
        throw new UsageError(
          t('sheet assign には担当課の対応表（.csv か .yaml）をひとつ指定します', 'sheet assign takes one table of departments (.csv or .yaml)'),
        );
      return assignCommand(loaded, sheets[0]!, output, io);
    }
    if (sheets.length === 0) throw new UsageError(t('sheet import には取り込む .xlsx が必要です', 'sheet import needs the .xlsx files to merge'));
    return importCommand(loaded, sheets, output, values.force === true, io);
  },
};
