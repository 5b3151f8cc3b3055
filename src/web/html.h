// Writing HTML safely: escaping, and the few GOV.UK Frontend components the
// pages share (tags, breadcrumbs, pagination, error summary), with their
// markup as the govuk-frontend package's fixtures show it.
#ifndef BEACON_WEB_HTML_H_
#define BEACON_WEB_HTML_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "indicators/targets.h"
#include "indicators/trend.h"

namespace beacon::web {

// Text for element content and attribute values: & < > " ' escaped.
std::string esc(std::string_view s);

// The RAG status as a GOV.UK tag: colour and the word ("Green", "Amber",
// "Red", "Not rated"), so colour is never the only signal.
std::string rag_tag(Rag r);
// The trend as an arrow (hidden from screen readers) and a word.
std::string trend_text(Trend t);

struct Crumb {
  std::string label;
  std::string href;  // empty: the current page (not a link)
};
std::string breadcrumbs(const std::vector<Crumb>& crumbs);

// Previous / next links and "Page 2 of 7"; `href_for(page)` builds each link.
template <class F>
std::string pagination(int page, int pages, F href_for);
std::string pagination_html(int page, int pages, const std::string& prev_href,
                            const std::string& next_href);

// An error summary linking each message to its field (`href` = "#field-id").
std::string error_summary(const std::vector<std::pair<std::string, std::string>>& errors);

// A GOV.UK table that scrolls inside its own box when wide: `head` cells
// (escaped here), then rows of cells given as HTML (escape text with esc);
// the first cell of each row is the row header.
std::string table(const std::string& id, const std::string& caption,
                  const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& numeric = {});

// A date as a form shows it for typing, the UK way: "31/03/2026" (forms
// accept day/month/year and YYYY-MM-DD alike).
std::string uk_date(Date d);
// A stored time stamp ("2025-04-01T09:05:00Z") as people read it: "1 April
// 2025 at 09:05" (UTC); text that is not a time stamp is returned as it is.
std::string when_text(const std::string& iso);
// The hint under every date box.
inline constexpr const char* kDateHint = "For example, 31/3/2026";

// "1,234".
std::string thousands(int64_t n);
// A number with one decimal place, or "–".
std::string one_decimal(std::optional<double> v);

template <class F>
std::string pagination(int page, int pages, F href_for) {
  return pagination_html(page, pages, page > 1 ? href_for(page - 1) : std::string(),
                         page < pages ? href_for(page + 1) : std::string());
}

}  // namespace beacon::web

#endif  // BEACON_WEB_HTML_H_
