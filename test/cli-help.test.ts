import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { execute } from '../src/cli.js';
import { run } from './helpers/run.js';

const COMMANDS = ['extract', 'evaluate', 'render', 'diff', 'next', 'sheet', 'build'];
const STRATEGY1 = 'test/fixtures/yaml/kpi-strategy1.yaml';

describe('help', () => {
  it.each(COMMANDS)('tassei help %s and tassei %s --help: usage, options and examples, in Japanese', async (command) => {
    const help = await run('help', command);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(new RegExp(`^使い方:\n  tassei ${command}`));
    expect(help.out).toContain('例:');
    expect(help.out).toContain(`  tassei ${command} `);
    expect(help.out).toContain('--lang ja|en');
    expect((await run(command, '--help')).out).toBe(help.out);
    expect((await run(command, '-h')).out).toBe(help.out);
  });

  it.each(COMMANDS)('%s --help --lang en is in English', async (command) => {
    const help = await run(command, '--help', '--lang', 'en');
    expect(help.out).toMatch(new RegExp(`^usage:\n  tassei ${command}`));
    expect(help.out).toContain('examples:');
    expect(help.out).not.toMatch(/例:|使い方/);
  });

  it('the whole usage names every command', async () => {
    const r = await run('--help');
    for (const command of COMMANDS) expect(r.out).toContain(`tassei ${command}`);
    expect(r.out).toContain('tassei help COMMAND');
  });

  it('LANG=en_US.UTF-8 gives English, as the package bin', () => {
    const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' };
    const r = spawnSync(process.execPath, ['dist/cli.js', 'evaluate', 'no/such.yaml'], { encoding: 'utf8', env });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('no/such.yaml: error [file-missing] no such file\n  hint: check the path\n');
    const ja = spawnSync(process.execPath, ['dist/cli.js', 'evaluate', 'no/such.yaml'], { encoding: 'utf8', env: { ...env, LANG: 'ja_JP.UTF-8' } });
    expect(ja.stderr).toBe('no/such.yaml: エラー [file-missing] ファイルがありません\n  ヒント: パスを確かめます\n');
  });
});

describe('did you mean', () => {
  it.each([
    [['evalute', STRATEGY1], '不明なコマンド "evalute"（"evaluate" のことですか？）'],
    [['rendr'], '（"render" のことですか？）'],
    [['help', 'sheets'], '（"sheet" のことですか？）'],
    [['evaluate', STRATEGY1, '--fromat', 'json'], '不明なオプション --fromat（"--format" のことですか？）'],
    [['evaluate', STRATEGY1, '--stict'], '不明なオプション --stict（"--strict" のことですか？）'],
    [['sheet', 'exprot', STRATEGY1, '-o', 'x'], '"exprot"。"export" のことですか？'],
    [['build', '--jobz', '2'], '不明なオプション --jobz（"--jobs" のことですか？）'],
  ])('%j', async (argv, said) => {
    const r = await run(...argv);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(said);
  });

  it('in English too', async () => {
    const r = await run('evaluate', STRATEGY1, '--fromat', 'json', '--lang', 'en');
    expect(r.err).toContain('unknown option --fromat (did you mean "--format"?)');
    expect(r.err).toContain('help and examples: tassei help evaluate');
  });

  it('an option without its value is a usage error said in Japanese', async () => {
    const r = await run('render', STRATEGY1, '-o');
    expect(r.code).toBe(1);
    expect(r.err).toContain('オプションの値の書き方が違います');
  });

  it.each([
    [['evaluate'], '"evaluate" の引数（ファイルなど）は 1 個必要です（指定されていません）'],
    [['diff', STRATEGY1], '"diff" の引数（ファイルなど）は 2 個必要です（1 個指定されています）'],
  ])('a wrong number of arguments, said properly: %j', async (argv, said) => {
    const r = await run(...argv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(said);
  });

  it('an unknown language is a usage error', async () => {
    expect((await run('evaluate', STRATEGY1, '--lang', 'fr')).code).toBe(1);
  });
});

describe('the terminal table fits the terminal', () => {
  async function table(columns: number): Promise<string> {
    let out = '';
    const code = await execute(['evaluate', STRATEGY1], { out: (x) => (out += x), err: () => {}, columns });
    expect(code).toBe(0);
    return out;
  }
  const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

  it.each([120, 100, 80])('%i columns: no line is wider, and every indicator and status is still there', async (columns) => {
    const out = await table(columns);
    expect(widest(out)).toBeLessThanOrEqual(columns);
    for (const status of ['悪化↓', '改善↑', '目標達成']) expect(out).toContain(status);
    expect(out).toContain('-71.4%');
  });

  it('a wide terminal shows every column; a narrow one leaves out 単位 first, and wraps names', async () => {
    const wide = await table(200);
    expect(wide).toMatch(/目標指標\s+単位\s+現状 a\s+実績 b\s+目標 c\s+進捗率\s+状況/);
    expect(wide).toContain('納税義務者一人当たり課税対象所得');
    const narrow = await table(80);
    expect(narrow).not.toMatch(/\s単位\s/);
    expect(narrow).toMatch(/現状 a\s+実績 b\s+目標 c\s+進捗率\s+状況/);
    expect(narrow).not.toContain('納税義務者一人当たり課税対象所得');
  });

  it('explains its marks above the table', async () => {
    const out = await table(200);
    expect(out).toContain('≠: 文書に印刷された進捗率・状況・集計と計算が違う行');
    expect(out).toContain('進捗率は (b − a) / (c − a)、※ の指標は b / c。');
  });
});
