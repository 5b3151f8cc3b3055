#include "ingest/ssda903_xml_walk.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <climits>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>

#include "ingest/csv_reader.h"

namespace beacon {
namespace {

// libxml2 changed the error callback's argument to const in 2.12; take
// whichever this version declares.
template <class F>
struct SecondArg;
template <class R, class A, class B>
struct SecondArg<R (*)(A, B)> {
  using type = B;
};
using XmlErrorArg = SecondArg<xmlStructuredErrorFunc>::type;

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

const char* text_of(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// Feeds libxml2 from a stream or from memory, so files stream from disk.
struct Input {
  std::istream* in = nullptr;
  std::string_view data;
  bool has_text = false;  // anything but white space read so far
  bool at_end = false;

  static int read(void* self_ptr, char* buf, int len) {
    auto* self = static_cast<Input*>(self_ptr);
    if (len <= 0) return 0;
    size_t n = 0;
    if (self->in) {
      self->in->read(buf, len);
      if (self->in->bad()) return -1;
      n = static_cast<size_t>(self->in->gcount());
    } else {
      n = std::min(self->data.size(), static_cast<size_t>(len));
      std::copy_n(self->data.data(), n, buf);
      self->data.remove_prefix(n);
    }
    for (size_t i = 0; i < n && !self->has_text; ++i)
      self->has_text = buf[i] != ' ' && buf[i] != '\n' && buf[i] != '\r' && buf[i] != '\t';
    if (n == 0) self->at_end = true;
    return static_cast<int>(n);
  }
  static int close(void*) { return 0; }
};

struct FirstError {
  int line = 0;
  std::string message;

  static void on_error(void* self_ptr, XmlErrorArg error) {
    auto* self = static_cast<FirstError*>(self_ptr);
    if (!error || error->level < XML_ERR_ERROR || !self->message.empty()) return;
    self->line = error->line;
    // One line of text: libxml2 ends messages with a newline and puts some on two.
    std::string message = error->message ? error->message : "not well-formed";
    for (char& c : message)
      if (c == '\n' || c == '\r') c = ' ';
    self->message = std::string(trim_view(message));
  }
};

enum class Kind { kRoot, kOutside, kChild, kHeader, kGroup };

struct Frame {
  std::string name;  // upper-cased local name
  std::string path;
  int line = 0;
  Kind kind = Kind::kOutside;
  bool has_elements = false;
  std::string text;
  bool too_long = false;
  size_t group = 0;                 // for kGroup: index in the child's groups
  std::map<std::string, int> seen;  // child element counts, for [n] in paths
};

class Walker {
 public:
  Walker(const std::string& name, const XmlWalkHandlers& handlers)
      : name_(name), handlers_(handlers) {}

  // False to stop reading (the root is not EXPSSDA903).
  bool start(std::string_view local_name, int line) {
    auto name = upper(local_name);
    Frame f;
    f.name = name;
    f.line = line;
    if (stack_.empty()) {
      if (name != "EXPSSDA903") {
        problems_.push_back(
            {Severity::kError, name_, line, "", "",
             "not an EXPSSDA903 file: the root element is <" + std::string(local_name) + ">",
             "xml.root"});
        return false;
      }
      f.kind = Kind::kRoot;
      f.path = name;
      stack_.push_back(std::move(f));
      return true;
    }
    auto& parent = stack_.back();
    parent.has_elements = true;
    parent.text.clear();  // text beside elements (mixed content) is not data
    int index = ++parent.seen[name];
    f.path = parent.path + "/" + name + "[" + std::to_string(index) + "]";
    if (parent.kind == Kind::kRoot && name == "CHILD") {
      f.kind = Kind::kChild;
      child_ = XmlChild{f.path, line, {}, {}};
    } else if (parent.kind == Kind::kRoot || parent.kind == Kind::kOutside) {
      f.kind = Kind::kOutside;
    } else if (parent.kind == Kind::kChild && name == "HEADER") {
      f.kind = Kind::kHeader;
      f.path = parent.path + "/HEADER";
    } else {
      // Decided a group or a leaf at its end; reserve its place in document order.
      f.kind = Kind::kGroup;
      f.group = child_->groups.size();
      child_->groups.push_back({name, f.path, line, {}});
    }
    stack_.push_back(std::move(f));
    return true;
  }

  void text(const char* s) {
    auto& f = stack_.back();
    if (f.too_long || f.has_elements) return;
    std::string_view piece(s);
    if (f.text.size() + piece.size() > CsvReader::kMaxFieldBytes) {
      f.too_long = true;
      f.text.clear();
      return;
    }
    f.text.append(piece);
  }

  void end() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.kind == Kind::kChild) {
      if (handlers_.on_child) handlers_.on_child(std::move(*child_));
      child_.reset();
      return;
    }
    if (f.kind == Kind::kGroup && f.has_elements) return;  // a group: its leaves are in place
    if (f.kind == Kind::kGroup) child_->groups.erase(child_->groups.begin() + f.group);
    if (f.has_elements || stack_.empty()) return;  // a wrapper, or the root itself
    XmlLeaf leaf{f.name, std::string(trim_view(f.text)), f.line, stack_.back().path, ""};
    if (f.too_long)
      leaf.bad = "the value is longer than " + std::to_string(CsvReader::kMaxFieldBytes) +
                 " bytes, the limit";
    const auto& parent = stack_.back();
    switch (parent.kind) {
      case Kind::kRoot:
      case Kind::kOutside:
        if (handlers_.on_outside_leaf) handlers_.on_outside_leaf(leaf);
        break;
      case Kind::kChild:
      case Kind::kHeader:
        child_->flat.push_back(std::move(leaf));
        break;
      case Kind::kGroup:
        child_->groups[parent.group].leaves.push_back(std::move(leaf));
        break;
    }
  }

