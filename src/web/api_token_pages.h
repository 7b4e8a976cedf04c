// Personal access tokens on the account page (app/api_tokens.h): make one
// for a script (its secret shown once, on a page of its own), see one's
// tokens (an administrator sees everyone's) and revoke them.
#pragma once

#include "web/html.h"
#include "web/router.h"

namespace medbcp::web {

// The account page's part (clinic accounts only: the API works in a
// facility).
void api_token_account_section(Html& h, RequestContext& ctx);
void register_api_token_routes(Router& router);

}  // namespace medbcp::web
