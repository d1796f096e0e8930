import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import LineBreaker from 'linebreak';
import { eraName } from '../notation/numbers.js';
import { failure } from '../model/messages.js';
import { TextError } from '../model/errors.js';
import { t, verbatim } from '../model/i18n.js';
import { PACKAGE_ROOT } from '../io/files.js';
import { COLUMN_SPACING, TEXT_CLEARANCE, textWidth } from './columns.js';
import { measureText } from './fonts.js';
import { LINE_BREAK, type Segmenter, fitPhrases } from '../japanese/phrases.js';

/**
 * The layout templates: Handlebars files in templates/ that produce a pdfmake document
 * definition as JSON. Every value goes in through a helper that writes JSON; functions (page
 * numbers) are named in the template as { "$fn": name } and attached here.
 */

export const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates');

const BAR_HEIGHT = 8;

/**
 * One row of a status chart per bar (a summary grade of the scheme): its label, its count, and
 * its bar as a small SVG in the grade's colour, `width` long for a count of `scale` (the
 * document's largest), so that every chart of a document is drawn to one scale. The text stays
 * pdfmake text: text inside an SVG makes pdfkit open the font file again for every label.
 */
export function statusBars(
  bars: readonly { key: string; label: string; colour: string; count: number }[],
  scale: number,
  width: number,
): { key: string; label: string; count: number; width: number; svg: string }[] {
  const max = Math.max(1, scale, ...bars.map((bar) => bar.count));
  return bars.map(({ key, label, colour, count }) => {
    const w = Math.max(0.5, (count / max) * width).toFixed(1);
    return {
      key,
      label,
      count,
      width: Number(w),
      svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${BAR_HEIGHT}" viewBox="0 0 ${w} ${BAR_HEIGHT}"><rect x="0" y="0" width="${w}" height="${BAR_HEIGHT}" fill="${colour}"/></svg>`,
    };
  });
}

export interface TemplateContext {
  segment: Segmenter;
  /** Where the templates are; templates/ of the package unless a test says otherwise. */
  dir?: string;
}

/**
 * `extra=W from=K when=X`: where X holds, a last column of W points, its width and spacing taken
 * from column K (the 判定の達成率 column of a scheme that grades by it, from the names).
 */
function withExtraColumn(widths: number[], hash: Record<string, unknown>): number[] {
  if (!hash.when || hash.extra === undefined) return widths;
  const extra = Number(hash.extra);
  const from = Number(hash.from ?? 0);
  return [...widths.map((w, i) => (i === from ? w - extra - COLUMN_SPACING : w)), extra];
}

/** A phrase never broken inside; a LINE_BREAK of a cut phrase, a break of its own. */
function phraseRun(text: string): { text: string; noWrap?: true } {
  return text === LINE_BREAK ? LINE_BREAK_RUN : { text, noWrap: true };
}

const LINE_BREAK_RUN = { text: '\n' } as const;

/**
 * Whether pdfmake may break a line between two runs of text: it sets the last word of one and the
 * first word of the next on one line where the Unicode line-breaking rules (UAX #14, by the
 * `linebreak` package it uses itself) give no break between them, as inside a Latin word or
 * after an opening bracket.
 */
export function printerBreaks(before: string, after: string): boolean {
  const last = wordsOf(before).at(-1) ?? '';
  const first = wordsOf(after)[0] ?? '';
  return wordsOf(last + first).length > 1;
}

/** A text cut where UAX #14 allows a line break. */
function wordsOf(text: string): string[] {
  const breaker = new LineBreaker(text);
  const words: string[] = [];
  let from = 0;
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    words.push(text.slice(from, b.position));
    from = b.position;
  }
  return words;
}

