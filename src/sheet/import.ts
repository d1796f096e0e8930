import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { eraName, isTextValue, parseMeasurement, parseYearNote, unusableNumber } from '../notation/numbers.js';
import { both, say, t, type Text } from '../model/i18n.js';
import { errorMessage, messageOf, warningMessage } from '../model/messages.js';
import type { Indicator, KpiDocument, Measurement, Message } from '../model/types.js';
import { inNotation, measurementText, notationOf } from '../io/measurements.js';
import {
  ENTRY_SHEET,
  TYPING_EXAMPLES,
  type LockedKey,
  lockedValues,
  FIRST_ROW,
  HEADER_ROW,
  COMMENTS_META,
  META_SHEET,
  SHEET_FORMAT,
  type IndicatorRow,
  type SheetColumn,
  commentHeadings,
  commentText,
  indicatorRows,
  sheetColumns,
  shownName,
} from './layout.js';
import { sameCellText } from './names.js';
import { isEmpty, proseOf, resultOf, textOf } from './cells.js';
import { checkWorkbook } from './container.js';
import { ACTUAL_DOUBT_RULE } from '../model/checks.js';
import { DOUBT_HINT, actualDoubts } from '../model/plausible.js';

/** An actual read from a sheet, for the indicator at `path`. */
export interface Answer {
  row: IndicatorRow;
  actual: Measurement;
  /** What the 備考 cell says ("" where blank): the indicator's note. */
  note?: string;
  /** Only the note was written (the actual left blank): the actual is the document's own. */
  noteOnly?: boolean;
  /** Where it was read, for messages: `kpi-商工観光課.xlsx`, `H12`. */
  file: string;
  cell: string;
}

/** A comment read from a sheet (評価コメント), for the indicator of `row`: "" where the department emptied the cell. */
export interface CommentAnswer {
  row: IndicatorRow;
  heading: string;
  text: string;
  file: string;
  cell: string;
}

export interface SheetReading {
  answers: Answer[];
  comments: CommentAnswer[];
  /** Errors (nothing may be written while any remains) and warnings. */
  messages: Message[];
}

