// The readiness rules. Each rule is a few lines in readiness_gaps() below,
// in the order of the plan document, so that the list of gaps reads like a
// walk through the printed plan from 総則 to 附則.
#include "core/readiness.h"

#include <algorithm>

#include "core/numbering.h"
#include "core/text.h"

namespace medbcp::core {
namespace {

// Characters the template (and people copying it) use to mark a blank:
// 〇〇 (U+3007), ○○ (U+25CB), ◯◯ (U+25EF), ●●, ◎◎, △△, □□, ××, ＊＊.
bool is_placeholder_mark(char32_t c) {
  switch (c) {
    case U'\u3007':  // 〇 ideographic number zero
    case U'\u25CB':  // ○ white circle
    case U'\u25EF':  // ◯ large circle
    case U'\u25CF':  // ● black circle
    case U'\u25CE':  // ◎ bullseye
    case U'\u25B3':  // △
    case U'\u25B2':  // ▲
    case U'\u25A1':  // □
    case U'\u25A0':  // ■
    case U'\u00D7':  // ×
    case U'\uFF0A':  // ＊
      return true;
    default:
      return false;
  }
}

std::string row_text(std::size_t index) {
  return full_width_number(static_cast<int>(index) + 1) + "行目";
}

std::string path(const char* list, std::size_t index, const char* field) {
  return std::string(list) + "[" + std::to_string(index) + "]" + (*field ? "." : "") + field;
}

// What the row is called in messages: its own text if filled, else its position.
std::string system_title(const InScopeSystem& s, std::size_t index) {
  return is_placeholder(s.name) ? "対象システム" + circled_number(static_cast<int>(index) + 1)
                                : "「" + s.name + "」";
}

class GapList {
 public:
  void add(Section section, std::string where, std::string field, std::string message) {
    gaps_.push_back(Gap{section, std::move(where), std::move(field), std::move(message)});
  }
  std::vector<Gap> take() { return std::move(gaps_); }

