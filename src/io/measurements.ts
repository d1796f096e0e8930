import { t, type Text } from '../model/i18n.js';
import type { Indicator, KpiDocument, Message } from '../model/types.js';
import { eraName, isTextValue, parseMeasurement, unusableNumber } from '../notation/numbers.js';
import type { PathSegment, Place } from './yaml-place.js';

/** The measurements of a document as read: each completed from its value or its text, and the two held against each other. */

const MEASUREMENT_KEYS = ['baseline', 'actual', 'target', 'previousActual'] as const;
/** Lists of printed cells of an indicator: its year series and its interim targets. */
const CELL_LIST_KEYS = ['series', 'interim'] as const;

/** Thousands separators as a planning office prints them: 3560 → 3,560. */
export function formatValue(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '△' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** How a table prints its figures: the sign of a minus (△ ▲ −), the decimals they all show, the unit glued to them all. */
export interface Notation {
  minus: string;
  decimals: number | null;
  unit: string;
}

const YEAR_NOTE = /\s*[(（][^()（）]*[)）]\s*$/;
const PRINTED_FIGURE = /^([▲△−－-]?)\s*[0-9０-９][0-9０-９,，]*(?:[.．]([0-9０-９]+))?\s*([^\s0-9０-９,，.．]*)$/;

/**
 * The notation of an indicator's printed figures (its baseline, target, last actual: ▲207,727,
 * 85.0(H30), 96.8万人), for writing a new actual as the table writes its own: null where none is a figure.
 */
export function notationOf(texts: readonly string[]): Notation | null {
  const figures = texts.map((text) => PRINTED_FIGURE.exec(text.replace(YEAR_NOTE, '').trim())).filter((m): m is RegExpExecArray => m !== null);
  if (figures.length === 0) return null;
  const minus = figures.find((m) => m[1] !== '')?.[1] ?? '△';
  const decimals = new Set(figures.map((m) => m[2]?.length ?? 0));
  const units = new Set(figures.map((m) => m[3]!));
  return {
    minus: minus === '-' || minus === '－' ? '−' : minus,
    decimals: decimals.size === 1 ? [...decimals][0]! : null,
    unit: units.size === 1 ? [...units][0]! : '',
  };
}

/** A value in a table's notation: its minus sign, as many decimals as its figures show (never fewer than the value has), its unit. */
export function inNotation(value: number, notation: Notation): string {
  const own = Math.abs(value).toString().split('.')[1]?.length ?? 0;
  const decimals = notation.decimals !== null && notation.decimals > own ? notation.decimals : own;
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? notation.minus : ''}${grouped}${fraction ? `.${fraction}` : ''}${notation.unit}`;
}

/** The printed text of a measurement given without one: value, then its year note. */
export function measurementText(value: number | null, year: number | null): string {
  const body = value === null ? '-' : formatValue(value);
  return year === null ? body : `${body}(${eraName(year, 'short')})`;
}

/**
 * Completes each measurement from what it gives (text, value or both) and checks that value and
 * text agree, so that an edit to one of them alone cannot pass unnoticed; checks that a reported
 * progress is a number that can be printed.
 */
export function completeMeasurements(doc: KpiDocument, locate: Place): Message[] {
  const messages: Message[] = [];
  const visitIndicators = (list: KpiDocument['strategies'][number]['indicators'], base: PathSegment[]) => {
    list.forEach((indicator, i) => {
      for (const key of MEASUREMENT_KEYS) {
        const raw = indicator[key] as RawMeasurement | null | undefined;
        if (raw === undefined || raw === null) continue;
        const path = [...base, i, key];
        const problem = completeMeasurement(raw, indicator.unit);
        if (problem) messages.push(locate.message(problem.field ? [...path, problem.field] : path, 'yaml-value', problem.message, problem.hint));
        // Written back in the order tassei writes every value, whichever of them the person typed.
        else (indicator[key] as RawMeasurement) = { value: raw.value, year: raw.year, text: raw.text };
      }
      // A year of a series and an interim target are printed cells too, written as measurements are.
      for (const key of CELL_LIST_KEYS) {
        (indicator[key] as RawMeasurement[] | undefined)?.forEach((raw, k) => {
          const path = [...base, i, key, k];
          const problem = completeMeasurement(raw, indicator.unit);
          if (problem) messages.push(locate.message(problem.field ? [...path, problem.field] : path, 'yaml-value', problem.message, problem.hint));
        });
      }
      indicator.interim?.forEach((entry) => (entry.fiscalYear ??= null));
      actualFromSeries(indicator, doc.fiscalYear);
      const progress = indicator.reported.progress;
      const unusable = progress === null ? null : unusableNumber(progress);
      if (unusable)
        messages.push(
          locate.message(
            [...base, i, 'reported', 'progress'],
            'yaml-value',
            unusable,
            t('進捗率は -71.4 のように書くか、空欄なら null にします', 'write the progress as printed, e.g. -71.4, or null where blank'),
          ),
        );
    });
  };
  doc.strategies.forEach((s, si) => {
    visitIndicators(s.indicators, ['strategies', si, 'indicators']);
    s.policies.forEach((p, pi) =>
      p.measures.forEach((m, mi) => visitIndicators(m.indicators, ['strategies', si, 'policies', pi, 'measures', mi, 'indicators'])),
    );
  });
  return messages;
}

/**
 * An actual left blank beside a series whose year of the report is filled is that year's cell:
 * in a document in its own layout a person fills the series (next year's document asks for it
 * there), and the actual follows.
 */
function actualFromSeries(indicator: Indicator, fiscalYear: number): void {
  if (indicator.actual.text !== '' || !indicator.series) return;
  const entry = indicator.series.find((e) => e.fiscalYear === fiscalYear && e.text.trim() !== '');
  if (entry) indicator.actual = { value: entry.value, year: entry.year, text: entry.text };
}

/** A measurement as a person may write it: the value as a number or as typed text, either one alone. */
interface RawMeasurement {
  value?: number | string | null;
  year?: number | null;
  text?: string;
}

interface MeasurementProblem {
  field?: keyof RawMeasurement;
  message: Text;
  hint?: Text;
}

const TYPING_HINT = () =>
  t(
    '3,560(H29)・42.2・△12・３５８０・45%・2,000以上・- (データなし) のように書きます。数値でない値（調査中など）は value: null と並べて text に書きます',
    'write it as 3,560(H29), 42.2, △12, ３５８０, 45%, 2,000以上 or - (no data); a value that is not a number (調査中) goes in text, beside value: null',
  );

/**
 * Completes a measurement in place: a value typed as text (`３５８０`, `45%`, `"3580"`) is read
 * and kept as the text; text alone gives the value; a value alone gives the text. A null value
 * or year beside a text that says otherwise is read from the text (the first edit of a blank
 * `{ value: null, text: "" }` is to its text). An empty text with no value is a blank (未記入).
 */
export function completeMeasurement(raw: RawMeasurement, unit: string | null = null): MeasurementProblem | null {
  if (typeof raw.value === 'string' && raw.value.trim() === '') {
    raw.value = null;
    raw.text ??= '';
  }
  if (typeof raw.value === 'string' && isTextValue(raw.value) && (raw.text === undefined || raw.text.trim() === '')) {
    raw.text = raw.value;
    raw.value = null;
  }
  if (typeof raw.value === 'string') {
    const typed = parseMeasurement(raw.value, { unit });
    if (!typed.ok)
      return {
        field: 'value',
        message: t(`"${raw.value}" は値として読めません: ${typed.reason.ja}`, `"${raw.value}" cannot be read as a value: ${typed.reason.en}`),
        hint: TYPING_HINT(),
      };
    if (raw.text === undefined || raw.text.trim() === '') raw.text = raw.value;
    raw.value = typed.measurement.value;
  }
  if (typeof raw.value === 'number') {
    const unusable = unusableNumber(raw.value);
    if (unusable) return { field: 'value', message: unusable, hint: TYPING_HINT() };
  }
  if (raw.text === undefined || (raw.text.trim() === '' && raw.value !== undefined && raw.value !== null)) {
    if (raw.value === undefined)
      return {
        message: t('値には "text"（印刷どおり）か "value" が必要です', 'a value needs "text" (as printed) or "value"'),
        hint: t('例: { value: 3560, year: 2017 } または { text: "3,560(H29)" }', 'e.g. { value: 3560, year: 2017 } or { text: "3,560(H29)" }'),
      };
    raw.year ??= null;
    raw.text = measurementText(raw.value, raw.year);
    return null;
  }
  if (raw.text.trim() === '') {
    // 未記入: not yet entered (a `-` would say "no data").
    raw.value = null;
    raw.year ??= null;
    return null;
  }
  const parsed = parseMeasurement(raw.text, { unit });
  if (!parsed.ok) {
    if (raw.value === null || (raw.value === undefined && isTextValue(raw.text))) {
      // A text value (調査中, 設置, 基準値を上回る) is kept as printed; the evaluator says what it can compute.
      raw.value = null;
      raw.year ??= null;
      return null;
    }
    return {
      field: 'text',
      message: t(`"${raw.text}" は値として読めません: ${parsed.reason.ja}`, `"${raw.text}" does not parse: ${parsed.reason.en}`),
      hint: TYPING_HINT(),
    };
  }
  if (raw.value !== undefined && raw.value !== null && raw.value !== parsed.measurement.value) {
    return {
      field: 'value',
      message: t(
        `value ${raw.value} が text "${raw.text}" (${parsed.measurement.value ?? '-'}) と合いません`,
        `value ${raw.value} does not match the text "${raw.text}" (${parsed.measurement.value ?? '-'})`,
      ),
      hint: t('両方を直すか、どちらかを消すと tassei がもう一方から補います', 'change both, or remove one of them and tassei derives it'),
    };
  }
  if (raw.year !== undefined && raw.year !== null && raw.year !== parsed.measurement.year) {
    return {
      field: 'year',
      message: t(
        `year ${raw.year} が "${raw.text}" の年の注記 (${parsed.measurement.year ?? 'なし'}) と合いません`,
        `year ${raw.year} does not match the year note of "${raw.text}" (${parsed.measurement.year ?? 'none'})`,
      ),
      hint: t('両方を直すか、"year" を消します', 'change both, or remove "year"'),
    };
  }
  raw.value = parsed.measurement.value;
  raw.year = parsed.measurement.year;
  return null;
}
