#include "web/qa/qa_html.h"

#include "qa/briefing.h"
#include "web/qa/qa_views.h"

namespace beacon::web {

std::string grade_tag(std::optional<qa::Grade> g) {
  if (!g) return "<strong class=\"govuk-tag govuk-tag--grey\">Not graded</strong>";
  const char* colour = "govuk-tag--green";
  switch (*g) {
    case qa::Grade::kOutstanding:
    case qa::Grade::kGoodWithOutstanding:
      colour = "govuk-tag--blue";
      break;
    case qa::Grade::kGood:
      colour = "govuk-tag--green";
      break;
    case qa::Grade::kRequiresImprovement:
      colour = "govuk-tag--yellow";
      break;
    case qa::Grade::kInadequate:
      colour = "govuk-tag--red";
      break;
  }
  return std::string("<strong class=\"govuk-tag ") + colour + "\">" +
         std::string(qa::grade_label(*g)) + "</strong>";
}

std::string question_anchor(const std::string& question_id) {
  std::string out = "q-";
  for (char c : question_id) out += (c == '.' ? '-' : c);
  return out;
}


namespace {

std::vector<std::pair<std::string, std::string>> options_of(const qa::Question& q) {
  std::vector<std::pair<std::string, std::string>> out;
  if (q.type == qa::AnswerType::kPillarGrade) {
    for (qa::Grade g : qa::kPillarGrades)
      out.push_back({std::string(qa::grade_name(g)), std::string(qa::grade_label(g))});
  } else if (q.type == qa::AnswerType::kOverallGrade) {
    for (qa::Grade g : qa::kAllGrades)
      out.push_back({std::string(qa::grade_name(g)), std::string(qa::grade_label(g))});
  } else {
    for (const auto& c : q.choices) out.push_back({c, c});
  }
  return out;
}

}  // namespace

std::string question_control(const qa::Question& q, const std::string& answer,
                             const std::string& error) {
  std::string anchor = question_anchor(q.id);
  std::string hint_id = anchor + "-hint", error_id = anchor + "-error";
  std::string described;
  if (!q.guidance.empty()) described += hint_id;
  if (!error.empty()) described += (described.empty() ? "" : " ") + error_id;
  std::string group = std::string("<div class=\"govuk-form-group") +
                      (error.empty() ? "" : " govuk-form-group--error") + "\">";
  std::string label = esc(q.text) + (q.required ? "" : " (if needed)");
  std::string hint = q.guidance.empty() ? ""
                                        : "<div class=\"govuk-hint\" id=\"" + hint_id + "\">" +
                                              esc(q.guidance) + "</div>";
  std::string err = error.empty() ? ""
                                  : "<p class=\"govuk-error-message\" id=\"" + error_id +
                                        "\"><span class=\"govuk-visually-hidden\">Error:</span> " +
                                        esc(error) + "</p>";
  std::string aria = described.empty() ? "" : " aria-describedby=\"" + described + "\"";
  if (q.type == qa::AnswerType::kText) {
    return group + "<label class=\"govuk-label govuk-label--s\" for=\"" + anchor + "\">" + label +
           "</label>" + hint + err + "<textarea class=\"govuk-textarea" +
           (error.empty() ? "" : " govuk-textarea--error") + "\" id=\"" + anchor + "\" name=\"" +
           esc(q.id) + "\" rows=\"4\"" + aria + ">" + esc(answer) + "</textarea></div>";
  }
  bool tags = q.type == qa::AnswerType::kTags;
  std::vector<std::string> ticked =
      tags ? qa::split_tags(answer) : std::vector<std::string>{answer};
  std::string h =
      group + "<fieldset class=\"govuk-fieldset\"" + aria +
      "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + label + "</legend>" +
      hint + err + "<div class=\"" +
      (tags ? "govuk-checkboxes govuk-checkboxes--small" : "govuk-radios govuk-radios--small") +
      "\" data-module=\"" + (tags ? "govuk-checkboxes" : "govuk-radios") + "\">";
  int i = 0;
  for (const auto& [value, text] : options_of(q)) {
    std::string id = i == 0 ? anchor : anchor + "-" + std::to_string(i);
    ++i;
    bool on = std::find(ticked.begin(), ticked.end(), value) != ticked.end();
    const char* kind = tags ? "checkboxes" : "radios";
    h += std::string("<div class=\"govuk-") + kind + "__item\"><input class=\"govuk-" + kind +
         "__input\" id=\"" + id + "\" name=\"" + esc(q.id) + "\" type=\"" +
         (tags ? "checkbox" : "radio") + "\" value=\"" + esc(value) + "\"" +
         (on ? " checked" : "") + "><label class=\"govuk-label govuk-" + kind + "__label\" for=\"" +
         id + "\">" + esc(text) + "</label></div>";
  }
  return h + "</div></fieldset></div>";
}

std::string grade_table(const std::string& id, const std::string& caption,
                        const std::map<std::string, qa::GradeCounts>& by_pillar) {
  std::vector<std::vector<std::string>> rows;
  auto row = [&](const std::string& key, const std::string& label) {
    auto it = by_pillar.find(key);
    if (it == by_pillar.end()) return;
    std::vector<std::string> r = {esc(label)};
    for (qa::Grade g : qa::kAllGrades)
      r.push_back(std::to_string(it->second.n[qa::grade_index(g)]));
    r.push_back(percent(it->second.share_good_or_better()));
    rows.push_back(std::move(r));
  };
  for (const qa::Pillar& p : qa::kPillars) row(std::string(p.id), std::string(p.label));
  row("overall", "Overall");
  std::vector<std::string> head = {"Pillar"};
  for (qa::Grade g : qa::kAllGrades) head.push_back(std::string(qa::grade_label(g)));
  head.push_back("Good or better");
  return table(id, caption, head, rows, {false, true, true, true, true, true, true});
}

std::string qa_subnav(const std::string& current) {
  struct Item {
    const char* key;
    const char* label;
    const char* href;
  };
  const Item items[] = {{"cycles", "Evaluation cycles", "/qa"},
                        {"recommendations", "Recommendations", "/qa/recommendations"},
                        {"feedback", "Complaints and compliments", "/qa/feedback"},
                        {"plans", "Improvement plans", "/qa/plans"},
                        {"triangulation", "Triangulation", "/qa/triangulation"}};
  std::string h =
      "<nav class=\"moj-sub-navigation\" aria-label=\"Quality assurance\"><ul "
      "class=\"moj-sub-navigation__list\">";
  for (const auto& i : items)
    h += std::string(
             "<li class=\"moj-sub-navigation__item\"><a class=\"moj-sub-navigation__link\" "
             "href=\"") +
         i.href + "\"" + (current == i.key ? " aria-current=\"page\"" : "") + ">" + i.label +
         "</a></li>";
  return h + "</ul></nav>";
}

}  // namespace beacon::web
