import type { Analyser } from '../japanese/tokenizer.js';

/**
 * How alike two names are, 0 to 1: the overlap of their kuromoji tokens (dictionary forms and
 * readings, so that 受入れ and 受け入れ agree) and of their character pairs (so that one
 * corrected kanji changes little), on NFKC-normalised text. Pure given the analyser.
 */

function dice<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<T, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const y of b) {
    const n = counts.get(y) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(y, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

export type Similarity = (a: string, b: string) => number;

export function similarityWith(analyse: Analyser): Similarity {
  const tokensOf = (text: string) =>
    analyse(text)
      .filter((t) => t.pos !== '記号')
      .flatMap((t) => [`b:${t.base}`, `r:${t.reading}`]);
  return (a, b) => {
    const x = a.normalize('NFKC');
    const y = b.normalize('NFKC');
    if (x === y) return 1;
    return 0.5 * dice(tokensOf(x), tokensOf(y)) + 0.5 * dice(bigrams(x), bigrams(y));
  };
}

/** Least a pair must score to be one thing renamed rather than one removed and one added. */
export const SAME_THING = 0.5;

/**
 * Pairs old and new items: equal texts first, then the most alike, each item at most once;
 * a pair at the same position scores a little more. Returns index pairs.
 */
export function pair(old: readonly string[], now: readonly string[], similarity: Similarity, threshold = SAME_THING): [number, number][] {
  const candidates: { i: number; j: number; score: number }[] = [];
  old.forEach((a, i) =>
    now.forEach((b, j) => {
      const score = similarity(a, b) + (i === j ? 0.02 : 0);
      if (score >= threshold) candidates.push({ i, j, score });
    }),
  );
  candidates.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);
  const usedOld = new Set<number>();
  const usedNew = new Set<number>();
  const pairs: [number, number][] = [];
  for (const c of candidates) {
    if (usedOld.has(c.i) || usedNew.has(c.j)) continue;
    usedOld.add(c.i);
    usedNew.add(c.j);
    pairs.push([c.i, c.j]);
  }
  return pairs.sort((p, q) => p[1] - q[1]);
}

/** A character diff: runs kept, removed and added, from the longest common subsequence. */
export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

export function characterDiff(from: string, to: string): DiffPart[] {
  const a = [...from];
  const b = [...to];
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}
