# beacon_embed_file(TARGET VAR FILE) — compiles FILE's bytes into TARGET as
#   extern const std::string_view VAR;
# so data Beacon needs at run time (bank holidays, code lists) ships inside the
# binary and a fresh install needs no data directory.
function(beacon_embed_file target var file)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${var}.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DIN=${file} -DOUT=${out} -DVAR=${var}
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_file_script.cmake
    DEPENDS ${file} ${PROJECT_SOURCE_DIR}/cmake/embed_file_script.cmake
    COMMENT "Embedding ${file}")
  target_sources(${target} PRIVATE ${out})
endfunction()
