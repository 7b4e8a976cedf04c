// load_plan keeps what it read while nothing is committed, and never serves
// a plan that someone has changed since: not after a change through this
// workspace, nor through another connection to the same file, nor from
// another workspace's file.
#include "app/plan_service.h"
#include "app/reminders.h"
#include "store/database_test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace medbcp::app {
namespace {

class PlanService : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-plan-service-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string path(const char* name) const { return (dir_ / name).string(); }
  void rename(Workspace& ws, const std::string& name) {
    ASSERT_TRUE(update_plan(ws, actor_, [&](core::Plan& p) { p.facility.name = name; }).empty());
  }
  std::filesystem::path dir_;
  Actor actor_{core::UserId(), "cli", Role::Admin};
};

TEST_F(PlanService, APlanChangedByAnyoneIsReadAgain) {
  auto ws = Workspace::open(store::test_database_location(path("a.db")));
  init_plan(*ws, actor_, "あおば医院", false);
  EXPECT_EQ(load_plan(*ws).facility.name, "あおば医院");
  const std::string fingerprint = plan_fingerprint(*ws);
  EXPECT_EQ(plan_fingerprint(*ws), fingerprint);

  rename(*ws, "あおば医院（本院）");  // through this workspace
  EXPECT_EQ(load_plan(*ws).facility.name, "あおば医院（本院）");
  EXPECT_NE(plan_fingerprint(*ws), fingerprint);

  // Through another connection to the file, as `medbcp` on the command line does.
  auto cli = Workspace::open(store::test_database_location(path("a.db")));
  rename(*cli, "あおば内科");
  EXPECT_EQ(load_plan(*ws).facility.name, "あおば内科");
  EXPECT_EQ(plan_fingerprint(*ws), plan_fingerprint(load_plan(*cli)));
}

TEST_F(PlanService, TwoWorkspacesNeverShareWhatTheyRead) {
  auto a = Workspace::open(store::test_database_location(path("a.db")));
  auto b = Workspace::open(store::test_database_location(path("b.db")));
  init_plan(*a, actor_, "あおば医院", false);
  init_plan(*b, actor_, "さくら医院", false);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(load_plan(*a).facility.name, "あおば医院");
    EXPECT_EQ(load_plan(*b).facility.name, "さくら医院");
  }
  // A new workspace where an old one was (same file, fresh connection).
  a.reset();
  auto again = Workspace::open(store::test_database_location(path("b.db")));
  EXPECT_EQ(load_plan(*again).facility.name, "さくら医院");
}

// A new demonstration opens on a well-kept clinic as of its day: nothing
// it was shown to keep up (contacts, review, stock-take, backups, restore
// tests) is overdue, only what the demo is there to show.
TEST_F(PlanService, TheDemoIsUpToDateOnTheDayItIsMade) {
  for (const core::Instant now : {core::Instant{1796500000}, core::Instant{1700000000}}) {
    auto ws = Workspace::open(store::test_database_location(
        path(("demo-" + std::to_string(now.seconds) + ".db").c_str())));
    ASSERT_TRUE(ensure_demo_plan(*ws, actor_, now));
    const auto reminders = current_reminders(*ws, actor_, now.tokyo_date());
    int overdue = 0;
    for (const auto& r : reminders) {
      EXPECT_NE(r.kind, core::ReminderKind::ContactUnverified) << r.message;
      EXPECT_NE(r.kind, core::ReminderKind::PlanNotReviewed) << r.message;
      EXPECT_NE(r.kind, core::ReminderKind::StocktakeOverdue) << r.message;
      EXPECT_NE(r.kind, core::ReminderKind::BackupOverdue) << r.message;
      EXPECT_NE(r.kind, core::ReminderKind::RestoreTestOverdue) << r.message;
      overdue += r.urgency == core::Urgency::Overdue ? 1 : 0;
    }
    EXPECT_LE(overdue, 8) << now.tokyo_date().iso();
    EXPECT_FALSE(ensure_demo_plan(*ws, actor_, now));  // once
  }
}

}  // namespace
}  // namespace medbcp::app
