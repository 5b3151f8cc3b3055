#include "ingest/local_tables.h"

#include <algorithm>

#include "ingest/csv_table.h"
#include "ingest/readers.h"

namespace beacon {

const std::vector<LocalTableSpec>& local_tables() {
  // As docs/local-tables.md lists them; keep the two in step.
  static const std::vector<LocalTableSpec> tables = {
      {"org_units", {"unit_id", "unit_name", "unit_kind"}, {"parent_unit_id", "manager_worker_id"}},
      {"workers",
       {"worker_id", "name"},
       {"staff_id", "job_title", "role", "team_id", "registration_no", "employment", "fte",
        "in_post_from", "in_post_to", "line_manager_id"}},
      {"allocations", {"child_id", "worker_id", "start_date"}, {"team_id", "role", "end_date"}},
      {"contacts",
       {"contact_id", "child_id", "received_at"},
       {"decided_at", "source", "outcome", "team_id", "worker_id"}},
      {"contact_decisions", {"contact_id", "decided_at"}, {}},
      {"visit_status", {"visit_id", "visit_type", "status"}, {"recorded_at", "finalised_at"}},
      {"supervisions", {"worker_id", "supervision_date"}, {"supervisor_id"}},
      {"established_posts", {"unit_id", "from_date", "fte"}, {"to_date"}},
      {"youth_justice", {"person_id", "disposal_date", "disposal_type"}, {"reoffence_date"}},
      {"population_estimates", {"year", "children_0_17"}, {}},
      {"indicator_targets",
       {"indicator_id", "financial_year"},
       {"target", "tolerance_low", "tolerance_high", "polarity", "england",
        "statistical_neighbours", "region"}},
      {"bank_holidays", {"date"}, {"name"}},
  };
  return tables;
}

bool LocalTableSpec::knows(std::string_view column) const {
  return std::find(required.begin(), required.end(), column) != required.end() ||
         std::find(optional.begin(), optional.end(), column) != optional.end();
}

const LocalTableSpec* find_local_table(std::string_view name) {
  for (const auto& t : local_tables())
    if (t.name == name) return &t;
  return nullptr;
}

namespace {

struct Fit {
  LocalHeaderMatch match;
  size_t known = 0;  // header columns the table has
  bool named = false;
};

Fit fit(const LocalTableSpec& t, const std::vector<std::string>& header, const std::string& stem) {
  Fit f;
  f.match.table = &t;
  f.named = stem == t.name;
  std::vector<std::string> have;
  for (const auto& h : header) {
    auto name = ascii_lower(trim_view(h));
    if (name.empty()) continue;
    have.push_back(name);
    if (t.knows(name))
      ++f.known;
    else
      f.match.unknown.emplace_back(trim_view(h));
  }
  for (auto r : t.required)
    if (std::find(have.begin(), have.end(), r) == have.end()) f.match.missing.emplace_back(r);
  return f;
}

}  // namespace

std::optional<LocalHeaderMatch> match_local_header(const std::vector<std::string>& header,
                                                   const std::string& file_name) {
  const std::string stem = file_stem(file_name);
  std::optional<Fit> best;
  for (const auto& t : local_tables()) {
    Fit f = fit(t, header, stem);
    if (!f.match.missing.empty() || f.match.unknown.size() > f.known) continue;
    if (!best || f.known > best->known || (f.known == best->known && f.named && !best->named) ||
        (f.known == best->known && f.named == best->named &&
         f.match.unknown.size() < best->match.unknown.size()))
      best = std::move(f);
  }
  if (!best) return std::nullopt;
  return best->match;
}

std::optional<LocalHeaderMatch> nearest_local_table(const std::vector<std::string>& header,
                                                    const std::string& file_name) {
  const std::string stem = file_stem(file_name);
  std::optional<Fit> best;
  for (const auto& t : local_tables()) {
    Fit f = fit(t, header, stem);
    if (f.named) return f.match;
    if (f.match.missing.size() == t.required.size()) continue;  // not one required column
    if (!best || f.known > best->known) best = std::move(f);
  }
  if (!best) return std::nullopt;
  return best->match;
}

std::optional<std::string> local_table_for_header(const std::vector<std::string>& header,
                                                  const std::string& file_name) {
  auto match = match_local_header(header, file_name);
  if (!match) return std::nullopt;
  return std::string(match->table->name);
}

}  // namespace beacon
