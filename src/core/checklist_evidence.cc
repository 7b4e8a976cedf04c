#include "core/checklist_evidence.h"

#include <algorithm>

#include "core/text.h"
#include "core/wareki.h"

namespace medbcp::core {
namespace {

bool blank(const std::string& text) { return trim(text).empty(); }

std::vector<const Reminder*> overdue(const ChecklistFacts& facts,
                                     std::initializer_list<ReminderKind> kinds) {
  std::vector<const Reminder*> out;
  for (const auto& r : facts.reminders) {
    if (r.urgency != Urgency::Overdue) continue;
    if (std::find(kinds.begin(), kinds.end(), r.kind) != kinds.end()) out.push_back(&r);
  }
  return out;
}

std::string subjects(const std::vector<const Reminder*>& list) {
  std::vector<std::string> names;
  names.reserve(list.size());
  for (const auto* r : list) names.push_back(r->subject);
  return listed(names, 3);
}

bool has_category(const Plan& plan, std::initializer_list<ExternalCategory> categories) {
  return std::any_of(
      plan.external_contacts.begin(), plan.external_contacts.end(), [&](const ExternalContact& c) {
        return std::find(categories.begin(), categories.end(), c.category) != categories.end() &&
               !blank(c.phone);
      });
}

std::size_t devices_in_use(const Plan& plan) {
  return static_cast<std::size_t>(
      std::count_if(plan.devices.begin(), plan.devices.end(),
                    [](const Device& d) { return d.status != DeviceStatus::Retired; }));
}

Proposal yes(std::string why, std::string link) { return {true, std::move(why), std::move(link)}; }
Proposal no(std::string why, std::string link) { return {false, std::move(why), std::move(link)}; }

Proposal officer(const Plan& plan) {
  const auto& o = plan.officer;
  if (blank(o.name)) return no("安全管理責任者の名前が計画にありません。", "/plan#officer");
  if (blank(o.phone_day) || blank(o.phone_night)) {
    return no("安全管理責任者 " + o.name + " の日中・夜間の電話がそろっていません。",
              "/plan#officer");
  }
  return yes("安全管理責任者 " + o.name + "（日中・夜間の電話あり）が計画に記載されています。",
             "/plan#officer");
}

Proposal device_ledger(const Plan& plan, const ChecklistFacts& facts) {
  if (devices_in_use(plan) == 0)
    return no("情報機器台帳（別紙２）に機器がありません。", "/plan/devices");
  if (auto late = overdue(facts, {ReminderKind::StocktakeOverdue}); !late.empty()) {
    return no("台帳の機器 " + std::to_string(devices_in_use(plan)) +
                  " 台。ただし棚卸しが期限を過ぎています（" + late.front()->message + "）。",
              "/stocktake");
  }
  return yes("情報機器台帳（別紙２）に " + std::to_string(devices_in_use(plan)) +
                 " 台。棚卸しは周期内です。",
             "/plan/devices");
}

Proposal remote_maintenance(const Plan& plan, const ChecklistFacts& facts) {
  std::vector<std::string> remote;
  std::vector<std::string> vendors;  // of the remote-maintenance devices
  for (const auto& d : plan.devices) {
    if (!d.remote_maintenance || d.status == DeviceStatus::Retired) continue;
    remote.push_back(d.asset_number);
    if (!blank(d.vendor) && std::find(vendors.begin(), vendors.end(), d.vendor) == vendors.end())
      vendors.push_back(d.vendor);
  }
  if (devices_in_use(plan) == 0)
    return no("情報機器台帳（別紙２）に機器がありません。", "/plan/devices");
  if (auto missing = overdue(facts, {ReminderKind::NoVendorContact}); !missing.empty()) {
    return no("リモート保守の機器に保守業者の連絡先がありません（" + subjects(missing) + "）。",
              "/plan/devices");
  }
  if (remote.empty()) {
    return yes(
        "台帳にリモート保守の機器はありません（台帳の「リモート保守」欄）。"
        "事業者に確認した日を確認日にしてください。",
        "/plan/devices");
  }
  // The item is the confirmation with each vendor: their 事業者確認用 answer.
  std::vector<std::string> unconfirmed;
  for (const auto& v : vendors) {
    // The ledger may name the company, 別紙１ its branch (「… 静岡支店」).
    const bool answered =
        std::any_of(facts.vendor_remote_answers.begin(), facts.vendor_remote_answers.end(),
                    [&](const auto& answer) {
                      return answer.first.starts_with(v) || v.starts_with(answer.first);
                    });
    if (!answered) unconfirmed.push_back(v);
  }
  if (!unconfirmed.empty()) {
    return no("台帳のリモート保守の機器: " + listed(remote, 5) +
                  "。事業者確認用での確認がまだの事業者: " + listed(unconfirmed, 3) + "。",
              "/checklist#vendors");
  }
  return yes("台帳のリモート保守の機器: " + listed(remote, 5) + "。保守業者（" +
                 listed(vendors, 3) + "）が事業者確認用で確認済みです。",
             "/checklist#vendors");
}

Proposal patches(const ChecklistFacts& facts) {
  if (auto ended = overdue(facts, {ReminderKind::SupportEnded}); !ended.empty()) {
    return no("サポートが終了した機器があります（" + subjects(ended) +
                  "）。更新プログラムが提供されません。",
              "/plan/devices");
  }
  return yes("台帳にサポート終了の機器はありません。各機器の更新の適用は人が確かめてください。",
             "/plan/devices");
}

Proposal contact_chart(const Plan& plan) {
  std::vector<std::string> lacking;
  if (!has_category(plan, {ExternalCategory::SystemVendor, ExternalCategory::Maintenance}))
    lacking.emplace_back("事業者");
  if (!has_category(plan, {ExternalCategory::Mhlw})) lacking.emplace_back("厚生労働省");
  if (!has_category(plan, {ExternalCategory::Police})) lacking.emplace_back("警察");
  if (plan.internal_contacts.empty()) lacking.emplace_back("院内の連絡先");
  if (!lacking.empty()) {
    return no("連絡体制図（別紙１）に電話番号のある " + listed(lacking) + " がありません。",
              "/plan#contacts");
  }
  return yes("連絡体制図（別紙１）に院内 " + std::to_string(plan.internal_contacts.size()) +
                 " 人と、事業者・厚生労働省・警察の連絡先があります。",
             "/plan#contacts");
}

Proposal backups(const Plan& plan, const ChecklistFacts& facts) {
  if (plan.backups.empty()) return no("バックアップ体制が計画にありません。", "/plan#backups");
  if (auto late = overdue(facts, {ReminderKind::BackupOverdue, ReminderKind::BackupFailed,
                                  ReminderKind::RestoreTestOverdue});
      !late.empty()) {
    return no("期限を過ぎたバックアップまたは復旧テストがあります（" + subjects(late) + "）。",
              "/backups");
  }
  return yes("バックアップ " + std::to_string(plan.backups.size()) +
                 " 件の実施と復旧テストが周期内に記録されています。",
             "/backups");
}

Proposal published_plan(const Plan& plan, const ChecklistFacts& facts) {
  if (!facts.plan_published) return no("計画がまだ発行されていません（版と周知）。", "/versions");
  if (!plan.facility.effective_date) return no("計画の施行日（附則）がありません。", "/plan");
  return yes("計画（第" + std::to_string(plan.facility.edition) + "版）が発行され、施行日が" +
                 plan.facility.effective_date->iso() + "です。",
             "/versions");
}

Proposal covered(bool is_covered, const std::string& where, const std::string& lacking,
                 std::string link) {
  return is_covered ? yes("計画の「" + where + "」に記載があります。", std::move(link))
                    : no(lacking, std::move(link));
}

}  // namespace

Proposal propose(EvidenceRule rule, const Plan& plan, const ChecklistFacts& facts) {
  switch (rule) {
    case EvidenceRule::None:
      return {};
    case EvidenceRule::Officer:
      return officer(plan);
    case EvidenceRule::DeviceLedger:
      return device_ledger(plan, facts);
    case EvidenceRule::RemoteMaintenance:
      return remote_maintenance(plan, facts);
    case EvidenceRule::Patches:
      return patches(facts);
    case EvidenceRule::ContactChart:
      return contact_chart(plan);
    case EvidenceRule::Backups:
      return backups(plan, facts);
    case EvidenceRule::PublishedPlan:
      return published_plan(plan, facts);
    case EvidenceRule::PlanDevices:
      return covered(devices_in_use(plan) > 0, "別紙２ 情報機器台帳",
                     "別紙２（情報機器台帳）に機器がありません。", "/plan/devices");
    case EvidenceRule::PlanImpact:
      return covered(!plan.systems.empty() && !plan.fallbacks.empty(), "対象範囲と代替運用",
                     "対象システムごとの代替運用（システム停止時の業務）が計画にありません。",
                     "/plan#fallbacks");
    case EvidenceRule::PlanVulnerabilities: {
      // The plan covers it when the ledger keeps support end dates (a
      // device past its end is 2-11's matter and a reminder, not a gap).
      const bool dated = std::any_of(plan.devices.begin(), plan.devices.end(),
                                     [](const Device& d) { return d.support_end.has_value(); });
      if (!dated) {
        return {
            std::nullopt,
            "別紙２（情報機器台帳）にサポート終了日の記載がないため、記録からは判断できません。",
            "/plan/devices"};
      }
      return covered(true, "別紙２ 情報機器台帳（サポート終了日）", "", "/plan/devices");
    }
    case EvidenceRule::PlanContacts:
      return covered(!plan.external_contacts.empty(), "別紙１ 連絡体制図",
                     "別紙１（連絡体制図）に外部の連絡先がありません。", "/plan#contacts");
    case EvidenceRule::PlanBackups:
      return covered(!plan.backups.empty(), "バックアップ体制",
                     "バックアップ体制が計画にありません。", "/plan#backups");
    case EvidenceRule::PlanResponse:
      return covered(true, "第３章 発生時の対応", "", "/plan");
    case EvidenceRule::PlanOfficer:
      return covered(!blank(plan.officer.name) && !plan.internal_contacts.empty(),
                     "第２章 責任者と別紙１ 院内の連絡体制",
                     "安全管理責任者または院内の連絡体制が計画にありません。", "/plan#officer");
    case EvidenceRule::PlanFollowUp:
      return covered(true, "第３章 ４ 再発防止（インシデント終了時の再発防止策）", "",
                     "/incidents");
    case EvidenceRule::MedbcpSignIn:
      // Said, not answered: medbcp is one system of many.
      return {std::nullopt,
              "medbcp 自身のログインは12文字以上のパスワードと二要素認証に対応しています。"
              "ただしこれは medbcp だけのことです。電子カルテなどほかのシステムについて"
              "人が回答してください。",
              "/account"};
    case EvidenceRule::Drills: {
      // A drill in the last 12 months is the evidence. Without one, medbcp
      // does not know of training held elsewhere: a person answers (and the
      // 点検 reminds of the drill that is due).
      const bool lapsed =
          std::any_of(facts.reminders.begin(), facts.reminders.end(), [](const Reminder& r) {
            return r.kind == ReminderKind::DrillOverdue && r.urgency == Urgency::Overdue;
          });
      if (!facts.last_drill) {
        return {std::nullopt,
                "medbcp に訓練の記録がありません。訓練をして記録するか、ほかで実施した教育訓練を"
                "人が回答してください。",
                "/drills"};
      }
      const std::string when = "直近の訓練は " + format_wareki(*facts.last_drill) + " です。";
      if (lapsed) return {std::nullopt, when + "12か月を過ぎています。", "/drills"};
      return yes(when, "/drills");
    }
  }
  return {};
}

}  // namespace medbcp::core
