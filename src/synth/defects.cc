#include "synth/defects.h"

#include <algorithm>
#include <cmath>

#include "synth/dates.h"

namespace beacon::synth {
namespace {

// A child can take a withdrawn referral at the end of year y when nothing
// else of theirs is open or recorded around it.
bool can_take_withdrawn(const Child& c, Date referral, Date year_end) {
  if (!c.born_before_referral && c.birth > referral) return false;
  if (age_at(c.birth, year_end) > 16) return false;
  for (const auto& r : c.referrals) {
    if (r.date > year_end) continue;
    if (!r.closure || *r.closure >= referral.add_days(-30)) return false;
  }
  for (const auto& p : c.care)
    if (overlaps(p.start, p.end, referral.add_days(-30), year_end)) return false;
  return true;
}

}  // namespace

void inject_defects(World& w, Rng& rng) {
  const double rate = w.options.defect_rate;
  if (rate <= 0) return;
  const Date from = w.window.start;
  const Date as_at = w.window.as_at;
  const int64_t stale_before = int64_t{as_at.serial()} * 86400 + 86399 - 48 * 3600;
  DefectCounts& n = w.defects;
  for (auto& c : w.children) {
    if (!c.in_output) continue;
    if (rng.chance(rate * 0.5)) {
      c.missing_ethnicity = true;
      ++n.missing_ethnicity;
    }
    for (auto& r : c.referrals) {
      if (!overlaps(r.date, r.closure, from, as_at)) continue;
      if (rng.chance(rate * 0.5)) {
        r.source = "2C";  // not a referral-source code
        ++n.invalid_codes;
      }
      for (size_t i = 0; i < r.assessments.size(); ++i) {
        AssessmentRec& a = r.assessments[i];
        if (a.ordinal != 1 || !a.authorised || a.start < from) continue;
        if (rng.chance(rate * 0.3)) {
          a.factors.push_back("25A");  // not an assessment factor
          ++n.invalid_codes;
        }
        if (rng.chance(rate * 0.2)) {
          AssessmentRec dup = a;
          dup.ordinal = 2;
          r.assessments.insert(r.assessments.begin() + static_cast<long>(i) + 1, dup);
          ++n.duplicate_assessments;
          ++i;
        }
      }
    }
    for (auto& v : c.visits) {
      if (v.draft || v.when.date < as_at.add_days(-180)) continue;
      if (v.recorded.epoch_seconds() >= stale_before) continue;
      if (rng.chance(rate * 0.5)) {
        v.draft = true;
        v.finalised.reset();
        ++n.stale_drafts;
      }
    }
  }

  // Withdrawn referrals: open at 31 March of a year, then gone.
  for (size_t yi = 0; yi + 1 < w.window.years.size(); ++yi) {
    const int y = w.window.years[yi];
    const Date ye = Window::year_end(y);
    int referrals = 0;
    for (const auto& c : w.children)
      for (const auto& r : c.referrals)
        if (r.date >= Window::year_start(y) && r.date <= ye) ++referrals;
    int want = static_cast<int>(std::lround(rate * 0.25 * referrals));
    for (int tries = 0; want > 0 && tries < want * 200; ++tries) {
      Child& c = w.children[static_cast<size_t>(rng.range(0, static_cast<int>(w.children.size()) - 1))];
      if (!c.in_output) continue;
      Date d = working_day_on_or_after(ye.add_days(-rng.range(5, 60)));
      if (d > ye) continue;
      bool taken = false;
      for (const auto& r : c.referrals) taken = taken || r.withdrawn_in_year;
      if (taken || !can_take_withdrawn(c, d, ye)) continue;
      Referral r;
      r.date = d;
      r.source = "6";
      r.need = "N1";
      r.withdrawn_in_year = y;
      c.referrals.push_back(std::move(r));
      ++n.withdrawn_referrals;
      --want;
    }
  }
}

}  // namespace beacon::synth
