// A hash map keyed by std::string that is looked up by std::string_view
// without building a string: the indexes the figures read millions of times
// per scorecard (children, workers, units) use it instead of std::map, whose
// look-ups compare long shared prefixes ("C0003524") at every level.
// Iteration order is unspecified: never iterate one to produce output.
#ifndef BEACON_CORE_STRING_MAP_H_
#define BEACON_CORE_STRING_MAP_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace beacon {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace beacon

#endif  // BEACON_CORE_STRING_MAP_H_
