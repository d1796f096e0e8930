import { readScheme } from '../../src/evaluate/scheme-file.js';

/** The default grading scheme, as the command line reads it. */
export const DEFAULT_SCHEME = readScheme('schemes/default.yaml');
