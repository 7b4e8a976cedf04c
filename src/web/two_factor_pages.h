// Two-factor sign-in on the web (app/two_factor.h): the second step of
// sign-in (/login/2fa), each person's set-up with a QR code, recovery codes
// and turning it off (/account/2fa), and the administrator's choice of the
// roles that must use it (a section of /users).
#pragma once

#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

void register_two_factor_routes(Router& router);

// The account page's summary: on or off, and the way to the set-up page.
void two_factor_account_section(Html& h, RequestContext& ctx);
// The users page's section: which roles must use it.
void two_factor_policy_section(Html& h, RequestContext& ctx);

}  // namespace medbcp::web
