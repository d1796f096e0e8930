import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { eraName } from '../notation/numbers.js';
import type { Indicator, KpiDocument, Measurement } from '../model/types.js';
import { fiscalYearName } from '../notation/numbers.js';
import {
  COMMENTS_META,
  ENTRY_SHEET,
  FIRST_ROW,
  HEADER_ROW,
  HOWTO_SHEET,
  META_SHEET,
  NO_DEPARTMENT,
  SHEET_FORMAT,
  TYPING_EXAMPLES,
  type IndicatorRow,
  type SheetColumn,
  column,
  commentHeadings,
  commentText,
  departmentOf,
  indicatorRows,
  lockedValues,
  sheetColumns,
  shownName,
} from './layout.js';
import { cellText, uniqueFileNames } from './names.js';

/** Where and by when the sheets go back, printed on the heading and on 記入方法 (sheet export --office, --deadline, --contact). */
export interface ReturnAddress {
  /** The office the sheets go back to. */
  office: string;
  /** As the office writes it: 5月31日（金）, 2025-05-31; null where none is set. */
  deadline: string | null;
  /** A person, an extension, an address; null where none is given. */
  contact: string | null;
}

export const DEFAULT_RETURN: ReturnAddress = { office: '企画政策課', deadline: null, contact: null };

/** 「企画政策課へ 5月31日（金）までに返送（問合せ: 内線 123）」 */
function returnLine(to: ReturnAddress): string {
  return `${to.office}へ${to.deadline ? ` ${to.deadline} までに` : ''}返送してください${to.contact ? `（問合せ: ${to.contact}）` : ''}`;
}

/** One workbook to send: for a department, or for all. */
export interface SheetFile {
  /** The department, or null for the workbook of every indicator. */
  department: string | null;
  /** A file name without folder: `kpi-r2-商工観光課.xlsx`. */
  name: string;
  rows: number;
  data: Uint8Array;
}

const FONT = 'BIZ UDPGothic';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * The workbooks of a document: one per department (`byDepartment`), else one for all. `base` is
 * the document's file name without extension.
 */
export async function exportSheets(doc: KpiDocument, base: string, byDepartment: boolean, to: ReturnAddress = DEFAULT_RETURN): Promise<SheetFile[]> {
  const rows = indicatorRows(doc);
  const groups = new Map<string | null, IndicatorRow[]>();
  for (const row of rows) {
    const key = byDepartment ? departmentOf(row.indicator) : null;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const sorted = [...groups].sort(([a], [b]) => departmentOrder(a, b));
  const names = uniqueFileNames(
    base,
    sorted.map(([department]) => department),
    '.xlsx',
  );
  const files: SheetFile[] = [];
  for (const [k, [department, list]] of sorted.entries()) {
    files.push({ department, name: names[k]!, rows: list.length, data: await workbookOf(doc, list, department, to) });
  }
  return files;
}

/** Departments in the order of their names, the indicators without one last. */
function departmentOrder(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === NO_DEPARTMENT) return 1;
  if (b === NO_DEPARTMENT) return -1;
  return (a ?? '').localeCompare(b ?? '', 'ja');
}

