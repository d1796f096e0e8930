import { type ContentKind, checkOutput, checkOutputPlace } from '../io/files.js';
import { formatDiff } from '../diff/format.js';
import { failure, warningMessage } from '../model/messages.js';
import { evaluateDocument } from '../evaluate/evaluate.js';
import { say, t, type Text } from '../model/i18n.js';
import type { Scheme } from '../model/scheme.js';
import type { DocumentDiff, Message, TasseiDocument } from '../model/types.js';
import { printableDocument } from './printable.js';
import { diffView } from './diff-view.js';
import { kpiView } from './kpi-view.js';
import { narrativeView } from './narrative-view.js';
import { DEFAULT_RENDER_OPTIONS, type RenderOptions } from './page-view.js';

/**
 * The files a command writes, by the extension of -o: one place that says which formats each
 * command writes and which writer makes each (a `.docx` named report must never be a PDF).
 */

/** `render -o`: the report. */
export const REPORT_FORMATS = { '.pdf': 'pdf', '.docx': 'docx', '.xlsx': 'xlsx' } as const;
/** `diff -o`: the 新旧対照表 as PDF, Word or Excel, or the review memo `--format md` prints. */
export const DIFF_FORMATS = { '.pdf': 'pdf', '.docx': 'docx', '.xlsx': 'xlsx', '.md': 'md' } as const;
/** `trend -o`: the 経年表. */
export const TREND_FORMATS = { '.pdf': 'pdf', '.xlsx': 'xlsx', '.md': 'md', '.json': 'json', '.txt': 'text' } as const;

export type ReportFormat = (typeof REPORT_FORMATS)[keyof typeof REPORT_FORMATS];
export type DiffFormat = (typeof DIFF_FORMATS)[keyof typeof DIFF_FORMATS];

/**
 * Checks an output before any work and says its format: never an input, a folder or a device
 * (whatever its name), then a format the command writes — `given` (--format), else the one its
 * extension names; a pipe or the standard output without one takes the first (PDF) — then never
 * a file of another kind, nor an existing one without `force`.
 */
export function checkedOutputFormat<F extends string>(
  output: string,
  inputs: readonly string[],
  force: boolean,
  formats: Readonly<Record<string, F>>,
  what: () => Text,
  given?: string,
): F {
  const place = checkOutputPlace(output, inputs);
  const named = formats[extensionOf(output)];
  const known = Object.values(formats);
  let format: F;
  if (given !== undefined) {
    if (!(known as string[]).includes(given) || (named !== undefined && named !== given)) throw unwritableFormat(output, formats, what, given);
    format = given as F;
  } else format = named ?? (place.kind === 'stream' ? known[0]! : throwFormat(output, formats, what));
  checkOutput(output, inputs, force, contentKindOf(format));
  return format;
}

function extensionOf(output: string): string {
  return /\.[^./\\]+$/.exec(output)?.[0]?.toLowerCase() ?? '';
}

function throwFormat(output: string, formats: Readonly<Record<string, string>>, what: () => Text): never {
  throw unwritableFormat(output, formats, what, undefined);
}

/** Exit 2 naming the formats `formats` has: the extension (or --format) names none of them, or another. */
function unwritableFormat(output: string, formats: Readonly<Record<string, string>>, what: () => Text, given: string | undefined) {
  const extension = extensionOf(output);
  const names = Object.keys(formats);
  const asked = given !== undefined ? `--format ${given}${extension ? ` / ${extension}` : ''}` : extension || t('拡張子なし', 'no extension');
  return failure(
    output,
    'output-format',
    t(
      `${what().ja}は ${names.join('・')} のどれかで書き出します（"${say(asked, 'ja')}" は書き出せません）`,
      `${what().en} is written as ${names.join(', ')} (not "${say(asked, 'en')}")`,
    ),
    {
      hint: t(
        '-o のファイル名の拡張子で形式を選びます（--format はそれと同じ形式に）',
        "the extension of -o's file name chooses the format (--format, if given, the same)",
      ),
    },
  );
}

