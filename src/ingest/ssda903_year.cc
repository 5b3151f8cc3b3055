#include "ingest/ssda903_year.h"

#include <cstdio>
#include <filesystem>
#include <vector>

namespace beacon {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_at(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

bool all_digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!is_digit(s[i])) return false;
  return true;
}

// The last path components of `path` that are folders, nearest first.
std::vector<std::string> folders_of(const std::string& path) {
  std::vector<std::string> out;
  std::filesystem::path p(path);
  for (auto parent = p.parent_path(); !parent.empty() && parent.has_filename();
       parent = parent.parent_path()) {
    out.push_back(parent.filename().string());
    if (parent == parent.parent_path()) break;
  }
  return out;
}

}  // namespace

std::string financial_year_label(int year) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d-%02d", year, (year + 1) % 100);
  return buf;
}

Date collection_year_end(int year) { return *Date::from_ymd(year + 1, 3, 31); }

std::optional<int> financial_year_in(std::string_view s) {
  for (size_t i = 0; i + 7 <= s.size(); ++i) {
    if (i > 0 && is_digit(s[i - 1])) continue;
    if (!all_digits(s, i, 4) || (s[i + 4] != '-' && s[i + 4] != '_')) continue;
    int first = digits_at(s, i, 4);
    if (first < 1990 || first > 2100) continue;
    size_t second_at = i + 5;
    size_t len = all_digits(s, second_at, 4) ? 4 : all_digits(s, second_at, 2) ? 2 : 0;
    if (len == 0) continue;
    if (second_at + len < s.size() && is_digit(s[second_at + len])) continue;
    int second = digits_at(s, second_at, len);
    bool follows = len == 4 ? second == first + 1 : second == (first + 1) % 100;
    if (follows) return first;
  }
  return std::nullopt;
}

std::optional<NamedYear> financial_year_from_names(const InputFile& file) {
  // The name the user gave first; the real path may add the folders it sits in.
  for (const std::string* p : {&file.name, &file.path}) {
    auto base = std::filesystem::path(*p).filename().string();
    if (auto y = financial_year_in(base)) return NamedYear{*y, "the file name " + base};
  }
  for (const std::string* p : {&file.name, &file.path})
    for (const auto& folder : folders_of(*p))
      if (auto y = financial_year_in(folder)) return NamedYear{*y, "the folder name " + folder};
  return std::nullopt;
}

bool LatestReturnDate::counts(std::string_view column) {
  return column == "DECOM" || column == "DEC" || column == "REVIEW" || column == "MIS_START" ||
         column == "DATE_MATCH";
}

void LatestReturnDate::offer(std::string_view column, std::string_view value,
                             const std::string& where) {
  if (!counts(column)) return;
  auto d = parse_date(value);
  if (!d || (latest_ && *d <= *latest_)) return;
  latest_ = d;
  column_ = std::string(column) + " " + std::string(value);
  where_ = where;
}

std::string LatestReturnDate::how() const {
  return "inferred from the latest date in the files, " + column_ + " (" + where_ + ")";
}

}  // namespace beacon
