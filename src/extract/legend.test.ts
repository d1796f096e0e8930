import { describe, expect, it } from 'vitest';
import { holdsSpacedItems, isLegendLine, readLegend, readSpacedLegend } from './legend.js';

describe('readLegend: the marks a document defines', () => {
  it.each([
    [
      '【評価】S：現在値が目標値を超えている A：現在値が基準値を超えている －：評価できない',
      '【評価】',
      [
        ['S', '現在値が目標値を超えている'],
        ['A', '現在値が基準値を超えている'],
        ['－', '評価できない'],
      ],
    ],
    [
      '評価 ◎：目標値以上 ○：目標値と同等 △：目標値未満（未達成） ×：進捗なし・事業終了',
      '評価',
      [
        ['◎', '目標値以上'],
        ['○', '目標値と同等'],
        ['△', '目標値未満（未達成）'],
        ['×', '進捗なし・事業終了'],
      ],
    ],
    [
      '※進捗 A:目標達成に向け、順調に進捗している。 B:やや遅れているが、概ね順調',
      '※進捗',
      [
        ['A', '目標達成に向け、順調に進捗している。'],
        ['B', 'やや遅れているが、概ね順調'],
      ],
    ],
    ['※評価 -：横ばい・実績なし', '※評価', [['-', '横ばい・実績なし']]],
    [
      '改善・悪化:改善○,維持△,悪化×',
      '改善・悪化',
      [
        ['○', '改善'],
        ['△', '維持'],
        ['×', '悪化'],
      ],
    ],
  ])('%s', (text, heading, marks) => {
    expect(readLegend(text)).toEqual({ heading, marks: marks.map(([mark, meaning]) => ({ mark, meaning })) });
  });

  it.each([
    ['A：目標値以上の指標の数'],
    ['注 A：目標値以上'],
    ['備考 目標指標の※印の進捗率は、b/cにより算出'],
    ['基本目標1 しごとをつくる'],
    ['基本戦略② ■施策①'],
    ['4ha 6ha A'],
  ])('%s is no legend', (text) => {
    expect(readLegend(text)).toBeNull();
  });
});

describe('readLegend: items a line each, joined', () => {
  it('A:順調 / B:やや遅れ joined without a space still part', () => {
    expect(readLegend('※評価A:順調B:やや遅れ')).toEqual({
      heading: '※評価',
      marks: [
        { mark: 'A', meaning: '順調' },
        { mark: 'B', meaning: 'やや遅れ' },
      ],
    });
  });
});

describe('readLegend: word marks', () => {
  it('評価なし: after a space is a mark of its own', () => {
    expect(readLegend('【評価】◎:目標値以上 ×:進捗なし・事業終了 評価なし:目標値の設定なし')!.marks).toEqual([
      { mark: '◎', meaning: '目標値以上' },
      { mark: '×', meaning: '進捗なし・事業終了' },
      { mark: '評価なし', meaning: '目標値の設定なし' },
    ]);
  });
});

