import { describeFixtures } from '../../test/helpers/extraction-fixtures.js';

/**
 * The layout corpus and the other producers' prints of the samples, extracted from the pages
 * stored beside each PDF (about 80 whole documents, seconds: the slow lane). Each must give
 * exactly its source document, except the fields its set's known-differences.json lists.
 */
describeFixtures('slow', 75);
