/**
 * Reading and writing a document's YAML under one name: for the tests under test/ and the corpus
 * scripts, which import dist/io/yaml.js of this and of earlier builds; src/ imports the modules.
 */
export { formatValue } from './measurements.js';
export { parseDocumentText, readDocumentFile } from './yaml-read.js';
export { stringifyDocument } from './yaml-write.js';
