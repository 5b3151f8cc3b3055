#include "ingest/raw_return.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "ingest/csv_reader.h"
#include "ingest/ssda903_tables.h"
#include "ingest/ssda903_xml_walk.h"
#include "ingest/xml_stream.h"

namespace beacon {

namespace {
// Rules look names up many times per record: rejecting on length and last
// character first keeps this off the profile (element names share prefixes).
bool same_name(const std::string& a, std::string_view b) {
  return a.size() == b.size() && !b.empty() && a.back() == b.back() && std::string_view(a) == b;
}
}  // namespace

const RawField* RawGroup::find(std::string_view name) const {
  for (const auto& f : fields)
    if (same_name(f.name, name)) return &f;
  return nullptr;
}

std::vector<const RawField*> RawGroup::all(std::string_view name) const {
  std::vector<const RawField*> out;
  for (const auto& f : fields)
    if (same_name(f.name, name)) out.push_back(&f);
  return out;
}

int RawTable::column(std::string_view upper_name) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == upper_name) return static_cast<int>(i);
  return -1;
}

namespace {

// The record groups of the CIN census; every other element is a wrapper whose
// leaves belong to the nearest group.
enum class Group { kHeader, kChild, kEpisode, kAssessment, kPlan, kSection47, kProtection, kReview };

struct Open {
  Group group;
  int depth;
};

class CinBuilder {
 public:
  explicit CinBuilder(std::string file) { out_.file = std::move(file); }

  Status start(const XmlEvent& e, int depth, std::string_view parent) {
    if (depth == 1) {
      if (e.name != "Message")
        return Status::invalid_input(out_.file + ":" + std::to_string(e.line) + ": <" + e.name +
                                     "> is not a CIN census: its first element must be <Message>");
      return Status::ok();
    }
    if (e.name == "Children") saw_children_ = true;
    const std::optional<Group> g = group_of(e.name);
    if (!g) return Status::ok();
    RawGroup* made = nullptr;
    switch (*g) {
      case Group::kHeader:
        if (depth != 2) return Status::ok();
        made = &out_.header;
        break;
      case Group::kChild:
        out_.children.emplace_back();
        made = &out_.children.back().child;
        break;
      case Group::kEpisode:
        if (!inside(Group::kChild)) return Status::ok();
        child().episodes.emplace_back();
        made = &child().episodes.back().details;
        break;
      case Group::kAssessment:
        if (!inside(Group::kEpisode)) return Status::ok();
        made = &episode().assessments.emplace_back();
        break;
      case Group::kPlan:
        if (!inside(Group::kEpisode)) return Status::ok();
        made = &episode().plans.emplace_back();
        break;
      case Group::kSection47:
        if (!inside(Group::kEpisode)) return Status::ok();
        made = &episode().section47s.emplace_back();
        break;
      case Group::kProtection:
        if (!inside(Group::kEpisode)) return Status::ok();
        made = &episode().protection_plans.emplace_back().plan;
        break;
      case Group::kReview:
        if (!inside(Group::kProtection)) return Status::ok();
        made = &episode().protection_plans.back().reviews.emplace_back();
        break;
    }
    made->line = e.line;
    open_.push_back({*g, depth});
    return Status::ok();
  }

  void end(const XmlEvent& e, int depth) {
    if (!open_.empty() && open_.back().depth == depth) {
      open_.pop_back();
      return;
    }
    if (!e.leaf || open_.empty()) return;
    current().fields.push_back({e.name, e.text, e.line});
  }

  bool saw_children() const { return saw_children_; }
  RawCinCensus take() { return std::move(out_); }

 private:
  static std::optional<Group> group_of(std::string_view name) {
    if (name == "Header") return Group::kHeader;
    if (name == "Child") return Group::kChild;
    if (name == "CINdetails") return Group::kEpisode;
    if (name == "Assessments") return Group::kAssessment;
    if (name == "CINPlanDates" || name == "CINplanDates") return Group::kPlan;
    if (name == "Section47") return Group::kSection47;
    if (name == "ChildProtectionPlans") return Group::kProtection;
    if (name == "Reviews") return Group::kReview;
    return std::nullopt;
  }
  bool inside(Group g) const { return !open_.empty() && open_.back().group == g; }
  RawCinChild& child() { return out_.children.back(); }
  RawCinDetails& episode() { return child().episodes.back(); }
  RawGroup& current() {
    switch (open_.back().group) {
      case Group::kHeader: return out_.header;
      case Group::kChild: return child().child;
      case Group::kEpisode: return episode().details;
      case Group::kAssessment: return episode().assessments.back();
      case Group::kPlan: return episode().plans.back();
      case Group::kSection47: return episode().section47s.back();
      case Group::kProtection: return episode().protection_plans.back().plan;
      case Group::kReview: return episode().protection_plans.back().reviews.back();
    }
    return out_.header;
  }

