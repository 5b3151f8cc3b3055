// Reading Beacon's local tables held in memory (uploads, fuzzing, tests); the
// file variant, read_local_tables(), is declared in readers.h. The contract
// for the tables is docs/local-tables.md.
#ifndef BEACON_INGEST_LOCAL_READER_H_
#define BEACON_INGEST_LOCAL_READER_H_

#include <optional>
#include <string_view>
#include <vector>

#include "ingest/batch.h"
#include "ingest/csv_table.h"

namespace beacon {

// Each file is recognised by its header (and, for ties, its name). One
// contribution per file, dated `load_date`.
Batch read_local_tables_from_memory(const std::vector<MemoryCsv>& files,
                                    const CaseHistory& existing, Date load_date);

// Both variants come down to this.
Batch read_local_sources(const std::vector<CsvSource>& sources, const CaseHistory& existing,
                         Date load_date);

// A financial year by its starting calendar year: "2024-25", "2024/25",
// "2024-2025" or "2024" → 2024; nullopt for anything else (including
// "2024-26").
std::optional<int> parse_financial_year(std::string_view text);

}  // namespace beacon

#endif  // BEACON_INGEST_LOCAL_READER_H_
