// EXPSSDA903 XML: each CHILD's leaves are gathered into the same per-table
// rows the CSV tables give (Header, Episodes, Reviews, …) and mapped by the
// same code, so a return reads identically in either layout.
#include <algorithm>
#include <map>

#include "ingest/readers.h"
#include "ingest/ssda903_mapper.h"
#include "ingest/ssda903_reader.h"
#include "ingest/ssda903_xml_walk.h"
#include "ingest/ssda903_year.h"

namespace beacon {
namespace {

// Columns whose element names differ from the CSV's.
std::string column_of(const std::string& element) {
  if (element == "CHILDID") return "CHILD";
  if (element == "PL") return "PLACE";
  return element;
}

bool has_leaf(const XmlGroup& g, std::string_view name) {
  for (const auto& l : g.leaves)
    if (l.name == name) return true;
  return false;
}

// The table a group's rows belong to: by the layout's element names, else by
// the leaves it holds (for groups the layout we know does not name).
std::optional<Ssda903Table> table_of(const XmlGroup& g) {
  static const std::map<std::string, Ssda903Table, std::less<>> by_name = {
      {"EPISODE", Ssda903Table::kEpisodes},    {"AREVIEW", Ssda903Table::kReviews},
      {"AMISSING", Ssda903Table::kMissing},    {"OC2", Ssda903Table::kOc2},
      {"PERMANENCE", Ssda903Table::kPrevPerm}, {"AD_PLACED", Ssda903Table::kPlacedAdoption},
  };
  if (auto it = by_name.find(g.name); it != by_name.end()) return it->second;
  static const std::pair<const char*, Ssda903Table> by_leaf[] = {
      {"DECOM", Ssda903Table::kEpisodes},     {"REVIEW", Ssda903Table::kReviews},
      {"MIS_START", Ssda903Table::kMissing},  {"SDQ_SCORE", Ssda903Table::kOc2},
      {"PREV_PERM", Ssda903Table::kPrevPerm}, {"DATE_PLACED", Ssda903Table::kPlacedAdoption},
      {"SW_ID", Ssda903Table::kSwEpisodes},   {"DOLO_START", Ssda903Table::kDoLo},
  };
  for (const auto& [leaf, table] : by_leaf)
    if (has_leaf(g, leaf)) return table;
  return std::nullopt;
}

Ssda903Cell cell_of(const XmlLeaf& l) { return {l.value, l.name, l.line, l.parent, l.bad}; }

struct TableRow {
  Ssda903Table table;
  Ssda903Row row;
};

// One child's rows in mapping order: Header, OC3, AD1, then its groups in
// document order. `id` is set to the CHILDID leaf when there is one.
std::vector<TableRow> rows_of(const XmlChild& child, const XmlLeaf** id) {
  // Ungrouped leaves, and those of groups that are no table, first one wins.
  std::map<std::string, const XmlLeaf*, std::less<>> flat;
  for (const auto& l : child.flat) flat.try_emplace(column_of(l.name), &l);
  for (const auto& g : child.groups)
    if (!table_of(g))
      for (const auto& l : g.leaves) flat.try_emplace(column_of(l.name), &l);
  auto it = flat.find("CHILD");
  *id = it == flat.end() ? nullptr : it->second;

  std::vector<TableRow> out;
  auto flat_row = [&](Ssda903Table table, std::initializer_list<const char*> columns,
                      bool only_if_any) {
    Ssda903Row row;
    row.line = child.line;
    row.element = *id ? (*id)->parent : child.path;
    bool any = false;
    for (const char* col : columns)
      if (auto f = flat.find(col); f != flat.end()) {
        row.set(col, cell_of(*f->second));
        // CHILD and the header's DOB, shared by every row, do not make a row.
        bool own = std::string_view(col) != "CHILD" && std::string_view(col) != "DOB";
        any = any || (own && !f->second->value.empty());
      }
    if (!only_if_any || any) out.push_back({table, std::move(row)});
  };
  flat_row(Ssda903Table::kHeader,
           {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "UASC", "DUC"}, false);
  flat_row(Ssda903Table::kOc3, {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"}, true);
  flat_row(
      Ssda903Table::kAd1,
      {"CHILD", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
      true);
  for (const auto& g : child.groups) {
    auto table = table_of(g);
    if (!table) continue;
    Ssda903Row row;
    row.line = g.line;
    row.element = g.path;
    bool any = false;
    for (const auto& l : g.leaves) {
      auto col = column_of(l.name);
      if (!row.find(col)) row.set(col, cell_of(l));
      any = any || !l.value.empty();
    }
    if (!any) continue;  // an empty group says nothing
    if (*id) row.set("CHILD", cell_of(**id));
    out.push_back({*table, std::move(row)});
  }
  return out;
}

// A collection year stated in the file outside the children.
std::optional<NamedYear> year_from_element(const XmlLeaf& leaf) {
  std::string key;
  for (char c : leaf.name)
    if (c != '_') key.push_back(c);
  if (key != "REFERENCEDATE" && key != "COLLECTIONYEAR" && key != "YEAR" && key != "FINANCIALYEAR")
    return std::nullopt;
  std::string how = "taken from the file's " + leaf.name + " element (" + leaf.value + ")";
  if (auto y = financial_year_in(leaf.value)) return NamedYear{*y, how};
  if (auto d = parse_date(leaf.value)) return NamedYear{d->financial_year(), how};
  // A bare year names the year the collection ends, as the CIN census's CollectionYear does.
  if (leaf.value.size() == 4 && std::all_of(leaf.value.begin(), leaf.value.end(),
                                            [](char c) { return c >= '0' && c <= '9'; })) {
    int y = std::stoi(leaf.value);
    if (y > 1990 && y < 2200) return NamedYear{y - 1, how};
  }
  return std::nullopt;
}

// The file on disk, or the bytes in memory; each walk reads it afresh.
struct XmlSource {
  InputFile file;
  std::optional<std::string_view> data;

  XmlWalkResult walk(const XmlWalkHandlers& handlers) const {
    if (data) return walk_ssda903_xml(*XmlStream::from_memory(*data, file.name), handlers);
    auto xml = XmlStream::open(file.path, file.name);
    if (!xml)
      return {{{Severity::kError, file.name, 0, "", "", "the file cannot be opened for reading",
                "file.unreadable"}},
              true};
    return walk_ssda903_xml(**xml, handlers);
  }
};

// Drops problems repeated within `from`…end: in XML one leaf can feed two
// rows (the header's DOB is also the OC3 row's), and one complaint is enough.
void drop_repeats(Problems& problems, size_t from) {
  Problems kept;
  for (size_t i = from; i < problems.size(); ++i) {
    const auto& p = problems[i];
    bool seen = std::any_of(kept.begin(), kept.end(), [&](const Problem& q) {
      return q.line == p.line && q.element == p.element && q.field == p.field && q.code == p.code;
    });
    if (!seen) kept.push_back(std::move(problems[i]));
  }
  problems.resize(from);
  for (auto& p : kept) problems.push_back(std::move(p));
}

Batch read_xml(const XmlSource& source, std::optional<int> year_option) {
  Batch batch;
  const auto& name = source.file.name;

  // First pass: the year the file states, or its latest return date.
  std::optional<NamedYear> stated;
  LatestReturnDate latest;
  int64_t children = 0;
  auto first = source.walk({[&](XmlChild&& child) {
                              ++children;
                              const XmlLeaf* id = nullptr;
                              for (const auto& tr : rows_of(child, &id))
                                for (const auto& [col, cell] : tr.row.cells)
                                  if (LatestReturnDate::counts(col))
                                    latest.offer(col, cell.value,
                                                 name + " line " + std::to_string(cell.line));
                            },
                            [&](const XmlLeaf& leaf) {
                              if (!stated) stated = year_from_element(leaf);
                            }});

  std::optional<int> year;
  std::string how;
  if (stated) {
    year = stated->year, how = stated->how;
    if (year_option && *year_option != stated->year)
      batch.notes.push_back("--year " + financial_year_label(*year_option) + " was not used for " +
                            name + ": the file states its own year");
  } else if (year_option) {
    year = year_option, how = "given with --year";
  } else if (auto named = financial_year_from_names(source.file)) {
    year = named->year, how = "taken from " + named->how;
  } else if (latest.found()) {
    year = latest.year(), how = latest.how();
  }
  // A fault of the file as a whole (broken XML, no year) loads none of it.
  if (first.failed || children == 0 || !year) {
    if (!first.failed && children > 0)
      batch.problems.push_back(
          {Severity::kError, name, 0, "", "",
           "cannot tell which collection year this EXPSSDA903 file belongs to: it states none, "
           "its name holds none and it has no DECOM, DEC, REVIEW, MIS_START or DATE_MATCH date; "
           "give --year (e.g. --year 2024-25) or put the year in the file name",
           "ssda903.year-unknown"});
    for (auto& p : first.problems) batch.problems.push_back(std::move(p));
    if (children == 0 && !has_errors(batch.problems))
      batch.notes.push_back(name + " holds no CHILD: nothing to load");
    return batch;
  }
  batch.notes.push_back("SSDA903 collection year " + financial_year_label(*year) + ", " + how +
                        " [" + name + "]");

  Contribution c;
  c.source = Source::kSsda903;
  c.table = "*";
  c.collection_year = *year;
  c.as_of = collection_year_end(*year);
  c.carried = ssda903_xml_carried();
  c.files = name;
  batch.contributions.push_back(std::move(c));

  // Second pass: map each child as it completes.
  Ssda903Mapper mapper(batch);
  auto second =
      source.walk({[&](XmlChild&& child) {
                     const XmlLeaf* id = nullptr;
                     auto rows = rows_of(child, &id);
                     size_t before = batch.problems.size();
                     if (id && !id->value.empty()) {
                       for (const auto& tr : rows) mapper.map(tr.table, tr.row, name, *year, 0);
                       drop_repeats(batch.problems, before);
                       return;
                     }
                     batch.problems.push_back(
                         {Severity::kError, name, id ? id->line : child.line, child.path, "CHILDID",
                          "no child identifier: CHILDID is blank or missing, so none of "
                          "this child's " +
                              std::to_string(rows.size()) + " records is loaded",
                          "child.missing"});
                     for (const auto& tr : rows) {
                       auto& counts = batch.counts[ssda903_spec(tr.table).name];
                       ++counts.read;
                       ++counts.rejected;
                     }
                   },
                   nullptr});
  for (auto& p : second.problems) batch.problems.push_back(std::move(p));
  if (second.failed) {  // cannot happen after a clean first pass, unless the file changed
    batch.records = CaseHistory{};
    batch.contributions.clear();
    for (auto& [table, counts] : batch.counts) counts.rejected = counts.read;
  }
  return batch;
}

}  // namespace

Batch read_ssda903_xml(const InputFile& file) {
  return read_xml({file, std::nullopt}, std::nullopt);
}

Batch read_ssda903_xml(const InputFile& file, std::optional<int> year_option) {
  return read_xml({file, std::nullopt}, year_option);
}

Batch read_ssda903_xml_from_memory(std::string_view data, const std::string& name) {
  return read_xml({{"", name}, data}, std::nullopt);
}

Batch read_ssda903_xml_from_memory(std::string_view data, const std::string& name,
                                   std::optional<int> year_option) {
  return read_xml({{"", name}, data}, year_option);
}

}  // namespace beacon
