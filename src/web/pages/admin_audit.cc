// The audit trail (administrators only): filter by user, action and dates,
// read it, download it as CSV. There is deliberately no way to change or
// remove a line (the store refuses it too).
#include <sstream>

#include "export/csv_writer.h"
#include "web/api/paging.h"
#include "web/handlers.h"

namespace beacon::web {
namespace {

// Lines on a page (and in an API answer unless `per_page` says otherwise).
constexpr int64_t kShown = 100;

struct Filter {
  AuditQuery query;
  std::string problem;  // a date in the wrong form, or a bad `before` or `per_page`
};

// The filter in the query string; `before` (an id) asks for the lines older
// than those already shown: a page further back that stays put however many
// lines are added meanwhile.
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
    if (!date) f.problem = "Enter dates as day/month/year, for example 31/3/2026";
    *d = date ? date->iso() : "";
  }
  auto before = count_param(req, "before", 0, size_t{1} << 62);
  if (!before) f.problem = before.status().message();
  else f.query.before = static_cast<int64_t>(*before);
  return f;
}

// One more line than is shown is read, to know whether older ones exist.
struct AuditPage {
  std::vector<AuditEntry> lines;
  int64_t older_than = 0;  // the `before` of the next page; 0: this is the oldest
};

Result<AuditPage> read_page(Ctx& ctx, AuditQuery query) {
  const int64_t shown = query.limit;
  query.limit = shown + 1;
  auto lines = ctx.app.backend().audit_trail(query);
  if (!lines) return lines.status();
  AuditPage page;
  page.lines = std::move(*lines);
  if (static_cast<int64_t>(page.lines.size()) > shown) {
    page.lines.resize(static_cast<size_t>(shown));
    page.older_than = page.lines.back().id;
  }
  return page;
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
  auto page = read_page(ctx, f.query);
  if (!page) return ctx.fail(500, "The audit trail cannot be read: " + page.status().message());
  const std::string filter = filter_query(f.query);
  std::string h = "<h1 class=\"govuk-heading-l\">Audit trail</h1><p class=\"govuk-body\">Every view and export of "
                  "children's records and every change: who, when (UTC), what and from where. Lines cannot be "
                  "changed or removed.</p>";
  h += "<form method=\"get\" action=\"/admin/audit\" class=\"beacon-picker\" novalidate><fieldset class=\"govuk-fieldset\">"
       "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Filter</legend><div class=\"beacon-picker__fields\">" +
       text_field("user", "User name", f.query.user) + text_field("action", "Action", f.query.action) +
       text_field("from", "From", f.query.from, "date") + text_field("to", "To", f.query.to, "date") +
       "</div><button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Show</button>"
       "</fieldset></form>";
  h += "<p class=\"govuk-body\"><a class=\"govuk-link\" id=\"audit-csv\" href=\"/admin/audit.csv?" + esc(filter) +
       "\" download>Download every matching line as CSV</a>.</p>";
  std::string caption = f.query.before ? "Older lines, newest first" : "The newest lines first";
  if (page->lines.empty()) caption = "No lines match";
  h += "<div class=\"beacon-table-scroll\"><table class=\"govuk-table\" id=\"audit-table\"><caption class=\"govuk-table__caption "
       "govuk-table__caption--s\">" + caption + " (" + std::to_string(kShown) + " a page)</caption>"
       "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (const char* c : {"When", "User", "Action", "About", "Detail", "From"})
    h += std::string("<th scope=\"col\" class=\"govuk-table__header\">") + c + "</th>";
  h += "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const auto& e : page->lines)
    h += "<tr class=\"govuk-table__row\" data-action=\"" + esc(e.action) + "\"><td class=\"govuk-table__cell\">" + esc(when_text(e.at)) +
         "</td><td class=\"govuk-table__cell\">" + esc(e.user) + "</td><td class=\"govuk-table__cell\">" + esc(e.action) +
         "</td><td class=\"govuk-table__cell beacon-break\">" + esc(e.object) + "</td><td class=\"govuk-table__cell\">" +
         esc(e.detail) + "</td><td class=\"govuk-table__cell\">" + esc(e.client) + "</td></tr>";
  h += "</tbody></table></div>";
  if (f.query.before || page->older_than) {
    // Pages are counted back from the newest line, so "newest" is the way back.
    h += "<nav class=\"govuk-pagination\" aria-label=\"Audit trail pages\">";
    if (f.query.before)
      h += "<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" id=\"audit-newest\" href=\"/admin/audit?" +
           esc(filter) + "\" rel=\"prev\"><span class=\"govuk-pagination__link-title\">Newest lines</span></a></div>";
    if (page->older_than)
      h += "<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" id=\"audit-older\" href=\"/admin/audit?" +
           esc(filter + "&before=" + std::to_string(page->older_than)) +
           "\" rel=\"next\"><span class=\"govuk-pagination__link-title\">Older lines</span></a></div>";
    h += "</nav>";
  }
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
  auto per_page = count_param(ctx.req, "per_page", kShown, 1000);
  if (!per_page) return ctx.fail(400, per_page.status().message());
  Filter f = filter_of(ctx.req, static_cast<int64_t>(*per_page));
  if (!f.problem.empty()) return ctx.fail(400, f.problem);
  auto page = read_page(ctx, f.query);
  if (!page) return ctx.fail(500, page.status().message());
  // Written out line by line: a document of 100 objects cost more than the
  // reading (perf), and an administrator may page through thousands.
  std::string body = "{\"lines\":[";
  body.reserve(page->lines.size() * 192);
  auto field = [&body](const char* name, const std::string& value) {
    body += name;
    body += nlohmann::json(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  for (const auto& e : page->lines) {
    body += body.back() == '[' ? "{\"id\":" : ",{\"id\":";
    body += std::to_string(e.id);
    field(",\"at\":", e.at);
    field(",\"user\":", e.user);
    field(",\"action\":", e.action);
    field(",\"object\":", e.object);
    field(",\"detail\":", e.detail);
    field(",\"client\":", e.client);
    body += '}';
  }
  // Asked for as `before`, older_than gives the next, older page.
  body += "],\"per_page\":" + std::to_string(*per_page) + ",\"older_than\":" +
          (page->older_than ? std::to_string(page->older_than) : std::string("null")) + '}';
  ctx.json_text(std::move(body));
}

}  // namespace beacon::web
