import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from './evaluate.js';
import { formatEvaluationText } from './format.js';
import { MAX_DIGITS, parseMeasurement } from '../notation/numbers.js';
import { readScheme } from './scheme-file.js';
import { TasseiError } from '../model/errors.js';
import type { KpiDocument, Measurement, Message } from '../model/types.js';
import { formatValue } from '../io/measurements.js';
import { parseDocumentText } from '../io/yaml-read.js';

/**
 * Values as people type them into the YAML, in the first indicator's `actual` (unit 百万円,
 * line 13 of the fixture): what each reads to, or the located message it gets.
 */
const FIXTURE = 'test/fixtures/yaml/kpi-strategy1.yaml';
const ACTUAL_LINE = 13;
const base = readFileSync(FIXTURE, 'utf8');

function withActual(actual: string, reported = '{ progress: -71.4, status: worsened }'): string {
  const lines = base.split('\n');
  lines[ACTUAL_LINE - 1] = `        actual: ${actual}`;
  lines[ACTUAL_LINE + 1] = `        reported: ${reported}`;
  return lines.join('\n');
}

function read(text: string): Measurement {
  return (parseDocumentText(text, 'typed.yaml') as KpiDocument).strategies[0]!.indicators[0]!.actual;
}

function problems(text: string): Message[] {
  try {
    parseDocumentText(text, 'typed.yaml');
  } catch (error) {
    if (error instanceof TasseiError) return error.messages;
    throw error;
  }
  return [];
}

describe('values as people type them: each reads to the same value, the text kept as typed', () => {
  it.each([
    // typed in the YAML                       value   year  text kept
    ['{ value: ３５８０ }', 3580, null, '３５８０'],
    ['{ value: "3580" }', 3580, null, '3580'],
    ["{ value: '3,580' }", 3580, null, '3,580'],
    ['\n          value: 3,580', 3580, null, '3,580'],
    ['{ value: ３，５８０ }', 3580, null, '３，５８０'],
    ['{ value: 45% }', 45, null, '45%'],
    ['{ value: ４５％ }', 45, null, '４５％'],
    ['{ value: 3580百万円 }', 3580, null, '3580百万円'],
    ['\n          value: 3,580 百万円', 3580, null, '3,580 百万円'],
    ['{ value: △12 }', -12, null, '△12'],
    ['{ value: "▲1,234.5" }', -1234.5, null, '▲1,234.5'],
    ['{ value: "+12" }', 12, null, '+12'],
    ['{ value: 3580 }', 3580, null, '3,580'],
    ['{ value: -0.5 }', -0.5, null, '△0.5'],
    ['{ value: "3,580(R2)" }', 3580, 2020, '3,580(R2)'],
    ['{ text: "3,580(R2)" }', 3580, 2020, '3,580(R2)'],
    ['{ text: \'"3580"\' }', 3580, null, '"3580"'],
    ['{ text: 「3580」 }', 3580, null, '「3580」'],
    // The first edit of a blank: text alone, value and year still null.
    ['{ value: null, year: null, text: "3,580" }', 3580, null, '3,580'],
    ['{ value: null, year: null, text: ３５８０ }', 3580, null, '３５８０'],
    // ...or value alone, text still empty.
    ['{ value: 3580, year: null, text: "" }', 3580, null, '3,580'],
    // Blank (未記入) and no data (-) stay apart.
    ['{ value: null, year: null, text: "" }', null, null, ''],
    ['{ value: "" }', null, null, ''],
    ['{ text: "-" }', null, null, '-'],
    ['{ value: null }', null, null, '-'],
    // A value in words (layouts.md §4 item 5) is kept as text, with no number; a bound or a
    // cumulative mark around a number reads as the number.
    ['{ text: 調査中 }', null, null, '調査中'],
    ['{ value: 調査中 }', null, null, '調査中'],
    ['{ text: 基準値を上回る }', null, null, '基準値を上回る'],
    ['{ text: "2,000以上" }', 2000, null, '2,000以上'],
    ['{ text: 延べ 12(R2) }', 12, 2020, '延べ 12(R2)'],
    ['{ value: "93%超" }', 93, null, '93%超'],
    [`{ value: ${'9'.repeat(MAX_DIGITS)} }`, Number('9'.repeat(MAX_DIGITS)), null, formatValue(Number('9'.repeat(MAX_DIGITS)))],
  ])('%s → %s', (typed, value, year, text) => {
    expect(read(withActual(typed))).toEqual({ value, year, text });
  });
});

