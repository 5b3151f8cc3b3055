// A thin RAII layer over libxlsxwriter: a workbook with Beacon's formats
// (headers, one-decimal numbers, dates, RAG fills that also carry the word).
#ifndef BEACON_EXPORT_XLSX_BOOK_H_
#define BEACON_EXPORT_XLSX_BOOK_H_

#include <optional>
#include <string>
#include <string_view>

#include <xlsxwriter.h>

#include "core/date.h"
#include "core/result.h"
#include "indicators/targets.h"

namespace beacon {

class XlsxBook {
 public:
  // Creates the workbook at `path`; `as_at` fixes the document's creation
  // date so the same inputs give the same file contents.
  XlsxBook(const std::string& path, Date as_at);
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  lxw_worksheet* sheet(std::string_view name);

  void header(lxw_worksheet* ws, int row, int col, std::string_view text);
  void text(lxw_worksheet* ws, int row, int col, std::string_view text);
  void number(lxw_worksheet* ws, int row, int col, std::optional<double> v, bool one_decimal = true);
  void date(lxw_worksheet* ws, int row, int col, OptDate d);
  void rag(lxw_worksheet* ws, int row, int col, Rag r);

  // Writes the file; the book is unusable afterwards.
  Status close();

 private:
  lxw_workbook* wb_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* decimal_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* wrap_ = nullptr;
  lxw_format* rag_[4] = {};
};

// Sheet names: at most 31 characters, none of []:*?/\ .
std::string sheet_name(std::string_view name);

}  // namespace beacon

#endif  // BEACON_EXPORT_XLSX_BOOK_H_
