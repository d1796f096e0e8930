export const USAGE: string;
export interface FuzzArgs {
  family: string | null;
  seed: number;
  runs: number;
  path: string | null;
  shrink: boolean;
  out: string | null;
  dist: string | null;
  help: boolean;
}
export function fuzzArgs(argv: string[], env?: Record<string, string | undefined>): FuzzArgs;
