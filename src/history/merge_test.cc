#include "history/merge.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "history/record_fields.h"

namespace beacon {
namespace {

Date D(int y, int m, int d) { return *Date::from_ymd(y, m, d); }

template <class R>
std::set<std::string> all_fields() {
  const auto& names = FieldList<R>::get().names;
  return {names.begin(), names.end()};
}

template <class R>
std::set<std::string> all_fields_but(std::initializer_list<const char*> left_out) {
  auto s = all_fields<R>();
  for (const char* f : left_out) s.erase(f);
  return s;
}

// A CIN census return: carries the CIN tables except the SSD-only fields.
Contribution cin_census(int32_t id, int year) {
  Contribution c;
  c.id = id;
  c.source = Source::kCinCensus;
  c.table = "*";
  c.collection_year = year;
  c.as_of = D(year + 1, 3, 31);
  c.carried[CinEpisode::kTable] =
      all_fields_but<CinEpisode>({"worker_id", "team_id", "referral_id"});
  c.carried[Assessment::kTable] = all_fields_but<Assessment>({"worker_id", "team_id"});
  c.carried[CinPlan::kTable] = all_fields<CinPlan>();
  c.carried[Section47::kTable] = all_fields<Section47>();
  c.carried[CpPlan::kTable] = all_fields<CpPlan>();
  c.carried[CpReview::kTable] = all_fields<CpReview>();
  c.files = "cin_" + std::to_string(year) + ".xml";
  return c;
}

Contribution ssda903(int32_t id, const std::string& table, int year) {
  Contribution c;
  c.id = id;
  c.source = Source::kSsda903;
  c.table = table;
  c.collection_year = year;
  c.as_of = D(year + 1, 3, 31);
  if (table == "Episodes") c.carried[LaEpisode::kTable] = all_fields<LaEpisode>();
  if (table == "Missing") c.carried[MissingEpisode::kTable] = all_fields<MissingEpisode>();
  return c;
}

Contribution ssd(int32_t id, Date as_of) {
  Contribution c;
  c.id = id;
  c.source = Source::kSsd;
  c.table = "ssd_cin_episodes";
  c.as_of = as_of;
  c.carried[CinEpisode::kTable] = all_fields<CinEpisode>();
  return c;
}

CinEpisode episode(int32_t contribution, const std::string& child, Date referral,
                   OptDate closed = std::nullopt, const std::string& need = "N1") {
  CinEpisode e;
  e.contribution = contribution;
  e.child_id = child;
  e.referral_date = referral;
  e.closure_date = closed;
  e.primary_need = need;
  return e;
}

TEST(Merge, LaterReturnWinsWhateverTheLoadOrder) {
  // The 2024-25 return was loaded first (id 1), the older 2023-24 one after it (id 2).
  std::vector<Contribution> cs = {cin_census(1, 2024), cin_census(2, 2023)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2), std::nullopt, "N2"));
  in.cin_episodes.push_back(episode(2, "C1", D(2023, 5, 2), std::nullopt, "N1"));
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 1u);
  EXPECT_EQ(result.history.cin_episodes[0].primary_need, "N2");
  EXPECT_EQ(result.history.cin_episodes[0].contribution, 1);

  // The same contributions listed the other way round give the same answer.
  std::reverse(cs.begin(), cs.end());
  auto again = merge_contributions(cs, in);
  ASSERT_EQ(again.history.cin_episodes.size(), 1u);
  EXPECT_EQ(again.history.cin_episodes[0].primary_need, "N2");
}

TEST(Merge, SameAsOfDateFallsBackToTheLaterLoad) {
  std::vector<Contribution> cs = {cin_census(3, 2024), cin_census(7, 2024)};
  cs[1].table = "other";
  CaseHistory in;
  in.cin_episodes.push_back(episode(7, "C1", D(2024, 5, 2), std::nullopt, "N7"));
  in.cin_episodes.push_back(episode(3, "C1", D(2024, 5, 2), std::nullopt, "N3"));
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 1u);
  EXPECT_EQ(result.history.cin_episodes[0].primary_need, "N7");
}

TEST(Merge, FinishedRecordMissingFromTheNextReturnIsKept) {
  std::vector<Contribution> cs = {cin_census(1, 2023), cin_census(2, 2024)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2), D(2023, 9, 1)));
  in.cin_episodes.push_back(episode(2, "C2", D(2024, 6, 1)));
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 2u);
  EXPECT_EQ(result.history.cin_episodes[0].child_id, "C1");
  EXPECT_TRUE(result.withdrawn.empty());
}