  RawCinCensus out_;
  std::vector<Open> open_;
  bool saw_children_ = false;
};

Result<RawCinCensus> read_cin(XmlStream& xml, const std::string& name) {
  CinBuilder builder(name);
  XmlEvent e;
  while (xml.next(e)) {
    if (e.kind == XmlEvent::Kind::kStart) {
      Status s = builder.start(e, xml.depth(), xml.parent_name());
      if (!s) return s;
    } else {
      builder.end(e, xml.depth());
    }
  }
  if (xml.failed()) {
    for (const auto& p : xml.problems())
      if (p.severity == Severity::kError) return Status::invalid_input(p.to_string());
    return Status::invalid_input(name + ": the file could not be read as XML");
  }
  if (!builder.saw_children())
    return Status::invalid_input(name + ": not a CIN census: <Message> holds no <Children> element");
  return builder.take();
}

Result<RawTable> read_table(CsvReader& csv) {
  RawTable t;
  t.file = csv.name();
  for (const auto& h : csv.header()) {
    std::string up(h);
    for (char& c : up)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    t.columns.push_back(std::move(up));
  }
  const auto table = ssda903_table_of(t.columns);
  if (!table) {
    const auto near = ssda903_near_miss(t.columns);
    return Status::invalid_input(t.file + ":" + std::to_string(csv.header_line()) + ": " +
                                 (near ? near->message()
                                       : std::string("the header is not an SSDA903 table's columns")));
  }
  t.name = ssda903_spec(*table).name;
  CsvRow row;
  while (csv.next(row)) {
    if (row.bad_field >= 0)
      return Status::invalid_input(t.file + ":" + std::to_string(row.line) + ": " + row.bad_reason);
    RawRow r;
    r.line = row.line;
    r.cells.resize(t.columns.size());
    for (size_t i = 0; i < row.fields.size() && i < r.cells.size(); ++i)
      r.cells[i] = std::string(trim_view(row.fields[i]));
    t.rows.push_back(std::move(r));
  }
  for (const auto& p : csv.problems())
    if (p.severity == Severity::kError) return Status::invalid_input(p.to_string());
  return t;
}

// The EXPSSDA903 layout's names for the CSV tables' groups and columns.
std::string xml_column(const std::string& element) {
  if (element == "CHILDID") return "CHILD";
  if (element == "PL") return "PLACE";
  return element;
}

std::optional<Ssda903Table> xml_group_table(const XmlGroup& g) {
  static const std::pair<const char*, Ssda903Table> by_name[] = {
      {"EPISODE", Ssda903Table::kEpisodes},    {"AREVIEW", Ssda903Table::kReviews},
      {"AMISSING", Ssda903Table::kMissing},    {"OC2", Ssda903Table::kOc2},
      {"PERMANENCE", Ssda903Table::kPrevPerm}, {"AD_PLACED", Ssda903Table::kPlacedAdoption}};
  for (const auto& [name, table] : by_name)
    if (g.name == name) return table;
  static const std::pair<const char*, Ssda903Table> by_leaf[] = {
      {"DECOM", Ssda903Table::kEpisodes},     {"REVIEW", Ssda903Table::kReviews},
      {"MIS_START", Ssda903Table::kMissing},  {"SDQ_SCORE", Ssda903Table::kOc2},
      {"PREV_PERM", Ssda903Table::kPrevPerm}, {"DATE_PLACED", Ssda903Table::kPlacedAdoption},
      {"SW_ID", Ssda903Table::kSwEpisodes},   {"DOLO_START", Ssda903Table::kDoLo}};
  for (const auto& [leaf, table] : by_leaf)
    for (const auto& l : g.leaves)
      if (l.name == leaf) return table;
  return std::nullopt;
}

class XmlTables {
 public:
  explicit XmlTables(std::string file) : file_(std::move(file)) {}

