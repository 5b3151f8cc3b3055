#include "web/drill_query.h"

#include <algorithm>

namespace beacon::web {

DrillQuery DrillQuery::from(const http::Request& req) {
  DrillQuery q;
  std::string in = req.param("in", "all");
  q.in = in == "yes" || in == "no" ? in : "all";
  q.child = req.param("child").substr(0, 64);
  static const char* kSorts[] = {"child", "record", "in",      "date0", "date1",
                                 "date2", "date3",  "measure", "worker"};
  std::string sort = req.param("sort", "child");
  for (const char* s : kSorts)
    if (sort == s) q.sort = sort;
  q.descending = req.param("dir") == "desc";
  try {
    q.page = std::max(1, std::stoi(req.param("page", "1")));
  } catch (...) {
    q.page = 1;
  }
  return q;
}

std::string DrillQuery::query() const {
  return "&in=" + in + "&child=" + http::url_encode(child) + "&sort=" + sort +
         "&dir=" + (descending ? "desc" : "asc");
}

std::vector<const DrillRow*> apply_drill_query(std::vector<const DrillRow*> rows,
                                               const DrillQuery& q, const OrganisationTree& org,
                                               const access::ChildScope& scope,
                                               size_t* not_listed) {
  size_t outside = std::erase_if(rows, [&](const DrillRow* r) { return !scope.contains(r->child_id); });
  if (not_listed) *not_listed = outside;
  std::erase_if(rows, [&](const DrillRow* r) {
    if (q.in == "yes" && !r->in_numerator) return true;
    if (q.in == "no" && r->in_numerator) return true;
    return !q.child.empty() && r->child_id.find(q.child) == std::string::npos;
  });
  if (q.sort == "child" && !q.descending) return rows;  // the engine's order already
  auto date_at = [](const DrillRow& r, size_t i) -> OptDate {
    return i < r.dates.size() ? r.dates[i].second : std::nullopt;
  };
  auto less = [&](const DrillRow* a, const DrillRow* b) {
    const std::string& s = q.sort;
    if (s == "record") return a->record < b->record;
    if (s == "in") return a->in_numerator < b->in_numerator;
    if (s == "measure") return a->measure < b->measure;
    if (s == "worker") return org.name_of(a->worker_id) < org.name_of(b->worker_id);
    if (s.rfind("date", 0) == 0) {
      size_t i = static_cast<size_t>(s[4] - '0');
      return date_at(*a, i) < date_at(*b, i);
    }
    return a->child_id < b->child_id;
  };
  if (q.descending)
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const DrillRow* a, const DrillRow* b) { return less(b, a); });
  else
    std::stable_sort(rows.begin(), rows.end(), less);
  return rows;
}

std::vector<DrillRow> copy_drill_rows(const std::vector<const DrillRow*>& rows, size_t first,
                                      size_t count) {
  std::vector<DrillRow> out;
  for (size_t i = first; i < rows.size() && i - first < count; ++i) out.push_back(*rows[i]);
  return out;
}

}  // namespace beacon::web
