/** A seeded random source (mulberry32): the same seed draws the same documents on every machine. */
export function prng(seed: number): {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
};
