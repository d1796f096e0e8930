import type { Document } from 'yaml';
import type { KpiDocument } from '../model/types.js';
import { yamlLibrary } from '../io/yaml-place.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { stringifyDocumentJson } from '../io/yaml-write.js';
import { type Answer, sameActual } from './import.js';

export interface Merge {
  /** The document's new text; equal to the old where nothing changed. */
  text: string;
  document: KpiDocument;
  /** The answers that changed the document. */
  changed: Answer[];
}

/**
 * The document's text with the answers written into it. A YAML document is edited in place, so
 * that every comment and the layout a person gave it stay; a JSON document is written anew.
 */
export function mergeAnswers(text: string, file: string, doc: KpiDocument, answers: readonly Answer[]): Merge {
  const changed = answers.filter((a) => !sameActual(a.row.indicator.actual, a.actual) || noteChanged(a));
  if (changed.length === 0) return { text, document: doc, changed };
  if (/\.json$/i.test(file)) {
    const next = structuredClone(doc);
    for (const a of changed) {
      const indicator = a.row.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], next) as {
        actual: unknown;
        confirmed?: boolean;
        note?: string;
      };
      if (!sameActual(a.row.indicator.actual, a.actual)) {
        indicator.actual = { ...a.actual };
        delete indicator.confirmed;
      }
      if (noteChanged(a)) {
        if (a.note) indicator.note = a.note;
        else delete indicator.note;
      }
    }
    const json = stringifyDocumentJson(next);
    return { text: json, document: parseDocumentText(json, file) as KpiDocument, changed };
  }
  const { parseDocument } = yamlLibrary();
  const yamlDoc: Document = parseDocument(text);
  for (const a of changed) {
    if (!sameActual(a.row.indicator.actual, a.actual)) {
      for (const key of ['value', 'year', 'text'] as const) yamlDoc.setIn([...a.row.path, 'actual', key], a.actual[key]);
      // What was confirmed was the actual before: the new one is asked about anew.
      yamlDoc.deleteIn([...a.row.path, 'confirmed']);
    }
    if (noteChanged(a)) {
      if (a.note) yamlDoc.setIn([...a.row.path, 'note'], a.note);
      else yamlDoc.deleteIn([...a.row.path, 'note']);
    }
  }
  const merged = yamlDoc.toString({ lineWidth: 0 });
  return { text: merged, document: parseDocumentText(merged, file) as KpiDocument, changed };
}

/** The 備考 cell says other than the indicator's note (a sheet without the column changes none). */
function noteChanged(a: Answer): boolean {
  return a.note !== undefined && a.note !== (a.row.indicator.note ?? '');
}
