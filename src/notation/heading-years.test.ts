import { describe, expect, it } from 'vitest';
import { advanceHeadingYear, headingYears } from './heading-years.js';

describe('heading years', () => {
  it.each([
    ['現在値（R2）', 2020, 2021, '現在値（R3）'],
    ['実績値\n(H30)', 2018, 2019, '実績値\n(R1)'],
    ['平成30年度', 2018, 2019, '令和元年度'],
    ['H30', 2018, 2019, 'R1'],
    ['令和元年度', 2019, 2020, '令和2年度'],
    ['平成 28 (現状値)', 2016, 2017, '平成 29 (現状値)'],
    ['2020年度実績', 2020, 2021, '2021年度実績'],
    ['Ｒ２実績', 2020, 2021, 'Ｒ３実績'],
    ['R2', 2020, 2021, 'R3'],
    // Other years of the heading stay as printed.
    ['基準値（H26）', 2020, 2021, '基準値（H26）'],
    ['目標値（R6）', 2020, 2021, '目標値（R6）'],
    // A title names the report's year; a period's bounds stay.
    ['令和4年度実績評価シート【重要業績評価指標（KPI）】', 2022, 2023, '令和5年度実績評価シート【重要業績評価指標（KPI）】'],
    ['総合戦略の進捗状況（令和4年度実績）', 2022, 2023, '総合戦略の進捗状況（令和5年度実績）'],
    ['第2期総合戦略（令和2年度～令和4年度）の進捗', 2022, 2023, '第2期総合戦略（令和2年度～令和4年度）の進捗'],
    ['計画期間 2020-2022年度', 2022, 2023, '計画期間 2020-2022年度'],
  ])('%s, %i → %i: %s', (heading, from, to, expected) => {
    expect(advanceHeadingYear(heading, from, to)).toBe(expected);
  });

  it('finds each year of a heading in any notation', () => {
    expect(headingYears('基準値（H26）→目標値（令和6年度）, 2019').map((y) => y.year)).toEqual([2014, 2024, 2019]);
  });
});
