// Documents for the layout corpus and the layout property test: random documents as fast-check
// arbitraries (so that a failing case shrinks), and seeded perturbations of the committed ones.
// Every value is printed the way offices print it: thousands separators, decimals, △ for minus,
// a year note such as (H29), `-` for none; progress and status as the document printed them.
import fc from 'fast-check';

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const ERAS = [
  { mark: 'H', first: 1989 },
  { mark: 'R', first: 2019 },
];

/** `(H29)` for 2017, `(R1)` for 2019. */
export function yearNote(year) {
  const era = year >= 2019 ? ERAS[1] : ERAS[0];
  return `(${era.mark}${year - era.first + 1})`;
}

/** 3560 → `3,560`; -1.5 → `△1.5`; decimals as given. */
export function numberText(value, decimals) {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '△' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A printed value cell; `-` where there is none. */
export function measurement(value, decimals, year) {
  if (value === null) return { value: null, year: null, text: '-' };
  const rounded = Number(value.toFixed(decimals));
  return { value: rounded === 0 ? 0 : rounded, year, text: `${numberText(rounded, decimals)}${year === null ? '' : yearNote(year)}` };
}

/** Progress and status as a careful office computes and prints them (one decimal, %). */
export function reportedOf(method, a, b, c) {
  if (b === null) return { progress: null, status: 'nodata' };
  const base = a ?? 0;
  const raw = method === 'ratio' ? (b / c) * 100 : ((b - base) / (c - base)) * 100;
  const progress = Math.round(raw * 10) / 10 || 0;
  const status =
    method === 'ratio' && b >= c
      ? 'achieved'
      : method === 'ratio'
        ? b > base
          ? 'improved'
          : b < base
            ? 'worsened'
            : 'unchanged'
        : raw >= 100
          ? 'achieved'
          : raw > 0
            ? 'improved'
            : raw < 0
              ? 'worsened'
              : 'unchanged';
  return { progress, status };
}

const SUMMARY_KEY = { achieved: 'achieved', improved: 'improved', unchanged: 'unchanged', worsened: 'worsened', nodata: 'unchanged' };

/** A summary row counting the printed statuses (what the office's own table counts). */
export function summaryOf(indicators) {
  const s = { achieved: 0, improved: 0, unchanged: 0, worsened: 0, total: 0 };
  for (const i of indicators) {
    if (i.reported.status) s[SUMMARY_KEY[i.reported.status]] += 1;
    s.total += 1;
  }
  return s;
}

/** Recounts every printed summary of a KPI document from its printed statuses. */
export function recount(doc) {
  for (const s of doc.strategies) {
    if (s.reportedGoalSummary) s.reportedGoalSummary = summaryOf(s.indicators);
    for (const p of s.policies) if (p.reportedSummary) p.reportedSummary = summaryOf(p.measures.flatMap((m) => m.indicators));
    if (s.reportedSummary) {
      const policies = s.policies.map((p) => p.reportedSummary ?? summaryOf(p.measures.flatMap((m) => m.indicators)));
      s.reportedSummary = Object.fromEntries(Object.keys(s.reportedSummary).map((k) => [k, policies.reduce((n, p) => n + p[k], 0)]));
    }
  }
  return doc;
}

// Words offices use in indicator names and titles; random documents are made of these, so that
// they read like real reports (and wrap like them), with the odd Latin word and parenthesis.
const SUBJECTS = [
  '市内',
  '地域',
  '観光',
  '農林水産',
  '移住',
  '子育て世帯',
  '高齢者',
  '中小企業',
  'デジタル',
  '公共交通',
  '自主防災',
  '健康づくり',
  '文化財',
  'スポーツ',
  '空き家',
  '起業',
  '商店街',
  '小中学校',
  '図書館',
  'ふるさと納税',
  'ICT',
  'Wi-Fi',
  '道の駅',
  '認定こども園',
  '地域おこし協力隊',
];
const LINKS = ['の', 'における', 'に関する', 'による', 'を活用した', ''];
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
  '開催回数',
  '整備率',
];
const NOTES = ['(年間)', '(累計)', '(H27からの累計)', '（延べ）', ''];
const AIMS = ['の推進', 'の充実', 'の強化', 'の創出', 'の支援', 'の振興', 'づくり', 'の向上', 'の拡大', 'の整備'];
const UNITS = ['人', '件', '千人', '千円', '百万円', '%', '箇所', '回', '社', '法人', 'トン', 'ha', '団体', '世帯', '社等', '品'];
const ACTS = ['の開催', 'の実施', 'の設置', 'の導入', 'の再開', 'の締結', 'の展開', 'に向けた取組', 'による情報発信', 'の受入れ'];

const words = (list, min, max) => fc.array(fc.constantFrom(...list), { minLength: min, maxLength: max }).map((w) => w.join(''));

