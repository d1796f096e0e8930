/**
 * Array.prototype.push as the engine gives it, kept before pdf.js loads: pdf.js's legacy build
 * replaces it for the whole process with core-js's spec-exact one (for array-likes longer than
 * 2^32 and frozen lengths, which neither pdf.js nor tassei make), and every push of the process,
 * the reader's too, then runs as JavaScript. Imported before pdf-parse (src/extract/pdf.ts).
 */
export const NATIVE_PUSH = Array.prototype.push;

/** Gives Array.prototype.push back to the engine, as it defines it. */
export function restoreNativePush(): void {
  if (Array.prototype.push !== NATIVE_PUSH)
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, enumerable: false, configurable: true });
}