TEST(Merge, OpenRecordMissingFromTheNextReturnIsWithdrawnAndListed) {
  std::vector<Contribution> cs = {cin_census(1, 2023), cin_census(2, 2024)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2)));  // open at 31 March 2024
  in.cin_episodes.push_back(episode(2, "C2", D(2024, 6, 1)));
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 1u);
  EXPECT_EQ(result.history.cin_episodes[0].child_id, "C2");
  ASSERT_EQ(result.withdrawn.size(), 1u);
  const auto& w = result.withdrawn[0];
  EXPECT_EQ(w.table, "cin_episodes");
  EXPECT_EQ(w.key, "child_id C1, referral_date 2023-05-02");
  EXPECT_EQ(w.listed_by, "cin-census/*/2023");
  EXPECT_EQ(w.missing_from, "cin-census/*/2024");
}

TEST(Merge, OpenRecordIsKeptUntilTheNextYearsReturnIsLoaded) {
  // Only 2023 and 2025: the record may have finished during 2024-25, so the
  // 2025 return omitting it proves nothing.
  std::vector<Contribution> cs = {cin_census(1, 2023), cin_census(2, 2025)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2)));
  in.cin_episodes.push_back(episode(2, "C2", D(2025, 6, 1)));
  auto result = merge_contributions(cs, in);
  EXPECT_EQ(result.history.cin_episodes.size(), 2u);
  EXPECT_TRUE(result.withdrawn.empty());
}

TEST(Merge, NextYearsReturnMustCarryTheTable) {
  // The 2024 Episodes table omits nothing about missing episodes.
  std::vector<Contribution> cs = {ssda903(1, "Missing", 2023), ssda903(2, "Episodes", 2024)};
  CaseHistory in;
  MissingEpisode m;
  m.contribution = 1;
  m.child_id = "C1";
  m.start = D(2024, 3, 1);
  in.missing_episodes.push_back(m);
  auto result = merge_contributions(cs, in);
  EXPECT_EQ(result.history.missing_episodes.size(), 1u);
  EXPECT_TRUE(result.withdrawn.empty());
}

TEST(Merge, RecordListedAgainLaterIsNotWithdrawn) {
  std::vector<Contribution> cs = {cin_census(1, 2023), cin_census(2, 2024), cin_census(3, 2025)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2)));
  in.cin_episodes.push_back(episode(2, "C9", D(2024, 5, 2), D(2024, 6, 1)));
  in.cin_episodes.push_back(episode(3, "C1", D(2023, 5, 2), D(2025, 5, 1)));
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 2u);
  EXPECT_EQ(result.history.cin_episodes[0].closure_date, D(2025, 5, 1));
  EXPECT_TRUE(result.withdrawn.empty());
}

TEST(Merge, LookedAfterEpisodeOpenAtYearEndIsWithdrawnByTheNextEpisodesTable) {
  std::vector<Contribution> cs = {ssda903(1, "Episodes", 2023), ssda903(2, "Episodes", 2024)};
  CaseHistory in;
  LaEpisode open, closed;
  open.contribution = closed.contribution = 1;
  open.child_id = "C1";
  open.start = D(2023, 7, 1);
  closed.child_id = "C2";
  closed.start = D(2023, 7, 1);
  closed.end = D(2023, 12, 1);
  in.la_episodes = {open, closed};
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.la_episodes.size(), 1u);
  EXPECT_EQ(result.history.la_episodes[0].child_id, "C2");
  ASSERT_EQ(result.withdrawn.size(), 1u);
  EXPECT_EQ(result.withdrawn[0].listed_by, "ssda903/Episodes/2023");
  EXPECT_EQ(result.withdrawn[0].missing_from, "ssda903/Episodes/2024");
}

TEST(Merge, NewerSsdListingKeepsARecordTheReturnOmits) {
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2)));
  in.cin_episodes.push_back(episode(2, "C9", D(2024, 5, 2)));
  in.cin_episodes.push_back(episode(3, "C1", D(2023, 5, 2)));

  // An extract taken after the 2024-25 return's 31 March still lists it.
  auto kept =
      merge_contributions({cin_census(1, 2023), cin_census(2, 2024), ssd(3, D(2025, 6, 1))}, in);
  EXPECT_EQ(kept.history.cin_episodes.size(), 2u);
  EXPECT_TRUE(kept.withdrawn.empty());

  // An extract older than that return does not.
  auto gone =
      merge_contributions({cin_census(1, 2023), cin_census(2, 2024), ssd(3, D(2024, 6, 1))}, in);
  EXPECT_EQ(gone.history.cin_episodes.size(), 1u);
  EXPECT_EQ(gone.withdrawn.size(), 1u);
}

