import { describe, expect, it } from 'vitest';
import { withDocumentLock } from './lock.js';

describe('the lock of a document being imported', () => {
  it('a folder where the lock cannot be made is an unwritable output (exit 2), not a bug', async () => {
    const error = await withDocumentLock('/nonexistent-folder/doc.yaml', () => 1).catch((e: unknown) => e);
    expect((error as { messages?: { rule: string }[] }).messages?.map((m) => m.rule)).toEqual(['output-unwritable']);
  });
});
