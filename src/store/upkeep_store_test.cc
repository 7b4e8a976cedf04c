// The 平時 tables: stock-take rounds and results (with the offline merge),
// backup runs and restore tests, and settings — on a real SQLite file.
#include "store/upkeep_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/plan_template.h"
#include "store/database_test_util.h"
#include "store/plan_store.h"
#include "store/stocktake_store.h"

namespace medbcp::store {
namespace {

class UpkeepDb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-upkeep-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = open_database(test_database_location(dir_ / "test.db"));
    core::Plan plan = core::template_plan("テスト医院");
    core::Device a;
    a.id = core::DeviceId(1);
    a.name = "受付PC";
    a.location = "受付";
    core::Device b;
    b.id = core::DeviceId(2);
    b.name = "サーバ";
    plan.devices = {a, b};
    core::BackupPlan nightly;
    nightly.id = core::BackupPlanId(1);
    nightly.system_label = "電子カルテ";
    nightly.frequency_days = 1;
    core::BackupPlan weekly = nightly;
    weekly.id = core::BackupPlanId(2);
    weekly.frequency_days = 7;
    plan.backups = {nightly, weekly};
    plan_ = plan;
    Transaction tx(*db_);
    save_plan(*db_, plan);
    tx.commit();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<Database> db_;
  core::Plan plan_;
};

core::StocktakeRound round_of(char fill) {
  core::StocktakeRound r;
  r.id.value = std::string(32, fill);
  r.title = "令和7年度 棚卸し";
  r.started_at = core::Instant{1000};
  r.started_by = "事務長";
  return r;
}

core::StocktakeResult result_of(const core::StocktakeRound& round, char fill, std::int64_t device,
                                core::Finding finding) {
  core::StocktakeResult r;
  r.id.value = std::string(32, fill);
  r.round = round.id;
  r.device = core::DeviceId(device);
  r.finding = finding;
  r.recorded_at = core::Instant{2000};
  r.recorded_by = "看護師A";
  return r;
}

TEST_F(UpkeepDb, RoundKeepsItsCheckListAndResults) {
  auto round = round_of('a');
  insert_round(*db_, round, core::stocktake_items(plan_.devices));
  auto moved = result_of(round, '1', 1, core::Finding::Moved);
  moved.new_location = "診察室";
  moved.new_status = core::DeviceStatus::Broken;
  moved.note = "画面割れ";
  EXPECT_TRUE(insert_result(*db_, moved));
  core::StocktakeResult found = result_of(round, '2', 0, core::Finding::Unlisted);
  found.device.reset();
  found.found_name = "持ち込みルータ";
  found.found_kind = core::DeviceKind::Network;
  EXPECT_TRUE(insert_result(*db_, found));

  auto open = open_round(*db_);
  ASSERT_TRUE(open);
  EXPECT_EQ(open->id, round.id);
  EXPECT_FALSE(open->closed());
  auto items = round_items(*db_, round.id);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].name, "受付PC");
  EXPECT_EQ(items[0].location, "受付");

  auto results = round_results(*db_, round.id);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].new_location, "診察室");
  EXPECT_EQ(results[0].new_status, core::DeviceStatus::Broken);
  EXPECT_EQ(results[0].note, "画面割れ");
  EXPECT_FALSE(results[1].device);
  EXPECT_EQ(results[1].found_kind, core::DeviceKind::Network);
}

TEST_F(UpkeepDb, MergingTheSameResultTwiceKeepsOne) {
  auto round = round_of('a');
  insert_round(*db_, round, core::stocktake_items(plan_.devices));
  auto r = result_of(round, '1', 1, core::Finding::Confirmed);
  EXPECT_TRUE(insert_result(*db_, r));
  EXPECT_FALSE(insert_result(*db_, r));
  EXPECT_EQ(round_results(*db_, round.id).size(), 1u);
}

TEST_F(UpkeepDb, ClosingRecordsWhenAndWhoAndTheChanges) {
  auto round = round_of('a');
  insert_round(*db_, round, core::stocktake_items(plan_.devices));
  EXPECT_FALSE(last_round_closed_at(*db_));
  mark_round_closed(*db_, round.id, core::Instant{5000}, "院長");
  insert_changes(*db_, round.id, {{core::DeviceId(1), "受付PC", "location", "受付", "診察室"}});
  auto closed = find_round(*db_, round.id);
  ASSERT_TRUE(closed && closed->closed());
  EXPECT_EQ(closed->closed_by, "院長");
  EXPECT_FALSE(open_round(*db_));
  EXPECT_EQ(last_round_closed_at(*db_), core::Instant{5000});
  auto changes = round_changes(*db_, round.id);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].after, "診察室");
}

