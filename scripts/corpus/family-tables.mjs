// From a family document (families.mjs) and its style to the blocks every producer prints
// (tables.mjs's blocks: title, notes, tables of cells with spans): the grid with its header of
// one or two rows (spanning groups, headings set over two rows), the hierarchy as banner rows or
// as grouping columns of merged cells, role rows (F3), full-width comment blocks (F5), the
// legend above or below, and count tables (F7) before or after.
import { markOf, schemeGrades } from './families.mjs';
import { cell, fitTables, span } from './tables.mjs';

const NUMBERINGS = {
  arabic: (n) => `${n}`,
  roman: (n) => String.fromCharCode(0x215f + n),
  circled: (n) => String.fromCharCode(0x245f + n),
  parens: (n) => `(${n})`,
  wideParens: (n) => `（${n}）`,
  chapter: (n) => `第${n}章`,
};

const heading = (text, extra = {}) => cell(text, { header: true, align: 'center', whole: true, ...extra });
const value = (text) => cell(text, { align: 'right', whole: true });
const spanned = () => ({ lines: [], spanned: true });

/** The label and number of a hierarchy node as printed (基本目標1, ■施策①, 第2章). */
function labelOf(style, document, level, no) {
  const k = document.layout.hierarchy.findIndex((h) => h.level === level);
  const { label } = document.layout.hierarchy[k];
  return `${label}${NUMBERINGS[style.hierarchyForms[k]](no)}`;
}

/** The header rows: one, or two with spanning groups over their columns, or headings set over two rows. */
function headerRowsOf(columns, headerRows) {
  if (headerRows === 1) return [columns.map((c) => heading(c.heading))];
  const grouped = columns.some((c) => c.group);
  const top = [];
  const bottom = [];
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k];
    if (c.group) {
      if (columns[k - 1]?.group !== c.group) {
        let n = 1;
        while (columns[k + n]?.group === c.group) n += 1;
        top.push(heading(c.group, { colSpan: n }), ...Array.from({ length: n - 1 }, spanned));
      }
      bottom.push(heading(c.heading));
    } else if (!grouped && c.heading.includes('\n')) {
      const [first, ...rest] = c.heading.split('\n');
      top.push(heading(first));
      bottom.push(heading(rest.join('\n')));
    } else {
      top.push(heading(c.heading, { mergeDown: 2 }));
      bottom.push(spanned());
    }
  }
  return [top, bottom];
}

const progressText = (p) => (p === null ? '-' : `${p.toFixed(1)}%`);

/** An indicator's cell under a column (F3's role rows pass the row: `interim` or `actual`). */
function cellOf(column, indicator, style, schemeId, roleRow) {
  switch (column.role) {
    case 'number':
      return cell(indicator.number, { align: 'center', whole: true });
    case 'name':
      return cell(indicator.name);
    case 'unit':
      return cell(indicator.unit ?? '-', { align: 'center', whole: true });
    case 'baseline':
      return value(indicator.baseline.text);
    case 'actual':
      return value(indicator.actual.text);
    case 'target':
      return value(indicator.target?.text ?? '-');
    case 'series': {
      const list = roleRow === 'interim' ? indicator.interim : indicator.series;
      return value(list.find((e) => e.fiscalYear === column.fiscalYear)?.text ?? '');
    }
    case 'progress':
      return value(progressText(indicator.reported.progress));
    case 'grade':
      return cell(indicator.reported.status === null ? '' : markOf(schemeId, indicator.reported.status), { align: 'center', whole: true });
    case 'department':
      return cell(indicator.department ?? '');
    case 'comment':
      return cell(indicator.comments.find((c) => c.heading === column.heading)?.text ?? '');
    case 'other':
      return cell(roleRow === 'interim' ? indicator.interim[0].heading : style.actualRowHeading, { align: 'center', whole: true });
    default:
      return cell('');
  }
}

/** Rows of one indicator: one, two role rows (F3, the cells outside the years merged over both), or one and its comment block (F5). */
function indicatorRows(indicator, columns, style, schemeId, path) {
  if (style.family === 'F3') {
    const rows = ['interim', 'actual'].map((roleRow) => columns.map((c) => cellOf(c, indicator, style, schemeId, roleRow)));
    columns.forEach((c, k) => {
      if (c.role === 'series' || c.role === 'other') return;
      rows[0][k] = { ...rows[0][k], mergeDown: 2 };
      rows[1][k] = spanned();
    });
    return rows.map((cells) => ({ cells, path }));
  }
  const rows = [{ cells: columns.map((c) => cellOf(c, indicator, style, schemeId)), path }];
  const block = indicator.comments?.find((c) => c.heading === style.commentBlocks);
  if (block) rows.push({ cells: span(`${block.heading}\n${block.text}`, columns.length), path });
  return rows;
}

