#!/usr/bin/env node
// Prints the two sample documents through other producers, so that the extractor is tested on
// PDFs it was not written against: Chromium (Skia) print-to-PDF with other column widths and
// fonts, with full borders (drawn as thin filled rectangles), with horizontal rules only and
// with no rules at all, and LibreOffice Writer from HTML. Also makes the unreadable inputs.
//
// Needs: chromium, soffice (libreoffice-writer), qpdf, fonts-ipafont, fonts-noto-cjk (Debian).
// Run: npm run build && node scripts/make-fixtures.mjs   (writes test/fixtures/pdf/)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocumentText, stringifyDocument } from '../dist/io/yaml.js';
import { chromiumPdf } from './corpus/producers.mjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/pdf');
const work = mkdtempSync(join(tmpdir(), 'tassei-fixtures-'));
const kpi = parseDocumentText(readFileSync(join(root, 'test/fixtures/expected/kpi-r1.yaml'), 'utf8'), 'kpi');
const narrative = parseDocumentText(readFileSync(join(root, 'test/fixtures/expected/narrative-r5.yaml'), 'utf8'), 'narrative');

const esc = (s) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
const LABEL = { achieved: '目標達成', improved: '改善↑', unchanged: '-', worsened: '悪化↓', nodata: '-' };
const progress = (p) => (p === null ? '-' : `${p.toFixed(1)}%`);

const STYLES = {
  borders: 'td, th { border: 0.6pt solid #444; }',
  hrules: 'td, th { border-top: 0.5pt solid #666; border-bottom: 0.5pt solid #666; }',
  borderless: 'td, th { border: none; }',
};

