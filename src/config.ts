import { dirname } from 'node:path';
import { type Language, setLanguage } from './model/i18n.js';
import type { Scheme } from './model/scheme.js';
import type { KpiDocument, TasseiDocument } from './model/types.js';
import { DEFAULT_SCHEME_ID, readScheme, schemeFile } from './evaluate/scheme-file.js';

/**
 * The configuration of one run, built once by the command line from its options and handed to
 * every stage (and to build workers, as data): nothing below the command line has defaults of
 * its own.
 */
export interface Config {
  language: Language;
  /** The scheme given with --scheme: it wins over a document's own. */
  scheme: Scheme | null;
  /** The name --scheme was given as (an id or a path), written into documents it extracts. */
  schemeName: string | null;
  /** The scheme of documents that name none (schemes/default.yaml). */
  defaultScheme: Scheme;
}

/** Builds the configuration: reads the schemes it names (an id of schemes/ or a path). */
export function buildConfig(options: { language: Language; scheme?: string | undefined }): Config {
  return {
    language: options.language,
    scheme: options.scheme ? readScheme(schemeFile(options.scheme, process.cwd())) : null,
    schemeName: options.scheme ?? null,
    defaultScheme: readScheme(schemeFile(DEFAULT_SCHEME_ID, process.cwd())),
  };
}

/** Makes the configuration current in this thread (a worker's language starts unset). */
export function applyConfig(config: Config): void {
  setLanguage(config.language);
}

/**
 * The scheme a document is graded by: --scheme, else the document's `scheme` key (relative to
 * the document's folder), else the default.
 */
export function schemeFor(config: Config, doc: TasseiDocument | null, file: string): Scheme {
  if (config.scheme) return config.scheme;
  const named = doc?.kind === 'kpi-progress' ? doc.scheme : undefined;
  if (!named) return config.defaultScheme;
  if (named === config.defaultScheme.id) return config.defaultScheme;
  return readScheme(schemeFile(named, dirname(file)));
}

/** The document with its `scheme` key set, placed after fiscalYear where a person looks for it. */
export function withScheme(doc: KpiDocument, scheme: string): KpiDocument {
  const { kind, title, fiscalYear, scheme: _, ...rest } = doc;
  return { kind, title, fiscalYear, scheme, ...rest };
}
