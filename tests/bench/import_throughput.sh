#!/usr/bin/env bash
# Measures `gloss import` on a generated corpus: articles/s and MB/s.
# Usage: tests/bench/import_throughput.sh [GLOSS_BINARY] [COUNT]
# Build a Release gloss first for meaningful numbers:
#   ./run.sh --version   (builds build/release/app/gloss, the default)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gloss="${1:-$here/../../build/release/app/gloss}"
count="${2:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 "$here/gen_newstext.py" "$work/corpus" "$count" >/dev/null
bytes=$(find "$work/corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
start=$(date +%s.%N)
"$gloss" --project "$work/bench.gloss" import "$work/corpus" >"$work/out.txt"
end=$(date +%s.%N)
cat "$work/out.txt"
"$gloss" --project "$work/bench.gloss" check >/dev/null
awk -v n="$count" -v b="$bytes" -v s="$start" -v e="$end" 'BEGIN {
  t = e - s
  printf "%d articles, %.1f MB in %.2f s: %.0f articles/s, %.2f MB/s\n", n, b / 1e6, t, n / t, b / 1e6 / t
}'
