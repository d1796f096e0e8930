#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, TasseiError, failure, formatMessage } from './model/errors.js';
import { setAsideDoubted } from './evaluate/doubts.js';
import { closest } from './model/suggest.js';
import type { Evaluation, KpiDocument, Message, TasseiDocument } from './model/types.js';
import { blankIndicators } from './model/walk.js';
import { placeName } from './diff/format.js';
import { DEFAULT_RENDER_OPTIONS, PAGE_NUMBER_FORMATS, type RenderOptions } from './render/view.js';
import { loadDocument } from './load.js';
import { type Config, applyConfig, buildConfig, withScheme } from './config.js';
import { type RoleDeclarations, parseRoleDeclarations } from './extract/roles.js';
import { COLUMN_ROLES } from './model/types.js';
import { evaluateDocument } from './evaluate/evaluate.js';
import { findingMessage, formatBlanks, formatEvaluationText, formatFindings } from './evaluate/format.js';
import { languageFrom, setLanguage, t } from './model/i18n.js';
import { unknownGrades } from './model/scheme.js';
import { checkOutput, checkOutputFolder, writeFileAtomic } from './io/files.js';
import { stringifyDocument, stringifyDocumentJson } from './io/yaml.js';

/** Where a command writes: data to `out`, messages to `err`; `columns` is the terminal's width. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  columns?: number;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * The width the terminal table may use: `COLUMNS` where set (tests, scripts), the terminal's
 * width on a terminal, unlimited where the output goes to a file or a pipe.
 */
function terminalColumns(io: Io): number {
  if (io.columns !== undefined) return io.columns;
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io === processIo && process.stdout.isTTY ? process.stdout.columns : Infinity;
}

class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

interface Command {
  /** The command line, e.g. `tassei render FILE -o OUT.pdf`; one line per form. */
  synopsis: string;
  /** One line: what it does. */
  summary: () => string;
  /** What it does in full, its options and examples. */
  help: () => string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: [min: number, max: number];
  run: (args: { values: Values; positionals: string[] }, io: Io, config: Config) => Promise<number>;
}

/** Options every command takes. */
const COMMON_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  lang: { type: 'string' },
  scheme: { type: 'string' },
  'printed-scheme': { type: 'string' },
  roles: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function oneOf<T extends string>(value: string | boolean | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t(`--${option} には次のどれかを指定します: ${allowed.join(', ')}`, `--${option} takes one of: ${allowed.join(', ')}`));
}

/** --roles "現状値=baseline,担当=department": the column roles declared, by heading. */
function rolesOption(value: string | boolean | undefined): RoleDeclarations | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseRoleDeclarations(value);
  if ('error' in parsed)
    throw new UsageError(
      t(
        `--roles の「${parsed.error}」は「見出し=役割」ではありません（役割: ${COLUMN_ROLES.join(', ')}）`,
        `--roles: "${parsed.error}" is not HEADING=ROLE (roles: ${COLUMN_ROLES.join(', ')})`,
      ),
    );
  return parsed.declared;
}

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

function printMessages(messages: readonly Message[], io: Io): void {
  for (const m of messages) io.err(`${formatMessage(m)}\n`);
}

/** Reads a document (a PDF is extracted) and shows what its reading said. */
async function load(file: string, io: Io, config: Config) {
  const loaded = await loadDocument(file, config);
  printMessages(loaded.messages, io);
  return loaded;
}

const COMMON_HELP = () =>
  t(
    `共通のオプション:
  --lang ja|en     表示の言語（既定は日本語。環境変数 LANG=en_US.UTF-8 などでも英語）
  --scheme ID|FILE.yaml
                   評価に使う評価基準（schemes/ の default・abcd など、または YAML ファイル）。文書の scheme キーより優先
  --printed-scheme ID|FILE.yaml
                   文書が印刷されたときの評価基準。PDF では状況の印・集計表の見出し・凡例から判定するので、
                   判定できないときだけ指定します（YAML では文書の scheme キー）
  --roles "見出し=役割,…"
                   他の自治体の様式の PDF で、見出しから役割の分からない列の役割（例: "現状値=baseline,担当=department"）
  -h, --help       この説明`,
    `options of every command:
  --lang ja|en     the language of messages and help (Japanese by default; English also with LANG=en_US.UTF-8)
  --scheme ID|FILE.yaml
                   the grading scheme to grade by (schemes/: default, abcd, …, or a YAML file), over the document's own scheme key
  --printed-scheme ID|FILE.yaml
                   the scheme the document was printed under; a PDF's is told from its status marks, summary
                   headings and legend, so give it only where that cannot tell (a YAML's is its scheme key)
  --roles "HEADING=ROLE,…"
                   for a PDF in another municipality's layout, the roles of columns its headings do not tell (e.g. "現状値=baseline,担当=department")
  -h, --help       this help`,
  );