/** A Handlebars environment with tassei's helpers, bound to a segmenter. */
export function createEnvironment(context: TemplateContext): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('json', (value: unknown) => new hb.SafeString(JSON.stringify(value ?? null)));
  /** A line's phrases; a head it must keep whole (whole=…) is one phrase where it fits. */
  const phrasesOf = (line: string, whole: unknown, width: number, size: number): string[] => {
    if (typeof whole !== 'string' || whole === '' || !line.startsWith(whole) || measureText(whole, size) > width) return context.segment(line);
    // The space after the head stays at its line's end where it fits there.
    const spaced = whole + /^\s*/u.exec(line.slice(whole.length))![0];
    const head = measureText(spaced, size) <= width ? spaced : whole;
    return [head, ...context.segment(line.slice(head.length))];
  };
  /** Text as pdfmake inline runs, one per phrase, so that lines break between phrases only. */
  hb.registerHelper('phrases', (text: unknown, options: Handlebars.HelperOptions) => {
    const width = Number(options.hash.width);
    const size = Number(options.hash.size);
    if (!Number.isFinite(width) || !Number.isFinite(size))
      throw new TextError(t('phrases には width=… と size=…（ポイント）が必要です', 'phrases needs width=… and size=… (points)'));
    const value = String(text ?? '');
    if (value === '') return new hb.SafeString('""');
    // Text that fits on one line needs no phrases.
    // A line break the text holds (実績値 over （令和5年度） in a heading) is kept: each line is
    // fitted by itself, and a break of its own stands between them (pdfmake keeps a break inside
    // a noWrap phrase on one line).
    const lines = value.split('\n').map((line, k) => {
      const fits = measureText(line, size) <= width;
      return fits || line === ''
        ? [line]
        : fitPhrases(
            phrasesOf(line, k === 0 ? options.hash.whole : undefined, width, size),
            width,
            (t) => measureText(t, size),
            printerBreaks,
            width + TEXT_CLEARANCE,
          );
    });
    const runs = lines.flatMap((line, k) => [...(k > 0 ? [LINE_BREAK_RUN] : []), ...line.filter((p) => p !== '').map(phraseRun)]);
    return new hb.SafeString(JSON.stringify(runs));
  });
  /** Text of a 新旧対照表 cell, phrase by phrase, its changed parts underlined (傍線). */
  hb.registerHelper('diffRuns', (parts: { text: string; changed: boolean }[], options: Handlebars.HelperOptions) => {
    const width = Number(options.hash.width);
    const size = Number(options.hash.size);
    const runs = (parts ?? []).flatMap((part) =>
      fitPhrases(part.text === '' ? [] : context.segment(part.text), width, (t) => measureText(t, size), printerBreaks, width + TEXT_CLEARANCE).map((text) =>
        text === LINE_BREAK ? LINE_BREAK_RUN : { ...phraseRun(text), ...(part.changed ? { decoration: 'underline' } : {}) },
      ),
    );
    return new hb.SafeString(runs.length > 0 ? JSON.stringify(runs) : '""');
  });
  /** A table's column widths, declared once (as numbers, or one list a view worked out): the block sees them as @columns. */
  hb.registerHelper('columns', function (this: unknown, ...args: unknown[]) {
    const options = args.pop() as Handlebars.HelperOptions;
    // Widths a view computed come as one list; a template's own as numbers.
    const widths = (args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args).map(Number);
    return options.fn(this, { data: { ...options.data, columns: withExtraColumn(widths, options.hash) } });
  });
  /** The width to fit text to in a cell: (textWidth @columns from span inset). */
  hb.registerHelper('textWidth', (widths: number[], from: number, ...rest: unknown[]) => {
    const [span, inset] = rest.slice(0, -1).map(Number);
    return textWidth(widths, Number(from), span ?? 1, inset ?? 0);
  });
  hb.registerHelper('era', (year: number, style: unknown) => eraName(Number(year), style === 'short' ? 'short' : 'long'));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
  hb.registerHelper('or', (a: unknown, b: unknown) => a || b);
  hb.registerHelper('concat', (...args: unknown[]) =>
    args
      .slice(0, -1)
      .map((a) => String(a ?? ''))
      .join(''),
  );
  hb.registerHelper('ifRatio', (ratio: unknown) => (ratio ? '※' : ''));
  /** ①観光の振興／②国際観光の推進 */
  hb.registerHelper('measureList', measureList);
  /** The bars of a status chart, from the view's chart (a bar per summary grade), to the document's scale. */
  hb.registerHelper('statusBars', (bars: Parameters<typeof statusBars>[0], options: Handlebars.HelperOptions) =>
    statusBars(bars, Number(options.hash.scale ?? 0), Number(options.hash.width ?? 180)),
  );
  /** Repeats the block for each item, the outputs joined by commas (for JSON arrays). */
  hb.registerHelper('list', function (this: unknown, items: unknown[], options: Handlebars.HelperOptions) {
    return (items ?? [])
      .map((item, index) => options.fn(item, { data: { ...options.data, index, first: index === 0, last: index === items.length - 1 } }))
      .filter((s) => s.trim() !== '')
      .join(',');
  });
  const partials = join(context.dir ?? TEMPLATE_DIR, 'partials');
  for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs'))) {
    hb.registerPartial(basename(file, '.hbs'), readFileSync(join(partials, file), 'utf8'));
  }
  return hb;
}

