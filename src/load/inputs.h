// The files a `load` names: folders expanded recursively, in sorted order,
// hidden files and folders (names starting with '.') skipped. Within a folder
// only .csv and .xml files are taken (a manifest or a README beside the data
// must not refuse the load); a file named on its own is always read, its
// format told by its content.
#ifndef BEACON_LOAD_INPUTS_H_
#define BEACON_LOAD_INPUTS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "core/problem.h"
#include "ingest/input_file.h"

namespace beacon {

struct ExpandedInputs {
  std::vector<InputFile> files;                // each named by its path as the user wrote it
  Problems problems;                           // paths that do not exist, empty folders
  std::vector<std::filesystem::path> skipped;  // files in folders that are not .csv or .xml
};

// QA tables (qa_*.csv, docs/local-tables.md) are not case records: they are
// left out here and read into the QA store by load_qa_tables (qa_load.h).
ExpandedInputs expand_inputs(const std::vector<std::string>& paths);

bool is_qa_table(const std::filesystem::path& p);
// The QA tables among the paths (named, or in the folders named), sorted.
std::vector<std::string> find_qa_tables(const std::vector<std::string>& paths);

}  // namespace beacon

#endif  // BEACON_LOAD_INPUTS_H_
