#include "synthetic_batch.h"

namespace beacon::bench {
namespace {

Date day(int year, int64_t i) {
  return Date::from_ymd(year, 4, 1)->add_days(static_cast<int>(i % 360));
}

std::set<std::string> fields_of(auto record) {
  std::set<std::string> out;
  decltype(record)::visit(record, [&out](const char* n, auto&, FieldRole) { out.insert(n); });
  return out;
}

}  // namespace

Batch synthetic_returns(int64_t records, int year) {
  Batch b;
  Contribution cin;
  cin.source = Source::kCinCensus;
  cin.table = "*";
  cin.collection_year = year;
  cin.as_of = *Date::from_ymd(year + 1, 3, 31);
  cin.files = "synthetic_cin.xml";
  for (auto [table, fields] : {std::pair{"children", fields_of(Child{})},
                               {"cin_episodes", fields_of(CinEpisode{})},
                               {"assessments", fields_of(Assessment{})},
                               {"cin_plans", fields_of(CinPlan{})},
                               {"section47s", fields_of(Section47{})},
                               {"cp_plans", fields_of(CpPlan{})}})
    cin.carried[table] = fields;
  Contribution episodes = cin;
  episodes.source = Source::kSsda903;
  episodes.table = "Episodes";
  episodes.files = "synthetic_Episodes.csv";
  episodes.carried = {{"la_episodes", fields_of(LaEpisode{})}};
  b.contributions = {cin, episodes};

  // Per child about eight records: the child, two referrals, two
  // assessments, a CIN plan, a section 47 and a looked-after episode.
  const int64_t children = std::max<int64_t>(1, records / 8);
  for (int64_t i = 0; i < children; ++i) {
    const std::string id = "C" + std::to_string(100000 + i);
    Child c;
    c.id = id;
    c.upn = "A" + std::to_string(100000000000 + i);
    c.sex = i % 2 ? "F" : "M";
    c.ethnicity = "WBRI";
    c.birth_date = Date::from_ymd(2008 + static_cast<int>(i % 16), 1 + i % 12, 1 + i % 28);
    c.disabilities = {"NONE"};
    b.records.children.push_back(std::move(c));
    for (int r = 0; r < 2; ++r) {
      // The first referral opens and closes within the year; the second is a
      // long-running case, open since 2020, that every year's return lists.
      CinEpisode e;
      e.child_id = id;
      e.referral_date = day(r == 0 ? year : 2020, i);
      e.referral_source = "1A";
      e.primary_need = "N1";
      if (r == 0) e.closure_date = e.referral_date.add_days(90), e.closure_reason = "RC1";
      Assessment a;
      a.episode = e.ref();
      a.start = e.referral_date.add_days(1);
      a.authorised = a.start.add_days(30);
      a.factors = {"2A", "3B"};
      a.child_seen = true;
      b.records.cin_episodes.push_back(std::move(e));
      b.records.assessments.push_back(std::move(a));
    }
    const auto& last = b.records.cin_episodes.back();
    CinPlan p;
    p.episode = last.ref();
    p.start = last.referral_date.add_days(40);
    b.records.cin_plans.push_back(p);
    Section47 s;
    s.episode = last.ref();
    s.start = last.referral_date.add_days(2);
    s.icpc_not_required = true;
    b.records.section47s.push_back(s);
    LaEpisode la;
    la.contribution = 1;
    la.child_id = id;
    la.start = day(2020, i * 7);
    la.rne = "S";
    la.legal_status = "C2";
    la.need = "N1";
    la.place = "U1";
    la.provider = "PR1";
    la.home_postcode = "AB1 2CD";
    b.records.la_episodes.push_back(std::move(la));
  }
  b.counts["synthetic"].read = static_cast<int64_t>(b.records.total_records());
  return b;
}

}  // namespace beacon::bench
