import type ExcelJS from 'exceljs';
import { joinWrapped } from '../extract/layout.js';

/**
 * What a cell of a filled-in sheet says, as text: the entry sheet's and the narrative's alike,
 * whatever the spreadsheet program stored (a formula's last value, rich text, a link).
 */

/** A formula's result, a rich text's plain text; other values as they are. */
export function resultOf(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return (value.result ?? null) as ExcelJS.CellValue;
    if ('richText' in value) return value.richText.map((p) => p.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return typeof value === 'string' ? value.trim() : value;
}

export function isEmpty(value: ExcelJS.CellValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function textOf(value: ExcelJS.CellValue): string {
  const plain = resultOf(value);
  return plain === null || plain === undefined ? '' : plain instanceof Date ? plain.toISOString().slice(0, 10) : String(plain);
}

/** The lines of a cell (Alt+Enter breaks them), each trimmed, blank ones left out. */
export function cellLines(value: ExcelJS.CellValue): string[] {
  return textOf(value)
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * A cell of prose as one text, as the model holds a comment read from a PDF: its lines joined as
 * the extractor joins a wrapped cell (no space between Japanese, one between Latin words), so a
 * line broken with Alt+Enter reads as the printed comment would.
 */
export function proseOf(value: ExcelJS.CellValue): string {
  return joinWrapped(cellLines(value));
}
