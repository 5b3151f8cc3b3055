#include "ingest/cin_census_reader.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "ingest/cin_census_child.h"
#include "ingest/cin_census_values.h"
#include "ingest/readers.h"
#include "ingest/xml_stream.h"

namespace beacon {

namespace {

// What an open element is, which decides what its leaves mean. Wrappers
// (ChildIdentifiers, ChildCharacteristics) share their parent's scope; an
// element Beacon does not know, and everything inside it, is kIgnored.
enum class Scope {
  kOutside,  // Message, Children, and unknown wrappers around them
  kHeader,   // Header, CollectionDetails
  kChild,
  kDisabilities,
  kEpisode,  // CINdetails
  kAssessment,
  kFactors,  // FactorsIdentifiedAtAssessment
  kCinPlan,
  kSection47,
  kCpPlan,
  kReviews,
  kPreProceedings,
  kIgnored,
};

Scope classify(std::string_view name, Scope parent) {
  switch (parent) {
    case Scope::kOutside:
      if (name == "Child") return Scope::kChild;
      if (name == "Header") return Scope::kHeader;
      return Scope::kOutside;
    case Scope::kHeader:
      return name == "CollectionDetails" ? Scope::kHeader : Scope::kIgnored;
    case Scope::kChild:
      if (name == "ChildIdentifiers" || name == "ChildCharacteristics") return Scope::kChild;
      if (name == "Disabilities") return Scope::kDisabilities;
      if (name == kEpisodeElement) return Scope::kEpisode;
      return Scope::kIgnored;
    case Scope::kEpisode:
      if (name == kAssessmentElement) return Scope::kAssessment;
      if (name == kCinPlanElement) return Scope::kCinPlan;
      if (name == kSection47Element) return Scope::kSection47;
      if (name == kCpPlanElement) return Scope::kCpPlan;
      if (name == kPreProceedingsElement) return Scope::kPreProceedings;
      return Scope::kIgnored;
    case Scope::kAssessment:
      return name == "FactorsIdentifiedAtAssessment" ? Scope::kFactors : Scope::kIgnored;
    case Scope::kCpPlan:
      return name == "Reviews" ? Scope::kReviews : Scope::kIgnored;
    default:
      return Scope::kIgnored;
  }
}

template <class R>
std::set<std::string> fields_except(std::initializer_list<std::string_view> not_carried) {
  std::set<std::string> out;
  R record{};
  R::visit(record, [&](const char* name, const auto&, FieldRole) {
    if (std::find(not_carried.begin(), not_carried.end(), name) == not_carried.end())
      out.insert(name);
  });
  return out;
}

class CinCensusReader {
 public:
  explicit CinCensusReader(XmlStream& xml)
      : xml_(xml), file_(xml.name()), values_(batch_.problems, 0) {}

  Batch run();

 private:
  void on_start(const XmlEvent& e);
  void on_end(const XmlEvent& e);
  void on_leaf(const Leaf& leaf, Scope parent);
  void end_record(Scope scope, const XmlEvent& e);

  void child_leaf(const Leaf& leaf);
  void episode_leaf(const Leaf& leaf);
  void assessment_leaf(const Leaf& leaf);
  void cin_plan_leaf(const Leaf& leaf);
  void section47_leaf(const Leaf& leaf);
  void cp_plan_leaf(const Leaf& leaf);
  void pre_proceedings_leaf(const Leaf& leaf);
  void add_review(const Leaf& leaf);

  void start_child(const XmlEvent& e);
  void close_child();
  template <class R>
  int open_record(std::vector<Drafted<R>>& drafts, const XmlEvent& e, const char* element);
  template <class R>
  void key_date(const Leaf& leaf, Drafted<R>& draft, Date& out);
  template <class R>
  void require_key(const Drafted<R>& draft, const char* element, const char* field);

  void reference_date(const Leaf& leaf);
  void check_reference_date(int line);
  void child_error(int line, const std::string& path, const std::string& field, std::string message,
                   std::string code);
  bool errors_since(size_t count) const;
  void take_stream_problems();
  Contribution contribution() const;

  XmlStream& xml_;
  const std::string file_;
  Batch batch_;
  LeafReader values_;  // reports into batch_.problems
  size_t stream_problems_taken_ = 0;
  std::vector<Scope> scopes_;

  std::optional<ChildDraft> child_;
  int episode_ = -1;                        // the open CINdetails in child_->episodes
  int record_ = -1;                         // the open record below it, in its own vector
  std::map<std::string, int> child_lines_;  // LAchildID → line of its <Child>

