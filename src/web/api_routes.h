// The JSON API under /api/v1/ for scripts and other systems (a backup job
// records its run, a monitor reads the status, a vendor's tool updates the
// ledger). Documented by api/openapi.json, served at /api/v1/openapi.json;
// callers authenticate with a personal access token (web/api_dispatch.cc).
// The field names are those of the CLI's --json (app/record_json.h).
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_api_routes(Router& router);

}  // namespace medbcp::web
