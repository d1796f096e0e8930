import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, dirname, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FAILSAFE_SCHEMA, Type, load as quickLoad } from 'js-yaml';
import type { Document, LineCounter, Node } from 'yaml';
import { eraName, parseMeasurement, unusableNumber } from '../notation/numbers.js';
import { type Locate, documentChecks } from '../model/checks.js';
import { readTextFile } from './encoding.js';
import { closest } from '../model/suggest.js';
import { TasseiError } from '../model/errors.js';
import { t } from '../model/i18n.js';
import { PACKAGE_ROOT } from './files.js';
import type { DocumentKind, Indicator, KpiDocument, Message, TasseiDocument } from '../model/types.js';
import { walkIndicators } from '../model/walk.js';
import { DOCUMENT_KINDS } from '../model/types.js';

export const SCHEMA_FILES: Record<DocumentKind, string> = {
  'kpi-progress': join(PACKAGE_ROOT, 'schema', 'kpi-progress.schema.json'),
  narrative: join(PACKAGE_ROOT, 'schema', 'narrative.schema.json'),
};

/** The schema of a grading scheme file (schemes/*.yaml). */
export const SCHEME_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'scheme.schema.json');

type Shape = DocumentKind | 'scheme';

let validators: Record<Shape, ValidateFunction> | undefined;

/** Validation code compiled from the schemas by `npm run build` (scripts/compile-schemas.mjs). */
const COMPILED_VALIDATORS = join(PACKAGE_ROOT, 'dist', 'io', 'validators.cjs');

/** The schemas compiled now (where the build's compiled code is missing, as when running from src/). */
export function compileValidators(): Record<Shape, ValidateFunction> {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const compile = (file: string) => ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  return { 'kpi-progress': compile(SCHEMA_FILES['kpi-progress']), narrative: compile(SCHEMA_FILES.narrative), scheme: compile(SCHEME_SCHEMA_FILE) };
}

export function validatorOf(kind: Shape): ValidateFunction {
  if (!validators && existsSync(COMPILED_VALIDATORS)) {
    validators = createRequire(import.meta.url)(COMPILED_VALIDATORS) as Record<Shape, ValidateFunction>;
  }
  validators ??= compileValidators();
  return validators[kind];
}

type PathSegment = string | number;

/**
 * The `yaml` library, loaded when needed: it places every message at its line and column and
 * writes documents with comments, but reads three times slower than js-yaml, so a document
 * that is valid is read with js-yaml alone.
 */
export const yamlLibrary = (): typeof import('yaml') => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** Turns a problem at a key path into a message. */
interface Place {
  message(path: readonly PathSegment[], rule: string, message: string, hint?: string, key?: string): Message;
}

/** `strategies[0].policies[1].title` */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Locates YAML nodes of a parsed file for messages. */
class Locator implements Place {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  at(path: readonly PathSegment[], key?: string): { line?: number; column?: number } {
    let node: unknown = path.length === 0 ? this.doc.contents : this.doc.getIn(path, true);
    const { isMap, isScalar } = yamlLibrary();
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      node = pair?.key ?? node;
    }
    const range = (node as Node | undefined)?.range;
    if (!range) return path.length > 0 ? this.at(path.slice(0, -1)) : {};
    const pos = this.lines.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  }

  message(path: readonly PathSegment[], rule: string, message: string, hint?: string, key?: string): Message {
    return {
      severity: 'error',
      rule,
      file: this.file,
      ...this.at(path, key),
      path: formatPath(key ? [...path, key] : path),
      message,
      ...(hint ? { hint } : {}),
    };
  }
}

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('リスト', 'a list');
  if (typeof value === 'object') return t('マッピング', 'a mapping');
  if (typeof value === 'string') return t(`文字列 "${value}"`, `the text "${value}"`);
  if (typeof value === 'number') return t(`数値 ${String(value)}`, `number ${String(value)}`);
  if (typeof value === 'boolean') return t(`真偽値 ${String(value)}`, `boolean ${String(value)}`);
  return `${typeof value} ${String(value)}`;
}

/** Schema type names as a reader says them. */
const TYPE_NAMES: Record<string, () => string> = {
  string: () => t('文字列', 'string'),
  number: () => t('数値', 'number'),
  integer: () => t('整数', 'integer'),
  null: () => 'null',
  boolean: () => t('真偽値', 'boolean'),
  object: () => t('マッピング', 'mapping'),
  array: () => t('リスト', 'list'),
};

