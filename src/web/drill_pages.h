// The 訓練 pages: the list of drills with the form to start one, the
// scenarios with their tabletop kits, and the staff's training record; and
// the drill panel on a drill's incident page (injects, pause, measures
// beside the previous drill, the end with findings, the report).
#pragma once

#include "app/drills.h"
#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

void register_drill_routes(Router& router);

// Shown at the top of a drill's page (/incidents/N), above the incident's
// own sections, which the drill uses as they are.
void drill_panel(RequestContext& ctx, Html& h, const app::DrillView& drill);

}  // namespace medbcp::web
