// manifest.json's record counts equal an independent recount from the written
// files: records matched across files by natural key, numbered by position
// among equal keys within one file, and a referral a census showed open at
// 31 March that neither the next census nor the SSD lists left out
// (withdrawn). Nothing here uses the writers' own counter.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/date.h"
#include "synth/test_support.h"

namespace beacon::synth {
namespace {

using testing::read_csv;
using testing::shared_output;

// Dates in keys: ISO, whichever way the file wrote them.
std::string iso_date(const std::string& text) {
  auto d = parse_date(text);
  return d ? d->iso() : text;
}

class Recount {
 public:
  // One file's keys; the ordinal is the position among equal keys in it.
  class File {
   public:
    File(Recount& r, std::string table) : r_(r), table_(std::move(table)) {}
    std::string add(const std::string& key) {
      std::string full = key + "#" + std::to_string(++seen_[key]);
      r_.keys_[table_].insert(full);
      return full;
    }

   private:
    Recount& r_;
    std::string table_;
    std::map<std::string, int> seen_;
  };
  File file(const std::string& table) { return File(*this, table); }
  std::map<std::string, std::set<std::string>> keys_;
};

std::string k(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) out += p + "|";
  return out;
}

std::string text_of(xmlNode* n) {
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}
std::vector<xmlNode*> kids(xmlNode* n, const char* name) {
  std::vector<xmlNode*> out;
  for (xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && xmlStrcmp(c->name, BAD_CAST name) == 0) out.push_back(c);
  return out;
}
std::string leaf(xmlNode* n, const char* name) {
  auto v = kids(n, name);
  return v.empty() ? "" : text_of(v.front());
}

class ManifestTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(shared_output().ok()) << shared_output().error(); }
  const std::filesystem::path& dir() { return shared_output().dir(); }

  void count_ssd(Recount& r) {
    const auto ssd = dir() / "ssd";
    auto person = read_csv(ssd / "ssd_person.csv");
    auto f = r.file("children");
    for (size_t i = 0; i < person.rows.size(); ++i) f.add(k({person.at(i, "pers_person_id")}));
    auto contacts = read_csv(ssd / "ssd_contacts.csv");
    auto fc = r.file("contacts");
    for (size_t i = 0; i < contacts.rows.size(); ++i) fc.add(k({contacts.at(i, "cont_contact_id")}));

    std::map<std::string, std::pair<std::string, std::string>> referral;  // id → child, date
    auto episodes = read_csv(ssd / "ssd_cin_episodes.csv");
    auto fe = r.file("cin_episodes");
    for (size_t i = 0; i < episodes.rows.size(); ++i) {
      auto child = episodes.at(i, "cine_person_id"), date = iso_date(episodes.at(i, "cine_referral_date"));
      referral[episodes.at(i, "cine_referral_id")] = {child, date};
      ssd_episodes_.insert(fe.add(k({child, date})));
    }
    auto under = [&](const char* file, const char* table, const char* ref_col, const char* start_col,
                     std::set<std::string>* keep) {
      auto csv = read_csv(ssd / file);
      auto out = r.file(table);
      for (size_t i = 0; i < csv.rows.size(); ++i) {
        auto [child, date] = referral.at(csv.at(i, ref_col));
        auto key = out.add(k({child, date, iso_date(csv.at(i, start_col))}));
        if (keep) keep->insert(key);
      }
    };
    under("ssd_cin_assessments.csv", "assessments", "cina_referral_id", "cina_assessment_start_date",
          &ssd_assessments_);
    under("ssd_cin_plans.csv", "cin_plans", "cinp_referral_id", "cinp_cin_plan_start_date",
          &ssd_cin_plans_);
    under("ssd_s47_enquiry.csv", "section47s", "s47e_referral_id", "s47e_s47_start_date",
          &ssd_s47s_);
    std::map<std::string, std::pair<std::string, std::string>> plan;  // id → child, start
    auto plans = read_csv(ssd / "ssd_cp_plans.csv");
    auto fp = r.file("cp_plans");
    for (size_t i = 0; i < plans.rows.size(); ++i) {
      auto child = plans.at(i, "cppl_person_id"), start = iso_date(plans.at(i, "cppl_cp_plan_start_date"));
      plan[plans.at(i, "cppl_cp_plan_id")] = {child, start};
      ssd_cp_plans_.insert(fp.add(k({child, start})));
    }
    auto reviews = read_csv(ssd / "ssd_cp_reviews.csv");
    auto fr = r.file("cp_reviews");
    for (size_t i = 0; i < reviews.rows.size(); ++i) {
      auto [child, start] = plan.at(reviews.at(i, "cppr_cp_plan_id"));
      fr.add(k({child, start, iso_date(reviews.at(i, "cppr_cp_review_date"))}));
    }
    for (auto [file, kind, col] : {std::tuple{"ssd_cin_visits.csv", "cin", "cinv_cin_visit_id"},
                                   {"ssd_cp_visits.csv", "cp", "cppv_cp_visit_id"},
                                   {"ssd_cla_visits.csv", "cla", "clav_cla_visit_id"}}) {
      auto csv = read_csv(ssd / file);
      auto fv = r.file("visits");
      for (size_t i = 0; i < csv.rows.size(); ++i) fv.add(k({kind, csv.at(i, col)}));
    }
    std::map<std::string, std::string> cla_child;
    auto la = read_csv(ssd / "ssd_cla_episodes.csv");
    auto fl = r.file("la_episodes");
    for (size_t i = 0; i < la.rows.size(); ++i) {
      cla_child[la.at(i, "clae_cla_id")] = la.at(i, "clae_person_id");
      fl.add(k({la.at(i, "clae_person_id"), iso_date(la.at(i, "clae_cla_episode_start_date"))}));
    }
    auto la_reviews = read_csv(ssd / "ssd_cla_reviews.csv");
    auto flr = r.file("la_reviews");
    for (size_t i = 0; i < la_reviews.rows.size(); ++i)
      flr.add(k({cla_child.at(la_reviews.at(i, "clar_cla_id")),
                 iso_date(la_reviews.at(i, "clar_cla_review_date"))}));
    auto simple = [&](const char* file, const char* table, std::vector<const char*> cols) {
      auto csv = read_csv(ssd / file);
      auto out = r.file(table);
      for (size_t i = 0; i < csv.rows.size(); ++i) {
        std::string key;
        for (auto c : cols) key += iso_date(csv.at(i, c)) + "|";
        out.add(key);
      }
    };
    simple("ssd_missing.csv", "missing_episodes", {"miss_person_id", "miss_missing_episode_start_date"});
    simple("ssd_care_leavers.csv", "care_leavers", {"clea_person_id"});
    simple("ssd_permanence.csv", "adoptions", {"perm_person_id", "perm_adm_decision_date"});
    simple("ssd_professionals.csv", "workers", {"prof_professional_id"});
    simple("ssd_department.csv", "org_units", {"dept_team_id"});
    simple("ssd_involvements.csv", "allocations",
           {"invo_person_id", "invo_professional_id", "invo_involvement_start_date"});
  }

  // Census keys per year, and whether the record was open in that year's picture.
  struct Listing {
    std::map<std::string, std::map<int, bool>> years;  // table:key → year → open
  };

  void count_census(Recount& r, Listing& listing) {
    for (int y = 2021; y <= 2025; ++y) {
      char name[64];
      std::snprintf(name, sizeof name, "cin_census_%d-%02d.xml", y, (y + 1) % 100);
      xmlDoc* doc = xmlReadFile((dir() / "cin_census" / name).string().c_str(), nullptr, XML_PARSE_NONET);
      ASSERT_NE(doc, nullptr);
      auto children = r.file("children");
      auto episodes = r.file("cin_episodes");
      auto assessments = r.file("assessments");
      auto cin_plans = r.file("cin_plans");
      auto s47s = r.file("section47s");
      auto cp_plans = r.file("cp_plans");
      auto cp_reviews = r.file("cp_reviews");
      auto list = [&](const char* table, const std::string& key, bool open) {
        listing.years[std::string(table) + ":" + key][y] = open;
      };
      for (xmlNode* child : kids(kids(xmlDocGetRootElement(doc), "Children").front(), "Child")) {
        const std::string id = leaf(kids(child, "ChildIdentifiers").front(), "LAchildID");
        children.add(k({id}));
        for (xmlNode* d : kids(child, "CINdetails")) {
          const std::string ref = leaf(d, "CINreferralDate");
          list("cin_episodes", episodes.add(k({id, ref})), leaf(d, "CINclosureDate").empty());
          for (xmlNode* a : kids(d, "Assessments"))
            list("assessments", assessments.add(k({id, ref, leaf(a, "AssessmentActualStartDate")})),
                 leaf(a, "AssessmentAuthorisationDate").empty());
          for (xmlNode* p : kids(d, "CINPlanDates"))
            list("cin_plans", cin_plans.add(k({id, ref, leaf(p, "CINPlanStartDate")})),
                 leaf(p, "CINPlanEndDate").empty());
          for (xmlNode* s : kids(d, "Section47"))
            list("section47s", s47s.add(k({id, ref, leaf(s, "S47ActualStartDate")})),
                 leaf(s, "DateOfInitialCPC").empty() && leaf(s, "ICPCnotRequired") != "true");
          for (xmlNode* p : kids(d, "ChildProtectionPlans")) {
            const std::string start = leaf(p, "CPPstartDate");
            list("cp_plans", cp_plans.add(k({id, start})), leaf(p, "CPPendDate").empty());
            for (xmlNode* rv : kids(p, "Reviews"))
              for (xmlNode* date : kids(rv, "CPPreviewDate"))
                cp_reviews.add(k({id, start, text_of(date)}));
          }
        }
      }
      xmlFreeDoc(doc);
    }
  }

  void count_903(Recount& r, Listing& listing) {
    for (int y = 2021; y <= 2025; ++y) {
      char label[16];
      std::snprintf(label, sizeof label, "%d-%02d", y, (y + 1) % 100);
      const auto folder = dir() / "ssda903" / label;
      auto table = [&](const char* file, const char* model, std::vector<const char*> cols,
                       bool with_year, const char* open_col) {
        auto csv = read_csv(folder / file);
        auto out = r.file(model);
        for (size_t i = 0; i < csv.rows.size(); ++i) {
          std::string key;
          for (auto c : cols) key += iso_date(csv.at(i, c)) + "|";
          if (with_year) key += std::to_string(y) + "|";
          auto full = out.add(key);
          if (open_col)
            listing.years[std::string(model) + ":" + full][y] = csv.at(i, open_col).empty();
        }
      };
      table("Header.csv", "children", {"CHILD"}, false, nullptr);
      table("Episodes.csv", "la_episodes", {"CHILD", "DECOM"}, false, "DEC");
      table("Reviews.csv", "la_reviews", {"CHILD", "REVIEW"}, false, nullptr);
      table("OC2.csv", "oc2_outcomes", {"CHILD"}, true, nullptr);
      table("OC3.csv", "care_leaver_returns", {"CHILD"}, true, nullptr);
      table("AD1.csv", "adoptions", {"CHILD", "DATE_INT"}, false, nullptr);
      table("PlacedAdoption.csv", "placement_decisions", {"CHILD", "DATE_PLACED"}, false, nullptr);
      table("Missing.csv", "missing_episodes", {"CHILD", "MIS_START"}, false, "MIS_END");
    }
  }

  void count_local(Recount& r) {
    const auto local = dir() / "local";
    auto simple = [&](const char* file, const char* table, std::vector<const char*> cols) {
      auto csv = read_csv(local / file);
      auto out = r.file(table);
      for (size_t i = 0; i < csv.rows.size(); ++i) {
        std::string key;
        for (auto c : cols) {
          std::string v = csv.at(i, c);
          if (std::string(c) == "financial_year") v = v.substr(0, 4);
          key += iso_date(v) + "|";
        }
        out.add(key);
      }
    };
    simple("org_units.csv", "org_units", {"unit_id"});
    simple("workers.csv", "workers", {"worker_id"});
    simple("supervisions.csv", "supervisions", {"worker_id", "supervision_date"});
    simple("established_posts.csv", "established_posts", {"unit_id", "from_date"});
    simple("youth_justice.csv", "youth_justice", {"person_id", "disposal_date"});
    simple("population_estimates.csv", "population_estimates", {"year"});
    simple("indicator_targets.csv", "indicator_targets", {"indicator_id", "financial_year"});
  }

  std::set<std::string> ssd_episodes_, ssd_assessments_, ssd_cin_plans_, ssd_s47s_, ssd_cp_plans_;
};

