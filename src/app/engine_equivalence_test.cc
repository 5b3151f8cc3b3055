// The engine answers flow indicators from rows listed once for all periods
// (indicators/flow_rows.h). This proves, on a generated organisation, that
// every figure it gives is exactly the one the old computation gives — the
// logic run for that one period and summed — for every indicator, every
// unit and many kinds of period: month-ends, odd dates, 29 February, single
// days, financial years to date and multi-year spans.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "app/workspace.h"
#include "indicators/families.h"
#include "indicators/flow_rows.h"
#include "indicators/logic_support.h"
#include "load/load.h"
#include "store/test_support.h"
#include "synth/generate.h"
#include "worklists/worklist.h"

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

// KPI11 as it was written before its rows could be placed (kept verbatim as
// the reference): the first disposal per person in the shifted window.
void reference_youth_reoffending(const IndicatorContext& ctx, RowSink& out) {
  const Date from = ctx.period.from.add_months(-18);
  const Date to = ctx.period.to.add_months(-18);
  std::map<std::string_view, const YouthJusticeDisposal*> first;
  for (const YouthJusticeDisposal& d : ctx.index.history().youth_justice) {
    if (d.disposal_date < from || d.disposal_date > to) continue;
    auto& f = first[d.person_id];
    if (!f || std::tie(d.disposal_date, d.ordinal) < std::tie(f->disposal_date, f->ordinal)) f = &d;
  }
  for (const auto& [person, d] : first) {
    const Date follow_up_end = d->disposal_date.add_months(12);
    const bool reoffended = d->reoffence_date && *d->reoffence_date > d->disposal_date &&
                            *d->reoffence_date <= follow_up_end;
    Row row;
    row.child_id = person;
    row.record = "young person";
    row.in_numerator = reoffended;
    row.numerator = reoffended ? 1 : 0;
    logic::attribute_row(
        ctx.index, row, d->disposal_date, {}, {},
        logic::containing_episode_end(ctx.index, EpisodeRef{std::string(person), std::nullopt, 1},
                                      d->disposal_date));
    out.add(row);
  }
}

// One generated organisation for the whole program.
std::shared_ptr<const CaseIndex> generated_index() {
  static std::shared_ptr<const CaseIndex> index = [] {
    testing::TempDir dir;
    synth::Options o;
    o.scale = 0.03;
    o.seed = 11;
    auto generated = synth::generate(o, dir.file("org"));
    if (!generated) return std::shared_ptr<const CaseIndex>();
    auto store = std::move(open_sqlite_store(":memory:")).value();
    LoadOptions options;
    options.today = o.as_at;
    if (!load_files(*store, {dir.file("org")}, options).ok)
      return std::shared_ptr<const CaseIndex>();
    auto snapshot = read_snapshot(*store);
    return snapshot ? *snapshot : std::shared_ptr<const CaseIndex>();
  }();
  return index;
}

std::vector<Period> periods_to_compare() {
  std::vector<Period> out;
  // Every month-end of the generated history (to 31 March 2026) and past it,
  // as 12-month rolling periods and as months.
  for (Date end : series_month_ends(D(2026, 6, 30), 90)) {
    out.push_back(Period::rolling_months(end, 12));
    out.push_back(Period::month_of(end));
  }
  // Odd dates, leap days, month starts, financial years, long and short spans.
  for (Date to : {D(2024, 2, 29), D(2024, 3, 1), D(2023, 2, 28), D(2025, 7, 15), D(2022, 12, 31),
                  D(2025, 4, 1), D(2026, 3, 31), D(2021, 8, 31), D(2019, 1, 1), D(2030, 1, 1)}) {
    for (int months : {1, 3, 6, 12, 24, 36, 60}) out.push_back(Period::rolling_months(to, months));
    out.push_back(Period::month_of(to));
    out.push_back(Period::financial_year_to_date(to));
    out.push_back(Period::from_range(to, to));                 // one day
    out.push_back(Period::from_range(to.add_days(-16), to));   // 17 days
    out.push_back(Period::from_range(to.add_days(-399), to));  // 400 days
    out.push_back(Period::from_range(D(2020, 2, 29), to));     // from a leap day, years long
  }
  return out;
}

