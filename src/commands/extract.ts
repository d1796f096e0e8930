import { EXIT } from '../model/errors.js';
import { checkOutput, writeFileAtomic } from '../io/files.js';
import { t } from '../model/i18n.js';
import { stringifyDocument, stringifyDocumentJson } from '../io/yaml-write.js';
import { type Command, load, oneOf } from './command.js';

/** `tassei extract`. */
export const command: Command = {
  synopsis: 'tassei extract FILE.pdf [-o OUT.yaml] [--format yaml|json] [--force]',
  summary: () => t('PDF を読み取り、編集できる YAML にする（文書の種類は自動判定）', 'PDF → document (kind detected); to stdout without -o'),
  help: () =>
    t(
      `前年度の報告書の PDF（KPI 進捗状況または達成状況）から表を読み取り、YAML（または JSON）にします。
-o がなければ標準出力に書きます。

オプション:
  -o, --output OUT.yaml   書き出すファイル（.json なら JSON）
  -f, --format yaml|json  形式（既定は yaml）
  --force                 既存のファイルに上書きする（入力のファイルには決して書きません）

例:
  tassei extract input/kpi-r1.pdf -o kpi-r1.yaml
  tassei extract input/narrative-r5.pdf --format json`,
      `Reads last year's report (KPI progress or narrative) from its PDF into YAML (or JSON).
Without -o it writes to stdout.

options:
  -o, --output OUT.yaml   the file to write (JSON where it ends in .json)
  -f, --format yaml|json  the format (yaml by default)
  --force                 overwrite an existing file (never one of the inputs)

examples:
  tassei extract input/kpi-r1.pdf -o kpi-r1.yaml
  tassei extract input/narrative-r5.pdf --format json`,
    ),
  options: { output: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, force: { type: 'boolean' } },
  positionals: [1, 1],
  async run({ values, positionals }, io, config) {
    const output = values.output as string | undefined;
    const format = oneOf(values.format, ['yaml', 'json'] as const, output?.endsWith('.json') ? 'json' : 'yaml', 'format');
    if (output) checkOutput(output, positionals, values.force === true, 'text');
    const loaded = await load(positionals[0]!, io, config);
    const text = format === 'json' ? stringifyDocumentJson(loaded.document) : stringifyDocument(loaded.document, output ?? 'stdout.yaml');
    if (output) {
      writeFileAtomic(output, text);
      io.err(`${loaded.file} → ${output} (${loaded.document.kind})\n`);
    } else io.out(text);
    return EXIT.ok;
  },
};
