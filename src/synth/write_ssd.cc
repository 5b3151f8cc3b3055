// The SSD extract: one CSV per SSD table, columns exactly as ssd-fields.csv.
//
// Scope (the extract's look-back): every record open at any time from the
// start of the first collection year to the as-at date. A period of care in
// scope brings all its episodes, placements, legal statuses and reviews (so
// periods and review numbering are whole); a CP plan in scope brings all its
// reviews and its section 47 enquiry. Withdrawn referrals are not here.
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>

#include "synth/dates.h"
#include "synth/labels.h"
#include "synth/text_out.h"
#include "synth/writers.h"

namespace beacon::synth {
namespace {

const std::map<std::string, std::vector<std::string>>& columns() {
  static const std::map<std::string, std::vector<std::string>> c = {
      {"ssd_person",
       {"pers_person_id", "pers_forename", "pers_surname", "pers_sex", "pers_gender",
        "pers_ethnicity", "pers_dob", "pers_common_child_id", "pers_legacy_id",
        "pers_upn_unknown", "pers_send_flag", "pers_expected_dob", "pers_death_date",
        "pers_is_mother", "pers_nationality"}},
      {"ssd_disability", {"disa_person_id", "disa_table_id", "disa_disability_code"}},
      {"ssd_immigration_status",
       {"immi_person_id", "immi_immigration_status_id", "immi_immigration_status",
        "immi_immigration_status_start_date", "immi_immigration_status_end_date"}},
      {"ssd_contacts",
       {"cont_contact_id", "cont_person_id", "cont_contact_date", "cont_contact_source_code",
        "cont_contact_source_desc", "cont_contact_outcome_json"}},
      {"ssd_cin_episodes",
       {"cine_referral_id", "cine_person_id", "cine_referral_date", "cine_cin_primary_need_code",
        "cine_referral_source_code", "cine_referral_source_desc", "cine_referral_outcome_json",
        "cine_referral_nfa", "cine_close_reason", "cine_close_date", "cine_referral_team",
        "cine_referral_worker_id"}},
      {"ssd_cin_assessments",
       {"cina_assessment_id", "cina_person_id", "cina_referral_id", "cina_assessment_start_date",
        "cina_assessment_child_seen", "cina_assessment_auth_date", "cina_assessment_outcome_json",
        "cina_assessment_outcome_nfa", "cina_assessment_team", "cina_assessment_worker_id"}},
      {"ssd_assessment_factors",
       {"cinf_table_id", "cinf_assessment_id", "cinf_assessment_factors_json"}},
      {"ssd_cin_plans",
       {"cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id", "cinp_cin_plan_start_date",
        "cinp_cin_plan_end_date", "cinp_cin_plan_team", "cinp_cin_plan_worker_id"}},
      {"ssd_cin_visits",
       {"cinv_cin_visit_id", "cinv_person_id", "cinv_cin_visit_date", "cinv_cin_visit_seen",
        "cinv_cin_visit_seen_alone", "cinv_cin_visit_bedroom"}},
      {"ssd_s47_enquiry",
       {"s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id", "s47e_s47_start_date",
        "s47e_s47_end_date", "s47e_s47_nfa", "s47e_s47_outcome_json",
        "s47e_s47_completed_by_worker_id", "s47e_s47_completed_by_team"}},
      {"ssd_initial_cp_conference",
       {"icpc_icpc_id", "icpc_icpc_meeting_id", "icpc_s47_enquiry_id", "icpc_person_id",
        "icpc_cp_plan_id", "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_target_date",
        "icpc_icpc_date", "icpc_icpc_outcome_cp_flag", "icpc_icpc_outcome_json", "icpc_icpc_team",
        "icpc_icpc_worker_id"}},
      {"ssd_cp_plans",
       {"cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id",
        "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "cppl_cp_plan_initial_category",
        "cppl_cp_plan_ola", "cppl_cp_plan_latest_category"}},
      {"ssd_cp_reviews",
       {"cppr_cp_review_id", "cppr_person_id", "cppr_cp_plan_id", "cppr_cp_review_due",
        "cppr_cp_review_date", "cppr_cp_review_meeting_id", "cppr_cp_review_outcome_continue_cp",
        "cppr_cp_review_quorate", "cppr_cp_review_participation"}},
      {"ssd_cp_visits",
       {"cppv_cp_visit_id", "cppv_person_id", "cppv_cp_plan_id", "cppv_cp_visit_date",
        "cppv_cp_visit_seen", "cppv_cp_visit_seen_alone", "cppv_cp_visit_bedroom"}},
      {"ssd_cla_episodes",
       {"clae_cla_episode_id", "clae_person_id", "clae_cla_episode_start_date",
        "clae_cla_episode_start_reason", "clae_cla_primary_need_code",
        "clae_cla_episode_ceased_date", "clae_cla_episode_ceased_reason", "clae_cla_id",
        "clae_referral_id", "clae_cla_placement_id", "clae_entered_care_date",
        "clae_cla_last_iro_contact_date"}},
      {"ssd_cla_placement",
       {"clap_cla_placement_id", "clap_cla_placement_start_date", "clap_cla_placement_type",
        "clap_cla_placement_urn", "clap_cla_placement_distance", "clap_cla_id",
        "clap_cla_placement_provider", "clap_cla_placement_postcode",
        "clap_cla_placement_end_date", "clap_cla_placement_change_reason", "clap_person_id"}},
      {"ssd_legal_status",
       {"lega_legal_status_id", "lega_person_id", "lega_legal_status",
        "lega_legal_status_start_date", "lega_legal_status_end_date"}},
      {"ssd_cla_reviews",
       {"clar_cla_review_id", "clar_cla_id", "clar_cla_review_due_date", "clar_cla_review_date",
        "clar_cla_review_cancelled", "clar_cla_review_participation"}},
      {"ssd_cla_visits",
       {"clav_cla_visit_id", "clav_cla_id", "clav_person_id", "clav_cla_visit_date",
        "clav_cla_visit_seen", "clav_cla_visit_seen_alone"}},
      {"ssd_missing",
       {"miss_table_id", "miss_person_id", "miss_missing_episode_start_date",
        "miss_missing_episode_type", "miss_missing_episode_end_date", "miss_missing_rhi_offered",
        "miss_missing_rhi_accepted"}},
      {"ssd_care_leavers",
       {"clea_table_id", "clea_person_id", "clea_care_leaver_eligibility",
        "clea_care_leaver_in_touch", "clea_care_leaver_latest_contact",
        "clea_care_leaver_accommodation", "clea_care_leaver_accom_suitable",
        "clea_care_leaver_activity", "clea_pathway_plan_review_date",
        "clea_care_leaver_personal_advisor", "clea_care_leaver_allocated_team",
        "clea_care_leaver_worker_id"}},
      {"ssd_permanence",
       {"perm_table_id", "perm_person_id", "perm_cla_id", "perm_adm_decision_date",
        "perm_ffa_cp_decision_date", "perm_placement_order_date", "perm_placed_for_adoption_date",
        "perm_matched_date", "perm_adopted_by_carer_flag", "perm_placed_ffa_cp_date",
        "perm_decision_reversed_date", "perm_placed_foster_carer_date",
        "perm_part_of_sibling_group", "perm_siblings_placed_together",
        "perm_siblings_placed_apart", "perm_placement_provider_urn",
        "perm_decision_reversed_reason", "perm_permanence_order_date",
        "perm_permanence_order_type", "perm_adoption_worker_id", "perm_adopter_sex",
        "perm_adopter_legal_status", "perm_number_of_adopters"}},
      {"ssd_professionals",
       {"prof_professional_id", "prof_staff_id", "prof_professional_name",
        "prof_social_worker_registration_no", "prof_professional_job_title",
        "prof_professional_caseload", "prof_professional_department",
        "prof_full_time_equivalency", "prof_agency_worker_flag"}},
      {"ssd_department",
       {"dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name"}},
      {"ssd_involvements",
       {"invo_involvements_id", "invo_professional_id", "invo_professional_role_id",
        "invo_professional_team", "invo_involvement_start_date", "invo_involvement_end_date",
        "invo_worker_change_reason", "invo_person_id", "invo_referral_id"}},
  };
  return c;
}

std::string yn(bool b) { return b ? "Y" : "N"; }

std::string json_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ",";
    out += "\"" + items[i] + "\"";
  }
  return out + "]";
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string fte_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string number(int n, const char* prefix) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%08d", prefix, n);
  return buf;
}

