# beacon_module(NAME DEPS <libs...> TEST_DEPS <libs...>)
#
# Builds every *.cc in the calling folder (and its direct sub-folders) into the
# static library beacon_NAME, and every *_test.cc into the test program
# NAME_tests, registered with CTest. Adding a file to a layer therefore needs
# no CMake edit: tests sit beside the code they test.
function(beacon_module name)
  cmake_parse_arguments(M "" "" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/*.cc ${CMAKE_CURRENT_SOURCE_DIR}/*/*.cc)
  set(tests ${sources})
  list(FILTER sources EXCLUDE REGEX "_test\\.cc$")
  list(FILTER tests INCLUDE REGEX "_test\\.cc$")

  add_library(beacon_${name} STATIC ${sources})
  target_include_directories(beacon_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(beacon_${name} PUBLIC ${M_DEPS})

  if(BEACON_BUILD_TESTS AND tests)
    add_executable(${name}_tests ${tests})
    target_link_libraries(${name}_tests PRIVATE beacon_${name} ${M_TEST_DEPS}
                          GTest::gtest_main GTest::gmock)
    target_compile_definitions(${name}_tests PRIVATE
                               BEACON_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(${name}_tests
                         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                         DISCOVERY_MODE PRE_TEST
                         DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
