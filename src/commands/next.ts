import { withScheme } from '../config.js';
import { checkOutput, writeFileAtomic } from '../io/files.js';
import { stringifyDocument } from '../io/yaml-write.js';
import { EXIT, UsageError } from '../model/errors.js';
import { t } from '../model/i18n.js';
import { warningMessage } from '../model/messages.js';
import type { KpiDocument } from '../model/types.js';
import { walkIndicators } from '../model/walk.js';
import { fiscalYearName } from '../notation/numbers.js';
import { type Command, load, printMessages } from './command.js';

/** The last target year of a KPI document's indicators where the year is past every one of them, else null. */
function pastTargetYear(doc: KpiDocument): number | null {
  const years = walkIndicators(doc).flatMap(({ indicator }) => (indicator.targetYear === undefined ? [] : [indicator.targetYear]));
  const last = years.length > 0 ? Math.max(...years) : null;
  return last !== null && doc.fiscalYear > last ? last : null;
}

/** `tassei next`. */
export const command: Command = {
  synopsis: 'tassei next FILE -o NEXT.yaml [--force]',
  summary: () => t('次の年度の記入用の文書を作る', "next fiscal year's document to fill in"),
  help: () =>
    t(
      `年度を進め、実績を空欄（未記入）にした次の年度の文書を作ります。前年度の実績は previousActual に残り、
記入する行には「# 記入」の注記がつきます。担当課（department）はそのまま引き継ぎます。
達成状況では、前年度の計画（今後の方向性）が今年度の実績の下書きになり、draft: true がつきます。
実績を確認したら draft: true を消します。

オプション:
  -o, --output NEXT.yaml  書き出すファイル（必須）
  --force                 既存のファイルに上書きする（入力のファイルには決して書きません）

例:
  tassei next output/kpi-r1.yaml -o input/kpi-r2.yaml
  tassei sheet export input/kpi-r2.yaml -o 記入シート/ --by department   # 続けて担当課へ`,
      `Moves the years on and empties the actuals (blank: not yet entered). Last year's actual is kept
as previousActual, and each line to fill in is marked "# 記入". Departments are kept.
In a narrative, last year's plans become this year's draft results, marked draft: true; remove
it once the results are confirmed.

options:
  -o, --output NEXT.yaml  the file to write (required)
  --force                 overwrite an existing file (never one of the inputs)

examples:
  tassei next output/kpi-r1.yaml -o input/kpi-r2.yaml
  tassei sheet export input/kpi-r2.yaml -o sheets/ --by department   # then to the departments`,
    ),
  options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
  positionals: [1, 1],
  async run({ values, positionals }, io, config) {
    const output = values.output as string | undefined;
    if (!output) throw new UsageError(t('next には -o NEXT.yaml が必要です', 'next needs -o NEXT.yaml'));
    checkOutput(output, positionals, values.force === true, 'text');
    const loaded = await load(positionals[0]!, io, config);
    const { nextDocument } = await import('../diff/next.js');
    const next = nextDocument(loaded.document);
    const { comments } = next;
    // next --scheme: the coming year is graded by that scheme.
    const document = next.document.kind === 'kpi-progress' && config.schemeName ? withScheme(next.document, config.schemeName) : next.document;
    writeFileAtomic(output, stringifyDocument(document, output, comments));
    const ended = document.kind === 'kpi-progress' ? pastTargetYear(document) : null;
    if (ended !== null)
      printMessages(
        [
          warningMessage(
            output,
            'next-past-target',
            t(
              `${fiscalYearName(document.fiscalYear)}は目標年度（${fiscalYearName(ended)}）を過ぎています`,
              `${fiscalYearName(document.fiscalYear)} is past the target year (${fiscalYearName(ended)})`,
            ),
            {
              hint: t(
                '計画の改定（新しい目標値と目標年度）を文書に反映してください',
                "bring the plan's revision (new targets and their year) into the document",
              ),
            },
          ),
        ],
        io,
      );
    io.err(
      t(
        `${loaded.file} (${loaded.document.fiscalYear}) → ${output} (${document.fiscalYear}): 「記入」の行を埋めてください\n`,
        `${loaded.file} (${loaded.document.fiscalYear}) → ${output} (${document.fiscalYear}): fill in the lines marked 記入\n`,
      ),
    );
    return EXIT.ok;
  },
};
