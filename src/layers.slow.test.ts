import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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

/**
 * Every relative import of a module, as the TypeScript compiler's pre-processor reads it: static
 * imports and re-exports, `import()` of a string or of a template without substitutions, and
 * `import('…').T` types, whatever comments stand around the path (and nothing inside a string).
 */
export function importsOf(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => /^\.\.?\//.test(name));
}

/** The layer of a file under src/, or undefined for a file outside the layers. A test is in its module's. */
export function layerOf(file: string): string | undefined {
  if (relative(SRC, file).replace(/(\.slow)?(\.test)?\.[jt]s$/, '') === 'cli') return 'cli.ts';
  const folder = relative(SRC, dirname(file)).split(/[\\/]/)[0] || '.';
  return (LAYERS as readonly string[]).includes(folder) ? folder : undefined;
}

/** The imports of `file` that go up the order, as `file → target`. */
export function upwardImports(file: string, source: string, specifiers: readonly string[] = importsOf(source)): string[] {
  const from = layerOf(file);
  if (from === undefined) return [];
  return specifiers.flatMap((specifier) => {
    const target = resolve(dirname(file), specifier);
    if (target.startsWith(TEST_HELPERS) && file.endsWith('.test.ts')) return [];
    const to = layerOf(target);
    const allowed = to !== undefined && LAYERS.indexOf(to as never) <= LAYERS.indexOf(from as never);
    return allowed ? [] : [`${relative(SRC, file)} → ${specifier}`];
  });
}

/** The module a relative import names, as a path to its .ts source. */
function moduleOf(file: string, specifier: string): string {
  return resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
}

/**
 * The cycles among the modules of one folder (`a.ts → b.ts → a.ts`), each once: a folder is read
 * from its leaves up, as the folders are.
 */
export function cyclesWithinFolders(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles = new Set<string>();
  const walk = (path: string[]): void => {
    const file = path.at(-1)!;
    for (const next of graph.get(file) ?? []) {
      if (dirname(next) !== dirname(file)) continue;
      const at = path.indexOf(next);
      if (at >= 0) {
        const cycle = path.slice(at);
        const start = cycle.indexOf([...cycle].sort()[0]!);
        cycles.add([...cycle.slice(start), ...cycle.slice(0, start), cycle[start]!].map((f) => relative(SRC, f)).join(' → '));
      } else walk([...path, next]);
    }
  };
  for (const file of graph.keys()) walk([file]);
  return [...cycles];
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Each module of src/ with the modules it imports, read once for the tests below. */
let graph: Map<string, { source: string; specifiers: string[]; imports: string[] }> | undefined;
function sourceGraph(): Map<string, { source: string; specifiers: string[]; imports: string[] }> {
  graph ??= new Map(
    modules(SRC).map((file) => {
      const source = readFileSync(file, 'utf8');
      const specifiers = importsOf(source);
      return [file, { source, specifiers, imports: specifiers.map((specifier) => moduleOf(file, specifier)) }];
    }),
  );
  return graph;
}

describe('the folder graph', () => {
  it('has every folder of src/ in the order', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'types')
      .map((e) => e.name);
    expect(folders.filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it('imports only downwards (model at the bottom, the commands at the top)', () => {
    const upward = [...sourceGraph()]
      .filter(([file]) => file !== fileURLToPath(import.meta.url))
      .flatMap(([file, { source, specifiers }]) => upwardImports(file, source, specifiers));
    expect(upward).toEqual([]);
  });

  it('has no cycle inside a folder', () => {
    expect(cyclesWithinFolders(new Map([...sourceGraph()].map(([file, { imports }]) => [file, imports])))).toEqual([]);
  });

  it('finds a planted cycle inside a folder, and none across folders', () => {
    const at = (f: string) => join(SRC, f);
    const graph = new Map([
      [at('extract/a.ts'), [at('extract/b.ts'), at('model/types.ts')]],
      [at('extract/b.ts'), [at('extract/c.ts')]],
      [at('extract/c.ts'), [at('extract/a.ts')]],
      [at('model/types.ts'), [at('extract/a.ts')]],
    ]);
    expect(cyclesWithinFolders(graph)).toEqual(['extract/a.ts → extract/b.ts → extract/c.ts → extract/a.ts']);
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
    ['cli.test.ts', "import { execute } from './cli.js';", 0],
    ['load.test.ts', "import { execute } from './cli.js';", 1],
    ['commands/render.ts', "import { loadDocument } from '../load.js';", 0],
    ['load.ts', "import { command } from './commands/render.js';", 1],
    ['commands/render.ts', "import { execute } from '../cli.js';", 1],
    ['io/yaml.ts', "import { joke } from '../somewhere/else.js';", 1],
    ['extract/kpi.ts', 'const { x } = await import(`../cli.js`);', 1],
    ['extract/kpi.ts', "const { x } = await import(/* late */ '../render/pdf.js');", 1],
    ['evaluate/format.ts', "import {\n  // the table's columns\n  pad,\n} from /* here */ '../render/columns.js';", 1],
    ['model/types.ts', "export type Later = import('../render/view.js').RenderOptions;", 1],
    ['model/types.ts', "const text = 'import(\"../render/view.js\")'; // import('../render/view.js')", 0],
  ])('%s: %s → %i upward', (file, source, count) => {
    expect(upwardImports(join(SRC, file), source)).toHaveLength(count);
  });
});
