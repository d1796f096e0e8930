import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { DocumentKind } from '../model/types.js';
import { PACKAGE_ROOT } from './files.js';

/** The JSON schemas of documents and grading schemes, and their validators. */

export const SCHEMA_FILES: Record<DocumentKind, string> = {
  'kpi-progress': join(PACKAGE_ROOT, 'schema', 'kpi-progress.schema.json'),
  narrative: join(PACKAGE_ROOT, 'schema', 'narrative.schema.json'),
};

/** The schema of a grading scheme file (schemes/*.yaml). */
export const SCHEME_SCHEMA_FILE = join(PACKAGE_ROOT, 'schema', 'scheme.schema.json');

type Shape = DocumentKind | 'scheme';

let validators: Record<Shape, ValidateFunction> | undefined;

/** Validation code compiled from the schemas by `npm run build` (scripts/compile-schemas.mjs). */
const COMPILED_VALIDATORS = join(PACKAGE_ROOT, 'dist', 'io', 'validators.cjs');

/** The schemas compiled now (where the build's compiled code is missing, as when running from src/). */
export function compileValidators(): Record<Shape, ValidateFunction> {
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const compile = (file: string) => ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  return { 'kpi-progress': compile(SCHEMA_FILES['kpi-progress']), narrative: compile(SCHEMA_FILES.narrative), scheme: compile(SCHEME_SCHEMA_FILE) };
}

export function validatorOf(kind: Shape): ValidateFunction {
  if (!validators && existsSync(COMPILED_VALIDATORS)) {
    validators = createRequire(import.meta.url)(COMPILED_VALIDATORS) as Record<Shape, ValidateFunction>;
  }
  validators ??= compileValidators();
  return validators[kind];
}
