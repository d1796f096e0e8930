// Documents of other municipalities' KPI tables (the families of /work/shared/layouts.md §3),
// drawn with the variations of §4: each a tassei document with `layout` filled, which is what a
// reader of its print must give back. The print-only choices (where a unit goes, how a banner
// is separated from its title, how the legend is set) travel beside it as `style`;
// family-tables.mjs turns both into the blocks every producer prints.
//
// What a reader can know from the page decides what the document holds:
// - names, titles, headings and cells as printed (a wrapped cell's lines joined; headings never
//   wrap except at the line breaks they are written with, which `heading` keeps as `\n`);
// - a unit printed in parentheses at the end of a name stays in the name (unit null: 有害鳥獣
//   による農作物年間被害額（千円）; the convention shared with the reader, which cannot tell a
//   unit from a note such as （年間）); a unit glued to values stays in each value's text and is
//   the unit;
// - statuses are grade ids of the built-in scheme whose marks (and printed legend) the document
//   uses: a vocabulary that several schemes share is always printed with its legend;
// - a series column's cell is the actual where it is the right-most filled one;
// - widths are the share of the table's width (compare.mjs compares them with a tolerance).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { numberText, prng } from './documents.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The families drawn: F1 flat grid, F2 year series, F3 role rows, F5 comment blocks, F7 count tables (with an F1 grid). */
export const FAMILIES = ['F1', 'F2', 'F3', 'F5', 'F7'];

/** A word drawn by weight: [word, weight] pairs, the weights the counts of layouts.md §2. */
const draw = (rng, pairs) => {
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  let x = rng.next() * total;
  for (const [word, weight] of pairs) if ((x -= weight) < 0) return word;
  return pairs[pairs.length - 1][0];
};

const VOCABULARY = {
  name: [
    ['指標名', 3],
    ['目標指標', 2],
    ['成果指標名', 1],
    ['成果指標', 2],
    ['重要業績評価指標（KPI）', 2],
    ['KPI', 1],
    ['数値目標', 1],
    ['指標', 1],
  ],
  baseline: [
    ['基準値', 6],
    ['現状値', 5],
    ['現状', 2],
    ['従前値', 1],
    ['初期値', 1],
    ['策定時', 1],
  ],
  // 現状値 as the actual only beside a baseline word that is not itself 現状 (layouts.md §5.1 rule 1).
  actual: [
    ['実績値', 8],
    ['実績', 2],
    ['現状値', 2],
    ['現在値', 1],
  ],
  target: [
    ['目標値', 10],
    ['目標', 2],
    ['施策目標', 1],
  ],
  progress: [
    ['達成率', 3],
    ['進捗率', 2],
  ],
  grade: [
    ['評価', 4],
    ['判定', 2],
    ['達成度', 3],
    ['進捗区分', 1],
    ['進捗', 1],
    ['総合評価', 1],
    ['自己評価', 1],
  ],
  department: [
    ['担当課', 3],
    ['所管課', 3],
    ['担当部局', 2],
    ['主担当課', 1],
  ],
  number: [
    ['番号', 2],
    ['No.', 2],
    ['No', 1],
    ['項番', 1],
  ],
  comment: [
    ['進捗状況（成果と積み残し）', 1],
    ['今後の展望', 1],
    ['今後の取組', 1],
    ['課題', 1],
    ['要因分析', 1],
    ['改善方針', 1],
    ['取組における進捗状況', 1],
    ['翌年度の取組', 1],
    ['今後の方針', 1],
  ],
  series: [
    ['実績値', 3],
    ['実績', 2],
    ['施策目標の達成状況', 1],
    ['実績の推移', 1],
  ],
  interimRow: [
    ['期待値', 2],
    ['目標値', 2],
    ['目安値', 1],
  ],
  actualRow: [
    ['実績値', 3],
    ['実績', 1],
  ],
  block: [
    ['≪成果と見直し≫', 3],
    ['【成果と課題】', 1],
    ['≪今後の方向性≫', 1],
  ],
};

const BASELINE_IS_CURRENT = new Set(['現状値', '現状']);

// Years, as offices print them: era letters, era words, Gregorian.
const eraOf = (y) => (y >= 2019 ? { letter: 'R', word: '令和', n: y - 2018 } : { letter: 'H', word: '平成', n: y - 1988 });
const YEAR_FORMS = {
  letter: (y) => `${eraOf(y).letter}${eraOf(y).n}`,
  word: (y) => `${eraOf(y).word}${eraOf(y).n === 1 && y === 2019 ? '元' : eraOf(y).n}年度`,
  gregorian: (y) => `${y}年度`,
};

