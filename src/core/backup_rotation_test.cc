// The scheduled backups' names and rotation: 14 daily and 8 weekly kept,
// nothing else of medbcp's removed, nobody else's file touched.
#include "core/backup_rotation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace medbcp::core {
namespace {

TEST(BackupRotation, AFileIsNamedByItsJapanTimeAndReadBack) {
  const Instant t = Instant::from_tokyo(Date{2026, 12, 7}, 3, 15, 9);
  EXPECT_EQ(backup_file_name(t), "medbcp-20261207-031509.db");
  EXPECT_EQ(backup_file_time("medbcp-20261207-031509.db"), t);
  // Just before midnight UTC is the next morning in Japan.
  EXPECT_EQ(backup_file_name(Instant{Instant::from_tokyo(Date{2026, 12, 8}, 8, 59, 59).seconds}),
            "medbcp-20261208-085959.db");
  for (const char* other :
       {"medbcp-20261207-031509.db.tmp", "medbcp-20261307-031509.db", "medbcp-2026120-0315090.db",
        "medbcp-20261207-241509.db", "plan-20261207-031509.db", "medbcp-20261207_031509.db"}) {
    EXPECT_FALSE(backup_file_time(other)) << other;
  }
}

TEST(BackupRotation, WeeksStartOnMonday) {
  EXPECT_EQ(week_start(Date{2026, 12, 7}), (Date{2026, 12, 7}));   // a Monday
  EXPECT_EQ(week_start(Date{2026, 12, 13}), (Date{2026, 12, 7}));  // its Sunday
  EXPECT_EQ(week_start(Date{2027, 1, 1}), (Date{2026, 12, 28}));
}

TEST(BackupRotation, KeepsFourteenDaysAndEightWeeksAndNothingElseOfItsOwn) {
  // A backup every day for 120 days, twice on the last day.
  std::vector<std::string> names;
  const Date first{2026, 8, 10};
  names.reserve(123);
  for (int i = 0; i < 120; ++i) {
    names.push_back(backup_file_name(Instant::from_tokyo(first.plus_days(i), 3, 0)));
  }
  const Date last = first.plus_days(119);
  names.push_back(backup_file_name(Instant::from_tokyo(last, 15, 0)));
  names.push_back("my-own-copy.db");
  names.push_back("medbcp.db");

  const auto removed = backups_to_remove(names, RotationPolicy{14, 8});
  std::vector<std::string> kept;
  for (const auto& n : names) {
    if (std::find(removed.begin(), removed.end(), n) == removed.end()) kept.push_back(n);
  }
  // Other files stay; the newest of the last day stays, its morning copy goes.
  EXPECT_NE(std::find(kept.begin(), kept.end(), "my-own-copy.db"), kept.end());
  EXPECT_NE(std::find(kept.begin(), kept.end(), "medbcp.db"), kept.end());
  EXPECT_NE(std::find(kept.begin(), kept.end(), backup_file_name(Instant::from_tokyo(last, 15, 0))),
            kept.end());
  EXPECT_NE(
      std::find(removed.begin(), removed.end(), backup_file_name(Instant::from_tokyo(last, 3, 0))),
      removed.end());
  // 14 days, plus one a week for the 8 weeks (of which the last 2 or 3 fall
  // in the 14 days already): medbcp's own files kept are 14 + 8 - overlap.
  std::set<Date> days, weeks;
  for (const auto& n : kept) {
    if (auto at = backup_file_time(n)) {
      days.insert(at->tokyo_date());
      weeks.insert(week_start(at->tokyo_date()));
    }
  }
  EXPECT_EQ(weeks.size(), 8u);
  for (int i = 0; i < 14; ++i) EXPECT_TRUE(days.contains(last.plus_days(-i))) << i;
  // Nothing older than the eighth week back.
  const Date oldest_week = week_start(last).plus_days(std::int64_t{-7} * 7);
  for (const auto& d : days) EXPECT_GE(d, oldest_week);
  // Removed oldest first.
  EXPECT_EQ(removed.front(), names.front());
}

TEST(BackupRotation, AFewBackupsAreAllKept) {
  const std::vector<std::string> names = {
      backup_file_name(Instant::from_tokyo(Date{2026, 12, 1}, 3, 0)),
      backup_file_name(Instant::from_tokyo(Date{2026, 12, 5}, 3, 0))};
  EXPECT_TRUE(backups_to_remove(names, RotationPolicy{}).empty());
  // With one daily and no weekly kept, only the newest stays.
  EXPECT_EQ(backups_to_remove(names, RotationPolicy{1, 0}), std::vector<std::string>{names[0]});
}

}  // namespace
}  // namespace medbcp::core
