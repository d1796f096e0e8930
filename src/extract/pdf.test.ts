import { describe, expect, it } from 'vitest';
import { cyclicPdf, miniPdf, type MiniText } from '../../test/helpers/minipdf.js';
import { TasseiError } from '../model/errors.js';
import { type TextRun, readPdf, rulesOf, withWordEdges } from './pdf.js';
import { wordsOfRun } from './layout.js';

const cos = (deg: number) => Math.round(Math.cos((deg * Math.PI) / 180) * 1e6) / 1e6;
const sin = (deg: number) => Math.round(Math.sin((deg * Math.PI) / 180) * 1e6) / 1e6;
/** Text turned by `deg` counter-clockwise about its origin at x, y. */
const turned = (text: string, deg: number, x: number, y: number): MiniText => ({ text, matrix: [cos(deg), sin(deg), -sin(deg), cos(deg), x, y] });
const LINES = ['Strategy one', 'Policy two', 'Measure three', 'Indicator four'];

describe('readPdf: pages and text in any quarter turn are read upright', () => {
  // A portrait page of four lines, drawn at each quarter turn of the content and of /Rotate:
  // whichever way it was turned, the reader sees the same lines, top to bottom, left to right.
  const upright = miniPdf([{ texts: LINES.map((l, i) => turned(l, 0, 72, 700 - 20 * i)) }]);

  async function linesOf(pdf: Uint8Array) {
    const [page] = await readPdf(pdf, 'x.pdf');
    return { page: page!, lines: [...page!.runs].sort((a, b) => a.baseline - b.baseline).map((r) => [r.text, Math.round(r.x), Math.round(r.baseline)]) };
  }

  it.each([90, 180, 270])('a page with /Rotate %i', async (rotate) => {
    const expected = await linesOf(upright);
    const got = await linesOf(miniPdf([{ rotate, texts: LINES.map((l, i) => turned(l, 0, 72, 700 - 20 * i)) }]));
    expect(got.lines).toEqual(expected.lines);
    expect([got.page.width, got.page.height]).toEqual([595, 842]);
    expect(got.page.unplaced).toEqual([]);
  });

  it.each([90, 180, 270])('content drawn turned by %i° on a landscape-sized page', async (deg) => {
    // The portrait page's content turned about the origin and moved back into the media box.
    const [w, h] = deg === 180 ? [595, 842] : [842, 595];
    const shift = (x: number, y: number): [number, number] => (deg === 90 ? [w - y, x] : deg === 180 ? [w - x, h - y] : [y, h - x]);
    const texts = LINES.map((l, i) => {
      const [x, y] = shift(72, 700 - 20 * i);
      return turned(l, deg, x, y);
    });
    const got = await linesOf(miniPdf([{ width: w, height: h, texts }]));
    expect(got.lines).toEqual((await linesOf(upright)).lines);
  });

  it('keeps text in other directions apart, to be named, and reads the rest', async () => {
    const texts = [...LINES.map((l, i) => turned(l, 0, 72, 700 - 20 * i)), turned('STAMP', 45, 300, 300), turned('Tate', 90, 500, 500)];
    const { page } = await linesOf(miniPdf([{ texts }]));
    expect(page.runs.map((r) => r.text).filter((t) => t.trim())).toEqual(LINES);
    expect(page.unplaced).toEqual(['STAMP', 'Tate']);
  });

  it('names a page text set only in other directions, not as a scan', async () => {
    const pdf = miniPdf([{ texts: [turned('STAMP', 45, 300, 300)] }]);
    await expect(readPdf(pdf, 'x.pdf')).rejects.toThrow(/pdf-text-direction/);
  });

  it('a page tree that holds itself is a located error, not a crash', async () => {
    const error = await readPdf(cyclicPdf(), 'cycle.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TasseiError);
    expect((error as TasseiError).messages[0]).toMatchObject({ rule: 'pdf-page-unreadable', file: 'cycle.pdf', page: 2 });
  });
});

describe('rulesOf: ruling lines, not letters drawn as outlines', () => {
  const IDENTITY: [number, number, number, number, number, number] = [1, 0, 0, 1, 0, 0];
  const [STROKE, FILL, CONSTRUCT_PATH] = [20, 22, 91];
  /** One painted path of pdf.js's operator list: moveTo 0, lineTo 1, closePath 3. */
  const painted = (paint: number, ...subpaths: number[][][]) => ({
    fnArray: [CONSTRUCT_PATH],
    argsArray: [[paint, [subpaths.flatMap((points) => [0, ...points[0]!, ...points.slice(1).flatMap((p) => [1, ...p]), 3])]]],
  });

  it('reads a thin filled rectangle as a rule', () => {
    const { horizontal } = rulesOf(
      painted(FILL, [
        [10, 100],
        [300, 100],
        [300, 100.5],
        [10, 100.5],
      ]),
      IDENTITY,
    );
    expect(horizontal).toHaveLength(1);
  });

  it('reads a stroked box as four rules', () => {
    const { horizontal, vertical } = rulesOf(
      painted(STROKE, [
        [10, 100],
        [300, 100],
        [300, 120],
        [10, 120],
      ]),
      IDENTITY,
    );
    expect([horizontal.length, vertical.length]).toEqual([2, 2]);
  });

  it('reads a small cell box drawn back to its start before closing as four rules', () => {
    const { horizontal, vertical } = rulesOf(
      painted(STROKE, [
        [10, 100],
        [28, 100],
        [28, 114],
        [10, 114],
        [10, 100],
      ]),
      IDENTITY,
    );
    expect([horizontal.length, vertical.length]).toEqual([2, 2]);
  });

  it('reads nothing in a letter drawn as a stroked outline (a kanji of 10 pt, strokes of 4.5 pt)', () => {
    // The outline of 十 as cairo strokes bold text: twelve corners within 10 pt.
    const ten = [
      [100, 104.5],
      [104.5, 104.5],
      [104.5, 100],
      [105.5, 100],
      [105.5, 104.5],
      [110, 104.5],
      [110, 105.5],
      [105.5, 105.5],
      [105.5, 110],
      [104.5, 110],
      [104.5, 105.5],
      [100, 105.5],
    ];
    expect(rulesOf(painted(STROKE, ten), IDENTITY)).toEqual({ horizontal: [], vertical: [] });
  });
});

describe('word edges: each word of a run where the page drew its glyphs', () => {
  it('measures letter-spaced words where they stand, which an estimate from the run’s ends cannot (Helvetica at 10 pt, Tc 2)', async () => {
    const pdf = miniPdf([{ texts: [{ text: 'ABC', matrix: [1, 0, 0, 1, 100, 700], size: 10, charSpacing: 2 }] }]);
    const [page] = await readPdf(pdf, 'spaced.pdf');
    // pdf.js gives the letters 0.2 em apart as words of one run (A B C); A and B are 6.67 wide, C 7.22, each with 2 after.
    const run = page!.runs.find((r) => r.text === 'A B C')!;
    expect(run.words).toEqual([
      [100, 106.67],
      [108.67, 115.34],
      [117.34, 124.56],
    ]);
    expect(wordsOfRun(run).map((w) => w.x)).toEqual([100, 108.67, 117.34]);
  });

  const run = (text: string): TextRun => ({ text, x: 10, baseline: 100, width: 38, size: 10, font: 'f' });
  const glyph = (text: string, x: number, baseline = 100) => ({ text, x, right: x + 8, baseline });

  it('takes the glyphs at the run’s baseline between its ends, a glyph drawn twice at one place once (a bold overprinted)', () => {
    const runs = [run('現 状値')];
    withWordEdges(runs, [glyph('現', 10), glyph('状', 30), glyph('状', 30.02), glyph('値', 40), glyph('外', 70), glyph('下', 30, 112)]);
    expect(runs[0]!.words).toEqual([
      [10, 18],
      [30, 48],
    ]);
  });

  it('leaves the estimate where the glyphs spell the run but stop short of its ends (glyphs placed by another measure)', () => {
    const runs = [run('現 状')];
    withWordEdges(runs, [glyph('現', 10), glyph('状', 20)]);
    expect(runs[0]!.words).toBeUndefined();
  });

  it('leaves the estimate where the glyphs do not spell the run (a text replaced by the span’s actual text)', () => {
    const runs = [run('− 5')];
    withWordEdges(runs, [glyph('5', 30)]);
    expect(runs[0]!.words).toBeUndefined();
  });
});
