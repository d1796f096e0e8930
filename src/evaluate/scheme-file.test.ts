import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeOfMark } from '../model/scheme.js';
import { evaluateIndicator } from './evaluate.js';
import { parseMeasurement } from '../notation/numbers.js';
import { builtInSchemesRead, readScheme, schemeFile } from './scheme-file.js';

const m = (text: string) => {
  const r = parseMeasurement(text);
  if (!r.ok) throw new Error(text);
  return r.measurement;
};

function badScheme(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tassei-scheme-')), 'bad.yaml');
  writeFileSync(file, text);
  return file;
}

const GRADES = 'grades:\n  - { id: A, mark: A, colour: "#000000" }\n  - { id: N, mark: "-", colour: "#000000" }\n';

describe('a scheme configured in YAML (schemes/abcd.yaml)', () => {
  const scheme = readScheme(schemeFile('abcd', '.'));
  const at = (b: string) =>
    evaluateIndicator(
      { name: 'x', unit: null, method: 'change', baseline: m('0'), actual: m(b), target: m('100'), reported: { progress: null, status: null } },
      scheme,
      { fiscalYear: 2019, plan: null },
    ).status;

  it.each([
    ['100', 'achieved'],
    ['50', 'improved'],
    ['49.9', 'unchanged'],
    ['0', 'worsened'],
    ['-5', 'worsened'],
  ])('b = %s of 100 → %s', (b, status) => {
    expect(at(b)).toBe(status);
  });

  it('reads its marks, and the ◎○△× it lists as the same grades', () => {
    expect(scheme.grades[0]!.mark).toBe('A');
    expect(gradeOfMark(scheme, '◎')).toBe('achieved');
    expect(gradeOfMark(scheme, '×')).toBe('worsened');
    expect(gradeOfMark(scheme, '★')).toBeUndefined();
  });
});

describe('reading a scheme: every problem with its line, key and a hint', () => {
  it('names a rule giving a grade the scheme does not have', () => {
    const file = badScheme(
      `id: bad\nsource: test\n${GRADES}rules:\n  - { grade: great, when: { of: progress, is: ">=", value: 100 } }\noutcomes: { noActual: N }\n`,
    );
    expect(() => readScheme(file)).toThrow(/bad\.yaml:7:\d+: エラー \[scheme-grade\] .*"great"[\s\S]*場所: rules\[0\]\.grade/);
  });

  it('names an unknown quantity with the ones it could be', () => {
    const file = badScheme(`id: bad\nsource: test\n${GRADES}rules:\n  - { grade: A, when: { of: speed, is: ">=", value: 1 } }\noutcomes: { noActual: N }\n`);
    expect(() => readScheme(file)).toThrow(
      /bad\.yaml:7:\d+: エラー \[yaml-value\] "progress", "achievement".*のどれかのはずが、文字列 "speed" です[\s\S]*rules\[0\]\.when\.of/,
    );
  });

  it('refuses a condition that is two things at once', () => {
    const file = badScheme(`id: bad\nsource: test\n${GRADES}rules:\n  - { grade: A, when: { tag: survey, state: ended } }\noutcomes: { noActual: N }\n`);
    expect(() => readScheme(file)).toThrow(/\[scheme-condition\][\s\S]*ヒント: .*all\/any/);
  });

  it('names a missing outcome for no data, and an unknown key', () => {
    const file = badScheme(`id: bad\nsource: test\n${GRADES}rules:\n  - { grade: A }\noutcomes: {}\nlabel: x\n`);
    expect(() => readScheme(file)).toThrow(/キー "noActual" がありません/);
    expect(() => readScheme(file)).toThrow(/不明なキー "label"/);
  });

  it('names a file that is not there', () => {
    expect(() => readScheme('no/such/scheme.yaml')).toThrow(/scheme-missing/);
  });
});

describe('the default scheme', () => {
  it('has the grades documents without a scheme key are checked against', async () => {
    const { DEFAULT_GRADES } = await import('../io/yaml-checks.js');
    expect(readScheme(schemeFile('default', '.')).grades.map((g) => g.id)).toEqual([...DEFAULT_GRADES]);
  });
});

describe('thresholds a scheme cannot compare with (issue 25, defect 8)', () => {
  it.each([
    ['value', '.inf'],
    ['value', '-.inf'],
    ['value', '.nan'],
    ['value', '1e308'],
    ['within', '.inf'],
    ['within', '1e300'],
  ])('%s: %s is refused at its line', (key, threshold) => {
    const when = key === 'value' ? `{ of: progress, is: ">=", value: ${threshold} }` : `{ of: movement, within: ${threshold} }`;
    const file = badScheme(`id: bad\nsource: test\n${GRADES}rules:\n  - { grade: A, when: ${when} }\noutcomes: { noActual: N }\n`);
    expect(() => readScheme(file)).toThrow(new RegExp(`bad\\.yaml:7:\\d+: エラー \\[scheme-threshold\\][\\s\\S]*場所: rules\\[0\\]\\.when\\.${key}`));
  });
});

describe('the built-in schemes stored by the build', () => {
  it('read back from JSON as read from their files (nothing a JSON copy loses)', () => {
    const read = builtInSchemesRead();
    expect(Object.keys(read).length).toBeGreaterThan(5);
    expect(JSON.parse(JSON.stringify(read))).toEqual(read);
  });
});
