#include "model/contribution.h"

namespace beacon {

std::string Contribution::key() const {
  return std::string(source_name(source)) + "/" + table + "/" + std::to_string(collection_year);
}

}  // namespace beacon