/** The formats of the 経年表's output file, by its extension. */
const TREND_FORMATS = { '.pdf': 'pdf', '.xlsx': 'xlsx', '.md': 'md', '.json': 'json', '.txt': 'text' } as const;

function trendFormatOf(output: string): (typeof TREND_FORMATS)[keyof typeof TREND_FORMATS] {
  const extension = /\.[^./\\]+$/.exec(output)?.[0]?.toLowerCase() ?? '';
  const format = TREND_FORMATS[extension as keyof typeof TREND_FORMATS];
  if (format) return format;
  throw failure(
    output,
    'output-format',
    t(
      `経年表は ${Object.keys(TREND_FORMATS).join('・')} のどれかで書き出します（"${extension || '拡張子なし'}"）`,
      `a 経年表 is written as ${Object.keys(TREND_FORMATS).join(', ')} (not "${extension || 'no extension'}")`,
    ),
    { hint: t('-o のファイル名の拡張子で形式を選びます', "the extension of -o's file name chooses the format") },
  );
}

/** Paper, page numbers and whose figures, from the options of `render` and `diff -o`. */
function renderOptions(values: Record<string, string | boolean | undefined>): RenderOptions {
  return {
    paper: oneOf(values.paper, ['A4', 'A3'] as const, DEFAULT_RENDER_OPTIONS.paper, 'paper'),
    pageNumbers: oneOf(
      values['page-numbers'],
      Object.keys(PAGE_NUMBER_FORMATS) as RenderOptions['pageNumbers'][],
      DEFAULT_RENDER_OPTIONS.pageNumbers,
      'page-numbers',
    ),
    asPrinted: values['as-printed'] === true,
  };
}

/** `render --final`: a council document has no blank actual (未記入); name each one. */
function refuseBlanks(doc: TasseiDocument, file: string): void {
  if (doc.kind !== 'kpi-progress') return;
  const blanks = blankIndicators(doc);
  if (blanks.length === 0) return;
  throw new TasseiError(
    blanks.map((at) => ({
      severity: 'error',
      rule: 'render-blank',
      file,
      path: `${at.path}.actual`,
      message: t(
        `実績が未記入です: ${placeName({ strategy: at.place.strategy!, strategyTitle: '', policy: at.place.policy, measure: at.place.measure }, true)} › ${at.indicator.name}`,
        `the actual is blank: strategy ${at.place.strategy} › ${at.place.policy === null ? 'goal' : `policy ${at.place.policy} › measure ${at.place.measure}`} › ${at.indicator.name}`,
      ),
      hint: t(
        '実績を記入するか、値がないときは "-" と書いてください。--final なしなら（案）として出力します',
        'fill in the actual, or write "-" where there is no data; without --final the report is printed as a draft (（案）)',
      ),
    })),
    EXIT.findings,
  );
}

