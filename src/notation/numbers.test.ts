import { describe, expect, it } from 'vitest';
import { eraName, eraYear, findEraYear, isTextValue, parseMeasurement, parseProgress, parseYearNote } from './numbers.js';

describe('parseMeasurement', () => {
  it.each([
    ['3,560(H29)', 3560, 2017],
    ['92.5 (H31)', 92.5, 2019],
    ['79 (R4)', 79, 2022],
    ['42.2', 42.2, null],
    ['1.20', 1.2, null],
    ['60.0', 60, null],
    ['38,806(H28)', 38806, 2016],
    // Full-width digits, comma and parentheses, as some producers print them.
    ['３，５６０（Ｈ２９）', 3560, 2017],
    // △ and ▲ are the minus signs of Japanese accounts.
    ['△12', -12, null],
    ['▲1,234.5', -1234.5, null],
    ['-3', -3, null],
    // A spelled-out era with 元年.
    ['100(令和元年)', 100, 2019],
    ['100(平成30年度)', 100, 2018],
    ['4,293 (R5)', 4293, 2023],
    // As people type them: quotes around, a plus sign, a trailing %.
    ['"3580"', 3580, null],
    ['「3,580」', 3580, null],
    ['+12', 12, null],
    ['45%', 45, null],
    ['４５．５％', 45.5, null],
  ])('%s → %s (year %s)', (text, value, year) => {
    const r = parseMeasurement(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.measurement).toEqual({ value, year, text });
  });

  it.each([
    ['3580人', '人', 3580],
    ['3,580 百万円', '百万円', 3580],
    ['12件(R2)', '件', 12],
    ['４５％', '%', 45],
    ['５人', '人', 5],
  ])('%s with the unit %s → %s', (text, unit, value) => {
    const r = parseMeasurement(text, { unit });
    expect(r.ok && r.measurement.value).toBe(value);
    expect(r.ok && r.measurement.text).toBe(text);
  });

  // Words around a number that qualify it (layouts.md §4 item 5): the value is the number, the text as printed.
  it.each([
    ['2,000以上', null, 2000],
    ['2,000 人以上', '人', 2000],
    ['93%超', null, 93],
    ['延べ 2', null, 2],
    ['延べ2(H30)', null, 2],
    ['累計 1,200', null, 1200],
    ['20未満', null, 20],
    ['▲5以内', null, -5],
  ])('%s (unit %s) → %s, the words kept in the text', (text, unit, value) => {
    const r = parseMeasurement(text, { unit });
    expect(r.ok && r.measurement).toEqual({ value, year: text.includes('(H30)') ? 2018 : null, text });
  });

  it.each(['以上', '延べ', '調査中', '基準値を上回る', '2,000人以上'])('"%s" is not a number (a text value, or a unit not the indicator\'s)', (text) => {
    expect(parseMeasurement(text).ok).toBe(false);
  });

  it.each([
    ['調査中', true],
    ['基準値を上回る', true],
    ['設置', true],
    ['→H31年延伸', false],
    ['3,5x0', false],
    ['-', false],
    ['', false],
  ])('isTextValue(%s) is %s: words without a digit are a text value, a mistyped number is not', (text, expected) => {
    expect(isTextValue(text)).toBe(expected);
  });

  it.each(['-', '－', '―', ' - '])('"%s" is no value', (text) => {
    const r = parseMeasurement(text);
    expect(r.ok && r.measurement.value).toBe(null);
  });

  it('keeps the text exactly as printed (no width normalization)', () => {
    const r = parseMeasurement('３，５６０');
    expect(r.ok && r.measurement.text).toBe('３，５６０');
  });

  it.each([
    ['3,5x0', /数値ではありません/],
    ['12(来年)', /年ではありません/],
    ['1,23', /数値ではありません/], // a comma that is not a thousands separator
    ['', /空欄/],
    ['3580人', /数値ではありません/], // a unit other than the indicator's
    ['1234567890123456', /桁が多すぎます（16 桁/],
    ['0.0000000000000001', /桁が多すぎます/],
  ])('rejects %s', (text, reason) => {
    const r = parseMeasurement(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.ja).toMatch(reason);
  });
});

describe('eras', () => {
  it.each([
    ['H', '1', 1989],
    ['H', '29', 2017],
    ['H', '31', 2019],
    ['R', '元', 2019],
    ['R', '1', 2019],
    ['R', '5', 2023],
    ['令和', '6', 2024],
  ])('%s%s → %d', (era, n, year) => expect(eraYear(era, n)).toBe(year));

  it('reads fiscal years and column headings', () => {
    expect(findEraYear('令和5年度 主な取組内容／実績')).toBe(2023);
    expect(findEraYear('令和元年度')).toBe(2019);
    expect(findEraYear('R1実績 b')).toBe(2019);
    expect(findEraYear('Ｒ２実績 ｂ')).toBe(2020);
    expect(parseYearNote('R5.11月')).toBe(2023);
    expect(parseYearNote('2018')).toBe(2018);
  });

  it('names years in era notation', () => {
    expect(eraName(2019)).toBe('令和元年');
    expect(eraName(2023)).toBe('令和5年');
    expect(eraName(2017, 'short')).toBe('H29');
    expect(eraName(2020, 'short')).toBe('R2');
  });
});

describe('parseProgress', () => {
  it.each([
    ['-71.4%', -71.4],
    ['0.0%', 0],
    ['214.6%', 214.6],
    ['-', null],
    ['', null],
    ['△5.3%', -5.3],
    ['-1500.0%', -1500],
  ])('%s → %s', (text, value) => expect(parseProgress(text)).toBe(value));

  it('says undefined for what is not a progress', () => expect(parseProgress('abc')).toBeUndefined());
});