std::string describe(const IndicatorDef& def, const Period& p) {
  return std::string(def.id) + " " + p.from.iso() + " to " + p.to.iso();
}

// Every unit with a figure in either map, compared exactly.
void expect_same_totals(const UnitTotals& expected, const UnitTotals& actual,
                        const std::string& what) {
  ASSERT_EQ(expected.by_unit.size(), actual.by_unit.size()) << what;
  for (const auto& [unit, e] : expected.by_unit) {
    auto it = actual.by_unit.find(unit);
    ASSERT_NE(it, actual.by_unit.end()) << what << " unit " << unit;
    EXPECT_EQ(e.numerator, it->second.numerator) << what << " unit " << unit;
    EXPECT_EQ(e.denominator, it->second.denominator) << what << " unit " << unit;
    EXPECT_EQ(e.rows, it->second.rows) << what << " unit " << unit;
  }
  EXPECT_EQ(expected.notes, actual.notes) << what;
}

TEST(EngineEquivalence, TheGeneratedOrganisationLoads) {
  auto index = generated_index();
  ASSERT_TRUE(index);
  EXPECT_GT(index->history().contacts.size(), 100u);
  EXPECT_GT(index->history().youth_justice.size(), 5u);
}

// Every flow indicator but turnover (its denominator is the staff in post at
// the period's end) places its rows, so none falls back unnoticed.
TEST(EngineEquivalence, EveryFlowLogicButTurnoverPlacesItsRows) {
  auto index = generated_index();
  ASSERT_TRUE(index);
  Parameters params;
  auto root_only = [&](std::string_view, std::string_view, std::vector<std::string_view>& out) {
    out.push_back(index->organisation().root_id());
  };
  for (const auto& def : indicator_catalogue()) {
    if (def.kind != IndicatorKind::kFlow) continue;
    auto rows = FlowRows::build(def, *index, params, root_only, index->organisation().root_id());
    EXPECT_EQ(rows == nullptr, std::string_view(def.id) == "TURNOVER_RATE") << def.id;
  }
}

TEST(EngineEquivalence, EveryFigureEqualsTheLogicRunForItsPeriod) {
  auto index = generated_index();
  ASSERT_TRUE(index);
  IndicatorEngine engine(index);
  const auto periods = periods_to_compare();
  int64_t rows_seen = 0;
  for (const auto& def : indicator_catalogue()) {
    IndicatorDef reference = def;
    if (std::string_view(def.id) == "KPI11") reference.logic = reference_youth_reoffending;
    for (const Period& p : periods) {
      // Snapshots are computed as before; a sample of dates keeps them honest.
      if (def.kind != IndicatorKind::kFlow && p.kind != PeriodKind::kRollingMonths) continue;
      const std::string what = describe(def, p);
      auto expected = engine.totals_by_running(reference, p);
      expect_same_totals(*expected, *engine.totals(def, p), what);
      for (const auto& [unit, e] : expected->by_unit) {
        Aggregate a = engine.aggregate(def, p, unit);
        EXPECT_EQ(a.numerator, e.numerator) << what << " unit " << unit;
        EXPECT_EQ(a.denominator, e.denominator) << what << " unit " << unit;
        EXPECT_EQ(a.rows, e.rows) << what << " unit " << unit;
        rows_seen += e.rows;
      }
      // A unit with no rows in the period has an empty figure, not a stale one.
      for (const OrgUnit& u : index->organisation().units()) {
        if (!expected->by_unit.contains(u.id)) {
          EXPECT_EQ(engine.aggregate(def, p, u.id).rows, 0) << what << " unit " << u.id;
        }
      }
    }
  }
  EXPECT_GT(rows_seen, 100000);
}

