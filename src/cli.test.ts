import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { execute } from './cli.js';
import { EXIT } from './model/errors.js';

/** Runs the dispatcher in this process and captures what it writes. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await execute(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

// The dispatcher's own answers, which load no command. Each command's help, options and
// arguments are in test/cli-help.test.ts.
describe('the command dispatch', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it.each(['--version', '-v'])('%s prints the version package.json gives', async (flag) => {
    expect(await run(flag)).toEqual({ code: EXIT.ok, out: `tassei ${version}\n`, err: '' });
  });

  it.each([
    [['frobnicate'], 'tassei: 不明なコマンド "frobnicate"\nコマンドの一覧: tassei --help\n'],
    [['evalute', 'x.yaml'], 'tassei: 不明なコマンド "evalute"（"evaluate" のことですか？）\nコマンドの一覧: tassei --help\n'],
    [['help', 'rendr'], 'tassei: 不明なコマンド "rendr"（"render" のことですか？）\nコマンドの一覧: tassei --help\n'],
    [['frobnicate', '--lang=en'], 'tassei: unknown command "frobnicate"\nthe commands: tassei --help\n'],
    [['--lang', 'en', 'evalute'], 'tassei: unknown command "evalute" (did you mean "evaluate"?)\nthe commands: tassei --help\n'],
  ])('%j: an unknown command is a usage error, with the nearest one', async (argv, said) => {
    expect(await run(...argv)).toEqual({ code: EXIT.usage, out: '', err: said });
  });

  it.each([
    [['--lang', 'fr', 'evaluate', 'x.yaml'], 'tassei: --lang ja|en (fr?)\n'],
    [['evaluate', '--lang=', 'x.yaml'], 'tassei: --lang ja|en (?)\n'],
  ])('%j: a language it does not speak is refused before anything else', async (argv, said) => {
    expect(await run(...argv)).toEqual({ code: EXIT.usage, out: '', err: said });
  });
});
