// The dashboard (/): how ready the plan is (every readiness gap, each
// linking to where it is fixed, and a per-section chart), what is overdue,
// the signed-in user's 周知 confirmation of the current version, and — for
// those who publish — who has not yet confirmed it. On first run it offers
// to create the plan from the template.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_dashboard_routes(Router& router);

}  // namespace medbcp::web