TEST(Merge, ChildrenOfAWithdrawnRecordGoWithIt) {
  std::vector<Contribution> cs = {cin_census(1, 2023), cin_census(2, 2024)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2)));
  in.cin_episodes.push_back(episode(2, "C9", D(2024, 5, 2)));
  Assessment a;  // finished, so it would be kept on its own account
  a.contribution = 1;
  a.episode = {"C1", D(2023, 5, 2), 1};
  a.start = D(2023, 5, 3);
  a.authorised = D(2023, 6, 1);
  in.assessments.push_back(a);
  Assessment other = a;  // belongs to C9's episode
  other.contribution = 2;
  other.episode = {"C9", D(2024, 5, 2), 1};
  in.assessments.push_back(other);
  CinPlan p;
  p.contribution = 1;
  p.episode = a.episode;
  p.start = D(2023, 7, 1);
  p.end = D(2023, 8, 1);
  in.cin_plans.push_back(p);
  Section47 s;
  s.contribution = 1;
  s.episode = a.episode;
  s.start = D(2023, 5, 4);
  s.icpc_not_required = true;
  in.section47s.push_back(s);

  CpPlan plan;  // open CP plan omitted by 2024: withdrawn, with its reviews
  plan.contribution = 1;
  plan.child_id = "C5";
  plan.start = D(2023, 9, 1);
  in.cp_plans.push_back(plan);
  CpReview review;
  review.contribution = 1;
  review.plan = plan.ref();
  review.date = D(2023, 12, 1);
  in.cp_reviews.push_back(review);

  auto result = merge_contributions(cs, in);
  EXPECT_EQ(result.history.cin_episodes.size(), 1u);
  ASSERT_EQ(result.history.assessments.size(), 1u);
  EXPECT_EQ(result.history.assessments[0].episode.child_id, "C9");
  EXPECT_TRUE(result.history.cin_plans.empty());
  EXPECT_TRUE(result.history.section47s.empty());
  EXPECT_TRUE(result.history.cp_plans.empty());
  EXPECT_TRUE(result.history.cp_reviews.empty());
  std::vector<std::string> tables;
  for (const auto& w : result.withdrawn) {
    tables.push_back(w.table);
    EXPECT_EQ(w.missing_from, "cin-census/*/2024");
  }
  EXPECT_EQ(tables, (std::vector<std::string>{"cin_episodes", "assessments", "cin_plans",
                                              "section47s", "cp_plans", "cp_reviews"}));
}

TEST(Merge, EachTableHasItsOwnMeaningOfOpen) {
  std::vector<Contribution> cs = {cin_census(1, 2023), cin_census(2, 2024)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2023, 5, 2), D(2024, 1, 1)));
  in.cin_episodes.push_back(episode(2, "C9", D(2024, 5, 2)));
  EpisodeRef ep{"C1", D(2023, 5, 2), 1};
  Assessment open_assessment, done_assessment;
  open_assessment.contribution = done_assessment.contribution = 1;
  open_assessment.episode = done_assessment.episode = ep;
  open_assessment.start = D(2023, 5, 3);
  done_assessment.start = D(2023, 5, 4);
  done_assessment.authorised = D(2023, 6, 1);
  in.assessments = {open_assessment, done_assessment};
  Section47 icpc_held, icpc_not_needed, awaiting;
  for (auto* s : {&icpc_held, &icpc_not_needed, &awaiting}) {
    s->contribution = 1;
    s->episode = ep;
  }
  icpc_held.start = D(2023, 6, 1);
  icpc_held.icpc_date = D(2023, 6, 20);
  icpc_not_needed.start = D(2023, 6, 2);
  icpc_not_needed.icpc_not_required = true;
  awaiting.start = D(2023, 6, 3);
  awaiting.icpc_not_required = false;
  in.section47s = {icpc_held, icpc_not_needed, awaiting};

  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.assessments.size(), 1u);
  EXPECT_EQ(result.history.assessments[0].start, D(2023, 5, 4));
  ASSERT_EQ(result.history.section47s.size(), 2u);
  EXPECT_EQ(result.history.section47s[0].start, D(2023, 6, 1));
  EXPECT_EQ(result.history.section47s[1].start, D(2023, 6, 2));
  EXPECT_EQ(result.withdrawn.size(), 2u);
}

