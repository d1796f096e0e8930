import { type Grade, type Scheme, gradeOfMark, summaryGrades } from '../model/scheme.js';
import type { ColumnSpec } from './grid.js';

/**
 * The grading scheme a KPI report was printed under (印刷時の評価基準), told from what it prints:
 * the marks in its 状況 column, the headings of its summary tables and, where tassei printed it,
 * the legend under every page. Extraction reads the printed marks and counts with that scheme;
 * the scheme the document is graded by now is another matter (see load.ts). Pure.
 */

/** What reading a KPI report needs of grading schemes. */
export interface SchemeReading {
  /** The schemes a document may have been printed under: tassei's own and any named on the command line. */
  known: readonly Scheme[];
  /** Named by the user (--printed-scheme): the document is read with it, whatever it prints. */
  given: Scheme | null;
  /** The scheme the document is to be graded by: it settles a tie between schemes that fit what is printed. */
  preferred: Scheme;
}

/** A reading with one scheme only (tests, tools that know the scheme). */
export function readingOf(scheme: Scheme | SchemeReading): SchemeReading {
  return 'known' in scheme ? scheme : { known: [scheme], given: null, preferred: scheme };
}

function formsOf(grade: Grade): string[] {
  const forms = [grade.mark, ...(grade.forms ?? [])];
  return [...new Set([...forms, ...forms.map((f) => f.normalize('NFKC'))])];
}

/** Every printed form of every grade of the schemes: what a 状況 cell holds whole. */
export function marksOf(schemes: readonly Scheme[]): Set<string> {
  return new Set(schemes.flatMap((s) => s.grades.flatMap(formsOf)));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The heading of a grade's summary column: one of its printed forms; a form of two characters or
 * more may run on (改善↑ printed 改善↑（件）) and wrap (50%以上 over 80%未満, read as one with a
 * space), a single character (S, 7, ①, -) is the whole heading.
 * The first alternative is the mark, which a wrapped heading's first line may begin (see grid.ts).
 */
function gradeLabel(grade: Grade): RegExp {
  return new RegExp(
    formsOf(grade)
      .map((f) => (DASH.test(f) ? `^${DASHES}$` : [...f].length >= 2 ? `^${[...f].map(escape).join(' ?')}` : `^${escape(f)}$`))
      .join('|'),
  );
}

/** A dash printed alone: producers and fonts turn one into another (− into －), so any of them. */
const DASHES = '[-‐–—―−－]';
const DASH = new RegExp(`^${DASHES}$`);

/** The columns of a summary table other than its grades. */
export const SUMMARY_FRAME: readonly ColumnSpec[] = [
  { key: 'strategy', label: /重点戦略/ },
  { key: 'policy', label: /戦略方針/ },
  { key: 'measure', label: /^施策$/ },
];
const isCount = (text: string) => /^\d+$/.test(text.normalize('NFKC').trim());
export const TOTAL_COLUMN: ColumnSpec = { key: 'total', label: /^合計$/, values: true, complete: isCount };

/** A summary table's columns under a scheme: the frame, a count per summary grade, 合計. */
export function summarySpecs(scheme: Scheme): ColumnSpec[] {
  return [...SUMMARY_FRAME, ...summaryGrades(scheme).map((g) => ({ key: g.id, label: gradeLabel(g), values: true, complete: isCount })), TOTAL_COLUMN];
}

/** How many of a summary table's headings make it one: all but three (a narrow table may lose its hierarchy headings). */
export function summaryMinimum(specs: readonly ColumnSpec[]): number {
  return specs.length - 3;
}

/** What a KPI report prints that tells its scheme. */
export interface PrintedEvidence {
  /** The marks in its 状況 column, each once. */
  statuses: readonly string[];
  /** Per summary table: the schemes whose headings it prints, every grade's column found. */
  summaries: readonly (readonly Scheme[])[];
  /** The text of its pages, for a legend. */
  text: string;
}

/** How the scheme was chosen: named by the user, the only one that fits, one of several that read alike, by its legend, the one the document is graded by, or none fits. */
export type ChoiceReason = 'given' | 'only' | 'alike' | 'legend' | 'preferred' | 'none';

export type SchemeChoice = { scheme: Scheme; reason: ChoiceReason; others: Scheme[] } | { scheme: null; reason: 'ambiguous'; others: Scheme[] };

/**
 * The legend tassei prints under every page (status-legend.hbs), without spaces: a colour box
 * before each grade, so that a legend of marks alone is not its summary headings.
 */
function legendOf(scheme: Scheme): string {
  return plain(
    summaryGrades(scheme)
      .map((g) => `■${g.mark}${g.meaning ? `：${g.meaning}` : ''}`)
      .join(''),
  );
}

/** Text compared without spaces, width or the kind of dash. */
const plain = (text: string) => text.normalize('NFKC').replace(/\s/g, '').replace(new RegExp(DASHES, 'g'), '-');

/** Whether two schemes read what is printed alike: each mark as the same grade, the summary columns as the same grades. */
function readAlike(a: Scheme, b: Scheme, evidence: PrintedEvidence): boolean {
  const columns = (s: Scheme) =>
    summaryGrades(s)
      .map((g) => `${g.id}:${g.mark}`)
      .join(',');
  return evidence.statuses.every((m) => gradeOfMark(a, m) === gradeOfMark(b, m)) && (evidence.summaries.length === 0 || columns(a) === columns(b));
}

/** The scheme a report was printed under, from what it prints (see the file's comment). */
export function choosePrintedScheme(evidence: PrintedEvidence, reading: SchemeReading): SchemeChoice {
  if (reading.given) return { scheme: reading.given, reason: 'given', others: [] };
  const known = reading.known.includes(reading.preferred) ? reading.known : [reading.preferred, ...reading.known];
  const fits = known.filter((s) => evidence.statuses.every((m) => gradeOfMark(s, m) !== undefined) && evidence.summaries.every((table) => table.includes(s)));
  const others = (chosen: Scheme) => fits.filter((s) => s !== chosen);
  if (fits.length === 0) return { scheme: reading.preferred, reason: 'none', others: [] };
  if (fits.length === 1) return { scheme: fits[0]!, reason: 'only', others: [] };
  const favourite = fits.includes(reading.preferred) ? reading.preferred : fits[0]!;
  if (fits.every((s) => readAlike(s, favourite, evidence))) return { scheme: favourite, reason: 'alike', others: others(favourite) };
  const text = plain(evidence.text);
  const legends = fits.filter((s) => text.includes(legendOf(s)));
  if (legends.length === 1) return { scheme: legends[0]!, reason: 'legend', others: others(legends[0]!) };
  if (fits.includes(reading.preferred)) return { scheme: reading.preferred, reason: 'preferred', others: others(reading.preferred) };
  return { scheme: null, reason: 'ambiguous', others: fits };
}
