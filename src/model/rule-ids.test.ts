import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from './rule-ids.js';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = resolve(SRC, '..', 'README.md');

const ID = "'([a-z]+(?:-[a-z0-9]+)+)'";
/** Where a rule id is written: a `rule:` key, the rule argument of a message maker, a named constant. */
const ID_PLACES = [
  new RegExp(`\\brule:\\s*${ID}`, 'g'),
  new RegExp(`\\b(?:failure|errorMessage|warningMessage|infoMessage)\\(\\s*[^,()]+(?:\\([^()]*\\))?,\\s*${ID}`, 'g'),
  new RegExp(`\\bmessageOf\\(\\s*[^,()]+,\\s*[^,()]+,\\s*${ID}`, 'g'),
  new RegExp(`\\.(?:warn|info|fail)\\(\\s*${ID}`, 'g'),
  new RegExp(`\\b(?:message|locate)\\((?:[^,[]|\\[[^\\]]*\\])+,\\s*${ID}`, 'g'),
  new RegExp(`\\b[A-Z_]*(?:RULE|DOUBT)\\s*=\\s*${ID}`, 'g'),
];

/** The rule ids a module's source names (an id as the second argument on a line of its own too). */
export function ruleIdsIn(source: string): string[] {
  const ids = ID_PLACES.flatMap((place) => [...source.matchAll(place)].map((m) => m[1]!));
  // A finding's kind is its message's rule.
  const findingKinds = /\bFindingKind\s*=([^;]+);/.exec(source)?.[1] ?? '';
  ids.push(...[...findingKinds.matchAll(new RegExp(ID, 'g'))].map((m) => m[1]!));
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const own = new RegExp(`^\\s*${ID},\\s*$`).exec(line);
    if (own && lines[i - 1]?.trimEnd().endsWith(',') && lines[i - 2]?.trimEnd().endsWith('(')) ids.push(own[1]!);
  });
  return [...new Set(ids)];
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** The README's table of rule ids, as RULE_IDS gives it. */
export function readmeTable(): string {
  return ['| id | what it is about |', '|---|---|', ...Object.entries(RULE_IDS).map(([id, line]) => `| \`${id}\` | ${line} |`)].join('\n');
}

const undocumented = (ids: readonly string[]) => ids.filter((id) => !Object.hasOwn(RULE_IDS, id));

describe('rule ids', () => {
  it('every id the sources name is in the list (src/model/rule-ids.ts)', () => {
    const used = modules(SRC).flatMap((file) => undocumented(ruleIdsIn(readFileSync(file, 'utf8'))).map((id) => `${id} (${file.slice(SRC.length + 1)})`));
    expect(used).toEqual([]);
  });

  it('every id in the list is named somewhere in the sources (none is left over)', () => {
    const sources = modules(SRC)
      .filter((file) => !file.endsWith('rule-ids.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(Object.keys(RULE_IDS).filter((id) => !sources.includes(`'${id}'`))).toEqual([]);
  });

  it('the README lists every id with its line (copy the table below into its "Rule ids" section)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme.includes(readmeTable()), `the README's "Rule ids" table should read:\n\n${readmeTable()}\n`).toBe(true);
  });

  it.each([
    ["throw failure(file, 'pdf-made-up', t('…', '…'));", ['pdf-made-up']],
    ["log.warn('sheet-made-up', t('…', '…'));", ['sheet-made-up']],
    ["messages.push({ severity: 'error', rule: 'yaml-made-up', file, message });", ['yaml-made-up']],
    ["throw failure(\n  output,\n  'output-made-up',\n  t('…', '…'),\n);", ['output-made-up']],
    ["return errorMessage(a.file, 'sheet-made-up', t('…', '…'));", ['sheet-made-up']],
    ["messages.push(messageOf(severity, file, 'cell-made-up', message));", ['cell-made-up']],
    ["messages.push(locate([...path, key], 'scheme-made-up', message));", ['scheme-made-up']],
    ["export const SOME_RULE = 'check-made-up';", ['check-made-up']],
    ["export type FindingKind = 'progress-mismatch' | 'rounding-made-up';", ['rounding-made-up']],
    ["throw failure(file, 'pdf-encrypted', t('…', '…'));", []],
    ["oneOf(\n  values.x,\n  ['a'],\n  'a',\n  'page-numbers',\n);", []],
  ])('a planted id is found and, unless listed, undocumented: %s', (source, expected) => {
    expect(undocumented(ruleIdsIn(source))).toEqual(expected);
  });
});
