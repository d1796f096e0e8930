import { describe, expect, it } from 'vitest';
import { formatNumbering } from './numbering.js';

describe('numbering', () => {
  it.each([
    ['1', 3, '3'],
    ['1', 12, '12'],
    ['(1)', 2, '(2)'],
    ['（１）', 11, '（１１）'],
    ['①', 3, '③'],
    ['①', 21, '㉑'],
    ['Ⅰ', 4, 'Ⅳ'],
    ['Ⅰ', 13, 'XIII'],
    ['(ⅰ)', 3, '(ⅲ)'],
    ['第1章', 2, '第2章'],
    ['-1-', 5, '-5-'],
    ['一', 12, '十二'],
    ['(ア)', 4, '(エ)'],
    ['■施策', 2, '■施策2'],
  ])('%s as %i: %s', (sample, n, expected) => {
    expect(formatNumbering(sample, n)).toBe(expected);
  });
});
