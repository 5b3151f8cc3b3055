// One row of an SSDA903 table as both front ends (CSV and EXPSSDA903 XML)
// hand it to the shared mapping: the cells by column name, each knowing where
// it was read so problems can point at it.
#ifndef BEACON_INGEST_SSDA903_ROW_H_
#define BEACON_INGEST_SSDA903_ROW_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/problem.h"

namespace beacon {

struct Ssda903Cell {
  std::string value;    // trimmed, as written
  std::string name;     // the column or element name as the source spells it (PL for PLACE)
  int line = 0;         // where the value was read
  std::string element;  // XML: path of the element holding the value; empty for CSV
  std::string bad;      // why the value could not be read (too long), or empty
};

struct Ssda903Row {
  int line = 0;         // CSV line, or the line of the XML element the row came from
  std::string element;  // XML element path, e.g. EXPSSDA903/CHILD[3]/EPISODE[2]
  // By canonical upper-case column name (PLACE, not PL).
  std::map<std::string, Ssda903Cell, std::less<>> cells;

  const Ssda903Cell* find(std::string_view column) const;
  void set(std::string column, Ssda903Cell cell) { cells[std::move(column)] = std::move(cell); }
};

// Reads typed values out of one row for the collection year. Only what
// stops a value being known is an error (a date that is not a date, a blank
// CHILD or identifying date); what the DfE rules merely query is a finding and
// the row is kept: a code missing from that year's list (kept as given), an
// unreadable yes/no or whole number (left blank). Cells already marked bad
// are reported on construction.
class Ssda903Cells {
 public:
  Ssda903Cells(const Ssda903Row& row, const std::string& file, int year, Problems& problems);

  // As written (trimmed); empty when the column is absent.
  std::string text(std::string_view column);
  // Upper-cased, a whole number written "1.0" as "1"; checked against the
  // code list `list` (data/code-lists/ssda903.csv) for the year.
  std::string code(std::string_view column, std::string_view list);
  // The child identifier; an error when blank.
  std::string child();
  OptDate date(std::string_view column);
  // A date that identifies the record (DECOM, REVIEW, …): an error when blank.
  std::optional<Date> key_date(std::string_view column);
  // 1/0, true/false, yes/no in any case, also "1.0".
  std::optional<bool> flag(std::string_view column);
  // A whole number of 0 or more, also written "10.0".
  std::optional<int> number(std::string_view column);

  bool has_errors() const { return errors_ > 0; }
  int year() const { return year_; }
  const Ssda903Row& row() const { return row_; }

  // Records a problem about `column` (or about the row when column is empty).
  void report(Severity severity, std::string_view column, std::string message, std::string code);

 private:
  const Ssda903Row& row_;
  const std::string& file_;
  int year_;
  Problems& problems_;
  int errors_ = 0;
};

// "10.0" → "10" (spreadsheets write whole numbers that way); else unchanged.
std::string drop_zero_fraction(std::string_view s);

}  // namespace beacon

#endif  // BEACON_INGEST_SSDA903_ROW_H_
