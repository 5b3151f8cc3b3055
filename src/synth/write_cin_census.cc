// One CIN census XML per collection year, in that year's layout (GenderCurrent
// up to 2023-24, Sex from 2024-25; CIN plan dates from 2021-22), listing what
// the DfE rules put in the year: episodes referred in the year or open at its
// start, and within them assessments, plans and enquiries open at any time in
// the year, and review conferences held in it. Everything is shown as known
// at the 31 March reference date: later closures and authorisations are not
// yet there.
#include <algorithm>
#include <filesystem>

#include "synth/dates.h"
#include "synth/text_out.h"
#include "synth/writers.h"

namespace beacon::synth {
namespace {

std::string boolean(bool b) { return b ? "true" : "false"; }

class CensusYear {
 public:
  CensusYear(const World& w, int year, RecordCounter& counter)
      : w_(w), year_(year), ys_(Window::year_start(year)), ye_(Window::year_end(year)),
        counter_(counter) {}

  Status write(const std::string& path) {
    if (auto s = xml_.open(path); !s) return s;
    xml_.open_element("Message");
    xml_.open_element("Header");
    xml_.open_element("CollectionDetails");
    xml_.leaf("Collection", "CIN");
    xml_.leaf("Year", std::to_string(year_ + 1));
    xml_.leaf("ReferenceDate", iso(ye_));
    xml_.close_element();
    xml_.open_element("Source");
    xml_.leaf("SourceLevel", "L");
    xml_.leaf("LEA", "999");
    xml_.leaf("SoftwareCode", "Beacon synthetic generator");
    xml_.leaf("Release", "1");
    xml_.leaf("SerialNo", "001");
    xml_.leaf("DateTime", iso(ye_) + "T18:00:00");
    xml_.close_element();
    xml_.close_element();
    xml_.open_element("Children");
    for (const auto& c : w_.children)
      if (c.in_output) child(c);
    xml_.close_element();
    xml_.close_element();
    return xml_.close();
  }

  int64_t children() const { return children_; }

 private:
  bool in_year(Date start, const OptDate& end) const { return overlaps(start, end, ys_, ye_); }
  bool listed(const Referral& r) const {
    if (r.withdrawn_in_year) return r.withdrawn_in_year == year_;
    return in_year(r.date, r.closure);
  }

  void child(const Child& c) {
    std::vector<const Referral*> refs;
    for (const auto& r : c.referrals)
      if (listed(r)) refs.push_back(&r);
    if (refs.empty()) return;
    std::stable_sort(refs.begin(), refs.end(),
                     [](const Referral* a, const Referral* b) { return a->date < b->date; });
    ++children_;
    counter_.child(c.id);
    const bool born = c.birth <= ye_;
    const int age = born ? age_at(c.birth, ye_) : -1;
    xml_.open_element("Child");
    xml_.open_element("ChildIdentifiers");
    xml_.leaf("LAchildID", c.id);
    if (born && age >= 5 && !c.upn.empty())
      xml_.leaf("UPN", c.upn);
    else
      xml_.leaf("UPNunknown", !born || age < 5 ? "UN1" : "UN2");
    xml_.leaf(born ? "PersonBirthDate" : "ExpectedPersonBirthDate", iso(c.birth));
    const char sex = born ? c.sex : 'U';
    if (year_ >= 2024) {
      xml_.leaf("Sex", std::string(1, sex));
    } else {
      xml_.leaf("GenderCurrent", sex == 'M' ? "1" : sex == 'F' ? "2" : born ? "9" : "0");
    }
    xml_.close_element();
    xml_.open_element("ChildCharacteristics");
    xml_.leaf("Ethnicity", c.missing_ethnicity ? "" : c.ethnicity, true);
    if (!c.disabilities.empty()) {
      xml_.open_element("Disabilities");
      for (const auto& d : c.disabilities) xml_.leaf("Disability", d);
      xml_.close_element();
    }
    xml_.close_element();
    for (const Referral* r : refs) details(c, *r);
    xml_.close_element();
  }

