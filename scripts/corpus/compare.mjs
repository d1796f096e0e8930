// Field-by-field comparison of an extracted document with its source document: every leaf that
// differs, by its path (strategies[0].policies[1].measures[0].indicators[2].actual.text).

const show = (v) => (v === undefined ? '(missing)' : JSON.stringify(v));

/** The differences between two documents: `{ path, expected, got }`, in document order. */
export function differences(expected, got, path = '') {
  if (Array.isArray(expected) || Array.isArray(got)) {
    const a = Array.isArray(expected) ? expected : [];
    const b = Array.isArray(got) ? got : [];
    if (!Array.isArray(expected) || !Array.isArray(got)) return [{ path, expected, got }];
    const out = [];
    for (let k = 0; k < Math.max(a.length, b.length); k++) out.push(...differences(a[k], b[k], `${path}[${k}]`));
    return out;
  }
  const object = (v) => v !== null && typeof v === 'object';
  if (object(expected) && object(got)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(got)])];
    return keys.flatMap((k) => differences(expected[k], got[k], path ? `${path}.${k}` : k));
  }
  if (object(expected) || object(got)) return [{ path, expected, got }];
  return Object.is(expected, got) || (expected === 0 && got === 0) ? [] : [{ path, expected, got }];
}

/** One line per difference: `path: expected → got`. */
export function formatDifferences(list, limit = Infinity) {
  const lines = list.slice(0, limit).map((d) => `${d.path}: ${show(d.expected)} → ${show(d.got)}`);
  if (list.length > limit) lines.push(`… and ${list.length - limit} more`);
  return lines.join('\n');
}
