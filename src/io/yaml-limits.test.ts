import { describe, expect, it } from 'vitest';
import { TasseiError } from '../model/errors.js';
import { printedMessage } from '../model/messages.js';
import { parseDocumentText } from './yaml-read.js';

function messagesOf(text: string) {
  try {
    parseDocumentText(text, 'doc.yaml');
  } catch (error) {
    if (error instanceof TasseiError) return error.messages.map((m) => printedMessage(m, 'en'));
    throw error;
  }
  return [];
}

const INDICATOR =
  '{ name: 指標, unit: 人, method: change, baseline: { text: "1" }, actual: { text: "2" }, target: { text: "3" }, reported: { progress: null, status: null } }';
const SUMMARY = '{ achieved: 0, improved: 0, unchanged: 0, worsened: 0, total: 0 }';

/** A schema-valid KPI document of 100 × 100 × 100 indicators made of aliases: about 2 KB of text. */
function aliasBomb(): string {
  const hundred = (alias: string) => `[${Array(100).fill(`*${alias}`).join(', ')}]`;
  return `kind: kpi-progress
title: t
fiscalYear: 2019
definitions:
  - &i ${INDICATOR}
  - &a ${hundred('i')}
  - &b ${hundred('a')}
strategies:
  - no: 1
    title: s
    indicators: *b
    reportedGoalSummary: ${SUMMARY}
    reportedSummary: ${SUMMARY}
    policies: []
`;
}

describe('limits a person never meets and an attack cannot pass', () => {
  it('a schema-valid alias bomb (a million indicators in 2 KB) is refused at once, at its first alias', () => {
    const text = aliasBomb();
    expect(text.length).toBeLessThan(3000);
    const started = Date.now();
    const messages = messagesOf(text);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(messages).toMatchObject([{ severity: 'error', rule: 'yaml-aliases', file: 'doc.yaml', line: 6 }]);
  });

  it('the billion laughs are refused', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    expect(messagesOf(levels.join('\n'))).toMatchObject([{ rule: 'yaml-aliases' }]);
  });

  it('a few aliases, as a person may write them, are read', () => {
    const text = `kind: narrative\ntitle: t\nfiscalYear: 2023\nnextYear: 2024\ngoals:\n  - no: 1\n    title: g\n    policies:\n      - no: 1\n        title: p\n        results: &r [実績]\n        plans: *r\n        measures: [施策]\n`;
    expect(messagesOf(text)).toEqual([]);
  });

  it('nesting thousands deep is a located refusal, not a stack overflow', () => {
    const unclosed = messagesOf(`kind: narrative\ntitle: ${'['.repeat(20_000)}`);
    expect(unclosed[0]).toMatchObject({ rule: expect.stringMatching(/yaml-too-deep|yaml-syntax/) });
    expect(unclosed.length).toBeLessThanOrEqual(11);
    expect(messagesOf(`kind: narrative\ntitle: ${'['.repeat(20_000)}${']'.repeat(20_000)}`)).toMatchObject([
      { rule: expect.stringMatching(/yaml-too-deep|yaml-syntax/), line: 2 },
    ]);
  });

  it('one stray word on line 2 is one error, at line 2', () => {
    const messages = messagesOf(`kind: narrative\nstray\ntitle: t\nfiscalYear: 2023\nnextYear: 2024\ngoals: []\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ rule: 'yaml-syntax', line: 2 });
  });

  it('a stray word between a comment and the keys (where a scalar ends the document) is one error, at its line', () => {
    const body = [
      '# yaml-language-server: $schema=x.json',
      'stray',
      '# a note',
      'kind: narrative',
      'title: t',
      'fiscalYear: 2023',
      'nextYear: 2024',
      'goals:',
      ...Array.from({ length: 300 }, (_, i) => `  - { no: ${i + 1}, title: g, policies: [] }`),
    ];
    const messages = messagesOf(body.join('\n'));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ rule: 'yaml-syntax', line: 2, message: expect.stringContaining('"stray"') });
  });

  it('many independent slips are shown up to a limit, then counted', () => {
    const text = `kind: narrative\n${Array.from({ length: 30 }, (_, i) => `k${i}: [unclosed\n`).join('')}`;
    const messages = messagesOf(text);
    expect(messages.length).toBe(11);
    expect(messages[10]!.message).toMatch(/^and \d+ more syntax error\(s\)$/);
  });

  it('a value of a key typed "number or null" given as text is a located error (found by fuzz:inputs: it was exit 70)', () => {
    const text = `kind: kpi-progress\ntitle: t\nfiscalYear: 2019\nstrategies:\n  - no: 1\n    title: s\n    indicators: [${INDICATOR.replace('progress: null', 'progress: 한국어')}]\n    reportedGoalSummary: ${SUMMARY}\n    reportedSummary: ${SUMMARY}\n    policies: []\n`;
    expect(messagesOf(text)).toMatchObject([{ rule: 'yaml-type', line: 7, message: 'expected number or null, found the text "한국어"' }]);
  });
});
