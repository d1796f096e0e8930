import { describe, expect, it } from 'vitest';
import { readScheme, schemeFile } from '../evaluate/scheme-file.js';
import { DEFAULT_MARKS } from './kpi.js';

describe('the marks extraction lays columns out by', () => {
  it('are the default scheme’s marks and other forms', () => {
    const scheme = readScheme(schemeFile('default', '.'));
    expect(new Set(DEFAULT_MARKS)).toEqual(new Set(scheme.grades.flatMap((g) => [g.mark, ...(g.forms ?? [])])));
  });
});
