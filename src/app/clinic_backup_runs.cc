#include "app/clinic_backup_runs.h"

#include "app/plan_service.h"
#include "core/reminders.h"
#include "core/text.h"
#include "store/plan_store.h"
#include "store/upkeep_store.h"

namespace medbcp::app {
namespace {

// A backup job's clock may run a little ahead of the server's.
constexpr int kMaxRestoreMinutes = 7 * 24 * 60;

const core::BackupPlan* find_backup(const core::Plan& plan, core::BackupPlanId id) {
  for (const auto& b : plan.backups) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

core::Problems check_common(const core::Plan& plan, core::BackupPlanId id, core::Instant at,
                            core::Instant now) {
  core::Problems problems;
  if (find_backup(plan, id) == nullptr) {
    problems.push_back({"plan", 0,
                        "バックアップ体制に ID " + std::to_string(id.value) +
                            " の行がありません（`medbcp backup list` で確認できます）。"});
  }
  if (core::is_in_future(at, now)) {
    problems.push_back({"at", 0, "実施日時が未来になっています（" + at.tokyo_text() + "）。"});
  }
  return problems;
}

}  // namespace

std::optional<core::Instant> parse_run_time(const std::string& text) {
  const std::string t = core::trim(text);
  if (auto instant = core::Instant::parse(t)) return instant;
  if (auto date = core::Date::parse(t)) return core::Instant::from_tokyo(*date, 0, 0);
  return std::nullopt;
}

RecordedRun record_backup_run(Workspace& ws, const Actor& actor, core::BackupPlanId plan_id,
                              core::Outcome outcome, std::optional<core::Instant> at,
                              const std::string& note) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  const core::Instant now = core::Instant::now();
  core::BackupRun run;
  run.plan = plan_id;
  run.at = at.value_or(now);
  run.outcome = outcome;
  run.note = core::trim(note);
  run.recorded_at = now;
  run.recorded_by = actor.name;
  core::Problems problems = check_common(*plan, plan_id, run.at, now);
  if (!problems.empty()) return {std::nullopt, problems};
  run.plan_label = core::backup_title(*plan, *find_backup(*plan, plan_id));
  run.id = store::insert_backup_run(db, run);
  tx.commit();
  return {run, {}};
}

RecordedRestoreTest record_restore_test(Workspace& ws, const Actor& actor,
                                        core::BackupPlanId plan_id, core::Outcome outcome,
                                        int minutes, std::optional<core::Instant> at,
                                        const std::string& note) {
  require(actor, Permission::EditPlan);
  store::Database& db = ws.db();
  store::Transaction tx(db);
  auto plan = store::load_plan(db);
  if (!plan) throw NoPlan();
  const core::Instant now = core::Instant::now();
  core::RestoreTest test;
  test.plan = plan_id;
  test.at = at.value_or(now);
  test.outcome = outcome;
  test.minutes = minutes;
  test.note = core::trim(note);
  test.recorded_at = now;
  test.recorded_by = actor.name;
  core::Problems problems = check_common(*plan, plan_id, test.at, now);
  if (minutes < 0 || minutes > kMaxRestoreMinutes) {
    problems.push_back(
        {"minutes", 0, "復旧にかかった時間（分）を 0〜10080 の範囲で入力してください。"});
  }
  if (!problems.empty()) return {std::nullopt, problems};
  test.plan_label = core::backup_title(*plan, *find_backup(*plan, plan_id));
  test.id = store::insert_restore_test(db, test);
  tx.commit();
  return {test, {}};
}

std::vector<BackupPlanStatus> backup_overview(Workspace& ws, const Actor& actor, int recent) {
  require(actor, Permission::ReadPlan);
  store::Database& db = ws.db();
  core::Plan plan = load_plan(ws);
  auto histories = store::backup_histories(db);
  std::vector<BackupPlanStatus> out;
  for (std::size_t i = 0; i < plan.backups.size(); ++i) {
    const auto& b = plan.backups[i];
    BackupPlanStatus s;
    s.plan = b;
    s.row = i;
    s.title = core::backup_title(plan, b);
    s.history.plan = b.id;
    for (const auto& h : histories) {
      if (h.plan == b.id) s.history = h;
    }
    if (s.history.last_ok_run && b.frequency_days > 0) {
      s.next_due = s.history.last_ok_run->tokyo_date().plus_days(b.frequency_days);
    }
    s.recent_runs = store::list_backup_runs(db, b.id, recent);
    s.recent_tests = store::list_restore_tests(db, b.id, recent);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace medbcp::app
