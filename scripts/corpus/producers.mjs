// The producers of the corpus, by name: each prints the blocks of tables.mjs to a PDF file.
// Chromium and LibreOffice run as separate processes with their own throw-away profiles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { htmlPage } from './html.mjs';
import { pdfmakePdf } from './pdfmake.mjs';
import { xlsxWorkbook } from './xlsx.mjs';

const work = mkdtempSync(join(tmpdir(), 'tassei-corpus-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function needs(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${command} is needed for this producer (Debian: apt-get install -y ${command === 'soffice' ? 'libreoffice-calc libreoffice-writer' : command})`,
    );
  }
}

/** LibreOffice converts a file to PDF next to it; a profile of its own keeps it apart from others'. */
function soffice(file, filter, target, importFilter) {
  needs('soffice');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(join(work, 'lo-profile')).href}`,
      '--headless',
      ...(importFilter ? [`--infilter=${importFilter}`] : []),
      '--convert-to',
      `pdf:${filter}`,
      '--outdir',
      work,
      file,
    ],
    { stdio: 'ignore', timeout: 300_000 },
  );
  renameSync(join(work, `${basename(file).replace(/\.[^.]+$/, '')}.pdf`), target);
}

/** Chromium prints an HTML file to PDF, with a profile of its own. */
export function chromiumPdf(html, file) {
  needs('chromium');
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(work, 'chromium-profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${file}`,
      pathToFileURL(html).href,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
}

/** LibreOffice Writer proper (not Writer/Web, which drops the first paragraph and adds a blank page) prints an HTML file to PDF. */
export function writerPdf(html, file) {
  soffice(html, 'writer_pdf_Export', file, 'HTML (StarWriter)');
}

export const PRODUCERS = {
  pdfmake: async (blocks, layout, title, file) => writeFileSync(file, await pdfmakePdf(blocks, layout, title)),
  chromium: async (blocks, layout, title, file) => {
    const html = join(work, `${basename(file, '.pdf')}.html`);
    writeFileSync(html, htmlPage(blocks, layout, title));
    chromiumPdf(html, file);
  },
  writer: async (blocks, layout, title, file) => {
    const html = join(work, `${basename(file, '.pdf')}.html`);
    writeFileSync(html, htmlPage(blocks, layout, title));
    writerPdf(html, file);
  },
  calc: async (blocks, layout, title, file) => {
    const xlsx = join(work, `${basename(file, '.pdf')}.xlsx`);
    await (await xlsxWorkbook(blocks, layout, title)).xlsx.writeFile(xlsx);
    soffice(xlsx, 'calc_pdf_Export', file);
  },
};

/** The rule styles each producer can print: Chromium fills its borders, LibreOffice strokes them. */
export const PRODUCER_RULES = {
  pdfmake: ['stroked', 'rects', 'hrules', 'none'],
  chromium: ['rects', 'hrules', 'none'],
  writer: ['stroked', 'hrules', 'none'],
  calc: ['stroked', 'hrules', 'none'],
};
