// Recognising an XML return from the start of the file alone: the root
// element's name, and the CIN census header's <Collection> when it is there.
// Used by detect_format(); reads nothing past the prefix it is given.
#ifndef BEACON_INGEST_XML_SNIFF_H_
#define BEACON_INGEST_XML_SNIFF_H_

#include <optional>
#include <string>
#include <string_view>

namespace beacon {

struct XmlStart {
  std::string root;        // the root element's local name (any namespace prefix dropped)
  std::string collection;  // text of the first <Collection> element, if within the prefix
};

// Nullopt when `prefix` does not begin (after an optional UTF-8 byte-order
// mark, the XML declaration, comments and a DOCTYPE) with an element.
std::optional<XmlStart> sniff_xml_start(std::string_view prefix);

}  // namespace beacon

#endif  // BEACON_INGEST_XML_SNIFF_H_
