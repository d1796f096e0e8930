import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/extract/pdf.js';
import { cyclicPdf, miniPdf } from './helpers/minipdf.js';
import { segmentsOf } from './helpers/pdftext.js';
import { run } from './helpers/run.js';
import { missing } from './helpers/tools.js';

/** Hostile and careless inputs, each made here, through the whole command line. */

const STRATEGY1 = 'test/fixtures/yaml/kpi-strategy1.yaml';
const strategy1 = () => readFileSync(STRATEGY1, 'utf8');

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'tassei-robust-'));
}

/** A copy of a file in a fresh folder. */
function copy(file: string, name: string): string {
  const target = join(folder(), name);
  copyFileSync(file, target);
  return target;
}

async function pdfText(file: string): Promise<string> {
  const pages = await readPdf(new Uint8Array(readFileSync(file)), file);
  return pages
    .map((p) =>
      [...p.runs]
        .sort((a, b) => a.baseline - b.baseline || a.x - b.x)
        .map((r) => r.text)
        .join(''),
    )
    .join('')
    .replace(/\s+/g, '');
}

describe('1. no command writes onto one of its inputs, nor over a file without --force', () => {
  it.each<[string, (f: string) => string[], string]>([
    ['render b.yaml -o b.yaml', (f) => ['render', f, '-o', f], 'b.yaml'],
    ['next c.yaml -o c.yaml', (f) => ['next', f, '-o', f], 'c.yaml'],
    ['extract a.pdf -o a.pdf', (f) => ['extract', f, '-o', f], 'a.pdf'],
    ['diff a.yaml b.yaml -o b.yaml', (f) => ['diff', STRATEGY1, f, '-o', f], 'b.yaml'],
    [
      'render through a link to the input',
      (f) => {
        const link = join(folder(), 'link.yaml');
        symlinkSync(f, link);
        return ['render', link, '-o', f];
      },
      'b.yaml',
    ],
  ])('%s: exit 2, the input untouched', async (_, argv, name) => {
    const file = copy(name.endsWith('.pdf') ? 'input/kpi-r1.pdf' : STRATEGY1, name);
    const before = readFileSync(file);
    const r = await run(...argv(file), '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/エラー \[output-is-input\]/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it.each([
    ['render', '.pdf'],
    ['next', '.yaml'],
    ['extract', '.yaml'],
    ['diff', '.pdf'],
  ])(
    '%s over an existing file: refused without --force, replaced with it',
    async (command, ext) => {
      const out = join(folder(), `out${ext}`);
      const mine = ext === '.pdf' ? miniPdf([{ texts: [{ text: 'mine', matrix: [1, 0, 0, 1, 72, 720] }] }]) : new Uint8Array(Buffer.from("a person's file"));
      writeFileSync(out, mine);
      const source = command === 'extract' ? 'input/narrative-r5.pdf' : STRATEGY1;
      const argv = command === 'diff' ? ['diff', STRATEGY1, 'test/fixtures/expected/kpi-r1.yaml', '-o', out] : [command, source, '-o', out];
      const refused = await run(...argv);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/エラー \[output-exists\][\s\S]*--force/);
      expect(readFileSync(out).equals(mine)).toBe(true);
      if (command === 'diff') return; // the two documents are of one year: diff refuses them anyway
      expect((await run(...argv, '--force')).code).toBe(0);
      expect(readFileSync(out).equals(mine)).toBe(false);
    },
    60_000,
  );

  it.each([
    ['render', 'a YAML', 'a PDF', 'out.yaml'],
    ['next', 'a PDF', 'YAML', 'out.pdf'],
  ])('%s never replaces %s with %s, even with --force', async (command, _, __, name) => {
    const out = join(folder(), name);
    const mine = name.endsWith('.pdf') ? miniPdf([{ texts: [{ text: 'mine', matrix: [1, 0, 0, 1, 72, 720] }] }]) : new Uint8Array(Buffer.from(strategy1()));
    writeFileSync(out, mine);
    const r = await run(command, STRATEGY1, '-o', out, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/エラー \[output-(other-kind|format)\]/);
    expect(readFileSync(out).equals(mine)).toBe(true);
  });

  it("build DIR -o DIR is refused before anything is written: last year's PDFs stay", async () => {
    const dir = folder();
    copyFileSync('input/kpi-r1.pdf', join(dir, 'kpi-r1.pdf'));
    const before = readFileSync(join(dir, 'kpi-r1.pdf'));
    const r = await run('build', dir, '-o', join(dir, '.', ''));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/エラー \[output-is-input\]/);
    expect(readdirSync(dir)).toEqual(['kpi-r1.pdf']);
    expect(readFileSync(join(dir, 'kpi-r1.pdf')).equals(before)).toBe(true);
  });
});

