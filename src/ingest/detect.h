// Recognising a file's format from its content, not its name: the XML root
// element, or the CSV header's column set.
#ifndef BEACON_INGEST_DETECT_H_
#define BEACON_INGEST_DETECT_H_

#include <string>

#include "core/result.h"
#include "ingest/input_file.h"

namespace beacon {

enum class Format {
  kCinCensusXml,  // <Message> with CIN Children
  kSsda903Xml,    // <EXPSSDA903>
  kSsda903Csv,    // one SSDA903 table; `table` names it (Header, Episodes, …)
  kSsdCsv,        // one SSD table; `table` names it (ssd_person, …)
  kLocalCsv,      // one of Beacon's local tables; `table` names it (workers, …)
};

struct DetectedFile {
  InputFile file;
  Format format = Format::kLocalCsv;
  std::string table;
};

// Fails with a message naming the file when the format is not recognised
// (listing the nearest known column set for a CSV, so a user can fix it).
Result<DetectedFile> detect_format(const InputFile& file);

}  // namespace beacon

#endif  // BEACON_INGEST_DETECT_H_