function typesOf(e: ErrorObject): string[] {
  return ([] as string[]).concat((e.params as { type: string | string[] }).type).map((type) => TYPE_NAMES[type]?.() ?? type);
}

/** One readable message per schema error; noise from alternatives is dropped. */
function schemaMessages(errors: readonly ErrorObject[], data: unknown, locate: Place): Message[] {
  const messages: Message[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = pathOf(e.instancePath);
    const actual = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], data);
    const properties = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    let m: Message;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        const near = closest(key, properties);
        // `{ value: 3,580 }`: in braces a comma ends the value, and the rest becomes a key.
        const hint = /^\d/.test(key)
          ? t(`{ } の中では 3,580 のようにカンマを含む値を "3,580" と引用符で囲みます`, `inside { }, quote a value with a comma: "3,580"`)
          : t(`使えるキー: ${properties.join(', ')}`, `expected one of: ${properties.join(', ')}`);
        m = locate.message(
          path,
          'yaml-unknown-key',
          t(`不明なキー "${key}"${near ? `（"${near}" のことですか？）` : ''}`, `unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}`),
          hint,
          key,
        );
        break;
      }
      case 'required': {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        const required = ((e.schema as string[]) ?? []).join(', ');
        const holder = String(path.at(-2) ?? 'document')
          .replace(/ies$/, 'y')
          .replace(/s$/, '');
        m = locate.message(
          path,
          'yaml-missing-key',
          t(`キー "${key}" がありません`, `missing key "${key}"`),
          t(`${holder} に必要なキー: ${required}`, `every ${holder} needs: ${required}`),
        );
        break;
      }
      case 'type':
        m = locate.message(
          path,
          'yaml-type',
          t(`${typesOf(e).join('・')} のはずが、${describe(actual)} です`, `expected ${typesOf(e).join(' or ')}, found ${describe(actual)}`),
        );
        break;
      case 'enum':
      case 'const': {
        const allowed =
          e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
        const near =
          typeof actual === 'string'
            ? closest(
                actual,
                allowed.filter((a): a is string => typeof a === 'string'),
              )
            : undefined;
        const list = allowed.map((a) => JSON.stringify(a)).join(', ');
        m = locate.message(
          path,
          'yaml-value',
          t(
            `${list} のどれかのはずが、${describe(actual)} です${near ? `（"${near}" のことですか？）` : ''}`,
            `expected one of ${list}, found ${describe(actual)}${near ? ` (did you mean "${near}"?)` : ''}`,
          ),
        );
        break;
      }
      case 'anyOf':
        continue;
      default:
        m = locate.message(
          path,
          'yaml-schema',
          t(`${describe(actual)} は使えません（${e.message ?? ''}）`, `${describe(actual)} ${e.message ?? 'is not valid'}`),
        );
    }
    const id = `${m.path}|${m.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      messages.push(m);
    }
  }
  return messages;
}

const MEASUREMENT_KEYS = ['baseline', 'actual', 'target', 'previousActual'] as const;
/** Lists of printed cells of an indicator: its year series and its interim targets. */
const CELL_LIST_KEYS = ['series', 'interim'] as const;

/** Thousands separators as a planning office prints them: 3560 → 3,560. */
export function formatValue(value: number): string {
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '△' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** The printed text of a measurement given without one: value, then its year note. */
export function measurementText(value: number | null, year: number | null): string {
  const body = value === null ? '-' : formatValue(value);
  return year === null ? body : `${body}(${eraName(year, 'short')})`;
}

/**
 * Completes each measurement from what it gives (text, value or both) and checks that value and
 * text agree, so that an edit to one of them alone cannot pass unnoticed; checks that a reported
 * progress is a number that can be printed.
 */
function completeMeasurements(doc: KpiDocument, locate: Place): Message[] {
  const messages: Message[] = [];
  const visitIndicators = (list: KpiDocument['strategies'][number]['indicators'], base: PathSegment[]) => {
    list.forEach((indicator, i) => {
      for (const key of MEASUREMENT_KEYS) {
        const raw = indicator[key] as RawMeasurement | null | undefined;
        if (raw === undefined || raw === null) continue;
        const path = [...base, i, key];
        const problem = completeMeasurement(raw, indicator.unit);
        if (problem) messages.push(locate.message(problem.field ? [...path, problem.field] : path, 'yaml-value', problem.message, problem.hint));
      }
      // A year of a series and an interim target are printed cells too, written as measurements are.
      for (const key of CELL_LIST_KEYS) {
        (indicator[key] as RawMeasurement[] | undefined)?.forEach((raw, k) => {
          const path = [...base, i, key, k];
          const problem = completeMeasurement(raw, indicator.unit);
          if (problem) messages.push(locate.message(problem.field ? [...path, problem.field] : path, 'yaml-value', problem.message, problem.hint));
        });
      }
      indicator.interim?.forEach((entry) => (entry.fiscalYear ??= null));
      actualFromSeries(indicator, doc.fiscalYear);
      const progress = indicator.reported.progress;
      const unusable = progress === null ? null : unusableNumber(progress);
      if (unusable)
        messages.push(
          locate.message(
            [...base, i, 'reported', 'progress'],
            'yaml-value',
            unusable,
            t('進捗率は -71.4 のように書くか、空欄なら null にします', 'write the progress as printed, e.g. -71.4, or null where blank'),
          ),
        );
    });
  };
  doc.strategies.forEach((s, si) => {
    visitIndicators(s.indicators, ['strategies', si, 'indicators']);
    s.policies.forEach((p, pi) =>
      p.measures.forEach((m, mi) => visitIndicators(m.indicators, ['strategies', si, 'policies', pi, 'measures', mi, 'indicators'])),
    );
  });
  return messages;
}

/**
 * An actual left blank beside a series whose year of the report is filled is that year's cell:
 * in a document in its own layout a person fills the series (next year's document asks for it
 * there), and the actual follows.
 */
function actualFromSeries(indicator: Indicator, fiscalYear: number): void {
  if (indicator.actual.text !== '' || !indicator.series) return;
  const entry = indicator.series.find((e) => e.fiscalYear === fiscalYear && e.text.trim() !== '');
  if (entry) indicator.actual = { value: entry.value, year: entry.year, text: entry.text };
}

/** A measurement as a person may write it: the value as a number or as typed text, either one alone. */
interface RawMeasurement {
  value?: number | string | null;
  year?: number | null;
  text?: string;
}

interface MeasurementProblem {
  field?: keyof RawMeasurement;
  message: string;
  hint?: string;
}

const TYPING_HINT = () =>
  t('3,560(H29)・42.2・△12・３５８０・45%・- (データなし) のように書きます', 'write it as 3,560(H29), 42.2, △12, ３５８０, 45% or - (no data)');

/**
 * Completes a measurement in place: a value typed as text (`３５８０`, `45%`, `"3580"`) is read
 * and kept as the text; text alone gives the value; a value alone gives the text. A null value
 * or year beside a text that says otherwise is read from the text (the first edit of a blank
 * `{ value: null, text: "" }` is to its text). An empty text with no value is a blank (未記入).
 */
export function completeMeasurement(raw: RawMeasurement, unit: string | null = null): MeasurementProblem | null {
  if (typeof raw.value === 'string' && raw.value.trim() === '') {
    raw.value = null;
    raw.text ??= '';
  }
  if (typeof raw.value === 'string') {
    const typed = parseMeasurement(raw.value, { unit });
    if (!typed.ok)
      return {
        field: 'value',
        message: t(`"${raw.value}" は値として読めません: ${typed.reason}`, `"${raw.value}" cannot be read as a value: ${typed.reason}`),
        hint: TYPING_HINT(),
      };
    if (raw.text === undefined || raw.text.trim() === '') raw.text = raw.value;
    raw.value = typed.measurement.value;
  }
  if (typeof raw.value === 'number') {
    const unusable = unusableNumber(raw.value);
    if (unusable) return { field: 'value', message: unusable, hint: TYPING_HINT() };
  }
  if (raw.text === undefined || (raw.text.trim() === '' && raw.value !== undefined && raw.value !== null)) {
    if (raw.value === undefined)
      return {
        message: t('値には "text"（印刷どおり）か "value" が必要です', 'a value needs "text" (as printed) or "value"'),
        hint: t('例: { value: 3560, year: 2017 } または { text: "3,560(H29)" }', 'e.g. { value: 3560, year: 2017 } or { text: "3,560(H29)" }'),
      };
    raw.year ??= null;
    raw.text = measurementText(raw.value, raw.year);
    return null;
  }
  if (raw.text.trim() === '') {
    // 未記入: not yet entered (a `-` would say "no data").
    raw.value = null;
    raw.year ??= null;
    return null;
  }
  const parsed = parseMeasurement(raw.text, { unit });
  if (!parsed.ok) {
    if (raw.value === null) {
      raw.year ??= null;
      return null; // Printed as something other than a number; the evaluator reports it.
    }
    return {
      field: 'text',
      message: t(`"${raw.text}" は値として読めません: ${parsed.reason}`, `"${raw.text}" does not parse: ${parsed.reason}`),
      hint: TYPING_HINT(),
    };
  }
  if (raw.value !== undefined && raw.value !== null && raw.value !== parsed.measurement.value) {
    return {
      field: 'value',
      message: t(
        `value ${raw.value} が text "${raw.text}" (${parsed.measurement.value ?? '-'}) と合いません`,
        `value ${raw.value} does not match the text "${raw.text}" (${parsed.measurement.value ?? '-'})`,
      ),
      hint: t('両方を直すか、どちらかを消すと tassei がもう一方から補います', 'change both, or remove one of them and tassei derives it'),
    };
  }
  if (raw.year !== undefined && raw.year !== null && raw.year !== parsed.measurement.year) {
    return {
      field: 'year',
      message: t(
        `year ${raw.year} が "${raw.text}" の年の注記 (${parsed.measurement.year ?? 'なし'}) と合いません`,
        `year ${raw.year} does not match the year note of "${raw.text}" (${parsed.measurement.year ?? 'none'})`,
      ),
      hint: t('両方を直すか、"year" を消します', 'change both, or remove "year"'),
    };
  }
  raw.value = parsed.measurement.value;
  raw.year = parsed.measurement.year;
  return null;
}

/** An alias (`*name`) where a value starts: such a file is read by the `yaml` library, which limits them. */
const ALIAS = /(?:^|[\s,[{:-])\*[^\s,[\]{}]/;
/**
 * Alias uses allowed, counted as the `yaml` library counts them (each weighted by what it
 * expands to): a person may write a few anchors; a thousand-fold expansion is an attack.
 */
const MAX_ALIAS_COUNT = 100;

/** The YAML syntax errors a person meets most, said in Japanese; the library's own words follow. */
const SYNTAX_PROBLEMS: Partial<Record<string, string>> = {
  BAD_INDENT: '字下げが合っていません',
  TAB_AS_INDENT: '字下げにタブは使えません',
  MISSING_CHAR: '閉じる括弧か引用符が足りません',
  DUPLICATE_KEY: '同じキーが 2 回あります',
  BLOCK_AS_IMPLICIT_KEY: 'キーの書き方か字下げが正しくありません',
  MULTILINE_IMPLICIT_KEY: 'キーが 2 行にまたがっています',
  UNEXPECTED_TOKEN: 'ここに置けない文字があります',
  BAD_SCALAR_START: 'この文字で始まる値は引用符で囲みます',
  BAD_DQ_ESCAPE: '引用符の中の \\ の使い方が正しくありません',
  BLOCK_IN_FLOW: '{ } や [ ] の中では改行した書き方は使えません',
};

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
  const unlocated: Place = { message: (path, rule, message) => ({ severity: 'error', rule, file, path: formatPath(path), message }) };
  return checkDocument(data, unlocated).length === 0 ? (data as TasseiDocument) : undefined;
}

/** Kind, schema and measurement checks of parsed data; completes the measurements. */
function checkDocument(data: unknown, locate: Place): Message[] {
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
  return documentChecks(data as TasseiDocument, (path, rule, message, hint) => locate.message(path, rule, message, hint));
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
          `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, found ${describe(status)}${near ? ` (did you mean "${near}"?)` : ''}`,
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

/**
 * Parses and validates the text of a YAML (or JSON) document. Throws every problem at once, each
 * with its line and column.
 */
export function parseDocumentText(text: string, file: string): TasseiDocument {
  return parseDocumentWithNotes(text, file).document;
}

const TOO_DEEP = (file: string): Message => ({
  severity: 'error',
  rule: 'yaml-too-deep',
  file,
  message: t('入れ子が深すぎて読めません', 'nested too deep to be read'),
  hint: t('報告書の YAML か確かめてください', "check that this is a report's YAML"),
});

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
    const alias = ALIAS.exec(text);
    const pos = lines.linePos(alias ? alias.index + alias[0].indexOf('*') : 0);
    throw new TasseiError([
      {
        severity: 'error',
        rule: 'yaml-aliases',
        file,
        line: pos.line,
        column: pos.col,
        message: t(
          `別名（*名前）の展開が多すぎます（上限 ${MAX_ALIAS_COUNT}）: 小さな文書が巨大な文書に膨らむ形です`,
          `too many alias expansions (at most ${MAX_ALIAS_COUNT}): a small file that would expand to a huge document`,
        ),
        hint: t('別名（& と *）を使わず、値をそのまま書いてください', 'write the values out instead of using anchors and aliases (& and *)'),
      },
    ]);
  }
  return { data, locator: new Locator(yamlDoc, lines, file) };
}

/** Problems found at key paths of a valid document (by a later check), placed at their lines. */
export function locateProblems(
  text: string,
  file: string,
  problems: readonly { path: PathSegment[]; rule: string; message: string; hint?: string }[],
): Message[] {
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
    check(quick, (path, rule, message, hint) => ({ severity: 'error', rule, file, path: formatPath(path), message, ...(hint ? { hint } : {}) })).length === 0
  )
    return quick;
  const { data, locator } = parseWithPositions(text, file);
  const validate = validatorOf(shape);
  const messages = validate(data)
    ? check(data, (path, rule, message, hint) => locator.message(path, rule, message, hint))
    : schemaMessages(validate.errors ?? [], data, locator);
  if (messages.length > 0) throw new TasseiError(messages);
  return data;
}

/** Syntax errors shown at most; the rest are counted (one slip should not bury itself). */
const MAX_SYNTAX_MESSAGES = 10;

/**
 * The syntax errors of a file, one per slip: a line of text where a key was expected ends the
 * document there, and the `yaml` library then reports every token after it; that is one error,
 * placed at the stray text.
 */
function syntaxMessages(yamlDoc: Document.Parsed, lines: LineCounter, file: string): Message[] {
  const { isScalar } = yamlLibrary();
  const hint = t('字下げ、かっこ、「:」や「#」を含む文字列の引用符を確かめてください', 'check indentation, brackets, and quotes around text that has : or #');
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const messages: Message[] = [];
  let streamReported = false;
  for (const e of yamlDoc.errors) {
    const inStream = e.code === 'UNEXPECTED_TOKEN' && / in YAML stream/.test(e.message);
    if (inStream) {
      if (streamReported) continue;
      streamReported = true;
      const root = yamlDoc.contents;
      if (isScalar(root) && root.range) {
        const stray = String(root.value).slice(0, 40);
        messages.push({
          severity: 'error',
          rule: 'yaml-syntax',
          file,
          ...at(root.range[0]),
          message: t(
            `キーのない行「${stray}」があり、文書として読めるのはそこまでです`,
            `a line "${stray}" without a key: the document cannot be read past it`,
          ),
          hint: t('この行を消すか、「キー: 値」の形にしてください', 'remove the line, or write it as "key: value"'),
        });
        continue;
      }
    }
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const said = SYNTAX_PROBLEMS[e.code];
    const message = said ? t(`${said}（${detail}）`, detail) : detail;
    messages.push({ severity: 'error', rule: 'yaml-syntax', file, ...at(e.pos[0]), message, hint });
  }
  if (messages.length <= MAX_SYNTAX_MESSAGES) return messages;
  const more = messages.length - MAX_SYNTAX_MESSAGES;
  return [
    ...messages.slice(0, MAX_SYNTAX_MESSAGES),
    {
      severity: 'error',
      rule: 'yaml-syntax',
      file,
      message: t(`ほかに ${more} 件の構文エラーがあります`, `and ${more} more syntax error(s)`),
      hint: t('最初のエラーを直してから読み直してください', 'fix the first errors, then read the file again'),
    },
  ];
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
