// The QA history as local tables (docs/local-tables.md): one CSV per kind of
// record, written by `beacon generate` and read by `beacon load`. Pure text
// in and out; the callers read and write the files.
#ifndef BEACON_QA_QA_TABLES_H_
#define BEACON_QA_QA_TABLES_H_

#include <map>
#include <string>
#include <vector>

#include "core/problem.h"
#include "qa/qa_store.h"

namespace beacon::qa {

// The tables' file names in load order ("qa_cycles.csv", …).
const std::vector<std::string>& qa_table_files();
// Each table's columns, in order (the templates' headers).
std::vector<std::string> qa_table_columns(const std::string& file_name);

// File name → CSV text (header row, then one row per record; CRLF-free).
std::map<std::string, std::string> write_qa_tables(const QaHistory& h);

// Reads the tables given (file name → text; any subset). Every problem names
// the file, the line and the column; rows with errors are left out. Records
// must refer to cycles, evaluations and plans in the same tables.
QaHistory read_qa_tables(const std::map<std::string, std::string>& files, Problems& problems);

}  // namespace beacon::qa

#endif  // BEACON_QA_QA_TABLES_H_
