#include "qa/qa_tables.h"

#include <set>

#include "qa/qa_json.h"

namespace beacon::qa {
namespace {

using nlohmann::json;

// One column: where its value sits in the record's JSON (qa_json.h) and what
// type it has there: s string, i integer, b boolean, d decimal, t text number
// (a seed, kept as text in JSON).
struct Col {
  std::string column;
  std::string key;
  std::string sub;  // nested key (rules.*, answers.*, grades.*), or empty
  char type = 's';
};

std::vector<std::string> answer_columns() {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& id :
       {std::string("practice-evaluation"), std::string("joint-visit-dip-sample")})
    for (const auto& s : find_question_set(id)->sections)
      for (const auto& q : s.questions)
        if (seen.insert(q.id).second) out.push_back(q.id);
  return out;
}

const std::map<std::string, std::vector<Col>>& layouts() {
  static const std::map<std::string, std::vector<Col>> l = [] {
    std::map<std::string, std::vector<Col>> m;
    m["qa_cycles.csv"] = {{"cycle_id", "id", "", 'i'},
                          {"name", "name", "", 's'},
                          {"kind", "kind", "", 's'},
                          {"start", "start", "", 's'},
                          {"end", "end", "", 's'},
                          {"question_set", "question_set", "", 's'},
                          {"previous_cycle_id", "previous_cycle_id", "", 'i'},
                          {"status", "status", "", 's'},
                          {"sample_mode", "rules", "mode", 's'},
                          {"sample_size", "rules", "size", 'i'},
                          {"per_group", "rules", "per_group", 'i'},
                          {"stratify_by", "rules", "stratify_by", 's'},
                          {"revisit_share", "rules", "revisit_share", 'd'},
                          {"seed", "rules", "seed", 's'}};
    std::vector<Col> e = {
        {"evaluation_id", "id", "", 'i'},          {"cycle_id", "cycle_id", "", 'i'},
        {"question_set", "question_set", "", 's'}, {"child_id", "child_id", "", 's'},
        {"child_name", "child_name", "", 's'},     {"practitioner_id", "practitioner_id", "", 's'},
        {"team_id", "team_id", "", 's'},           {"evaluator_id", "evaluator_id", "", 's'},
        {"revisit", "revisit", "", 'b'},           {"status", "status", "", 's'},
        {"version", "version", "", 'i'},           {"submitted_at", "submitted_at", "", 's'},
        {"updated_at", "updated_at", "", 's'}};
    for (const auto& q : answer_columns()) e.push_back({q, "answers", q, 's'});
    m["qa_evaluations.csv"] = e;
    std::vector<Col> mod = {
        {"moderation_id", "id", "", 'i'},    {"evaluation_id", "evaluation_id", "", 'i'},
        {"cycle_id", "cycle_id", "", 'i'},   {"evaluator_id", "evaluator_id", "", 's'},
        {"moderator", "moderator", "", 's'}, {"at", "at", "", 's'}};
    for (const Pillar& p : kPillars)
      mod.push_back({std::string(p.id) + ".grade", "grades", std::string(p.id), 's'});
    mod.push_back({"overall.grade", "grades", "overall", 's'});
    mod.push_back({"note", "note", "", 's'});
    m["qa_moderations.csv"] = mod;
    m["qa_recommendations.csv"] = {{"recommendation_id", "id", "", 'i'},
                                   {"evaluation_id", "evaluation_id", "", 'i'},
                                   {"cycle_id", "cycle_id", "", 'i'},
                                   {"child_id", "child_id", "", 's'},
                                   {"team_id", "team_id", "", 's'},
                                   {"text", "text", "", 's'},
                                   {"owner_id", "owner_id", "", 's'},
                                   {"made", "made", "", 's'},
                                   {"due", "due", "", 's'},
                                   {"status", "status", "", 's'},
                                   {"done_on", "done_on", "", 's'},
                                   {"evidence", "evidence", "", 's'},
                                   {"impact", "impact", "", 's'},
                                   {"impact_note", "impact_note", "", 's'},
                                   {"revisit_evaluation_id", "revisit_evaluation_id", "", 'i'}};
    m["qa_complaints.csv"] = {
        {"complaint_id", "id", "", 'i'}, {"reference", "reference", "", 's'},
        {"stage", "stage", "", 'i'},     {"received", "received", "", 's'},
        {"due", "due", "", 's'},         {"responded", "responded", "", 's'},
        {"theme", "theme", "", 's'},     {"complainant", "complainant", "", 's'},
        {"outcome", "outcome", "", 's'}, {"learning_action", "learning_action", "", 's'},
        {"team_id", "team_id", "", 's'}, {"child_id", "child_id", "", 's'},
        {"summary", "summary", "", 's'}};
    m["qa_compliments.csv"] = {
        {"compliment_id", "id", "", 'i'}, {"received", "received", "", 's'},
        {"team_id", "team_id", "", 's'},  {"worker_id", "worker_id", "", 's'},
        {"from", "from", "", 's'},        {"summary", "summary", "", 's'}};
    m["qa_survey_returns.csv"] = {
        {"survey_return_id", "id", "", 'i'}, {"received", "received", "", 's'},
        {"survey", "survey", "", 's'},       {"respondent", "respondent", "", 's'},
        {"team_id", "team_id", "", 's'},     {"rating", "rating", "", 'i'},
        {"comment", "comment", "", 's'}};
    m["qa_plans.csv"] = {{"plan_id", "id", "", 'i'},
                         {"name", "name", "", 's'},
                         {"kind", "kind", "", 's'},
                         {"start", "start", "", 's'}};
    m["qa_plan_priorities.csv"] = {{"plan_id", "plan_id", "", 'i'},
                                   {"number", "number", "", 's'},
                                   {"title", "title", "", 's'},
                                   {"sponsor", "sponsor", "", 's'}};
    m["qa_plan_actions.csv"] = {
        {"action_id", "id", "", 'i'},        {"plan_id", "plan_id", "", 'i'},
        {"number", "number", "", 's'},       {"title", "title", "", 's'},
        {"leads", "leads", "", 's'},         {"team_id", "team_id", "", 's'},
        {"start", "start", "", 's'},         {"due", "due", "", 's'},
        {"completed", "completed", "", 's'}, {"indicators", "indicators", "", 'l'}};
    m["qa_action_updates.csv"] = {{"action_id", "action_id", "", 'i'},
                                  {"month", "month", "", 's'},
                                  {"rag", "rag", "", 's'},
                                  {"text", "text", "", 's'},
                                  {"evidence", "evidence", "", 's'},
                                  {"by", "by", "", 's'}};
    return m;
  }();
  return l;
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string cell_of(const json& j, const Col& c) {
  const json* v = &j;
  if (!v->contains(c.key)) return "";
  v = &(*v)[c.key];
  if (!c.sub.empty()) {
    if (!v->is_object() || !v->contains(c.sub)) return "";
    v = &(*v)[c.sub];
  }
  if (v->is_string()) return v->get<std::string>();
  if (v->is_boolean()) return v->get<bool>() ? "true" : "false";
  if (v->is_number_integer()) return std::to_string(v->get<int64_t>());
  if (v->is_number()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v->get<double>());
    return buf;
  }
  if (v->is_array()) {
    std::string out;
    for (const auto& x : *v)
      if (x.is_string()) out += (out.empty() ? "" : ";") + x.get<std::string>();
    return out;
  }
  return "";
}

std::string table_text(const std::string& file, const std::vector<json>& records) {
  const auto& cols = layouts().at(file);
  std::string out;
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_cell(cols[i].column);
  out += "\n";
  for (const json& r : records) {
    for (size_t i = 0; i < cols.size(); ++i) out += (i ? "," : "") + csv_cell(cell_of(r, cols[i]));
    out += "\n";
  }
  return out;
}

// RFC 4180 rows with the 1-based line each starts on.
std::vector<std::pair<int, std::vector<std::string>>> parse_csv(const std::string& text, bool& ok) {
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  int line = 1, row_line = 1;
  ok = true;
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty()) {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      any = true;
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      if (any || row.size() > 1 || !row[0].empty()) rows.push_back({row_line, std::move(row)});
      row.clear();
      any = false;
      row_line = ++line;
    } else {
      cell += c;
      any = true;
    }
  }
  if (quoted) ok = false;
  if (any || !cell.empty()) {
    row.push_back(std::move(cell));
    rows.push_back({row_line, std::move(row)});
  }
  return rows;
}

