// The extractor of a build (this repo's dist/ or another worktree's), as `file → Extraction`,
// with the default grading scheme where the build's extractor takes one (`extractFamily`: every
// built-in scheme known, the default preferred).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const load = (dist, module) => import(pathToFileURL(join(dist, module)).href);

export async function builtExtractor(dist) {
  const { extractPdfFile } = await load(dist, 'extract/extract.js');
  const { parseDocumentText, stringifyDocument } = await load(dist, 'io/yaml.js');
  let scheme;
  let reading;
  if (existsSync(join(dist, 'evaluate/scheme-file.js'))) {
    const { readScheme, readBuiltInSchemes, SCHEME_DIR } = await load(dist, 'evaluate/scheme-file.js');
    if (readScheme && SCHEME_DIR) scheme = readScheme(join(SCHEME_DIR, 'default.yaml'));
    // As the command line reads another municipality's PDF: every built-in scheme known, none given.
    if (scheme && readBuiltInSchemes) reading = { known: readBuiltInSchemes(), given: null, preferred: scheme };
  }
  return {
    extract: (file) => extractPdfFile(file, scheme),
    // The family property's reading (test/layout-property.test.ts): the scheme is told, not given.
    extractFamily: (file) => extractPdfFile(file, reading ?? scheme),
    parseDocumentText,
    stringifyDocument,
  };
}