TEST_F(UpkeepDb, RemovingADeviceDetachesButKeepsItsStocktakeHistory) {
  auto round = round_of('a');
  insert_round(*db_, round, core::stocktake_items(plan_.devices));
  insert_result(*db_, result_of(round, '1', 2, core::Finding::Confirmed));
  Transaction tx(*db_);
  core::Plan plan = plan_;
  plan.devices.pop_back();
  save_plan(*db_, plan);
  tx.commit();
  auto items = round_items(*db_, round.id);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].name, "サーバ");
  EXPECT_FALSE(items[1].device.valid());
  auto results = round_results(*db_, round.id);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].device);
}

TEST_F(UpkeepDb, BackupHistoryIsTheLastGoodRunTheLastRunAndTheLastGoodTest) {
  auto run = [&](std::int64_t plan, std::int64_t at, core::Outcome outcome) {
    core::BackupRun r;
    r.plan = core::BackupPlanId(plan);
    r.plan_label = "電子カルテ";
    r.at = core::Instant{at};
    r.outcome = outcome;
    r.recorded_at = core::Instant{at};
    r.recorded_by = "backup-job";
    return insert_backup_run(*db_, r);
  };
  run(1, 100, core::Outcome::Ok);
  run(1, 300, core::Outcome::Ok);
  run(1, 400, core::Outcome::Failed);
  run(2, 200, core::Outcome::Failed);
  core::RestoreTest t;
  t.plan = core::BackupPlanId(1);
  t.plan_label = "電子カルテ";
  t.at = core::Instant{250};
  t.minutes = 95;
  t.recorded_at = t.at;
  t.recorded_by = "事務長";
  insert_restore_test(*db_, t);
  t.at = core::Instant{350};
  t.outcome = core::Outcome::Failed;
  insert_restore_test(*db_, t);

  auto histories = backup_histories(*db_);
  ASSERT_EQ(histories.size(), 2u);
  const auto& h1 = histories[0].plan == core::BackupPlanId(1) ? histories[0] : histories[1];
  const auto& h2 = histories[0].plan == core::BackupPlanId(1) ? histories[1] : histories[0];
  EXPECT_EQ(h1.last_ok_run, core::Instant{300});
  ASSERT_TRUE(h1.last_run);
  EXPECT_EQ(h1.last_run->at, core::Instant{400});
  EXPECT_EQ(h1.last_run->outcome, core::Outcome::Failed);
  EXPECT_EQ(h1.last_ok_restore_test, core::Instant{250});
  EXPECT_FALSE(h2.last_ok_run);
  EXPECT_EQ(h2.last_run->outcome, core::Outcome::Failed);

  auto runs = list_backup_runs(*db_, core::BackupPlanId(1), 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].at, core::Instant{400});
  EXPECT_EQ(list_backup_runs(*db_, std::nullopt, 10).size(), 4u);
  auto tests = list_restore_tests(*db_, std::nullopt, 10);
  ASSERT_EQ(tests.size(), 2u);
  EXPECT_EQ(tests[1].minutes, 95);
}

TEST_F(UpkeepDb, RemovedBackupPlanKeepsItsRunsDetached) {
  core::BackupRun r;
  r.plan = core::BackupPlanId(2);
  r.plan_label = "電子カルテ（週次）";
  r.at = core::Instant{100};
  r.recorded_at = r.at;
  r.recorded_by = "job";
  insert_backup_run(*db_, r);
  Transaction tx(*db_);
  core::Plan plan = plan_;
  plan.backups.pop_back();
  save_plan(*db_, plan);
  tx.commit();
  auto runs = list_backup_runs(*db_, std::nullopt, 10);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_FALSE(runs[0].plan);
  EXPECT_EQ(runs[0].plan_label, "電子カルテ（週次）");
  EXPECT_TRUE(backup_histories(*db_).empty());
}

TEST_F(UpkeepDb, ReminderSettingsDefaultToAYearAndCanBeChanged) {
  auto s = load_reminder_settings(*db_);
  EXPECT_EQ(s.stocktake_cycle_days, 365);
  EXPECT_EQ(s.restore_test_months, 12);
  s.stocktake_cycle_days = 180;
  save_reminder_settings(*db_, s);
  EXPECT_EQ(load_reminder_settings(*db_).stocktake_cycle_days, 180);
  s.stocktake_cycle_days = 0;
  EXPECT_THROW(save_reminder_settings(*db_, s), StoreError);
}

TEST_F(UpkeepDb, VerificationsAndReviewsAreListedNewestFirst) {
  insert_contact_verification(
      *db_, {0, std::nullopt, "警察", core::Date{2025, 1, 1}, "", core::Instant{1}, "事務長"});
  insert_contact_verification(
      *db_, {0, std::nullopt, "業者", core::Date{2025, 2, 1}, "", core::Instant{2}, "事務長"});
  auto v = list_contact_verifications(*db_, 10);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[0].contact_label, "業者");
  insert_plan_review(*db_, {0, core::Date{2025, 3, 1}, "見直し", core::Instant{3}, "院長"});
  auto r = list_plan_reviews(*db_, 10);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].reviewed_on, (core::Date{2025, 3, 1}));
}

}  // namespace
}  // namespace medbcp::store
