import { t, type Text } from '../model/i18n.js';
import { type MessageDetail, errorMessage } from '../model/messages.js';
import type { RuleId } from '../model/rule-ids.js';
import type { Message } from '../model/types.js';
import { ZipError, entryData, zipEntries, type ZipEntry } from './zip.js';

/**
 * What a file sent back as a filled-in sheet is, checked before exceljs reads it: an .xlsx of
 * sensible size (a zip bomb is refused before anything is inflated whole), or something else
 * named for what it is (.xls, .ods, an encrypted workbook, a PDF) with how to save it as .xlsx.
 */

/**
 * Limits no entry sheet reaches: a workbook of 5,000 indicators is under 1 MB, its sheet XML
 * about 3 MB inflated and 5,010 rows.
 */
export const WORKBOOK_LIMITS = {
  fileBytes: 32 * 1024 * 1024,
  entries: 1_000,
  entryBytes: 16 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  rows: 20_000,
  sharedStrings: 200_000,
} as const;

const MB = 1024 * 1024;
const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\u0005\u0006', 'latin1');
/** The compound file of Excel 97-2003 (.xls), and of an .xlsx encrypted with a password. */
const COMPOUND_FILE_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const OPEN_DOCUMENT = /^application\/vnd\.oasis\.opendocument\.(\w+)/;
/** A number cell's cached value as the file format writes it. */
const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** What is wrong with a workbook, before it is said of a file. */
type Problem = MessageDetail & { rule: RuleId; message: Text };

const SAVE_AS_XLSX = () =>
  t(
    'Excel で開いて［名前を付けて保存］→ ファイルの種類「Excel ブック (*.xlsx)」で保存し直したものを取り込みます',
    'open it in Excel and save it again with Save As → "Excel Workbook (*.xlsx)", then import that',
  );

/** The problems of a workbook's container; none where exceljs may read it. */
export function checkWorkbook(data: Buffer, file: string): Message[] {
  const problem = containerProblem(data);
  return problem ? [problemOf(file, problem)] : [];
}

function problemOf(file: string, { rule, message, ...detail }: Problem): Message {
  return errorMessage(file, rule, message, detail);
}

/** A file too large to be a filled-in sheet is refused before it is read. */
export function tooLarge(bytes: number, file: string): Message | null {
  const problem = largeFile(bytes);
  return problem && problemOf(file, problem);
}

function largeFile(bytes: number): Problem | null {
  if (bytes <= WORKBOOK_LIMITS.fileBytes) return null;
  return {
    rule: 'sheet-too-large',
    message: t(
      `${(bytes / MB).toFixed(0)} MB あり、記入シートとしては大きすぎます（上限 ${WORKBOOK_LIMITS.fileBytes / MB} MB）`,
      `${(bytes / MB).toFixed(0)} MB: too large for an entry sheet (at most ${WORKBOOK_LIMITS.fileBytes / MB} MB)`,
    ),
    hint: t('tassei sheet export で書き出したシートに記入したものか確かめます', 'check that it is a sheet that tassei sheet export wrote, filled in'),
  };
}

function containerProblem(data: Buffer): Problem | null {
  const large = largeFile(data.length);
  if (large) return large;
  if (data.subarray(0, 8).equals(COMPOUND_FILE_MAGIC)) return data.includes(ENCRYPTED_PACKAGE) ? encrypted() : legacyExcel();
  if (!data.subarray(0, 4).equals(ZIP_MAGIC) && !data.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) return notAWorkbook(data);
  let entries: ZipEntry[];
  try {
    entries = zipEntries(data);
  } catch (error) {
    return damaged(error);
  }
  if (entries.length > WORKBOOK_LIMITS.entries) {
    return bomb(t(`ファイルが ${entries.length} 個入っています`, `it holds ${entries.length} files`));
  }
  if (entries.some((e) => e.encrypted)) return encrypted();
  try {
    return openDocument(data, entries) ?? contentProblem(data, entries);
  } catch (error) {
    if (error instanceof ZipError) return damaged(error);
    throw error;
  }
}

