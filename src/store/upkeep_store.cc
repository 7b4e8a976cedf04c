#include "store/upkeep_store.h"

namespace medbcp::store {
namespace {

std::optional<std::int64_t> plan_value(const std::optional<core::BackupPlanId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

std::optional<core::BackupPlanId> read_plan(const Statement& s, int column) {
  if (auto v = s.optional_integer(column)) return core::BackupPlanId(*v);
  return std::nullopt;
}

core::Outcome read_outcome(const Statement& s, int column) {
  return core::outcome_from_code(s.text(column)).value_or(core::Outcome::Failed);
}

// "WHERE plan_id = ?" or nothing, and the LIMIT, for the two list queries.
std::unique_ptr<Statement> prepare_list(Database& db, const std::string& select,
                                        const std::optional<core::BackupPlanId>& plan, int limit) {
  std::string sql = select;
  if (plan) sql += " WHERE plan_id = ?";
  sql += " ORDER BY at DESC, id DESC LIMIT ?";
  auto stmt = db.prepare(sql);
  int i = 1;
  if (plan) stmt->bind(i++, plan->value);
  stmt->bind(i, limit);
  return stmt;
}

}  // namespace

core::BackupRunId insert_backup_run(Database& db, const core::BackupRun& run) {
  auto stmt = db.prepare(
      "INSERT INTO backup_runs (plan_id, plan_label, at, outcome, note, recorded_at, recorded_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  const std::int64_t id = stmt->bind(1, plan_value(run.plan))
                              .bind(2, run.plan_label)
                              .bind(3, run.at.seconds)
                              .bind(4, core::code(run.outcome))
                              .bind(5, run.note)
                              .bind(6, run.recorded_at.seconds)
                              .bind(7, run.recorded_by)
                              .run_returning_id();
  return core::BackupRunId(id);
}

core::RestoreTestId insert_restore_test(Database& db, const core::RestoreTest& test) {
  auto stmt = db.prepare(
      "INSERT INTO restore_tests (plan_id, plan_label, at, outcome, minutes, note, recorded_at, "
      "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  const std::int64_t id = stmt->bind(1, plan_value(test.plan))
                              .bind(2, test.plan_label)
                              .bind(3, test.at.seconds)
                              .bind(4, core::code(test.outcome))
                              .bind(5, test.minutes)
                              .bind(6, test.note)
                              .bind(7, test.recorded_at.seconds)
                              .bind(8, test.recorded_by)
                              .run_returning_id();
  return core::RestoreTestId(id);
}

std::vector<core::BackupRun> list_backup_runs(Database& db,
                                              const std::optional<core::BackupPlanId>& plan,
                                              int limit) {
  auto stmt = prepare_list(
      db,
      "SELECT id, plan_id, plan_label, at, outcome, note, recorded_at, recorded_by FROM "
      "backup_runs",
      plan, limit);
  std::vector<core::BackupRun> out;
  while (stmt->step()) {
    core::BackupRun r;
    r.id = core::BackupRunId(stmt->integer(0));
    r.plan = read_plan(*stmt, 1);
    r.plan_label = stmt->text(2);
    r.at = core::Instant{stmt->integer(3)};
    r.outcome = read_outcome(*stmt, 4);
    r.note = stmt->text(5);
    r.recorded_at = core::Instant{stmt->integer(6)};
    r.recorded_by = stmt->text(7);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<core::RestoreTest> list_restore_tests(Database& db,
                                                  const std::optional<core::BackupPlanId>& plan,
                                                  int limit) {
  auto stmt = prepare_list(
      db,
      "SELECT id, plan_id, plan_label, at, outcome, minutes, note, recorded_at, recorded_by "
      "FROM restore_tests",
      plan, limit);
  std::vector<core::RestoreTest> out;
  while (stmt->step()) {
    core::RestoreTest t;
    t.id = core::RestoreTestId(stmt->integer(0));
    t.plan = read_plan(*stmt, 1);
    t.plan_label = stmt->text(2);
    t.at = core::Instant{stmt->integer(3)};
    t.outcome = read_outcome(*stmt, 4);
    t.minutes = static_cast<int>(stmt->integer(5));
    t.note = stmt->text(6);
    t.recorded_at = core::Instant{stmt->integer(7)};
    t.recorded_by = stmt->text(8);
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<core::BackupHistory> backup_histories(Database& db) {
  std::vector<core::BackupHistory> out;
  auto find = [&out](std::int64_t plan) -> core::BackupHistory& {
    for (auto& h : out) {
      if (h.plan.value == plan) return h;
    }
    out.push_back(core::BackupHistory{core::BackupPlanId(plan), {}, {}, {}});
    return out.back();
  };
  auto ok_runs = db.prepare(
      "SELECT plan_id, MAX(at) FROM backup_runs WHERE plan_id IS NOT NULL AND outcome = 'ok' "
      "GROUP BY plan_id");
  while (ok_runs->step())
    find(ok_runs->integer(0)).last_ok_run = core::Instant{ok_runs->integer(1)};

  // The latest run of each plan; of two at the same moment, the later recorded.
  auto last = db.prepare(
      "SELECT r.plan_id, r.id, r.plan_label, r.at, r.outcome, r.note, r.recorded_at, "
      "r.recorded_by FROM backup_runs r WHERE r.plan_id IS NOT NULL AND r.id = ("
      " SELECT r2.id FROM backup_runs r2 WHERE r2.plan_id = r.plan_id"
      " ORDER BY r2.at DESC, r2.id DESC LIMIT 1)");
  while (last->step()) {
    core::BackupRun run;
    run.plan = core::BackupPlanId(last->integer(0));
    run.id = core::BackupRunId(last->integer(1));
    run.plan_label = last->text(2);
    run.at = core::Instant{last->integer(3)};
    run.outcome = read_outcome(*last, 4);
    run.note = last->text(5);
    run.recorded_at = core::Instant{last->integer(6)};
    run.recorded_by = last->text(7);
    find(last->integer(0)).last_run = std::move(run);
  }

  auto tests = db.prepare(
      "SELECT plan_id, MAX(at) FROM restore_tests WHERE plan_id IS NOT NULL AND outcome = 'ok' "
      "GROUP BY plan_id");
  while (tests->step()) {
    find(tests->integer(0)).last_ok_restore_test = core::Instant{tests->integer(1)};
  }
  return out;
}

void insert_contact_verification(Database& db, const ContactVerification& v) {
  std::optional<std::int64_t> contact;
  if (v.contact) contact = v.contact->value;
  db.prepare(
        "INSERT INTO contact_verifications (contact_id, contact_label, verified_on, note, "
        "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)")
      ->bind(1, contact)
      .bind(2, v.contact_label)
      .bind(3, v.verified_on.iso())
      .bind(4, v.note)
      .bind(5, v.recorded_at.seconds)
      .bind(6, v.recorded_by)
      .run();
}

std::vector<ContactVerification> list_contact_verifications(Database& db, int limit) {
  auto stmt = db.prepare(
      "SELECT id, contact_id, contact_label, verified_on, note, recorded_at, recorded_by FROM "
      "contact_verifications ORDER BY verified_on DESC, id DESC LIMIT ?");
  stmt->bind(1, limit);
  std::vector<ContactVerification> out;
  while (stmt->step()) {
    ContactVerification v;
    v.id = stmt->integer(0);
    if (auto c = stmt->optional_integer(1)) v.contact = core::ExternalContactId(*c);
    v.contact_label = stmt->text(2);
    v.verified_on = core::Date::parse(stmt->text(3)).value_or(core::Date{});
    v.note = stmt->text(4);
    v.recorded_at = core::Instant{stmt->integer(5)};
    v.recorded_by = stmt->text(6);
    out.push_back(std::move(v));
  }
  return out;
}

void insert_plan_review(Database& db, const PlanReview& r) {
  db.prepare(
        "INSERT INTO plan_reviews (reviewed_on, note, recorded_at, recorded_by) "
        "VALUES (?, ?, ?, ?)")
      ->bind(1, r.reviewed_on.iso())
      .bind(2, r.note)
      .bind(3, r.recorded_at.seconds)
      .bind(4, r.recorded_by)
      .run();
}

std::vector<PlanReview> list_plan_reviews(Database& db, int limit) {
  auto stmt = db.prepare(
      "SELECT id, reviewed_on, note, recorded_at, recorded_by FROM plan_reviews "
      "ORDER BY reviewed_on DESC, id DESC LIMIT ?");
  stmt->bind(1, limit);
  std::vector<PlanReview> out;
  while (stmt->step()) {
    PlanReview r;
    r.id = stmt->integer(0);
    r.reviewed_on = core::Date::parse(stmt->text(1)).value_or(core::Date{});
    r.note = stmt->text(2);
    r.recorded_at = core::Instant{stmt->integer(3)};
    r.recorded_by = stmt->text(4);
    out.push_back(std::move(r));
  }
  return out;
}

core::ReminderSettings load_reminder_settings(Database& db) {
  auto stmt = db.prepare(
      "SELECT stocktake_cycle_days, restore_test_months, contact_verify_months, "
      "plan_review_months, due_soon_days, support_end_warning_days FROM reminder_settings "
      "WHERE id = 1");
  core::ReminderSettings s;
  if (!stmt->step()) return s;
  s.stocktake_cycle_days = static_cast<int>(stmt->integer(0));
  s.restore_test_months = static_cast<int>(stmt->integer(1));
  s.contact_verify_months = static_cast<int>(stmt->integer(2));
  s.plan_review_months = static_cast<int>(stmt->integer(3));
  s.due_soon_days = static_cast<int>(stmt->integer(4));
  s.support_end_warning_days = static_cast<int>(stmt->integer(5));
  return s;
}

void save_reminder_settings(Database& db, const core::ReminderSettings& s) {
  db.prepare(
        "INSERT INTO reminder_settings (id, stocktake_cycle_days, restore_test_months, "
        "contact_verify_months, plan_review_months, due_soon_days, support_end_warning_days) "
        "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "stocktake_cycle_days = excluded.stocktake_cycle_days, "
        "restore_test_months = excluded.restore_test_months, "
        "contact_verify_months = excluded.contact_verify_months, "
        "plan_review_months = excluded.plan_review_months, "
        "due_soon_days = excluded.due_soon_days, "
        "support_end_warning_days = excluded.support_end_warning_days")
      ->bind(1, s.stocktake_cycle_days)
      .bind(2, s.restore_test_months)
      .bind(3, s.contact_verify_months)
      .bind(4, s.plan_review_months)
      .bind(5, s.due_soon_days)
      .bind(6, s.support_end_warning_days)
      .run();
}

}  // namespace medbcp::store
