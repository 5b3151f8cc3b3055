#include "export/portrait_render.h"

#include <cstdio>

#include "export/canvas.h"
#include "export/kpi_output.h"

namespace beacon {
namespace {

std::string fmt(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

nlohmann::json portrait_json(const PenPortrait& p) {
  nlohmann::json j;
  j["cohort"] = cohort_id(p.cohort);
  j["title"] = cohort_title(p.cohort);
  j["at"] = p.at.iso();
  j["unit"] = p.unit_id;
  j["unit_name"] = p.unit_name;
  j["count"] = p.count;
  j["sections"] = nlohmann::json::array();
  for (const auto& s : p.sections) {
    nlohmann::json section{{"title", s.title}, {"items", nlohmann::json::array()}};
    for (const auto& i : s.items) {
      nlohmann::json item{{"label", i.label}};
      item["count"] = json_optional(i.count);
      item["share"] = i.share ? nlohmann::json(*i.share) : nlohmann::json(nullptr);
      item["value"] = i.value ? nlohmann::json(*i.value) : nlohmann::json(nullptr);
      if (!i.unit.empty()) item["unit"] = i.unit;
      section["items"].push_back(item);
    }
    j["sections"].push_back(section);
  }
  return j;
}

Status write_portrait_page(const std::string& path, const PenPortrait& p, bool png) {
  Canvas page(png ? Canvas::Kind::kPng : Canvas::Kind::kPdf, path, false, p.at,
              std::string("Pen portrait: ") + cohort_title(p.cohort));
  const double left = 36, width = page.width() - 72;
  page.text(left, 30, std::string("Pen portrait: ") + cohort_title(p.cohort), 17, true);
  page.text(left, 54, p.unit_name + " — at " + p.at.iso(), 10);
  page.text(left, 74, fmt(static_cast<double>(p.count), 0) + " children", 22, true);
  // Two columns of sections.
  double y[2] = {112, 112};
  const double col_w = (width - 24) / 2;
  for (const auto& s : p.sections) {
    const int c = y[0] <= y[1] ? 0 : 1;
    const double x = left + c * (col_w + 24);
    page.text(x, y[c], s.title, 10.5, true);
    y[c] += 16;
    for (const auto& i : s.items) {
      page.text(x, y[c], i.label, 8.5, false, col_w * 0.55);
      std::string figure;
      if (i.value) figure = fmt(*i.value, 1) + (i.unit.empty() ? "" : " " + i.unit);
      else if (i.count) figure = fmt(*i.count, 0) + (i.share ? " (" + fmt(*i.share, 1) + "%)" : "");
      else if (i.share) figure = fmt(*i.share, 1) + "%";
      page.text(x + col_w * 0.57, y[c], figure, 8.5, true);
      if (i.share) page.bar(x + col_w * 0.82, y[c] + 2, col_w * 0.18, 7, *i.share);
      y[c] += 13;
    }
    y[c] += 10;
  }
  page.text(left, page.height() - 30,
            "Ethnicity groups as the DfE's CIN and CLA statistics; disability 'known' = any code other than NONE.",
            7);
  return page.finish();
}

}  // namespace beacon
