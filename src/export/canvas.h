// A page to draw reports on, over cairo: PDF (many pages) or PNG (one).
// Units are points (1/72 inch); the page is A4.
#ifndef BEACON_EXPORT_CANVAS_H_
#define BEACON_EXPORT_CANVAS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cairo.h>

#include "core/date.h"
#include "core/result.h"
#include "indicators/targets.h"

namespace beacon {

class Canvas {
 public:
  enum class Kind { kPdf, kPng };
  // A4 portrait (595 × 842 pt) or landscape.
  Canvas(Kind kind, std::string path, bool landscape, Date as_at, std::string title);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  double width() const { return width_; }
  double height() const { return height_; }

  // Text with its top-left at (x, y); returns its width. Bold/size per call.
  double text(double x, double y, std::string_view s, double size = 9, bool bold = false,
              double max_width = 0);
  // Wrapped text in a box `width` wide; returns the height used.
  double paragraph(double x, double y, double width, std::string_view s, double size = 9);
  void rule(double x, double y, double width);
  void rag_tag(double x, double y, Rag r);  // coloured box with the word
  // A sparkline of `values` in a w × h box, with the target as a dashed line.
  void sparkline(double x, double y, double w, double h, const std::vector<std::optional<double>>& values,
                 std::optional<double> target);
  void bar(double x, double y, double w, double h, double share);  // 0–100
  void new_page();

  // Finishes the file (PNG: writes it).
  Status finish();

 private:
  Kind kind_;
  std::string path_;
  double width_, height_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
};

}  // namespace beacon

#endif  // BEACON_EXPORT_CANVAS_H_
