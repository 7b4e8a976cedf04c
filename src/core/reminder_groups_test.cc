#include "core/reminder_groups.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

Reminder reminder(ReminderKind kind, Urgency urgency, std::string subject,
                  std::optional<Date> due = std::nullopt, std::string field = "") {
  return Reminder{kind, urgency, std::move(subject), "", due, std::move(field)};
}

TEST(ReminderGroups, TheGroupWithMostOverdueComesFirstAndOverdueLeadsEachGroup) {
  const auto groups = group_reminders({
      reminder(ReminderKind::BackupOverdue, Urgency::DueSoon, "電子カルテ", Date{2025, 5, 3}),
      reminder(ReminderKind::SupportEnded, Urgency::Overdue, "PC-001", Date{2025, 1, 14}),
      reminder(ReminderKind::ContactUnverified, Urgency::DueSoon, "警察", Date{2025, 5, 9}),
      reminder(ReminderKind::SupportEnded, Urgency::Overdue, "PC-002", Date{2024, 10, 1}),
      reminder(ReminderKind::NoVendorContact, Urgency::Overdue, "VPN-001"),
      reminder(ReminderKind::RestoreTestOverdue, Urgency::Overdue, "画像", Date{2025, 3, 1}),
      reminder(ReminderKind::BackupOverdue, Urgency::DueSoon, "医事会計", Date{2025, 5, 1}),
  });
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].title, "機器（別紙２）");  // three overdue
  EXPECT_EQ(groups[0].overdue, 3);
  // Undated risks are due now; then the longest overdue.
  EXPECT_EQ(groups[0].items[0].subject, "VPN-001");
  EXPECT_EQ(groups[0].items[1].subject, "PC-002");
  EXPECT_EQ(groups[0].items[2].subject, "PC-001");
  EXPECT_EQ(groups[1].title, "バックアップと復旧");
  EXPECT_EQ(groups[1].items[0].subject, "画像");      // overdue before due soon
  EXPECT_EQ(groups[1].items[1].subject, "医事会計");  // the earlier due day
  EXPECT_EQ(groups[1].items[2].subject, "電子カルテ");
  EXPECT_EQ(groups[2].title, "連絡先と計画の見直し");
  EXPECT_TRUE(group_reminders({}).empty());
}

TEST(ReminderGroups, AStaffMembersOwnAreTheDevicesThatNameThemAsManager) {
  Plan plan;
  plan.devices.resize(3);
  plan.devices[1].manager = "中村 さくら";
  plan.devices[2].manager = "鈴木 一郎";
  const auto support = reminder(ReminderKind::SupportEnded, Urgency::Overdue, "PC-002",
                                Date{2025, 1, 14}, "devices[1].support_end");
  EXPECT_TRUE(is_devices_manager(support, plan, "中村さくら"));
  EXPECT_TRUE(is_devices_manager(support, plan, "中村　さくら"));  // a full-width space
  EXPECT_FALSE(is_devices_manager(support, plan, "鈴木 一郎"));
  const auto backup =
      reminder(ReminderKind::BackupOverdue, Urgency::Overdue, "電子カルテ", {}, "backups[0]");
  EXPECT_FALSE(is_devices_manager(backup, plan, "中村 さくら"));
  EXPECT_FALSE(is_devices_manager(
      reminder(ReminderKind::DeviceMissing, Urgency::Overdue, "x", {}, "devices[9].status"), plan,
      "中村 さくら"));
  plan.devices[0].manager = "";
  EXPECT_FALSE(is_devices_manager(
      reminder(ReminderKind::DeviceMissing, Urgency::Overdue, "x", {}, "devices[0].status"), plan,
      ""));
}

}  // namespace
}  // namespace medbcp::core
