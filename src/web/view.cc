#include "web/view.h"

#include "core/clock.h"

namespace beacon::web {

Period View::as_period() const {
  if (period == "month") return Period::month_of(to);
  if (period == "fytd") return Period::financial_year_to_date(to);
  if (period == "24m") return Period::rolling_months(to, 24);
  if (period == "3m") return Period::rolling_months(to, 3);
  if (period == "custom" && from) return Period::from_range(from, to);
  return Period::rolling_months(to, 12);
}

std::string View::query() const {
  std::string q = "to=" + to.iso() + "&period=" + period;
  if (period == "custom" && from) q += "&from=" + from->iso();
  q += "&unit=" + http::url_encode(unit);
  return q;
}

View View::with_unit(std::string unit_id) const {
  View v = *this;
  v.unit = std::move(unit_id);
  return v;
}

Date default_date(const IndicatorEngine& engine) {
  if (auto d = engine.index().latest_date()) return *d;
  return clock::today();
}

const std::vector<std::pair<std::string, std::string>>& period_choices() {
  static const std::vector<std::pair<std::string, std::string>> kChoices = {
      {"12m", "12 months to the date"},
      {"24m", "24 months to the date"},
      {"3m", "3 months to the date"},
      {"month", "The calendar month of the date"},
      {"fytd", "Financial year to date"},
      {"custom", "From a date of your choice"},
  };
  return kChoices;
}

Result<View> parse_view(const http::Request& req, const IndicatorEngine& engine) {
  View v;
  std::string to = req.param("to");
  if (to.empty()) {
    v.to = default_date(engine);
  } else {
    auto d = parse_date(to);
    if (!d) return Status::invalid_input("Enter a real date as day/month/year, for example 31/3/2026");
    v.to = *d;
  }
  std::string period = req.param("period", "12m");
  bool known = false;
  for (const auto& [value, label] : period_choices()) known = known || value == period;
  if (!known) return Status::invalid_input("Choose a period from the list");
  v.period = period;
  if (period == "custom") {
    auto from = parse_date(req.param("from"));
    if (!from)
      return Status::invalid_input("Enter the start of the period as day/month/year, for example 1/4/2025");
    if (*from > v.to) return Status::invalid_input("The start of the period must be on or before its end");
    v.from = from;
  }
  v.unit = req.param("unit");
  if (v.unit.empty()) v.unit = engine.index().organisation().root_id();
  if (!engine.unit_exists(v.unit)) return Status::not_found("There is no team, service, locality or worker called " + v.unit);
  return v;
}

}  // namespace beacon::web
