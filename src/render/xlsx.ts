import ExcelJS from 'exceljs';
import { toNumber } from '../notation/decimal.js';
import { parsePrintedNumber, parseProgress } from '../notation/numbers.js';
import { numberFormatOf } from './trend-xlsx.js';
import type { DiffCell, DiffRowView, DiffView } from './diff-view.js';
import { type KpiView, strategyNotes } from './kpi-view.js';
import type { RenderOptions } from './page-view.js';

/**
 * The KPI report as an Excel workbook, for checking figures: one row per indicator with its
 * place (重点戦略 › 戦略方針 › 施策 by number, the 施策's name), its values as numbers in their printed formats, the progress
 * as a percentage, the status mark in its grade's colour and the report's notes on it; a sheet
 * of the summary counts and one of every note. Printed landscape on the report's paper, one
 * page wide, the heading row on every page.
 */

const INDICATOR_SHEET = 'KPI進捗状況';
const SUMMARY_SHEET = '集計';
const NOTES_SHEET = '注記';

/**
 * The place (重点戦略・戦略方針・施策 by number, and the 施策's name), then the indicator's columns;
 * the actuals' heading follows the fiscal year. `wrap`: long text, wrapped in its width.
 */
const COLUMNS = (actualHeading: string) =>
  [
    { heading: '重点戦略', width: 6, wrap: false },
    { heading: '戦略方針', width: 8, wrap: false },
    { heading: '施策', width: 5, wrap: false },
    { heading: '施策名', width: 28, wrap: true },
    { heading: '目標指標', width: 36, wrap: true },
    { heading: '※', width: 4, wrap: false },
    { heading: '単位', width: 8, wrap: false },
    { heading: '現状値 a', width: 11, wrap: false },
    { heading: actualHeading, width: 11, wrap: false },
    { heading: '目標値 c', width: 11, wrap: false },
    { heading: '進捗率', width: 9, wrap: false },
    { heading: '状況', width: 6, wrap: false },
    { heading: '注記', width: 44, wrap: true },
  ] as const;

/** The height of a line of text in points, for rows whose wrapped text needs several. */
const LINE_HEIGHT = 15;

/** The width of text in Excel's column units: a full-width character takes two. */
function textUnits(text: string): number {
  let units = 0;
  for (const character of text) units += character.codePointAt(0)! > 0xff ? 2 : 1;
  return units;
}

/** The lines a text needs in a column `width` units wide (Excel sets no height on its own for a workbook it did not lay out). */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / width)), 0);
}

/** A strategy's goal indicators stand in the 戦略方針 column as this. */
const GOAL_PLACE = '基本目標';
/** A cell tassei printed differently from the source is shaded, as in the PDF. */
const CORRECTED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
/** Excel's paper sizes (OOXML ST_PaperSize). */
const PAPER_SIZES: Record<RenderOptions['paper'], number> = { A4: 9, A3: 8 };
/** The page number in Excel's footer codes (&P the page, &N the pages), in the style the view's PDF prints. */
function footerOf(pageNumberFormat: string): string {
  return pageNumberFormat === '' ? '' : `&C${pageNumberFormat.replaceAll('{pages}', '&N').replaceAll('{page}', '&P')}`;
}
/** The workbook's dates are fixed, so that the same document gives the same workbook. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** A printed value as a number in its printed format (`1,204`, `△5.3`); text where it is none (`-`, blank). */
function valueCell(cell: ExcelJS.Cell, text: string): void {
  const number = text.trim() === '' ? null : parsePrintedNumber(text);
  if (number === null) {
    cell.value = text;
    cell.alignment = { horizontal: 'center' };
    return;
  }
  cell.value = toNumber(number);
  cell.numFmt = numberFormatOf(text);
}

function progressCell(cell: ExcelJS.Cell, text: string): void {
  const percent = parseProgress(text.replace(/[%％]$/, ''));
  if (percent === null || percent === undefined) {
    cell.value = text;
    cell.alignment = { horizontal: 'center' };
    return;
  }
  cell.value = percent / 100;
  cell.numFmt = `0.${'0'.repeat(/\.(\d+)/.exec(text)?.[1]?.length ?? 1)}%`;
}

