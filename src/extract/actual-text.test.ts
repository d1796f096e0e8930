import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ContentItem, actualTextIn, markedPlacesOf, markedSpansOf, pageContentOf, pdfFileOf, withActualText } from './actual-text.js';

describe('markedSpansOf: the spans of a content stream, in order', () => {
  it.each([
    ['a hex string after its byte-order mark (Chromium)', '/Span<</ActualText <feff2212> >> BDC <0086> Tj EMC', ['−']],
    ['a literal string with escapes', '/Span <</ActualText (\\376\\377\\000\\(\\040\\025)>> BDC (x) Tj EMC', ['(―']],
    ['a tag without text, an MCID, then a span', '/P BMC EMC /NonStruct <</MCID 3>> BDC /Span<</ActualText<feff3000>>>BDC (\\f)Tj EMC EMC', [null, null, '　']],
    ['a property list by name', '/Span /MC0 BDC (a) Tj EMC', [null]],
    ['operators inside strings and comments are text', '(BDC) Tj % /X BMC\n<414243> Tj /Span <</ActualText (A\\)B)>> BDC EMC', ['A)B']],
    ['an inline image whose data holds what looks like operators', 'BI /W 1 /H 1 ID BMC BDC EI /Span <</ActualText (x)>> BDC EMC', ['x']],
  ])('%s', (_, content, expected) => {
    expect(markedSpansOf(content).map((s) => s.actualText)).toEqual(expected);
  });
});

describe('actualTextIn', () => {
  it.each([
    ['<</ActualText <FEFF 76EE>>>', '目'],
    ['<</Lang (ja) /ActualText (abc)>>', 'abc'],
    ['<</MCID 4>>', null],
  ])('%s', (dictionary, expected) => {
    expect(actualTextIn(dictionary)).toBe(expected);
  });
});

describe('pageContentOf: a page object’s streams from the file', () => {
  const streamObject = (num: number, data: string, flate: boolean) => {
    const bytes = flate ? deflateSync(Buffer.from(data, 'latin1')).toString('latin1') : data;
    return `${num} 0 obj\n<< /Length ${bytes.length}${flate ? ' /Filter /FlateDecode' : ''} >>\nstream\n${bytes}\nendstream\nendobj\n`;
  };
  const file = pdfFileOf(
    Buffer.from(
      [
        '%PDF-1.7\n',
        '2 0 obj\n<< /Type /Page /Contents [5 0 R 6 0 R] >>\nendobj\n',
        '3 0 obj\n<< /Type /Page /Contents 6 0 R >>\nendobj\n',
        streamObject(5, 'BT /Span<</ActualText <feff2212>>> BDC', true),
        streamObject(6, '<01> Tj EMC ET', false),
        '12 0 obj\n<< /Type /Page /Contents 9 0 R >>\nendobj\n',
      ].join(''),
      'latin1',
    ),
  );

  it('joins the streams of /Contents, inflating those in Flate', () => {
    expect(pageContentOf(file, { num: 2, gen: 0 })).toBe('BT /Span<</ActualText <feff2212>>> BDC\n<01> Tj EMC ET');
    expect(pageContentOf(file, { num: 3, gen: 0 })).toBe('<01> Tj EMC ET');
  });

  it('gives up where an object is not in the file as such (in an object stream, missing)', () => {
    expect([...file.objects.keys()]).toEqual(['2 0', '3 0', '5 0', '6 0', '12 0']);
    expect(pageContentOf(file, { num: 12, gen: 0 })).toBeNull();
    expect(pageContentOf(file, { num: 7, gen: 0 })).toBeNull();
  });
});

describe('withActualText: the items of pdf.js with the spans’ text', () => {
  const open: ContentItem = { type: 'beginMarkedContentProps' };
  const close: ContentItem = { type: 'endMarkedContent' };
  const at = (x: number, y = 100) => [10, 0, 0, 10, x, y];
  const text = (str: string, x: number, width = 10): ContentItem => ({ str, transform: at(x), width });
  const strs = (items: ContentItem[]) => items.filter((i) => i.str).map((i) => [i.str, i.transform![4]]);

  it('replaces what pdf.js gave inside a span (— for ―, ⽬ for 目) by its text', () => {
    const items = [open, text(' ', 40), text('—', 50), close, text('標', 60)];
    expect(strs(withActualText(items, [{ actualText: '―' }], [null]))).toEqual([
      [' ', 40],
      ['―', 50],
      ['標', 60],
    ]);
    const two = [open, text('⽬', 50), text('x', 60), close];
    expect(strs(withActualText(two, [{ actualText: '目' }], [null]))).toEqual([['目', 50]]);
  });

  it('puts a glyph pdf.js lost where it was drawn, before text set apart from it (− 評価できない)', () => {
    const items = [open, close, text('', 53.8), text('評価できない', 53.8)];
    const place = { transform: at(45.8), width: 4.25 };
    const out = withActualText(items, [{ actualText: '−' }], [place]);
    expect(strs(out)).toEqual([
      ['−', 45.8],
      ['評価できない', 53.8],
    ]);
    expect(out.find((i) => i.str === '−')!.width).toBe(4.25);
  });

  it('starts the text drawn next with it where pdf.js put that text at the glyph’s own place (−:把握できない)', () => {
    const items = [open, close, text('', 24), text(':把握できない', 24)];
    expect(strs(withActualText(items, [{ actualText: '−' }], [{ transform: at(24), width: 4 }]))).toEqual([['−:把握できない', 24]]);
  });

  it('a lost glyph alone in its cell is an item of its own', () => {
    const items = [open, close, open, text('次', 90), close];
    const out = withActualText(items, [{ actualText: '―' }, { actualText: null }], [{ transform: at(70), width: 10 }, null]);
    expect(strs(out)).toEqual([
      ['―', 70],
      ['次', 90],
    ]);
  });

  it('leaves the items as they were where spans and marked content do not pair one to one (a form’s marked content)', () => {
    const items = [open, text('—', 50), close, open, close];
    expect(withActualText(items, [{ actualText: '―' }], [null])).toEqual(items);
  });
});

describe('markedPlacesOf: where each span first shows glyphs, from the operator list', () => {
  it('follows the text and graphics state: a span’s matrix, its glyphs’ advance, a span that shows nothing', () => {
    const glyph = (width: number) => ({ width, unicode: '' });
    const ops = {
      // q, cm (scale 0.75, flip), BT, Tf 10, span: Tm, Tj(500); EMC; BMC EMC; span: Td, TJ [glyph 1000, -500, glyph 1000]; EMC
      fnArray: [10, 12, 31, 37, 70, 42, 44, 71, 69, 71, 70, 40, 45, 71, 11],
      argsArray: [
        [],
        [0.75, 0, 0, -0.75, 0, 800],
        [],
        ['f1', 10],
        ['Span', null],
        [new Float32Array([1, 0, 0, -1, 40, 100])],
        [[glyph(500)]],
        [],
        ['P'],
        [],
        ['Span', null],
        [20, 0],
        [[glyph(1000), -500, glyph(1000)]],
        [],
        [],
      ],
    };
    const places = markedPlacesOf(ops);
    expect(places).toHaveLength(3);
    expect(places[0]!.transform.map((v) => +v.toFixed(2))).toEqual([7.5, 0, 0, 7.5, 30, 725]);
    expect(places[0]!.width).toBeCloseTo(3.75);
    expect(places[1]).toBeNull();
    // Td from the line's start (40), not from after the glyph.
    expect(places[2]!.transform[4]).toBeCloseTo(45);
    expect(places[2]!.width).toBeCloseTo(0.75 * 25);
  });
});
