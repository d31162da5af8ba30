# Modules: shared objects the binary dlopen()s on first use (src/core/module.h), so commands that
# do not fetch, use PostgreSQL or serve never load libcurl, libpq, cpp-httplib and their TLS,
# Kerberos and LDAP chains (~18 ms of every start). A module links its own copy of the stage
# code it needs (every static library is position-independent for it) and exports only its
# entry function (cmake/module.map), so its copies never interpose on the binary's.
include(GNUInstallDirs)
set(WB_MODULE_INSTALL_RELDIR ${CMAKE_INSTALL_LIBDIR}/wirebrief)
add_custom_target(wb_modules)

function(wb_add_module name)
  add_library(${name} MODULE ${ARGN})
  set_target_properties(${name} PROPERTIES PREFIX "" SUFFIX ".so"
                                           LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}
                                           LINK_DEPENDS ${PROJECT_SOURCE_DIR}/cmake/module.map)
  target_link_libraries(${name} PRIVATE wb_flags)
  target_link_options(${name} PRIVATE -Wl,--version-script=${PROJECT_SOURCE_DIR}/cmake/module.map)
  if(NOT WB_BUILD_FUZZ AND NOT WB_SANITIZE)
    # A symbol the module forgot to link fails the build, not the first run. (Sanitizer
    # runtimes are linked into executables only, so instrumented modules keep them undefined.)
    target_link_options(${name} PRIVATE -Wl,--no-undefined)
  endif()
  install(TARGETS ${name} LIBRARY DESTINATION ${WB_MODULE_INSTALL_RELDIR})
  add_dependencies(wb_modules ${name})
endfunction()
