# Warnings are errors in cdcts' own code; third-party headers come in as SYSTEM includes and stay quiet.
# (-Wnull-dereference is left out: at -O2 GCC 12 reports false positives inside libstdc++ streams.)
function(cdcts_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  if(CDCTS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# One static library per harness folder, named cdcts_<folder>, with the repository root on the include path
# so that includes read "harness/ioctl/catalog.hpp".
function(cdcts_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(cdcts_${name} STATIC ${ARG_SOURCES})
  target_include_directories(cdcts_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(cdcts_${name} PUBLIC ${ARG_DEPENDS})
  cdcts_warnings(cdcts_${name})
endfunction()

# A test executable of the harness's own tests (tests/<area>), registered with CTest one gtest case each.
# These lists do not depend on attached drives, so build-time discovery is safe here.
include(GoogleTest)
function(cdcts_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_executable(cdcts_test_${name} ${ARG_SOURCES})
  target_link_libraries(cdcts_test_${name} PRIVATE ${ARG_DEPENDS} GTest::gtest GTest::gtest_main)
  target_include_directories(cdcts_test_${name} PRIVATE ${PROJECT_SOURCE_DIR})  # "tests/support/..." includes
  cdcts_warnings(cdcts_test_${name})
  gtest_discover_tests(cdcts_test_${name} TEST_PREFIX "${name}." DISCOVERY_TIMEOUT 60
                       PROPERTIES LABELS "harness;${name}")
  # docs.ContractCoverage looks for the tests docs/contract-coverage names in every test executable.
  set_property(GLOBAL APPEND PROPERTY CDCTS_TEST_EXECUTABLES cdcts_test_${name})
endfunction()
