import type { Document } from 'yaml';
import { t } from '../model/i18n.js';
import { errorMessage } from '../model/messages.js';
import type { KpiDocument, Message } from '../model/types.js';
import { yamlLibrary } from '../io/yaml-place.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { stringifyDocumentJson } from '../io/yaml-write.js';
import { type IndicatorRow, indicatorRows } from './layout.js';

/**
 * Departments (担当課) assigned in bulk from a small table: each line a place and a department.
 * A place is a strategy (`1`), a policy (`1-2`), a measure (`1-2-3`), an indicator's 整理番号 as
 * the sheets print it (`1-2-3-1`; `1-0-0-1` for a strategy's own 基本目標 indicators), or an
 * indicator's name. The most specific place wins, so `1,商工観光課` and `1-2,農林課` give policy 2
 * of strategy 1 to 農林課 and the rest of strategy 1 to 商工観光課. Written into the document, so
 * `next` keeps them.
 */

export interface Assignment {
  place: string;
  department: string;
  /** 1-based line of the table, for messages. */
  line: number;
}

/** The table's lines: CSV (`場所,担当課`, a heading line allowed) or YAML (`"1-2": 農林課`). */
export function readAssignments(text: string, file: string): { assignments: Assignment[]; messages: Message[] } {
  const messages: Message[] = [];
  const assignments: Assignment[] = [];
  if (/\.ya?ml$/i.test(file)) {
    const data: unknown = yamlLibrary().parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      messages.push(
        errorMessage(file, 'departments-table', t('「場所: 担当課」の対応表ではありません', 'not a table of place: department'), {
          hint: t('例: "1-2": 農林課', 'e.g. "1-2": 農林課'),
        }),
      );
      return { assignments, messages };
    }
    Object.entries(data as Record<string, unknown>).forEach(([place, department], k) =>
      assignments.push({ place: String(place).trim(), department: String(department ?? '').trim(), line: k + 1 }),
    );
  } else {
    text
      .replace(/^\ufeff/, '')
      .split(/\r?\n/)
      .forEach((raw, k) => {
        if (raw.trim() === '') return;
        const [place = '', department = ''] = raw.split(/[,\t]/).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
        if (k === 0 && /場所|place|番号|担当/i.test(place + department) && !/^\d/.test(place)) return; // a heading line
        assignments.push({ place, department, line: k + 1 });
      });
  }
  for (const a of assignments) {
    if (a.place === '' || a.department === '')
      messages.push(
        errorMessage(file, 'departments-table', t('場所か担当課が空です', 'a place or a department is blank'), {
          line: a.line,
          hint: t('1 行に「場所,担当課」を書きます（例: 1-2,農林課）', 'write place,department on each line (e.g. 1-2,農林課)'),
        }),
      );
  }
  return { assignments, messages };
}

/** The places a row stands in, most specific first: its number, its name, its measure, policy and strategy. */
function placesOf(row: IndicatorRow): string[] {
  const [s, p, m] = row.id.split('-');
  return [row.id, row.indicator.name, `${s}-${p}-${m}`, `${s}-${p}`, `${s}`];
}

/** Each indicator's department under the table; places the document does not have are errors. */
export function assignDepartments(
  doc: KpiDocument,
  assignments: readonly Assignment[],
  file: string,
): { departments: Map<string, string>; messages: Message[] } {
  const rows = indicatorRows(doc);
  const byPlace = new Map(assignments.map((a) => [a.place, a]));
  const used = new Set<string>();
  const departments = new Map<string, string>();
  for (const row of rows) {
    const place = placesOf(row).find((p) => byPlace.has(p));
    if (place === undefined) continue;
    used.add(place);
    departments.set(row.id, byPlace.get(place)!.department);
  }
  const messages: Message[] = assignments
    .filter((a) => !used.has(a.place) && a.place !== '')
    .map((a) =>
      errorMessage(file, 'departments-place', t(`「${a.place}」に当たる指標が文書にありません`, `no indicator of the document stands at "${a.place}"`), {
        line: a.line,
        hint: t(
          '重点戦略 1、戦略方針 1-2、施策 1-2-3、整理番号 1-2-3-1 か指標名で書きます',
          'write a strategy 1, a policy 1-2, a measure 1-2-3, a number 1-2-3-1 or a name',
        ),
      }),
    );
  return { departments, messages };
}

/** The document's text with the departments written in (a YAML edited in place, its comments kept). */
export function withDepartments(text: string, file: string, doc: KpiDocument, departments: ReadonlyMap<string, string>): { text: string; changed: number } {
  const rows = indicatorRows(doc).filter((r) => departments.has(r.id) && r.indicator.department !== departments.get(r.id));
  if (rows.length === 0) return { text, changed: 0 };
  if (/\.json$/i.test(file)) {
    const next = structuredClone(doc);
    for (const row of indicatorRows(next)) if (departments.has(row.id)) row.indicator.department = departments.get(row.id)!;
    return { text: stringifyDocumentJson(next), changed: rows.length };
  }
  const yamlDoc: Document = yamlLibrary().parseDocument(text);
  for (const row of rows) yamlDoc.setIn([...row.path, 'department'], departments.get(row.id));
  const merged = yamlDoc.toString({ lineWidth: 0 });
  parseDocumentText(merged, file); // still a valid document
  return { text: merged, changed: rows.length };
}
