// From a document and a layout to the tables an office would print: blocks of title, tables
// (with column widths in points, header rows, spanning cells, lines per cell) and notes. Every
// producer (pdfmake, LibreOffice Calc and Writer, Chromium) prints these same blocks, so the
// layouts differ only in what the layout says: widths, font, rules, alignment, page breaks.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');

const BUNDLED_FONT = { file: join(REPO, 'fonts/BIZUDPGothic-Regular.ttf'), bundled: true };

/** Japanese fonts the producers print with: Gothic and Mincho, proportional and not. */
const DECLARED_FONTS = {
  IPAGothic: { file: '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf' },
  IPAPGothic: { file: '/usr/share/fonts/opentype/ipafont-gothic/ipagp.ttf' },
  IPAMincho: { file: '/usr/share/fonts/opentype/ipafont-mincho/ipam.ttf' },
  IPAPMincho: { file: '/usr/share/fonts/opentype/ipafont-mincho/ipamp.ttf' },
  IPAexGothic: { file: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' },
  IPAexMincho: { file: '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf' },
  'Noto Sans CJK JP': { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscript: 'NotoSansCJKjp-Regular' },
  'Noto Serif CJK JP': { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', postscript: 'NotoSerifCJKjp-Regular' },
  'BIZ UDPGothic': BUNDLED_FONT,
};

/** The fonts whose files are not on this machine (Debian: fonts-ipafont, fonts-ipaexfont, fonts-noto-cjk). */
export const FONTS_NOT_INSTALLED = Object.keys(DECLARED_FONTS).filter((f) => !existsSync(DECLARED_FONTS[f].file));

/**
 * The fonts by name. One not installed prints with the repo's own font under its name, so that a
 * seed draws the same layouts on every machine, CI (Node alone) included.
 */
export const FONTS = Object.fromEntries(Object.entries(DECLARED_FONTS).map(([name, font]) => [name, FONTS_NOT_INSTALLED.includes(name) ? BUNDLED_FONT : font]));

/** Fonts that LibreOffice finds through fontconfig (the repo's own font is not installed). */
export const SYSTEM_FONTS = Object.keys(DECLARED_FONTS).filter((f) => !DECLARED_FONTS[f].bundled);

export const RULES = ['stroked', 'rects', 'hrules', 'none'];
export const VALIGNS = ['top', 'middle', 'bottom'];

const PAGES = { A4: [595.28, 841.89], A3: [841.89, 1190.55], B4: [728.5, 1031.81], B5: [515.91, 728.5] };

const STATUS_MARKS = {
  standard: { achieved: '目標達成', improved: '改善↑', unchanged: '-', worsened: '悪化↓', nodata: '-' },
  'other-city': { achieved: '達成', improved: '改善', unchanged: '－', worsened: '悪化', nodata: '－' },
};

const ASCII_RUN = /[\x21-\x7e△]+/g;
/** A conservative width in em: Latin and digits at 0.6 em (no Japanese font is wider), the rest 1 em. */
export const emWidth = (text) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.6 : 1), 0);
/**
 * The widest piece a line cannot be broken inside: a run of Latin letters and digits, or two
 * Japanese characters (a closing bracket or small kana may not start a line).
 */
const unbreakableEm = (line) => Math.max(2, ...(line.match(ASCII_RUN) ?? []).map((r) => emWidth(r) + 1));

/**
 * Lines a text needs at `width` points: a generous estimate, with a line to spare where it
 * wraps (Calc moves a Latin word or a number whole to the next line).
 */
export function linesNeeded(lines, width, size) {
  return lines.reduce((n, l) => {
    const wrapped = Math.ceil((emWidth(l) * size * 1.1) / Math.max(size, width - 8));
    return n + (wrapped > 1 ? wrapped + 1 : 1);
  }, 0);
}

const MIN_ROWS_BETWEEN_BREAKS = 5;
const CELL_PADDING = 8; // points: 3 pt each side in every producer, and 2 pt to spare

/** Width needs of a column in points at `size`: the narrowest that keeps every piece whole, and one line. */
function columnNeeds(cells, size) {
  const lines = cells.flatMap((c) => c.lines);
  const min = Math.max(2, ...cells.flatMap((c) => c.lines.map((l) => (c.whole ? emWidth(l) + 0.5 : unbreakableEm(l))))) * size + CELL_PADDING;
  const full = Math.min(40, Math.max(2, ...lines.map(emWidth))) * size + CELL_PADDING;
  return { min, full: Math.max(min, full) };
}

/**
 * Column widths from the layout's choice per column (0 narrowest … 1 one line), fitted into the
 * printable width: above its minimum each column gives way in proportion.
 */
