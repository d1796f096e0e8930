import { type Language, type Text, t } from './i18n.js';
import type { Indicator } from './types.js';

/**
 * Questions to ask of a new actual before it goes into a council document: a figure typed in
 * the wrong unit (千人 for 人), with a lost decimal point (549 for 54.9), a percentage as a
 * fraction (0.56 for 56), or with the wrong sign passes every other check. Asked only of an
 * actual that is new this year (the indicator has `previousActual`, kept by `tassei next`), and
 * not once the office has looked at it and set `confirmed: true` on the indicator. Pure.
 */

/** A new actual beyond this factor of the span of last year's actual, the baseline and the target is questioned. */
export const JUMP_FACTOR = 2;
/** A ratio this close to a power of ten (×10, ×0.01) looks like a decimal point in the wrong place. */
const POWER_OF_TEN_TOLERANCE = 0.05;
/** Units of a share, which cannot pass 100 %. */
const SHARE_UNITS = new Set(['%', '％', 'パーセント']);

export type DoubtKind = 'jump' | 'fall' | 'decimal' | 'share' | 'sign';

export interface ActualDoubt {
  kind: DoubtKind;
  message: Text;
}

/** What to ask of an indicator's actual; none where it is not new, not a number, or confirmed. */
export function actualDoubts(indicator: Indicator): ActualDoubt[] {
  const b = indicator.actual.value;
  if (b === null || indicator.previousActual === undefined || indicator.confirmed === true) return [];
  const observed = [
    [t('前年度実績', "last year's actual"), indicator.previousActual?.value ?? null],
    [t('現状 a', 'the baseline'), indicator.baseline.value],
  ].filter((r): r is [Text, number] => r[1] !== null && r[1] !== 0);
  const target = indicator.target?.value ? [[t('目標 c', 'the target'), indicator.target.value] as [Text, number]] : [];
  const references = [...observed, ...target];
  const doubts: ActualDoubt[] = [];
  if (indicator.unit !== null && SHARE_UNITS.has(indicator.unit.trim()) && (b > 100 || b < 0)) {
    doubts.push({ kind: 'share', message: t(`割合（${indicator.unit}）が ${b} です（0〜100 の外）`, `a share (${indicator.unit}) of ${b}, outside 0–100`) });
  }
  if (references.length === 0) return doubts;
  const signs = new Set(references.map(([, v]) => Math.sign(v)));
  if (b !== 0 && signs.size === 1 && !signs.has(Math.sign(b))) {
    doubts.push({ kind: 'sign', message: t(`符号が逆です（${describe(references, 'ja')}）`, `the sign is reversed (${describe(references, 'en')})`) });
    return doubts;
  }
  // Above everything known by the factor, or below what was observed (a target not yet reached is no fall).
  const high = Math.max(...references.map(([, v]) => Math.abs(v)));
  const low = observed.length > 0 ? Math.min(...observed.map(([, v]) => Math.abs(v))) : 0;
  const size = Math.abs(b);
  if (size <= high * JUMP_FACTOR && size * JUMP_FACTOR >= low) return doubts;
  // Said against last year's actual where there is one, else the baseline, else the target.
  const nearest = references[0]!;
  const ratio = size / Math.abs(nearest[1]);
  const tens = Math.round(Math.log10(ratio));
  const decimal = tens !== 0 && Math.abs(ratio / 10 ** tens - 1) <= POWER_OF_TEN_TOLERANCE;
  const times = ratio >= 1 ? `${round(ratio)} 倍` : `${round(1 / ratio)} 分の 1`;
  const timesEn = ratio >= 1 ? `${round(ratio)} times` : `1/${round(1 / ratio)} of`;
  doubts.push({
    kind: decimal ? 'decimal' : size > high ? 'jump' : 'fall',
    message: t(
      `${nearest[0].ja} ${nearest[1]} の ${times}です${decimal ? '（小数点の位置か単位が違うかもしれません）' : ''}（${describe(references, 'ja')}）`,
      `${timesEn} ${nearest[0].en} ${nearest[1]}${decimal ? ' (a decimal point or a unit out of place?)' : ''} (${describe(references, 'en')})`,
    ),
  });
  return doubts;
}

function round(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}

function describe(references: readonly [Text, number][], language: Language): string {
  return references.map(([name, v]) => `${name[language]} ${v}`).join(language === 'ja' ? '、' : ', ');
}

/** The hint of every doubt: check, then correct or acknowledge. */
export const DOUBT_HINT = () =>
  t(
    '担当課に確かめ、誤りなら直します。正しければ指標に confirmed: true を書くと、この確認は出なくなります',
    'ask the department; correct it if wrong, or add confirmed: true to the indicator if right, and it is no longer asked',
  );