describe.skipIf(missing('qpdf', 'that pages turned by /Rotate, or drawn turned, read as the upright PDF'))('2. rotated pages are read exactly', () => {
  const extract = async (pdf: string) => {
    const r = await run('extract', pdf);
    expect(r.code).toBe(0);
    return r.out.split('\n').slice(1).join('\n');
  };

  it.each([
    ['page 3 turned by a quarter (strategy 2 was lost)', ['--rotate=+90:3']],
    ['every page turned (it was called a scan)', ['--rotate=+90']],
    ['portrait and landscape mixed, upside down too', ['--rotate=-90:1-3', '--rotate=+180:5']],
  ])(
    '%s: the same document as the upright PDF',
    async (_, rotate) => {
      const upright = await extract('input/kpi-r1.pdf');
      const turned = join(folder(), 'turned.pdf');
      execFileSync('qpdf', [...rotate, 'input/kpi-r1.pdf', turned]);
      expect(await extract(turned)).toBe(upright);
      // The same turn drawn into the content (a rotated text matrix, no /Rotate).
      const flattened = join(folder(), 'flattened.pdf');
      execFileSync('qpdf', ['--flatten-rotation', turned, flattened]);
      expect(await extract(flattened)).toBe(upright);
    },
    60_000,
  );
});

describe.skipIf(missing('qpdf', 'that a stamp printed across a page is named in a warning'))('2. text in another direction than its page', () => {
  it('is named in a warning with its page and what it says, and the rest is read as before', async () => {
    const stamp = join(folder(), 'stamp.pdf');
    writeFileSync(
      stamp,
      miniPdf([
        {
          width: 842,
          height: 595,
          texts: [
            { text: 'CONFIDENTIAL', matrix: [0.7071, 0.7071, -0.7071, 0.7071, 300, 200], size: 30 },
            { text: 'DRAFT', matrix: [0, 1, -1, 0, 820, 200] },
          ],
        },
      ]),
    );
    const stamped = join(folder(), 'stamped.pdf');
    execFileSync('qpdf', ['input/kpi-r1.pdf', '--overlay', stamp, '--to=1', '--', stamped]);
    const upright = await run('extract', 'input/kpi-r1.pdf');
    const r = await run('extract', stamped);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(1)).toEqual(upright.out.split('\n').slice(1));
    expect(r.err).toMatch(/stamped\.pdf \(1 ページ\): 警告 \[pdf-text-direction\] .*「CONFIDENTIAL」「DRAFT」/);
    expect(r.err).not.toMatch(/page 2/);
  }, 60_000);
});

describe('3. what crashed with exit 70 is a located error, and build goes on', () => {
  it('build reports a cyclic page tree, an alias bomb and a bad encoding, and builds the good file', async () => {
    const dir = folder();
    const input = join(dir, 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'cycle.pdf'), cyclicPdf());
    writeFileSync(
      join(input, 'bomb.yaml'),
      `kind: narrative\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${Array(10).fill('*a').join(',')}]\nc: &c [${Array(10).fill('*b').join(',')}]\nd: [${Array(10).fill('*c').join(',')}]\n`,
    );
    writeFileSync(
      join(input, 'euc.yaml'),
      new Uint8Array(Encoding.convert(Encoding.stringToCode(`kind: narrative\ntitle: 達成状況\n`), { to: 'EUCJP', from: 'UNICODE' })),
    );
    copyFileSync(STRATEGY1, join(input, 'good.yaml'));
    const r = await run('build', input, '-o', join(dir, 'out'), '--jobs', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cycle\.pdf \(2 ページ\): エラー \[pdf-page-unreadable\]/);
    expect(r.err).toMatch(/bomb\.yaml:3:\d+: エラー \[yaml-aliases\]/);
    expect(r.err).toMatch(/euc\.yaml: エラー \[text-encoding\] .*EUC-JP/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['findings.md', 'good.pdf']);
    expect(r.err).not.toMatch(/internal|\n\s+at .*\.(ts|js):\d+/);
  }, 60_000);

  it('-o naming a folder, and a place that cannot be written, are exit 2 with the place', async () => {
    const dir = folder();
    const asFolder = await run('render', STRATEGY1, '-o', dir, '--force');
    expect(asFolder.code).toBe(2);
    expect(asFolder.err).toMatch(/エラー \[output-is-folder\]/);
    writeFileSync(join(dir, 'file'), 'x');
    const under = join(dir, 'file', 'out.pdf');
    const unwritable = await run('render', STRATEGY1, '-o', under);
    expect(unwritable.code).toBe(2);
    expect(unwritable.err).toContain(`${under}: エラー [output-unwritable]`);
    const build = await run('build', 'input', '-o', join(dir, 'file'));
    expect(build.code).toBe(2);
  }, 60_000);
});