Problem problem(const std::string& file, int line, const std::string& field,
                const std::string& message, Severity s = Severity::kError) {
  Problem p;
  p.severity = s;
  p.file = file;
  p.line = line;
  p.field = field;
  p.message = message;
  p.code = "qa.table";
  return p;
}

bool whole_number(const std::string& s) {
  return !s.empty() && s.size() <= 15 && s.find_first_not_of("0123456789") == std::string::npos;
}

// Rows of a table as JSON records, checking types; bad rows are reported and left out.
std::vector<std::pair<int, json>> records(const std::string& file, const std::string& text,
                                          Problems& problems) {
  std::vector<std::pair<int, json>> out;
  bool ok = true;
  auto rows = parse_csv(text, ok);
  if (!ok) problems.push_back(problem(file, 0, "", "a quoted cell is never closed"));
  if (rows.empty()) {
    problems.push_back(problem(file, 1, "", "the file is empty: it has no header row"));
    return out;
  }
  const auto& cols = layouts().at(file);
  std::map<std::string, size_t> index;
  const auto& header = rows[0].second;
  for (size_t i = 0; i < header.size(); ++i) {
    bool known = false;
    for (const Col& c : cols) known = known || c.column == header[i];
    if (!known)
      problems.push_back(problem(file, 1, header[i], "is not a column of this table; it is ignored",
                                 Severity::kFinding));
    else
      index[header[i]] = i;
  }
  if (!index.count(cols[0].column)) {
    problems.push_back(problem(file, 1, cols[0].column, "the table's key column is missing"));
    return out;
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& [line, cells] = rows[r];
    json j = json::object();
    bool bad = false;
    for (const Col& c : cols) {
      auto it = index.find(c.column);
      if (it == index.end() || it->second >= cells.size()) continue;
      const std::string& v = cells[it->second];
      json value;
      if (c.type == 'i') {
        if (v.empty()) continue;
        if (!whole_number(v)) {
          problems.push_back(problem(file, line, c.column, "\"" + v + "\" is not a whole number"));
          bad = true;
          continue;
        }
        value = std::stoll(v);
      } else if (c.type == 'b') {
        value = v == "true" || v == "1" || v == "yes" || v == "y";
      } else if (c.type == 'd') {
        if (v.empty()) continue;
        char* end = nullptr;
        double d = std::strtod(v.c_str(), &end);
        if (end != v.c_str() + v.size()) {
          problems.push_back(problem(file, line, c.column, "\"" + v + "\" is not a number"));
          bad = true;
          continue;
        }
        value = d;
      } else if (c.type == 'l') {
        value = json::array();
        size_t start = 0;
        while (start <= v.size() && !v.empty()) {
          size_t semi = v.find(';', start);
          if (semi == std::string::npos) semi = v.size();
          if (semi > start) value.push_back(v.substr(start, semi - start));
          start = semi + 1;
        }
      } else {
        if (v.empty() && !c.sub.empty()) continue;
        value = v;
      }
      if (c.sub.empty()) {
        j[c.key] = value;
      } else {
        if (!j.contains(c.key)) j[c.key] = json::object();
        j[c.key][c.sub] = value;
      }
    }
    if (!bad) out.push_back({line, std::move(j)});
  }
  return out;
}

