import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import { measureList } from './templates.js';
import type { DiffCell, DiffRowView, DiffView } from './diff-view.js';
import { type DetailRow, type IndicatorView, type KpiView, type StrategyView, strategyNotes } from './kpi-view.js';
import type { NarrativeView } from './narrative-view.js';
import type { RenderOptions } from './page-view.js';

/**
 * The KPI report as a Word document, for the 議会資料 assembled in Word: per 重点戦略 its summary
 * table and its detail table — real tables with the PDF's columns and headings, the 戦略方針 and
 * 施策 as merged rows across the table, status marks in their grades' colours, corrected cells
 * shaded and the notes under the table — on the PDF's paper, landscape, the heading row
 * repeated on every page.
 */

/** The report's font, named for every script; where a reader lacks it, its own Japanese Gothic stands in. */
const FONT = 'BIZ UDPGothic';
const FALLBACK_FONT = 'Yu Gothic';
/** Sizes in half-points, as OOXML counts them. */
const TITLE_SIZE = 28;
const HEADING_SIZE = 22;
const BODY_SIZE = 18;
/** Portrait paper in twentieths of a point (OOXML's twips); the sections are turned landscape. */
const PAPER_TWIPS: Record<RenderOptions['paper'], { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  A3: { width: 16838, height: 23811 },
};
/** Margins in twips: 1.5 cm. */
const MARGIN = 850;
const HEADING_FILL = 'E6E6E6';
const GROUP_FILL = 'F2F2F2';
/** A cell tassei printed differently from the source is shaded, as in the PDF. */
const CORRECTED_FILL = 'FFF2CC';
/** The summary table's label column, in percent of the width; the counts share the rest. */
const SUMMARY_LABEL_SHARE = 44;
/** A 新旧対照表's 区分 and name columns, in percent of the width; the two years' values share the rest. */
const DIFF_MARK_SHARE = 6;
const DIFF_NAME_SHARE = 22;
/** A narrative's 基本方針 column, in percent of the width; results and plans share the rest. */
const NARRATIVE_POLICY_SHARE = 20;
/** The detail table's columns and their shares of the width, in percent. */
const DETAIL_COLUMNS = (actualHeading: string) =>
  [
    { heading: '目標指標', share: 40 },
    { heading: '※', share: 3 },
    { heading: '単位', share: 8 },
    { heading: '現状値 a', share: 10 },
    { heading: actualHeading, share: 10 },
    { heading: '目標値 c', share: 10 },
    { heading: '進捗率', share: 10 },
    { heading: '状況', share: 9 },
  ] as const;

function text(value: string, options: { bold?: boolean; colour?: string; size?: number } = {}): TextRun {
  return new TextRun({ text: value, bold: options.bold ?? false, size: options.size ?? BODY_SIZE, ...(options.colour ? { color: options.colour } : {}) });
}

function cell(
  value: string,
  options: { bold?: boolean; colour?: string; fill?: string; align?: 'left' | 'center' | 'right'; span?: number; share?: number } = {},
): TableCell {
  const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }[options.align ?? 'left'];
  return new TableCell({
    children: [new Paragraph({ alignment, children: [text(value, options)] })],
    verticalAlign: VerticalAlign.CENTER,
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.share ? { width: { size: options.share, type: WidthType.PERCENTAGE } } : {}),
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
  });
}

/** A narrative column's bullets (・), a paragraph each. */
function bulletCell(items: readonly string[]): TableCell {
  return new TableCell({
    children: items.length === 0 ? [new Paragraph({ children: [] })] : items.map((item) => new Paragraph({ children: [text(`・${item}`)] })),
    verticalAlign: VerticalAlign.TOP,
  });
}

function headingRow(headings: readonly { heading: string; share?: number }[]): TableRow {
  return new TableRow({
    tableHeader: true,
    children: headings.map((h) => cell(h.heading, { bold: true, fill: HEADING_FILL, align: 'center', share: h.share })),
  });
}

function indicatorRow(indicator: IndicatorView): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell(indicator.name),
      cell(indicator.ratio ? '※' : '', { align: 'center' }),
      cell(indicator.unit, { align: 'center' }),
      cell(indicator.baseline, { align: 'right' }),
      cell(indicator.actual, { align: 'right' }),
      cell(indicator.target, { align: 'right' }),
      cell(indicator.progress, { align: 'right', ...(indicator.progressCorrected ? { fill: CORRECTED_FILL } : {}) }),
      cell(indicator.status, {
        align: 'center',
        colour: indicator.colour.replace('#', ''),
        bold: indicator.best,
        ...(indicator.statusCorrected ? { fill: CORRECTED_FILL } : {}),
      }),
    ],
  });
}

/** A heading row of the detail table (基本目標, a 戦略方針, a 施策): one cell across the table. */
function groupRow(label: string, columns: number, bold: boolean): TableRow {
  return new TableRow({ cantSplit: true, children: [cell(label, { bold, fill: GROUP_FILL, span: columns })] });
}

