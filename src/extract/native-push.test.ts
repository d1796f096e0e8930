import { expect, it } from 'vitest';
import { NATIVE_PUSH, restoreNativePush } from './native-push.js';

it('gives Array.prototype.push back to the engine after a library replaced it, as the engine defines it', () => {
  const replaced = function push(this: unknown[], ...items: unknown[]) {
    return NATIVE_PUSH.apply(this, items);
  };
  Object.defineProperty(Array.prototype, 'push', { value: replaced, writable: true, enumerable: false, configurable: true });
  restoreNativePush();
  expect(Array.prototype.push).toBe(NATIVE_PUSH);
  expect(Object.getOwnPropertyDescriptor(Array.prototype, 'push')).toEqual({ value: NATIVE_PUSH, writable: true, enumerable: false, configurable: true });
  expect(String(Array.prototype.push)).toMatch(/native code/);
});
