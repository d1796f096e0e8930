import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileValidators, validatorOf } from './yaml.js';

describe('schema validation', () => {
  it('the code compiled at build time and the schemas compiled now report the same errors', () => {
    const data = parseDocument(readFileSync('test/fixtures/yaml-errors/wrong-keys.yaml', 'utf8')).toJS();
    const built = validatorOf('kpi-progress');
    const now = compileValidators()['kpi-progress'];
    expect(built(data)).toBe(false);
    expect(now(data)).toBe(false);
    const summary = (errors: typeof built.errors) => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`);
    expect(summary(built.errors)).toEqual(summary(now.errors));
    expect(summary(built.errors).length).toBeGreaterThanOrEqual(4);
  });
});
