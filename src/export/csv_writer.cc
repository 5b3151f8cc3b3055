#include "export/csv_writer.h"

#include "model/field_text.h"

namespace beacon {

void CsvWriter::separator() {
  if (!first_) out_ << ',';
  first_ = false;
}

CsvWriter& CsvWriter::text(std::string_view s) {
  separator();
  std::string cell;
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                     s[0] == '\r'))
    cell.push_back('\'');
  cell.append(s);
  if (cell.find_first_of(",\"\r\n") != std::string::npos) {
    out_ << '"';
    for (char c : cell) {
      if (c == '"') out_ << '"';
      out_ << c;
    }
    out_ << '"';
  } else {
    out_ << cell;
  }
  return *this;
}

CsvWriter& CsvWriter::number(double v) {
  separator();
  out_ << field_text(v);
  return *this;
}

CsvWriter& CsvWriter::empty() {
  separator();
  return *this;
}

void CsvWriter::end_row() {
  out_ << "\r\n";
  first_ = true;
}

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (const auto& c : cells) text(c);
  end_row();
}

}  // namespace beacon
