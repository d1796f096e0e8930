import { t, both, type Text } from './i18n.js';
import { DOUBT_HINT, actualDoubts } from './plausible.js';
import type { RuleId } from './rule-ids.js';
import type { Indicator, KpiDocument, Message, NarrativeDocument, Severity, TasseiDocument } from './types.js';
import { walkIndicators } from './walk.js';

/**
 * Checks of a document that its schema cannot express: numbering (重点戦略, 戦略方針, 施策,
 * 基本目標 and 基本方針 numbers are each 1, 2, 3 … within their parent), years against each
 * other, and text lengths. Pure: each problem is a message at a key path, located by the caller.
 */

type PathSegment = string | number;

/** Makes a located message of a problem at a key path (the YAML reader's locator); an error unless `severity` says otherwise. */
export type Locate = (path: readonly PathSegment[], rule: RuleId, message: Text, hint?: Text, severity?: Severity) => Message;

/**
 * Longer than any title, name or bullet a report prints (the longest in the samples is under
 * 200 characters); a longer one is a pasted file or an attack, and would take pages of a table.
 */
export const MAX_TEXT_LENGTH = 10_000;
/** A year note this far from the fiscal year is a typing slip (R200 for R2). */
const YEARS_BEFORE = 50;
const YEARS_AFTER = 30;
/**
 * A value observed (現状, 実績) may carry the next year's note, as a school year's figure taken
 * in spring (the R1 report prints 94.3 (R2)); later than that it cannot have been observed.
 */
const OBSERVED_AFTER = 1;

function numbering(items: readonly { no: number }[], base: readonly PathSegment[], what: Text, locate: Locate): Message[] {
  const messages: Message[] = [];
  const first = new Map<number, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.no);
    if (earlier === undefined) {
      first.set(item.no, i);
      return;
    }
    const line = locate([...base, earlier, 'no'], 'numbering-duplicate', t('', '')).line;
    messages.push(
      locate(
        [...base, i, 'no'],
        'numbering-duplicate',
        t(
          `${what.ja}の番号 ${item.no} が重複しています（${line !== undefined ? `${line} 行目` : `${earlier + 1} 番目`}と同じ番号）`,
          `${what.en} number ${item.no} is used twice (also ${line !== undefined ? `at line ${line}` : `item ${earlier + 1}`})`,
        ),
        t('番号を付け直してください（集計がずれます）', 'renumber them (the counts would be wrong)'),
      ),
    );
  });
  const missing: number[] = [];
  const highest = Math.max(0, ...first.keys());
  for (let n = 1; n < highest && missing.length < 10; n++) if (!first.has(n)) missing.push(n);
  if (missing.length > 0) {
    messages.push(
      locate(
        base,
        'numbering-gap',
        t(`${what.ja}の番号 ${missing.join('、')} がありません`, `${what.en} number(s) ${missing.join(', ')} missing`),
        t('削除したのなら番号を詰めてください', 'if it was removed on purpose, renumber the rest'),
        'warning',
      ),
    );
  }
  return messages;
}

function textLengths(value: unknown, path: PathSegment[], locate: Locate, messages: Message[]): void {
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT_LENGTH) {
      messages.push(
        locate(
          path,
          'text-too-long',
          t(
            `文字列が ${value.length} 文字あり、長すぎます（上限 ${MAX_TEXT_LENGTH} 文字）`,
            `the text has ${value.length} characters: too long (at most ${MAX_TEXT_LENGTH})`,
          ),
          t('項目ごとに分けるか、短くしてください', 'split it into items, or shorten it'),
        ),
      );
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => textLengths(v, [...path, i], locate, messages));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) textLengths(v, [...path, k], locate, messages);
}

const OBSERVED = ['baseline', 'actual', 'previousActual'] as const;
const MEASURED = [...OBSERVED, 'target'] as const;

