# `cdcts bench` end to end over the repository's devices.yaml, filtered to a few benchmarks so it stays fast:
# the exit code, the JSON's benchmark names, positive rate counters, NotSupported as the only error, and the
# "cdcts" section (a verdict per benchmark) after Google Benchmark's own members.
# (x_cd = sectors_per_second / 75 is checked by tests/suites/bench_units_test.cpp.)
cmake_minimum_required(VERSION 3.19)  # string(JSON), IN_LIST
# Run as: cmake -DCDCTS=<binary> -DDEVICES=<devices.yaml> -DOUT=<json> -P bench_json_check.cmake
execute_process(COMMAND ${CDCTS} bench --devices ${DEVICES}
                        --filter "^(RawRead/[a-z_]+/CDDA/27/|CookedRead/[a-z_]+/32/|RawRead/emu_empty/CDDA)"
                        --json ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cdcts bench exited ${rc}\n${out}\n${err}")
endif()
file(READ ${OUT} json)
string(JSON count LENGTH "${json}" benchmarks)
set(names "")
set(positive 0)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON name GET "${json}" benchmarks ${i} name)
  list(APPEND names "${name}")
  string(JSON error ERROR_VARIABLE none GET "${json}" benchmarks ${i} error_occurred)
  if(error STREQUAL "ON" OR error STREQUAL "true")
    string(JSON message GET "${json}" benchmarks ${i} error_message)
    if(NOT message MATCHES "^NotSupported: ")
      message(FATAL_ERROR "${name} failed: ${message}")
    endif()
    continue()
  endif()
  foreach(counter bytes_per_second sectors_per_second x_cd wall_us_per_read)
    string(JSON value GET "${json}" benchmarks ${i} ${counter})
    if(NOT value GREATER 0)
      message(FATAL_ERROR "${name}: ${counter} = ${value}, expected a positive rate")
    endif()
  endforeach()
  math(EXPR positive "${positive} + 1")
endforeach()
foreach(expected
    "RawRead/emu_writer/CDDA/27/inner/iterations:16/manual_time"
    "RawRead/emu_writer/CDDA/27/middle/iterations:16/manual_time"
    "RawRead/emu_writer/CDDA/27/outer/iterations:16/manual_time"
    "CookedRead/emu_writer/32/inner/iterations:16/manual_time"
    "CookedRead/emu_reader/32/outer/iterations:16/manual_time"
    "RawRead/emu_empty/CDDA/iterations:1/manual_time")
  if(NOT expected IN_LIST names)
    message(FATAL_ERROR "the JSON lacks ${expected}; it has: ${names}")
  endif()
endforeach()
if(positive LESS 9)
  message(FATAL_ERROR "only ${positive} benchmarks reported rates; expected at least 9 (3 positions x 3 families)")
endif()
# cdcts' own section after Google's members: a verdict per benchmark and the run's exit code.
string(JSON verdicts LENGTH "${json}" cdcts verdicts)
string(JSON exit_code GET "${json}" cdcts exit_code)
if(NOT verdicts EQUAL count OR NOT exit_code EQUAL 0)
  message(FATAL_ERROR "the cdcts section has ${verdicts} verdicts for ${count} benchmarks, exit_code ${exit_code}")
endif()
string(JSON first_verdict GET "${json}" cdcts verdicts 0 verdict)
if(NOT first_verdict MATCHES "^(Pass|NotSupported|QualityWarning)$")
  message(FATAL_ERROR "unexpected verdict ${first_verdict}")
endif()
message(STATUS "${count} benchmarks, ${positive} with positive rates")
