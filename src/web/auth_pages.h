// Signing in and out, the first-run set-up of the first administrator, and
// a user's own account page (change password).
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_auth_routes(Router& router);

}  // namespace medbcp::web
