// Fuzzes the SSD extract reader: the input is one CSV file of the extract,
// read together with a few fixed tables and a store holding records of its
// own, so that references can resolve both ways and the mapping code runs.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "ingest/ssd_extract.h"

namespace {

using beacon::CaseHistory;

const CaseHistory& stored() {
  static const CaseHistory h = [] {
    CaseHistory h;
    h.children.emplace_back().id = "C3";
    h.workers.emplace_back().id = "W3";
    h.org_units.emplace_back().id = "T3";
    auto& e = h.cin_episodes.emplace_back();
    e.child_id = "C3";
    e.referral_id = "R3";
    e.referral_date = *beacon::Date::from_ymd(2023, 1, 1);
    auto& a = h.assessments.emplace_back();
    a.episode = e.ref();
    a.assessment_id = "A3";
    auto& s = h.section47s.emplace_back();
    s.episode = e.ref();
    s.s47_id = "S3";
    s.icpc_id = "IC3";
    auto& p = h.cp_plans.emplace_back();
    p.child_id = "C3";
    p.plan_id = "CP3";
    auto& la = h.la_episodes.emplace_back();
    la.child_id = "C3";
    la.episode_id = "E3";
    la.cla_id = "LA3";
    la.placement_id = "PL3";
    return h;
  }();
  return h;
}

const std::vector<beacon::MemoryCsv>& fixed_tables() {
  static const std::vector<beacon::MemoryCsv> files = {
      {"ssd_person.csv",
       "pers_person_id,pers_forename,pers_surname,pers_sex,pers_gender,pers_ethnicity,pers_dob,"
       "pers_common_child_id,pers_legacy_id,pers_upn_unknown,pers_send_flag,pers_expected_dob,"
       "pers_death_date,pers_is_mother,pers_nationality\n"
       "C1,A,B,F,,WBRI,2015-01-01,,,,,,,N,\nC2,C,D,M,,WBRI,2016-01-01,,,,,,,N,\n"},
      {"ssd_professionals.csv",
       "prof_professional_id,prof_staff_id,prof_professional_name,"
       "prof_social_worker_registration_no,prof_professional_job_title,"
       "prof_professional_caseload,prof_professional_department,prof_full_time_equivalency,"
       "prof_agency_worker_flag\nW1,S1,Worker,SW1,Social Worker,10,Team,1,N\n"},
      {"ssd_department.csv",
       "dept_team_id,dept_team_name,dept_team_parent_id,dept_team_parent_name\nT1,Team,,\n"},
      {"ssd_cin_episodes.csv",
       "cine_referral_id,cine_person_id,cine_referral_date,cine_cin_primary_need_code,"
       "cine_referral_source_code,cine_referral_source_desc,cine_referral_outcome_json,"
       "cine_referral_nfa,cine_close_reason,cine_close_date,cine_referral_team,"
       "cine_referral_worker_id\nR1,C1,2024-01-10,N1,6,Police,,N,,,T1,W1\n"},
  };
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<beacon::MemoryCsv> files;
  files.push_back({"extract.csv", std::string(reinterpret_cast<const char*>(data), size)});
  for (const auto& f : fixed_tables()) files.push_back(f);
  beacon::Batch batch = beacon::read_ssd_extract_from_memory(files, stored());
  // Every record belongs to a contribution of the batch.
  batch.records.for_each_table([&batch](const auto& table) {
    for (const auto& r : table)
      if (r.contribution < 0 || static_cast<size_t>(r.contribution) >= batch.contributions.size())
        std::abort();
  });
  for (const auto& p : batch.problems)
    if (p.file.empty() || p.message.empty()) std::abort();
  return 0;
}
