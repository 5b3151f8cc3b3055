// Counts the distinct case-history records that loading every generated file
// gives. Each writer reports the model record a row (or XML element) makes;
// records are matched across files by natural key (model/field_text.h), so the
// same referral in the SSD and in three CIN censuses counts once.
//
// The mapping from rows to model tables is the readers' contract
// (docs/synthetic-data.md lists it): rows that only add fields to a record
// held elsewhere (ssd_disability, UASC.csv, contact_decisions, visit_status…)
// make no record of their own.
#ifndef BEACON_SYNTH_RECORD_COUNTER_H_
#define BEACON_SYNTH_RECORD_COUNTER_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/date.h"

namespace beacon::synth {

class RecordCounter {
 public:
  void child(const std::string& id);
  void contact(const std::string& id);
  void cin_episode(const std::string& child, Date referral);
  void assessment(const std::string& child, Date referral, Date start, int ordinal);
  void cin_plan(const std::string& child, Date referral, Date start);
  void section47(const std::string& child, Date referral, Date start);
  void cp_plan(const std::string& child, Date start);
  void cp_review(const std::string& child, Date plan_start, Date date);
  void visit(const char* kind, const std::string& visit_id);  // kind: cin | cp | cla
  void la_episode(const std::string& child, Date start);
  void la_review(const std::string& child, Date date);
  void missing_episode(const std::string& child, Date start);
  void oc2_outcome(const std::string& child, int year);
  void care_leaver_return(const std::string& child, int year);
  void care_leaver(const std::string& child);
  void adoption(const std::string& child, Date decision);
  void placement_decision(const std::string& child, Date decision);
  void org_unit(const std::string& id);
  void worker(const std::string& id);
  void allocation(const std::string& child, const std::string& worker, Date start);
  void supervision(const std::string& worker, Date date);
  void established_post(const std::string& unit, Date from);
  void population_estimate(int year);
  void youth_justice(const std::string& person, Date disposal);
  void indicator_target(const std::string& indicator, int year);

  // Distinct records per case-history table, every table listed (0 when none).
  std::map<std::string, int64_t> counts() const;

 private:
  using Hash = std::pair<uint64_t, uint64_t>;
  void add(const char* table, const std::string& natural_key);
  std::map<std::string, std::vector<Hash>> keys_;
};

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_RECORD_COUNTER_H_
