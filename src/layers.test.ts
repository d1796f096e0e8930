import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The folders of src/, lowest first. A module may import its own folder and the folders below
 * it, never one above: the graph stays a DAG, and each stage can be read (and tested) without
 * those that come after it. `.` is src/ itself: what the commands share (loading a document,
 * the configuration, the batch); `commands` a module per command; `cli.ts`, the dispatcher, on top.
 */
export const LAYERS = ['model', 'notation', 'io', 'japanese', 'evaluate', 'extract', 'diff', 'render', 'sheet', '.', 'commands', 'cli.ts'] as const;

const SRC = dirname(fileURLToPath(import.meta.url));
/** What tests may import besides src/: the shared test helpers. */
const TEST_HELPERS = resolve(SRC, '..', 'test', 'helpers');

/** Every relative import of a module: static, re-exports and `import()`. */
export function importsOf(source: string): string[] {
  const specifiers = source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)(['"])(\.\.?\/[^'"]+)\1/gm);
  return [...specifiers].map((m) => m[2]!);
}

/** The layer of a file under src/, or undefined for a file outside the layers. */
export function layerOf(file: string): string | undefined {
  if (relative(SRC, file).replace(/\.[jt]s$/, '') === 'cli') return 'cli.ts';
  const folder = relative(SRC, dirname(file)).split(/[\\/]/)[0] || '.';
  return (LAYERS as readonly string[]).includes(folder) ? folder : undefined;
}

/** The imports of `file` that go up the order, as `file → target`. */
export function upwardImports(file: string, source: string): string[] {
  const from = layerOf(file);
  if (from === undefined) return [];
  return importsOf(source).flatMap((specifier) => {
    const target = resolve(dirname(file), specifier);
    if (target.startsWith(TEST_HELPERS) && file.endsWith('.test.ts')) return [];
    const to = layerOf(target);
    const allowed = to !== undefined && LAYERS.indexOf(to as never) <= LAYERS.indexOf(from as never);
    return allowed ? [] : [`${relative(SRC, file)} → ${specifier}`];
  });
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('the folder graph', () => {
  it('has every folder of src/ in the order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'types')
      .map((e) => e.name);
    expect(folders.filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it('imports only downwards (model at the bottom, the commands at the top)', () => {
    const upward = modules(SRC)
      .filter((file) => file !== fileURLToPath(import.meta.url))
      .flatMap((file) => upwardImports(file, readFileSync(file, 'utf8')));
    expect(upward).toEqual([]);
  });

  it.each([
    ['model/types.ts', "import type { Scheme } from '../evaluate/scheme-file.js';", 1],
    ['notation/numbers.ts', "import { Decimal } from './decimal.js';", 0],
    ['render/view.ts', "import { placeName } from '../diff/format.js';", 0],
    ['diff/next.ts', "import { fiscalYearName } from '../render/view.js';", 1],
    ['extract/kpi.ts', "const { x } = await import('../cli.js');", 1],
    ['sheet/command.ts', "export { LoadedDocument } from '../load.js';", 1],
    ['cli.ts', "import { extractPdfFile } from './extract/extract.js';", 0],
    ['cli.ts', "const load = () => import('./commands/render.js');", 0],
    ['commands/render.ts', "import { loadDocument } from '../load.js';", 0],
    ['load.ts', "import { command } from './commands/render.js';", 1],
    ['commands/render.ts', "import { execute } from '../cli.js';", 1],
    ['io/yaml.ts', "import { joke } from '../somewhere/else.js';", 1],
  ])('%s: %s → %i upward', (file, source, count) => {
    expect(upwardImports(join(SRC, file), source)).toHaveLength(count);
  });
});
