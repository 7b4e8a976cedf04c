// The 点検 page's order: reminders in groups of one kind of work (backups,
// devices, contacts and the plan), the group with the most urgent item
// first, and in each group what is overdue before what is due soon, the
// earliest due day first. And which reminders are a staff member's own: the
// devices of 別紙２ that name them as 管理者.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"
#include "core/reminders.h"

namespace medbcp::core {

struct ReminderGroup {
  std::string title;  // バックアップと復旧 / 機器（別紙２） / 連絡先と計画 / 棚卸し
  std::vector<Reminder> items;
  int overdue = 0;
};

std::vector<ReminderGroup> group_reminders(std::vector<Reminder> list);

// Whether the reminder is about a device whose 管理者 is `person` (names
// compared without spaces, so 「中村 さくら」 is 「中村さくら」).
bool is_devices_manager(const Reminder& reminder, const Plan& plan, std::string_view person);

}  // namespace medbcp::core