function detailRows(rows: readonly DetailRow[], columns: number): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    if (row.kind === 'strategy') {
      out.push(groupRow('基本目標', columns, true));
      if (row.indicator) out.push(indicatorRow(row.indicator));
    } else if (row.kind === 'policy') out.push(groupRow(`${row.no}　${row.title}`, columns, true));
    else if (row.kind === 'measure') out.push(groupRow(`（${row.no}）${row.title}`, columns, false));
    else out.push(indicatorRow(row.indicator));
  }
  return out;
}

function summaryTable(view: KpiView, strategy: StrategyView): Table {
  const counts = view.summaryLayout.headings.length;
  const headings = [
    { heading: '', share: SUMMARY_LABEL_SHARE },
    ...view.summaryLayout.headings.map((heading) => ({ heading, share: (100 - SUMMARY_LABEL_SHARE) / counts })),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      headingRow(headings),
      ...strategy.summary.map(
        (row) =>
          new TableRow({
            children: [
              cell(row.kind === 'total' ? '合計' : row.label, { bold: row.kind === 'total' }),
              ...row.cells.map((c) => cell(String(c.value), { align: 'right', ...(c.corrected ? { fill: CORRECTED_FILL } : {}) })),
            ],
          }),
      ),
    ],
  });
}

function strategySection(view: KpiView, strategy: StrategyView, first: boolean): (Paragraph | Table)[] {
  const columns = DETAIL_COLUMNS(view.actualHeading);
  return [
    new Paragraph({
      pageBreakBefore: !first,
      spacing: { after: 120 },
      children: [text(`重点戦略${strategy.no}　${strategy.title}`, { bold: true, size: HEADING_SIZE })],
    }),
    summaryTable(view, strategy),
    new Paragraph({ children: [] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [headingRow(columns), ...detailRows(strategy.rows, columns.length)] }),
    ...(strategy.hasRatio ? [new Paragraph({ children: [text('※ 進捗率は b / c で計算')] })] : []),
    ...strategyNotes(strategy).map((note) => new Paragraph({ children: [text(`訂正　${note}`)] })),
  ];
}

/** The page number in the style the view's PDF prints (`- {page} -`, `{page} / {pages}`, …; none where empty). */
function footer(pageNumberFormat: string): Footer | undefined {
  if (pageNumberFormat === '') return undefined;
  const children = pageNumberFormat
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT], size: BODY_SIZE })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: BODY_SIZE })
          : text(part),
    );
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

