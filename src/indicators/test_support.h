// Helpers for indicator tests: build small case histories in a few lines.
#ifndef BEACON_INDICATORS_TEST_SUPPORT_H_
#define BEACON_INDICATORS_TEST_SUPPORT_H_

#include <memory>

#include "indicators/engine.h"

namespace beacon::testing {

inline Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

inline Child child(std::string id, std::optional<Date> dob = std::nullopt) {
  Child c;
  c.id = std::move(id);
  c.birth_date = dob;
  return c;
}

inline LaEpisode episode(std::string child, Date start, std::string rne, std::string ls,
                         std::string place, std::optional<Date> end = std::nullopt,
                         std::string rec = "", std::string postcode = "AB1 2CD",
                         std::string urn = "") {
  LaEpisode e;
  e.child_id = std::move(child);
  e.start = start;
  e.rne = std::move(rne);
  e.legal_status = std::move(ls);
  e.place = std::move(place);
  e.end = end;
  e.reason_ceased = std::move(rec);
  e.placement_postcode = std::move(postcode);
  e.urn = std::move(urn);
  return e;
}

// Runs one indicator over `history` for the period and returns the org totals.
inline Aggregate run(const CaseHistory& history, const char* id, Period period,
                     Parameters params = {}) {
  auto index = std::make_shared<CaseIndex>(CaseHistory(history));
  IndicatorEngine engine(index, params);
  return engine.aggregate(*find_indicator(id), period, "");
}

inline Period year_to(Date to) { return Period::rolling_months(to, 12); }

}  // namespace beacon::testing

#endif  // BEACON_INDICATORS_TEST_SUPPORT_H_
