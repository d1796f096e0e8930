import { describe, expect, it } from 'vitest';
import type { RuleId } from '../model/rule-ids.js';
import type { Finding, Message } from '../model/types.js';
import { setAsideDoubted } from './doubts.js';
import { t } from '../model/i18n.js';

const summary = (row: Finding['row'], strategy: number, policy: number | null): Finding => ({
  kind: 'summary-mismatch',
  row,
  column: 'total',
  strategy,
  policy,
  measure: null,
  indicator: null,
  reported: 3,
  computed: 2,
  message: t('', ''),
});
const status: Finding = {
  kind: 'status-mismatch',
  strategy: 1,
  policy: 2,
  measure: 1,
  indicator: '観光客数',
  reported: 'improved',
  computed: 'achieved',
  message: t('', ''),
};
const doubt = (strategy: number, policy: number | null, rule: RuleId = 'extract-check'): Message => ({
  severity: 'warning',
  rule,
  file: 'a.pdf',
  message: t('', ''),
  place: { strategy, policy, measure: null, indicator: null },
});

describe('setAsideDoubted', () => {
  const findings = [summary('policy', 1, 2), summary('policy', 1, 3), summary('total', 1, null), summary('goal', 1, null), summary('policy', 2, 2), status];

  it('sets aside the counts of a doubted policy and of its strategy total, and nothing else', () => {
    const { kept, setAside } = setAsideDoubted(findings, [doubt(1, 2)]);
    expect(setAside).toEqual([summary('policy', 1, 2), summary('total', 1, null)]);
    expect(kept).toEqual([summary('policy', 1, 3), summary('goal', 1, null), summary('policy', 2, 2), status]);
  });

  it('a doubted 基本目標 row sets aside that row', () => {
    expect(setAsideDoubted(findings, [doubt(1, null)]).setAside).toEqual([summary('total', 1, null), summary('goal', 1, null)]);
  });

  it('a doubt about the document sets nothing aside', () => {
    expect(setAsideDoubted(findings, [doubt(1, 2, 'document-check')]).kept).toEqual(findings);
  });
});
