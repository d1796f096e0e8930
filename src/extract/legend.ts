import type { LegendMark } from '../model/types.js';

/**
 * A mark legend as a document prints it (layouts.md §2.5, §4 item 9): 【評価】S：現在値が目標値を超えている
 * A：…, ※進捗 A:…, 評価 ◎：目標値以上 ○：…, or meaning before mark as 江田島市 prints it
 * (改善・悪化:改善○,維持△,悪化×). Pure.
 */

export interface PrintedLegend {
  /** The words before the first mark (【評価】, ※進捗, 評価); "" where none. */
  heading: string;
  marks: LegendMark[];
}

const DASH = '[-‐–—―−－]';
const SYMBOL = '[◎○〇△×▲●◯☆★]';
/** Words a legend gives a row it does not grade (評価なし：目標値の設定なし). */
export const NO_GRADE_WORD = '評価なし|判定なし|未実施|実績なし|対象外';
/** A mark of a legend: a letter (with + or −), a symbol, a dash, a circled number. */
const GRADE_MARK = `[A-Za-zＡ-Ｚａ-ｚ][+＋]?|${SYMBOL}|${DASH}`;
const MARK = `${GRADE_MARK}|[①-⑳]`;
/** A mark is no letter of a word or a unit (KPI, 4ha): nothing alphanumeric stands right before it. */
const NOT_AFTER_ALNUM = '(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])';
/**
 * A mark and its colon, not after a letter or digit (KPI: is no item), so also where lines were
 * joined without a space; or a word of two to four characters after a space (評価なし:, 未実施:).
 */
const ITEM = new RegExp(`(?:${NOT_AFTER_ALNUM}(${MARK})|(?<=^|[\\s　])([぀-ヿ一-龯]{2,4}))\\s*[:：]`, 'g');
/**
 * Meaning before mark, separated by commas: 改善○,維持△,悪化× (江田島市). Not a circled number:
 * after a word that is a level's numbering (基本戦略② ■施策①), not a grade. Nor a mark straight
 * after a letter or digit: it ends a figure's unit (4ha 6ha in a row of figures).
 */
const TRAILING_ITEM = new RegExp(`([^\\s　,，、:：]+?)${NOT_AFTER_ALNUM}(${GRADE_MARK})(?=[,，、\\s　]|$)`, 'g');
/** Fewer items than this are no legend (a note with one A: is not), unless a legend's heading stands before it. */
const MIN_ITEMS = 2;

/** A legend's heading: 【達成度】, ［評価］, ※評価, 評価基準. */
export const LEGEND_HEADING = /^(?:[【［[][^】］\]]{1,8}[】］\]]|※\s*\S{1,6}|(?:評価|判定|達成度)(?:基準|区分)?)$/;

/**
 * The legend in a text, or null where it prints none. A legend of one mark counts only under a
 * heading of its own (※評価 -：横ばい・実績なし: the one mark a scheme file lacks).
 */
export function readLegend(text: string): PrintedLegend | null {
  const starts = [...text.matchAll(ITEM)];
  if (starts.length >= MIN_ITEMS || (starts.length === 1 && LEGEND_HEADING.test(text.slice(0, starts[0]!.index).trim()))) {
    const marks = starts.map((m, k) => {
      const from = m.index! + m[0].length;
      const to = starts[k + 1]?.index ?? text.length;
      return {
        mark: (m[1] ?? m[2])!,
        meaning: text
          .slice(from, to)
          .replace(/[\s　、,，]+$/, '')
          .trim(),
      };
    });
    return { heading: text.slice(0, starts[0]!.index).trim(), marks };
  }
  const colon = /^(.*?)[:：](.*)$/.exec(text);
  const body = colon ? colon[2]! : text;
  const trailing = [...body.matchAll(TRAILING_ITEM)];
  if (trailing.length >= MIN_ITEMS && trailing.map((m) => m[0]).join('').length >= body.replace(/[\s　,，、]/g, '').length - 1) {
    return { heading: colon ? colon[1]!.trim() : '', marks: trailing.map((m) => ({ mark: m[2]!, meaning: m[1]! })) };
  }
  return null;
}

