#include "ingest/detect.h"

#include <fstream>

#include "ingest/csv_reader.h"
#include "ingest/readers.h"
#include "ingest/xml_sniff.h"

namespace beacon {
namespace {

// Enough for the XML declaration, comments and a CIN census header.
constexpr size_t kPrefixBytes = 64 * 1024;

Result<std::string> read_prefix(const InputFile& file) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return Status::io_error(file.name + ": cannot be opened");
  std::string prefix(kPrefixBytes, '\0');
  in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
  if (in.bad()) return Status::io_error(file.name + ": cannot be read");
  prefix.resize(static_cast<size_t>(in.gcount()));
  return prefix;
}

Result<DetectedFile> detect_xml(const InputFile& file, const XmlStart& start) {
  if (start.root == "EXPSSDA903") return DetectedFile{file, Format::kSsda903Xml, "*"};
  if (start.root == "Message") {
    if (!start.collection.empty() && start.collection != "CIN")
      return Status::invalid_input(file.name + ": is a DfE <Message> return for the " +
                                   start.collection +
                                   " collection; Beacon reads the CIN census (Collection CIN)");
    return DetectedFile{file, Format::kCinCensusXml, "*"};
  }
  return Status::invalid_input(file.name + ": is XML with root element <" + start.root +
                               ">; Beacon reads the CIN census (<Message>) and SSDA903 "
                               "(<EXPSSDA903>) returns");
}

std::string joined(const std::vector<std::string>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size() && i < 12; ++i) out += (i ? ", " : "") + columns[i];
  if (columns.size() > 12) out += ", … (" + std::to_string(columns.size()) + " columns)";
  return out;
}

Result<DetectedFile> detect_csv(const InputFile& file) {
  auto csv = CsvReader::open(file.path, file.name);
  if (!csv) return csv.status();
  const auto& header = (*csv)->header();
  const std::string base = file.name.substr(file.name.find_last_of('/') + 1);
  if (auto t = ssda903_table_for_header(header)) return DetectedFile{file, Format::kSsda903Csv, *t};
  if (auto t = ssd_table_for_header(header, base)) return DetectedFile{file, Format::kSsdCsv, *t};
  if (auto t = local_table_for_header(header, base))
    return DetectedFile{file, Format::kLocalCsv, *t};
  return Status::invalid_input(
      file.name + ": the columns (" + joined(header) +
      ") are not those of an SSDA903 table, an SSD extract table (ssd-fields) or one of "
      "Beacon's local tables (docs/local-tables.md)");
}

}  // namespace

Result<DetectedFile> detect_format(const InputFile& file) {
  auto prefix = read_prefix(file);
  if (!prefix) return prefix.status();
  const std::string& p = *prefix;
  if (p.empty()) return Status::invalid_input(file.name + ": is empty");
  if (p.compare(0, 4, "PK\x03\x04") == 0)
    return Status::invalid_input(file.name +
                                 ": is a zip file or an Excel workbook; save each table as CSV");
  if (p.find('\0') != std::string::npos)
    return Status::invalid_input(file.name + ": is not UTF-8 text (CSV or XML expected)");
  if (auto start = sniff_xml_start(p)) return detect_xml(file, *start);
  auto first = p.find_first_not_of(" \t\r\n", p.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
  if (first != std::string::npos && p[first] == '<')
    return Status::invalid_input(file.name +
                                 ": looks like XML but its root element could not "
                                 "be read in the first 64 KiB");
  return detect_csv(file);
}

}  // namespace beacon
