// The 棚卸し pages: the list of rounds with the form that starts one
// (/stocktake), and a round's page (/stocktake/<id>) where each device of
// the check list gets its result, devices missing from the ledger are
// added, mistaken entries are removed, and the round is closed — which
// updates the ledger. The printable check sheet and difference report are
// served as PDF and HTML beside it. Everything goes through app/stocktake.h.
#pragma once

#include "web/router.h"

namespace medbcp::web {

void register_stocktake_routes(Router& router);

}  // namespace medbcp::web