/** Whether a text holds a mark with its meaning (`A：順調`): a legend's line, where each item may stand on a line of its own. */
export function holdsLegendItem(text: string): boolean {
  return [...text.matchAll(ITEM)].length > 0;
}

/** A mark, a space and its meaning as one phrase of a legend set without colons (A 対策や事業が…). */
/**
 * A mark a printer may set straight before its meaning (－把握できない…, ◎目標値以上, 評価なし目標値の設定なし:
 * Calc through cairo drops the space): a dash, a symbol, or a word that says no grade.
 */
export const GLUED_MARK = `${DASH}|${SYMBOL}|${NO_GRADE_WORD}`;
const SPACED_ITEM = new RegExp(`^(?:(${MARK}|[぀-ヿ一-龯]{2,4})\\s+|(${GLUED_MARK})(?=[぀-ヿ一-龯]))(\\S.*)$`);
/** A spaced item's mark and meaning. */
const spacedItem = (text: string): LegendMark | null => {
  const m = SPACED_ITEM.exec(text);
  return m ? { mark: (m[1] ?? m[2])!, meaning: m[3]!.trim() } : null;
};

/**
 * Whether a line's phrases hold legend items set without colons: two or more, their marks in a
 * legend's order (grouping cells numbered on one line, ① 農林水 | ① 農林水産業 or ② 市内農 | ① 文化財,
 * are no legend).
 */
export function holdsSpacedItems(phrases: readonly string[]): boolean {
  const marks = phrases.filter((p) => !/^[぀-ヿ一-龯]/.test(p.trim())).flatMap((p) => spacedItem(p.trim())?.mark ?? []);
  const items = marks.every((m, k) => k === 0 || inLegendOrder(marks[k - 1]!, m)) ? marks.length : 0;
  // One item counts after a legend's heading on its line (※評価 | - 横ばい・実績なし).
  return items >= MIN_ITEMS || (items === 1 && phrases.length === 2 && LEGEND_HEADING.test(phrases[0]!.trim()));
}

const SYMBOL_ALONE = new RegExp(`^(?:${MARK})$`);
const NO_GRADE_ITEM = new RegExp(`^(?:${NO_GRADE_WORD})[\\s　]+\\S`);

/**
 * Whether a line is a legend's items: a mark with its meaning (`A：順調`), items set without
 * colons (two, or one after its heading), a mark and its meaning alone on the line (B 目標を…, or
 * B | 目標を…), or a heading and items whose marks stand apart from their meanings.
 */
export function isLegendLine(phrases: readonly string[]): boolean {
  const [only] = phrases;
  // A word opening the line is a mark only where it is one of the words for "not graded" (判定なし 値が確認できなかった…).
  const alone = phrases.length === 1 && SPACED_ITEM.test(only!.trim()) && (!/^[぀-ヿ一-龯]/.test(only!.trim()) || NO_GRADE_ITEM.test(only!.trim()));
  // Or the mark and its meaning set a tab apart (B | 目標を80%以上達成し…, Calc's two cells).
  const apart = phrases.length === 2 && SYMBOL_ALONE.test(phrases[0]!.trim()) && /^[぀-ヿ一-龯]/.test(phrases[1]!.trim());
  return holdsLegendItem(phrases.join(' ')) || holdsSpacedItems(phrases) || alone || apart || itemsApartUnderHeading(phrases);
}

/** Whether a line is a legend's heading and its items, marks set apart from their meanings (※評価 | A | 目標値に… | B | …). */
function itemsApartUnderHeading(phrases: readonly string[]): boolean {
  if (!LEGEND_HEADING.test(phrases[0]?.trim() ?? '')) return false;
  // Two meanings at least: a heading over a count table's marks (評価 | A | B | C | 計) reads as one mark with its neighbours for meaning.
  const marks = readSpacedLegend(phrases)?.marks.filter((m) => m.meaning !== '' && !SYMBOL_ALONE.test(m.meaning.trim()));
  return (marks?.length ?? 0) >= MIN_ITEMS;
}