/** How a role heading carries its year: after it, before it, on a second line or header row, or not at all. */
const YEAR_PLACEMENTS = [
  ['after', 4],
  ['afterParens', 4],
  ['before', 2],
  ['secondLine', 3],
  ['none', 1],
];

function roleHeading(word, year, placement, form, rng) {
  if (year === null || placement === 'none') return word;
  const y = YEAR_FORMS[form](year);
  if (placement === 'after') return `${word} ${y}`;
  if (placement === 'afterParens') return `${word}${rng.chance(0.5) ? `（${y}）` : `(${y})`}`;
  if (placement === 'before') return form === 'letter' ? `${y}${word}` : `${y}\n${word}`;
  return `${word}\n${rng.chance(0.5) ? `（${y}）` : y}`;
}

// Hierarchy labels and numbering (layouts.md §4 item 7).
const NUMBERINGS = {
  arabic: (n) => `${n}`,
  roman: (n) => String.fromCharCode(0x215f + n),
  circled: (n) => String.fromCharCode(0x245f + n),
  parens: (n) => `(${n})`,
  wideParens: (n) => `（${n}）`,
  chapter: (n) => `第${n}章`,
};
const LEVEL_LABELS = {
  strategy: [
    [['基本目標', 'arabic'], 3],
    [['基本目標', 'roman'], 2],
    [['政策目標', 'arabic'], 1],
    [['重点戦略', 'arabic'], 1],
    [['', 'chapter'], 1],
    [['', 'roman'], 1],
  ],
  policy: [
    [['基本的方向', 'arabic'], 2],
    [['基本施策', 'arabic'], 2],
    [['基本戦略', 'circled'], 1],
    [['施策の方向', 'parens'], 1],
    [['', 'parens'], 1],
  ],
  measure: [
    [['具体的な施策', 'circled'], 2],
    [['■施策', 'circled'], 2],
    [['個別施策', 'parens'], 1],
    [['施策', 'arabic'], 1],
    [['', 'circled'], 1],
  ],
};
const INDICATOR_NUMBERINGS = [
  ['arabic', 3],
  ['circled', 2],
  ['parens', 1],
];

// Words of names, titles and comments.
const SUBJECTS = [
  '市内',
  '地域',
  '観光',
  '農林水産業',
  '移住',
  '子育て世帯',
  '高齢者',
  '中小企業',
  '公共交通',
  '自主防災組織',
  '健康づくり',
  '文化財',
  '空き家',
  '商店街',
  '図書館',
  'ふるさと納税',
  'ICT',
  '道の駅',
  '有害鳥獣',
  'オリーブ栽培',
];
const COUNTS = [
  '相談件数',
  '利用者数',
  '参加者数',
  '入込客数',
  '認定件数',
  '設置数',
  '割合',
  '満足度',
  '販売額',
  '登録者数',
  '実施回数',
  '就業者数',
  '延べ宿泊者数',
  '支援件数',
  '加入率',
  '受診率',
  '被害額',
  '面積',
];
const AIMS = ['の推進', 'の充実', 'の強化', 'の創出', 'の支援', 'の振興', 'づくり', 'の向上', 'の拡大', 'の整備'];
const SENTENCES = [
  '補助事業については、一定程度の成果があった。',
  '参加者数は前年度を上回り、目標に向けて順調に推移している。',
  '感染症の影響により、事業を縮小して実施した。',
  '今後も関係機関と連携し、制度の周知に努める。',
  '防護柵の設置等による防除対策の普及により、被害額は減少した。',
  '担い手の高齢化が進んでおり、新たな人材の確保が課題である。',
  'SNSを活用した情報発信を強化し、若い世代の参加を促す。',
  '国の方針に沿って、6次産業化の取組を継続する。',
  '目標の達成に向けて、事業の見直しを行う。',
  '利用者アンケートの結果を踏まえ、内容の充実を図る。',
];
const DEPARTMENTS = [
  ['商工観光課', 3],
  ['経済部産業振興課', 2],
  ['企画財政課', 2],
  ['農林振興課', 2],
  ['健康福祉課', 2],
  ['子育て支援課', 1],
  ['経済部産業振興課、経済部農業課', 1],
  ['政策企画部・計画推進課', 1],
  ['農業政策課（内線3828）', 1],
  ['ユネスコエコパーク推進室', 1],
];
// Units a name's parentheses can end with; notes of names ((年間), (累計)) never come last where a unit does.
const UNITS = [
  ['人', 4],
  ['件', 4],
  ['千円', 2],
  ['百万円', 1],
  ['%', 3],
  ['箇所', 2],
  ['回', 2],
  ['社', 1],
  ['ha', 1],
  ['団体', 1],
  ['人/年', 1],
  ['件/年', 1],
  ['万人', 1],
  ['‰', 1],
];
const NOTES = ['（年間）', '（累計）', '(延べ)', ''];

