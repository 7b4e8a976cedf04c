// The 平時 use cases against a real workspace file: a whole stock-take round
// from start to the updated ledger, backup runs and restore tests, and the
// checks that clear reminders.
#include "app/stocktake.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/clinic_backup_runs.h"
#include "app/history.h"
#include "app/plan_service.h"
#include "app/reminders.h"
#include "doc/stocktake_documents.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

class Upkeep : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-upkeep-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, admin_));
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  core::StocktakeRoundId start() {
    auto started = start_stocktake(*ws_, admin_, "令和7年度 定期棚卸し", "");
    EXPECT_TRUE(started.problems.empty());
    return started.round->id;
  }
  core::StocktakeItem item(const core::StocktakeRoundId& round, const std::string& asset) {
    auto view = stocktake_view(*ws_, admin_, round);
    auto it = find_item(view->items, asset);
    EXPECT_TRUE(it) << asset;
    return *it;
  }
  core::Problems record(const core::StocktakeRoundId& round, core::StocktakeResult r) {
    return record_stocktake_result(*ws_, staff_, round, std::move(r)).problems;
  }
  core::StocktakeResult of(const core::StocktakeItem& it, core::Finding f) {
    core::StocktakeResult r;
    r.device = it.device;
    r.finding = f;
    return r;
  }
  // A round in which every device on the sheet is found as listed, closed.
  void round_with_everything_seen() {
    auto round = start();
    const auto view = stocktake_view(*ws_, admin_, round);
    for (const auto& it : view->items) {
      ASSERT_TRUE(record(round, of(it, core::Finding::Confirmed)).empty());
    }
    ASSERT_TRUE(close_stocktake(*ws_, admin_, round, false).problems.empty());
  }
  std::vector<core::Reminder> reminders_of(core::ReminderKind kind) {
    std::vector<core::Reminder> out;
    for (auto& r : current_reminders(*ws_, admin_, core::Instant::now().tokyo_date())) {
      if (r.kind == kind) out.push_back(std::move(r));
    }
    return out;
  }
  const core::Device* device(const core::Plan& plan, const std::string& asset) {
    for (const auto& d : plan.devices) {
      if (d.asset_number == asset) return &d;
    }
    return nullptr;
  }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  Actor admin_{core::UserId(), "院長", Role::Admin};
  Actor staff_{core::UserId(), "事務長", Role::Editor};
  Actor viewer_{core::UserId(), "閲覧者", Role::Viewer};
};

