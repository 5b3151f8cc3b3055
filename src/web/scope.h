// The signed-in user's scope applied to a request: which unit a page opens
// on, whether the unit asked for is theirs, which children may be listed,
// and scrutiny's suppression of small counts. Every decision is made by
// access/policy.h; this file only fetches what it needs from the request.
#ifndef BEACON_WEB_SCOPE_H_
#define BEACON_WEB_SCOPE_H_

#include <optional>
#include <vector>

#include "access/policy.h"
#include "indicators/engine.h"
#include "portraits/pen_portrait.h"
#include "web/app.h"
#include "web/drill_query.h"
#include "web/pickers.h"
#include "web/view.h"
#include "worklists/worklist.h"

namespace beacon::web {

// The view the URL names, opening on the user's own unit when it names none.
// A unit outside the user's area is refused (403) and nullopt returned after
// the error response is written; so are malformed views (400/404).
std::optional<View> scoped_view(Ctx& ctx);

// The children the user may see at child level for a view's period.
access::ChildScope child_scope(const Ctx& ctx, const View& view);

// Only the rows about children in scope; returns how many were held back.
size_t keep_children_in_scope(std::vector<const DrillRow*>& rows, const access::ChildScope& scope);
size_t keep_children_in_scope(std::vector<const WorkItem*>& items, const access::ChildScope& scope);

// The records behind a figure that the user may see listed, filtered and
// sorted by `q`: children in their scope, or — for a figure that counts
// workers or posts (the workforce) — workers and teams within the units
// they may open. The scope is applied before the filter, and `not_listed`
// gets how many of the figure's records are outside it whatever the filter
// says, so a filter cannot reveal what the scope holds back.
std::vector<const DrillRow*> drill_rows_for_reader(const Ctx& ctx, const IndicatorDef& def,
                                                   const View& view,
                                                   const std::vector<const DrillRow*>& rows,
                                                   const DrillQuery& q, size_t* not_listed = nullptr);

// Picker options limited to the user's area (unit list from their home unit).
PickerOptions picker_options(const Ctx& ctx, PickerOptions base = {});

// True when the user may open the unit (pickers, breadcrumbs, breakdown links).
bool unit_in_scope(const Ctx& ctx, std::string_view unit_id);

// Scrutiny: counts between 1 and 4 (numerators, denominators) are replaced
// by "not shown" (NaN, printed as "–" and null in JSON) together with the
// value and RAG they would give away. No-ops for other users.
void suppress_small_counts(const Ctx& ctx, Figure& figure);
void suppress_small_counts(const Ctx& ctx, Aggregate& total, std::optional<double>& value,
                           Rag& rag);
void suppress_small_counts(const Ctx& ctx, PenPortrait& portrait);

}  // namespace beacon::web

#endif  // BEACON_WEB_SCOPE_H_
