#include "ingest/csv_reader.h"

#include <csv.h>

#include <sstream>

namespace beacon {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return false;
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and out-of-range code points are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

// libcsv delivers fields and row ends through callbacks; the parser feeds it
// one physical line at a time, so every callback knows its line.
struct CsvReader::Parser {
  csv_parser p{};
  int line = 0;  // physical line being fed
  CsvRow current;
  bool row_started = false;
  std::deque<CsvRow> ready;

  static void on_field(void* data, size_t len, void* self_ptr) {
    auto* self = static_cast<Parser*>(self_ptr);
    std::string_view raw(data ? static_cast<const char*>(data) : "", data ? len : 0);
    if (!self->row_started) {
      // A quoted first field may span lines; the row began where it began.
      int newlines = 0;
      for (char c : raw) newlines += c == '\n';
      self->current.line = self->line - newlines;
      self->row_started = true;
    }
    auto& row = self->current;
    if (row.bad_field < 0) {
      if (raw.size() > kMaxFieldBytes) {
        row.bad_field = static_cast<int>(row.fields.size());
        row.bad_reason = "field is " + std::to_string(raw.size()) +
                         " bytes long; the limit is " + std::to_string(kMaxFieldBytes);
        raw = raw.substr(0, 0);
      } else if (!valid_utf8(raw)) {
        row.bad_field = static_cast<int>(row.fields.size());
        row.bad_reason = "not valid UTF-8 text (save the file as UTF-8)";
        raw = raw.substr(0, 0);
      }
    }
    row.fields.emplace_back(trim_view(raw));
  }

  static void on_row(int, void* self_ptr) {
    auto* self = static_cast<Parser*>(self_ptr);
    if (!self->row_started) return;  // blank line
    bool blank = true;
    for (const auto& f : self->current.fields)
      if (!f.empty()) blank = false;
    if (!blank || self->current.bad_field >= 0) self->ready.push_back(std::move(self->current));
    self->current = CsvRow{};
    self->row_started = false;
  }
};

CsvReader::~CsvReader() {
  if (parser_) csv_free(&parser_->p);
}

Result<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path,
                                                    std::string display_name) {
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return Status::io_error(display_name + ": cannot open the file");
  std::unique_ptr<CsvReader> reader(new CsvReader());
  reader->in_ = std::move(file);
  reader->name_ = std::move(display_name);
  if (auto st = reader->start(); !st) return st;
  return reader;
}

Result<std::unique_ptr<CsvReader>> CsvReader::from_string(std::string data,
                                                           std::string display_name) {
  std::unique_ptr<CsvReader> reader(new CsvReader());
  reader->in_ = std::make_unique<std::istringstream>(std::move(data));
  reader->name_ = std::move(display_name);
  if (auto st = reader->start(); !st) return st;
  return reader;
}

Status CsvReader::start() {
  parser_ = std::make_unique<Parser>();
  if (csv_init(&parser_->p, CSV_APPEND_NULL) != 0) return Status::internal("csv_init failed");
  // Fields may hold up to kMaxFieldBytes; libcsv grows its buffer as needed.
  CsvRow row;
  if (!next(row)) {
    if (!problems_.empty()) return Status::invalid_input(problems_.front().to_string());
    return Status::invalid_input(name_ + ": the file is empty (no header row)");
  }
  if (row.bad_field >= 0)
    return Status::invalid_input(name_ + ":" + std::to_string(row.line) +
                                 ": header: " + row.bad_reason);
  header_ = std::move(row.fields);
  header_line_ = row.line;
  if (!header_.empty() && header_[0].rfind("\xEF\xBB\xBF", 0) == 0)
    header_[0] = std::string(trim_view(std::string_view(header_[0]).substr(3)));
  return Status::ok();
}

int CsvReader::column(std::string_view name) const {
  auto want = ascii_lower(name);
  for (size_t i = 0; i < header_.size(); ++i)
    if (ascii_lower(header_[i]) == want) return static_cast<int>(i);
  return -1;
}

bool CsvReader::fill() {
  if (at_end_) return false;
  std::string line;
  if (std::getline(*in_, line)) {
    ++parser_->line;
    if (parser_->line == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!in_->eof()) line.push_back('\n');
    if (csv_parse(&parser_->p, line.data(), line.size(), Parser::on_field, Parser::on_row,
                  parser_.get()) != line.size()) {
      problems_.push_back({Severity::kError, name_, parser_->line, "", "",
                           csv_strerror(csv_error(&parser_->p)), "csv.malformed"});
      at_end_ = true;
    }
    return true;
  }
  at_end_ = true;
  // libcsv reports an unclosed quote only in strict mode, so look for one here
  // (2 is libcsv's FIELD_BEGUN: a quoted field with no closing quote yet). The
  // half-read row is dropped rather than loaded with the rest of the file in it.
  if (parser_->p.quoted && parser_->p.pstate == 2) {
    problems_.push_back({Severity::kError, name_,
                         parser_->row_started ? parser_->current.line : parser_->line, "", "",
                         "the file ends inside a quoted field (a closing quote is missing)",
                         "csv.unterminated-quote"});
    return true;
  }
  if (csv_fini(&parser_->p, Parser::on_field, Parser::on_row, parser_.get()) != 0)
    problems_.push_back({Severity::kError, name_, parser_->line, "", "",
                         "the file ends inside a quoted field", "csv.unterminated-quote"});
  return true;
}

bool CsvReader::next(CsvRow& row) {
  while (parser_->ready.empty()) {
    if (at_end_) return false;
    fill();
  }
  row = std::move(parser_->ready.front());
  parser_->ready.pop_front();
  return true;
}

}  // namespace beacon
