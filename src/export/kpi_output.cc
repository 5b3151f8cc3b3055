#include "export/kpi_output.h"

#include <cmath>
#include <sstream>

#include "export/csv_writer.h"
#include "model/field_text.h"

namespace beacon {

nlohmann::json json_number(double v) {
  if (std::isfinite(v) && std::fabs(v) < 9e15 && v == std::floor(v))
    return static_cast<int64_t>(v);
  return v;
}

nlohmann::json json_optional(const std::optional<double>& v) {
  return v ? json_number(*v) : nlohmann::json(nullptr);
}

nlohmann::json figure_json(const Figure& f) {
  const IndicatorDef& def = *f.def;
  nlohmann::json j;
  j["id"] = def.id;
  j["name"] = def.name;
  j["kind"] = kind_name(def.kind);
  j["measure"] = def.measure;
  j["value"] = f.value ? nlohmann::json(*f.value) : nlohmann::json(nullptr);
  j["numerator"] = json_number(f.total.numerator);
  j["denominator"] = json_number(f.total.denominator);
  j["polarity"] = polarity_name(f.settings.polarity);
  j["target"] = json_optional(f.settings.target);
  if (f.settings.tolerance_low || f.settings.tolerance_high)
    j["tolerance"] = {json_optional(f.settings.tolerance_low), json_optional(f.settings.tolerance_high)};
  else
    j["tolerance"] = nullptr;
  j["rag"] = rag_name(f.rag);
  j["trend"] = trend_name(f.trend.trend);
  j["benchmarks"] = {{"england", json_optional(f.settings.england)},
                     {"statistical_neighbours", json_optional(f.settings.statistical_neighbours)},
                     {"region", json_optional(f.settings.region)}};
  nlohmann::json series = nlohmann::json::array();
  for (const auto& p : f.series)
    series.push_back({{"to", p.to.iso()},
                      {"value", p.value ? nlohmann::json(*p.value) : nlohmann::json(nullptr)},
                      {"numerator", json_number(p.total.numerator)},
                      {"denominator", json_number(p.total.denominator)},
                      {"rag", rag_name(p.rag)}});
  j["series"] = series;
  j["narrative"] = f.narrative;
  j["period"] = {{"from", f.period.from.iso()}, {"to", f.period.to.iso()}};
  if (!f.notes.empty()) j["notes"] = f.notes;
  return j;
}

nlohmann::json contract_figure_json(const Figure& f) {
  const nlohmann::json full = figure_json(f);
  nlohmann::json j;
  for (const char* key : {"id", "name", "kind", "measure", "value", "numerator", "denominator",
                          "polarity", "target", "rag", "trend", "benchmarks"})
    j[key] = full.at(key);
  // Always a pair, [low, high], each null when not set.
  j["tolerance"] = {json_optional(f.settings.tolerance_low),
                    json_optional(f.settings.tolerance_high)};
  nlohmann::json series = nlohmann::json::array();
  for (const auto& p : f.series)
    series.push_back({{"to", p.to.iso()},
                      {"value", p.value ? nlohmann::json(*p.value) : nlohmann::json(nullptr)}});
  j["series"] = series;
  // The contract has no field for caveats: the narrative carries them.
  std::string narrative = f.narrative;
  for (const auto& note : f.notes) {
    if (!narrative.empty()) narrative += " ";
    narrative += "Note: " + note + ".";
  }
  j["narrative"] = narrative;
  return j;
}

nlohmann::json kpi_json(const Period& period, const std::string& unit_id,
                        const std::vector<Figure>& figures) {
  nlohmann::json j;
  j["from"] = period.from.iso();
  j["to"] = period.to.iso();
  j["unit"] = unit_id;
  j["indicators"] = nlohmann::json::array();
  for (const auto& f : figures) j["indicators"].push_back(contract_figure_json(f));
  return j;
}

std::string kpi_csv(const std::vector<Figure>& figures) {
  std::ostringstream out;
  CsvWriter csv(out);
  csv.row({"id", "name", "kind", "measure", "from", "to", "value", "numerator", "denominator",
           "polarity", "target", "tolerance_low", "tolerance_high", "rag", "trend", "england",
           "statistical_neighbours", "region", "narrative"});
  auto opt = [&](const std::optional<double>& v) {
    if (v) csv.number(*v);
    else csv.empty();
  };
  for (const auto& f : figures) {
    csv.text(f.def->id).text(f.def->name).text(kind_name(f.def->kind)).text(f.def->measure);
    csv.text(f.period.from.iso()).text(f.period.to.iso());
    opt(f.value);
    csv.number(f.total.numerator).number(f.total.denominator);
    csv.text(polarity_name(f.settings.polarity));
    opt(f.settings.target);
    opt(f.settings.tolerance_low);
    opt(f.settings.tolerance_high);
    csv.text(rag_name(f.rag)).text(trend_name(f.trend.trend));
    opt(f.settings.england);
    opt(f.settings.statistical_neighbours);
    opt(f.settings.region);
    csv.text(f.narrative);
    csv.end_row();
  }
  return out.str();
}

}  // namespace beacon
