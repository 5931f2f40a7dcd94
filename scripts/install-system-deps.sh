#!/usr/bin/env bash
# The Debian packages the tests use: LibreOffice and poppler to render exports, CJK fonts that
# stand in for the 公文 fonts, xmllint for the OOXML schema, and Chromium for end-to-end tests.
set -euo pipefail
pkgs=(libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-liberation2 fonts-crosextra-carlito libxml2-utils chromium)
missing=()
for p in "${pkgs[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=''; [ "$(id -u)" -ne 0 ] && SUDO='sudo'
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
