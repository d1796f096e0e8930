import { afterEach, describe, expect, it } from 'vitest';
import { languageFrom, setLanguage, t } from './i18n.js';

describe('language', () => {
  afterEach(() => setLanguage('ja'));

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

  it('t() picks the text of the language set', () => {
    expect(t('表', 'table')).toBe('表');
    setLanguage('en');
    expect(t('表', 'table')).toBe('table');
  });
});
