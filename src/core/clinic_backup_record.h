// What actually happened to a backup plan (バックアップ体制): each backup run
// (written by the backup job itself, or by hand) and each restore test
// (復旧テスト: restoring a backup somewhere harmless and timing it). The plan
// says what should happen; these say what did, and reminders.h compares the
// two.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/id.h"
#include "core/time.h"

namespace medbcp::core {

using BackupRunId = Id<struct BackupRunTag>;
using RestoreTestId = Id<struct RestoreTestTag>;

enum class Outcome { Ok, Failed };
const char* label(Outcome);  // 成功, 失敗
const char* code(Outcome);   // ok, fail
std::optional<Outcome> outcome_from_code(std::string_view);

struct BackupRun {
  BackupRunId id;
  std::optional<BackupPlanId> plan;  // none once the plan was removed
  std::string plan_label;            // the plan's system when recorded, for history
  Instant at;                        // when the backup was taken
  Outcome outcome = Outcome::Ok;
  std::string note;
  Instant recorded_at;
  std::string recorded_by;
};

struct RestoreTest {
  RestoreTestId id;
  std::optional<BackupPlanId> plan;
  std::string plan_label;
  Instant at;  // when the test was done
  Outcome outcome = Outcome::Ok;
  int minutes = 0;  // measured time to restore
  std::string note;
  Instant recorded_at;
  std::string recorded_by;
};

// The last of each kind of record for one backup plan: all the reminder
// rules need, so the store can answer it with one query however long the
// history.
struct BackupHistory {
  BackupPlanId plan;
  std::optional<Instant> last_ok_run;
  std::optional<BackupRun> last_run;  // the most recent run, ok or not
  std::optional<Instant> last_ok_restore_test;
};

}  // namespace medbcp::core
