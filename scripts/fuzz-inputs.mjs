#!/usr/bin/env node
/**
 * Mutates the samples as a careless or hostile user would (bytes of the PDFs; keys, values,
 * lines and encodings of the YAML; entries, sizes, XML and names of exported workbooks given to
 * `sheet import`), runs the command line on each, and reports every run that
 * ends with an exit code other than 0, 1 or 2, prints a stack trace, or does not finish in time.
 * Each such input is saved with its command and output for reproduction.
 *
 *   npm run fuzz:inputs -- [DURATION]      DURATION: 300 (seconds), 5m; or FUZZ_DURATION
 *   FUZZ_SEED=n      the same mutations again
 *   FUZZ_JOBS=n      runs at a time (2)
 *   FUZZ_OUT=dir     where findings go (fuzz-findings/)
 *
 * Concurrent imports are tried too: three departments' sheets imported at once into one YAML, a
 * finding where any answer is missing afterwards.
 *
 * Exit code 1 where anything was found.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Encoding from 'encoding-japanese';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const PDFS = ['input/kpi-r1.pdf', 'input/narrative-r5.pdf'].map((f) => join(ROOT, f));
const YAMLS = ['test/fixtures/expected/kpi-r1.yaml', 'test/fixtures/expected/narrative-r5.yaml', 'test/fixtures/yaml/kpi-strategy1.yaml'].map((f) =>
  join(ROOT, f),
);
/** A run longer than this is a finding (a hang, or a limit an attacker passes). */
const RUN_TIMEOUT_MS = 60_000;

function parseDuration(text) {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|min)?$/.exec(String(text ?? '').trim());
  if (!match) return 300;
  return Number(match[1]) * (match[2] === 'm' || match[2] === 'min' ? 60 : 1);
}

const seconds = parseDuration(process.argv[2] ?? process.env.FUZZ_DURATION ?? '300');
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const jobs = Math.max(1, Number(process.env.FUZZ_JOBS ?? 2));
const findingsDir = process.env.FUZZ_OUT ?? join(ROOT, 'fuzz-findings');

/** mulberry32: a small seeded generator, so that a seed gives the same inputs again. */
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(random() * n);
const pick = (list) => list[int(list.length)];

/** Values people type, and values an attacker tries. */
const VALUES = [
  '.inf',
  '-.inf',
  '.nan',
  '1e400',
  '-1e400',
  '9'.repeat(400),
  `0.${'0'.repeat(400)}1`,
  'Infinity',
  'NaN',
  '"Infinity%"',
  '45%',
  '３５８０',
  '△12',
  '▲1,234',
  '-',
  '""',
  'null',
  '~',
  '[]',
  '{}',
  'true',
  '0x1F',
  '0o17',
  '1_000',
  '"3,560(R200)"',
  '"3,560(H0)"',
  '"12(S64)"',
  '(R1)',
  '0',
  '-0',
  '2147483648',
  '9007199254740993',
  '𠮷野家',
  '한국어',
  '😀👨‍👩‍👧',
  '"\\u0007\\u0000"',
  '"a\\nb"',
  `"${'観'.repeat(3000)}"`,
  `"${'観光振興'.repeat(3000)}"`,
  '&a x',
  '*a',
  '*undefined',
  '!!binary aGVsbG8=',
  '!!js/function "f(){}"',
  '{ __proto__: { polluted: 1 } }',
  '"<script>"',
  '"{{json this}}"',
  '"${x}"',
  "'",
  '"',
  '- - -',
  '? x',
  '|',
  '>-',
];
/** Numbers at the edges of what a binary number holds. */
const EXTREMES = VALUES.slice(0, 7);
const KEYS = [
  'kind',
  'title',
  'fiscalYear',
  'nextYear',
  'no',
  'name',
  'unit',
  'method',
  'baseline',
  'actual',
  'target',
  'value',
  'year',
  'text',
  'reported',
  'progress',
  'status',
  'policies',
  'measures',
  'indicators',
  'goals',
  'results',
  'plans',
  'reportedSummary',
  '__proto__',
  'constructor',
];

