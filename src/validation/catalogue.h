// The DfE validation rules of the CIN census and the SSDA903 return, kept as
// data: each rule's code, kind (error or query), the collection years each
// version applies to, tables, fields and message. The tables are
// data/validation/*.csv, copied from ../shared/returns/ without the condition
// text (docs/validation.md), and compiled into the binary.
#ifndef BEACON_VALIDATION_CATALOGUE_H_
#define BEACON_VALIDATION_CATALOGUE_H_

#include <string>
#include <string_view>
#include <vector>

namespace beacon::validation {

enum class Collection { kCinCensus, kSsda903 };
// "cin-census", "ssda903".
const char* collection_name(Collection c);

// One version of one rule (a few codes changed between years and have two).
struct RuleInfo {
  std::string code;
  std::string kind;            // "error" or "query"
  std::vector<int> years;      // starting calendar years: 2024 is 2024-25
  std::vector<std::string> tables;
  std::vector<std::string> fields;
  std::string message;

  bool applies_in(int year) const;
};

// Every rule version of a collection, in the catalogue's order.
const std::vector<RuleInfo>& catalogue(Collection c);
// The version of `code` in force in `year`, or nullptr.
const RuleInfo* rule_in_year(Collection c, std::string_view code, int year);
// The collection years the catalogue covers (2022..2025 for the CIN census).
std::vector<int> catalogue_years(Collection c);

}  // namespace beacon::validation

#endif  // BEACON_VALIDATION_CATALOGUE_H_