/** The grid's body: banner rows and indicator rows, each indicator row knowing its place for the grouping columns. */
function bodyRows(document, style, schemeId) {
  const { columns, hierarchy } = document.layout;
  const banner = (text) => ({ cells: span(text, columns.length, style.bannerShade ? { header: true } : {}), banner: true });
  const isBanner = (level) => hierarchy.find((h) => h.level === level)?.style === 'banner';
  const titled = (level, node) => `${labelOf(style, document, level, node.no)}${style.bannerSeparator}${node.title}`;
  const rows = [];
  for (const s of document.strategies) {
    if (isBanner('strategy')) rows.push(banner(titled('strategy', s)));
    if (s.indicators.length > 0 && s.policies.length > 0) rows.push(banner(style.goalBanner));
    for (const i of s.indicators) rows.push(...indicatorRows(i, columns, style, schemeId, { strategy: s }));
    for (const p of s.policies) {
      if (isBanner('policy')) rows.push(banner(titled('policy', p)));
      for (const m of p.measures) {
        if (isBanner('measure')) rows.push(banner(titled('measure', m)));
        for (const i of m.indicators) rows.push(...indicatorRows(i, columns, style, schemeId, { strategy: s, policy: p, measure: m }));
      }
    }
  }
  // Grouping columns: a cell merged down over its node's rows.
  columns.forEach((c, k) => {
    if (!['strategy', 'policy', 'measure'].includes(c.role)) return;
    for (let r = 0; r < rows.length;) {
      const node = rows[r].path?.[c.role];
      if (!node) {
        r += 1;
        continue;
      }
      let n = 1;
      while (rows[r + n]?.path?.[c.role] === node) n += 1;
      const label = labelOf(style, document, c.role, node.no);
      rows[r].cells[k] = cell(style.groupCell === 'lines' ? `${label}\n${node.title}` : `${label} ${node.title}`, { mergeDown: n, valign: 'top' });
      for (let j = 1; j < n; j++) rows[r + j].cells[k] = spanned();
      r += n;
    }
  });
  return rows.map((r) => r.cells);
}

/** The legend as printed: one line, or the heading and a line per mark. */
function legendNotes(legend, style) {
  const marks = legend.marks.map((m) => `${m.mark}${style.legendSeparator}${m.meaning}`);
  return style.legendLines === 'one' ? [`${legend.heading}　${marks.join('　')}`] : [legend.heading, ...marks];
}

/** F7's count tables: grades across with a row per strategy, or grades down with a count column, one table per strategy. */
function countTables(document, style, schemeId) {
  const grades = schemeGrades(schemeId).filter((g) => !g.countIn);
  const strategyLabel = (s) => labelOf(style, document, 'strategy', s.no);
  const countsOf = (s) => s.reportedSummary ?? s.reportedGoalSummary;
  const counts = (s) => grades.map((g) => value(String(countsOf(s)[g.id])));
  if (document.layout.summary.shape === 'columns') {
    const rows = [
      [heading(document.layout.hierarchy[0].label || '区分'), ...grades.map((g) => heading(g.mark)), heading('合計')],
      ...document.strategies.map((s) => [cell(`${strategyLabel(s)}${style.bannerSeparator}${s.title}`), ...counts(s), value(String(countsOf(s).total))]),
    ];
    return [{ type: 'table', role: 'counts', headerRows: 1, rows, columns: grades.length + 2 }];
  }
  return document.strategies.flatMap((s) => [
    { type: 'note', text: `${strategyLabel(s)}${style.bannerSeparator}${s.title}` },
    {
      type: 'table',
      role: 'counts',
      headerRows: 1,
      columns: 2,
      rows: [
        [heading(pickHeading(style)), heading('指標数')],
        ...grades.map((g) => [cell(g.mark, { align: 'center', whole: true }), value(String(countsOf(s)[g.id]))]),
        [cell('合計', { align: 'center', whole: true }), value(String(countsOf(s).total))],
      ],
    },
  ]);
}
const pickHeading = (style) => style.countHeading ?? '評価';

/**
 * The blocks of a family document, fitted to the layout's page (the layout is changed to what
 * is printed: font size, orientation, paper), and the document's layout completed with them:
 * orientation, paper and column widths as shares of the grid's width.
 */
export function familyBlocks(document, style, layout) {
  const { columns, headerRows, legend, summary } = document.layout;
  const grid = {
    type: 'table',
    role: 'detail',
    headerRows,
    rows: [...headerRowsOf(columns, headerRows), ...bodyRows(document, style, style.schemeId)],
    columns: columns.length,
  };
  // A workbook's sheet has one grid of columns: every table of another shape starts a sheet.
  const apart = layout.producer === 'calc' ? [{ type: 'pageBreak' }] : [];
  const legendBlocks = legend ? legendNotes(legend, style).map((text) => ({ type: 'note', text })) : [];
  const counts = summary ? countTables(document, style, style.schemeId) : [];
  const blocks = [
    { type: 'title', text: document.title },
    ...(legend?.placement === 'top' ? legendBlocks : []),
    ...(summary?.placement === 'before' ? [...counts, ...apart] : []),
    grid,
    ...(legend?.placement === 'below' ? legendBlocks : []),
    ...(summary?.placement === 'after' ? [...apart, ...counts] : []),
  ];
  const tables = blocks.filter((b) => b.type === 'table');
  layout.columnChoices.counts ??= layout.columnChoices.summary;
  const fits = fitTables(tables, layout, (b) => (b.role === 'detail' ? layout.fillWidth : false));
  tables.forEach((b, k) => {
    b.widths = fits[k].widths;
    b.breaksBefore = [];
  });
  const total = grid.widths.reduce((a, b) => a + b, 0);
  document.layout.columns.forEach((c, k) => (c.width = Math.round((grid.widths[k] / total) * 1000) / 1000));
  document.layout.orientation = layout.page.orientation;
  document.layout.paper = layout.page.size;
  return blocks;
}
