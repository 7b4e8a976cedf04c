// The device ledger as JSON, written directly rather than through a JSON
// library: a ledger can hold 100,000 devices, and the plan's history writes
// it on every change. The output is byte for byte what nlohmann's dump()
// writes for the same values (tested), so the plan file and the history
// read back the same way.
#pragma once

#include <string>
#include <vector>

#include "core/plan.h"

namespace medbcp::io {

// The devices section of the plan file, compact: [{"id":1,…},…].
std::string devices_compact_json(const std::vector<core::Device>& devices);

// Devices as the plan's history stores them: the field names once, then one
// array of values per device, {"columns": ["id", …], "rows": [[…], …]}.
// Half the bytes of the section's objects; a history entry of a
// 100,000-device import is written, compressed and stored in full.
// app/plan_diff.h reads it back as the objects.
std::string devices_history_json(const std::vector<const core::Device*>& devices);
std::string devices_history_json(const std::vector<core::Device>& devices);

}  // namespace medbcp::io
