import type fc from 'fast-check';
import type { TasseiDocument } from '../../src/model/types.js';

export interface LayoutCase {
  document: TasseiDocument;
  layout: Record<string, unknown>;
}
export const layoutCaseArb: fc.Arbitrary<LayoutCase>;
export function printCase(c: LayoutCase, file: string): Promise<Record<string, unknown>>;
/** `extract` reads a printed case back (the document, or it with whether a warning flagged it); `tally` counts the cases read exactly and those read with a warning. */
export function layoutProperty(
  extract: (file: string) => Promise<TasseiDocument | { document: TasseiDocument; flagged: boolean }>,
  tally?: { exact: number; flagged: number },
): fc.IAsyncPropertyWithHooks<[LayoutCase]>;
