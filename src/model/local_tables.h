// Facts neither the SSD nor the returns carry, kept in Beacon's own local
// tables (docs/local-tables.md): population, youth justice, targets, holidays.
#ifndef BEACON_MODEL_LOCAL_TABLES_H_
#define BEACON_MODEL_LOCAL_TABLES_H_

#include "model/record.h"

namespace beacon {

// ONS mid-year estimate of children aged 0–17 in the area.
struct PopulationEstimate : Record {
  static constexpr const char* kTable = "population_estimates";

  int year = 0;  // mid-year (30 June) of this calendar year
  int64_t children = 0;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("year", s.year, FieldRole::kKey);
    v("children", s.children, FieldRole::kData);
  }
};

// A youth-justice disposal (KPI11): a custodial release, court disposal or
// caution, and the date of the first proven re-offence after it, if any.
struct YouthJusticeDisposal : Record {
  static constexpr const char* kTable = "youth_justice";

  std::string person_id;
  Date disposal_date;
  std::string disposal_type;  // custody_release | court | caution
  OptDate reoffence_date;     // offence date of the first proven re-offence

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("person_id", s.person_id, FieldRole::kKey);
    v("disposal_date", s.disposal_date, FieldRole::kKey);
    v("disposal_type", s.disposal_type, FieldRole::kData);
    v("reoffence_date", s.reoffence_date, FieldRole::kData);
  }
};

// Target, tolerance band and benchmarks for one indicator in one financial year.
struct IndicatorTarget : Record {
  static constexpr const char* kTable = "indicator_targets";

  std::string indicator_id;  // KPI1 …
  int financial_year = 0;    // 2024 = 2024-25
  std::optional<double> target;
  std::optional<double> tolerance_low;
  std::optional<double> tolerance_high;
  std::string polarity;  // high | low | band; empty = the catalogue's
  std::optional<double> england;
  std::optional<double> statistical_neighbours;
  std::optional<double> region;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("indicator_id", s.indicator_id, FieldRole::kKey);
    v("financial_year", s.financial_year, FieldRole::kKey);
    v("target", s.target, FieldRole::kData);
    v("tolerance_low", s.tolerance_low, FieldRole::kData);
    v("tolerance_high", s.tolerance_high, FieldRole::kData);
    v("polarity", s.polarity, FieldRole::kData);
    v("england", s.england, FieldRole::kData);
    v("statistical_neighbours", s.statistical_neighbours, FieldRole::kData);
    v("region", s.region, FieldRole::kData);
  }
};

// A bank holiday added by the user to the shipped table.
struct ExtraBankHoliday : Record {
  static constexpr const char* kTable = "bank_holidays";

  Date date;
  std::string name;

  template <class Self, class V>
  static void visit(Self& s, V&& v) {
    v("date", s.date, FieldRole::kKey);
    v("name", s.name, FieldRole::kData);
  }
};

}  // namespace beacon

#endif  // BEACON_MODEL_LOCAL_TABLES_H_
