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