function headingRow(sheet: ExcelJS.Worksheet, headings: readonly string[]): void {
  const row = sheet.addRow([...headings]);
  row.font = { bold: true };
  row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  row.height = 2 * LINE_HEIGHT;
  row.eachCell((cell) => {
    cell.fill = HEADING_FILL;
    cell.border = THIN;
  });
}

function pageSetup(sheet: ExcelJS.Worksheet, options: RenderOptions, pageNumberFormat: string): void {
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: PAPER_SIZES[options.paper],
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: footerOf(pageNumberFormat) };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function indicatorSheet(book: ExcelJS.Workbook, view: KpiView, options: RenderOptions): void {
  const sheet = book.addWorksheet(INDICATOR_SHEET);
  const columns = COLUMNS(view.actualHeading);
  sheet.columns = columns.map((c) => ({ width: c.width }));
  headingRow(
    sheet,
    columns.map((c) => c.heading),
  );
  for (const strategy of view.strategies) {
    let policy: number | string = '';
    let measure: number | string = '';
    let measureTitle = '';
    for (const row of strategy.rows) {
      if (row.kind === 'policy') [policy, measure, measureTitle] = [row.no, '', ''];
      if (row.kind === 'measure') [measure, measureTitle] = [row.no, row.title];
      const indicator = row.kind === 'strategy' || row.kind === 'goal' || row.kind === 'indicator' ? row.indicator : null;
      if (!indicator) continue;
      const goal = row.kind !== 'indicator';
      const cells = sheet.addRow([
        strategy.no,
        goal ? GOAL_PLACE : policy,
        goal ? '' : measure,
        goal ? strategy.title : measureTitle,
        indicator.name,
        indicator.ratio ? '※' : '',
        indicator.unit,
      ]);
      valueCell(cells.getCell(8), indicator.baseline);
      valueCell(cells.getCell(9), indicator.actual);
      valueCell(cells.getCell(10), indicator.target);
      progressCell(cells.getCell(11), indicator.progress);
      const status = cells.getCell(12);
      status.value = indicator.status;
      status.font = { color: { argb: `FF${indicator.colour.replace('#', '').toUpperCase()}` }, bold: indicator.best };
      status.alignment = { horizontal: 'center' };
      if (indicator.progressCorrected) cells.getCell(11).fill = CORRECTED_FILL;
      if (indicator.statusCorrected) status.fill = CORRECTED_FILL;
      cells.getCell(13).value = indicator.corrections.join('\n');
      cells.eachCell({ includeEmpty: true }, (cell, column) => {
        cell.border = THIN;
        cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: columns[column - 1]!.wrap };
      });
      const lines = Math.max(...columns.map((c, i) => (c.wrap ? linesIn(String(cells.getCell(i + 1).value ?? ''), c.width) : 1)));
      if (lines > 1) cells.height = lines * LINE_HEIGHT;
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  pageSetup(sheet, options, view.pageNumberFormat);
}

function summarySheet(book: ExcelJS.Workbook, view: KpiView, options: RenderOptions): void {
  const sheet = book.addWorksheet(SUMMARY_SHEET);
  sheet.columns = [{ width: 8 }, { width: 50 }, ...view.summaryLayout.headings.map(() => ({ width: 8 }))];
  headingRow(sheet, ['重点戦略', '区分', ...view.summaryLayout.headings]);
  for (const strategy of view.strategies) {
    for (const summary of strategy.summary) {
      const label = summary.kind === 'total' ? `${strategy.title}（合計）` : summary.label;
      const row = sheet.addRow([strategy.no, label, ...summary.cells.map((c) => c.value)]);
      summary.cells.forEach((c, i) => {
        if (c.corrected) row.getCell(3 + i).fill = CORRECTED_FILL;
      });
      row.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN));
    }
  }
  pageSetup(sheet, options, view.pageNumberFormat);
}

function notesSheet(book: ExcelJS.Workbook, view: KpiView, options: RenderOptions): void {
  const sheet = book.addWorksheet(NOTES_SHEET);
  sheet.columns = [{ width: 8 }, { width: 110 }];
  headingRow(sheet, ['重点戦略', '注記（元の報告書と異なるところ）']);
  for (const strategy of view.strategies) for (const note of strategyNotes(strategy)) sheet.addRow([strategy.no, note]);
  pageSetup(sheet, options, view.pageNumberFormat);
}