/** Reads the answers of one workbook against the document it was exported from. */
export async function readSheet(data: Buffer | ArrayBuffer, file: string, doc: KpiDocument): Promise<SheetReading> {
  const messages: Message[] = [];
  const problem = (cell: string | undefined, message: Text, hint?: Text, severity: Message['severity'] = 'error') =>
    messages.push(messageOf(severity, file, 'sheet-cell', message, { sheet: ENTRY_SHEET, ...(cell ? { cell } : {}), ...(hint ? { hint } : {}) }));
  const container = checkWorkbook(Buffer.isBuffer(data) ? data : Buffer.from(data), file);
  if (container.length > 0) return { answers: [], comments: [], messages: container };
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    return {
      answers: [],
      comments: [],
      messages: [
        errorMessage(
          file,
          'sheet-unreadable',
          t(`.xlsx として読めません (${(error as Error).message})`, `not readable as .xlsx (${(error as Error).message})`),
          {
            hint: t(
              'tassei sheet export で書き出したファイルを Excel か LibreOffice で .xlsx のまま保存します',
              'save the file that tassei sheet export wrote as .xlsx in Excel or LibreOffice',
            ),
          },
        ),
      ],
    };
  }
  const meta = metaOf(book);
  const sheet = book.getWorksheet(ENTRY_SHEET);
  if (!sheet || meta.format !== SHEET_FORMAT) {
    return {
      answers: [],
      comments: [],
      messages: [
        errorMessage(
          file,
          'sheet-format',
          t(`「${ENTRY_SHEET}」シートがないか、tassei の記入シートではありません`, `no "${ENTRY_SHEET}" sheet, or not a tassei entry sheet`),
          {
            hint: t('tassei sheet export で書き出したシートに記入して返してもらいます', 'have the sheets that tassei sheet export wrote filled in'),
          },
        ),
      ],
    };
  }
  if (Number(meta.fiscalYear) !== doc.fiscalYear) {
    return {
      answers: [],
      comments: [],
      messages: [
        errorMessage(
          file,
          'sheet-year',
          t(
            `${meta.fiscalYear} 年度のシートです。文書は ${doc.fiscalYear} 年度です`,
            `the sheet is of fiscal year ${meta.fiscalYear}, the document of ${doc.fiscalYear}`,
          ),
          { hint: t('この年度の文書から書き出したシートを取り込みます', "import the sheets exported from this year's document") },
        ),
      ],
    };
  }
  const commentColumns = commentColumnsOf(meta, sheet, doc, file);
  if ('error' in commentColumns) return { answers: [], comments: [], messages: [commentColumns.error] };
  const columns = commentColumns.columns;
  const byId = new Map(indicatorRows(doc).map((r) => [r.id, r]));
  const answers: Answer[] = [];
  const comments: CommentAnswer[] = [];
  const seen = new Set<string>();
  const letter = Object.fromEntries(columns.map((c) => [c.key, c.letter])) as Record<SheetColumn['key'], string>;
  for (let r = FIRST_ROW; r <= sheet.rowCount; r++) {
    const line = sheet.getRow(r);
    const id = textOf(line.getCell(letter.id).value).trim();
    const actualCell = line.getCell(letter.actual);
    const yearCell = line.getCell(letter.year);
    if (id === '') {
      if (!isEmpty(actualCell.value))
        problem(
          actualCell.address,
          t('整理番号のない行に実績が記入されています', 'an actual in a row without 整理番号'),
          t('行を追加せず、書き出された行に記入します', 'fill in the rows as exported, without adding rows'),
        );
      continue;
    }
    seen.add(id);
    const row = byId.get(id);
    if (!row) {
      problem(
        `${letter.id}${r}`,
        t(`整理番号 ${id} の指標は文書にありません`, `no indicator numbered ${id} in the document`),
        t('この文書から書き出したシートか確かめます', 'check that the sheet was exported from this document'),
      );
      continue;
    }
    const name = textOf(line.getCell(letter.name).value).trim();
    if (!sameCellText(name, shownName(row.indicator))) {
      problem(
        `${letter.name}${r}`,
        t(
          `整理番号 ${id} の指標名が文書と違います（シート: ${name}、文書: ${shownName(row.indicator)}）`,
          `the indicator numbered ${id} is named differently (sheet: ${name}, document: ${shownName(row.indicator)})`,
        ),
        t(
          '行が並べ替えられたか、文書が書き出し後に変わりました。書き出し直したシートを使います',
          'rows were moved, or the document changed after export: export the sheets again',
        ),
      );
      continue;
    }
    for (const [key, expected] of Object.entries(lockedValues(row)) as [LockedKey, string][]) {
      const cell = line.getCell(letter[key]);
      if (sameCellText(textOf(cell.value), expected)) continue;
      problem(
        cell.address,
        t(
          `保護された欄が書き換えられています（シート: ${textOf(cell.value) || '空欄'}、文書: ${expected || '空欄'}）。この欄は取り込みません`,
          `a locked cell was changed (sheet: ${textOf(cell.value) || 'blank'}, document: ${expected || 'blank'}); it is not imported`,
        ),
        t('目標や単位を変えるときは、企画政策課が文書（YAML）を直します', 'the planning office changes a target or a unit in the document (YAML) itself'),
        'warning',
      );
    }
    for (let c = columns.length + 1; c <= Math.min(line.cellCount, columns.length + EXTRA_COLUMNS_READ); c++) {
      const cell = line.getCell(c);
      if (isEmpty(resultOf(cell.value))) continue;
      problem(
        cell.address,
        t(
          `表の外の欄に記入があります（${textOf(cell.value).slice(0, 40)}）。この欄は取り込みません`,
          `something typed outside the table (${textOf(cell.value).slice(0, 40)}); it is not imported`,
        ),
        t('注記は企画政策課に別に伝えます', 'send notes to the planning office separately'),
        'warning',
      );
    }
    comments.push(...commentsOfRow(line, row, columns, file));
    const formula = formulaProblem(actualCell.value) ?? formulaProblem(yearCell.value);
    if (formula) {
      problem(actualCell.address, formula.message, formula.hint, formula.severity);
      if (formula.severity === 'error') continue;
    }
    const read = readActual(actualCell.value, yearCell.value, typedUnit(row.indicator), doc.fiscalYear, actualCell.numFmt);
    if ('error' in read) {
      problem(read.at === 'year' ? yearCell.address : actualCell.address, read.error, read.hint);
      continue;
    }
    const note = textOf(line.getCell(letter.note).value).trim();
    if (!read.actual) {
      if (note !== (row.indicator.note ?? '')) answers.push({ row, actual: row.indicator.actual, note, noteOnly: true, file, cell: `${letter.note}${r}` });
      continue;
    }
    // Written as the table writes its figures (▲, 85.0, 96.8万人), not in tassei's notation beside them.
    const notation = read.actual.value === null ? null : notationOf(figuresOf(row.indicator));
    if (notation) read.actual.text = withYearNote(inNotation(read.actual.value!, notation), read.actual.year);
    answers.push({ row, actual: read.actual, note, file, cell: actualCell.address });
    // A changed actual is asked about anew, whatever was confirmed of the one before.
    const confirmed = sameActual(row.indicator.actual, read.actual) ? row.indicator.confirmed : undefined;
    for (const doubt of actualDoubts({ ...row.indicator, actual: read.actual, confirmed }))
      messages.push(
        warningMessage(file, ACTUAL_DOUBT_RULE, both`${id} ${shownName(row.indicator)}: ${read.actual.text}: ${doubt.message}`, {
          sheet: ENTRY_SHEET,
          cell: actualCell.address,
          hint: DOUBT_HINT(),
        }),
      );
  }
  for (const id of (meta.ids ?? '').split(',').filter((x) => x !== '' && !seen.has(x))) {
    const row = byId.get(id);
    problem(
      undefined,
      t(
        `整理番号 ${id}${row ? ` ${shownName(row.indicator)}` : ''} の行がありません（削除されたか、整理番号が消されました）。この指標は取り込まれません`,
        `the row numbered ${id}${row ? ` ${shownName(row.indicator)}` : ''} is missing (deleted, or its number erased); it is not imported`,
      ),
      t('書き出したシートの行を消さずに記入してもらいます', 'have the rows as exported filled in, none deleted'),
      'warning',
    );
  }
  return { answers, comments, messages };
}