const pick = (rng, list) => list[Math.floor(rng.next() * list.length)];
const words = (rng, list, lo, hi) => Array.from({ length: rng.int(lo, hi) }, () => pick(rng, list)).join('');

function nameOf(rng) {
  const subject = words(rng, SUBJECTS, 1, 3);
  return `${subject}${rng.chance(0.5) ? 'の' : ''}${pick(rng, COUNTS)}${rng.chance(0.3) ? pick(rng, NOTES) : ''}`;
}
const titleOf = (rng) => `${words(rng, SUBJECTS, 1, 3)}${pick(rng, AIMS)}`;
const commentOf = (rng, lo, hi) => Array.from({ length: rng.int(lo, hi) }, () => pick(rng, SENTENCES)).join('');

// Grading schemes: the built-in ones (schemes/*.yaml), good to bad; `bare` those whose marks alone tell them.
const SCHEME_ORDER = {
  nagayo: { grades: ['S', 'A', 'B', 'C'], nodata: 'nodata', bare: true, tellingMark: 'S' },
  ino: { grades: ['above', 'equal', 'below', 'none'], nodata: 'unrated' },
  kitsuki: { grades: ['A', 'B', 'C', 'D'], nodata: 'nodata' },
  tagawa: { grades: ['A', 'B', 'C'], nodata: 'nodata' },
  // ① reads as 1 in NFKC, a mark of sano's too: always with its legend.
  tama: { grades: ['steady', 'mostly', 'needs-work'], nodata: 'nodata' },
  fukuoka: { grades: ['a', 'b', 'c'], nodata: 'nodata', bare: true },
  etajima: { grades: ['improved', 'kept', 'worsened'], nodata: 'nodata' },
  default: { grades: ['achieved', 'improved', 'unchanged', 'worsened'], nodata: 'nodata', bare: true },
};
const SCHEME_WEIGHTS = [
  ['nagayo', 3],
  ['ino', 2],
  ['kitsuki', 2],
  ['tagawa', 2],
  ['tama', 1],
  ['fukuoka', 1],
  ['etajima', 1],
  ['default', 1],
];
/**
 * Vocabularies that cities print with a legend of their own and no scheme file holds (layouts.md
 * §2.5: 茨城県's A/B+/B/C, its 総合計画's words, 枚方市's A–E, あきる野市's letters, 千葉県's 進展):
 * the document is `scheme: legend`, its grades the legend's marks in order (ids as
 * model/scheme.ts legendGradeId gives them), good to bad; the last a mark of no data where one is.
 */
const LEGEND_VOCABULARIES = {
  'legend:ibaraki': [
    ['A', '順調（100％以上）'],
    ['B+', '概ね順調（80～99％）'],
    ['B', 'やや遅れ（50～79％）'],
    ['C', '遅れ（50％未満）'],
  ],
  'legend:words': [
    ['順調', '目標の達成に向けて順調に推移している'],
    ['概ね順調', '目標の達成に向けて概ね順調に推移している'],
    ['やや遅れ', '目標の達成に向けてやや遅れている'],
    ['遅れ', '目標の達成に向けて遅れている'],
  ],
  'legend:hirakata': [
    ['A', '目標を達成した'],
    ['B', '目標の8割以上を達成した'],
    ['C', '目標の5割以上を達成した'],
    ['D', '目標の5割未満'],
    ['E', '基準値より悪化した'],
  ],
  'legend:akiruno': [
    ['S', '目標値以上'],
    ['A', '目標値どおり'],
    ['B', '要改善'],
    ['C', '要大幅改善'],
    ['Z', '評価困難'],
  ],
  'legend:chiba': [
    ['進展', '基準値から改善している'],
    ['進展せず', '基準値から改善していない'],
    ['－', '実績値が把握できない'],
  ],
};
/** The grade id a legend's mark has in the model (model/scheme.ts legendGradeId). */
const legendGradeId = (mark, place) =>
  /^[-‐–—―−－]$/.test(mark.normalize('NFKC').trim()) ? 'nodata' : /^[A-Za-z0-9]+[+-]?$/.test(mark) ? mark.replace('+', 'plus') : `m${place + 1}`;
