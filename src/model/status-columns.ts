import type { Status, Summary } from './types.js';

/**
 * The status columns of a summary table, a status chart and their legends, in print order:
 * one list, so that another scheme's grades change them all at once.
 */
export interface StatusColumn {
  id: Exclude<keyof Summary, 'total'>;
  heading: string;
  /** What the column holds, for a legend. */
  meaning: string;
  colour: string;
}

export const STATUS_COLUMNS: readonly StatusColumn[] = [
  { id: 'achieved', heading: '目標達成', meaning: '進捗率100%以上', colour: '#1b7f3b' },
  { id: 'improved', heading: '改善↑', meaning: '現状より改善', colour: '#1f5fa8' },
  { id: 'unchanged', heading: '-', meaning: '変化なし・実績なし', colour: '#6b6b6b' },
  { id: 'worsened', heading: '悪化↓', meaning: '現状より悪化', colour: '#b3261e' },
];

export const TOTAL_HEADING = '合計';

/** The colour of a status as printed in a table; black where there is none. */
export function statusColour(status: Status | 'none' | string): string {
  if (status === 'nodata') return STATUS_COLUMNS.find((c) => c.id === 'unchanged')!.colour;
  return STATUS_COLUMNS.find((c) => c.id === status)?.colour ?? '#000000';
}
