#include "core/reminder_groups.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace medbcp::core {
namespace {

// The groups in their order on a quiet day (nothing overdue anywhere).
enum class Work { Backups, Devices, Stocktake, ContactsAndPlan, Drills, Checklist };
constexpr std::array<const char*, 6> kTitles = {
    "バックアップと復旧",   "機器（別紙２）", "棚卸し",
    "連絡先と計画の見直し", "訓練",           "チェックリストとBCP確認表（厚生労働省）"};

Work work_of(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::BackupOverdue:
    case ReminderKind::BackupFailed:
    case ReminderKind::RestoreTestOverdue:
    case ReminderKind::NoOfflineCopy:
    case ReminderKind::OwnBackupOld:
    case ReminderKind::OwnBackupNotCopied:
      return Work::Backups;
    case ReminderKind::SupportEnded:
    case ReminderKind::NoVendorContact:
    case ReminderKind::DeviceMissing:
      return Work::Devices;
    case ReminderKind::StocktakeOverdue:
      return Work::Stocktake;
    case ReminderKind::ContactUnverified:
    case ReminderKind::PlanNotReviewed:
      return Work::ContactsAndPlan;
    case ReminderKind::ChecklistNo:
    case ReminderKind::ChecklistLapsed:
    case ReminderKind::BcpNotCovered:
      return Work::Checklist;
    case ReminderKind::DrillOverdue:
    case ReminderKind::StaffNotTrained:
      return Work::Drills;
  }
  return Work::ContactsAndPlan;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : nfkc(text)) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

}  // namespace

std::vector<ReminderGroup> group_reminders(std::vector<Reminder> list) {
  std::array<ReminderGroup, kTitles.size()> groups;
  for (std::size_t g = 0; g < groups.size(); ++g) groups[g].title = kTitles[g];
  for (auto& r : list) {
    auto& group = groups[static_cast<std::size_t>(work_of(r.kind))];
    group.overdue += r.urgency == Urgency::Overdue ? 1 : 0;
    group.items.push_back(std::move(r));
  }
  std::vector<ReminderGroup> out;
  for (auto& g : groups) {
    if (g.items.empty()) continue;
    // Overdue first; then the earliest due day; undated risks (no offline
    // copy, no vendor) before dated ones of the same urgency: they are due now.
    std::stable_sort(g.items.begin(), g.items.end(), [](const Reminder& a, const Reminder& b) {
      if (a.urgency != b.urgency) return a.urgency == Urgency::Overdue;
      if (a.due.has_value() != b.due.has_value()) return !a.due.has_value();
      return a.due && b.due && *a.due < *b.due;
    });
    out.push_back(std::move(g));
  }
  std::stable_sort(out.begin(), out.end(), [](const ReminderGroup& a, const ReminderGroup& b) {
    return a.overdue > b.overdue;
  });
  return out;
}

bool is_devices_manager(const Reminder& reminder, const Plan& plan, std::string_view person) {
  const std::string_view prefix = "devices[";
  if (reminder.field.rfind(prefix, 0) != 0) return false;
  const auto end = reminder.field.find(']');
  if (end == std::string::npos) return false;
  std::size_t index = 0;
  for (std::size_t i = prefix.size(); i < end; ++i) {
    const char c = reminder.field[i];
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  if (index >= plan.devices.size()) return false;
  const std::string manager = without_spaces(plan.devices[index].manager);
  return !manager.empty() && manager == without_spaces(person);
}

}  // namespace medbcp::core
