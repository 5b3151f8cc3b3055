// Reference facts: youth_justice → YouthJusticeDisposal,
// population_estimates → PopulationEstimate, indicator_targets →
// IndicatorTarget, bank_holidays → ExtraBankHoliday.
#include "ingest/local_load.h"
#include "ingest/local_reader.h"

namespace beacon {
namespace {

void read_youth_justice(LocalLoad& load) {
  LocalFile* f = load.file("youth_justice");
  if (!f) return;
  const size_t first = load.batch().records.youth_justice.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    YouthJusticeDisposal d;
    // The youth-justice cohort is not limited to children known to social
    // care, so person_id is not checked against the children loaded.
    d.person_id = r.id("person_id");
    d.disposal_date = r.required_date("disposal_date");
    d.disposal_type = choice(r, "disposal_type", {"custody_release", "court", "caution"});
    if (d.disposal_type.empty()) r.id("disposal_type");
    d.reoffence_date = r.date("reoffence_date");
    if (d.reoffence_date && *d.reoffence_date < d.disposal_date)
      r.finding("reoffence_date", "is before the disposal; a re-offence must follow it",
                "dq.order");
    load.keep(*f, i, r, std::move(d));
  }
  load.number_duplicates<YouthJusticeDisposal>(*f, first);
  load.carry<YouthJusticeDisposal>(
      *f, {{"disposal_type", "disposal_type"}, {"reoffence_date", "reoffence_date"}});
}

void read_population(LocalLoad& load) {
  LocalFile* f = load.file("population_estimates");
  if (!f) return;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    PopulationEstimate p;
    if (r.text("year").empty()) r.id("year");
    p.year = static_cast<int>(r.whole_number("year", 1900, 2199).value_or(0));
    load.unique(r, *f, "year", p.year ? std::to_string(p.year) : "");
    if (r.text("children_0_17").empty())
      r.error("children_0_17", "is blank; the estimate is required", "value.blank");
    p.children = r.whole_number("children_0_17", 0, 100000000).value_or(0);
    load.keep(*f, i, r, std::move(p));
  }
  load.carry<PopulationEstimate>(*f, {{"children", "children_0_17"}});
}

void read_targets(LocalLoad& load) {
  LocalFile* f = load.file("indicator_targets");
  if (!f) return;
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    IndicatorTarget t;
    t.indicator_id = ascii_upper(r.id("indicator_id"));
    auto year_text = r.text("financial_year");
    auto year = parse_financial_year(year_text);
    if (year_text.empty())
      r.id("financial_year");
    else if (!year)
      r.error("financial_year", "'" + year_text + "' is not a financial year (write 2024-25)",
              "value.financial-year");
    t.financial_year = year.value_or(0);
    if (year) load.unique(r, *f, "financial_year", t.indicator_id + " " + std::to_string(*year));
    constexpr double kBig = 1e12;
    t.target = r.number("target", -kBig, kBig);
    t.tolerance_low = r.number("tolerance_low", -kBig, kBig);
    t.tolerance_high = r.number("tolerance_high", -kBig, kBig);
    if (t.tolerance_low && t.tolerance_high && *t.tolerance_high < *t.tolerance_low)
      r.error("tolerance_high", "is below tolerance_low", "value.order");
    t.polarity = choice(r, "polarity", {"high", "low", "band"});
    t.england = r.number("england", -kBig, kBig);
    t.statistical_neighbours = r.number("statistical_neighbours", -kBig, kBig);
    t.region = r.number("region", -kBig, kBig);
    load.keep(*f, i, r, std::move(t));
  }
  load.carry<IndicatorTarget>(*f, {{"target", "target"},
                                   {"tolerance_low", "tolerance_low"},
                                   {"tolerance_high", "tolerance_high"},
                                   {"polarity", "polarity"},
                                   {"england", "england"},
                                   {"statistical_neighbours", "statistical_neighbours"},
                                   {"region", "region"}});
}

void read_bank_holidays(LocalLoad& load) {
  LocalFile* f = load.file("bank_holidays");
  if (!f) return;
  const size_t first = load.batch().records.bank_holidays.size();
  for (size_t i = 0; i < f->csv.rows.size(); ++i) {
    RowFields r = load.row(*f, i);
    ExtraBankHoliday h;
    h.date = r.required_date("date");
    h.name = r.text("name");
    if (r.ok() && h.date.is_weekend())
      r.finding("date", h.date.iso() + " is a weekend day, which is never a working day anyway",
                "dq.weekend-holiday");
    load.keep(*f, i, r, std::move(h));
  }
  load.number_duplicates<ExtraBankHoliday>(*f, first);
  load.carry<ExtraBankHoliday>(*f, {{"name", "name"}});
}

}  // namespace

void read_local_reference(LocalLoad& load) {
  read_youth_justice(load);
  read_population(load);
  read_targets(load);
  read_bank_holidays(load);
}

}  // namespace beacon
