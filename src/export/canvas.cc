#include "export/canvas.h"

#include <algorithm>
#include <cairo-pdf.h>

namespace beacon {
namespace {

constexpr const char* kFont = "DejaVu Sans";

void set_rgb(cairo_t* cr, uint32_t rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
}

}  // namespace

Canvas::Canvas(Kind kind, std::string path, bool landscape, Date as_at, std::string title)
    : kind_(kind), path_(std::move(path)) {
  width_ = landscape ? 842 : 595;
  height_ = landscape ? 595 : 842;
  if (kind_ == Kind::kPdf) {
    surface_ = cairo_pdf_surface_create(path_.c_str(), width_, height_);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Beacon");
    // A fixed creation date keeps the same inputs giving the same file.
    std::string date = as_at.iso() + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  } else {
    // 2× for a crisp image.
    surface_ = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width_ * 2),
                                          static_cast<int>(height_ * 2));
  }
  cr_ = cairo_create(surface_);
  if (kind_ == Kind::kPng) cairo_scale(cr_, 2, 2);
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
}

Canvas::~Canvas() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

double Canvas::text(double x, double y, std::string_view s, double size, bool bold,
                    double max_width) {
  std::string str(s);
  cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr_, size);
  cairo_text_extents_t ext;
  cairo_text_extents(cr_, str.c_str(), &ext);
  // Shorten with an ellipsis to fit, one UTF-8 character at a time.
  const std::string ellipsis = "\u2026";
  while (max_width > 0 && ext.x_advance > max_width && str.size() > ellipsis.size()) {
    if (str.size() >= ellipsis.size() &&
        str.compare(str.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0)
      str.resize(str.size() - ellipsis.size());
    while (!str.empty() && (static_cast<unsigned char>(str.back()) & 0xC0) == 0x80) str.pop_back();
    if (!str.empty()) str.pop_back();
    str += ellipsis;
    cairo_text_extents(cr_, str.c_str(), &ext);
  }
  set_rgb(cr_, 0x0B0C0C);
  cairo_move_to(cr_, x, y + size);
  cairo_show_text(cr_, str.c_str());
  return ext.x_advance;
}

double Canvas::paragraph(double x, double y, double width, std::string_view s, double size) {
  cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr_, size);
  std::string line, word;
  double used = 0;
  auto flush = [&] {
    if (line.empty()) return;
    text(x, y + used, line, size);
    used += size * 1.35;
    line.clear();
  };
  std::string rest(s);
  size_t pos = 0;
  while (pos <= rest.size()) {
    size_t sp = rest.find(' ', pos);
    word = rest.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
    std::string candidate = line.empty() ? word : line + " " + word;
    cairo_text_extents_t ext;
    cairo_text_extents(cr_, candidate.c_str(), &ext);
    if (ext.x_advance > width && !line.empty()) {
      flush();
      line = word;
    } else {
      line = candidate;
    }
    if (sp == std::string::npos) break;
    pos = sp + 1;
  }
  flush();
  return used;
}

void Canvas::rule(double x, double y, double width) {
  set_rgb(cr_, 0xB1B4B6);
  cairo_set_line_width(cr_, 0.5);
  cairo_move_to(cr_, x, y);
  cairo_line_to(cr_, x + width, y);
  cairo_stroke(cr_);
}

void Canvas::rag_tag(double x, double y, Rag r) {
  const uint32_t fills[4] = {0xE9EAEB, 0xCCE2D8, 0xFCD6C3, 0xF4CDC6};
  const uint32_t inks[4] = {0x383F43, 0x005A30, 0x6E3619, 0x2A0B06};
  const int i = static_cast<int>(r);
  set_rgb(cr_, fills[i]);
  cairo_rectangle(cr_, x, y, 52, 12);
  cairo_fill(cr_);
  cairo_select_font_face(cr_, kFont, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr_, 7.5);
  set_rgb(cr_, inks[i]);
  cairo_move_to(cr_, x + 3, y + 9);
  cairo_show_text(cr_, rag_label(r));
}

void Canvas::sparkline(double x, double y, double w, double h,
                       const std::vector<std::optional<double>>& values,
                       std::optional<double> target) {
  double lo = 1e300, hi = -1e300;
  for (const auto& v : values)
    if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
  if (target) lo = std::min(lo, *target), hi = std::max(hi, *target);
  if (lo > hi) return;
  if (hi - lo < 1e-9) hi = lo + 1;
  auto ypos = [&](double v) { return y + h - (v - lo) / (hi - lo) * h; };
  if (target) {
    const double dash[] = {2, 2};
    cairo_set_dash(cr_, dash, 2, 0);
    set_rgb(cr_, 0x505A5F);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, x, ypos(*target));
    cairo_line_to(cr_, x + w, ypos(*target));
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }
  set_rgb(cr_, 0x1D70B8);
  cairo_set_line_width(cr_, 1);
  bool pen = false;
  const double step = values.size() > 1 ? w / static_cast<double>(values.size() - 1) : 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) {
      pen = false;
      continue;
    }
    const double px = x + step * static_cast<double>(i), py = ypos(*values[i]);
    if (pen) cairo_line_to(cr_, px, py);
    else cairo_move_to(cr_, px, py);
    pen = true;
  }
  cairo_stroke(cr_);
}

void Canvas::bar(double x, double y, double w, double h, double share) {
  set_rgb(cr_, 0xF3F2F1);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_fill(cr_);
  set_rgb(cr_, 0x1D70B8);
  cairo_rectangle(cr_, x, y, w * std::clamp(share, 0.0, 100.0) / 100.0, h);
  cairo_fill(cr_);
}

void Canvas::new_page() {
  if (kind_ == Kind::kPdf) {
    cairo_show_page(cr_);
    cairo_set_source_rgb(cr_, 1, 1, 1);
    cairo_paint(cr_);
  }
}

Status Canvas::finish() {
  cairo_status_t st = CAIRO_STATUS_SUCCESS;
  if (kind_ == Kind::kPng) {
    cairo_surface_flush(surface_);
    st = cairo_surface_write_to_png(surface_, path_.c_str());
  } else {
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    st = cairo_surface_status(surface_);
  }
  if (st != CAIRO_STATUS_SUCCESS) return Status::io_error(path_ + ": " + cairo_status_to_string(st));
  return Status::ok();
}

}  // namespace beacon
