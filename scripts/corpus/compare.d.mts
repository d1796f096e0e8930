export interface Difference {
  path: string;
  expected: unknown;
  got: unknown;
}
export function differences(expected: unknown, got: unknown, path?: string): Difference[];
export function formatDifferences(list: readonly Difference[], limit?: number): string;
export const WIDTH_TOLERANCE: number;
