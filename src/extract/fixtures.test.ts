import { it } from 'vitest';
import { expectFixturesAsKnown } from '../../test/helpers/extraction-fixtures.js';

/**
 * Every extraction fixture of the unit lane (the layout corpus, the other producers' prints, the
 * samples), extracted from the pages stored beside its PDF — no PDF is parsed here; the e2e lane
 * checks that the stored pages are current. Each must give exactly its source document, except
 * the fields its set's known-differences.json lists with the reason.
 */
it('every extraction fixture extracts from its stored pages to its source document, field by field', async () => {
  await expectFixturesAsKnown('unit', 70);
});