const schemes = new Map(
  Object.entries(LEGEND_VOCABULARIES).map(([id, marks]) => [id, marks.map(([mark, meaning], k) => ({ id: legendGradeId(mark, k), mark, meaning }))]),
);
/** A legend vocabulary's grade for a status of a built-in scheme: the same place from the best, no data to its mark of no data or the worst. */
function legendGradeOf(schemeId, vocabularyId, status) {
  const grades = schemeGrades(vocabularyId);
  const nodata = grades.find((g) => g.id === 'nodata');
  const ranked = grades.filter((g) => g !== nodata);
  const { grades: order } = SCHEME_ORDER[schemeId];
  const k = order.indexOf(status);
  if (k < 0) return (nodata ?? ranked.at(-1)).id;
  return ranked[Math.min(ranked.length - 1, Math.round((k * (ranked.length - 1)) / Math.max(1, order.length - 1)))].id;
}
/** Documents printed under a vocabulary of their own legend: a stream of its own, so that a seed draws the same document but for its marks. */
const LEGEND_VOCABULARY_STREAM = 0x1e6d;
const LEGEND_VOCABULARY_SHARE = 0.2;

/** A built-in scheme's grades (id, mark, meaning) in print order. */
export function schemeGrades(id) {
  if (!schemes.has(id)) schemes.set(id, yaml.load(readFileSync(join(REPO, 'schemes', `${id}.yaml`), 'utf8')).grades);
  return schemes.get(id);
}
export const markOf = (schemeId, grade) => schemeGrades(schemeId).find((g) => g.id === grade).mark;

/** A status from the numbers, roughly as such schemes grade: the share of the way to the target. */
function gradeOf(schemeId, a, b, c) {
  const { grades, nodata } = SCHEME_ORDER[schemeId];
  if (b === null || c === null) return nodata;
  const share = c === a ? (b >= c ? 1 : 0) : (b - a) / (c - a);
  const k = share >= 1 ? 0 : share > 0.5 ? 1 : share > 0 ? 2 : 3;
  return grades[Math.min(k, grades.length - 1)];
}

// Values.
const NEGATIVE_MARKS = ['▲', '△'];

/** A value as printed: thousands commas, decimals, ▲ for minus, a glued unit, a prefix (延べ) or a suffix (以上). */
function valueText(value, decimals, { unit = '', minus = '▲', prefix = '', suffix = '' } = {}) {
  const text = numberText(value, decimals).replace('△', minus);
  return `${prefix}${text}${unit}${suffix}`;
}
const era = (y) => `(${eraOf(y).letter}${eraOf(y).n})`;

/**
 * One indicator's values: a (baseline), c (target), yearly actuals from the first plan year to
 * the report's; one in seven decreasing, one in twenty negative (社会増減), a few text values.
 */
function valuesOf(rng, years, fiscalYear) {
  const scale = pick(rng, [10, 100, 1000, 10000, 100000]);
  const decimals = scale <= 100 && rng.chance(0.4) ? 1 : 0;
  const negative = rng.chance(0.05);
  const down = !negative && rng.chance(0.15);
  const round = (x) => Number(x.toFixed(decimals));
  let a = round(scale * (0.3 + rng.next()));
  let c = round(down ? a * (0.5 + 0.4 * rng.next()) : a * (1.1 + rng.next()));
  if (negative) [a, c] = [-round(scale * (2 + rng.next())), -round(scale * (0.5 + rng.next()))];
  if (c === a) c = round(a + 10 ** -decimals * (down ? -1 : 1));
  const actuals = new Map();
  let b = a;
  for (const y of years) {
    if (y > fiscalYear) break;
    b = round(b + (c - a) * (rng.next() * 0.5 - 0.1));
    actuals.set(y, b);
  }
  return { a, c, actuals, decimals, negative };
}

const measurement = (value, year, text) => ({ value, year, text });

/**
 * Text values (調査中, 基準値を上回る), comparative targets (2,000以上) and cumulative marks
 * (延べ 2), as real tables print them (layouts.md §4 item 5), are drawn from a stream of their
 * own: a seed draws the same document with or without them, but for those cells.
 */
const TEXT_VALUE_STREAM = 0x7e47;
const textRngOf = (seed, textValues) => (textValues ? prng((seed ^ TEXT_VALUE_STREAM) >>> 0) : null);

/** The choices of a document's family, drawn from its seed. */
function shapeOf(family, rng) {
  const start = pick(rng, [2015, 2020, 2021]);
  const end = start + (start === 2015 ? 4 : pick(rng, [4, 4, 5]));
  const fiscalYear = rng.int(start + 1, end);
  const levels = family === 'F5' || rng.chance(0.6) ? 3 : 1;
  const hierarchyStyle =
    family === 'F3' || family === 'F5' || family === 'F2'
      ? 'banner'
      : draw(rng, [
          ['banner', 3],
          ['column', 2],
          ['mixed', levels === 3 ? 2 : 0],
        ]);
  return { start, end, fiscalYear, levels, hierarchyStyle };
}

