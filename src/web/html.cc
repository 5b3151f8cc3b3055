#include "web/html.h"

#include <cmath>
#include <cstdio>

#include "indicators/figure_text.h"

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

std::string table(const std::string& id, const std::string& caption,
                  const std::vector<std::string>& head,
                  const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& numeric) {
  auto is_numeric = [&](size_t i) { return i < numeric.size() && numeric[i]; };
  // A wide table scrolls inside its box; the box takes keyboard focus so it can be scrolled without
  // a mouse.
  std::string label = caption.empty() ? id : caption;
  std::string h =
      "<div class=\"beacon-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
      esc(label) + "\">" + "<table class=\"govuk-table\"" +
      (id.empty() ? std::string() : " id=\"" + esc(id) + "\"") + ">";
  if (!caption.empty())
    h += "<caption class=\"govuk-table__caption govuk-table__caption--m\">" + esc(caption) +
         "</caption>";
  h += "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (size_t i = 0; i < head.size(); ++i)
    h += std::string("<th scope=\"col\" class=\"govuk-table__header") +
         (is_numeric(i) ? " govuk-table__header--numeric" : "") + "\">" + esc(head[i]) + "</th>";
  h += "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const auto& row : rows) {
    h += "<tr class=\"govuk-table__row\">";
    for (size_t i = 0; i < row.size(); ++i) {
      if (i == 0)
        h += "<th scope=\"row\" class=\"govuk-table__header\">" + row[i] + "</th>";
      else
        h += std::string("<td class=\"govuk-table__cell") +
             (is_numeric(i) ? " govuk-table__cell--numeric" : "") + "\">" + row[i] + "</td>";
    }
    h += "</tr>";
  }
  return h + "</tbody></table></div>";
}

std::string uk_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return buf;
}

std::string when_text(const std::string& iso) {
  if (iso.size() < 10) return iso;
  auto d = parse_date(iso.substr(0, 10));
  if (!d) return iso;
  std::string out = d->text();
  if (iso.size() >= 16 && iso[10] == 'T') out += " at " + iso.substr(11, 5);
  return out;
}

std::string thousands(int64_t n) { return whole_number(static_cast<double>(n)); }

std::string one_decimal(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return "–";
  return one_decimal_text(*v);
}

}  // namespace beacon::web
