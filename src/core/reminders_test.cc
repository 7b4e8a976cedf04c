#include "core/reminders.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace medbcp::core {
namespace {

// A plan in which nothing is due: one system with an offline backup plan,
// one verified vendor, a reviewed plan. Each test breaks one thing.
Plan quiet_plan() {
  Plan plan;
  plan.facility.name = "テスト医院";
  plan.facility.last_reviewed = Date{2025, 1, 1};
  InScopeSystem karte;
  karte.id = SystemId(1);
  karte.name = "電子カルテ";
  plan.systems = {karte};
  ExternalContact vendor;
  vendor.id = ExternalContactId(1);
  vendor.category = ExternalCategory::SystemVendor;
  vendor.organization = "静岡メディカルシステム株式会社";
  vendor.last_verified = Date{2025, 1, 1};
  plan.external_contacts = {vendor};
  BackupPlan b;
  b.id = BackupPlanId(1);
  b.system = karte.id;
  b.frequency_days = 7;
  b.offline = true;
  plan.backups = {b};
  return plan;
}

Instant at_tokyo(Date d, int hour = 12) { return Instant::from_tokyo(d, hour, 0); }

UpkeepRecords quiet_records() {
  UpkeepRecords r;
  BackupHistory h;
  h.plan = BackupPlanId(1);
  h.last_ok_run = at_tokyo(Date{2025, 3, 1});
  BackupRun run;
  run.at = *h.last_ok_run;
  run.outcome = Outcome::Ok;
  h.last_run = run;
  h.last_ok_restore_test = at_tokyo(Date{2025, 1, 1});
  r.backups = {h};
  r.last_stocktake_completed = Date{2025, 1, 1};
  r.last_drill = Date{2024, 11, 1};
  return r;
}

std::vector<Reminder> of_kind(const std::vector<Reminder>& list, ReminderKind kind) {
  std::vector<Reminder> out;
  std::copy_if(list.begin(), list.end(), std::back_inserter(out),
               [kind](const Reminder& r) { return r.kind == kind; });
  return out;
}

std::vector<Reminder> run(const Plan& plan, const UpkeepRecords& records, Date today) {
  return reminders(plan, records, ReminderSettings{}, today);
}

TEST(Reminders, QuietPlanHasNone) {
  auto list = run(quiet_plan(), quiet_records(), Date{2025, 3, 2});
  EXPECT_TRUE(list.empty()) << list.front().message;
  EXPECT_FALSE(any_overdue(list));
}

TEST(Reminders, ADrillIsDueEveryTwelveMonthsWithEveryoneInOne) {
  UpkeepRecords records = quiet_records();
  records.last_drill.reset();
  auto none = of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::DrillOverdue);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].urgency, Urgency::Overdue);
  EXPECT_EQ(none[0].field, "drills");
  records.last_drill = Date{2024, 3, 1};
  auto late = of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::DrillOverdue);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].urgency, Urgency::Overdue);
  EXPECT_EQ(late[0].due, (Date{2025, 3, 1}));
  records.last_drill = Date{2024, 3, 20};
  auto soon = of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::DrillOverdue);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].urgency, Urgency::DueSoon);
  records.last_drill = Date{2025, 1, 10};
  Plan plan = quiet_plan();
  plan.internal_contacts.push_back(InternalContact{});
  records.not_in_recent_drill = {"鈴木 一郎"};
  auto staff = of_kind(run(plan, records, Date{2025, 3, 2}), ReminderKind::StaffNotTrained);
  ASSERT_EQ(staff.size(), 1u);
  EXPECT_NE(staff[0].message.find("鈴木 一郎"), std::string::npos);
  EXPECT_TRUE(of_kind(run(plan, records, Date{2025, 3, 2}), ReminderKind::DrillOverdue).empty());
}