describe('values that cannot be read: a located message with the key path and a hint, never an internal error', () => {
  const path = 'strategies[0].indicators[0].actual';
  it.each([
    // typed                                   key     message
    ['{ value: .inf }', 'value', /^\.inf は値として使えません/],
    ['{ value: -.inf }', 'value', /^-\.inf は値として使えません/],
    ['{ value: .nan }', 'value', /^\.nan は値として使えません/],
    ['{ value: 1e400 }', 'value', /^\.inf は値として使えません（値は 15 桁までの有限の数です）/],
    ['{ value: 1e300 }', 'value', /桁が多すぎます/],
    ['{ value: 1.5e-9 }', 'value', /桁が多すぎます/],
    [`{ value: ${'1'.repeat(400)} }`, 'value', /値として使えません/],
    [`{ value: "${'1'.repeat(400)}" }`, 'value', /桁が多すぎます（400 桁、15 桁まで）/],
    [`{ text: "${'1'.repeat(16)}" }`, 'text', /桁が多すぎます（16 桁、15 桁まで）/],
    ['{ value: "3,5x0" }', 'value', /"3,5x0" は値として読めません/],
    ['{ value: 3,580 }', '580', /不明なキー "580"/],
    ['{ value: 3580人 }', 'value', /"3580人" は値として読めません/], // the unit is 百万円
    ['{ value: "1,23" }', 'value', /値として読めません/],
    // Words with a digit are a mistyped number until value: null says they are text.
    ['{ text: →H31年延伸 }', 'text', /"→H31年延伸" は値として読めません/],
    ['{ value: 5, text: 調査中 }', 'text', /"調査中" は値として読めません/],
    ['{ value: "12(来年)" }', 'value', /注記 \(来年\) は/],
    ['{ value: 3510, text: "3,580" }', 'value', /value 3510 が text "3,580" \(3580\) と合いません/],
    ['{ value: 3580, year: 2019, text: "3,580(R2)" }', 'year', /year 2019 が/],
    ['{ value: true }', 'value', /数値・文字列・null のはずが、真偽値 true です/],
  ])('%s', (typed, key, message) => {
    const [m, ...rest] = problems(withActual(typed));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ severity: 'error', rule: expect.stringMatching(/^yaml-/), file: 'typed.yaml', line: ACTUAL_LINE, path: `${path}.${key}` });
    expect(m!.column).toBeGreaterThan(8);
    expect(m!.message.ja).toMatch(message);
    if (m!.rule !== 'yaml-type') expect(m!.hint).toBeTruthy();
  });

  it.each(['.inf', '-.inf', '.nan', '1e400'])('a reported progress %s is an error at reported.progress', (progress) => {
    const [m, ...rest] = problems(withActual('{ value: 3510, year: 2018, text: "3,510(H30)" }', `{ progress: ${progress}, status: worsened }`));
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ rule: 'yaml-value', line: ACTUAL_LINE + 2, path: 'strategies[0].indicators[0].reported.progress' });
  });

  it('in English with --lang en', () => {
    expect(problems(withActual('{ value: .nan }'))[0]!.message.en).toBe('.nan cannot be used as a value (a value is a finite number of at most 15 digits)');
    expect(problems(withActual('{ value: 3,580 }'))[0]!.hint?.en).toBe('inside { }, quote a value with a comma: "3,580"');
  });
});

describe('never Infinity or NaN in any output', () => {
  it('the largest values accepted evaluate and print as digits', () => {
    const big = '9'.repeat(MAX_DIGITS);
    const text = withActual(`{ text: "${big}" }`).replace(/target: \{[^}]*\}/, 'target: { text: "0.000000000000001" }');
    const doc = parseDocumentText(text, 'typed.yaml') as KpiDocument;
    const scheme = readScheme('schemes/default.yaml');
    const evaluation = evaluateDocument(doc, scheme);
    const output = formatEvaluationText(doc, evaluation, scheme, 'ja') + JSON.stringify(evaluation);
    expect(output).not.toMatch(/Infinity|NaN/);
  });

  it('any value within the digits a value holds reads back from the text tassei writes for it', () => {
    const value = fc
      .tuple(fc.integer({ min: 0, max: 8 }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }))
      .map(([scale, units]) => Number(units) / 10 ** scale)
      .filter((v) => String(v).replace(/\D/g, '').length <= MAX_DIGITS && !/e/.test(String(v)));
    fc.assert(
      fc.property(value, (v) => {
        const parsed = parseMeasurement(formatValue(v));
        return parsed.ok && parsed.measurement.value === v;
      }),
    );
  });
});
