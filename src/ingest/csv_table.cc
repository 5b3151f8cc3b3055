#include "ingest/csv_table.h"

#include <algorithm>
#include <memory>

namespace beacon {

int CsvTable::column(std::string_view name) const {
  auto it = index_.find(ascii_lower(name));
  return it == index_.end() ? -1 : it->second;
}

void CsvTable::index_columns() {
  index_.clear();
  for (size_t i = 0; i < header.size(); ++i)
    index_.emplace(ascii_lower(header[i]), static_cast<int>(i));
}

std::optional<CsvTable> read_csv_table(const CsvSource& source, Problems& problems) {
  auto opened = source.data ? CsvReader::from_string(*source.data, source.name)
                            : CsvReader::open(source.path, source.name);
  if (!opened.is_ok()) {
    // CsvReader's messages already begin with the file name.
    std::string message = opened.status().message();
    if (message.rfind(source.name + ":", 0) == 0) message.erase(0, source.name.size() + 1);
    problems.push_back({Severity::kError, source.name, 0, "", "", std::string(trim_view(message)),
                        "csv.unreadable"});
    return std::nullopt;
  }
  CsvReader& reader = **opened;
  CsvTable table;
  table.file = source.name;
  table.table = source.table;
  table.header = reader.header();
  table.header_line = reader.header_line();
  table.index_columns();

  // A column named twice would make every lookup of it ambiguous.
  std::map<std::string, size_t> first_seen;
  for (size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i].empty()) continue;
    auto [it, fresh] = first_seen.emplace(ascii_lower(table.header[i]), i);
    if (!fresh) {
      problems.push_back({Severity::kError, source.name, table.header_line, "", table.header[i],
                          "the column appears twice in the header (columns " +
                              std::to_string(it->second + 1) + " and " + std::to_string(i + 1) +
                              ")",
                          "csv.duplicate-column"});
      return std::nullopt;
    }
  }

  CsvRow row;
  while (reader.next(row)) table.rows.push_back(std::move(row));
  for (const auto& p : reader.problems()) problems.push_back(p);
  return table;
}

std::vector<std::string> missing_columns(const CsvTable& table,
                                         const std::vector<std::string_view>& wanted) {
  std::vector<std::string> missing;
  for (auto name : wanted)
    if (table.column(name) < 0) missing.emplace_back(name);
  return missing;
}

void order_problems_by_file(Problems& problems, const std::vector<CsvSource>& sources) {
  std::map<std::string, size_t> position;
  for (size_t i = 0; i < sources.size(); ++i) position.try_emplace(sources[i].name, i);
  auto rank = [&position](const Problem& p) {
    auto it = position.find(p.file);
    return it == position.end() ? position.size() : it->second;
  };
  std::stable_sort(problems.begin(), problems.end(), [&rank](const Problem& a, const Problem& b) {
    auto ra = rank(a), rb = rank(b);
    return ra != rb ? ra < rb : a.line < b.line;
  });
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string file_stem(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  auto dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return ascii_lower(trim_view(name));
}

}  // namespace beacon
