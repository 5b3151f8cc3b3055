#include "ingest/ssda903_tables.h"

#include <set>

#include "ingest/csv_reader.h"
#include "ingest/readers.h"

namespace beacon {
namespace {

// Column names compared upper-case, surrounding spaces ignored.
std::set<std::string> normalised(const std::vector<std::string>& header) {
  std::set<std::string> out;
  for (const auto& h : header) {
    std::string s(trim_view(h));
    for (char& c : s)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    out.insert(std::move(s));
  }
  return out;
}

// The columns of a table's spec that the header does not hold.
std::vector<std::string> missing_columns(const Ssda903TableSpec& spec,
                                         const std::set<std::string>& have) {
  std::vector<std::string> out;
  for (const char* col : spec.required)
    if (!have.count(col)) out.emplace_back(col);
  return out;
}

}  // namespace

const std::vector<Ssda903TableSpec>& ssda903_tables() {
  static const std::vector<Ssda903TableSpec> tables = {
      {Ssda903Table::kHeader,
       "Header",
       {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
       {}},
      {Ssda903Table::kEpisodes,
       "Episodes",
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"},
       {}},
      {Ssda903Table::kReviews, "Reviews", {"CHILD", "REVIEW", "REVIEW_CODE"}, {"DOB"}},
      {Ssda903Table::kUasc, "UASC", {"CHILD", "DUC"}, {"SEX", "DOB"}},
      {Ssda903Table::kOc2,
       "OC2",
       {"CHILD", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
        "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED"},
       {"DOB"}},
      {Ssda903Table::kOc3, "OC3", {"CHILD", "IN_TOUCH", "ACTIV", "ACCOM"}, {"DOB"}},
      {Ssda903Table::kAd1,
       "AD1",
       {"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
       {"DOB"}},
      {Ssda903Table::kPlacedAdoption,
       "PlacedAdoption",
       {"CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
       {"DOB"}},
      {Ssda903Table::kPrevPerm,
       "PrevPerm",
       {"CHILD", "PREV_PERM", "LA_PERM", "DATE_PERM"},
       {"DOB"}},
      {Ssda903Table::kMissing, "Missing", {"CHILD", "MISSING", "MIS_START", "MIS_END"}, {"DOB"}},
      {Ssda903Table::kSwEpisodes,
       "SWEpisodes",
       {"CHILD", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
       {"DOB"}},
      {Ssda903Table::kDoLo, "DoLo", {"CHILD", "DOLO_START", "DOLO_END"}, {"DOB"}},
  };
  return tables;
}

const Ssda903TableSpec& ssda903_spec(Ssda903Table table) {
  return ssda903_tables()[static_cast<size_t>(table)];
}

const Ssda903TableSpec* ssda903_spec_named(std::string_view name) {
  auto want = ascii_lower(trim_view(name));
  for (const auto& spec : ssda903_tables())
    if (ascii_lower(spec.name) == want) return &spec;
  return nullptr;
}

std::optional<Ssda903Table> ssda903_table_of(const std::vector<std::string>& header) {
  auto have = normalised(header);
  const Ssda903TableSpec* best = nullptr;
  for (const auto& spec : ssda903_tables())
    if (missing_columns(spec, have).empty() &&
        (!best || spec.required.size() > best->required.size()))
      best = &spec;
  if (!best) return std::nullopt;
  return best->table;
}

std::optional<Ssda903NearMiss> ssda903_near_miss(const std::vector<std::string>& header) {
  auto have = normalised(header);
  if (ssda903_table_of(header)) return std::nullopt;
  std::optional<Ssda903NearMiss> best;
  size_t best_present = 0;
  for (const auto& spec : ssda903_tables()) {
    auto missing = missing_columns(spec, have);
    size_t present = spec.required.size() - missing.size();
    // CHILD and DOB are in nearly every table, so they alone say nothing.
    size_t distinctive = 0;
    for (const char* col : spec.required)
      if (have.count(col) && std::string_view(col) != "CHILD" && std::string_view(col) != "DOB")
        ++distinctive;
    if (distinctive == 0 || present * 2 < spec.required.size()) continue;
    if (!best || present > best_present ||
        (present == best_present && missing.size() < best->missing.size())) {
      best = Ssda903NearMiss{spec.table, std::move(missing)};
      best_present = present;
    }
  }
  return best;
}

std::string Ssda903NearMiss::message() const {
  std::string out = std::string("looks like SSDA903 ") + ssda903_spec(table).name + " but lacks ";
  out += missing.size() == 1 ? "the column " : "the columns ";
  for (size_t i = 0; i < missing.size(); ++i) out += (i ? ", " : "") + missing[i];
  return out;
}

std::optional<std::string> ssda903_table_for_header(const std::vector<std::string>& header) {
  auto table = ssda903_table_of(header);
  if (!table) return std::nullopt;
  return std::string(ssda903_spec(*table).name);
}

}  // namespace beacon