/** An indicator's name: subjects, a link, a count and a note, 2 to ~45 characters. */
export const indicatorNameArb = fc
  .tuple(words(SUBJECTS, 0, 3), fc.constantFrom(...LINKS), fc.constantFrom(...COUNTS), fc.constantFrom(...NOTES))
  .map(([s, l, c, n]) => `${s}${s ? l : ''}${c}${n}`);

/** A title of a strategy, policy or measure. */
export const titleArb = fc.tuple(words(SUBJECTS, 1, 4), fc.constantFrom(...AIMS), fc.boolean()).map(([s, a, quoted]) => (quoted ? `「${s}${a}」` : `${s}${a}`));

/** A narrative bullet: an act with its subject, and sometimes a figure in brackets. */
export const bulletArb = fc
  .tuple(
    words(SUBJECTS, 1, 4),
    fc.constantFrom(...ACTS),
    fc.option(fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('人', '件', '％増', '枚')), { nil: null }),
  )
  .map(([s, act, fig]) => `${s}${act}${fig ? `（${numberText(fig[0], 0)}${fig[1]}）` : ''}`);

const yearArb = fc.option(fc.integer({ min: 2012, max: 2024 }), { nil: null, freq: 3 });

/** Mostly false: a value printed `-` is the exception. */
const rarely = fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });

/** a, b, c of one indicator: magnitudes, decimals, △, year notes, `-` for none. */
const valuesArb = fc.noBias(
  fc.record({
    scale: fc.constantFrom(10, 100, 1000, 100000, 10000000),
    decimals: fc.constantFrom(0, 0, 0, 1, 2),
    // Fractions of the scale (fc.double would favour tiny magnitudes).
    a: fc.integer({ min: -20000, max: 100000 }).map((n) => n / 100000),
    b: fc.integer({ min: -20000, max: 130000 }).map((n) => n / 100000),
    c: fc.integer({ min: 5000, max: 150000 }).map((n) => n / 100000),
    aNone: rarely,
    bNone: rarely,
    aYear: yearArb,
    bYear: yearArb,
  }),
);

function indicatorOf(name, unit, ratio, v, printedError) {
  const a = v.aNone ? null : v.a * v.scale;
  const b = v.bNone ? null : v.b * v.scale;
  let c = v.c * v.scale;
  const baseline = measurement(a, v.decimals, a === null ? null : v.aYear);
  const actual = measurement(b, v.decimals, b === null ? null : v.bYear);
  // A target equal to the baseline is a division by zero the evaluator reports; offices avoid it.
  if (Number(c.toFixed(v.decimals)) === (baseline.value ?? 0)) c += 10 ** -v.decimals;
  if (ratio && Number(c.toFixed(v.decimals)) === 0) c = 10 ** -v.decimals;
  const target = measurement(c, v.decimals, null);
  const method = ratio ? 'ratio' : 'change';
  const reported = reportedOf(method, baseline.value, actual.value, target.value);
  // Some documents print a wrong status: the extractor must read it as printed.
  if (printedError && reported.status === 'improved') reported.status = 'achieved';
  return { name, unit, method, baseline, actual, target, reported };
}

/** An indicator; one in ten uses b / c (※), one in thirty prints a wrong status. */
const indicatorArb = fc
  .tuple(indicatorNameArb, fc.option(fc.constantFrom(...UNITS), { nil: null, freq: 12 }), valuesArb, fc.integer({ min: 0, max: 29 }))
  .map(([name, unit, v, roll]) => indicatorOf(name, unit, roll < 3, v, roll === 29));

const numbered = (list) => list.map((x, k) => ({ no: k + 1, ...x }));

/** How many of each part a random document may have at most. */
export const CORPUS_SIZE = { parts: 3, indicators: 4, bullets: 5 };
/** Smaller documents for the property test, where every case is printed and extracted. */
export const PROPERTY_SIZE = { parts: 2, indicators: 3, bullets: 3 };

