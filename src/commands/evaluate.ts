import { ACTUAL_DOUBT_RULE } from '../model/checks.js';
import { setAsideDoubted } from '../evaluate/doubts.js';
import { evaluateDocument } from '../evaluate/evaluate.js';
import { formatBlanks, formatEvaluationText, formatFindings, printedEvaluation } from '../evaluate/format.js';
import { EXIT } from '../model/errors.js';
import { t, both } from '../model/i18n.js';
import { unknownGrades } from '../model/scheme.js';
import type { Evaluation, Message } from '../model/types.js';
import { type Command, type Io, load, oneOf, terminalColumns } from './command.js';

/** The evaluation without the counts the extractor doubts it read right (said on stderr). */
function withoutDoubted(evaluation: Evaluation, messages: readonly Message[], file: string, io: Io): Evaluation {
  const { kept, setAside } = setAsideDoubted(evaluation.findings, messages);
  if (setAside.length > 0)
    io.err(
      t(
        `${file}: 読み取りに疑いのある集計 ${setAside.length} 件は文書の指摘から外しました（上の警告を参照）\n`,
        `${file}: ${setAside.length} summary count(s) the extractor doubts it read right are not reported as findings (see the warnings above)\n`,
      ),
    );
  return { ...evaluation, findings: kept };
}

/** `tassei evaluate`. */
export const command: Command = {
  synopsis: 'tassei evaluate FILE [--format text|json] [--strict]',
  summary: () => t('進捗率・状況・集計を計算し直し、印刷された値との食い違い（指摘）を示す', 'computed progress, status and summaries, and the findings'),
  help: () =>
    t(
      `すべての指標の進捗率と状況、集計表を計算し直し、文書に印刷された値と違うところを「指摘」として示します。
端末では表の幅を端末に合わせます（狭いときは列を省きます。幅は環境変数 COLUMNS でも指定できます）。

オプション:
  -f, --format text|json  表示の形式（既定は text、プログラム向けは json）
  --strict                指摘があるか、未記入が残っていれば終了コード 1

例:
  tassei evaluate input/kpi-r2.yaml
  tassei evaluate input/kpi-r2.yaml --strict && echo 指摘なし
  tassei evaluate output/kpi-r1.yaml --format json > evaluation.json`,
      `Recomputes every indicator's progress and status and the summary tables, and names each place
where the document printed something else (a finding). On a terminal the table fits its width
(columns are left out when it is narrow; COLUMNS sets the width too).

options:
  -f, --format text|json  the output (text by default; json for programs)
  --strict                exit 1 when there are findings or anything is still blank

examples:
  tassei evaluate input/kpi-r2.yaml
  tassei evaluate input/kpi-r2.yaml --strict && echo no findings
  tassei evaluate output/kpi-r1.yaml --format json > evaluation.json`,
    ),
  options: { format: { type: 'string', short: 'f' }, strict: { type: 'boolean' } },
  positionals: [1, 1],
  async run({ values, positionals }, io, config) {
    const format = oneOf(values.format, ['text', 'json'] as const, 'text', 'format');
    const loaded = await load(positionals[0]!, io, config);
    const { scheme, printedScheme } = loaded;
    const evaluation = withoutDoubted(evaluateDocument(loaded.document, scheme, printedScheme), loaded.messages, loaded.file, io);
    if (loaded.document.kind === 'kpi-progress' && unknownGrades(loaded.document, printedScheme).length > 0) {
      io.err(
        t(
          `${loaded.file}: 印刷された状況・集計は評価基準 ${printedScheme.id} のものではないため、照合していません\n`,
          `${loaded.file}: the printed statuses and summaries are not of the scheme ${printedScheme.id}, so they are not checked\n`,
        ),
      );
    }
    if (format === 'json') io.out(`${JSON.stringify(printedEvaluation(evaluation, io.language), null, 2)}\n`);
    else if (loaded.document.kind === 'kpi-progress')
      io.out(`${formatEvaluationText(loaded.document, evaluation, scheme, io.language, terminalColumns(io))}\n`);
    else
      io.out(
        `${evaluation.blanks.count > 0 ? `${formatBlanks(evaluation.blanks, io.language)}\n\n` : ''}${formatFindings(evaluation.findings, scheme, io.language)}\n`,
      );
    if (evaluation.findings.length > 0)
      io.err(both`${loaded.file}: ${t(`指摘 ${evaluation.findings.length} 件`, `${evaluation.findings.length} finding(s)`)}\n`);
    if (evaluation.blanks.count > 0) io.err(both`${loaded.file}: ${t(`未記入 ${evaluation.blanks.count} 件`, `${evaluation.blanks.count} still blank`)}\n`);
    // --strict: a document with findings, anything still blank or a questioned actual not confirmed, is not final.
    const doubts = loaded.messages.filter((m) => m.rule === ACTUAL_DOUBT_RULE).length;
    if (doubts > 0) io.err(both`${loaded.file}: ${t(`確認が必要な実績 ${doubts} 件`, `${doubts} actual(s) to check`)}\n`);
    return values.strict && (evaluation.findings.length > 0 || evaluation.blanks.count > 0 || doubts > 0) ? EXIT.findings : EXIT.ok;
  },
};
