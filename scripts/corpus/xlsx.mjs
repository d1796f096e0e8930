// The blocks of tables.mjs as a spreadsheet, the way an office makes the report in Excel and
// prints it with LibreOffice Calc: one sheet per strategy (or goal), column widths, wrap text,
// alignment and borders per cell, manual page breaks, print titles for a repeated header, the
// title and page numbers in the page header and footer. LibreOffice does not fit row heights to
// wrapped text when it opens an .xlsx (it keeps the default height and clips the rest), so
// every row gets the height its wrapped lines need, estimated generously: rows come out of
// uneven height, some taller than their text, none clipped.
import ExcelJS from 'exceljs';
import { linesNeeded } from './tables.mjs';

const PAPER = { A4: 9, A3: 8, B4: 12, B5: 13 };
const VALIGN = { top: 'top', middle: 'middle', bottom: 'bottom' };
const thin = { style: 'thin', color: { argb: 'FF444444' } };
const BORDERS = {
  stroked: { top: thin, left: thin, bottom: thin, right: thin },
  rects: { top: thin, left: thin, bottom: thin, right: thin },
  hrules: { top: thin, bottom: thin },
  none: {},
};

/** Excel's column width unit (characters of the default font, 7 px) for a width in points. */
const excelWidth = (pt) => Math.max(1, ((pt * 96) / 72 - 5) / 7);

/** The columns of the detail grid a summary column covers: its counts sit under the detail's last five columns. */
const SUMMARY_GRID = [
  [0, 1],
  [1, 1],
  [2, 3],
  [5, 1],
  [6, 1],
  [7, 1],
  [8, 1],
  [9, 1],
];

const LINE_HEIGHT = 1.5; // of the font size: the CJK fonts' ascent and descent, with leading

function sheetsOf(blocks) {
  const sheets = [];
  let current = null;
  for (const b of blocks) {
    const starts = b.type === 'pageBreak' || !current || (b.type === 'table' && b.role === 'summary' && current.blocks.some((x) => x.type === 'table'));
    if (starts) sheets.push((current = { blocks: [] }));
    if (b.type !== 'pageBreak') current.blocks.push(b);
  }
  return sheets;
}

function fillSheet(ws, sheet, layout) {
  const grid = sheet.blocks.find((b) => b.type === 'table' && b.role !== 'summary')?.widths ?? [];
  grid.forEach((w, k) => (ws.getColumn(k + 1).width = excelWidth(w)));
  const style = { font: { name: layout.font, size: layout.fontSize } };
  let r = 1;
  for (const b of sheet.blocks) {
    if (b.type !== 'table') {
      Object.assign(ws.getCell(r, 1), { value: b.text, ...style });
      r += 2;
      continue;
    }
    const place = (k) => (b.role === 'summary' ? SUMMARY_GRID[k] : [k, 1]);
    b.rows.forEach((row, k) => {
      if (b.breaksBefore.includes(k)) ws.getRow(r - 1).addPageBreak();
      if (k === b.headerRows - 1 && b.role !== 'summary' && layout.repeatHeader) ws.pageSetup.printTitlesRow = `${r - b.headerRows + 1}:${r}`;
      let height = 0;
      row.forEach((c, col) => {
        if (c.spanned) return;
        const [start, span] = place(col);
        const width = c.colSpan ? row.slice(col, col + c.colSpan).reduce((n, _, j) => n + place(col + j)[1], 0) : span;
        const cell = ws.getCell(r, start + 1);
        // Bullets of the narrative read as lines of one cell; a policy title spanning its bullet
        // and 施策 rows is printed in the first, the cell under it left blank without a rule between.
        cell.value = c.lines.join('\n');
        cell.font = { ...style.font };
        const horizontal = c.header && layout.spreadHeadings ? 'distributed' : (c.align ?? 'left');
        cell.alignment = { horizontal, vertical: VALIGN[c.valign ?? layout.valign], wrapText: true };
        cell.border = { ...BORDERS[layout.rules], ...(c.rowSpan ? { bottom: undefined } : {}) };
        if (c.header) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
        if (width > 1) ws.mergeCells(r, start + 1, r, start + width);
        // A cell merged down over rows shares their height.
        if (c.mergeDown > 1) ws.mergeCells(r, start + 1, r + c.mergeDown - 1, start + width);
        const points = grid.slice(start, start + width).reduce((a, w) => a + w, 0);
        height = Math.max(height, Math.ceil(linesNeeded(c.lines, points, layout.fontSize) / (c.mergeDown ?? 1)));
      });
      if (row[0].under) ws.getCell(r, 1).border = { ...BORDERS[layout.rules], top: undefined };
      ws.getRow(r).height = Math.max(1, height) * layout.fontSize * LINE_HEIGHT + 4 + layout.rowPadding[k % layout.rowPadding.length];
      r += 1;
    });
    r += 1;
  }
}

/** The workbook of the blocks, ready for Calc to print. */
export async function xlsxWorkbook(blocks, layout, title) {
  const wb = new ExcelJS.Workbook();
  const kpi = !blocks.some((b) => b.type === 'title');
  // The page header and footer sit in the margins, clear of the table.
  const furniture = 14 + layout.fontSize * 2;
  const [left, top, right, bottom] = layout.page.margins.map((m, k) => Math.max(m, k % 2 === 1 ? furniture + 10 : 0) / 72);
  sheetsOf(blocks).forEach((sheet, k) => {
    const ws = wb.addWorksheet(`${k + 1}`, {
      pageSetup: {
        paperSize: PAPER[layout.page.size],
        orientation: layout.page.orientation,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left, right, top, bottom, header: 14 / 72, footer: 14 / 72 },
      },
    });
    if (kpi && layout.titleOnEveryPage) ws.headerFooter.oddHeader = `&C${title}`;
    if (layout.pageNumbers !== 'none') ws.headerFooter.oddFooter = layout.pageNumbers === 'n / N' ? '&C&P / &N' : '&C- &P -';
    if (kpi && !layout.titleOnEveryPage && k === 0) sheet.blocks.unshift({ type: 'note', text: title });
    fillSheet(ws, sheet, layout);
  });
  return wb;
}
