// The plan as a whole (/plan): every section with how many records it
// holds and how many gaps remain, links to edit each, and downloads of the
// plan (JSON now; printable documents once src/app/render.h provides them).
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_plan_routes(Router& router);

}  // namespace medbcp::web