TEST(Reminders, MedbcpsOwnBackupIsDueEveryTwoDaysAndMustBeCopiedOff) {
  UpkeepRecords records = quiet_records();
  // Never backed up by medbcp: nothing to say (the timer starts the record).
  EXPECT_TRUE(
      of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::OwnBackupOld).empty());
  records.own_backups = UpkeepRecords::OwnBackups{at_tokyo(Date{2025, 2, 28}, 3), std::nullopt};
  // Two days old is on time; never copied off needs action now.
  auto list = run(quiet_plan(), records, Date{2025, 3, 2});
  EXPECT_TRUE(of_kind(list, ReminderKind::OwnBackupOld).empty());
  auto not_copied = of_kind(list, ReminderKind::OwnBackupNotCopied);
  ASSERT_EQ(not_copied.size(), 1u);
  EXPECT_EQ(not_copied[0].urgency, Urgency::Overdue);
  EXPECT_EQ(std::string(code(ReminderKind::OwnBackupNotCopied)), "own_backup_not_copied");
  // Three days old: the timer stopped.
  auto old = of_kind(run(quiet_plan(), records, Date{2025, 3, 3}), ReminderKind::OwnBackupOld);
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0].urgency, Urgency::Overdue);
  EXPECT_EQ(old[0].due, (Date{2025, 3, 2}));
  EXPECT_NE(old[0].message.find("2025-02-28 03:00"), std::string::npos) << old[0].message;
  // Once a backup was copied off, only the age counts.
  records.own_backups->newest_copied = at_tokyo(Date{2025, 2, 20}, 3);
  EXPECT_TRUE(
      of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::OwnBackupNotCopied)
          .empty());
}

TEST(AddMonths, KeepsTheDayOrTakesTheMonthsLast) {
  EXPECT_EQ(add_months(Date{2024, 4, 1}, 12), (Date{2025, 4, 1}));
  EXPECT_EQ(add_months(Date{2024, 2, 29}, 12), (Date{2025, 2, 28}));
  EXPECT_EQ(add_months(Date{2024, 1, 31}, 1), (Date{2024, 2, 29}));
  EXPECT_EQ(add_months(Date{2024, 11, 15}, 3), (Date{2025, 2, 15}));
}

// --- backups: last good run + frequency_days -------------------------------

TEST(BackupReminder, DueDayIsNotOverdueTheDayAfterIs) {
  // Last good run 2025-03-01 (Tokyo), every 7 days: due 2025-03-08.
  auto on_due =
      of_kind(run(quiet_plan(), quiet_records(), Date{2025, 3, 8}), ReminderKind::BackupOverdue);
  EXPECT_TRUE(on_due.empty());
  auto after =
      of_kind(run(quiet_plan(), quiet_records(), Date{2025, 3, 9}), ReminderKind::BackupOverdue);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].urgency, Urgency::Overdue);
  EXPECT_EQ(after[0].due, (Date{2025, 3, 8}));
  EXPECT_EQ(after[0].field, "backups[0]");
  EXPECT_NE(after[0].message.find("1日超過"), std::string::npos) << after[0].message;
  EXPECT_NE(after[0].subject.find("電子カルテ"), std::string::npos);
}

TEST(BackupReminder, RunDateIsTakenInTokyo) {
  auto records = quiet_records();
  // 2025-03-01 23:30 Tokyo is 14:30 UTC the same day; 2025-03-02 00:30 Tokyo
  // is still 2025-03-01 in UTC but counts as the 2nd in Tokyo.
  records.backups[0].last_ok_run = Instant::from_tokyo(Date{2025, 3, 2}, 0, 30);
  EXPECT_TRUE(
      of_kind(run(quiet_plan(), records, Date{2025, 3, 9}), ReminderKind::BackupOverdue).empty());
}

TEST(BackupReminder, NoSuccessfulRunIsOverdue) {
  auto records = quiet_records();
  records.backups[0].last_ok_run.reset();
  auto list = of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::BackupOverdue);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].urgency, Urgency::Overdue);
  EXPECT_FALSE(list[0].due);
  EXPECT_EQ(of_kind(run(quiet_plan(), {}, Date{2025, 3, 2}), ReminderKind::BackupOverdue).size(),
            1u);
}

TEST(BackupReminder, PlanWithoutFrequencyIsNotJudged) {
  auto plan = quiet_plan();
  plan.backups[0].frequency_days = 0;
  EXPECT_TRUE(of_kind(run(plan, {}, Date{2025, 3, 2}), ReminderKind::BackupOverdue).empty());
}

