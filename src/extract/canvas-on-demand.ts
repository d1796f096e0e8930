import { createRequire } from 'node:module';

/**
 * pdf.js loads @napi-rs/canvas as it starts in Node (about 90 ms, a native module) only to
 * polyfill DOMMatrix, ImageData and Path2D, which text and operator lists need for a Type 3
 * glyph at most; tassei never draws a page. This module, imported before pdf.js, gives pdf.js
 * those constructors and the canvas module as stand-ins that load the real one on first use,
 * so that reading a PDF costs the canvas only when a page needs it.
 */

type Exports = Record<string | symbol, unknown>;
type Cached = { id: string; filename: string; loaded: boolean; exports: unknown; children: unknown[]; paths: string[] };

const fromPdfJs = createRequire(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const canvasPath = fromPdfJs.resolve('@napi-rs/canvas');
const cache = fromPdfJs.cache as Record<string, Cached | undefined>;
let real: Exports | undefined;

/** The real canvas module: the stand-in leaves the cache while Node loads it, then gives way to it. */
function canvas(): Exports {
  if (real) return real;
  const standIn = cache[canvasPath];
  delete cache[canvasPath];
  try {
    real = fromPdfJs(canvasPath) as Exports;
  } catch (error) {
    if (standIn) cache[canvasPath] = standIn;
    throw error;
  }
  return real;
}

/**
 * A constructor whose objects become the canvas module's own when first touched: pdf.js makes a
 * DOMMatrix as it loads, for drawing, which reading never does.
 */
function onDemand(name: string): unknown {
  return function (this: unknown, ...args: unknown[]) {
    let made: object | undefined;
    const target = () => (made ??= new (canvas()[name] as new (...a: unknown[]) => object)(...args));
    return new Proxy(
      {},
      {
        get: (_, key) => {
          const value = Reflect.get(target(), key) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target()) : value;
        },
        set: (_, key, value) => Reflect.set(target(), key, value),
        has: (_, key) => key in target(),
      },
    );
  };
}

if (!cache[canvasPath]) {
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D'] as const) {
    if (!(name in globalThis)) (globalThis as unknown as Exports)[name] = onDemand(name);
  }
  const exports = new Proxy({} as Exports, { get: (_, key) => canvas()[key], has: (_, key) => key in canvas() });
  cache[canvasPath] = { id: canvasPath, filename: canvasPath, loaded: true, exports, children: [], paths: [] };
}
