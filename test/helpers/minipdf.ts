/**
 * Small PDFs written by hand for tests: pages of Helvetica text at given matrices, with a
 * correct cross-reference table. Objects can be given raw to make damaged files.
 */

export interface MiniText {
  text: string;
  /** Text matrix a b c d e f (Tm); [1,0,0,1,x,y] is upright at x, y. */
  matrix: [number, number, number, number, number, number];
  size?: number;
  /** Tc: points added after each glyph (letter-spacing). */
  charSpacing?: number;
}

export interface MiniPage {
  texts: MiniText[];
  /** /Rotate of the page. */
  rotate?: number;
  width?: number;
  height?: number;
}

/** Writes PDF objects (the first is the catalog) with a cross-reference table. */
export function pdfOfObjects(objects: readonly string[]): Uint8Array {
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function stream(content: string): string {
  return `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

/** A PDF of pages of text. Objects: 1 catalog, 2 pages, 3 font, then page and content pairs. */
export function miniPdf(pages: readonly MiniPage[]): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (const page of pages) {
    const pageObject = objects.length + 1;
    kids.push(`${pageObject} 0 R`);
    const content = page.texts.map((t) => `BT /F1 ${t.size ?? 12} Tf ${t.charSpacing ?? 0} Tc ${t.matrix.join(' ')} Tm (${t.text}) Tj ET`).join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width ?? 595} ${page.height ?? 842}]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Contents ${pageObject + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      stream(content),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  return pdfOfObjects(objects);
}

/** A PDF whose page tree holds its own parent: /Kids of the root lists the root again. */
export function cyclicPdf(): Uint8Array {
  return pdfOfObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    stream('BT /F1 12 Tf 72 720 Td (Hello) Tj ET'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}
