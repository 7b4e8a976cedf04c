// Loads and saves the whole plan (one facility per database). Saving is
// by difference: records keep their ids, so what refers to a device or a
// contact (stock-takes, incidents) stays attached. Callers hold the
// transaction (store::Transaction) so a use case is all or nothing.
#pragma once

#include <optional>

#include "core/plan.h"
#include "store/database.h"

namespace medbcp::store {

bool has_plan(Database& db);
// nullopt when the database holds no plan yet.
std::optional<core::Plan> load_plan(Database& db);
void save_plan(Database& db, const core::Plan& plan);
// Removes the plan and everything in it (init --force).
void delete_plan(Database& db);

}  // namespace medbcp::store
