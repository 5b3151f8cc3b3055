#include "ingest/xml_stream.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <fstream>
#include <mutex>

namespace beacon {

namespace {

constexpr size_t kChunkBytes = 64 * 1024;

std::string_view trim_xml_space(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// libxml2's messages end with a newline and sometimes hold one (the bytes of
// an encoding error); a problem is one line.
std::string one_line(const char* message) {
  std::string out;
  for (const char* p = message ? message : ""; *p; ++p) out.push_back(*p == '\n' ? ' ' : *p);
  return std::string(trim_xml_space(out));
}

bool is_encoding_error(const xmlError& e) {
  if (e.domain == XML_FROM_I18N || e.code == XML_ERR_INVALID_ENCODING ||
      e.code == XML_ERR_UNKNOWN_ENCODING || e.code == XML_ERR_UNSUPPORTED_ENCODING ||
      e.code == XML_ERR_ENCODING_NAME)
    return true;
  // Bytes that are not UTF-8 come as an "invalid character" error.
  return e.code == XML_ERR_INVALID_CHAR && e.message &&
         std::string_view(e.message).find("UTF-8") != std::string_view::npos;
}

// libxml2 reports a few things outside any parser context through its
// "generic" error function, which prints to stderr by default. While Beacon's
// parser runs it prints nothing (the structured handler already has every
// parse error).
void ignore_generic_error(void*, const char*, ...) {}

class QuietGenericErrors {
 public:
  QuietGenericErrors() : func_(xmlGenericError), ctx_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
  }
  ~QuietGenericErrors() { xmlSetGenericErrorFunc(ctx_, func_); }

 private:
  xmlGenericErrorFunc func_;
  void* ctx_;
};

void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

// An event as the SAX callbacks saw it, waiting for next().
struct XmlStream::Pending {
  enum class Kind { kStart, kEnd, kError, kFinding };
  Kind kind = Kind::kStart;
  std::string name;
  int line = 0;
  bool leaf = false;
  bool text_too_long = false;
  std::string text;  // kEnd: the leaf's text; kError/kFinding: the message
  std::string code;  // kError/kFinding
};

// The libxml2 push parser and the SAX-side state.
struct XmlStream::Parser {
  XmlStream* stream = nullptr;
  xmlParserCtxtPtr ctxt = nullptr;
  std::vector<bool> has_child;  // per open element: has it a child element yet
  std::string text;             // text of the innermost open element so far
  bool text_cut = false;
  bool fatal = false;
  bool terminating = false;  // parsing the end of the input

  ~Parser() {
    if (!ctxt) return;
    // Entity declarations in SAX mode make libxml2 build a stub document.
    if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
    xmlFreeParserCtxt(ctxt);
  }

  int line() const { return ctxt && ctxt->input ? ctxt->input->line : 0; }

  void push(Pending p) { stream->pending_.push_back(std::move(p)); }

  void fail(int at_line, std::string message, std::string code) {
    if (fatal) return;  // after the first fatal error the rest is noise
    fatal = true;
    Pending p;
    p.kind = Pending::Kind::kError;
    p.line = at_line;
    p.text = std::move(message);
    p.code = std::move(code);
    push(std::move(p));
  }

  static Parser* of(void* ctx) { return static_cast<Parser*>(ctx); }

  static void on_start(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar*, int,
                       const xmlChar**, int, int, const xmlChar**) {
    auto* self = of(ctx);
    if (!self->has_child.empty()) self->has_child.back() = true;
    self->has_child.push_back(false);
    self->text.clear();
    self->text_cut = false;
    self->stream->saw_element_ = true;
    Pending p;
    p.kind = Pending::Kind::kStart;
    p.name = reinterpret_cast<const char*>(localname);
    p.line = self->line();
    self->push(std::move(p));
  }

