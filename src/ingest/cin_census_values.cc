#include "ingest/cin_census_values.h"

#include <charconv>

#include "core/code_lists.h"
#include "ingest/problem_text.h"

namespace beacon {

namespace {

std::string quoted(std::string_view text) { return quoted_value(text, 40); }

// xs:date allows a time zone ("2024-05-01Z", "2024-05-01+01:00"); the day is
// what counts.
std::string_view without_time_zone(std::string_view text) {
  if (text.size() > 10 && text[4] == '-' && text[7] == '-' &&
      (text[10] == 'Z' || text[10] == '+' || text[10] == '-'))
    return text.substr(0, 10);
  return text;
}

}  // namespace

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string collection_year_label(int year) {
  std::string next = std::to_string((year + 1) % 100);
  if (next.size() < 2) next.insert(0, "0");
  return std::to_string(year) + "-" + next;
}

std::optional<bool> parse_flag(std::string_view text) {
  auto t = upper_ascii(text);
  if (t == "TRUE" || t == "1" || t == "YES" || t == "Y") return true;
  if (t == "FALSE" || t == "0" || t == "NO" || t == "N") return false;
  return std::nullopt;
}

std::optional<int> parse_whole_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  // "10.0", "10.": a whole number written with a decimal point.
  if (auto dot = text.find('.'); dot != std::string_view::npos) {
    for (char c : text.substr(dot + 1))
      if (c != '0') return std::nullopt;
    text = text.substr(0, dot);
  }
  if (text.empty()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

std::string normalise_sex(std::string_view text) {
  auto t = upper_ascii(text);
  if (t == "1" || t == "M") return "M";
  if (t == "2" || t == "F") return "F";
  if (t == "0" || t == "9" || t == "U") return "U";
  return {};
}

void LeafReader::error(const Leaf& leaf, std::string message, std::string code) {
  problems_.push_back({Severity::kError, leaf.file, leaf.line, leaf.path, std::string(leaf.field),
                       std::move(message), std::move(code)});
}

void LeafReader::finding(const Leaf& leaf, std::string message, std::string code) {
  problems_.push_back({Severity::kFinding, leaf.file, leaf.line, leaf.path, std::string(leaf.field),
                       std::move(message), std::move(code)});
}

bool LeafReader::date(const Leaf& leaf, OptDate& out) {
  out.reset();
  if (leaf.text.empty()) return true;
  DateError why = DateError::kFormat;
  auto d = parse_date(without_time_zone(leaf.text), &why);
  if (!d) {
    error(leaf, quoted(leaf.text) + " is not a date: " + describe(why), problem_code(why));
    return false;
  }
  out = *d;
  return true;
}

void LeafReader::flag(const Leaf& leaf, std::optional<bool>& out) {
  out.reset();
  if (leaf.text.empty()) return;
  out = parse_flag(leaf.text);
  if (!out)
    finding(leaf, quoted(leaf.text) + " is not true/false or 1/0; left blank",
            "dq.value-unreadable");
}

void LeafReader::count(const Leaf& leaf, std::optional<int>& out) {
  out.reset();
  if (leaf.text.empty()) return;
  out = parse_whole_number(leaf.text);
  if (!out)
    finding(leaf, quoted(leaf.text) + " is not a whole number of 0 or more; left blank",
            "dq.value-unreadable");
}

void LeafReader::code(const Leaf& leaf, std::string_view list, std::string& out) {
  out = upper_ascii(leaf.text);
  if (out.empty()) return;
  if (!CodeLists::shipped().valid(list, out, year_)) {
    std::string when = year_ > 0 ? " for " + collection_year_label(year_) : "";
    finding(leaf,
            quoted(out) + " is not in the " + std::string(leaf.field) + " code list" + when +
                "; kept as given",
            "dq.code-unknown");
  }
}

void LeafReader::sex(const Leaf& leaf, std::string& out) {
  out = normalise_sex(leaf.text);
  if (!out.empty() || leaf.text.empty()) return;
  out = upper_ascii(leaf.text);
  finding(leaf,
          quoted(out) + " is not a " + std::string(leaf.field) +
              " code (1/2/0/9 or M/F/U); kept as given",
          "dq.code-unknown");
}

}  // namespace beacon