/** Replaces one match of a global pattern, chosen at random (not always the first of the line). */
function replaceOne(line, pattern, replace) {
  const matches = [...line.matchAll(pattern)];
  if (matches.length === 0) return line;
  const m = pick(matches);
  return line.slice(0, m.index) + replace(m[1]) + line.slice(m.index + m[0].length);
}

function yamlMutation(lines) {
  const i = int(lines.length);
  const line = lines[i] ?? '';
  switch (int(14)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, line);
      break;
    case 2: {
      const j = int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    }
    case 3:
    case 4:
    case 5:
      lines[i] = replaceOne(line, /(:\s*)([^{}[\],:]+?)(?=\s*(?:[,}]|$))/g, (a) => `${a}${pick(VALUES)}`);
      break;
    case 6:
      lines[i] = line.replace(/([A-Za-z_]+)(\s*:)/, (_, __, b) => `${pick(KEYS)}${b}`);
      break;
    case 7:
      lines[i] = line.replace(/([A-Za-z]+)(\s*:)/, (_, k, b) => `${k.slice(0, -1)}${k.slice(-1) === 'e' ? 'a' : 'e'}${b}`);
      break;
    case 8:
      lines[i] = (random() < 0.5 ? ' ' : '') + line.slice(random() < 0.5 ? 1 : 0);
      break;
    case 9:
      lines.splice(i, 0, pick(['stray', '---', '...', '%YAML 1.1', '- orphan', '  : x', '\t', '# comment']));
      break;
    case 10:
      lines[i] = line.replace(/no: \d+/, `no: ${pick([1, 1, 2, 0, -1, 99, 1.5])}`);
      break;
    case 11:
    case 12: {
      // A measured or reported number, where careless typing and hostile values do most harm.
      const places = lines.flatMap((l, k) => (/\b(?:value|progress|text|fiscalYear|nextYear|year): /.test(l) ? [k] : []));
      const k = pick(places);
      if (k !== undefined)
        lines[k] = replaceOne(
          lines[k],
          /((?:value|progress|text|fiscalYear|nextYear|year): )([^,}\n]+)/g,
          (a) => `${a}${pick(random() < 0.5 ? EXTREMES : VALUES)}`,
        );
      break;
    }
    default:
      lines[i] = line.replace(/\d+/, () => String(pick([0, 1, 2200, 2218, 1867, 99999, -5, 2019])));
      break;
  }
}

const BOMB = (depth) => {
  const names = 'abcdefghij';
  const out = [`${names[0]}: &${names[0]} [x,x,x,x,x,x,x,x,x,x]`];
  for (let d = 1; d < depth; d++)
    out.push(
      `${names[d]}: &${names[d]} [${Array(10)
        .fill(`*${names[d - 1]}`)
        .join(',')}]`,
    );
  return out.join('\n');
};

function mutateYaml(text) {
  const lines = text.split('\n');
  const count = 1 + int(random() < 0.7 ? 3 : 30);
  for (let k = 0; k < count; k++) yamlMutation(lines);
  let out = lines.join('\n');
  const whole = int(20);
  if (whole === 0) out = `${BOMB(2 + int(8))}\n${out}`;
  if (whole === 1) out = out.slice(0, int(out.length));
  if (whole === 2) out = `${'['.repeat(1000 + int(50_000))}`;
  if (whole === 3) return new Uint8Array(Encoding.convert(Encoding.stringToCode(out), { to: pick(['SJIS', 'EUCJP', 'UTF16', 'JIS']), from: 'UNICODE' }));
  if (whole === 4) return new Uint8Array(Buffer.from(`\uFEFF${out}`, 'utf16le'));
  if (whole === 5) out = out.replace(/\n/g, '\r\n');
  return new Uint8Array(Buffer.from(out));
}

