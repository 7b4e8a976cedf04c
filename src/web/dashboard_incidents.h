// The incident parts of the dashboard: a banner while an incident is open
// (on the worst day the first page must lead to it), and the follow-up
// tasks that closed incidents left (再発防止策), each to be done and ticked
// off like any other upkeep.
#pragma once

#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

// The first thing on every dashboard for anyone who may report (staff
// and up): with a ransom note on the screen nobody should hunt the menu.
void report_incident_button(RequestContext& ctx, Html& h);
void open_incidents_banner(RequestContext& ctx, Html& h);
void follow_up_tasks_panel(RequestContext& ctx, Html& h);

// POST /tasks/ID/done.
void register_follow_up_routes(Router& router);

}  // namespace medbcp::web
