// A validation report (validation/validate.h) as CSV, JSON and XLSX, the
// three forms `beacon validate` writes (docs/cli.md is the contract).
#ifndef BEACON_EXPORT_VALIDATION_OUTPUT_H_
#define BEACON_EXPORT_VALIDATION_OUTPUT_H_

#include <string>

#include "core/result.h"
#include "validation/validate.h"

namespace beacon {

// Header rule,kind,child_id,table,field,value,file,line,message; one row per
// finding, in the report's order. A value a spreadsheet would run as a
// formula (= + - @ first) is written with a leading apostrophe.
std::string validation_csv(const validation::Report& report);
// {"collection","year","rules_run","rules_not_run":[{"rule","why"}],"findings":[{…}]}
std::string validation_json(const validation::Report& report);
// A Summary sheet (per rule run: rule, kind, message, count), a Not run sheet
// (rule, why) and a Findings sheet (the CSV's columns).
Status write_validation_xlsx(const validation::Report& report, const std::string& path);

// "2024-25" for 2024.
std::string validation_year_label(int year);

}  // namespace beacon

#endif  // BEACON_EXPORT_VALIDATION_OUTPUT_H_
