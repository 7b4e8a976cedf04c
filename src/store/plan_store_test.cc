#include "store/plan_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/plan_template.h"
#include "store/database_test_util.h"
#include "store/migrations.h"

namespace medbcp::store {
namespace {

class TempDb : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
  std::string path_;
};

core::Plan sample_plan() {
  core::Plan plan = core::template_plan("テスト医院");
  plan.facility.effective_date = core::Date{2024, 4, 1};
  core::ExternalContact vendor;
  vendor.id = core::ExternalContactId(1);
  vendor.category = core::ExternalCategory::SystemVendor;
  vendor.organization = "カルテ株式会社";
  vendor.notify_on_incident = true;
  vendor.last_verified = core::Date{2025, 1, 10};
  plan.external_contacts = {vendor};
  plan.systems[0].vendor = vendor.id;
  core::Device d;
  d.id = core::DeviceId(1);
  d.name = "受付PC";
  d.kind = core::DeviceKind::Terminal;
  d.internet_facing = true;
  d.status = core::DeviceStatus::Spare;
  d.support_end = core::Date{2025, 10, 14};
  plan.devices = {d};
  return plan;
}

TEST_F(TempDb, Migration8NumbersTheDevicesStoredWithoutANumber) {
  auto db = open_database(test_database_location(path_));
  core::Plan plan = sample_plan();  // device 1 has no 管理番号
  core::Device typed = plan.devices[0];
  typed.id = core::DeviceId(2);
  typed.asset_number = "m-0001";  // typed by hand: M-0001 is taken
  core::Device third = plan.devices[0];
  third.id = core::DeviceId(3);
  plan.devices = {plan.devices[0], typed, third};
  {
    Transaction tx(*db);
    save_plan(*db, plan);
    tx.commit();
  }
  // As a database of schema 7 would be when medbcp starts after the update
  // (what migrations after 8 added taken away again).
  std::string back_to_7 =
      "DROP INDEX kit_builds_seq; ALTER TABLE kit_builds DROP COLUMN seq;"
      "ALTER TABLE kit_builds DROP COLUMN seal_key;"
      "ALTER TABLE users DROP COLUMN must_change_password;"
      "DROP TABLE audit_chain;"
      "DROP TABLE recovery_codes; DROP TABLE sign_in_policy;"
      "ALTER TABLE users DROP COLUMN totp_secret; ALTER TABLE users DROP COLUMN totp_last_step;"
      "ALTER TABLE sessions DROP COLUMN second_factor_pending;"
      "ALTER TABLE sessions DROP COLUMN two_factor_setup_required;"
      "DROP TABLE checklist_answers; DROP TABLE vendor_checklist_answers;"
      "DROP TABLE drills; ALTER TABLE follow_up_tasks DROP COLUMN plan_section;"
      "DROP TABLE database_backups; DROP TABLE api_tokens;"
      "DROP TABLE mail_settings; DROP TABLE mail_queue;";
  if (db->dialect() == "postgres") {
    back_to_7.append(
        "DROP FUNCTION audit_chain_seal, audit_chain_hash, audit_chain_field,"
        " audit_chain_append_only CASCADE;");
  }
  back_to_7.append("DELETE FROM schema_version WHERE version >= 8");
  db->execute_script(back_to_7);
  migrate(*db);
  const auto devices = load_plan(*db)->devices;
  ASSERT_EQ(devices.size(), 3u);
  EXPECT_EQ(devices[0].asset_number, "");  // its number was taken; numbered at the next save
  EXPECT_EQ(devices[1].asset_number, "m-0001");
  EXPECT_EQ(devices[2].asset_number, "M-0003");
  EXPECT_EQ(current_schema_version(*db), latest_schema_version());
}

TEST_F(TempDb, MigratesToLatestVersionOnce) {
  auto db = open_database(test_database_location(path_));
  EXPECT_EQ(current_schema_version(*db), latest_schema_version());
  EXPECT_GE(latest_schema_version(), 2);
  migrate(*db);  // idempotent
  auto count = db->prepare("SELECT COUNT(*) FROM schema_version");
  count->step();
  EXPECT_EQ(count->integer(0), latest_schema_version());
}

TEST_F(TempDb, UsesWalAndForeignKeys) {
  MEDBCP_SQLITE_ONLY();
  auto db = open_database(test_database_location(path_));
  auto mode = db->prepare("PRAGMA journal_mode");
  mode->step();
  EXPECT_EQ(mode->text(0), "wal");
  auto fk = db->prepare("PRAGMA foreign_keys");
  fk->step();
  EXPECT_EQ(fk->integer(0), 1);
}

TEST_F(TempDb, EmptyDatabaseHasNoPlan) {
  auto db = open_database(test_database_location(path_));
  EXPECT_FALSE(has_plan(*db));
  EXPECT_FALSE(load_plan(*db).has_value());
}

TEST_F(TempDb, SavedPlanLoadsBackEqual) {
  auto db = open_database(test_database_location(path_));
  core::Plan plan = sample_plan();
  {
    Transaction tx(*db);
    save_plan(*db, plan);
    tx.commit();
  }
  auto loaded = load_plan(*db);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->facility.name, "テスト医院");
  EXPECT_EQ(loaded->facility.effective_date, (core::Date{2024, 4, 1}));
  ASSERT_EQ(loaded->systems.size(), plan.systems.size());
  for (std::size_t i = 0; i < plan.systems.size(); ++i) {
    EXPECT_EQ(loaded->systems[i].name, plan.systems[i].name);
    EXPECT_EQ(loaded->systems[i].id, plan.systems[i].id);
  }
  ASSERT_TRUE(loaded->systems[0].vendor);
  EXPECT_EQ(loaded->systems[0].vendor->value, 1);
  ASSERT_EQ(loaded->devices.size(), 1u);
  EXPECT_EQ(loaded->devices[0].kind, core::DeviceKind::Terminal);
  EXPECT_EQ(loaded->devices[0].status, core::DeviceStatus::Spare);
  EXPECT_TRUE(loaded->devices[0].internet_facing);
  EXPECT_EQ(loaded->devices[0].support_end, (core::Date{2025, 10, 14}));
  EXPECT_EQ(loaded->external_contacts[0].last_verified, (core::Date{2025, 1, 10}));
  EXPECT_EQ(loaded->fallbacks.size(), plan.fallbacks.size());
  EXPECT_EQ(loaded->backups.size(), plan.backups.size());
  EXPECT_EQ(loaded->threats.size(), 4u);
}