/** What a file of the format holds, as far as replacing another goes. */
function contentKindOf(format: string): ContentKind {
  return format === 'pdf' ? 'pdf' : format === 'xlsx' || format === 'docx' ? 'zip' : 'text';
}

/** What a writer gives: the file's content, and what it had to say (characters outside the fonts). */
export interface OutputFile {
  data: Uint8Array | string;
  messages: Message[];
}

/**
 * The report of `doc` (read from `file`) in the format -o named. Its printed figures are checked,
 * and shown corrected, under the scheme they were printed under.
 */
export async function reportFile(
  format: ReportFormat,
  doc: TasseiDocument,
  file: string,
  schemes: { scheme: Scheme; printedScheme: Scheme },
  output: string,
  options: RenderOptions = DEFAULT_RENDER_OPTIONS,
): Promise<OutputFile> {
  const { scheme, printedScheme } = schemes;
  if (format === 'pdf') {
    const printable = printableDocument(doc, file);
    const { renderPdf } = await import('./pdf.js');
    return { data: await renderPdf(printable.value, scheme, evaluateDocument(printable.value, scheme, printedScheme), options), messages: printable.messages };
  }
  if (doc.kind === 'narrative' && format === 'docx') {
    const { renderNarrativeDocx } = await import('./docx.js');
    return { data: await renderNarrativeDocx(narrativeView(doc, options), options), messages: [] };
  }
  if (doc.kind !== 'kpi-progress') {
    throw failure(
      output,
      'output-format',
      t(
        `.${format} には KPI 進捗状況の報告書を書き出します（達成状況は .pdf か .docx で）`,
        `.${format} is written of a KPI progress report (a narrative: .pdf or .docx)`,
      ),
      { hint: t('-o の拡張子を .pdf か .docx にしてください', 'give -o a name ending in .pdf or .docx') },
    );
  }
  const view = kpiView(doc, evaluateDocument(doc, scheme, printedScheme), scheme, options);
  const messages = doc.layout ? [layoutNotKept(output, format)] : [];
  if (format === 'docx') {
    const { renderKpiDocx } = await import('./docx.js');
    return { data: await renderKpiDocx(view, options), messages };
  }
  const { renderKpiXlsx } = await import('./xlsx.js');
  return { data: await renderKpiXlsx(view, options), messages };
}

/**
 * Word and Excel are written in tassei's own layout: a document read in its city's layout is
 * warned that only its PDF keeps it (the columns, headings and comment columns are not in them).
 */
function layoutNotKept(output: string, format: 'docx' | 'xlsx'): Message {
  return warningMessage(
    output,
    'output-layout',
    t(
      `.${format} は tassei の標準の様式で書きます。この文書の自治体の様式（列の並び・見出し・コメント欄）を保つのは PDF だけです`,
      `.${format} is written in tassei's own layout: only the PDF keeps this document's own (its columns, headings and comment columns)`,
    ),
    { hint: t('議会に出す報告書は -o 報告書.pdf で書き出します', 'write the council report with -o report.pdf') },
  );
}

/** The 新旧対照表 of `diff` (the newer document read from `file`) in the format -o named. */
export async function diffFile(
  format: DiffFormat,
  diff: DocumentDiff,
  file: string,
  scheme: Scheme,
  options: RenderOptions = DEFAULT_RENDER_OPTIONS,
): Promise<OutputFile> {
  if (format === 'md') return { data: `${formatDiff(diff, 'md', scheme)}\n`, messages: [] };
  if (format === 'docx') {
    const { renderDiffDocx } = await import('./docx.js');
    return { data: await renderDiffDocx(diffView(diff, scheme, options), options), messages: [] };
  }
  if (format === 'xlsx') {
    const { renderDiffXlsx } = await import('./xlsx.js');
    return { data: await renderDiffXlsx(diffView(diff, scheme, options), options), messages: [] };
  }
  const printable = printableDocument(diff, file);
  const { renderDiffPdf } = await import('./pdf.js');
  return { data: await renderDiffPdf(printable.value, scheme, options), messages: printable.messages };
}
