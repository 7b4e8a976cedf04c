// Helpers shared by the device-ledger tests: fixture files and readable
// summaries of problems.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "core/problem.h"

namespace medbcp::io::testing {

inline std::string read_fixture(const std::string& name) {
  const std::string path = std::string(MEDBCP_SOURCE_DIR) + "/tests/fixtures/devices/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// {row, field} of each problem, in order.
inline std::vector<std::pair<int, std::string>> where(const core::Problems& problems) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& p : problems) out.emplace_back(p.row, p.field);
  return out;
}

}  // namespace medbcp::io::testing
