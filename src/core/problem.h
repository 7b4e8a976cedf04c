// A user mistake found by validation: which field, which row, and what is
// wrong, in Japanese. Mistakes are values, not exceptions (docs/architecture).
#pragma once

#include <string>
#include <vector>

namespace medbcp::core {

struct Problem {
  std::string field;    // e.g. "facility.name", "devices[3].ip_address", or a column header
  int row = 0;          // 1-based row for lists and files; 0 when not in a list
  std::string message;  // Japanese, says what to do
};

using Problems = std::vector<Problem>;

}  // namespace medbcp::core
