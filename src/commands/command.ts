import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.js';
import { loadDocument } from '../load.js';
import { UsageError, formatMessage } from '../model/errors.js';
import { type Language, type Text, type TextPart, say, t } from '../model/i18n.js';
import { COLUMN_ROLES, type Message } from '../model/types.js';
import { type RoleDeclarations, parseRoleDeclarations } from '../extract/roles.js';

/** The streams a command line writes to: data to `out`, messages to `err`; `columns` is the terminal's width. */
export interface Streams {
  out: (text: string) => void;
  err: (text: string) => void;
  columns?: number;
}

export const processStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Where a command writes: the streams, and the reader's language that each text is printed in. */
export interface Io {
  out: (text: TextPart) => void;
  err: (text: TextPart) => void;
  language: Language;
  columns?: number;
  streams: Streams;
}

export function ioOf(streams: Streams, language: Language): Io {
  return {
    out: (text) => streams.out(say(text, language)),
    err: (text) => streams.err(say(text, language)),
    language,
    ...(streams.columns === undefined ? {} : { columns: streams.columns }),
    streams,
  };
}

/**
 * The width the terminal table may use: `COLUMNS` where set (tests, scripts), the terminal's
 * width on a terminal, unlimited where the output goes to a file or a pipe.
 */
export function terminalColumns(io: Io): number {
  if (io.columns !== undefined) return io.columns;
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return io.streams === processStreams && process.stdout.isTTY ? process.stdout.columns : Infinity;
}

/** The values of a command's options, as parsed. */
export type Values = Record<string, string | boolean | undefined>;

/**
 * A command of the command line, in a module of its own (src/commands/NAME.ts): its help in both
 * languages, its options and what it does. The module imports the stages it runs when it runs.
 */
export interface Command {
  /** The command line, e.g. `tassei render FILE -o OUT.pdf`; one line per form. */
  synopsis: string;
  /** One line: what it does. */
  summary: () => Text;
  /** What it does in full, its options and examples. */
  help: () => Text;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: [min: number, max: number];
  run: (args: { values: Values; positionals: string[] }, io: Io, config: Config) => Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  lang: { type: 'string' },
  scheme: { type: 'string' },
  'printed-scheme': { type: 'string' },
  roles: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** An option's value, one of `allowed` (`fallback` when it is not given). */
export function oneOf<T extends string>(value: string | boolean | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(t(`--${option} には次のどれかを指定します: ${allowed.join(', ')}`, `--${option} takes one of: ${allowed.join(', ')}`));
}

/** --roles "現状値=baseline,担当=department": the column roles declared, by heading. */
export function rolesOption(value: string | boolean | undefined): RoleDeclarations | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseRoleDeclarations(value);
  if ('error' in parsed)
    throw new UsageError(
      t(
        `--roles の「${parsed.error}」は「見出し=役割」ではありません（役割: ${COLUMN_ROLES.join(', ')}）`,
        `--roles: "${parsed.error}" is not HEADING=ROLE (roles: ${COLUMN_ROLES.join(', ')})`,
      ),
    );
  return parsed.declared;
}

/** The messages of a reading or a failure, one a line on stderr. */
export function printMessages(messages: readonly Message[], io: Io): void {
  for (const m of messages) io.err(`${formatMessage(m, io.language)}\n`);
}

/** Reads a document (a PDF is extracted) and shows what its reading said. */
export async function load(file: string, io: Io, config: Config) {
  const loaded = await loadDocument(file, config);
  printMessages(loaded.messages, io);
  return loaded;
}

/** The help of the options every command takes. */
export const COMMON_HELP = () =>
  t(
    `共通のオプション:
  --lang ja|en     表示の言語（既定は日本語。環境変数 LANG=en_US.UTF-8 などでも英語）
  --scheme ID|FILE.yaml
                   評価に使う評価基準（schemes/ の default・abcd など、または YAML ファイル）。文書の scheme キーより優先
  --printed-scheme ID|FILE.yaml
                   文書が印刷されたときの評価基準。PDF では状況の印・集計表の見出し・凡例から判定するので、
                   判定できないときだけ指定します（YAML では文書の scheme キー）
  --roles "見出し=役割,…"
                   他の自治体の様式の PDF で、見出しから役割の分からない列の役割（例: "現状値=baseline,担当=department"）
  -h, --help       この説明`,
    `options of every command:
  --lang ja|en     the language of messages and help (Japanese by default; English also with LANG=en_US.UTF-8)
  --scheme ID|FILE.yaml
                   the grading scheme to grade by (schemes/: default, abcd, …, or a YAML file), over the document's own scheme key
  --printed-scheme ID|FILE.yaml
                   the scheme the document was printed under; a PDF's is told from its status marks, summary
                   headings and legend, so give it only where that cannot tell (a YAML's is its scheme key)
  --roles "HEADING=ROLE,…"
                   for a PDF in another municipality's layout, the roles of columns its headings do not tell (e.g. "現状値=baseline,担当=department")
  -h, --help       this help`,
  );