function mutatePdf(bytes) {
  let data = Buffer.from(bytes);
  const count = 1 + int(random() < 0.7 ? 4 : 200);
  for (let k = 0; k < count; k++) {
    const at = int(data.length);
    switch (int(9)) {
      case 0:
        data[at] = int(256);
        break;
      case 1:
        data = Buffer.concat([data.subarray(0, at), data.subarray(Math.min(data.length, at + 1 + int(2000)))]);
        break;
      case 2: {
        const len = int(4000);
        data = Buffer.concat([data.subarray(0, at), data.subarray(at, at + len), data.subarray(at)]);
        break;
      }
      case 3:
        data = data.subarray(0, Math.max(16, at));
        break;
      case 4: {
        // A number in the PDF syntax (an offset, a length, a count, a coordinate) made extreme.
        const text = data.toString('latin1');
        const re = /\d+(?:\.\d+)?/g;
        re.lastIndex = at;
        const m = re.exec(text);
        if (m)
          data = Buffer.from(
            text.slice(0, m.index) + pick(['0', '-1', '99999999999', '1e400', '4294967296', '3', '1.5', '-0']) + text.slice(m.index + m[0].length),
            'latin1',
          );
        break;
      }
      case 5: {
        const text = data.toString('latin1');
        const i = text.indexOf('/Type /Page', at) >= 0 ? text.indexOf('/Type /Page', at) : text.indexOf('/Type/Page', at);
        if (i >= 0) data = Buffer.from(`${text.slice(0, i)}/Rotate ${pick([90, 180, 270, 45, -90, 720])} ${text.slice(i)}`, 'latin1');
        break;
      }
      case 6: {
        const text = data.toString('latin1');
        data = Buffer.from(
          text.replace(/(\d+) 0 R/, () => `${1 + int(40)} 0 R`),
          'latin1',
        );
        break;
      }
      case 7:
        data = Buffer.concat([
          data.subarray(0, at),
          Buffer.from(pick(['endobj', 'stream\n', '<<', '>>', '%%EOF', 'xref\n0 1\n', '/Kids [1 0 R]', '/Count 999999999', '/Length 0'])),
          data.subarray(at),
        ]);
        break;
      default:
        for (let j = 0; j < 16 && at + j < data.length; j++) data[at + j] ^= 1 << int(8);
        break;
    }
  }
  return new Uint8Array(data);
}

function runCli(args, cwd) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'ja_JP.UTF-8' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      if (out.length < 1_000_000) out += d;
    });
    child.stderr.on('data', (d) => {
      if (err.length < 1_000_000) err += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, ms: Date.now() - started });
    });
  });
}

/** A trace line of a JavaScript stack, or the CLI's own last resort. */
const STACK = /\n\s+at .+(?:\.m?[jt]s|<anonymous>|node:[\w/]+):\d+(?::\d+)?\)?\s*(?:\n|$)|internal error/;

function commandsFor(kind, file, original) {
  const out = (ext) => join(dirname(file), `out-${int(1e9)}${ext}`);
  if (kind === 'pdf') {
    return pick([
      ['extract', file],
      ['extract', file, '--format', 'json'],
      ['evaluate', file, '--format', 'json'],
      ['render', file, '-o', out('.pdf')],
      ['build', dirname(file), '-o', join(dirname(file), 'out'), '--jobs', '1'],
    ]);
  }
  return pick([
    ['evaluate', file],
    ['evaluate', file, '--format', 'json', '--strict'],
    ['evaluate', file],
    ['render', file, '-o', out('.pdf')],
    ['next', file, '-o', out('.yaml')],
    ['diff', original, file, '--format', 'json'],
    ['build', dirname(file), '-o', join(dirname(file), 'out'), '--jobs', '1'],
  ]);
}

const work = mkdtempSync(join(tmpdir(), 'tassei-fuzz-'));

/**
 * Next year's document of strategy 1 with three departments, and its exported workbooks filled in
 * (each answer its row number plus last year's figure): what workbook mutations start from.
 */
