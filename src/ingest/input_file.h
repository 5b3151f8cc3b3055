#ifndef BEACON_INGEST_INPUT_FILE_H_
#define BEACON_INGEST_INPUT_FILE_H_

#include <string>

namespace beacon {

// A file given to `load`: where to read it, and the name to show in reports
// (the name the user gave, or the uploaded file name).
struct InputFile {
  std::string path;
  std::string name;
};

}  // namespace beacon

#endif  // BEACON_INGEST_INPUT_FILE_H_
