// Field-by-field comparison of an extracted document with its source document: every leaf that
// differs, by its path (strategies[0].policies[1].measures[0].indicators[2].actual.text).

const show = (v) => (v === undefined ? '(missing)' : JSON.stringify(v));

/**
 * Spaces a reader of the page cannot see: where a value cell wraps at its space (`92.5` over
 * `(H31)`) the line break hides it, and a space between Japanese and Latin text looks the same
 * as the gap some producers leave there by themselves. Such spaces are not compared.
 */
const UNSEEN_SPACE =
  /(?<=[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{P}])\s+(?=[\p{scx=Latin}\p{N}])|(?<=[\p{scx=Latin}\p{N}])\s+(?=[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{Ps}])/gu;
const isValueText = (path) => /\.(baseline|actual|target|previousActual|series\[\d+\]|interim\[\d+\])\.text$/.test(path);
/**
 * Dashes one glyph prints for (− U+2212, － U+FF0D, - and ‐): the fonts draw them alike and a
 * producer's character map may name either, so a legend's mark of no data is compared as one.
 */
const DASHES = /[\u2212\uff0d\u2010\u2011-]/g;
const isMark = (path) => /^layout\.legend\.marks\[\d+\]\.mark$/.test(path);
const seen = (path, text) => (isValueText(path) ? text.replace(/\s+/g, '') : isMark(path) ? text.replace(DASHES, '-') : text.replace(UNSEEN_SPACE, ''));

/**
 * A column's width (its share of the table) is read from rules or from where text stands, and
 * is only ever approximately what the producer drew: it matches within this share, and a reader
 * that gives none is not held to it.
 */
export const WIDTH_TOLERANCE = 0.05;
const isWidth = (path) => /^layout\.columns\[\d+\]\.width$/.test(path);
const widthMatches = (expected, got) =>
  got === undefined || (typeof expected === 'number' && typeof got === 'number' && Math.abs(expected - got) <= WIDTH_TOLERANCE);

/**
 * A document's `scheme` is the scheme it is graded by, which a page does not print: where it
 * matters, the scheme it was printed under is checked apart (as the field `(scheme)`).
 */
const isGradingScheme = (path) => path === 'scheme';

/** The differences between two documents: `{ path, expected, got }`, in document order. */
export function differences(expected, got, path = '') {
  if (isGradingScheme(path)) return [];
  if (Array.isArray(expected) || Array.isArray(got)) {
    const a = Array.isArray(expected) ? expected : [];
    const b = Array.isArray(got) ? got : [];
    if (!Array.isArray(expected) || !Array.isArray(got)) return [{ path, expected, got }];
    const out = [];
    for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(...differences(a[k], b[k], `${path}[${k}]`));
    return out;
  }
  const object = (v) => v !== null && typeof v === 'object';
  if (object(expected) && object(got)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(got)])];
    return keys.flatMap((k) => differences(expected[k], got[k], path ? `${path}.${k}` : k));
  }
  if (object(expected) || object(got)) return [{ path, expected, got }];
  if (isWidth(path)) return widthMatches(expected, got) ? [] : [{ path, expected, got }];
  if (typeof expected === 'string' && typeof got === 'string' && seen(path, expected) === seen(path, got)) return [];
  return Object.is(expected, got) || (expected === 0 && got === 0) ? [] : [{ path, expected, got }];
}

/** One line per difference: `path: expected → got`. */
export function formatDifferences(list, limit = Infinity) {
  const lines = list.slice(0, limit).map((d) => `${d.path}: ${show(d.expected)} → ${show(d.got)}`);
  if (list.length > limit) lines.push(`… and ${list.length - limit} more`);
  return lines.join('\n');
}
