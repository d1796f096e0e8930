import { describeFixtures } from '../../test/helpers/extraction-fixtures.js';

/**
 * The extraction fixtures of the unit lane (the two samples, and the first PDF of each layout
 * family and producer), extracted from the pages stored beside each PDF — no PDF is parsed here;
 * the e2e lane checks that the stored pages are current. Each must give exactly its source
 * document, except the fields its set's known-differences.json lists with the reason. The many
 * prints of the samples (the corpus, the other producers') are in fixtures.slow.test.ts.
 */
describeFixtures('unit', 30);
