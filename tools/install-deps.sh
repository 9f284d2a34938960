#!/usr/bin/env bash
# Installs what Gloss needs to build, test and run, from Debian 12's packages, when missing.
# Quick when everything is there: it asks dpkg first and only runs apt-get for what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libsqlite3-dev sqlite3 catch2 iso-codes python3
  # Word and OpenDocument articles (ZIP packages) and the text layer of PDF articles.
  libzip-dev libpoppler-cpp-dev
  # The team server: libpq to connect; the server itself, for the private one the tests start.
  libpq-dev postgresql
  # xmllint: the REFI-QDA export is checked against the standard's schema (tests/core/test_refiqda.cpp).
  libxml2-utils
  xvfb xauth fonts-dejavu-core imagemagick xdotool
  clang libclang-rt-14-dev
  file dpkg-dev
  # Independent implementations the agreement test compares Krippendorff's alpha and Cohen's kappa with.
  python3-nltk python3-sklearn
  # The packaging files: PNG icons drawn from the SVG at build time, and the validators the test
  # packaging_files runs (a few MB; without them that test is reported as skipped).
  librsvg2-bin desktop-file-utils appstream shared-mime-info libglib2.0-bin groff-base
)
# lintian (large, Perl) only for ./run.sh package.
[ "${1:-}" = "--with-packaging" ] && packages+=(lintian)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
