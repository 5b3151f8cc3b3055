// The form at the top of figure pages: date, period and unit. A plain GET
// form, so it works without JavaScript and its result is a shareable URL.
#ifndef BEACON_WEB_PICKERS_H_
#define BEACON_WEB_PICKERS_H_

#include <functional>
#include <string>
#include <string_view>

#include "indicators/engine.h"
#include "web/view.h"

namespace beacon::web {

struct PickerOptions {
  bool period = true;     // worklists and portraits need only a date and unit
  bool workers = false;   // list workers of the chosen unit's team as well
  std::string extra_hidden;  // hidden fields to carry (HTML)
  // The user's scope: the unit (or worker) the unit list starts from (the
  // root when empty), and which units and workers may be offered.
  std::string top_unit;
  std::function<bool(std::string_view)> in_scope;
  // A refused view comes back with what was typed and the problem beside
  // its field ("to", "from" or "period").
  std::string typed_to, typed_from;
  std::string error_field, error;
};

std::string view_picker(const IndicatorEngine& engine, const View& view, const std::string& action,
                        const PickerOptions& options = {});

// "East locality", "Assessment team 3", "Sam Worker", or "Whole organisation".
std::string unit_label(const IndicatorEngine& engine, const std::string& unit_id);

// Breadcrumbs from the organisation down to `unit`, each linking to
// `base_href` + "?" + the view's query for that unit (units outside
// `in_scope` are shown without a link).
std::vector<struct Crumb> unit_crumbs(const IndicatorEngine& engine, const View& view,
                                      const std::string& base_href,
                                      const std::string& extra_query = "",
                                      const std::function<bool(std::string_view)>& in_scope = nullptr);

}  // namespace beacon::web

#endif  // BEACON_WEB_PICKERS_H_
