import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_LINE_START } from './phrases.js';
import { type Analyser, loadAnalyser, loadSegmenter } from './tokenizer.js';

// The tests that load the kuromoji dictionary (seconds): the slow lane.

describe("the kuromoji segmenter on the samples' text", () => {
  it.each([
    ['台湾の現地観光事業者への訪問の再開やターゲットを絞った事業展開によるインバウンド対策（トレッキングツアー600人の受入れ）', ['600人の']],
    ['デジタル住民票(2,000枚)やメタバースなどデジタル技術を活用した情報発信', ['(2,000枚)や']],
    ['アクティビティセンター（仮称）の設置（Ｒ6～Ｒ7）', ['（仮称）の', '（Ｒ6～Ｒ7）']],
  ])('%s', async (text, kept) => {
    const segment = await loadSegmenter();
    const phrases = segment(text);
    expect(phrases.join('')).toBe(text);
    for (const k of kept) expect(phrases).toContain(k);
    for (const p of phrases.slice(1)) expect(NO_LINE_START).not.toContain(p.charAt(0));
  });

  it.each([
    ['新施設はR6年4月に開所し、R5.11月から準備', 'R6年4月'],
    ['新施設はR6年4月に開所し、R5.11月から準備', 'R5.11月'],
  ])('%s: %s is never split (keepRunsWhole with the dictionary too)', async (text, run) => {
    const segment = await loadSegmenter();
    expect(segment(text).some((p) => p.includes(run))).toBe(true);
  });
});

interface KuromojiToken {
  surface_form: string;
  pos: string;
  basic_form: string;
}

describe('the dictionary loader', () => {
  const texts = ['kpi-r1', 'narrative-r5']
    .flatMap((name) => readFileSync(`test/fixtures/expected/${name}.yaml`, 'utf8').split('\n'))
    .map((line) => line.replace(/^[\s-]*[A-Za-z]+:\s*/, '').trim())
    .filter((text) => /[\u3040-\u9fff]/.test(text));
  let own: { tokenize(s: string): KuromojiToken[] };
  let analyse: Analyser;

  beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const kuromoji = require('kuromoji') as {
      builder(o: { dicPath: string }): { build(cb: (e: Error | null, t: typeof own) => void): void };
    };
    own = await new Promise<typeof own>((resolve, reject) =>
      kuromoji.builder({ dicPath: 'node_modules/kuromoji/dict' }).build((e, t) => (e ? reject(e) : resolve(t))),
    );
    analyse = await loadAnalyser();
  }, 60_000);

  it('reads the samples: more than 200 texts', () => {
    expect(texts.length).toBeGreaterThan(200);
  });

  it.each(texts)("tokenises %s exactly as kuromoji's own builder does", (text) => {
    expect(analyse(text).map((t) => `${t.surface}/${t.pos}/${t.base}`)).toEqual(
      own.tokenize(text).map((t) => `${t.surface_form}/${t.pos}/${t.basic_form === '*' ? t.surface_form : t.basic_form}`),
    );
  });
});
