// Streams an EXPSSDA903 file (through XmlStream) and hands over one CHILD at
// a time, its leaves gathered: the header's (and any other ungrouped leaves
// under the child) and, per repeating group (EPISODE, AREVIEW, …), the
// group's own. Memory stays bounded by the largest child.
#ifndef BEACON_INGEST_SSDA903_XML_WALK_H_
#define BEACON_INGEST_SSDA903_XML_WALK_H_

#include <functional>
#include <string>
#include <vector>

#include "core/problem.h"
#include "ingest/xml_stream.h"

namespace beacon {

// An element holding only text.
struct XmlLeaf {
  std::string name;   // local name, upper-cased
  std::string value;  // trimmed text
  int line = 0;
  std::string parent;  // element path of the element holding it
  std::string bad;     // why the value could not be read (too long), or empty
};

// An element under a CHILD that holds leaves of its own (EPISODE, AREVIEW …).
struct XmlGroup {
  std::string name;  // local name, upper-cased
  std::string path;  // e.g. EXPSSDA903/CHILD[3]/EPISODE[2]
  int line = 0;
  std::vector<XmlLeaf> leaves;
};

struct XmlChild {
  std::string path;  // EXPSSDA903/CHILD[3]
  int line = 0;
  std::vector<XmlLeaf> flat;     // HEADER's leaves and any not inside a group
  std::vector<XmlGroup> groups;  // in document order (inner groups before their parent)
};

struct XmlWalkHandlers {
  std::function<void(XmlChild&&)> on_child;
  // Leaves outside any CHILD (a header carrying the collection year, say).
  std::function<void(const XmlLeaf&)> on_outside_leaf;
};

struct XmlWalkResult {
  // The stream's problems (malformed, truncated, wrongly encoded XML) and a
  // root element other than EXPSSDA903.
  Problems problems;
  bool failed = false;  // a structural fault stopped the walk
};

// Reads `xml` to its end or its first fatal error.
XmlWalkResult walk_ssda903_xml(XmlStream& xml, const XmlWalkHandlers& handlers);

}  // namespace beacon

#endif  // BEACON_INGEST_SSDA903_XML_WALK_H_
