// What a page shows is named by its URL: the date (`to`), the period
// (`period` = 12m, 24m, month, fytd, or custom with `from`) and the unit
// (`unit` = organisation unit or worker id). Every page reads the same
// parameters, so a link can be shared and bookmarked.
#ifndef BEACON_WEB_VIEW_H_
#define BEACON_WEB_VIEW_H_

#include <string>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "indicators/engine.h"

namespace beacon::web {

struct View {
  Date to;
  std::string period = "12m";  // 12m | 24m | 3m | month | fytd | custom
  OptDate from;                // custom only
  std::string unit;            // root id when empty in the URL

  Period as_period() const;
  // "to=…&period=…[&from=…]&unit=…" — the canonical form, stable for links.
  std::string query() const;
  // The same view for another unit or date.
  View with_unit(std::string unit_id) const;
};

// Reads the view from the request; defaults: `to` = the latest date in the
// data, 12 months, the whole organisation. Invalid input is refused with a
// message naming the parameter (the page shows it).
Result<View> parse_view(const http::Request& req, const IndicatorEngine& engine);

// The date used when the URL has none: the latest date in the case history
// (or today's date when nothing is loaded).
Date default_date(const IndicatorEngine& engine);

// Options for the period picker: (value, label).
const std::vector<std::pair<std::string, std::string>>& period_choices();

}  // namespace beacon::web

#endif  // BEACON_WEB_VIEW_H_
