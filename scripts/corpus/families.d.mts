export const FAMILIES: readonly string[];