export function fitWidths(rows, count, choices, size, available, fill) {
  const needs = Array.from({ length: count }, (_, k) =>
    columnNeeds(
      rows.map((r) => r[k]).filter((c) => c && !c.colSpan && !c.spanned),
      size,
    ),
  );
  let widths = needs.map((n, k) => n.min + (choices[k % choices.length] ?? 1) ** 2 * (n.full - n.min));
  const total = widths.reduce((a, b) => a + b, 0);
  if (total > available || fill) {
    const minimum = needs.reduce((a, n) => a + n.min, 0);
    const keep = Math.min(1, Math.max(0, (available - minimum) / (total - minimum || 1)));
    widths = widths.map((w, k) => needs[k].min + (w - needs[k].min) * keep);
    if (fill && total < available) widths = widths.map((w) => (w * available) / total);
  }
  return { widths: widths.map((w) => Math.round(w * 10) / 10), minimum: needs.reduce((a, n) => a + n.min, 0) };
}

export const cell = (text, extra = {}) => ({ lines: text === '' ? [] : String(text).split('\n'), ...extra });
export const span = (text, colSpan, extra = {}) => [
  cell(text, { colSpan, ...extra }),
  ...Array.from({ length: colSpan - 1 }, () => ({ lines: [], spanned: true })),
];
const era = (year) => (year === 2019 ? '令和元' : `令和${year - 2018}`);
const reiwa = (year) => `R${year - 2018}`;

const SPACED_NOTE = /^(.*?)\s+(\([HR]\d+\))$/;

/**
 * The document as a careful reader writes down its print in this layout: a value broken before
 * its year note (92.5 / (H31)) no longer shows whether a space stood before the note.
 */
export function asPrinted(doc, layout) {
  if (doc.kind !== 'kpi-progress' || !layout.breakValues) return doc;
  const copy = structuredClone(doc);
  const indicators = copy.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);
  for (const i of indicators) for (const m of [i.baseline, i.actual, i.target]) m.text = m.text.replace(SPACED_NOTE, '$1$2');
  return copy;
}

function valueLines(m, layout) {
  const note = /^(.*?)\s*(\([HR]\d+\))$/.exec(m.text);
  return note && layout.breakValues ? `${note[1]}\n${note[2]}` : m.text;
}

function progressText(p, layout) {
  if (p === null) return layout.dialect === 'other-city' ? '－' : '-';
  return `${p.toFixed(1)}${layout.breakProgress ? '\n' : ''}%`;
}

function indicatorCells(i, layout) {
  const marks = STATUS_MARKS[layout.dialect];
  return [
    cell(`${i.name}${i.method === 'ratio' ? '※' : ''}`),
    cell(i.unit ?? '-', { align: 'center' }),
    // A value breaks only where the layout breaks it (before its year note, before %): a
    // break at the space of `92.5 (H31)` would hide the space from the reader.
    cell(valueLines(i.baseline, layout), { align: 'right', whole: true }),
    cell(valueLines(i.actual, layout), { align: 'right', whole: true }),
    cell(valueLines(i.target, layout), { align: 'right', whole: true }),
    cell(progressText(i.reported.progress, layout), { align: 'right', whole: true }),
    cell(i.reported.status ? marks[i.reported.status] : '', { align: 'center' }),
  ];
}

const headerRow = (labels) => labels.map((l) => cell(l, { header: true, align: 'center' }));
const COUNT_KEYS = ['achieved', 'improved', 'unchanged', 'worsened', 'total'];
const counts = (s) => COUNT_KEYS.map((k) => cell(String(s[k]), { align: 'right' }));

function summaryTable(s) {
  const rows = [headerRow(['重点戦略', '戦略方針', '施策', '目標達成', '改善↑', '-', '悪化↓', '合計'])];
  rows.push([cell(String(s.no), { align: 'center' }), ...span(s.title, 2), ...counts(s.reportedSummary)]);
  if (s.reportedGoalSummary) rows.push([cell(''), ...span('基本目標', 2), ...counts(s.reportedGoalSummary)]);
  for (const p of s.policies) rows.push([cell(''), ...span(`${p.no} ${p.title}`, 2), ...counts(p.reportedSummary)]);
  return { role: 'summary', headerRows: 1, rows, columns: 8 };
}

