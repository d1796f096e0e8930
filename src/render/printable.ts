import { createRequire } from 'node:module';
import { t } from '../model/i18n.js';
import { warningMessage } from '../model/messages.js';
import type { Message } from '../model/types.js';
import { FONT_FILES, fontFile } from './fonts.js';

/**
 * What the embedded fonts can print. A character BIZ UDPGothic lacks (𠮷, Hangul, emoji, a
 * control character) would print as an empty box, or at a width that pushes the layout into
 * the next column; it is printed as 〓 (geta, the Japanese typesetters' mark for a missing
 * character, one em wide like the kanji around it) and named in a warning with where it is.
 */

/** 〓: the substitute for a character the fonts lack. */
export const GETA = '\u3013';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
let faces: ReturnType<typeof fontkit.create>[] | undefined;

/** Line breaks are layout, not glyphs: pdfmake breaks the line there. */
const LAYOUT_CONTROLS = new Set(['\n']);
/** Selectors that only choose a form of the character before them (异体字, emoji presentation). */
const SELECTOR = /^[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const CONTROL = /^[\u0000-\u001F\u007F-\u009F\u2028\u2029]$/u;

function printable(char: string): boolean {
  if (LAYOUT_CONTROLS.has(char)) return true;
  if (CONTROL.test(char)) return false;
  faces ??= [fontkit.create(fontFile(FONT_FILES.normal)), fontkit.create(fontFile(FONT_FILES.bold))];
  const code = char.codePointAt(0)!;
  return faces.every((f) => f.hasGlyphForCodePoint(code));
}

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function shown(char: string): string {
  return CONTROL.test(char) ? codePoint(char) : `「${char}」(${[...char].map(codePoint).join(' ')})`;
}

/** The text with every character the fonts lack replaced, and the characters replaced. */
export function printableText(text: string): { text: string; missing: string[] } {
  const missing: string[] = [];
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    const chars = [...segment];
    if (chars.every(printable)) {
      out += segment;
      continue;
    }
    missing.push(segment);
    // A character the font has with a selector it lacks prints as its usual form.
    const [base, ...rest] = chars;
    out += printable(base!) && rest.every((c) => SELECTOR.test(c) || printable(c)) ? chars.filter((c) => !SELECTOR.test(c) || printable(c)).join('') : GETA;
  }
  return { text: out, missing };
}

/** Key path as in messages: `strategies[0].indicators[1].name`. */
function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * A copy of a document (or of any data headed for a template) that the fonts can print,
 * with a warning for each text that had to change.
 */
export function printableDocument<T>(value: T, file: string): { value: T; messages: Message[] } {
  const messages: Message[] = [];
  const visit = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      const { text, missing } = printableText(v);
      if (missing.length > 0) {
        const names = [...new Set(missing)].map(shown).join('、');
        messages.push(
          warningMessage(
            file,
            'glyph-missing',
            t(`埋め込みフォントにない文字 ${names} を 〓 で印刷します`, `characters the embedded fonts lack, printed as 〓: ${names}`),
            {
              path: pathText(path),
              hint: t('常用の字形に置き換えるか（𠮷→吉 など）、文字を確かめてください', 'replace them with a common form (𠮷 → 吉), or check the text'),
            },
          ),
        );
      }
      return text;
    }
    if (Array.isArray(v)) return v.map((x, i) => visit(x, [...path, i]));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, [...path, k])]));
    return v;
  };
  return { value: visit(value, []) as T, messages };
}

/** Taller than this (points) a table row cannot be kept on one page (A4 landscape's body is about 500). */
const MAX_UNBROKEN_ROW = 400;
/** The smallest text size the templates use; a guess on the side of more lines. */
const SMALLEST_SIZE = 7;
const LINE_HEIGHT = 1.2;

interface TableLike {
  table?: { dontBreakRows?: boolean; widths?: unknown[]; body?: unknown[][] };
}

function textLength(node: unknown): number {
  if (typeof node === 'string') return [...node].length;
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + textLength(x), 0);
  if (node !== null && typeof node === 'object') {
    const n = node as { text?: unknown; stack?: unknown; ul?: unknown; ol?: unknown };
    return textLength(n.text ?? n.stack ?? n.ul ?? n.ol ?? '');
  }
  return 0;
}

/**
 * pdfmake keeps an unbreakable row to the first page it fills and drops the rest (a 3,000
 * character name vanishes). A table with a row that cannot fit on a page may break its rows.
 */
export function allowTallRowsToBreak(definition: unknown): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const table = (node as TableLike).table;
    if (table?.dontBreakRows && Array.isArray(table.body)) {
      const widths = (table.widths ?? []).map((w) => (typeof w === 'number' ? w : 200));
      const tall = table.body.some(
        (row) =>
          Array.isArray(row) &&
          row.some((cell, i) => {
            const span = (cell as { colSpan?: number } | null)?.colSpan ?? 1;
            const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0) || 200;
            const lines = Math.ceil((textLength(cell) * SMALLEST_SIZE) / width);
            return lines * SMALLEST_SIZE * LINE_HEIGHT > MAX_UNBROKEN_ROW;
          }),
      );
      if (tall) table.dontBreakRows = false;
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(definition);
}
