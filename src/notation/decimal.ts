/**
 * Exact decimal arithmetic for the few operations progress needs. Values are printed decimals
 * (`42.2`, `38,806`); binary floats cannot hold them exactly and round halves the wrong way,
 * so a value is kept as an integer count of 10^-scale units.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_PATTERN = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a plain ASCII decimal (`-12.50`); null where it is not one. */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_PATTERN.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2] + fraction);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

/** JavaScript's exponent form of a number (`1e+21`, `-2.5e-7`): sign, digits, fraction, exponent. */
const EXPONENT_PATTERN = /^(-)?(\d+)(?:\.(\d+))?e([+-]\d+)$/;

/** A JavaScript number as the decimal it was written as (the shortest round-trip form), exactly at any size. */
export function decimalOfNumber(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const text = n.toString();
  const m = EXPONENT_PATTERN.exec(text);
  if (!m) return parseDecimal(text)!;
  const fraction = m[3] ?? '';
  const digits = BigInt(m[2]! + fraction) * (m[1] ? -1n : 1n);
  const scale = fraction.length - Number(m[4]);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** a − b, exactly. */
export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

/** −1, 0 or 1 as a is below, equal to or above b. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export const ZERO: Decimal = { units: 0n, scale: 0 };

/**
 * numerator / denominator × 100, rounded half away from zero (四捨五入, as Excel's ROUND) to
 * `decimals` places. Returns the rounded value as a Decimal; the caller checks the denominator.
 */
export function percentRounded(numerator: Decimal, denominator: Decimal, decimals = 1): Decimal {
  if (denominator.units === 0n) throw new RangeError('division by zero');
  const scale = Math.max(numerator.scale, denominator.scale);
  let num = rescale(numerator, scale) * 100n * 10n ** BigInt(decimals);
  let den = rescale(denominator, scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const magnitude = negative ? -num : num;
  let quotient = magnitude / den;
  if ((magnitude % den) * 2n >= den) quotient += 1n;
  return { units: negative ? -quotient : quotient, scale: decimals };
}

/** The decimal as text with exactly its scale's places: `-71.4`, `0.0`. */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const whole = digits.slice(0, digits.length - d.scale);
  const fraction = d.scale > 0 ? `.${digits.slice(digits.length - d.scale)}` : '';
  return `${negative && d.units !== 0n ? '-' : ''}${whole}${fraction}`;
}

export function toNumber(d: Decimal): number {
  return Number(formatDecimal(d));
}

/** Exact −1/0/1 comparison of numerator / denominator × 100 with a percentage. */
export function comparePercent(numerator: Decimal, denominator: Decimal, percent: Decimal): -1 | 0 | 1 {
  if (denominator.units === 0n) throw new RangeError('division by zero');
  const hundredfold: Decimal = { units: numerator.units * 100n, scale: numerator.scale };
  const scale = Math.max(hundredfold.scale, denominator.scale + percent.scale);
  const left = rescale(hundredfold, scale);
  const right = rescale({ units: denominator.units * percent.units, scale: denominator.scale + percent.scale }, scale);
  const order = left < right ? -1 : left > right ? 1 : 0;
  return (denominator.units < 0n ? -order : order) as -1 | 0 | 1;
}

/**
 * An exact rational, for the quantities of grading schemes that divide twice (progress against
 * the elapsed share of a plan); the denominator is always positive.
 */
export interface Fraction {
  num: bigint;
  den: bigint;
}

export function fractionOf(d: Decimal): Fraction {
  return { num: d.units, den: 10n ** BigInt(d.scale) };
}

export function fractionOfInteger(n: number): Fraction {
  return { num: BigInt(n), den: 1n };
}

export function times(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a / b, or null where b is zero. */
export function divide(a: Fraction, b: Fraction): Fraction | null {
  if (b.num === 0n) return null;
  const sign = b.num < 0n ? -1n : 1n;
  return { num: a.num * b.den * sign, den: a.den * b.num * sign };
}

export function absolute(a: Fraction): Fraction {
  return { num: a.num < 0n ? -a.num : a.num, den: a.den };
}

export const HUNDRED: Fraction = { num: 100n, den: 1n };

/** −1, 0 or 1 as the fraction is below, equal to or above the decimal. */
export function compareFraction(a: Fraction, d: Decimal): -1 | 0 | 1 {
  const left = a.num * 10n ** BigInt(d.scale);
  const right = d.units * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The fraction rounded half away from zero to `decimals` places, as a number (for display). */
export function fractionToNumber(a: Fraction, decimals = 2): number {
  const scaled = a.num * 10n ** BigInt(decimals);
  const magnitude = scaled < 0n ? -scaled : scaled;
  let quotient = magnitude / a.den;
  if ((magnitude % a.den) * 2n >= a.den) quotient += 1n;
  return toNumber({ units: scaled < 0n ? -quotient : quotient, scale: decimals });
}