async function workbookOf(doc: KpiDocument, rows: readonly IndicatorRow[], department: string | null, to: ReturnAddress): Promise<Uint8Array> {
  const headings = commentHeadings(doc);
  const columns = sheetColumns(headings);
  const book = new ExcelJS.Workbook();
  book.creator = 'tassei';
  // A fixed date: the same document exports to the same workbook content.
  book.created = book.modified = new Date(Date.UTC(doc.fiscalYear + 1, 3, 1));
  const sheet = book.addWorksheet(ENTRY_SHEET, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW, activeCell: `${column('actual').letter}${FIRST_ROW}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, style: { font: { name: FONT, size: 10 } } }));
  writeHeading(sheet, doc, columns, department, rows.length, to);
  rows.forEach((row, i) => writeRow(sheet, FIRST_ROW + i, row, doc.fiscalYear, columns));
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  writeHowTo(book.addWorksheet(HOWTO_SHEET), doc, headings, to);
  writeMeta(book.addWorksheet(META_SHEET, { state: 'veryHidden' }), doc, department, rows, headings);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** 「≪成果と見直し≫」「今後の方針」: the comment headings as the sheet's instructions name them. */
function quoted(headings: readonly string[]): string {
  return headings.map((h) => `「${h}」`).join('');
}

function writeHeading(
  sheet: ExcelJS.Worksheet,
  doc: KpiDocument,
  columns: readonly SheetColumn[],
  department: string | null,
  count: number,
  to: ReturnAddress,
): void {
  const headings = columns.flatMap((c) => (c.comment === undefined ? [] : [c.comment]));
  const last = columns.at(-1)!.letter;
  sheet.mergeCells(`A1:${last}1`);
  sheet.getCell('A1').value = cellText(`${fiscalYearName(doc.fiscalYear)} 目標指標（KPI）実績 記入シート${department === null ? '' : ` ― ${department}`}`);
  sheet.getCell('A1').font = { name: FONT, size: 14, bold: true };
  sheet.mergeCells(`A2:${last}2`);
  sheet.getCell('A2').value =
    `黄色の欄に ${eraName(doc.fiscalYear, 'short')}実績 を記入してください（${count} 指標）。` +
    `数値は ${TYPING_EXAMPLES} のどれでも構いません。データがないときは - を、前の年度の数値のときはその年度（R1 など）を右の欄に記入します。` +
    (headings.length > 0 ? `${quoted(headings)}の欄には、指標ごとに${fiscalYearName(doc.fiscalYear)}の文章を記入します。` : '') +
    `詳しくは「${HOWTO_SHEET}」シートを見てください。${returnLine(to)}。`;
  sheet.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  sheet.getCell('A2').font = { name: FONT, size: 10 };
  // Three lines: the instructions, the typing examples and where to send it; a fourth for the comments.
  sheet.getRow(2).height = headings.length > 0 ? 58 : 44;
  sheet.getCell('A3').value = cellText(doc.title);
  sheet.getCell('A3').font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
  const header = sheet.getRow(HEADER_ROW);
  header.height = 30;
  for (const c of columns) {
    const cell = header.getCell(c.key);
    cell.value = c.heading(doc.fiscalYear, doc.layout?.hierarchy);
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = c.input ? INPUT_FILL : HEADER_FILL;
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

/** The actual as entered so far: its number (the year note goes to its own column), `-`, or blank. */
function actualCell(m: Measurement): ExcelJS.CellValue {
  if (m.value !== null) return m.value;
  return m.text === '' ? null : m.text;
}

function writeRow(sheet: ExcelJS.Worksheet, r: number, row: IndicatorRow, fiscalYear: number, columns: readonly SheetColumn[]): void {
  const i: Indicator = row.indicator;
  const values: Record<string, ExcelJS.CellValue> = {
    ...Object.fromEntries(columns.flatMap((c) => (c.comment === undefined ? [] : [[c.key, commentText(i, c.comment)]]))),
    ...lockedValues(row),
    id: row.id,
    name: shownName(i),
    actual: actualCell(i.actual),
    year: i.actual.year === null || i.actual.year === fiscalYear ? null : eraName(i.actual.year, 'short'),
    note: i.note ?? '',
    department: i.department ?? '',
  };
  const line = sheet.getRow(r);
  const room = columns.some((c) => c.comment !== undefined) ? COMMENT_LINES * LINE_HEIGHT + CELL_PADDING : 0;
  line.height = Math.max(room, rowHeight(columns.map((c) => [String(values[c.key] ?? ''), c.width])));
  for (const c of columns) {
    const cell = line.getCell(c.key);
    const value = values[c.key] ?? null;
    cell.value = typeof value === 'string' ? cellText(value) : value;
    cell.border = BOX;
    cell.alignment = {
      vertical: 'middle',
      wrapText: ['place', 'name', 'note'].includes(c.key) || c.comment !== undefined,
      horizontal: ['baseline', 'previous', 'target', 'actual', 'year'].includes(c.key) ? 'right' : 'left',
    };
    if (c.input) {
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
    }
    if (c.comment !== undefined) cell.dataValidation = commentPrompt(c.comment, fiscalYear);
  }
  const actual = line.getCell('actual');
  actual.numFmt = '#,##0.########;[Red]△#,##0.########';
  // A number or "-" passes silently; text such as △12 or 3580人 gets a warning the person may accept
  // (記入方法 promises it is read), never a stop: import reads and checks it.
  actual.dataValidation = {
    type: 'custom',
    allowBlank: true,
    formulae: [`OR(ISNUMBER(${actual.address}),${actual.address}="-")`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '数値の確認',
    error: `実績は ${TYPING_EXAMPLES} のように入力します。データがないときは - を入力します。この値でよければ「はい」を押します（取り込み時に確認します）。`,
    showInputMessage: true,
    promptTitle: clip(cellText(shownName(i)), 32),
    prompt: clip(cellText(`単位: ${i.unit ?? '-'}　目標: ${i.target?.text ?? '-'}${i.previousActual ? `　前年度: ${i.previousActual.text}` : ''}`), 255),
  };
  const year = line.getCell('year');
  year.dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${recentYears(fiscalYear).join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '年度',
    error: 'R1・H30 のように年度を入力します。実績がその年度の数値なら空欄のままにします。',
  };
}

/** What a comment cell says when selected: what to write, and how to break a line (no stop: any text is taken). */
function commentPrompt(heading: string, fiscalYear: number): ExcelJS.DataValidation {
  return {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [EXCEL_CELL_CHARACTERS],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: clip(cellText(heading), 32),
    prompt: `${fiscalYearName(fiscalYear)}の${heading}を文章で記入します。セルの中の改行は Alt+Enter です。`,
  };
}

/** The most characters an Excel cell holds. */
const EXCEL_CELL_CHARACTERS = 32767;

/** The first `length` UTF-16 units of a text (Excel's limit on a prompt), never half a surrogate pair. */
function clip(text: string, length: number): string {
  const head = text.slice(0, length);
  return /[\ud800-\udbff]$/.test(head) ? head.slice(0, -1) : head;
}

/** Points per line of 10-point text, and the padding of a cell. */
const LINE_HEIGHT = 13.5;
const CELL_PADDING = 4;

/**
 * The height of a row whose cells wrap: the most lines any cell needs in its column's width
 * (Excel and LibreOffice do not grow a row for wrapped text written by a program).
 */
function rowHeight(cells: readonly [text: string, width: number][]): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => Math.ceil(columnUnits(text) / Math.max(1, width))));
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + CELL_PADDING);
}

/**
 * Lines a row with a comment to write has room for at least: a spreadsheet program does not grow
 * a row of a set height as text is typed, and a comment is a few sentences.
 */
const COMMENT_LINES = 3;

/** The tallest row Excel allows (points): a long comment scrolls within it. */
const MAX_ROW_HEIGHT = 409;

/** A full-width character's width in column units (the width of a digit): about 1.5 in a proportional Japanese font. */
const WIDE_UNITS = 1.5;

function columnUnits(text: string): number {
  return Array.from(text).reduce((sum, char) => sum + (stringWidth(char) > 1 ? WIDE_UNITS : 1), 0);
}

/** The fiscal years an actual may be from when it is not this year's: the five before it. */
function recentYears(fiscalYear: number): string[] {
  return Array.from({ length: 5 }, (_, k) => eraName(fiscalYear - 1 - k, 'short'));
}

const HOWTO_WIDTH = 100;

function writeHowTo(sheet: ExcelJS.Worksheet, doc: KpiDocument, headings: readonly string[], to: ReturnAddress): void {
  sheet.getColumn(1).width = HOWTO_WIDTH;
  sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const steps = [
    [`「${ENTRY_SHEET}」シートの黄色の欄だけに記入します。ほかの欄は変更できません（保護されています）。`],
    [
      `「${column('actual').heading(doc.fiscalYear)}」に、${fiscalYearName(doc.fiscalYear)}の実績を数値で記入します。`,
      `   ${TYPING_EXAMPLES} のどれでも読み取ります（△ はマイナス）。単位は書いても書かなくても構いません。`,
    ],
    ['調査がなく数値がないときは - （半角または全角のハイフン）を記入します。空欄のままの指標は「未記入」として扱います。'],
    [`最新の数値が前の年度のもの（例: 5年ごとの調査）のときは、「${column('year').heading(doc.fiscalYear)}」に R1・H30 のように年度を記入します。`],
    ...(headings.length > 0 ? [commentSteps(headings, doc.fiscalYear)] : []),
    ['行や列の追加・削除・並べ替えはしないでください。整理番号で指標を照合します。'],
    [`記入後、ファイル名を変えずに${returnLine(to)}。`],
  ];
  const lines = [
    `${fiscalYearName(doc.fiscalYear)} 目標指標（KPI）実績 記入方法`,
    '',
    ...steps.flatMap(([first, ...rest], k) => [`${k + 1}. ${first}`, ...rest]),
    '',
    '読み取れない値（例: 3,5O0 のように数字に英字が混じったもの、日付になってしまったもの）は、取り込み時にセル番地（H12 など）とともに指摘されます。',
  ];
  lines.forEach((text, k) => {
    const cell = sheet.getCell(k + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: k === 0 ? 13 : 10, bold: k === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(k + 1).height = rowHeight([[text, HOWTO_WIDTH]]) + (k === 0 ? 6 : 0);
  });
}

/** 記入方法's step for the comment columns: what to write, how lines are joined, what an empty cell does. */
function commentSteps(headings: readonly string[], fiscalYear: number): string[] {
  return [
    `${quoted(headings)}の欄に、指標ごとに${fiscalYearName(fiscalYear)}の${headings.join('・')}を文章で記入します（そのまま報告書に印刷されます）。`,
    '   セルの中の改行は Alt+Enter で入れられます。取り込むときは改行をつなげて 1 つの文章にします（印刷では欄の幅で折り返します）。',
    '   空欄のままの欄は取り込みません。記入してあった文章を消して空欄にすると、その文章は文書からも消えます。',
  ];
}

function writeMeta(sheet: ExcelJS.Worksheet, doc: KpiDocument, department: string | null, rows: readonly IndicatorRow[], headings: readonly string[]): void {
  sheet.addRows([
    ['format', SHEET_FORMAT],
    ['kind', doc.kind],
    ['fiscalYear', doc.fiscalYear],
    ['title', cellText(doc.title)],
    ['department', cellText(department ?? '')],
    // The rows sent: import names any deleted from the sheet.
    ['ids', rows.map((r) => r.id).join(',')],
    // The comment columns, by heading: import finds them (a sheet without the row has none).
    ...(headings.length > 0 ? [[COMMENTS_META, cellText(JSON.stringify(headings))]] : []),
  ]);
}
