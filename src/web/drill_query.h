// The drill-through list as the user has filtered and sorted it: the same
// rows on the page, in the downloads and from the API.
#ifndef BEACON_WEB_DRILL_QUERY_H_
#define BEACON_WEB_DRILL_QUERY_H_

#include <string>
#include <vector>

#include "http/message.h"
#include "indicators/engine.h"

namespace beacon::web {

struct DrillQuery {
  std::string in = "all";  // all | yes (in the numerator) | no
  std::string child;       // child identifier contains this
  std::string sort = "child";  // child | record | in | date0…date3 | measure | worker
  bool descending = false;
  int page = 1;

  static DrillQuery from(const http::Request& req);
  // "&in=…&child=…&sort=…&dir=…" (without the page).
  std::string query() const;
};

// Filters and sorts `rows` (stable: ties keep the engine's order).
std::vector<DrillRow> apply_drill_query(std::vector<DrillRow> rows, const DrillQuery& q,
                                        const OrganisationTree& org);

}  // namespace beacon::web

#endif  // BEACON_WEB_DRILL_QUERY_H_
