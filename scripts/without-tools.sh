#!/bin/bash
# Runs a command as on a machine with Node alone (CI): in a private mount namespace (root and
# unshare needed), /usr/bin seen without LibreOffice, Chromium, poppler, qpdf, Ghostscript and
# hyperfine, and /usr/share/fonts and /usr/lib/libreoffice empty. Example:
#   scripts/without-tools.sh npx vitest run --project e2e
set -e
export DIR=${WITHOUT_TOOLS_DIR:-/tmp/tassei-without-tools}
HIDE='^(soffice|libreoffice|localc|loffice|lofromtemplate|loweb|lowriter|lo.*|chromium.*|pdf.*|qpdf|gs|gs[a-z0-9]*|ghostscript|ps2.*|hyperfine)$'
if [ ! -d $DIR/bin ]; then
  mkdir -p $DIR/bin $DIR/realbin
  for f in /usr/bin/*; do
    n=$(basename "$f")
    [[ "$n" =~ $HIDE ]] && [[ "$n" != locale* && "$n" != logger && "$n" != login* && "$n" != logname && "$n" != look ]] && continue
    if [ -L "$f" ]; then ln -s "$(readlink -f "$f")" "$DIR/bin/$n"; else ln -s "$DIR/realbin/$n" "$DIR/bin/$n"; fi
  done
fi
exec unshare --mount --propagation private bash -c '
  mount --bind /usr/bin $DIR/realbin
  mount --bind $DIR/bin /usr/bin
  mount -t tmpfs none /usr/share/fonts
  mount -t tmpfs none /usr/lib/libreoffice
  cd "$0" && exec "$@"' "$PWD" "$@"
