import { describe, expect, it } from 'vitest';
import { HierarchyLevels, isGoalIndicatorsLabel, readBanner } from './hierarchy.js';

describe('readBanner: hierarchy rows as municipalities print them (layouts.md §4 item 7)', () => {
  it.each([
    ['基本目標1　しごとをつくり、安心して働けるようにする', '基本目標', '1', 1, 'しごとをつくり、安心して働けるようにする'],
    ['基本目標Ⅱ 新しいひとの流れをつくる', '基本目標', 'Ⅰ', 2, '新しいひとの流れをつくる'],
    ['基本的方向(1)　地域産業の振興', '基本的方向', '(1)', 1, '地域産業の振興'],
    ['具体的な施策②　商工業の振興と創業支援', '具体的な施策', '①', 2, '商工業の振興と創業支援'],
    ['■施策③ 農林業の振興', '■施策', '①', 3, '農林業の振興'],
    ['-政策目標2-　にぎわいと活力のあるまち', '政策目標', '-1-', 2, 'にぎわいと活力のあるまち'],
    ['第3章 活力ある産業振興によるまちづくり', '', '第1章', 3, '活力ある産業振興によるまちづくり'],
    ['基本戦略①　妊娠・出産・子育ての切れ目ない支援', '基本戦略', '①', 1, '妊娠・出産・子育ての切れ目ない支援'],
    ['Ⅰ北九州市にしごとをつくり、安心して働けるようにする', '', 'Ⅰ', 1, '北九州市にしごとをつくり、安心して働けるようにする'],
    ['(ⅲ)具体的施策・施策ごとの重要業績評価指標', '', '(ⅰ)', 3, '具体的施策・施策ごとの重要業績評価指標'],
    // Labels no list holds, named with a level's word.
    ['施策の方向(1) 農林水産業の推進', '施策の方向', '(1)', 1, '農林水産業の推進'],
    ['重点プロジェクト2 子育て支援', '重点プロジェクト', '1', 2, '子育て支援'],
    ['取組の柱② 観光の振興', '取組の柱', '①', 2, '観光の振興'],
  ])('%s', (text, label, numbering, no, title) => {
    expect(readBanner(text)).toEqual({ label, numbering, no, title });
  });

  it.each([['1 町内事業所の従業者数'], ['① 融資実行件数'], ['婚姻率'], ['合計'], ['≪成果と見直し≫ 防護柵の設置等により'], ['観光客数(1)'], ['市民満足度1位']])(
    '%s is no banner',
    (text) => {
      expect(readBanner(text)).toBeNull();
    },
  );

  it.each([['数値目標'], ['■数値目標'], ['【数値目標】']])('%s labels a goal’s own indicators', (text) => expect(isGoalIndicatorsLabel(text)).toBe(true));
});

describe('HierarchyLevels: the levels printed, mapped onto strategy › policy › measure', () => {
  it('three levels in the order first met; a level met again keeps its depth', () => {
    const levels = new HierarchyLevels();
    expect(levels.depthOf('基本目標', '基本目標', '1', 'banner')).toBe(0);
    expect(levels.depthOf('基本的方向', '基本的方向', '(1)', 'banner')).toBe(1);
    expect(levels.depthOf('具体的な施策', '具体的な施策', '①', 'banner')).toBe(2);
    expect(levels.depthOf('基本目標', '基本目標', '1', 'banner')).toBe(0);
    expect(levels.layout().map((l) => l.level)).toEqual(['strategy', 'policy', 'measure']);
  });

  it('two levels: a banner and a grouping column are strategy and policy (the measure is the reader’s)', () => {
    const levels = new HierarchyLevels();
    levels.depthOf('基本目標', '基本目標', '1', 'banner');
    levels.depthOf('column:施策', '施策', '①', 'column');
    expect(levels.layout()).toEqual([
      { level: 'strategy', label: '基本目標', numbering: '1', style: 'banner' },
      { level: 'policy', label: '施策', numbering: '①', style: 'column' },
    ]);
  });

  it('a level printed in a grouping column and again as a banner (重点戦略1 over its count table) is one level', () => {
    const levels = new HierarchyLevels();
    expect(levels.depthOf('column:重点戦略', '重点戦略', '1', 'column')).toBe(0);
    expect(levels.depthOf('重点戦略', '重点戦略', '1', 'banner')).toBe(0);
    expect(levels.layout()).toEqual([{ level: 'strategy', label: '重点戦略', numbering: '1', style: 'column' }]);
    // Met first as a banner (over its count table), then as the table's grouping column: a column.
    const banner = new HierarchyLevels();
    banner.depthOf('基本目標', '基本目標', '1', 'banner');
    expect(banner.depthOf('column:基本目標', '基本目標', '1', 'column')).toBe(0);
    expect(banner.layout()).toEqual([{ level: 'strategy', label: '基本目標', numbering: '1', style: 'column' }]);
  });

  it('a level printed without a label in a grouping column (Ⅰ …, 第1章 …) and again as a banner over its count table is one level, told by its numbering', () => {
    const levels = new HierarchyLevels();
    expect(levels.depthOf('column:基本目標', '', 'Ⅰ', 'column')).toBe(0);
    expect(levels.depthOf('column:基本施策', '基本施策', '1', 'column')).toBe(1);
    expect(levels.depthOf('Ⅰ', '', 'Ⅰ', 'banner')).toBe(0);
    // Another numbering without a label is another level.
    expect(levels.depthOf('(1)', '', '(1)', 'banner')).toBe(2);
  });
});
