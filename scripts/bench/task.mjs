// One measured task in a fresh process: prints { ms, peakMiB } as JSON on stdout.
// Usage: node scripts/bench/task.mjs <extract|pdfjs|render> <file> [repeat]
import { readFileSync } from 'node:fs';

const [task, file, repeatText] = process.argv.slice(2);
const repeat = Number(repeatText ?? 1);
const root = new URL('../../', import.meta.url);

async function bare(data) {
  // The same pdf.js build tassei uses, reading text and operator lists, nothing else.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const cMapUrl = new URL('node_modules/pdfjs-dist/cmaps/', root).href;
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), cMapUrl, cMapPacked: true, verbosity: 0 }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    await page.getTextContent();
    await page.getOperatorList();
    page.cleanup();
  }
  await doc.destroy();
}

const data = readFileSync(file);
let run;
if (task === 'pdfjs') run = () => bare(data);
else if (task === 'extract') {
  const { extractPdfFile } = await import(new URL('dist/extract/extract.js', root).href);
  run = () => extractPdfFile(file);
} else if (task === 'render') {
  const { readDocumentYaml } = await import(new URL('dist/model/yaml.js', root).href);
  const { renderPdf } = await import(new URL('dist/render/pdf.js', root).href);
  const doc = readDocumentYaml(file);
  run = () => renderPdf(doc);
} else throw new Error(`unknown task ${task}`);

const t0 = performance.now();
for (let i = 0; i < repeat; i++) await run();
const ms = (performance.now() - t0) / repeat;
process.stdout.write(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024 }));