describe('readSpacedLegend: marks set without colons, phrase by phrase', () => {
  it('評価基準 | A 対策や… | B 目標を… / a wrapped meaning goes on', () => {
    expect(readSpacedLegend(['評価基準', 'A 目標を上回る', 'B 目標を80%以上達成', '－ 実績', 'なし'])).toEqual({
      heading: '評価基準',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '目標を80%以上達成' },
        { mark: '－', meaning: '実績なし' },
      ],
    });
  });

  it('a mark of words a line’s end cut after its item’s gap (… 推移している | や / や遅れ 目標の…) is one mark; a meaning’s wrapped end opening a line is no mark’s head', () => {
    const phrases = ['【達成度】', '順調 順調に推移している', '概ね順調 概ね順調に推移している', 'や', 'や遅れ やや遅れている', '遅れ 遅れている'];
    expect(readSpacedLegend(phrases, (k) => k === 3)?.marks.map((m) => m.mark)).toEqual(['順調', '概ね順調', 'やや遅れ', '遅れ']);
    // Where no line ends there, the short phrase is the last meaning's end.
    expect(readSpacedLegend(phrases)?.marks.map((m) => m.mark)).toEqual(['順調', '概ね順調', 'や遅れ', '遅れ']);
  });

  it('a mark of words cut before its last character (… 推移している | やや遅 / れ 目標の…, Chromium’s legend paragraph) is one mark', () => {
    const phrases = ['【達成度】', '順調 順調に推移している', '概ね順調 概ね順調に推移している', 'やや遅', 'れ やや遅れている', '遅れ 遅れている'];
    expect(readSpacedLegend(phrases, (k) => k === 3)?.marks).toEqual([
      { mark: '順調', meaning: '順調に推移している' },
      { mark: '概ね順調', meaning: '概ね順調に推移している' },
      { mark: 'やや遅れ', meaning: 'やや遅れている' },
      { mark: '遅れ', meaning: '遅れている' },
    ]);
  });

  it('a mark alone ending the line, next in order, is a mark whose meaning the print clipped, not the last meaning’s end (… 注視を継続する | －)', () => {
    expect(readSpacedLegend(['評価基準', 'A 目標を上回る', 'B 目標を80%以上達成', 'C 改善が必要', 'D 注視を継続する', '－'])?.marks.slice(-2)).toEqual([
      { mark: 'D', meaning: '注視を継続する' },
      { mark: '－', meaning: '' },
    ]);
    // Not a mark out of order (a meaning ending in a symbol of its own).
    expect(readSpacedLegend(['評価基準', 'A 目標を上回る', 'B 目標を80%以上達成', '◎'])?.marks.at(-1)).toEqual({ mark: 'B', meaning: '目標を80%以上達成◎' });
  });

  it('a word mark a line’s end cut (…悪化した | 判定 / なし 値が…, 判定な / し) is one mark, 判定なし, whether the cut word stands apart or ends the item before', () => {
    const legend = {
      heading: '※評価',
      marks: [
        { mark: 'C', meaning: '現状値から値が悪化した' },
        { mark: '判定なし', meaning: '値が確認できなかった成果指標は判定を行っていない' },
      ],
    };
    expect(readSpacedLegend(['※評価', 'C 現状値から値が悪化した', '判定', 'なし 値が確認できなかった成果指標は判定を行っていない'])).toEqual(legend);
    expect(readSpacedLegend(['※評価', 'C 現状値から値が悪化した 判定', 'なし 値が確認できなかった成果指標は判定を行っていない'])).toEqual(legend);
    expect(readSpacedLegend(['※評価', 'C 現状値から値が悪化した 判定な', 'し 値が確認できなかった成果指標は判定を行っていない'])).toEqual(legend);
  });

  it('a mark and its meaning a tab apart (B | 目標を80%以上達成し…) make a legend line; a mark beside a figure does not', () => {
    expect(isLegendLine(['B', '目標を80%以上達成し、かつ課題等の整理がなされ'])).toBe(true);
    expect(isLegendLine(['A', '120'])).toBe(false);
  });

  it('a heading and items whose marks stand apart from their meanings make a legend line (※評価 | A | 目標値に… | B | …); a count table’s head of marks does not', () => {
    expect(
      isLegendLine(['※評価', 'A', '目標値に対して順調に値が伸びている', 'B', '目標値に対して遅れはあるが、値は伸びている', 'C 現状値から値が伸びていない']),
    ).toBe(true);
    expect(isLegendLine(['評価', 'A', 'B', 'C', 'D', '合計'])).toBe(false);
  });

  it.each([
    ['判定なし 値が確認できなかった成果指標は判定を行っていない', true],
    ['評価なし 目標値の設定なし', true],
    ['基本目標 観光の振興', false],
    ['観光 客数の推移', false],
  ])('a line alone opening with a word (%s) is a legend item only where the word is one for "not graded": %s', (text, expected) => {
    expect(isLegendLine([text])).toBe(expected);
  });

  it('one item after a legend heading on its line (※評価 | - 横ばい・実績なし); one without a heading is no legend', () => {
    expect(holdsSpacedItems(['※評価', '- 横ばい・実績なし'])).toBe(true);
    expect(readSpacedLegend(['※評価', '- 横ばい・実績なし'])).toEqual({ heading: '※評価', marks: [{ mark: '-', meaning: '横ばい・実績なし' }] });
    expect(holdsSpacedItems(['観光客数', 'A 目標を上回る'])).toBe(false);
    expect(readSpacedLegend(['A 目標を上回る'])).toBeNull();
  });

  it.each([
    [['S 目標を超えた', 'A 目標に近い'], true],
    [['◎ 目標値以上', '○ 目標値と同等', '－ 実績なし'], true],
    [['① 着実に進んでいる', '② 概ね進んでいる'], true],
    [['① 農林水', '① 農林水産業'], false],
    [['② 市内農', '① 文化財中小'], false],
  ])('items on one line have their marks in a legend’s order (%j: %s); grouping cells numbered on one line are none', (phrases, expected) => {
    expect(holdsSpacedItems(phrases)).toBe(expected);
  });

  it('a wrapped meaning’s last words alone before the next item (…注視を | 継続する | － 実績なし) end that meaning: they are no mark', () => {
    expect(readSpacedLegend(['【達成度】', 'C 改善が必要と思われる', 'D 本格着手が可能になるまで注視を', '継続する', '－ 実績なし'])).toEqual({
      heading: '【達成度】',
      marks: [
        { mark: 'C', meaning: '改善が必要と思われる' },
        { mark: 'D', meaning: '本格着手が可能になるまで注視を継続する' },
        { mark: '－', meaning: '実績なし' },
      ],
    });
  });

  it('a mark set apart from its meaning, wider than a space (B | 目標値に対して…, 判定なし | 値が…): the next phrase is its meaning', () => {
    expect(
      readSpacedLegend([
        '【評価】',
        'A 順調に伸びている',
        'B',
        '遅れはあるが伸びている',
        'C 悪化した',
        '判定なし',
        '値が確認できなかった成果指標',
        'は判定を行っていない',
      ]),
    ).toEqual({
      heading: '【評価】',
      marks: [
        { mark: 'A', meaning: '順調に伸びている' },
        { mark: 'B', meaning: '遅れはあるが伸びている' },
        { mark: 'C', meaning: '悪化した' },
        { mark: '判定なし', meaning: '値が確認できなかった成果指標は判定を行っていない' },
      ],
    });
    // The next mark in order glued into a meaning, after a space or a Japanese character; the heading and the first item in one phrase; a dash set straight before its meaning.
    expect(
      readSpacedLegend([
        '【評価】 S 目標値を超えている',
        'A 基準値を超えている',
        'B 同水準（△10%以内） C 下落している',
        'D 対策を講じている',
        '－把握できない',
      ]),
    ).toEqual({
      heading: '【評価】',
      marks: [
        { mark: 'S', meaning: '目標値を超えている' },
        { mark: 'A', meaning: '基準値を超えている' },
        { mark: 'B', meaning: '同水準（△10%以内）' },
        { mark: 'C', meaning: '下落している' },
        { mark: 'D', meaning: '対策を講じている' },
        { mark: '－', meaning: '把握できない' },
      ],
    });
    expect(readSpacedLegend(['評価基準', 'A 目標を上回る', 'B 改善が必要と思われるC外的要因による']))!.toEqual({
      heading: '評価基準',
      marks: [
        { mark: 'A', meaning: '目標を上回る' },
        { mark: 'B', meaning: '改善が必要と思われる' },
        { mark: 'C', meaning: '外的要因による' },
      ],
    });
    // A meaning's wrapped end opening with hiragana (…講じら | れている) goes on with it: no word mark opens so.
    expect(readSpacedLegend(['【評価】', 'A 目標を上回る', 'B 対策が講じら', 'れている', 'C 改善が必要'])!.marks).toEqual([
      { mark: 'A', meaning: '目標を上回る' },
      { mark: 'B', meaning: '対策が講じられている' },
      { mark: 'C', meaning: '改善が必要' },
    ]);
    // Circled numbers follow each other as letters do (① … ② … in one phrase: a browser's gap too narrow).
    expect(readSpacedLegend(['評価基準', '① 着実に進んでいる（100%以上） ② 概ね進んでいる', '③ 改善が必要', '－ 評価できない'])!.marks).toEqual([
      { mark: '①', meaning: '着実に進んでいる（100%以上）' },
      { mark: '②', meaning: '概ね進んでいる' },
      { mark: '③', meaning: '改善が必要' },
      { mark: '－', meaning: '評価できない' },
    ]);
    // A letter out of order in a meaning is no mark (A 評価 B は…: B follows A, but Z does not).
    expect(readSpacedLegend(['評価基準', 'A 目標を上回る', 'B ランクZ 相当'])!.marks.at(-1)).toEqual({ mark: 'B', meaning: 'ランクZ 相当' });
    // Marks set straight before their meanings on one line (Calc through cairo dropped the spaces).
    expect(readSpacedLegend(['【評価】', '◎目標値以上', '○目標値と同等', '△ 目標値未満', '評価なし目標値の設定なし'])!.marks).toEqual([
      { mark: '◎', meaning: '目標値以上' },
      { mark: '○', meaning: '目標値と同等' },
      { mark: '△', meaning: '目標値未満' },
      { mark: '評価なし', meaning: '目標値の設定なし' },
    ]);
    // A short word at the end goes on with the meaning before it (a wrap): no mark without a meaning.
    expect(readSpacedLegend(['評価基準', 'A 目標を上回る', 'B 目標を', '達成'])!.marks.at(-1)).toEqual({ mark: 'B', meaning: '目標を達成' });
  });
});
