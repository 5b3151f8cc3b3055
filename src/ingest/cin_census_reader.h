// The CIN census XML reader (every layout 2017–2026). The entry points,
// read_cin_census() and read_cin_census_from_memory(), are declared in
// ingest/readers.h; this header holds what they share with tests.
//
// How the census maps to the case history:
//   Child (ChildIdentifiers, ChildCharacteristics)  → Child
//   CINdetails                                      → CinEpisode
//   Assessments (+ FactorsIdentifiedAtAssessment)   → Assessment
//   CINPlanDates                                    → CinPlan
//   Section47                                       → Section47
//   ChildProtectionPlans (+ Reviews/CPPreviewDate)  → CpPlan, CpReview
//   PreProceedingsandFGDM (2025-26)                 → PreProceedings
// An error inside a <Child> rejects that child whole; broken XML or a missing
// or wrong ReferenceDate rejects the whole file. Either way the reader reads on
// as far as it can, to report every problem in the file.
#ifndef BEACON_INGEST_CIN_CENSUS_READER_H_
#define BEACON_INGEST_CIN_CENSUS_READER_H_

#include <map>
#include <set>
#include <string>

namespace beacon {

// Per CaseHistory table, the fields a CIN census return carries (names as in
// the records' visit()). Pre-proceedings only from the 2025-26 layout.
std::map<std::string, std::set<std::string>> cin_census_carried_fields(bool pre_proceedings);

}  // namespace beacon

#endif  // BEACON_INGEST_CIN_CENSUS_READER_H_