TEST(BackupReminder, FailedLastRunNeedsAction) {
  auto records = quiet_records();
  BackupRun failed;
  failed.at = at_tokyo(Date{2025, 3, 2}, 2);
  failed.outcome = Outcome::Failed;
  records.backups[0].last_run = failed;
  auto list = of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::BackupFailed);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].urgency, Urgency::Overdue);
}

// --- restore tests: last good test + 12 months ------------------------------

TEST(RestoreTestReminder, DueDayIsDueSoonTheDayAfterIsOverdue) {
  // Last good test 2025-01-01: due 2026-01-01.
  auto plan = quiet_plan();
  auto records = quiet_records();
  records.backups[0].last_ok_run = at_tokyo(Date{2026, 1, 1});  // keep backups quiet
  auto before_window =
      of_kind(run(plan, records, Date{2025, 12, 1}), ReminderKind::RestoreTestOverdue);
  EXPECT_TRUE(before_window.empty());
  auto window = of_kind(run(plan, records, Date{2025, 12, 2}), ReminderKind::RestoreTestOverdue);
  ASSERT_EQ(window.size(), 1u);
  EXPECT_EQ(window[0].urgency, Urgency::DueSoon);
  auto on_due = of_kind(run(plan, records, Date{2026, 1, 1}), ReminderKind::RestoreTestOverdue);
  ASSERT_EQ(on_due.size(), 1u);
  EXPECT_EQ(on_due[0].urgency, Urgency::DueSoon);
  auto after = of_kind(run(plan, records, Date{2026, 1, 2}), ReminderKind::RestoreTestOverdue);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].urgency, Urgency::Overdue);
  EXPECT_EQ(after[0].due, (Date{2026, 1, 1}));
}

TEST(RestoreTestReminder, NeverTestedIsOverdue) {
  auto records = quiet_records();
  records.backups[0].last_ok_restore_test.reset();
  auto list =
      of_kind(run(quiet_plan(), records, Date{2025, 3, 2}), ReminderKind::RestoreTestOverdue);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].urgency, Urgency::Overdue);
}

// --- offline copies ----------------------------------------------------------

TEST(OfflineReminder, SystemWithOnlyOnlineBackupsIsFlaggedOnce) {
  auto plan = quiet_plan();
  plan.backups[0].offline = false;
  BackupPlan nas = plan.backups[0];
  nas.id = BackupPlanId(2);
  nas.frequency_days = 1;
  plan.backups.push_back(nas);
  auto list = of_kind(run(plan, {}, Date{2025, 3, 2}), ReminderKind::NoOfflineCopy);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].subject, "電子カルテ");
  EXPECT_EQ(list[0].urgency, Urgency::Overdue);
  EXPECT_EQ(list[0].field, "backups[0].offline");
}

TEST(OfflineReminder, AnOfflineRowCoversItsSystemIncludingUnnamedContinuationRows) {
  // The template's table: 電子カルテ daily to a server, then a row with an
  // empty システム cell, weekly to tape kept offline.
  Plan plan = quiet_plan();
  plan.backups.clear();
  BackupPlan daily;
  daily.id = BackupPlanId(1);
  daily.system_label = "電子カルテ";
  daily.offline = false;
  BackupPlan weekly;
  weekly.id = BackupPlanId(2);
  weekly.offline = true;
  BackupPlan other;
  other.id = BackupPlanId(3);
  other.system_label = "医事会計";
  plan.backups = {daily, weekly, other};
  auto list = of_kind(run(plan, {}, Date{2025, 3, 2}), ReminderKind::NoOfflineCopy);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].subject, "医事会計");
}

// --- devices -----------------------------------------------------------------

Device server() {
  Device d;
  d.id = DeviceId(1);
  d.asset_number = "S-01";
  d.name = "電子カルテサーバ";
  d.os = "Windows Server";
  d.os_version = "2012 R2";
  d.support_end = Date{2023, 10, 10};
  return d;
}