TEST(Merge, FieldsOnlyTheSsdCarriesSurviveANewerReturn) {
  std::vector<Contribution> cs = {ssd(1, D(2024, 6, 1)), cin_census(2, 2024)};
  CaseHistory in;
  auto from_ssd = episode(1, "C1", D(2024, 5, 2), std::nullopt, "N1");
  from_ssd.worker_id = "W7";
  from_ssd.team_id = "T1";
  auto from_return = episode(2, "C1", D(2024, 5, 2), D(2024, 11, 1), "N4");
  from_return.worker_id = "ignored: the return does not carry it";
  in.cin_episodes = {from_ssd, from_return};
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 1u);
  const auto& e = result.history.cin_episodes[0];
  EXPECT_EQ(e.primary_need, "N4");
  EXPECT_EQ(e.closure_date, D(2024, 11, 1));
  EXPECT_EQ(e.worker_id, "W7");
  EXPECT_EQ(e.team_id, "T1");
  EXPECT_EQ(e.contribution, 2);
}

TEST(Merge, FieldNoListingContributionCarriesStaysEmpty) {
  // The SSD carries worker_id but does not list C1; the return lists C1 but
  // does not carry worker_id.
  std::vector<Contribution> cs = {ssd(1, D(2024, 6, 1)), cin_census(2, 2024)};
  CaseHistory in;
  auto other = episode(1, "C2", D(2024, 5, 2));
  other.worker_id = "W7";
  auto listed = episode(2, "C1", D(2024, 5, 2));
  listed.worker_id = "not carried";
  in.cin_episodes = {other, listed};
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 2u);
  EXPECT_EQ(result.history.cin_episodes[0].child_id, "C1");
  EXPECT_EQ(result.history.cin_episodes[0].worker_id, "");
  EXPECT_EQ(result.history.cin_episodes[1].worker_id, "W7");
}

TEST(Merge, FieldsNotCarriedTakeTheModelDefaultNotZero) {
  Contribution c = cin_census(1, 2024);
  c.carried[CpPlan::kTable] = {"end"};  // keys are always carried
  CaseHistory in;
  CpPlan p;
  p.contribution = 1;
  p.child_id = "C1";
  p.start = D(2024, 5, 1);
  p.episode_ordinal = 4;
  p.initial_category = "NEG";
  in.cp_plans.push_back(p);
  auto result = merge_contributions({c}, in);
  ASSERT_EQ(result.history.cp_plans.size(), 1u);
  EXPECT_EQ(result.history.cp_plans[0].child_id, "C1");
  EXPECT_EQ(result.history.cp_plans[0].start, D(2024, 5, 1));
  EXPECT_EQ(result.history.cp_plans[0].episode_ordinal, 1);
  EXPECT_EQ(result.history.cp_plans[0].initial_category, "");
}

TEST(Merge, ContributionSilentOnCarriedFieldsCarriesAllOfThem) {
  Contribution c;
  c.id = 4;
  c.source = Source::kLocal;
  c.table = "workers";
  CaseHistory in;
  Worker w;
  w.contribution = 4;
  w.id = "W1";
  w.name = "A. Worker";
  in.workers.push_back(w);
  auto result = merge_contributions({c}, in);
  ASSERT_EQ(result.history.workers.size(), 1u);
  EXPECT_EQ(result.history.workers[0].name, "A. Worker");
}

TEST(Merge, DuplicatesAreKeptByOrdinal) {
  std::vector<Contribution> cs = {cin_census(1, 2024)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2024, 5, 2), D(2024, 6, 1)));
  for (int ordinal : {2, 1, 10}) {
    Assessment a;
    a.contribution = 1;
    a.episode = {"C1", D(2024, 5, 2), 1};
    a.start = D(2024, 5, 3);
    a.ordinal = ordinal;
    a.assessment_id = "A" + std::to_string(ordinal);
    in.assessments.push_back(a);
  }
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.assessments.size(), 3u);
  EXPECT_EQ(result.history.assessments[0].assessment_id, "A1");
  EXPECT_EQ(result.history.assessments[1].assessment_id, "A2");
  EXPECT_EQ(result.history.assessments[2].assessment_id, "A10");
  EXPECT_TRUE(result.findings.empty());
}

TEST(Merge, SameKeyAndPositionTwiceInOneContributionIsAFinding) {
  std::vector<Contribution> cs = {cin_census(1, 2024)};
  CaseHistory in;
  in.cin_episodes.push_back(episode(1, "C1", D(2024, 5, 2), std::nullopt, "N1"));
  in.cin_episodes.push_back(episode(1, "C1", D(2024, 5, 2), std::nullopt, "N2"));
  in.cin_episodes[1].line = 40;
  auto result = merge_contributions(cs, in);
  ASSERT_EQ(result.history.cin_episodes.size(), 1u);
  EXPECT_EQ(result.history.cin_episodes[0].primary_need, "N1");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].code, "merge.duplicate-key");
  EXPECT_EQ(result.findings[0].line, 40);
  EXPECT_EQ(result.findings[0].file, "cin_2024.xml");
}

