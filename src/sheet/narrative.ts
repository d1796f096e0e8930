import ExcelJS from 'exceljs';
import type { Document } from 'yaml';
import { t } from '../model/i18n.js';
import { errorMessage } from '../model/messages.js';
import type { Message, NarrativeDocument } from '../model/types.js';
import { fiscalYearName } from '../notation/numbers.js';
import { yamlLibrary } from '../io/yaml-place.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { checkWorkbook } from './container.js';
import { cellText, sameCellText } from './names.js';
import { cellLines, textOf } from './cells.js';

/**
 * The narrative's entry sheet (取組記入): one row per 基本方針, its 主な取組内容／実績 and
 * 今後の方向性 in wide wrapping cells, one bullet a line. The results `next` carried over from
 * last year's plans are shown as a draft to confirm (済 in the 確認 column) or rewrite; either
 * clears `draft` on import.
 */

export const NARRATIVE_SHEET = '取組記入';
const META_SHEET = 'tassei';
const NARRATIVE_FORMAT = 'tassei-narrative/1';
const FIRST_ROW = 4;
const COLUMN = { id: 1, goal: 2, policy: 3, measures: 4, results: 5, plans: 6, confirm: 7 } as const;
const LETTER = (c: number) => String.fromCharCode(64 + c);
const FONT = 'BIZ UDPGothic';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const DRAFT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
/** A bullet's mark as people type it at the start of a line. */
const BULLET = /^[○◯・•●\-－]\s*/u;

