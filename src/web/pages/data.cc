// Data: upload files to load, watch the load, read its report and every
// error with file, line and field; the load history.
#include <nlohmann/json.hpp>

#include "web/handlers.h"

namespace beacon::web {
namespace {

std::string errors_table(const std::vector<Problem>& errors) {
  if (errors.empty()) return "";
  std::string h = "<div class=\"beacon-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Problems\"><table class=\"govuk-table\" id=\"load-errors\"><caption class=\"govuk-table__caption govuk-table__caption--m\">"
                  "Errors (" + thousands(static_cast<int64_t>(errors.size())) + ")</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
                  "<th scope=\"col\" class=\"govuk-table__header\">File</th><th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Line</th>"
                  "<th scope=\"col\" class=\"govuk-table__header\">Field</th><th scope=\"col\" class=\"govuk-table__header\">Problem</th>"
                  "</tr></thead><tbody class=\"govuk-table__body\">";
  size_t shown = 0;
  for (const auto& e : errors) {
    if (++shown > 2000) break;
    h += "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">" + esc(e.file) + "</td>"
         "<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + (e.line > 0 ? std::to_string(e.line) : std::string("–")) + "</td>"
         "<td class=\"govuk-table__cell\">" + esc(e.field.empty() ? e.element : e.field) + "</td>"
         "<td class=\"govuk-table__cell\">" + esc(e.message) + "</td></tr>";
  }
  return h + "</tbody></table></div>";
}

std::vector<Problem> problems_from_json(const nlohmann::json& report) {
  std::vector<Problem> out;
  if (!report.is_object() || !report.contains("errors") || !report["errors"].is_array()) return out;
  for (const auto& e : report["errors"]) {
    if (!e.is_object()) continue;
    Problem p;
    p.file = e.value("file", "");
    p.line = e.value("line", 0);
    p.field = e.value("field", "");
    p.element = e.value("element", "");
    p.message = e.value("message", "");
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

namespace {

// "cin_census_2024-25.xml, Episodes.csv, Header.csv and 14 more": each
// file's own name (never the folder it was read from), the first three.
std::string short_file_list(const std::string& files, size_t shown = 3) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start < files.size()) {
    size_t end = files.find(", ", start);
    if (end == std::string::npos) end = files.size();
    std::string f = files.substr(start, end - start);
    size_t slash = f.find_last_of("/\\");
    names.push_back(slash == std::string::npos ? f : f.substr(slash + 1));
    start = end + 2;
  }
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

// The upload form, with `error` beside the file box when there is one.
std::string upload_form(Ctx& ctx, const std::string& error) {
  return "<form method=\"post\" action=\"/data/uploads\" enctype=\"multipart/form-data\" novalidate>" + csrf_field(*ctx.session) +
       "<div class=\"govuk-form-group" + std::string(error.empty() ? "" : " govuk-form-group--error") +
       "\"><label class=\"govuk-label\" for=\"files\">Files</label>"
       "<div class=\"govuk-hint\" id=\"files-hint\">Up to " + std::to_string(ctx.app.options().max_upload_bytes >> 20) +
       " MB each. Choose several at once to load them together.</div>" +
       (error.empty() ? std::string()
                      : "<p class=\"govuk-error-message\" id=\"files-error\"><span class=\"govuk-visually-hidden\">Error:</span> " +
                            esc(error) + "</p>") +
       "<input class=\"govuk-file-upload" + std::string(error.empty() ? "" : " govuk-file-upload--error") +
       "\" id=\"files\" name=\"files\" type=\"file\" multiple aria-describedby=\"files-hint" +
       std::string(error.empty() ? "" : " files-error") + "\"></div>"
       "<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Upload and load</button></form>";
}

// The Data page; a refused upload comes back to it with the problem at the
// top and beside the file box, so the reader fixes it where they are.
void draw_data_page(Ctx& ctx, const std::string& error, int status) {
  std::string h = error.empty() ? std::string() : error_summary({{error, "#files"}});
  h += "<h1 class=\"govuk-heading-l\">Data</h1>";
  h += "<h2 class=\"govuk-heading-m\">Load files</h2><p class=\"govuk-body\">Upload CIN census XML, SSDA903 returns "
       "(CSV or XML), SSD extract CSVs or Beacon's local tables. Beacon recognises each file by its content. A load "
       "is all or nothing: if any file has an error, nothing is loaded and every error is listed.</p>";
  h += upload_form(ctx, error);
  auto history = load_history_as_shown(ctx.app.backend(), ctx.app.options().uploads_dir);
  h += "<h2 class=\"govuk-heading-m\">Load history</h2>";
  if (!history) {
    h += "<p class=\"govuk-body\">The load history cannot be read: " + esc(history.status().message()) + "</p>";
  } else if (history->empty()) {
    h += "<p class=\"govuk-body\">Nothing has been loaded yet.</p>";
  } else {
    h += "<div class=\"beacon-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Load history\"><table class=\"govuk-table\" id=\"load-history\"><caption class=\"govuk-visually-hidden\">Loads, newest first</caption>"
         "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Load</th>"
         "<th scope=\"col\" class=\"govuk-table__header\">When (UTC)</th><th scope=\"col\" class=\"govuk-table__header\">By</th>"
         "<th scope=\"col\" class=\"govuk-table__header\">Files</th><th scope=\"col\" class=\"govuk-table__header\">What changed</th>"
         "</tr></thead><tbody class=\"govuk-table__body\">";
    for (const auto& l : *history)
      h += "<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"/data/loads/" +
           std::to_string(l.id) + "\">Load " + std::to_string(l.id) + "</a></th><td class=\"govuk-table__cell\">" + esc(when_text(l.at)) +
           "</td><td class=\"govuk-table__cell\">" + esc(l.user) + "</td><td class=\"govuk-table__cell beacon-break\">" + esc(short_file_list(l.files)) +
           "</td><td class=\"govuk-table__cell\">" + esc(l.summary) + "</td></tr>";
    h += "</tbody></table></div>";
  }
  ctx.page({"Data", "data", nullptr, {}, !error.empty()}, h, status);
}

}  // namespace

void data_page(Ctx& ctx) { draw_data_page(ctx, "", 200); }

void upload_submit(Ctx& ctx) {
  for (const auto& f : ctx.req.files) ctx.audit_detail += (ctx.audit_detail.empty() ? "" : ", ") + f.filename;
  auto job = ctx.app.uploads().start(ctx.req.files, ctx.session->user_name);
  if (!job) return draw_data_page(ctx, job.status().message(), 400);
  ctx.res.redirect("/data/uploads/" + *job);
}

void upload_page(Ctx& ctx) {
  auto job = ctx.app.uploads().find(ctx.req.path_param(0));
  if (!job) return ctx.fail(404, "There is no such upload.");
  bool running = job->state == "queued" || job->state == "running";
  std::string files;
  for (const auto& f : job->files) files += (files.empty() ? "" : ", ") + f;
  std::string h;
  if (running) {
    // Without JavaScript the page refreshes itself; with it, beacon.mjs polls the API.
    ctx.res.set_header("Refresh", "2");
    h += "<h1 class=\"govuk-heading-l\">Loading your files</h1><p class=\"govuk-body\" id=\"upload-state\" data-job=\"" +
         esc(job->id) + "\" aria-live=\"polite\">" + (job->state == "queued" ? "Waiting to start" : "Loading") +
         ": " + esc(files) + ". This page updates by itself.</p><ul class=\"govuk-list\" id=\"upload-progress\">";
    for (const auto& line : job->progress) h += "<li>" + esc(line) + "</li>";
    h += "</ul>";
    return ctx.page({"Loading your files", "data"}, h);
  }
  const LoadOutcome& o = job->outcome;
  if (o.ok) {
    h += "<div class=\"govuk-panel govuk-panel--confirmation\"><h1 class=\"govuk-panel__title\">Files loaded</h1>"
         "<div class=\"govuk-panel__body\" id=\"upload-summary\">" + esc(o.summary) + "</div></div>";
  } else {
    std::vector<std::pair<std::string, std::string>> list = {{o.refused.empty() ? "Nothing was loaded" : o.refused, "#load-errors"}};
    h += error_summary(list) + "<h1 class=\"govuk-heading-l\">Nothing was loaded</h1>"
         "<p class=\"govuk-body\" id=\"upload-summary\">Correct the errors below and upload the files again.</p>";
  }
  h += "<p class=\"govuk-body\">Files: " + esc(files) + "</p>";
  for (const auto& n : o.notes) h += "<div class=\"govuk-inset-text\">" + esc(n) + "</div>";
  h += errors_table(o.errors);
  if (!o.report_text.empty())
    h += "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">"
         "The whole load report</span></summary><div class=\"govuk-details__text\"><pre class=\"beacon-report\">" +
         esc(o.report_text) + "</pre></div></details>";
  if (!o.ok)
    h += "<h2 class=\"govuk-heading-m\">Upload the corrected files</h2>" +
         upload_form(ctx, "");
  h += "<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/data\">Back to data</a></p>";
  ctx.page({o.ok ? "Files loaded" : "Nothing was loaded", "data", nullptr, {}, !o.ok}, h);
}

void load_page(Ctx& ctx) {
  auto history = load_history_as_shown(ctx.app.backend(), ctx.app.options().uploads_dir);
  if (!history) return ctx.fail(500, history.status().message());
  for (const auto& l : *history) {
    if (std::to_string(l.id) != ctx.req.path_param(0)) continue;
    auto report = nlohmann::json::parse(l.report_json, nullptr, false);
    std::string h = "<span class=\"govuk-caption-l\">" + esc(when_text(l.at)) + " · " + esc(l.user) + "</span><h1 class=\"govuk-heading-l\">Load " +
                    std::to_string(l.id) + "</h1><p class=\"govuk-body\">" + esc(l.summary) + "</p><p class=\"govuk-body beacon-break\">Files: " +
                    esc(short_file_list(l.files, SIZE_MAX)) + "</p>";
    h += errors_table(problems_from_json(report));
    h += "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">"
         "The whole load report</span></summary><div class=\"govuk-details__text\"><pre class=\"beacon-report\">" +
         esc(report.is_discarded() ? l.report_json : report.dump(2)) + "</pre></div></details>";
    return ctx.page({"Load " + std::to_string(l.id), "data", nullptr, {{"Data", "/data"}, {"Load " + std::to_string(l.id), ""}}}, h);
  }
  ctx.fail(404, "There is no load " + ctx.req.path_param(0) + ".");
}

}  // namespace beacon::web
