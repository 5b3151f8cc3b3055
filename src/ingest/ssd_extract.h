// Reading an SSD extract held in memory (uploads, fuzzing, tests); the file
// variant, read_ssd_extract(), is declared in readers.h.
//
// The extract is read whole, so that records can refer to each other by the
// SSD's identifiers (cine_referral_id, cppl_cp_plan_id, clae_cla_id, …)
// whatever order the files come in; references resolve within the extract
// first, then among the records already stored.
#ifndef BEACON_INGEST_SSD_EXTRACT_H_
#define BEACON_INGEST_SSD_EXTRACT_H_

#include <vector>

#include "ingest/batch.h"
#include "ingest/csv_table.h"

namespace beacon {

// Each file is recognised by its header (and, for ties, its name).
Batch read_ssd_extract_from_memory(const std::vector<MemoryCsv>& files,
                                   const CaseHistory& existing);

// Both variants come down to this.
Batch read_ssd_sources(const std::vector<CsvSource>& sources, const CaseHistory& existing);

}  // namespace beacon

#endif  // BEACON_INGEST_SSD_EXTRACT_H_
