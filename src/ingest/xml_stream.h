// Streaming XML reading for the XML returns (CIN census, EXPSSDA903), on top
// of libxml2's push parser: element start and end events, the text of leaf
// elements, each element's path with positional indices
// (Message/Children/Child[12]/CINdetails[2]) and its exact line. Memory stays
// bounded by the nesting depth and the longest text, never the file size.
//
// Hostile input is safe: no network, no external entities, no DTD loading, no
// entity declarations at all (they are refused, so "billion laughs" cannot
// expand), libxml2's default depth and size limits (never XML_PARSE_HUGE), and
// a cap on each element's text. Malformed, truncated or wrongly encoded input
// becomes a Problem naming the file, line and element path with libxml2's own
// message; nothing is printed.
//
// Why the push parser rather than xmlTextReader: the reader's parser line runs
// ahead of the node it returns (by up to ~20 lines), and its node line numbers
// stop at 65535, while a council's CIN census runs to hundreds of thousands of
// lines. SAX callbacks see the parser exactly at each tag.
#ifndef BEACON_INGEST_XML_STREAM_H_
#define BEACON_INGEST_XML_STREAM_H_

#include <deque>
#include <istream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "core/result.h"

namespace beacon {

struct XmlEvent {
  enum class Kind { kStart, kEnd };
  Kind kind = Kind::kStart;
  std::string name;  // local name, without any namespace prefix
  int line = 0;      // line of the start tag (kStart) or the end tag (kEnd)
  // kEnd only.
  bool leaf = false;           // the element held no child elements
  std::string text;            // a leaf's text, surrounding whitespace trimmed
  bool text_too_long = false;  // the text passed XmlStream::kMaxTextBytes and was cut
};

class XmlStream {
 public:
  // Longest text kept for one element; the caller reports longer ones.
  static constexpr size_t kMaxTextBytes = 1 << 20;

  // Opens `path`; `display_name` names the file in problems.
  static Result<std::unique_ptr<XmlStream>> open(const std::string& path, std::string display_name);
  // Reads from memory; `data` must outlive the stream.
  static std::unique_ptr<XmlStream> from_memory(std::string_view data, std::string display_name);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Elements whose path step always carries its position ("Child[1]"); other
  // steps show it only from the second sibling of that name ("Header",
  // "Source[2]").
  void set_indexed_names(std::set<std::string, std::less<>> names) { indexed_ = std::move(names); }

  // The next event; false at the end of the input or after a fatal error
  // (see problems()).
  bool next(XmlEvent& event);

  // The path of the element of the last event, e.g.
  // "Message/Children/Child[3]/CINdetails[1]"; after kEnd, still the element
  // that ended.
  const std::string& path() const { return path_; }
  // Nesting depth of that element (the root is 1).
  int depth() const { return static_cast<int>(steps_.size()); }
  // Local name of that element's parent ("" for the root).
  std::string_view parent_name() const;

  // Problems with the input as a whole: malformed or truncated XML, encoding
  // errors, entity declarations, an empty file (errors), and libxml2's
  // recoverable complaints such as undeclared namespace prefixes (findings).
  const Problems& problems() const { return problems_; }
  // A fatal error stopped the parse; events before it were delivered.
  bool failed() const { return failed_; }
  const std::string& name() const { return name_; }

 private:
  struct Pending;
  struct Parser;
  XmlStream() = default;
  bool feed();  // passes the next chunk to libxml2; false when input is exhausted
  void begin_parser(std::string_view first_bytes);
  void open_step(const std::string& name);

  std::string name_;
  std::unique_ptr<std::istream> in_;  // file input, or null for memory
  std::vector<char> buffer_;          // the chunk read from in_
  std::string_view memory_;           // memory input not yet fed
  std::unique_ptr<Parser> parser_;
  std::deque<Pending> pending_;
  bool input_done_ = false;
  bool failed_ = false;
  bool saw_element_ = false;
  Problems problems_;

  // Consumer-side view of the open elements.
  struct Step {
    std::string name;
    size_t path_length = 0;  // path_ size before this step
    std::map<std::string, int, std::less<>> child_counts;
  };
  std::vector<Step> steps_;
  std::map<std::string, int, std::less<>> root_counts_;
  std::string path_;
  bool pop_before_next_ = false;
  std::set<std::string, std::less<>> indexed_;
};

}  // namespace beacon

#endif  // BEACON_INGEST_XML_STREAM_H_
