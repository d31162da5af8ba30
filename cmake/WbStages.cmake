# wb_add_stage(<name> [DIR <folder>] [PUBLIC <stage>...] [PRIVATE <stage>...] [USED_AS <target>]
#              [ALSO_INCLUDES <stage>/<path>...])
#
# One row of the dependency table (src/CMakeLists.txt), the only place a stage's dependencies are
# written: the build links by it and scripts/check_layering.py checks every #include against it.
# Adds the stage's folder (Default: src/<name>, else DIR relative to the project root), whose own
# CMakeLists.txt defines its targets with their third-party libraries only, then links each static
# library and executable defined there to the stages the row names:
#   PUBLIC   the stages its public headers (the files at the top of the folder) include, so whoever
#            uses the stage sees them too;
#   PRIVATE  the stages only its .cc files and detail/ include: linked, not exposed.
#   USED_AS  the target the rows below link when they name this stage. Default: wb_<name>.
#   ALSO_INCLUDES  headers below another stage's public face that this row includes anyway,
#            each named: a known exception the layering check accepts (the build has nothing to
#            do for it). Default: none.
# A row may only name rows above it, so the table's order is the layering and has no cycles.
function(wb_add_stage name)
  cmake_parse_arguments(_wb_stage "" "DIR;USED_AS" "PUBLIC;PRIVATE;ALSO_INCLUDES" ${ARGN})
  if(NOT _wb_stage_DIR)
    set(_wb_stage_DIR src/${name})
  endif()
  if(NOT _wb_stage_USED_AS)
    set(_wb_stage_USED_AS wb_${name})
  endif()
  foreach(scope PUBLIC PRIVATE)
    set(_wb_stage_${scope}_targets)
    foreach(dep ${_wb_stage_${scope}})
      get_property(target GLOBAL PROPERTY WB_STAGE_TARGET_${dep})
      if(NOT target)
        message(FATAL_ERROR "wb_add_stage(${name}): '${dep}' is not a row above it")
      endif()
      list(APPEND _wb_stage_${scope}_targets ${target})
    endforeach()
  endforeach()

  add_subdirectory(${PROJECT_SOURCE_DIR}/${_wb_stage_DIR} ${PROJECT_BINARY_DIR}/${_wb_stage_DIR})
  get_property(targets DIRECTORY ${PROJECT_SOURCE_DIR}/${_wb_stage_DIR} PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t ${targets})
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "EXECUTABLE")
      target_link_libraries(${t} PUBLIC ${_wb_stage_PUBLIC_targets} PRIVATE ${_wb_stage_PRIVATE_targets} wb_flags)
    endif()
  endforeach()
  set_property(GLOBAL PROPERTY WB_STAGE_TARGET_${name} ${_wb_stage_USED_AS})
endfunction()
