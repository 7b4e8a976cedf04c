// An incident as read at one moment: the plan it runs against, its record
// and timeline, the state folded from the timeline, the deadlines, who is
// still to be told, the chain's verification and the follow-up tasks. What
// the incident page, `medbcp incident show` and the report are made from.
#pragma once

#include <vector>

#include "core/deadline.h"
#include "core/follow_up_task.h"
#include "core/incident.h"
#include "core/incident_state.h"
#include "core/plan.h"
#include "core/timeline.h"
#include "core/timeline_chain.h"

namespace medbcp::core {

struct IncidentView {
  Plan plan;  // empty when the database holds no plan yet
  Incident incident;
  std::vector<TimelineEntry> timeline;
  IncidentState state;
  std::vector<Deadline> deadlines;
  std::vector<ExternalContact> still_to_reach;  // notify_on_incident, not reached yet
  ChainReport chain;
  std::vector<FollowUpTask> follow_ups;
};

}  // namespace medbcp::core