const COMMANDS: Record<string, Command> = {
  extract: {
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
  },
  evaluate: {
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
      if (format === 'json') io.out(`${JSON.stringify(evaluation, null, 2)}\n`);
      else if (loaded.document.kind === 'kpi-progress') io.out(`${formatEvaluationText(loaded.document, evaluation, scheme, terminalColumns(io))}\n`);
      else io.out(`${evaluation.blanks.count > 0 ? `${formatBlanks(evaluation.blanks)}\n\n` : ''}${formatFindings(evaluation.findings, scheme)}\n`);
      if (evaluation.findings.length > 0) io.err(`${loaded.file}: ${t(`指摘 ${evaluation.findings.length} 件`, `${evaluation.findings.length} finding(s)`)}\n`);
      if (evaluation.blanks.count > 0) io.err(`${loaded.file}: ${t(`未記入 ${evaluation.blanks.count} 件`, `${evaluation.blanks.count} still blank`)}\n`);
      // --strict: a document with findings, or with anything still blank, is not final.
      return values.strict && (evaluation.findings.length > 0 || evaluation.blanks.count > 0) ? EXIT.findings : EXIT.ok;
    },
  },
  render: {
    synopsis: 'tassei render FILE -o OUT.pdf [--force] [--paper A4|A3] [--page-numbers dash|slash|plain|none] [--as-printed] [--final]',
    summary: () => t('文書の種類に応じた正式のレイアウトで PDF にする', "the official layout of the document's kind, as PDF"),
    help: () =>
      t(
        `文書を templates/ の様式で PDF にします（フォントは埋め込み）。同じ文書からは同じバイト列の PDF ができます。

オプション:
  -o, --output OUT.pdf    書き出す PDF（必須）
  --force                 既存のファイルに上書きする（入力のファイルには決して書きません）
  --paper A4|A3           用紙（既定 A4。A3 は A4 の版面を拡大）
  --page-numbers dash|slash|plain|none
                          ページ番号の形（既定 dash:「- 1 -」）
  --as-printed            元の文書に印刷された進捗率・状況・件数のまま出力する（再計算した値と印を使わない）
  --final                 未記入の実績があれば出力せず、その箇所を示す（議会提出用）

例:
  tassei render input/kpi-r2.yaml -o kpi-r2.pdf
  tassei render input/narrative-r5.pdf -o narrative-r5.pdf`,
        `Lays the document out as PDF with the templates in templates/ (fonts embedded). The same
document renders to the same bytes.

options:
  -o, --output OUT.pdf    the PDF to write (required)
  --force                 overwrite an existing file (never one of the inputs)
  --paper A4|A3           the paper (A4 by default; A3 enlarges the A4 layout)
  --page-numbers dash|slash|plain|none
                          the page number style (dash by default: 「- 1 -」)
  --as-printed            print the figures the source printed (no recomputed values or marks)
  --final                 refuse a document with blank actuals, naming each (for the council)

examples:
  tassei render input/kpi-r2.yaml -o kpi-r2.pdf
  tassei render input/narrative-r5.pdf -o narrative-r5.pdf`,
      ),
    options: {
      output: { type: 'string', short: 'o' },
      paper: { type: 'string' },
      'page-numbers': { type: 'string' },
      'as-printed': { type: 'boolean' },
      final: { type: 'boolean' },
      force: { type: 'boolean' },
    },
    positionals: [1, 1],
    async run({ values, positionals }, io, config) {
      const output = values.output as string | undefined;
      if (!output) throw new UsageError(t('render には -o OUT.pdf が必要です', 'render needs -o OUT.pdf'));
      const options = renderOptions(values);
      checkOutput(output, positionals, values.force === true, 'pdf');
      const loaded = await load(positionals[0]!, io, config);
      if (values.final) refuseBlanks(loaded.document, loaded.file);
      const { renderPdf } = await import('./render/pdf.js');
      const { printableDocument } = await import('./render/printable.js');
      const printable = printableDocument(loaded.document, loaded.file);
      printMessages(printable.messages, io);
      // Printed figures are checked (and shown corrected) under the scheme they were printed under.
      const evaluation = evaluateDocument(printable.value, loaded.scheme, loaded.printedScheme);
      writeFileAtomic(output, await renderPdf(printable.value, loaded.scheme, evaluation, options));
      io.err(`${loaded.file} → ${output}\n`);
      return EXIT.ok;
    },
  },
  diff: {
    synopsis: 'tassei diff OLD NEW [--format text|json|md] [-o OUT.pdf] [--force] [--paper A4|A3]',
    summary: () => t('前年度の文書から今年度の文書への変更点', "what changed from one year's document to the next's"),
    help: () =>
      t(
        `同じ種類の 2 つの年度の文書を比べ、追加・削除・名称変更・値の変更・状況の変化を示します。

オプション:
  -f, --format text|json|md  表示の形式（md は検討用のメモ）
  -o, --output OUT.pdf       新旧対照表（前年度・今年度を並べ、変更に傍線）の PDF を書き出す
  --force                    既存のファイルに上書きする（入力のファイルには決して書きません）
  --paper A4|A3              新旧対照表の用紙

例:
  tassei diff output/kpi-r1.yaml input/kpi-r2.yaml
  tassei diff output/kpi-r1.yaml input/kpi-r2.yaml --format md > 変更点.md
  tassei diff output/narrative-r5.yaml input/narrative-r6.yaml -o 変更点.pdf`,
        `Compares two documents of the same kind and different years: added, removed, renamed,
changed values and changed statuses.

options:
  -f, --format text|json|md  the output (md: a review memo)
  -o, --output OUT.pdf       a PDF 新旧対照表 (the two years side by side, changes underlined)
  --force                    overwrite an existing file (never one of the inputs)
  --paper A4|A3              the paper of the 新旧対照表

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
    },
    positionals: [2, 2],
    async run({ values, positionals }, io, config) {
      const format = oneOf(values.format, ['text', 'json', 'md'] as const, 'text', 'format');
      if (values.output) checkOutput(values.output as string, positionals, values.force === true, 'pdf');
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
      const { loadAnalyser } = await import('./japanese/tokenizer.js');
      const { similarityWith } = await import('./diff/similarity.js');
      const { diffDocuments, diffJson } = await import('./diff/diff.js');
      const { formatDiff } = await import('./diff/format.js');
      // Both years are graded by the newer document's scheme, so that their statuses compare.
      const diff = diffDocuments(old.document, now.document, similarityWith(await loadAnalyser()), now.scheme);
      if (values.output) {
        const { renderDiffPdf } = await import('./render/pdf.js');
        const { printableDocument } = await import('./render/printable.js');
        const printable = printableDocument(diff, now.file);
        printMessages(printable.messages, io);
        writeFileAtomic(values.output as string, await renderDiffPdf(printable.value, now.scheme, renderOptions(values)));
        io.err(`${old.file} → ${now.file}: ${values.output}\n`);
      }
      if (!values.output || values.format !== undefined) {
        io.out(format === 'json' ? `${JSON.stringify(diffJson(diff), null, 2)}\n` : `${formatDiff(diff, format, now.scheme)}\n`);
      }
      return EXIT.ok;
    },
  },
  trend: {
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
      const format = output ? trendFormatOf(output) : oneOf(values.format, ['text', 'json', 'md'] as const, 'text', 'format');
      if (output) checkOutput(output, positionals, values.force === true, format === 'pdf' ? 'pdf' : 'text');
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
      const { loadAnalyser } = await import('./japanese/tokenizer.js');
      const { similarityWith } = await import('./diff/similarity.js');
      const { trendOf } = await import('./diff/trend.js');
      const { formatTrend, trendJson } = await import('./diff/trend-format.js');
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
        const { renderTrendPdf } = await import('./render/pdf.js');
        const { printableDocument } = await import('./render/printable.js');
        const printable = printableDocument(trend, newest.file);
        printMessages(printable.messages, io);
        bytes = await renderTrendPdf(printable.value, renderOptions(values));
      } else if (format === 'xlsx') {
        const { trendWorkbook } = await import('./render/trend-xlsx.js');
        bytes = await trendWorkbook(trend);
      } else bytes = text(format);
      writeFileAtomic(output, bytes);
      io.err(`${loaded.map((l) => l.file).join(', ')} → ${output}\n`);
      return EXIT.ok;
    },
  },
  next: {
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
      const { nextDocument } = await import('./diff/next.js');
      const next = nextDocument(loaded.document);
      const { comments } = next;
      // next --scheme: the coming year is graded by that scheme.
      const document = next.document.kind === 'kpi-progress' && config.schemeName ? withScheme(next.document, config.schemeName) : next.document;
      writeFileAtomic(output, stringifyDocument(document, output, comments));
      io.err(
        t(
          `${loaded.file} (${loaded.document.fiscalYear}) → ${output} (${document.fiscalYear}): 「記入」の行を埋めてください\n`,
          `${loaded.file} (${loaded.document.fiscalYear}) → ${output} (${document.fiscalYear}): fill in the lines marked 記入\n`,
        ),
      );
      return EXIT.ok;
    },
  },
  sheet: {
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
      const { exportCommand, importCommand } = await import('./sheet/command.js');
      if (action === 'export') {
        if (sheets.length > 0) throw new UsageError(t('sheet export が読むのは文書ひとつです', 'sheet export takes one document'));
        const byDepartment = values.by !== undefined && oneOf(values.by, ['department'] as const, 'department', 'by') === 'department';
        return exportCommand(loaded.document as KpiDocument, loaded.file, output, byDepartment, values.force === true, io);
      }
      if (sheets.length === 0) throw new UsageError(t('sheet import には取り込む .xlsx が必要です', 'sheet import needs the .xlsx files to merge'));
      return importCommand(loaded, sheets, output, values.force === true, io);
    },
  },
  build: {
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
  --strict                 指摘があれば終了コード 1
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
  --strict                 exit 1 when there are findings
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
      const { inputsOf, findingsReport } = await import('./build.js');
      const { buildAll, defaultJobs } = await import('./pool.js');
      const inputDir = positionals[0] ?? 'input';
      const outputDir = (values.output as string | undefined) ?? 'output';
      if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new UsageError(t(`フォルダ ${inputDir} がありません`, `no folder ${inputDir}`));
      checkOutputFolder(outputDir, inputDir);
      const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(t('--jobs には 1 以上の整数を指定します', '--jobs takes a whole number of 1 or more'));
      const files = inputsOf(inputDir);
      if (files.length === 0)
        throw new UsageError(t(`${inputDir} に .pdf・.yaml・.json のファイルがありません`, `${inputDir} has no .pdf, .yaml or .json file`));
      const tty = process.stderr.isTTY === true && io.err === processIo.err;
      let pages = 0;
      const results = await buildAll(files, { outputDir, force: values.force === true, config, jobs }, (result, done) => {
        pages += result.pages ?? 0;
        if (tty)
          io.err(
            `\r\x1b[K[${t(`${files.length} ファイル中 ${done}、${pages} ページ`, `file ${done} of ${files.length}, ${pages} pages`)}] ${basename(result.file)}${result.failed ? t(' 失敗', ' failed') : ''}`,
          );
      });
      if (tty) io.err('\r\x1b[K');
      for (const r of results) {
        printMessages(r.messages, io);
        const state = r.failed
          ? t('失敗', 'FAILED')
          : t(`指摘 ${r.findings.length} 件 → ${r.outputs.join(', ')}`, `${r.findings.length} finding(s) → ${r.outputs.join(', ')}`);
        io.err(`${r.file}: ${state}\n`);
        printMessages(
          r.findings.map((f) => findingMessage(f, r.file, r.scheme!)),
          io,
        );
      }
      // After each file's own messages, so that a folder that cannot be written loses none of them.
      writeFileAtomic(join(outputDir, 'findings.md'), findingsReport(results));
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
      return values.strict && findings > 0 ? EXIT.findings : EXIT.ok;
    },
  },
};

const VERSION = '0.1.0';

/** The whole usage: every command in a line or two. */
function usage(): string {
  const lines = [
    t('tassei — 基本計画と総合戦略の指標（KPI）の達成状況の報告書づくり', 'tassei — KPI achievement reports (基本計画と総合戦略の指標（KPI）の達成状況)'),
    '',
    t('使い方:', 'usage:'),
  ];
  for (const command of Object.values(COMMANDS)) lines.push(...command.synopsis.split('\n').map((form) => `  ${form}`), `      ${command.summary()}`);
  lines.push(
    '  tassei help COMMAND | tassei COMMAND --help',
    `      ${t('コマンドごとの説明と例', "each command's help, with examples")}`,
    '  tassei --version',
    '',
    t('FILE は .yaml/.json の文書か .pdf（その場で読み取ります）。', 'FILE is a .yaml/.json document, or a .pdf (read on the fly).'),
    t('表示は日本語（--lang en または LANG=en_US.UTF-8 で英語）。', 'Messages are in Japanese unless --lang en or an English LANG.'),
    t(
      '終了コード: 0 成功、1 指摘（--strict のとき）またはコマンドの誤り、2 読めない入力。',
      'exit codes: 0 success; 1 findings (with --strict) or a usage error; 2 unreadable input.',
    ),
  );
  return `${lines.join('\n')}\n`;
}

function synopsisLines(command: Command): string {
  return command.synopsis
    .split('\n')
    .map((form) => `  ${form}`)
    .join('\n');
}

function commandHelp(command: Command): string {
  return `${t('使い方', 'usage')}:\n${synopsisLines(command)}\n${command.summary()}\n\n${command.help()}\n\n${COMMON_HELP()}\n`;
}

/** "did you mean" for a word the command line does not know. */
function suggestion(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near ? t(`（"${near}" のことですか？）`, ` (did you mean "${near}"?)`) : '';
}

/** The language asked for on the command line (`--lang en`, `--lang=en`), before the options are read. */
function languageOption(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return undefined;
  return argv[at]!.includes('=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
}

/** Options of the command line that the command does not take, each with its nearest known name. */
function unknownOptions(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const long = Object.keys(options);
  const short = Object.values(options)
    .map((o) => o.short)
    .filter((s): s is string => s !== undefined);
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (!long.includes(name))
        problems.push(
          t(
            `不明なオプション --${name}${suggestion(name, long).replace(/"(\w)/, '"--$1')}`,
            `unknown option --${name}${suggestion(name, long).replace(/"(\w)/, '"--$1')}`,
          ),
        );
    } else if (/^-[^-\d]/.test(arg) && !short.includes(arg[1]!)) {
      problems.push(t(`不明なオプション ${arg}`, `unknown option ${arg}`));
    }
  }
  return problems;
}

