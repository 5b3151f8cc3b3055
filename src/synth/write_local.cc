// Beacon's local tables (docs/local-tables.md): the structure, workers,
// decision times of contacts, visit form status, supervision, established
// posts, the youth-justice cohort, population estimates and targets.
#include <cstdio>
#include <filesystem>
#include <map>

#include "synth/dates.h"
#include "synth/text_out.h"
#include "synth/writers.h"

namespace beacon::synth {
namespace {

const std::map<std::string, std::vector<std::string>>& columns() {
  static const std::map<std::string, std::vector<std::string>> c = {
      {"org_units", {"unit_id", "unit_name", "unit_kind", "parent_unit_id", "manager_worker_id"}},
      {"workers",
       {"worker_id", "name", "staff_id", "job_title", "role", "team_id", "registration_no",
        "employment", "fte", "in_post_from", "in_post_to", "line_manager_id"}},
      {"contact_decisions", {"contact_id", "decided_at"}},
      {"visit_status", {"visit_id", "visit_type", "status", "recorded_at", "finalised_at"}},
      {"supervisions", {"worker_id", "supervision_date", "supervisor_id"}},
      {"established_posts", {"unit_id", "from_date", "fte", "to_date"}},
      {"youth_justice", {"person_id", "disposal_date", "disposal_type", "reoffence_date"}},
      {"population_estimates", {"year", "children_0_17"}},
      {"indicator_targets",
       {"indicator_id", "financial_year", "target", "tolerance_low", "tolerance_high", "polarity",
        "england", "statistical_neighbours", "region"}},
  };
  return c;
}

const std::vector<std::string>& table_order() {
  static const std::vector<std::string> t = {
      "org_units",    "workers",           "contact_decisions", "visit_status",
      "supervisions", "established_posts", "youth_justice",     "population_estimates",
      "indicator_targets"};
  return t;
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

class LocalWriter {
 public:
  LocalWriter(const World& w, RecordCounter& counter) : w_(w), counter_(counter) {}

  void write(const std::string& table, CsvOut& csv) {
    if (table == "org_units") org_units(csv);
    else if (table == "workers") workers(csv);
    else if (table == "contact_decisions") contact_decisions(csv);
    else if (table == "visit_status") visit_status(csv);
    else if (table == "supervisions") supervisions(csv);
    else if (table == "established_posts") established_posts(csv);
    else if (table == "youth_justice") youth_justice(csv);
    else if (table == "population_estimates") population(csv);
    else if (table == "indicator_targets") targets(csv);
  }

 private:
  std::string worker(int k) const { return k < 0 ? "" : w_.workers[static_cast<size_t>(k)].id; }
  std::string unit(int u) const { return u < 0 ? "" : w_.units[static_cast<size_t>(u)].id; }

  void org_units(CsvOut& csv) {
    for (const auto& u : w_.units) {
      csv.row({u.id, u.name, u.kind, unit(u.parent), worker(u.manager)});
      counter_.org_unit(u.id);
    }
  }

  void workers(CsvOut& csv) {
    for (const auto& k : w_.workers) {
      csv.row({k.id, k.name, k.staff_id, k.job_title, k.role, unit(k.unit), k.registration_no,
               k.employment, num(k.fte), iso(k.from), iso(k.to), worker(k.line_manager)});
      counter_.worker(k.id);
    }
  }

  void contact_decisions(CsvOut& csv) {
    for (const auto& c : w_.children) {
      if (!c.in_output) continue;
      for (const auto& k : c.contacts)
        if (k.decided) csv.row({k.id, iso_minutes(*k.decided)});
    }
  }

  void visit_status(CsvOut& csv) {
    for (const auto& c : w_.children) {
      if (!c.in_output) continue;
      for (const auto& v : c.visits) {
        const char* type = v.kind == 'n' ? "cin" : v.kind == 'p' ? "cp" : "cla";
        csv.row({v.id, type, v.draft ? "draft" : "final", iso_minutes(v.recorded),
                 v.draft ? "" : iso_minutes(v.finalised)});
      }
    }
  }

  void supervisions(CsvOut& csv) {
    for (const auto& s : w_.supervisions) {
      const std::string id = worker(s.worker);
      csv.row({id, iso(s.date), worker(s.supervisor)});
      counter_.supervision(id, s.date);
    }
  }

  void established_posts(CsvOut& csv) {
    for (const auto& e : w_.established_posts) {
      csv.row({unit(e.unit), iso(e.from), num(e.fte), iso(e.to)});
      counter_.established_post(unit(e.unit), e.from);
    }
  }

  void youth_justice(CsvOut& csv) {
    for (const auto& r : w_.youth_justice) {
      const std::string& person = w_.children[static_cast<size_t>(r.child)].id;
      csv.row({person, iso(r.disposal), r.type, iso(r.reoffence)});
      counter_.youth_justice(person, r.disposal);
    }
  }

  void population(CsvOut& csv) {
    for (const auto& [year, children] : w_.population) {
      csv.row({std::to_string(year), std::to_string(children)});
      counter_.population_estimate(year);
    }
  }

  void targets(CsvOut& csv) {
    std::vector<int> years = w_.window.years;
    const int current = w_.window.as_at.financial_year();
    if (years.empty() || years.back() < current) years.push_back(current);
    for (int y : years)
      for (const auto& t : w_.targets) {
        csv.row({t.indicator, year_label(y), num(t.target), num(t.low), num(t.high), t.polarity,
                 "", "", ""});
        counter_.indicator_target(t.indicator, y);
      }
  }

  const World& w_;
  RecordCounter& counter_;
};

}  // namespace

const std::vector<std::string>& local_columns(const std::string& table) {
  static const std::vector<std::string> none;
  auto it = columns().find(table);
  return it == columns().end() ? none : it->second;
}

const std::vector<std::string>& local_tables() { return table_order(); }

Status write_local(const World& w, const std::string& out, RecordCounter& counter,
                   std::vector<WrittenFile>& files) {
  const std::string dir = out + "/local";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::io_error("cannot create " + dir + ": " + ec.message());
  LocalWriter writer(w, counter);
  for (const auto& table : table_order()) {
    CsvOut csv;
    if (auto s = csv.open(dir + "/" + table + ".csv", columns().at(table)); !s) return s;
    writer.write(table, csv);
    if (auto s = csv.close(); !s) return s;
    files.push_back({"local/" + table + ".csv", csv.rows()});
  }
  return Status::ok();
}

}  // namespace beacon::synth