/** The columns of the family's grid, left to right, before the hierarchy columns. */
function columnsOf(family, rng, shape, vocabulary) {
  const { start, fiscalYear, end } = shape;
  const placement = draw(rng, YEAR_PLACEMENTS);
  const form = draw(rng, [
    ['letter', 4],
    ['word', 2],
    ['gregorian', 1],
  ]);
  const heading = (word, year) => roleHeading(word, year, placement, form, rng);
  const baselineYear = start - 1;
  const columns = [];
  const add = (role, text, extra = {}) => columns.push({ role, heading: text, ...extra });
  const yearOf = (y) => (placement === 'none' ? {} : { fiscalYear: y });
  if (rng.chance(0.35)) add('number', draw(rng, VOCABULARY.number));
  add('name', draw(rng, VOCABULARY.name));
  const unitColumn = family !== 'F5' && rng.chance(0.4);
  if (unitColumn) add('unit', '単位');
  const baselineWord = draw(rng, VOCABULARY.baseline);
  const actualWord = draw(
    rng,
    VOCABULARY.actual.filter(([w]) => !(BASELINE_IS_CURRENT.has(baselineWord) && w === '現状値')),
  );
  const targetWord = draw(rng, VOCABULARY.target);
  const targetColumn = () => add('target', heading(targetWord, end), yearOf(end));
  if (family === 'F1' || family === 'F7' || family === 'F5') {
    add('baseline', heading(baselineWord, baselineYear), yearOf(baselineYear));
    if (family === 'F5' && rng.chance(0.6)) {
      // A year spanning the actual and its grade (江田島市: H27 over 実績 | 達成度).
      const group = YEAR_FORMS[form](fiscalYear);
      add('actual', pick(rng, ['実績', '実績値']), { group, fiscalYear });
      add('grade', draw(rng, VOCABULARY.grade), { group });
      targetColumn();
    } else {
      const targetFirst = family === 'F1' && rng.chance(0.2);
      if (targetFirst) targetColumn();
      add('actual', heading(actualWord, fiscalYear), yearOf(fiscalYear));
      if (!targetFirst) targetColumn();
      if (rng.chance(0.35)) add('progress', draw(rng, VOCABULARY.progress));
      add('grade', draw(rng, VOCABULARY.grade));
    }
  } else if (family === 'F2') {
    add('baseline', heading(baselineWord, baselineYear), yearOf(baselineYear));
    const group = rng.chance(0.6) ? draw(rng, VOCABULARY.series) : undefined;
    for (let y = start; y <= end; y++) add('series', YEAR_FORMS[form](y), { fiscalYear: y, ...(group ? { group } : {}) });
    targetColumn();
    if (rng.chance(0.6)) add('grade', draw(rng, VOCABULARY.grade));
  } else if (family === 'F3') {
    add('other', pick(rng, ['区分', '項目', '']));
    add('baseline', heading(baselineWord, baselineYear), yearOf(baselineYear));
    for (let y = start; y <= end; y++) add('series', YEAR_FORMS[form](y), { fiscalYear: y });
    targetColumn();
    if (rng.chance(0.7)) add('grade', draw(rng, VOCABULARY.grade));
  }
  if (family !== 'F5' && rng.chance(0.4)) add('department', draw(rng, VOCABULARY.department));
  if ((family === 'F1' || family === 'F7') && rng.chance(0.45)) {
    const headings = new Set(Array.from({ length: rng.int(1, 2) }, () => draw(rng, VOCABULARY.comment)));
    for (const h of headings) add('comment', h);
  }
  // A second header row: a spanning group, or a heading set over two rows with a rule between.
  const grouped = columns.some((c) => c.group);
  const twoRows = grouped || (columns.some((c) => c.heading.includes('\n')) && rng.chance(0.5));
  return { columns, headerRows: twoRows ? 2 : 1, unitColumn, vocabulary: { ...vocabulary, baselineWord, actualWord } };
}