  std::string current_path() const { return stack_.empty() ? "" : stack_.back().path; }
  // The innermost element still open, e.g. "CHILDID", or empty.
  std::string open_element() const {
    if (stack_.empty()) return "";
    return stack_.back().name;
  }
  Problems& problems() { return problems_; }

 private:
  const std::string& name_;
  const XmlWalkHandlers& handlers_;
  std::vector<Frame> stack_;
  std::optional<XmlChild> child_;
  Problems problems_;
};

// libxml2's messages when the input stops inside the document.
bool ends_early(const std::string& message) {
  for (const char* m : {"Extra content at the end", "Premature end", "EndTag: '</' not found",
                        "Couldn't find end of Start Tag", "expected '>'"})
    if (message.find(m) != std::string::npos) return true;
  return false;
}

int line_of(xmlTextReaderPtr reader) {
  if (auto* node = xmlTextReaderCurrentNode(reader)) {
    long line = xmlGetLineNo(node);
    if (line > 0 && line < INT_MAX) return static_cast<int>(line);
  }
  return xmlTextReaderGetParserLineNumber(reader);
}

}  // namespace

Problems walk_ssda903_xml(std::istream* in, std::string_view data, const std::string& name,
                          const XmlWalkHandlers& handlers) {
  Input input{in, data};
  FirstError error;
  Walker walker(name, handlers);
  // No network, no DTD loading, no entity substitution: hostile files stay inert.
  const int options = XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
  std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)> reader(
      xmlReaderForIO(&Input::read, &Input::close, &input, nullptr, nullptr, options),
      xmlFreeTextReader);
  if (!reader) {
    walker.problems().push_back(
        {Severity::kError, name, 0, "", "", "cannot read the file as XML", "xml.unreadable"});
    return std::move(walker.problems());
  }
  xmlTextReaderSetStructuredErrorHandler(reader.get(), &FirstError::on_error, &error);
  int ret = 0;
  bool go_on = true;
  while (go_on && (ret = xmlTextReaderRead(reader.get())) == 1) {
    switch (xmlTextReaderNodeType(reader.get())) {
      case XML_READER_TYPE_ELEMENT: {
        bool empty = xmlTextReaderIsEmptyElement(reader.get()) == 1;
        go_on =
            walker.start(text_of(xmlTextReaderConstLocalName(reader.get())), line_of(reader.get()));
        if (go_on && empty) walker.end();
        break;
      }
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        walker.text(text_of(xmlTextReaderConstValue(reader.get())));
        break;
      case XML_READER_TYPE_END_ELEMENT:
        walker.end();
        break;
      default:
        break;
    }
  }
  if (go_on && ret < 0) {
    std::string message =
        "malformed XML: " +
        (error.message.empty() ? std::string("the XML could not be read") : error.message);
    std::string code = "xml.malformed";
    if (!input.has_text) {
      message = "the file is empty: there is no XML in it";
      code = "file.empty";
    } else if (error.message.find("not proper UTF-8") != std::string::npos) {
      message = "not valid UTF-8 text (save the file as UTF-8, or declare its encoding)";
    } else if (input.at_end && !walker.open_element().empty() && ends_early(error.message)) {
      // libxml2's words for a file cut short ("Extra content at the end…") mislead.
      message = "the file ends before <" + walker.open_element() + "> is closed: is it cut short?";
    }
    int line = error.line > 0 ? error.line : xmlTextReaderGetParserLineNumber(reader.get());
    walker.problems().push_back(
        {Severity::kError, name, line, walker.current_path(), "", message, code});
  }
  return std::move(walker.problems());
}

}  // namespace beacon
