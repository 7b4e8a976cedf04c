// The reminder rules, one function each, in the order the dashboard lists
// them: backups first (they decide how a ransomware day ends), then devices,
// contacts, the plan itself and the stock-take.
#include "core/reminders.h"

#include <algorithm>

#include "core/stocktake.h"
#include "core/text.h"
#include "core/wareki.h"

namespace medbcp::core {
namespace {

std::string path(const char* list, std::size_t index, const char* field = "") {
  return std::string(list) + "[" + std::to_string(index) + "]" + (*field ? "." : "") + field;
}

std::string jp_date(const Date& d) { return format_wareki(d, DigitStyle::HalfWidth); }

// Whether a due day has passed, is coming within `window` days, or neither.
enum class DueState { Late, Soon, Fine };
DueState due_state(const Date& due, const Date& today, int window) {
  if (today > due) return DueState::Late;
  if (days_between(today, due) <= window) return DueState::Soon;
  return DueState::Fine;
}

class ReminderList {
 public:
  void add(ReminderKind kind, Urgency urgency, std::string subject, std::string message,
           std::optional<Date> due, std::string field) {
    list_.push_back(
        Reminder{kind, urgency, std::move(subject), std::move(message), due, std::move(field)});
  }
  // Adds an Overdue or DueSoon reminder for a dated rule; nothing when fine.
  void add_dated(ReminderKind kind, const Date& due, const Date& today, int window,
                 std::string subject, const std::string& late_message,
                 const std::string& soon_message, std::string field) {
    switch (due_state(due, today, window)) {
      case DueState::Late:
        add(kind, Urgency::Overdue, std::move(subject),
            late_message + "（期限 " + jp_date(due) + "、" +
                std::to_string(days_between(due, today)) + "日超過）",
            due, std::move(field));
        break;
      case DueState::Soon:
        add(kind, Urgency::DueSoon, std::move(subject),
            soon_message + "（期限 " + jp_date(due) + "）", due, std::move(field));
        break;
      case DueState::Fine:
        break;
    }
  }
  std::vector<Reminder> take() { return std::move(list_); }

