# Checks docs/contract-coverage/*.md against the test executables (ctest: docs.ContractCoverage).
#
# Every table row of those files is one rule of the contracts document: | § | Rule | Checked by |. The
# "Checked by" cell must either name tests (`Suite.Test`, backticked) or say **Not modelled:** / **Not testable:**
# with a reason. Each named test must exist in one of the executables given in BINARIES (joined with '|'), and its
# name must carry the row's section tag: § 3.18 -> "S3_18", § 1 -> "S1_", so a test says which rule it checks.
#
#   cmake -DDOCS=<dir> -DBINARIES="a|b|c" -P check_contract_coverage.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT DOCS OR NOT BINARIES)
  message(FATAL_ERROR "usage: cmake -DDOCS=<dir> -DBINARIES=\"exe|exe\" -P check_contract_coverage.cmake")
endif()

# The tests that exist, as "Suite.Test" with any instantiation prefix ("Inst/Suite") and parameter suffix
# ("Test/0", "Test/Name") removed, so a row names a parameterised test once.
string(REPLACE "|" ";" binaries "${BINARIES}")
set(known "")
foreach(binary IN LISTS binaries)
  execute_process(COMMAND "${binary}" --gtest_list_tests RESULT_VARIABLE rc OUTPUT_VARIABLE listing ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${binary} --gtest_list_tests failed (${rc}): ${err}")
  endif()
  # CMake lists split on ';' and treat brackets specially; neither matters in a test name.
  string(REGEX REPLACE "[][;]" "," listing "${listing}")
  string(REPLACE "\n" ";" lines "${listing}")
  set(suite "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^([^ ].*)\\.$")
      string(REGEX REPLACE "^.*/" "" suite "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^  ([A-Za-z0-9_]+)")
      list(APPEND known "${suite}.${CMAKE_MATCH_1}")
    endif()
  endforeach()
endforeach()
list(REMOVE_DUPLICATES known)
list(LENGTH known known_count)

file(GLOB pages "${DOCS}/*.md")
# README.md explains the pages; its own table lists pages, not rules.
list(FILTER pages EXCLUDE REGEX "/README\\.md$")
set(problems "")
set(rows 0)
set(tested 0)
set(untested 0)
foreach(page IN LISTS pages)
  get_filename_component(page_name "${page}" NAME)
  file(READ "${page}" text)
  string(REGEX REPLACE "[][;]" "," text "${text}")
  string(REPLACE "\n" ";" page_lines "${text}")
  set(line_no 0)
  foreach(line IN LISTS page_lines)
    math(EXPR line_no "${line_no} + 1")
    # Table rows only; the header and its |---| separator are skipped.
    if(NOT line MATCHES "^\\|" OR line MATCHES "^\\|[ -]*\\|[ -]*\\|" OR line MATCHES "^\\| *§ *\\|")
      continue()
    endif()
    string(REGEX REPLACE "^\\| *([^|]*[^| ]) *\\|.*" "\\1" section "${line}")
    string(REGEX REPLACE "^.*\\| *([^|]*[^| ]) *\\| *$" "\\1" checked "${line}")
    math(EXPR rows "${rows} + 1")
    set(where "${page_name}:${line_no}")
    # "3.18 row 9" -> S3_18; "1 step 2" -> S1_; "8.1" -> S8_1.
    if(NOT section MATCHES "^([0-9]+(\\.[0-9]+)?)")
      list(APPEND problems "${where}: section cell '${section}' does not start with a section number")
      continue()
    endif()
    string(REPLACE "." "_" tag "S${CMAKE_MATCH_1}")
    # S3_1 must not accept S3_18_...: a two-level tag ends the name or is followed by '_'.
    if(checked MATCHES "\\*\\*Not (modelled|testable):\\*\\* *[^ ]")
      math(EXPR untested "${untested} + 1")
      continue()
    endif()
    string(REGEX MATCHALL "`[A-Za-z0-9_]+\\.[A-Za-z0-9_]+`" names "${checked}")
    if(NOT names)
      list(APPEND problems "${where}: no test named and no **Not modelled:** / **Not testable:** reason")
      continue()
    endif()
    math(EXPR tested "${tested} + 1")
    foreach(name IN LISTS names)
      string(REPLACE "`" "" name "${name}")
      list(FIND known "${name}" found)
      if(found EQUAL -1)
        list(APPEND problems "${where}: ${name} is not a test of any executable")
      elseif(NOT name MATCHES "\\.(.*_)?${tag}(_|$)")
        list(APPEND problems "${where}: ${name} does not carry the section tag ${tag}")
      endif()
    endforeach()
  endforeach()
endforeach()

if(rows EQUAL 0)
  list(APPEND problems "${DOCS}: no rule rows found")
endif()
if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "contract coverage: ${text}")
endif()
message(STATUS "contract coverage: ${rows} rules, ${tested} with tests, ${untested} not modelled or not testable; ${known_count} tests known")
