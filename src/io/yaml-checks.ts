import { documentChecks } from '../model/checks.js';
import { both, t } from '../model/i18n.js';
import { closest } from '../model/suggest.js';
import type { DocumentKind, KpiDocument, Message, TasseiDocument } from '../model/types.js';
import { DOCUMENT_KINDS } from '../model/types.js';
import { completeMeasurements } from './measurements.js';
import { validatorOf } from './schemas.js';
import { describe, schemaMessages } from './yaml-messages.js';
import type { PathSegment, Place } from './yaml-place.js';

/** The checks the data of a document passes as it is read, whichever reader read it. */

/** Kind, schema and measurement checks of parsed data; completes the measurements. */
export function checkDocument(data: unknown, locate: Place): Message[] {
  const kind = (data as { kind?: unknown } | null)?.kind;
  if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) {
    return [
      locate.message(
        kind === undefined ? [] : ['kind'],
        'yaml-kind',
        kind === undefined
          ? t('文書に "kind" がありません', 'the document has no "kind"')
          : t(`不明な kind ${JSON.stringify(kind)}`, `unknown kind ${JSON.stringify(kind)}`),
        t(`kind: ${DOCUMENT_KINDS.join(' か kind: ')} を書きます`, `expected kind: ${DOCUMENT_KINDS.join(' or kind: ')}`),
      ),
    ];
  }
  const validate = validatorOf(kind as DocumentKind);
  if (!validate(data)) {
    const messages = schemaMessages(validate.errors ?? [], data, locate);
    if (kind === 'kpi-progress') messages.push(...checkDefaultStatuses(data as KpiDocument, locate));
    messages.sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0));
    return messages.length > 0 ? messages : [locate.message([], 'yaml-schema', t('文書がスキーマに合いません', 'the document does not match its schema'))];
  }
  const problems = kind === 'kpi-progress' ? [...checkDefaultStatuses(data as KpiDocument, locate), ...completeMeasurements(data as KpiDocument, locate)] : [];
  if (problems.length > 0) return problems;
  return documentChecks(data as TasseiDocument, (path, rule, message, hint, severity) => locate.message(path, rule, message, hint, undefined, severity));
}

/**
 * The grades of the default scheme (schemes/default.yaml; a test checks they agree): a document
 * that names no scheme is graded by it, so its printed statuses must be among them. A document
 * with a `scheme` key is checked against that scheme when it is read.
 */
export const DEFAULT_GRADES = ['achieved', 'improved', 'unchanged', 'worsened', 'nodata'] as const;

function checkDefaultStatuses(doc: KpiDocument, locate: Place): Message[] {
  // Also run on a document that failed its schema, so every problem is named at once.
  if (doc.scheme !== undefined || !Array.isArray(doc.strategies)) return [];
  const messages: Message[] = [];
  const allowed = [...DEFAULT_GRADES, null];
  const visit = (list: KpiDocument['strategies'][number]['indicators'] | undefined, base: PathSegment[]) =>
    (Array.isArray(list) ? list : []).forEach((indicator, i) => {
      const status: unknown = indicator?.reported?.status;
      if (typeof status !== 'string' || (DEFAULT_GRADES as readonly string[]).includes(status)) return;
      const near = closest(status, DEFAULT_GRADES);
      messages.push(
        locate.message(
          [...base, i, 'reported', 'status'],
          'yaml-value',
          both`expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, found ${describe(status)}${near ? ` (did you mean "${near}"?)` : ''}`,
        ),
      );
    });
  doc.strategies.forEach((s, si) => {
    visit(s?.indicators, ['strategies', si, 'indicators']);
    (Array.isArray(s?.policies) ? s.policies : []).forEach((p, pi) =>
      (Array.isArray(p?.measures) ? p.measures : []).forEach((m, mi) => visit(m?.indicators, ['strategies', si, 'policies', pi, 'measures', mi, 'indicators'])),
    );
  });
  return messages;
}
