#include "load/qa_load.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "qa/qa_tables.h"
#include "store/qa_sqlite.h"

namespace beacon {

std::string QaLoadReport::to_text() const {
  std::string out = ok ? "QA history: " + summary + "\n" : "QA history not loaded:\n";
  for (const auto& p : problems) out += "  " + p.to_string() + "\n";
  return out;
}

std::optional<qa::QaHistory> read_qa_history(const std::vector<std::string>& files, bool dry_run,
                                             QaLoadReport& r) {
  std::map<std::string, std::string> texts;
  for (const auto& path : files) {
    std::string name = std::filesystem::path(path).filename().string();
    const auto& known = qa::qa_table_files();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      Problem p;
      p.file = path;
      p.message = "is not one of the QA tables (" + std::to_string(known.size()) +
                  " are described in Beacon's guide to local tables)";
      p.code = "qa.table";
      r.problems.push_back(p);
      continue;
    }
    if (texts.count(name)) {
      Problem p;
      p.file = path;
      p.message = "the table " + name + " is given twice";
      p.code = "qa.table";
      r.problems.push_back(p);
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    texts[name] = ss.str();
  }
  Problems found;
  qa::QaHistory h = qa::read_qa_tables(texts, found);
  // The reader names tables by their file names; show the paths given.
  for (auto& p : found)
    for (const auto& path : files)
      if (std::filesystem::path(path).filename() == p.file) p.file = path;
  r.problems.insert(r.problems.end(), found.begin(), found.end());
  if (has_errors(r.problems)) return std::nullopt;
  r.summary = std::to_string(h.cycles.size()) + " cycles, " + std::to_string(h.evaluations.size()) +
              " evaluations, " + std::to_string(h.moderations.size()) + " moderations, " +
              std::to_string(h.recommendations.size()) + " recommendations, " +
              std::to_string(h.complaints.size()) + " complaints, " +
              std::to_string(h.compliments.size()) + " compliments, " +
              std::to_string(h.survey_returns.size()) + " survey returns, " +
              std::to_string(h.plans.size()) + " plans with " + std::to_string(h.actions.size()) +
              " actions" + (dry_run ? " (dry run: nothing written)" : "");
  return h;
}

QaLoadReport load_qa_tables(const std::vector<std::string>& files, const std::string& db,
                            bool dry_run) {
  QaLoadReport r;
  auto read = read_qa_history(files, dry_run, r);
  if (!read) return r;
  const qa::QaHistory& h = *read;
  if (!dry_run) {
    auto store = open_sqlite_qa_store(db);
    if (!store) {
      Problem p;
      p.file = db;
      p.message = store.status().message();
      r.problems.push_back(p);
      return r;
    }
    if (auto st = (*store)->replace_all(h); !st) {
      Problem p;
      p.file = db;
      p.message = "the QA records could not be written: " + st.message();
      r.problems.push_back(p);
      return r;
    }
  }
  r.ok = true;
  return r;
}

}  // namespace beacon