/** Functions a template may name as { "$fn": name, …arguments }. */
const FUNCTIONS: Record<string, (args: Record<string, unknown>) => unknown> = {
  /** Page numbers: `format` with {page} and {pages}. */
  /** Page numbers: `format` with {page} and {pages}; `below`, lines printed under the number. */
  pageNumber: (args) => (page: number, pages: number) => {
    const number = {
      text: String(args.format ?? '{page} / {pages}')
        .replace('{page}', String(page))
        .replace('{pages}', String(pages)),
      alignment: args.alignment ?? 'center',
      fontSize: args.fontSize ?? 8,
    };
    return { stack: [number, ...((args.below as unknown[] | undefined) ?? [])], margin: args.margin ?? [0, 8, 0, 0] };
  },
};

function attachFunctions(value: unknown, template: string): unknown {
  if (Array.isArray(value)) return value.map((v) => attachFunctions(v, template));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$fn === 'string') {
      const fn = FUNCTIONS[record.$fn];
      if (!fn)
        throw failure(template, 'template-function', t(`未知の関数 "${record.$fn}"`, `unknown function "${record.$fn}"`), {
          hint: t(`使える関数: ${Object.keys(FUNCTIONS).join(', ')}`, `known: ${Object.keys(FUNCTIONS).join(', ')}`),
        });
      return fn(record);
    }
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, attachFunctions(v, template)]));
  }
  return value;
}

/**
 * The environment of the package's templates, made once per process: the partials are read
 * and the templates compiled once, and serve every document; `segment` is what the helpers
 * cut text with, set for each document.
 */
export function sharedEnvironment(): { hb: typeof Handlebars; use(segment: Segmenter): void } {
  if (!shared) {
    let current: Segmenter = (text) => [text];
    shared = { hb: createEnvironment({ segment: (text) => current(text) }), use: (segment) => (current = segment) };
  }
  return shared;
}

let shared: { hb: typeof Handlebars; use(segment: Segmenter): void } | undefined;
const compiled = new WeakMap<typeof Handlebars, Map<string, Handlebars.TemplateDelegate>>();

/** Runs a template on a view and returns the pdfmake document definition. */
export function renderDefinition(hb: typeof Handlebars, name: string, view: object, dir = TEMPLATE_DIR): Record<string, unknown> {
  const file = join(dir, `${name}.hbs`);
  const shown = dir === TEMPLATE_DIR ? `templates/${name}.hbs` : file;
  let json: string;
  try {
    const templates = compiled.get(hb) ?? new Map<string, Handlebars.TemplateDelegate>();
    compiled.set(hb, templates);
    let template = templates.get(file);
    if (!template) {
      template = hb.compile(readFileSync(file, 'utf8'), { strict: true, noEscape: true });
      templates.set(file, template);
    }
    json = template(view);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    const problem = message
      .split('\n')
      .filter((l) => !/^\s*(\.\.\.|-*\^)/.test(l))
      .join(' ')
      .replace(/\s+/g, ' ');
    throw failure(shown, 'template-error', error instanceof TextError ? error.text : verbatim(problem), {
      ...(line ? { line: Number(line) } : {}),
      hint: t('テンプレートの構文と、使っている名前を確かめてください', 'check the template syntax and the names it uses'),
    });
  }
  try {
    return attachFunctions(JSON.parse(json), shown) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? 0);
    const before = json.slice(0, position);
    const line = before.split('\n').length;
    const around = json.split('\n')[line - 1]?.trim().slice(0, 120) ?? '';
    throw failure(
      shown,
      'template-json',
      t(
        `テンプレートの出力が正しい JSON ではありません（${error.message}）。出力の ${line} 行目: ${around}`,
        `the template did not produce valid JSON (${error.message}); output line ${line}: ${around}`,
      ),
      {
        hint: t('カンマの抜けや余分、または {{json …}} を通さずに書いた値', 'a missing or extra comma, or a value written without {{json …}}'),
      },
    );
  }
}

/** A policy's 施策 as printed: ①施策名／②施策名／… ((21) on past ⑳). */
export function measureList(measures: readonly string[]): string {
  return measures.map((m, i) => `${i < 20 ? String.fromCharCode(0x2460 + i) : `(${i + 1})`}${m}`).join('／');
}