  static void on_end(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar*) {
    auto* self = of(ctx);
    Pending p;
    p.kind = Pending::Kind::kEnd;
    p.name = reinterpret_cast<const char*>(localname);
    p.line = self->line();
    p.leaf = !self->has_child.empty() && !self->has_child.back();
    if (p.leaf) {
      p.text = std::string(trim_xml_space(self->text));
      p.text_too_long = self->text_cut;
    }
    if (!self->has_child.empty()) self->has_child.pop_back();
    self->text.clear();
    self->text_cut = false;
    self->push(std::move(p));
  }

  static void on_text(void* ctx, const xmlChar* ch, int len) {
    auto* self = of(ctx);
    if (len <= 0) return;
    size_t room = kMaxTextBytes - std::min(kMaxTextBytes, self->text.size());
    size_t n = static_cast<size_t>(len);
    if (n > room) {
      self->text_cut = true;
      n = room;
    }
    self->text.append(reinterpret_cast<const char*>(ch), n);
  }

  // Entity declarations are never needed by a return and are the route to
  // entity-expansion attacks: refuse the file.
  static void on_entity_decl(void* ctx, const xmlChar* name, int, const xmlChar*, const xmlChar*,
                             xmlChar*) {
    auto* self = of(ctx);
    self->fail(self->line(),
               "the file declares an XML entity (" +
                   std::string(reinterpret_cast<const char*>(name)) +
                   "); entity declarations are not accepted",
               "xml.entity");
    xmlStopParser(self->ctxt);
  }

