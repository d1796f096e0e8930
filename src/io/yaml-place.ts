import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { messageOf } from '../model/messages.js';
import type { RuleId } from '../model/rule-ids.js';
import type { Message, Severity } from '../model/types.js';
import type { Text } from '../model/i18n.js';

/** Where a problem in a YAML file stands: its key path, and the line and column the `yaml` library finds for it. */

export type PathSegment = string | number;

/**
 * The `yaml` library, loaded when needed: it places every message at its line and column and
 * writes documents with comments, but reads three times slower than js-yaml, so a document
 * that is valid is read with js-yaml alone.
 */
export const yamlLibrary = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** Turns a problem at a key path (at its `key`, where given) into a message, an error unless `severity` says otherwise. */
export interface Place {
  message(path: readonly PathSegment[], rule: RuleId, message: Text, hint?: Text, key?: string, severity?: Severity): Message;
}

/** `strategies[0].policies[1].title` */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Locates YAML nodes of a parsed file for messages. */
export class Locator implements Place {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  at(path: readonly PathSegment[], key?: string): { line?: number; column?: number } {
    let node: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    const { isMap, isScalar } = yamlLibrary();
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      node = pair?.key ?? node;
    }
    const range = (node as Node | undefined)?.range;
    if (!range) return path.length > 0 ? this.at(path.slice(0, -1)) : {};
    const pos = this.lines.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  }

  message(path: readonly PathSegment[], rule: RuleId, message: Text, hint?: Text, key?: string, severity: Severity = 'error'): Message {
    return messageOf(severity, this.file, rule, message, { ...this.at(path, key), path: formatPath(key ? [...path, key] : path), ...(hint ? { hint } : {}) });
  }
}

export function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
