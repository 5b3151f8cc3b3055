#include "qa/cycle.h"

namespace beacon::qa {

std::string_view cycle_kind_name(CycleKind k) {
  return k == CycleKind::kQuarterly ? "quarterly" : "thematic";
}

std::optional<CycleKind> parse_cycle_kind(std::string_view name) {
  if (name == "quarterly") return CycleKind::kQuarterly;
  if (name == "thematic") return CycleKind::kThematic;
  return std::nullopt;
}

Cycle quarterly_cycle_for(Date d) {
  int fy = d.financial_year();
  int months_in = (d.month() + 8) % 12;  // April → 0 … March → 11
  int q = months_in / 3 + 1;
  Date start = YearMonth{d.year(), d.month()}.plus(-(months_in % 3)).first_day();
  Cycle c;
  c.kind = CycleKind::kQuarterly;
  c.start = start;
  c.end = start.add_months(3).add_days(-1);
  std::string next = std::to_string((fy + 1) % 100);
  if (next.size() < 2) next = "0" + next;
  c.name = std::to_string(fy) + "-" + next + " Q" + std::to_string(q);
  return c;
}

}  // namespace beacon::qa
