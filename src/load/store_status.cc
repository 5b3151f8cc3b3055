#include "load/store_status.h"

#include <map>
#include <nlohmann/json.hpp>

#include "history/merge.h"
#include "ingest/ssda903_year.h"
#include "load/load_report.h"
#include "model/field_text.h"

namespace beacon {
namespace {

// "2024-25"; "" for SSD and local contributions, which have no collection year.
std::string financial_year(int y) { return y > 0 ? financial_year_label(y) : ""; }

template <class R>
TableStatus table_status(const std::vector<R>& records) {
  TableStatus t{R::kTable, static_cast<int64_t>(records.size()), main_date_field(R::kTable), "",
                ""};
  if (t.date_field.empty()) return t;
  for (const auto& r : records) {
    R::visit(r, [&t](const char* name, const auto& value, FieldRole) {
      if (name != t.date_field) return;
      auto text = field_text(value).substr(0, 10);  // a date-time's date
      if (text.empty()) return;
      if (t.earliest.empty() || text < t.earliest) t.earliest = text;
      if (t.latest.empty() || text > t.latest) t.latest = text;
    });
  }
  return t;
}

}  // namespace

const char* main_date_field(const std::string& table) {
  static const std::map<std::string, const char*> fields = {
      {"children", "birth_date"},
      {"contacts", "received"},
      {"cin_episodes", "referral_date"},
      {"assessments", "start"},
      {"cin_plans", "start"},
      {"section47s", "start"},
      {"cp_plans", "start"},
      {"cp_reviews", "date"},
      {"visits", "date"},
      {"pre_proceedings", "start"},
      {"la_episodes", "start"},
      {"la_reviews", "date"},
      {"missing_episodes", "start"},
      {"deprivation_of_liberty", "start"},
      {"care_leavers", "latest_contact"},
      {"adoptions", "decision_date"},
      {"placement_decisions", "decision_date"},
      {"workers", "in_post_from"},
      {"allocations", "start"},
      {"supervisions", "date"},
      {"established_posts", "from"},
      {"youth_justice", "disposal_date"},
      {"bank_holidays", "date"},
  };
  auto it = fields.find(table);
  return it == fields.end() ? "" : it->second;
}

Result<StoreStatus> store_status(Store& store) {
  StoreStatus out;
  auto contributions = store.contributions();
  if (!contributions) return contributions.status();
  auto records = store.read_records();
  if (!records) return records.status();
  auto loads = store.loads();
  if (!loads) return loads.status();
  MergeResult merged = merge_contributions(*contributions, *records);
  merged.history.for_each_table([&out](const auto& table) {
    if (!table.empty()) out.tables.push_back(table_status(table));
  });
  out.contributions = std::move(*contributions);
  out.loads = std::move(*loads);
  out.withdrawn = static_cast<int64_t>(merged.withdrawn.size());
  return out;
}

namespace {
// A load of a whole organisation names a hundred files; the history shows the
// first few and how many more (the JSON form keeps them all).
std::string files_in_brief(const std::string& files) {
  constexpr size_t kShown = 2;
  size_t count = files.empty() ? 0 : 1, cut = std::string::npos;
  for (size_t i = 0; i + 1 < files.size(); ++i) {
    if (files[i] != ',' || files[i + 1] != ' ') continue;
    if (++count == kShown + 1) cut = i;
  }
  if (cut == std::string::npos) return files;
  return files.substr(0, cut) + " and " + std::to_string(count - kShown) + " more files";
}
}  // namespace

std::string StoreStatus::to_text() const {
  if (contributions.empty() && loads.empty())
    return "The store is empty: nothing has been loaded yet.\n";
  std::string out = "Effective case history:\n  " + cell("table", 26) + cell("records", 10, true) +
                    "  " + cell("date field", 16) + cell("earliest", 12) + "latest\n";
  for (const auto& t : tables)
    out += "  " + cell(t.table, 26) + cell(with_thousands(t.records), 10, true) + "  " +
           cell(t.date_field, 16) + cell(t.earliest, 12) + t.latest + "\n";
  if (tables.empty()) out += "  (no records)\n";
  if (withdrawn > 0)
    out += "Withdrawn by later returns (not counted above): " + with_thousands(withdrawn) + "\n";

  out += "\nContributions:\n  " + cell("id", 6) + cell("source", 12) + cell("table", 26) +
         cell("year", 9) + cell("as of", 12) + "files\n";
  for (const auto& c : contributions)
    out += "  " + cell(std::to_string(c.id), 6) + cell(source_name(c.source), 12) +
           cell(c.table, 26) + cell(financial_year(c.collection_year), 9) +
           cell(c.as_of.iso(), 12) + c.files + "\n";

  out += "\nLoad history (newest first):\n";
  for (const auto& l : loads)
    out += "  " + cell(std::to_string(l.id), 6) + cell(l.at, 22) + cell(l.user, 12) +
           files_in_brief(l.files) + ": " + l.summary + "\n";
  return out;
}

std::string StoreStatus::to_json() const {
  using Json = nlohmann::ordered_json;
  Json j;
  j["tables"] = Json::array();
  for (const auto& t : tables) {
    Json e = {{"table", t.table}, {"records", t.records}};
    if (!t.date_field.empty()) {
      e["date_field"] = t.date_field;
      e["earliest"] = t.earliest.empty() ? Json() : Json(t.earliest);
      e["latest"] = t.latest.empty() ? Json() : Json(t.latest);
    }
    j["tables"].push_back(std::move(e));
  }
  j["withdrawn"] = withdrawn;
  j["contributions"] = Json::array();
  for (const auto& c : contributions) {
    Json e = {{"id", c.id},       {"key", c.key()},         {"source", source_name(c.source)},
              {"table", c.table}, {"as_of", c.as_of.iso()}, {"files", c.files}};
    if (c.collection_year > 0) e["collection_year"] = financial_year(c.collection_year);
    j["contributions"].push_back(std::move(e));
  }
  j["loads"] = Json::array();
  for (const auto& l : loads)
    j["loads"].push_back(
        {{"id", l.id}, {"at", l.at}, {"user", l.user}, {"files", l.files}, {"summary", l.summary}});
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace beacon
