#!/usr/bin/env bash
# ./fuzz.sh [seconds] [target...]: builds the libFuzzer targets with clang (build/fuzz) and runs
# each for `seconds` (default 60), JOBS at a time (default 2), seeded from the samples, the
# hostile files and the regressions. Crashes land in build/fuzz/findings/<target>/; copy each one
# to tests/fuzz/regressions/<target>/ once fixed. Exits non-zero when a target found something.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
jobs=${JOBS:-2}

tools/install-deps.sh
build=build/fuzz
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGLOSS_FUZZ=ON -DGLOSS_WERROR=ON \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang
fi
cmake --build "$build" -j "$jobs"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$build"/tests/fuzz/fuzz_*.seeds; do
    t=$(basename "$f" .seeds)
    targets+=("${t#fuzz_}")
  done
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
run() {
  local t=$1
  local corpus=$build/corpus/$t findings=$build/findings/$t rc=0 start=$SECONDS
  mkdir -p "$corpus" "$findings"
  # shellcheck disable=SC2046
  "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" $(cat "$build/tests/fuzz/fuzz_$t.seeds") \
    >"$build/fuzz_$t.log" 2>&1 || rc=$?
  echo "$t: exit $rc, $(grep -E 'stat::number_of_executed_units' "$build/fuzz_$t.log" | awk '{print $2}') executions in $((SECONDS - start))s, $(ls "$findings" | wc -l) findings"
  return $rc
}

failed=0
pids=()
for t in "${targets[@]}"; do
  run "$t" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || failed=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
exit $failed
