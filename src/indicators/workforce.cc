// The workforce: agency share (KPI12), average caseload (KPI14),
// supervision (KPI15), caseloads above a threshold, vacancy and turnover.
#include <algorithm>
#include <cctype>
#include <utility>

#include "core/string_map.h"
#include "indicators/families.h"
#include "indicators/logic_support.h"
#include "snapshot/attribution.h"

namespace beacon::logic {
namespace {

bool qualified(const Worker& w) { return !w.registration_no.empty(); }

// A social-work post (KPI12 counts team managers too, and no manager above
// them): by role, or registered with no role given. A registered service
// manager or reviewing officer is not in an established social-worker post.
bool social_work_post(const Worker& w) {
  return w.role == "social_worker" || w.role == "senior_practitioner" ||
         w.role == "team_manager" || (w.role.empty() && qualified(w));
}

// Established posts apply from from_date to to_date, both days included: the
// rows tile financial years (1 April to 31 March), so on 31 March the year's
// establishment is still in force.
bool post_in_force(const EstablishedPost& p, Date d) { return p.from <= d && (!p.to || *p.to >= d); }

// A qualified social worker, not a manager.
bool qualified_social_worker(const Worker& w) {
  return qualified(w) &&
         (w.role.empty() || w.role == "social_worker" || w.role == "senior_practitioner");
}

bool in_post_at(const Worker& w, Date d) {
  return (!w.in_post_from || *w.in_post_from <= d) && (!w.in_post_to || *w.in_post_to > d);
}

double fte_of(const Worker& w) { return w.fte.value_or(1.0); }

// The number of distinct children allocated to each worker at the end of
// day d (case-holding roles only: snapshot/attribution.h).
StringMap<int> caseloads(const CaseIndex& index, Date d) {
  const int32_t day = d.serial();
  std::vector<uint64_t> held;  // worker number, child number
  for (const CaseholdingAllocation& a : index.caseholding_allocations())
    if (a.start <= day && a.end > day) held.push_back(uint64_t{a.worker} << 32 | a.child);
  std::sort(held.begin(), held.end());
  held.erase(std::unique(held.begin(), held.end()), held.end());
  StringMap<int> out;
  const auto workers = index.caseholding_workers();
  for (size_t i = 0; i < held.size();) {
    const uint64_t worker = held[i] >> 32;
    size_t j = i;
    while (j < held.size() && held[j] >> 32 == worker) ++j;
    out.emplace(std::string(workers[worker]), static_cast<int>(j - i));
    i = j;
  }
  return out;
}

Row worker_row(const CaseIndex& index, const Worker& w, const char* record) {
  Row row;
  row.child_id = w.id;
  row.record = record;
  row.worker_id = w.id;
  row.team_id = index.organisation().team_of(w.id);
  row.date("in post from", w.in_post_from).date("in post to", w.in_post_to);
  return row;
}

}  // namespace

void agency_social_workers(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  bool posts_loaded = false;
  for (const EstablishedPost& p : ctx.index.history().established_posts) {
    posts_loaded = true;
    if (!post_in_force(p, at)) continue;
    Row row;
    row.child_id = p.unit_id;
    row.record = "established posts";
    row.team_id = p.unit_id;
    row.date("from", p.from).date("to", p.to);
    row.numerator = 0;
    row.denominator = p.fte;
    row.measure = p.fte;
    row.measure_label = "FTE";
    row.reason = "established social-work posts (denominator)";
    out.add(row);
  }
  if (!posts_loaded) out.note("established posts not loaded: divided by the FTE in post");
  for (const Worker& w : ctx.index.history().workers) {
    if (!social_work_post(w) || !in_post_at(w, at)) continue;
    const bool agency = w.agency && *w.agency;
    if (!agency && posts_loaded) continue;  // only agency staff add to the numerator
    Row row = worker_row(ctx.index, w, agency ? "agency or interim worker" : "employed worker");
    row.in_numerator = agency;
    row.numerator = agency ? fte_of(w) : 0;
    row.denominator = posts_loaded ? 0 : fte_of(w);
    row.measure = fte_of(w);
    row.measure_label = "FTE";
    row.reason = agency ? "agency or interim, in post" : "employed, in post";
    out.add(row);
  }
}

void average_caseload(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  auto loads = caseloads(ctx.index, at);
  for (const Worker& w : ctx.index.history().workers) {
    if (!qualified(w)) continue;
    auto it = loads.find(w.id);
    if (it == loads.end()) continue;  // not case-holding
    Row row = worker_row(ctx.index, w, "qualified social worker");
    row.in_numerator = true;
    row.numerator = it->second;
    row.denominator = fte_of(w);
    row.measure = it->second;
    row.measure_label = "children allocated";
    row.reason = "qualified and holding cases";
    out.add(row);
  }
}

void supervised_in_month(const IndicatorContext& ctx, RowSink& out) {
  const auto month = YearMonth::of(ctx.period.to);
  const Date first = month.first_day(), last = month.last_day();
  for (const Worker& w : ctx.index.history().workers) {
    if (!qualified_social_worker(w)) continue;
    // In post for the whole month: on its first day and still at its end.
    if ((w.in_post_from && *w.in_post_from > first) || (w.in_post_to && *w.in_post_to <= last))
      continue;
    OptDate supervised;
    for (Date d : ctx.index.supervisions(w.id))
      if (d >= first && d <= last) {
        supervised = d;
        break;
      }
    Row row = worker_row(ctx.index, w, "qualified social worker");
    row.date("supervised", supervised);
    row.in_numerator = supervised.has_value();
    row.numerator = supervised ? 1 : 0;
    row.reason =
        supervised ? "supervision recorded in the month" : "no supervision recorded in the month";
    out.add(row);
  }
}

void caseloads_above_threshold(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  const int threshold = ctx.params.get_int("caseload_threshold");
  auto loads = caseloads(ctx.index, at);
  for (const Worker& w : ctx.index.history().workers) {
    if (!qualified(w)) continue;
    auto it = loads.find(w.id);
    if (it == loads.end()) continue;
    const int n = it->second;
    Row row = worker_row(ctx.index, w, "qualified social worker");
    row.measure = n;
    row.measure_label = "children allocated";
    row.in_numerator = n > threshold;
    row.numerator = row.in_numerator ? 1 : 0;
    row.reason =
        row.in_numerator ? "caseload above the threshold" : "caseload at or below the threshold";
    out.add(row);
  }
}

void vacancy_rate(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  // Vacancy = established FTE not filled by the organisation's own (employed)
  // staff in post. As in the DfE workforce census (specs.md 3.10), a post
  // covered by an agency worker is still a vacancy.
  bool posts_in_force = false;
  for (const EstablishedPost& p : ctx.index.history().established_posts) {
    if (!post_in_force(p, at)) continue;
    posts_in_force = true;
    Row row;
    row.child_id = p.unit_id;
    row.record = "established posts";
    row.team_id = p.unit_id;
    row.numerator = p.fte;
    row.denominator = p.fte;
    row.measure = p.fte;
    row.measure_label = "FTE";
    row.reason = "established posts";
    out.add(row);
  }
  // Without established posts there is nothing to be vacant: no value, and no
  // negative numerator from the staff in post.
  if (!posts_in_force) {
    out.note("established posts not loaded for the date: no vacancy rate");
    return;
  }
  for (const Worker& w : ctx.index.history().workers) {
    if (!social_work_post(w) || !in_post_at(w, at) || (w.agency && *w.agency)) continue;
    Row row = worker_row(ctx.index, w, "employed worker in post");
    row.numerator = -fte_of(w);
    row.denominator = 0;
    row.measure = fte_of(w);
    row.measure_label = "FTE";
    row.reason = "fills established FTE";
    out.add(row);
  }
}

void turnover_rate(const IndicatorContext& ctx, RowSink& out) {
  const Date at = ctx.period.to;
  // Leavers ÷ those in post at the end, both FTE: registered social workers the
  // organisation employs, managers included (the DfE workforce census, specs.md 3.10).
  for (const Worker& w : ctx.index.history().workers) {
    if (!qualified(w) || (w.agency && *w.agency)) continue;
    const bool left = w.in_post_to && ctx.period.contains(*w.in_post_to);
    const bool in_post = in_post_at(w, at);
    if (!left && !in_post) continue;
    Row row = worker_row(ctx.index, w, left ? "leaver" : "social worker in post");
    row.in_numerator = left;
    row.numerator = left ? fte_of(w) : 0;
    row.denominator = in_post ? fte_of(w) : 0;
    row.reason = left ? "left in the period" : "in post at the end of the period";
    out.add(row);
  }
}

}  // namespace beacon::logic