/**
 * The columns of the sheet as exported: with a column for each comment heading the meta sheet
 * names (none in a sheet exported before comments could be written, or of a document without
 * them). An error where a heading is not the document's or its column was moved.
 */
function commentColumnsOf(
  meta: Record<string, string>,
  sheet: ExcelJS.Worksheet,
  doc: KpiDocument,
  file: string,
): { columns: SheetColumn[] } | { error: Message } {
  const headings = metaHeadings(meta[COMMENTS_META]);
  const exportAgain = () => t('この文書から書き出し直したシートに記入してもらいます', 'have a sheet exported again from this document filled in');
  if (headings === null)
    return {
      error: errorMessage(file, 'sheet-format', t('シートの記入欄の一覧が読めません', "the sheet's list of columns cannot be read"), { hint: exportAgain() }),
    };
  const known = new Set(commentHeadings(doc));
  const columns = sheetColumns(headings);
  for (const c of columns.filter((c) => c.comment !== undefined)) {
    const cell = sheet.getRow(HEADER_ROW).getCell(c.letter);
    const where = { sheet: ENTRY_SHEET, cell: cell.address, hint: exportAgain() };
    if (!known.has(c.comment!))
      return {
        error: errorMessage(file, 'sheet-format', t(`文書に「${c.comment}」の欄がありません`, `the document has no column "${c.comment}"`), where),
      };
    if (!sameCellText(textOf(cell.value), c.comment!))
      return {
        error: errorMessage(
          file,
          'sheet-format',
          t(
            `「${c.comment}」の列が動かされています（見出し: ${textOf(cell.value) || '空欄'}）`,
            `the column "${c.comment}" was moved (heading: ${textOf(cell.value) || 'blank'})`,
          ),
          where,
        ),
      };
  }
  return { columns };
}

/** The comment headings the meta sheet names: [] where none, null where they cannot be read. */
function metaHeadings(value: string | undefined): string[] | null {
  if (value === undefined || value === '') return [];
  try {
    const list: unknown = JSON.parse(value);
    return Array.isArray(list) && list.every((h) => typeof h === 'string') ? list : null;
  } catch {
    return null;
  }
}

/**
 * The comments typed in a row: each cell's lines joined as the model holds them. A cell left
 * empty where the indicator has no comment is no answer (so that two sheets of one indicator do
 * not disagree over a blank); one emptied where it had one clears it.
 */
function commentsOfRow(line: ExcelJS.Row, row: IndicatorRow, columns: readonly SheetColumn[], file: string): CommentAnswer[] {
  return columns.flatMap((c) => {
    if (c.comment === undefined) return [];
    const cell = line.getCell(c.letter);
    const text = proseOf(cell.value);
    if (text === '' && commentText(row.indicator, c.comment) === '') return [];
    return [{ row, heading: c.comment, text, file, cell: cell.address }];
  });
}

