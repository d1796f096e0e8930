// The extractor of a build (this repo's dist/ or another worktree's), as `file → Extraction`,
// with the default grading scheme where the build's extractor takes one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const load = (dist, module) => import(pathToFileURL(join(dist, module)).href);

export async function builtExtractor(dist) {
  const { extractPdfFile } = await load(dist, 'extract/extract.js');
  const { parseDocumentText, stringifyDocument } = await load(dist, 'io/yaml.js');
  let scheme;
  if (existsSync(join(dist, 'evaluate/scheme-file.js'))) {
    const { readScheme, SCHEME_DIR } = await load(dist, 'evaluate/scheme-file.js');
    if (readScheme && SCHEME_DIR) scheme = readScheme(join(SCHEME_DIR, 'default.yaml'));
  }
  return { extract: (file) => extractPdfFile(file, scheme), parseDocumentText, stringifyDocument };
}
