// The whole plan as one versioned JSON document ("format": "medbcp-plan").
// Output is deterministic (fixed key order, every field present, 2-space
// indent, UTF-8 unescaped), so export → import → export is byte-identical.
// Parsing never throws on bad input: every problem is reported with its
// JSON path (e.g. "devices[3].introduced").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::io {

inline constexpr int kPlanJsonVersion = 1;

std::string plan_to_json(const core::Plan& plan);

struct PlanParseResult {
  std::optional<core::Plan> plan;  // set only when problems is empty
  core::Problems problems;
};
PlanParseResult plan_from_json(std::string_view json);

// One top-level section of the document ("facility", "devices", …) as JSON,
// for change history. Unknown section names give "null".
std::string section_to_json(const core::Plan& plan, std::string_view section);
// Devices as the plan's history stores them: the field names once, then one
// array of values per device, {"columns": ["id", …], "rows": [[…], …]}.
// Half the bytes of the section's objects; a history entry of a
// 100,000-device import is written, compressed and stored in full.
// app/plan_diff.h reads it back as the objects.
std::string devices_history_json(const std::vector<const core::Device*>& devices);
std::string devices_history_json(const std::vector<core::Device>& devices);

}  // namespace medbcp::io
