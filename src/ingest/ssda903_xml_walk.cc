#include "ingest/ssda903_xml_walk.h"

#include <optional>

namespace beacon {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

enum class Kind { kRoot, kOutside, kChild, kHeader, kGroup };

struct Frame {
  std::string name;  // upper-cased local name
  std::string path;
  int line = 0;
  Kind kind = Kind::kOutside;
  bool has_elements = false;
  size_t group = 0;  // for kGroup: index in the child's groups
};

class Walker {
 public:
  Walker(XmlStream& xml, const XmlWalkHandlers& handlers) : xml_(xml), handlers_(handlers) {}

  // False to stop reading (the root is not EXPSSDA903).
  bool start(const XmlEvent& e) {
    Frame f{upper(e.name), xml_.path(), e.line, Kind::kOutside, false, 0};
    if (stack_.empty()) {
      if (f.name != "EXPSSDA903") {
        result_.problems.push_back({Severity::kError, xml_.name(), e.line, "", "",
                                    "not an EXPSSDA903 file: the root element is <" + e.name + ">",
                                    "xml.root"});
        result_.failed = true;
        return false;
      }
      f.kind = Kind::kRoot;
    } else {
      auto& parent = stack_.back();
      parent.has_elements = true;
      if (parent.kind == Kind::kRoot && f.name == "CHILD") {
        f.kind = Kind::kChild;
        child_ = XmlChild{f.path, e.line, {}, {}};
      } else if (parent.kind == Kind::kRoot || parent.kind == Kind::kOutside) {
        f.kind = Kind::kOutside;
      } else if (parent.kind == Kind::kChild && f.name == "HEADER") {
        f.kind = Kind::kHeader;
      } else {
        // A group or a leaf, known at its end; reserve its place in document order.
        f.kind = Kind::kGroup;
        f.group = child_->groups.size();
        child_->groups.push_back({f.name, f.path, e.line, {}});
      }
    }
    stack_.push_back(std::move(f));
    return true;
  }

  void end(const XmlEvent& e) {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.kind == Kind::kChild) {
      if (handlers_.on_child) handlers_.on_child(std::move(*child_));
      child_.reset();
      return;
    }
    if (f.kind == Kind::kGroup && f.has_elements) return;   // a group: its leaves are in place
    if (f.kind == Kind::kGroup) child_->groups.pop_back();  // a leaf: the last slot reserved
    if (f.has_elements || stack_.empty()) return;           // a wrapper, or the root itself
    XmlLeaf leaf{f.name, e.text, f.line, stack_.back().path, ""};
    if (e.text_too_long)
      leaf.bad = "the value is longer than " + std::to_string(XmlStream::kMaxTextBytes) +
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

  XmlWalkResult finish() {
    for (const auto& p : xml_.problems()) result_.problems.push_back(p);
    result_.failed = result_.failed || xml_.failed();
    return std::move(result_);
  }

 private:
  XmlStream& xml_;
  const XmlWalkHandlers& handlers_;
  std::vector<Frame> stack_;
  std::optional<XmlChild> child_;
  XmlWalkResult result_;
};

}  // namespace

XmlWalkResult walk_ssda903_xml(XmlStream& xml, const XmlWalkHandlers& handlers) {
  // Repeating elements show their position in paths even when first.
  xml.set_indexed_names({"CHILD", "EPISODE", "AREVIEW", "AMISSING", "AD_PLACED"});
  Walker walker(xml, handlers);
  XmlEvent e;
  while (xml.next(e)) {
    if (e.kind == XmlEvent::Kind::kStart) {
      if (!walker.start(e)) break;
    } else {
      walker.end(e);
    }
  }
  return walker.finish();
}

}  // namespace beacon