TEST_F(Upkeep, AFullRoundUpdatesTheLedgerAndAttributesEveryChange) {
  auto round = start();
  auto view = stocktake_view(*ws_, admin_, round);
  const auto plan_before = load_plan(*ws_);
  // Every device but the retired one is on the sheet.
  EXPECT_EQ(view->items.size(), core::stocktake_items(plan_before.devices).size());
  EXPECT_LT(view->items.size(), plan_before.devices.size());

  for (const auto& it : view->items) {
    core::StocktakeResult r = of(it, core::Finding::Confirmed);
    if (it.asset_number == "PC-001") {
      r.finding = core::Finding::Moved;
      r.new_location = "診察室3";
    } else if (it.asset_number == "PC-002") {
      r.finding = core::Finding::StatusChanged;
      r.new_status = core::DeviceStatus::Broken;
    } else if (it.asset_number == "PC-007") {
      r.finding = core::Finding::Missing;
      r.note = "書庫になし";
    } else if (it.asset_number == "NW-004") {
      r.finding = core::Finding::Retired;
    }
    ASSERT_TRUE(record(round, r).empty()) << it.asset_number;
  }
  core::StocktakeResult found;
  found.finding = core::Finding::Unlisted;
  found.found_name = "持ち込み無線ルータ";
  found.found_kind = core::DeviceKind::Network;
  found.found_location = "待合室";
  ASSERT_TRUE(record(round, found).empty());

  auto closed = close_stocktake(*ws_, admin_, round, false);
  ASSERT_TRUE(closed.problems.empty()) << closed.problems[0].message;
  view = stocktake_view(*ws_, admin_, round);
  ASSERT_TRUE(view->round.closed());
  EXPECT_EQ(view->round.closed_by, "院長");
  const core::Date today = view->round.closed_at->tokyo_date();

  const auto plan = load_plan(*ws_);
  EXPECT_EQ(device(plan, "PC-001")->location, "診察室3");
  EXPECT_EQ(device(plan, "PC-001")->last_stocktake, today);
  EXPECT_EQ(device(plan, "PC-002")->status, core::DeviceStatus::Broken);
  EXPECT_EQ(device(plan, "NW-004")->status, core::DeviceStatus::Retired);
  EXPECT_EQ(device(plan, "PC-007")->last_stocktake, device(plan_before, "PC-007")->last_stocktake);
  EXPECT_NE(device(plan, "PC-007")->note.find("所在不明"), std::string::npos);
  EXPECT_EQ(device(plan, "PC-007")->status, core::DeviceStatus::Missing);
  EXPECT_EQ(device(plan, "SV-001")->last_stocktake, today);
  ASSERT_EQ(plan.devices.size(), plan_before.devices.size() + 1);
  const core::Device& added = plan.devices.back();
  EXPECT_EQ(added.name, "持ち込み無線ルータ");
  EXPECT_TRUE(added.id.valid());

  // The changes are kept with the round, the new device named by its id …
  bool saw_added = false, saw_move = false;
  for (const auto& c : view->changes) {
    if (c.field == "added") saw_added = c.device == added.id;
    if (c.field == "location" && c.before == "受付" && c.after == "診察室3") saw_move = true;
  }
  EXPECT_TRUE(saw_added);
  EXPECT_TRUE(saw_move);
  // … and the plan history says who changed the ledger.
  auto history = list_history(*ws_, admin_, "devices", 1, 10);
  ASSERT_FALSE(history.items.empty());
  EXPECT_EQ(history.items[0].user_name, "院長");

  // The difference report of the closed round reads from the stored snapshot.
  EXPECT_EQ(view->report.differences.size(), 5u);
  EXPECT_TRUE(view->report.unchecked.empty());

  // A closed round takes no more results.
  auto late =
      record_stocktake_result(*ws_, staff_, round, of(view->items[0], core::Finding::Confirmed));
  ASSERT_EQ(late.problems.size(), 1u);
  EXPECT_EQ(late.problems[0].field, "round");
}

TEST_F(Upkeep, OnlyOneRoundAtATime) {
  start();
  auto second = start_stocktake(*ws_, admin_, "", "");
  EXPECT_FALSE(second.round);
  ASSERT_EQ(second.problems.size(), 1u);
  EXPECT_NE(second.problems[0].message.find("令和7年度 定期棚卸し"), std::string::npos);
}

TEST_F(Upkeep, ClosingWithUncheckedDevicesNeedsConsentAndLeavesThemAsTheyWere) {
  auto round = start();
  auto server = item(round, "SV-001");
  ASSERT_TRUE(record(round, of(server, core::Finding::Confirmed)).empty());
  auto refused = close_stocktake(*ws_, admin_, round, false);
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "unchecked");
  EXPECT_FALSE(stocktake_view(*ws_, admin_, round)->round.closed());

  const auto before = load_plan(*ws_);
  auto closed = close_stocktake(*ws_, admin_, round, true);
  ASSERT_TRUE(closed.problems.empty());
  const auto after = load_plan(*ws_);
  EXPECT_EQ(device(after, "PC-001")->last_stocktake, device(before, "PC-001")->last_stocktake);
  EXPECT_NE(device(after, "SV-001")->last_stocktake, device(before, "SV-001")->last_stocktake);
}

TEST_F(Upkeep, InvalidResultsAreProblemsAndNothingIsStored) {
  auto round = start();
  auto moved = of(item(round, "PC-001"), core::Finding::Moved);
  auto problems = record(round, moved);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "new_location");
  EXPECT_TRUE(stocktake_view(*ws_, admin_, round)->results.empty());
}

TEST_F(Upkeep, AMistakenResultCanBeRemovedWhileTheRoundIsOpen) {
  auto round = start();
  auto recorded = record_stocktake_result(*ws_, staff_, round,
                                          of(item(round, "SV-001"), core::Finding::Missing));
  ASSERT_TRUE(recorded.result);
  EXPECT_TRUE(delete_stocktake_result(*ws_, staff_, recorded.result->id).empty());
  EXPECT_TRUE(stocktake_view(*ws_, admin_, round)->results.empty());
}

