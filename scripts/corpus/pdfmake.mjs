// The pdfmake producer: prints the blocks of tables.mjs with pdfmake in this process, with its
// own document definitions (not tassei's templates), any of the Japanese fonts, the four rule
// styles, vertical alignment, uneven row padding, rows split by page breaks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { FONTS, linesNeeded } from './tables.mjs';

const Renderer = createRequire(import.meta.url)('pdfmake/js/Renderer.js').default;

// Chromium draws borders as thin filled rectangles, not stroked lines; to print that rule style
// pdfmake's table lines are drawn as rectangles while `filledRules` is on.
let filledRules = false;
const strokeVector = Renderer.prototype.renderVector;
Renderer.prototype.renderVector = function renderVector(vector) {
  if (!filledRules || vector.type !== 'line') return strokeVector.call(this, vector);
  const w = vector.lineWidth ?? 1;
  const [x, y] = [Math.min(vector.x1, vector.x2), Math.min(vector.y1, vector.y2)];
  const horizontal = vector.y1 === vector.y2;
  this.pdfDocument.rect(
    horizontal ? x : x - w / 2,
    horizontal ? y - w / 2 : y,
    horizontal ? Math.abs(vector.x2 - vector.x1) : w,
    horizontal ? w : Math.abs(vector.y2 - vector.y1),
  );
  this.pdfDocument.fill(vector.lineColor ?? '#000000');
};

let configured = false;
/** Fonts read once; their descriptors anew for every document, as pdfmake rewrites them in place. */
function configure() {
  if (!configured) {
    for (const font of Object.values(FONTS)) pdfmake.virtualfs.writeFileSync(font.file, readFileSync(font.file));
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => Object.values(FONTS).some((f) => f.file === path));
    configured = true;
  }
  const face = (font) => (font.postscript ? [font.file, font.postscript] : font.file);
  pdfmake.setFonts(
    Object.fromEntries(
      Object.entries(FONTS).map(([name, font]) => [name, { normal: face(font), bold: face(font), italics: face(font), bolditalics: face(font) }]),
    ),
  );
}

const RULE_WIDTHS = { stroked: [0.5, 0.5], rects: [0.5, 0.5], hrules: [0.5, 0], none: [0, 0] };

function tableLayout(layout) {
  const [h, v] = RULE_WIDTHS[layout.rules];
  return {
    hLineWidth: () => h,
    vLineWidth: () => v,
    hLineColor: () => '#444444',
    vLineColor: () => '#444444',
    paddingLeft: () => 3,
    paddingRight: () => 3,
    paddingTop: (row) => 1.5 + layout.rowPadding[row % layout.rowPadding.length],
    paddingBottom: () => 1.5,
  };
}

// pdfmake does not grow rows for a cell spanning them, so a policy's title cell spanning its
// bullet and 施策 rows is printed in the first row, the cell under it blank and unruled between.
function pdfmakeCell(c, layout, unbroken = false) {
  if (c.spanned && c.under) return { text: '', border: [true, false, true, true] };
  if (c.spanned) return {};
  const node = c.bullets ? { stack: c.lines.map((text) => ({ text })) } : { text: c.lines.join('\n') };
  if (c.colSpan) node.colSpan = c.colSpan;
  if (c.rowSpan) node.border = [true, true, true, false];
  if (c.mergeDown) node.rowSpan = c.mergeDown;
  node.alignment = c.align ?? 'left';
  // pdfmake 0.3 draws no text for a body cell merged down and aligned in the middle or at the
  // bottom where a page breaks through it, and draws a header's cells merged down so aligned far
  // below the header in a table whose rows it keeps whole (`unbroken`): such cells stay at the top.
  node.verticalAlignment = c.valign ?? (c.mergeDown > 1 && (!c.header || unbroken) ? 'top' : layout.valign);
  if (c.header) node.fillColor = '#e8e8e8';
  return node;
}

/**
 * pdfmake does not grow rows for a cell merged down over them (its text would run over the rows
 * below): each of those rows is given its share of the height the cell's text needs.
 */
function mergedHeights(rows, widths, layout) {
  const heights = rows.map(() => 0);
  rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!(c.mergeDown > 1)) return;
      const need = linesNeeded(c.lines, widths[k], layout.fontSize) * layout.fontSize * 1.4 + 8;
      for (let j = r; j < r + c.mergeDown; j++) heights[j] = Math.max(heights[j], need / c.mergeDown);
    }),
  );
  return heights;
}

