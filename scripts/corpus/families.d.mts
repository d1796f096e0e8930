export const FAMILIES: readonly string[];
/** A random document of a family (in its own layout) and its print style, from a seed. */
export function familyCase(
  family: string,
  seed: number,
  drawing?: { textValues?: boolean; legendVocabularies?: boolean },
): { document: import('../../src/model/types.js').KpiDocument; style: Record<string, unknown> };