/** Columns right of the table that are looked at for notes typed beside a value. */
const EXTRA_COLUMNS_READ = 16;

/** Functions whose cached value comes from outside the workbook, or changes whenever it is recalculated. */
const VOLATILE = /\b(WEBSERVICE|FILTERXML|RTD|DDE|INDIRECT|NOW|TODAY|RAND|RANDBETWEEN|OFFSET|HYPERLINK|IMPORTDATA)\s*\(/i;

/**
 * A formula in an input cell: what import reads is the value it was last calculated to, which may
 * be stale (an external link, WEBSERVICE(), a workbook saved without recalculating). Warned;
 * refused where no value was saved with it.
 */
function formulaProblem(value: ExcelJS.CellValue): { severity: Message['severity']; message: Text; hint: Text } | null {
  if (!value || typeof value !== 'object' || value instanceof Date || !('formula' in value || 'sharedFormula' in value)) return null;
  const formula = String((value as { formula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '');
  const result = (value as { result?: unknown }).result;
  if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
    return {
      severity: 'error',
      message: t(`数式 =${formula} の計算結果が保存されていないため読めません`, `the formula =${formula} was saved without its value`),
      hint: t('数式ではなく数値を入力します（コピーして「値として貼り付け」）', 'type the number instead (copy, then paste as values)'),
    };
  }
  const outside = /\[[^\]]+\]|'[^']*\.xls[xmb]?'|https?:/i.test(formula) ? t('外部のブックを参照しています。', 'it refers to another workbook. ') : '';
  const volatile = VOLATILE.exec(formula)?.[1];
  return {
    severity: 'warning',
    message: t(
      `数式 =${formula} の、保存時の計算結果 ${String(result)} を取り込みました。${say(outside, 'ja')}${volatile ? `${volatile.toUpperCase()}() の値は開くたびに変わります。` : ''}最新の値か確かめてください`,
      `took the value =${formula} had when saved, ${String(result)}. ${say(outside, 'en')}${volatile ? `${volatile.toUpperCase()}() changes whenever it is recalculated. ` : ''}Check that it is current`,
    ),
    hint: t('数式ではなく数値を入力します（コピーして「値として貼り付け」）', 'type the number instead (copy, then paste as values)'),
  };
}

type ActualReading = { actual: Measurement | null } | { error: Text; hint: Text; at: 'actual' | 'year' };

const ACTUAL_HINT = () =>
  t(`${TYPING_EXAMPLES} のような数値か、データがないときは - を入力します`, `type a number such as ${TYPING_EXAMPLES}, or - where there is no data`);

/** The texts an indicator prints its figures in: baseline, target, last year's actual, its years' cells. */
function figuresOf(indicator: Indicator): string[] {
  return [indicator.baseline, indicator.target, indicator.previousActual, ...(indicator.series ?? [])].flatMap((m) => (m && m.value !== null ? [m.text] : []));
}

/** A figure with its year note (R1) where it is another year's. */
function withYearNote(text: string, year: number | null): string {
  return year === null ? text : `${text}(${eraName(year, 'short')})`;
}

/** What closes a name in brackets: the unit as the table printed it after the name (被害額（千円）, 参加者数(人)). */
const NAME_UNIT = /[（(]([^（）()]{1,8})[）)]\s*$/;

/**
 * The unit a department may type after its figure (3580人): the indicator's, or the one its name
 * ends with in brackets where the table printed no unit column (the unit is then read into the name).
 */
export function typedUnit(indicator: Pick<Indicator, 'unit' | 'name'>): string | null {
  return indicator.unit ?? NAME_UNIT.exec(indicator.name)?.[1]?.trim() ?? null;
}

/**
 * The actual of a row from its two input cells; null where the department left it blank. The
 * year cell holds the year of a value that is not this fiscal year's (R1, H30, 2019).
 */
