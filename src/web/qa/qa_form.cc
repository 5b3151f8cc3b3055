#include "web/qa/qa_form.h"

#include "web/html.h"

namespace beacon::web {

RecordForm RecordForm::posted(std::string prefix, const http::Request& req) {
  RecordForm f(std::move(prefix));
  for (const auto& [k, v] : req.params)
    if (k != "csrf") f.values_[k] = v;
  return f;
}

const std::string& RecordForm::value(const std::string& name) const {
  static const std::string none;
  auto it = values_.find(name);
  return it == values_.end() ? none : it->second;
}

void RecordForm::fail(const Status& s) {
  const std::string& m = s.message();
  size_t colon = m.find(": ");
  std::string field = colon == std::string::npos ? "" : m.substr(0, colon);
  // Only a plain field name counts ("team", "received"); anything else is prose.
  if (field.empty() || field.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string::npos)
    return fail("", m);
  fail(field, m.substr(colon + 2));
}

void RecordForm::fail(const std::string& field, const std::string& message) {
  error_field_ = field;
  error_ = message;
  error_label_.clear();
}

std::string RecordForm::described_by(const std::string& name, const std::string& hint) const {
  std::string ids;
  if (!hint.empty()) ids = id(name) + "-hint";
  if (failed() && error_field_ == name) ids += (ids.empty() ? "" : " ") + id(name) + "-error";
  return ids.empty() ? "" : " aria-describedby=\"" + ids + "\"";
}

std::string RecordForm::group(const std::string& name, const std::string& label,
                              const std::string& hint) const {
  bool bad = failed() && error_field_ == name;
  if (bad) error_label_ = label;
  std::string h =
      std::string("<div class=\"govuk-form-group") + (bad ? " govuk-form-group--error" : "") +
      "\"><label class=\"govuk-label\" for=\"" + id(name) + "\">" + esc(label) + "</label>";
  if (!hint.empty())
    h += "<div class=\"govuk-hint\" id=\"" + id(name) + "-hint\">" + esc(hint) + "</div>";
  if (bad)
    h += "<p class=\"govuk-error-message\" id=\"" + id(name) +
         "-error\"><span class=\"govuk-visually-hidden\">Error:</span> " +
         esc(label + ": " + error_) + "</p>";
  return h;
}

std::string RecordForm::text(const std::string& name, const std::string& label,
                             const std::string& hint, const std::string& width) const {
  bool bad = failed() && error_field_ == name;
  return group(name, label, hint) + "<input class=\"govuk-input" +
         (width.empty() ? "" : " " + width) + (bad ? " govuk-input--error" : "") + "\" id=\"" +
         id(name) + "\" name=\"" + esc(name) + "\" type=\"text\" value=\"" + esc(value(name)) +
         "\"" + described_by(name, hint) + "></div>";
}

std::string RecordForm::textarea(const std::string& name, const std::string& label,
                                 const std::string& hint) const {
  bool bad = failed() && error_field_ == name;
  return group(name, label, hint) + "<textarea class=\"govuk-textarea" +
         (bad ? " govuk-textarea--error" : "") + "\" id=\"" + id(name) + "\" name=\"" + esc(name) +
         "\" rows=\"4\"" + described_by(name, hint) + ">" + esc(value(name)) + "</textarea></div>";
}

std::string RecordForm::select(const std::string& name, const std::string& label,
                               const std::vector<std::pair<std::string, std::string>>& options,
                               const std::string& hint) const {
  bool bad = failed() && error_field_ == name;
  std::string h = group(name, label, hint) + "<select class=\"govuk-select" +
                  (bad ? " govuk-select--error" : "") + "\" id=\"" + id(name) + "\" name=\"" +
                  esc(name) + "\"" + described_by(name, hint) + ">";
  bool known = false;
  for (const auto& [v, text] : options) {
    bool on = v == value(name);
    known = known || on;
    h += "<option value=\"" + esc(v) + "\"" + (on ? " selected" : "") + ">" + esc(text) +
         "</option>";
  }
  // A value the list does not offer is kept, so the refusal shows what was sent.
  if (!known && !value(name).empty())
    h += "<option value=\"" + esc(value(name)) + "\" selected>" + esc(value(name)) + "</option>";
  return h + "</select></div>";
}

std::string RecordForm::summary() const {
  if (!failed()) return "";
  if (error_label_.empty())
    return error_summary({{error_field_.empty() ? error_ : error_field_ + ": " + error_, ""}});
  return error_summary({{error_label_ + ": " + error_, "#" + id(error_field_)}});
}

}  // namespace beacon::web
