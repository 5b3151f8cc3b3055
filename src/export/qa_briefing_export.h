// The learning briefing as a PDF (A4, for circulating after the cycle) and a
// workbook (the figures for the practice hub to work on). Both carry the same
// figures as the page.
#ifndef BEACON_EXPORT_QA_BRIEFING_EXPORT_H_
#define BEACON_EXPORT_QA_BRIEFING_EXPORT_H_

#include <functional>
#include <string>

#include "core/result.h"
#include "qa/briefing.h"

namespace beacon {

// `name_of` names units (localities, services); `as_at` fixes the documents'
// dates so the same briefing gives the same bytes.
Status write_briefing_pdf(const qa::Briefing& b,
                          const std::function<std::string(const std::string&)>& name_of,
                          const std::string& path, Date as_at);
Status write_briefing_xlsx(const qa::Briefing& b,
                           const std::function<std::string(const std::string&)>& name_of,
                           const std::string& path, Date as_at);

}  // namespace beacon

#endif  // BEACON_EXPORT_QA_BRIEFING_EXPORT_H_
