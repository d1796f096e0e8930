import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TasseiError } from '../model/errors.js';
import type { KpiDocument } from '../model/types.js';
import { compileValidators, validatorOf } from './schemas.js';
import { QUICK_SCHEMA, parseDocumentText, parseLocated, quickParse } from './yaml-read.js';

describe('schema validation', () => {
  it('the code compiled at build time and the schemas compiled now report the same errors', () => {
    const data = parseDocument(readFileSync('test/fixtures/yaml-errors/wrong-keys.yaml', 'utf8')).toJS();
    const built = validatorOf('kpi-progress');
    const now = compileValidators()['kpi-progress'];
    expect(built(data)).toBe(false);
    expect(now(data)).toBe(false);
    const summary = (errors: typeof built.errors) => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    expect(summary(built.errors)).toEqual(summary(now.errors));
    // Three of the fixture's four errors are the schema's; a status is checked against the scheme.
    expect(summary(built.errors).length).toBeGreaterThanOrEqual(3);
  });
});

/**
 * A valid document is read by js-yaml alone (fast); anything else is read again by the `yaml`
 * library for located messages. The two must read every valid text the same way.
 */
describe('the two YAML readers', () => {
  const quick = (text: string) => load(text, { schema: QUICK_SCHEMA });

  it.each([
    '3560',
    '-0',
    '+12',
    '.5',
    '1.',
    '1e3',
    '1E+3',
    '0.1e-2',
    '+.5',
    '-.5e3',
    '1_000', // not a number in YAML 1.2: text for both
    '012',
    '00',
    '08',
    '0o12',
    '0x1F',
    '0b101', // YAML 1.1 octal and binary: not numbers in 1.2
    '.inf',
    '-.Inf',
    '.NaN',
    '~',
    'null',
    'Null',
    'NULL',
    '',
    'true',
    'True',
    'TRUE',
    'tRue',
    'yes',
    'no',
    'on',
    'off',
    'y', // booleans in YAML 1.1 only: text for both
    '2019-04-01',
    '2019-04-01T10:00:00Z', // no timestamps in the core schema
    '1:20',
    '12:30:00', // no base-60 numbers
    '3,560(H29)',
    '△12',
    '３',
    '"12"',
    "'it''s'",
    '!!str 12',
    '!!int "12"',
    '!!float 1.5',
    '&a 1',
  ])('value: %s', (scalar) => {
    const text = `value: ${scalar}\n`;
    expect(quick(text)).toEqual(parse(text));
  });

  it.each([
    'test/fixtures/expected/kpi-r1.yaml',
    'test/fixtures/expected/narrative-r5.yaml',
    'test/fixtures/expected/kpi-other-city.yaml',
    'test/fixtures/yaml/kpi-strategy1.yaml',
  ])('%s: read by js-yaml alone, and the same document as the yaml library gives', (file) => {
    const text = readFileSync(file, 'utf8');
    const quick = quickParse(text, file);
    expect(quick).toBeDefined();
    expect(quick).toEqual(parseLocated(text, file));
  });

  it('a %YAML 1.1 directive is read by the yaml library (yes is true there, so a text field reports it)', () => {
    const text = readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8').replace(/^title: .*$/m, 'title: yes');
    expect(() => parseDocumentText(`%YAML 1.1\n---\n${text}`, 'x.yaml')).toThrow(/文字列 のはずが、真偽値 true です/);
    expect(parseDocumentText(text, 'x.yaml').title).toBe('yes');
  });

  it('a duplicate key is an error with its line, not a silent overwrite', () => {
    const text = readFileSync('test/fixtures/yaml/kpi-strategy1.yaml', 'utf8').replace(/^(title: .*)$/m, '$1\n$1');
    try {
      parseDocumentText(text, 'x.yaml');
      expect.unreachable();
    } catch (error) {
      const [message] = (error as TasseiError).messages;
      expect(message).toMatchObject({ rule: 'yaml-syntax', line: 4 });
    }
  });
});

describe('a blank actual (未記入) is not - (no data)', () => {
  const doc = (actual: string) => `kind: kpi-progress
title: t
fiscalYear: 2020
strategies:
  - no: 1
    title: s
    indicators:
      - { name: n, unit: 人, method: change, baseline: { text: "1" }, actual: ${actual}, target: { text: "3" }, reported: { progress: null, status: null } }
    reportedGoalSummary: null
    reportedSummary: null
    policies: []
`;
  it.each([['{ text: "" }'], ['{ value: null, text: "" }']])('reads %s as blank text with no value', (actual) => {
    const read = parseDocumentText(doc(actual), 'blank.yaml') as KpiDocument;
    expect(read.strategies[0]!.indicators[0]!.actual).toEqual({ value: null, year: null, text: '' });
  });

  it('keeps - as no data', () => {
    const read = parseDocumentText(doc('{ text: "-" }'), 'nodata.yaml') as KpiDocument;
    expect(read.strategies[0]!.indicators[0]!.actual).toEqual({ value: null, year: null, text: '-' });
  });

  it('a value given beside a blank text fills the text in (the first edit of a blank is to either one)', () => {
    const read = parseDocumentText(doc('{ value: 5, text: "" }'), 'ok.yaml') as KpiDocument;
    expect(read.strategies[0]!.indicators[0]!.actual).toEqual({ value: 5, year: null, text: '5' });
  });
});

describe('a document in its own layout', () => {
  const f2 = readFileSync('test/fixtures/layout-docs/f2-matsudo.yaml', 'utf8');
  const problems = (text: string) => {
    try {
      parseDocumentText(text, 'f2.yaml');
      return [];
    } catch (error) {
      return (error as TasseiError).messages.map((m) => `${m.line}:${m.path} ${m.rule}`);
    }
  };

  it.each([
    [
      'a series column without its year',
      '{ role: series, heading: R1, group: 実績値, fiscalYear: 2019 }',
      '{ role: series, heading: R1, group: 実績値 }',
      ['15:layout.columns[4] layout-series-year'],
    ],
    ['a grouping column without its level', '{ role: unit, heading: 単位 }', '{ role: strategy, heading: 単位 }', ['12:layout.columns[1] layout-grouping']],
    ['a level printed as a column without one', 'style: banner }', 'style: column }', ['21:layout.hierarchy[0] layout-grouping']],
    [
      'a series year twice',
      '{ fiscalYear: 2019, value: 48,',
      '{ fiscalYear: 2018, value: 48,',
      ['58:strategies[0].indicators[1].series[1].fiscalYear layout-series-year'],
    ],
    ['an unknown role', 'role: grade', 'role: grading', [expect.stringMatching(/^18:layout\.columns\[7\]\.role yaml-value/)]],
    [
      'a series value that does not read',
      'value: 119400, year: null, text: "119,400"',
      'value: 119400, year: null, text: "119,4x0"',
      [expect.stringMatching(/^45:strategies\[0\]\.indicators\[0\]\.series\[0\]\.text yaml-value/)],
    ],
  ])('%s is named at its line and key path', (_what, from, to, expected) => {
    expect(f2.includes(from)).toBe(true);
    expect(problems(f2.replace(from, to))).toEqual(expected);
  });

  it.each(['f1-nagayo.yaml', 'f2-matsudo.yaml', 'f5-etajima.yaml', 'kitsuki-sheet.yaml'])('reads the family document %s without a problem', (file) => {
    expect(problems(readFileSync(`test/fixtures/layout-docs/${file}`, 'utf8'))).toEqual([]);
  });
});
