// 棚卸し (stock-take): walking the clinic with the device ledger (別紙２) in
// hand and recording, for each device, whether it is where the ledger says
// and in the state it says. A round freezes the list of devices to check
// when it starts (the printed check sheet); results are recorded against
// that list, plus devices found that the ledger does not know. Closing the
// round turns the results into ledger changes.
//
// Rounds and results carry random ids made where they were created, so
// results written on a laptop away from the server merge back without
// duplicates or collisions. When one device has several results (two people
// checked it, or a correction), the one recorded last wins.
//
// Everything here is pure: the store keeps these records, app/ runs the use
// cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"
#include "core/plan.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::core {

// An id made of 128 random bits written as 32 lower-case hex digits. The
// Tag keeps a round's id from being passed where a result's is expected.
template <class Tag>
struct RandomId {
  std::string value;

  bool valid() const { return is_random_id_text(value); }
  friend auto operator<=>(const RandomId&, const RandomId&) = default;

  static bool is_random_id_text(std::string_view text) {
    if (text.size() != 32) return false;
    for (char c : text) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
  }
};

using StocktakeRoundId = RandomId<struct StocktakeRoundTag>;
using StocktakeResultId = RandomId<struct StocktakeResultTag>;

// Default 棚卸し cycle: yearly.
inline constexpr int kDefaultStocktakeCycleDays = 365;

struct StocktakeRound {
  StocktakeRoundId id;
  std::string title;  // 「令和７年度 定期棚卸し」
  Instant started_at;
  std::string started_by;
  std::optional<Instant> closed_at;  // set when the round is closed
  std::string closed_by;
  std::string note;

  bool closed() const { return closed_at.has_value(); }
};

// One line of the check sheet: the device as the ledger described it when
// the round started. Kept with the round so the sheet and the difference
// report stay the same whatever happens to the ledger afterwards.
struct StocktakeItem {
  DeviceId device;
  std::string asset_number;
  std::string name;
  DeviceKind kind = DeviceKind::Other;
  std::string system;
  std::string location;
  std::string manager;
  DeviceStatus status = DeviceStatus::Active;
};

// The devices a round checks: every device of the ledger not already
// 廃棄, in ledger order.
std::vector<StocktakeItem> stocktake_items(const std::vector<Device>& devices);

// What was found for one device.
enum class Finding {
  Confirmed,      // 確認済: where the ledger says, in the state it says
  Missing,        // 所在不明: not found
  Moved,          // 設置場所変更: found elsewhere (new_location)
  StatusChanged,  // 状態変更: found, but e.g. broken or kept as a spare (new_status)
  Retired,        // 廃棄: disposed of, or to be
  Unlisted,       // 台帳外: found but not in the ledger (found_* fields)
};
inline constexpr Finding kFindings[] = {Finding::Confirmed, Finding::Missing,
                                        Finding::Moved,     Finding::StatusChanged,
                                        Finding::Retired,   Finding::Unlisted};
const char* label(Finding);  // 確認済, 所在不明, …
const char* code(Finding);   // confirmed, missing, moved, status, retired, unlisted
std::optional<Finding> finding_from_code(std::string_view);
// Accepts a code or the Japanese label (and a few variants) — for the CLI
// and for results typed from a paper sheet.
std::optional<Finding> finding_from_text(std::string_view);

struct StocktakeResult {
  StocktakeResultId id;
  StocktakeRoundId round;
  std::optional<DeviceId> device;  // none for Unlisted
  Finding finding = Finding::Confirmed;
  std::string new_location;                // Moved (may also accompany StatusChanged)
  std::optional<DeviceStatus> new_status;  // StatusChanged (may also accompany Moved)
  // Unlisted only: what was found.
  std::string found_asset_number;
  std::string found_name;
  DeviceKind found_kind = DeviceKind::Other;
  std::string found_location;
  std::string note;
  Instant recorded_at;
  std::string recorded_by;
};

// Checks one result against the round's items: a device result must name a
// device of the round, Moved needs a new place, StatusChanged a new state
// (廃棄 has its own finding), Unlisted a name. Fields are "finding",
// "device", "new_location", "new_status", "found_name".
Problems validate_result(const StocktakeResult& result, const std::vector<StocktakeItem>& items);

// The result that counts for each device (the one recorded last; equal
// times are ordered by id so every copy of the data agrees), followed by
// every Unlisted result, in recording order.
std::vector<StocktakeResult> effective_results(std::vector<StocktakeResult> results);

// The difference report (差異報告): every item with its outcome.
struct DifferenceLine {
  StocktakeItem item;                     // as the ledger said (Unlisted: what was found)
  std::optional<StocktakeResult> result;  // none: 未確認 (not checked)
  bool differs() const;                   // anything but Confirmed
};

struct DifferenceReport {
  std::vector<DifferenceLine> differences;  // not as the ledger said, then unlisted finds
  std::vector<DifferenceLine> unchecked;    // items without any result
  int confirmed = 0;
  int checked = 0;  // items with a result
  int total = 0;    // items in the round
};

DifferenceReport difference_report(const std::vector<StocktakeItem>& items,
                                   const std::vector<StocktakeResult>& results);

// One field of one device changed by closing a round, for the record.
struct LedgerChange {
  std::optional<DeviceId> device;  // none for a device added from an Unlisted result
  std::string device_label;        // 「管理番号 機器名」
  std::string field;               // location, status, last_stocktake, note, added
  std::string before;
  std::string after;
};

// 設置場所, 状態, 最終棚卸日, 備考, 台帳に追加 — for LedgerChange::field.
std::string ledger_field_label(std::string_view field);

struct LedgerUpdate {
  std::vector<Device> devices;  // the whole ledger after the round
  std::vector<LedgerChange> changes;
  std::vector<StocktakeResult> skipped;  // results for devices no longer in the ledger
};

// Applies a round's results to the ledger as it is now, on the date the round
// closes: a device seen (確認済, 設置場所変更, 状態変更, 廃棄) gets that date as its
// 最終棚卸日; 設置場所変更 sets the place, 状態変更 the state, 廃棄 the state 廃棄;
// 所在不明 leaves a dated line in 備考 and keeps the last date it was seen;
// 台帳外 adds a device (without an id: the caller assigns one). Devices
// without a result are left as they are.
LedgerUpdate apply_stocktake(const std::vector<Device>& ledger,
                             const std::vector<StocktakeResult>& results, const Date& closed_on);

// When the next round is due: the last completed round's date plus the
// cycle. Overdue from the day after (see reminders.h).
Date stocktake_due(const Date& last_completed, int cycle_days);

// Everything a page or a printout shows about one round.
struct StocktakeView {
  StocktakeRound round;
  std::vector<StocktakeItem> items;
  std::vector<StocktakeResult> results;  // every result, in recording order
  DifferenceReport report;
  std::vector<LedgerChange> changes;  // what closing changed (closed rounds)
  std::string facility_name;
};

}  // namespace medbcp::core