/** An OpenDocument file (.ods from LibreOffice, or Excel's "Save as ODS") names its kind in a first entry `mimetype`. */
function openDocument(data: Buffer, entries: readonly ZipEntry[]): Problem | null {
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (!mimetype) return null;
  const kind = OPEN_DOCUMENT.exec(entryData(data, mimetype, 256)?.toString('latin1') ?? '')?.[1];
  if (!kind) return null;
  return {
    rule: 'sheet-ods',
    message: t(
      `OpenDocument 形式（${kind === 'spreadsheet' ? '.ods' : kind}）のファイルです。tassei が読むのは .xlsx だけです`,
      `an OpenDocument file (${kind === 'spreadsheet' ? '.ods' : kind}); tassei reads .xlsx only`,
    ),
    hint: t(
      'LibreOffice Calc で開いて［ファイル］→［名前を付けて保存］→ ファイルの種類「Excel 2007-365 (.xlsx)」で保存し直したものを取り込みます',
      'open it in LibreOffice Calc and save it again with File → Save As → "Excel 2007-365 (.xlsx)", then import that',
    ),
  };
}

/** Every entry inflated under the caps, and the sheets' rows and number cells checked. */
function contentProblem(data: Buffer, entries: readonly ZipEntry[]): Problem | null {
  let total = 0;
  const names = sheetNames(data, entries);
  for (const entry of entries) {
    if (entry.size > WORKBOOK_LIMITS.entryBytes) return bomb(entrySize(entry.name, entry.size));
    const inflated = entryData(data, entry, Math.min(WORKBOOK_LIMITS.entryBytes, WORKBOOK_LIMITS.totalBytes - total));
    if (inflated === null) return bomb(entrySize(entry.name, null));
    total += inflated.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const found = sheetProblem(inflated.toString('utf8'), names.get(entry.name) ?? entry.name);
      if (found) return found;
    } else if (entry.name === 'xl/sharedStrings.xml') {
      const count = occurrences(inflated.toString('latin1'), /<si[\s>]/g);
      if (count > WORKBOOK_LIMITS.sharedStrings) return bomb(t(`文字列が ${count} 個あります`, `it holds ${count} strings`));
    }
  }
  return null;
}

/** The rows of a sheet, counted and numbered within the limit, and each number cell's cached value a number. */
function sheetProblem(xml: string, sheet: string): Problem | null {
  let rows = 0;
  for (const match of xml.matchAll(/<row\b([^>]*)>/g)) {
    rows++;
    if (rows > WORKBOOK_LIMITS.rows || Number(/\br="(\d+)"/.exec(match[1]!)?.[1] ?? 0) > WORKBOOK_LIMITS.rows) {
      return bomb(t(`「${sheet}」シートの行が ${WORKBOOK_LIMITS.rows} を超えます`, `sheet "${sheet}" has more than ${WORKBOOK_LIMITS.rows} rows`));
    }
  }
  for (const match of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = match[1]!;
    if (Number(/\br="[A-Z]+(\d+)"/.exec(attributes)?.[1] ?? 0) > WORKBOOK_LIMITS.rows) {
      return bomb(t(`「${sheet}」シートの行が ${WORKBOOK_LIMITS.rows} を超えます`, `sheet "${sheet}" has more than ${WORKBOOK_LIMITS.rows} rows`));
    }
    const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    const value = /<v>([^<]*)<\/v>/.exec(match[2] ?? '')?.[1];
    if (type !== 'n' || value === undefined || NUMBER.test(value)) continue;
    const cell = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
    return {
      rule: 'sheet-cell',
      sheet,
      ...(cell ? { cell } : {}),
      message: t(`数値のセルに数値でない値 "${value.slice(0, 40)}" が入っています`, `a number cell holds "${value.slice(0, 40)}", which is not a number`),
      hint: t('Excel か LibreOffice でそのセルに数値を入力し直して保存します', 'type the number into the cell again in Excel or LibreOffice and save'),
    };
  }
  return null;
}

