// Helpers shared by the SSDA903 reader tests.
#ifndef BEACON_INGEST_SSDA903_TEST_UTIL_H_
#define BEACON_INGEST_SSDA903_TEST_UTIL_H_

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/problem.h"
#include "ingest/batch.h"

namespace beacon::test {

inline std::string ssda903_testdata(const std::string& rel) {
  return std::string(BEACON_SOURCE_DIR) + "/src/ingest/testdata/ssda903/" + rel;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The problems with this code, in order.
inline std::vector<Problem> with_code(const Batch& b, const std::string& code) {
  std::vector<Problem> out;
  for (const auto& p : b.problems)
    if (p.code == code) out.push_back(p);
  return out;
}

// Every problem as text, for failure messages.
inline std::string all_problems(const Batch& b) {
  std::string out;
  for (const auto& p : b.problems) out += p.to_string() + " [" + p.code + "]\n";
  return out;
}

}  // namespace beacon::test

#endif  // BEACON_INGEST_SSDA903_TEST_UTIL_H_
