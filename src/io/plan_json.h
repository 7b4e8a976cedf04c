// The whole plan as one versioned JSON document ("format": "medbcp-plan").
// Output is deterministic (fixed key order, every field present, 2-space
// indent, UTF-8 unescaped), so export → import → export is byte-identical.
// Reading it back: io/plan_json_reader.h; the device ledger's fast writer:
// io/device_json.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::io {

inline constexpr int kPlanJsonVersion = 1;

std::string plan_to_json(const core::Plan& plan);

// One top-level section of the document ("facility", "devices", …) as JSON,
// for change history. Unknown section names give "null".
std::string section_to_json(const core::Plan& plan, std::string_view section);
}  // namespace medbcp::io
