// Writing CSV the way spreadsheet users expect: RFC 4180 quoting, CRLF line
// ends, UTF-8, and text that a spreadsheet would run as a formula neutralised.
#ifndef BEACON_EXPORT_CSV_WRITER_H_
#define BEACON_EXPORT_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace beacon {

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  // Text cell: quoted when needed; a leading = + - @ tab or CR is prefixed with
  // an apostrophe so spreadsheets show it instead of running it.
  CsvWriter& text(std::string_view s);
  // Number cell, shortest exact form.
  CsvWriter& number(double v);
  CsvWriter& empty();
  void end_row();
  void row(const std::vector<std::string>& cells);

 private:
  void separator();
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace beacon

#endif  // BEACON_EXPORT_CSV_WRITER_H_
