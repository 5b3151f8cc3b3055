// Streaming writers for the generated files: CSV rows and XML elements go
// straight to the file through a buffer, never a whole file in memory.
#ifndef BEACON_SYNTH_TEXT_OUT_H_
#define BEACON_SYNTH_TEXT_OUT_H_

#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace beacon::synth {

// A file opened for writing, with its own large buffer. Errors are sticky and
// reported by close().
class OutFile {
 public:
  OutFile() = default;
  ~OutFile();
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;

  Status open(const std::string& path);
  void write(std::string_view s);
  void put(char c);
  Status close();
  const std::string& path() const { return path_; }

 private:
  std::FILE* f_ = nullptr;
  std::string path_;
  std::vector<char> buffer_;
  bool failed_ = false;
};

// UTF-8 CSV with a header row; fields quoted only when they need it.
class CsvOut {
 public:
  Status open(const std::string& path, const std::vector<std::string>& columns);
  // One row; must have as many cells as there are columns.
  void row(std::initializer_list<std::string_view> cells);
  void row(const std::vector<std::string>& cells);
  Status close() { return file_.close(); }
  size_t columns() const { return columns_; }
  int64_t rows() const { return rows_; }

 private:
  void cell(std::string_view s, bool first);
  OutFile file_;
  size_t columns_ = 0;
  int64_t rows_ = 0;
};

// Indented XML, elements opened and closed in order.
class XmlOut {
 public:
  Status open(const std::string& path);
  void open_element(std::string_view name);
  void close_element();
  // <name>text</name>; nothing at all when `text` is empty and `keep_empty` false.
  void leaf(std::string_view name, std::string_view text, bool keep_empty = false);
  Status close();

 private:
  void indent();
  OutFile file_;
  std::vector<std::string> stack_;
};

}  // namespace beacon::synth

#endif  // BEACON_SYNTH_TEXT_OUT_H_
