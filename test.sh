#!/usr/bin/env bash
# ./test.sh: install what is missing, build with AddressSanitizer and UBSan (warnings are errors),
# and run every test through ctest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

tools/install-deps.sh

build=build/test
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGLOSS_SANITIZE=ON -DGLOSS_WERROR=ON
fi
cmake --build "$build"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen

# A private PostgreSQL server for the cases that run on both engines ([engines]), stopped at the
# end whatever happens. A server that cannot start fails the run with its reason.
pg_lines=$(tests/postgres/server.sh start)
eval "$pg_lines"
pg_server="$PWD/tests/postgres/server.sh" # the trap runs after the cd below
trap '"$pg_server" stop "$GLOSS_TEST_PGDIR" || true' EXIT
echo "Test server: $GLOSS_TEST_POSTGRES"

cd "$build"
ctest --output-on-failure -j2 "$@"
