#!/usr/bin/env bash
# The load test of issue 21 at its full size: 8 connections (each its own Project, one thread each)
# adding 1,000 highlights each at once to one project on a private PostgreSQL server; every one
# must be stored, with its own id, and none may fail. Prints the time it took. ctest runs the same
# case with 250 each (postgresql:eight connections adding highlights at once ...).
# Usage: tests/bench/pg_highlights_load.sh [CORE_TESTS_BINARY] [PER_CONNECTION]
#   (default build/test/tests/core_tests, 1000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tests="${1:-$here/../../build/test/tests/core_tests}"
per="${2:-1000}"
eval "$("$here/../postgres/server.sh" start)"
trap '"$here/../postgres/server.sh" stop "$GLOSS_TEST_PGDIR"' EXIT
GLOSS_TEST_ENGINE=postgresql GLOSS_LOAD_HIGHLIGHTS="$per" QT_QPA_PLATFORM=offscreen \
  "$tests" "eight connections adding highlights at once store every one\\, each with its own id"
