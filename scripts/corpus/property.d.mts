import type fc from 'fast-check';
import type { TasseiDocument } from '../../src/model/types.js';

export interface LayoutCase {
  document: TasseiDocument;
  layout: Record<string, unknown>;
}
export const layoutCaseArb: fc.Arbitrary<LayoutCase>;
export function printCase(c: LayoutCase, file: string): Promise<Record<string, unknown>>;
export function layoutProperty(extract: (file: string) => Promise<TasseiDocument>): fc.IAsyncPropertyWithHooks<[LayoutCase]>;