template <class T>
void read_into(const std::map<std::string, std::string>& files, const std::string& file,
               std::vector<T>& out, Problems& problems) {
  auto it = files.find(file);
  if (it == files.end()) return;
  for (auto& [line, j] : records(file, it->second, problems)) {
    T record;
    if (!from_json(j, record)) {
      problems.push_back(problem(
          file, line, "",
          "a date is missing or is not a date (YYYY-MM-DD), or a value is not one allowed"));
      continue;
    }
    out.push_back(std::move(record));
  }
}

}  // namespace

const std::vector<std::string>& qa_table_files() {
  static const std::vector<std::string> f = {
      "qa_cycles.csv",          "qa_evaluations.csv",   "qa_moderations.csv",
      "qa_recommendations.csv", "qa_complaints.csv",    "qa_compliments.csv",
      "qa_survey_returns.csv",  "qa_plans.csv",         "qa_plan_priorities.csv",
      "qa_plan_actions.csv",    "qa_action_updates.csv"};
  return f;
}

std::vector<std::string> qa_table_columns(const std::string& file_name) {
  std::vector<std::string> out;
  auto it = layouts().find(file_name);
  if (it != layouts().end())
    for (const Col& c : it->second) out.push_back(c.column);
  return out;
}

std::map<std::string, std::string> write_qa_tables(const QaHistory& h) {
  std::map<std::string, std::string> out;
  auto each = [](const auto& v) {
    std::vector<json> j;
    for (const auto& x : v) j.push_back(to_json(x));
    return j;
  };
  out["qa_cycles.csv"] = table_text("qa_cycles.csv", each(h.cycles));
  out["qa_evaluations.csv"] = table_text("qa_evaluations.csv", each(h.evaluations));
  out["qa_moderations.csv"] = table_text("qa_moderations.csv", each(h.moderations));
  out["qa_recommendations.csv"] = table_text("qa_recommendations.csv", each(h.recommendations));
  out["qa_complaints.csv"] = table_text("qa_complaints.csv", each(h.complaints));
  out["qa_compliments.csv"] = table_text("qa_compliments.csv", each(h.compliments));
  out["qa_survey_returns.csv"] = table_text("qa_survey_returns.csv", each(h.survey_returns));
  out["qa_plans.csv"] = table_text("qa_plans.csv", each(h.plans));
  std::vector<json> priorities, actions, updates;
  for (const auto& p : h.plans)
    for (const auto& x : p.priorities)
      priorities.push_back(
          {{"plan_id", p.id}, {"number", x.number}, {"title", x.title}, {"sponsor", x.sponsor}});
  for (const auto& a : h.actions) {
    json j = to_json(a);
    for (const auto& u : j["updates"]) {
      json row = u;
      row["action_id"] = a.id;
      updates.push_back(row);
    }
    actions.push_back(std::move(j));
  }
  out["qa_plan_priorities.csv"] = table_text("qa_plan_priorities.csv", priorities);
  out["qa_plan_actions.csv"] = table_text("qa_plan_actions.csv", actions);
  out["qa_action_updates.csv"] = table_text("qa_action_updates.csv", updates);
  return out;
}

