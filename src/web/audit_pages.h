// The audit log (監査ログ) for administrators: every sign-in, change,
// export and backup, filtered by date, action and user, paged, and
// exported as CSV for Excel with the same filter.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_audit_routes(Router& router);

}  // namespace medbcp::web
