// Fuzzes the plan JSON reader (medbcp import, the offline kit's merge): any
// bytes give either a plan or problems, never an exception; and a plan that
// was accepted exports, imports and exports again byte-identically, as
// io/plan_json.h promises.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "io/plan_json.h"
#include "io/plan_json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace io = medbcp::io;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  io::PlanParseResult result = io::plan_from_json(json);
  FUZZ_CHECK(result.plan.has_value() == result.problems.empty());
  for (const auto& p : result.problems) FUZZ_CHECK(!p.message.empty());
  if (!result.plan) return 0;

  std::string once = io::plan_to_json(*result.plan);
  io::PlanParseResult again = io::plan_from_json(once);
  FUZZ_CHECK(again.plan.has_value());
  FUZZ_CHECK(io::plan_to_json(*again.plan) == once);
  return 0;
}
