import type fc from 'fast-check';
import type { TasseiDocument } from '../../src/model/types.js';

export interface LayoutCase {
  document: TasseiDocument;
  layout: Record<string, unknown>;
}
export const layoutCaseArb: fc.Arbitrary<LayoutCase>;
export function printCase(c: LayoutCase, file: string): Promise<Record<string, unknown>>;
/** Exact cases, and cases that differ but that the extractor flagged with a warning. */
export interface LayoutTally {
  exact: number;
  flagged: number;
}
export function layoutProperty(
  extract: (file: string) => Promise<TasseiDocument | { document: TasseiDocument; flagged: boolean }>,
  tally?: LayoutTally,
): fc.IAsyncPropertyWithHooks<[LayoutCase]>;
/** A family's case: its document and print style (`drawn`) and a pdfmake layout. */
export interface FamilyLayoutCase {
  drawn: { seed: number; document: TasseiDocument; style: Record<string, unknown> };
  layout: Record<string, unknown>;
}
export function familyLayoutCaseArb(family: string): fc.Arbitrary<FamilyLayoutCase>;
/** Prints a family's case; the document as printed and the layout as resolved. */
export function printFamilyCase(c: FamilyLayoutCase, file: string): Promise<{ document: TasseiDocument; layout: Record<string, unknown> }>;
/** A family's property: `extract` gives the document and the scheme it was read with. */
export function familyLayoutProperty(
  family: string,
  extract: (file: string) => Promise<{ document: TasseiDocument; scheme: { id: string } }>,
  tally?: { exact: number },
): fc.IAsyncPropertyWithHooks<[FamilyLayoutCase]>;
