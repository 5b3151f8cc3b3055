#include "web/pickers.h"

#include <functional>

#include "web/html.h"

namespace beacon::web {

std::string unit_label(const IndicatorEngine& engine, const std::string& unit_id) {
  const auto& org = engine.index().organisation();
  if (unit_id.empty() || unit_id == org.root_id()) {
    const OrgUnit* root = org.unit(org.root_id());
    return root && !root->name.empty() ? root->name + " (whole organisation)" : "Whole organisation";
  }
  std::string name = org.name_of(unit_id);
  return name.empty() ? unit_id : name;
}

std::vector<Crumb> unit_crumbs(const IndicatorEngine& engine, const View& view,
                               const std::string& base_href, const std::string& extra_query,
                               const std::function<bool(std::string_view)>& in_scope) {
  const auto& org = engine.index().organisation();
  std::vector<std::string> chain;
  std::string team;
  if (const Worker* w = org.worker(view.unit)) {
    team = w->team_id;
    chain = org.chain(team);
    chain.insert(chain.begin(), view.unit);
  } else {
    chain = org.chain(view.unit);
  }
  if (chain.empty() || chain.back() != org.root_id()) chain.push_back(org.root_id());
  std::vector<Crumb> crumbs;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    bool last = std::next(it) == chain.rend();
    std::string href = last || (in_scope && !in_scope(*it)) ? "" : base_href + "?" + view.with_unit(*it).query() + extra_query;
    crumbs.push_back({unit_label(engine, *it), href});
  }
  return crumbs;
}

namespace {

void add_units(const OrganisationTree& org, const std::string& id, int depth, const View& view,
               std::string& out) {
  const OrgUnit* u = org.unit(id);
  std::string name = u ? u->name : "Whole organisation";
  if (u && !u->kind.empty() && u->kind != "organisation" && u->kind != "team")
    name += " (" + u->kind + ")";
  std::string indent;
  for (int i = 0; i < depth; ++i) indent += "\u2003";  // em spaces show the tree
  out += "<option value=\"" + esc(id) + "\"" + (id == view.unit ? " selected" : "") + ">" +
         indent + esc(name) + "</option>";
  for (const OrgUnit* child : org.children(id)) add_units(org, child->id, depth + 1, view, out);
}

}  // namespace

std::string view_picker(const IndicatorEngine& engine, const View& view, const std::string& action,
                        const PickerOptions& o) {
  const auto& org = engine.index().organisation();
  std::string h = "<form method=\"get\" action=\"" + esc(action) +
                  "\" class=\"beacon-picker\" novalidate><fieldset class=\"govuk-fieldset\">"
                  "<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Choose what to show</legend>"
                  "<div class=\"beacon-picker__fields\">";
  // Dates are typed the UK way (day/month/year), not picked from a browser
  // calendar that shows mm/dd/yyyy; the URL keeps the ISO form.
  auto group = [&](const char* field) {
    return std::string("<div class=\"govuk-form-group") + (o.error_field == field ? " govuk-form-group--error" : "") + "\">";
  };
  auto message = [&](const char* field) {
    return o.error_field == field ? "<p class=\"govuk-error-message\" id=\"picker-" + std::string(field) +
                                        "-error\"><span class=\"govuk-visually-hidden\">Error:</span> " + esc(o.error) + "</p>"
                                  : std::string();
  };
  auto input_class = [&](const char* field) {
    return std::string("govuk-input govuk-input--width-10") + (o.error_field == field ? " govuk-input--error" : "");
  };
  h += group("to") + "<label class=\"govuk-label\" for=\"picker-to\">Date</label>"
       "<div class=\"govuk-hint\" id=\"picker-to-hint\">For example, 31/3/2026</div>" + message("to") +
       "<input class=\"" + input_class("to") + "\" id=\"picker-to\" name=\"to\" type=\"text\" "
       "inputmode=\"numeric\" aria-describedby=\"picker-to-hint\" value=\"" +
       (o.typed_to.empty() ? uk_date(view.to) : esc(o.typed_to)) + "\"></div>";
  if (o.period) {
    h += group("period") + "<label class=\"govuk-label\" for=\"picker-period\">Period</label>" + message("period") +
         "<select class=\"govuk-select\" id=\"picker-period\" name=\"period\">";
    for (const auto& [value, label] : period_choices())
      h += "<option value=\"" + value + "\"" + (value == view.period ? " selected" : "") + ">" +
           esc(label) + "</option>";
    h += "</select></div>";
    h += group("from") + "<label class=\"govuk-label\" for=\"picker-from\">Start date "
         "(only for a period of your choice)</label>" + message("from") +
         "<input class=\"" + input_class("from") + "\" id=\"picker-from\" name=\"from\" type=\"text\" "
         "inputmode=\"numeric\" value=\"" +
         (!o.typed_from.empty() ? esc(o.typed_from) : view.from ? uk_date(*view.from) : std::string()) + "\"></div>";
  }
  h += "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"picker-unit\">Team, service or locality</label>"
       "<select class=\"govuk-select\" id=\"picker-unit\" name=\"unit\">";
  std::string top = o.top_unit.empty() ? org.root_id() : o.top_unit;
  if (top == org.root_id() || org.unit(top)) add_units(org, top, 0, view, h);
  if (const Worker* w = org.worker(view.unit))
    h += "<option value=\"" + esc(w->id) + "\" selected>" + esc(w->name) + " (worker)</option>";
  if (o.workers) {
    std::string team = view.unit;
    if (const Worker* w = org.worker(view.unit)) team = w->team_id;
    for (const Worker* w : org.workers_in(team))
      if (w->id != view.unit && (!o.in_scope || o.in_scope(w->id)))
        h += "<option value=\"" + esc(w->id) + "\">" + esc(w->name) + " (worker)</option>";
  }
  h += "</select></div></div>" + o.extra_hidden +
       "<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Show</button>"
       "</fieldset></form>";
  return h;
}

}  // namespace beacon::web
