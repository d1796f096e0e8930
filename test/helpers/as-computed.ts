import { evaluateDocument } from '../../src/evaluate/evaluate.js';
import type { Scheme } from '../../src/model/scheme.js';
import type { KpiDocument } from '../../src/model/types.js';
import { walkIndicators } from '../../src/model/walk.js';

/** The document as tassei prints it under a scheme: reported progress, status and counts are the computed ones. */
export function asComputed(doc: KpiDocument, scheme: Scheme): KpiDocument {
  const copy = structuredClone(doc);
  const evaluation = evaluateDocument(copy, scheme);
  walkIndicators(copy).forEach(({ indicator }, i) => {
    const e = evaluation.indicators[i]!;
    indicator.reported = { progress: e.progress, status: e.status };
  });
  for (const s of copy.strategies) {
    const rows = evaluation.summaries.filter((x) => x.strategy === s.no);
    s.reportedSummary = rows.find((x) => x.row === 'total')!.computed;
    s.reportedGoalSummary = rows.find((x) => x.row === 'goal')!.computed;
    for (const p of s.policies) p.reportedSummary = rows.find((x) => x.row === 'policy' && x.policy === p.no)!.computed;
  }
  return copy;
}