export function readActual(value: ExcelJS.CellValue, yearValue: ExcelJS.CellValue, unit: string | null, fiscalYear: number, numFmt?: string): ActualReading {
  const year = readYear(yearValue);
  if (year !== null && year !== undefined && !plausibleYear(year, fiscalYear)) return yearOutOfRange(textOf(yearValue), fiscalYear, 'year');
  if (year === undefined) {
    return {
      error: t(`年度 "${textOf(yearValue)}" が読めません`, `the year "${textOf(yearValue)}" cannot be read`),
      hint: t('R1・H30・2019 のように書くか、空欄にします', 'write it as R1, H30 or 2019, or leave it blank'),
      at: 'year',
    };
  }
  const plain = resultOf(value);
  if (isEmpty(plain)) {
    return year === null ? { actual: null } : { error: t('年度だけが記入され、実績が空欄です', 'a year without an actual'), hint: ACTUAL_HINT(), at: 'actual' };
  }
  if (typeof plain === 'number') {
    const unusable = unusableNumber(plain);
    if (unusable) return { error: unusable, hint: ACTUAL_HINT(), at: 'actual' };
    const shown = shownNumber(plain, numFmt);
    const noted = year === fiscalYear ? null : year;
    return { actual: { value: shown, year: noted, text: measurementText(shown, noted) } };
  }
  if (plain instanceof Date) {
    return {
      error: t('日付になっています（Excel が数値を日付に変えることがあります）', 'this is a date (Excel turns some numbers into dates)'),
      hint: t('セルの書式を「標準」か「数値」にしてから数値を入力し直します', "set the cell's format to General or Number and type the number again"),
      at: 'actual',
    };
  }
  if (typeof plain === 'boolean' || typeof plain !== 'string') {
    return { error: t(`"${textOf(plain)}" は実績として読めません`, `"${textOf(plain)}" cannot be read as an actual`), hint: ACTUAL_HINT(), at: 'actual' };
  }
  // A value in words as reports print them (調査中, 設置): kept as typed; the evaluation says it cannot grade it.
  if (isTextValue(plain)) return { actual: { value: null, year: null, text: plain.trim() } };
  const parsed = parseMeasurement(plain, { unit });
  if (!parsed.ok)
    return {
      error: t(`"${plain}" は実績として読めません: ${parsed.reason.ja}`, `"${plain}" cannot be read as an actual: ${parsed.reason.en}`),
      hint: ACTUAL_HINT(),
      at: 'actual',
    };
  const m = parsed.measurement;
  if (m.year !== null && !plausibleYear(m.year, fiscalYear)) return yearOutOfRange(plain, fiscalYear, 'actual');
  if (year !== null && m.year !== null && m.year !== year) {
    return {
      error: t(
        `"${plain}" の年の注記と年度の欄 (${textOf(yearValue)}) が合いません`,
        `the year note of "${plain}" and the year column (${textOf(yearValue)}) disagree`,
      ),
      hint: t('どちらか一方に書きます', 'write the year in one of them'),
      at: 'year',
    };
  }
  // Written in the document's notation whatever was typed (３，５８０, 3580人, 45%, ▲10, －): the
  // report prints the figure, not the keystrokes.
  const noted = m.value === null ? null : (m.year ?? (year === null || year === fiscalYear ? null : year));
  return { actual: { value: m.value, year: noted, text: measurementText(m.value, noted) } };
}

/**
 * An actual is of this fiscal year or of one of the years before it (a survey every few years),
 * or of the next where a school year's figure is taken in spring (as the document checks allow).
 */
const OLDEST_YEAR_BACK = 50;
const OBSERVED_AFTER = 1;

function plausibleYear(year: number, fiscalYear: number): boolean {
  return year <= fiscalYear + OBSERVED_AFTER && year >= fiscalYear - OLDEST_YEAR_BACK;
}

function yearOutOfRange(typed: string, fiscalYear: number, at: 'actual' | 'year'): ActualReading {
  return {
    error: t(
      `"${typed}" の年度は ${eraName(fiscalYear + OBSERVED_AFTER, 'short')}（${fiscalYear + OBSERVED_AFTER}）より後か、${OLDEST_YEAR_BACK} 年より前です`,
      `the year of "${typed}" is after ${eraName(fiscalYear + OBSERVED_AFTER, 'short')} (${fiscalYear + OBSERVED_AFTER}) or more than ${OLDEST_YEAR_BACK} years before`,
    ),
    hint: t(
      `この年度の実績なら空欄に、前の年度の数値なら ${eraName(fiscalYear - 1, 'short')} のようにその年度を書きます`,
      `leave it blank for this year's actual, or write the earlier year such as ${eraName(fiscalYear - 1, 'short')}`,
    ),
    at,
  };
}

