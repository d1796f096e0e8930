import { describe, expect, it } from 'vitest';
import { TasseiError } from './errors.js';
import { t } from './i18n.js';
import { MESSAGE_FORMATS, MessageLog, formatMessages } from './messages.js';
import type { Message } from './types.js';

const place = { strategy: 1, policy: 3, measure: 2, indicator: '市内就職率' };

describe('MessageLog: the messages of one file', () => {
  it('carries what each stage said, with its file, rule and place, and names only the fields it has', () => {
    const log = new MessageLog('kpi-r1.pdf');
    log.warn('extract-kpi', t('行を読み飛ばしました', 'a row skipped'), { page: 3, hint: undefined });
    log.info('build-kept-edits', t('残しました', 'kept'), { line: 4 });
    expect(log.messages).toEqual([
      { severity: 'warning', rule: 'extract-kpi', file: 'kpi-r1.pdf', page: 3, message: { ja: '行を読み飛ばしました', en: 'a row skipped' } },
      { severity: 'info', rule: 'build-kept-edits', file: 'kpi-r1.pdf', line: 4, message: { ja: '残しました', en: 'kept' } },
    ]);
  });

  it('fails with everything said so far, the error last', () => {
    const log = new MessageLog('a.yaml');
    log.warn('numbering-gap', t('番号が飛んでいます', 'a number skipped'), { line: 2 });
    try {
      log.fail('yaml-value', t('値として読めません', 'not a value'), { line: 9, column: 5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TasseiError);
      expect((error as TasseiError).messages.map((m) => [m.severity, m.rule])).toEqual([
        ['warning', 'numbering-gap'],
        ['error', 'yaml-value'],
      ]);
      expect((error as TasseiError).exitCode).toBe(2);
    }
  });
});

describe('formatters by name', () => {
  const finding = {
    severity: 'warning' as const,
    rule: 'progress-mismatch',
    file: 'kpi-r1.pdf',
    place,
    expected: '56.7%',
    actual: '50.0%',
    message: t('進捗率が違います', 'another progress'),
  } satisfies Message;
  const note = {
    severity: 'warning' as const,
    rule: 'extract-kpi',
    file: 'kpi-r1.pdf',
    page: 2,
    message: t('行を読み飛ばしました', 'a row skipped'),
  } satisfies Message;

  it.each(Object.keys(MESSAGE_FORMATS) as (keyof typeof MESSAGE_FORMATS)[])('%s prints every message, with its place and values', (format) => {
    const text = formatMessages([finding, note], format, 'ja');
    for (const word of ['progress-mismatch', '56.7%', '50.0%', '進捗率が違います', '行を読み飛ばしました']) {
      if (format === 'md' && word === 'progress-mismatch') continue;
      expect(text).toContain(word);
    }
    expect(text).toContain('市内就職率');
  });

  it('text: where, severity, rule, then the place and the printed and computed values', () => {
    expect(formatMessages([finding], 'text', 'ja')).toBe(
      'kpi-r1.pdf: 警告 [progress-mismatch] 進捗率が違います\n  場所: 重点戦略1 › 戦略方針3 › 施策2 › 市内就職率\n  印刷: 56.7%  計算: 50.0%',
    );
  });

  it('md: a finding is a table row, any other message a list item', () => {
    const md = formatMessages([note, finding], 'md', 'ja').split('\n');
    expect(md[0]).toBe('- 警告: 行を読み飛ばしました (2 ページ)');
    expect(md.at(-1)).toBe('| 1 | progress-mismatch | 1 | 3 | 2 | 市内就職率 | 56.7% | 50.0% | 進捗率が違います |');
  });

  it('json: the messages as data, their texts in the language asked for', () => {
    expect(JSON.parse(formatMessages([finding], 'json', 'en'))).toEqual([{ ...finding, message: 'another progress' }]);
    expect(JSON.parse(formatMessages([finding], 'json', 'ja'))).toEqual([{ ...finding, message: '進捗率が違います' }]);
  });

  it('text in English: every part of the line in the language asked for', () => {
    expect(formatMessages([finding], 'text', 'en')).toBe(
      'kpi-r1.pdf: warning [progress-mismatch] another progress\n  at 重点戦略1 › 戦略方針3 › 施策2 › 市内就職率\n  printed: 56.7%  computed: 50.0%',
    );
  });
});
