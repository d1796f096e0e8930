import ExcelJS from 'exceljs';
import { eraName } from '../notation/numbers.js';
import { placeName } from '../diff/format.js';
import { rowNotes } from '../diff/trend-format.js';
import type { Trend, TrendCell } from '../diff/trend.js';

/**
 * The 経年表 as an Excel workbook: one row per indicator, each year two columns (実績 as a number
 * in its printed notation's format, and the status mark), ready to print on A4 landscape, one
 * page wide, the two heading rows repeated on every page.
 */

const SHEET_NAME = '経年表';
/** Columns before the years: 区分, 目標指標, 単位, 現状 a. */
const LEAD = ['区分', '目標指標', '単位', '現状 a'] as const;
const LEAD_WIDTHS = [26, 34, 8, 12];
const YEAR_WIDTHS = [11, 8];
const TAIL_WIDTHS = [12, 40];
const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** The number format that prints a value as its text did: its decimals and thousands separators. */
export function numberFormatOf(text: string): string {
  const decimals = /[.．]([0-9０-９]+)/.exec(text)?.[1]?.length ?? 0;
  const grouped = /[,，]/.test(text) ? '#,##0' : '0';
  return decimals > 0 ? `${grouped}.${'0'.repeat(decimals)}` : grouped;
}

/** A year's actual: the number where there is one (in its printed format), else its text (-, 未記入). */
function actualCell(cell: ExcelJS.Cell, year: TrendCell | null): void {
  if (!year) return;
  if (year.blank) cell.value = '未記入';
  else if (year.value !== null && year.actual.trim() !== '') {
    cell.value = year.value;
    cell.numFmt = numberFormatOf(year.actual);
  } else cell.value = year.actual;
}

export async function trendWorkbook(trend: Trend): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tassei';
  const sheet = book.addWorksheet(SHEET_NAME, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
    views: [{ state: 'frozen', xSplit: LEAD.length, ySplit: 2 }],
  });
  const tailStart = LEAD.length + 2 * trend.years.length + 1;
  const top = sheet.getRow(1);
  const sub = sheet.getRow(2);
  LEAD.forEach((heading, i) => {
    top.getCell(i + 1).value = heading;
    sheet.mergeCells(1, i + 1, 2, i + 1);
  });
  trend.years.forEach((year, k) => {
    const column = LEAD.length + 2 * k + 1;
    top.getCell(column).value = `${eraName(year, 'short')}（${year}年度）`;
    sheet.mergeCells(1, column, 1, column + 1);
    sub.getCell(column).value = '実績';
    sub.getCell(column + 1).value = '状況';
  });
  ['目標 c', '備考'].forEach((heading, i) => {
    top.getCell(tailStart + i).value = heading;
    sheet.mergeCells(1, tailStart + i, 2, tailStart + i);
  });
  [...LEAD_WIDTHS, ...trend.years.flatMap(() => YEAR_WIDTHS), ...TAIL_WIDTHS].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const row of [top, sub])
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { bold: true };
      c.fill = HEADING_FILL;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = THIN;
    });
  trend.rows.forEach((r, k) => {
    const row = sheet.getRow(3 + k);
    row.getCell(1).value = placeName(r.place, true);
    row.getCell(2).value = r.name + (r.method === 'ratio' ? '※' : '');
    row.getCell(3).value = r.unit ?? '-';
    row.getCell(4).value = r.baseline;
    r.years.forEach((year, y) => {
      const column = LEAD.length + 2 * y + 1;
      actualCell(row.getCell(column), year);
      row.getCell(column + 1).value = year?.mark ?? '';
      row.getCell(column + 1).alignment = { horizontal: 'center' };
    });
    row.getCell(tailStart).value = r.target;
    row.getCell(tailStart + 1).value = rowNotes(r, trend).join('\n');
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = THIN;
      c.alignment = { ...c.alignment, vertical: 'top', wrapText: true };
    });
    for (const column of [4, tailStart]) row.getCell(column).alignment = { horizontal: 'right', vertical: 'top' };
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}
