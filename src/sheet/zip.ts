import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip file (an .xlsx is one) read from its central directory, and each entry's
 * data inflated under a cap: enough to measure a workbook before exceljs inflates all of it at
 * once (a 13 MB file can hold 3 GB of zeros).
 */

export interface ZipEntry {
  name: string;
  /** The sizes the directory declares; the inflated data is measured, not trusted to them. */
  compressedSize: number;
  size: number;
  method: number;
  encrypted: boolean;
  /** Where its local header starts. */
  offset: number;
}

export class ZipError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
/** The end record is 22 bytes and may be followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;

function u64(data: Buffer, at: number): number {
  const value = data.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError('zip64 size too large');
  return Number(value);
}

function endOfDirectory(data: Buffer): number {
  for (let at = data.length - 22; at >= Math.max(0, data.length - END_SEARCH); at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipError('no end of central directory');
}

/** The entries a zip's central directory lists (as JSZip and Excel read it). */
export function zipEntries(data: Buffer): ZipEntry[] {
  if (data.length < 22) throw new ZipError('too short');
  const end = endOfDirectory(data);
  let count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && data.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const at = u64(data, end - 12);
    if (at + 56 > data.length || data.readUInt32LE(at) !== ZIP64_END) throw new ZipError('bad zip64 end record');
    count = u64(data, at + 32);
    offset = u64(data, at + 48);
  }
  const entries: ZipEntry[] = [];
  for (let k = 0, at = offset; k < count; k++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new ZipError('bad central directory');
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: data.subarray(at + 46, at + 46 + nameLength).toString('utf8'),
      method: data.readUInt16LE(at + 10),
      encrypted: (data.readUInt16LE(at + 8) & 1) === 1,
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      offset: data.readUInt32LE(at + 42),
    };
    readZip64Extra(data.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offset too large for 32 bits are in the zip64 extra field, in this order, where they are 0xFFFFFFFF. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'offset'] as const) {
        if (entry[key] === 0xffffffff && field + 8 <= at + 4 + length) {
          entry[key] = u64(extra, field);
          field += 8;
        }
      }
    }
    at += 4 + length;
  }
}

/**
 * An entry's data, inflated to at most `maxBytes`: null where it would be longer (the inflation
 * stops there, whatever the directory declares).
 */
export function entryData(data: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const at = entry.offset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipError(`bad local header: ${entry.name}`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return compressed.length > maxBytes ? null : compressed;
  if (entry.method !== DEFLATED) throw new ZipError(`compression method ${entry.method}: ${entry.name}`);
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return null;
    throw new ZipError(`${entry.name}: ${(error as Error).message}`);
  }
}
