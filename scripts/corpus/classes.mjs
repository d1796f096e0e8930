// The classes of cause of FAILURES.md, told from the path of a field that differs (a width is M,
// a header row count N, …), so that a PDF's reasons follow the reader instead of going stale.
// Used to write known-differences.json's reasons and by held-out.mjs to count a fresh corpus.

export const CLASS_NAMES = {
  B: 'the scheme told is another than printed',
  C: 'the header takes in the title or the legend lines above the table',
  D: 'column roles differ',
  E: 'the printed legend is not read',
  G: 'hierarchy levels, labels or titles differ',
  H: 'count tables (F7) not read onto their strategies',
  I: 'year series differ',
  K: 'comments differ (columns or ≪…≫ blocks)',
  M: 'widths off by more than 0.05',
  N: 'header rows counted differently',
  P: 'indicator names differ (rows taken in another order, or names cut)',
  X: 'extraction failed',
};

/** The class of a differing field's path (`layout.columns[3].width` → M). */
export function classOf(path) {
  const p = path.replace(/\[\d+\]/g, '[]');
  if (p === '(extraction failed)') return 'X';
  if (p === '(scheme)') return 'B';
  if (p.endsWith('.width')) return 'M';
  if (p.endsWith('.heading')) return 'C';
  if (p === 'layout.headerRows' || p.endsWith('.group')) return 'N';
  if (p.startsWith('layout.columns')) return 'D';
  if (p.startsWith('layout.legend')) return 'E';
  if (p === 'layout.summary' || p.endsWith('reportedGoalSummary')) return 'H';
  if (p.startsWith('layout.hierarchy')) return 'G';
  if (/\.series/.test(p)) return 'I';
  if (/comment/i.test(p)) return 'K';
  if (/indicators\[\](\.name|\.number)?$/.test(p)) return 'P';
  if (/(title|\.no)$/.test(p) || /(strategies|policies|measures)\[\]$/.test(p)) return 'G';
  if (/status$/.test(p)) return 'E';
  return 'P';
}

/** The classes of a PDF's differing fields, sorted: ['G', 'M']. */
export const classesOf = (paths) => [...new Set(paths.map(classOf))].sort();

/** The reason known-differences.json gives for those fields. */
export const reasonOf = (paths) =>
  `${classesOf(paths)
    .map((c) => `${c}: ${CLASS_NAMES[c]}`)
    .join('; ')} (classes of FAILURES.md)`;

/** What a failed extraction said, for the (extraction failed) field: each message's rule and its Japanese text. */
export function failureText(error) {
  const said = (text) => (typeof text === 'string' ? text : (text?.ja ?? String(text)));
  return error.messages?.map((m) => `${m.rule}: ${said(m.message)}`).join('; ') ?? String(error.stack ?? error);
}
