import type { Finding, Message } from '../model/types.js';

/** The rule of an extractor's message whose evidence points at the extraction, not the document. */
export const EXTRACTION_DOUBT_RULE = 'extract-check';

/**
 * Findings minus the summary counts of places where the extractor doubts its own reading: there
 * a count that disagrees says more about the reading than about the document, and the
 * extractor's warning already names the rows. Pure.
 */
export function setAsideDoubted(findings: readonly Finding[], messages: readonly Message[]): { kept: Finding[]; setAside: Finding[] } {
  const doubted = messages.filter((m) => m.rule === EXTRACTION_DOUBT_RULE && m.place).map((m) => m.place!);
  const kept: Finding[] = [];
  const setAside: Finding[] = [];
  for (const f of findings) {
    const inDoubt =
      f.kind === 'summary-mismatch' &&
      doubted.some(
        (p) => p.strategy === f.strategy && (f.row === 'total' || (f.row === 'goal' && p.policy === null) || (f.row === 'policy' && p.policy === f.policy)),
      );
    (inDoubt ? setAside : kept).push(f);
  }
  return { kept, setAside };
}