 private:
  std::vector<Reminder> list_;
};

const BackupHistory* history_of(const UpkeepRecords& records, BackupPlanId id) {
  for (const auto& h : records.backups) {
    if (h.plan == id) return &h;
  }
  return nullptr;
}

void backup_reminders(const Plan& plan, const UpkeepRecords& records,
                      const ReminderSettings& settings, const Date& today, ReminderList& out) {
  for (std::size_t i = 0; i < plan.backups.size(); ++i) {
    const BackupPlan& b = plan.backups[i];
    const BackupHistory* h = history_of(records, b.id);
    const std::string subject = backup_title(plan, b);
    const std::string field = path("backups", i);

    if (b.frequency_days > 0) {
      if (h == nullptr || !h->last_ok_run) {
        out.add(ReminderKind::BackupOverdue, Urgency::Overdue, subject,
                "成功したバックアップの記録がありません。バックアップを実施して記録してください。",
                std::nullopt, field);
      } else {
        Date last = h->last_ok_run->tokyo_date();
        // No "due soon" for backups: a daily job is always due within a day.
        out.add_dated(ReminderKind::BackupOverdue, last.plus_days(b.frequency_days), today, -1,
                      subject,
                      "最後に成功したバックアップは " + jp_date(last) +
                          " です。頻度どおりに実施されていません",
                      "", field);
      }
    }
    if (h != nullptr && h->last_run && h->last_run->outcome == Outcome::Failed) {
      out.add(ReminderKind::BackupFailed, Urgency::Overdue, subject,
              "直近のバックアップ（" + h->last_run->at.tokyo_text() +
                  "）が失敗しています。原因を確認し、やり直してください。",
              std::nullopt, field);
    }

    if (h == nullptr || !h->last_ok_restore_test) {
      out.add(ReminderKind::RestoreTestOverdue, Urgency::Overdue, subject,
              "成功した復旧テストの記録がありません。バックアップから実際に復旧できるか確かめてくだ"
              "さい。",
              std::nullopt, field);
    } else {
      Date last = h->last_ok_restore_test->tokyo_date();
      out.add_dated(
          ReminderKind::RestoreTestOverdue, add_months(last, settings.restore_test_months), today,
          settings.due_soon_days, subject,
          "最後に成功した復旧テストは " + jp_date(last) + " です。復旧テストを実施してください",
          "復旧テストの時期が近づいています", field);
    }
  }
}

// The backup table of the template writes a system once and leaves the
// システム cell of its further rows empty; such a row belongs to the system
// above it. A system is safe from ransomware when any of its rows keeps an
// offline copy.
void offline_reminders(const Plan& plan, ReminderList& out) {
  struct Group {
    std::string subject;
    std::size_t first_row;
    bool offline;
  };
  std::vector<std::pair<std::string, Group>> groups;  // key → group, in table order
  std::string current;
  for (std::size_t i = 0; i < plan.backups.size(); ++i) {
    const BackupPlan& b = plan.backups[i];
    std::string key;
    if (b.system) {
      key = "id:" + std::to_string(b.system->value);
    } else if (!trim(b.system_label).empty()) {
      key = "label:" + match_key(b.system_label);
    } else {
      key = current.empty() ? "row:" + std::to_string(i) : current;
    }
    current = key;
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
    if (it == groups.end()) {
      std::string name = plan.system_name(b.system, b.system_label);
      if (trim(name).empty()) name = "（システム未記入）";
      groups.push_back({key, Group{name, i, b.offline}});
    } else {
      it->second.offline = it->second.offline || b.offline;
    }
  }
  for (const auto& [key, g] : groups) {
    if (g.offline) continue;
    out.add(ReminderKind::NoOfflineCopy, Urgency::Overdue, g.subject,
            "ネットワークから切り離して保管するバックアップ（オフライン保管）がありません。"
            "ランサムウェアはネットワーク上のバックアップも暗号化します。",
            std::nullopt, path("backups", g.first_row, "offline"));
  }
}

std::string device_subject(const Device& d) {
  return d.asset_number.empty() ? d.name : d.asset_number + " " + d.name;
}

// A vendor names a contact when either name contains the other, so
// 「静岡メディカル」 on the device finds 「静岡メディカルシステム株式会社」 in 別紙１.
bool names_a_contact(const Plan& plan, const std::string& vendor) {
  const std::string v = match_key(vendor);
  if (v.empty()) return false;
  for (const auto& c : plan.external_contacts) {
    const std::string org = match_key(c.organization);
    if (org.empty()) continue;
    if (org.find(v) != std::string::npos || v.find(org) != std::string::npos) return true;
  }
  return false;
}

void device_reminders(const Plan& plan, const ReminderSettings& settings, const Date& today,
                      ReminderList& out) {
  for (std::size_t i = 0; i < plan.devices.size(); ++i) {
    const Device& d = plan.devices[i];
    if (d.status == DeviceStatus::Retired) continue;
    const std::string subject = device_subject(d);
    if (d.support_end) {
      out.add_dated(ReminderKind::SupportEnded, *d.support_end, today,
                    settings.support_end_warning_days, subject,
                    "サポート（" +
                        (d.os.empty() ? std::string("製品") : d.os + " " + d.os_version) +
                        "）が終了しています。更新するか、ネットワークから切り離してください",
                    "サポート終了日が近づいています。更新の計画を立ててください",
                    path("devices", i, "support_end"));
    }
    if (d.internet_facing || d.remote_maintenance) {
      const std::string why = d.remote_maintenance && d.internet_facing
                                  ? "インターネットに接続し、リモート保守もある機器"
                              : d.remote_maintenance ? "リモート保守のある機器"
                                                     : "インターネットに接続する機器";
      if (trim(d.vendor).empty()) {
        out.add(ReminderKind::NoVendorContact, Urgency::Overdue, subject,
                why + "ですが、保守業者が記入されていません。", std::nullopt,
                path("devices", i, "vendor"));
      } else if (!names_a_contact(plan, d.vendor)) {
        out.add(ReminderKind::NoVendorContact, Urgency::Overdue, subject,
                why + "ですが、保守業者「" + d.vendor +
                    "」が別紙１の外部連絡先にありません。連絡先を登録してください。",
                std::nullopt, path("devices", i, "vendor"));
      }
    }
  }
}

void contact_reminders(const Plan& plan, const ReminderSettings& settings, const Date& today,
                       ReminderList& out) {
  for (std::size_t i = 0; i < plan.external_contacts.size(); ++i) {
    const ExternalContact& c = plan.external_contacts[i];
    const std::string subject = c.organization.empty() ? label(c.category) : c.organization;
    const std::string field = path("external_contacts", i, "last_verified");
    if (!c.last_verified) {
      out.add(ReminderKind::ContactUnverified, Urgency::Overdue, subject,
              "連絡先（電話番号・担当者）を確認した記録がありません。確認して記録してください。",
              std::nullopt, field);
      continue;
    }
    out.add_dated(ReminderKind::ContactUnverified,
                  add_months(*c.last_verified, settings.contact_verify_months), today,
                  settings.due_soon_days, subject,
                  "連絡先の最終確認は " + jp_date(*c.last_verified) + " です。確認してください",
                  "連絡先の確認時期が近づいています", field);
  }
}

void review_reminders(const Plan& plan, const ReminderSettings& settings, const Date& today,
                      ReminderList& out) {
  const std::string subject = "事業継続計画（ＢＣＰ）";
  std::optional<Date> basis = plan.facility.last_reviewed;
  std::string what = "最終見直し";
  if (!basis) {
    basis = plan.facility.effective_date;
    what = "施行";
  }
  if (!basis) {
    out.add(ReminderKind::PlanNotReviewed, Urgency::Overdue, subject,
            "計画を見直した記録がありません。内容を確認し、見直し日を記録してください。",
            std::nullopt, "facility.last_reviewed");
    return;
  }
  out.add_dated(ReminderKind::PlanNotReviewed, add_months(*basis, settings.plan_review_months),
                today, settings.due_soon_days, subject,
                "計画の" + what + "は " + jp_date(*basis) + " です。見直してください",
                "計画の見直し時期が近づいています", "facility.last_reviewed");
}

void stocktake_reminders(const Plan& plan, const UpkeepRecords& records,
                         const ReminderSettings& settings, const Date& today, ReminderList& out) {
  std::optional<Date> basis = records.last_stocktake_completed;
  if (!basis) {
    for (const auto& d : plan.devices) {
      if (d.last_stocktake && (!basis || *d.last_stocktake > *basis)) basis = d.last_stocktake;
    }
  }
  const std::string subject = "情報機器台帳（別紙２）の棚卸し";
  for (std::size_t i = 0; i < plan.devices.size(); ++i) {
    const Device& d = plan.devices[i];
    if (d.status != DeviceStatus::Missing) continue;
    const std::string seen =
        d.last_stocktake ? "（最後に確認したのは " + jp_date(*d.last_stocktake) + "）" : "";
    out.add(ReminderKind::DeviceMissing, Urgency::Overdue, device_subject(d),
            "棚卸しで所在を確認できなかった機器です" + seen +
                "。見つかったら台帳の状態を直し、見つからなければ情報が漏れるおそれとして"
                "責任者に報告してください",
            std::nullopt, path("devices", i, "status"));
  }
  if (records.last_stocktake_completed) {
    // Left unchecked when the round closed, and not seen since.
    std::vector<std::string> names;
    for (const Device& d : plan.devices) {
      const bool unchecked =
          std::find(records.unchecked_in_last_round.begin(), records.unchecked_in_last_round.end(),
                    d.id) != records.unchecked_in_last_round.end();
      if (!unchecked || d.status == DeviceStatus::Retired || d.status == DeviceStatus::Missing ||
          (d.last_stocktake && *d.last_stocktake >= *records.last_stocktake_completed)) {
        continue;
      }
      names.push_back(device_subject(d));
    }
    if (!names.empty()) {
      out.add(ReminderKind::StocktakeOverdue, Urgency::Overdue, subject,
              "前回の棚卸し（" + jp_date(*records.last_stocktake_completed) +
                  "）で確認していない機器が " + std::to_string(names.size()) + " 台あります（" +
                  listed(names, 5) + "）。所在と稼働状況を確認してください",
              std::nullopt, "devices");
    }
  }
  if (!basis) {
    if (plan.devices.empty()) return;  // nothing to take stock of yet
    out.add(ReminderKind::StocktakeOverdue, Urgency::Overdue, subject,
            "棚卸しの記録がありません。機器の所在と稼働状況を確認してください。", std::nullopt,
            "devices");
    return;
  }
  out.add_dated(ReminderKind::StocktakeOverdue,
                stocktake_due(*basis, settings.stocktake_cycle_days), today, settings.due_soon_days,
                subject, "前回の棚卸しは " + jp_date(*basis) + " です。棚卸しを実施してください",
                "棚卸しの時期が近づいています", "devices");
}

// A plan nobody rehearsed fails on the day: a drill at least every 12
// months (MHLW's BCP確認表: 教育訓練), with every person of 別紙１ in one.
void drill_reminders(const Plan& plan, const UpkeepRecords& records,
                     const ReminderSettings& settings, const Date& today, ReminderList& out) {
  const std::string subject = "訓練（年1回以上）";
  if (!records.last_drill) {
    out.add(ReminderKind::DrillOverdue, Urgency::Overdue, subject,
            "訓練の記録がありません。シナリオを選んで、職員と訓練をしてください。", std::nullopt,
            "drills");
    return;
  }
  out.add_dated(ReminderKind::DrillOverdue, add_months(*records.last_drill, 12), today,
                settings.due_soon_days, subject,
                "前回の訓練は " + jp_date(*records.last_drill) + " です。訓練をしてください",
                "訓練の時期が近づいています", "drills");
  if (!records.not_in_recent_drill.empty() && !plan.internal_contacts.empty()) {
    out.add(ReminderKind::StaffNotTrained, Urgency::DueSoon,
            std::to_string(records.not_in_recent_drill.size()) + "人",
            "この1年の訓練に参加していない人がいます（" + listed(records.not_in_recent_drill, 5) +
                "）。次の訓練に参加してもらってください。",
            std::nullopt, "drills");
  }
}

// medbcp's own database, backed up daily by medbcp-backup.timer: a gap of
// more than two days means the timer stopped; a backup never copied off
// the machine is lost with it.
void own_backup_reminders(const UpkeepRecords& records, const Date& today, ReminderList& out) {
  if (!records.own_backups) return;
  const auto& own = *records.own_backups;
  const std::string subject = "medbcp のデータベース";
  out.add_dated(
      ReminderKind::OwnBackupOld, own.newest.tokyo_date().plus_days(2), today, -1, subject,
      "medbcp の最新のバックアップは " + own.newest.tokyo_text() +
          " です。自動バックアップ（medbcp-backup.timer）が止まっていないか確認してください",
      "", "database_backups");
  if (!own.newest_copied) {
    out.add(
        ReminderKind::OwnBackupNotCopied, Urgency::Overdue, subject,
        "medbcp のバックアップを一度も機械の外（USBディスクなど）へ複製していません。"
        "この機械が暗号化されると、バックアップも一緒に失われます。複製したら記録してください。",
        std::nullopt, "database_backups");
  }
}

}  // namespace

const char* label(ReminderKind k) {
  switch (k) {
    case ReminderKind::BackupOverdue:
      return "バックアップ";
    case ReminderKind::BackupFailed:
      return "バックアップ失敗";
    case ReminderKind::RestoreTestOverdue:
      return "復旧テスト";
    case ReminderKind::NoOfflineCopy:
      return "オフライン保管";
    case ReminderKind::SupportEnded:
      return "サポート終了";
    case ReminderKind::NoVendorContact:
      return "保守業者の連絡先";
    case ReminderKind::ContactUnverified:
      return "連絡先の確認";
    case ReminderKind::PlanNotReviewed:
      return "計画の見直し";
    case ReminderKind::StocktakeOverdue:
      return "棚卸し";
    case ReminderKind::DeviceMissing:
      return "所在不明の機器";
    case ReminderKind::ChecklistNo:
      return "チェックリスト";
    case ReminderKind::ChecklistLapsed:
      return "チェックリストの根拠切れ";
    case ReminderKind::BcpNotCovered:
      return "BCP確認表";
    case ReminderKind::DrillOverdue:
      return "訓練";
    case ReminderKind::StaffNotTrained:
      return "訓練に参加していない職員";
    case ReminderKind::OwnBackupOld:
      return "medbcp のバックアップ";
    case ReminderKind::OwnBackupNotCopied:
      return "medbcp のバックアップの複製";
  }
  return "";
}

const char* code(ReminderKind k) {
  switch (k) {
    case ReminderKind::BackupOverdue:
      return "backup";
    case ReminderKind::BackupFailed:
      return "backup_failed";
    case ReminderKind::RestoreTestOverdue:
      return "restore_test";
    case ReminderKind::NoOfflineCopy:
      return "offline";
    case ReminderKind::SupportEnded:
      return "support_end";
    case ReminderKind::NoVendorContact:
      return "vendor_contact";
    case ReminderKind::ContactUnverified:
      return "contact";
    case ReminderKind::PlanNotReviewed:
      return "review";
    case ReminderKind::StocktakeOverdue:
      return "stocktake";
    case ReminderKind::DeviceMissing:
      return "device_missing";
    case ReminderKind::ChecklistNo:
      return "checklist_no";
    case ReminderKind::ChecklistLapsed:
      return "checklist_lapsed";
    case ReminderKind::BcpNotCovered:
      return "bcp_not_covered";
    case ReminderKind::DrillOverdue:
      return "drill";
    case ReminderKind::StaffNotTrained:
      return "drill_participation";
    case ReminderKind::OwnBackupOld:
      return "own_backup_old";
    case ReminderKind::OwnBackupNotCopied:
      return "own_backup_not_copied";
  }
  return "";
}

const char* label(Urgency u) { return u == Urgency::Overdue ? "要対応" : "期限間近"; }

Date add_months(const Date& date, int months) {
  const int index = date.year * 12 + (date.month - 1) + months;
  const int year = index / 12;
  const int month = index % 12 + 1;
  return Date{year, month, std::min(date.day, days_in_month(year, month))};
}

std::vector<Reminder> reminders(const Plan& plan, const UpkeepRecords& records,
                                const ReminderSettings& settings, const Date& today) {
  ReminderList out;
  backup_reminders(plan, records, settings, today, out);
  offline_reminders(plan, out);
  device_reminders(plan, settings, today, out);
  contact_reminders(plan, settings, today, out);
  review_reminders(plan, settings, today, out);
  stocktake_reminders(plan, records, settings, today, out);
  drill_reminders(plan, records, settings, today, out);
  own_backup_reminders(records, today, out);
  return out.take();
}

std::string backup_title(const Plan& plan, const BackupPlan& b) {
  std::string name = plan.system_name(b.system, b.system_label);
  if (trim(name).empty()) name = "（システム未記入）";
  if (b.frequency_days > 0) name += "（" + std::to_string(b.frequency_days) + "日ごと）";
  return name;
}

bool any_overdue(const std::vector<Reminder>& list) {
  return std::any_of(list.begin(), list.end(),
                     [](const Reminder& r) { return r.urgency == Urgency::Overdue; });
}

}  // namespace medbcp::core