function detailTable(s, layout, fiscalYear) {
  const other = layout.dialect === 'other-city';
  const rows = [
    headerRow(
      other
        ? ['重点戦略', '戦略方針', '施策', '目標指標', '単位', '現状値 a', `${reiwa(fiscalYear)}実績値 b`, '目標値 c', '進捗率', '評価']
        : ['重点戦略', '戦略方針', '施策', '目標指標', '単位', '現状 a', `${reiwa(fiscalYear)}実績 b`, '目標 c', '進捗率\n(b-a)/(c-a)', '状況'],
    ),
  ];
  const measureNo = (m) => (other ? `(${m.no}) ` : `${m.no} `);
  const empty = (n) => Array.from({ length: n }, () => cell(''));
  const [first, ...goals] = s.indicators;
  if (other) rows.push([cell(String(s.no), { align: 'center' }), ...span(s.title, 9)]);
  else rows.push([cell(String(s.no), { align: 'center' }), ...span(s.title, 2), ...(first ? indicatorCells(first, layout) : span('', 7))]);
  for (const g of other ? [] : goals) rows.push([...empty(1), ...span('', 2), ...indicatorCells(g, layout)]);
  for (const p of s.policies) {
    if (layout.headings === 'columns') {
      // Titles in their own narrow columns, on the row of their first indicator.
      p.measures.forEach((m, mk) => {
        const policyCell = cell(mk === 0 ? `${p.no} ${p.title}` : '');
        const measureCell = cell(`${measureNo(m)}${m.title}`);
        if (m.indicators.length === 0) rows.push([...empty(1), policyCell, measureCell, ...span('', 7)]);
        m.indicators.forEach((i, ik) =>
          rows.push([...empty(1), ik === 0 ? policyCell : cell(''), ik === 0 ? measureCell : cell(''), ...indicatorCells(i, layout)]),
        );
      });
      if (p.measures.length === 0) rows.push([...empty(1), cell(`${p.no} ${p.title}`), ...span('', 8)]);
      continue;
    }
    rows.push([...empty(1), ...span(`${p.no} ${p.title}`, 9)]);
    for (const m of p.measures) {
      rows.push([...empty(2), ...span(`${measureNo(m)}${m.title}`, 8)]);
      for (const i of m.indicators) rows.push([...empty(3), ...indicatorCells(i, layout)]);
    }
  }
  return { role: 'detail', headerRows: 1, rows, columns: 10 };
}

const RATIO_NOTE = { standard: '備考 目標指標の※印の進捗率は、b/cにより算出', 'other-city': '備考　※印の指標の進捗率は b/c' };

function kpiBlocks(doc, layout) {
  const blocks = [];
  doc.strategies.forEach((s, k) => {
    if (k > 0 && layout.strategyPerPage) blocks.push({ type: 'pageBreak' });
    if (s.reportedSummary) blocks.push({ type: 'table', ...summaryTable(s) });
    blocks.push({ type: 'table', ...detailTable(s, layout, doc.fiscalYear) });
    const indicators = [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))];
    if (layout.dialect === 'standard' && indicators.some((i) => i.method === 'ratio')) blocks.push({ type: 'note', text: RATIO_NOTE.standard });
  });
  if (layout.dialect === 'other-city') blocks.push({ type: 'note', text: RATIO_NOTE['other-city'] });
  return blocks;
}

const CIRCLED = (k) => String.fromCharCode(0x2460 + k);

function narrativeBlocks(doc) {
  const heads = [`${era(doc.fiscalYear)}年度 主な取組内容／実績`, `${era(doc.nextYear)}年度 主な取組／今後の方向性`];
  const legend = {
    role: 'legend',
    headerRows: 2,
    columns: 3,
    rows: [
      span('基本目標名', 3, { header: true }),
      headerRow(['基本方針名', ...heads]),
      [
        cell(''),
        cell('・新たな取組実績、基本目標の達成のために施策で大きく寄与したもの（実績が大きく向上したもの）'),
        cell('・新たな取組、課題を解決や施策を推進していくための方向性'),
      ],
      [cell(''), ...span('①施策名／②施策名／③施策名／・・・・', 2)],
    ],
  };
  const blocks = [
    { type: 'title', text: doc.title },
    { type: 'table', ...legend },
    { type: 'note', text: '次ページからの記載事項' },
  ];
  for (const g of doc.goals) {
    blocks.push({ type: 'pageBreak' });
    const rows = [span(`基本目標${g.no}　${g.title}`, 3, { header: true }), headerRow(['基本方針名', ...heads])];
    for (const p of g.policies) {
      rows.push([
        cell(`基本方針${p.no}\n${p.title}`, { rowSpan: 2 }),
        cell(p.results.map((b) => `○${b}`).join('\n'), { bullets: true, valign: 'top' }),
        cell(p.plans.map((b) => `○${b}`).join('\n'), { bullets: true, valign: 'top' }),
      ]);
      rows.push([{ lines: [], spanned: true, under: true }, ...span(p.measures.map((m, k) => `${CIRCLED(k)}${m}`).join('／'), 2)]);
    }
    blocks.push({ type: 'table', role: 'narrative', headerRows: 2, rows, columns: 3 });
  }
  return blocks;
}

/** The printable size of the layout's page, in points. */
export function pageBox(layout) {
  const [w, h] = PAGES[layout.page.size];
  const [width, height] = layout.page.orientation === 'landscape' ? [h, w] : [w, h];
  const [left, top, right, bottom] = layout.page.margins;
  return { width, height, innerWidth: width - left - right, innerHeight: height - top - bottom };
}