  OptDate reference_date_;
  bool reference_date_bad_ = false;
  bool reference_date_checked_ = false;
  int header_line_ = 0;
  bool saw_pre_proceedings_ = false;
};

Batch CinCensusReader::run() {
  xml_.set_indexed_names({kChildElement, kEpisodeElement, kAssessmentElement, kCinPlanElement,
                          kSection47Element, kCpPlanElement, kCpReviewElement,
                          kPreProceedingsElement, "Disability", "AssessmentFactors"});
  batch_.counts[kChildElement];  // reported even when the file holds no child
  XmlEvent e;
  while (xml_.next(e)) {
    take_stream_problems();
    if (e.kind == XmlEvent::Kind::kStart)
      on_start(e);
    else
      on_end(e);
  }
  take_stream_problems();
  if (child_) {  // cut short by broken XML, already reported
    count_rejected(*child_, batch_.counts);
    child_.reset();
  }
  if (!xml_.failed()) {
    check_reference_date(header_line_);
    if (batch_.counts[kChildElement].read == 0)
      batch_.problems.push_back({Severity::kFinding, file_, 0, "", kChildElement,
                                 "the return lists no children", "cin.no-children"});
  }
  // Broken XML or an unknown collection year is a fault of the file, not of
  // a child: none of it is loaded (a truncated return loaded in part would
  // look like a return that withdrew the missing children).
  if (xml_.failed() || !reference_date_) {
    batch_.records = CaseHistory{};
    for (auto& [element, counts] : batch_.counts) counts.rejected = counts.read;
  }
  batch_.contributions.push_back(contribution());
  if (reference_date_) {
    batch_.notes.push_back(file_ + ": CIN census " +
                           collection_year_label(reference_date_->year() - 1) + " (ReferenceDate " +
                           reference_date_->iso() + ")");
  }
  return std::move(batch_);
}

Contribution CinCensusReader::contribution() const {
  Contribution c;
  c.id = 0;
  c.source = Source::kCinCensus;
  c.table = "*";
  c.files = file_;
  if (reference_date_) {
    c.collection_year = reference_date_->year() - 1;
    c.as_of = *reference_date_;
  }
  c.carried = cin_census_carried_fields(saw_pre_proceedings_ || c.collection_year >= 2025);
  return c;
}

void CinCensusReader::take_stream_problems() {
  const auto& found = xml_.problems();
  for (; stream_problems_taken_ < found.size(); ++stream_problems_taken_)
    batch_.problems.push_back(found[stream_problems_taken_]);
}

bool CinCensusReader::errors_since(size_t count) const {
  for (size_t i = count; i < batch_.problems.size(); ++i)
    if (batch_.problems[i].severity == Severity::kError) return true;
  return false;
}

void CinCensusReader::child_error(int line, const std::string& path, const std::string& field,
                                  std::string message, std::string code) {
  batch_.problems.push_back(
      {Severity::kError, file_, line, path, field, std::move(message), std::move(code)});
  if (child_) child_->rejected = true;
}

// ---- structure ----

void CinCensusReader::on_start(const XmlEvent& e) {
  Scope parent = scopes_.empty() ? Scope::kOutside : scopes_.back();
  Scope scope = classify(e.name, parent);
  scopes_.push_back(scope);
  switch (scope) {
    case Scope::kHeader:
      if (e.name == "Header") header_line_ = e.line;
      break;
    case Scope::kChild:
      if (parent == Scope::kOutside) start_child(e);
      break;
    case Scope::kEpisode:
      episode_ = open_record(child_->episodes, e, kEpisodeElement);
      break;
    case Scope::kAssessment:
      record_ = open_record(child_->assessments, e, kAssessmentElement);
      break;
    case Scope::kCinPlan:
      record_ = open_record(child_->cin_plans, e, kCinPlanElement);
      break;
    case Scope::kSection47:
      record_ = open_record(child_->section47s, e, kSection47Element);
      break;
    case Scope::kCpPlan:
      record_ = open_record(child_->cp_plans, e, kCpPlanElement);
      break;
    case Scope::kPreProceedings:
      saw_pre_proceedings_ = true;
      record_ = open_record(child_->pre_proceedings, e, kPreProceedingsElement);
      break;
    default:
      break;
  }
}

void CinCensusReader::on_end(const XmlEvent& e) {
  Scope scope = scopes_.back();
  scopes_.pop_back();
  Scope parent = scopes_.empty() ? Scope::kOutside : scopes_.back();
  if (e.leaf) {
    Leaf leaf{file_, e.line, xml_.path(), e.name, e.text};
    if (e.text_too_long) {
      child_error(e.line, xml_.path(), e.name,
                  "the text of " + e.name + " is longer than 1 MB, which no value in a return is",
                  "xml.text-too-long");
    } else {
      size_t before = batch_.problems.size();
      on_leaf(leaf, parent);
      if (child_ && errors_since(before)) child_->rejected = true;
    }
  }
  end_record(scope, e);
}

void CinCensusReader::end_record(Scope scope, const XmlEvent& e) {
  switch (scope) {
    case Scope::kHeader:
      if (e.name == "Header") check_reference_date(header_line_);
      break;
    case Scope::kChild:
      if (e.name == kChildElement && (scopes_.empty() || scopes_.back() == Scope::kOutside))
        close_child();
      break;
    case Scope::kEpisode:
      require_key(child_->episodes[episode_], kEpisodeElement, "CINreferralDate");
      episode_ = -1;
      break;
    case Scope::kAssessment:
      require_key(child_->assessments[record_], kAssessmentElement, "AssessmentActualStartDate");
      record_ = -1;
      break;
    case Scope::kCinPlan:
      require_key(child_->cin_plans[record_], kCinPlanElement, "CINPlanStartDate");
      record_ = -1;
      break;
    case Scope::kSection47:
      require_key(child_->section47s[record_], kSection47Element, "S47ActualStartDate");
      record_ = -1;
      break;
    case Scope::kCpPlan:
      require_key(child_->cp_plans[record_], kCpPlanElement, "CPPstartDate");
      record_ = -1;
      break;
    case Scope::kPreProceedings:
      require_key(child_->pre_proceedings[record_], kPreProceedingsElement, "PPStartDate");
      record_ = -1;
      break;
    default:
      break;
  }
}

void CinCensusReader::start_child(const XmlEvent& e) {
  check_reference_date(header_line_);
  child_.emplace();
  child_->child.line = e.line;
  child_->path = xml_.path();
  episode_ = record_ = -1;
  batch_.counts[kChildElement].read += 1;
}

template <class R>
int CinCensusReader::open_record(std::vector<Drafted<R>>& drafts, const XmlEvent& e,
                                 const char* element) {
  Drafted<R> d;
  d.record.line = e.line;
  d.path = xml_.path();
  d.parent = episode_;
  drafts.push_back(std::move(d));
  batch_.counts[element].read += 1;
  return static_cast<int>(drafts.size()) - 1;
}

template <class R>
void CinCensusReader::require_key(const Drafted<R>& draft, const char* element, const char* field) {
  if (draft.key_given) return;
  child_error(
      draft.record.line, draft.path, field,
      std::string(field) + " is missing or blank; this " + element + " cannot be loaded without it",
      "required.missing");
}

void CinCensusReader::close_child() {
  auto& d = *child_;
  if (!d.id_given) {
    child_error(d.child.line, d.path, "LAchildID",
                "LAchildID is missing or blank; a child cannot be loaded without its identifier",
                "required.missing");
  } else {
    auto [first, inserted] = child_lines_.emplace(d.child.id, d.child.line);
    if (!inserted)
      child_error(d.child.line, d.path, "LAchildID",
                  "child " + d.child.id + " is listed twice in this return, at lines " +
                      std::to_string(first->second) + " and " + std::to_string(d.child.line) +
                      "; a return lists each child once",
                  "cin.child-listed-twice");
  }
  if (d.rejected)
    count_rejected(d, batch_.counts);
  else
    finish_child(std::move(d), file_, 0, batch_.records, batch_.problems);
  child_.reset();
  episode_ = record_ = -1;
}

// ---- header ----

void CinCensusReader::reference_date(const Leaf& leaf) {
  OptDate d;
  if (!values_.date(leaf, d)) {
    reference_date_bad_ = true;
    return;
  }
  if (!d) return;  // blank: reported as missing
  if (d->month() != 3 || d->day() != 31) {
    values_.error(
        leaf,
        "ReferenceDate " + d->iso() + " is not a 31 March, so the collection year cannot be known",
        "cin.reference-date");
    reference_date_bad_ = true;
    return;
  }
  reference_date_ = d;
  reference_date_bad_ = false;
  values_.set_year(d->year() - 1);
}

void CinCensusReader::check_reference_date(int line) {
  if (reference_date_checked_) return;
  reference_date_checked_ = true;
  if (reference_date_ || reference_date_bad_) return;
  batch_.problems.push_back(
      {Severity::kError, file_, line, "Message/Header/CollectionDetails", "ReferenceDate",
       "the header has no ReferenceDate, so the collection year cannot be known",
       "cin.reference-date"});
}

// ---- leaves ----

void CinCensusReader::on_leaf(const Leaf& leaf, Scope parent) {
  switch (parent) {
    case Scope::kHeader:
      if (leaf.field == "ReferenceDate") reference_date(leaf);
      break;
    case Scope::kChild:
      child_leaf(leaf);
      break;
    case Scope::kDisabilities:
      if (leaf.field == "Disability") child_leaf(leaf);
      break;
    case Scope::kEpisode:
      episode_leaf(leaf);
      break;
    case Scope::kAssessment:
    case Scope::kFactors:
      assessment_leaf(leaf);
      break;
    case Scope::kCinPlan:
      cin_plan_leaf(leaf);
      break;
    case Scope::kSection47:
      section47_leaf(leaf);
      break;
    case Scope::kCpPlan:
    case Scope::kReviews:
      cp_plan_leaf(leaf);
      break;
    case Scope::kPreProceedings:
      pre_proceedings_leaf(leaf);
      break;
    default:
      break;
  }
}

template <class R>
void CinCensusReader::key_date(const Leaf& leaf, Drafted<R>& draft, Date& out) {
  if (leaf.text.empty()) return;  // reported as missing when the record ends
  draft.key_given = true;
  OptDate d;
  if (values_.date(leaf, d) && d) out = *d;
}

void CinCensusReader::child_leaf(const Leaf& leaf) {
  auto& c = child_->child;
  const auto f = leaf.field;
  if (f == "LAchildID") {
    c.id = std::string(leaf.text);
    child_->id_given = !c.id.empty();
  } else if (f == "UPN") {
    c.upn = std::string(leaf.text);
  } else if (f == "FormerUPN") {
    c.former_upn = std::string(leaf.text);
  } else if (f == "UPNunknown") {
    values_.code(leaf, "cin.upn_unknown", c.upn_unknown);
  } else if (f == "PersonBirthDate") {
    values_.date(leaf, c.birth_date);
  } else if (f == "ExpectedPersonBirthDate") {
    values_.date(leaf, c.expected_birth_date);
  } else if (f == "PersonDeathDate") {
    values_.date(leaf, c.death_date);
  } else if (f == "GenderCurrent" || f == "Sex") {
    values_.sex(leaf, c.sex);
  } else if (f == "Ethnicity") {
    values_.code(leaf, "ethnicity", c.ethnicity);
  } else if (f == "Disability") {
    std::string code;
    values_.code(leaf, "cin.disability", code);
    if (!code.empty()) c.disabilities.push_back(std::move(code));
  }
}

void CinCensusReader::episode_leaf(const Leaf& leaf) {
  auto& d = child_->episodes[episode_];
  auto& r = d.record;
  const auto f = leaf.field;
  if (f == "CINreferralDate") {
    key_date(leaf, d, r.referral_date);
  } else if (f == "ReferralSource") {
    values_.code(leaf, "cin.referral_source", r.referral_source);
  } else if (f == "PrimaryNeedCode") {
    values_.code(leaf, "cin.primary_need", r.primary_need);
  } else if (f == "CINclosureDate") {
    values_.date(leaf, r.closure_date);
  } else if (f == "ReasonForClosure") {
    values_.code(leaf, "cin.closure_reason", r.closure_reason);
  } else if (f == "DateOfInitialCPC") {
    values_.date(leaf, r.icpc_date);
  } else if (f == "ReferralNFA") {
    values_.flag(leaf, r.nfa);
  }
}

void CinCensusReader::assessment_leaf(const Leaf& leaf) {
  auto& d = child_->assessments[record_];
  const auto f = leaf.field;
  if (f == "AssessmentActualStartDate") {
    key_date(leaf, d, d.record.start);
  } else if (f == "AssessmentAuthorisationDate") {
    values_.date(leaf, d.record.authorised);
  } else if (f == "AssessmentFactors") {
    std::string code;
    values_.code(leaf, "cin.assessment_factor", code);
    if (!code.empty()) d.record.factors.push_back(std::move(code));
  }
}

void CinCensusReader::cin_plan_leaf(const Leaf& leaf) {
  auto& d = child_->cin_plans[record_];
  if (leaf.field == "CINPlanStartDate")
    key_date(leaf, d, d.record.start);
  else if (leaf.field == "CINPlanEndDate")
    values_.date(leaf, d.record.end);
}

void CinCensusReader::section47_leaf(const Leaf& leaf) {
  auto& d = child_->section47s[record_];
  auto& r = d.record;
  const auto f = leaf.field;
  if (f == "S47ActualStartDate") {
    key_date(leaf, d, r.start);
  } else if (f == "InitialCPCtarget") {
    values_.date(leaf, r.icpc_target);
  } else if (f == "DateOfInitialCPC") {
    values_.date(leaf, r.icpc_date);
  } else if (f == "ICPCnotRequired") {
    values_.flag(leaf, r.icpc_not_required);
  }
}

void CinCensusReader::cp_plan_leaf(const Leaf& leaf) {
  auto& d = child_->cp_plans[record_];
  auto& r = d.record;
  const auto f = leaf.field;
  if (f == "CPPstartDate") {
    key_date(leaf, d, r.start);
  } else if (f == "CPPendDate") {
    values_.date(leaf, r.end);
  } else if (f == "InitialCategoryOfAbuse") {
    values_.code(leaf, "cin.abuse_category", r.initial_category);
  } else if (f == "LatestCategoryOfAbuse") {
    values_.code(leaf, "cin.abuse_category", r.latest_category);
  } else if (f == "NumberOfPreviousCPP") {
    values_.count(leaf, r.previous_plans);
  } else if (f == "CPPreviewDate") {
    add_review(leaf);
  }
}

void CinCensusReader::add_review(const Leaf& leaf) {
  if (leaf.text.empty()) {
    values_.finding(leaf, "a blank CPPreviewDate is ignored", "dq.blank-ignored");
    return;
  }
  Drafted<CpReview> d;
  d.record.line = leaf.line;
  d.path = leaf.path;
  d.parent = record_;
  key_date(leaf, d, d.record.date);
  child_->cp_reviews.push_back(std::move(d));
  batch_.counts[kCpReviewElement].read += 1;
}

void CinCensusReader::pre_proceedings_leaf(const Leaf& leaf) {
  auto& d = child_->pre_proceedings[record_];
  auto& r = d.record;
  const auto f = leaf.field;
  if (f == "PPStartDate") {
    key_date(leaf, d, r.start);
  } else if (f == "LBPSentDate") {
    values_.date(leaf, r.letter_before_proceedings);
  } else if (f == "InitialPPMeetingDate") {
    values_.date(leaf, r.initial_meeting);
  } else if (f == "StepDecisionDate") {
    values_.date(leaf, r.step_decision);
  } else if (f == "CourtAppDate") {
    values_.date(leaf, r.court_application);
  } else if (f == "LetterInitCPDate") {
    values_.date(leaf, r.letter_issue_care_proceedings);
  } else if (f == "FGDMMeetingOffer") {
    values_.flag(leaf, r.fgdm_offered);
  } else if (f == "FGDMMeetingFac") {
    values_.flag(leaf, r.fgdm_facilitated);
  } else if (f == "ReviewMeetingsCount") {
    values_.count(leaf, r.review_meetings);
  } else if (f == "PPOutcome") {
    r.outcome = upper_ascii(leaf.text);  // its code list is not yet published
  }
}

}  // namespace

std::map<std::string, std::set<std::string>> cin_census_carried_fields(bool pre_proceedings) {
  std::map<std::string, std::set<std::string>> carried;
  carried[Child::kTable] =
      fields_except<Child>({"forename", "surname", "uasc", "uasc_ceased", "is_mother",
                            "mother_child_birth_date", "nationality"});
  carried[CinEpisode::kTable] = fields_except<CinEpisode>({"referral_id", "team_id", "worker_id"});
  carried[Assessment::kTable] = fields_except<Assessment>(
      {"assessment_id", "child_seen", "outcome_nfa", "team_id", "worker_id"});
  carried[CinPlan::kTable] = fields_except<CinPlan>({"plan_id", "team_id", "worker_id"});
  carried[Section47::kTable] =
      fields_except<Section47>({"s47_id", "end", "icpc_id", "team_id", "worker_id"});
  carried[CpPlan::kTable] = fields_except<CpPlan>({"plan_id", "other_la", "team_id", "worker_id"});
  carried[CpReview::kTable] = fields_except<CpReview>({"review_id", "due", "plan_continues"});
  if (pre_proceedings) carried[PreProceedings::kTable] = fields_except<PreProceedings>({});
  return carried;
}

Batch read_cin_census(const InputFile& file) {
  auto xml = XmlStream::open(file.path, file.name);
  if (!xml) {
    Batch batch;
    batch.problems.push_back({Severity::kError, file.name, 0, "", "",
                              "the file cannot be opened for reading", "file.unreadable"});
    return batch;
  }
  return CinCensusReader(**xml).run();
}

Batch read_cin_census_from_memory(std::string_view data, const std::string& name) {
  auto xml = XmlStream::from_memory(data, name);
  return CinCensusReader(*xml).run();
}

}  // namespace beacon
