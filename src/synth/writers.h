// The file writers: each walks the world and writes one format, reporting to
// the RecordCounter the case-history record every row (or element) makes.
#ifndef BEACON_SYNTH_WRITERS_H_
#define BEACON_SYNTH_WRITERS_H_

#include <string>
#include <vector>

#include "core/result.h"
#include "synth/record_counter.h"
#include "synth/world.h"

namespace beacon::synth {

// What was written: each file's path (relative to the output folder) and rows.
struct WrittenFile {
  std::string path;
  int64_t rows = 0;
};

// out/ssd/ssd_<table>.csv: the case system's current picture (the extract).
Status write_ssd(const World& w, const std::string& out, RecordCounter& counter,
                 std::vector<WrittenFile>& files);
// out/cin_census/cin_census_<year>.xml: one CIN census per collection year.
Status write_cin_census(const World& w, const std::string& out, RecordCounter& counter,
                        std::vector<WrittenFile>& files);
// out/ssda903/<year>/<Table>.csv: one SSDA903 return per collection year.
Status write_ssda903(const World& w, const std::string& out, RecordCounter& counter,
                     std::vector<WrittenFile>& files);
// out/local/<table>.csv: Beacon's local tables (docs/local-tables.md).
Status write_local(const World& w, const std::string& out, RecordCounter& counter,
                   std::vector<WrittenFile>& files);

// Column sets, exactly as the specifications give them (tests compare).
const std::vector<std::string>& ssd_columns(const std::string& table);
const std::vector<std::string>& ssd_tables();
const std::vector<std::string>& ssda903_columns(const std::string& table);
const std::vector<std::string>& ssda903_tables();
const std::vector<std::string>& local_columns(const std::string& table);
const std::vector<std::string>& local_tables();

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_WRITERS_H_
