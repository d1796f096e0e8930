#!/usr/bin/env node
// Part of `npm run build`: compiles the JSON Schemas into validation code (Ajv standalone),
// so that reading a YAML document does not compile the schemas at every start (~150 ms).
// src/io/schemas.ts uses dist/io/validators.cjs when it is there, else compiles at run time.
// It also stores the built-in schemes as read (dist/evaluate/builtin-schemes.json).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = resolve(import.meta.dirname, '..');
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true } });
const schema = (name) => JSON.parse(readFileSync(join(root, 'schema', `${name}.schema.json`), 'utf8'));
ajv.addSchema(schema('kpi-progress'), 'kpi-progress');
ajv.addSchema(schema('narrative'), 'narrative');
ajv.addSchema(schema('scheme'), 'scheme');
const code = standaloneCode.default(ajv, { 'kpi-progress': 'kpi-progress', narrative: 'narrative', scheme: 'scheme' });
writeFileSync(join(root, 'dist', 'io', 'validators.cjs'), code);

// The built-in grading schemes read and checked once here, with their files' hashes: each command
// reads all of them at start (src/evaluate/scheme-file.ts uses these where a file is unchanged).
const { builtInSchemesRead } = await import('../dist/evaluate/scheme-file.js');
writeFileSync(join(root, 'dist', 'evaluate', 'builtin-schemes.json'), JSON.stringify(builtInSchemesRead()));
