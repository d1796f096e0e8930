import { FAILSAFE_SCHEMA, Type, load as quickLoad } from 'js-yaml';
import type { Locate } from '../model/checks.js';
import { TasseiError } from '../model/errors.js';
import { errorMessage } from '../model/messages.js';
import type { RuleId } from '../model/rule-ids.js';
import type { Message, TasseiDocument } from '../model/types.js';
import { readTextFile } from './encoding.js';
import { validatorOf } from './schemas.js';
import { checkDocument } from './yaml-checks.js';
import { ALIAS, MAX_ALIAS_COUNT, TOO_DEEP, tooManyAliases } from './yaml-limits.js';
import { schemaMessages, syntaxMessages } from './yaml-messages.js';
import { Locator, type PathSegment, type Place, formatPath, yamlLibrary } from './yaml-place.js';
import type { Text } from '../model/i18n.js';

/** Reading YAML (or JSON) documents: js-yaml where the text is valid, the slower `yaml` library for located messages. */

/** Where js-yaml and the `yaml` library could read the same text differently: a %YAML 1.1 directive. */
const DIRECTIVE = /^%/m;

/**
 * Plain scalars as the YAML 1.2 core schema (and so the `yaml` library) reads them. js-yaml's
 * own core schema differs on numbers: it takes 0b101 and refuses +.5 and -.5e3.
 */
const CORE_SCALARS: { tag: string; pattern: RegExp; construct: (text: string) => unknown }[] = [
  { tag: 'null', pattern: /^(?:~|null|Null|NULL|)$/, construct: () => null },
  { tag: 'bool', pattern: /^(?:true|True|TRUE)$/, construct: () => true },
  { tag: 'bool', pattern: /^(?:false|False|FALSE)$/, construct: () => false },
  { tag: 'int', pattern: /^[-+]?[0-9]+$/, construct: Number },
  { tag: 'int', pattern: /^0o[0-7]+$/, construct: (t) => parseInt(t.slice(2), 8) },
  { tag: 'int', pattern: /^0x[0-9a-fA-F]+$/, construct: (t) => parseInt(t.slice(2), 16) },
  // A float has a point or an exponent (so that `!!float 1` is not a number, as in `yaml`).
  { tag: 'float', pattern: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$/, construct: Number },
  { tag: 'float', pattern: /^[-+]?[0-9]+[eE][-+]?[0-9]+$/, construct: Number },
  { tag: 'float', pattern: /^[-+]?\.(?:inf|Inf|INF)$/, construct: (t) => (t.startsWith('-') ? -Infinity : Infinity) },
  { tag: 'float', pattern: /^\.(?:nan|NaN|NAN)$/, construct: () => NaN },
];

const coreType = (tag: string) => {
  const forms = CORE_SCALARS.filter((s) => s.tag === tag);
  const formOf = (text: string | null) => forms.find((s) => s.pattern.test(text ?? ''));
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => formOf(text) !== undefined,
    construct: (text: string | null) => formOf(text)!.construct(text ?? ''),
  });
};

/** js-yaml with the YAML 1.2 core schema's scalars; exported for the test that compares the readers. */
export const QUICK_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: ['null', 'bool', 'int', 'float'].map(coreType) });

/** The data of a YAML text read by js-yaml, or undefined where it needs the careful reader. */
function quickLoadPlain(text: string): unknown {
  // js-yaml expands aliases without limit (a 2 KB file can stand for a billion nodes).
  if (DIRECTIVE.test(text) || ALIAS.test(text)) return undefined;
  try {
    return quickLoad(text, { schema: QUICK_SCHEMA });
  } catch {
    return undefined;
  }
}

/**
 * The document as js-yaml reads it (YAML 1.2 core schema, duplicate keys refused), if it reads
 * and passes every check; otherwise undefined, and the text is read again for the messages.
 */
export function quickParse(text: string, file: string): TasseiDocument | undefined {
  const data = quickLoadPlain(text);
  if (data === undefined) return undefined;
  const unlocated: Place = { message: (path, rule, message) => errorMessage(file, rule, message, { path: formatPath(path) }) };
  return checkDocument(data, unlocated).length === 0 ? (data as TasseiDocument) : undefined;
}