/** Runs the command line and returns the exit code; never exits the process itself. */
export async function execute(argv: readonly string[], io: Io = processIo): Promise<number> {
  const lang = languageOption(argv);
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') {
    io.err(`tassei: --lang ja|en (${lang}?)\n`);
    return EXIT.usage;
  }
  setLanguage(languageFrom(lang, process.env));
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const args = at < 0 ? [...argv] : [...argv.slice(0, at), ...argv.slice(at + (argv[at]!.includes('=') ? 1 : 2))];
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io[name === undefined ? 'err' : 'out'](usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`tassei ${VERSION}\n`);
    return EXIT.ok;
  }
  const wanted = name === 'help' ? rest[0]! : name;
  const command = COMMANDS[wanted];
  if (!command) {
    io.err(
      `${t(`tassei: 不明なコマンド "${wanted}"`, `tassei: unknown command "${wanted}"`)}${suggestion(wanted, Object.keys(COMMANDS))}\n${t('コマンドの一覧: tassei --help', 'the commands: tassei --help')}\n`,
    );
    return EXIT.usage;
  }
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const options = { ...command.options, ...COMMON_OPTIONS };
    const unknown = unknownOptions(rest, options);
    if (unknown.length > 0) throw new UsageError(unknown.join('\n'));
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
    } catch (error) {
      const { code, message } = error as Error & { code?: string };
      throw new UsageError(code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? t(`オプションの値の書き方が違います（${message}）`, message) : message);
    }
    const [min, max] = command.positionals;
    const count = parsed.positionals.length;
    if (count < min || count > max) {
      const range =
        min === max ? t(`${min} 個`, `${min}`) : max === Infinity ? t(`${min} 個以上`, `${min} or more`) : t(`${min}〜${max} 個`, `${min} to ${max}`);
      const given = count === 0 ? t('指定されていません', 'none given') : t(`${count} 個指定されています`, `got ${count}`);
      throw new UsageError(t(`"${name}" の引数（ファイルなど）は ${range}必要です（${given}）`, `"${name}" takes ${range} argument(s), ${given}`));
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const config = buildConfig({
      language: languageFrom(lang, process.env),
      scheme: typeof values.scheme === 'string' ? values.scheme : undefined,
      printedScheme: typeof values['printed-scheme'] === 'string' ? values['printed-scheme'] : undefined,
      roles: rolesOption(values.roles),
    });
    applyConfig(config);
    return await command.run({ values, positionals: parsed.positionals }, io, config);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        `tassei ${name}: ${error.message}\n${t('使い方', 'usage')}:\n${synopsisLines(command)}\n${t(`説明と例: tassei help ${name}`, `help and examples: tassei help ${name}`)}\n`,
      );
      return EXIT.usage;
    }
    if (error instanceof TasseiError) {
      printMessages(error.messages, io);
      return error.exitCode;
    }
    throw error;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  execute(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${t('tassei: 内部エラー', 'tassei: internal error')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${t('入力ファイルを添えて報告してください。', 'please report this with the input file.')}\n`,
      );
      process.exitCode = EXIT.internal;
    },
  );
}
