// Use cases of the 棚卸し (stock-take): start a round (freezing the check
// list from the ledger), record what was found for each device, correct a
// mistaken entry, and close the round — which updates the ledger from the
// results, records every change it made and writes the plan history, all in
// one transaction. Web and CLI call these; each checks the actor's
// permission. User mistakes come back as problems, never half-done work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/problem.h"
#include "core/stocktake.h"

namespace medbcp::app {

struct StartedRound {
  std::optional<core::StocktakeRound> round;  // set when started
  core::Problems problems;
};

// Refuses while another round is open (one walk at a time) or when the ledger
// has no device to check. An empty title becomes 「YYYY-MM-DD 棚卸し」.
StartedRound start_stocktake(Workspace& ws, const Actor& actor, const std::string& title,
                             const std::string& note);

struct RecordedResult {
  std::optional<core::StocktakeResult> result;
  core::Problems problems;
};

// `draft` holds the device, finding and found fields; its id, round,
// recorded_at and recorded_by are filled in here. A later result for the
// same device supersedes the earlier one.
RecordedResult record_stocktake_result(Workspace& ws, const Actor& actor,
                                       const core::StocktakeRoundId& round,
                                       core::StocktakeResult draft);

// Removes a result entered by mistake, while its round is open.
core::Problems delete_stocktake_result(Workspace& ws, const Actor& actor,
                                       const core::StocktakeResultId& result);

// Results written elsewhere (a laptop during an outage) and brought back.
// Results already stored (same id) are skipped; invalid ones are reported
// with their 1-based position and nothing is stored.
struct MergedResults {
  int added = 0;
  int already_present = 0;
  core::Problems problems;
};
MergedResults merge_stocktake_results(Workspace& ws, const Actor& actor,
                                      const std::vector<core::StocktakeResult>& results);

struct ClosedRound {
  std::vector<core::LedgerChange> changes;
  core::Problems problems;
};

// Applies the results to the ledger with the close date (today in Tokyo) as
// 最終棚卸日. Devices left unchecked are a problem unless `allow_unchecked`.
ClosedRound close_stocktake(Workspace& ws, const Actor& actor, const core::StocktakeRoundId& round,
                            bool allow_unchecked);

// Everything a page or a printout shows about one round (core/stocktake.h).
using StocktakeView = core::StocktakeView;

struct StocktakeSummary {
  core::StocktakeRound round;
  int total = 0;
  int checked = 0;
  int differences = 0;
};

std::vector<StocktakeSummary> list_stocktakes(Workspace& ws, const Actor& actor);
std::optional<StocktakeView> stocktake_view(Workspace& ws, const Actor& actor,
                                            const core::StocktakeRoundId& round);
// The round `text` names: its full id, or a unique prefix of at least 6
// digits; empty text means the open round, else the newest.
std::optional<core::StocktakeRoundId> find_stocktake(Workspace& ws, const std::string& text);

// The round's item that `text` names: a 管理番号 (compared by match_key), a
// device name when it is unique, or "#<device id>".
std::optional<core::StocktakeItem> find_item(const std::vector<core::StocktakeItem>& items,
                                             const std::string& text);

}  // namespace medbcp::app
