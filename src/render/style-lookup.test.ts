import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quickStyleLookup } from './style-lookup.js';

type Stack = { styleOverrides: unknown[]; getProperty(property: string): unknown };
type StackClass = {
  new (dictionary: object, defaultStyle?: object): Stack;
  prototype: Stack;
  getStyleProperty(item: object, stack: Stack | undefined, property: string, defaultValue: unknown): unknown;
};
const stackClass = (createRequire(import.meta.url)('pdfmake/js/StyleContextStack') as { default: StackClass }).default;
// pdfmake's own lookup, kept before it is replaced.
const ownGetProperty = stackClass.prototype.getProperty;
const ownGetStyleProperty = stackClass.getStyleProperty;

const PROPERTIES = ['fontSize', 'bold', 'color', 'margin'];
const NAMES = ['head', 'cell', 'note', 'missing'];
const style = fc.record(
  {
    fontSize: fc.option(fc.integer({ min: 6, max: 12 }), { freq: 2 }),
    bold: fc.option(fc.boolean()),
    extends: fc.oneof(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...NAMES), { maxLength: 3 })),
  },
  { requiredKeys: ['extends'] },
);
const dictionary = fc.dictionary(fc.constantFrom('head', 'cell', 'note'), style);
const override = fc.oneof(
  fc.constantFrom(...NAMES),
  fc.record({ fontSize: fc.option(fc.integer({ min: 6, max: 12 })), color: fc.option(fc.constant('#555')) }, { requiredKeys: [] }),
);

describe('quickStyleLookup', () => {
  it('takes a property from the last of the styles a style extends, as pdfmake does', () => {
    quickStyleLookup();
    const stack = new stackClass({ a: { extends: ['b', 'c'] }, b: { fontSize: 1 }, c: { fontSize: 2 } }, {});
    stack.styleOverrides.push('a');
    expect(stack.getProperty('fontSize')).toBe(2);
  });

  it("gives pdfmake's own answer for every property of random stacks of named styles (extending each other, in cycles too) and overrides", () => {
    quickStyleLookup();
    fc.assert(
      fc.property(
        dictionary,
        fc.array(override, { maxLength: 5 }),
        fc.record({ fontSize: fc.option(fc.integer()) }, { requiredKeys: [] }),
        (styles, overrides, item) => {
          const stack = new stackClass(styles, { fontSize: 8 });
          stack.styleOverrides.push(...overrides);
          for (const property of PROPERTIES) {
            expect(stack.getProperty(property)).toEqual(ownGetProperty.call(stack, property));
            const depth = stack.styleOverrides.length;
            expect(stackClass.getStyleProperty(item, stack, property, 'fallback')).toEqual(ownGetStyleProperty(item, stack, property, 'fallback'));
            expect(stack.styleOverrides).toHaveLength(depth);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
