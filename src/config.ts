import { dirname, join } from 'node:path';
import { isInside } from './io/files.js';
import { readTextFile } from './io/encoding.js';
import { locateProblems } from './io/yaml-read.js';
import { TasseiError } from './model/errors.js';
import { type Language, t } from './model/i18n.js';
import { LEGEND_SCHEME_ID, type Scheme, legendScheme } from './model/scheme.js';
import type { RoleDeclarations } from './extract/roles.js';
import type { KpiDocument, TasseiDocument } from './model/types.js';
import { DEFAULT_SCHEME_ID, SCHEME_DIR, readBuiltInSchemes, readScheme, schemeFile } from './evaluate/scheme-file.js';

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
  /** The scheme given with --printed-scheme: the one a PDF was printed under, where what it prints cannot tell. */
  printedScheme: Scheme | null;
  /** Its name as given (an id or a path), written into documents it extracts. */
  printedSchemeName: string | null;
  /** The schemes a PDF's printed marks are told among: tassei's own (schemes/*.yaml). */
  knownSchemes: Scheme[];
  /** Column roles declared with --roles, by heading: for tables in other municipalities' layouts. */
  roles: RoleDeclarations;
}

/** Builds the configuration: reads the schemes it names (an id of schemes/ or a path). */
export function buildConfig(options: {
  language: Language;
  scheme?: string | undefined;
  printedScheme?: string | undefined;
  roles?: RoleDeclarations | undefined;
}): Config {
  const known = readBuiltInSchemes();
  const named = (name: string | undefined) => {
    if (!name) return null;
    const file = schemeFile(name, process.cwd());
    return known.find((s) => schemeFile(s.id, process.cwd()) === file) ?? readScheme(file);
  };
  return {
    language: options.language,
    scheme: named(options.scheme),
    schemeName: options.scheme ?? null,
    defaultScheme: named(DEFAULT_SCHEME_ID)!,
    printedScheme: named(options.printedScheme),
    printedSchemeName: options.printedScheme ?? null,
    knownSchemes: known,
    roles: options.roles ?? new Map(),
  };
}

/**
 * The scheme a document is graded by: --scheme, else the document's `scheme` key (relative to
 * the document's folder), else the default.
 */
export function schemeFor(config: Config, doc: TasseiDocument | null, file: string): Scheme {
  if (config.scheme) return config.scheme;
  const named = doc?.kind === 'kpi-progress' ? doc.scheme : undefined;
  return named ? namedScheme(config, named, file, doc) : config.defaultScheme;
}

/**
 * The folders a document may name a scheme file in: its own, tassei's schemes/, and the schemes/
 * of the working folder (the office's own). A document is data that travels; a path out of these
 * (`/etc/passwd`, `/dev/zero`, `../../x`) is never read for it. --scheme may name any file.
 */
function schemeFolders(file: string): string[] {
  return [dirname(file), SCHEME_DIR, join(process.cwd(), 'schemes')];
}

/** The scheme a document names (relative to its folder): one of tassei's own as read once, or its file. */
function namedScheme(config: Config, name: string, file: string, doc: TasseiDocument | null): Scheme {
  // A document graded by its own printed legend carries the legend's marks in its layout.
  if (name === LEGEND_SCHEME_ID && doc?.kind === 'kpi-progress' && doc.layout?.legend) return legendScheme(doc.layout.legend.marks);
  const path = schemeFile(name, dirname(file));
  const known = config.knownSchemes.find((s) => schemeFile(s.id, dirname(file)) === path);
  if (known) return known;
  if (!schemeFolders(file).some((folder) => isInside(path, folder))) {
    throw new TasseiError(
      locateProblems(readTextFile(file).text, file, [
        {
          path: ['scheme'],
          rule: 'scheme-outside',
          message: t(
            `評価基準 ${name} は文書のフォルダーにも schemes/ にもないので読みません`,
            `the scheme ${name} is neither in the document's folder nor in schemes/, so it is not read`,
          ),
          hint: t(
            'schemes/ の id（nagayo など）か、文書のフォルダー・schemes/ の中のファイルを指定してください（ほかの場所の評価基準は --scheme で）',
            "name an id of schemes/ (such as nagayo), or a file in the document's folder or in schemes/ (a scheme elsewhere: --scheme)",
          ),
        },
      ]),
    );
  }
  return readScheme(path);
}

/**
 * The scheme a document was printed under, whose grades its printed statuses and summaries are:
 * --printed-scheme, else the document's `scheme` key, else the default. (A PDF's is told from
 * what it prints: see extract/printed-scheme.ts.)
 */
export function printedSchemeFor(config: Config, doc: TasseiDocument, file: string): Scheme {
  if (config.printedScheme) return config.printedScheme;
  const named = doc.kind === 'kpi-progress' ? doc.scheme : undefined;
  return named ? namedScheme(config, named, file, doc) : config.defaultScheme;
}

/** The name a document gives the scheme it was printed under: as given on the command line, else its id. */
export function schemeNameFor(config: Config, scheme: Scheme): string {
  if (scheme === config.printedScheme && config.printedSchemeName) return config.printedSchemeName;
  if (scheme === config.scheme && config.schemeName) return config.schemeName;
  return scheme.id;
}

/** The document with its `scheme` key set, placed after fiscalYear where a person looks for it. */
export function withScheme(doc: KpiDocument, scheme: string): KpiDocument {
  const { kind, title, fiscalYear, scheme: _, ...rest } = doc;
  return { kind, title, fiscalYear, scheme, ...rest };
}
