import { describe, expect, it } from 'vitest';
import { LINE_BREAK, type Token, NO_LINE_START, fitPhrases, keepRunsWhole, phrasesOfTokens } from './phrases.js';

const t = (surface: string, pos = '名詞', detail = '一般'): Token => ({ surface, pos, detail });

describe('phrasesOfTokens (synthetic tokens)', () => {
  it.each<[string, Token[], string[]]>([
    ['particles join the word before', [t('観光'), t('の', '助詞', '連体化'), t('振興', '名詞', 'サ変接続')], ['観光の', '振興']],
    ['a new content word starts a phrase', [t('新た', '名詞', '形容動詞語幹'), t('な', '助動詞', '*'), t('取組', '動詞', '自立')], ['新たな', '取組']],
    ['closing brackets and commas join the phrase before', [t('取組', '動詞', '自立'), t('）', '記号', '括弧閉'), t('、', '記号', '読点')], ['取組）、']],
    ['an opening bracket joins the phrase after', [t('設置', '動詞', '自立'), t('（', '記号', '括弧開'), t('仮称', '動詞', '自立')], ['設置', '（仮称']],
    ['numbers stay with their units', [t('ツアー', '動詞', '自立'), t('600', '名詞', '数'), t('人', '名詞', '接尾')], ['ツアー', '600人']],
    [
      '※ stays with the name it marks',
      [t('人事'), t('交流'), t('数', '名詞', '接尾'), t('※', '記号', '一般'), t('（', '記号', '括弧開'), t('人')],
      ['人事交流数※', '（人'],
    ],
    [
      'digits, separators and counters stay together',
      [t('2', '名詞', '数'), t(',', '名詞', 'サ変接続'), t('000', '名詞', '数'), t('枚', '名詞', '接尾')],
      ['2,000枚'],
    ],
    [
      'a wave dash binds both sides',
      [t('Ｒ', '記号', 'アルファベット'), t('6', '名詞', '数'), t('～', '名詞', 'サ変接続'), t('Ｒ', '記号', 'アルファベット'), t('7', '名詞', '数')],
      ['Ｒ6～Ｒ7'],
    ],
  ])('%s', (_, tokens, phrases) => expect(phrasesOfTokens(tokens)).toEqual(phrases));
});

describe('fitPhrases', () => {
  const width = (text: string) => [...text].length * 10;

  it('leaves phrases that fit alone', () => {
    expect(fitPhrases(['観光の', '振興'], 40, width)).toEqual(['観光の', '振興']);
  });

  it('breaks a phrase wider than the line rather than let it overflow', () => {
    const pieces = fitPhrases(['アウトドアツーリズムコンテンツ'], 50, width);
    expect(pieces.every((p) => width(p) <= 50)).toBe(true);
    expect(pieces.join('')).toBe('アウトドアツーリズムコンテンツ');
  });

  it('never starts a piece with a mark that may not start a line', () => {
    const pieces = fitPhrases(['ホスピタリティ向上）'], 90, width);
    expect(pieces.join('')).toBe('ホスピタリティ向上）');
    for (const p of pieces.slice(1)) expect(NO_LINE_START).not.toContain(p.charAt(0));
  });

  it('never ends a piece with an opening bracket: it goes down with what it opens', () => {
    expect(fitPhrases(['個別施策(1)文化財'], 50, width)).toEqual(['個別施策', '(1)文化', '財']);
  });

  it('puts a line break between two pieces the printer would set on one line', () => {
    const noBreakInLatin = (before: string, after: string) => !(/[A-Za-z]$/.test(before) && /^[A-Za-z]/.test(after));
    expect(fitPhrases(['Wellness'], 50, width, noBreakInLatin)).toEqual(['Welln', LINE_BREAK, 'ess']);
    expect(fitPhrases(['観光ツーリズム'], 50, width, noBreakInLatin)).toEqual(['観光ツーリ', 'ズム']);
  });

  it('cuts where the printer may break, not inside a year note (40,808人 | (H25))', () => {
    const beforeBracket = (before: string, after: string) => /^[(（]/.test(after) || /[^\x21-\x7e]$/.test(before);
    expect(fitPhrases(['40,808人(H25)'], 90, width, beforeBracket)).toEqual(['40,808人', '(H25)']);
  });

  it('leaves whole a word the printer would not break that fits the cell without its margin', () => {
    const never = () => false;
    expect(fitPhrases(['100.0%'], 50, width, never, 60)).toEqual(['100.0%']);
    expect(fitPhrases(['1000.0%'], 50, width, never, 60)).toEqual(['1000.', LINE_BREAK, '0%']);
  });
});

describe('keepRunsWhole: dates, numbers with units, short notes, Latin words and URLs', () => {
  /** The worst a dictionary can do: a cut after every character. */
  const everyChar = (text: string) => [...text];

  it.each([
    ['R6年4月から開始', 'R6年4月'],
    ['R5.11月に実施', 'R5.11月'],
    ['2026年度末まで', '2026年度'],
    ['令和5年度の実績', '令和5年度'],
    ['施策目標 令和元年度', '令和元年度'],
    ['受入れ600人の達成', '600人'],
    ['農業産出額3,560(H29)から', '3,560(H29)'],
    ['割合は31.7％に上昇', '31.7％'],
    ['認定就農者数(累計)の推移', '(累計)'],
    ['アクティビティセンター（仮称）の設置', '（仮称）'],
    ['Wi-Fi設置数', 'Wi-Fi'],
    ['Mine Collection加工品', 'Collection'],
  ])('%s keeps %s whole', (text, run) => {
    const phrases = keepRunsWhole(text, everyChar(text));
    expect(phrases.join('')).toBe(text);
    const start = text.indexOf(run);
    let at = 0;
    const cuts = phrases.slice(0, -1).map((p) => (at += p.length));
    expect(cuts.filter((c) => c > start && c < start + run.length)).toEqual([]);
  });

  it('cuts a URL only after the characters URLs break at, and apart from the text around it', () => {
    const url = 'https://www.city.mine.lg.jp/soshiki/kikaku/kpi_2024.html';
    const text = `詳細は${url}を参照`;
    const phrases = keepRunsWhole(text, everyChar(text));
    expect(phrases.join('')).toBe(text);
    const inside = phrases.filter((p) => url.includes(p) && p !== '');
    expect(inside.join('')).toBe(url);
    for (const p of inside.slice(0, -1)) expect('/.-_?&=#:').toContain(p.charAt(p.length - 1));
  });

  it('fitPhrases breaks a URL wider than the cell after / or ., never mid-word where it need not', () => {
    const width = (text: string) => text.length * 5;
    const pieces = fitPhrases(['https://www.city.mine.lg.jp/soshiki/kikaku/'], 60, width);
    expect(pieces.join('')).toBe('https://www.city.mine.lg.jp/soshiki/kikaku/');
    for (const p of pieces) expect(width(p)).toBeLessThanOrEqual(60);
    for (const p of pieces.slice(0, -1)) expect('/.-_?&=#:').toContain(p.charAt(p.length - 1));
  });
});
