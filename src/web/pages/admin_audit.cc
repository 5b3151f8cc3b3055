// The audit trail (administrators only): filter by user, action and dates,
// read it, download it as CSV. There is deliberately no way to change or
// remove a line (the store refuses it too).
#include <sstream>

#include "export/csv_writer.h"
#include "web/handlers.h"

namespace beacon::web {
namespace {

constexpr int64_t kShown = 500;

struct Filter {
  AuditQuery query;
  std::string problem;  // a date in the wrong form
};

Filter filter_of(const http::Request& req, int64_t limit) {
  Filter f;
  f.query.user = req.param("user");
  f.query.action = req.param("action");
  f.query.from = req.param("from");
  f.query.to = req.param("to");
  f.query.limit = limit;
  for (std::string* d : {&f.query.from, &f.query.to}) {
    if (d->empty()) continue;
    auto date = parse_date(*d);
    if (!date) f.problem = "Enter dates as YYYY-MM-DD";
    *d = date ? date->iso() : "";
  }
  return f;
}

std::string filter_query(const AuditQuery& q) {
  return "user=" + http::url_encode(q.user) + "&action=" + http::url_encode(q.action) + "&from=" +
         http::url_encode(q.from) + "&to=" + http::url_encode(q.to);
}

std::string text_field(const char* id, const char* label, const std::string& value, const char* type = "text") {
  return std::string("<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"audit-") + id + "\">" + label +
         "</label><input class=\"govuk-input govuk-input--width-10\" id=\"audit-" + id + "\" name=\"" + id + "\" type=\"" +
         type + "\" value=\"" + esc(value) + "\"></div>";
}

}  // namespace

void audit_page(Ctx& ctx) {
  Filter f = filter_of(ctx.req, kShown);
  if (!f.problem.empty()) return ctx.fail(400, f.problem);
  auto lines = ctx.app.backend().audit_trail(f.query);
  if (!lines) return ctx.fail(500, "The audit trail cannot be read: " + lines.status().message());
  std::string h = "<h1 class=\"govuk-heading-l\">Audit trail</h1><p class=\"govuk-body\">Every view and export of "
                  "children's records and every change: who, when (UTC), what and from where. Lines cannot be "
                  "changed or removed.</p>";
  h += "<form method=\"get\" action=\"/admin/audit\" class=\"beacon-picker\" novalidate><fieldset class=\"govuk-fieldset\">"
       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Filter</legend><div class=\"beacon-picker__fields\">" +
       text_field("user", "User name", f.query.user) + text_field("action", "Action", f.query.action) +
       text_field("from", "From", f.query.from, "date") + text_field("to", "To", f.query.to, "date") +
       "</div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Show</button>"
       "</fieldset></form>";
  h += "<p class=\"govuk-body\"><a class=\"govuk-link\" id=\"audit-csv\" href=\"/admin/audit.csv?" + esc(filter_query(f.query)) +
       "\" download>Download these lines as CSV</a> (all matching lines, not only the newest " + std::to_string(kShown) + ").</p>";
  h += "<div class=\"beacon-table-scroll\"><table class=\"govuk-table\" id=\"audit-table\"><caption class=\"govuk-table__caption "
       "govuk-table__caption--s\">Newest first" + std::string(lines->size() >= static_cast<size_t>(kShown) ? " (the newest " + std::to_string(kShown) + ")" : "") +
       "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (const char* c : {"When", "User", "Action", "About", "Detail", "From"})
    h += std::string("<th scope=\"col\" class=\"govuk-table__header\">") + c + "</th>";
  h += "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const auto& e : *lines)
    h += "<tr class=\"govuk-table__row\" data-action=\"" + esc(e.action) + "\"><td class=\"govuk-table__cell\">" + esc(e.at) +
         "</td><td class=\"govuk-table__cell\">" + esc(e.user) + "</td><td class=\"govuk-table__cell\">" + esc(e.action) +
         "</td><td class=\"govuk-table__cell beacon-break\">" + esc(e.object) + "</td><td class=\"govuk-table__cell\">" +
         esc(e.detail) + "</td><td class=\"govuk-table__cell\">" + esc(e.client) + "</td></tr>";
  h += "</tbody></table></div>";
  ctx.page({"Audit trail", "audit"}, h);
}

void audit_csv(Ctx& ctx) {
  Filter f = filter_of(ctx.req, 1'000'000);
  if (!f.problem.empty()) return ctx.fail(400, f.problem);
  auto lines = ctx.app.backend().audit_trail(f.query);
  if (!lines) return ctx.fail(500, "The audit trail cannot be read: " + lines.status().message());
  std::ostringstream out;
  CsvWriter csv(out);
  csv.row({"id", "at", "user", "action", "object", "detail", "client"});
  for (const auto& e : *lines) {
    csv.number(static_cast<double>(e.id)).text(e.at).text(e.user).text(e.action).text(e.object).text(e.detail).text(e.client);
    csv.end_row();
  }
  ctx.audit_detail = std::to_string(lines->size()) + " lines";
  ctx.download(out.str(), "text/csv; charset=utf-8", "beacon-audit.csv");
}

void api_audit(Ctx& ctx) {
  Filter f = filter_of(ctx.req, kShown);
  if (!f.problem.empty()) return ctx.fail(400, f.problem);
  auto lines = ctx.app.backend().audit_trail(f.query);
  if (!lines) return ctx.fail(500, lines.status().message());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : *lines)
    list.push_back({{"id", e.id}, {"at", e.at}, {"user", e.user}, {"action", e.action}, {"object", e.object},
                    {"detail", e.detail}, {"client", e.client}});
  ctx.json({{"lines", list}});
}

}  // namespace beacon::web