async function workbookSetup() {
  const dir = join(work, 'setup');
  mkdirSync(dir);
  const doc = join(dir, 'kpi-r2.yaml');
  const departments = ['商工観光課', '農林課', '健康増進課'];
  const last = readFileSync(join(ROOT, 'test/fixtures/yaml/kpi-strategy1.yaml'), 'utf8');
  let k = 0;
  writeFileSync(
    join(dir, 'kpi-r1.yaml'),
    last.replace(/^(\s+)(unit: .*)$/gm, (_, indent, unit) => `${indent}${unit}\n${indent}department: ${departments[k++ % 3]}`),
  );
  await runCli(['next', join(dir, 'kpi-r1.yaml'), '-o', doc], ROOT);
  await runCli(['sheet', 'export', doc, '-o', join(dir, 'sheets'), '--by', 'department'], ROOT);
  const sheets = [];
  for (const department of departments) {
    const file = join(dir, 'sheets', `kpi-r2-${department}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('実績記入');
    for (let r = 5; sheet.getCell(`A${r}`).value; r++) sheet.getCell(`H${r}`).value = r;
    await book.xlsx.writeFile(file);
    sheets.push(file);
  }
  return { doc, sheets, yaml: readFileSync(doc, 'utf8') };
}

/** What a workbook's XML may be given instead of what it held. */
const CELL_VALUES = ['12abc', '1e400', 'NaN', '-0', '', '99999999999999999999', '<', '&amp;', '\u0001', '3,580', 'R100'];
const ODD_NAMES = ['A/B', 'A\u202eB', 'A\u200bB', '\t名前', '名前\u3000', 'CON', '..', '\u0001', '𠮷'];

async function mutateWorkbook(bytes) {
  if (random() < 0.2) return mutatePdf(bytes); // raw bytes: a damaged zip
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  for (let k = 1 + int(3); k > 0; k--) {
    const name = pick(names);
    switch (int(7)) {
      case 0:
        zip.remove(name);
        break;
      case 1: // a large entry of zeros: a bomb within or past the limits
        zip.file(`xl/media/${int(1e6)}.bin`, Buffer.alloc(pick([1024, 1 << 20, 17 << 20, 40 << 20])));
        break;
      case 2: {
        const xml = await zip.file(name)?.async('string');
        if (xml) zip.file(name, xml.replace(/<v>[^<]*<\/v>/, `<v>${pick(CELL_VALUES)}</v>`));
        break;
      }
      case 3: {
        const xml = await zip.file(name)?.async('string');
        if (xml) zip.file(name, xml.replace(/<t( [^>]*)?>[^<]*<\/t>/, `<t>${pick(ODD_NAMES)}</t>`));
        break;
      }
      case 4: {
        const xml = await zip.file('xl/worksheets/sheet1.xml')?.async('string');
        if (xml)
          zip.file(
            'xl/worksheets/sheet1.xml',
            xml.replace(
              '</sheetData>',
              `${'<row/>'.repeat(pick([10, 5000, 30000]))}<row r="${pick([6, 1048576])}"><c r="H${pick([6, 1048576])}"><v>1</v></c></row></sheetData>`,
            ),
          );
        break;
      }
      case 5: {
        const xml = await zip.file(name)?.async('string');
        if (xml) zip.file(name, xml.slice(0, int(xml.length)));
        break;
      }
      default: {
        const xml = await zip.file('xl/workbook.xml')?.async('string');
        if (xml) zip.file('xl/workbook.xml', xml.replace(/name="[^"]*"/, `name="${pick(['実績記入 ', 'Sheet1', 'tassei', '記入方法'])}"`));
      }
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Three imports at once into one copy of the document: every sheet's answers must be there after. */
async function concurrentImports(setup, dir) {
  const doc = join(dir, 'kpi-r2.yaml');
  writeFileSync(doc, setup.yaml);
  const results = await Promise.all(setup.sheets.map((sheet) => runCli(['sheet', 'import', doc, sheet, '-o', doc], ROOT)));
  const blank = (readFileSync(doc, 'utf8').match(/text: ""/g) ?? []).length;
  const exit = results.map((r) => r.code).join(',');
  return {
    args: ['sheet', 'import', '(three at once)'],
    result: {
      ...results[0],
      code: blank === 0 && exit === '0,0,0' ? 0 : 99,
      err: `exits ${exit}; ${blank} answer(s) missing\n${results.map((r) => r.err).join('')}`,
    },
    file: doc,
  };
}
let setup = null;
const counts = { tried: 0, byCommand: {}, byExit: {}, findings: 0 };
const deadline = Date.now() + seconds * 1000;
let serial = 0;

async function one() {
  const n = serial++;
  if (setup && random() < 0.3) return oneWorkbook(n);
  const isPdf = random() < 0.4;
  const source = pick(isPdf ? PDFS : YAMLS);
  const data = isPdf ? mutatePdf(readFileSync(source)) : mutateYaml(readFileSync(source, 'utf8'));
  const dir = join(work, String(n));
  mkdirSync(dir);
  const file = join(dir, `${basename(source, isPdf ? '.pdf' : '.yaml')}-mutated${isPdf ? '.pdf' : '.yaml'}`);
  writeFileSync(file, data);
  const args = commandsFor(isPdf ? 'pdf' : 'yaml', file, source);
  const result = await runCli(args, ROOT);
  counts.tried++;
  counts.byCommand[args[0]] = (counts.byCommand[args[0]] ?? 0) + 1;
  const exit = result.signal ? `signal ${result.signal}` : String(result.code);
  counts.byExit[exit] = (counts.byExit[exit] ?? 0) + 1;
  const bad = result.signal !== null || ![0, 1, 2].includes(result.code) || STACK.test(result.err) || STACK.test(result.out);
  if (bad) {
    counts.findings++;
    const saved = join(findingsDir, `${seed}-${n}`);
    mkdirSync(saved, { recursive: true });
    copyFileSync(file, join(saved, basename(file)));
    const command = args.map((a) => (a === file ? basename(file) : a.startsWith(dir) ? a.slice(dir.length + 1) : a));
    writeFileSync(
      join(saved, 'command.txt'),
      `cd ${saved} && node ${CLI} ${command.map((a) => JSON.stringify(a)).join(' ')}\n# exit ${exit} after ${result.ms} ms\n`,
    );
    writeFileSync(join(saved, 'stderr.txt'), result.err);
    process.stderr.write(`finding: ${args[0]} ${basename(file)} → exit ${exit} (${result.ms} ms); saved in ${saved}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A mutated workbook imported (or, now and then, three real ones imported at once). */
async function oneWorkbook(n) {
  const dir = join(work, String(n));
  mkdirSync(dir);
  let run;
  if (random() < 0.1) {
    run = await concurrentImports(setup, dir);
  } else {
    const file = join(dir, `kpi-r2-mutated.xlsx`);
    writeFileSync(file, await mutateWorkbook(readFileSync(pick(setup.sheets))));
    const args = ['sheet', 'import', setup.doc, file, '-o', join(dir, 'out.yaml')];
    run = { args, result: await runCli(args, ROOT), file };
  }
  const { args, result, file } = run;
  counts.tried++;
  counts.byCommand['sheet import'] = (counts.byCommand['sheet import'] ?? 0) + 1;
  const exit = result.signal ? `signal ${result.signal}` : String(result.code);
  counts.byExit[exit] = (counts.byExit[exit] ?? 0) + 1;
  if (result.signal !== null || ![0, 1, 2].includes(result.code) || STACK.test(result.err)) {
    counts.findings++;
    const saved = join(findingsDir, `${seed}-${n}`);
    mkdirSync(saved, { recursive: true });
    copyFileSync(file, join(saved, basename(file)));
    writeFileSync(join(saved, 'command.txt'), `node ${CLI} ${args.map((a) => JSON.stringify(a)).join(' ')}\n# exit ${exit} after ${result.ms} ms\n`);
    writeFileSync(join(saved, 'stderr.txt'), result.err);
    process.stderr.write(`finding: ${args.slice(0, 2).join(' ')} ${basename(file)} → exit ${exit} (${result.ms} ms); saved in ${saved}\n`);
  }
  rmSync(dir, { recursive: true, force: true });
}

async function worker() {
  while (Date.now() < deadline) await one();
}

process.stderr.write(`fuzzing for ${seconds} s with seed ${seed}, ${jobs} at a time…\n`);
const started = Date.now();
setup = await workbookSetup();
await Promise.all(Array.from({ length: jobs }, worker));
rmSync(work, { recursive: true, force: true });
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
process.stdout.write(`${JSON.stringify({ seed, minutes: Number(minutes), ...counts }, null, 2)}\n`);
process.stderr.write(`${counts.tried} inputs in ${minutes} min, ${counts.findings} finding(s)${counts.findings ? ` in ${findingsDir}` : ''}\n`);
process.exitCode = counts.findings > 0 ? 1 : 0;
