#include "load/inputs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace beacon {
namespace {

namespace fs = std::filesystem;

bool data_file(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (ext == ".csv" || ext == ".xml") && !is_qa_table(p);
}

bool hidden(const fs::path& p) {
  auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

Problem problem(const std::string& path, std::string message) {
  Problem p;
  p.file = path;
  p.message = std::move(message);
  p.code = "input.path";
  return p;
}

}  // namespace

bool is_qa_table(const fs::path& p) {
  std::string name = p.filename().string();
  return name.rfind("qa_", 0) == 0 && name.size() > 7 && name.substr(name.size() - 4) == ".csv";
}

std::vector<std::string> find_qa_tables(const std::vector<std::string>& paths) {
  std::set<std::string> found;
  for (const auto& given : paths) {
    std::error_code ec;
    if (fs::is_regular_file(given, ec)) {
      if (is_qa_table(given)) found.insert(given);
      continue;
    }
    if (!fs::is_directory(given, ec)) continue;
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_qa_table(it->path())) found.insert(it->path().string());
    }
  }
  return {found.begin(), found.end()};
}

ExpandedInputs expand_inputs(const std::vector<std::string>& paths) {
  ExpandedInputs out;
  std::set<fs::path> seen;  // a file named twice is read once
  auto add = [&](const fs::path& path) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(path, ec);
    if (!seen.insert(ec ? path : canonical).second) return;
    out.files.push_back({path.string(), path.string()});
  };
  for (const auto& given : paths) {
    std::error_code ec;
    auto status = fs::status(given, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back(problem(given, "no such file or folder"));
      continue;
    }
    if (fs::is_regular_file(status)) {
      if (!is_qa_table(given)) add(given);
      continue;
    }
    if (!fs::is_directory(status)) {
      out.problems.push_back(problem(given, "is neither a file nor a folder"));
      continue;
    }
    std::vector<fs::path> found, skipped;
    fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (hidden(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec) || is_qa_table(it->path())) continue;
      if (data_file(it->path()))
        found.push_back(it->path());
      else
        skipped.push_back(it->path());
    }
    if (ec) {
      out.problems.push_back(problem(given, "cannot be read: " + ec.message()));
      continue;
    }
    std::sort(skipped.begin(), skipped.end());
    for (const auto& f : skipped) out.skipped.push_back(f);
    if (found.empty()) {
      out.problems.push_back(problem(given, "holds no .csv or .xml files to load"));
      continue;
    }
    std::sort(found.begin(), found.end());
    for (const auto& f : found) add(f);
  }
  // A file skipped in a folder but named on its own is read after all.
  std::erase_if(out.skipped, [&seen](const fs::path& f) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(f, ec);
    return seen.count(ec ? f : canonical) > 0;
  });
  return out;
}

}  // namespace beacon
