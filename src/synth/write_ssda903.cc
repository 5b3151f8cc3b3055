// One SSDA903 return per collection year, as CSV tables in ssda903/<year>/:
// every child looked after at any time in the year (short breaks included),
// their episodes (a blank DEC when still open at 31 March), reviews and
// missing episodes in the year, adoption decisions and adoptions, OC2 for
// children looked after for the whole year, and OC3 for care leavers whose
// 17th–21st birthday falls in it. Dates DD/MM/YYYY; SEX 1/2 up to 2023-24,
// M/F from 2024-25.
#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>

#include "synth/dates.h"
#include "synth/rng.h"
#include "synth/text_out.h"
#include "synth/writers.h"

namespace beacon::synth {
namespace {

const std::map<std::string, std::vector<std::string>>& columns() {
  static const std::map<std::string, std::vector<std::string>> c = {
      {"Header", {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}},
      {"Episodes",
       {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}},
      {"Reviews", {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"}},
      {"UASC", {"CHILD", "SEX", "DOB", "DUC"}},
      {"OC2",
       {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS",
        "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED"}},
      {"OC3", {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}},
      {"AD1",
       {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR"}},
      {"PlacedAdoption",
       {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"}},
      {"Missing", {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"}},
  };
  return c;
}

// The order the tables are written in.
const std::vector<std::string>& table_order() {
  static const std::vector<std::string> t = {"Header", "Episodes", "Reviews", "UASC", "OC2",
                                             "OC3", "AD1", "PlacedAdoption", "Missing"};
  return t;
}

class ReturnYear {
 public:
  ReturnYear(const World& w, int year, RecordCounter& counter)
      : w_(w), year_(year), ys_(Window::year_start(year)), ye_(Window::year_end(year)),
        counter_(counter) {}

  Status write(const std::string& dir, std::vector<WrittenFile>& files,
               const std::string& relative) {
    for (const auto& table : table_order()) {
      if (auto s = out_[table].open(dir + "/" + table + ".csv", columns().at(table)); !s) return s;
    }
    // Header rows list every child the other tables name, so write those first
    // to a list and the header last (it is its own file: order does not matter).
    for (const auto& c : w_.children)
      if (c.in_output) child(c);
    for (const auto& table : table_order()) {
      if (auto s = out_[table].close(); !s) return s;
      files.push_back({relative + "/" + table + ".csv", out_[table].rows()});
    }
    return Status::ok();
  }

 private:
  bool in_year(Date start, const OptDate& end) const { return overlaps(start, end, ys_, ye_); }
  std::string sex(const Child& c) const {
    if (year_ >= 2024) return std::string(1, c.sex == 'F' ? 'F' : 'M');
    return c.sex == 'F' ? "2" : "1";
  }

  void child(const Child& c) {
    const std::string dob = dmy(c.birth);
    bool named = false;
    auto name = [&] { named = true; };

    for (const auto& p : c.care) {
      for (const auto& e : p.episodes) {
        if (!in_year(e.start, e.end)) continue;
        name();
        const OptDate dec = known_by(e.end, ye_);
        const auto& pl = p.placements[static_cast<size_t>(e.placement)];
        const auto& ls = p.legal[static_cast<size_t>(e.legal)];
        out_["Episodes"].row({c.id, dmy(e.start), e.rne, ls.code, p.need, pl.type, pl.provider,
                              dmy(dec), dec ? e.rec : "", e.reason_place_change, p.home_postcode,
                              pl.postcode, pl.urn});
        counter_.la_episode(c.id, e.start);
      }
      for (const auto& v : p.reviews) {
        if (v.date < ys_ || v.date > ye_) continue;
        name();
        out_["Reviews"].row({c.id, dob, dmy(v.date), v.participation});
        counter_.la_review(c.id, v.date);
      }
      if (p.has_adoption) adoption(c, p, dob, named);
    }
    for (const auto& m : c.missing) {
      if (!in_year(m.start, m.end)) continue;
      name();
      out_["Missing"].row({c.id, dob, std::string(1, m.type), dmy(m.start),
                           dmy(known_by(m.end, ye_))});
      counter_.missing_episode(c.id, m.start);
    }
    for (const auto& o : c.oc3) {
      if (o.year != year_) continue;
      name();
      out_["OC3"].row({c.id, dob, o.in_touch, o.activity, o.accommodation});
      counter_.care_leaver_return(c.id, year_);
    }
    if (looked_after_all_year(c)) {
      name();
      oc2(c, dob);
    }
    if (!named) return;
    // UPN as the return expects: a UPN for school-age children, else a reason.
    const int age = age_at(c.birth, ye_);
    std::string upn = age >= 5 && !c.upn.empty() ? c.upn : age < 5 ? "UN1" : "UN2";
    std::string mother, mc_dob;
    if (c.sex == 'F') {
      const bool is_mother = c.is_mother && c.mother_child_birth && *c.mother_child_birth <= ye_;
      mother = is_mother ? "1" : "0";
      if (is_mother) mc_dob = dmy(*c.mother_child_birth);
    }
    out_["Header"].row({c.id, sex(c), dob, c.missing_ethnicity ? "" : c.ethnicity, upn, mother,
                        mc_dob});
    counter_.child(c.id);
    if (c.uasc) {
      Date eighteen = birthday(c.birth, 18);
      out_["UASC"].row({c.id, sex(c), dob, eighteen <= ye_ ? dmy(eighteen) : ""});
    }
  }

  void adoption(const Child& c, const CarePeriod& p, const std::string& dob, bool& named) {
    const AdoptionRec& a = p.adoption;
    if (a.decision > ye_) return;
    // The decision is listed while the child is looked after after it, in the year.
    const Date from = max_date(ys_, a.decision);
    if (!overlaps(p.start, p.end, from, ye_)) return;
    if (a.ceased && *a.ceased < ys_) return;
    named = true;
    const OptDate ceased = known_by(a.ceased, ye_);
    out_["PlacedAdoption"].row({c.id, dob, dmy(a.decision), dmy(ceased),
                                ceased ? a.ceased_reason : ""});
    counter_.placement_decision(c.id, a.decision);
    const std::string rec = p.exit_rec();
    if (p.end && *p.end >= ys_ && *p.end <= ye_ && (rec == "E11" || rec == "E12")) {
      out_["AD1"].row({c.id, dob, dmy(a.decision), dmy(a.match), a.by_foster_carer ? "1" : "0",
                       std::to_string(a.adopters), a.adopters_sex, a.adopters_legal_status});
      counter_.adoption(c.id, a.decision);
    }
  }

  // Looked after continuously for the 12 months to 31 March (no short breaks).
  bool looked_after_all_year(const Child& c) const {
    for (const auto& p : c.care)
      if (!p.short_break && p.start <= ye_.add_months(-12) && (!p.end || *p.end > ye_))
        return true;
    return false;
  }

  void oc2(const Child& c, const std::string& dob) {
    Rng rng(derive_seed(w_.options.seed, 0x0C2, c.stream * 64 + static_cast<uint64_t>(year_ % 64)));
    const int age = age_at(c.birth, ye_);
    std::string score, reason;
    if (age >= 4 && age <= 16 && rng.chance(0.8)) {
      score = std::to_string(std::clamp(static_cast<int>(rng.normal() * 6.5 + 14), 0, 40));
    } else {
      reason = age < 4 || age > 16 ? "SDQ1" : std::array{"SDQ2", "SDQ4", "SDQ5"}[rng.weighted({30, 40, 30})];
    }
    auto flag = [&](double p) { return std::string(rng.chance(p) ? "1" : "0"); };
    const std::string convicted = age >= 10 ? flag(0.04) : "";
    const std::string health_check = age < 5 ? flag(0.9) : "";
    const std::string immunisations = flag(0.85), teeth = flag(0.8), assessment = flag(0.9);
    const std::string substance = age >= 10 ? flag(0.05) : "0";
    std::string received, offered;
    if (substance == "1") {
      received = flag(0.6);
      offered = received == "1" ? "" : flag(0.7);
    }
    out_["OC2"].row({c.id, dob, score, reason, convicted, health_check, immunisations, teeth,
                     assessment, substance, received, offered});
    counter_.oc2_outcome(c.id, year_);
  }

  const World& w_;
  int year_;
  Date ys_, ye_;
  RecordCounter& counter_;
  std::map<std::string, CsvOut> out_;
};

}  // namespace

const std::vector<std::string>& ssda903_columns(const std::string& table) {
  static const std::vector<std::string> none;
  auto it = columns().find(table);
  return it == columns().end() ? none : it->second;
}

const std::vector<std::string>& ssda903_tables() { return table_order(); }

Status write_ssda903(const World& w, const std::string& out, RecordCounter& counter,
                     std::vector<WrittenFile>& files) {
  for (int y : w.window.years) {
    const std::string relative = "ssda903/" + year_label(y);
    const std::string dir = out + "/" + relative;
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::io_error("cannot create " + dir + ": " + ec.message());
    ReturnYear r(w, y, counter);
    if (auto s = r.write(dir, files, relative); !s) return s;
  }
  return Status::ok();
}

}  // namespace beacon::synth