TEST_F(Upkeep, OfflineResultsMergeOnceAndBadOnesAreAllRefused) {
  auto round = start();
  core::StocktakeResult r = of(item(round, "SV-001"), core::Finding::Confirmed);
  r.id.value = "0123456789abcdef0123456789abcdef";
  r.round = round;
  r.recorded_at = core::Instant::now();
  r.recorded_by = "ノートPC";
  auto first = merge_stocktake_results(*ws_, admin_, {r});
  EXPECT_EQ(first.added, 1);
  auto again = merge_stocktake_results(*ws_, admin_, {r});
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.already_present, 1);

  core::StocktakeResult bad = r;
  bad.id.value = "fedcba9876543210fedcba9876543210";
  bad.finding = core::Finding::Moved;  // without a place
  core::StocktakeResult good = r;
  good.id.value = "11111111111111111111111111111111";
  auto mixed = merge_stocktake_results(*ws_, admin_, {good, bad});
  ASSERT_EQ(mixed.problems.size(), 1u);
  EXPECT_EQ(mixed.problems[0].row, 2);
  EXPECT_EQ(stocktake_view(*ws_, admin_, round)->results.size(), 1u);
}

TEST_F(Upkeep, ViewersMayReadButNotRecord) {
  auto round = start();
  EXPECT_TRUE(stocktake_view(*ws_, viewer_, round));
  EXPECT_THROW(record_stocktake_result(*ws_, viewer_, round,
                                       of(item(round, "SV-001"), core::Finding::Confirmed)),
               PermissionDenied);
  EXPECT_THROW(
      record_backup_run(*ws_, viewer_, core::BackupPlanId(1), core::Outcome::Ok, std::nullopt, ""),
      PermissionDenied);
}

TEST_F(Upkeep, FindItemByAssetNumberNameOrId) {
  auto round = start();
  auto items = stocktake_view(*ws_, admin_, round)->items;
  EXPECT_EQ(find_item(items, "ｐｃ－００１")->asset_number, "PC-001");
  EXPECT_EQ(find_item(items, "電子カルテサーバ")->asset_number, "SV-001");
  EXPECT_EQ(find_item(items, "#1")->asset_number, "SV-001");
  EXPECT_FALSE(find_item(items, "#9999"));
  EXPECT_FALSE(find_item(items, "ない機器"));
}

TEST_F(Upkeep, FindStocktakeByPrefixOrTheOpenOne) {
  EXPECT_FALSE(find_stocktake(*ws_, ""));
  auto round = start();
  EXPECT_EQ(find_stocktake(*ws_, ""), round);
  EXPECT_EQ(find_stocktake(*ws_, round.value.substr(0, 8)), round);
  EXPECT_FALSE(find_stocktake(*ws_, round.value.substr(0, 3)));
}

TEST_F(Upkeep, DocumentsListTheSheetAndTheDifferences) {
  auto round = start();
  auto moved = of(item(round, "PC-001"), core::Finding::Moved);
  moved.new_location = "診察室3";
  ASSERT_TRUE(record(round, moved).empty());
  auto view = *stocktake_view(*ws_, admin_, round);
  auto sheet = doc::stocktake_sheet_document(view);
  const doc::Table* table = nullptr;
  for (const auto& b : sheet.blocks) {
    if (auto* t = std::get_if<doc::Table>(&b); t && t->name == "stocktake_sheet") table = t;
  }
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows.size(), view.items.size());
  EXPECT_EQ(doc::to_plain(table->rows[0][1]), "SV-001");

  auto report = doc::stocktake_report_document(view);
  const doc::Table* diffs = nullptr;
  const doc::Table* unchecked = nullptr;
  for (const auto& b : report.blocks) {
    if (auto* t = std::get_if<doc::Table>(&b)) {
      if (t->name == "stocktake_differences") diffs = t;
      if (t->name == "stocktake_unchecked") unchecked = t;
    }
  }
  ASSERT_TRUE(diffs && unchecked);
  ASSERT_EQ(diffs->rows.size(), 1u);
  EXPECT_EQ(doc::to_plain(diffs->rows[0][2]), "設置場所変更");
  EXPECT_EQ(doc::to_plain(diffs->rows[0][5]), "設置場所 → 診察室3");
  EXPECT_EQ(unchecked->rows.size(), view.items.size() - 1);
}

