// 利用者の管理 (/users), administrators only: the accounts with their roles,
// adding an account, changing a role, stopping or resuming an account and
// setting a new password for someone who forgot theirs.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_user_routes(Router& router);

}  // namespace medbcp::web
