#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { buildConfig } from './config.js';
import { COMMON_HELP, COMMON_OPTIONS, type Command, type Streams, ioOf, printMessages, processStreams, rolesOption } from './commands/command.js';
import { EXIT, TasseiError, UsageError } from './model/errors.js';
import { type Text, both, joinTexts, languageFrom, say, t } from './model/i18n.js';
import { closest } from './model/suggest.js';
import { watchStandardStreams } from './io/streams.js';

export type { Io, Streams } from './commands/command.js';

/**
 * The commands, in the order the usage lists them. Each lives in a module of its own
 * (src/commands/NAME.ts), loaded when it is asked for: a command loads only what it uses.
 */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  extract: () => import('./commands/extract.js'),
  evaluate: () => import('./commands/evaluate.js'),
  render: () => import('./commands/render.js'),
  diff: () => import('./commands/diff.js'),
  trend: () => import('./commands/trend.js'),
  next: () => import('./commands/next.js'),
  sheet: () => import('./commands/sheet.js'),
  build: () => import('./commands/build.js'),
};

/** The version of the package, as package.json gives it (from src/ and from dist/ alike). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The whole usage: every command in a line or two. */
async function usage(): Promise<Text> {
  const commands = await Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).command));
  const lines: (Text | string)[] = [
    t('tassei — 基本計画と総合戦略の指標（KPI）の達成状況の報告書づくり', 'tassei — KPI achievement reports (基本計画と総合戦略の指標（KPI）の達成状況)'),
    '',
    t('使い方:', 'usage:'),
  ];
  for (const command of commands) lines.push(...command.synopsis.split('\n').map((form) => `  ${form}`), both`      ${command.summary()}`);
  lines.push(
    '  tassei help COMMAND | tassei COMMAND --help',
    both`      ${t('コマンドごとの説明と例', "each command's help, with examples")}`,
    '  tassei --version',
    '',
    t('FILE は .yaml/.json の文書か .pdf（その場で読み取ります）。', 'FILE is a .yaml/.json document, or a .pdf (read on the fly).'),
    t('表示は日本語（--lang en または LANG=en_US.UTF-8 で英語）。', 'Messages are in Japanese unless --lang en or an English LANG.'),
    t(
      '終了コード: 0 成功、1 指摘（--strict のとき）またはコマンドの誤り、2 読めない入力。',
      'exit codes: 0 success; 1 findings (with --strict) or a usage error; 2 unreadable input.',
    ),
  );
  return both`${joinTexts(lines, '\n')}\n`;
}

function synopsisLines(command: Command): string {
  return command.synopsis
    .split('\n')
    .map((form) => `  ${form}`)
    .join('\n');
}

function commandHelp(command: Command): Text {
  return both`${t('使い方', 'usage')}:\n${synopsisLines(command)}\n${command.summary()}\n\n${command.help()}\n\n${COMMON_HELP()}\n`;
}

/** "did you mean" for a word the command line does not know. */
function suggestion(word: string, candidates: readonly string[]): Text | string {
  const near = closest(word, candidates);
  return near ? t(`（"${near}" のことですか？）`, ` (did you mean "${near}"?)`) : '';
}

/** The language asked for on the command line (`--lang en`, `--lang=en`), before the options are read. */
function languageOption(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return undefined;
  return argv[at]!.includes('=') ? argv[at]!.slice('--lang='.length) : argv[at + 1];
}

/** Options of the command line that the command does not take, each with its nearest known name. */
function unknownOptions(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): Text[] {
  const long = Object.keys(options);
  const short = Object.values(options)
    .map((o) => o.short)
    .filter((s): s is string => s !== undefined);
  const problems: Text[] = [];
  for (const arg of args) {
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if (!long.includes(name))
        problems.push(
          t(
            `不明なオプション --${name}${say(suggestion(name, long), 'ja').replace(/"(\w)/, '"--$1')}`,
            `unknown option --${name}${say(suggestion(name, long), 'en').replace(/"(\w)/, '"--$1')}`,
          ),
        );
    } else if (/^-[^-\d]/.test(arg) && !short.includes(arg[1]!)) {
      problems.push(t(`不明なオプション ${arg}`, `unknown option ${arg}`));
    }
  }
  return problems;
}

