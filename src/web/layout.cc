#include "web/layout.h"

namespace beacon::web {
namespace {

struct NavItem {
  const char* section;
  const char* label;
  const char* href;
  access::Decision (*allowed)(const access::Principal&);
};

// Only what the user's roles open (the server refuses the rest anyway).
// "My children" or "My team" leads for those whose home it is.
access::Decision has_my_children(const access::Principal& p) {
  return p.has(access::Role::kSocialWorker) ? access::Decision::allow() : access::Decision::deny("");
}
access::Decision has_my_team(const access::Principal& p) {
  return p.has(access::Role::kTeamManager) ? access::Decision::allow() : access::Decision::deny("");
}

constexpr NavItem kNav[] = {
    {"my-work", "My children", "/my-children", has_my_children},
    {"my-work", "My team", "/my-team", has_my_team},
    {"scorecard", "Scorecard", "/scorecard", access::can_view_aggregates},
    {"portraits", "Pen portraits", "/portraits", access::can_view_aggregates},
    {"worklists", "Worklists", "/worklists", access::can_view_child_level},
    {"qa", "Quality assurance", "/qa", access::can_read_qa},
    {"data", "Data", "/data", access::can_load_data},
    {"users", "Users", "/admin/users", access::can_manage_users},
    {"audit", "Audit trail", "/admin/audit", access::can_view_audit},
    {"account", "Your account", "/account", nullptr},
};

std::string navigation(const PageChrome& c) {
  std::string h =
      "<section aria-label=\"Service information\" class=\"govuk-service-navigation\" "
      "data-module=\"govuk-service-navigation\"><div class=\"govuk-width-container\">"
      "<div class=\"govuk-service-navigation__container\">"
      "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
      "<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\" "
      "aria-controls=\"navigation\" hidden>Menu</button>"
      "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">";
  access::Principal who = c.session->principal();
  for (const auto& item : kNav) {
    if (item.allowed && !item.allowed(who).allowed) continue;
    bool active = c.section == item.section;
    h += std::string("<li class=\"govuk-service-navigation__item") +
         (active ? " govuk-service-navigation__item--active" : "") + "\">";
    h += std::string("<a class=\"govuk-service-navigation__link\" href=\"") + item.href + "\"" +
         (active ? " aria-current=\"true\"" : "") + ">";
    h += active ? std::string("<strong class=\"govuk-service-navigation__active-fallback\">") + item.label + "</strong>"
                : std::string(item.label);
    h += "</a></li>";
  }
  h += "</ul></nav>";
  h += "<form method=\"post\" action=\"/sign-out\" class=\"beacon-sign-out\">" + csrf_field(*c.session) +
       "<span class=\"govuk-body-s beacon-signed-in-as\">Signed in as " + esc(c.session->display_name.empty() ? c.session->user_name : c.session->display_name) +
       "</span> <button type=\"submit\" class=\"govuk-button govuk-button--secondary beacon-sign-out__button\" "
       "data-module=\"govuk-button\">Sign out</button></form>";
  return h + "</div></div></section>";
}

}  // namespace

std::string csrf_field(const Session& s) {
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(s.csrf_token) + "\">";
}

std::string render_page(const PageChrome& c, const std::string& main_html) {
  std::string h;
  h.reserve(main_html.size() + 4096);
  h += "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\">"
       "<title>";
  h += (c.has_error ? "Error: " : "") + esc(c.title) + " – Beacon</title>";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">"
       "<meta name=\"theme-color\" content=\"#0b0c0c\">"
       "<link rel=\"icon\" href=\"/assets/images/favicon.svg\" type=\"image/svg+xml\">"
       "<link rel=\"stylesheet\" href=\"/assets/govuk-frontend.min.css\">"
       "<link rel=\"stylesheet\" href=\"/assets/moj-frontend.min.css\">"
       "<link rel=\"stylesheet\" href=\"/assets/beacon.css\">"
       "</head><body class=\"govuk-template__body\">"
       "<script src=\"/assets/beacon-body.js\"></script>"
       "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main content</a>"
       "<header class=\"govuk-generic-header\"><div class=\"govuk-generic-header__container govuk-width-container\">"
       "<div class=\"govuk-generic-header__logo\"><a href=\"/\" class=\"govuk-generic-header__homepage-link\">"
       "Beacon</a></div>";
  if (!c.data_date.empty())
    h += "<p class=\"beacon-data-date\" id=\"data-date\">Data to " + esc(c.data_date) + "</p>";
  h += "</div></header>";
  if (c.session) h += navigation(c);
  h += "<div class=\"govuk-width-container beacon-wide\">";
  if (!c.breadcrumbs.empty()) h += breadcrumbs(c.breadcrumbs);
  h += "<main class=\"govuk-main-wrapper\" id=\"main-content\">";
  h += main_html;
  h += "</main></div>"
       "<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div class=\"govuk-footer__meta\">"
       "<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">"
       "<p class=\"govuk-body-s\">Beacon shows synthetic or locally loaded case records. Figures follow "
       "the published indicator definitions; every figure can be traced to the children behind it.</p>"
       "<a class=\"govuk-footer__link\" href=\"/openapi.json\">API description (OpenAPI)</a></div>"
       "</div></div></footer>"
       "<script type=\"module\" src=\"/assets/beacon.mjs\"></script>"
       "</body></html>";
  return h;
}

}  // namespace beacon::web
