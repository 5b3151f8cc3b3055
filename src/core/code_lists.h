// The national code lists (CIN census, SSDA903, ethnicity, …) as data.
//
// The lists live in data/code-lists/*.csv (columns list,code,label,
// from_year,to_year; years are collection years by their starting calendar
// year, blank = open-ended) and are compiled into the binary. A code missing
// from a year's list is a data-quality finding, never a load failure.
#ifndef BEACON_CORE_CODE_LISTS_H_
#define BEACON_CORE_CODE_LISTS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace beacon {

struct CodeEntry {
  std::string code;
  std::string label;
  int from_year = 0;     // first collection year the code is valid
  int to_year = 9999;    // last collection year the code is valid
};

class CodeLists {
 public:
  // The lists shipped in data/code-lists.
  static const CodeLists& shipped();
  // Parses rows "list,code,label,from_year,to_year" (no header).
  static CodeLists parse(std::string_view csv);

  bool has_list(std::string_view list) const;
  // True when `code` (compared case-insensitively) is in `list` for the
  // collection year (0 = any year). Unknown lists accept every code.
  bool valid(std::string_view list, std::string_view code, int year = 0) const;
  // The code's label, or empty.
  std::string label(std::string_view list, std::string_view code) const;
  const std::vector<CodeEntry>* entries(std::string_view list) const;

 private:
  std::map<std::string, std::vector<CodeEntry>, std::less<>> lists_;
};

}  // namespace beacon

#endif  // BEACON_CORE_CODE_LISTS_H_
