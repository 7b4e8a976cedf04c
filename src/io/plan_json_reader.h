// Reading the plan file ("format": "medbcp-plan", io/plan_json.h writes it).
// Parsing never throws on bad input: every problem is reported with its
// JSON path (e.g. "devices[3].introduced"), and a plan comes back only when
// there is none.
#pragma once

#include <optional>
#include <string_view>

#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::io {

struct PlanParseResult {
  std::optional<core::Plan> plan;  // set only when problems is empty
  core::Problems problems;
};
PlanParseResult plan_from_json(std::string_view json);

}  // namespace medbcp::io
