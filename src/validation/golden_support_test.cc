// Reading golden case files (golden_cases.h).
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "ingest/raw_return.h"
#include "ingest/ssda903_year.h"
#include "validation/golden_cases.h"

namespace beacon::validation {
namespace {

const std::set<std::string> kKeywords = {"rule",  "collection", "case",     "year", "reference",
                                         "input", "table",      "previous", "expect"};

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

std::string trim(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  const size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

struct Element {
  std::string name, value;
  int depth = 0;
  int line = 0;
};

// Builds the case's XML, one golden line to one XML line.
class XmlLines {
 public:
  explicit XmlLines(size_t lines) : out_(lines + 2) {}
  void header(int line, int year, const std::string& reference) {
    std::string h = "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>" +
                    std::to_string(year + 1) + "</Year>";
    if (reference != "-")
      h += "<ReferenceDate>" +
           escape(reference.empty() ? std::to_string(year + 1) + "-03-31" : reference) +
           "</ReferenceDate>";
    out_[line] = h + "</CollectionDetails></Header><Children>";
  }
  void element(Element e) {
    if (pending_) {
      if (e.depth > pending_->depth) {
        out_[pending_->line] += "<" + pending_->name + ">";
        open_.push_back(*pending_);
      } else {
        leaf(*pending_);
      }
    }
    std::string closes;
    while (!open_.empty() && open_.back().depth >= e.depth) {
      closes += "</" + open_.back().name + ">";
      open_.pop_back();
    }
    out_[e.line] = closes;
    pending_ = e;
  }
  void finish(int line) {
    if (pending_) leaf(*pending_);
    pending_.reset();
    std::string closes;
    while (!open_.empty()) {
      closes += "</" + open_.back().name + ">";
      open_.pop_back();
    }
    out_[line] += closes + "</Children></Message>";
  }
  std::string text() const {
    std::string s;
    for (size_t i = 1; i < out_.size(); ++i) s += out_[i] + "\n";
    return s;
  }

 private:
  void leaf(const Element& e) { out_[e.line] += "<" + e.name + ">" + escape(e.value) + "</" + e.name + ">"; }
  std::vector<std::string> out_;
  std::vector<Element> open_;
  std::optional<Element> pending_;
};

}  // namespace

Result<GoldenFile> parse_golden_file(const std::string& text, const std::string& name) {
  std::vector<std::string> lines{""};
  {
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) lines.push_back(l);
  }
  GoldenFile file;
  file.name = name;
  std::optional<int> default_year;
  enum class Mode { kNone, kInput, kTable, kExpect } mode = Mode::kNone;
  std::unique_ptr<XmlLines> xml;
  std::vector<std::string> table_lines;
  std::string table_name;
  bool table_previous = false;
  auto fail = [&](int line, const std::string& why) {
    return Status::invalid_input(name + ":" + std::to_string(line) + ": " + why);
  };
  auto end_block = [&](int line) {
    if (mode == Mode::kInput && xml) {
      xml->finish(line);
      file.cases.back().xml = xml->text();
      xml.reset();
    }
    if (mode == Mode::kTable) {
      std::string csv;
      for (size_t i = 1; i < table_lines.size(); ++i) csv += table_lines[i] + "\n";
      (table_previous ? file.cases.back().previous : file.cases.back().tables)[table_name] = csv;
    }
  };
  for (int i = 1; i < static_cast<int>(lines.size()); ++i) {
    const std::string& raw = lines[static_cast<size_t>(i)];
    const std::string t = trim(raw);
    if (t.empty() || t[0] == '#') continue;
    const std::string word = t.substr(0, t.find(' '));
    const std::string rest = t.size() > word.size() ? trim(t.substr(word.size())) : "";
    const bool keyword = raw[0] != ' ' && kKeywords.count(word);
    if (!keyword) {
      if (file.cases.empty()) return fail(i, "text before the first case");
      switch (mode) {
        case Mode::kInput: {
          const size_t spaces = raw.find_first_not_of(' ');
          Element e;
          e.depth = static_cast<int>(spaces / 2);
          e.name = word;
          e.value = rest;
          e.line = i;
          xml->element(e);
          break;
        }
        case Mode::kTable:
          table_lines[static_cast<size_t>(i)] = t;
          break;
        case Mode::kExpect:
          file.cases.back().expected.push_back(t);
          break;
        case Mode::kNone:
          return fail(i, "a line outside input, table or expect");
      }
      continue;
    }
    if (word == "rule") {
      file.rule = rest;
    } else if (word == "collection") {
      if (rest == "ssda903") file.collection = Collection::kSsda903;
      else if (rest != "cin-census") return fail(i, "unknown collection " + rest);
    } else if (word == "year") {
      const auto y = financial_year_in(rest);
      if (!y) return fail(i, "not a year: " + rest);
      if (file.cases.empty()) default_year = y;
      else file.cases.back().year = *y;
    } else if (word == "case") {
      end_block(i);
      mode = Mode::kNone;
      GoldenCase c;
      c.title = rest;
      c.line = i;
      c.year = default_year.value_or(0);
      file.cases.push_back(std::move(c));
    } else {
      if (file.cases.empty()) return fail(i, word + " before the first case");
      GoldenCase& c = file.cases.back();
      if (word == "reference") {
        c.reference = rest;
      } else if (word == "input") {
        end_block(i);
        if (c.year == 0) return fail(i, "the case has no year");
        xml = std::make_unique<XmlLines>(lines.size());
        xml->header(i, c.year, c.reference);
        mode = Mode::kInput;
      } else if (word == "table" || word == "previous") {
        end_block(i);
        table_lines.assign(lines.size(), "");
        table_name = rest;
        table_previous = word == "previous";
        mode = Mode::kTable;
      } else if (word == "expect") {
        end_block(i);
        mode = Mode::kExpect;
      }
    }
  }
  end_block(static_cast<int>(lines.size()) - 1);
  if (file.rule.empty()) return fail(1, "no rule line");
  for (const auto& c : file.cases)
    if (c.year == 0) return fail(c.line, "the case has no year");
  return file;
}

Result<Report> run_golden_case(const GoldenFile& file, const GoldenCase& c) {
  Options options;
  options.year = c.year;
  options.only = {file.rule};
  if (file.collection == Collection::kCinCensus) {
    auto raw = read_raw_cin_census_text(c.xml, file.name);
    if (!raw) return raw.status();
    return validate_cin_census(*raw, options);
  }
  auto read = [](const std::map<std::string, std::string>& texts) -> Result<Ssda903Tables> {
    Ssda903Tables out;
    for (const auto& [name, csv] : texts) {
      auto t = read_raw_ssda903_csv_text(csv, name + ".csv");
      if (!t) return t.status();
      out[t->name] = std::move(*t);
    }
    return out;
  };
  auto now = read(c.tables);
  if (!now) return now.status();
  auto before = read(c.previous);
  if (!before) return before.status();
  return validate_ssda903(*now, c.previous.empty() ? nullptr : &*before, c.year, options);
}

}  // namespace beacon::validation