TEST_F(Upkeep, BackupRunsAndRestoreTestsClearTheirReminders) {
  const core::Date today = core::Instant::now().tokyo_date();
  auto count = [&](core::ReminderKind kind, const std::string& subject_part) {
    int n = 0;
    for (const auto& r : current_reminders(*ws_, admin_, today)) {
      if (r.kind == kind && r.subject.find(subject_part) != std::string::npos) ++n;
    }
    return n;
  };
  auto overview = backup_overview(*ws_, admin_);
  ASSERT_FALSE(overview.empty());
  const auto id = overview[0].plan.id;
  const std::string title = overview[0].title;
  EXPECT_EQ(count(core::ReminderKind::BackupOverdue, title), 1);
  ASSERT_TRUE(record_backup_run(*ws_, staff_, id, core::Outcome::Ok, std::nullopt, "").run);
  EXPECT_EQ(count(core::ReminderKind::BackupOverdue, title), 0);

  ASSERT_TRUE(record_backup_run(*ws_, staff_, id, core::Outcome::Failed, std::nullopt, "").run);
  EXPECT_EQ(count(core::ReminderKind::BackupFailed, title), 1);

  EXPECT_EQ(count(core::ReminderKind::RestoreTestOverdue, title), 1);
  auto test = record_restore_test(*ws_, staff_, id, core::Outcome::Ok, 45, std::nullopt, "");
  ASSERT_TRUE(test.test);
  EXPECT_EQ(count(core::ReminderKind::RestoreTestOverdue, title), 0);

  overview = backup_overview(*ws_, admin_);
  EXPECT_EQ(overview[0].recent_runs.size(), 2u);
  ASSERT_EQ(overview[0].recent_tests.size(), 1u);
  EXPECT_EQ(overview[0].recent_tests[0].minutes, 45);
  EXPECT_EQ(overview[0].recent_tests[0].recorded_by, "事務長");
}

TEST_F(Upkeep, BackupRecordsRefuseUnknownPlansFutureTimesAndBadDurations) {
  auto run =
      record_backup_run(*ws_, staff_, core::BackupPlanId(999), core::Outcome::Ok, std::nullopt, "");
  ASSERT_EQ(run.problems.size(), 1u);
  EXPECT_EQ(run.problems[0].field, "plan");
  auto future = record_backup_run(*ws_, staff_, core::BackupPlanId(1), core::Outcome::Ok,
                                  core::Instant{core::Instant::now().seconds + 86400}, "");
  ASSERT_EQ(future.problems.size(), 1u);
  EXPECT_EQ(future.problems[0].field, "at");
  auto test = record_restore_test(*ws_, staff_, core::BackupPlanId(1), core::Outcome::Ok, -1,
                                  std::nullopt, "");
  ASSERT_EQ(test.problems.size(), 1u);
  EXPECT_EQ(test.problems[0].field, "minutes");
}

TEST_F(Upkeep, ParseRunTimeAcceptsWhatJobsAndPeopleWrite) {
  EXPECT_EQ(parse_run_time("2025-04-01T02:00:00Z"), core::Instant::parse("2025-04-01T02:00:00Z"));
  EXPECT_EQ(parse_run_time("2025-04-01T11:00:00+09:00"),
            core::Instant::parse("2025-04-01T02:00:00Z"));
  EXPECT_EQ(parse_run_time("2025-04-01 11:00"), core::Instant::parse("2025-04-01T02:00:00Z"));
  EXPECT_EQ(parse_run_time("2025-04-01"), core::Instant::from_tokyo(core::Date{2025, 4, 1}, 0, 0));
  EXPECT_FALSE(parse_run_time("yesterday"));
}

TEST_F(Upkeep, VerifyingAContactAndReviewingThePlanUpdateThePlanWithHistory) {
  const core::Date today = core::Instant::now().tokyo_date();
  auto plan = load_plan(*ws_);
  const auto contact = plan.external_contacts[0].id;
  EXPECT_TRUE(
      record_contact_verification(*ws_, staff_, contact, today, today, "電話で確認").empty());
  EXPECT_EQ(load_plan(*ws_).external_contacts[0].last_verified, today);
  // An older check entered late does not move the date back.
  EXPECT_TRUE(
      record_contact_verification(*ws_, staff_, contact, today.plus_days(-30), today, "").empty());
  EXPECT_EQ(load_plan(*ws_).external_contacts[0].last_verified, today);
  auto future = record_contact_verification(*ws_, staff_, contact, today.plus_days(1), today, "");
  ASSERT_EQ(future.size(), 1u);

  EXPECT_TRUE(record_plan_review(*ws_, admin_, today, today, "年次見直し").empty());
  EXPECT_EQ(load_plan(*ws_).facility.last_reviewed, today);
  auto history = list_history(*ws_, admin_, "facility", 1, 10);
  ASSERT_FALSE(history.items.empty());
  EXPECT_EQ(history.items[0].user_name, "院長");
}

