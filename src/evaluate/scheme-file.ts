import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { TasseiError } from '../model/errors.js';
import { failure } from '../model/messages.js';
import { closest } from '../model/suggest.js';
import { PACKAGE_ROOT, readSmallTextFile } from '../io/files.js';
import { t, both, type Text } from '../model/i18n.js';
import type { Condition, Rule, Scheme } from '../model/scheme.js';
import type { Message } from '../model/types.js';
import type { Locate } from '../model/checks.js';
import { parseValidatedYaml } from '../io/yaml-read.js';

/** The schemes that come with tassei: schemes/<id>.yaml. */
export const SCHEME_DIR = join(PACKAGE_ROOT, 'schemes');

/** The scheme of documents that name none. */
export const DEFAULT_SCHEME_ID = 'default';

/**
 * The file of a scheme named on the command line or in a document: an id of schemes/
 * (`nagayo`), or a path (`my-city.yaml`), relative to `base` (the document's folder, or the
 * working folder for the command line).
 */
export function schemeFile(name: string, base: string): string {
  if (/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    const own = join(SCHEME_DIR, `${name}.yaml`);
    if (existsSync(own)) return own;
  }
  return isAbsolute(name) ? name : resolve(base, name);
}

type Segment = string | number;

/** A scheme as written: `rules`, and `ratioRules` for ※ indicators where they differ. */
type SchemeFile = Omit<Scheme, 'rules'> & { rules: Rule[]; ratioRules?: Rule[] };

/** The kinds a condition can be; each condition is exactly one of them. */
const CONDITION_KINDS: Record<string, (c: Record<string, unknown>) => boolean> = {
  all: (c) => 'all' in c,
  any: (c) => 'any' in c,
  bound: (c) => 'is' in c,
  band: (c) => 'within' in c,
  tag: (c) => 'tag' in c,
  state: (c) => 'state' in c,
  method: (c) => 'method' in c,
  direction: (c) => 'direction' in c,
};

/**
 * The largest threshold a scheme takes: beyond it a number is no longer held exactly (and no
 * progress or movement of a report comes near).
 */
const MAX_THRESHOLD = Number.MAX_SAFE_INTEGER;

function isThreshold(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_THRESHOLD;
}

function notAThreshold(value: number): Text {
  return Number.isFinite(value)
    ? t(`しきい値 ${value} は大きすぎます（±${MAX_THRESHOLD} まで）`, `the threshold ${value} is too large (at most ±${MAX_THRESHOLD})`)
    : t(`しきい値が数ではありません（${value}）`, `the threshold is not a number (${value})`);
}

const THRESHOLD_HINT = () =>
  t(
    'しきい値は 100、-10、2.5 のような数で書きます（.inf・.nan は使えません。上限のない条件は is: ">=" などで書きます）',
    'write a threshold as a number such as 100, -10 or 2.5 (not .inf or .nan; a condition without bound is written with is: ">=" and the like)',
  );

/** What the schema cannot say: each grade named exists, each condition is one thing, each threshold a finite number. */
function checkScheme(data: unknown, locate: Locate): Message[] {
  const scheme = data as SchemeFile;
  const messages: Message[] = [];
  const ids = scheme.grades.map((g) => g.id);
  const known = both`${t('この評価基準の区分', 'the grades of this scheme')}: ${ids.join(', ')}`;
  const grade = (id: string | undefined, path: Segment[]) => {
    if (id !== undefined && !ids.includes(id))
      messages.push(locate(path, 'scheme-grade', t(`区分 "${id}" は grades にありません`, `no grade "${id}" in grades`), known));
  };
  scheme.grades.forEach((g, i) => {
    if (ids.indexOf(g.id) !== i)
      messages.push(
        locate(
          ['grades', i, 'id'],
          'scheme-grade',
          t(`区分 "${g.id}" が二度あります`, `grade "${g.id}" is listed twice`),
          t('区分の id は一つずつ', 'give each grade its own id'),
        ),
      );
    grade(g.countIn, ['grades', i, 'countIn']);
    const target = scheme.grades.find((x) => x.id === g.countIn);
    if (target?.countIn !== undefined)
      messages.push(
        locate(
          ['grades', i, 'countIn'],
          'scheme-grade',
          t(`"${g.countIn}" 自体が他の列に数えられています`, `"${g.countIn}" is itself counted in another column`),
          t('列を持つ区分を指定してください', 'name a grade with a column of its own'),
        ),
      );
  });
  const condition = (c: Condition, path: Segment[]) => {
    const record = c as Record<string, unknown>;
    const kinds = Object.keys(CONDITION_KINDS).filter((k) => CONDITION_KINDS[k]!(record));
    if (kinds.length !== 1) {
      messages.push(
        locate(
          path,
          'scheme-condition',
          t(`条件は一つの種類だけを書きます（${kinds.join(', ') || 'なし'}）`, `a condition is one thing, found ${kinds.join(' and ') || 'none'}`),
          t(
            'all/any でまとめる: { all: [ { of: progress, is: ">=", value: 100 }, { tag: survey } ] }',
            'combine with all/any: { all: [ { of: progress, is: ">=", value: 100 }, { tag: survey } ] }',
          ),
        ),
      );
    }
    for (const key of ['value', 'within'] as const) {
      if (typeof record[key] === 'number' && !isThreshold(record[key]))
        messages.push(locate([...path, key], 'scheme-threshold', notAThreshold(record[key]), THRESHOLD_HINT()));
    }
    for (const key of ['all', 'any'] as const) (record[key] as Condition[] | undefined)?.forEach((x, i) => condition(x, [...path, key, i]));
  };
  const lists: [Rule[], Segment[]][] = [
    [scheme.rules, ['rules']],
    [scheme.ratioRules ?? [], ['ratioRules']],
  ];
  for (const [list, base] of lists) {
    list.forEach((rule, i) => {
      grade(rule.grade, [...base, i, 'grade']);
      if (rule.when) condition(rule.when, [...base, i, 'when']);
    });
  }
  const { states, ...others } = scheme.outcomes;
  for (const [key, id] of Object.entries(others)) grade(id, ['outcomes', key]);
  for (const [key, id] of Object.entries(states ?? {})) grade(id, ['outcomes', 'states', key]);
  return messages;
}

