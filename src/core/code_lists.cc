#include "core/code_lists.h"

#include <charconv>

namespace beacon {
namespace embedded {
extern const std::string_view code_lists_csv;
}

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

// Splits one CSV line; labels may be quoted and contain commas.
std::vector<std::string> split_line(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cur));
      cur.clear();
    } else if (c != '\r') {
      cur.push_back(c);
    }
  }
  out.push_back(std::move(cur));
  return out;
}

int year_or(std::string_view s, int fallback) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() ? v : fallback;
}

}  // namespace

CodeLists CodeLists::parse(std::string_view csv) {
  CodeLists out;
  while (!csv.empty()) {
    auto nl = csv.find('\n');
    auto line = csv.substr(0, nl);
    csv = nl == std::string_view::npos ? std::string_view() : csv.substr(nl + 1);
    if (line.empty() || line[0] == '#') continue;
    auto cells = split_line(line);
    if (cells.size() < 2 || cells[0].empty()) continue;
    CodeEntry e;
    e.code = upper(cells[1]);
    if (cells.size() > 2) e.label = cells[2];
    if (cells.size() > 3) e.from_year = year_or(cells[3], 0);
    if (cells.size() > 4) e.to_year = year_or(cells[4], 9999);
    out.lists_[cells[0]].push_back(std::move(e));
  }
  return out;
}

const CodeLists& CodeLists::shipped() {
  static const CodeLists lists = parse(embedded::code_lists_csv);
  return lists;
}

bool CodeLists::has_list(std::string_view list) const { return lists_.find(list) != lists_.end(); }

const std::vector<CodeEntry>* CodeLists::entries(std::string_view list) const {
  auto it = lists_.find(list);
  return it == lists_.end() ? nullptr : &it->second;
}

bool CodeLists::valid(std::string_view list, std::string_view code, int year) const {
  const auto* list_entries = entries(list);
  if (!list_entries) return true;
  auto want = upper(code);
  for (const auto& e : *list_entries)
    if (e.code == want && (year == 0 || (year >= e.from_year && year <= e.to_year))) return true;
  return false;
}

std::string CodeLists::label(std::string_view list, std::string_view code) const {
  const auto* list_entries = entries(list);
  if (!list_entries) return {};
  auto want = upper(code);
  for (const auto& e : *list_entries)
    if (e.code == want) return e.label;
  return {};
}

}  // namespace beacon
