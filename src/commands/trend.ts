import { evaluateDocument } from '../evaluate/evaluate.js';
import { writeFileAtomic } from '../io/files.js';
import { TREND_FORMATS, checkedOutputFormat } from '../render/output.js';
import { EXIT } from '../model/errors.js';
import { failure } from '../model/messages.js';
import { t } from '../model/i18n.js';
import type { KpiDocument } from '../model/types.js';
import { type Command, load, oneOf, printMessages } from './command.js';
import { renderOptions } from './render-options.js';

/** `tassei trend`. */
export const command: Command = {
  synopsis: 'tassei trend DOC... [--format text|json|md] [-o OUT.pdf|OUT.xlsx|OUT.md|OUT.json|OUT.txt] [--force] [--paper A4|A3]',
  summary: () => t('複数年度の KPI 進捗状況を指標ごとに並べた経年表', "the indicators of several years' KPI reports side by side (a 経年表)"),
  help: () =>
    t(
      `同じ報告の複数年度の文書（YAML か PDF、順序は自由）から、指標ごとに各年度の実績と状況を並べた経年表を作ります。
名称変更・移動した指標は差分（diff）と同じ方法でたどり、新規・削除・目標変更を備考に示します。年度別の実績の欄を
印刷している文書は、その欄でほかの文書がない年度を埋めます。状況は最も新しい文書の評価基準で判定します。

オプション:
  -f, --format text|json|md  画面に表示する形式（-o がないとき）
  -o, --output OUT           書き出すファイル。形式は拡張子で決まります: .pdf（推移の折れ線つき）、.xlsx（年度を列に）、
                             .md、.json、.txt
  --force                    既存のファイルに上書きする（入力のファイルには決して書きません）
  --paper A4|A3              PDF の用紙

例:
  tassei trend output/kpi-r1.yaml input/kpi-r2.yaml input/kpi-r3.yaml
  tassei trend 報告/*.pdf -o 経年表.xlsx
  tassei trend output/kpi-r1.yaml input/kpi-r2.yaml -o 経年表.pdf`,
      `Lays the indicators of several years of one report (YAML or PDF, in any order) out across the
years: each year's actual and status. Renamed and moved indicators are followed as the diff follows
them; added, removed and revised targets are noted. A document that prints a year series fills the
years no other document covers. Statuses are graded by the newest document's scheme.

options:
  -f, --format text|json|md  what to print (without -o)
  -o, --output OUT           the file to write, its format by its extension: .pdf (with a sparkline per row),
                             .xlsx (the years as columns), .md, .json, .txt
  --force                    overwrite an existing file (never one of the inputs)
  --paper A4|A3              the paper of the PDF

examples:
  tassei trend output/kpi-r1.yaml input/kpi-r2.yaml input/kpi-r3.yaml
  tassei trend reports/*.pdf -o trend.xlsx
  tassei trend output/kpi-r1.yaml input/kpi-r2.yaml -o trend.pdf`,
    ),
  options: {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    paper: { type: 'string' },
    'page-numbers': { type: 'string' },
  },
  positionals: [1, Infinity],
  async run({ values, positionals }, io, config) {
    const output = values.output as string | undefined;
    const format = output
      ? checkedOutputFormat(output, positionals, values.force === true, TREND_FORMATS, () => t('経年表', 'a 経年表'))
      : oneOf(values.format, ['text', 'json', 'md'] as const, 'text', 'format');
    const loaded = [];
    for (const file of positionals) loaded.push(await load(file, io, config));
    const notKpi = loaded.find((l) => l.document.kind !== 'kpi-progress');
    if (notKpi)
      throw failure(
        notKpi.file,
        'trend-kind',
        t('経年表は KPI 進捗状況の文書から作ります', 'a 経年表 is made of KPI progress documents'),
        {
          hint: t('達成状況の年度ごとの変化は tassei diff で見ます', "a narrative's changes are shown by tassei diff"),
        },
        EXIT.usage,
      );
    const byYear = new Map<number, string>();
    for (const l of loaded) {
      const other = byYear.get(l.document.fiscalYear);
      if (other !== undefined)
        throw failure(
          l.file,
          'trend-same-year',
          t(`${other} と同じ ${l.document.fiscalYear} 年度の文書です`, `of fiscal year ${l.document.fiscalYear}, as is ${other}`),
          {
            hint: t('各年度の文書を 1 つずつ指定します', 'give one document for each year'),
          },
          EXIT.usage,
        );
      byYear.set(l.document.fiscalYear, l.file);
    }
    const newest = loaded.reduce((a, b) => (b.document.fiscalYear > a.document.fiscalYear ? b : a));
    const { loadAnalyser } = await import('../japanese/tokenizer.js');
    const { similarityWith } = await import('../diff/similarity.js');
    const { trendOf } = await import('../diff/trend.js');
    const { formatTrend, trendJson } = await import('../diff/trend-format.js');
    const trend = trendOf(
      loaded.map((l) => ({ document: l.document as KpiDocument, evaluation: evaluateDocument(l.document, newest.scheme, l.printedScheme) })),
      similarityWith(await loadAnalyser()),
    );
    const text = (style: 'text' | 'md' | 'json') => (style === 'json' ? `${JSON.stringify(trendJson(trend), null, 2)}\n` : `${formatTrend(trend, style)}\n`);
    if (!output) {
      io.out(text(format as 'text' | 'md' | 'json'));
      return EXIT.ok;
    }
    let bytes: string | Uint8Array;
    if (format === 'pdf') {
      const { renderTrendPdf } = await import('../render/pdf.js');
      const { printableDocument } = await import('../render/printable.js');
      const printable = printableDocument(trend, newest.file);
      printMessages(printable.messages, io);
      bytes = await renderTrendPdf(printable.value, renderOptions(values));
    } else if (format === 'xlsx') {
      const { trendWorkbook } = await import('../render/trend-xlsx.js');
      bytes = await trendWorkbook(trend);
    } else bytes = text(format);
    writeFileAtomic(output, bytes);
    io.err(`${loaded.map((l) => l.file).join(', ')} → ${output}\n`);
    return EXIT.ok;
  },
};
