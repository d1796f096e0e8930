import { writeFileAtomic } from '../io/files.js';
import { DIFF_FORMATS, checkedOutputFormat } from '../render/output.js';
import { EXIT } from '../model/errors.js';
import { failure, warningMessage } from '../model/messages.js';
import type { Message } from '../model/types.js';
import { doubtsOf } from '../render/final.js';
import { both, joinTexts, t } from '../model/i18n.js';
import { type Command, load, oneOf, printMessages } from './command.js';
import { renderOptions } from './render-options.js';

/** `tassei diff`. */
export const command: Command = {
  synopsis: 'tassei diff OLD NEW [--format text|json|md] [-o OUT.pdf|OUT.docx|OUT.xlsx|OUT.md] [--force] [--paper A4|A3] [--strict]',
  summary: () => t('前年度の文書から今年度の文書への変更点', "what changed from one year's document to the next's"),
  help: () =>
    t(
      `同じ種類の 2 つの年度の文書を比べ、追加・削除・名称変更・値の変更・状況の変化を示します。

オプション:
  -f, --format text|json|md  表示の形式（md は検討用のメモ）
  -o, --output OUT.pdf       新旧対照表（前年度・今年度を並べ、変更に傍線）の PDF を書き出す（.docx・.xlsx なら Word・Excel の表、.md なら --format md の内容）
  --force                    既存のファイルに上書きする（入力のファイルには決して書きません）
  --paper A4|A3              新旧対照表の用紙
  --strict                   PDF の読み取りに疑いがあれば終了コード 1（比較は出力します）

例:
  tassei diff output/kpi-r1.yaml input/kpi-r2.yaml
  tassei diff output/kpi-r1.yaml input/kpi-r2.yaml --format md > 変更点.md
  tassei diff output/narrative-r5.yaml input/narrative-r6.yaml -o 変更点.pdf`,
      `Compares two documents of the same kind and different years: added, removed, renamed,
changed values and changed statuses.

options:
  -f, --format text|json|md  the output (md: a review memo)
  -o, --output OUT.pdf       a PDF 新旧対照表 (the two years side by side, changes underlined); .docx/.xlsx: as a Word/Excel table; .md: what --format md prints
  --force                    overwrite an existing file (never one of the inputs)
  --paper A4|A3              the paper of the 新旧対照表
  --strict                   exit 1 when the reading of a PDF is in doubt (the comparison is still written)

examples:
  tassei diff output/kpi-r1.yaml input/kpi-r2.yaml
  tassei diff output/kpi-r1.yaml input/kpi-r2.yaml --format md > changes.md
  tassei diff output/narrative-r5.yaml input/narrative-r6.yaml -o changes.pdf`,
    ),
  options: {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    paper: { type: 'string' },
    'page-numbers': { type: 'string' },
    strict: { type: 'boolean' },
  },
  positionals: [2, 2],
  async run({ values, positionals }, io, config) {
    const format = oneOf(values.format, ['text', 'json', 'md'] as const, 'text', 'format');
    const written = values.output
      ? checkedOutputFormat(values.output as string, positionals, values.force === true, DIFF_FORMATS, () => t('新旧対照表', 'a 新旧対照表'))
      : undefined;
    const old = await load(positionals[0]!, io, config);
    const now = await load(positionals[1]!, io, config);
    if (old.document.kind !== now.document.kind) {
      throw failure(
        now.file,
        'diff-kinds',
        t(
          `${old.file} は ${old.document.kind}、${now.file} は ${now.document.kind} の文書です`,
          `${old.file} is a ${old.document.kind} document and ${now.file} a ${now.document.kind} one`,
        ),
        { hint: t('同じ種類の文書を比べます', 'compare two documents of the same kind') },
        EXIT.usage,
      );
    }
    if (old.document.fiscalYear === now.document.fiscalYear) {
      throw failure(
        now.file,
        'diff-same-year',
        t(`どちらも ${now.document.fiscalYear} 年度の文書です`, `both documents are of fiscal year ${now.document.fiscalYear}`),
        { hint: t('前年度の文書と今年度の文書を比べます', "compare last year's document with this year's") },
        EXIT.usage,
      );
    }
    const { loadAnalyser } = await import('../japanese/tokenizer.js');
    const { similarityWith } = await import('../diff/similarity.js');
    const { diffDocuments, diffJson } = await import('../diff/diff.js');
    const { formatDiff } = await import('../diff/format.js');
    // Both years are graded by the newer document's scheme, so that their statuses compare.
    const diff = diffDocuments(old.document, now.document, similarityWith(await loadAnalyser()), now.scheme);
    // A diff on a doubted reading may show false deletions and miss renames: it says so wherever it goes.
    const doubts = [old, now].filter((d) => doubtsOf(d.messages).length > 0).map((d) => doubtedDiff(d.file));
    printMessages(doubts, io);
    if (written) {
      const { diffFile } = await import('../render/output.js');
      const table = await diffFile(written, diff, now.file, now.scheme, { ...renderOptions(values), readingDoubted: doubts.length > 0 });
      printMessages(table.messages, io);
      writeFileAtomic(values.output as string, table.data);
      io.err(`${old.file} → ${now.file}: ${values.output}\n`);
    }
    if (!values.output || values.format !== undefined) {
      const caution = joinTexts(doubts.map((m) => (format === 'md' ? both`> **注意** ${m.message}\n\n` : both`注意: ${m.message}\n`)));
      io.out(
        format === 'json'
          ? `${JSON.stringify(doubts.length > 0 ? { ...diffJson(diff), readingDoubted: doubts.map((m) => m.file) } : diffJson(diff), null, 2)}\n`
          : both`${caution}${formatDiff(diff, format, now.scheme)}\n`,
      );
    }
    return values.strict && doubts.length > 0 ? EXIT.findings : EXIT.ok;
  },
};

/** The warning that a diff rests on a PDF whose reading the extractor doubts. */
function doubtedDiff(file: string): Message {
  return warningMessage(
    file,
    'diff-doubted',
    t(
      `${file} の読み取りに疑いがあるため、この比較の削除・追加・名称変更は誤りのことがあります`,
      `the reading of ${file} is in doubt: deletions, additions and renames in this comparison may be wrong`,
    ),
    {
      hint: t(
        'tassei extract -o で YAML に書き出し、PDF と見比べて直してから、YAML どうしで比べてください',
        'write it out as YAML with tassei extract -o, correct it against the PDF, and compare the YAML files',
      ),
    },
  );
}