function page(font, rules, body, title, { fixedHeader = true } = {}) {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@page { size: A4 landscape; margin: 16mm 12mm 14mm 12mm; }
body { font-family: '${font}'; font-size: 8pt; margin: 0; }
.furniture { position: fixed; top: 0; left: 0; right: 0; text-align: center; font-size: 9pt; }
.footer { position: fixed; bottom: 0; left: 0; right: 0; text-align: right; font-size: 7pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 5mm; page-break-inside: auto; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
td, th { padding: 1.5pt 3pt; vertical-align: middle; }
th { font-weight: normal; background: #eee; }
td.n { text-align: right; white-space: nowrap; }
td.c { text-align: center; }
${STYLES[rules]}
ul { margin: 0; padding-left: 1.2em; }
li::marker { content: '• '; }
</style></head><body>${fixedHeader ? `<div class="furniture">${esc(title)}</div><div class="footer">tassei fixture</div>` : `<p>${esc(title)}</p>`}${body}</body></html>`;
}

function kpiHtml(doc, widths) {
  let html = '';
  const col = (w) => `<colgroup>${w.map((x) => `<col style="width:${x}%">`).join('')}</colgroup>`;
  for (const s of doc.strategies) {
    const sum = (r) => ['achieved', 'improved', 'unchanged', 'worsened', 'total'].map((k) => `<td class="n">${r[k]}</td>`).join('');
    html += `<table>${col([8, 34, 18, 8, 8, 8, 8, 8])}<thead><tr><th>重点戦略</th><th>戦略方針</th><th>施策</th><th>目標達成</th><th>改善↑</th><th>-</th><th>悪化↓</th><th>合計</th></tr></thead><tbody>`;
    html += `<tr><td class="c">${s.no}</td><td colspan="2">${esc(s.title)}</td>${sum(s.reportedSummary)}</tr>`;
    html += `<tr><td></td><td colspan="2">基本目標</td>${sum(s.reportedGoalSummary)}</tr>`;
    for (const p of s.policies) html += `<tr><td></td><td colspan="2">${p.no} ${esc(p.title)}</td>${sum(p.reportedSummary)}</tr>`;
    html += '</tbody></table>';
    const ind = (i) =>
      `<td>${esc(i.name)}${i.method === 'ratio' ? '※' : ''}</td><td class="c">${esc(i.unit ?? '-')}</td><td class="n">${esc(i.baseline.text)}</td><td class="n">${esc(i.actual.text)}</td><td class="n">${esc(i.target.text)}</td><td class="n">${progress(i.reported.progress)}</td><td class="c">${i.reported.status ? LABEL[i.reported.status] : ''}</td>`;
    html += `<table>${col(widths)}<thead><tr><th>重点戦略</th><th>戦略方針</th><th>施策</th><th>目標指標</th><th>単位</th><th>現状 a</th><th>R1実績 b</th><th>目標 c</th><th>進捗率<br>(b-a)/(c-a)</th><th>状況</th></tr></thead><tbody>`;
    const [first, ...goals] = s.indicators;
    html += `<tr><td class="c">${s.no}</td><td colspan="2">${esc(s.title)}</td>${first ? ind(first) : '<td colspan="7"></td>'}</tr>`;
    for (const g of goals) html += `<tr><td></td><td colspan="2"></td>${ind(g)}</tr>`;
    for (const p of s.policies) {
      html += `<tr><td></td><td colspan="9">${p.no} ${esc(p.title)}</td></tr>`;
      for (const m of p.measures) {
        html += `<tr><td></td><td></td><td colspan="8">${m.no} ${esc(m.title)}</td></tr>`;
        for (const i of m.indicators) html += `<tr><td></td><td></td><td></td>${ind(i)}</tr>`;
      }
    }
    html += '</tbody></table>';
    if (s.policies.some((p) => p.measures.some((m) => m.indicators.some((i) => i.method === 'ratio'))) || s.indicators.some((i) => i.method === 'ratio')) {
      html += '<p>備考 目標指標の※印の進捗率は、b/cにより算出</p>';
    }
  }
  return html;
}

function narrativeHtml(doc, { listMarkers }) {
  const era = (y) => (y === 2019 ? '令和元' : `令和${y - 2018}`);
  let html = `<h1 style="font-size:12pt">${esc(doc.title)}</h1><p>次ページからの記載事項</p>`;
  html += `<table><thead><tr><th style="width:20%">基本方針名</th><th>${era(doc.fiscalYear)}年度 主な取組内容／実績</th><th>${era(doc.nextYear)}年度 主な取組／今後の方向性</th></tr></thead><tbody><tr><td>基本目標名</td><td>・新たな取組実績</td><td>・新たな取組</td></tr></tbody></table>`;
  const bullets = (list) =>
    listMarkers
      ? `<ul>${list.map((b) => `<li>○${esc(b)}</li>`).join('')}</ul>`
      : list.map((b) => `<div style="padding-left:1em;text-indent:-1em">○${esc(b)}</div>`).join('');
  for (const g of doc.goals) {
    html += `<div style="page-break-before:always"><h2 style="font-size:10pt">基本目標${g.no} ${esc(g.title)}</h2><table><thead><tr><th style="width:18%">基本方針名</th><th style="width:41%">${era(doc.fiscalYear)}年度 主な取組内容／実績</th><th>${era(doc.nextYear)}年度 主な取組／今後の方向性</th></tr></thead><tbody>`;
    for (const p of g.policies) {
      html += `<tr><td rowspan="2">基本方針${p.no}<br>${esc(p.title)}</td><td style="vertical-align:top">${bullets(p.results)}</td><td style="vertical-align:top">${bullets(p.plans)}</td></tr>`;
      html += `<tr><td colspan="2">${p.measures.map((m, k) => `${String.fromCharCode(0x2460 + k)}${esc(m)}`).join('／')}</td></tr>`;
    }
    html += '</tbody></table></div>';
  }
  return html;
}

function chromium(html, name) {
  const file = join(work, `${name}.html`);
  writeFileSync(file, html);
  chromiumPdf(file, join(out, `${name}.pdf`));
}

// Writer/Web, as plain soffice opens HTML: it drops the title paragraph (a fault the fixtures keep).
function writer(html, name) {
  const file = join(work, `${name}.html`);
  writeFileSync(file, html);
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, file], { stdio: 'ignore' });
  renameSync(join(work, `${name}.pdf`), join(out, `${name}.pdf`));
}

chromium(page('Noto Serif CJK JP', 'borders', kpiHtml(kpi, [5, 13, 13, 25, 5, 9, 9, 8, 7, 6]), kpi.title), 'kpi-r1.chromium-borders');
chromium(page('IPAPGothic', 'hrules', kpiHtml(kpi, [4, 16, 16, 24, 6, 8, 8, 7, 6, 5]), kpi.title), 'kpi-r1.chromium-hrules');
chromium(page('IPAPMincho', 'borderless', kpiHtml(kpi, [6, 12, 14, 26, 5, 8, 8, 8, 7, 6]), kpi.title), 'kpi-r1.chromium-borderless');
writer(page('IPAPGothic', 'borders', kpiHtml(kpi, [5, 14, 14, 24, 5, 9, 9, 8, 7, 5]), kpi.title, { fixedHeader: false }), 'kpi-r1.writer');
chromium(page('Noto Sans CJK JP', 'borders', narrativeHtml(narrative, { listMarkers: true }), narrative.title), 'narrative-r5.chromium-borders');
chromium(page('IPAPMincho', 'borderless', narrativeHtml(narrative, { listMarkers: false }), narrative.title), 'narrative-r5.chromium-borderless');
writer(page('IPAPGothic', 'borders', narrativeHtml(narrative, { listMarkers: false }), narrative.title, { fixedHeader: false }), 'narrative-r5.writer');

// Another city's report of the same kind: its own titles and year (R4), no summary tables and
// no 基本目標 rows, measures numbered (1), full-width digits and △ for minus, status marks
// written 達成 / 改善 / － / 悪化, page numbers as "- 1 -". The document it prints is written
// beside it as the expected YAML.
const OTHER_MARKS = { achieved: '達成', improved: '改善', unchanged: '－', worsened: '悪化', nodata: '－' };
const v = (text, value, year = null) => ({ value, year, text });
const ind = (name, unit, a, b, c, progress, status, method = 'change') => ({
  name,
  unit,
  method,
  baseline: a,
  actual: b,
  target: c,
  reported: { progress, status },
});
const other = {
  kind: 'kpi-progress',
  title: '○○市まち・ひと・しごと創生総合戦略 KPIの進捗状況',
  fiscalYear: 2022,
  strategies: [
    {
      no: 1,
      title: '地域経済の活性化と雇用の創出',
      indicators: [],
      reportedGoalSummary: null,
      reportedSummary: null,
      policies: [
        {
          no: 1,
          title: '地場産業の振興',
          reportedSummary: null,
          measures: [
            {
              no: 1,
              title: '中小企業の経営支援',
              indicators: [
                ind('経営相談件数', '件', v('１２０', 120), v('１５０', 150), v('２００', 200), 37.5, 'improved'),
                ind('新規創業者数(累計)', '人', v('8', 8), v('8', 8), v('20', 20), 0, 'unchanged'),
              ],
            },
            {
              no: 2,
              title: '商店街のにぎわいづくり',
              indicators: [
                ind('空き店舗率', '%', v('12.5', 12.5), v('10.0', 10), v('8.0', 8), 55.6, 'improved'),
                ind('商店街の歩行者通行量(休日)', '人', v('3,200(R2)', 3200, 2020), v('2,950', 2950), v('4,000', 4000), -31.3, 'worsened'),
              ],
            },
          ],
        },
        {
          no: 2,
          title: '農林業の担い手育成',
          reportedSummary: null,
          measures: [
            {
              no: 1,
              title: '新規就農の支援',
              indicators: [
                ind('新規就農者数', '人', v('4', 4), v('7', 7), v('6', 6), 150, 'achieved'),
                ind('耕作放棄地の増減面積', 'ha', v('△1.5', -1.5), v('△0.5', -0.5), v('0.0', 0), 66.7, 'improved'),
              ],
            },
          ],
        },
      ],
    },
    {
      no: 2,
      title: '安心して暮らせるまちづくり',
      indicators: [],
      reportedGoalSummary: null,
      reportedSummary: null,
      policies: [
        {
          no: 1,
          title: '防災力の強化',
          reportedSummary: null,
          measures: [
            {
              no: 1,
              title: '自主防災組織の育成',
              indicators: [
                ind('自主防災組織の組織率※', '%', v('78.0', 78), v('82.4', 82.4), v('90.0', 90), 91.6, 'improved', 'ratio'),
                ind('防災訓練の参加者数', '人', v('1,850', 1850), v('-', null), v('2,500', 2500), null, 'nodata'),
              ],
            },
          ],
        },
      ],
    },
  ],
};
for (const i of other.strategies.flatMap((s) => s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators)))) i.name = i.name.replace(/※$/, '');
function otherHtml(doc) {
  let html = '';
  for (const s of doc.strategies) {
    html += `<table><colgroup>${[6, 14, 14, 24, 6, 9, 9, 8, 5, 5].map((x) => `<col style="width:${x}%">`).join('')}</colgroup>`;
    html += `<thead><tr><th>重点戦略</th><th>戦略方針</th><th>施策</th><th>目標指標</th><th>単位</th><th>現状値 a</th><th>R4実績値 b</th><th>目標値 c</th><th>進捗率</th><th>評価</th></tr></thead><tbody>`;
    html += `<tr><td class="c">${s.no}</td><td colspan="9">${esc(s.title)}</td></tr>`;
    for (const p of s.policies) {
      html += `<tr><td></td><td colspan="9">${p.no} ${esc(p.title)}</td></tr>`;
      for (const m of p.measures) {
        html += `<tr><td></td><td></td><td colspan="8">(${m.no}) ${esc(m.title)}</td></tr>`;
        for (const i of m.indicators) {
          html += `<tr><td></td><td></td><td></td><td>${esc(i.name)}${i.method === 'ratio' ? '※' : ''}</td><td class="c">${esc(i.unit)}</td><td class="n">${esc(i.baseline.text)}</td><td class="n">${esc(i.actual.text)}</td><td class="n">${esc(i.target.text)}</td><td class="n">${i.reported.progress === null ? '－' : `${i.reported.progress.toFixed(1)}%`}</td><td class="c">${OTHER_MARKS[i.reported.status]}</td></tr>`;
        }
      }
    }
    html += '</tbody></table>';
  }
  return html + '<p>備考　※印の指標の進捗率は b/c</p>';
}
const otherPage = page('Noto Sans CJK JP', 'hrules', otherHtml(other), other.title).replace(
  '<div class="footer">tassei fixture</div>',
  '<div class="footer" style="text-align:center">- ○○市 -</div>',
);
chromium(otherPage, 'kpi-other-city.chromium');
writeFileSync(join(root, 'test/fixtures/expected/kpi-other-city.yaml'), stringifyDocument(other, join(root, 'test/fixtures/expected/kpi-other-city.yaml')));

// Inputs that must be refused with a clear message.
writeFileSync(join(out, 'not-a-pdf.pdf'), 'This is a text file with a .pdf name.\n');
writeFileSync(join(out, 'truncated.pdf'), readFileSync(join(root, 'input/kpi-r1.pdf')).subarray(0, 4000));
execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(root, 'input/kpi-r1.pdf'), join(out, 'encrypted.pdf')]);
chromium(
  '<!doctype html><html><body style="margin:0"><svg width="600" height="400"><rect x="20" y="20" width="500" height="300" fill="#999"/><circle cx="200" cy="150" r="80" fill="#333"/></svg></body></html>',
  'scanned',
);
chromium(
  page(
    'IPAPGothic',
    'borders',
    '<h1>議事録</h1><p>令和5年度 第1回 総合戦略推進会議の議事録です。</p><table><tr><td>出席者</td><td>12名</td></tr></table>',
    '議事録',
  ),
  'unknown-kind',
);
console.log(`fixtures written to ${out}`);
