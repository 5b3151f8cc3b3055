# beacon_embed_file(TARGET VAR PATH) — compiles PATH's bytes into TARGET as
#   namespace beacon::embedded { extern const std::string_view VAR; }
# so data Beacon needs at run time (bank holidays, code lists) ships inside the
# binary and a fresh install needs no data directory. PATH may be a folder of
# CSV files, joined without their header rows.
function(beacon_embed_file target var path)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${var}.cc)
  if(IS_DIRECTORY ${path})
    file(GLOB deps CONFIGURE_DEPENDS ${path}/*.csv)
  else()
    set(deps ${path})
  endif()
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${path} -DOUT=${out} -DVAR=${var}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file_script.cmake
    DEPENDS ${deps} ${PROJECT_SOURCE_DIR}/cmake/embed_file_script.cmake
    COMMENT "Embedding ${path}")
  target_sources(${target} PRIVATE ${out})
endfunction()
