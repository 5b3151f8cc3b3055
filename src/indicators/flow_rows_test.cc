// Flow figures read from rows listed once for all periods: the cases where a
// row's place in a period is more than one date.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "indicators/once_cache.h"
#include "indicators/test_support.h"

namespace beacon {
namespace {

using namespace beacon::testing;

DateTime at(Date d, int h) { return {d, h * 3600, true}; }

Contact contact(std::string id, DateTime received, std::optional<DateTime> decided) {
  Contact c;
  c.id = id;
  c.child_id = "X" + id;
  c.received = received;
  c.decided = decided;
  return c;
}

// Both ways of answering, for one period: they must agree exactly.
Aggregate by_running(const CaseHistory& h, const char* id, const Period& p) {
  IndicatorEngine engine(std::make_shared<CaseIndex>(CaseHistory(h)));
  auto totals = engine.totals_by_running(*find_indicator(id), p);
  return totals->by_unit.at(engine.index().organisation().root_id());
}

TEST(FlowRows, AnUndecidedContactIsLeftOutOnlyOfPeriodsEndingOnItsDay) {
  CaseHistory h;
  h.contacts.push_back(contact("1", at(D(2024, 5, 31), 10), std::nullopt));
  h.contacts.push_back(contact("2", at(D(2024, 5, 31), 10), at(D(2024, 6, 1), 8)));
  h.contacts.push_back(contact("3", at(D(2024, 5, 31), 10), at(D(2024, 5, 31), 12)));
  for (const Period& p : {Period::month_of(D(2024, 5, 31)), Period::rolling_months(D(2024, 6, 1), 1),
                          Period::from_range(D(2024, 5, 31), D(2024, 5, 31)),
                          Period::from_range(D(2024, 6, 1), D(2024, 6, 30))}) {
    Aggregate a = run(h, "KPI1", p);
    Aggregate expected = by_running(h, "KPI1", p);
    EXPECT_EQ(a.rows, expected.rows) << p.describe();
    EXPECT_EQ(a.numerator, expected.numerator) << p.describe();
  }
  // Ending on the day: only the one decided that day counts.
  EXPECT_EQ(run(h, "KPI1", Period::month_of(D(2024, 5, 31))).rows, 1);
  // A day later all three count; two were decided within 24 hours.
  Aggregate later = run(h, "KPI1", Period::rolling_months(D(2024, 6, 1), 1));
  EXPECT_EQ(later.rows, 3);
  EXPECT_EQ(later.numerator, 2);
}

YouthJusticeDisposal disposal(std::string person, Date d, OptDate reoffence = std::nullopt) {
  YouthJusticeDisposal y;
  y.person_id = std::move(person);
  y.disposal_date = d;
  y.reoffence_date = reoffence;
  return y;
}

TEST(FlowRows, AYoungPersonsFirstDisposalDependsOnWhereTheWindowStarts) {
  CaseHistory h;
  h.youth_justice.push_back(disposal("P", D(2022, 9, 1), D(2022, 10, 1)));
  h.youth_justice.push_back(disposal("P", D(2022, 1, 10)));
  // Window 1 Jul 2021 – 30 Jun 2022: the January disposal, no re-offence.
  Aggregate first = run(h, "KPI11", year_to(D(2023, 12, 31)));
  EXPECT_EQ(first.rows, 1);
  EXPECT_EQ(first.numerator, 0);
  // Window 1 Jan – 31 Dec 2022: still January, the first of the two.
  EXPECT_EQ(run(h, "KPI11", year_to(D(2024, 6, 30))).numerator, 0);
  EXPECT_EQ(run(h, "KPI11", year_to(D(2024, 6, 30))).rows, 1);
  // Window 1 Apr 2022 – 31 Mar 2023: September is the first, and re-offended.
  Aggregate later = run(h, "KPI11", year_to(D(2024, 9, 30)));
  EXPECT_EQ(later.rows, 1);
  EXPECT_EQ(later.numerator, 1);
  for (Date to : {D(2023, 12, 31), D(2024, 6, 30), D(2024, 9, 30), D(2025, 3, 31)}) {
    EXPECT_EQ(run(h, "KPI11", year_to(to)).rows, by_running(h, "KPI11", year_to(to)).rows);
    EXPECT_EQ(run(h, "KPI11", year_to(to)).numerator,
              by_running(h, "KPI11", year_to(to)).numerator);
  }
}

TEST(FlowRows, ManyThreadsAskingGetTheFiguresOneThreadGets) {
  CaseHistory h;
  for (int i = 0; i < 40; ++i) {
    h.contacts.push_back(contact(std::to_string(i), at(D(2024, 1, 1).add_days(i * 9), 9),
                                 at(D(2024, 1, 1).add_days(i * 9 + i % 3), 10)));
    h.youth_justice.push_back(disposal("P" + std::to_string(i % 7), D(2022, 1, 1).add_days(i * 11),
                                       D(2022, 3, 1).add_days(i * 13)));
  }
  auto index = std::make_shared<CaseIndex>(CaseHistory(h));
  IndicatorEngine alone(index);
  IndicatorEngine shared(index);
  std::vector<std::thread> threads;
  std::atomic<int> differences{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (const char* id : {"KPI1", "KPI11", "KPI3", "KPI4"}) {
        const Period p = year_to(D(2025, 3, 31).add_months(-(t % 4)));
        Figure mine = shared.figure(*find_indicator(id), p, "", 24);
        Figure theirs = alone.figure(*find_indicator(id), p, "", 24);
        if (mine.total.rows != theirs.total.rows || mine.total.numerator != theirs.total.numerator ||
            mine.series.size() != theirs.series.size())
          ++differences;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(differences.load(), 0);
}

TEST(OnceCache, EachKeyIsComputedOnceHoweverManyAsk) {
  OnceCache<int> cache(100);
  std::atomic<int> computed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) {
        int v = cache.get("key" + std::to_string(k), [&] {
          ++computed;
          return k * 2;
        });
        if (v != k * 2) ++computed;  // a wrong value shows as too many computations
      }
      (void)t;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(computed.load(), 20);
}

}  // namespace
}  // namespace beacon