/** A landscape document on the report's paper, in the report's font, with its page numbers. */
async function pack(view: { title: string; pageNumberFormat: string }, options: RenderOptions, children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const { title } = view;
  const page = footer(view.pageNumberFormat);
  const document = new Document({
    creator: 'tassei',
    title,
    styles: { default: { document: { run: { font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT }, size: BODY_SIZE } } } },
    theme: {
      fonts: {
        body: { latin: FONT, eastAsia: FONT, scripts: { Jpan: FALLBACK_FONT } },
        headings: { latin: FONT, eastAsia: FONT, scripts: { Jpan: FALLBACK_FONT } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { ...PAPER_TWIPS[options.paper], orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        ...(page ? { footers: { default: page } } : {}),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** The Word document of a KPI report's view (the same view the PDF is laid out from). */
export async function renderKpiDocx(view: KpiView, options: RenderOptions): Promise<Uint8Array> {
  return pack(view, options, [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [text(`${view.title}${view.draft ? '（案）' : ''}`, { bold: true, size: TITLE_SIZE })],
    }),
    ...view.strategies.flatMap((s, i) => strategySection(view, s, i === 0)),
    new Paragraph({ spacing: { before: 200 }, children: [text(view.legend.map((l) => l.text).join(''))] }),
  ]);
}

/** A 新旧対照表 cell: its parts, the changed ones underlined (傍線). */
function diffCell(parts: readonly DiffCell[] | null, share?: number): TableCell {
  const runs = (parts ?? []).map((p) => new TextRun({ text: p.text, size: BODY_SIZE, ...(p.changed ? { underline: { type: UnderlineType.SINGLE } } : {}) }));
  return new TableCell({ children: [new Paragraph({ children: runs })], ...(share ? { width: { size: share, type: WidthType.PERCENTAGE } } : {}) });
}

/** The table of a 新旧対照表: 区分, the row's name (KPI), then last year's values beside this year's. */
function diffTable(view: DiffView, rows: readonly DiffRowView[], headings: readonly string[], options: RenderOptions): Table {
  const named = view.kpi || rows.some((r) => r.kind === 'summary');
  const lead = named ? 2 : 1;
  const columns = lead + 2 * headings.length;
  const side = (heading: string) => cell(heading, { bold: true, fill: HEADING_FILL, align: 'center', span: headings.length });
  const top = new TableRow({
    tableHeader: true,
    children: [
      cell('区分', { bold: true, fill: HEADING_FILL, align: 'center' }),
      ...(named ? [cell('', { fill: HEADING_FILL })] : []),
      side(view.oldHeading),
      side(view.newHeading),
    ],
  });
  const second = new TableRow({
    tableHeader: true,
    children: [
      cell('', { fill: HEADING_FILL }),
      ...(named ? [cell('', { fill: HEADING_FILL })] : []),
      ...[...headings, ...headings].map((h) => cell(h, { bold: true, fill: HEADING_FILL, align: 'center' })),
    ],
  });
  const values = (parts: readonly DiffCell[] | null) => (parts ? parts.map((p) => diffCell([p])) : headings.map(() => diffCell(null)));
  const body = rows.map((r): TableRow => {
    switch (r.kind) {
      case 'group':
      case 'subgroup':
        return groupRow(r.title, columns, r.kind === 'group');
      case 'bullet':
        return new TableRow({ cantSplit: true, children: [cell(r.mark, { align: 'center' }), diffCell(r.old), diffCell(r.now)] });
      case 'indicator':
        return new TableRow({
          cantSplit: true,
          children: [
            cell(r.mark, { align: 'center' }),
            diffCell(r.note ? [...r.name, { text: `　${r.note}`, changed: false }] : r.name),
            ...values(r.old),
            ...values(r.now),
          ],
        });
      case 'summary':
        return new TableRow({ cantSplit: true, children: [cell('集計', { align: 'center' }), cell(r.name), ...values(r.old), ...values(r.now)] });
    }
  });
  // Fixed widths: 区分 and the name take their share, the values split the rest.
  const width = PAPER_TWIPS[options.paper].height - 2 * MARGIN;
  const leadWidths = named ? [DIFF_MARK_SHARE, DIFF_NAME_SHARE] : [DIFF_MARK_SHARE];
  const valueWidth = (100 - leadWidths.reduce((a, b) => a + b, 0)) / (2 * headings.length);
  const columnWidths = [...leadWidths, ...Array<number>(2 * headings.length).fill(valueWidth)].map((share) => Math.floor((width * share) / 100));
  return new Table({ width: { size: width, type: WidthType.DXA }, columnWidths, layout: TableLayoutType.FIXED, rows: [top, second, ...body] });
}

/** The Word document of a 新旧対照表 (the same view as its PDF). */
export async function renderDiffDocx(view: DiffView, options: RenderOptions): Promise<Uint8Array> {
  return pack(view, options, [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [text(view.title, { bold: true, size: TITLE_SIZE })] }),
    ...(view.empty ? [new Paragraph({ children: [text('変更なし')] })] : [diffTable(view, view.rows, view.valueHeadings, options)]),
    ...(view.summaries.length > 0 ? [new Paragraph({ children: [] }), diffTable(view, view.summaries, view.summaryHeadings, options)] : []),
    new Paragraph({ spacing: { before: 200 }, children: [text(view.legend)] }),
  ]);
}

/** A goal of a narrative: its table of 基本方針, this year's results beside next year's plans, and each policy's 施策. */
function goalTable(view: NarrativeView, goal: NarrativeView['goals'][number], first: boolean): (Paragraph | Table)[] {
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: [cell(`基本目標${goal.no}　${goal.title}`, { bold: true, fill: HEADING_FILL, span: 3 })] }),
    new TableRow({
      tableHeader: true,
      children: [
        cell('基本方針名', { bold: true, fill: HEADING_FILL, align: 'center', share: NARRATIVE_POLICY_SHARE }),
        cell(view.resultsHeading, { bold: true, fill: HEADING_FILL, align: 'center', share: (100 - NARRATIVE_POLICY_SHARE) / 2 }),
        cell(view.plansHeading, { bold: true, fill: HEADING_FILL, align: 'center', share: (100 - NARRATIVE_POLICY_SHARE) / 2 }),
      ],
    }),
  ];
  for (const row of goal.rows) {
    const span = goal.rows.filter((r) => r.policy === row.policy).length;
    // The policy's name: one cell down all its rows (opened on its first row).
    const head =
      row.kind === 'bullets' && row.first
        ? [new TableCell({ rowSpan: span, children: [new Paragraph({ children: [text(`${row.policy.no}　${row.policy.title}`)] })] })]
        : [];
    rows.push(
      new TableRow({
        cantSplit: true,
        children:
          row.kind === 'bullets' ? [...head, bulletCell(row.results), bulletCell(row.plans)] : [cell(measureList(row.measures), { fill: GROUP_FILL, span: 2 })],
      }),
    );
  }
  return [new Paragraph({ pageBreakBefore: !first, children: [] }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })];
}

/** The Word document of a narrative (the same view as its PDF). */
export async function renderNarrativeDocx(view: NarrativeView, options: RenderOptions): Promise<Uint8Array> {
  return pack(view, options, [
    new Paragraph({ spacing: { after: 200 }, children: [text(view.title, { bold: true, size: TITLE_SIZE })] }),
    ...view.goals.flatMap((g, i) => goalTable(view, g, i === 0)),
  ]);
}
