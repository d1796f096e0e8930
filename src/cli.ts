#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { EXIT, TasseiError, failure, formatMessage } from './model/errors.js';
import type { Evaluation, Message, TasseiDocument } from './model/types.js';
import { setAsideDoubted } from './evaluate/doubts.js';
import { blankIndicators } from './model/walk.js';
import { placeName } from './diff/format.js';
import { DEFAULT_RENDER_OPTIONS, PAGE_NUMBER_FORMATS, type RenderOptions } from './render/view.js';
import { loadDocument } from './load.js';
import { type Config, applyConfig, buildConfig, withScheme } from './config.js';
import { evaluateDocument } from './evaluate/evaluate.js';
import { formatBlanks, formatEvaluationText, formatFindings } from './evaluate/format.js';
import { languageFrom, t } from './model/i18n.js';
import { unknownGrades } from './model/scheme.js';
import { checkOutput, checkOutputFolder, writeFileAtomic } from './model/files.js';
import { stringifyDocument, stringifyDocumentJson } from './model/yaml.js';

/** Where a command writes: data to `out`, messages to `err`. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

const USAGE = `tassei — KPI achievement reports (基本計画と総合戦略の指標（KPI）の達成状況)

usage:
  tassei extract FILE.pdf [-o OUT.yaml] [--format yaml|json] [--force]
                                 PDF → document (kind detected); to stdout without -o
  tassei evaluate FILE [--format text|json] [--strict]
                                 computed progress, status, summaries, findings and blanks
  tassei render FILE -o OUT.pdf [--force] [--paper A4|A3] [--page-numbers dash|slash|plain|none]
               [--as-printed] [--final]
                                 the official layout of the document's kind, as PDF; --as-printed
                                 prints the source's own figures, --final refuses blank actuals
  tassei diff OLD NEW [--format text|json|md] [-o OUT.pdf] [--force] [--paper A4|A3]
                                 what changed from one year's document to the next's
  tassei next FILE -o NEXT.yaml [--force]
                                 next fiscal year's document to fill in
  tassei build [INPUT_DIR] [-o OUTPUT_DIR] [--strict] [--force] [--jobs N]
                                 the yearly job: every PDF/YAML of INPUT_DIR (input/) extracted,
                                 evaluated and rendered into OUTPUT_DIR (output/), with findings.md
  tassei --help | --version

FILE is a .yaml/.json document, or a .pdf (read on the fly). An existing output is replaced
only with --force, and never when it is one of the inputs.
Every command takes --scheme ID|FILE.yaml: the grading scheme (schemes/: default, abcd, etajima,
fuji, fukuoka, ino, kitsuki, nagayo, sano, tagawa, tama), over the document's own scheme key.
exit codes: 0 success; 1 findings (with --strict) or a usage error; 2 unreadable input.
`;

class UsageError extends Error {}

interface Command {
  options: ParseArgsConfig['options'];
  positionals: [min: number, max: number];
  run: (args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: Io, config: Config) => Promise<number>;
}

function oneOf<T extends string>(value: string | boolean | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} takes one of: ${allowed.join(', ')}`);
}

/** The evaluation without the counts the extractor doubts it read right (said on stderr). */
function withoutDoubted(evaluation: Evaluation, messages: readonly Message[], file: string, io: Io): Evaluation {
  const { kept, setAside } = setAsideDoubted(evaluation.findings, messages);
  if (setAside.length > 0) io.err(t(`${file}: 読み取りに疑いのある集計 ${setAside.length} 件は文書の指摘から外しました（上の警告を参照）\n`, `${file}: ${setAside.length} summary count(s) the extractor doubts it read right are not reported as findings (see the warnings above)\n`));
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

/** Paper, page numbers and whose figures, from the options of `render` and `diff -o`. */
function renderOptions(values: Record<string, string | boolean | undefined>): RenderOptions {
  return {
    paper: oneOf(values.paper, ['A4', 'A3'] as const, DEFAULT_RENDER_OPTIONS.paper, 'paper'),
    pageNumbers: oneOf(values['page-numbers'], Object.keys(PAGE_NUMBER_FORMATS) as RenderOptions['pageNumbers'][], DEFAULT_RENDER_OPTIONS.pageNumbers, 'page-numbers'),
    asPrinted: values['as-printed'] === true,
  };
}

/** `render --final`: a council document has no blank actual (未記入); name each one. */
function refuseBlanks(doc: TasseiDocument, file: string): void {
  if (doc.kind !== 'kpi-progress') return;
  const blanks = blankIndicators(doc);
  if (blanks.length === 0) return;
  throw new TasseiError(blanks.map((at) => ({
    severity: 'error', rule: 'render-blank', file, path: `${at.path}.actual`,
    message: t(`実績が未記入です: ${placeName({ strategy: at.place.strategy!, strategyTitle: '', policy: at.place.policy, measure: at.place.measure }, true)} › ${at.indicator.name}`,
      `the actual is blank: strategy ${at.place.strategy} › ${at.place.policy === null ? 'goal' : `policy ${at.place.policy} › measure ${at.place.measure}`} › ${at.indicator.name}`),
    hint: t('実績を記入するか、値がないときは "-" と書いてください。--final なしなら（案）として出力します', 'fill in the actual, or write "-" where there is no data; without --final the report is printed as a draft (（案）)'),
  })), EXIT.findings);
}

const COMMANDS: Record<string, Command> = {
  extract: {
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
    options: { format: { type: 'string', short: 'f' }, strict: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ values, positionals }, io, config) {
      const format = oneOf(values.format, ['text', 'json'] as const, 'text', 'format');
      const loaded = await load(positionals[0]!, io, config);
      const { scheme } = loaded;
      const evaluation = withoutDoubted(evaluateDocument(loaded.document, scheme), loaded.messages, loaded.file, io);
      if (loaded.document.kind === 'kpi-progress' && unknownGrades(loaded.document, scheme).length > 0) {
        io.err(t(`${loaded.file}: 印刷された状況・集計は評価基準 ${scheme.id} のものではないため、照合していません\n`, `${loaded.file}: the printed statuses and summaries are not of the scheme ${scheme.id}, so they are not checked\n`));
      }
      if (format === 'json') io.out(`${JSON.stringify(evaluation, null, 2)}\n`);
      else if (loaded.document.kind === 'kpi-progress') io.out(`${formatEvaluationText(loaded.document, evaluation, scheme)}\n`);
      else io.out(`${evaluation.blanks.count > 0 ? `${formatBlanks(evaluation.blanks)}\n\n` : ''}${formatFindings(evaluation.findings, scheme)}\n`);
      if (evaluation.findings.length > 0) io.err(`${loaded.file}: ${t(`指摘 ${evaluation.findings.length} 件`, `${evaluation.findings.length} finding(s)`)}\n`);
      if (evaluation.blanks.count > 0) io.err(`${loaded.file}: ${t(`未記入 ${evaluation.blanks.count} 件`, `${evaluation.blanks.count} still blank`)}\n`);
      // --strict: a document with findings, or with anything still blank, is not final.
      return values.strict && (evaluation.findings.length > 0 || evaluation.blanks.count > 0) ? EXIT.findings : EXIT.ok;
    },
  },
  render: {
    options: {
      output: { type: 'string', short: 'o' }, paper: { type: 'string' }, 'page-numbers': { type: 'string' },
      'as-printed': { type: 'boolean' }, final: { type: 'boolean' }, force: { type: 'boolean' },
    },
    positionals: [1, 1],
    async run({ values, positionals }, io, config) {
      const output = values.output as string | undefined;
      if (!output) throw new UsageError(t('render には -o 出力.pdf が必要です', 'render needs -o OUT.pdf'));
      const options = renderOptions(values);
      checkOutput(output, positionals, values.force === true, 'pdf');
      const loaded = await load(positionals[0]!, io, config);
      if (values.final) refuseBlanks(loaded.document, loaded.file);
      const { renderPdf } = await import('./render/pdf.js');
      const { printableDocument } = await import('./render/printable.js');
      const printable = printableDocument(loaded.document, loaded.file);
      printMessages(printable.messages, io);
      writeFileAtomic(output, await renderPdf(printable.value, loaded.scheme, undefined, options));
      io.err(`${loaded.file} → ${output}\n`);
      return EXIT.ok;
    },
  },
  diff: {
    options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, paper: { type: 'string' }, 'page-numbers': { type: 'string' } },
    positionals: [2, 2],
    async run({ values, positionals }, io, config) {
      const format = oneOf(values.format, ['text', 'json', 'md'] as const, 'text', 'format');
      if (values.output) checkOutput(values.output as string, positionals, values.force === true, 'pdf');
      const old = await load(positionals[0]!, io, config);
      const now = await load(positionals[1]!, io, config);
      if (old.document.kind !== now.document.kind) {
        throw failure(now.file, 'diff-kinds', `${old.file} is a ${old.document.kind} document and ${now.file} a ${now.document.kind} one`, { hint: 'compare two documents of the same kind' }, EXIT.usage);
      }
      if (old.document.fiscalYear === now.document.fiscalYear) {
        throw failure(now.file, 'diff-same-year', `both documents are of fiscal year ${now.document.fiscalYear}`, { hint: 'compare last year\'s document with this year\'s' }, EXIT.usage);
      }
      const { loadAnalyser } = await import('./render/japanese.js');
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
  next: {
    options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ values, positionals }, io, config) {
      const output = values.output as string | undefined;
      if (!output) throw new UsageError('next needs -o NEXT.yaml');
      checkOutput(output, positionals, values.force === true, 'text');
      const loaded = await load(positionals[0]!, io, config);
      const { nextDocument } = await import('./diff/next.js');
      const next = nextDocument(loaded.document);
      const { comments } = next;
      // next --scheme: the coming year is graded by that scheme.
      const document = next.document.kind === 'kpi-progress' && config.schemeName ? withScheme(next.document, config.schemeName) : next.document;
      writeFileAtomic(output, stringifyDocument(document, output, comments));
      io.err(`${loaded.file} (${loaded.document.fiscalYear}) → ${output} (${document.fiscalYear}): fill in the lines marked 記入\n`);
      return EXIT.ok;
    },
  },
  build: {
    options: { output: { type: 'string', short: 'o' }, strict: { type: 'boolean' }, force: { type: 'boolean' }, jobs: { type: 'string', short: 'j' } },
    positionals: [0, 1],
    async run({ values, positionals }, io, config) {
      const { existsSync, statSync } = await import('node:fs');
      const { join, basename } = await import('node:path');
      const { inputsOf, findingsReport } = await import('./build.js');
      const { buildAll, defaultJobs } = await import('./pool.js');
      const inputDir = positionals[0] ?? 'input';
      const outputDir = (values.output as string | undefined) ?? 'output';
      if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) throw new UsageError(`no folder ${inputDir}`);
      checkOutputFolder(outputDir, inputDir);
      const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
      if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number of 1 or more');
      const files = inputsOf(inputDir);
      if (files.length === 0) throw new UsageError(`${inputDir} has no .pdf, .yaml or .json file`);
      const { renderPdf } = await import('./render/pdf.js');
      const tty = process.stderr.isTTY === true && io.err === processIo.err;
      let pages = 0;
      const results = await buildAll(files, { outputDir, force: values.force === true, render: renderPdf, config, jobs }, (result, done) => {
        pages += result.pages ?? 0;
        if (tty) io.err(`\r\x1b[K[file ${done} of ${files.length}, ${pages} pages] ${basename(result.file)}${result.failed ? ' failed' : ''}`);
      });
      if (tty) io.err('\r\x1b[K');
      for (const r of results) {
        printMessages(r.messages, io);
        const state = r.failed ? 'FAILED' : `${r.findings.length} finding(s) → ${r.outputs.join(', ')}`;
        io.err(`${r.file}: ${state}\n`);
        for (const f of r.findings) io.err(`  [${f.kind}] ${f.indicator ?? `strategy ${f.strategy} ${f.row ?? ''}`}: ${f.message}\n`);
      }
      // After each file's own messages, so that a folder that cannot be written loses none of them.
      writeFileAtomic(join(outputDir, 'findings.md'), findingsReport(results));
      const failed = results.filter((r) => r.failed).length;
      const findings = results.reduce((n, r) => n + r.findings.length, 0);
      io.err(`${results.length - failed} of ${results.length} built into ${outputDir}/, ${failed} failed, ${findings} finding(s); see ${join(outputDir, 'findings.md')}\n`);
      if (results.some((r) => r.internal)) return EXIT.internal;
      if (failed > 0) return EXIT.unreadable;
      return values.strict && findings > 0 ? EXIT.findings : EXIT.ok;
    },
  },
};

/** Runs the command line and returns the exit code; never exits the process itself. */
export async function execute(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'err' : 'out'](USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out('tassei 0.1.0\n');
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`tassei: unknown command "${name}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: { ...command.options, scheme: { type: 'string' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [min, max] = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) {
      throw new UsageError(`"${name}" takes ${min === max ? min : `${min} to ${max}`} file argument(s), got ${parsed.positionals.length}`);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const config = buildConfig({
      language: languageFrom(typeof values.lang === 'string' ? values.lang : undefined, process.env),
      scheme: typeof values.scheme === 'string' ? values.scheme : undefined,
    });
    applyConfig(config);
    return await command.run({ values, positionals: parsed.positionals }, io, config);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tassei ${name}: ${error.message}\nsee: tassei --help\n`);
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
      process.stderr.write(`tassei: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\nplease report this with the input file.\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
