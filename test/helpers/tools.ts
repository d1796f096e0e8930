import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Software outside npm that some tests use, with the Debian package that provides it. CI has
 * Node alone: a test that needs one of these skips there, saying so in one line.
 */
export const TOOLS = {
  qpdf: { command: 'qpdf', debian: 'qpdf' },
  pdftoppm: { command: 'pdftoppm', debian: 'poppler-utils' },
  soffice: { command: 'soffice', debian: 'libreoffice-calc-nogui' },
  chromium: { command: 'chromium', debian: 'chromium' },
  gs: { command: 'gs', debian: 'ghostscript' },
} as const;

export type Tool = keyof typeof TOOLS;

/** Whether a command is an executable file in one of PATH's folders. */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Whether `tool` is missing; when it is, prints the one line that says what is missing and what
 * the skipped test would have tested. For `it.skipIf(missing('qpdf', '…'))`.
 */
export function missing(tool: Tool, wouldTest: string): boolean {
  const { command, debian } = TOOLS[tool];
  if (onPath(command)) return false;
  console.log(`skipped: ${command} is not installed (Debian: ${debian}); it would test ${wouldTest}`);
  return true;
}

/** The files of `files` that are not there (system fonts, say). */
export function absent(files: readonly string[]): string[] {
  return files.filter((f) => !existsSync(f));
}