TEST(Merge, RecordsOfUnknownContributionsAreIgnoredWithAFinding) {
  CaseHistory in;
  in.cin_episodes.push_back(episode(99, "C1", D(2024, 5, 2)));
  auto result = merge_contributions({cin_census(1, 2024)}, in);
  EXPECT_TRUE(result.history.cin_episodes.empty());
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].code, "merge.unknown-contribution");
}

TEST(Merge, OutputIsInNaturalKeyOrderWhateverTheInputOrder) {
  std::vector<Contribution> cs = {cin_census(1, 2024)};
  CaseHistory in;
  for (const char* child : {"C10", "C1", "C2", "B7"})
    for (int day : {9, 2, 30})
      in.cin_episodes.push_back(episode(1, child, D(2024, 5, day), D(2024, 6, 1)));
  auto first = merge_contributions(cs, in);
  std::mt19937 shuffle_seed(7);
  std::shuffle(in.cin_episodes.begin(), in.cin_episodes.end(), shuffle_seed);
  auto second = merge_contributions(cs, in);
  ASSERT_EQ(first.history.cin_episodes.size(), 12u);
  std::vector<std::string> order;
  for (size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(first.history.cin_episodes[i].child_id, second.history.cin_episodes[i].child_id);
    EXPECT_EQ(first.history.cin_episodes[i].referral_date,
              second.history.cin_episodes[i].referral_date);
    order.push_back(first.history.cin_episodes[i].child_id + " " +
                    first.history.cin_episodes[i].referral_date.iso());
  }
  EXPECT_EQ(order.front(), "B7 2024-05-02");
  EXPECT_EQ(order[3], "C1 2024-05-02");
  EXPECT_EQ(order[6], "C10 2024-05-02");
  EXPECT_EQ(order.back(), "C2 2024-05-30");
}

TEST(Diff, CountsAddedChangedAndRemovedPerTable) {
  CaseHistory before, after;
  before.cin_episodes.push_back(episode(1, "C1", D(2024, 5, 2)));
  before.cin_episodes.push_back(episode(1, "C2", D(2024, 5, 2)));
  before.cin_episodes.push_back(episode(1, "C3", D(2024, 5, 2)));
  after.cin_episodes.push_back(episode(2, "C1", D(2024, 5, 2)));  // same data, newer source
  after.cin_episodes.push_back(episode(2, "C2", D(2024, 5, 2), D(2024, 7, 1)));
  after.cin_episodes.push_back(episode(2, "C4", D(2024, 5, 2)));
  after.cin_episodes.push_back(episode(2, "C5", D(2024, 5, 2)));
  Worker w;
  w.id = "W1";
  before.workers.push_back(w);
  auto diff = diff_histories(before, after);
  ASSERT_EQ(diff.count("cin_episodes"), 1u);
  EXPECT_EQ(diff["cin_episodes"].added, 2);
  EXPECT_EQ(diff["cin_episodes"].changed, 1);
  EXPECT_EQ(diff["cin_episodes"].removed, 1);
  EXPECT_EQ(diff["workers"].removed, 1);
  EXPECT_EQ(diff.count("assessments"), 0u);
}

TEST(Diff, ADateTimeGainingATimeIsAChange) {
  CaseHistory before, after;
  Contact c;
  c.id = "K1";
  c.received = {D(2024, 1, 1), 0, false};
  before.contacts.push_back(c);
  c.received.has_time = true;  // midnight, now stated
  after.contacts.push_back(c);
  EXPECT_EQ(diff_histories(before, after)["contacts"].changed, 1);
  EXPECT_EQ(diff_histories(before, before)["contacts"].changed, 0);
}

TEST(Diff, ValuesCannotImitateTheSeparator) {
  CaseHistory before, after;
  // Joined with a plain separator these two would read the same.
  Worker a;
  a.id = "W1";
  a.staff_id = "a\x1e";
  a.name = "b";
  Worker b = a;
  b.staff_id = "a";
  b.name =
      "\x1e"
      "b";
  before.workers.push_back(a);
  after.workers.push_back(b);
  EXPECT_EQ(diff_histories(before, after)["workers"].changed, 1);
}

}  // namespace
}  // namespace beacon