/** Runs the command line and returns the exit code; never exits the process itself. */
export async function execute(argv: readonly string[], streams: Streams = processStreams): Promise<number> {
  const lang = languageOption(argv);
  if (lang !== undefined && lang !== 'ja' && lang !== 'en') {
    streams.err(`tassei: --lang ja|en (${lang}?)\n`);
    return EXIT.usage;
  }
  const io = ioOf(streams, languageFrom(lang, process.env));
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const args = at < 0 ? [...argv] : [...argv.slice(0, at), ...argv.slice(at + (argv[at]!.includes('=') ? 1 : 2))];
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io[name === undefined ? 'err' : 'out'](await usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`tassei ${version()}\n`);
    return EXIT.ok;
  }
  const wanted = name === 'help' ? rest[0]! : name;
  const loadCommand = Object.hasOwn(COMMANDS, wanted) ? COMMANDS[wanted] : undefined;
  if (!loadCommand) {
    io.err(
      both`${t(`tassei: 不明なコマンド "${wanted}"`, `tassei: unknown command "${wanted}"`)}${suggestion(wanted, Object.keys(COMMANDS))}\n${t('コマンドの一覧: tassei --help', 'the commands: tassei --help')}\n`,
    );
    return EXIT.usage;
  }
  const { command } = await loadCommand();
  if (name === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const options = { ...command.options, ...COMMON_OPTIONS };
    const unknown = unknownOptions(rest, options);
    if (unknown.length > 0) throw new UsageError(joinTexts(unknown, '\n'));
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options, allowPositionals: true, strict: true });
    } catch (error) {
      const { code, message } = error as Error & { code?: string };
      throw new UsageError(code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? t(`オプションの値の書き方が違います（${message}）`, message) : t(message, message));
    }
    const [min, max] = command.positionals;
    const count = parsed.positionals.length;
    if (count < min || count > max) {
      const range =
        min === max ? t(`${min} 個`, `${min}`) : max === Infinity ? t(`${min} 個以上`, `${min} or more`) : t(`${min}〜${max} 個`, `${min} to ${max}`);
      const given = count === 0 ? t('指定されていません', 'none given') : t(`${count} 個指定されています`, `got ${count}`);
      throw new UsageError(t(`"${name}" の引数（ファイルなど）は ${range.ja}必要です（${given.ja}）`, `"${name}" takes ${range.en} argument(s), ${given.en}`));
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    const config = buildConfig({
      language: io.language,
      scheme: typeof values.scheme === 'string' ? values.scheme : undefined,
      printedScheme: typeof values['printed-scheme'] === 'string' ? values['printed-scheme'] : undefined,
      roles: rolesOption(values.roles),
    });
    return await command.run({ values, positionals: parsed.positionals }, io, config);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(
        both`tassei ${name}: ${error.text}\n${t('使い方', 'usage')}:\n${synopsisLines(command)}\n${t(`説明と例: tassei help ${name}`, `help and examples: tassei help ${name}`)}\n`,
      );
      return EXIT.usage;
    }
    if (error instanceof TasseiError) {
      printMessages(error.messages, io);
      return error.exitCode;
    }
    throw error;
  }
}

function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const streams = watchStandardStreams();
  const argv = process.argv.slice(2);
  const language = languageFrom(languageOption(argv), process.env);
  execute(argv).then(
    async (code) => {
      process.exitCode = await streams.finish(code, language);
    },
    (error: unknown) => {
      process.stderr.write(
        say(
          both`${t('tassei: 内部エラー', 'tassei: internal error')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${t('入力ファイルを添えて報告してください。', 'please report this with the input file.')}\n`,
          language,
        ),
      );
      process.exitCode = EXIT.internal;
    },
  );
}