TEST_F(ManifestTest, CountsEqualARecountOfTheFiles) {
  Recount r;
  count_ssd(r);
  Listing listing;
  count_census(r, listing);
  count_903(r, listing);
  count_local(r);

  // Withdrawn: open at a year's 31 March, absent from the next year's return,
  // and not in the (newer) SSD extract.
  const std::map<std::string, const std::set<std::string>*> in_ssd = {
      {"cin_episodes", &ssd_episodes_}, {"assessments", &ssd_assessments_},
      {"cin_plans", &ssd_cin_plans_},   {"section47s", &ssd_s47s_},
      {"cp_plans", &ssd_cp_plans_}};
  std::map<std::string, int> withdrawn;
  int vanished = 0;  // open at a year end, gone the next year, whatever the SSD says
  for (const auto& [id, years] : listing.years) {
    const auto colon = id.find(':');
    const std::string table = id.substr(0, colon), key = id.substr(colon + 1);
    const auto& [last_year, open] = *years.rbegin();
    if (!open || last_year == 2025) continue;
    ++vanished;
    auto ssd = in_ssd.find(table);
    if (ssd != in_ssd.end() && ssd->second->count(key)) continue;
    ++withdrawn[table];
    r.keys_[table].erase(key);
  }
  // Only the injected withdrawn referrals vanish; nothing else goes missing.
  nlohmann::json manifest =
      nlohmann::json::parse(testing::read_text(dir() / "manifest.json"));
  const int injected = manifest["defects"]["withdrawn_referrals"].get<int>();
  EXPECT_GT(injected, 0);
  EXPECT_EQ(withdrawn["cin_episodes"], injected);
  EXPECT_EQ(withdrawn.size(), 1u) << "other records withdrawn: " << withdrawn.begin()->first;
  // The returns agree with each other: what one shows open, the next lists.
  EXPECT_EQ(vanished, injected);

  for (const auto& [table, count] : manifest["records"].items()) {
    auto it = r.keys_.find(table);
    const int64_t recount = it == r.keys_.end() ? 0 : static_cast<int64_t>(it->second.size());
    EXPECT_EQ(count.get<int64_t>(), recount) << table;
  }
  for (const auto& [table, keys] : r.keys_)
    EXPECT_TRUE(manifest["records"].contains(table)) << table;
}

TEST_F(ManifestTest, ListsEveryCaseHistoryTableAndTheRun) {
  nlohmann::json m = nlohmann::json::parse(testing::read_text(dir() / "manifest.json"));
  EXPECT_EQ(m["seed"], 1);
  EXPECT_EQ(m["as_at"], "2026-03-31");
  EXPECT_DOUBLE_EQ(m["scale"].get<double>(), 0.03);
  for (const char* t : {"children", "contacts", "cin_episodes", "assessments", "cin_plans",
                        "section47s", "cp_plans", "cp_reviews", "visits", "la_episodes",
                        "la_reviews", "missing_episodes", "oc2_outcomes", "care_leaver_returns",
                        "care_leavers", "adoptions", "placement_decisions", "org_units", "workers",
                        "allocations", "supervisions", "established_posts", "population_estimates",
                        "youth_justice", "indicator_targets", "bank_holidays"})
    EXPECT_TRUE(m["records"].contains(t)) << t;
  EXPECT_GT(m["records"]["children"].get<int>(), 1000);
  EXPECT_EQ(m["collection_years"].size(), 5u);
}

}  // namespace
}  // namespace beacon::synth
