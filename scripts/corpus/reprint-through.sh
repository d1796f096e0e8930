#!/bin/sh
# Prints corpus PDFs again as other producers would print them, into test/fixtures/reprinted/:
# through Ghostscript's pdfwrite (what a PostScript printer driver makes) and through cairo (as
# Firefox and GTK print on Linux). Needs gs and pdftocairo (poppler-utils). Then
# `UPDATE_FIXTURES=1 npx vitest run test/stored-pages.test.ts` stores their pages.
# Through Ghostscript only the Calc and Writer prints: it loses the character maps of pdfmake's
# and Chromium's fonts (those are refused as pdf-text-lost; test/fixtures/pdf/text-lost.pdf is
# one). Through cairo also three Chromium prints, which it sets in Type 3 fonts of one glyph each.
set -eu
cd "$(dirname "$0")/../.."
for f in test/fixtures/corpus/calc-*.pdf test/fixtures/corpus/writer-*.pdf; do
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "test/fixtures/reprinted/ghostscript/$(basename "$f")" "$f"
done
for f in test/fixtures/corpus/calc-*.pdf test/fixtures/corpus/writer-*.pdf test/fixtures/corpus/chromium-0[349]-*.pdf; do
  pdftocairo -pdf "$f" "test/fixtures/reprinted/cairo/$(basename "$f")"
done
