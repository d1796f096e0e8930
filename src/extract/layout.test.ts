import { describe, expect, it } from 'vitest';
import type { PageContent, TextRun } from './pdf.js';
import { lostText } from './extract.js';
import stringWidth from 'string-width';
import { emWidth, furnitureOf, joinWrapped, layOut, linesOf, normalizeGlyphs, phrasesOf, sameSize, withLetterSpacingJoined, wordsOfRun } from './layout.js';
import { splitMeasures } from './narrative.js';
import { splitNumber } from './kpi.js';

const run = (text: string, x: number, width: number, baseline = 100, size = 10): TextRun => ({ text, x, baseline, width, size, font: 'f' });
/** A run one em a character wide (CJK), at `size` points. */
const at = (text: string, x: number, baseline: number, size = 10) => run(text, x, [...text].length * size, baseline, size);

describe('normalizeGlyphs', () => {
  it.each([
    ['⾼校', '高校'], // Kangxi radical U+2F7C
    ['住⺠票', '住民票'], // CJK radical supplement U+2EA0, as Skia maps Noto CJK
    ['関⻄圏', '関西圏'],
    ['交流‧関係', '交流・関係'], // U+2027 for the katakana middle dot
    ['R6〜R7', 'R6～R7'], // wave dash for the full-width tilde
    ['①観光∕②交流', '①観光／②交流'],
    ['３，５６０', '３，５６０'], // widths stay as printed
  ])('%s → %s', (input, output) => expect(normalizeGlyphs(input)).toBe(output));
});

describe('furnitureOf', () => {
  /** An A4 page (842 pt tall) at 10 pt: a running title, the header, a row, its comment wrapped alike on every page, a page number. */
  const pageOf = (n: number) => {
    return {
      height: 842,
      lines: linesOf(
        phrasesOf([
          at('成果指標の達成状況', 200, 25),
          at('指標名', 40, 50),
          at('課題', 300, 50),
          at(`指標${n}`, 40, 70),
          at(`${100 + n}`, 200, 70),
          at('今後も', 300, 70),
          at('関係機', 300, 80),
          at('関と連携', 300, 90),
          at(`${n}`, 420, 820),
        ]),
      ),
    };
  };

  it('is what stands at the page’s edges on every page, not a comment wrapped alike under the first row of each page', () => {
    const pages = [1, 2, 3].map(pageOf);
    const furniture = furnitureOf(pages, (l) => l.text.includes('指標名'));
    expect([...furniture].map((p) => p.text).sort()).toEqual(['1', '2', '3', ...Array(3).fill('成果指標の達成状況')].sort());
  });
});

describe('furnitureOf: a table row at the top of pages', () => {
  /** A row continued at a page's top: its number, name, figures with units, a grade mark, a department. */
  const pageOf = (no: string, figures: string[], department: string) => ({
    height: 842,
    lines: linesOf(
      phrasesOf([
        at(no, 20, 45),
        at(`指標${no}`, 40, 45),
        ...figures.map((f, k) => at(f, 120 + 60 * k, 45)),
        at('B', 320, 45),
        at(department, 360, 45),
        at('指標', 40, 300),
      ]),
    ),
  });

  it('keeps a grade mark that stands at one place on two pages’ first rows beside figures with their units (11.4人/年 … B), as beside bare numbers', () => {
    const pages = [
      pageOf('⑦', ['11.4人/年', '18.1人/年'], '農林振興課'),
      pageOf('⑮', ['10.8人', '16.1人'], '子育て支援課'),
      pageOf('⑯', ['790', '923'], '企画課'),
    ];
    expect([...furnitureOf(pages, () => false)].map((p) => p.text)).toEqual([]);
  });
});

describe('furnitureOf: a comment block at the top of pages', () => {
  /** Each page opens with a block's heading set tight over its text (≪成果と見直し≫ at one place on every page). */
  const pageOf = (text: string, title: TextRun = at('成果指標の達成状況', 200, 25)) => ({
    height: 842,
    lines: linesOf(phrasesOf([title, at('≪成果と見直し≫', 23, 40), at(text, 23, 51), at('指標', 23, 300)])),
  });
  const pages = [pageOf('利用者アンケートの結果を踏まえる。'), pageOf('国の方針に沿って取組を継続する。'), pageOf('感染症の影響により縮小した。')];

  it('keeps the heading set tight over its text, in its size and from its left edge', () => {
    expect([...furnitureOf(pages, () => false)].map((p) => p.text)).toEqual(Array(3).fill('成果指標の達成状況'));
  });

  it('keeps it at a cell’s pitch (pdfmake’s 1.6 em), unless a rule parts the two lines', () => {
    const spaced = (text: string, horizontal: { at: number; from: number; to: number }[] = []) => ({
      height: 842,
      lines: linesOf(phrasesOf([at('≪成果と見直し≫', 23, 40), at(text, 23, 56), at('指標', 23, 300)])),
      horizontal,
    });
    const texts = ['利用者アンケート', '国の方針', '感染症の影響'];
    expect([
      ...furnitureOf(
        texts.map((t) => spaced(t)),
        () => false,
      ),
    ]).toEqual([]);
    const ruled = [
      ...furnitureOf(
        texts.map((t) => spaced(t, [{ at: 44, from: 20, to: 400 }])),
        () => false,
      ),
    ];
    expect(ruled.map((p) => p.text)).toEqual(Array(3).fill('≪成果と見直し≫'));
  });

  it('takes a running title tight over the text where it is set larger or elsewhere, as before', () => {
    const titled = ['利用者', '国の方針', '感染症'].map((text) => ({
      height: 842,
      lines: linesOf(phrasesOf([at('総合戦略の進捗状況', 200, 29, 12), at(text, 23, 40)])),
    }));
    expect([...furnitureOf(titled, () => false)].map((p) => p.text)).toEqual(Array(3).fill('総合戦略の進捗状況'));
  });
});

describe('furnitureOf: a grouping cell’s number at a continued table’s top', () => {
  /** A page whose table goes on at its top: 基本的方向N | 個別施策(1), their titles wrapped under them, 16 pt apart; a running title above, apart. */
  const pageOf = (policy: string, title: string, measure: string) => ({
    height: 842,
    lines: linesOf(
      phrasesOf([
        at('成果指標の達成状況', 200, 25),
        at(policy, 40, 70),
        at('個別施策(1)', 130, 70),
        at(title, 40, 86),
        at(measure, 130, 86),
        at('指標', 40, 300),
      ]),
    ),
  });

  it('keeps 個別施策(1) at one place on two of three pages, its title going on under it a line below, and takes the running title set apart', () => {
    const pages = [pageOf('基本的方向1', 'オリーブ', 'ふるさと'), pageOf('基本的方向2', '市内観光', '空き家'), { height: 842, lines: [] }];
    expect([...furnitureOf(pages, () => false)].map((p) => p.text)).toEqual(['成果指標の達成状況', '成果指標の達成状況']);
  });
});

describe('furnitureOf: grouping cells at the top of pages', () => {
  /** A page whose table goes on with a grouping cell's first line (■施策①, its title under it) beside another's and a comment's. */
  const pageOf = (policy: string, comment: string, n: number) => ({
    height: 842,
    lines: linesOf(
      phrasesOf([
        at(policy, 20, 40),
        at('■施策①', 140, 40),
        at(comment, 400, 40),
        at('観光の振興', 140, 50),
        at('指標', 240, 300),
        run(`- ${n} -`, 280, 25, 820),
      ]),
    ),
  });

  it('keeps a level’s numbered label at one place on every page beside text that is no furniture: the first line of a grouping cell, not a running header', () => {
    const pages = [pageOf('基本的方向1', '補助事業', 1), pageOf('基本的方向2', '担い手の', 2), pageOf('基本的方向3', '今後も関', 3)];
    expect([...furnitureOf(pages, () => false)].map((p) => p.text).sort()).toEqual(['- 1 -', '- 2 -', '- 3 -']);
  });
});