/** An indicator with the cells its columns print. */
function indicatorOf(rng, ctx, number) {
  const { columns, shape, schemeId, style, family } = ctx;
  const has = (role) => columns.some((c) => c.role === role);
  const years = [];
  for (let y = shape.start; y <= shape.end; y++) years.push(y);
  const v = valuesOf(rng, years, shape.fiscalYear);
  const unit = draw(rng, UNITS);
  const glued = style.unitPlacement === 'glued' ? unit : '';
  const minus = pick(rng, NEGATIVE_MARKS);
  const fmt = (value, extra = {}) => valueText(value, v.decimals, { unit: glued, minus, ...extra });
  const text = ctx.textRng;
  const cumulative = text && family === 'F5' && !v.negative && text.chance(0.15) ? '延べ ' : '';
  const baselineNote = rng.chance(0.12) ? shape.start - 2 : null;
  const baseline = measurement(v.a, baselineNote, `${fmt(v.a, { prefix: cumulative })}${baselineNote ? era(baselineNote) : ''}`);
  let target = measurement(v.c, null, fmt(v.c, { prefix: cumulative }));
  if (text && text.chance(0.05) && v.c > v.a) target = measurement(v.c, null, fmt(v.c, { suffix: '以上' }));
  else if (text && text.chance(0.03)) target = measurement(null, null, `${ctx.vocabulary.baselineWord}を上回る`);
  const latest = v.actuals.get(shape.fiscalYear);
  const textual = text !== null && text.chance(0.05);
  const series = years.map((y) => {
    const b = v.actuals.get(y);
    if (b === undefined) return { fiscalYear: y, value: null, year: null, text: style.future };
    if (textual && y === shape.fiscalYear) return { fiscalYear: y, value: null, year: null, text: '調査中' };
    return { fiscalYear: y, value: b, year: null, text: fmt(b, { prefix: cumulative }) };
  });
  const actualEntry = [...series].reverse().find((e) => e.text !== style.future && e.text !== '') ?? series[0];
  const actual = has('series')
    ? measurement(actualEntry.value, null, actualEntry.text)
    : textual
      ? measurement(null, null, '調査中')
      : measurement(latest, null, fmt(latest, { prefix: cumulative }));
  const status = has('grade') ? gradeOf(schemeId, v.a, actual.value, target.value) : null;
  const progress =
    has('progress') && actual.value !== null && target.value !== null ? Math.round(((actual.value - v.a) / (target.value - v.a)) * 1000) / 10 || 0 : null;
  const [open, close] = style.unitParens;
  const name = nameOf(rng);
  const indicator = {
    name: style.unitPlacement === 'name' ? `${name}${open}${unit}${close}` : name,
    unit: style.unitPlacement === 'name' ? null : unit,
    method: 'change',
    baseline,
    actual,
    target,
    reported: { progress, status },
  };
  if (number !== null) indicator.number = number;
  const targetColumn = columns.find((c) => c.role === 'target');
  if (targetColumn?.fiscalYear) indicator.targetYear = targetColumn.fiscalYear;
  if (has('series')) indicator.series = series;
  if (family === 'F3') {
    const heading = ctx.interimHeading;
    const step = (v.c - v.a) / years.length;
    indicator.interim = years.map((y, k) => {
      const value = Number((v.a + step * (k + 1)).toFixed(v.decimals));
      return { fiscalYear: y, value, year: null, text: fmt(value), heading };
    });
  }
  if (has('department')) indicator.department = draw(rng, DEPARTMENTS);
  const comments = columns.filter((c) => c.role === 'comment').map((c) => ({ heading: c.heading, text: commentOf(rng, 1, 3) }));
  if (ctx.commentBlocks) comments.push({ heading: ctx.commentBlocks, text: commentOf(rng, 2, 4) });
  if (comments.length > 0) indicator.comments = comments;
  return indicator;
}

const NUMBER_OF = (form, n) => NUMBERINGS[form](n);

