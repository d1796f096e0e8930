#!/bin/sh
# Prints corpus PDFs again as other producers would print them, into test/fixtures/reprinted/:
# through Ghostscript's pdfwrite (what a PostScript printer driver makes) and through cairo (as
# Firefox and GTK print on Linux). Needs gs and pdftocairo (poppler-utils). Then
# `UPDATE_FIXTURES=1 npx vitest run test/stored-pages.test.ts` stores their pages.
# Only the Calc and Writer prints: Ghostscript loses the character maps of pdfmake's and
# Chromium's fonts (those are refused as pdf-text-lost; test/fixtures/pdf/text-lost.pdf is one).
set -eu
cd "$(dirname "$0")/../.."
for f in test/fixtures/corpus/calc-*.pdf test/fixtures/corpus/writer-*.pdf; do
  name=$(basename "$f")
  gs -q -dNOPAUSE -dBATCH -sDEVICE=pdfwrite -o "test/fixtures/reprinted/ghostscript/$name" "$f"
  pdftocairo -pdf "$f" "test/fixtures/reprinted/cairo/$name"
done