 private:
  std::vector<Gap> gaps_;
};

void facility_gaps(const Plan& plan, GapList& gaps) {
  const Facility& f = plan.facility;
  if (is_placeholder(f.name)) {
    gaps.add(Section::Facility, "総則 １ 策定目的（医療機関名）", "facility.name",
             "医療機関名を入力してください。");
  }
  if (is_placeholder(f.address)) {
    gaps.add(Section::Facility, "医療機関情報（住所）", "facility.address",
             "医療機関の住所を入力してください。外部関係機関へ連絡するときに伝えます。");
  }
  if (is_placeholder(f.phone)) {
    gaps.add(Section::Facility, "医療機関情報（電話番号）", "facility.phone",
             "医療機関の代表電話番号を入力してください。外部関係機関からの折り返し先になります。");
  }
  if (is_placeholder(f.document_department)) {
    gaps.add(Section::Facility, "総則 ５ 文書の管理および周知（〇〇部門）",
             "facility.document_department",
             "本ＢＣＰの原本と関連資料を管理する部門（例：事務部門）を入力してください。");
  }
}

void officer_gaps(const Plan& plan, GapList& gaps) {
  const SecurityOfficer& o = plan.officer;
  if (is_placeholder(o.name)) {
    gaps.add(Section::Officer, "体制整備 １ 医療情報システム安全管理責任者（氏名）", "officer.name",
             "医療情報システム安全管理責任者（ひな形の○○）の氏名を入力してください。");
  }
  if (is_placeholder(o.phone_day)) {
    gaps.add(Section::Officer, "体制整備 １ 医療情報システム安全管理責任者（連絡先）",
             "officer.phone_day",
             "医療情報システム安全管理責任者に日中つながる電話番号を入力してください。"
             "発見者が最初に報告する先です。");
  }
  // Attacks start at night and on holidays as often as not: the page asks
  // for this number, and a blank one is a gap (check used to say 不備なし).
  if (is_placeholder(o.phone_night)) {
    gaps.add(Section::Officer, "体制整備 １ 医療情報システム安全管理責任者（夜間・休日の連絡先）",
             "officer.phone_night",
             "医療情報システム安全管理責任者に夜間・休日につながる電話番号を入力してください"
             "（日中と同じ携帯電話なら同じ番号を）。");
  }
}

void system_gaps(const Plan& plan, GapList& gaps) {
  if (plan.systems.empty()) {
    gaps.add(Section::Systems, "総則 ３ 対象範囲", "systems",
             "対象とする医療情報システムを登録してください。");
  }
  for (std::size_t i = 0; i < plan.systems.size(); ++i) {
    const InScopeSystem& s = plan.systems[i];
    const std::string where = "総則 ３ 対象範囲 " + circled_number(static_cast<int>(i) + 1);
    if (is_placeholder(s.name)) {
      gaps.add(Section::Systems, where, path("systems", i, "name"),
               "対象システムの名称を入力してください。使わない場合はこの行を削除してください。");
    }
    if (!s.vendor || plan.find_external(*s.vendor) == nullptr) {
      gaps.add(Section::Systems, where + "（システム事業者）", path("systems", i, "vendor"),
               system_title(s, i) +
                   "のシステム事業者を別紙１の外部連絡先に登録し、このシステムに紐づけてください。"
                   "復旧の可否はシステム事業者と判断します。");
    }
  }
}

void threat_gaps(const Plan& plan, GapList& gaps) {
  if (plan.threats.empty()) {
    gaps.add(
        Section::Threats, "総則 ４ 想定する事象", "threats",
        "想定する事象（標的型メール攻撃、不正アクセス等、マルウェア感染など）を登録してください。");
  }
  for (std::size_t i = 0; i < plan.threats.size(); ++i) {
    if (is_placeholder(plan.threats[i].title)) {
      gaps.add(Section::Threats, "総則 ４ 想定する事象 " + circled_number(static_cast<int>(i) + 1),
               path("threats", i, "title"),
               "想定する事象の名称を入力してください。使わない場合はこの行を削除してください。");
    }
  }
}

// A row's system: linked and existing, or at least named by its label.
bool names_a_system(const Plan& plan, const std::optional<SystemId>& system,
                    const std::string& label) {
  if (system && plan.find_system(*system) != nullptr) return true;
  return !is_placeholder(label);
}

void fallback_gaps(const Plan& plan, GapList& gaps) {
  for (std::size_t i = 0; i < plan.fallbacks.size(); ++i) {
    const FallbackOperation& f = plan.fallbacks[i];
    const std::string where = "体制整備 ３ 代替運用 " + row_text(i);
    if (is_placeholder(f.business)) {
      gaps.add(Section::Fallbacks, where + "（業務内容）", path("fallbacks", i, "business"),
               "業務内容を入力してください。使わない場合はこの行を削除してください。");
    }
    if (!names_a_system(plan, f.system, f.system_label)) {
      gaps.add(Section::Fallbacks, where + "（システム）", path("fallbacks", i, "system"),
               "この業務が使うシステムを選んでください。");
    }
    if (is_placeholder(f.fallback)) {
      gaps.add(Section::Fallbacks, where + "（代替手段）", path("fallbacks", i, "fallback"),
               "システムが使えないときの代替手段（例：紙運用）を入力してください。");
    }
  }
  for (std::size_t i = 0; i < plan.systems.size(); ++i) {
    const InScopeSystem& s = plan.systems[i];
    const bool covered = std::any_of(plan.fallbacks.begin(), plan.fallbacks.end(),
                                     [&](const FallbackOperation& f) { return f.system == s.id; });
    if (!covered) {
      gaps.add(
          Section::Fallbacks,
          "体制整備 ３ 代替運用（対象システム" + circled_number(static_cast<int>(i) + 1) + "）",
          path("systems", i, ""),
          system_title(s, i) +
              "が使えなくなったときの代替運用がありません。業務内容と代替手段を登録してください。");
    }
  }
}

void backup_gaps(const Plan& plan, GapList& gaps) {
  for (std::size_t i = 0; i < plan.backups.size(); ++i) {
    const BackupPlan& b = plan.backups[i];
    const std::string where = "体制整備 ４ バックアップ体制 " + row_text(i);
    if (!names_a_system(plan, b.system, b.system_label)) {
      gaps.add(Section::Backups, where + "（システム）", path("backups", i, "system"),
               "バックアップするシステムを選んでください。");
    }
    if (b.frequency_days <= 0) {
      gaps.add(Section::Backups, where + "（頻度）", path("backups", i, "frequency_days"),
               "バックアップの頻度（何日ごとか）を入力してください。");
    }
    if (is_placeholder(b.method)) {
      gaps.add(Section::Backups, where + "（作成方法）", path("backups", i, "method"),
               "バックアップの作成方法を入力してください。");
    }
    if (is_placeholder(b.restore_method)) {
      gaps.add(Section::Backups, where + "（復旧方法）", path("backups", i, "restore_method"),
               "復旧方法が決まっていないバックアップからは復旧できません。"
               "データを復元する手順を入力してください。");
    }
  }
  for (std::size_t i = 0; i < plan.systems.size(); ++i) {
    const InScopeSystem& s = plan.systems[i];
    const bool covered = std::any_of(plan.backups.begin(), plan.backups.end(),
                                     [&](const BackupPlan& b) { return b.system == s.id; });
    if (!covered) {
      gaps.add(Section::Backups,
               "体制整備 ４ バックアップ体制（対象システム" +
                   circled_number(static_cast<int>(i) + 1) + "）",
               path("systems", i, ""),
               system_title(s, i) +
                   "のバックアップ体制がありません。頻度、作成方法、復旧方法を登録してください。");
    }
  }
  // Ransomware encrypts every backup it can reach over the network; only a
  // copy kept disconnected survives it.
  const bool any_offline = std::any_of(plan.backups.begin(), plan.backups.end(),
                                       [](const BackupPlan& b) { return b.offline; });
  if (!plan.backups.empty() && !any_offline) {
    gaps.add(Section::Backups, "体制整備 ４ バックアップ体制（オフライン保管）", "backups",
             "ネットワークから切り離して保管するバックアップがありません。"
             "ランサムウェアはつながっているバックアップも暗号化するため、"
             "外付けHDD等に取りネットワークから外して保管する行を設けてください。");
  }
}

void internal_contact_gaps(const Plan& plan, GapList& gaps) {
  if (plan.internal_contacts.empty()) {
    gaps.add(Section::InternalContacts, "別紙１ 連絡体制図（院内）", "internal_contacts",
             "院内の連絡体制図に職員（事務長、IT担当、各部門の連絡担当など）を登録してください。");
  }
  for (std::size_t i = 0; i < plan.internal_contacts.size(); ++i) {
    const InternalContact& c = plan.internal_contacts[i];
    const std::string where = "別紙１ 連絡体制図（院内） " + row_text(i);
    if (is_placeholder(c.name)) {
      gaps.add(Section::InternalContacts, where + "（氏名）", path("internal_contacts", i, "name"),
               "氏名を入力してください。");
    }
    if (is_placeholder(c.phone_day) && is_placeholder(c.phone_night)) {
      gaps.add(Section::InternalContacts, where + "（電話番号）",
               path("internal_contacts", i, "phone_day"),
               "連絡がつく電話番号（日中または夜間・休日）を入力してください。");
    }
  }
}

void external_contact_gaps(const Plan& plan, GapList& gaps) {
  for (std::size_t i = 0; i < plan.external_contacts.size(); ++i) {
    const ExternalContact& c = plan.external_contacts[i];
    const std::string where = "別紙１ 外部関係機関の連絡先 " + row_text(i);
    if (is_placeholder(c.organization)) {
      gaps.add(Section::ExternalContacts, where + "（組織名）",
               path("external_contacts", i, "organization"), "組織名を入力してください。");
    }
    if (is_placeholder(c.phone) && is_placeholder(c.phone_after_hours)) {
      gaps.add(Section::ExternalContacts, where + "（電話番号）",
               path("external_contacts", i, "phone"),
               "電話番号を入力してください。ネットワークが止まってもかけられるのは電話です。");
    }
  }
  const bool has_police =
      std::any_of(plan.external_contacts.begin(), plan.external_contacts.end(),
                  [](const ExternalContact& c) { return c.category == ExternalCategory::Police; });
  if (!has_police) {
    gaps.add(
        Section::ExternalContacts, "別紙１ 外部関係機関の連絡先（警察）", "external_contacts",
        "警察（都道府県警察のサイバー犯罪相談窓口または所轄の警察署）の連絡先を登録してください。");
  }
}

void device_gaps(const Plan& plan, GapList& gaps) {
  if (plan.devices.empty()) {
    gaps.add(Section::Devices, "別紙２ 情報機器台帳", "devices",
             "サーバ、端末、ネットワーク機器、VPN・リモート保守機器などを情報機器台帳に登録してくだ"
             "さい。");
  }
  for (std::size_t i = 0; i < plan.devices.size(); ++i) {
    const Device& d = plan.devices[i];
    const std::string where = "別紙２ 情報機器台帳 " + row_text(i);
    if (is_placeholder(d.name)) {
      gaps.add(Section::Devices, where + "（機器名）", path("devices", i, "name"),
               "機器名を入力してください。");
    }
    if (d.status == DeviceStatus::Retired) continue;  // gone: no place, no one to call
    if (is_placeholder(d.location)) {
      gaps.add(Section::Devices, where + "（設置場所）", path("devices", i, "location"),
               "設置場所を入力してください。棚卸しと切り離しのときに探す場所です。");
    }
    // A remote-maintenance path is how attackers entered in real cases; who
    // holds the other end must be known.
    if ((d.remote_maintenance || d.kind == DeviceKind::VpnRemote) && is_placeholder(d.vendor)) {
      gaps.add(Section::Devices, where + "（保守業者）", path("devices", i, "vendor"),
               "リモート保守で接続する保守業者を入力してください。");
    }
  }
}

void effective_date_gaps(const Plan& plan, GapList& gaps) {
  if (!plan.facility.effective_date) {
    gaps.add(Section::Facility, "附則（施行日）", "facility.effective_date",
             "本ＢＣＰの施行日（附則「令和○年○月○日から施行する」）を入力してください。");
  }
}

}  // namespace

bool is_placeholder(std::string_view text) {
  const std::u32string cps = utf8_to_u32(trim(text));
  if (cps.empty()) return true;
  // One mark alone is ordinary text (○ as "yes" in a table); two in a row is a blank.
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) {
    if (is_placeholder_mark(cps[i]) && is_placeholder_mark(cps[i + 1])) return true;
  }
  return false;
}

std::vector<Gap> readiness_gaps(const Plan& plan) {
  GapList gaps;
  facility_gaps(plan, gaps);
  system_gaps(plan, gaps);
  threat_gaps(plan, gaps);
  officer_gaps(plan, gaps);
  internal_contact_gaps(plan, gaps);
  external_contact_gaps(plan, gaps);
  device_gaps(plan, gaps);
  fallback_gaps(plan, gaps);
  backup_gaps(plan, gaps);
  effective_date_gaps(plan, gaps);
  return gaps.take();
}

}  // namespace medbcp::core
