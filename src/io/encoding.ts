import { readFileSync } from 'node:fs';
import { failure, warningMessage } from '../model/messages.js';
import { t } from '../model/i18n.js';
import type { Message } from '../model/types.js';

/**
 * The text encoding of a YAML a person saved: UTF-8 as tassei writes it, or what a Japanese
 * office's editors still save by default (Shift_JIS/CP932, UTF-16 from Notepad). A file is
 * decoded only where its bytes allow one reading; otherwise it is refused by name, never
 * shown as mojibake.
 */

/** Larger than any report a person edits (the R1 sample is 40 KB); beyond it, a wrong file or an attack. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in. */
  encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Shift_JIS';
}

function decodes(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a byte order mark: ASCII keys leave a zero byte in every other place. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros > pairs / 4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs / 4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** Decodes the bytes of a text file, or says why it cannot be read and in what it seems to be. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodes(bytes, 'utf-16le');
    if (text !== undefined) return { text, encoding: 'UTF-16LE' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodes(bytes, 'utf-16be');
    if (text !== undefined) return { text, encoding: 'UTF-16BE' };
  }
  const order = utf16Order(bytes);
  const utf16 = order ? decodes(bytes, order) : undefined;
  if (utf16 !== undefined) return { text: utf16, encoding: order === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' };
  const utf8 = decodes(bytes, 'utf-8');
  if (utf8 !== undefined && !utf8.includes('\u0000')) return { text: utf8, encoding: 'UTF-8' };
  const shiftJis = decodes(bytes, 'shift_jis');
  const eucJp = decodes(bytes, 'euc-jp');
  if (shiftJis !== undefined && eucJp === undefined && !shiftJis.includes('\u0000')) return { text: shiftJis, encoding: 'Shift_JIS' };
  const candidates = [shiftJis !== undefined ? 'Shift_JIS' : null, eucJp !== undefined ? 'EUC-JP' : null].filter((c) => c !== null);
  throw failure(
    file,
    'text-encoding',
    candidates.length > 1
      ? t(
          `文字コードが UTF-8 ではなく、${candidates.join(' と ')} のどちらとも読めるため決められません`,
          `the text is not UTF-8, and reads as ${candidates.join(' or ')} alike: tassei cannot tell which`,
        )
      : candidates.length === 1
        ? t(
            `文字コードが ${candidates[0]} です（tassei は UTF-8、Shift_JIS、UTF-16 を読みます）`,
            `the text is in ${candidates[0]} (tassei reads UTF-8, Shift_JIS and UTF-16)`,
          )
        : t(
            'UTF-8 でも Shift_JIS でも UTF-16 でもないバイト列です（テキストファイルではないか、壊れています）',
            'the bytes are neither UTF-8, Shift_JIS nor UTF-16 (not a text file, or damaged)',
          ),
    { hint: t('エディターで「UTF-8」を選んで保存し直してください', 'save the file again as UTF-8 in your editor') },
  );
}

/** Reads a text file: decoded, with a note where it was not UTF-8; too large a file is refused. */
export function readTextFile(file: string): { text: string; messages: Message[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw failure(file, 'file-unreadable', t(`ファイルを読めません: ${(error as Error).message}`, `cannot read the file: ${(error as Error).message}`), {
      hint: t('パスと権限を確かめてください', 'check the path and permissions'),
    });
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw failure(
      file,
      'file-too-large',
      t(
        `${bytes.length} バイトあり、文書として大きすぎます（上限 ${MAX_DOCUMENT_BYTES} バイト）`,
        `${bytes.length} bytes: too large for a document (at most ${MAX_DOCUMENT_BYTES})`,
      ),
      { hint: t('報告書の YAML か確かめてください', "check that this is a report's YAML") },
    );
  }
  const { text, encoding } = decodeText(bytes, file);
  const messages: Message[] =
    encoding === 'UTF-8'
      ? []
      : [
          warningMessage(file, 'text-encoding', t(`文字コード ${encoding} として読みました`, `read as ${encoding}`), {
            hint: t('UTF-8 で保存し直すと、ほかのツールでも確実に読めます', 'save it as UTF-8 so that every tool reads it the same'),
          }),
        ];
  return { text: text.replace(/^\uFEFF/, ''), messages };
}
