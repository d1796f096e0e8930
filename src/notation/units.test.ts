import { describe, expect, it } from 'vitest';
import { unitAfterName, unitInEveryFigure } from './units.js';

describe('unitInEveryFigure', () => {
  it.each([
    ['人/年', ['57,808人/年', '60,000 人/年'], true],
    ['人/年', ['57,808人/年', '60,000'], false],
    ['人', ['-', '未記入', '12人'], true],
    ['人', ['-', '未記入'], false],
    ['千円', [], false],
    ['', ['12'], false],
  ] as const)('%s in %j: %s', (unit, texts, expected) => {
    expect(unitInEveryFigure(unit, texts)).toBe(expected);
  });
});

describe('unitAfterName', () => {
  it.each([
    ['千円', ['1,496', '2,000'], '（千円）'],
    ['千円', ['1,496千円', '2,000千円以上'], ''],
    [null, ['12'], ''],
    ['', ['12'], ''],
  ] as const)('%s beside %j: %j', (unit, figures, expected) => {
    expect(unitAfterName(unit, figures)).toBe(expected);
  });
});