TEST_F(TempDb, SavingByDifferenceKeepsIdsAndOrderAndRemovesDropped) {
  auto db = open_database(test_database_location(path_));
  core::Plan plan = sample_plan();
  save_plan(*db, plan);
  // Reorder: last system first, drop the second.
  std::vector<core::InScopeSystem> reordered = {plan.systems.back(), plan.systems.front()};
  for (std::size_t i = 2; i + 1 < plan.systems.size(); ++i) reordered.push_back(plan.systems[i]);
  core::SystemId dropped = plan.systems[1].id;
  plan.systems = reordered;
  for (auto& f : plan.fallbacks) {
    if (f.system == dropped) f.system.reset();
  }
  for (auto& b : plan.backups) {
    if (b.system == dropped) b.system.reset();
  }
  save_plan(*db, plan);
  auto loaded = load_plan(*db);
  ASSERT_EQ(loaded->systems.size(), plan.systems.size());
  for (std::size_t i = 0; i < plan.systems.size(); ++i) {
    EXPECT_EQ(loaded->systems[i].id, plan.systems[i].id) << i;
  }
}

TEST_F(TempDb, DanglingReferenceIsRefusedAndNothingIsWritten) {
  // Validation in the app layer catches this first; the foreign keys are the
  // backstop that keeps a bug from storing a broken plan.
  auto db = open_database(test_database_location(path_));
  core::Plan plan = sample_plan();
  save_plan(*db, plan);
  ASSERT_TRUE(plan.fallbacks[0].system);
  core::SystemId removed = *plan.fallbacks[0].system;
  std::erase_if(plan.systems, [&](const core::InScopeSystem& s) { return s.id == removed; });
  EXPECT_THROW(
      {
        Transaction tx(*db);
        save_plan(*db, plan);
        tx.commit();
      },
      StoreError);
  auto loaded = load_plan(*db);
  EXPECT_EQ(loaded->systems.size(), plan.systems.size() + 1);
  EXPECT_EQ(loaded->fallbacks[0].system, removed);
}

TEST_F(TempDb, RolledBackTransactionLeavesNothing) {
  auto db = open_database(test_database_location(path_));
  {
    Transaction tx(*db);
    save_plan(*db, sample_plan());
    // no commit
  }
  EXPECT_FALSE(has_plan(*db));
}

TEST_F(TempDb, DeletePlanRemovesEverything) {
  auto db = open_database(test_database_location(path_));
  save_plan(*db, sample_plan());
  delete_plan(*db);
  EXPECT_FALSE(has_plan(*db));
  auto n = db->prepare("SELECT COUNT(*) FROM devices");
  n->step();
  EXPECT_EQ(n->integer(0), 0);
}

TEST_F(TempDb, StatementsAreParameterisedSoQuotesAreData) {
  auto db = open_database(test_database_location(path_));
  core::Plan plan = sample_plan();
  plan.facility.name = "O'Brien医院'); DROP TABLE devices; --";
  save_plan(*db, plan);
  EXPECT_EQ(load_plan(*db)->facility.name, plan.facility.name);
  EXPECT_EQ(load_plan(*db)->devices.size(), 1u);
}

}  // namespace
}  // namespace medbcp::store
