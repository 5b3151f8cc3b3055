// Reading the text of one CIN census leaf element as a typed value, and
// reporting what is wrong with it: file, line, element path, field and a plain
// message.
//
// Only what stops a value being known is an error (a date that is not a date,
// a two-digit year, an impossible day). Everything the DfE rules merely query
// is a finding and the value is kept as given: a code missing from that year's
// list, an unreadable yes/no or count (left blank).
#ifndef BEACON_INGEST_CIN_CENSUS_VALUES_H_
#define BEACON_INGEST_CIN_CENSUS_VALUES_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/problem.h"

namespace beacon {

// One leaf element as read: where it is and its trimmed text.
struct Leaf {
  const std::string& file;
  int line = 0;
  const std::string& path;  // e.g. Message/Children/Child[3]/CINdetails[1]/CINreferralDate
  std::string_view field;   // the element's name
  std::string_view text;
};

// Where the values' problems go, and the collection year for code lists
// (0 = not known: any year's list).
class LeafReader {
 public:
  LeafReader(Problems& problems, int year) : problems_(problems), year_(year) {}
  void set_year(int year) { year_ = year; }
  int year() const { return year_; }

  // A date; blank text gives nullopt. False (with an error reported) when
  // the text is not a date.
  bool date(const Leaf& leaf, OptDate& out);
  // true/false/1/0/yes/no in any case; anything else is a finding and blank.
  void flag(const Leaf& leaf, std::optional<bool>& out);
  // A whole number ≥ 0, also written "10.0"; anything else is a finding and blank.
  void count(const Leaf& leaf, std::optional<int>& out);
  // A code, upper-cased; a finding ("dq.code-unknown") when it is not in
  // `list` for the year. Blank text leaves `out` empty.
  void code(const Leaf& leaf, std::string_view list, std::string& out);
  // GenderCurrent (1/2/0/9) or Sex (M/F/U), either element in any year,
  // normalised to M/F/U; anything else is kept upper-cased with a finding.
  void sex(const Leaf& leaf, std::string& out);

  // Reports an error or a finding at the leaf.
  void error(const Leaf& leaf, std::string message, std::string code);
  void finding(const Leaf& leaf, std::string message, std::string code);

 private:
  Problems& problems_;
  int year_ = 0;
};

// The pieces, for tests: nullopt when the text is not of that kind.
std::optional<bool> parse_flag(std::string_view text);
std::optional<int> parse_whole_number(std::string_view text);
// "M", "F" or "U" for 1/2/0/9 or M/F/U (any case); empty otherwise.
std::string normalise_sex(std::string_view text);
std::string upper_ascii(std::string_view text);
// "2024-25" for 2024.
std::string collection_year_label(int year);

}  // namespace beacon

#endif  // BEACON_INGEST_CIN_CENSUS_VALUES_H_