/** A word set as a mark (判定なし, 順調, 遅れ): it opens with a kanji or katakana; a phrase opening with hiragana (れている) is a meaning's wrapped end. */
const WORD_ALONE = /^[゠-ヿ一-龯][぀-ヿ一-龯]{1,3}$/;

/**
 * Whether a phrase is a mark whose meaning is the next phrase (a printer set the gap after it
 * wider than a space: B | 目標値に対して…): a mark's symbol, under a heading or after an item; or
 * a word of two to four characters (判定なし) after an item with its meaning and before another phrase.
 */
function markAlone(phrase: string, followed: boolean, underWay: boolean, last: LegendMark | undefined): boolean {
  if (!followed || !underWay || last?.meaning === '') return false;
  return SYMBOL_ALONE.test(phrase) || (WORD_ALONE.test(phrase) && last !== undefined);
}

const DASH_ALONE = new RegExp(`^(?:${DASH})$`);

/**
 * Whether a symbol alone ending the line is the next mark, its meaning not printed (Calc clips a
 * legend's line at the print area: … 注視を継続する | －), not the last meaning's end.
 */
function cutAtLineEnd(phrase: string, ends: boolean, last: LegendMark | undefined): boolean {
  return ends && last !== undefined && last.meaning !== '' && SYMBOL_ALONE.test(phrase) && inLegendOrder(last.mark, phrase);
}

/** Whether a mark may follow another in one legend: the next in order, or the closing dash; any other where no order is known. */
export function inLegendOrder(before: string, after: string): boolean {
  const next = nextMark(before);
  return next === null ? after !== before : after === next || DASH_ALONE.test(after);
}

/** The mark that follows another in a legend's order: B after A, A after S, ○ after ◎, △ after ○, × after △. */
function nextMark(mark: string): string | null {
  const symbols = '◎○△×';
  if (symbols.includes(mark) && mark !== '×') return symbols[symbols.indexOf(mark) + 1]!;
  // ① → ②: circled numbers follow each other (多摩市's ①②③).
  if (/^[①-⑲]$/.test(mark)) return String.fromCharCode(mark.charCodeAt(0) + 1);
  return /^[A-Ea-e]$/.test(mark) ? String.fromCharCode(mark.charCodeAt(0) + 1) : mark === 'S' ? 'A' : null;
}
/**
 * An item whose meaning runs on into the next item, set without a colon after a space or glued
 * to a Japanese character (…思われるD 外的要因…, …（△10%以内） C 現在値が…): parted where the mark
 * that follows this one in a legend's order (or a dash, the usual last mark) stands before a space.
 */
function partedAtNextMark(item: LegendMark): LegendMark[] {
  const next = nextMark(item.mark);
  const marks = next === null ? DASH : `${next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${DASH}`;
  const at = new RegExp(`(?:[\\s　]|(?<=[぀-ヿ一-龯。、）)]))(${marks})[\\s　]*(?=[぀-ヿ一-龯])`).exec(item.meaning);
  if (!at) return [item];
  const rest = item.meaning.slice(at.index + at[0].length);
  return [{ mark: item.mark, meaning: item.meaning.slice(0, at.index).trim() }, ...partedAtNextMark({ mark: at[1]!, meaning: rest.trim() })];
}

/** The head of a word a line's end cut off, alone: up to three kana or kanji. */
const CUT_WORD_HEAD = /^[぀-ヿ一-龯]{1,3}$/u;
const JAPANESE_START = /^[぀-ヿ一-龯]/u;
const NO_GRADE_ALONE = new RegExp(`^(?:${NO_GRADE_WORD})$`);
/** A phrase's first word of kana or kanji, up to three characters, before a space (し 値が…). */
const WORD_END_FIRST = /^([぀-ヿ一-龯]{1,3})[\s　]/;
/** The last word of a phrase, after a space or alone (…悪化した 判定, 判定). */
const LAST_WORD = /(?:^|[\s　])([^\s　]{1,3})$/;