/**
 * Ids on a body cell merged down (`merge:T:R`, R its block row) and on the cells of the merge's
 * last row (`mergeEnd:T:R:K`), by which pdfmakePdf finds the pages the merge's rows went to.
 */
function mergeTagged(node, block, row, column, tag, c = block.rows[row]?.[column]) {
  if (tag === null || row < block.headerRows || !c) return node;
  if (c.mergeDown > 1 && !c.header) node.id = `merge:${tag}:${row}:${row + c.mergeDown - 1}:${column}`;
  else if (!c.spanned) node.id = `mergeEnd:${tag}:${row}:${column}`;
  return node;
}

/**
 * The body rows from `from` up to `to` as a table of their own: a cell merged down past `to` ends
 * there, and one merged down from above `from` goes on blank from its top (a spreadsheet prints a
 * merged cell's text once, where the cell starts; the page after shows the rest of the cell
 * empty). A break before a 施策's merged cell may fall inside its 基本目標's, whose span would
 * otherwise run past the table's end (pdfmake throws).
 */
function pieceRows(block, from, to) {
  const origin = (r, k) => {
    for (let s = r - 1; s >= block.headerRows; s--) {
      const c = block.rows[s][k];
      if (!c.spanned) return c.mergeDown > 1 && s + c.mergeDown > r ? s + c.mergeDown : null;
    }
    return null;
  };
  return block.rows.slice(from, to).map((row, j) =>
    row.map((c, k) => {
      const end = j === 0 && c.spanned && !c.under ? origin(from, k) : null;
      if (end !== null) return { lines: [''], valign: 'top', ...(Math.min(end, to) - from > 1 ? { mergeDown: Math.min(end, to) - from } : {}) };
      return c.mergeDown > 1 && from + j + c.mergeDown > to ? { ...c, mergeDown: to - from - j } : c;
    }),
  );
}

/** A table, cut at its page breaks into tables that each start a page; header rows repeated or not. */
function tableNodes(block, layout, tag = null) {
  const header = block.rows.slice(0, block.headerRows);
  const cuts = [block.headerRows, ...block.breaksBefore, block.rows.length];
  const nodes = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const repeat = k === 0 || layout.repeatHeader;
    const rows = [...(repeat ? header : []), ...pieceRows(block, cuts[k], cuts[k + 1])];
    // Where each row stands in the block, for the ids that tell where a merge's rows were printed.
    const at = [...(repeat ? header.map(() => -1) : []), ...block.rows.slice(cuts[k], cuts[k + 1]).map((_, j) => cuts[k] + j)];
    const heights = mergedHeights(rows, block.widths, layout);
    const unbroken = rows.some((r) => r.some((c) => c.mergeDown > 1 && !c.header));
    nodes.push({
      // pdfmake's widths leave out the cell padding and the rule.
      table: {
        widths: block.widths.map((w) => w - 6 - RULE_WIDTHS[layout.rules][1]),
        headerRows: repeat && layout.repeatHeader ? block.headerRows : 0,
        // pdfmake 0.3 breaks a page through a body cell merged down only by drawing past the
        // page's foot and losing rows: such a table's rows go whole to the next page.
        ...(unbroken ? { dontBreakRows: true } : {}),
        ...(heights.some((h) => h > 0) ? { heights: (r) => heights[r] || 'auto' } : {}),
        body: rows.map((r, j) => r.map((c, i) => mergeTagged(pdfmakeCell(c, layout, unbroken), block, at[j], i, tag, at[j] < 0 ? undefined : c))),
      },
      layout: 'corpus',
      // No space under a part that the next part follows on a new page: where the part ends at the
      // page's foot, pdfmake moves the space to a page of its own, which the break then leaves blank.
      margin: [0, 0, 0, k + 2 < cuts.length ? 0 : 6],
      ...(k > 0 ? { pageBreak: 'before' } : {}),
    });
  }
  return nodes;
}

