// Use cases of the バックアップ体制 in ordinary times: record a backup run
// (a backup job calls `medbcp backup record` when it finishes; people use
// the web form) and a restore test with its measured duration and outcome,
// and list each backup plan with what was last recorded against it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/clinic_backup_record.h"
#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::app {

struct RecordedRun {
  std::optional<core::BackupRun> run;
  core::Problems problems;
};

// `at` defaults to now. A time in the future or a plan that does not exist
// is a problem.
RecordedRun record_backup_run(Workspace& ws, const Actor& actor, core::BackupPlanId plan,
                              core::Outcome outcome, std::optional<core::Instant> at,
                              const std::string& note);

struct RecordedRestoreTest {
  std::optional<core::RestoreTest> test;
  core::Problems problems;
};

// `minutes` is how long the restore took (from starting the restore to the
// data being usable), 0 to 10 080 (a week).
RecordedRestoreTest record_restore_test(Workspace& ws, const Actor& actor, core::BackupPlanId plan,
                                        core::Outcome outcome, int minutes,
                                        std::optional<core::Instant> at, const std::string& note);

// One backup plan with its records, for the backup page and `backup list`.
struct BackupPlanStatus {
  core::BackupPlan plan;
  std::size_t row = 0;  // position in the plan's table (0-based)
  std::string title;    // 「電子カルテ（1日ごと）」
  core::BackupHistory history;
  std::optional<core::Date> next_due;           // last good run + frequency
  std::vector<core::BackupRun> recent_runs;     // newest first
  std::vector<core::RestoreTest> recent_tests;  // newest first
};

std::vector<BackupPlanStatus> backup_overview(Workspace& ws, const Actor& actor, int recent = 5);

// Parses what a backup job or a person passes as --at: an ISO instant
// ("2025-04-01T02:00:00Z", or without zone meaning Tokyo) or a Tokyo date
// and time "2025-04-01 02:00".
std::optional<core::Instant> parse_run_time(const std::string& text);

}  // namespace medbcp::app