/**
 * The number a cell shows under its number format, which is what the person typed and saw: a
 * percent format shows 0.45 as 45 (%), each comma after the last digit placeholder (`#,##0,`)
 * shows thousands. Quoted text, escapes and [colour] parts of the format do not count.
 */
export function shownNumber(value: number, numFmt: string | undefined): number {
  if (!numFmt) return value;
  const section = (numFmt.split(';')[0] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  const percents = (section.match(/%/g) ?? []).length;
  const thousands = /[0#?]([,]+)[^0#?]*$/.exec(section)?.[1]?.length ?? 0;
  const shown = (value * 100 ** percents) / 1000 ** thousands;
  return Number(shown.toPrecision(15));
}

/** The year of the year column: null where blank, undefined where it cannot be read. */
function readYear(value: ExcelJS.CellValue): number | null | undefined {
  const plain = resultOf(value);
  if (isEmpty(plain)) return null;
  if (typeof plain === 'number') return Number.isInteger(plain) && plain >= 1868 && plain <= 2200 ? plain : undefined;
  return parseYearNote(textOf(plain).replace(/^[(（](.*)[)）]$/, '$1')) ?? undefined;
}

function metaOf(book: ExcelJS.Workbook): Record<string, string> {
  const sheet = book.getWorksheet(META_SHEET);
  const meta: Record<string, string> = {};
  sheet?.eachRow((row) => {
    meta[textOf(row.getCell(1).value)] = textOf(row.getCell(2).value);
  });
  return meta;
}

/** Two answers for one indicator that disagree (the same indicator in two departments' sheets). */
export function conflicts(answers: readonly Answer[]): Message[] {
  const first = new Map<string, Answer>();
  const messages: Message[] = [];
  for (const a of answers) {
    if (a.noteOnly) continue;
    const earlier = first.get(a.row.id);
    if (!earlier) {
      first.set(a.row.id, a);
      continue;
    }
    if (earlier.actual.value !== a.actual.value || earlier.actual.year !== a.actual.year) {
      messages.push(
        conflictMessage(
          a,
          t(
            `${shownName(a.row.indicator)}: ${basename(earlier.file)} の ${earlier.cell} (${earlier.actual.text}) と違う実績 (${a.actual.text}) です`,
            `${shownName(a.row.indicator)}: an actual (${a.actual.text}) other than ${earlier.cell} of ${basename(earlier.file)} (${earlier.actual.text})`,
          ),
        ),
      );
    }
  }
  return messages;
}

/** How much of a comment a conflict quotes. */
const QUOTED = 20;

/** Two sheets giving one indicator's comment under a heading differently. */
export function commentConflicts(comments: readonly CommentAnswer[]): Message[] {
  const first = new Map<string, CommentAnswer>();
  const messages: Message[] = [];
  const quote = (text: string) =>
    text === '' ? t('空欄', 'blank') : `「${Array.from(text).slice(0, QUOTED).join('')}${Array.from(text).length > QUOTED ? '…' : ''}」`;
  for (const c of comments) {
    const key = `${c.row.id}\u0000${c.heading}`;
    const earlier = first.get(key);
    if (!earlier) first.set(key, c);
    else if (earlier.text !== c.text)
      messages.push(
        conflictMessage(
          c,
          t(
            `${shownName(c.row.indicator)}: ${basename(earlier.file)} の ${earlier.cell} (${say(quote(earlier.text), 'ja')}) と違う${c.heading} (${say(quote(c.text), 'ja')}) です`,
            `${shownName(c.row.indicator)}: a ${c.heading} (${say(quote(c.text), 'en')}) other than ${earlier.cell} of ${basename(earlier.file)} (${say(quote(earlier.text), 'en')})`,
          ),
        ),
      );
  }
  return messages;
}

/** A conflict, at the cell of the later of the two sheets. */
function conflictMessage(at: { file: string; cell: string }, message: Text): Message {
  return errorMessage(at.file, 'sheet-conflict', message, {
    sheet: ENTRY_SHEET,
    cell: at.cell,
    hint: t('どちらが正しいか担当課に確かめ、一方を直します', 'ask the departments which is right, and correct the other'),
  });
}

/** Whether an answer says what the document already holds (so a second import changes nothing). */
export function sameActual(a: Measurement, b: Measurement): boolean {
  return a.value === b.value && a.year === b.year && (a.value !== null || a.text.trim() === b.text.trim());
}
