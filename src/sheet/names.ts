/**
 * Names that leave tassei in a workbook and must come back: the text of a cell (XML 1.0 cannot
 * hold every character a YAML string can) and the file name of a department's workbook (no two
 * departments may share one, on any file system the office uses).
 */

/** Characters XML 1.0 cannot hold (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates). */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Shown where a character cannot be written into a workbook. */
const REPLACEMENT = '\ufffd';

/** Text as a workbook can hold it: what export writes, so that a raw U+0001 never makes the file one Excel must repair. */
export function cellText(text: string): string {
  return text.replace(NOT_IN_XML, REPLACEMENT);
}

/**
 * Whether a cell read back says the same as the text export wrote: the characters a workbook
 * cannot hold replaced alike, line ends and the white space around the text not counted (a
 * spreadsheet program may keep or drop either).
 */
export function sameCellText(sheet: string, document: string): boolean {
  const key = (text: string) => cellText(text).replace(/\r\n?/g, '\n').trim();
  return key(sheet) === key(document);
}

/**
 * Characters a file name cannot hold on Windows or Unix (`\ / : * ? " < > |`, controls, DEL), and
 * invisible or direction-changing ones (U+200B, U+202E …) that make two names look alike or a
 * name read backwards.
 */
const UNSAFE_IN_NAME =
  /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udfff]/gu;
/** What stands for an unsafe character that separated two words (A/B → A_B); invisible ones are dropped. */
const SEPARATOR = /[\\/:*?"<>|\u0000-\u001f\u007f]/u;

/** A department's name as a part of a file name: NFC, unsafe characters replaced or dropped, no dot or space at the end (Windows drops them). */
export function fileNamePart(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(UNSAFE_IN_NAME, (c) => (SEPARATOR.test(c) ? '_' : ''))
    .replace(/[. \u3000]+$/u, '')
    .trim();
  return cleaned === '' ? '_' : cleaned;
}

/** Two file names are one file where the file system ignores case or Unicode normalisation (Windows, macOS). */
function fileKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/**
 * File names for `parts` in order, each unique even on a file system that ignores case and
 * normalisation. A name that needed no cleaning keeps it; one taken already gets `-2`, `-3` …
 * (A/B and A_B both clean to A_B: A_B keeps it, A/B becomes A_B-2).
 */
export function uniqueFileNames(base: string, parts: readonly (string | null)[], extension: string): string[] {
  const taken = new Set<string>();
  const stems = parts.map((part) => (part === null ? base : `${base}-${fileNamePart(part)}`));
  const names: (string | undefined)[] = parts.map(() => undefined);
  const asIs = (k: number) => parts[k] === null || fileNamePart(parts[k]!) === parts[k];
  for (const first of [true, false]) {
    stems.forEach((stem, k) => {
      if (names[k] !== undefined || asIs(k) !== first) return;
      let name = `${stem}${extension}`;
      for (let n = 2; taken.has(fileKey(name)); n++) name = `${stem}-${n}${extension}`;
      taken.add(fileKey(name));
      names[k] = name;
    });
  }
  return names as string[];
}
