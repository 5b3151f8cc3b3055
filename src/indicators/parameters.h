// The `{parameters}` of indicators.md as documented settings with defaults
// (docs/indicators.md lists them). Users change them per organisation; the
// figures then use the new values.
#ifndef BEACON_INDICATORS_PARAMETERS_H_
#define BEACON_INDICATORS_PARAMETERS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace beacon {

struct ParameterInfo {
  const char* name;
  double default_value;
  const char* description;
};

// Every parameter Beacon knows, with its default.
const std::vector<ParameterInfo>& parameter_catalogue();

class Parameters {
 public:
  Parameters() = default;
  // Overrides by name; unknown names are ignored (and reported by whoever loads them).
  explicit Parameters(const std::map<std::string, double>& overrides)
      : overrides_(overrides.begin(), overrides.end()) {}

  double get(std::string_view name) const;
  int get_int(std::string_view name) const { return static_cast<int>(get(name)); }

 private:
  std::map<std::string, double, std::less<>> overrides_;
};

}  // namespace beacon

#endif  // BEACON_INDICATORS_PARAMETERS_H_