/** The workbook of a KPI report's view (the same view the PDF is laid out from). */
export async function renderKpiXlsx(view: KpiView, options: RenderOptions): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tassei';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  book.title = `${view.title}（${view.actualHeading.replace(/ b$/, '')}）`;
  indicatorSheet(book, view, options);
  summarySheet(book, view, options);
  notesSheet(book, view, options);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A 新旧対照表 value: its parts as rich text, the changed ones underlined (傍線). */
function diffValue(cell: ExcelJS.Cell, parts: readonly DiffCell[] | null): void {
  if (!parts || parts.length === 0) return;
  cell.value = { richText: parts.map((p) => ({ text: p.text, font: p.changed ? { underline: true } : {} })) };
}

/** The 新旧対照表's lead columns (重点戦略, place, 区分, name) and their widths. */
const DIFF_LEAD = [
  { heading: '重点戦略', width: 30 },
  { heading: '位置', width: 24 },
  { heading: '区分', width: 7 },
  { heading: '目標指標', width: 36 },
] as const;

/** One sheet of a 新旧対照表: its rows with their place, last year's `headings` beside this year's. */
function diffSheet(
  book: ExcelJS.Workbook,
  name: string,
  view: DiffView,
  rows: readonly DiffRowView[],
  headings: readonly string[],
  options: RenderOptions,
): void {
  const sheet = book.addWorksheet(name);
  const valueWidth = view.kpi || rows.some((r) => r.kind === 'summary') ? 11 : 50;
  sheet.columns = [...DIFF_LEAD.map((c) => ({ width: c.width })), ...Array.from({ length: 2 * headings.length }, () => ({ width: valueWidth }))];
  const side = (year: string) => headings.map((h) => `${year} ${h}`);
  headingRow(sheet, [...DIFF_LEAD.map((c) => c.heading), ...side('前年度'), ...side('今年度')]);
  let group = '';
  let place = '';
  const add = (label: string, mark: string, old: readonly DiffCell[] | null, now: readonly DiffCell[] | null) => {
    const row = sheet.addRow([group, place, mark, label]);
    // A KPI row has a cell per value; a narrative bullet is one text of several parts.
    const cells = (parts: readonly DiffCell[] | null) => (view.kpi || rows.some((r) => r.kind === 'summary') ? (parts ?? []).map((p) => [p]) : [parts ?? []]);
    cells(old).forEach((parts, i) => diffValue(row.getCell(DIFF_LEAD.length + 1 + i), parts));
    cells(now).forEach((parts, i) => diffValue(row.getCell(DIFF_LEAD.length + 1 + headings.length + i), parts));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    const texts = [group, place, mark, label, ...(old ?? []).map((p) => p.text), ...(now ?? []).map((p) => p.text)];
    const lines = Math.max(...DIFF_LEAD.map((c, i) => linesIn(texts[i]!, c.width)), view.kpi ? 1 : linesIn(texts.slice(4).join(''), valueWidth));
    if (lines > 1) row.height = lines * LINE_HEIGHT;
  };
  for (const r of rows) {
    switch (r.kind) {
      case 'group':
      case 'subgroup':
        if (r.kind === 'group') [group, place] = [r.title, ''];
        else place = r.title;
        break;
      case 'bullet':
        add('', r.mark, r.old, r.now);
        break;
      case 'indicator':
        add(`${r.name.map((p) => p.text).join('')}${r.note ? `　${r.note}` : ''}`, r.mark, r.old, r.now);
        break;
      case 'summary':
        add(r.name, '集計', r.old, r.now);
    }
  }
  pageSetup(sheet, options, view.pageNumberFormat);
}

/**
 * The 新旧対照表 as a workbook: a row per indicator (or narrative bullet) with its place, last
 * year's values beside this year's, the changed ones underlined (傍線); the summary counts on a
 * sheet of their own. Printed as the report is.
 */
export async function renderDiffXlsx(view: DiffView, options: RenderOptions): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tassei';
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  book.title = view.title;
  diffSheet(book, '新旧対照表', view, view.rows, view.valueHeadings, options);
  if (view.summaries.length > 0) diffSheet(book, SUMMARY_SHEET, view, view.summaries, view.summaryHeadings, options);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