/** The pdfmake document definition of the blocks. */
export function pdfmakeDefinition(blocks, layout, title) {
  const content = [];
  const kpi = !blocks.some((b) => b.type === 'title');
  if (kpi && !layout.titleOnEveryPage) content.push({ text: title, fontSize: layout.fontSize + 3, margin: [0, 0, 0, 8] });
  if (layout.topSpace) content.push({ text: '', margin: [0, layout.topSpace, 0, 0] });
  for (const b of blocks) {
    if (b.type === 'pageBreak') content.push({ text: '', pageBreak: 'after' });
    else if (b.type === 'title') content.push({ text: b.text, fontSize: layout.fontSize + 4, margin: [0, 0, 0, 8] });
    else if (b.type === 'note') content.push({ text: b.text, margin: [0, 0, 0, 10] });
    else content.push(...tableNodes(b, layout, blocks.indexOf(b)));
  }
  const { size, orientation, margins } = layout.page;
  return {
    pageSize: size,
    pageOrientation: orientation,
    pageMargins: margins,
    defaultStyle: { font: layout.font, fontSize: layout.fontSize, lineHeight: 1.1 },
    header: kpi && layout.titleOnEveryPage ? () => ({ text: title, alignment: 'center', fontSize: layout.fontSize + 1, margin: [0, 10, 0, 0] }) : undefined,
    footer:
      layout.pageNumbers === 'none'
        ? undefined
        : (n, total) => ({
            text: layout.pageNumbers === 'n / N' ? `${n} / ${total}` : `- ${n} -`,
            alignment: 'center',
            fontSize: layout.fontSize,
            margin: [0, 8, 0, 0],
          }),
    info: { title, creationDate: new Date('2000-01-01T00:00:00Z') },
    content,
  };
}

/** Prints again at most this many times to keep a merge's rows on one page. */
const MERGE_REPRINTS = 4;

/**
 * Prints the blocks to PDF bytes with pdfmake. pdfmake 0.3 breaks a page between the rows of a
 * body cell merged down (dontBreakRows keeps each row whole, not the merge) by drawing the cell's
 * text past the page's foot, under the table's last rule and into the margin, where no spreadsheet
 * or word processor prints it (they grow the row or carry the text over): where a print put a
 * merge's first and last rows on two pages, the table is cut before the merge (a page break there,
 * as breaksBefore) and printed again.
 */
export async function pdfmakePdf(blocks, layout, title) {
  filledRules = layout.rules === 'rects';
  try {
    for (let attempt = 0; ; attempt++) {
      configure();
      pdfmake.setTableLayouts({ corpus: tableLayout(layout) });
      const pages = new Map();
      const definition = pdfmakeDefinition(blocks, layout, title);
      definition.pageBreakBefore = (node) => {
        if (typeof node.id === 'string' && node.id.startsWith('merge')) pages.set(node.id, node.pageNumbers);
        return false;
      };
      const bytes = new Uint8Array(await pdfmake.createPdf(definition).getBuffer());
      const cuts = attempt < MERGE_REPRINTS ? mergesBroken(pages) : [];
      // A cut inside a merge also broken (a measure's rows inside its goal's) would leave that
      // merge reaching past its table's rows (pdfmake throws): the outer merge is cut first, and
      // the next print tells whether the inner ones still break.
      const outer = cuts.filter((c) => !cuts.some((o) => o !== c && o.block === c.block && o.row < c.row && c.row <= o.end));
      const added = outer.filter(({ block, row }) => {
        const b = blocks[block];
        if (b.breaksBefore.includes(row) || row <= b.headerRows) return false;
        b.breaksBefore = [...b.breaksBefore, row].sort((x, y) => x - y);
        return true;
      });
      if (added.length === 0) return bytes;
    }
  } finally {
    filledRules = false;
  }
}

/** The merges whose first row and last row were printed on different pages: block, first row and last row. */
function mergesBroken(pages) {
  const broken = [];
  for (const [id, onPages] of pages) {
    const m = /^merge:(\d+):(\d+):(\d+):\d+$/.exec(id);
    if (!m) continue;
    const endPages = [...pages].filter(([other]) => other.startsWith(`mergeEnd:${m[1]}:${m[3]}:`)).flatMap(([, p]) => p);
    if (endPages.length > 0 && Math.max(...endPages) > Math.min(...onPages)) broken.push({ block: Number(m[1]), row: Number(m[2]), end: Number(m[3]) });
  }
  // One a first row, reaching as far as the longest of the merges there.
  const same = (a, b) => a.block === b.block && a.row === b.row;
  return broken
    .filter((b, k) => broken.findIndex((o) => same(o, b)) === k)
    .map((b) => ({ ...b, end: Math.max(...broken.filter((o) => same(o, b)).map((o) => o.end)) }));
}
