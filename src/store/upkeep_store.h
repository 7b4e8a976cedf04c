// The other records of 平時: backup runs and restore tests against each
// backup plan, contact verifications, plan reviews, and the reminder
// settings. Callers hold the transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clinic_backup_record.h"
#include "core/plan.h"
#include "core/reminders.h"
#include "store/database.h"

namespace medbcp::store {

core::BackupRunId insert_backup_run(Database& db, const core::BackupRun& run);
core::RestoreTestId insert_restore_test(Database& db, const core::RestoreTest& test);
// Newest first; every plan when `plan` is empty; at most `limit` rows.
std::vector<core::BackupRun> list_backup_runs(Database& db,
                                              const std::optional<core::BackupPlanId>& plan,
                                              int limit);
std::vector<core::RestoreTest> list_restore_tests(Database& db,
                                                  const std::optional<core::BackupPlanId>& plan,
                                                  int limit);
// One entry for each backup plan that has any run or test.
std::vector<core::BackupHistory> backup_histories(Database& db);

struct ContactVerification {
  std::int64_t id = 0;
  std::optional<core::ExternalContactId> contact;
  std::string contact_label;
  core::Date verified_on;
  std::string note;
  core::Instant recorded_at;
  std::string recorded_by;
};
void insert_contact_verification(Database& db, const ContactVerification& v);
std::vector<ContactVerification> list_contact_verifications(Database& db, int limit);

struct PlanReview {
  std::int64_t id = 0;
  core::Date reviewed_on;
  std::string note;
  core::Instant recorded_at;
  std::string recorded_by;
};
void insert_plan_review(Database& db, const PlanReview& r);
std::vector<PlanReview> list_plan_reviews(Database& db, int limit);

core::ReminderSettings load_reminder_settings(Database& db);
void save_reminder_settings(Database& db, const core::ReminderSettings& s);

}  // namespace medbcp::store
