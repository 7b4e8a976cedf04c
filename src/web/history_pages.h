// The change history (/history), administrators only: every change to the
// plan with who made it and when, filterable by section, and each entry's
// before and after field by field.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_history_routes(Router& router);

}  // namespace medbcp::web
