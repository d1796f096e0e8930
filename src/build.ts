import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { evaluateDocument } from './evaluate/evaluate.js';
import { setAsideDoubted } from './evaluate/doubts.js';
import { findingMessage, formatBlanks } from './evaluate/format.js';
import { errorMessage, formatMessagesMarkdown, infoMessage } from './model/messages.js';
import { TasseiError } from './model/errors.js';
import { readTextFile } from './io/encoding.js';
import { writeFileAtomic } from './io/files.js';
import { type Language, type Text, type TextPart, both, joinTexts, say, t } from './model/i18n.js';
import type { Blanks, Evaluation, Finding, HierarchyLevel, Message, TasseiDocument } from './model/types.js';
import { parseDocumentWithNotes } from './io/yaml-read.js';
import { stringifyDocument } from './io/yaml-write.js';
import { type Config, printedSchemeFor, schemeFor } from './config.js';
import type { Scheme } from './model/scheme.js';
import { loadDocument } from './load.js';
import { printableDocument } from './render/printable.js';

/**
 * The yearly job: every PDF and YAML of a folder extracted where needed, evaluated and
 * rendered, with a findings report. One bad file is reported and the others go through.
 */

export const INPUT_EXTENSIONS = ['.pdf', '.yaml', '.yml', '.json'];

/** The first line of a YAML tassei extracted: the hash of what it wrote, to see later edits. */
const STAMP = /^# tassei: extracted from (.+?); sha256 ([0-9a-f]{64})$/m;

export interface FileResult {
  file: string;
  kind?: TasseiDocument['kind'];
  /** Outputs written, relative to the output folder. */
  outputs: string[];
  findings: Finding[];
  messages: Message[];
  /** True where the file could not be read or rendered. */
  failed: boolean;
  /** Pages read from a PDF input. */
  pages?: number;
  /** True where tassei itself failed on the file (a bug, exit 70); the other files still go through. */
  internal?: boolean;
  /** The scheme the file was graded by (its findings name its marks). */
  scheme?: Scheme;
  /** What is still blank or a draft (未記入): the report is printed （案） and is not final. */
  blanks?: Blanks;
  /** The levels as the document labels them, where it has its own layout (its findings' places). */
  hierarchy?: readonly HierarchyLevel[];
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The output name of each input: its base name, or base name and extension where two inputs
 * share a base name (kpi.pdf and kpi.yaml), so that no output overwrites another.
 */
export function outputNames(files: readonly string[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const f of files) count.set(basename(f, extname(f)), (count.get(basename(f, extname(f))) ?? 0) + 1);
  return new Map(
    files.map((f) => {
      const base = basename(f, extname(f));
      return [f, count.get(base)! > 1 ? `${base}-${extname(f).slice(1).toLowerCase()}` : base];
    }),
  );
}

/** Lists the inputs of a folder, in name order. */
export function inputsOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => INPUT_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith('.'))
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

/**
 * The YAML of an extracted document, stamped with the hash of its body. A stamped file whose
 * body no longer matches was edited by a person and is not overwritten.
 */
export function stampedYaml(doc: TasseiDocument, source: string, writtenTo: string): string {
  const body = stringifyDocument(doc, writtenTo);
  return `# tassei: extracted from ${oneLine(basename(source))}; sha256 ${hash(body)}\n${body}`;
}