/** A random document of a family with its print style, from a seed. */
export function familyCase(family, seed, { textValues = true, legendVocabularies = true } = {}) {
  const rng = prng(seed);
  const shape = shapeOf(family, rng);
  const { columns, headerRows, unitColumn, vocabulary } = columnsOf(family, rng, shape, {});
  const schemeId = draw(rng, SCHEME_WEIGHTS);
  const hasGrade = columns.some((c) => c.role === 'grade');
  const style = {
    unitPlacement: unitColumn
      ? 'column'
      : draw(rng, [
          ['name', 3],
          ['glued', 2],
        ]),
    unitParens: pick(rng, [
      ['(', ')'],
      ['（', '）'],
    ]),
    bannerSeparator: pick(rng, ['　', ' ', '']),
    bannerShade: rng.chance(0.5),
    groupCell: pick(rng, ['lines', 'inline']),
    future: pick(rng, ['―', '-', '']),
    legendLines: pick(rng, ['one', 'each']),
    legendSeparator: pick(rng, ['：', ':', ' ']),
    goalBanner: pick(rng, ['数値目標', '■数値目標', '【数値目標】']),
  };
  const levels = shape.levels === 3 ? ['strategy', 'policy', 'measure'] : ['strategy'];
  const hierarchy = levels.map((level) => {
    const [label, numbering] = draw(rng, LEVEL_LABELS[level]);
    const placed = shape.hierarchyStyle === 'banner' || (shape.hierarchyStyle === 'mixed' && level === 'strategy') ? 'banner' : 'column';
    return { level, label, numbering: NUMBER_OF(numbering, 1), style: placed, form: numbering };
  });
  const groupColumns = hierarchy
    .filter((h) => h.style === 'column')
    .map((h) => ({ role: h.level, heading: h.label || { strategy: '基本目標', policy: '基本施策', measure: '施策' }[h.level] }));
  const allColumns = [...(columns[0].role === 'number' ? [columns[0]] : []), ...groupColumns, ...columns.filter((c, k) => !(k === 0 && c.role === 'number'))];
  const commentBlocks = family === 'F5' ? draw(rng, VOCABULARY.block) : undefined;
  const ctx = {
    columns: allColumns,
    shape,
    schemeId,
    style,
    family,
    vocabulary,
    commentBlocks,
    interimHeading: draw(rng, VOCABULARY.interimRow),
    textRng: textRngOf(seed, textValues),
  };
  ctx.actualRowHeading = draw(rng, VOCABULARY.actualRow);
  const numberForm = draw(rng, INDICATOR_NUMBERINGS);
  let running = 0;
  const indicators = (lo, hi) =>
    Array.from({ length: rng.int(lo, hi) }, () =>
      indicatorOf(rng, ctx, allColumns.some((c) => c.role === 'number') ? NUMBER_OF(numberForm, (running += 1)) : null),
    );
  const strategyCount = rng.int(1, levels.length === 3 ? 2 : 3);
  // (Not in F7: a count table's row of a goal counts its policies' indicators, as the model's total row.)
  const goalIndicators = levels.length === 3 && shape.hierarchyStyle === 'banner' && rng.chance(0.4) && family !== 'F7';
  const strategies = Array.from({ length: strategyCount }, (_, s) => ({
    no: s + 1,
    title: titleOf(rng),
    indicators: levels.length === 1 ? indicators(1, 4) : goalIndicators ? indicators(1, 2) : [],
    reportedGoalSummary: null,
    reportedSummary: null,
    policies:
      levels.length === 1
        ? []
        : Array.from({ length: rng.int(1, 2) }, (_, p) => ({
            no: p + 1,
            title: titleOf(rng),
            reportedSummary: null,
            measures: Array.from({ length: rng.int(1, 2) }, (_, m) => ({ no: m + 1, title: titleOf(rng), indicators: indicators(1, family === 'F5' ? 2 : 3) })),
          })),
  }));
  // The legend: printed for every vocabulary that several schemes share, and for one whose marks
  // would tell it (S of nagayo) where no indicator printed the telling mark; else now and then.
  const { bare } = SCHEME_ORDER[schemeId];
  const statuses = new Set(
    strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]).map((i) => i.reported.status),
  );
  const told = tells(schemeId, statuses);
  const legendPlacement = !hasGrade ? null : bare && rng.chance(0.4) && told ? null : pick(rng, ['top', 'below']);
  const legendHeading = pick(rng, ['【評価】', '【達成度】', '※評価', '評価基準']);
  const summary = family === 'F7' && hasGrade ? { shape: pick(rng, ['columns', 'rows']), placement: pick(rng, ['before', 'after']) } : null;
  // A goal with no policies counts its own indicators: the model's goal row (reportedGoalSummary).
  if (summary) for (const s of strategies) s[s.policies.length === 0 ? 'reportedGoalSummary' : 'reportedSummary'] = countsOf(schemeId, s);
  const year = YEAR_FORMS.word(shape.fiscalYear);
  const title = pick(rng, [
    `${year} まち・ひと・しごと創生総合戦略 KPI達成状況`,
    `総合戦略における数値目標・重要業績評価指標の進捗状況（${year}実績）`,
    `第2次総合計画 成果指標の達成状況（${year}）`,
    `${year}実績評価シート【重要業績評価指標（KPI）】`,
  ]);
  const document = {
    kind: 'kpi-progress',
    title,
    fiscalYear: shape.fiscalYear,
    // The scheme its marks are grades of (the loader checks statuses against it).
    ...(schemeId === 'default' || !hasGrade ? {} : { scheme: schemeId }),
    layout: {
      columns: allColumns.map(({ role, heading, group, fiscalYear }) => ({
        role,
        heading,
        ...(group ? { group } : {}),
        ...(fiscalYear ? { fiscalYear } : {}),
      })),
      headerRows,
      hierarchy: hierarchy.map(({ level, label, numbering, style: placed }) => ({ level, label, numbering, style: placed })),
      ...(legendPlacement
        ? {
            legend: legendOf(schemeId, legendHeading, legendPlacement),
          }
        : {}),
      summary,
      ...(commentBlocks ? { commentBlocks } : {}),
      orientation: 'portrait',
      paper: 'A4',
    },
    strategies,
  };
  if (document.layout.legend?.marks.length === 0) delete document.layout.legend;
  const printedScheme = legendVocabularies && hasGrade ? withLegendVocabulary(document, seed, schemeId, legendHeading) : schemeId;
  return {
    document,
    style: { ...style, family, schemeId: printedScheme, commentBlocks, hierarchyForms: hierarchy.map((h) => h.form), actualRowHeading: ctx.actualRowHeading },
  };
}