describe('furnitureOf: a ruled table reaching the page’s foot', () => {
  /** A name's lines at each page's last row (公共 over its values, 交通 under them), the table's rule under them, a footer below it. */
  const pageOf = (figure: string, n: number) => ({
    height: 842,
    lines: linesOf(phrasesOf([at('指標', 40, 300), at('公共', 28, 790), at(figure, 200, 796), at('交通', 28, 802), run(`- ${n} -`, 400, 25, 830)])),
    horizontal: [{ at: 806, from: 24, to: 446 }],
  });

  it('keeps a line with the table’s rule under it, at one place on every page by chance; takes the footer under the rule', () => {
    const pages = [pageOf('11,810', 1), pageOf('85.9', 2), pageOf('4', 3)];
    expect([...furnitureOf(pages, () => false)].map((p) => p.text).sort()).toEqual(['- 1 -', '- 2 -', '- 3 -']);
  });
});

describe('furnitureOf: page numbers', () => {
  const pageOf = (top: TextRun[], n: number) => ({ height: 842, lines: linesOf(phrasesOf([...top, at('指標', 40, 300), run(`- ${n} -`, 400, 25, 820)])) });

  it('are `- 1 -` though a grouping cell’s text runs past the page’s foot under it (pdfmake); the cell’s text and figures are kept', () => {
    const pages = [1, 2].map((n) => ({
      height: 842,
      lines: linesOf(phrasesOf([at('指標', 40, 300), at('と納税づ', 40, 816), run(`- ${n} -`, 400, 25, 810), at('くり', 40, 828), at(`${n + 2}`, 200, 828)])),
    }));
    expect([...furnitureOf(pages, () => false)].map((p) => p.text).sort()).toEqual(['- 1 -', '- 2 -']);
  });

  it('are `- 2 -`, not a count table’s row a page break set at the top (its mark - and its count 2)', () => {
    const pages = [pageOf([at('評価', 40, 30), at('指標数', 90, 30)], 1), pageOf([at('-', 40, 40), at('2', 96, 40)], 2)];
    const furniture = furnitureOf(pages, () => false);
    expect([...furniture].map((p) => p.text).sort()).toEqual(['- 1 -', '- 2 -']);
  });
});

describe('phrasesOf: a typed space of its own', () => {
  it('joins the runs it stands between, however wide the font sets it (half an em in a monospaced font)', () => {
    const texts = (runs: TextRun[]) => phrasesOf(runs).map((p) => p.text);
    // Calc: 社会(ソサエティ, a half-width space 0.51 em wide, 5.0)の実現.
    expect(texts([run('社会(ソサエティ', 0, 80), run(' ', 80, 5.1), run('5.0)の実現', 85.1, 50)])).toEqual(['社会(ソサエティ 5.0)の実現']);
    // The same gap without the space run parts two cells; a wide white run (to a tab stop) does not join them.
    expect(texts([run('社会(ソサエティ', 0, 80), run('5.0)の実現', 85.1, 50)])).toEqual(['社会(ソサエティ', '5.0)の実現']);
    expect(texts([run('社会', 0, 20), run(' ', 20, 40), run('千人', 60, 20)])).toEqual(['社会', '千人']);
  });

  it('is a space where it is set narrower than the gap it stands in (printed again through cairo: 0.04 em in a gap of 0.2 em)', () => {
    const texts = (runs: TextRun[]) => phrasesOf(runs).map((p) => p.text);
    expect(texts([run('第2次総合計画', 0, 70), run(' ', 70, 0.4), run('成果指標', 72, 40)])).toEqual(['第2次総合計画 成果指標']);
    expect(texts([run('第2次総合計画', 0, 70), run('成果指標', 72, 40)])).toEqual(['第2次総合計画成果指標']);
    // Between Japanese and Western text LibreOffice sets its automatic spacing as a space: the gap tells.
    expect(texts([run('目標を', 0, 30), run(' ', 30, 0.4), run('80%', 32, 15)])).toEqual(['目標を80%']);
  });

  it('joins runs half an em apart, as a typed space sets them, though positions rounded to a hundredth of a point measure the gap a hair wider (cairo: 基準値 | H26, 4.00 pt at 7.99 pt)', () => {
    const texts = (runs: TextRun[]) => phrasesOf(runs).map((p) => p.text);
    const heading = (at: number) => texts([run('基準値', 352.52, 23.97, 100, 7.99), run(' ', 376.5, 0.5, 100, 7.99), run('H26', at, 11.99, 100, 7.99)]);
    expect(heading(380.49)).toEqual(['基準値 H26']);
    // Wider by more than the rounding: two cells' texts.
    expect(heading(380.6)).toEqual(['基準値', 'H26']);
  });
});

