// Reminders (平時の点検): everything about keeping the plan true that is
// overdue or coming due, as a pure function of the plan, what has been
// recorded (backup runs, restore tests, stock-takes) and today's date in
// Asia/Tokyo. The dashboard and `medbcp status` both show this list.
//
// The rules, each overdue from the day AFTER its due day (on the due day
// itself it is due, not late):
//   backup      last successful run + the plan's frequency_days
//               (a plan with no frequency is a readiness gap, not a reminder);
//   restore     last successful restore test + 12 months;
//   offline     a system none of whose backup plans keeps an offline copy
//               (the ransomware case) — needs action whatever the date;
//   support     a device (not 廃棄) whose サポート終了日 has passed;
//   vendor      an internet-facing or remote-maintenance device whose 保守業者
//               is empty or not an external contact of 別紙１;
//   contacts    an external contact last verified more than 12 months ago,
//               or never;
//   review      the plan last reviewed (else put into effect) more than 12
//               months ago, or never;
//   stock-take  the last completed round (else the newest 最終棚卸日 in the
//               ledger) + the cycle (default 365 days), or never;
//   medbcp      once medbcp's own database was ever backed up: the newest
//               backup + 2 days, and none ever copied off the machine.
// Things that come due within a short window are listed as DueSoon, which
// does not make `medbcp status` fail.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clinic_backup_record.h"
#include "core/plan.h"
#include "core/time.h"

namespace medbcp::core {

struct ReminderSettings {
  int stocktake_cycle_days = 365;
  int restore_test_months = 12;
  int contact_verify_months = 12;
  int plan_review_months = 12;
  // How far ahead DueSoon looks.
  int due_soon_days = 30;
  int support_end_warning_days = 90;
};

struct UpkeepRecords {
  std::vector<BackupHistory> backups;            // one per backup plan that has records
  std::optional<Date> last_stocktake_completed;  // Tokyo date the last round closed
  // Devices that round closed without a result: still to be checked.
  std::vector<DeviceId> unchecked_in_last_round;
  // Drills (訓練): the day the last one was held, and the people of 別紙１
  // (the 責任者 too) who took part in none in the last 12 months.
  std::optional<Date> last_drill;
  std::vector<std::string> not_in_recent_drill;
  // medbcp's own backups (`medbcp db backup`), once one was ever taken: the
  // newest, and the newest of those copied off the machine.
  struct OwnBackups {
    Instant newest;
    std::optional<Instant> newest_copied;
  };
  std::optional<OwnBackups> own_backups;
};

enum class ReminderKind {
  BackupOverdue,       // バックアップ未実施
  BackupFailed,        // 直近のバックアップが失敗
  RestoreTestOverdue,  // 復旧テスト未実施
  NoOfflineCopy,       // オフライン保管なし
  SupportEnded,        // サポート終了
  NoVendorContact,     // 保守業者の連絡先なし
  ContactUnverified,   // 連絡先未確認
  PlanNotReviewed,     // 計画の見直し
  StocktakeOverdue,    // 棚卸し
  DeviceMissing,       // 所在不明の機器
  ChecklistNo,         // チェックリストの「いいえ」（目標日まで）
  ChecklistLapsed,     // チェックリストの「はい」の根拠が切れた
  BcpNotCovered,       // BCP確認表の項目が計画にない
  DrillOverdue,        // 12か月以内に訓練をしていない
  StaffNotTrained,     // この1年の訓練に参加していない職員
  OwnBackupOld,        // medbcp 自身のバックアップが2日より古い
  OwnBackupNotCopied,  // medbcp 自身のバックアップを機械の外へ複製していない
};
const char* label(ReminderKind);
const char* code(ReminderKind);

enum class Urgency {
  Overdue,  // 要対応: past due, or a risk needing action now
  DueSoon,  // 期限間近
};
const char* label(Urgency);

struct Reminder {
  ReminderKind kind = ReminderKind::BackupOverdue;
  Urgency urgency = Urgency::Overdue;
  std::string subject;      // what it is about: 「電子カルテ（1日ごと）」「受付PC」
  std::string message;      // what is wrong and what to do, in Japanese
  std::optional<Date> due;  // the due day, when there is one
  std::string field;        // where to fix it: "backups[0]", "devices[3].vendor", …
};

std::vector<Reminder> reminders(const Plan& plan, const UpkeepRecords& records,
                                const ReminderSettings& settings, const Date& today);

bool any_overdue(const std::vector<Reminder>& list);

// How a backup plan is called in reminders and lists: its system and
// frequency, 「電子カルテ（1日ごと）」.
std::string backup_title(const Plan& plan, const BackupPlan& backup);

// The same day `months` calendar months later; the 31st becomes the month's
// last day when the target month is shorter (2024-02-29 + 12 → 2025-02-28).
Date add_months(const Date& date, int months);

}  // namespace medbcp::core
