#include "qa/evaluation.h"

#include <algorithm>
#include <variant>

namespace beacon::qa {
namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

const std::string* answer(const Answers& a, const std::string& id) {
  auto it = a.find(id);
  if (it == a.end() || trim(it->second).empty()) return nullptr;
  return &it->second;
}

bool allowed(const Question& q, const std::string& value) {
  std::string v = trim(value);
  switch (q.type) {
    case AnswerType::kPillarGrade: {
      auto g = parse_grade(v);
      return g && *g != Grade::kGoodWithOutstanding;
    }
    case AnswerType::kOverallGrade:
      return parse_grade(v).has_value();
    case AnswerType::kText:
      return true;
    case AnswerType::kChoice:
      return std::find(q.choices.begin(), q.choices.end(), v) != q.choices.end();
    case AnswerType::kTags:
      for (const std::string& t : split_tags(v))
        if (std::find(q.choices.begin(), q.choices.end(), t) == q.choices.end()) return false;
      return true;
  }
  return false;
}

std::string where(const QuestionSet& set, const Question& q) {
  const Section* s = set.section_of(q.id);
  return (s ? s->title + ": " : std::string()) + q.text;
}

}  // namespace

std::string_view evaluation_status_name(EvaluationStatus s) {
  switch (s) {
    case EvaluationStatus::kAssigned:
      return "assigned";
    case EvaluationStatus::kDraft:
      return "draft";
    case EvaluationStatus::kSubmitted:
      return "submitted";
  }
  return "";
}

std::optional<EvaluationStatus> parse_evaluation_status(std::string_view name) {
  for (auto s :
       {EvaluationStatus::kAssigned, EvaluationStatus::kDraft, EvaluationStatus::kSubmitted})
    if (evaluation_status_name(s) == name) return s;
  return std::nullopt;
}

std::vector<std::string> split_tags(const std::string& answer) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= answer.size()) {
    size_t comma = answer.find(',', start);
    if (comma == std::string::npos) comma = answer.size();
    std::string t = trim(answer.substr(start, comma - start));
    if (!t.empty()) out.push_back(t);
    start = comma + 1;
  }
  return out;
}

std::optional<Grade> pillar_grade(const Answers& answers, std::string_view pillar) {
  auto it = answers.find(std::string(pillar) + ".grade");
  if (it == answers.end()) return std::nullopt;
  auto g = parse_grade(trim(it->second));
  if (g == Grade::kGoodWithOutstanding) return std::nullopt;
  return g;
}

std::optional<Grade> overall_grade(const Answers& answers) {
  auto it = answers.find("overall.grade");
  if (it == answers.end()) return std::nullopt;
  return parse_grade(trim(it->second));
}

std::vector<Missing> check_complete(const QuestionSet& set, const Answers& answers) {
  std::vector<Missing> out;
  // Which pillars the answers grade below good: their learning becomes required.
  std::vector<std::string> below_good;
  for (const Section& s : set.sections)
    for (const Question& q : s.questions) {
      if (q.grades_pillar.empty()) continue;
      const std::string* a = answer(answers, q.id);
      if (!a) continue;
      auto g = parse_grade(trim(*a));
      if (g && !is_good_or_better(*g)) below_good.push_back(q.grades_pillar);
    }
  for (const Section& s : set.sections)
    for (const Question& q : s.questions) {
      const std::string* a = answer(answers, q.id);
      if (a && !allowed(q, *a)) {
        out.push_back(
            {q.id, where(set, q) + ": \"" + trim(*a) + "\" is not one of the answers allowed"});
        continue;
      }
      if (a) continue;
      if (q.required) {
        out.push_back({q.id, where(set, q) + " is not answered"});
      } else if (!q.learning_for_pillar.empty() &&
                 std::find(below_good.begin(), below_good.end(), q.learning_for_pillar) !=
                     below_good.end()) {
        auto g = pillar_grade(answers, q.learning_for_pillar);
        out.push_back({q.id, where(set, q) + " is needed: " +
                                 std::string(pillar_label(q.learning_for_pillar)) + " is graded " +
                                 (g ? std::string(grade_label(*g)) : std::string("below good")) +
                                 ", so the learning must address it"});
      }
    }
  return out;
}

Answers clean_answers(const QuestionSet& set, const Answers& given) {
  Answers out;
  for (const auto& [id, value] : given) {
    if (!set.find(id)) continue;
    std::string v = trim(value);
    if (!v.empty()) out[id] = v;
  }
  return out;
}

Result<Evaluation> save_draft(const Evaluation& e, const QuestionSet& set, const Answers& given,
                              const std::string& at) {
  if (e.status == EvaluationStatus::kSubmitted)
    return Status::conflict(
        "this evaluation has been submitted; change it as a new version instead");
  Evaluation out = e;
  out.answers = clean_answers(set, given);
  out.status = EvaluationStatus::kDraft;
  out.updated_at = at;
  return out;
}

std::variant<Evaluation, SubmitRefusal> submit(const Evaluation& e, const QuestionSet& set,
                                               const Answers& given, const std::string& at) {
  Answers answers = clean_answers(set, given);
  auto missing = check_complete(set, answers);
  if (!missing.empty()) return SubmitRefusal{std::move(missing)};
  Evaluation out = e;
  out.answers = std::move(answers);
  if (out.status != EvaluationStatus::kSubmitted) {
    out.status = EvaluationStatus::kSubmitted;
    out.submitted_at = at;
  }
  out.version += 1;
  out.updated_at = at;
  return out;
}

Result<Evaluation> edit_submitted(const Evaluation& e, const QuestionSet& set, const Answers& given,
                                  const std::string& reason, const std::string& at) {
  if (e.status != EvaluationStatus::kSubmitted)
    return Status::conflict("only a submitted evaluation is changed as a new version");
  if (trim(reason).empty())
    return Status::invalid_input("say why a submitted evaluation is being changed");
  auto r = submit(e, set, given, at);
  if (auto* refusal = std::get_if<SubmitRefusal>(&r)) {
    std::string m = "the change would leave the evaluation incomplete:";
    for (const Missing& x : refusal->missing) m += " " + x.message + ";";
    return Status::invalid_input(m);
  }
  return std::get<Evaluation>(std::move(r));
}

}  // namespace beacon::qa