describe('emWidth', () => {
  // Its own reading of one code point must give string-width's answer (all 1,114,112 checked once;
  // here the planes a report's text comes from, and the one of variation selectors and tags).
  it('is string-width’s answer, ambiguous as wide, for every code point of planes 0, 1 and 14', () => {
    const differ: string[] = [];
    for (const [from, to] of [
      [0, 0xffff],
      [0x10000, 0x1ffff],
      [0xe0000, 0xe01ff],
    ] as const) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCodePoint(code);
        if (emWidth(char) !== (stringWidth(char, { ambiguousIsNarrow: false }) >= 2 ? 1 : 0.5)) differ.push(code.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });
});

describe('wordsOfRun', () => {
  it('places the first word at the run’s left end and the last at its right end', () => {
    const words = wordsOfRun({ text: '3,560 百万円 悪化↓', x: 100, baseline: 50, width: 80, size: 10, font: 'f' });
    expect(words.map((w) => w.text.trim())).toEqual(['3,560', '百万円', '悪化↓']);
    expect(words[0]!.x).toBe(100);
    expect(words[2]!.x + words[2]!.width).toBeCloseTo(180);
    for (let i = 1; i < words.length; i++) expect(words[i]!.x).toBeGreaterThanOrEqual(words[i - 1]!.x + words[i - 1]!.width);
  });

  it('leaves a run without a space as it is', () => {
    const run1 = { text: '観光客', x: 0, baseline: 0, width: 30, size: 10, font: 'f' };
    expect(wordsOfRun(run1)).toEqual([run1]);
  });

  it('counts characters of ambiguous width (■, ①) full-width, as a Japanese font draws them: a cell’s typed space makes one phrase', () => {
    // Calc: ■施策① オリーブ栽培の整備 in one run at 9 pt, 13 characters and a space 0.28 em wide.
    const run1 = { text: '■施策① オリーブ栽培の整備', x: 199.1, baseline: 325.6, width: 119.5, size: 9, font: 'f' };
    expect(wordsOfRun(run1)[0]!.width).toBeCloseTo(36);
    expect(phrasesOf([run1]).map((p) => p.text)).toEqual(['■施策① オリーブ栽培の整備']);
  });

  it('places each word where the page drew it, where its glyphs told (TextRun.words): a letter-spaced heading keeps its typed space', () => {
    // Chromium justifies 現状値 2020年度 to its cell at 8 pt: its characters 1.16 pt apart, the typed space 4.48 (seed 151's f7).
    const edges: Array<[number, number]> = [
      [238.68, 246.67],
      [247.83, 255.83],
      [256.99, 264.98],
      [269.47, 289.6],
      [290.77, 298.76],
      [299.92, 307.92],
    ];
    const heading = { ...run('現 状 値 2020 年 度', 238.68, 69.24, 134.2, 8), words: edges };
    expect(wordsOfRun(heading).map((w) => [w.x, w.x + w.width])).toEqual(edges);
    const vertical = [235.1, 311.6].map((x) => ({ at: x, from: 120, to: 140 }));
    const joined = withLetterSpacingJoined(linesOf(phrasesOf([heading], vertical)), vertical);
    expect(joined[0]!.phrases.map((p) => p.text)).toEqual(['現状値 2020年度']);
  });

  it('never places a word outside its run, even where the font is narrower than estimated', () => {
    const words = wordsOfRun({ text: 'ABCDEFGH IJKLMNOP', x: 0, baseline: 0, width: 40, size: 10, font: 'f' });
    expect(words[0]!.x).toBe(0);
    expect(words[1]!.x + words[1]!.width).toBeCloseTo(40);
    expect(words[1]!.x).toBeGreaterThan(words[0]!.x + words[0]!.width);
  });
});

describe('phrasesOf', () => {
  it('joins glyph-by-glyph runs into one phrase', () => {
    const p = phrasesOf([run('観', 0, 10), run('光', 10, 10), run('客', 20, 10)]);
    expect(p.map((x) => x.text)).toEqual(['観光客']);
  });

  it('keeps a typed space (0.3 em) and drops spacing that is no character (0.2 em)', () => {
    expect(phrasesOf([run('総合戦略', 0, 40), run('重要', 43, 20)])[0]!.text).toBe('総合戦略 重要');
    expect(phrasesOf([run('Wi-Fi', 0, 25), run('設置数', 27, 30)])[0]!.text).toBe('Wi-Fi設置数');
  });

  it('separates the texts of two cells', () => {
    expect(phrasesOf([run('百万円', 0, 30), run('3,560', 60, 25)]).map((x) => x.text)).toEqual(['百万円', '3,560']);
  });

  it('does not join across a vertical rule', () => {
    const rule = { at: 31, from: 80, to: 110 };
    expect(phrasesOf([run('法人', 0, 30), run('24', 32, 10)], [rule]).map((x) => x.text)).toEqual(['法人', '24']);
  });

  it('keeps a page header apart from table headings it is printed over (another type size)', () => {
    const p = phrasesOf([run('まち・ひと', 100, 50, 100, 9), run('施策', 120, 16, 100, 8), run('の進捗状況', 150, 50, 100, 9)]);
    expect(p.map((x) => x.text).sort()).toEqual(['まち・ひとの進捗状況', '施策']);
  });

  it('separates two cells that pdf.js gave as one run with a space, at the rule between them', () => {
    // "-71.4%" then "悪化↓" 2.2 pt apart (0.36 em at 6.1 pt): one run from pdf.js, a rule between.
    const merged = { text: '-71.4% 悪化↓', x: 446.7, baseline: 100, width: 39, size: 6.108, font: 'f' };
    const rule = { at: 465.7, from: 90, to: 110 };
    expect(phrasesOf([merged], [rule]).map((x) => x.text)).toEqual(['-71.4%', '悪化↓']);
    expect(phrasesOf([merged]).map((x) => x.text)).toEqual(['-71.4% 悪化↓']);
  });

  it('keeps a typed space between words of one run, however wide the words are estimated', () => {
    expect(phrasesOf([run('Mine Collection加工品', 0, 60)]).map((x) => x.text)).toEqual(['Mine Collection加工品']);
  });

  it('reads a bracket set into its neighbour in order', () => {
    // 「 is drawn half an em to the left, over the end of (.
    expect(phrasesOf([run('維持', 0, 20), run('(', 20, 3), run('「小さな', 19, 40)])[0]!.text).toBe('維持(「小さな');
  });
});

describe('linesOf', () => {
  it('puts a run a little off the baseline (a fallback font) on the same line', () => {
    const lines = linesOf(phrasesOf([run('あ', 0, 10, 100), run('b', 30, 5, 101.5)]));
    expect(lines).toHaveLength(1);
  });
});

describe('joinWrapped', () => {
  it.each([
    [['（スクールみねシュランの開催', '）'], '（スクールみねシュランの開催）'],
    [['食・土産物開発支援を受けて商品を開発した事業者数(累', '計)'], '食・土産物開発支援を受けて商品を開発した事業者数(累計)'],
    // Latin words broken at a space get the space back.
    [['Mine', 'Collection'], 'Mine Collection'],
    [['Phase', '2'], 'Phase 2'],
    // A figure a narrow cell cut is one figure again.
    [['農業政策課（内線382', '8）'], '農業政策課（内線3828）'],
  ])('%j → %s', (parts, text) => expect(joinWrapped(parts)).toBe(text));
});

describe('row labels', () => {
  it.each([
    ['1 観光資源を活かした産業と雇用の創出', 1, '観光資源を活かした産業と雇用の創出'],
    ['１２ 全角の番号', 12, '全角の番号'],
    ['(3) 括弧の番号', 3, '括弧の番号'],
    ['④ 丸数字', 4, '丸数字'],
    ['基本目標', null, '基本目標'],
  ])('splitNumber(%s)', (text, no, title) => expect(splitNumber(text)).toEqual({ no, title }));

  it('splits the 施策 list', () => {
    expect(splitMeasures('①観光の振興／②国際観光の推進／③おもてなしの向上')).toEqual(['観光の振興', '国際観光の推進', 'おもてなしの向上']);
  });
});

describe('lostText', () => {
  const page = (...texts: string[]): PageContent =>
    ({
      number: 1,
      width: 600,
      height: 800,
      runs: texts.map((t, i) => run(t, 0, 100, 100 + 20 * i)),
      horizontal: [],
      vertical: [],
      unplaced: [],
      turned: 0,
    }) as unknown as PageContent;

  it('finds text whose characters a font without its map turned into accented letters', () => {
    expect(lostText([page('~qûrxûwtxwÿ\\fu Ým~ßïg{ÿKPIÿ~', '重点戦略')])).toBe('~qûrxûwtxwÿ\\fu Ým~ßïg{ÿKPIÿ~');
  });

  it('reads a Japanese report with a name or two in accents as text', () => {
    expect(lostText([page('まち・ひと・しごと創生総合戦略', 'Café みね の来客数', '観光客数 3,560 人'.repeat(20))])).toBeNull();
  });
});

describe('sameSize', () => {
  it.each([
    [8.5, 8.9, true], // cairo's Type 3 fonts of one glyph each: a few per cent apart
    [10, 10.3, true],
    [9, 8, false], // a page header printed over table headings
    [10.5, 9.5, false],
    [3, 3.3, true],
  ])('%f and %f: %s', (a, b, same) => expect(sameSize(a, b)).toBe(same));

  it('joins runs of one line whose sizes cairo reports a few per cent apart', () => {
    expect(phrasesOf([run('現状', 0, 17, 100, 8.5), run('a', 19, 4.7, 100, 8.9)]).map((p) => p.text)).toEqual(['現状 a']);
  });
});

describe('withLetterSpacingJoined', () => {
  /** One line's texts at their x (each one em a character, 10 pt), with vertical rules crossing it at `rules`. */
  const texts = (cells: [string, number][], rules: number[] = []) => {
    const vertical = rules.map((at) => ({ at, from: 80, to: 110 }));
    const lines = linesOf(
      phrasesOf(
        cells.map(([text, x]) => at(text, x, 100)),
        vertical,
      ),
    );
    return withLetterSpacingJoined(lines, vertical)[0]!.phrases.map((p) => p.text);
  };

  it('joins the characters of a heading set apart evenly to fill its cell (指　標　名), and a pair on the same line (評　価)', () => {
    expect(
      texts([
        ['指', 50],
        ['標', 150],
        ['名', 250],
        ['実績', 300],
        ['評', 400],
        ['価', 440],
      ]),
    ).toEqual(['指標名', '実績', '評価']);
  });

  it('joins a bracketed year the producer kept together among them: 基準値（R2）', () => {
    expect(
      texts([
        ['基', 50],
        ['準', 67],
        ['値', 84],
        ['（', 101],
        ['R2', 118],
        ['）', 145],
      ]),
    ).toEqual(['基準値（R2）']);
  });

  it('joins a banner spread across the table with its full-width numeral, as typed: 基本目標Ⅰ 自主防災… (Calc, seed 157)', () => {
    // Ⅰ and ① are set one em wide as the kanji are: a character of the text, not a cell's token of its own.
    const spread = (numeral: string) =>
      texts([
        ['基', 50],
        ['本', 74],
        ['目', 98],
        ['標', 122],
        [numeral, 146],
        // A typed space spread as a character too: two gaps of 14 pt and its 3 pt.
        ['自', 187],
        ['主', 211],
        ['防', 235],
      ]);
    expect(spread('Ⅰ')).toEqual(['基本目標Ⅰ 自主防']);
    expect(spread('①')).toEqual(['基本目標① 自主防']);
  });

  it('joins a banner spread across a sheet scaled down to its page, its gaps a tenth of a point apart (Calc at 5.3 pt: 61.99 and 62.10 pt), no seam of cells', () => {
    const text = [...'具体的な施策②公共交通地域の拡大'];
    const gaps = [61.99, 61.99, 62.1, 61.99, 62.1, 61.99, 129.39, 62.1, 61.99, 61.99, 62.1, 61.99, 62.1, 61.99, 62.0];
    const xs = gaps.reduce((out, gap) => [...out, out.at(-1)! + 5.3 + gap], [46.7]);
    const line = linesOf(phrasesOf(text.map((c, i) => at(c, xs[i]!, 100, 5.3))));
    expect(withLetterSpacingJoined(line, [])[0]!.phrases.map((p) => p.text)).toEqual(['具体的な施策② 公共交通地域の拡大']);
  });

  it('joins the first character of spread text with a typed space after it, the gaps after it telling the spacing: ① 農林水産, (1) 図書館 (Calc, seed 157)', () => {
    // Two gaps of 14 pt and the space's 3 pt after the number, then 14 pt.
    const spread = (first: string, firstGap: number) => {
      const title = 50 + [...first].length * 10 + firstGap;
      return texts([
        [first, 50],
        ['農', title],
        ['林', title + 24],
        ['水', title + 48],
        ['産', title + 72],
      ]);
    };
    expect(spread('①', 31)).toEqual(['① 農林水産']);
    expect(spread('(1)', 31)).toEqual(['(1) 農林水産']);
    // Apart by a gap of its own (a number column's ① beside a spread cell): not the text's.
    expect(spread('①', 45)).toEqual(['①', '農林水産']);
    // A Western token is a neighbour cell's, however far (a count table's C | 判　定　な　し, each at its cell's left).
    expect(spread('C', 31)).toEqual(['C', '農林水産']);
  });

  it('joins a year of four digits the producer kept together: 2020年度 spread over its cell (Chromium)', () => {
    expect(
      texts([
        ['2020', 50],
        ['年', 130],
        ['度', 180],
      ]),
    ).toEqual(['2020年度']);
  });

  it('joins a year Writer justified to its cell, the gap after the figures wider by its spacing between Western and Japanese text (2014 年 度: 40.8 and 39.1 pt)', () => {
    // The cells' rules at 344.7 and 465.4.
    const vertical = [344.7, 465.4].map((x) => ({ at: x, from: 80, to: 110 }));
    const cells = (xs: number[]) =>
      linesOf(phrasesOf([run('2014', xs[0]!, 20, 100, 9), at('年', xs[1]!, 100, 9), at('度', xs[2]!, 100, 9), run('2017', xs[3]!, 20, 100, 9)], vertical));
    const texts = (xs: number[]) => withLetterSpacingJoined(cells(xs), vertical)[0]!.phrases.map((p) => p.text);
    expect(texts([346.2, 407.0, 455.1, 466.9])).toEqual(['2014年度', '2017']);
    // Wider still by more than that spacing: not one text.
    expect(texts([346.2, 410.0, 455.1, 466.9])).toEqual(['2014', '年', '度', '2017']);
  });

  it('leaves a figure nearer the characters before it than their own gap (数 | 件 | 421: a name’s wrapped tail, its unit and its baseline, 58.9 and 57.9 pt apart at 8.5 pt)', () => {
    const line = (figureAt: number) =>
      withLetterSpacingJoined(
        linesOf(phrasesOf([at('数', 166, 100, 8.5), at('件', 233.4, 100, 8.5), run('421', figureAt, 15.8, 100, 8.5), run('535', 363.7, 15.8, 100, 8.5)])),
        [],
      )[0]!.phrases.map((p) => p.text);
    expect(line(299.8)).toEqual(['数', '件', '421', '535']);
    // At the Japanese characters' gap, or wider by LibreOffice's spacing between Western and Japanese text, it is one text.
    expect(line(300.8)).toEqual(['数件421', '535']);
  });

  it('joins a pair alone where it fills a cell between rules, not where nothing bounds it', () => {
    expect(
      texts(
        [
          ['単', 52],
          ['位', 90],
          ['基準値', 110],
        ],
        [50, 102, 150],
      ),
    ).toEqual(['単位', '基準値']);
    expect(
      texts([
        ['単', 52],
        ['位', 90],
        ['基準値', 110],
      ]),
    ).toEqual(['単', '位', '基準値']);
  });

  it('parts the touching characters of two cells filled edge to edge, each its own text (目　標　指　標|基　準　値)', () => {
    expect(
      texts([
        ['目', 50],
        ['標', 150],
        ['指', 250],
        ['標', 350],
        ['基', 362],
        ['準', 392],
        ['値', 422],
      ]),
    ).toEqual(['目標指標', '基準値']);
  });

  it('joins an era’s year typed after two letter-spaced role words, letter-spaced at their gap (Chromium: 現 状 平 成 26 年 度)', () => {
    const cells: [string, number][] = [
      ['現', 50],
      ['状', 80],
      ['平', 133],
      ['成', 163],
      ['26', 193],
      ['年', 233],
      ['度', 263],
    ];
    expect(texts([...cells, ['目', 400], ['標', 430], ['値', 460]])).toEqual(['現状 平成26年度', '目標値']);
  });

  it('joins a year typed after two letter-spaced role words (現　状　R2: two gaps and a space on), not a series’ first year nor other words', () => {
    // 現 and 状 20 pt apart; a typed space 3 pt wide spread as a character puts the year 43 pt after 状; 目　標　値 spreads the line.
    const line = (cells: [string, number][]) => texts([...cells, ['目', 400], ['標', 430], ['値', 460]]);
    expect(
      line([
        ['現', 50],
        ['状', 80],
        ['R2', 133],
      ]),
    ).toEqual(['現状 R2', '目標値']);
    expect(
      line([
        ['実', 50],
        ['績', 80],
        ['2014', 133],
        ['年', 193],
        ['度', 223],
      ]),
    ).toEqual(['実績 2014年度', '目標値']);
    // A year series' first year in a cell of its own, by chance at that distance.
    expect(
      line([
        ['現', 50],
        ['状', 80],
        ['R2', 133],
        ['R3', 180],
      ]),
    ).toEqual(['現状', 'R2', 'R3', '目標値']);
    // A spread year at a gap of its own; a year beyond a space's width; words that take no year.
    expect(
      line([
        ['実', 50],
        ['績', 80],
        ['2014', 133],
        ['年', 198],
        ['度', 233],
      ]),
    ).toEqual(['実績', '2014年度', '目標値']);
    expect(
      line([
        ['現', 50],
        ['状', 80],
        ['R2', 146],
      ]),
    ).toEqual(['現状', 'R2', '目標値']);
    expect(
      line([
        ['評', 50],
        ['価', 80],
        ['R2', 133],
      ]),
    ).toEqual(['評価', 'R2', '目標値']);
  });

  it('keeps a typed space spread as a character (基準値 R2) and a bracketed text without Japanese (（ R1 ）)', () => {
    expect(
      texts([
        ['基', 50],
        ['準', 80],
        ['値', 110],
        ['R2', 165],
        ['実', 187],
        ['績', 217],
        ['値', 247],
      ]),
    ).toEqual(['基準値 R2', '実績値']);
    expect(
      texts([
        ['（', 50],
        ['R1', 80],
        ['）', 120],
      ]),
    ).toEqual(['（R1）']);
  });

  it('keeps glyph runs that touch as one character (H|26) and a token in half-width brackets (基準値(R2))', () => {
    const heading = ['従', '前', '値', '（'].map((c, i) => at(c, 50 + i * 20, 100));
    const [line] = withLetterSpacingJoined(
      linesOf(phrasesOf([...heading, at('H', 130, 100), at('26', 140, 100), at('）', 170, 100), at('実', 182, 100), at('績', 202, 100), at('値', 222, 100)])),
      [],
    );
    expect(line!.phrases.map((p) => p.text)).toEqual(['従前値（H26）', '実績値']);
    expect(
      texts([
        ['基', 50],
        ['準', 70],
        ['値', 90],
        ['(R2)', 110],
      ]),
    ).toEqual(['基準値(R2)']);
    // Calc draws a half-width bracket with the year beside it: (2019 年 度 ).
    expect(
      texts([
        ['目', 50],
        ['標', 70],
        ['値', 90],
        ['(2019', 110],
        ['年', 170],
        ['度', 190],
        [')', 210],
      ]),
    ).toEqual(['目標値(2019年度)']);
  });

  it('starts letter-spacing at the second of a pair apart at a gap of its own (R6 | 評　価)', () => {
    expect(
      texts([
        ['指', 50],
        ['標', 100],
        ['名', 150],
        ['R6', 220],
        ['評', 330],
        ['価', 380],
      ]),
    ).toEqual(['指標名', 'R6', '評価']);
  });

  it('parts a token set at the left of its own cell from the distributed heading before it (Calc: 値 R3, 状 H29 1.5 pt apart)', () => {
    const cells = (chars: [string, number][], size: number) =>
      withLetterSpacingJoined(
        linesOf(phrasesOf(chars.map(([text, x]) => run(text, x, /^[A-Z]/.test(text) ? 1.3 * size : size, 100, size)))),
        [],
      )[0]!.phrases.map((p) => p.text);
    const years: [string, number][] = [
      ['成', 23.8],
      ['果', 56.4],
      ['指', 89.0],
      ['標', 121.7],
      ['単', 131.0],
      ['位', 160.3],
      ['R2', 221.6],
      ['現', 242.5],
      ['状', 261.0],
      ['値', 279.4],
      ['R3', 288.9],
      ['R4', 356.3],
      ['R5', 423.6],
      ['R6', 491.0],
      ['R7', 558.3],
      ['R7', 625.6],
      ['目', 646.6],
      ['標', 665.1],
      ['値', 683.5],
    ];
    expect(cells(years, 7.9)).toEqual(['成果指標', '単位', 'R2現状値', 'R3', 'R4', 'R5', 'R6', 'R7', 'R7目標値']);
    const group: [string, number][] = [
      ['成', 50.7],
      ['果', 134.3],
      ['指', 217.7],
      ['標', 301.2],
      ['現', 309.3],
      ['状', 489.0],
      ['H29', 497.0],
      ['目', 691.3],
      ['標', 745.4],
      ['値', 799.5],
    ];
    expect(cells(group, 6.5)).toEqual(['成果指標', '現状', 'H29', '目標値']);
    // A year's cell beside a heading that starts with a year, by chance as far apart as the heading's own gaps (14.7 pt).
    const beside: [string, number][] = [
      ['R5', 353.8],
      ['R6', 419.7],
      ['R6', 443.3],
      ['目', 467.0],
      ['標', 488.5],
      ['値', 510.1],
      ['所', 518.5],
      ['管', 533.3],
      ['課', 548.2],
    ];
    expect(cells(beside, 6.8)).toEqual(['R5', 'R6', 'R6目標値', '所管課']);
  });

  it('joins a bullet spread as a character (■　施　策) and parts a count table’s mark set in its cell beside a distributed heading (略 ◎, 2 pt apart)', () => {
    const cells = (chars: [string, number][], size: number) =>
      withLetterSpacingJoined(linesOf(phrasesOf(chars.map(([text, x]) => run(text, x, size, 100, size)))), [])[0]!.phrases.map((p) => p.text);
    const heading: [string, number][] = [
      ['基', 150.5],
      ['本', 208.5],
      ['的', 266.6],
      ['方', 324.7],
      ['向', 382.8],
      ['■', 392.0],
      ['施', 432.3],
      ['策', 472.5],
      ['指', 481.8],
      ['標', 598.2],
      ['名', 714.6],
    ];
    expect(cells(heading, 7.7)).toEqual(['基本的方向', '■施策', '指標名']);
    const counts: [string, number][] = [
      ['重', 23.0],
      ['点', 41.4],
      ['戦', 59.7],
      ['略', 78.1],
      ['◎', 90.1],
      ['○', 122.5],
      ['△', 154.8],
      ['評', 219.5],
      ['価', 238.2],
      ['な', 257.0],
      ['し', 275.2],
    ];
    expect(cells(counts, 10)).toEqual(['重点戦略', '◎', '○', '△', '評価なし']);
  });

  it('parts the letter-spaced cells of one phrase at their edges, the narrower gaps (Calc: 策　定　時（令和元年度）|実　績　値, 2.8 pt against 1.4 pt at 5.8 pt)', () => {
    const chars: [string, number][] = [
      ['策', 314.1],
      ['定', 322.7],
      ['時', 331.3],
      ['（', 339.9],
      ['令', 348.5],
      ['和', 357.1],
      ['元', 365.7],
      ['年', 374.3],
      ['度', 382.9],
      ['）', 391.5],
      ['実', 398.8],
      ['績', 407.4],
      ['値', 416.0],
      ['目', 423.2],
      ['標', 431.8],
      ['値', 440.4],
    ];
    const [line] = withLetterSpacingJoined(linesOf(phrasesOf(chars.map(([text, x]) => run(text, x, 5.8, 100, 5.8)))), []);
    expect(line!.phrases.map((p) => p.text)).toEqual(['策定時（令和元年度）', '実績値', '目標値']);
  });

  it('goes on with text spread about half an em apart where a gap falls short of a phrase’s by a hair (Calc: 実　績　値　令　和　4, 5.1 then 5.0 pt)', () => {
    const chars: [string, number][] = [
      ['指', 23.0],
      ['標', 52.6],
      ['名', 82.1],
      ['現', 94.1],
      ['状', 113.7],
      ['値', 133.4],
      ['令', 165.3],
      ['和', 184.9],
      ['元', 204.5],
      ['年', 224.1],
      ['度', 243.7],
      ['実', 255.8],
      ['績', 270.9],
      ['値', 286.0],
      ['令', 308.8],
      ['和', 323.9],
      ['4', 338.9],
      ['年', 350.3],
      ['度', 365.4],
      ['目', 377.4],
      ['標', 392.5],
      ['値', 407.6],
      ['達', 499.0],
      ['成', 519.1],
      ['率', 539.3],
    ];
    const [line] = withLetterSpacingJoined(linesOf(phrasesOf(chars.map(([text, x]) => run(text, x, text === '4' ? 6.3 : 10)))), []);
    expect(line!.phrases.map((p) => p.text)).toEqual(['指標名', '現状値 令和元年度', '実績値 令和4年度', '目標値', '達成率']);
  });

  it('reads a cell spread half an em apart to LibreOffice’s rounding as letter-spaced on a line spread elsewhere, measured where its glyphs stand (Calc: 現 → 状 3.39 pt at 6.8 pt)', () => {
    // One run as pdf.js gives it, its words where the glyphs stand (seed 41's f7 printed by Calc).
    const edges: Array<[number, number]> = [
      [268.91, 275.71],
      [279.1, 285.91],
      [289.4, 296.21],
      [299.61, 301.88],
      [305.3, 312.11],
      [315.5, 322.3],
      [325.69, 329.97],
      [333.49, 340.29],
      [343.69, 350.49],
      [353.9, 356.17],
    ];
    const heading = { ...run('現 状 値 ( 令 和 2 年 度 )', 268.91, 87.26, 53.8, 6.8), words: edges };
    // The cell before it, 単　位, spread across its cell at 17.4 pt.
    const unit = [at('単', 236.2, 53.8, 6.8), at('位', 260.4, 53.8, 6.8)];
    const vertical = [234.6, 267.9, 357].map((x) => ({ at: x, from: 45, to: 60 }));
    const [line] = withLetterSpacingJoined(linesOf(phrasesOf([...unit, heading], vertical)), vertical);
    expect(line!.phrases.map((p) => p.text)).toEqual(['単位', '現状値(令和2年度)']);
  });

  it('begins a cell’s heading pdf.js gave as one run at its own gap, though the gap before it is the run’s before by chance (Chromium: 判　定 at 6.01 pt, then 担 当 課 at 4.46 after 6.01)', () => {
    const edges: Array<[number, number]> = [
      [536.64, 544.63],
      [549.09, 557.09],
      [561.55, 569.55],
    ];
    const cells = [at('判', 508.64, 106.5, 8), at('定', 522.64, 106.5, 8), { ...run('担 当 課', 536.64, 32.91, 106.5, 8), words: edges }];
    const [line] = withLetterSpacingJoined(linesOf(phrasesOf(cells)), []);
    expect(line!.phrases.map((p) => p.text)).toEqual(['判定', '担当課']);
  });

  it('reads a run pdf.js gave with a space at each gap (（ 令 和 元 年 度 ）) as typed, one part', () => {
    const [line] = withLetterSpacingJoined(linesOf(phrasesOf([run('（ 令 和 元 年 度 ）', 50, 106, 100, 10)])), []);
    expect(line!.phrases.map((p) => [p.text, p.parts.length])).toEqual([['（令和元年度）', 1]]);
  });

  it('leaves text whose characters touch, and a phrase of characters none of which is spaced', () => {
    const phrases = phrasesOf([run('達', 50, 10, 100), run('成', 60, 10, 100), run('度', 70, 10, 100), at('R6', 200, 100), at('評', 211, 100)]);
    const [line] = withLetterSpacingJoined(linesOf(phrases), []);
    expect(line!.phrases).toEqual(linesOf(phrases)[0]!.phrases);
  });

  it('takes no character off a word set a character a run (図書館, then a unit and a figure apart) on a line spread elsewhere', () => {
    const cells = (['指', '標', '名'] as const).map((c, i) => at(c, i * 30, 100));
    const word = ['図', '書', '館'].map((c, i) => at(c, 200 + i * 10, 100));
    const [line] = withLetterSpacingJoined(linesOf(phrasesOf([...cells, ...word, at('人', 250, 100), at('121', 308, 100)])), []);
    expect(line!.phrases.map((p) => p.text)).toEqual(['指標名', '図書館', '人', '121']);
  });

  it('leaves marks and figures of neighbouring cells, characters set unevenly, and characters a rule parts', () => {
    expect(
      texts([
        ['A', 50],
        ['B', 90],
        ['C', 130],
      ]),
    ).toEqual(['A', 'B', 'C']);
    expect(
      texts([
        ['1', 50],
        ['2', 90],
        ['3', 130],
      ]),
    ).toEqual(['1', '2', '3']);
    expect(
      texts([
        ['人', 50],
        ['件', 90],
        ['回', 200],
      ]),
    ).toEqual(['人', '件', '回']);
    expect(
      texts(
        [
          ['指', 50],
          ['標', 150],
          ['名', 250],
        ],
        [120],
      ),
    ).toEqual(['指', '標', '名']);
  });
});

describe('withLetterSpacingJoined: characters set apart closer than a phrase gap', () => {
  /** One line of runs (10 pt), as pdf.js gives them, read into phrases and joined. */
  const texts = (runs: TextRun[]) => withLetterSpacingJoined(linesOf(phrasesOf(runs)), [])[0]!.phrases.map((p) => p.text);

  it('keeps a space typed between each character at a monospaced font’s space width (長与町’s 指 標 名: half an em each)', () => {
    expect(texts([run('指 標 名', 50, 40)])).toEqual(['指 標 名']);
  });

  it('reads spaces at a typed space’s width as letter-spacing where the line is letter-spaced at another gap (Chromium: 基 本 目 標 | 現　状　値)', () => {
    // 10 pt: 基 本 目 標 at 4.92 pt gaps (0.492 em, a typed half-em space to the reader's tolerance); 現　状　値 9.5 pt
    // apart, 評　価 20; the cells meet at 6.75 pt (two paddings).
    const cells = [run('基 本 目 標', 20, 54.76), at('現', 81.51, 100), at('状', 101.01, 100), at('値', 120.51, 100)];
    cells.push(at('評', 137.26, 100), at('価', 167.26, 100), at('課', 184.01, 100));
    expect(texts(cells)).toEqual(['基本目標', '現状値', '評価', '課']);
  });

  it('tells where Chromium’s cells meet though a cell’s own gap is a tenth of a point from it (番 号|KPI 6.00 after 5.79; 度|担 6.00, 担 当 課 5.89, 5.88)', () => {
    const cells = [at('番', 23.3, 100, 7.5), at('号', 36.59, 100, 7.5), run('KPI', 50.09, 11.67, 100, 7.5)];
    cells.push(run('令 和 2 年 度', 134.7, 44.7, 100, 7.5), run('令 和 3 年 度', 185.4, 44.7, 100, 7.5), run('令 和 4 年 度', 236.1, 44.7, 100, 7.5));
    cells.push(at('担', 286.8, 100, 7.5), at('当', 300.19, 100, 7.5), at('課', 313.57, 100, 7.5));
    expect(texts(cells)).toEqual(['番号', 'KPI', '令和2年度', '令和3年度', '令和4年度', '担当課']);
  });

  it('reads a token in brackets justified to its cell as typed, though no Japanese tells it (Chromium: （ R6 ） under 現在値)', () => {
    expect(texts([run('（ R6 ）', 50, 37.3)])).toEqual(['（R6）']);
  });

  it('joins a heading justified at half an em that the phrase gap parted (Chromium: 重 要|業 績 評 価 at 4.99 pt, 5.01 pt between)', () => {
    const cells = [run('重 要', 20, 24.99), run('業 績 評 価', 50, 54.97), at('現', 120, 100), at('状', 145, 100), at('値', 170, 100)];
    expect(texts(cells)).toEqual(['重要業績評価', '現状値']);
  });

  it('reads a justified heading pdf.js gave with a space between each character as typed (成 果 指 標, 令 和 2 年 度)', () => {
    expect(texts([run('成 果 指 標', 50, 58), run('令 和 2 年 度', 120, 61)])).toEqual(['成果指標', '令和2年度']);
  });

  it('reads them as typed where only some gaps came with a space (令和2年 度: pdf.js put one in the last run only)', () => {
    expect(texts([at('令', 50, 100), at('和', 61.5, 100), run('2', 73, 5), run('年 度', 79.5, 21.5)])).toEqual(['令和2年度']);
  });

  it('reads characters set apart evenly in runs of their own as one text, and keeps a space where a gap is wider by one (目標値 R1)', () => {
    expect(texts([at('目', 50, 100), at('標', 62.4, 100), at('値', 74.8, 100), run('R1', 89.6, 10)])).toEqual(['目標値 R1']);
  });

  it('gives letter-spaced text as one part, which no column starting under one of its characters splits again', () => {
    const parts = (runs: TextRun[]) => withLetterSpacingJoined(linesOf(phrasesOf(runs)), [])[0]!.phrases.map((p) => p.parts.map((q) => q.text));
    expect(parts([at('重', 50, 100), at('点', 150, 100), at('戦', 250, 100), at('略', 350, 100)])).toEqual([['重点戦略']]);
    expect(parts([run('成 果 指 標', 50, 58)])).toEqual([['成果指標']]);
  });

  it('parts no end off a word where three characters stand at one gap by chance (pdfmake: name 子育て世 | unit 人 | role 目標値)', () => {
    // 9 pt characters each a run of its own, the words' characters touching; 世 → 人 and 人 → 目 both 21 pt.
    const word = (text: string, x: number) => [...text].map((c, k) => at(c, x + 9 * k, 100, 9));
    expect(texts([...word('子育て世', 65), at('人', 122, 100, 9), ...word('目標値', 152)])).toEqual(['子育て世', '人', '目標値']);
  });

  it('parts the letter-spaced headings of neighbouring cells where they touch (Writer: 従　前　値 | 実　績　値 | 施　策　目　標 | 進捗率)', () => {
    // 7 pt characters, each a run of its own; each heading's gap its own (49.2, 41.1, 27.4 pt), 値 touching 実, 値 施 and 標 進捗率.
    const cells: [string, number][] = [
      ['従', 174.5],
      ['前', 223.7],
      ['値', 273.0],
      ['実', 280.0],
      ['績', 321.1],
      ['値', 362.3],
      ['施', 369.3],
      ['策', 396.7],
      ['目', 424.2],
      ['標', 451.6],
      ['進捗率', 458.6],
    ];
    expect(texts(cells.map(([text, x]) => at(text, x, 100, 7)))).toEqual(['従前値', '実績値', '施策目標', '進捗率']);
    // Chromium's heading set apart within its phrase (成 果 指 標, gaps 3.9 pt) ends at no edge, though 標 単 位 stand evenly (6.0, 5.8 pt).
    const chromium = [run('成 果 指 標', 159.8, 41.6, 100, 7.5), at('単', 207.4, 100, 7.5), at('位', 220.7, 100, 7.5)];
    expect(texts(chromium)).toEqual(['成果指標', '単位']);
    // A grade's mark between figures set right and a text set left, as far from either (pdfmake): no heading.
    expect(
      texts([
        run('87,925', 459.7, 27.5, 100, 9),
        at('人', 487.2, 100, 9),
        run('A', 511.7, 5.5, 100, 9),
        ...[...'農業政策課'].map((c, k) => at(c, 532.7 + 9 * k, 100, 9)),
      ]),
    ).toEqual(['87,925人', 'A', '農業政策課']);
    // A unit centred in its cell between a name and 期待値, set left (pdfmake: gaps 18.2 and 19.1 pt).
    const unit = [
      ...[...'地域満'].map((c, k) => at(c, 109 + 8.5 * k, 100, 8.5)),
      at('回', 152.7, 100, 8.5),
      ...[...'期待値'].map((c, k) => at(c, 180.3 + 8.5 * k, 100, 8.5)),
    ];
    expect(texts(unit)).toEqual(['地域満', '回', '期待値']);
    // Ordinary text that touches a character set apart stays whole: 実績値 | 目 (one character alone, no chain).
    expect(texts([at('実績値', 50, 100, 7), at('目', 100, 100, 7), at('標', 150, 100, 7)])).toEqual(['実績値', '目', '標']);
  });

  it('parts letter-spaced years of neighbouring cells where they touch, their digits set a little wider (Writer: 2 0 2 0　年　度|2 0 2 5　年　度)', () => {
    // 9 pt, each token a run of its own, as Writer printed them: 年 → 度 6.2 and 6.9 pt apart, the
    // digits 8.1 and 8.8 pt off 年 (LibreOffice's automatic spacing); each 度 touches the next year.
    const year = (digits: string, x: number, gap: number) => [
      run(digits, x, 22.2, 100, 9),
      at('年', x + 22.2 + gap + 1.9, 100, 9),
      at('度', x + 22.2 + 2 * gap + 1.9 + 9, 100, 9),
    ];
    expect(texts([...year('2020', 83.4, 6.2), ...year('2025', 137.9, 6.9), ...year('2024', 193.9, 6.9)])).toEqual(['2020年度', '2025年度', '2024年度']);
  });

  /** Each character a run of its own at its x, as printed: a digit and a bracket as wide as told, the others an em. */
  const glyphs = (text: string, xs: number[], size: number, narrow: Record<string, number>) =>
    [...text].map((c, k) => run(c, xs[k]!, narrow[/\d/.test(c) ? 'digit' : c] ?? size, 100, size));

  it('parts letter-spaced years in brackets of neighbouring cells where their brackets touch (Calc: （ 令 和 2 年 度 ）|（ 令 和 7 年 度 ）)', () => {
    // 7.9 pt, as a cairo reprint of Calc's distributed cells drew them: 6.4 pt apart, ） and （ 0.2 pt.
    const xs = [420.6, 432.0, 446.3, 460.7, 472.1, 486.4, 500.8, 506.1, 517.6, 531.9, 546.3, 557.7, 572.0, 586.4];
    const runs = glyphs('（令和2年度）（令和7年度）', xs, 7.9, { digit: 5, '（': 5, '）': 5.1 });
    expect(texts(runs)).toEqual(['（令和2年度）', '（令和7年度）']);
  });

  it('parts a heading letter-spaced to its closing bracket from the next cell’s that the bracket touches (Calc reprinted: 指 標 （ KPI ）|単 位)', () => {
    // 6.1 pt, 4.1–4.3 pt apart, as cairo reprinted Calc's distributed cells: its ） 5.3 pt wide, touching 単.
    const runs = [
      ...glyphs('重要業績評価指標（', [40.8, 51.1, 61.5, 71.8, 82.1, 92.5, 102.9, 113.2, 123.6], 6.1, { '（': 3.1 }),
      run('KPI', 130.8, 10.6, 100, 6.1),
      ...glyphs('）単位', [145.6, 151.1, 167.5], 6.1, { '）': 5.3 }),
    ];
    expect(texts(runs)).toEqual(['重要業績評価指標（KPI）', '単位']);
  });

  it('joins a year letter-spaced in a narrow cell whose digit the automatic spacing set a phrase’s gap apart (令 和 | 4 | 年 度, a cairo reprint of Writer)', () => {
    // 9 pt: 令和2年度 and 令和7年度 spread over wide cells, 令和4年度 3.5 pt apart in a narrow one but
    // 5.5 and 5.4 pt beside its 4; 度 touches 令.
    const xs = [273.9, 290.1, 308.0, 322.7, 338.9, 347.8, 360.3, 374.8, 385.8, 398.2, 407.3, 424.0, 442.6, 457.8, 474.4];
    expect(texts(glyphs('令和2年度令和4年度令和7年度', xs, 9, { digit: 5.6 }))).toEqual(['令和2年度', '令和4年度', '令和7年度']);
  });

  it('parts a heading of two characters from the headings of three it touches on either side (Writer: 現　状　値|実　績|目　標　値)', () => {
    // 9 pt characters, each a run of its own: 現状値 and 目標値 at 16.4 and 16.7 pt gaps, 実績 at 42.4 pt; 値 touches 実 and 績 目.
    const cells: [string, number][] = [
      ['現', 185.7],
      ['状', 211.1],
      ['値', 236.6],
      ['実', 245.6],
      ['績', 297.0],
      ['目', 306.0],
      ['標', 331.7],
      ['値', 357.5],
    ];
    expect(texts(cells.map(([text, x]) => at(text, x, 100, 9)))).toEqual(['現状値', '実績', '目標値']);
    // At the line's end, its second character alone (実績 in the last cell: 値実 | 績).
    expect(texts(cells.slice(0, 5).map(([text, x]) => at(text, x, 100, 9)))).toEqual(['現状値', '実績']);
    // Two characters apart that touch no chain's end (a word's last character and a unit) stay as they are.
    const word = [...'子育て世'].map((c, k) => at(c, 100 + 9 * k, 100, 9));
    expect(texts([...cells.slice(0, 3).map(([text, x]) => at(text, x, 100, 9)), ...word.map((w) => ({ ...w, x: w.x + 160 })), at('人', 330, 100, 9)])).toEqual([
      '現状値',
      '子育て世',
      '人',
    ]);
  });

  it('leaves ordinary text: words of several characters with a typed space, marks, and characters set unevenly', () => {
    expect(texts([run('市民 活動 支援', 50, 75)])).toEqual(['市民 活動 支援']);
    expect(texts([run('A B C', 50, 30)])).toEqual(['A B C']);
    expect(texts([at('市', 50, 100), at('民', 62.5, 100), at('活', 72.5, 100), at('動', 82.5, 100)])).toEqual(['市 民活動']);
    expect(texts([at('人', 50, 100), at('件', 62.5, 100), at('回', 77, 100)])).toEqual(['人 件 回']);
  });
});

describe('withLetterSpacingJoined: cells Chromium fills edge to edge, their paddings between', () => {
  /** Runs of one line, each its characters' width (a digit half an em) and the gap (points) after it before the next. */
  const runsOf = (size: number, baseline: number, x: number, items: (string | number)[]) => {
    const runs: TextRun[] = [];
    for (const item of items) {
      if (typeof item === 'number') x += item;
      else {
        const width = [...item].reduce((w, c) => w + (/[0-9A-Za-z]/.test(c) ? 0.5 : 1), 0) * size;
        runs.push(run(item, x, width, baseline, size));
        x += width;
      }
    }
    return runs;
  };
  const spaced = (size: number, ...items: (string | number)[]) =>
    withLetterSpacingJoined(linesOf(phrasesOf(runsOf(size, 100, 50, items))), [])[0]!.phrases.map((p) => p.text);

  it('parts two cells where the gap is both paddings, recurring on the line, though a cell’s own gap is as near (項 番|成 果 指 標: 5.79, 6.00, 6.27 pt)', () => {
    expect(spaced(7.5, '項', 5.79, '番', 6, '成', 6.26, '果', 6.27, '指', 6.27, '標', 6, '単', 10.28, '位', 6, '項', 13.29, '目', 6, '基準値')).toEqual([
      '項番',
      '成果指標',
      '単位',
      '項目',
      '基準値',
    ]);
    // A group's two characters spread over five years, between headings set at their own gap (7.17 pt) and a typed space (the line as printed).
    const line = ['指', 93.49, '標', 6, '単', 25.5, '位', 6, '基', 7.17, '準', 7.16, '値', 18.84, '2020', 7.16, '年', 7.17, '度', 6, '実', 334.98, '績'];
    expect(spaced(9, ...line, 6, '目', 7.17, '標', 7.17, '値', 18.85, '2025', 7.17, '年', 7.17, '度')).toEqual([
      '指標',
      '単位',
      '基準値 2020年度',
      '実績',
      '目標値 2025年度',
    ]);
  });

  it('measures a gap between Japanese characters against the run’s own, not a year’s wider spacing (2019 年 度|目 標 値: 7.5, 7.5, then 6.0 pt where cells meet)', () => {
    const line = [
      '現',
      11,
      '状',
      11,
      '値',
      6,
      '2018',
      7.5,
      '年',
      7.5,
      '度',
      6,
      '2019',
      7.5,
      '年',
      7.5,
      '度',
      6,
      '目',
      19.1,
      '標',
      19.1,
      '値',
      6,
      '評',
      10,
      '価',
    ];
    expect(spaced(7, ...line)).toEqual(['現状値', '2018年度', '2019年度', '目標値', '評価']);
  });

  it('parts a heading spread with its brackets and year from the next cell’s where they touch (目　標　値　（　2025　年　度　）|判　定)', () => {
    const line = ['指', 4.4, '標', 4.4, '名', 1.6, '目', 4.4, '標', 4.4, '値', 4.4, '（', 4.4, '2025', 4.4, '年', 4.4, '度', 4.4, '）', 0.2, '判', 11, '定'];
    expect(spaced(6, ...line)).toEqual(['指標名', '目標値（2025年度）', '判定']);
  });

  it('joins two pairs of characters that meet where the page’s cells meet (実　績|判　定 under 令和7年度, the line’s one seam)', () => {
    // The header's first line: its cells meet three times at 6.01 pt (beside 令和元年度, a phrase of its own, too).
    const first = runsOf(7.5, 100, 82, [
      '指',
      26.49,
      '標',
      26.49,
      '名',
      6.01,
      '令和元年度',
      6.01,
      '令',
      8.01,
      '和',
      8.01,
      '7',
      8.01,
      '年',
      8.01,
      '度',
      6.01,
      '令和7年度',
    ]);
    const second = runsOf(7.5, 112, 225.4, ['実', 24.48, '績', 6.02, '判', 6.48, '定']);
    const texts = (runs: TextRun[]) => withLetterSpacingJoined(linesOf(phrasesOf(runs)), []).map((l) => l.phrases.map((p) => p.text));
    expect(texts([...first, ...second])[1]).toEqual(['実績', '判定']);
    // Where the page tells no seam, two characters alone are no letter-spacing.
    expect(texts(second)[0]).toEqual(['実', '績', '判', '定']);
  });

  it('starts letter-spaced text at the last of a run of years a cell each (R3 … R8 at 53 pt, then R8目標値 at 7.17)', () => {
    const line = ['番', 6.3, '号', 6, '指', 15.59, '標', 6, '項', 14.79, '目', 6, 'R2', 8.87, '従', 8.86, '前', 8.87, '値', 6, 'R3', 53, 'R4', 53, 'R8', 53];
    expect(spaced(8.5, ...line, 'R8', 7.17, '目', 7.16, '標', 7.17, '値', 6, '評', 6.32, '価')).toEqual([
      '番号',
      '指標',
      '項目',
      'R2従前値',
      'R3',
      'R4',
      'R8',
      'R8目標値',
      '評価',
    ]);
  });

  it('reads a bracket Chromium kept with its year as a character of the text it justified (基 準 値 (2014 年 度 ))', () => {
    const runs = [
      at('基', 151.3, 100, 8.5),
      at('準', 161.8, 100, 8.5),
      at('値', 172.4, 100, 8.5),
      run('(2014', 182.9, 21.8, 100, 8.5),
      run('年 度', 206.7, 19.1, 100, 8.5),
      run(')', 227.8, 2.9, 100, 8.5),
    ];
    expect(withLetterSpacingJoined(linesOf(phrasesOf(runs)), [])[0]!.phrases.map((p) => p.text)).toEqual(['基準値(2014年度)']);
  });

  it('keeps one text that LibreOffice set to a tenth of a point, one gap recurring wider (19.47 and 19.57 pt)', () => {
    expect(
      spaced(
        8.39,
        'オ',
        19.47,
        'リ',
        19.47,
        'ー',
        19.47,
        'ブ',
        19.47,
        '栽',
        19.57,
        '培',
        19.46,
        '文',
        19.47,
        '化',
        19.47,
        '財',
        19.57,
        'づ',
        19.37,
        'く',
        19.47,
        'り',
      ),
    ).toEqual(['オリーブ栽培文化財づくり']);
  });
});

describe('layOut: underlines', () => {
  const page = (horizontal: { at: number; from: number; to: number }[]): PageContent => ({
    number: 1,
    width: 600,
    height: 800,
    runs: [at('従前値', 174.5, 169, 7), at('実績値', 280, 169, 7), at('令和2年度', 174.5, 177.4, 7)],
    horizontal,
    vertical: [],
  });

  it('drops the stroke Writer draws just under a justified heading from its first character (0.4-1.1 pt under the baseline)', () => {
    const rules = [
      { at: 169.4, from: 174.5, to: 322.2 },
      { at: 170.1, from: 279.9, to: 403.4 },
      { at: 159, from: 20, to: 571.3 },
      { at: 181.5, from: 20, to: 571.3 },
    ];
    expect(layOut(page(rules)).horizontal).toEqual([rules[2], rules[3]]);
  });

  it('keeps a rule that starts elsewhere than a text, or stands clear of the descenders', () => {
    const rules = [
      { at: 169.4, from: 170, to: 322.2 },
      { at: 171, from: 174.5, to: 322.2 },
    ];
    expect(layOut(page(rules)).horizontal).toEqual(rules);
  });
});
