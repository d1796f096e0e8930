// The blocks of tables.mjs as an HTML page, for Chromium's print-to-PDF and LibreOffice Writer:
// fixed column widths, the rule style in CSS, vertical alignment, uneven row padding, tables cut
// at their page breaks, the header repeated (a <thead>) or not.
import { pathToFileURL } from 'node:url';
import { FONTS, pageBox } from './tables.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Inline on every cell: Writer's HTML import reads a cell's own style, not the style sheet's.
const RULE_CSS = {
  stroked: 'border:0.6pt solid #444',
  rects: 'border:0.6pt solid #444',
  hrules: 'border-top:0.5pt solid #555;border-bottom:0.5pt solid #555',
  none: 'border:none',
};

/** A page break both Chromium and Writer honour (Writer ignores breaks on tables and divs). */
const PAGE_BREAK = '<p style="page-break-before:always;break-before:page;margin:0"></p>';

function cellHtml(c, layout, row, tag) {
  if (c.spanned) return '';
  const attrs = [`align="${c.align ?? 'left'}"`, `valign="${c.valign ?? layout.valign}"`];
  if (c.colSpan) attrs.push(`colspan="${c.colSpan}"`);
  if (c.rowSpan || c.mergeDown) attrs.push(`rowspan="${c.rowSpan ?? c.mergeDown}"`);
  const style = [
    RULE_CSS[layout.rules],
    `text-align:${c.align ?? 'left'}`,
    `vertical-align:${c.valign ?? layout.valign}`,
    `padding-top:${1.5 + layout.rowPadding[row % layout.rowPadding.length]}pt`,
  ];
  if (c.header) style.push('background:#e8e8e8');
  // Letter-spaced headings: Chromium spreads Japanese text between its characters to fill the line.
  if (c.header && layout.spreadHeadings) style.push('text-align:justify', 'text-align-last:justify');
  const body =
    c.bullets && layout.listMarkers && layout.producer === 'chromium'
      ? `<ul>${c.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`
      : c.bullets
        ? c.lines.map((l) => `<div class="b">${esc(l)}</div>`).join('')
        : c.lines.map(esc).join('<br>');
  return `<${tag} ${attrs.join(' ')} style="${style.join(';')}">${body}</${tag}>`;
}

function tableHtml(block, layout) {
  const header = block.rows.slice(0, block.headerRows);
  const cuts = [block.headerRows, ...block.breaksBefore, block.rows.length];
  const width = block.widths.reduce((a, b) => a + b, 0);
  const cols = `<colgroup>${block.widths.map((w) => `<col width="${Math.round((w * 96) / 72)}" style="width:${w}pt">`).join('')}</colgroup>`;
  const rowHtml = (r, k) => `<tr>${r.map((c) => cellHtml(c, layout, k, 'td')).join('')}</tr>`;
  let html = '';
  for (let k = 0; k + 1 < cuts.length; k++) {
    const repeat = k === 0 || layout.repeatHeader;
    const head = repeat ? header.map(rowHtml).join('') : '';
    const body = block.rows
      .slice(cuts[k], cuts[k + 1])
      .map((r, j) => rowHtml(r, cuts[k] + j))
      .join('');
    html +=
      `${k > 0 ? PAGE_BREAK : ''}<table cellspacing="0" cellpadding="6" style="width:${width}pt" width="${Math.round((width * 96) / 72)}">${cols}` +
      `${layout.repeatHeader ? `<thead>${head}</thead><tbody>` : `<tbody>${head}`}${body}</tbody></table>`;
  }
  return html;
}

/** The HTML page of the blocks. */
export function htmlPage(blocks, layout, title) {
  const box = pageBox(layout);
  const [left, top, right, bottom] = layout.page.margins;
  const font = FONTS[layout.font];
  const face = font.bundled ? `@font-face { font-family: '${layout.font}'; src: url('${pathToFileURL(font.file).href}'); }` : '';
  const kpi = !blocks.some((b) => b.type === 'title');
  // (A running title would be printed over the table: Chromium places fixed elements inside the margins.)
  let body = kpi ? `<p class="title">${esc(title)}</p>` : '';
  if (layout.topSpace) body += `<div style="height:${layout.topSpace}pt"></div>`;
  for (const b of blocks) {
    if (b.type === 'pageBreak') body += PAGE_BREAK;
    else if (b.type === 'title') body += `<p class="title">${esc(b.text)}</p>`;
    else if (b.type === 'note') body += `<p>${esc(b.text)}</p>`;
    else body += tableHtml(b, layout);
  }
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
${face}
@page { size: ${box.width}pt ${box.height}pt; margin: ${top}pt ${right}pt ${bottom}pt ${left}pt; }
body { font-family: '${layout.font}'; font-size: ${layout.fontSize}pt; line-height: 1.2; margin: 0; }
p { margin: 0 0 6pt 0; }
p.title { font-size: ${layout.fontSize + 3}pt; }
table { border-collapse: collapse; table-layout: fixed; margin-bottom: 6pt; }
td { padding: 1.5pt 3pt; }
ul { margin: 0; padding-left: 1em; }
li::marker { content: '• '; }
div.b { padding-left: 1em; text-indent: -1em; }
</style></head><body>${body}</body></html>`;
}
