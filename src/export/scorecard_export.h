// The scorecard as a workbook (one sheet per view: the organisation and each
// locality, a teams sheet, and a series sheet) and as a printable PDF.
#ifndef BEACON_EXPORT_SCORECARD_EXPORT_H_
#define BEACON_EXPORT_SCORECARD_EXPORT_H_

#include <string>
#include <vector>

#include "core/result.h"
#include "indicators/scorecard.h"

namespace beacon {

struct ScorecardView {
  std::string title;  // "Whole organisation", "East", …
  std::string unit_id;
  std::vector<Figure> figures;
};

// The views a report holds: the unit itself, then each unit directly below it.
std::vector<ScorecardView> scorecard_views(const IndicatorEngine& engine, const Period& period,
                                           std::string_view unit, int series_points,
                                           bool contract_only);

Status write_scorecard_xlsx(const std::string& path, const IndicatorEngine& engine,
                            const Period& period, const std::vector<ScorecardView>& views);

Status write_scorecard_pdf(const std::string& path, const IndicatorEngine& engine,
                           const Period& period, const std::vector<ScorecardView>& views);

}  // namespace beacon

#endif  // BEACON_EXPORT_SCORECARD_EXPORT_H_
