// 版と周知 (/versions): publishing the plan as a new numbered version with
// a date, the list of versions, the difference between any two, each
// user's confirmation of having read the current one, and (for those who
// publish) who has confirmed and who has not.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_version_routes(Router& router);

}  // namespace medbcp::web
