import { describe, expect, it } from 'vitest';
import type { Indicator, KpiDocument, Measurement } from '../model/types.js';
import { evaluateDocument } from '../evaluate/evaluate.js';
import { readScheme } from '../evaluate/scheme-file.js';
import { trendOf } from './trend.js';
import { formatTrend, trendJson } from './trend-format.js';

const SCHEME = readScheme('schemes/default.yaml');

/** Names alike by their character pairs: enough to pair indicators, without a dictionary. */
const similarity = (a: string, b: string) => {
  const pairs = (t: string) => [...t].slice(1).map((c, i) => t[i] + c);
  const [x, y] = [pairs(a), pairs(b)];
  return x.length + y.length === 0 ? 1 : (2 * x.filter((p) => y.includes(p)).length) / (x.length + y.length);
};

const cell = (text: string): Measurement => ({ value: text === '' || text === '-' ? null : Number(text.replace(/,/g, '')), year: null, text });

function indicator(name: string, actual: string, target = '200', extra: Partial<Indicator> = {}): Indicator {
  return {
    name,
    unit: '人',
    method: 'change',
    baseline: cell('100'),
    actual: cell(actual),
    target: cell(target),
    reported: { progress: null, status: null },
    ...extra,
  };
}

/** A report of one year with its indicators in one measure (and, optionally, a second measure). */
function report(fiscalYear: number, indicators: Indicator[], second: Indicator[] = []): KpiDocument {
  return {
    kind: 'kpi-progress',
    title: 'KPI の進捗状況',
    fiscalYear,
    strategies: [
      {
        no: 1,
        title: '戦略',
        indicators: [],
        reportedGoalSummary: null,
        reportedSummary: null,
        policies: [
          {
            no: 1,
            title: '方針',
            reportedSummary: null,
            measures: [
              { no: 1, title: '施策一', indicators },
              { no: 2, title: '施策二', indicators: second },
            ],
          },
        ],
      },
    ],
  };
}

const years = (...docs: KpiDocument[]) =>
  trendOf(
    docs.map((document) => ({ document, evaluation: evaluateDocument(document, SCHEME) })),
    similarity,
  );

describe('trend: one report followed across years', () => {
  it('lays each year out as a column, whatever order the reports come in', () => {
    const trend = years(
      report(2021, [indicator('観光入込客数', '150')]),
      report(2019, [indicator('観光入込客数', '110')]),
      report(2020, [indicator('観光入込客数', '90')]),
    );
    expect(trend.years).toEqual([2019, 2020, 2021]);
    expect(trend.rows).toHaveLength(1);
    expect(trend.rows[0]!.years.map((c) => [c?.actual, c?.mark])).toEqual([
      ['110', '改善↑'],
      ['90', '悪化↓'],
      ['150', '改善↑'],
    ]);
  });

  it('follows a renamed indicator as one row with its former name, and a moved one with its former place', () => {
    const trend = years(
      report(2019, [indicator('観光入込客数', '110'), indicator('宿泊者数', '120')]),
      report(2020, [indicator('観光入込客の数', '130')], [indicator('宿泊者数', '140')]),
    );
    expect(trend.rows.map((r) => [r.name, r.formerNames])).toEqual([
      ['観光入込客の数', ['観光入込客数']],
      ['宿泊者数', []],
    ]);
    expect(trend.rows[1]!.formerPlaces).toEqual([{ strategy: 1, strategyTitle: '戦略', policy: 1, measure: 1 }]);
    expect(formatTrend(trend, 'text')).toContain('旧名称: 観光入込客数');
  });

  it('marks an indicator added in a later year and one that ended, with empty cells where not reported', () => {
    const trend = years(report(2019, [indicator('廃止指標', '110')]), report(2020, [indicator('新指標', '150')]));
    const byName = new Map(trend.rows.map((r) => [r.name, r]));
    expect(byName.get('新指標')!.addedIn).toBe(2020);
    expect(byName.get('新指標')!.years[0]).toBeNull();
    expect(byName.get('廃止指標')!.removedIn).toBe(2020);
    expect(byName.get('廃止指標')!.years[1]).toBeNull();
    const md = formatTrend(trend, 'md');
    expect(md).toContain('新規（令和2年度から）');
    expect(md).toContain('削除（令和2年度になし）');
  });

  it('notes a revised target and keeps a blank actual as 未記入, without a status', () => {
    const trend = years(report(2019, [indicator('観光入込客数', '110', '200')]), report(2020, [indicator('観光入込客数', '', '250')]));
    const row = trend.rows[0]!;
    expect(row.formerTargets).toEqual(['200']);
    expect(row.years[1]).toMatchObject({ blank: true, status: null, mark: null });
    expect(formatTrend(trend, 'text')).toMatch(/未記入.*目標変更: 200 → 250/);
  });

  it("fills years no report covers from a report's year series, and says where they come from", () => {
    const series = [
      { fiscalYear: 2017, value: 80, year: null, text: '80' },
      { fiscalYear: 2018, value: 95, year: null, text: '95' },
      { fiscalYear: 2019, value: 999, year: null, text: '999' },
    ];
    const trend = years(report(2019, [indicator('観光入込客数', '110', '200', { series })]));
    expect(trend.years).toEqual([2017, 2018, 2019]);
    // The report of 2019 is what 2019 printed; the series fills 2017 and 2018 only.
    expect(trend.rows[0]!.years.map((c) => [c?.actual, c?.source])).toEqual([
      ['80', 'series'],
      ['95', 'series'],
      ['110', 'report'],
    ]);
    expect(formatTrend(trend, 'text')).toContain('H29・H30 は令和元年度の報告の年度別の欄から');
  });

  it('gives programs every year of every indicator', () => {
    const json = trendJson(years(report(2019, [indicator('観光入込客数', '110')]), report(2020, [indicator('観光入込客数', '-')]))) as {
      indicators: { years: { fiscalYear: number; value: number | null; status: string | null }[] }[];
    };
    expect(json.indicators[0]!.years).toMatchObject([
      { fiscalYear: 2019, value: 110, status: 'improved' },
      { fiscalYear: 2020, value: null, status: 'nodata' },
    ]);
  });
});