/** The sheet names of the workbook by entry (xl/worksheets/sheet1.xml → 実績記入), for messages. */
function sheetNames(data: Buffer, entries: readonly ZipEntry[]): Map<string, string> {
  const text = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry && entry.size <= WORKBOOK_LIMITS.entryBytes ? (entryData(data, entry, WORKBOOK_LIMITS.entryBytes)?.toString('utf8') ?? '') : '';
  };
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const names = new Map<string, string>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const entry = id ? targets.get(id) : undefined;
    if (name && entry) names.set(entry, name);
  }
  return names;
}

function occurrences(text: string, pattern: RegExp): number {
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count;
}

function entrySize(name: string, size: number | null): Text {
  const limit = WORKBOOK_LIMITS.entryBytes / MB;
  return size === null
    ? t(
        `中のファイル ${name} を展開すると大きすぎます（1 ファイル ${limit} MB、合計 ${WORKBOOK_LIMITS.totalBytes / MB} MB まで）`,
        `${name} inflates too large (at most ${limit} MB each, ${WORKBOOK_LIMITS.totalBytes / MB} MB in all)`,
      )
    : t(
        `中のファイル ${name} が展開すると ${(size / MB).toFixed(0)} MB あります（上限 ${limit} MB）`,
        `${name} inflates to ${(size / MB).toFixed(0)} MB (at most ${limit} MB)`,
      );
}

function bomb(what: Text): Problem {
  return {
    rule: 'sheet-too-large',
    message: t(`記入シートとしては大きすぎるため読みません: ${what.ja}`, `too large for an entry sheet, not read: ${what.en}`),
    hint: t(
      'tassei sheet export で書き出したシートに記入したものか確かめます（画像や大量の行を貼り付けていないか）',
      'check that it is a sheet that tassei sheet export wrote, filled in (no pictures or masses of rows pasted)',
    ),
  };
}

function legacyExcel(): Problem {
  return {
    rule: 'sheet-xls',
    message: t('Excel 97-2003 形式（.xls）のファイルです。tassei が読むのは .xlsx だけです', 'an Excel 97-2003 file (.xls); tassei reads .xlsx only'),
    hint: SAVE_AS_XLSX(),
  };
}

function encrypted(): Problem {
  return {
    rule: 'sheet-encrypted',
    message: t('パスワードで保護（暗号化）されたファイルです', 'the file is encrypted with a password'),
    hint: t(
      'Excel で開いて［ファイル］→［情報］→［ブックの保護］→［パスワードを使用して暗号化］でパスワードを消して保存し直します',
      'open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password) and save it again',
    ),
  };
}

function notAWorkbook(data: Buffer): Problem {
  const what = data.subarray(0, 1024).includes('%PDF-') ? t('PDF です', 'it is a PDF') : t('zip 形式でありません', 'it is not a zip file');
  return {
    rule: 'sheet-unreadable',
    message: t(`.xlsx（Excel ブック）ではありません（${what.ja}）`, `not an .xlsx workbook (${what.en})`),
    hint: t(
      'tassei sheet export で書き出したファイルを Excel か LibreOffice で .xlsx のまま保存します',
      'save the file that tassei sheet export wrote as .xlsx in Excel or LibreOffice',
    ),
  };
}

function damaged(error: unknown): Problem {
  return {
    rule: 'sheet-unreadable',
    message: t(`.xlsx が壊れています（${(error as Error).message}）`, `the .xlsx is damaged (${(error as Error).message})`),
    hint: t('送られてきたファイルをもう一度保存し直してもらうか、送り直してもらいます', 'have the file saved or sent again'),
  };
}