describe('4. sizes no report reaches', () => {
  it.each([
    ['huge.pdf', 201 * 1024 * 1024],
    ['huge.yaml', 21 * 1024 * 1024],
  ])('%s is refused by its size, at once', async (name, size) => {
    const file = join(folder(), name);
    writeFileSync(file, name.endsWith('.pdf') ? '%PDF-1.7\n' : 'kind: narrative\n');
    truncateSync(file, size); // sparse: no disk used
    const started = Date.now();
    const r = await run('evaluate', file);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/エラー \[file-too-large\]/);
  });
});

describe('5. a YAML not in UTF-8', () => {
  it('Shift_JIS renders with its Japanese intact, and a note that says so', async () => {
    const yaml = join(folder(), 'sjis.yaml');
    writeFileSync(yaml, new Uint8Array(Encoding.convert(Encoding.stringToCode(strategy1()), { to: 'SJIS', from: 'UNICODE' })));
    const out = join(folder(), 'sjis.pdf');
    const r = await run('render', yaml, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/警告 \[text-encoding\] 文字コード Shift_JIS として読みました/);
    expect(await pdfText(out)).toContain('「働きたい！」希望を実現させる魅力産業の創出');
  }, 60_000);
});

describe('7. characters outside the fonts', () => {
  it('are named with their place and printed as 〓, and the row keeps its columns', async () => {
    const yaml = join(folder(), 'glyphs.yaml');
    writeFileSync(yaml, strategy1().replace('name: 農業産出額', 'name: "𠮷田の한국😀農業産出額"'));
    const out = join(folder(), 'glyphs.pdf');
    const r = await run('render', yaml, '-o', out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /警告 \[glyph-missing\] .*「𠮷」\(U\+20BB7\)、「한」\(U\+D55C\)、「국」\(U\+AD6D\)、「😀」\(U\+1F600\)[\s\S]*場所: strategies\[0\]\.indicators\[0\]\.name/,
    );
    const [page] = await readPdf(new Uint8Array(readFileSync(out)), out);
    const name = page!.runs.find((run) => run.text.includes('農業産出額'))!;
    expect(name.text).toContain('〓田の〓〓〓農業産出額');
    // The unit 百万円 stays in its column, on the name's line.
    const unit = page!.runs.find((run) => run.text === '百万円' && Math.abs(run.baseline - name.baseline) < 1)!;
    expect(unit.x).toBeGreaterThan(name.x + name.width);
  }, 60_000);

  it('build prints them too: the page is evaluated as printed (a control character in a name ended in exit 70)', async () => {
    const input = folder();
    writeFileSync(join(input, 'control.yaml'), strategy1().replace('name: 農業産出額', 'name: "\\e$B農業産出額\\e(B"'));
    const output = join(folder(), 'out');
    const r = await run('build', input, '-o', output);
    expect([r.code, r.err.includes('internal-error')]).toEqual([0, false]);
    expect(r.err).toContain('[glyph-missing]');
    expect(existsSync(join(output, 'control.pdf'))).toBe(true);
  }, 60_000);
});