/**
 * Every table's column widths fitted to the page (`fill`: to its whole width). Where even the
 * narrowest columns do not fit, the font shrinks (to 6.5 pt), then the page turns to landscape,
 * then grows to A3: a layout never clips a column. `layout` is changed to what was printed.
 */
export function fitTables(tables, layout, fill) {
  const fitted = () => {
    const available = pageBox(layout).innerWidth - 2;
    return tables.map((b) => fitWidths(b.rows, b.columns, layout.columnChoices[b.role], layout.fontSize, available, fill(b)));
  };
  const drawnSize = layout.fontSize;
  let fits = fitted();
  while (fits.some((f) => f.minimum > pageBox(layout).innerWidth - 2)) {
    if (layout.fontSize > 6.5) layout.fontSize -= 0.5;
    else if (layout.page.orientation === 'portrait') Object.assign(layout, { fontSize: drawnSize, page: { ...layout.page, orientation: 'landscape' } });
    else if (layout.page.size !== 'A3') Object.assign(layout, { fontSize: drawnSize, page: { ...layout.page, size: 'A3' } });
    else throw new Error('no page holds the narrowest columns of this document');
    fits = fitted();
  }
  return fits;
}

/**
 * The blocks of a document in a layout, with every table's column widths fitted to the page
 * (fitTables) and its page breaks placed.
 */
export function blocksOf(doc, layout) {
  const blocks = doc.kind === 'narrative' ? narrativeBlocks(doc, layout) : kpiBlocks(doc, layout);
  const tables = blocks.filter((b) => b.type === 'table');
  const fits = fitTables(tables, layout, (b) => layout.fillWidth || b.role === 'narrative' || b.role === 'legend');
  tables.forEach((block, k) => {
    block.widths = fits[k].widths;
    const body = block.rows.length - block.headerRows;
    const candidates =
      block.role === 'detail' || block.role === 'narrative'
        ? layout.breakFractions
            .map((f) => block.headerRows + 1 + Math.floor(f * (body - 1)))
            .filter((r) => r < block.rows.length && !block.rows[r][0].spanned)
            .sort((a, b) => a - b)
        : [];
    // A forced break a few rows after another would leave a page with a row or two on it.
    block.breaksBefore = candidates.filter((r, j) => j === 0 || r - candidates[j - 1] >= MIN_ROWS_BETWEEN_BREAKS);
  });
  return blocks;
}

/** The choices a layout is made of; producers and the property test draw them alike. */
export function layoutArb(producer) {
  const fonts = producer === 'calc' || producer === 'writer' ? SYSTEM_FONTS : Object.keys(FONTS);
  const unit = fc.noBias(fc.integer({ min: 0, max: 100 }).map((n) => n / 100));
  return fc.record({
    producer: fc.constant(producer),
    dialect: fc.constant('standard'),
    font: fc.constantFrom(...fonts),
    fontSize: fc.constantFrom(7, 7.5, 8, 8.5, 9, 10),
    page: fc.record({
      size: fc.constantFrom('A4', 'A4', 'A3', 'B4', 'B5'),
      orientation: fc.constantFrom('landscape', 'landscape', 'portrait'),
      margins: fc.tuple(fc.integer({ min: 20, max: 50 }), fc.integer({ min: 28, max: 60 }), fc.integer({ min: 20, max: 50 }), fc.integer({ min: 28, max: 60 })),
    }),
    rules: fc.constantFrom(...RULES),
    valign: fc.constantFrom(...VALIGNS),
    headings: fc.constantFrom('rows', 'rows', 'columns'),
    columnChoices: fc.record({
      summary: fc.array(unit, { minLength: 8, maxLength: 8 }),
      detail: fc.array(unit, { minLength: 10, maxLength: 10 }),
      legend: fc.array(unit, { minLength: 3, maxLength: 3 }),
      narrative: fc.array(unit, { minLength: 3, maxLength: 3 }),
    }),
    breakValues: fc.boolean(),
    breakProgress: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    repeatHeader: fc.boolean(),
    breakFractions: fc.array(unit, { maxLength: 2 }),
    rowPadding: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    topSpace: fc.integer({ min: 0, max: 200 }),
    titleOnEveryPage: fc.boolean(),
    pageNumbers: fc.constantFrom('n / N', '- n -', 'none'),
    strategyPerPage: fc.boolean(),
    fillWidth: fc.boolean(),
    listMarkers: fc.boolean(),
    // Headings letter-spaced to fill their cells (均等割り付け: Excel's distributed alignment), as
    // many offices set them. Drawn last, so that the earlier choices of a seed stay as they were.
    spreadHeadings: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  });
}