  void details(const Child& c, const Referral& r) {
    const bool phantom = r.withdrawn_in_year != 0;
    if (!phantom) counter_.cin_episode(c.id, r.date);
    xml_.open_element("CINdetails");
    xml_.leaf("CINreferralDate", iso(r.date));
    xml_.leaf("ReferralSource", r.source);
    xml_.leaf("PrimaryNeedCode", r.need);
    const OptDate closure = known_by(r.closure, ye_);
    xml_.leaf("CINclosureDate", iso(closure));
    if (closure) xml_.leaf("ReasonForClosure", r.closure_reason);
    for (const auto& a : r.assessments) {
      if (!in_year(a.start, a.authorised)) continue;
      counter_.assessment(c.id, r.date, a.start, a.ordinal);
      const OptDate auth = known_by(a.authorised, ye_);
      xml_.open_element("Assessments");
      xml_.leaf("AssessmentActualStartDate", iso(a.start));
      xml_.leaf("AssessmentAuthorisationDate", iso(auth));
      if (auth && !a.factors.empty()) {
        xml_.open_element("FactorsIdentifiedAtAssessment");
        for (const auto& f : a.factors) xml_.leaf("AssessmentFactors", f);
        xml_.close_element();
      }
      xml_.close_element();
    }
    if (year_ >= 2021) {  // CIN plan dates are collected from 2021-22
      for (const auto& p : r.cin_plans) {
        if (!in_year(p.start, p.end)) continue;
        counter_.cin_plan(c.id, r.date, p.start);
        xml_.open_element("CINPlanDates");
        xml_.leaf("CINPlanStartDate", iso(p.start));
        xml_.leaf("CINPlanEndDate", iso(known_by(p.end, ye_)));
        xml_.close_element();
      }
    }
    for (const auto& s : r.section47s) {
      if (!in_year(s.start, s.end)) continue;
      counter_.section47(c.id, r.date, s.start);
      const OptDate icpc = known_by(s.icpc_date, ye_);
      const bool concluded = s.end && *s.end <= ye_;
      xml_.open_element("Section47");
      xml_.leaf("S47ActualStartDate", iso(s.start));
      xml_.leaf("InitialCPCtarget", iso(s.icpc_target));
      xml_.leaf("DateOfInitialCPC", iso(icpc));
      xml_.leaf("ICPCnotRequired", boolean(concluded && s.icpc_not_required));
      xml_.close_element();
    }
    xml_.leaf("ReferralNFA", boolean(r.nfa));
    for (const auto& p : r.cp_plans) {
      if (!in_year(p.start, p.end)) continue;
      counter_.cp_plan(c.id, p.start);
      xml_.open_element("ChildProtectionPlans");
      xml_.leaf("CPPstartDate", iso(p.start));
      xml_.leaf("CPPendDate", iso(known_by(p.end, ye_)));
      xml_.leaf("InitialCategoryOfAbuse", p.initial_category);
      xml_.leaf("LatestCategoryOfAbuse", p.latest_category);
      xml_.leaf("NumberOfPreviousCPP", std::to_string(p.previous_plans));
      bool any = false;
      for (const auto& v : p.reviews) {
        if (v.date < ys_ || v.date > ye_) continue;
        if (!any) xml_.open_element("Reviews");
        any = true;
        xml_.leaf("CPPreviewDate", iso(v.date));
        counter_.cp_review(c.id, p.start, v.date);
      }
      if (any) xml_.close_element();
      xml_.close_element();
    }
    xml_.close_element();
  }

  const World& w_;
  int year_;
  Date ys_, ye_;
  RecordCounter& counter_;
  XmlOut xml_;
  int64_t children_ = 0;
};

}  // namespace

Status write_cin_census(const World& w, const std::string& out, RecordCounter& counter,
                        std::vector<WrittenFile>& files) {
  const std::string dir = out + "/cin_census";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::io_error("cannot create " + dir + ": " + ec.message());
  for (int y : w.window.years) {
    const std::string name = "cin_census_" + year_label(y) + ".xml";
    CensusYear census(w, y, counter);
    if (auto s = census.write(dir + "/" + name); !s) return s;
    files.push_back({"cin_census/" + name, census.children()});
  }
  return Status::ok();
}

}  // namespace beacon::synth
