// Care leavers (SSDA903 OC3): EET at 19–21 (KPI9); in touch, suitable
// accommodation and EET at 17–18 and 19–21.
#include "indicators/families.h"
#include "indicators/logic_support.h"

namespace beacon::logic {
namespace {

bool is_eet(const std::string& activity) {
  static const char* kEet[] = {"F1", "F2", "F4", "F5", "P1", "P2", "P4", "P5"};
  for (const char* code : kEet)
    if (activity == code) return true;
  return false;
}

enum class Measure { kEet, kInTouch, kSuitableAccommodation };

// The birthday falling in the record's collection year (1 April – 31 March)
// and the age it marks; nullopt without a date of birth.
struct Birthday {
  int age = 0;
  Date date;
};
std::optional<Birthday> birthday_in_collection_year(const CareLeaverReturn& r,
                                                    const Child* child) {
  OptDate dob = child && child->birth_date ? child->birth_date : r.birth_date;
  if (!dob) return std::nullopt;
  auto start = Date::from_ymd(r.collection_year, 4, 1);
  auto end = Date::from_ymd(r.collection_year + 1, 3, 31);
  if (!start || !end) return std::nullopt;
  for (int age = std::max(0, start->year() - dob->year() - 1); age <= start->year() - dob->year() + 1;
       ++age) {
    Date d = dob->add_years(age);
    if (d >= *start && d <= *end) return Birthday{age, d};
  }
  return std::nullopt;
}

void care_leavers(const IndicatorContext& ctx, RowSink& out, int min_age, int max_age,
                  Measure measure) {
  for (const CareLeaverReturn& r : ctx.index.history().care_leaver_returns) {
    const Child* child = ctx.index.child(r.child_id);
    auto birthday = birthday_in_collection_year(r, child);
    if (!birthday || birthday->age < min_age || birthday->age > max_age) continue;
    if (!ctx.period.contains(birthday->date)) continue;
    if (r.in_touch == "DIED" || r.in_touch == "RHOM") continue;
    Row row;
    row.child_id = r.child_id;
    row.record = "care leaver";
    row.placed_on = birthday->date;
    row.date("birthday", birthday->date);
    row.measure = birthday->age;
    row.measure_label = "age at birthday";
    bool in = false;
    switch (measure) {
      case Measure::kEet:
        in = is_eet(r.activity);
        row.reason = in ? "in education, employment or training" : "not in EET (or not known)";
        break;
      case Measure::kInTouch:
        in = r.in_touch == "YES";
        row.reason = in ? "in touch" : "not in touch";
        break;
      case Measure::kSuitableAccommodation:
        in = r.accommodation.size() == 2 && r.accommodation[1] == '1';
        row.reason = in ? "in suitable accommodation" : "not in suitable accommodation (or not known)";
        break;
    }
    row.in_numerator = in;
    row.numerator = in ? 1 : 0;
    attribute_row(ctx.index, row, birthday->date, {}, {},
                  containing_episode_end(ctx.index, EpisodeRef{std::string(row.child_id), std::nullopt, 1},
                                         birthday->date));
    out.add(row);
  }
}

}  // namespace

void care_leavers_eet_19_21(const IndicatorContext& ctx, RowSink& out) {
  care_leavers(ctx, out, ctx.params.get_int("care_leaver_min_age"),
               ctx.params.get_int("care_leaver_max_age"), Measure::kEet);
}
void care_leavers_in_touch_17_18(const IndicatorContext& ctx, RowSink& out) {
  care_leavers(ctx, out, 17, 18, Measure::kInTouch);
}
void care_leavers_in_touch_19_21(const IndicatorContext& ctx, RowSink& out) {
  care_leavers(ctx, out, 19, 21, Measure::kInTouch);
}
void care_leavers_accommodation_17_18(const IndicatorContext& ctx, RowSink& out) {
  care_leavers(ctx, out, 17, 18, Measure::kSuitableAccommodation);
}
void care_leavers_accommodation_19_21(const IndicatorContext& ctx, RowSink& out) {
  care_leavers(ctx, out, 19, 21, Measure::kSuitableAccommodation);
}
void care_leavers_eet_17_18(const IndicatorContext& ctx, RowSink& out) {
  care_leavers(ctx, out, 17, 18, Measure::kEet);
}

}  // namespace beacon::logic