function indicatorYears(indicator: Indicator, base: PathSegment[], fiscalYear: number, locate: Locate): Message[] {
  const messages: Message[] = [];
  for (const key of MEASURED) {
    const year = indicator[key]?.year;
    if (year === null || year === undefined) continue;
    const path = [...base, key, 'text'];
    if (year < fiscalYear - YEARS_BEFORE || year > fiscalYear + YEARS_AFTER) {
      messages.push(
        locate(
          path,
          'year-implausible',
          t(`年の注記 ${year} 年は年度 ${fiscalYear} からかけ離れています`, `the year note ${year} is far from the fiscal year ${fiscalYear}`),
          t('年の注記を確かめてください（例: (R2)、(H29)）', 'check the year note (e.g. (R2), (H29))'),
        ),
      );
    } else if ((OBSERVED as readonly string[]).includes(key) && year > fiscalYear + OBSERVED_AFTER) {
      messages.push(
        locate(
          path,
          'year-after-fiscal-year',
          t(
            `現状・実績の年 ${year} 年が報告の年度 ${fiscalYear} の翌年より後です（まだ観測できない年です）`,
            `the year ${year} of an observed value is later than the year after the report's fiscal year ${fiscalYear} (it cannot have been observed yet)`,
          ),
          t('年の注記か fiscalYear を確かめてください', 'check the year note or fiscalYear'),
        ),
      );
    }
  }
  return messages;
}

/** The rule of a new actual tassei questions (warned; `evaluate --strict` fails on it until confirmed). */
export const ACTUAL_DOUBT_RULE = 'actual-doubt';

function indicatorChecks(indicator: Indicator, path: PathSegment[], fiscalYear: number, locate: Locate): Message[] {
  const doubts = actualDoubts(indicator).map((d) =>
    locate(
      [...path, 'actual'],
      ACTUAL_DOUBT_RULE,
      both`${indicator.name}: ${t('実績', 'actual')} ${indicator.actual.text}: ${d.message}`,
      DOUBT_HINT(),
      'warning',
    ),
  );
  return [...indicatorYears(indicator, path, fiscalYear, locate), ...doubts];
}

function kpiChecks(doc: KpiDocument, locate: Locate): Message[] {
  const messages = numbering(doc.strategies, ['strategies'], t('重点戦略', 'strategy'), locate);
  doc.strategies.forEach((s, si) => {
    const sp: PathSegment[] = ['strategies', si];
    s.indicators.forEach((ind, ii) => messages.push(...indicatorChecks(ind, [...sp, 'indicators', ii], doc.fiscalYear, locate)));
    messages.push(...numbering(s.policies, [...sp, 'policies'], t('戦略方針', 'policy'), locate));
    s.policies.forEach((p, pi) => {
      messages.push(...numbering(p.measures, [...sp, 'policies', pi, 'measures'], t('施策', 'measure'), locate));
      p.measures.forEach((m, mi) =>
        m.indicators.forEach((ind, ii) =>
          messages.push(...indicatorChecks(ind, [...sp, 'policies', pi, 'measures', mi, 'indicators', ii], doc.fiscalYear, locate)),
        ),
      );
    });
  });
  return messages;
}

function narrativeChecks(doc: NarrativeDocument, locate: Locate): Message[] {
  const messages = numbering(doc.goals, ['goals'], t('基本目標', 'goal'), locate);
  doc.goals.forEach((g, gi) => messages.push(...numbering(g.policies, ['goals', gi, 'policies'], t('基本方針', 'policy'), locate)));
  if (doc.nextYear <= doc.fiscalYear) {
    messages.push(
      locate(
        ['nextYear'],
        'year-order',
        t(
          `nextYear（${doc.nextYear}）が fiscalYear（${doc.fiscalYear}）より後ではありません`,
          `nextYear (${doc.nextYear}) is not after fiscalYear (${doc.fiscalYear})`,
        ),
        t(
          `今後の方向性の年度は実績の翌年度です（nextYear: ${doc.fiscalYear + 1}）`,
          `the plans are for the year after the results (nextYear: ${doc.fiscalYear + 1})`,
        ),
      ),
    );
  } else if (doc.nextYear > doc.fiscalYear + 1) {
    messages.push(
      locate(
        ['nextYear'],
        'year-order',
        t(
          `nextYear（${doc.nextYear}）が fiscalYear（${doc.fiscalYear}）の翌年度ではありません`,
          `nextYear (${doc.nextYear}) is not the year after fiscalYear (${doc.fiscalYear})`,
        ),
        t(`ふつうは nextYear: ${doc.fiscalYear + 1} です`, `usually nextYear: ${doc.fiscalYear + 1}`),
        'warning',
      ),
    );
  }
  return messages;
}

