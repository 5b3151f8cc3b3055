#include "ingest/raw_return.h"

#include <algorithm>
#include <memory>

#include "ingest/csv_reader.h"
#include "ingest/ssda903_tables.h"
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

}  // namespace

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
