// A follow-up task a closed incident (or a drill) leaves: a 再発防止策 with
// its owner and due date, tracked until done.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/incident.h"
#include "core/time.h"

namespace medbcp::core {

struct FollowUpTask {
  std::int64_t id = 0;
  core::IncidentId incident;
  std::string incident_title;
  std::string title;
  std::string owner;
  std::optional<core::Date> due;
  bool done = false;
  core::Instant created_at;
  std::string created_by;
  std::optional<core::Instant> done_at;
  std::string done_by;
  std::string plan_section;  // the plan section it concerns (a drill's finding), or empty
  bool from_drill = false;   // left by a drill, not a real incident
};

}  // namespace medbcp::core
