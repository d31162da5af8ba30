# wb_flags: an INTERFACE target carrying our warning set, linked by every target we own
# (simdjson's developer-options.cmake does the same). Third-party headers come in as SYSTEM
# includes, so -Werror only judges our code.
add_library(wb_flags INTERFACE)
target_compile_options(wb_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                          -Wimplicit-fallthrough)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false -Wrestrict positives inside libstdc++ string concatenation at -O2
  # (GCC bug 105329); the warning is off for GCC only.
  target_compile_options(wb_flags INTERFACE -Wno-restrict)
endif()
# The code is PIC (modules, cmake/WbModules.cmake); without this GCC would treat every global
# function as replaceable at load time and stop inlining it within its own file.
target_compile_options(wb_flags INTERFACE -fno-semantic-interposition)
if(WB_WERROR)
  target_compile_options(wb_flags INTERFACE -Werror)
endif()
target_include_directories(wb_flags INTERFACE ${PROJECT_SOURCE_DIR}/src)
target_compile_definitions(wb_flags INTERFACE WB_VERSION="${PROJECT_VERSION}")

if(WB_BUILD_FUZZ)
  # Every library gets coverage instrumentation so libFuzzer can steer into stage code.
  # UBSan must stop the run: by default it prints and goes on, and the fuzzer never saves the input.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(WB_SANITIZE)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # ASan instrumentation makes GCC 12 report false -Wmaybe-uninitialized inside std::regex.
    target_compile_options(wb_flags INTERFACE -Wno-maybe-uninitialized)
  endif()
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# wb_add_test(NAME src... [LIBS ...] [LABELS ...]): one gtest binary, registered per test case.
function(wb_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE wb_flags ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  if(NOT ARG_LABELS)
    set(ARG_LABELS fast)
  endif()
  gtest_discover_tests(${name}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "${ARG_LABELS}"
               ENVIRONMENT "WB_SOURCE_DIR=${PROJECT_SOURCE_DIR};WB_BINARY=$<TARGET_FILE:wirebrief>"
    DISCOVERY_TIMEOUT 60)
endfunction()
