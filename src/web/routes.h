// The list of every feature's routes. A new feature adds one line to
// register_all_routes() in routes.cc (see router.h for the recipe).
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_all_routes(Router& router);

}  // namespace medbcp::web
