// A pen portrait as one printable page (PDF or PNG), and as JSON.
#ifndef BEACON_EXPORT_PORTRAIT_RENDER_H_
#define BEACON_EXPORT_PORTRAIT_RENDER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "portraits/pen_portrait.h"

namespace beacon {

nlohmann::json portrait_json(const PenPortrait& p);
// `png`: an image instead of a PDF.
Status write_portrait_page(const std::string& path, const PenPortrait& p, bool png);

}  // namespace beacon

#endif  // BEACON_EXPORT_PORTRAIT_RENDER_H_