/** Every problem of a schema-valid document beyond its schema: errors, and warnings to show. */
export function documentChecks(doc: TasseiDocument, locate: Locate): Message[] {
  const messages: Message[] = [];
  textLengths(doc, [], locate, messages);
  return [...messages, ...(doc.kind === 'kpi-progress' ? [...kpiChecks(doc, locate), ...layoutChecks(doc, locate)] : narrativeChecks(doc, locate))];
}

const GROUPING_ROLES = ['strategy', 'policy', 'measure'] as const;

/**
 * A layout's parts agree: a series column names its year, a grouping column has its level
 * printed as a column and the other way round, and an indicator's series has each year once.
 */
function layoutChecks(doc: KpiDocument, locate: Locate): Message[] {
  const layout = doc.layout;
  if (!layout) return [];
  const messages: Message[] = [];
  layout.columns.forEach((column, i) => {
    if (column.role === 'series' && column.fiscalYear === undefined)
      messages.push(
        locate(
          ['layout', 'columns', i],
          'layout-series-year',
          t(`年度の列「${column.heading}」に fiscalYear がありません`, `the year column "${column.heading}" has no fiscalYear`),
          t('例: { role: series, heading: R1, fiscalYear: 2019 }', 'e.g. { role: series, heading: R1, fiscalYear: 2019 }'),
        ),
      );
    const level = GROUPING_ROLES.find((r) => r === column.role);
    if (level && !layout.hierarchy.some((h) => h.level === level && h.style === 'column'))
      messages.push(
        locate(
          ['layout', 'columns', i],
          'layout-grouping',
          t(
            `「${column.heading}」は ${level} の列ですが、hierarchy に style: column の ${level} がありません`,
            `"${column.heading}" is a ${level} column, but hierarchy has no ${level} with style: column`,
          ),
          t(
            `hierarchy に { level: ${level}, label: …, numbering: "1", style: column } を書きます`,
            `add { level: ${level}, label: …, numbering: "1", style: column } to hierarchy`,
          ),
        ),
      );
  });
  layout.hierarchy.forEach((h, i) => {
    if (h.style === 'column' && !layout.columns.some((c) => c.role === h.level))
      messages.push(
        locate(
          ['layout', 'hierarchy', i],
          'layout-grouping',
          t(
            `${h.level} は列（style: column）ですが、columns に role: ${h.level} の列がありません`,
            `${h.level} is a column (style: column), but columns has no column of role ${h.level}`,
          ),
          t(
            `columns に { role: ${h.level}, heading: … } を書くか、style: banner にします`,
            `add { role: ${h.level}, heading: … } to columns, or make it style: banner`,
          ),
        ),
      );
  });
  walkIndicators(doc).forEach(({ indicator, path }) => {
    const years = (indicator.series ?? []).map((e) => e.fiscalYear);
    years.forEach((year, k) => {
      if (years.indexOf(year) !== k)
        messages.push(
          locate(
            [...pathSegments(path), 'series', k, 'fiscalYear'],
            'layout-series-year',
            t(`系列に ${year} 年度が 2 回あります`, `the series has the fiscal year ${year} twice`),
            t('年度ごとに 1 つにします', 'keep one entry per fiscal year'),
          ),
        );
    });
  });
  return messages;
}

/** `strategies[0].indicators[2]` as key path segments. */
function pathSegments(path: string): PathSegment[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