TEST(SupportReminder, SupportEndDayIsStillSupportedTheDayAfterIsNot) {
  auto plan = quiet_plan();
  plan.devices = {server()};
  auto on_day = of_kind(run(plan, quiet_records(), Date{2023, 10, 10}), ReminderKind::SupportEnded);
  ASSERT_EQ(on_day.size(), 1u);
  EXPECT_EQ(on_day[0].urgency, Urgency::DueSoon);
  auto after = of_kind(run(plan, quiet_records(), Date{2023, 10, 11}), ReminderKind::SupportEnded);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].urgency, Urgency::Overdue);
  EXPECT_EQ(after[0].subject, "S-01 電子カルテサーバ");
  EXPECT_EQ(after[0].field, "devices[0].support_end");
  EXPECT_NE(after[0].message.find("Windows Server 2012 R2"), std::string::npos);
}

TEST(SupportReminder, WarnsNinetyDaysAheadAndIgnoresRetiredDevices) {
  auto plan = quiet_plan();
  plan.devices = {server()};
  // 2023-10-10 minus 90 days is 2023-07-12.
  EXPECT_TRUE(
      of_kind(run(plan, quiet_records(), Date{2023, 7, 11}), ReminderKind::SupportEnded).empty());
  EXPECT_EQ(
      of_kind(run(plan, quiet_records(), Date{2023, 7, 12}), ReminderKind::SupportEnded).size(),
      1u);
  plan.devices[0].status = DeviceStatus::Retired;
  EXPECT_TRUE(
      of_kind(run(plan, quiet_records(), Date{2025, 1, 1}), ReminderKind::SupportEnded).empty());
}

TEST(VendorReminder, RemoteDevicesNeedAVendorListedInTheContacts) {
  auto plan = quiet_plan();
  Device vpn;
  vpn.id = DeviceId(1);
  vpn.name = "VPN装置";
  vpn.remote_maintenance = true;
  Device pc;
  pc.id = DeviceId(2);
  pc.name = "受付PC";
  pc.internet_facing = true;
  pc.vendor = "知らない会社";
  Device printer;  // neither internet-facing nor remote: no vendor needed
  printer.id = DeviceId(3);
  printer.name = "プリンタ";
  Device ok = vpn;
  ok.id = DeviceId(4);
  ok.vendor = "静岡メディカルシステム";  // part of the contact's name
  plan.devices = {vpn, pc, printer, ok};
  auto list = of_kind(run(plan, quiet_records(), Date{2025, 3, 2}), ReminderKind::NoVendorContact);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].field, "devices[0].vendor");
  EXPECT_NE(list[0].message.find("記入されていません"), std::string::npos);
  EXPECT_EQ(list[1].field, "devices[1].vendor");
  EXPECT_NE(list[1].message.find("知らない会社"), std::string::npos);
}

// --- contacts, review, stock-take -------------------------------------------

TEST(ContactReminder, TwelveMonthsFromTheLastCheck) {
  // Verified 2025-01-01: due 2026-01-01.
  auto plan = quiet_plan();
  plan.facility.last_reviewed = Date{2026, 1, 1};
  auto records = quiet_records();
  auto on_due = of_kind(run(plan, records, Date{2026, 1, 1}), ReminderKind::ContactUnverified);
  ASSERT_EQ(on_due.size(), 1u);
  EXPECT_EQ(on_due[0].urgency, Urgency::DueSoon);
  auto after = of_kind(run(plan, records, Date{2026, 1, 2}), ReminderKind::ContactUnverified);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].urgency, Urgency::Overdue);
  EXPECT_EQ(after[0].field, "external_contacts[0].last_verified");

  plan.external_contacts[0].last_verified.reset();
  auto never = of_kind(run(plan, records, Date{2025, 3, 2}), ReminderKind::ContactUnverified);
  ASSERT_EQ(never.size(), 1u);
  EXPECT_EQ(never[0].urgency, Urgency::Overdue);
}

