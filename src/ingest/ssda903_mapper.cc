#include "ingest/ssda903_mapper.h"

#include "model/field_text.h"

namespace beacon {
namespace {

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// UN1–UN9 in the UPN column say why there is no UPN.
bool is_upn_unknown_code(const std::string& upn) {
  return upn.size() == 3 && upn[0] == 'U' && upn[1] == 'N' && upn[2] >= '0' && upn[2] <= '9';
}

std::string where(int line, const std::string& element) {
  std::string out = element.empty() ? "line " : element + " (line ";
  out += std::to_string(line);
  if (!element.empty()) out += ")";
  return out;
}

Child map_header(Ssda903Cells& c) {
  Child r;
  r.id = c.child();
  auto sex = c.code("SEX", "903.sex");
  r.sex = sex == "1" ? "M" : sex == "2" ? "F" : sex;
  r.birth_date = c.date("DOB");
  r.ethnicity = c.code("ETHNIC", "ethnicity");
  auto upn = upper(c.text("UPN"));
  (is_upn_unknown_code(upn) ? r.upn_unknown : r.upn) = upn;
  r.is_mother = c.flag("MOTHER");
  r.mother_child_birth_date = c.date("MC_DOB");
  // EXPSSDA903 keeps UASC status in the child's header rather than a table.
  if (c.row().find("UASC") || c.row().find("DUC")) {
    r.uasc_ceased = c.date("DUC");
    r.uasc = c.flag("UASC");
    if (!r.uasc) r.uasc = r.uasc_ceased.has_value();
  }
  return r;
}

Child map_uasc(Ssda903Cells& c) {
  Child r;
  r.id = c.child();
  r.uasc = true;
  r.uasc_ceased = c.date("DUC");
  return r;
}

LaEpisode map_episode(Ssda903Cells& c) {
  LaEpisode r;
  r.child_id = c.child();
  if (auto d = c.key_date("DECOM")) r.start = *d;
  r.rne = c.code("RNE", "903.rne");
  r.legal_status = c.code("LS", "903.ls");
  r.need = c.code("CIN", "903.cin");
  r.place = c.code("PLACE", "903.place");
  r.provider = c.code("PLACE_PROVIDER", "903.place_provider");
  r.end = c.date("DEC");
  r.reason_ceased = c.code("REC", "903.rec");
  r.reason_place_change = c.code("REASON_PLACE_CHANGE", "903.reason_place_change");
  r.home_postcode = upper(c.text("HOME_POST"));
  r.placement_postcode = upper(c.text("PL_POST"));
  r.urn = upper(c.text("URN"));
  return r;
}

LaReview map_review(Ssda903Cells& c) {
  LaReview r;
  r.child_id = c.child();
  if (auto d = c.key_date("REVIEW")) r.date = *d;
  r.participation = c.code("REVIEW_CODE", "903.review_code");
  return r;
}

Oc2Outcome map_oc2(Ssda903Cells& c) {
  Oc2Outcome r;
  r.child_id = c.child();
  r.collection_year = c.year();
  r.sdq_score = c.number("SDQ_SCORE");
  r.sdq_reason = c.code("SDQ_REASON", "903.sdq_reason");
  r.convicted = c.flag("CONVICTED");
  r.health_check = c.flag("HEALTH_CHECK");
  r.immunisations = c.flag("IMMUNISATIONS");
  r.teeth_check = c.flag("TEETH_CHECK");
  r.health_assessment = c.flag("HEALTH_ASSESSMENT");
  r.substance_misuse = c.flag("SUBSTANCE_MISUSE");
  r.intervention_received = c.flag("INTERVENTION_RECEIVED");
  r.intervention_offered = c.flag("INTERVENTION_OFFERED");
  return r;
}

CareLeaverReturn map_oc3(Ssda903Cells& c) {
  CareLeaverReturn r;
  r.child_id = c.child();
  r.collection_year = c.year();
  r.birth_date = c.date("DOB");  // used when the child's Header record is not loaded
  r.in_touch = c.code("IN_TOUCH", "903.in_touch");
  r.activity = c.code("ACTIV", "903.activ");
  r.accommodation = c.code("ACCOM", "903.accom");
  return r;
}

Adoption map_ad1(Ssda903Cells& c) {
  Adoption r;
  r.child_id = c.child();
  r.decision_date = c.date("DATE_INT");
  r.match_date = c.date("DATE_MATCH");
  r.by_foster_carer = c.flag("FOSTER_CARE");
  r.number_of_adopters = c.number("NB_ADOPTR");
  r.adopters_sex = c.code("SEX_ADOPTR", "903.sex_adoptr");
  r.adopters_legal_status = c.code("LS_ADOPTR", "903.ls_adoptr");
  return r;
}

PlacementDecision map_placed_adoption(Ssda903Cells& c) {
  PlacementDecision r;
  r.child_id = c.child();
  if (auto d = c.key_date("DATE_PLACED")) r.decision_date = *d;
  r.ceased = c.date("DATE_PLACED_CEASED");
  r.reason_ceased = c.code("REASON_PLACED_CEASED", "903.reason_placed_ceased");
  return r;
}

PreviousPermanence map_prev_perm(Ssda903Cells& c) {
  PreviousPermanence r;
  r.child_id = c.child();
  r.option = c.code("PREV_PERM", "903.prev_perm");
  r.la = upper(c.text("LA_PERM"));
  r.date = c.text("DATE_PERM");  // the return allows partial dates: kept as written
  return r;
}

MissingEpisode map_missing(Ssda903Cells& c) {
  MissingEpisode r;
  r.child_id = c.child();
  if (auto d = c.key_date("MIS_START")) r.start = *d;
  r.type = c.code("MISSING", "903.missing");
  r.end = c.date("MIS_END");
  return r;
}

Allocation map_sw_episode(Ssda903Cells& c) {
  Allocation r;
  r.child_id = c.child();
  r.worker_id = c.text("SW_ID");
  if (r.worker_id.empty())
    c.report(Severity::kFinding, "SW_ID", "no social worker identifier: SW_ID is blank",
             "dq.missing-value");
  if (auto d = c.key_date("SW_DECOM")) r.start = *d;
  r.end = c.date("SW_DEC");
  r.role = "social_worker";
  r.change_reason = c.code("SW_REASON", "903.sw_reason");
  return r;
}

DeprivationOfLiberty map_dolo(Ssda903Cells& c) {
  DeprivationOfLiberty r;
  r.child_id = c.child();
  if (auto d = c.key_date("DOLO_START")) r.start = *d;
  r.end = c.date("DOLO_END");
  return r;
}

}  // namespace

CarriedFields ssda903_carried(Ssda903Table table) {
  switch (table) {
    case Ssda903Table::kHeader:
      return {{Child::kTable,
               {"upn", "upn_unknown", "sex", "ethnicity", "birth_date", "is_mother",
                "mother_child_birth_date"}}};
    case Ssda903Table::kUasc:
      return {{Child::kTable, {"uasc", "uasc_ceased"}}};
    case Ssda903Table::kEpisodes:
      return {{LaEpisode::kTable,
               {"rne", "legal_status", "need", "place", "provider", "end", "reason_ceased",
                "reason_place_change", "home_postcode", "placement_postcode", "urn"}}};
    case Ssda903Table::kReviews:
      return {{LaReview::kTable, {"participation"}}};
    case Ssda903Table::kOc2:
      return {{Oc2Outcome::kTable,
               {"sdq_score", "sdq_reason", "convicted", "health_check", "immunisations",
                "teeth_check", "health_assessment", "substance_misuse", "intervention_received",
                "intervention_offered"}}};
    case Ssda903Table::kOc3:
      return {{CareLeaverReturn::kTable, {"in_touch", "activity", "accommodation", "birth_date"}}};
    case Ssda903Table::kAd1:
      return {{Adoption::kTable,
               {"match_date", "by_foster_carer", "number_of_adopters", "adopters_sex",
                "adopters_legal_status"}}};
    case Ssda903Table::kPlacedAdoption:
      return {{PlacementDecision::kTable, {"ceased", "reason_ceased"}}};
    case Ssda903Table::kPrevPerm:
      return {{PreviousPermanence::kTable, {"option", "la", "date"}}};
    case Ssda903Table::kMissing:
      return {{MissingEpisode::kTable, {"type", "end"}}};
    case Ssda903Table::kSwEpisodes:
      return {{Allocation::kTable, {"end", "role", "change_reason"}}};
    case Ssda903Table::kDoLo:
      return {{DeprivationOfLiberty::kTable, {"end"}}};
  }
  return {};
}

CarriedFields ssda903_xml_carried() {
  CarriedFields out;
  for (const auto& spec : ssda903_tables())
    for (auto& [table, fields] : ssda903_carried(spec.table))
      out[table].insert(fields.begin(), fields.end());
  return out;
}

template <class R>
bool Ssda903Mapper::add(R record, Ssda903Cells& cells, const char* table, int32_t contribution,
                        bool duplicate_is_error) {
  if (cells.has_errors()) return false;
  const auto& row = cells.row();
  auto& seen = seen_[std::to_string(contribution) + '\x1e' + R::kTable + '\x1e' +
                     natural_key_without_ordinal(record)];
  if (seen.count == 0) {
    seen.line = row.line;
    seen.element = row.element;
  } else if (duplicate_is_error) {
    cells.report(Severity::kError, "CHILD",
                 "child " + cells.text("CHILD") + " is listed twice in " + table + ", at " +
                     where(seen.line, seen.element) + " and " + where(row.line, row.element) +
                     "; a child may be listed only once",
                 "child.duplicate");
    return false;
  }
  record.ordinal = ++seen.count;
  if (record.ordinal > 1)
    cells.report(Severity::kFinding, "",
                 std::string(table) + " record with the same key (" + describe_natural_key(record) +
                     ") as the one at " + where(seen.line, seen.element) +
                     "; both are kept, told apart by position",
                 "dq.duplicate-key");
  record.contribution = contribution;
  record.line = row.line;
  batch_.records.table<R>().push_back(std::move(record));
  return true;
}

bool Ssda903Mapper::map(Ssda903Table table, const Ssda903Row& row, const std::string& file,
                        int year, int32_t contribution) {
  const char* name = ssda903_spec(table).name;
  auto& counts = batch_.counts[name];
  ++counts.read;
  Ssda903Cells c(row, file, year, batch_.problems);
  bool ok = false;
  switch (table) {
    case Ssda903Table::kHeader:
      ok = add(map_header(c), c, name, contribution, true);
      break;
    case Ssda903Table::kUasc:
      ok = add(map_uasc(c), c, name, contribution, true);
      break;
    case Ssda903Table::kEpisodes:
      ok = add(map_episode(c), c, name, contribution, false);
      break;
    case Ssda903Table::kReviews:
      ok = add(map_review(c), c, name, contribution, false);
      break;
    case Ssda903Table::kOc2:
      ok = add(map_oc2(c), c, name, contribution, false);
      break;
    case Ssda903Table::kOc3:
      ok = add(map_oc3(c), c, name, contribution, false);
      break;
    case Ssda903Table::kAd1:
      ok = add(map_ad1(c), c, name, contribution, false);
      break;
    case Ssda903Table::kPlacedAdoption:
      ok = add(map_placed_adoption(c), c, name, contribution, false);
      break;
    case Ssda903Table::kPrevPerm:
      ok = add(map_prev_perm(c), c, name, contribution, false);
      break;
    case Ssda903Table::kMissing:
      ok = add(map_missing(c), c, name, contribution, false);
      break;
    case Ssda903Table::kSwEpisodes:
      ok = add(map_sw_episode(c), c, name, contribution, false);
      break;
    case Ssda903Table::kDoLo:
      ok = add(map_dolo(c), c, name, contribution, false);
      break;
  }
  if (!ok) ++counts.rejected;
  return ok;
}

}  // namespace beacon