QaHistory read_qa_tables(const std::map<std::string, std::string>& files, Problems& problems) {
  QaHistory h;
  read_into(files, "qa_cycles.csv", h.cycles, problems);
  read_into(files, "qa_evaluations.csv", h.evaluations, problems);
  read_into(files, "qa_moderations.csv", h.moderations, problems);
  read_into(files, "qa_recommendations.csv", h.recommendations, problems);
  read_into(files, "qa_complaints.csv", h.complaints, problems);
  read_into(files, "qa_compliments.csv", h.compliments, problems);
  read_into(files, "qa_survey_returns.csv", h.survey_returns, problems);
  read_into(files, "qa_plans.csv", h.plans, problems);
  read_into(files, "qa_plan_actions.csv", h.actions, problems);
  std::map<int64_t, ImprovementPlan*> plans;
  for (auto& p : h.plans) plans[p.id] = &p;
  std::map<int64_t, PlanAction*> actions;
  for (auto& a : h.actions) actions[a.id] = &a;
  if (auto it = files.find("qa_plan_priorities.csv"); it != files.end())
    for (auto& [line, j] : records(it->first, it->second, problems)) {
      auto p = plans.find(j.value("plan_id", int64_t{0}));
      if (p == plans.end()) {
        problems.push_back(problem(it->first, line, "plan_id", "names no plan in qa_plans.csv"));
        continue;
      }
      p->second->priorities.push_back(
          {j.value("number", ""), j.value("title", ""), j.value("sponsor", "")});
    }
  if (auto it = files.find("qa_action_updates.csv"); it != files.end())
    for (auto& [line, j] : records(it->first, it->second, problems)) {
      auto a = actions.find(j.value("action_id", int64_t{0}));
      auto month = parse_date(j.value("month", "") + "-01");
      if (a == actions.end() || !month) {
        problems.push_back(problem(it->first, line, a == actions.end() ? "action_id" : "month",
                                   a == actions.end() ? "names no action in qa_plan_actions.csv"
                                                      : "is not a month (YYYY-MM)"));
        continue;
      }
      a->second->updates.push_back({YearMonth::of(*month), j.value("rag", ""), j.value("text", ""),
                                    j.value("evidence", ""), j.value("by", "")});
    }
  // References within the tables.
  std::set<int64_t> cycles, evaluations;
  for (const auto& c : h.cycles) cycles.insert(c.id);
  for (const auto& e : h.evaluations) evaluations.insert(e.id);
  auto dangling = [&](const std::string& file, const std::string& field, int64_t id) {
    problems.push_back(
        problem(file, 0, field, std::to_string(id) + " names no record in the tables loaded"));
  };
  std::erase_if(h.evaluations, [&](const Evaluation& e) {
    if (cycles.count(e.cycle_id)) return false;
    dangling("qa_evaluations.csv", "cycle_id", e.cycle_id);
    return true;
  });
  std::erase_if(h.moderations, [&](const Moderation& m) {
    if (evaluations.count(m.evaluation_id)) return false;
    dangling("qa_moderations.csv", "evaluation_id", m.evaluation_id);
    return true;
  });
  std::erase_if(h.actions, [&](const PlanAction& a) {
    if (plans.count(a.plan_id)) return false;
    dangling("qa_plan_actions.csv", "plan_id", a.plan_id);
    return true;
  });
  return h;
}

}  // namespace beacon::qa