  static void on_error(void* ctx, xmlErrorPtr e) {
    auto* self = of(ctx);
    if (!e || e->level == XML_ERR_WARNING) return;
    int at = e->line > 0 ? e->line : self->line();
    std::string message = one_line(e->message);
    if (e->level == XML_ERR_ERROR) {
      // Recoverable (e.g. an undeclared namespace prefix): the data is still readable.
      Pending p;
      p.kind = Pending::Kind::kFinding;
      p.line = at;
      p.text = "XML problem (read on regardless): " + message;
      p.code = "xml.recoverable";
      self->push(std::move(p));
      return;
    }
    bool nothing_read = !self->stream->saw_element_;
    if (nothing_read &&
        (e->code == XML_ERR_DOCUMENT_END ||
         (e->code == XML_ERR_DOCUMENT_EMPTY && message.rfind("Document is empty", 0) == 0))) {
      self->fail(at, "the file is empty (no XML content)", "xml.empty");
    } else if (is_encoding_error(*e)) {
      self->fail(at, "not valid UTF-8 text (save the file as UTF-8): " + message, "xml.encoding");
    } else if (e->code == XML_ERR_TAG_NOT_FINISHED ||
               (self->terminating && !self->has_child.empty())) {
      self->fail(at,
                 "the XML ends before its elements are closed (is the file truncated?): " + message,
                 "xml.truncated");
    } else {
      self->fail(at, "malformed XML: " + message, "xml.malformed");
    }
  }
};

Result<std::unique_ptr<XmlStream>> XmlStream::open(const std::string& path,
                                                   std::string display_name) {
  auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*in) return Status::io_error(display_name + ": cannot be opened for reading");
  std::unique_ptr<XmlStream> s(new XmlStream());
  s->name_ = std::move(display_name);
  s->in_ = std::move(in);
  return s;
}

std::unique_ptr<XmlStream> XmlStream::from_memory(std::string_view data, std::string display_name) {
  std::unique_ptr<XmlStream> s(new XmlStream());
  s->name_ = std::move(display_name);
  s->memory_ = data;
  return s;
}

XmlStream::~XmlStream() = default;

std::string_view XmlStream::parent_name() const {
  return steps_.size() >= 2 ? std::string_view(steps_[steps_.size() - 2].name) : std::string_view();
}

void XmlStream::begin_parser(std::string_view first_bytes) {
  init_libxml_once();
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = Parser::on_start;
  sax.endElementNs = Parser::on_end;
  sax.characters = Parser::on_text;
  sax.ignorableWhitespace = Parser::on_text;
  sax.cdataBlock = Parser::on_text;
  sax.entityDecl = Parser::on_entity_decl;
  sax.serror = Parser::on_error;
  parser_ = std::make_unique<Parser>();
  parser_->stream = this;
  QuietGenericErrors quiet;
  parser_->ctxt = xmlCreatePushParserCtxt(&sax, parser_.get(), first_bytes.data(),
                                          static_cast<int>(first_bytes.size()), nullptr);
  if (!parser_->ctxt) {
    parser_->fail(0, "the XML parser could not start (out of memory?)", "xml.malformed");
    return;
  }
  // No network, no DTD loading, no entity substitution, default size limits.
  xmlCtxtUseOptions(parser_->ctxt, XML_PARSE_NONET);
}

bool XmlStream::feed() {
  if (input_done_) return false;
  std::string_view chunk;
  if (in_) {
    buffer_.resize(kChunkBytes);
    in_->read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    chunk = std::string_view(buffer_.data(), static_cast<size_t>(in_->gcount()));
  } else {
    chunk = memory_.substr(0, kChunkBytes);
    memory_.remove_prefix(chunk.size());
  }
  if (!parser_) {
    if (chunk.empty()) {
      problems_.push_back({Severity::kError, name_, 0, "", "", "the file is empty", "xml.empty"});
      failed_ = true;
      input_done_ = true;
      return false;
    }
    // The first bytes let libxml2 detect a byte-order mark or UTF-16.
    auto first = chunk.substr(0, 4);
    begin_parser(first);
    chunk.remove_prefix(first.size());
  }
  QuietGenericErrors quiet;
  if (!parser_->fatal) {
    bool last = chunk.empty();
    parser_->terminating = last;
    xmlParseChunk(parser_->ctxt, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0);
    if (last) {
      input_done_ = true;
      if (!saw_element_ && !parser_->fatal)
        parser_->fail(parser_->line(), "the file holds no XML elements", "xml.empty");
    }
  }
  if (parser_->fatal) input_done_ = true;
  return true;
}

void XmlStream::open_step(const std::string& name) {
  auto& counts = steps_.empty() ? root_counts_ : steps_.back().child_counts;
  int n = ++counts[name];
  Step step;
  step.name = name;
  step.path_length = path_.size();
  steps_.push_back(std::move(step));
  if (!path_.empty()) path_.push_back('/');
  path_ += name;
  if (n > 1 || indexed_.count(name)) path_ += "[" + std::to_string(n) + "]";
}

bool XmlStream::next(XmlEvent& event) {
  if (pop_before_next_) {
    path_.resize(steps_.back().path_length);
    steps_.pop_back();
    pop_before_next_ = false;
  }
  for (;;) {
    while (pending_.empty())
      if (!feed()) return false;
    Pending p = std::move(pending_.front());
    pending_.pop_front();
    switch (p.kind) {
      case Pending::Kind::kStart:
        open_step(p.name);
        event = XmlEvent{};
        event.kind = XmlEvent::Kind::kStart;
        event.name = std::move(p.name);
        event.line = p.line;
        return true;
      case Pending::Kind::kEnd:
        if (steps_.empty()) continue;  // cannot happen: libxml2 pairs tags
        event = XmlEvent{};
        event.kind = XmlEvent::Kind::kEnd;
        event.name = std::move(p.name);
        event.line = p.line;
        event.leaf = p.leaf;
        event.text = std::move(p.text);
        event.text_too_long = p.text_too_long;
        pop_before_next_ = true;
        return true;
      case Pending::Kind::kFinding:
        problems_.push_back(
            {Severity::kFinding, name_, p.line, path_, "", std::move(p.text), std::move(p.code)});
        continue;
      case Pending::Kind::kError:
        problems_.push_back(
            {Severity::kError, name_, p.line, path_, "", std::move(p.text), std::move(p.code)});
        failed_ = true;
        pending_.clear();
        input_done_ = true;
        return false;
    }
  }
}

}  // namespace beacon
