import { describe, expect, it } from 'vitest';
import type { HierarchyLevel } from '../model/types.js';
import { levelName, levelWord } from './levels.js';

describe('level names as the document prints them', () => {
  const hierarchy: HierarchyLevel[] = [
    { level: 'strategy', label: '基本目標', numbering: '1', style: 'banner' },
    { level: 'policy', label: '', numbering: 'Ⅰ', style: 'column' },
    { level: 'measure', label: '個別施策', numbering: '(1)', style: 'banner' },
  ];
  it.each([
    ['strategy', 2, '基本目標2', '基本目標'],
    ['policy', 3, 'Ⅲ', '戦略方針'],
    ['measure', 4, '個別施策(4)', '個別施策'],
  ] as const)('%s %i: %s (word %s)', (level, no, name, word) => {
    expect(levelName(hierarchy, level, no)).toBe(name);
    expect(levelWord(hierarchy, level)).toBe(word);
  });

  it('tassei’s own words where the document has no layout, or prints no such level', () => {
    expect([levelName(undefined, 'strategy', 1), levelName(undefined, 'policy', 2), levelName(hierarchy.slice(0, 1), 'measure', 3)]).toEqual([
      '重点戦略1',
      '戦略方針2',
      '施策3',
    ]);
  });
});
