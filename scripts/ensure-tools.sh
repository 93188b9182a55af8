#!/usr/bin/env bash
# Installs the Debian tools the tests check documents with, when missing:
# poppler-utils (pdftotext, pdftoppm, pdffonts) and LibreOffice Writer (to
# check that the DOCX files open in a real word processor; ~20 s to install)
# and chromium (the browser tests; ~15 s).
set -euo pipefail
missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# a CJK font: the browser test prints a page to PDF and reads it back with
# pdftotext; without one Chromium prints Chinese as missing glyphs, and which
# of them still come back as text depends on its version (156.0.8078.114
# gave 年 and 卫 as spaces). Screenshots for a reviewer need it too.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then missing+=(fonts-wqy-microhei); fi
# ... and the browser's own Chinese labels (the file input's button)
if [ -n "${GONGKAI_SHOTS:-}" ] && [ ! -e /usr/lib/chromium/locales/zh-CN.pak ]; then missing+=(chromium-l10n); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "ensure-tools: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
