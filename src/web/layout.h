// The page template: GOV.UK Frontend's page structure with the generic
// header (Beacon is not a GOV.UK service), the service navigation, a skip
// link, and the sign-out button. Pages supply only their main content.
#ifndef BEACON_WEB_LAYOUT_H_
#define BEACON_WEB_LAYOUT_H_

#include <string>
#include <vector>

#include "web/auth/sessions.h"
#include "web/html.h"

namespace beacon::web {

struct PageChrome {
  std::string title;    // the page's h1, also the document title's start
  std::string section;  // scorecard | portraits | worklists | qa | data | users | audit | account | (empty)
  const Session* session = nullptr;  // signed in: navigation and sign-out shown
  std::vector<Crumb> breadcrumbs;
  bool has_error = false;  // prefixes the title with "Error: "
  // The date the loaded data runs to — Beacon's "today" (view.h) — shown in
  // the header as "Data to 31 March 2026"; empty when nothing is loaded.
  std::string data_date;
};

std::string render_page(const PageChrome& chrome, const std::string& main_html);

// A hidden form field carrying the session's CSRF token.
std::string csrf_field(const Session& s);

}  // namespace beacon::web

#endif  // BEACON_WEB_LAYOUT_H_
