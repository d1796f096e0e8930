import { describe, expect, it } from 'vitest';
import { loadSegmenter } from '../japanese/tokenizer.js';

// Loads the kuromoji dictionary and cuts 100,000 characters (seconds): the slow lane.

describe('long text and kuromoji', () => {
  it('segments a 100,000-character text without punctuation in seconds (kuromoji alone: minutes), every character kept', async () => {
    const segment = await loadSegmenter();
    // kuromoji splits sentences at 、。 itself; a run without them costs it more than linear time.
    const words = ['観光', 'の', '振興', 'と', '地域', '経済', 'を', '推進', 'する', '市民', '参加'];
    let text = '';
    for (let i = 0; text.length < 100_000; i++) text += words[(i * 7) % words.length];
    const started = Date.now();
    const phrases = segment(text);
    // About 2 s on the project machine under load; unchunked, 8,000 characters already take 3 s.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(phrases.join('')).toBe(text);
  });
});
