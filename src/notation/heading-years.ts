import { ERAS, eraName } from './numbers.js';

/**
 * Years printed in a column heading (現在値（R2）, 令和2年度, 平成 30 年, 2020年度, Ｒ２), and the same
 * heading a year on in the same notation, for `tassei next` on a document in its own layout.
 */

/** One way a year is printed in a heading: era short (R2), era long (令和2年), or Gregorian (2020). */
const YEAR_IN_HEADING = /(令和|平成|昭和|[RHS])\s*(\d{1,2}|元)(?!\d)|((?:19|20)\d\d)(?!\d)/g;

/** Full-width digits and letters (Ｒ２) read as ASCII, for finding the year. */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Each year printed in a heading, with where it stands (in the heading as printed). */
export function headingYears(heading: string): { year: number; index: number; length: number; printed: string }[] {
  const plain = halfWidth(heading);
  return [...plain.matchAll(YEAR_IN_HEADING)].map((m) => {
    const year = m[3] !== undefined ? Number(m[3]) : ERAS[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2])) - 1;
    return { year, index: m.index, length: m[0].length, printed: heading.slice(m.index, m.index + m[0].length) };
  });
}

/** A year in the notation of a printed one: its era (short or long), spacing and width kept. */
function reprint(printed: string, year: number): string {
  const plain = halfWidth(printed);
  const wide = plain !== printed;
  const gregorian = /^\d{4}$/.test(plain);
  let text: string;
  if (gregorian) text = String(year);
  else {
    const long = /^(令和|平成|昭和)/.test(plain);
    const name = eraName(year, long ? 'long' : 'short');
    const [, era, n] = /^(\D+?)(元|\d+)年?$/.exec(name)!;
    const space = /\s/.test(plain) ? ' ' : '';
    // The first year is 元 in the long notation (令和元年度), 1 in the short (R1).
    text = `${era}${space}${n}`;
  }
  return wide ? text.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : text;
}

/** A year that opens or closes a span of years (令和2年度～令和4年度, R2-R4): a period's bound, not the report's year. */
const SPAN_MARK = /[～〜~\-－―−]/;
/** What may stand between a year and a span's mark (年度, a bracket, spaces). */
const YEAR_TAIL = /^\s*(?:年度|年)?\s*[)）]?\s*/;
const YEAR_HEAD = /\s*[(（]?\s*$/;

function boundsSpan(text: string, index: number, length: number): boolean {
  const after = text.slice(index + length).replace(YEAR_TAIL, '');
  const before = text.slice(0, index).replace(YEAR_HEAD, '');
  return SPAN_MARK.test(after.charAt(0)) || SPAN_MARK.test(before.charAt(before.length - 1));
}

/**
 * The heading (or a title) with each printing of `from` replaced by `to` in the same notation
 * (現在値（R2） → 現在値（R3）, 平成30年度 → 令和元年度 … as R1 where printed short); other years
 * (a baseline's, a target's) and a period's bounds (令和2年度～令和4年度) are left as printed.
 */
export function advanceHeadingYear(heading: string, from: number, to: number): string {
  let result = '';
  let at = 0;
  for (const y of headingYears(heading)) {
    if (y.year !== from || boundsSpan(heading, y.index, y.length)) continue;
    result += heading.slice(at, y.index) + reprint(y.printed, to);
    at = y.index + y.length;
  }
  return result + heading.slice(at);
}
