import type { Document } from 'yaml';
import type { IndicatorComment, KpiDocument } from '../model/types.js';
import { yamlLibrary } from '../io/yaml-place.js';
import { parseDocumentText } from '../io/yaml-read.js';
import { stringifyDocumentJson } from '../io/yaml-write.js';
import { type Answer, type CommentAnswer, sameActual } from './import.js';
import { commentText } from './layout.js';

export interface Merge {
  /** The document's new text; equal to the old where nothing changed. */
  text: string;
  document: KpiDocument;
  /** The answers that changed the document. */
  changed: Answer[];
  /** The comments that changed it. */
  changedComments: CommentAnswer[];
}

/**
 * The document's text with the answers and comments written into it. A YAML document is edited
 * in place, so that every comment and the layout a person gave it stay; a JSON document is
 * written anew.
 */
export function mergeAnswers(text: string, file: string, doc: KpiDocument, answers: readonly Answer[], comments: readonly CommentAnswer[] = []): Merge {
  const changed = answers.filter((a) => !sameActual(a.row.indicator.actual, a.actual) || noteChanged(a));
  const changedComments = comments.filter((c) => c.text !== commentText(c.row.indicator, c.heading));
  if (changed.length === 0 && changedComments.length === 0) return { text, document: doc, changed, changedComments };
  if (/\.json$/i.test(file)) {
    const next = structuredClone(doc);
    const at = (path: readonly (string | number)[]) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], next);
    for (const a of changed) {
      const indicator = at(a.row.path) as { actual: unknown; confirmed?: boolean; note?: string };
      if (!sameActual(a.row.indicator.actual, a.actual)) {
        indicator.actual = { ...a.actual };
        delete indicator.confirmed;
      }
      if (noteChanged(a)) {
        if (a.note) indicator.note = a.note;
        else delete indicator.note;
      }
    }
    for (const c of changedComments) {
      const indicator = at(c.row.path) as { comments?: IndicatorComment[] };
      const comment = indicator.comments?.find((x) => x.heading === c.heading);
      if (comment) comment.text = c.text;
      else (indicator.comments ??= []).push({ heading: c.heading, text: c.text });
    }
    const json = stringifyDocumentJson(next);
    return { text: json, document: parseDocumentText(json, file) as KpiDocument, changed, changedComments };
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
  for (const c of changedComments) setComment(yamlDoc, c);
  const merged = yamlDoc.toString({ lineWidth: 0 });
  return { text: merged, document: parseDocumentText(merged, file) as KpiDocument, changed, changedComments };
}

/**
 * A comment's text set in place: the scalar of its heading's entry keeps its style and the line
 * comment `next` gave it (記入: …); an indicator without the heading gains an entry.
 */
function setComment(yamlDoc: Document, c: CommentAnswer): void {
  const k = (c.row.indicator.comments ?? []).findIndex((x) => x.heading === c.heading);
  if (k >= 0) yamlDoc.setIn([...c.row.path, 'comments', k, 'text'], c.text);
  else if (c.row.indicator.comments) yamlDoc.addIn([...c.row.path, 'comments'], yamlDoc.createNode({ heading: c.heading, text: c.text }));
  else yamlDoc.setIn([...c.row.path, 'comments'], yamlDoc.createNode([{ heading: c.heading, text: c.text }]));
}

/** The 備考 cell says other than the indicator's note (a sheet without the column changes none). */
function noteChanged(a: Answer): boolean {
  return a.note !== undefined && a.note !== (a.row.indicator.note ?? '');
}
