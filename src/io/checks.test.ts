import { describe, expect, it } from 'vitest';
import { TasseiError } from '../model/errors.js';
import { printedMessage } from '../model/messages.js';
import type { Message } from '../model/types.js';
import { parseDocumentWithNotes } from './yaml-read.js';

/** A small narrative of goals and policies numbered as given. */
function narrative(goals: number[][], years = 'fiscalYear: 2023\nnextYear: 2024'): string {
  const policy = (no: number) => `      - no: ${no}\n        title: 方針${no}\n        results: [実績]\n        plans: [取組]\n        measures: [施策]\n`;
  return `kind: narrative\ntitle: 達成状況\n${years}\ngoals:\n${goals.map((policies, i) => `  - no: ${i + 1}\n    title: 目標${i + 1}\n    policies:\n${policies.map(policy).join('')}`).join('')}`;
}

/** A KPI document of one strategy with one indicator whose values are given as printed. */
function kpi(strategies: number[], measures: number[], values = { baseline: '3,560(H29)', actual: '3,510(H30)', target: '3,630' }): string {
  const indicator = `              - name: 指標\n                unit: 人\n                method: change\n${Object.entries(values)
    .map(([k, v]) => `                ${k}: { text: "${v}" }\n`)
    .join('')}                reported: { progress: null, status: null }\n`;
  const summary = '{ achieved: 0, improved: 0, unchanged: 0, worsened: 0, total: 0 }';
  const strategy = (no: number) =>
    `  - no: ${no}\n    title: 戦略${no}\n    indicators: []\n    reportedGoalSummary: ${summary}\n    reportedSummary: ${summary}\n    policies:\n      - no: 1\n        title: 方針\n        reportedSummary: ${summary}\n        measures:\n${measures.map((m) => `          - no: ${m}\n            title: 施策${m}\n            indicators:\n${indicator.replace(/^ {14}/gm, '              ')}`).join('')}`;
  return `kind: kpi-progress\ntitle: 進捗状況\nfiscalYear: 2019\nstrategies:\n${strategies.map(strategy).join('')}`;
}

function problems(text: string) {
  const english = (messages: readonly Message[]) => messages.map((m) => printedMessage(m, 'en'));
  try {
    return english(parseDocumentWithNotes(text, 'doc.yaml').messages);
  } catch (error) {
    if (error instanceof TasseiError) return english(error.messages);
    throw error;
  }
}

describe('numbering', () => {
  it('a number used twice is an error at its line, naming the line of the first (policy 2 renumbered 1)', () => {
    const text = narrative([[1, 1, 3]]);
    const [m, ...rest] = problems(text);
    expect(rest).toMatchObject([{ severity: 'warning', rule: 'numbering-gap', message: 'policy number(s) 2 missing' }]);
    const lines = text.split('\n');
    expect(m).toMatchObject({ severity: 'error', rule: 'numbering-duplicate', file: 'doc.yaml', path: 'goals[0].policies[1].no' });
    expect(lines[m!.line! - 1]).toBe('      - no: 1');
    expect(m!.line).toBeGreaterThan(lines.indexOf('      - no: 1') + 1);
    expect(m!.message).toContain(`also at line ${lines.indexOf('      - no: 1') + 1}`);
  });

  it.each([
    ['strategies', kpi([1, 1], [1]), 'strategies[1].no'],
    ['measures', kpi([1], [1, 2, 2]), 'strategies[0].policies[0].measures[2].no'],
    ['goals', narrative([[1], [1], [1]]).replace('  - no: 3', '  - no: 1'), 'goals[2].no'],
  ])('duplicate %s', (_, text, path) => {
    expect(problems(text)).toMatchObject([{ severity: 'error', rule: 'numbering-duplicate', path }]);
  });

  it('a missing number is a warning naming it; the document is still read', () => {
    expect(problems(narrative([[1, 2, 4, 6]]))).toMatchObject([
      { severity: 'warning', rule: 'numbering-gap', path: 'goals[0].policies', message: 'policy number(s) 3, 5 missing' },
    ]);
    expect(problems(kpi([2], [1]))).toMatchObject([{ severity: 'warning', rule: 'numbering-gap', path: 'strategies' }]);
  });

  it('numbers 1, 2, 3 … in any document give nothing', () => {
    expect(problems(narrative([[1, 2, 3], [1]]))).toEqual([]);
    expect(problems(kpi([1, 2], [1, 2, 3]))).toEqual([]);
  });
});

describe('years against each other', () => {
  it.each([
    ['nextYear before fiscalYear', 'fiscalYear: 2023\nnextYear: 2022', 'error'],
    ['nextYear the same as fiscalYear', 'fiscalYear: 2023\nnextYear: 2023', 'error'],
    ['nextYear two years on', 'fiscalYear: 2023\nnextYear: 2025', 'warning'],
  ])('%s', (_, years, severity) => {
    const text = narrative([[1]], years);
    const [m, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ severity, rule: 'year-order', path: 'nextYear', line: text.split('\n').findIndex((l) => l.startsWith('nextYear')) + 1 });
  });

  it.each([
    ['(R200): a typing slip for R2', { baseline: '3,560(R200)', actual: '3,510', target: '3,630' }, 'year-implausible', 'baseline'],
    ['(S10) for a 2019 report', { baseline: '3,560', actual: '3,510(S10)', target: '3,630' }, 'year-implausible', 'actual'],
    ['an actual noted two years after the fiscal year', { baseline: '3,560', actual: '3,510(R3)', target: '3,630' }, 'year-after-fiscal-year', 'actual'],
  ])('a year note %s', (_, values, rule, key) => {
    expect(problems(kpi([1], [1], values))).toMatchObject([
      { severity: 'error', rule, path: `strategies[0].policies[0].measures[0].indicators[0].${key}.text` },
    ]);
  });

  it("accepts what reports print: last year's notes, a school year's next spring (94.3 (R2) in R1), a target year", () => {
    expect(problems(kpi([1], [1], { baseline: '92.5 (H31)', actual: '94.3 (R2)', target: '95.0(R6)' }))).toEqual([]);
  });
});

describe('text length', () => {
  it('a text over the limit is refused at its place, with its length; one under it is read whole', () => {
    const long = '観'.repeat(10_001);
    expect(problems(narrative([[1]]).replace('title: 方針1', `title: ${long}`))).toMatchObject([
      { severity: 'error', rule: 'text-too-long', path: 'goals[0].policies[0].title', line: 10 },
    ]);
    expect(problems(narrative([[1]]).replace('title: 方針1', `title: ${'観'.repeat(3000)}`))).toEqual([]);
  });
});
