import { readFileSync } from 'node:fs';
import { TasseiError, failure } from '../model/errors.js';
import { yamlLibrary } from '../model/yaml.js';
import type { Message, Status } from '../model/types.js';
import { STATUSES } from '../model/types.js';
import type { Comparison, Quantity, StatusScheme } from './rules.js';

const QUANTITIES: readonly Quantity[] = ['progress', 'reach', 'movement'];
const COMPARISONS: readonly Comparison[] = ['>=', '>', '=', '<', '<='];

/**
 * Reads another city's status scheme from YAML (see schemes/abcd.yaml): the rules of each
 * method and the printed marks. Every problem is reported with its line.
 */
export function readSchemeFile(file: string): StatusScheme {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw failure(file, 'scheme-missing', 'cannot read the scheme file', { hint: 'give a YAML file such as schemes/abcd.yaml' });
  }
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const data = doc.toJS() as Record<string, unknown> | null;
  const messages: Message[] = [];
  const problem = (path: (string | number)[], message: string) => {
    const node = doc.getIn(path, true) as { range?: [number] } | undefined;
    const pos = node?.range ? lines.linePos(node.range[0]) : undefined;
    messages.push({ severity: 'error', rule: 'scheme', file, ...(pos ? { line: pos.line, column: pos.col } : {}), path: path.join('.'), message });
  };
  for (const e of doc.errors) messages.push({ severity: 'error', rule: 'yaml-syntax', file, message: e.message.split('\n')[0]! });
  if (messages.length > 0 || !data) throw new TasseiError(messages.length > 0 ? messages : [{ severity: 'error', rule: 'scheme', file, message: 'the scheme is empty' }]);
  const status = (value: unknown, path: (string | number)[]): value is Status => {
    if (STATUSES.includes(value as Status)) return true;
    problem(path, `expected a status (${STATUSES.join(', ')}), found ${JSON.stringify(value)}`);
    return false;
  };
  const rules = (data.rules ?? {}) as Record<string, unknown>;
  for (const method of ['change', 'ratio']) {
    const list = rules[method];
    if (!Array.isArray(list) || list.length === 0) {
      problem(['rules'], `rules.${method} must list at least one rule`);
      continue;
    }
    list.forEach((rule: Record<string, unknown>, k) => {
      status(rule?.status, ['rules', method, k, 'status']);
      if (!QUANTITIES.includes(rule?.of as Quantity)) problem(['rules', method, k, 'of'], `"of" is one of ${QUANTITIES.join(', ')}`);
      if (!COMPARISONS.includes(rule?.is as Comparison)) problem(['rules', method, k, 'is'], `"is" is one of ${COMPARISONS.join(' ')}`);
      if (typeof rule?.value !== 'number' || !Number.isFinite(rule.value)) problem(['rules', method, k, 'value'], '"value" is a finite number');
    });
  }
  const labels = (data.labels ?? {}) as Record<string, unknown>;
  for (const s of STATUSES) if (typeof labels[s] !== 'string') problem(['labels'], `labels.${s} must be the mark printed for ${s}`);
  const aliases = (data.aliases ?? {}) as Record<string, unknown>;
  for (const [mark, s] of Object.entries(aliases)) status(s, ['aliases', mark]);
  if (messages.length > 0) throw new TasseiError(messages);
  return {
    id: String(data.id ?? file),
    description: String(data.description ?? ''),
    rules: rules as unknown as StatusScheme['rules'],
    labels: labels as StatusScheme['labels'],
    aliases: aliases as StatusScheme['aliases'],
  };
}