/** A random KPI progress report: strategies, their policies, measures and indicators. */
export const kpiDocumentArb = (size = CORPUS_SIZE) =>
  fc
    .record({
      // From R5: every year note (up to 2024) is then one a report of that year can print.
      fiscalYear: fc.integer({ min: 2023, max: 2026 }),
      summaries: fc.boolean(),
      strategies: fc.array(
        fc.record({
          title: titleArb,
          indicators: fc.array(indicatorArb, { maxLength: size.indicators - 1 }),
          policies: fc.array(
            fc.record({
              title: titleArb,
              measures: fc.array(fc.record({ title: titleArb, indicators: fc.array(indicatorArb, { minLength: 1, maxLength: size.indicators }) }), {
                minLength: 1,
                maxLength: size.parts,
              }),
            }),
            { minLength: 1, maxLength: size.parts },
          ),
        }),
        { minLength: 1, maxLength: size.parts },
      ),
    })
    .map(({ fiscalYear, summaries, strategies }) =>
      recount({
        kind: 'kpi-progress',
        title: 'まち・ひと・しごと創生総合戦略 重要業績評価指標（KPI）の進捗状況',
        fiscalYear,
        strategies: numbered(
          strategies.map((s) => ({
            title: s.title,
            indicators: summaries ? s.indicators : [],
            reportedGoalSummary: summaries ? summaryOf([]) : null,
            reportedSummary: summaries ? summaryOf([]) : null,
            policies: numbered(s.policies.map((p) => ({ title: p.title, reportedSummary: summaries ? summaryOf([]) : null, measures: numbered(p.measures) }))),
          })),
        ),
      }),
    );

/** A random achievement narrative: goals, policies with bullets in both columns and 施策. */
export const narrativeDocumentArb = (size = CORPUS_SIZE) =>
  fc
    .record({
      fiscalYear: fc.integer({ min: 2019, max: 2030 }),
      goals: fc.array(
        fc.record({
          title: titleArb,
          policies: fc.array(
            fc.record({
              title: titleArb,
              results: fc.array(bulletArb, { minLength: 1, maxLength: size.bullets }),
              plans: fc.array(bulletArb, { minLength: 1, maxLength: size.bullets }),
              measures: fc.array(titleArb, { minLength: 1, maxLength: size.bullets }),
            }),
            { minLength: 1, maxLength: size.parts },
          ),
        }),
        { minLength: 1, maxLength: size.parts },
      ),
    })
    .map(({ fiscalYear, goals }) => ({
      kind: 'narrative',
      title: '基本計画と総合戦略の指標（KPI）の達成状況',
      fiscalYear,
      nextYear: fiscalYear + 1,
      goals: numbered(goals.map((g) => ({ title: g.title, policies: numbered(g.policies) }))),
    }));

/** Random documents of either kind drawn with a seed: the corpus's share of random documents. */
export function sampleDocuments(kind, seed, count) {
  return fc.sample(kind === 'narrative' ? narrativeDocumentArb() : kpiDocumentArb(), { seed, numRuns: count });
}

/** An indicator whose year notes a report of `fiscalYear` can print: later ones are left out. */
function notLaterThan(indicator, fiscalYear) {
  for (const key of ['baseline', 'actual']) {
    const m = indicator[key];
    if (m.year !== null && m.year > fiscalYear) indicator[key] = { ...m, year: null, text: m.text.replace(/\([HR]\d+\)$/, '') };
  }
  return indicator;
}

const LONGER = ['（市内全域）', 'の累計件数', '及び関連事業', '(年間延べ人数)', 'に係る支援', 'を活用した取組'];

/**
 * A committed document, perturbed: names and titles lengthened, values changed (progress,
 * status and summaries follow), indicators and bullets added. Printed errors elsewhere stay.
 */
export function perturb(doc, rng) {
  const copy = structuredClone(doc);
  const lengthen = (text) => (rng.chance(0.3) ? `${text}${rng.pick(LONGER)}` : text);
  if (copy.kind === 'narrative') {
    for (const g of copy.goals) {
      g.title = lengthen(g.title);
      for (const p of g.policies) {
        p.title = lengthen(p.title);
        p.results = p.results.map(lengthen);
        if (rng.chance(0.3)) p.plans.push(`${rng.pick(SUBJECTS)}${rng.pick(ACTS)}`);
        p.measures = p.measures.map(lengthen);
      }
    }
    return copy;
  }
  const fresh = fc.sample(indicatorArb, { seed: rng.int(0, 2 ** 31), numRuns: 40 }).map((i) => notLaterThan(i, copy.fiscalYear));
  const change = (i) => {
    i.name = lengthen(i.name);
    if (!rng.chance(0.25) || i.actual.value === null) return i;
    const decimals = (i.target.text.split('.')[1] ?? '').replace(/\D/g, '').length;
    const b = i.actual.value + (rng.next() - 0.4) * Math.abs((i.target.value ?? 1) - (i.baseline.value ?? 0) || 1);
    i.actual = measurement(b, decimals, i.actual.year);
    i.reported = reportedOf(i.method, i.baseline.value, i.actual.value, i.target.value);
    return i;
  };
  for (const s of copy.strategies) {
    s.title = lengthen(s.title);
    s.indicators = s.indicators.map(change);
    for (const p of s.policies) {
      p.title = lengthen(p.title);
      for (const m of p.measures) {
        m.title = lengthen(m.title);
        m.indicators = m.indicators.map(change);
        if (rng.chance(0.2)) m.indicators.push(fresh.pop());
      }
    }
  }
  return recount(copy);
}
