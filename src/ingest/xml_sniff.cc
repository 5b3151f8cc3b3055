#include "ingest/xml_sniff.h"

namespace beacon {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_name_char(char c) {
  return c != '>' && c != '/' && !is_space(c) && c != '=' && c != '"' && c != '\'' && c != '<';
}

std::string_view local_name(std::string_view name) {
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Skips a DOCTYPE, which may hold an internal subset in [...].
bool skip_doctype(std::string_view& s) {
  int depth = 0;
  for (size_t i = 2; i < s.size(); ++i) {
    if (s[i] == '[')
      ++depth;
    else if (s[i] == ']')
      --depth;
    else if (s[i] == '>' && depth <= 0) {
      s.remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

bool skip_past(std::string_view& s, std::string_view end) {
  auto at = s.find(end);
  if (at == std::string_view::npos) return false;
  s.remove_prefix(at + end.size());
  return true;
}

}  // namespace

std::optional<XmlStart> sniff_xml_start(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  for (;;) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    if (s.empty() || s.front() != '<') return std::nullopt;
    if (s.substr(0, 2) == "<?") {
      if (!skip_past(s, "?>")) return std::nullopt;
    } else if (s.substr(0, 4) == "<!--") {
      if (!skip_past(s, "-->")) return std::nullopt;
    } else if (s.substr(0, 2) == "<!") {
      if (!skip_doctype(s)) return std::nullopt;
    } else {
      break;
    }
  }
  size_t end = 1;
  while (end < s.size() && is_name_char(s[end])) ++end;
  if (end == 1 || end == s.size()) return std::nullopt;
  XmlStart out;
  out.root = local_name(s.substr(1, end - 1));

  // <Collection>CIN</Collection>, with or without a namespace prefix.
  for (size_t at = s.find("Collection>", end); at != std::string_view::npos;
       at = s.find("Collection>", at + 1)) {
    auto open = s.rfind('<', at);
    if (open == std::string_view::npos) break;
    auto tag = s.substr(open + 1, at - open - 1);  // "" or "prefix:" or "/" or "/prefix:"
    if (!tag.empty() && (tag.front() == '/' || tag.back() != ':')) continue;
    auto text_start = at + 11;
    auto close = s.find('<', text_start);
    if (close == std::string_view::npos) break;
    auto text = s.substr(text_start, close - text_start);
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    out.collection = text;
    break;
  }
  return out;
}

}  // namespace beacon
