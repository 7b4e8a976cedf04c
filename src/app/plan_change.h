// Saving a change to the plan from inside a 平時 use case's own transaction
// (closing a stock-take round updates the ledger; verifying a contact sets
// its 最終確認日), so the record of what was done and the plan change it
// causes commit together. It validates the result and writes a history
// entry, attributed to the actor, for each section that changed; update_plan
// (plan_service.h) is this inside a transaction of its own. Only use cases
// inside app/ call these.
#pragma once

#include "app/actor.h"
#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::store {
class Database;  // only use cases inside app/ pass their open connection
}  // namespace medbcp::store

namespace medbcp::app {

// The caller holds the transaction and has checked permissions. Returns the
// problems (and saves nothing) when `after` is not a valid plan.
core::Problems save_plan_change(store::Database& db, const Actor& actor, const core::Plan& before,
                                core::Plan after);

// Writes the history entries of a plan saved whole (`before` null for a
// plan that did not exist): one per section that differs.
void record_changes(store::Database& db, const Actor& actor, const core::Plan* before,
                    const core::Plan& after);

}  // namespace medbcp::app