/**
 * A word mark that a line's end cut (判定 | なし 値が確認できなかった…, 判定な | し 値が…: a legend set as one
 * paragraph wraps anywhere between Japanese characters, inside 判定なし too): where the last word
 * before an item and the item's mark make a word for "not graded", that word is the mark; and
 * any word mark whose head ends a line alone (… | や, then や遅れ 目標の…).
 */
function cutMarksJoined(phrases: readonly string[], endsLine: (k: number) => boolean): string[] {
  const out: string[] = [];
  for (const [k, phrase] of phrases.entries()) {
    const before = out.at(-1);
    // A mark of words cut at a line's end after its item's gap (…推移している | や, then や遅れ 目標の…; やや遅 | れ 目標の…):
    // the head alone ending the line, a word's first characters and no meaning, goes with the word the next line opens
    // with, however short the word's end (れ, no mark by itself), where together they make a mark of words.
    const wordMark = before === undefined ? undefined : spacedItem(`${before}${phrase}`)?.mark;
    if (
      before !== undefined &&
      k >= 2 &&
      endsLine(k - 1) &&
      CUT_WORD_HEAD.test(before) &&
      wordMark !== undefined &&
      JAPANESE_START.test(wordMark) &&
      wordMark.length > before.length
    ) {
      out.splice(-1, 1, `${before}${phrase}`);
      continue;
    }
    // Cut anywhere inside the word: 判定 | なし, or 判定な | し (no mark alone, the word's end before a space).
    const mark = spacedItem(phrase)?.mark ?? WORD_END_FIRST.exec(phrase)?.[1];
    const cut = before === undefined || mark === undefined || NO_GRADE_ALONE.test(mark) ? null : LAST_WORD.exec(before);
    if (!cut || !NO_GRADE_ALONE.test(`${cut[1]}${mark}`)) {
      out.push(phrase);
      continue;
    }
    const rest = before!.slice(0, before!.length - cut[1]!.length).trim();
    out.splice(-1, 1, ...(rest === '' ? [] : [rest]), `${cut[1]}${phrase}`);
  }
  return out;
}

/**
 * A legend set without colons, phrase by phrase: a phrase that begins with a mark and a space
 * is an item; one before any item is the heading; one after continues the item before (a
 * meaning wrapped onto the next line).
 */
export function readSpacedLegend(phrases: readonly string[], endsLine: (k: number) => boolean = () => false): PrintedLegend | null {
  let heading = '';
  const marks: LegendMark[] = [];
  const trimmed = cutMarksJoined(
    phrases.map((p) => p.trim()),
    endsLine,
  );
  trimmed.forEach((phrase, k) => {
    const item = spacedItem(phrase);
    const last = marks.at(-1);
    // The heading and the first item may make one phrase (【評価】 S 現在値が…).
    const [, head, rest] = /^(\S+)[\s　]+(.*)$/.exec(phrase) ?? [];
    const firstItem = !last && head !== undefined && LEGEND_HEADING.test(head) ? spacedItem(rest!) : null;
    if (item && (marks.length > 0 || !/^[぀-ヿ一-龯]/.test(phrase) || heading !== '')) marks.push(item);
    // A phrase followed by an item (…注視を | 継続する | － 実績なし) has no meaning after it: it ends the item before.
    else if (
      markAlone(phrase, k < trimmed.length - 1 && !spacedItem(trimmed[k + 1]!), marks.length > 0 || heading !== '', last) ||
      cutAtLineEnd(phrase, k === trimmed.length - 1, last)
    )
      marks.push({ mark: phrase, meaning: '' });
    else if (firstItem) {
      heading = `${heading}${head}`;
      marks.push(firstItem);
    } else if (!last) heading = `${heading}${phrase}`;
    else last.meaning += phrase;
  });
  marks.splice(0, marks.length, ...marks.flatMap(partedAtNextMark));
  return marks.length >= MIN_ITEMS || (marks.length === 1 && LEGEND_HEADING.test(heading)) ? { heading, marks } : null;
}
