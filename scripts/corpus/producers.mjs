// The producers of the corpus, by name: each prints the blocks of tables.mjs to a PDF file.
import { writeFileSync } from 'node:fs';
import { pdfmakePdf } from './pdfmake.mjs';

export const PRODUCERS = {
  pdfmake: async (blocks, layout, title, file) => writeFileSync(file, await pdfmakePdf(blocks, layout, title)),
};
