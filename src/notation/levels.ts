import type { HierarchyLevel } from '../model/types.js';
import { formatNumbering } from './numbering.js';

/**
 * The names of a KPI document's levels as the document prints them (基本目標1, 基本施策2, 個別施策(1)),
 * for the places a finding, a diff or a blank names: a city's staff read their own words, not
 * tassei's family's (重点戦略, 戦略方針, 施策), which stand where the document prints no label.
 */
export type Level = HierarchyLevel['level'];

/** tassei's own family's words, for documents (and levels) whose layout prints none. */
export const STANDARD_LEVEL_WORDS: Readonly<Record<Level, string>> = { strategy: '重点戦略', policy: '戦略方針', measure: '施策' };

/** A strategy's own indicators: 基本目標 in tassei's family, 数値目標 where the document labels its levels (基本目標 is then its strategies' word). */
export function ownIndicatorsWord(hierarchy: readonly HierarchyLevel[] | undefined): string {
  return hierarchy ? '数値目標' : '基本目標';
}

/** A level's word: its printed label (基本目標), else the standard one. */
export function levelWord(hierarchy: readonly HierarchyLevel[] | undefined, level: Level): string {
  const printed = hierarchy?.find((h) => h.level === level);
  return printed && printed.label !== '' ? printed.label : STANDARD_LEVEL_WORDS[level];
}

/** Whether a place names the level: every level of tassei's family, or the levels the document prints (not one it leaves out). */
export function levelShown(hierarchy: readonly HierarchyLevel[] | undefined, level: Level): boolean {
  return hierarchy === undefined || hierarchy.some((h) => h.level === level);
}

/** The levels of a place as the document labels them, those it prints only (基本目標1 › 個別施策(1)); 数値目標 for a goal's own indicators. */
export function levelsPlace(
  hierarchy: readonly HierarchyLevel[],
  place: { strategy: number | null; policy: number | null; measure: number | null },
  /** Whether a strategy's place without a policy is its own indicators' (数値目標), not its summary row's. */
  own = true,
): string {
  const parts: [Level, number | null][] = [
    ['strategy', place.strategy],
    ['policy', place.policy],
    ['measure', place.measure],
  ];
  const named = parts.filter(([level, no]) => no !== null && levelShown(hierarchy, level)).map(([level, no]) => levelName(hierarchy, level, no!));
  return own && place.strategy !== null && place.policy === null ? [...named, ownIndicatorsWord(hierarchy)].join(' › ') : named.join(' › ');
}

/** A level's name with its number as printed (基本目標1, 個別施策(1), Ⅱ where no label is printed), else the standard one (重点戦略1). */
export function levelName(hierarchy: readonly HierarchyLevel[] | undefined, level: Level, no: number): string {
  const printed = hierarchy?.find((h) => h.level === level);
  return printed ? `${printed.label}${formatNumbering(printed.numbering, no)}` : `${STANDARD_LEVEL_WORDS[level]}${no}`;
}
