# With tests on (and not the fuzz preset), each harness is also built against
# replay_main.cc and registered as a test that replays its corpus.
file(GLOB harnesses CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_fuzz.cc)
foreach(h ${harnesses})
  get_filename_component(name ${h} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" corpus ${name})
  add_executable(${name}_replay ${h} ${CMAKE_CURRENT_LIST_DIR}/replay_main.cc)
  target_link_libraries(${name}_replay PRIVATE beacon_ingest beacon_model beacon_core)
  add_test(NAME fuzz_replay.${corpus}
           COMMAND ${name}_replay ${CMAKE_CURRENT_LIST_DIR}/corpus/${corpus})
endforeach()