/** A file name on the stamp line: control characters (a newline in a name) escaped as in JSON. */
function oneLine(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

export function wasEdited(text: string): boolean {
  const stamp = STAMP.exec(text);
  if (!stamp) return true;
  return hash(text.slice(text.indexOf('\n') + 1)) !== stamp[2];
}

/** What a renderer module exports. */
export interface RendererModule {
  renderPdf(doc: TasseiDocument, scheme: Scheme, evaluation: Evaluation): Promise<Uint8Array>;
}

export interface BuildOptions {
  outputDir: string;
  /** The name the outputs of a file get (without extension); its base name by default. */
  outputName?: string;
  /** Overwrite YAML files a person edited. */
  force: boolean;
  /**
   * The module that renders the reports (its export `renderPdf`), named by URL: a function cannot
   * be handed to a worker thread, a module name can, so every worker renders with the same one.
   * tassei's own (src/render/pdf.ts) where not given.
   */
  renderer?: string;
  /** The run's configuration, built by the command line (passed to workers as data). */
  config: Config;
}

/** Extracts (where needed), evaluates and renders one input. Never throws for bad input. */
export async function buildFile(file: string, options: BuildOptions): Promise<FileResult> {
  const result: FileResult = { file, outputs: [], findings: [], messages: [], failed: false };
  const name = options.outputName ?? basename(file, extname(file));
  try {
    const loaded = await loadDocument(file, options.config);
    result.messages.push(...loaded.messages);
    if (loaded.pages !== undefined) result.pages = loaded.pages;
    let doc = loaded.document;
    let { scheme, printedScheme } = loaded;
    if (loaded.fromPdf) {
      const yamlName = `${name}.yaml`;
      const yamlPath = join(options.outputDir, yamlName);
      const existing = existsSync(yamlPath) && !options.force ? readTextFile(yamlPath).text : null;
      if (existing !== null && wasEdited(existing)) {
        // The person's edits win: the report is made from their YAML.
        const kept = parseDocumentWithNotes(existing, yamlPath);
        doc = kept.document;
        result.messages.push(...kept.messages);
        scheme = schemeFor(options.config, doc, yamlPath);
        printedScheme = printedSchemeFor(options.config, doc, yamlPath);
        result.messages.push(
          infoMessage(
            yamlPath,
            'build-kept-edits',
            t('人が編集した YAML なので残し、PDF の代わりにこれから報告書を作りました', 'edited by hand: kept, and used for the report instead of the PDF'),
            { hint: t('tassei build --force で PDF から読み取り直します', 'tassei build --force extracts it again') },
          ),
        );
      } else {
        writeFileAtomic(yamlPath, stampedYaml(doc, file, yamlPath));
        result.outputs.push(yamlName);
      }
    }
    result.kind = doc.kind;
    result.scheme = scheme;
    if (doc.kind === 'kpi-progress' && doc.layout) result.hierarchy = doc.layout.hierarchy;
    const evaluation = evaluateDocument(doc, scheme, printedScheme);
    if (evaluation.blanks.count > 0) result.blanks = evaluation.blanks;
    // Counts the extractor doubts it read right are its warnings, not the document's findings.
    result.findings = loaded.fromPdf && doc === loaded.document ? setAsideDoubted(evaluation.findings, loaded.messages).kept : evaluation.findings;
    const pdfName = `${name}.pdf`;
    const printable = printableDocument(doc, file);
    result.messages.push(...printable.messages);
    const { renderPdf } = (await (options.renderer ? import(options.renderer) : import('./render/pdf.js'))) as RendererModule;
    // The page prints the printable copy: where a character had to change, its evaluation is the copy's (keys by name).
    const printed = printable.messages.length > 0 ? evaluateDocument(printable.value, scheme, printedScheme) : evaluation;
    writeFileAtomic(join(options.outputDir, pdfName), await renderPdf(printable.value, scheme, printed));
    result.outputs.push(pdfName);
  } catch (error) {
    result.failed = true;
    if (error instanceof TasseiError) result.messages.push(...error.messages);
    else {
      result.internal = true;
      result.messages.push(
        errorMessage(
          file,
          'internal-error',
          t(
            `tassei の内部エラー: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            `internal error of tassei: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
          {
            hint: t(
              'この入力ファイルを添えて報告してください。他のファイルは処理を続けました',
              'please report this with the input file; the other files were built',
            ),
          },
        ),
      );
    }
  }
  return result;
}

const KIND_NAMES = { 'kpi-progress': 'KPI進捗状況', narrative: '達成状況' } as const;

/** `、未記入（案）15 件` after a file's count of findings where anything is still blank or a draft. */
export function blanksNote(result: FileResult): Text {
  const count = result.blanks?.count ?? 0;
  return count > 0 ? t(`、未記入（案）${count} 件`, `, ${count} still blank (draft)`) : t('', '');
}

/** findings.md: per file what was written, what could not be read and every finding. */
export function findingsReport(results: readonly FileResult[], language: Language): string {
  const lines: TextPart[] = [t('# tassei: 指摘事項', '# tassei: findings'), ''];
  const failed = results.filter((r) => r.failed);
  const withFindings = results.filter((r) => r.findings.length > 0);
  const drafts = results.filter((r) => (r.blanks?.count ?? 0) > 0);
  const draftCount = drafts.length > 0 ? t(`、未記入（案）のもの ${drafts.length}`, `, ${drafts.length} draft(s) with blanks`) : '';
  lines.push(
    t(
      `${results.length} ファイル: 作成 ${results.length - failed.length}、失敗 ${failed.length}、指摘のあるもの ${withFindings.length}${say(draftCount, 'ja')}。`,
      `${results.length} file(s): ${results.length - failed.length} built, ${failed.length} failed, ${withFindings.length} with findings${say(draftCount, 'en')}.`,
    ),
    '',
  );
  for (const r of results) {
    lines.push(`## ${oneLine(basename(r.file))}${r.kind ? ` (${KIND_NAMES[r.kind]})` : ''}`, '');
    if (r.failed) {
      lines.push(
        t('**作成できませんでした。**', '**Not built.**'),
        '',
        formatMessagesMarkdown(
          r.messages.filter((x) => x.severity === 'error'),
          language,
        ),
        '',
      );
      continue;
    }
    lines.push(both`${t('書き出したもの', 'Written')}: ${r.outputs.join(', ') || t('（新しいものなし）', '(nothing new)')}`, '');
    const notes = r.messages.filter((x) => x.severity !== 'error');
    if (notes.length > 0) lines.push(formatMessagesMarkdown(notes, language));
    if (r.blanks) {
      lines.push(
        t('**（案）: 確定版ではありません（render --final は出力を断ります）。**', '**Draft (（案）): not final (render --final refuses it).**'),
        '',
        formatBlanks(r.blanks, language, r.hierarchy),
        '',
      );
    }
    if (r.findings.length === 0) {
      lines.push(
        t('指摘なし: 印刷された進捗率・状況・集計はすべて計算と合っています。', 'No findings: every printed progress, status and summary cell agrees.'),
        '',
      );
      continue;
    }
    lines.push(
      formatMessagesMarkdown(
        r.findings.map((f) => findingMessage(f, r.file, r.scheme!, r.hierarchy)),
        language,
      ),
    );
    lines.push('');
  }
  return say(joinTexts(lines, '\n'), language);
}
