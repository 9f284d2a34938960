#!/usr/bin/env bash
# tools/killtest.sh [kills] [seed]: the kill harnesses at length against a Release build
# (build/release): `gloss import` and `gloss highlight add` each killed `kills` times (default
# 1000) at random moments. Prints the seeds; exits non-zero at the first damage found.
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-1000}
seed=()
[ -n "${2:-}" ] && seed=(--seed "$2")
build=build/release
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build" --target gloss
python3 tests/reliability/killimport.py "$build/app/gloss" --kills "$kills" --articles 3000 "${seed[@]}"
python3 tests/reliability/killhighlights.py "$build/app/gloss" --kills "$kills" "${seed[@]}"
