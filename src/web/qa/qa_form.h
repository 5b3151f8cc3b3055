// A QA record form as typed, and its GOV.UK fields. The form keeps what was
// typed and the one problem the domain found (src/qa's checks name the field
// first: "summary: say what the compliment was"), so a refused form comes
// back with the message beside its field and in the error summary.
#ifndef BEACON_WEB_QA_QA_FORM_H_
#define BEACON_WEB_QA_QA_FORM_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "http/message.h"

namespace beacon::web {

class RecordForm {
 public:
  // `prefix` makes the fields' ids ("compliment" → "compliment-summary").
  explicit RecordForm(std::string prefix) : prefix_(std::move(prefix)) {}
  // The form as posted: every field but the CSRF token.
  static RecordForm posted(std::string prefix, const http::Request& req);

  const std::string& value(const std::string& name) const;
  void set(const std::string& name, std::string value) { values_[name] = std::move(value); }
  // Takes a domain problem "field: message"; a message naming no field of
  // this form is shown in the summary only.
  void fail(const Status& s);
  void fail(const std::string& field, const std::string& message);
  bool failed() const { return !error_.empty(); }

  std::string text(const std::string& name, const std::string& label, const std::string& hint = "",
                   const std::string& width = "") const;
  std::string textarea(const std::string& name, const std::string& label,
                       const std::string& hint = "") const;
  std::string select(const std::string& name, const std::string& label,
                     const std::vector<std::pair<std::string, std::string>>& options,
                     const std::string& hint = "") const;
  // The error summary, linking to the field; empty when nothing failed. Call
  // after rendering the fields, so it names the field by its label.
  std::string summary() const;

 private:
  std::string id(const std::string& name) const { return prefix_ + "-" + name; }
  // The opening of a form group, the label, hint and error for `name`.
  std::string group(const std::string& name, const std::string& label,
                    const std::string& hint) const;
  std::string described_by(const std::string& name, const std::string& hint) const;

  std::string prefix_;
  std::map<std::string, std::string> values_;
  std::string error_field_, error_;
  mutable std::string error_label_;  // the failed field's label, once rendered
};

}  // namespace beacon::web

#endif  // BEACON_WEB_QA_QA_FORM_H_
