// Stock-take rounds (棚卸し) in the database: the round, its frozen check
// list, the results as they are recorded (and merged from offline copies),
// and the ledger changes its closing made. Callers hold the transaction.
#pragma once

#include <optional>
#include <vector>

#include "core/stocktake.h"
#include "store/database.h"

namespace medbcp::store {

void insert_round(Database& db, const core::StocktakeRound& round,
                  const std::vector<core::StocktakeItem>& items);
// Newest first.
std::vector<core::StocktakeRound> list_rounds(Database& db);
std::optional<core::StocktakeRound> find_round(Database& db, const core::StocktakeRoundId& id);
// The round still open, if any (there is at most one).
std::optional<core::StocktakeRound> open_round(Database& db);
std::vector<core::StocktakeItem> round_items(Database& db, const core::StocktakeRoundId& id);

// Inserts a result unless one with the same id is stored already (a merge
// of the same offline record twice); returns whether it was new.
bool insert_result(Database& db, const core::StocktakeResult& result);
// In recording order.
std::vector<core::StocktakeResult> round_results(Database& db, const core::StocktakeRoundId& id);
std::optional<core::StocktakeResult> find_result(Database& db, const core::StocktakeResultId& id);
void delete_result(Database& db, const core::StocktakeResultId& id);

void mark_round_closed(Database& db, const core::StocktakeRoundId& id, core::Instant at,
                       const std::string& by);
void insert_changes(Database& db, const core::StocktakeRoundId& id,
                    const std::vector<core::LedgerChange>& changes);
std::vector<core::LedgerChange> round_changes(Database& db, const core::StocktakeRoundId& id);

// When the newest closed round was closed.
std::optional<core::Instant> last_round_closed_at(Database& db);

}  // namespace medbcp::store