// The drill-through is listed once per (indicator, period) for the whole
// organisation and each unit's rows chosen from it: every unit's (and
// worker's) rows add up to exactly its figure, and repeating a request
// gives the same rows.
TEST(EngineEquivalence, EveryUnitsDrillThroughAddsUpToItsFigure) {
  auto index = generated_index();
  ASSERT_TRUE(index);
  IndicatorEngine engine(index);
  const Period p = Period::rolling_months(D(2025, 3, 31), 12);
  int64_t rows_seen = 0;
  for (const auto& def : indicator_catalogue()) {
    auto totals = engine.totals_by_running(def, p);
    for (const auto& [unit, e] : totals->by_unit) {
      DrillList list = engine.drill_list(def, p, unit);
      double numerator = 0, denominator = 0;
      for (const DrillRow* r : list.rows) numerator += r->numerator, denominator += r->denominator;
      const std::string what = describe(def, p) + " unit " + unit;
      ASSERT_EQ(static_cast<int64_t>(list.rows.size()), e.rows) << what;
      EXPECT_NEAR(numerator, e.numerator, 1e-6) << what;
      EXPECT_NEAR(denominator, e.denominator, 1e-6) << what;
      EXPECT_EQ(engine.drill_list(def, p, unit).rows, list.rows) << what;
      rows_seen += e.rows;
    }
  }
  EXPECT_GT(rows_seen, 10000);
}

TEST(EngineEquivalence, Kpi11PerPeriodLogicMatchesTheReference) {
  auto index = generated_index();
  ASSERT_TRUE(index);
  IndicatorEngine engine(index);
  IndicatorDef reference = *find_indicator("KPI11");
  reference.logic = reference_youth_reoffending;
  int64_t people = 0;
  for (const Period& p : periods_to_compare()) {
    auto expected = engine.totals_by_running(reference, p);
    expect_same_totals(*expected, *engine.totals_by_running(*find_indicator("KPI11"), p),
                       describe(reference, p));
    people += expected->by_unit.at(index->organisation().root_id()).rows;
  }
  EXPECT_GT(people, 0);
}

// Worklists kept with the snapshot (the whole organisation's list for a day,
// filtered per request) give exactly the items, in exactly the order, that
// building the list for that unit and horizon gives.
TEST(WorklistFromTheSnapshot, EveryUnitsListIsTheOneBuiltForIt) {
  auto index = generated_index();
  ASSERT_TRUE(index);
  IndicatorEngine engine(index);
  std::vector<std::string> units{""};
  for (const OrgUnit& u : index->organisation().units()) units.push_back(u.id);
  for (size_t i = 0; i < index->history().workers.size(); i += 7)
    units.push_back(index->history().workers[i].id);
  size_t items_seen = 0;
  for (Date as_at : {D(2026, 3, 31), D(2024, 2, 29)}) {
    for (const auto& unit : units) {
      for (auto [horizon, upcoming] :
           {std::pair{14, true}, std::pair{60, true}, std::pair{0, false}}) {
        WorklistOptions o;
        o.as_at = as_at;
        o.unit_id = unit;
        o.horizon_days = horizon;
        o.include_upcoming = upcoming;
        auto expected = build_worklist(*index, engine.parameters(), o);
        auto actual = build_worklist(engine, o);
        ASSERT_TRUE(expected.is_ok() && actual.is_ok()) << unit;
        const std::string what =
            as_at.iso() + " unit " + unit + " horizon " + std::to_string(horizon);
        ASSERT_EQ(expected->size(), actual->size()) << what;
        for (size_t k = 0; k < expected->size(); ++k) {
          const WorkItem& e = (*expected)[k];
          const WorkItem& a = (*actual)[k];
          EXPECT_EQ(std::tie(e.kind, e.child_id, e.child_name, e.worker_id, e.team_id, e.since,
                             e.due, e.days_left, e.status),
                    std::tie(a.kind, a.child_id, a.child_name, a.worker_id, a.team_id, a.since,
                             a.due, a.days_left, a.status))
              << what << " item " << k;
        }
        items_seen += expected->size();
      }
    }
  }
  EXPECT_GT(items_seen, 1000u);
  WorklistOptions unknown;
  unknown.as_at = D(2026, 3, 31);
  unknown.unit_id = "no such unit";
  EXPECT_EQ(build_worklist(engine, unknown).status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace beacon
