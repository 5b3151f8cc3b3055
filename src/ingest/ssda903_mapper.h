// The one mapping from SSDA903 rows to case-history records, shared by the
// CSV and EXPSSDA903 XML readers so both read a return identically.
#ifndef BEACON_INGEST_SSDA903_MAPPER_H_
#define BEACON_INGEST_SSDA903_MAPPER_H_

#include <map>
#include <set>
#include <string>

#include "ingest/batch.h"
#include "ingest/ssda903_row.h"
#include "ingest/ssda903_tables.h"

namespace beacon {

// Per CaseHistory table, the fields a contribution of this 903 table carries
// (its data fields; key fields identify records and are always present).
using CarriedFields = std::map<std::string, std::set<std::string>>;
CarriedFields ssda903_carried(Ssda903Table table);
// An EXPSSDA903 file: every table, and UASC/DUC in each child's header.
CarriedFields ssda903_xml_carried();

class Ssda903Mapper {
 public:
  explicit Ssda903Mapper(Batch& batch) : batch_(batch) {}

  // Maps one row of `table`, read from `file` for collection `year`, into the
  // batch under contribution index `contribution`, counting it as read (and
  // rejected on any error). Records sharing a natural key within one
  // contribution are numbered by position and reported; a child listed twice
  // (Header, UASC, XML CHILD) is an error. Returns false when rejected.
  bool map(Ssda903Table table, const Ssda903Row& row, const std::string& file, int year,
           int32_t contribution);

 private:
  struct FirstSeen {
    int count = 0;
    int line = 0;
    std::string element;
  };
  template <class R>
  bool add(R record, Ssda903Cells& cells, const char* table, int32_t contribution,
           bool duplicate_is_error);

  Batch& batch_;
  std::map<std::string, FirstSeen> seen_;  // by contribution, table and natural key
};

}  // namespace beacon

#endif  // BEACON_INGEST_SSDA903_MAPPER_H_