describe('8. long strings are printed whole or refused, never dropped', () => {
  it('a 3,000-character name appears whole in the PDF, across pages', async () => {
    let long = '';
    for (let i = 0; long.length < 3000; i++) long += `観光客数の増加と地域経済の活性化その${i}、`;
    long = long.slice(0, 3000);
    const yaml = join(folder(), 'long.yaml');
    writeFileSync(yaml, strategy1().replace('name: 農業産出額', `name: ${long}`));
    const out = join(folder(), 'long.pdf');
    expect((await run('render', yaml, '-o', out)).code).toBe(0);
    // The name's column, page after page, top to bottom.
    const segments = await segmentsOf(new Uint8Array(readFileSync(out)));
    const first = segments.find((s) => s.text.startsWith('観光客数'))!;
    const column = segments.filter((s) => Math.abs(s.x - first.x) < 1).sort((a, b) => a.page - b.page || a.baseline - b.baseline);
    expect(
      column
        .map((s) => s.text)
        .join('')
        .replace(/\s+/g, ''),
    ).toContain(long);
    expect(new Set(column.filter((s) => /観光客数|活性化/.test(s.text)).map((s) => s.page)).size).toBeGreaterThan(1);
  }, 60_000);

  it('a 100,000-character one is refused at its line in seconds', async () => {
    const yaml = join(folder(), 'huge.yaml');
    writeFileSync(yaml, strategy1().replace('name: 農業産出額', `name: ${'観光振興'.repeat(25_000)}`));
    const started = Date.now();
    const r = await run('render', yaml, '-o', join(folder(), 'huge.pdf'));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/huge\.yaml:9:\d+: エラー \[text-too-long\] [\s\S]*場所: strategies\[0\]\.indicators\[0\]\.name/);
  }, 60_000);
});

describe('11. a newline in an input file name', () => {
  it('keeps the stamp on one line: the next build reads its own YAML', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'in'));
    copyFileSync('input/narrative-r5.pdf', join(dir, 'in', 'r5\nnarrative.pdf'));
    expect((await run('build', join(dir, 'in'), '-o', join(dir, 'out'), '--jobs', '1')).code).toBe(0);
    const yaml = readFileSync(join(dir, 'out', 'r5\nnarrative.yaml'), 'utf8');
    expect(yaml.split('\n')[0]).toMatch(/^# tassei: extracted from r5\\nnarrative\.pdf; sha256 [0-9a-f]{64}$/);
    const again = await run('build', join(dir, 'in'), '-o', join(dir, 'out'), '--jobs', '1');
    expect(again.code).toBe(0);
    expect(again.err).not.toContain('build-kept-edits');
  }, 60_000);
});

describe('12. temporary files of a killed process', () => {
  it('are removed by the next write of the same file; those of a running process are left', async () => {
    const dir = folder();
    const out = join(dir, 'out.pdf');
    const dead = join(dir, '.out.pdf.tassei-4194301-0.tmp');
    const live = join(dir, `.out.pdf.tassei-${process.ppid}-0.tmp`);
    const other = join(dir, '.other.pdf.tassei-4194301-0.tmp');
    for (const f of [dead, live, other]) writeFileSync(f, 'partial');
    expect((await run('render', STRATEGY1, '-o', out)).code).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
    // A day-old one is stale even where its process id was given to another process since.
    utimesSync(live, new Date(Date.now() - 86_400_000), new Date(Date.now() - 86_400_000));
    expect((await run('render', STRATEGY1, '-o', out, '--force')).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['.other.pdf.tassei-4194301-0.tmp', 'out.pdf']);
  }, 60_000);
});

describe('14. years checked against each other', () => {
  it.each([['nextYear before fiscalYear', (t: string) => t.replace('nextYear: 2024', 'nextYear: 2022'), 'year-order', 'nextYear']])(
    '%s: exit 2 at its line',
    async (_, edit, rule, path) => {
      const yaml = join(folder(), 'n.yaml');
      writeFileSync(yaml, edit(readFileSync('test/fixtures/expected/narrative-r5.yaml', 'utf8')));
      const r = await run('evaluate', yaml);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`n\\.yaml:5:\\d+: エラー \\[${rule}\\][\\s\\S]*場所: ${path}`));
    },
  );

  it('a year note (R200) is exit 2 at its line', async () => {
    const yaml = join(folder(), 'k.yaml');
    writeFileSync(yaml, strategy1().replace('{ value: 3560, year: 2017, text: "3,560(H29)" }', '{ text: "3,560(R200)" }'));
    const r = await run('evaluate', yaml);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/k\.yaml:\d+:\d+: エラー \[year-implausible\] 年の注記 2218 年/);
  });
});
