// The cyber-incident BCP of a facility, as plain data: every section of the
// template 「小規模医療機関向けＢＣＰのひな形」 is a field or a list here.
// No I/O and no behaviour beyond small helpers; rules live in their own files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"
#include "core/time.h"

namespace medbcp::core {

// 医療機関 — 総則 and the document's own metadata.
struct Facility {
  std::string name;                    // 医療機関名（当院）
  std::string address;                 // 住所
  std::string phone;                   // 電話
  std::string document_department;     // 文書の管理部門（〇〇部門）
  std::optional<Date> effective_date;  // 附則: 施行日
  int edition = 1;                     // 版数
  std::optional<Date> last_reviewed;   // 最終見直し日

  bool operator==(const Facility&) const = default;
};

// 医療情報システム安全管理責任者.
struct SecurityOfficer {
  std::string name;
  std::string title;        // 役職（院長 など）
  std::string phone_day;    // 日中の電話
  std::string phone_night;  // 夜間・休日の電話
  std::string email;

  bool operator==(const SecurityOfficer&) const = default;
};

// The officer as a contact is named on the timeline and in pickers:
// 「山田 太郎（院長・安全管理責任者）」.
std::string officer_contact_name(const SecurityOfficer& officer);

// 対象範囲: an in-scope medical information system.
struct InScopeSystem {
  SystemId id;
  std::string name;                         // 電子カルテシステム …
  std::string description;                  // 用途・製品名など
  std::optional<ExternalContactId> vendor;  // システム事業者（別紙1の外部連絡先）
  bool from_template = false;               // ひな形の①〜⑤

  bool operator==(const InScopeSystem&) const = default;
};

// 想定する事象.
enum class ThreatKind { TargetedEmail, UnauthorizedAccess, Malware, Precursor, Other };

struct ThreatScenario {
  ThreatId id;
  ThreatKind kind = ThreatKind::Other;
  std::string title;  // 標的型メール攻撃 …
  std::string description;

  bool operator==(const ThreatScenario&) const = default;
};

// 別紙1 連絡体制図: internal tree. A person with no reports_to reports to
// the security officer, who is the root of the chart.
struct InternalContact {
  InternalContactId id;
  std::string name;
  std::string role;        // 役割（事務長、IT担当 …）
  std::string department;  // 部門（受付、看護、放射線 …）
  std::string phone_day;
  std::string phone_night;
  std::string email;
  std::optional<InternalContactId> reports_to;

  bool operator==(const InternalContact&) const = default;
};

enum class ExternalCategory {
  SystemVendor,        // システム事業者
  Maintenance,         // 保守業者
  Police,              // 警察
  Mhlw,                // 厚生労働省
  Prefecture,          // 都道府県
  MedicalAssociation,  // 医師会
  Insurer,             // 保険会社
  PrivacyCommission,   // 個人情報保護委員会
  Other
};

// 別紙1: an external organisation to contact.
struct ExternalContact {
  ExternalContactId id;
  ExternalCategory category = ExternalCategory::Other;
  std::string organization;  // 組織名
  std::string person;        // 担当者
  std::string phone;
  std::string phone_after_hours;
  std::string hours;  // 受付時間
  std::string email;
  std::string what_to_tell;           // 伝える内容
  bool notify_on_incident = false;    // 初報で必ず連絡する
  std::optional<Date> last_verified;  // 連絡先の最終確認日

  bool operator==(const ExternalContact&) const = default;
};

enum class DeviceKind {
  Server,
  Terminal,
  Network,
  VpnRemote,
  Medical,
  Printer,
  Mobile,
  Media,
  Other
};
// Missing (所在不明): a stock-take could not find it; flagged until it is
// found again or written off.
enum class DeviceStatus { Active, Spare, Broken, Missing, Retired };

// 別紙2 情報機器台帳: one device.
struct Device {
  DeviceId id;
  std::string asset_number;  // 管理番号
  std::string name;          // 機器名
  DeviceKind kind = DeviceKind::Other;
  std::string system;      // 関連システム
  std::string location;    // 設置場所
  std::string manager;     // 管理者
  std::string os;          // OS・ファームウェア
  std::string os_version;  // バージョン
  std::string ip_address;
  std::string mac_address;
  std::string network_zone;         // ネットワーク区分
  bool internet_facing = false;     // インターネット接続
  bool remote_maintenance = false;  // リモート保守
  std::string vendor;               // 保守業者
  std::optional<Date> introduced;   // 導入日
  std::optional<Date> support_end;  // サポート終了日
  DeviceStatus status = DeviceStatus::Active;
  std::optional<Date> last_stocktake;  // 最終棚卸日
  std::string note;                    // 備考

