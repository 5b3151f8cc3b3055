#include "web/html.h"

#include <cmath>
#include <cstdio>

namespace beacon::web {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string rag_tag(Rag r) {
  const char* modifier = r == Rag::kGreen   ? "govuk-tag--green"
                         : r == Rag::kAmber ? "govuk-tag--orange"
                         : r == Rag::kRed   ? "govuk-tag--red"
                                            : "govuk-tag--grey";
  return std::string("<strong class=\"govuk-tag ") + modifier + "\">" + rag_label(r) + "</strong>";
}

std::string trend_text(Trend t) {
  if (t == Trend::kNone) return "<span class=\"beacon-trend\">Not enough data</span>";
  std::string word = t == Trend::kImproving ? "Improving" : t == Trend::kStable ? "Stable" : "Declining";
  return std::string("<span class=\"beacon-trend beacon-trend--") + trend_name(t) +
         "\"><span aria-hidden=\"true\">" + trend_arrow(t) + "</span> " + word + "</span>";
}

std::string breadcrumbs(const std::vector<Crumb>& crumbs) {
  std::string h = "<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\"><ol class=\"govuk-breadcrumbs__list\">";
  for (const auto& c : crumbs) {
    h += "<li class=\"govuk-breadcrumbs__list-item\">";
    if (c.href.empty())
      h += "<span aria-current=\"page\">" + esc(c.label) + "</span>";
    else
      h += "<a class=\"govuk-breadcrumbs__link\" href=\"" + esc(c.href) + "\">" + esc(c.label) + "</a>";
    h += "</li>";
  }
  return h + "</ol></nav>";
}

std::string pagination_html(int page, int pages, const std::string& prev_href,
                            const std::string& next_href) {
  if (pages <= 1) return "";
  std::string h = "<nav class=\"govuk-pagination\" aria-label=\"Pages\">";
  if (!prev_href.empty())
    h += "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"" +
         esc(prev_href) +
         "\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">Previous<span "
         "class=\"govuk-visually-hidden\"> page</span></span></a></div>";
  h += "<p class=\"govuk-body govuk-!-margin-bottom-0 beacon-page-count\">Page " + std::to_string(page) +
       " of " + std::to_string(pages) + "</p>";
  if (!next_href.empty())
    h += "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"" +
         esc(next_href) +
         "\" rel=\"next\"><span class=\"govuk-pagination__link-title\">Next<span "
         "class=\"govuk-visually-hidden\"> page</span></span></a></div>";
  return h + "</nav>";
}

std::string error_summary(const std::vector<std::pair<std::string, std::string>>& errors) {
  if (errors.empty()) return "";
  std::string h =
      "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
      "<h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
      "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">";
  for (const auto& [message, href] : errors) {
    if (href.empty())
      h += "<li>" + esc(message) + "</li>";
    else
      h += "<li><a href=\"" + esc(href) + "\">" + esc(message) + "</a></li>";
  }
  return h + "</ul></div></div></div>";
}

std::string thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return n < 0 ? "-" + out : out;
}

std::string one_decimal(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return "–";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

}  // namespace beacon::web
