import { describe, expect, it } from 'vitest';
import { decimalOfNumber, formatDecimal, parseDecimal, percentRounded, subtract } from './decimal.js';

const d = (s: string) => parseDecimal(s)!;

describe('percentRounded', () => {
  it.each([
    // [numerator, denominator, expected]
    ['1', '3', '33.3'],
    ['2', '3', '66.7'],
    ['-5', '7', '-71.4'],
    // 23 / 80 = 28.75 % exactly: binary floats print 28.7 ((23/80*100).toFixed(1)); half up gives 28.8.
    ['23', '80', '28.8'],
    // 29 / 400 = 7.25 %: the same trap.
    ['29', '400', '7.3'],
    // 0.05 % must round up to 0.1.
    ['1', '2000', '0.1'],
    // A negative half rounds away from zero, as Excel's ROUND and 四捨五入 do.
    ['-1', '2000', '-0.1'],
    ['0', '5', '0.0'],
  ])('%s / %s → %s %%', (n, den, expected) => {
    expect(formatDecimal(percentRounded(d(n), d(den)))).toBe(expected);
  });

  it('keeps decimals exact where floats do not: (3.4 − 1.1) / (9.1 − 1.1) = 28.75 %', () => {
    expect((((3.4 - 1.1) / (9.1 - 1.1)) * 100).toFixed(1)).toBe('28.7'); // the float answer is wrong
    expect(formatDecimal(percentRounded(subtract(d('3.4'), d('1.1')), subtract(d('9.1'), d('1.1'))))).toBe('28.8');
  });

  it('refuses a zero denominator', () => {
    expect(() => percentRounded(d('1'), d('0.0'))).toThrow(RangeError);
  });
});

describe('decimalOfNumber', () => {
  it.each([
    [42.2, '42.2'],
    [-0.5, '-0.5'],
    [1e21, '1000000000000000000000'],
    [-2.5e22, '-25000000000000000000000'],
    [1e-7, '0.0000001'],
    [1.5e-25, '0.00000000000000000000000015'],
  ])('%s is the decimal %s, exactly', (n, text) => {
    expect(formatDecimal(decimalOfNumber(n))).toBe(text);
  });

  it.each([Infinity, -Infinity, NaN])('%s is no decimal', (n) => {
    expect(() => decimalOfNumber(n)).toThrow(RangeError);
  });
});
