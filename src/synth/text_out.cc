#include "synth/text_out.h"

#include <cerrno>
#include <cstring>

namespace beacon::synth {

OutFile::~OutFile() {
  if (f_) std::fclose(f_);
}

Status OutFile::open(const std::string& path) {
  path_ = path;
  f_ = std::fopen(path.c_str(), "wb");
  if (!f_) return Status::io_error("cannot write " + path + ": " + std::strerror(errno));
  buffer_.resize(1 << 20);
  std::setvbuf(f_, buffer_.data(), _IOFBF, buffer_.size());
  return Status::ok();
}

void OutFile::write(std::string_view s) {
  if (f_ && !failed_ && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
}

void OutFile::put(char c) {
  if (f_ && !failed_ && std::fputc(c, f_) == EOF) failed_ = true;
}

Status OutFile::close() {
  if (!f_) return Status::ok();
  bool bad = failed_ || std::fclose(f_) != 0;
  f_ = nullptr;
  if (bad) return Status::io_error("could not finish writing " + path_);
  return Status::ok();
}

Status CsvOut::open(const std::string& path, const std::vector<std::string>& columns) {
  if (auto s = file_.open(path); !s) return s;
  columns_ = columns.size();
  for (size_t i = 0; i < columns.size(); ++i) cell(columns[i], i == 0);
  file_.put('\n');
  return Status::ok();
}

void CsvOut::cell(std::string_view s, bool first) {
  if (!first) file_.put(',');
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    file_.write(s);
    return;
  }
  file_.put('"');
  for (char c : s) {
    if (c == '"') file_.put('"');
    file_.put(c);
  }
  file_.put('"');
}

void CsvOut::row(std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (auto c : cells) {
    cell(c, first);
    first = false;
  }
  file_.put('\n');
  ++rows_;
}

void CsvOut::row(const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) cell(cells[i], i == 0);
  file_.put('\n');
  ++rows_;
}

Status XmlOut::open(const std::string& path) {
  if (auto s = file_.open(path); !s) return s;
  file_.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  return Status::ok();
}

void XmlOut::indent() {
  for (size_t i = 0; i < stack_.size(); ++i) file_.write("  ");
}

void XmlOut::open_element(std::string_view name) {
  indent();
  file_.put('<');
  file_.write(name);
  file_.write(">\n");
  stack_.emplace_back(name);
}

void XmlOut::close_element() {
  std::string name = std::move(stack_.back());
  stack_.pop_back();
  indent();
  file_.write("</");
  file_.write(name);
  file_.write(">\n");
}

void XmlOut::leaf(std::string_view name, std::string_view text, bool keep_empty) {
  if (text.empty() && !keep_empty) return;
  indent();
  file_.put('<');
  file_.write(name);
  if (text.empty()) {
    file_.write("/>\n");
    return;
  }
  file_.put('>');
  for (char c : text) {
    switch (c) {
      case '&': file_.write("&amp;"); break;
      case '<': file_.write("&lt;"); break;
      case '>': file_.write("&gt;"); break;
      default: file_.put(c);
    }
  }
  file_.write("</");
  file_.write(name);
  file_.write(">\n");
}

Status XmlOut::close() {
  while (!stack_.empty()) close_element();
  return file_.close();
}

}  // namespace beacon::synth