/** The schemes that come with tassei (schemes/*.yaml), by id: those a printed report is told among. */
export function readBuiltInSchemes(): Scheme[] {
  const read = schemesReadAtBuild();
  return builtInSchemeFiles().map((name) => {
    const file = join(SCHEME_DIR, name);
    const stored = read.get(name);
    return stored && sameText(file, stored.hash) ? stored.scheme : readScheme(file);
  });
}

function builtInSchemeFiles(): string[] {
  return readdirSync(SCHEME_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/**
 * The built-in schemes as `npm run build` read and checked them (scripts/compile-schemas.mjs),
 * each with the hash of its file's text: every command reads all eleven, and parsing and checking
 * them took 50 ms of each start. A file edited since is read again, as any other.
 */
const SCHEMES_READ_AT_BUILD = join(PACKAGE_ROOT, 'dist', 'evaluate', 'builtin-schemes.json');

interface SchemeRead {
  hash: string;
  scheme: Scheme;
}

/** The schemes read at build, by file name; none when running from src/ (the build's reading may be of other code). */
function schemesReadAtBuild(): Map<string, SchemeRead> {
  if (import.meta.url.endsWith('.ts') || !existsSync(SCHEMES_READ_AT_BUILD)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(SCHEMES_READ_AT_BUILD, 'utf8')) as Record<string, SchemeRead>));
  } catch {
    return new Map();
  }
}

function sameText(file: string, hash: string): boolean {
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size <= MAX_SCHEME_BYTES && hashOf(readFileSync(file)) === hash;
  } catch {
    return false;
  }
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The built-in schemes read now, with their files' hashes: what the build stores (scripts/compile-schemas.mjs). */
export function builtInSchemesRead(): Record<string, SchemeRead> {
  return Object.fromEntries(
    builtInSchemeFiles().map((name) => {
      const file = join(SCHEME_DIR, name);
      return [name, { hash: hashOf(readFileSync(file)), scheme: readScheme(file) }];
    }),
  );
}

/** A scheme file is a page or two of YAML; tassei's own are under 8 KB. */
export const MAX_SCHEME_BYTES = 256 * 1024;

/** A scheme lists its grades: a file without a `grades:` key is something else, and is not quoted. */
const GRADES_KEY = /^grades[ \t]*:/m;

const SCHEME_HINT = () =>
  t(
    'schemes/ の id（nagayo など）か評価基準の YAML ファイルのパスを指定してください',
    'give an id of schemes/ (such as nagayo) or the path of a scheme YAML file',
  );

/**
 * Reads and checks a grading scheme; every problem is reported with its line and key. What is
 * not a scheme (a device, a huge file, a file without grades) is refused without a word of it
 * quoted: a path may name any file.
 */
export function readScheme(file: string): Scheme {
  let text: string;
  try {
    text = readSmallTextFile(file, MAX_SCHEME_BYTES, () => t('評価基準', 'a scheme'));
  } catch (error) {
    if (!(error instanceof TasseiError)) throw error;
    const [m] = error.messages;
    // A name that looks like an id of schemes/ (nagaya) is a mistyped id, not a file the user meant: say so, with the ids.
    const name = basename(file);
    if (/^[a-z0-9][a-z0-9-]*$/.test(name) && !existsSync(file)) {
      const ids = builtInSchemeFiles().map((f) => f.replace(/\.yaml$/, ''));
      const near = closest(name, ids);
      throw failure(
        name,
        'scheme-missing',
        t(
          `評価基準 "${name}" は schemes/ にありません${near ? `（"${near}" のことですか？）` : ''}`,
          `there is no scheme "${name}" in schemes/${near ? ` (did you mean "${near}"?)` : ''}`,
        ),
        {
          hint: t(
            `schemes/ の id: ${ids.join('・')}。または評価基準の YAML ファイルのパス`,
            `the ids of schemes/: ${ids.join(', ')}; or the path of a scheme YAML file`,
          ),
        },
      );
    }
    throw failure(file, 'scheme-missing', t(`評価基準のファイルを読めません: ${m!.message.ja}`, `cannot read the scheme file: ${m!.message.en}`), {
      hint: SCHEME_HINT(),
    });
  }
  if (!GRADES_KEY.test(text) || text.includes('\0'))
    throw failure(file, 'scheme-not-a-scheme', t('評価基準のファイルではありません（grades: がありません）', 'not a scheme file (it has no grades:)'), {
      hint: SCHEME_HINT(),
    });
  const { rules, ratioRules, ...data } = parseValidatedYaml(text, file, 'scheme', checkScheme) as SchemeFile;
  return { ...data, description: data.description ?? '', rules: { change: rules, ratio: ratioRules ?? rules } };
}
