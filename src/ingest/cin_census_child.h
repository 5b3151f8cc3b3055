// One CIN census <Child> as it is read: the child and everything nested in
// it, held until </Child> so that the child can be accepted or rejected whole,
// and records sharing a natural key can be numbered.
#ifndef BEACON_INGEST_CIN_CENSUS_CHILD_H_
#define BEACON_INGEST_CIN_CENSUS_CHILD_H_

#include <map>
#include <string>
#include <vector>

#include "core/problem.h"
#include "ingest/batch.h"
#include "model/case_history.h"

namespace beacon {

// A record with where it was read. `parent` indexes the enclosing record's
// vector in the ChildDraft (the CINdetails for assessments, plans, S47s, CP
// plans and pre-proceedings; the CP plan for reviews).
template <class R>
struct Drafted {
  R record;
  std::string path;  // element path, e.g. Message/Children/Child[3]/CINdetails[1]/Assessments[2]
  int parent = -1;
  bool key_given = false;  // the element carrying the record's key date was present
};

struct ChildDraft {
  Child child;  // child.line: the <Child> line
  std::string path;
  bool id_given = false;
  bool rejected = false;  // an error inside the child: none of it is loaded
  std::vector<Drafted<CinEpisode>> episodes;
  std::vector<Drafted<Assessment>> assessments;
  std::vector<Drafted<CinPlan>> cin_plans;
  std::vector<Drafted<Section47>> section47s;
  std::vector<Drafted<CpPlan>> cp_plans;
  std::vector<Drafted<CpReview>> cp_reviews;
  std::vector<Drafted<PreProceedings>> pre_proceedings;
};

// The CIN census element each table is read from, for counts and messages.
inline constexpr const char* kChildElement = "Child";
inline constexpr const char* kEpisodeElement = "CINdetails";
inline constexpr const char* kAssessmentElement = "Assessments";
inline constexpr const char* kCinPlanElement = "CINPlanDates";
inline constexpr const char* kSection47Element = "Section47";
inline constexpr const char* kCpPlanElement = "ChildProtectionPlans";
inline constexpr const char* kCpReviewElement = "CPPreviewDate";
inline constexpr const char* kPreProceedingsElement = "PreProceedingsandFGDM";

// Adds the draft's elements to `counts[element].rejected`.
void count_rejected(const ChildDraft& draft, std::map<std::string, ReadCounts>& counts);

// Fills in the child's identifier and each nested record's reference to its
// CIN episode or CP plan; numbers records sharing a natural key 1, 2, … by
// position, reporting each repeat as a finding ("dq.duplicate-key"); and
// moves the records, tagged with `contribution`, into `out`.
void finish_child(ChildDraft&& draft, const std::string& file, int32_t contribution,
                  CaseHistory& out, Problems& problems);

}  // namespace beacon

#endif  // BEACON_INGEST_CIN_CENSUS_CHILD_H_
