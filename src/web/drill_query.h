// The drill-through list as the user has filtered and sorted it: the same
// rows on the page, in the downloads and from the API.
#ifndef BEACON_WEB_DRILL_QUERY_H_
#define BEACON_WEB_DRILL_QUERY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "access/policy.h"
#include "http/message.h"
#include "indicators/engine.h"

namespace beacon::web {

struct DrillQuery {
  std::string in = "all";      // all | yes (in the numerator) | no
  std::string child;           // child identifier contains this
  std::string sort = "child";  // child | record | in | date0…date3 | measure | worker
  bool descending = false;
  int page = 1;

  static DrillQuery from(const http::Request& req);
  // "&in=…&child=…&sort=…&dir=…" (without the page).
  std::string query() const;
};

// Keeps the rows about children in `scope` first, then filters and sorts
// them (stable: ties keep the engine's order). `not_listed` gets how many of
// the whole figure's rows are about children outside the scope, whatever the
// filter says: so the filter cannot tell whether an out-of-scope child is in
// the figure. Works on pointers into the engine's shared list: a page costs
// no copy of the rows.
std::vector<const DrillRow*> apply_drill_query(std::vector<const DrillRow*> rows,
                                               const DrillQuery& q, const OrganisationTree& org,
                                               const access::ChildScope& scope,
                                               size_t* not_listed = nullptr);

// The rows [first, first + count) copied out, for the exports and the API.
std::vector<DrillRow> copy_drill_rows(const std::vector<const DrillRow*>& rows, size_t first = 0,
                                      size_t count = SIZE_MAX);

}  // namespace beacon::web

#endif  // BEACON_WEB_DRILL_QUERY_H_
