// A renderer for tests of the build: a "PDF" that is the document's title, so a test can see
// which renderer made each output, on the main thread and on worker threads alike.
export async function renderPdf(doc) {
  return new TextEncoder().encode(`%PDF-1.4 title-renderer: ${doc.title}\n`);
}