TEST(ReviewReminder, TwelveMonthsFromTheLastReviewElseTheEffectiveDate) {
  auto plan = quiet_plan();
  plan.facility.last_reviewed = Date{2024, 4, 1};
  EXPECT_EQ(of_kind(run(plan, quiet_records(), Date{2025, 4, 1}), ReminderKind::PlanNotReviewed)[0]
                .urgency,
            Urgency::DueSoon);
  EXPECT_EQ(of_kind(run(plan, quiet_records(), Date{2025, 4, 2}), ReminderKind::PlanNotReviewed)[0]
                .urgency,
            Urgency::Overdue);

  plan.facility.last_reviewed.reset();
  plan.facility.effective_date = Date{2024, 6, 1};
  EXPECT_TRUE(
      of_kind(run(plan, quiet_records(), Date{2025, 4, 2}), ReminderKind::PlanNotReviewed).empty());
  plan.facility.effective_date.reset();
  auto never = of_kind(run(plan, quiet_records(), Date{2025, 4, 2}), ReminderKind::PlanNotReviewed);
  ASSERT_EQ(never.size(), 1u);
  EXPECT_EQ(never[0].urgency, Urgency::Overdue);
}

TEST(StocktakeReminder, CycleFromTheLastCompletedRound) {
  auto plan = quiet_plan();
  plan.facility.last_reviewed = Date{2026, 1, 1};
  plan.external_contacts[0].last_verified = Date{2026, 1, 1};
  auto records = quiet_records();
  records.backups[0].last_ok_run = at_tokyo(Date{2026, 1, 1});
  records.backups[0].last_ok_restore_test = at_tokyo(Date{2026, 1, 1});
  records.last_stocktake_completed = Date{2025, 1, 1};  // due 2026-01-01 (365 days)
  records.last_drill = Date{2025, 11, 1};
  EXPECT_TRUE(
      of_kind(run(plan, records, Date{2025, 12, 1}), ReminderKind::StocktakeOverdue).empty());
  auto on_due = run(plan, records, Date{2026, 1, 1});
  ASSERT_EQ(on_due.size(), 1u);
  EXPECT_EQ(on_due[0].kind, ReminderKind::StocktakeOverdue);
  EXPECT_EQ(on_due[0].urgency, Urgency::DueSoon);
  EXPECT_FALSE(any_overdue(on_due));
  auto after = run(plan, records, Date{2026, 1, 2});
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].urgency, Urgency::Overdue);
  EXPECT_TRUE(any_overdue(after));

  ReminderSettings half_year;
  half_year.stocktake_cycle_days = 180;  // due 2025-06-30
  EXPECT_TRUE(of_kind(reminders(plan, records, half_year, Date{2025, 6, 30}),
                      ReminderKind::StocktakeOverdue)[0]
                  .urgency == Urgency::DueSoon);
  EXPECT_TRUE(of_kind(reminders(plan, records, half_year, Date{2025, 7, 1}),
                      ReminderKind::StocktakeOverdue)[0]
                  .urgency == Urgency::Overdue);
}

TEST(StocktakeReminder, WithoutRoundsTheLedgersNewestDateCountsAndNoDateIsOverdue) {
  auto plan = quiet_plan();
  auto records = quiet_records();
  records.last_stocktake_completed.reset();
  EXPECT_TRUE(of_kind(run(plan, records, Date{2025, 3, 2}), ReminderKind::StocktakeOverdue)
                  .empty());  // no devices: nothing to take stock of
  Device a = server();
  a.support_end.reset();
  a.last_stocktake = Date{2023, 1, 1};
  Device b = a;
  b.id = DeviceId(2);
  b.last_stocktake = Date{2024, 6, 1};
  plan.devices = {a, b};
  // Newest ledger date 2024-06-01 + 365 days = 2025-06-01.
  EXPECT_TRUE(
      of_kind(run(plan, records, Date{2025, 4, 1}), ReminderKind::StocktakeOverdue).empty());
  EXPECT_EQ(
      of_kind(run(plan, records, Date{2025, 6, 2}), ReminderKind::StocktakeOverdue)[0].urgency,
      Urgency::Overdue);
  plan.devices[0].last_stocktake.reset();
  plan.devices[1].last_stocktake.reset();
  auto never = of_kind(run(plan, records, Date{2025, 3, 2}), ReminderKind::StocktakeOverdue);
  ASSERT_EQ(never.size(), 1u);
  EXPECT_EQ(never[0].urgency, Urgency::Overdue);
}

}  // namespace
}  // namespace medbcp::core
