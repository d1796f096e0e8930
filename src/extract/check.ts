import type { Indicator, KpiDocument, KpiPlace, Message, NarrativeDocument, PrintedSummary, Summary } from '../model/types.js';
import { say, t, type Text } from '../model/i18n.js';
import { warningMessage } from '../model/messages.js';
import { EXTRACTION_DOUBT_RULE } from '../evaluate/doubts.js';

/**
 * The extractor's self-check: what the document itself says about how it must read. Where it
 * prints summary tables, each policy's total is the number of its indicators and the counts
 * are what its printed statuses give; every indicator has a name and values; every narrative
 * policy has its 施策 list. A check that fails is a warning that says where the evidence
 * points: at the extraction (a row with no name, a row with no values: a wrapped row read as
 * two) or at the document (a total its own counts do not add up to). Pure.
 */

/** Where an indicator was read: for messages that point at the row. */
export interface RowOrigin {
  page: number;
  /** The top of the row, in points from the top of the page. */
  top: number;
  text: string;
}

/** A message's rule when the evidence points at the document. */
export const DOCUMENT_DOUBT = 'document-check';

/** What makes an indicator row look misread: no name, or no value at all. */
function defectOf(indicator: Indicator): Text | null {
  if (indicator.name.trim() === '') return t('名前のない指標の行', 'an indicator row with no name');
  const values = [indicator.baseline, indicator.actual, indicator.target];
  if (values.every((m) => (m?.text ?? '').trim() === '')) return t('現状・実績・目標のどれもない行', 'a row with no baseline, actual or target');
  if (indicator.reported.progress !== null && indicator.reported.status === null) return t('進捗率があって状況のない行', 'a row with a progress and no status');
  return null;
}

function countsOf(indicators: readonly Indicator[]): Summary {
  const s: Summary = { achieved: 0, improved: 0, unchanged: 0, worsened: 0, total: indicators.length };
  for (const i of indicators) {
    const status = i.reported.status;
    const column = status === 'nodata' ? 'unchanged' : status;
    if (column !== null && column in s) s[column] = s[column]! + 1;
  }
  return s;
}

const where = (o: RowOrigin | undefined) =>
  o
    ? t(
        `${o.page}ページ 上から${Math.round(o.top)}pt「${o.text.slice(0, 40)}」`,
        `page ${o.page}, ${Math.round(o.top)} pt from the top: "${o.text.slice(0, 40)}"`,
      )
    : '';

/** Checks one group of indicators against the summary row printed for it. */
function checkGroup(
  label: Text,
  place: KpiPlace,
  indicators: readonly Indicator[],
  printed: PrintedSummary | null,
  origins: ReadonlyMap<Indicator, RowOrigin>,
  file: string,
): Message[] {
  const messages: Message[] = [];
  const defects = indicators.map((i) => ({ i, defect: defectOf(i) })).filter((d) => d.defect !== null);
  for (const { i, defect } of defects) {
    const o = origins.get(i);
    messages.push(
      warningMessage(
        file,
        EXTRACTION_DOUBT_RULE,
        t(
          `${label.ja}: ${say(defect, 'ja')}（${say(where(o), 'ja')}）。折り返した行を二つに読んだおそれがあります`,
          `${label.en}: ${say(defect, 'en')} (${say(where(o), 'en')}); a wrapped row may have been read as two`,
        ),
        { ...(o ? { page: o.page } : {}), place, hint: t('PDFのこの行を確かめ、YAMLで直してください', 'check this row in the PDF and correct it in the YAML') },
      ),
    );
  }
  if (!printed) return messages;
  const counted = countsOf(indicators);
  // The printed counts of every grade column (a blank cell as 0) against the printed total.
  const sum = Object.entries(printed).reduce((n, [column, count]) => (column === 'total' ? n : n + (count ?? 0)), 0);
  const addsUp = sum === printed.total;
  if (counted.total !== printed.total || !addsUp) {
    const first = origins.get(indicators[0]!);
    const extraction = defects.length > 0;
    messages.push(
      warningMessage(
        file,
        extraction ? EXTRACTION_DOUBT_RULE : DOCUMENT_DOUBT,
        !addsUp
          ? t(
              `${label.ja}: 集計表の件数の和 ${sum} が合計 ${printed.total} と合いません（文書の誤り）`,
              `${label.en}: the summary's counts add up to ${sum}, not to its total ${printed.total} (an error of the document)`,
            )
          : extraction
            ? t(
                `${label.ja}: 読み取った指標は ${counted.total} 件、集計表の合計は ${printed.total} 件。読めていない行があります`,
                `${label.en}: ${counted.total} indicators read, the summary's total is ${printed.total}; rows were misread`,
              )
            : t(
                `${label.ja}: 読み取った指標は ${counted.total} 件で、どれも名前と値がそろっていますが、集計表の合計は ${printed.total} 件です（文書の誤りか、行の読み落とし）`,
                `${label.en}: ${counted.total} indicators read, each with a name and values, but the summary's total is ${printed.total} (an error of the document, or a row not read)`,
              ),
        { ...(first ? { page: first.page } : {}), place, hint: t('PDFの表と集計表を見比べてください', 'compare the table with its summary in the PDF') },
      ),
    );
  }
  return messages;
}

/** The self-check of a KPI document read from a PDF. */
export function checkKpiExtraction(document: KpiDocument, origins: ReadonlyMap<Indicator, RowOrigin>, file: string): Message[] {
  const messages: Message[] = [];
  for (const s of document.strategies) {
    const goalPlace: KpiPlace = { strategy: s.no, policy: null, measure: null, indicator: null };
    messages.push(...checkGroup(t(`重点戦略${s.no} 基本目標`, `strategy ${s.no}, 基本目標`), goalPlace, s.indicators, s.reportedGoalSummary, origins, file));
    for (const p of s.policies) {
      const place: KpiPlace = { strategy: s.no, policy: p.no, measure: null, indicator: null };
      messages.push(
        ...checkGroup(
          t(`重点戦略${s.no} 戦略方針${p.no}`, `strategy ${s.no}, policy ${p.no}`),
          place,
          p.measures.flatMap((m) => m.indicators),
          p.reportedSummary,
          origins,
          file,
        ),
      );
    }
  }
  return messages;
}

/** The self-check of a narrative read from a PDF: each policy has its 施策 list. */
export function checkNarrativeExtraction(document: NarrativeDocument, file: string): Message[] {
  return document.goals.flatMap((g) =>
    g.policies
      .filter((p) => p.measures.length === 0)
      .map((p) =>
        warningMessage(
          file,
          EXTRACTION_DOUBT_RULE,
          t(
            `基本目標${g.no} 基本方針${p.no}「${p.title}」の施策（①…）が読み取れません`,
            `goal ${g.no}, policy ${p.no} (${p.title}): its 施策 list (①…) was not read`,
          ),
          { hint: t('施策の行が取組の箇条書きに入っていないか、PDFと見比べてください', 'check in the PDF whether the 施策 line was read into a bullet') },
        ),
      ),
  );
}
