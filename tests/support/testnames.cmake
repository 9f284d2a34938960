# cmake -DBINARIES="a|b|c" -P testnames.cmake: fails when a Catch2 test name holds a semicolon.
# catch_discover_tests splits such a name into two ctest tests that match no test case, and a
# Catch2 binary that matches none passes without running anything: the test would never run.
string(REPLACE "|" ";" binaries "${BINARIES}")
foreach(binary IN LISTS binaries)
  execute_process(COMMAND "${binary}" --list-test-names-only OUTPUT_VARIABLE names RESULT_VARIABLE result)
  if(NOT result MATCHES "^[0-9]+$") # Catch2 2 exits with the number of tests it listed
    message(FATAL_ERROR "${binary} --list-test-names-only failed (${result})")
  endif()
  string(FIND "${names}" ";" at)
  if(NOT at EQUAL -1)
    string(REGEX MATCH "[^\n]*;[^\n]*" name "${names}")
    message(FATAL_ERROR "${binary}: the test name \"${name}\" holds a semicolon, so ctest would never run it")
  endif()
endforeach()
message(STATUS "no test name holds a semicolon")