/** The workbook of a narrative document. */
export async function exportNarrative(doc: NarrativeDocument): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tassei';
  book.created = book.modified = new Date(Date.UTC(doc.fiscalYear + 1, 3, 1));
  const sheet = book.addWorksheet(NARRATIVE_SHEET, { views: [{ state: 'frozen', ySplit: FIRST_ROW - 1 }] });
  sheet.columns = [10, 24, 28, 24, 60, 60, 8].map((width) => ({ width, style: { font: { name: FONT, size: 10 } } }));
  sheet.getCell('A1').value = cellText(`${fiscalYearName(doc.fiscalYear)} 主な取組内容／実績 記入シート`);
  sheet.getCell('A1').font = { name: FONT, size: 14, bold: true };
  sheet.getCell('A2').value =
    '黄色の欄に記入します（1 行に 1 項目）。橙色の欄は前年度の「今後の方向性」を写した案です: そのままでよければ確認欄に 済 を、違えば書き直してください。';
  const headings = [
    '整理番号',
    '基本目標',
    '基本方針',
    '施策',
    `${fiscalYearName(doc.fiscalYear)} 主な取組内容／実績`,
    `${fiscalYearName(doc.nextYear)} 主な取組／今後の方向性`,
    '確認',
  ];
  headings.forEach((h, k) => {
    const cell = sheet.getRow(FIRST_ROW - 1).getCell(k + 1);
    cell.value = h;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  let r = FIRST_ROW;
  for (const goal of doc.goals) {
    for (const policy of goal.policies) {
      const line = sheet.getRow(r++);
      const values: [number, string][] = [
        [COLUMN.id, `${goal.no}-${policy.no}`],
        [COLUMN.goal, `${goal.no} ${goal.title}`],
        [COLUMN.policy, `${policy.no} ${policy.title}`],
        [COLUMN.measures, policy.measures.join('\n')],
        [COLUMN.results, policy.results.join('\n')],
        [COLUMN.plans, policy.plans.join('\n')],
      ];
      for (const [c, text] of values) {
        const cell = line.getCell(c);
        cell.value = cellText(text);
        cell.alignment = { wrapText: true, vertical: 'top' };
      }
      for (const c of [COLUMN.results, COLUMN.plans, COLUMN.confirm]) {
        const cell = line.getCell(c);
        cell.protection = { locked: false };
        cell.fill = c === COLUMN.results && policy.draft ? DRAFT_FILL : INPUT_FILL;
      }
      const lines = Math.max(1, ...[policy.results, policy.plans].map((list) => list.reduce((n, text) => n + Math.ceil(Array.from(text).length / 28), 0)));
      line.height = Math.min(409, lines * 13.5 + 4);
    }
  }
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  book.addWorksheet(META_SHEET, { state: 'veryHidden' }).addRows([
    ['format', NARRATIVE_FORMAT],
    ['fiscalYear', doc.fiscalYear],
  ]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** What a row of the sheet says of a policy. */
export interface NarrativeAnswer {
  path: (string | number)[];
  results: string[];
  plans: string[];
  /** The draft was confirmed or rewritten: `draft` goes. */
  clearDraft: boolean;
  file: string;
  cell: string;
}

function bullets(value: ExcelJS.CellValue): string[] {
  return cellLines(value)
    .map((line) => line.replace(BULLET, '').trim())
    .filter((line) => line !== '');
}

/** The answers of a narrative workbook; errors where it is not this document's. */
export async function readNarrative(data: Buffer, file: string, doc: NarrativeDocument): Promise<{ answers: NarrativeAnswer[]; messages: Message[] }> {
  const container = checkWorkbook(data, file);
  if (container.length > 0) return { answers: [], messages: container };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    return {
      answers: [],
      messages: [
        errorMessage(
          file,
          'sheet-unreadable',
          t(`.xlsx として読めません (${(error as Error).message})`, `not readable as .xlsx (${(error as Error).message})`),
        ),
      ],
    };
  }
  const meta = new Map<string, string>();
  book.getWorksheet(META_SHEET)?.eachRow((row) => meta.set(textOf(row.getCell(1).value), textOf(row.getCell(2).value)));
  const sheet = book.getWorksheet(NARRATIVE_SHEET);
  if (!sheet || meta.get('format') !== NARRATIVE_FORMAT || Number(meta.get('fiscalYear')) !== doc.fiscalYear) {
    return {
      answers: [],
      messages: [
        errorMessage(
          file,
          'sheet-format',
          t(
            `この文書（${doc.fiscalYear} 年度の達成状況）の「${NARRATIVE_SHEET}」シートではありません`,
            `not the "${NARRATIVE_SHEET}" sheet of this document (the narrative of ${doc.fiscalYear})`,
          ),
          { hint: t('この文書から tassei sheet export で書き出したシートを取り込みます', 'import the sheet tassei sheet export wrote from this document') },
        ),
      ],
    };
  }
  const answers: NarrativeAnswer[] = [];
  const messages: Message[] = [];
  const policies = new Map<string, { policy: NarrativeDocument['goals'][number]['policies'][number]; path: (string | number)[] }>(
    doc.goals.flatMap((g, gi) =>
      g.policies.map(
        (p, pi) => [`${g.no}-${p.no}`, { policy: p, path: ['goals', gi, 'policies', pi] }] as [string, { policy: typeof p; path: (string | number)[] }],
      ),
    ),
  );
  for (let r = FIRST_ROW; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const id = textOf(line.getCell(COLUMN.id).value).trim();
    if (id === '') continue;
    const found = policies.get(id);
    if (!found || !sameCellText(textOf(line.getCell(COLUMN.policy).value), `${found.policy.no} ${found.policy.title}`)) {
      messages.push(
        errorMessage(file, 'sheet-cell', t(`整理番号 ${id} の基本方針が文書と合いません`, `the policy numbered ${id} does not match the document`), {
          sheet: NARRATIVE_SHEET,
          cell: `${LETTER(COLUMN.id)}${r}`,
          hint: t('行を並べ替えず、書き出し直したシートを使います', 'keep the rows as exported, or export again'),
        }),
      );
      continue;
    }
    const results = bullets(line.getCell(COLUMN.results).value);
    const plans = bullets(line.getCell(COLUMN.plans).value);
    const confirmed = textOf(line.getCell(COLUMN.confirm).value).trim() !== '';
    const rewritten = results.join('\n') !== found.policy.results.join('\n');
    answers.push({
      path: found.path,
      results,
      plans,
      clearDraft: found.policy.draft === true && (confirmed || rewritten),
      file,
      cell: `${LETTER(COLUMN.results)}${r}`,
    });
  }
  return { answers, messages };
}

/** The narrative's YAML with the answers written in place; `changed` counts the policies that changed. */
export function mergeNarrative(source: string, file: string, doc: NarrativeDocument, answers: readonly NarrativeAnswer[]): { text: string; changed: number } {
  const yamlDoc: Document = yamlLibrary().parseDocument(source);
  let changed = 0;
  for (const a of answers) {
    const policy = doc.goals[a.path[1] as number]!.policies[a.path[3] as number]!;
    const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, k) => v === y[k]);
    if (same(policy.results, a.results) && same(policy.plans, a.plans) && !(a.clearDraft && policy.draft)) continue;
    changed++;
    if (!same(policy.results, a.results)) yamlDoc.setIn([...a.path, 'results'], yamlDoc.createNode(a.results));
    if (!same(policy.plans, a.plans)) yamlDoc.setIn([...a.path, 'plans'], yamlDoc.createNode(a.plans));
    if (a.clearDraft) yamlDoc.deleteIn([...a.path, 'draft']);
  }
  if (changed === 0) return { text: source, changed };
  const merged = yamlDoc.toString({ lineWidth: 0 });
  parseDocumentText(merged, file);
  return { text: merged, changed };
}
