// The collection year of an SSDA903 return: the CSVs carry none, so it comes
// from --year, from a year written in a file or folder name, or from the
// latest dates in the files (../shared/README.md).
#ifndef BEACON_INGEST_SSDA903_YEAR_H_
#define BEACON_INGEST_SSDA903_YEAR_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "ingest/input_file.h"

namespace beacon {

// "2024-25" for 2024.
std::string financial_year_label(int year);
// 31 March ending the collection year: 2025-03-31 for 2024.
Date collection_year_end(int year);

// A financial year written as "2024-25", "2024_25", "2024-2025" or
// "2024_2025" (the second year must follow the first; digits may not touch
// either end), or nullopt. "2024-05-01" is not a year.
std::optional<int> financial_year_in(std::string_view text);

// The year given by a file's name, else by the name of a folder it is in
// (nearest first), with how it was found: "the file name episodes_2024-25.csv",
// "the folder name 903_2024_25".
struct NamedYear {
  int year = 0;
  std::string how;
};
std::optional<NamedYear> financial_year_from_names(const InputFile& file);

// Keeps the latest of the dates that place a return in its year: DECOM, DEC,
// REVIEW, MIS_START, DATE_MATCH. Unreadable dates are ignored here (the
// reader reports them).
class LatestReturnDate {
 public:
  static bool counts(std::string_view column);  // upper-case column name
  void offer(std::string_view column, std::string_view value, const std::string& where);
  bool found() const { return latest_.has_value(); }
  int year() const { return latest_->financial_year(); }
  // "inferred from the latest date in the files, DEC 14/03/2025 (episodes.csv line 7)"
  std::string how() const;

 private:
  std::optional<Date> latest_;
  std::string column_, where_;
};

}  // namespace beacon

#endif  // BEACON_INGEST_SSDA903_YEAR_H_