TEST_F(Upkeep, ReminderSettingsAreCheckedAndUsed) {
  auto s = reminder_settings(*ws_, admin_);
  EXPECT_EQ(s.stocktake_cycle_days, 365);
  s.stocktake_cycle_days = 0;
  auto problems = update_reminder_settings(*ws_, admin_, s);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "stocktake_cycle_days");
  s.stocktake_cycle_days = 90;
  EXPECT_TRUE(update_reminder_settings(*ws_, admin_, s).empty());
  EXPECT_EQ(reminder_settings(*ws_, admin_).stocktake_cycle_days, 90);
}

TEST_F(Upkeep, ClosingARoundWithEveryDeviceSeenClearsTheStocktakeReminder) {
  // Make the demo ledger's last stock-take two years old.
  ASSERT_TRUE(update_plan(*ws_, admin_, [](core::Plan& p) {
                for (auto& d : p.devices) d.last_stocktake = core::Date{2020, 1, 1};
              }).empty());
  EXPECT_EQ(reminders_of(core::ReminderKind::StocktakeOverdue).size(), 1u);
  round_with_everything_seen();
  EXPECT_TRUE(reminders_of(core::ReminderKind::StocktakeOverdue).empty());
}

TEST_F(Upkeep, DevicesLeftUncheckedStayDueAfterTheRoundCloses) {
  ASSERT_TRUE(update_plan(*ws_, admin_, [](core::Plan& p) {
                for (auto& d : p.devices) d.last_stocktake = core::Date{2020, 1, 1};
              }).empty());
  auto round = start();
  const auto items = stocktake_view(*ws_, admin_, round)->items;
  ASSERT_GT(items.size(), 2u);
  // All but two are seen; the round is closed anyway.
  for (std::size_t i = 2; i < items.size(); ++i) {
    ASSERT_TRUE(record(round, of(items[i], core::Finding::Confirmed)).empty());
  }
  ASSERT_TRUE(close_stocktake(*ws_, admin_, round, true).problems.empty());

  const auto plan = load_plan(*ws_);
  EXPECT_EQ(device(plan, items[0].asset_number)->last_stocktake, (core::Date{2020, 1, 1}));
  const auto due = reminders_of(core::ReminderKind::StocktakeOverdue);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].urgency, core::Urgency::Overdue);
  EXPECT_NE(due[0].message.find("確認していない機器が 2 台"), std::string::npos) << due[0].message;
  EXPECT_NE(due[0].message.find(items[0].asset_number), std::string::npos) << due[0].message;

  // Seen in a later round: no longer due.
  round_with_everything_seen();
  EXPECT_TRUE(reminders_of(core::ReminderKind::StocktakeOverdue).empty());
}

TEST_F(Upkeep, AMissingDeviceIsFlaggedUntilItIsFoundAgain) {
  auto round = start();
  const auto view_round = stocktake_view(*ws_, admin_, round);
  for (const auto& it : view_round->items) {
    core::StocktakeResult r = of(it, core::Finding::Confirmed);
    if (it.asset_number == "PC-007") r.finding = core::Finding::Missing;
    ASSERT_TRUE(record(round, r).empty());
  }
  ASSERT_TRUE(close_stocktake(*ws_, admin_, round, false).problems.empty());
  EXPECT_EQ(device(load_plan(*ws_), "PC-007")->status, core::DeviceStatus::Missing);
  auto missing = reminders_of(core::ReminderKind::DeviceMissing);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].subject.find("PC-007"), std::string::npos);
  EXPECT_EQ(missing[0].urgency, core::Urgency::Overdue);

  // The next round looks for it again, and finds it.
  round_with_everything_seen();
  EXPECT_EQ(device(load_plan(*ws_), "PC-007")->status, core::DeviceStatus::Active);
  EXPECT_TRUE(reminders_of(core::ReminderKind::DeviceMissing).empty());
}

}  // namespace
}  // namespace medbcp::app
