import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from './evaluate.js';
import { parseMeasurement } from './numbers.js';
import { statusOfLabel } from './rules.js';
import { readSchemeFile } from './scheme-file.js';

const m = (text: string) => {
  const r = parseMeasurement(text);
  if (!r.ok) throw new Error(text);
  return r.measurement;
};

describe('a scheme configured in YAML (schemes/abcd.yaml)', () => {
  const scheme = readSchemeFile('schemes/abcd.yaml');
  const at = (b: string) => evaluateIndicator({ name: 'x', unit: null, method: 'change', baseline: m('0'), actual: m(b), target: m('100'), reported: { progress: null, status: null } }, scheme).status;

  it.each([['100', 'achieved'], ['50', 'improved'], ['49.9', 'unchanged'], ['0', 'worsened'], ['-5', 'worsened']])('b = %s of 100 → %s', (b, status) => {
    expect(at(b)).toBe(status);
  });

  it('reads its marks, and the ◎○△× it lists as the same statuses', () => {
    expect(scheme.labels.achieved).toBe('A');
    expect(statusOfLabel('◎', scheme)).toBe('achieved');
    expect(statusOfLabel('×', scheme)).toBe('worsened');
  });

  it('names the line of a wrong rule', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tassei-scheme-')), 'bad.yaml');
    writeFileSync(file, 'id: bad\nrules:\n  change:\n    - { status: great, of: progress, is: ">=", value: 100 }\n  ratio: []\nlabels: { achieved: A }\n');
    expect(() => readSchemeFile(file)).toThrow(/bad\.yaml:4:\d+: エラー \[scheme\] expected a status .* found "great"/);
    expect(() => readSchemeFile(file)).toThrow(/rules\.ratio must list at least one rule/);
  });
});
