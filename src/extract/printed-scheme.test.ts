import { describe, expect, it } from 'vitest';
import { readBuiltInSchemes } from '../evaluate/scheme-file.js';
import { type PrintedEvidence, choosePrintedScheme, summarySpecs } from './printed-scheme.js';

const schemes = readBuiltInSchemes();
const byId = (id: string) => schemes.find((s) => s.id === id)!;
const reading = (preferred = 'default', given: string | null = null) => ({ known: schemes, given: given ? byId(given) : null, preferred: byId(preferred) });
const evidence = (statuses: string[], summaries: string[][] = [], text = ''): PrintedEvidence => ({
  statuses,
  summaries: summaries.map((ids) => ids.map(byId)),
  text,
});
const chosen = (e: PrintedEvidence, r = reading()) => {
  const choice = choosePrintedScheme(e, r);
  return [choice.scheme?.id ?? null, choice.reason, choice.others.map((s) => s.id)];
};

describe('the scheme a report was printed under', () => {
  it.each([
    ['the default marks', evidence(['目標達成', '改善↑', '-', '悪化↓']), ['default', 'only', []]],
    ['nagayo’s S', evidence(['S', 'A', '－']), ['nagayo', 'only', []]],
    ['佐野市’s points', evidence(['7', '3', '1']), ['sano', 'only', []]],
    ['a summary table that only nagayo’s headings make', evidence(['A', 'B'], [['nagayo']]), ['nagayo', 'only', []]],
    // A, B, C, D and - are abcd’s and kitsuki’s, read as other grades: the legend tells.
    [
      'the legend of kitsuki',
      evidence(
        ['A', 'D'],
        [['abcd', 'kitsuki']],
        '■A：対策や事業が施され、目標を上回る効果が出ており、良好と認められる ■B：目標を80%以上達成し、かつ課題等の整理がなされ、対策が講じられている ■C：目標値の達成に向けて、改善や工夫が必要と思われる ■D：外的要因・財政状況の変化等、本格着手が可能になるまで注視を継続する ■−：実績なし',
      ),
      ['kitsuki', 'legend', ['abcd']],
    ],
    [
      'a legend of marks alone, boxes and all',
      evidence(['A', 'D'], [['abcd', 'kitsuki']], '重点戦略 戦略方針 A B C D - 合計 ■A　■B　■C　■D　■-'),
      ['abcd', 'legend', ['kitsuki']],
    ],
    ['headings alone are no legend', evidence(['A', 'D'], [['abcd', 'kitsuki']], '重点戦略 戦略方針 A B C D - 合計'), [null, 'ambiguous', ['abcd', 'kitsuki']]],
  ] as const)('%s', (_, e, expected) => expect(chosen(e)).toEqual(expected));

  it('where several fit, the scheme the document is graded by, with the others named', () => {
    expect(chosen(evidence(['A', 'D'], [['abcd', 'kitsuki']]), reading('kitsuki'))).toEqual(['kitsuki', 'preferred', ['abcd']]);
  });

  it('marks every scheme reads alike need no choice: nothing printed', () => {
    expect(chosen(evidence([]))).toEqual(['default', 'alike', schemes.filter((s) => s.id !== 'default').map((s) => s.id)]);
  });

  it('named by the user, whatever is printed; none fits: the one it is graded by', () => {
    expect(chosen(evidence(['目標達成']), reading('default', 'nagayo'))).toEqual(['nagayo', 'given', []]);
    expect(chosen(evidence(['目標達成', 'S']), reading('tama'))).toEqual(['tama', 'none', []]);
  });

  it('summary headings come from each scheme’s marks and forms, a dash in any of its forms, a wrapped heading read with a space', () => {
    const label = (id: string, key: string) => summarySpecs(byId(id)).find((s) => s.key === key)!.label;
    expect(label('nagayo', 'nodata').test('－')).toBe(true);
    expect(label('fuji', 'p50').test('50%以上 80%未満')).toBe(true);
    expect(label('sano', 'p7').test('7')).toBe(true);
    expect(label('sano', 'p7').test('17')).toBe(false);
    expect(label('default', 'improved').test('改善↑')).toBe(true);
  });
});
