import { dirname, relative, resolve } from 'node:path';
import type { Document, Node } from 'yaml';
import type { Indicator, TasseiDocument } from '../model/types.js';
import { walkIndicators } from '../model/walk.js';
import { SCHEMA_FILES } from './schemas.js';
import { pathOf, yamlLibrary } from './yaml-place.js';

/** Writing documents: YAML with short maps on one line and keys in a reader's order, or JSON. */

const FLOW_KEYS = new Set(['baseline', 'actual', 'target', 'previousActual', 'reported', 'reportedSummary', 'reportedGoalSummary', 'summary']);
/** Lists whose items are short maps, each written on one line: a series as its measurements are, a layout's columns and levels. */
const FLOW_ITEM_KEYS = new Set(['series', 'interim', 'columns', 'hierarchy', 'marks']);

/** The order an indicator's keys are written in: what is printed in a row, then what is kept beside it. */
const INDICATOR_ORDER = [
  'name',
  'number',
  'unit',
  'method',
  'baseline',
  'actual',
  'target',
  'targetYear',
  'series',
  'interim',
  'direction',
  'state',
  'tags',
  'reported',
  'previousActual',
  'confirmed',
  'note',
  'department',
  'comments',
  'other',
] as const;
const DOCUMENT_ORDER = ['kind', 'title', 'fiscalYear', 'scheme', 'plan', 'layout', 'strategies'] as const;
const LAYOUT_ORDER = ['columns', 'headerRows', 'hierarchy', 'legend', 'summary', 'commentBlocks', 'orientation', 'paper'] as const;
const LAYOUT_FIELDS = ['number', 'targetYear', 'series', 'interim', 'comments', 'other'] as const;

/** The same keys in the given order, any others after them as they came. */
function inOrder<T extends object>(value: T, order: readonly string[]): T {
  const record = value as Record<string, unknown>;
  const keys = [...order.filter((k) => k in record), ...Object.keys(record).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as T;
}

/**
 * A KPI document with its layout and its indicators' layout fields in the order a reader expects
 * them. A document without any of them is left as it is, key for key, so that its YAML is the
 * same as before these fields existed.
 */
function readableOrder(doc: TasseiDocument): TasseiDocument {
  if (doc.kind !== 'kpi-progress') return doc;
  const indicator = (i: Indicator) => (LAYOUT_FIELDS.some((k) => k in i) ? inOrder(i, INDICATOR_ORDER) : i);
  const hasLayoutFields = doc.layout !== undefined || walkIndicators(doc).some((at) => indicator(at.indicator) !== at.indicator);
  if (!hasLayoutFields) return doc;
  const ordered = inOrder(doc, DOCUMENT_ORDER);
  return {
    ...ordered,
    ...(doc.layout ? { layout: inOrder(doc.layout, LAYOUT_ORDER) } : {}),
    strategies: doc.strategies.map((s) => ({
      ...s,
      indicators: s.indicators.map(indicator),
      policies: s.policies.map((p) => ({ ...p, measures: p.measures.map((m) => ({ ...m, indicators: m.indicators.map(indicator) })) })),
    })),
  };
}

/**
 * The YAML text of a document, with a `yaml-language-server` line pointing at the schema
 * (relative to where the file is written, so that an editor finds it) and short maps inline.
 */
export function stringifyDocument(doc: TasseiDocument, writtenTo?: string, comments?: Map<string, string>): string {
  const { Document, isMap, isScalar, isSeq, visit } = yamlLibrary();
  const yamlDoc = new Document(readableOrder(doc));
  visit(yamlDoc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (FLOW_KEYS.has(key) && isMap(pair.value)) pair.value.flow = true;
      if (FLOW_ITEM_KEYS.has(key) && isSeq(pair.value)) for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    },
  });
  if (comments) applyComments(yamlDoc, comments);
  const schema = writtenTo ? relative(dirname(resolve(writtenTo)), SCHEMA_FILES[doc.kind]) : SCHEMA_FILES[doc.kind];
  return `# yaml-language-server: $schema=${schema.split('\\').join('/')}\n${yamlDoc.toString({ lineWidth: 0 })}`;
}

/** Attaches comments (keyed by the dotted path of a node) as trailing line comments. */
function applyComments(yamlDoc: Document, comments: Map<string, string>): void {
  const { isMap, isPair, isScalar, isSeq } = yamlLibrary();
  for (const [path, comment] of comments) {
    const segments = pathOf(
      '/' +
        path
          .replace(/\[(\d+)\]/g, '.$1')
          .split('.')
          .join('/'),
    );
    const node = yamlDoc.getIn(segments, true) as Node | undefined;
    if (node && (isMap(node) || isSeq(node) || isScalar(node))) node.comment = ` ${comment}`;
    else if (isPair(node)) (node.value as Node).comment = ` ${comment}`;
  }
}

export function stringifyDocumentJson(doc: TasseiDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
