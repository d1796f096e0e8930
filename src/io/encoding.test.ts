import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Encoding from 'encoding-japanese';
import { describe, expect, it } from 'vitest';
import { TasseiError } from '../model/errors.js';
import { readDocumentFile } from './yaml-read.js';

const TEXT = `kind: narrative
title: 基本計画と総合戦略の指標（KPI）の達成状況 髙﨑①～
fiscalYear: 2023
nextYear: 2024
goals:
  - no: 1
    title: 「魅力の創出・交流」の拡大
    policies:
      - no: 1
        title: 観光の振興と魅力の創出
        results: [ケイビングツアーの創出]
        plans: [アクティビティセンター（仮称）の設置（Ｒ6～Ｒ7）]
        measures: [観光の振興]
`;

function encoded(to: Encoding.Encoding, text = TEXT): Uint8Array {
  return new Uint8Array(Encoding.convert(Encoding.stringToCode(text), { to, from: 'UNICODE' }));
}

function read(bytes: Uint8Array) {
  const file = join(mkdtempSync(join(tmpdir(), 'tassei-encoding-')), 'doc.yaml');
  writeFileSync(file, bytes);
  return readDocumentFile(file);
}

const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  return new Uint8Array(order === 'le' ? le : le.swap16());
};

describe('the text encoding of a YAML', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['UTF-8', new Uint8Array(Buffer.from(TEXT)), null],
    ['UTF-8 with a byte order mark', new Uint8Array(Buffer.from(`\uFEFF${TEXT}`)), null],
    ['Shift_JIS (CP932: 髙﨑①)', encoded('SJIS'), 'read as Shift_JIS'],
    ['UTF-16LE with a byte order mark (Notepad)', utf16(TEXT, 'le', true), 'read as UTF-16LE'],
    ['UTF-16BE with a byte order mark', utf16(TEXT, 'be', true), 'read as UTF-16BE'],
    ['UTF-16LE without one', utf16(TEXT, 'le', false), 'read as UTF-16LE'],
  ])('%s is read as written, with a note where it is not UTF-8', (_, bytes, note) => {
    const { document, messages } = read(bytes);
    expect(document.title).toBe('基本計画と総合戦略の指標（KPI）の達成状況 髙﨑①～');
    expect(messages.map((m) => m.message.en)).toEqual(note ? [note] : []);
    if (note) expect(messages[0]).toMatchObject({ severity: 'warning', rule: 'text-encoding', file: expect.stringMatching(/doc\.yaml$/) });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['EUC-JP', encoded('EUCJP'), /the text is in EUC-JP/],
    [
      'bytes of no text encoding',
      new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0xfd, 0x80, 0x00, 0x81]),
      /neither UTF-8, Shift_JIS nor UTF-16/,
    ],
  ])('%s is refused by name, never shown as mojibake', (_, bytes, message) => {
    let error: unknown;
    try {
      read(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TasseiError);
    expect((error as TasseiError).messages).toMatchObject([
      { rule: 'text-encoding', message: { en: expect.stringMatching(message) }, hint: { en: 'save the file again as UTF-8 in your editor' } },
    ]);
  });
});
