/**
 * Numbers as a document prints them in its hierarchy and numbering column: a sample form with
 * 1 as the number (`1`, `①`, `(1)`, `Ⅰ`, `(ⅰ)`, `第1章`, `-1-`, `１`, `ア`, `一`) and the
 * same form for any number.
 */

const ROMAN = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
] as const;

function roman(n: number): string {
  let rest = n;
  let text = '';
  for (const [value, letters] of ROMAN) {
    for (; rest >= value; rest -= value) text += letters;
  }
  return text;
}

/** ① … ⑳, ㉑ … ㉟, ㊱ … ㊿; (n) beyond. */
function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCharCode(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCharCode(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCharCode(0x32b1 + n - 36);
  return `(${n})`;
}

const KANJI_DIGITS = '〇一二三四五六七八九';

function kanji(n: number): string {
  if (n < 10) return KANJI_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? kanji(tens) : ''}十${ones > 0 ? KANJI_DIGITS[ones]! : ''}`;
}

const IROHA_ORDER = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ';

/** Each form of 1 a sample may print, and the form of any number in it. */
const FORMS: readonly { one: RegExp; format: (n: number) => string }[] = [
  { one: /1/, format: (n) => String(n) },
  { one: /１/, format: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) },
  { one: /①/, format: circled },
  // Ⅰ–Ⅻ are single characters; beyond, Latin letters.
  { one: /Ⅰ/, format: (n) => (n <= 12 ? String.fromCharCode(0x2160 + n - 1) : roman(n)) },
  { one: /ⅰ/, format: (n) => (n <= 12 ? String.fromCharCode(0x2170 + n - 1) : roman(n).toLowerCase()) },
  { one: /一/, format: kanji },
  { one: /ア/, format: (n) => IROHA_ORDER[n - 1] ?? String(n) },
];

/** The number `n` in the form of `sample` (a sample with 1 as the number); `n` alone where the sample shows no 1. */
export function formatNumbering(sample: string, n: number): string {
  for (const form of FORMS) {
    const at = sample.search(form.one);
    if (at >= 0) return `${sample.slice(0, at)}${form.format(n)}${sample.slice(at + 1)}`;
  }
  return `${sample}${n}`;
}