  bool operator==(const Device&) const = default;
};

// 代替運用: what to do when a system is unavailable.
struct FallbackOperation {
  FallbackId id;
  std::string business;            // 業務内容
  std::optional<SystemId> system;  // システム
  std::string system_label;        // 表示名（システム未選択時）
  std::string fallback;            // 代替手段
  std::string materials;           // 必要な物品・様式
  std::string return_to_normal;    // 通常運用への戻し方

  bool operator==(const FallbackOperation&) const = default;
};

// バックアップ体制: how a system's data is backed up and restored.
struct BackupPlan {
  BackupPlanId id;
  std::optional<SystemId> system;
  std::string system_label;
  int frequency_days = 0;      // 頻度（日）; 0 = 未設定
  std::string method;          // 作成方法
  std::string restore_method;  // 復旧方法
  std::string media;           // 媒体
  bool offline = false;        // オフライン（切り離した）保管
  int generations = 0;         // 保持世代数

  bool operator==(const BackupPlan&) const = default;
};

struct Plan {
  Facility facility;
  SecurityOfficer officer;
  std::vector<InScopeSystem> systems;
  std::vector<ThreatScenario> threats;
  std::vector<InternalContact> internal_contacts;
  std::vector<ExternalContact> external_contacts;
  std::vector<Device> devices;
  std::vector<FallbackOperation> fallbacks;
  std::vector<BackupPlan> backups;

  const InScopeSystem* find_system(SystemId id) const;
  const ExternalContact* find_external(ExternalContactId id) const;
  const InternalContact* find_internal(InternalContactId id) const;
  // The system's display name, or the label for rows without a system.
  std::string system_name(const std::optional<SystemId>& id, const std::string& label) const;
};

// 管理番号 is how a device is found again: on its sticker, in the stock-take,
// and when the ledger comes back from Excel. A device saved without one gets
// the next free "M-0001", "M-0002" …, so every exported row can be matched
// on import. Returns how many were numbered.
inline constexpr std::string_view kAutoAssetPrefix = "M-";
int number_unnumbered_devices(Plan& plan);

// Japanese labels and stable codes (used in JSON, SQL and forms) for enums.
const char* label(ThreatKind);
const char* label(ExternalCategory);
const char* label(DeviceKind);
const char* label(DeviceStatus);
const char* code(ThreatKind);
const char* code(ExternalCategory);
const char* code(DeviceKind);
const char* code(DeviceStatus);
std::optional<ThreatKind> threat_kind_from_code(std::string_view);
std::optional<ExternalCategory> external_category_from_code(std::string_view);
std::optional<DeviceKind> device_kind_from_code(std::string_view);
std::optional<DeviceStatus> device_status_from_code(std::string_view);
// Accepts a code or the Japanese label (and common variants) — for imports.
std::optional<DeviceKind> device_kind_from_text(std::string_view);
std::optional<DeviceStatus> device_status_from_text(std::string_view);
std::optional<ThreatKind> threat_kind_from_text(std::string_view);
std::optional<ExternalCategory> external_category_from_text(std::string_view);

// Every value of each enum, in display order (for select boxes and loops).
inline constexpr ThreatKind kThreatKinds[] = {ThreatKind::TargetedEmail,
                                              ThreatKind::UnauthorizedAccess, ThreatKind::Malware,
                                              ThreatKind::Precursor, ThreatKind::Other};
inline constexpr ExternalCategory kExternalCategories[] = {
    ExternalCategory::SystemVendor, ExternalCategory::Maintenance,
    ExternalCategory::Police,       ExternalCategory::Mhlw,
    ExternalCategory::Prefecture,   ExternalCategory::MedicalAssociation,
    ExternalCategory::Insurer,      ExternalCategory::PrivacyCommission,
    ExternalCategory::Other};
inline constexpr DeviceKind kDeviceKinds[] = {
    DeviceKind::Server,    DeviceKind::Terminal, DeviceKind::Network,
    DeviceKind::VpnRemote, DeviceKind::Medical,  DeviceKind::Printer,
    DeviceKind::Mobile,    DeviceKind::Media,    DeviceKind::Other};
inline constexpr DeviceStatus kDeviceStatuses[] = {DeviceStatus::Active, DeviceStatus::Spare,
                                                   DeviceStatus::Broken, DeviceStatus::Missing,
                                                   DeviceStatus::Retired};

}  // namespace medbcp::core
