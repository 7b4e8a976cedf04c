// Persistence of the kits made from the plan (schema: migrations/007_kit.sql):
// each offline or paper kit with the fingerprint of the plan it carries, and
// when a paper kit was confirmed printed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/kit_record.h"
#include "core/time.h"
#include "store/database.h"

namespace medbcp::store {

using core::KitKind;
using core::KitRecord;

void insert_kit(Database& db, const KitRecord& kit);
// The newest kit of a kind (by made_at, then insertion).
std::optional<KitRecord> latest_kit(Database& db, KitKind kind);
// The paper kit most recently confirmed printed.
std::optional<KitRecord> latest_printed_kit(Database& db);
std::optional<KitRecord> find_kit(Database& db, std::string_view id);
// False when there is no paper kit with this id.
bool mark_kit_printed(Database& db, std::string_view id, core::Instant at, const std::string& by);
// Newest first.
std::vector<KitRecord> list_kits(Database& db, int limit);

}  // namespace medbcp::store