  void add_child(const XmlChild& child) {
    std::map<std::string, const XmlLeaf*> flat;
    for (const auto& l : child.flat) flat.try_emplace(xml_column(l.name), &l);
    for (const auto& g : child.groups)
      if (!xml_group_table(g))
        for (const auto& l : g.leaves) flat.try_emplace(xml_column(l.name), &l);
    auto value = [&](const char* col) {
      auto it = flat.find(col);
      return it == flat.end() ? std::string() : it->second->value;
    };
    auto flat_row = [&](Ssda903Table table, bool only_if_any) {
      RawTable& t = table_for(table);
      RawRow row;
      row.line = child.line;
      row.cells.resize(t.columns.size());
      bool any = false;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        row.cells[i] = value(t.columns[i].c_str());
        any = any || (t.columns[i] != "CHILD" && t.columns[i] != "DOB" && t.columns[i] != "SEX" &&
                      !row.cells[i].empty());
      }
      if (!only_if_any || any) t.rows.push_back(std::move(row));
    };
    flat_row(Ssda903Table::kHeader, false);
    flat_row(Ssda903Table::kOc3, true);
    flat_row(Ssda903Table::kAd1, true);
    flat_row(Ssda903Table::kUasc, true);
    for (const auto& g : child.groups) {
      const auto table = xml_group_table(g);
      if (!table) continue;
      RawTable& t = table_for(*table);
      RawRow row;
      row.line = g.line;
      row.cells.resize(t.columns.size());
      bool any = false;
      for (const auto& l : g.leaves) {
        const int i = t.column(xml_column(l.name));
        if (i < 0 || !row.cells[static_cast<size_t>(i)].empty()) continue;
        row.cells[static_cast<size_t>(i)] = l.value;
        any = any || !l.value.empty();
      }
      if (!any) continue;  // an empty group says nothing
      for (const char* shared : {"CHILD", "DOB"})
        if (const int i = t.column(shared); i >= 0 && row.cells[static_cast<size_t>(i)].empty())
          row.cells[static_cast<size_t>(i)] = value(shared);
      t.rows.push_back(std::move(row));
    }
  }

  std::vector<RawTable> take() {
    std::vector<RawTable> out;
    for (auto& [table, t] : tables_) out.push_back(std::move(t));
    return out;
  }

 private:
  RawTable& table_for(Ssda903Table table) {
    auto it = tables_.find(table);
    if (it != tables_.end()) return it->second;
    const Ssda903TableSpec& spec = ssda903_spec(table);
    RawTable t;
    t.name = spec.name;
    t.file = file_;
    for (const char* c : spec.required) t.columns.push_back(c);
    for (const char* c : spec.optional) t.columns.push_back(c);
    if (t.column("DOB") < 0) t.columns.push_back("DOB");
    if (table == Ssda903Table::kHeader) t.columns.push_back("UASC");
    return tables_.emplace(table, std::move(t)).first->second;
  }

  std::string file_;
  std::map<Ssda903Table, RawTable> tables_;
};

Result<std::vector<RawTable>> read_903_xml(XmlStream& xml, const std::string& name) {
  XmlTables tables(name);
  XmlWalkHandlers handlers;
  handlers.on_child = [&](XmlChild&& child) { tables.add_child(child); };
  handlers.on_outside_leaf = [](const XmlLeaf&) {};
  const XmlWalkResult walked = walk_ssda903_xml(xml, handlers);
  if (walked.failed)
    for (const auto& p : walked.problems)
      if (p.severity == Severity::kError) return Status::invalid_input(p.to_string());
  if (walked.failed) return Status::invalid_input(name + ": the file could not be read as an EXPSSDA903 return");
  return tables.take();
}

}  // namespace

Result<std::vector<RawTable>> read_raw_ssda903_xml(const InputFile& file) {
  auto xml = XmlStream::open(file.path, file.name);
  if (!xml) return xml.status();
  return read_903_xml(**xml, file.name);
}

Result<std::vector<RawTable>> read_raw_ssda903_xml_text(std::string_view text, const std::string& name) {
  auto xml = XmlStream::from_memory(text, name);
  return read_903_xml(*xml, name);
}

Result<RawCinCensus> read_raw_cin_census(const InputFile& file) {
  auto xml = XmlStream::open(file.path, file.name);
  if (!xml) return xml.status();
  return read_cin(**xml, file.name);
}

Result<RawCinCensus> read_raw_cin_census_text(std::string_view text, const std::string& name) {
  auto xml = XmlStream::from_memory(text, name);
  return read_cin(*xml, name);
}

Result<RawTable> read_raw_ssda903_csv(const InputFile& file) {
  auto csv = CsvReader::open(file.path, file.name);
  if (!csv) return csv.status();
  return read_table(**csv);
}

Result<RawTable> read_raw_ssda903_csv_text(std::string text, const std::string& name) {
  auto csv = CsvReader::from_string(std::move(text), name);
  if (!csv) return csv.status();
  return read_table(**csv);
}

}  // namespace beacon
