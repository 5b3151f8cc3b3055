// A contribution: what one load of one source added to the store — one
// year's CIN census, one year's SSDA903 table, one SSD table, one local table.
//
// Loads combine record by record (../shared/README.md "How loads combine"):
// for each natural key the newest contribution that lists the record supplies
// each field it carries; resubmitting the same contribution key replaces it.
#ifndef BEACON_MODEL_CONTRIBUTION_H_
#define BEACON_MODEL_CONTRIBUTION_H_

#include <map>
#include <set>
#include <string>

#include "model/record.h"

namespace beacon {

struct Contribution {
  // The store's identifier (records refer to it); in a batch not yet stored,
  // the index in Batch::contributions.
  int32_t id = 0;
  Source source = Source::kLocal;
  // The source's own table name ("Episodes", "UASC", "ssd_cin_episodes",
  // "workers"), or "*" for a whole return in one file (CIN census XML,
  // EXPSSDA903 XML).
  std::string table;
  // Returns: the collection year by its starting calendar year (2024 = 2024-25);
  // 0 for SSD and local tables.
  int collection_year = 0;
  // How recent the contribution's picture is; later wins. Returns: the
  // ReferenceDate (31 March). SSD: the extract date. Local: the load date.
  Date as_of;
  // Per CaseHistory table, the fields this contribution carries (field names
  // as in the record's visit()). A field not carried is filled from the newest
  // other contribution that carries it.
  std::map<std::string, std::set<std::string>> carried;
  std::string files;  // the file name(s) it came from, for the load history

  // Identity of the contribution: a reload with the same key replaces it.
  std::string key() const;
};

}  // namespace beacon

#endif  // BEACON_MODEL_CONTRIBUTION_H_
