// medbcp's scheduled backups through the use cases: a backup named by its
// time into a folder, the old ones rotated away only after a good backup,
// and the record of a copy taken off the machine that clears the reminder.
#include "app/database_backup_schedule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/plan_service.h"
#include "app/reminders.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

const Actor& admin() {
  static const Actor actor{core::UserId(), "管理者テスト", Role::Admin};
  return actor;
}

class ScheduledBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medbcp-scheduled-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ws_ = Workspace::open((dir_ / "live.db").string());
    init_plan(*ws_, admin(), "バックアップ医院", false);
  }
  void TearDown() override {
    ws_.reset();
    fs::remove_all(dir_);
  }
  std::string folder() const { return (dir_ / "backups").string(); }
  std::vector<std::string> listing() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(folder())) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
  }
  std::vector<core::Reminder> own_reminders(const core::Date& today) {
    std::vector<core::Reminder> out;
    for (auto& r : plan_reminders(*ws_, today)) {
      if (r.kind == core::ReminderKind::OwnBackupOld ||
          r.kind == core::ReminderKind::OwnBackupNotCopied)
        out.push_back(r);
    }
    return out;
  }

  fs::path dir_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(ScheduledBackup, WritesANamedBackupAndRotatesOnlyItsOwnOldFiles) {
  fs::create_directories(folder());
  // Twenty days of earlier backups, and a person's own copy.
  const core::Instant now = core::Instant::from_tokyo(core::Date{2026, 12, 7}, 3, 0);
  for (int i = 1; i <= 20; ++i) {
    std::ofstream(fs::path(folder()) /
                  core::backup_file_name(core::Instant{now.seconds - std::int64_t{i} * 86400}))
        << "old";
  }
  std::ofstream(fs::path(folder()) / "before-upgrade.db") << "mine";

  const auto r = backup_into_folder(*ws_, admin(), folder(), core::RotationPolicy{3, 0}, now);
  ASSERT_TRUE(r.backup.verification.ok());
  EXPECT_EQ(fs::path(r.backup.path).filename(), "medbcp-20261207-030000.db");
  EXPECT_EQ(r.removed.size(), 18u);
  EXPECT_TRUE(r.failed_removes.empty());
  EXPECT_EQ(listing(),
            (std::vector<std::string>{"before-upgrade.db", "medbcp-20261205-030000.db",
                                      "medbcp-20261206-030000.db", "medbcp-20261207-030000.db"}));
  // A second run in the same second gets a name of its own.
  const auto again = backup_into_folder(*ws_, admin(), folder(), core::RotationPolicy{3, 0}, now);
  EXPECT_EQ(fs::path(again.backup.path).filename(), "medbcp-20261207-030001.db");
}

TEST_F(ScheduledBackup, AReminderUntilABackupIsCopiedOffAndWhenTheNewestIsOld) {
  const core::Date today = core::Instant::now().tokyo_date();
  EXPECT_TRUE(own_reminders(today).empty());  // before the first backup
  backup_into_folder(*ws_, admin(), folder(), {}, core::Instant::now());
  auto list = own_reminders(today);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].kind, core::ReminderKind::OwnBackupNotCopied);

  // Where it went must be said; a time ahead is refused; nothing recorded.
  EXPECT_EQ(
      record_backups_copied_off(*ws_, admin(), "  ", core::Instant::now(), core::Instant::now())
          .problems[0]
          .field,
      "to");
  EXPECT_EQ(record_backups_copied_off(*ws_, admin(), "USB",
                                      core::Instant{core::Instant::now().seconds + 86400},
                                      core::Instant::now())
                .problems[0]
                .field,
            "at");
  EXPECT_EQ(own_reminders(today).size(), 1u);

  const auto copied = record_backups_copied_off(*ws_, admin(), "USBディスク（金庫）",
                                                core::Instant::now(), core::Instant::now());
  ASSERT_TRUE(copied.problems.empty());
  EXPECT_EQ(copied.marked, 1);
  EXPECT_TRUE(own_reminders(today).empty());
  // Nothing new to mark: said, not recorded twice.
  EXPECT_FALSE(
      record_backups_copied_off(*ws_, admin(), "USB", core::Instant::now(), core::Instant::now())
          .problems.empty());
  // Three days on without another backup: the timer stopped.
  const auto later = own_reminders(today.plus_days(3));
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(later[0].kind, core::ReminderKind::OwnBackupOld);
}

TEST_F(ScheduledBackup, OnlyAnAdministratorBacksUpOrRecordsACopy) {
  const Actor editor{core::UserId(2), "編集者", Role::Editor};
  EXPECT_THROW(backup_into_folder(*ws_, editor, folder(), {}, core::Instant::now()),
               PermissionDenied);
  EXPECT_THROW(
      record_backups_copied_off(*ws_, editor, "USB", core::Instant::now(), core::Instant::now()),
      PermissionDenied);
  EXPECT_FALSE(fs::exists(folder()));
}

}  // namespace
}  // namespace medbcp::app
