#include "ingest/cin_census_child.h"

#include "model/field_text.h"

namespace beacon {

namespace {

// Numbers records sharing a natural key 1, 2, … in file order. The child's
// identifier is unique in the file (a repeat refuses the child), so numbering
// within one child is numbering within the file.
template <class R>
void number(std::vector<Drafted<R>>& drafts, const std::string& file, const char* element,
            const char* key_field, Problems& problems) {
  std::map<std::string, int> seen;
  for (auto& d : drafts) {
    d.record.ordinal = ++seen[natural_key_without_ordinal(d.record)];
    if (d.record.ordinal == 1) continue;
    problems.push_back({Severity::kFinding, file, d.record.line, d.path, key_field,
                        std::string(element) + " has the same key as an earlier one (" +
                            describe_natural_key(d.record) +
                            "); both are kept, told apart by their order in the file",
                        "dq.duplicate-key"});
  }
}

template <class R>
void move_into(std::vector<Drafted<R>>& drafts, int32_t contribution, std::vector<R>& out) {
  for (auto& d : drafts) {
    d.record.contribution = contribution;
    out.push_back(std::move(d.record));
  }
}

template <class R>
void add_rejected(const std::vector<Drafted<R>>& drafts, const char* element,
                  std::map<std::string, ReadCounts>& counts) {
  if (!drafts.empty()) counts[element].rejected += static_cast<int64_t>(drafts.size());
}

}  // namespace

void count_rejected(const ChildDraft& draft, std::map<std::string, ReadCounts>& counts) {
  counts[kChildElement].rejected += 1;
  add_rejected(draft.episodes, kEpisodeElement, counts);
  add_rejected(draft.assessments, kAssessmentElement, counts);
  add_rejected(draft.cin_plans, kCinPlanElement, counts);
  add_rejected(draft.section47s, kSection47Element, counts);
  add_rejected(draft.cp_plans, kCpPlanElement, counts);
  add_rejected(draft.cp_reviews, kCpReviewElement, counts);
  add_rejected(draft.pre_proceedings, kPreProceedingsElement, counts);
}

void finish_child(ChildDraft&& draft, const std::string& file, int32_t contribution,
                  CaseHistory& out, Problems& problems) {
  const std::string id = draft.child.id;

  for (auto& e : draft.episodes) e.record.child_id = id;
  number(draft.episodes, file, kEpisodeElement, "CINreferralDate", problems);
  auto episode = [&draft](int index) -> const CinEpisode& {
    return draft.episodes[static_cast<size_t>(index)].record;
  };

  for (auto& a : draft.assessments) a.record.episode = episode(a.parent).ref();
  number(draft.assessments, file, kAssessmentElement, "AssessmentActualStartDate", problems);
  for (auto& p : draft.cin_plans) p.record.episode = episode(p.parent).ref();
  number(draft.cin_plans, file, kCinPlanElement, "CINPlanStartDate", problems);
  for (auto& s : draft.section47s) s.record.episode = episode(s.parent).ref();
  number(draft.section47s, file, kSection47Element, "S47ActualStartDate", problems);

  for (auto& p : draft.cp_plans) {
    p.record.child_id = id;
    p.record.referral_date = episode(p.parent).referral_date;
    p.record.episode_ordinal = episode(p.parent).ordinal;
  }
  number(draft.cp_plans, file, kCpPlanElement, "CPPstartDate", problems);
  for (auto& r : draft.cp_reviews)
    r.record.plan = draft.cp_plans[static_cast<size_t>(r.parent)].record.ref();
  number(draft.cp_reviews, file, kCpReviewElement, "CPPreviewDate", problems);

  for (auto& p : draft.pre_proceedings) {
    p.record.child_id = id;
    p.record.referral_date = episode(p.parent).referral_date;
    p.record.episode_ordinal = episode(p.parent).ordinal;
  }
  number(draft.pre_proceedings, file, kPreProceedingsElement, "PPStartDate", problems);

  draft.child.contribution = contribution;
  out.children.push_back(std::move(draft.child));
  move_into(draft.episodes, contribution, out.cin_episodes);
  move_into(draft.assessments, contribution, out.assessments);
  move_into(draft.cin_plans, contribution, out.cin_plans);
  move_into(draft.section47s, contribution, out.section47s);
  move_into(draft.cp_plans, contribution, out.cp_plans);
  move_into(draft.cp_reviews, contribution, out.cp_reviews);
  move_into(draft.pre_proceedings, contribution, out.pre_proceedings);
}

}  // namespace beacon