/**
 * Parses and validates the text of a YAML (or JSON) document. Throws every problem at once, each
 * with its line and column.
 */
export function parseDocumentText(text: string, file: string): TasseiDocument {
  return parseDocumentWithNotes(text, file).document;
}

/** As parseDocumentText, with the warnings the checks gave (errors are thrown). */
export function parseDocumentWithNotes(text: string, file: string): { document: TasseiDocument; messages: Message[] } {
  try {
    const quick = quickParse(text, file);
    return quick ? { document: quick, messages: [] } : parseLocatedWithNotes(text, file);
  } catch (error) {
    // Nesting thousands deep overflows the readers' recursion: a made-up file, not a report.
    if (error instanceof RangeError) {
      throw new TasseiError([TOO_DEEP(file)]);
    }
    throw error;
  }
}

/** Reads with the `yaml` library, which places each message at its line and column. */
export function parseLocated(text: string, file: string): TasseiDocument {
  return parseLocatedWithNotes(text, file).document;
}

function parseLocatedWithNotes(text: string, file: string): { document: TasseiDocument; messages: Message[] } {
  const { data, locator } = parseWithPositions(text, file);
  const messages = checkDocument(data, locator);
  if (messages.some((m) => m.severity === 'error')) throw new TasseiError(messages);
  return { document: data as TasseiDocument, messages };
}

/** Parses with the `yaml` library, keeping positions; syntax errors (and alias bombs) are thrown, each located. */
function parseWithPositions(text: string, file: string): { data: unknown; locator: Locator } {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  const yamlDoc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // The library reports its own stack overflow as a syntax error: it is nesting too deep.
  const overflow = yamlDoc.errors.find((e) => /Maximum call stack/.test(e.message));
  if (overflow) throw new TasseiError([{ ...TOO_DEEP(file), line: lines.linePos(overflow.pos[0]).line }]);
  if (yamlDoc.errors.length > 0) throw new TasseiError(syntaxMessages(yamlDoc, lines, file));
  let data: unknown;
  try {
    data = yamlDoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new TasseiError([tooManyAliases(text, lines, file)]);
  }
  return { data, locator: new Locator(yamlDoc, lines, file) };
}

/** Problems found at key paths of a valid document (by a later check), placed at their lines. */
export function locateProblems(text: string, file: string, problems: readonly { path: PathSegment[]; rule: RuleId; message: Text; hint?: Text }[]): Message[] {
  const { locator } = parseWithPositions(text, file);
  return problems.map((p) => locator.message(p.path, p.rule, p.message, p.hint));
}

/**
 * Reads a YAML file of another shape than a document (a grading scheme) against its schema,
 * with the same located messages as documents; `check` adds the checks a schema cannot make.
 */
export function parseValidatedYaml(text: string, file: string, shape: 'scheme', check: (data: unknown, locate: Locate) => Message[]): unknown {
  // A file without problems is read the quick way; positions are worked out only for messages.
  const quick = quickLoadPlain(text);
  if (
    quick !== undefined &&
    validatorOf(shape)(quick) &&
    check(quick, (path, rule, message, hint) => errorMessage(file, rule, message, { path: formatPath(path), ...(hint ? { hint } : {}) })).length === 0
  )
    return quick;
  const { data, locator } = parseWithPositions(text, file);
  const validate = validatorOf(shape);
  const messages = validate(data)
    ? check(data, (path, rule, message, hint, severity) => locator.message(path, rule, message, hint, undefined, severity))
    : schemaMessages(validate.errors ?? [], data, locator);
  if (messages.length > 0) throw new TasseiError(messages);
  return data;
}

/** Reads a YAML or JSON document file in whatever encoding it can be read (see encoding.ts), with its notes. */
export function readDocumentFile(file: string): { document: TasseiDocument; messages: Message[] } {
  const { text, messages } = readTextFile(file);
  const parsed = parseDocumentWithNotes(text, file);
  return { document: parsed.document, messages: [...messages, ...parsed.messages] };
}

export function readDocumentYaml(file: string): TasseiDocument {
  return readDocumentFile(file).document;
}
