#!/usr/bin/env bash
# ./run.sh            install what is missing, build (Release), open Gloss on the default project
# ./run.sh ARGS...    the same, passing ARGS to gloss (e.g. --project my.gloss, or a command)
# ./run.sh package    build the .deb and .tar.gz into build/packages/ and check the .deb with lintian
#
# Gloss runs in the folder run.sh was called from, so a relative --project, GLOSS_PROJECT or file
# name means what it means there. What the build prints goes to stderr: the standard output is
# gloss's own (`./run.sh articles --format json > articles.json`).
set -euo pipefail
checkout="$(cd "$(dirname "$0")" && pwd)"
build="$checkout/build/release"

(
  cd "$checkout"
  if [ "${1:-}" = "package" ]; then
    tools/install-deps.sh --with-packaging
  else
    tools/install-deps.sh
  fi
  if [ ! -f "$build/build.ninja" ]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DGLOSS_BUILD_TESTS=OFF
  fi
  cmake --build "$build"
) >&2

if [ "${1:-}" = "package" ]; then
  cd "$checkout"
  mkdir -p build/packages
  rm -f build/packages/gloss_*.deb build/packages/gloss-*.tar.gz
  (cd "$build" && cpack -B "$checkout/build/packages" >/dev/null)
  rm -rf build/packages/_CPack_Packages
  ls -l build/packages/
  lintian build/packages/gloss_*.deb # fails on errors; warnings are printed
  exit 0
fi

exec "$build/app/gloss" "$@"
