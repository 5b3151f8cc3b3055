// The files a `load` names: folders expanded recursively, in sorted order,
// hidden files and folders (names starting with '.') skipped.
#ifndef BEACON_LOAD_INPUTS_H_
#define BEACON_LOAD_INPUTS_H_

#include <string>
#include <vector>

#include "core/problem.h"
#include "ingest/input_file.h"

namespace beacon {

struct ExpandedInputs {
  std::vector<InputFile> files;  // each named by its path as the user wrote it
  Problems problems;             // paths that do not exist, empty folders
};

ExpandedInputs expand_inputs(const std::vector<std::string>& paths);

}  // namespace beacon

#endif  // BEACON_LOAD_INPUTS_H_
