// メール設定 (administrators): the SMTP server, the sender, the character
// set, further addresses for the weekly digest, and a test message; and the
// mail part of the 点検 page: what could not be sent.
#pragma once

#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

// The 点検 page's list of mail that could not be sent (nothing when all is
// well).
void mail_problems_section(Html& h, RequestContext& ctx);
void register_mail_routes(Router& router);

}  // namespace medbcp::web
