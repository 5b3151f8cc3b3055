// A statutory return as written, for validation: every value as raw text with
// the line it sits on, blank and malformed values kept as they are (the
// readers behind `load` refuse or normalise them, which is right for loading
// and wrong for telling a data officer what the DfE will say).
//
// The CIN census becomes a light tree of record groups (Child, CINdetails,
// Assessments, CINPlanDates, Section47, ChildProtectionPlans, Reviews), each
// holding its leaf elements in order; wrapper elements (ChildIdentifiers,
// ChildCharacteristics, Disabilities, FactorsIdentifiedAtAssessment,
// CollectionDetails, Source) are see-through, so a leaf belongs to the nearest
// record group. Repeated leaves (Disability, AssessmentFactors) stay repeated.
// An SSDA903 CSV becomes a table of rows of cells with their lines.
#ifndef BEACON_INGEST_RAW_RETURN_H_
#define BEACON_INGEST_RAW_RETURN_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ingest/input_file.h"

namespace beacon {

struct RawField {
  std::string name;
  std::string text;  // surrounding whitespace trimmed; "" for <X/> or <X></X>
  int line = 0;
};

// One record group of the CIN census: its leaf elements, in file order.
struct RawGroup {
  int line = 0;  // line of the group's start tag
  std::vector<RawField> fields;

  // The first leaf of that name, or nullptr when the element is absent.
  const RawField* find(std::string_view name) const;
  // Every leaf of that name (repeated elements such as Disability).
  std::vector<const RawField*> all(std::string_view name) const;
};

struct RawProtectionPlan {
  RawGroup plan;
  std::vector<RawGroup> reviews;
};

struct RawCinDetails {
  RawGroup details;
  std::vector<RawGroup> assessments;  // AssessmentFactors repeated inside
  std::vector<RawGroup> plans;        // CINPlanDates
  std::vector<RawGroup> section47s;
  std::vector<RawProtectionPlan> protection_plans;
};

struct RawCinChild {
  RawGroup child;  // ChildIdentifiers and ChildCharacteristics leaves
  std::vector<RawCinDetails> episodes;
};

struct RawCinCensus {
  std::string file;  // as the user named it
  RawGroup header;   // ReferenceDate, Year, Collection, LEA, …
  std::vector<RawCinChild> children;
};

// Reads a CIN census XML file. Fails, naming file, line and element, when the
// file is not well-formed XML or its root is not <Message> with <Children>.
Result<RawCinCensus> read_raw_cin_census(const InputFile& file);
// The same from memory (tests, uploads).
Result<RawCinCensus> read_raw_cin_census_text(std::string_view xml, const std::string& name);

struct RawRow {
  int line = 0;
  std::vector<std::string> cells;  // trimmed, one per header column (missing cells "")
};

// One SSDA903 table as written.
struct RawTable {
  std::string name;  // Header, Episodes, … (ssda903_tables.h)
  std::string file;
  std::vector<std::string> columns;  // upper case
  std::vector<RawRow> rows;

  // Index of a column, or -1 when the file lacks it.
  int column(std::string_view upper_name) const;
};

// Reads an SSDA903 CSV table, recognised by its columns. Fails, naming the
// file and line, when it is unreadable or its header is no 903 table.
Result<RawTable> read_raw_ssda903_csv(const InputFile& file);
Result<RawTable> read_raw_ssda903_csv_text(std::string text, const std::string& name);

// Reads an EXPSSDA903 XML return into the same tables, keyed by table name
// (Header, Episodes, …; a Header DUC becomes a UASC row). Each row's line is
// its group's (the CHILD's for Header, OC3 and AD1); every table's columns are
// the CSV table's, with DOB (and the Header's UASC) added.
Result<std::vector<RawTable>> read_raw_ssda903_xml(const InputFile& file);
Result<std::vector<RawTable>> read_raw_ssda903_xml_text(std::string_view xml, const std::string& name);

}  // namespace beacon

#endif  // BEACON_INGEST_RAW_RETURN_H_
