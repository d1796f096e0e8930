import { statSync } from 'node:fs';
import { type Config, printedSchemeFor, schemeFor, schemeNameFor, withScheme } from './config.js';
import { readTextFile } from './io/encoding.js';
import { TasseiError } from './model/errors.js';
import { failure, warningMessage } from './model/messages.js';
import { startsWithPdfMagic } from './io/files.js';
import { t } from './model/i18n.js';
import { type Scheme, unknownGrades } from './model/scheme.js';
import type { KpiDocument, LoadedDocument, Message, TasseiDocument } from './model/types.js';
import { needsPlan } from './evaluate/rules.js';
import { locateProblems, readDocumentFile } from './io/yaml-read.js';

/**
 * Reads a document from a PDF (extracting it, the printed marks read with the scheme it was
 * printed under, told from what it prints) or from YAML/JSON, with the scheme it was printed under
 * and the one it is graded by (--scheme, else the printed one). The I/O edge of every command.
 */
export async function loadDocument(file: string, config: Config): Promise<LoadedDocument> {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw failure(file, 'file-missing', t('ファイルがありません', 'no such file'), { hint: t('パスを確かめます', 'check the path') });
  }
  if (!stat.isFile())
    throw failure(file, 'file-missing', t('ファイルではありません', 'not a file'), {
      hint: t('.pdf・.yaml・.json のファイルを指定します', 'give a .pdf, .yaml or .json file'),
    });
  const isPdf = /\.pdf$/i.test(file) || startsWithPdfMagic(file);
  if (isPdf) {
    const { extractPdfFile } = await import('./extract/extract.js');
    const preferred = schemeFor(config, null, file);
    const extraction = await extractPdfFile(file, { known: config.knownSchemes, given: config.printedScheme, preferred }, config.roles);
    const { messages, pages, scheme: printedScheme } = extraction;
    let { document } = extraction;
    // Printed under another scheme than the default: the document says which, and is graded by it
    // unless --scheme says otherwise.
    if (document.kind === 'kpi-progress' && printedScheme !== config.defaultScheme) document = withScheme(document, schemeNameFor(config, printedScheme));
    const scheme = config.scheme ?? printedScheme;
    return { file, document, scheme, printedScheme, messages: [...messages, ...planMissing(document, scheme, file)], fromPdf: true, pages };
  }
  const { document, messages } = readDocumentFile(file);
  const scheme = schemeFor(config, document, file);
  const printedScheme = printedSchemeFor(config, document, file);
  // A document that names its scheme prints that scheme's grades (under --scheme it need not).
  if (document.kind === 'kpi-progress' && document.scheme && !config.scheme) checkGrades(document, scheme, file);
  return { file, document, scheme, printedScheme, messages: [...messages, ...planMissing(document, scheme, file)], fromPdf: false };
}

/** A document graded by a scheme that pro-rates targets by the plan's years, without its plan: said, with the key to add. */
function planMissing(document: TasseiDocument, scheme: Scheme, file: string): Message[] {
  if (document.kind !== 'kpi-progress' || document.plan || !needsPlan(scheme)) return [];
  return [
    warningMessage(
      file,
      'scheme-plan',
      t(
        `評価基準 ${scheme.id} は目標値を計画期間の年数で按分して判定するため、計画期間がないと状況を計算できません。印刷された状況はそのまま使い（照合しません）、印刷されていない状況は空欄です`,
        `the scheme ${scheme.id} pro-rates targets by the years of the plan, so without the plan period no status can be computed: printed statuses are kept (not checked), the others left blank`,
      ),
      {
        hint: t(
          `文書の fiscalYear の下に plan: { start: ${document.fiscalYear - 2}, end: ${document.fiscalYear + 2} } のように計画期間（年度）を書きます`,
          `add the plan period (fiscal years) under fiscalYear, e.g. plan: { start: ${document.fiscalYear - 2}, end: ${document.fiscalYear + 2} }`,
        ),
      },
    ),
  ];
}

function checkGrades(document: KpiDocument, scheme: Scheme, file: string): void {
  const unknown = unknownGrades(document, scheme);
  if (unknown.length === 0) return;
  const grades = scheme.grades.map((g) => `${g.id} (${g.mark})`).join(', ');
  throw new TasseiError(
    locateProblems(
      readTextFile(file).text,
      file,
      unknown.map(({ path, found }) => ({
        path,
        rule: 'scheme-grade',
        message: t(`「${found}」は評価基準 ${scheme.id} の区分ではありません`, `"${found}" is not a grade of the scheme ${scheme.id}`),
        hint: t(`区分: ${grades}、集計は加えて total`, `grades: ${grades}; summaries also total`),
      })),
    ),
  );
}
