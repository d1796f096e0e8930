import { describe, expect, it } from 'vitest';
import { both, joinTexts, languageFrom, say, t, verbatim } from './i18n.js';

describe('language', () => {
  it.each([
    [undefined, {}, 'ja'],
    [undefined, { LANG: 'ja_JP.UTF-8' }, 'ja'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    [undefined, { LANG: 'C.UTF-8' }, 'ja'],
    [undefined, { LC_ALL: 'en_GB', LANG: 'ja_JP' }, 'en'],
    ['en', { LANG: 'ja_JP' }, 'en'],
    ['ja', { LANG: 'en_US' }, 'ja'],
    [undefined, { LC_ALL: '', LANG: 'en_US.UTF-8' }, 'en'], // an empty variable is unset
  ] as const)('--lang %s with %o → %s', (option, env, expected) => {
    expect(languageFrom(option, env)).toBe(expected);
  });

  it('a text is carried in both languages; say() picks one where it is printed', () => {
    const table = t('表', 'table');
    expect(say(table, 'ja')).toBe('表');
    expect(say(table, 'en')).toBe('table');
    expect(say('R2', 'en')).toBe('R2');
    expect(say(null, 'ja')).toBe('');
  });

  it('both`` puts a text together part by part, each in its own language', () => {
    const row = both`${t('行', 'row')} ${3}: ${t('読めません', 'unreadable')} (${'3,580'})`;
    expect(row).toEqual({ ja: '行 3: 読めません (3,580)', en: 'row 3: unreadable (3,580)' });
  });

  it('joinTexts and verbatim keep the two languages apart', () => {
    expect(joinTexts([t('甲', 'A'), 'x', t('乙', 'B')], t('、', ', '))).toEqual({ ja: '甲、x、乙', en: 'A, x, B' });
    expect(verbatim(12)).toEqual({ ja: '12', en: '12' });
  });
});