class SsdWriter {
 public:
  SsdWriter(const World& w, const std::string& out, RecordCounter& counter,
            std::vector<WrittenFile>& files)
      : w_(w), dir_(out + "/ssd"), counter_(counter), files_(files),
        from_(w.window.start), to_(w.window.as_at) {}

  Status run() {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) return Status::io_error("cannot create " + dir_ + ": " + ec.message());
    const std::vector<std::pair<const char*, void (SsdWriter::*)(CsvOut&)>> tables = {
        {"ssd_person", &SsdWriter::person},
        {"ssd_disability", &SsdWriter::disability},
        {"ssd_immigration_status", &SsdWriter::immigration},
        {"ssd_contacts", &SsdWriter::contacts},
        {"ssd_cin_episodes", &SsdWriter::cin_episodes},
        {"ssd_cin_assessments", &SsdWriter::assessments},
        {"ssd_assessment_factors", &SsdWriter::factors},
        {"ssd_cin_plans", &SsdWriter::cin_plans},
        {"ssd_cin_visits", &SsdWriter::cin_visits},
        {"ssd_s47_enquiry", &SsdWriter::section47s},
        {"ssd_initial_cp_conference", &SsdWriter::icpcs},
        {"ssd_cp_plans", &SsdWriter::cp_plans},
        {"ssd_cp_reviews", &SsdWriter::cp_reviews},
        {"ssd_cp_visits", &SsdWriter::cp_visits},
        {"ssd_cla_episodes", &SsdWriter::cla_episodes},
        {"ssd_cla_placement", &SsdWriter::placements},
        {"ssd_legal_status", &SsdWriter::legal_statuses},
        {"ssd_cla_reviews", &SsdWriter::cla_reviews},
        {"ssd_cla_visits", &SsdWriter::cla_visits},
        {"ssd_missing", &SsdWriter::missing},
        {"ssd_care_leavers", &SsdWriter::care_leavers},
        {"ssd_permanence", &SsdWriter::permanence},
        {"ssd_professionals", &SsdWriter::professionals},
        {"ssd_department", &SsdWriter::departments},
        {"ssd_involvements", &SsdWriter::involvements},
    };
    for (const auto& [name, fn] : tables) {
      CsvOut csv;
      const std::string path = dir_ + "/" + name + ".csv";
      if (auto s = csv.open(path, columns().at(name)); !s) return s;
      (this->*fn)(csv);
      if (auto s = csv.close(); !s) return s;
      files_.push_back({std::string("ssd/") + name + ".csv", csv.rows()});
    }
    return Status::ok();
  }

 private:
  // --- scope
  bool in_scope(Date start, const OptDate& end) const { return overlaps(start, end, from_, to_); }
  bool referral_in(const Referral& r) const {
    return !r.withdrawn_in_year && in_scope(r.date, r.closure);
  }
  bool cp_in(const CpPlanRec& p) const { return in_scope(p.start, p.end); }
  bool s47_in(const Referral& r, size_t i) const {
    const auto& s = r.section47s[i];
    if (in_scope(s.start, s.end)) return true;
    for (const auto& p : r.cp_plans)
      if (p.section47 == static_cast<int>(i) && cp_in(p)) return true;
    return false;
  }
  bool period_in(const CarePeriod& p) const { return in_scope(p.start, p.end); }

  // --- text
  std::string worker(int k) const { return k < 0 ? "" : w_.workers[static_cast<size_t>(k)].id; }
  std::string unit(int u) const { return u < 0 ? "" : w_.units[static_cast<size_t>(u)].id; }
  std::string team_of(int k) const {
    return k < 0 ? "" : w_.units[static_cast<size_t>(w_.workers[static_cast<size_t>(k)].unit)].id;
  }

  template <class F>
  void each_child(F&& f) {
    for (const auto& c : w_.children)
      if (c.in_output) f(c);
  }

  void person(CsvOut& csv) {
    each_child([&](const Child& c) {
      const bool born = c.birth <= to_;
      const int age = born ? age_at(c.birth, to_) : -1;
      std::string sex(1, born ? c.sex : 'U');
      std::string gender = sex == "M" ? "1" : sex == "F" ? "2" : born ? "9" : "0";
      std::string upn_unknown;
      if (!born || age < 5) upn_unknown = "UN1";
      else if (c.upn.empty()) upn_unknown = "UN2";
      csv.row({c.id, c.forename, c.surname, sex, gender, c.missing_ethnicity ? "" : c.ethnicity,
               born ? iso(c.birth) : "", born ? c.nhs_number : "", "", upn_unknown,
               yn(c.send), c.born_before_referral ? "" : iso(c.birth), "",
               yn(c.is_mother), c.nationality});
      counter_.child(c.id);
    });
  }

  void disability(CsvOut& csv) {
    int n = 0;
    each_child([&](const Child& c) {
      for (const auto& code : c.disabilities) csv.row({c.id, number(++n, "DIS"), code});
    });
  }

  void immigration(CsvOut& csv) {
    int n = 0;
    each_child([&](const Child& c) {
      if (!c.uasc || c.referrals.empty()) return;
      Date eighteen = birthday(c.birth, 18);
      csv.row({c.id, number(++n, "IMM"), "Unaccompanied asylum-seeking child (UASC)",
               iso(c.referrals.front().date), eighteen <= to_ ? iso(eighteen) : ""});
    });
  }

  void contacts(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& k : c.contacts) {
        csv.row({k.id, c.id, iso_minutes(k.received), k.source, referral_source_label(k.source),
                 json_list({k.outcome})});
        counter_.contact(k.id);
      }
    });
  }

  static std::string referral_outcome(const Referral& r) {
    if (r.nfa) return json_list({"No further action"});
    return json_list({"Assessment"});
  }

  static std::string assessment_outcome(const Referral& r, const AssessmentRec& a) {
    if (!a.authorised) return "";
    if (r.closure_reason == "RC8") return json_list({"No further action"});
    if (r.closure_reason == "RC9") return json_list({"Early help"});
    if (!r.section47s.empty()) return json_list({"Strategy discussion"});
    if (!r.cin_plans.empty()) return json_list({"CIN plan"});
    return json_list({"Child in need services"});
  }

  void cin_episodes(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        csv.row({r.id, c.id, iso(r.date), r.need, r.source, referral_source_label(r.source),
                 referral_outcome(r), yn(r.nfa), r.closure_reason, iso(r.closure), unit(r.team),
                 worker(r.worker)});
        counter_.cin_episode(c.id, r.date);
      }
    });
  }

  void assessments(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (const auto& a : r.assessments) {
          if (!in_scope(a.start, a.authorised)) continue;
          csv.row({a.id, c.id, r.id, iso(a.start), yn(a.child_seen), iso(a.authorised),
                   assessment_outcome(r, a), a.authorised ? yn(a.outcome_nfa) : "", unit(a.team),
                   worker(a.worker)});
          counter_.assessment(c.id, r.date, a.start, a.ordinal);
        }
      }
    });
  }

  void factors(CsvOut& csv) {
    int n = 0;
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (const auto& a : r.assessments)
          if (in_scope(a.start, a.authorised) && a.authorised && !a.factors.empty())
            csv.row({number(++n, "ASF"), a.id, json_list(a.factors)});
      }
    });
  }

  void cin_plans(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (const auto& p : r.cin_plans) {
          if (!in_scope(p.start, p.end)) continue;
          csv.row({p.id, r.id, c.id, iso(p.start), iso(p.end), unit(p.team), worker(p.worker)});
          counter_.cin_plan(c.id, r.date, p.start);
        }
      }
    });
  }

  void visit_rows(CsvOut& csv, char kind) {
    each_child([&](const Child& c) {
      for (const auto& v : c.visits) {
        if (v.kind != kind) continue;
        const std::string when = iso_minutes(v.when);
        const std::string seen = yn(v.seen), alone = yn(v.seen_alone), bed = yn(v.bedroom_seen);
        if (kind == 'n') {
          csv.row({v.id, c.id, when, seen, alone, bed});
          counter_.visit("cin", v.id);
        } else if (kind == 'p') {
          const auto& plan = c.referrals[static_cast<size_t>(v.referral)]
                                 .cp_plans[static_cast<size_t>(v.owner)];
          csv.row({v.id, c.id, plan.id, when, seen, alone, bed});
          counter_.visit("cp", v.id);
        } else {
          const auto& period = c.care[static_cast<size_t>(v.owner)];
          csv.row({v.id, period.cla_id, c.id, when, seen, alone});
          counter_.visit("cla", v.id);
        }
      }
    });
  }
  void cin_visits(CsvOut& csv) { visit_rows(csv, 'n'); }
  void cp_visits(CsvOut& csv) { visit_rows(csv, 'p'); }
  void cla_visits(CsvOut& csv) { visit_rows(csv, 'l'); }

  void section47s(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (size_t i = 0; i < r.section47s.size(); ++i) {
          if (!s47_in(r, i)) continue;
          const auto& s = r.section47s[i];
          std::string outcome;
          if (s.icpc_date) outcome = json_list({"Initial child protection conference"});
          else if (s.icpc_not_required) outcome = json_list({"No initial conference needed"});
          csv.row({s.id, r.id, c.id, iso(s.start), iso(s.end),
                   s.end ? yn(s.icpc_not_required) : "", outcome, worker(s.worker),
                   unit(s.team)});
          counter_.section47(c.id, r.date, s.start);
        }
      }
    });
  }

  void icpcs(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (size_t i = 0; i < r.section47s.size(); ++i) {
          const auto& s = r.section47s[i];
          if (!s47_in(r, i) || !s.icpc_date) continue;
          std::string plan;
          for (const auto& p : r.cp_plans)
            if (p.section47 == static_cast<int>(i)) plan = p.id;
          const bool cp = !plan.empty();
          csv.row({s.icpc_id, "MT" + s.icpc_id.substr(4), s.id, c.id, plan, r.id, "N",
                   iso(s.icpc_target), iso(s.icpc_date), yn(cp),
                   json_list({cp ? "Child protection plan" : "No child protection plan"}),
                   unit(s.team), worker(s.worker)});
        }
      }
    });
  }

  std::string icpc_of(const Referral& r, const CpPlanRec& p) const {
    if (p.section47 < 0) return "";
    return r.section47s[static_cast<size_t>(p.section47)].icpc_id;
  }

  void cp_plans(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (const auto& p : r.cp_plans) {
          if (!cp_in(p)) continue;
          csv.row({p.id, r.id, icpc_of(r, p), c.id, iso(p.start), iso(p.end), p.initial_category,
                   "N", p.latest_category});
          counter_.cp_plan(c.id, p.start);
        }
      }
    });
  }

  void cp_reviews(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& r : c.referrals) {
        if (!referral_in(r)) continue;
        for (const auto& p : r.cp_plans) {
          if (!cp_in(p)) continue;
          for (const auto& v : p.reviews) {
            csv.row({v.id, c.id, p.id, iso(v.due), iso(v.date), "MR" + v.id.substr(3),
                     yn(v.plan_continues), "Y", yn(age_at(c.birth, v.date) >= 8)});
            counter_.cp_review(c.id, p.start, v.date);
          }
        }
      }
    });
  }

  std::string referral_id(const Child& c, int index) const {
    return index < 0 ? "" : c.referrals[static_cast<size_t>(index)].id;
  }

  void cla_episodes(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& p : c.care) {
        if (!period_in(p)) continue;
        for (size_t i = 0; i < p.episodes.size(); ++i) {
          const auto& e = p.episodes[i];
          std::string iro;
          if (!e.end && !p.reviews.empty()) iro = iso(p.reviews.back().date);
          csv.row({e.id, c.id, iso(e.start), e.rne, p.need, iso(e.end), e.rec, p.cla_id,
                   referral_id(c, p.referral),
                   e.placement < 0 ? "" : p.placements[static_cast<size_t>(e.placement)].id,
                   iso(p.start), iro});
          counter_.la_episode(c.id, e.start);
        }
      }
    });
  }

  void placements(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& p : c.care) {
        if (!period_in(p)) continue;
        for (const auto& pl : p.placements)
          csv.row({pl.id, iso(pl.start), pl.type, pl.urn, one_decimal(pl.distance_miles), p.cla_id,
                   pl.provider, pl.postcode, iso(pl.end), pl.change_reason, c.id});
      }
    });
  }

  void legal_statuses(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& p : c.care) {
        if (!period_in(p)) continue;
        for (const auto& l : p.legal) csv.row({l.id, c.id, l.code, iso(l.start), iso(l.end)});
      }
    });
  }

  void cla_reviews(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& p : c.care) {
        if (!period_in(p)) continue;
        for (const auto& v : p.reviews) {
          csv.row({v.id, p.cla_id, iso(v.due), iso(v.date), "N", v.participation});
          counter_.la_review(c.id, v.date);
        }
      }
    });
  }

  void missing(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& m : c.missing) {
        if (!in_scope(m.start, m.end)) continue;
        csv.row({m.id, c.id, iso(m.start), std::string(1, m.type), iso(m.end), yn(m.rhi_offered),
                 m.rhi_offered ? yn(m.rhi_accepted) : ""});
        counter_.missing_episode(c.id, m.start);
      }
    });
  }

  void care_leavers(CsvOut& csv) {
    each_child([&](const Child& c) {
      const auto& n = c.care_leaver;
      if (!n.present) return;
      std::string adviser =
          n.worker < 0 ? "" : w_.workers[static_cast<size_t>(n.worker)].name;
      csv.row({n.id, c.id, n.eligibility, n.in_touch, iso(n.latest_contact), n.accommodation,
               n.suitable, n.activity, iso(n.pathway_review), adviser, unit(n.team),
               worker(n.worker)});
      counter_.care_leaver(c.id);
    });
  }

  // Adopted children only (their AD1 rows carry the same decision dates).
  void permanence(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& p : c.care) {
        if (!p.has_adoption || !p.end || !in_scope(*p.end, p.end)) continue;
        const std::string rec = p.exit_rec();
        if (rec != "E11" && rec != "E12") continue;
        const auto& a = p.adoption;
        csv.row({a.perm_id, c.id, p.cla_id, iso(a.decision), "", iso(a.placement_order),
                 iso(a.placed), iso(a.match), yn(a.by_foster_carer), "", "",
                 a.by_foster_carer ? iso(a.with_foster_carer_since) : "", yn(a.sibling_group),
                 std::to_string(a.siblings_together), "0", "", "", iso(p.end), "Adoption order",
                 worker(a.adoption_worker), a.adopters_sex, a.adopters_legal_status,
                 std::to_string(a.adopters)});
        counter_.adoption(c.id, a.decision);
      }
    });
  }

  void professionals(CsvOut& csv) {
    for (const auto& k : w_.workers) {
      csv.row({k.id, k.staff_id, k.name, k.registration_no, k.job_title,
               std::to_string(k.caseload_30_sept), w_.units[static_cast<size_t>(k.unit)].name,
               fte_text(k.fte), yn(k.employment != "employed")});
      counter_.worker(k.id);
    }
  }

  void departments(CsvOut& csv) {
    for (const auto& u : w_.units) {
      const Unit* parent = u.parent < 0 ? nullptr : &w_.units[static_cast<size_t>(u.parent)];
      csv.row({u.id, u.name, parent ? parent->id : "", parent ? parent->name : ""});
      counter_.org_unit(u.id);
    }
  }

  static const char* role_text(const std::string& role) {
    if (role == "personal_adviser") return "Personal Adviser";
    if (role == "family_support") return "Family Support Worker";
    return "Allocated Social Worker";
  }

  void involvements(CsvOut& csv) {
    each_child([&](const Child& c) {
      for (const auto& a : c.allocations) {
        csv.row({a.id, worker(a.worker), role_text(a.role), unit(a.team), iso(a.start),
                 iso(a.end), a.change_reason, c.id, referral_id(c, a.referral)});
        counter_.allocation(c.id, worker(a.worker), a.start);
      }
    });
  }

  const World& w_;
  std::string dir_;
  RecordCounter& counter_;
  std::vector<WrittenFile>& files_;
  Date from_, to_;
};

}  // namespace

const std::vector<std::string>& ssd_columns(const std::string& table) {
  static const std::vector<std::string> none;
  auto it = columns().find(table);
  return it == columns().end() ? none : it->second;
}

const std::vector<std::string>& ssd_tables() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& [name, cols] : columns()) n.push_back(name);
    return n;
  }();
  return names;
}

Status write_ssd(const World& w, const std::string& out, RecordCounter& counter,
                 std::vector<WrittenFile>& files) {
  return SsdWriter(w, out, counter, files).run();
}

}  // namespace beacon::synth