/**
 * Now and then, the document printed under a vocabulary of its own legend instead of its scheme's
 * marks (drawn from a stream of its own): statuses to the legend's grades at the same place, the
 * legend always printed, counts recounted. Gives the scheme whose marks are printed.
 */
function withLegendVocabulary(document, seed, schemeId, heading) {
  const rng = prng((seed ^ LEGEND_VOCABULARY_STREAM) >>> 0);
  if (!rng.chance(LEGEND_VOCABULARY_SHARE)) return schemeId;
  const vocabularyId = pick(rng, Object.keys(LEGEND_VOCABULARIES));
  const grades = schemeGrades(vocabularyId);
  const noData = grades.some((g) => g.id === 'nodata');
  const all = document.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]);
  for (const i of all) {
    const { status } = i.reported;
    // A vocabulary without a mark of no data leaves the cell blank.
    i.reported.status = status === null || (status === SCHEME_ORDER[schemeId].nodata && !noData) ? null : legendGradeOf(schemeId, vocabularyId, status);
  }
  for (const s of document.strategies) {
    for (const key of ['reportedSummary', 'reportedGoalSummary']) if (s[key]) s[key] = countsOf(vocabularyId, s);
  }
  document.scheme = 'legend';
  const { legend, ...layout } = document.layout;
  const placement = legend?.placement ?? pick(rng, ['top', 'below']);
  const marks = grades.map((g) => ({ mark: g.mark, meaning: g.meaning }));
  document.layout = Object.fromEntries(
    Object.entries({ ...layout, legend: { heading: legend?.heading ?? heading, marks, placement } }).sort(
      ([a], [b]) => LAYOUT_KEYS.indexOf(a) - LAYOUT_KEYS.indexOf(b),
    ),
  );
  return vocabularyId;
}
const LAYOUT_KEYS = ['columns', 'headerRows', 'hierarchy', 'legend', 'summary', 'commentBlocks', 'orientation', 'paper'];

/** A strategy's printed counts per grade (grade ids of the scheme, and total). */
function countsOf(schemeId, strategy) {
  const all = [...strategy.indicators, ...strategy.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))];
  const grades = schemeGrades(schemeId);
  const counts = Object.fromEntries(grades.filter((g) => !g.countIn).map((g) => [g.id, 0]));
  for (const i of all) {
    const grade = grades.find((g) => g.id === i.reported.status);
    if (grade) counts[grade.countIn ?? grade.id] += 1;
  }
  return { ...counts, total: all.length };
}

/** A family's documents as a fast-check arbitrary (the property test draws from it). */
/** Whether the statuses printed tell the scheme without a legend: its telling mark (if it has one) is among them. */
function tells(schemeId, statuses) {
  const { tellingMark } = SCHEME_ORDER[schemeId];
  return !tellingMark || statuses.has(tellingMark);
}

const legendOf = (schemeId, heading, placement) => ({
  heading,
  marks: schemeGrades(schemeId)
    .filter((g) => g.meaning)
    .map((g) => ({ mark: g.mark, meaning: g.meaning })),
  placement,
});

/**
 * A legend for a document whose statuses were graded again (tassei's own prints) and no longer
 * print the mark that told its scheme: S of nagayo drawn at a target met exactly is A once
 * graded, and a page of A marks alone is abcd's as much as nagayo's.
 */
export function withLegendWhereUntold(document) {
  const schemeId = document.scheme;
  const graded = document.layout.columns.some((c) => c.role === 'grade');
  if (!schemeId || !graded || document.layout.legend) return document;
  const statuses = new Set(
    document.strategies.flatMap((s) => [...s.indicators, ...s.policies.flatMap((p) => p.measures.flatMap((m) => m.indicators))]).map((i) => i.reported.status),
  );
  if (!tells(schemeId, statuses)) document.layout.legend = legendOf(schemeId, '【評価】', 'below');
  return document;
}

export const familyCaseArb = (family) => fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => ({ seed, ...familyCase(family, seed) }));
