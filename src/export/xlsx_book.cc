#include "export/xlsx_book.h"

#include <cmath>

#include <ctime>

namespace beacon {

std::string sheet_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = ' ';
    out.push_back(c);
  }
  // Cut at 31 bytes without splitting a UTF-8 character.
  if (out.size() > 31) {
    size_t cut = 31;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out.empty() ? "Sheet" : out;
}

XlsxBook::XlsxBook(const std::string& path, Date as_at) {
  wb_ = workbook_new(path.c_str());
  if (!wb_) return;
  lxw_doc_properties props{};
  props.title = const_cast<char*>("Beacon");
  props.author = const_cast<char*>("Beacon");
  std::tm tm{};
  tm.tm_year = as_at.year() - 1900;
  tm.tm_mon = as_at.month() - 1;
  tm.tm_mday = as_at.day();
  props.created = timegm(&tm);
  workbook_set_properties(wb_, &props);
  header_ = workbook_add_format(wb_);
  format_set_bold(header_);
  format_set_bg_color(header_, 0xF3F2F1);
  format_set_text_wrap(header_);
  format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
  decimal_ = workbook_add_format(wb_);
  format_set_num_format(decimal_, "0.0");
  date_ = workbook_add_format(wb_);
  format_set_num_format(date_, "yyyy-mm-dd");
  wrap_ = workbook_add_format(wb_);
  format_set_text_wrap(wrap_);
  format_set_align(wrap_, LXW_ALIGN_VERTICAL_TOP);
  // RAG fills (GOV.UK tag tints) with dark text; the cell always holds the word.
  const uint32_t fills[4] = {0xE9EAEB, 0xCCE2D8, 0xFCD6C3, 0xF4CDC6};
  const uint32_t inks[4] = {0x383F43, 0x005A30, 0x6E3619, 0x2A0B06};
  for (int i = 0; i < 4; ++i) {
    rag_[i] = workbook_add_format(wb_);
    format_set_bg_color(rag_[i], fills[i]);
    format_set_font_color(rag_[i], inks[i]);
    format_set_bold(rag_[i]);
  }
}

XlsxBook::~XlsxBook() {
  if (wb_) workbook_close(wb_);
}

lxw_worksheet* XlsxBook::sheet(std::string_view name) {
  return workbook_add_worksheet(wb_, sheet_name(name).c_str());
}

void XlsxBook::header(lxw_worksheet* ws, int row, int col, std::string_view text) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                         std::string(text).c_str(), header_);
}

void XlsxBook::text(lxw_worksheet* ws, int row, int col, std::string_view text) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                         std::string(text).c_str(), nullptr);
}

void XlsxBook::number(lxw_worksheet* ws, int row, int col, std::optional<double> v,
                      bool one_decimal) {
  if (!v || !std::isfinite(*v)) return;  // a suppressed count stays blank
  worksheet_write_number(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), *v,
                         one_decimal ? decimal_ : nullptr);
}

void XlsxBook::date(lxw_worksheet* ws, int row, int col, OptDate d) {
  if (!d) return;
  lxw_datetime dt{d->year(), d->month(), d->day(), 0, 0, 0};
  worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &dt, date_);
}

void XlsxBook::rag(lxw_worksheet* ws, int row, int col, Rag r) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                         rag_label(r), rag_[static_cast<int>(r)]);
}

Status XlsxBook::close() {
  if (!wb_) return Status::io_error("could not create the workbook");
  lxw_error err = workbook_close(wb_);
  wb_ = nullptr;
  if (err != LXW_NO_ERROR) return Status::io_error(lxw_strerror(err));
  return Status::ok();
}

}  // namespace beacon
