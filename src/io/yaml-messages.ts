import type { ErrorObject } from 'ajv';
import type { Document, LineCounter } from 'yaml';
import { joinTexts, t, type Text, verbatim } from '../model/i18n.js';
import { errorMessage } from '../model/messages.js';
import { closest } from '../model/suggest.js';
import type { Message } from '../model/types.js';
import { type Place, pathOf, yamlLibrary } from './yaml-place.js';

/** The errors of the schema validator and of the `yaml` library's parser, as messages a person can act on. */

export function describe(value: unknown): Text {
  if (value === null) return verbatim('null');
  if (Array.isArray(value)) return t('リスト', 'a list');
  if (typeof value === 'object') return t('マッピング', 'a mapping');
  if (typeof value === 'string') return t(`文字列 "${value}"`, `the text "${value}"`);
  if (typeof value === 'number') return t(`数値 ${String(value)}`, `number ${String(value)}`);
  if (typeof value === 'boolean') return t(`真偽値 ${String(value)}`, `boolean ${String(value)}`);
  return verbatim(`${typeof value} ${String(value)}`);
}

/** Schema type names as a reader says them. */
const TYPE_NAMES: Record<string, () => Text> = {
  string: () => t('文字列', 'string'),
  number: () => t('数値', 'number'),
  integer: () => t('整数', 'integer'),
  null: () => verbatim('null'),
  boolean: () => t('真偽値', 'boolean'),
  object: () => t('マッピング', 'mapping'),
  array: () => t('リスト', 'list'),
};

function typesOf(e: ErrorObject): Text[] {
  return ([] as string[]).concat((e.params as { type: string | string[] }).type).map((type) => TYPE_NAMES[type]?.() ?? verbatim(type));
}

/** One readable message per schema error; noise from alternatives is dropped. */
export function schemaMessages(errors: readonly ErrorObject[], data: unknown, locate: Place): Message[] {
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
          t(
            `${joinTexts(typesOf(e), '・').ja} のはずが、${describe(actual).ja} です`,
            `expected ${joinTexts(typesOf(e), ' or ').en}, found ${describe(actual).en}`,
          ),
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
            `${list} のどれかのはずが、${describe(actual).ja} です${near ? `（"${near}" のことですか？）` : ''}`,
            `expected one of ${list}, found ${describe(actual).en}${near ? ` (did you mean "${near}"?)` : ''}`,
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
          t(`${describe(actual).ja} は使えません（${e.message ?? ''}）`, `${describe(actual).en} ${e.message ?? 'is not valid'}`),
        );
    }
    const id = `${m.path}|${m.message.ja}`;
    if (!seen.has(id)) {
      seen.add(id);
      messages.push(m);
    }
  }
  return messages;
}

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

/** Syntax errors shown at most; the rest are counted (one slip should not bury itself). */
const MAX_SYNTAX_MESSAGES = 10;

/**
 * The syntax errors of a file, one per slip: a line of text where a key was expected ends the
 * document there, and the `yaml` library then reports every token after it; that is one error,
 * placed at the stray text.
 */
export function syntaxMessages(yamlDoc: Document.Parsed, lines: LineCounter, file: string): Message[] {
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
        messages.push(
          errorMessage(
            file,
            'yaml-syntax',
            t(`キーのない行「${stray}」があり、文書として読めるのはそこまでです`, `a line "${stray}" without a key: the document cannot be read past it`),
            { ...at(root.range[0]), hint: t('この行を消すか、「キー: 値」の形にしてください', 'remove the line, or write it as "key: value"') },
          ),
        );
        continue;
      }
    }
    const detail = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const said = SYNTAX_PROBLEMS[e.code];
    const message = said ? t(`${said}（${detail}）`, detail) : verbatim(detail);
    messages.push(errorMessage(file, 'yaml-syntax', message, { ...at(e.pos[0]), hint }));
  }
  if (messages.length <= MAX_SYNTAX_MESSAGES) return messages;
  const more = messages.length - MAX_SYNTAX_MESSAGES;
  return [
    ...messages.slice(0, MAX_SYNTAX_MESSAGES),
    errorMessage(file, 'yaml-syntax', t(`ほかに ${more} 件の構文エラーがあります`, `and ${more} more syntax error(s)`), {
      hint: t('最初のエラーを直してから読み直してください', 'fix the first errors, then read the file again'),
    }),
  ];
}
