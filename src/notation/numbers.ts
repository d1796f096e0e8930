import type { Measurement } from '../model/types.js';
import { t, type Text } from '../model/i18n.js';
import { type Decimal, parseDecimal, decimalOfNumber, formatDecimal } from './decimal.js';

/** First Gregorian year of each era; year n of an era is `start + n − 1` (元年 is 1). */
export const ERAS: Readonly<Record<string, number>> = {
  M: 1868,
  明治: 1868,
  T: 1912,
  大正: 1912,
  S: 1926,
  昭和: 1926,
  H: 1989,
  平成: 1989,
  R: 2019,
  令和: 2019,
};

const ERA_NAMES = Object.keys(ERAS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** `H29`, `R1`, `令和元年`, `平成29年度`, `R5.11月`, `2018`, `2018年`. */
const YEAR_NOTE = new RegExp(`^(?:(${ERA_NAMES})\\s*(\\d+|元)|((?:19|20)\\d\\d))\\s*(?:年度?)?(?:[.．]?\\d{1,2}月?)?$`);
/** Every way a printed cell says "nothing here". */
const DASH = /^[-‐–—―−ー]$/;
const MINUS_SIGNS = '△▲−\\-';
/** A number with optional minus mark, thousands separators, decimals and a trailing %. */
const NUMBER = new RegExp(`^([${MINUS_SIGNS}+])?\\s*((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*%?$`);
/** The words of a cumulative or approximate figure, set before it: one list for every reader of figures. */
export const CUMULATIVE_WORDS = '延べ|累計|約';
const QUALIFIER_BEFORE = new RegExp(`^(?:${CUMULATIVE_WORDS})\\s*`);
const QUALIFIER_LAST = new RegExp(`(?:${CUMULATIVE_WORDS})$`);
/**
 * Where a text ends in a cumulative word (`延べ`, `60件 延べ`), the text before that word (`''`,
 * `60件`); else null. The word is set before its figure, so a line ending in it is never a whole
 * value: a narrow cell wrapped the figure onto its next line (`延べ` / `147,930%`).
 */
export function beforeLastQualifier(text: string): string | null {
  const plain = text.normalize('NFKC').trim();
  const m = QUALIFIER_LAST.exec(plain);
  return m ? plain.slice(0, m.index).trim() : null;
}
const QUALIFIER_AFTER = /\s*(?:以上|以下|超|未満|以内|程度)$/;
/**
 * A printed figure without the words that qualify it without changing it (layouts.md §4 item 5):
 * a cumulative mark before it (`延べ 2`, `累計 120`, `約 3,000`), a bound after it (`2,000以上`,
 * `93%超`, `20未満`). The value is the number; the text keeps the words. `延べ 2人以上` → `2人`.
 */
export function withoutQualifiers(text: string): string {
  return text.replace(QUALIFIER_BEFORE, '').replace(QUALIFIER_AFTER, '');
}

/** A value followed by a parenthesised note: `3,560(H29)`, `92.5 (H31)`. */
const WITH_NOTE = /^(.*?)\s*\(([^()]*)\)$/;

/** Gregorian year of an era year: `eraYear('R', '元')` is 2019. */
export function eraYear(era: string, year: string | number): number | null {
  const start = ERAS[era];
  if (start === undefined) return null;
  const n = year === '元' ? 1 : Number(year);
  return Number.isInteger(n) && n >= 1 ? start + n - 1 : null;
}

/** The Gregorian year of a year note without its parentheses (`H29`, `令和元年度`), or null. */
export function parseYearNote(note: string): number | null {
  const m = YEAR_NOTE.exec(note.normalize('NFKC').trim());
  if (!m) return null;
  if (m[3]) return Number(m[3]);
  return eraYear(m[1]!, m[2]!);
}

/** The first era year in a text such as `令和5年度 主な取組内容` or `R1実績 b`. */
export function findEraYear(text: string): number | null {
  const m = new RegExp(`(${ERA_NAMES})\\s*(\\d+|元)`).exec(text.normalize('NFKC'));
  return m ? eraYear(m[1]!, m[2]!) : null;
}

/** Japanese era notation of a Gregorian year: 2019 → 令和元年, 2023 → 令和5年. */
export function eraName(year: number, style: 'long' | 'short' = 'long'): string {
  const [era, start] = Object.entries(ERAS)
    .filter(([name]) => (style === 'long' ? name.length > 1 : name.length === 1))
    .filter(([, s]) => s <= year)
    .sort((a, b) => b[1] - a[1])[0]!;
  const n = year - start + 1;
  if (style === 'short') return `${era}${n}`;
  return `${era}${n === 1 ? '元' : n}年`;
}

export type ValueParse = { ok: true; measurement: Measurement; decimal: Decimal | null } | { ok: false; reason: Text };

/**
 * The most digits a value may have: a measurement's value is a binary number, which holds 15
 * decimal digits exactly; more (or an exponent) would print as Infinity or lose digits.
 */
export const MAX_DIGITS = 15;

/** A pair of quotes around a typed value: `"3580"`, `'3580'`, `“3580”`, `「3580」`. */
const QUOTED = /^(?:"(.*)"|'(.*)'|“(.*)”|‘(.*)’|「(.*)」)$/s;

function unquoted(text: string): string {
  const m = QUOTED.exec(text);
  return m ? (m.slice(1).find((g) => g !== undefined) ?? '').trim() : text;
}

/** The digits a written number needs: its whole part without leading zeros, and every decimal. */
function significantDigits(number: string): number {
  const [whole = '', fraction = ''] = number.replace(/[^\d.]/g, '').split('.');
  return whole.replace(/^0+/, '').length + fraction.length;
}

/** The ASCII decimal of a printed number, or null: `△1,234.5` → `-1234.5`. */
export function parsePrintedNumber(text: string): Decimal | null {
  const m = NUMBER.exec(text.normalize('NFKC').trim());
  if (!m || significantDigits(m[2]!) > MAX_DIGITS) return null;
  return parseDecimal(`${m[1] && m[1] !== '+' ? '-' : ''}${m[2]!.replace(/,/g, '')}`);
}

export interface ReadingOptions {
  /** The indicator's unit (単位): a value typed with it after the number (`3,580人`) reads as the number. */
  unit?: string | null;
}

/**
 * Reads a printed or typed value cell. The text is kept exactly as written; full-width digits,
 * commas, `△`/`▲` minus, a trailing % or the indicator's unit, quotes around the whole and a
 * year note are understood. `-` is no value.
 */
export function parseMeasurement(printed: string, options: ReadingOptions = {}): ValueParse {
  const text = printed.trim();
  const plain = unquoted(text.normalize('NFKC').trim());
  if (plain === '') return { ok: false, reason: t('空欄です', 'the cell is empty') };
  if (DASH.test(plain)) return { ok: true, measurement: { value: null, year: null, text }, decimal: null };
  let body = plain;
  let year: number | null = null;
  const noted = WITH_NOTE.exec(plain);
  if (noted) {
    year = parseYearNote(noted[2]!);
    if (year === null)
      return {
        ok: false,
        reason: t(
          `注記 (${noted[2]}) は (H29)、(R4)、(令和元年) のような年ではありません`,
          `the note (${noted[2]}) is not a year such as (H29), (R4) or (令和元年)`,
        ),
      };
    body = noted[1]!;
  }
  if (DASH.test(body)) return { ok: true, measurement: { value: null, year, text }, decimal: null };
  body = withoutQualifiers(body);
  const unit = options.unit?.normalize('NFKC').trim();
  if (unit && body.endsWith(unit) && body.length > unit.length) body = body.slice(0, -unit.length).trim();
  const number = NUMBER.exec(body);
  if (number && significantDigits(number[2]!) > MAX_DIGITS) {
    return {
      ok: false,
      reason: t(
        `桁が多すぎます（${significantDigits(number[2]!)} 桁、${MAX_DIGITS} 桁まで）`,
        `too many digits (${significantDigits(number[2]!)}; at most ${MAX_DIGITS})`,
      ),
    };
  }
  const decimal = body === '' ? null : parsePrintedNumber(body);
  if (!decimal) {
    return {
      ok: false,
      reason: t(`「${body}」は 3,560、42.2、△12、３５６０ のような数値ではありません`, `"${body}" is not a number such as 3,560, 42.2, △12 or ３５６０`),
    };
  }
  return { ok: true, measurement: { value: Number(formatDecimal(decimal)), year, text }, decimal };
}

/**
 * Whether a printed cell is a text value rather than a mistyped number: words without a digit
 * (`調査中`, `設置`, `なし`, `基準値を上回る`). Such a cell is kept as text, with no value.
 */
export function isTextValue(printed: string): boolean {
  const plain = printed.normalize('NFKC').trim();
  return plain !== '' && !DASH.test(plain) && !/\d/.test(plain);
}

/**
 * Why a number given as a value cannot be used, or null: not finite (`.inf`, `.nan`, `1e400`),
 * or more digits than a value holds exactly.
 */
export function unusableNumber(value: number): Text | null {
  if (!Number.isFinite(value))
    return t(
      `${yamlNumber(value)} は値として使えません（値は ${MAX_DIGITS} 桁までの有限の数です）`,
      `${yamlNumber(value)} cannot be used as a value (a value is a finite number of at most ${MAX_DIGITS} digits)`,
    );
  if (/e/i.test(String(value)) || significantDigits(String(value)) > MAX_DIGITS) {
    return t(`${value} は桁が多すぎます（${MAX_DIGITS} 桁まで）`, `${value} has too many digits (at most ${MAX_DIGITS})`);
  }
  return null;
}

/** A number as YAML writes it: `.inf`, `-.inf`, `.nan`. */
function yamlNumber(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return String(value);
}

/**
 * The exact decimal of a measurement: from its printed text where that parses (so `60.0`
 * keeps its place), else from its number.
 */
export function decimalOf(m: Measurement): Decimal | null {
  if (m.value === null) return null;
  const parsed = parseMeasurement(m.text);
  if (parsed.ok && parsed.decimal) return parsed.decimal;
  return decimalOfNumber(m.value);
}

/** A printed progress cell: `-71.4%`, `0.0%`, `△5.3%`; null for `-` or blank. */
export function parseProgress(printed: string): number | null | undefined {
  const plain = printed.normalize('NFKC').trim();
  if (plain === '' || DASH.test(plain)) return null;
  const d = parsePrintedNumber(plain);
  return d ? Number(formatDecimal(d)) : undefined;
}

/** 令和5年度, 令和元年度. */
export function fiscalYearName(year: number): string {
  return `${eraName(year)}度`;
}
