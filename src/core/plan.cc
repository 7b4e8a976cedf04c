// Lookups on a plan, and the one table per enum that gives each value its
// stable code, its Japanese label and the other words people use for it in
// spreadsheets (so an import of "パソコン" or "使用中" finds the right value).
#include "core/plan.h"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <set>

#include "core/text.h"

namespace medbcp::core {
namespace {

template <class Enum>
struct EnumName {
  Enum value;
  const char* code;   // lower-case snake_case ASCII; never changes once stored
  const char* label;  // Japanese, as printed in the plan
  std::initializer_list<const char*> variants;  // other spellings accepted on import
};

const EnumName<ThreatKind> kThreatNames[] = {
    {ThreatKind::TargetedEmail,
     "targeted_email",
     "標的型メール攻撃",
     {"標的型メール", "標的型攻撃メール", "フィッシングメール", "不審メール", "targeted email",
      "phishing"}},
    {ThreatKind::UnauthorizedAccess,
     "unauthorized_access",
     "不正アクセス等",
     {"不正アクセス", "不正侵入", "unauthorized access", "intrusion"}},
    {ThreatKind::Malware,
     "malware",
     "マルウェア感染（ランサムウェアを含む）",
     {"マルウェア感染", "マルウェア", "ランサムウェア", "ランサムウェア感染", "ウイルス感染",
      "ウイルス", "コンピュータウイルス", "ransomware", "virus"}},
    {ThreatKind::Precursor,
     "precursor",
     "上記の予兆と思われる事象",
     {"予兆", "予兆と思われる事象", "予兆事象", "不審な事象"}},
    {ThreatKind::Other, "other", "その他", {"その他の事象"}},
};

const EnumName<ExternalCategory> kExternalNames[] = {
    {ExternalCategory::SystemVendor,
     "system_vendor",
     "システム事業者",
     {"システムベンダ", "システムベンダー", "ベンダ", "ベンダー", "販売業者", "販売店",
      "システム業者", "vendor", "system vendor"}},
    {ExternalCategory::Maintenance,
     "maintenance",
     "保守業者",
     {"保守", "保守会社", "保守事業者", "保守ベンダ", "保守ベンダー", "ネットワーク業者"}},
    {ExternalCategory::Police,
     "police",
     "警察",
     {"警察署", "県警", "都道府県警察", "サイバー犯罪相談窓口", "サイバー犯罪対策課"}},
    {ExternalCategory::Mhlw, "mhlw", "厚生労働省", {"厚労省", "厚生労働省医政局"}},
    {ExternalCategory::Prefecture,
     "prefecture",
     "都道府県",
     {"県", "県庁", "都道府県庁", "都庁", "府庁", "道庁", "都道府県担当課"}},
    {ExternalCategory::MedicalAssociation,
     "medical_association",
     "医師会",
     {"都道府県医師会", "県医師会", "郡市医師会", "地区医師会", "medical association"}},
    {ExternalCategory::Insurer,
     "insurer",
     "保険会社",
     {"保険", "サイバー保険", "損害保険会社", "損保", "insurance"}},
    {ExternalCategory::PrivacyCommission,
     "privacy_commission",
     "個人情報保護委員会",
     {"個情委", "ppc", "privacy commission"}},
    {ExternalCategory::Other, "other", "その他", {}},
};

const EnumName<DeviceKind> kDeviceKindNames[] = {
    {DeviceKind::Server, "server", "サーバ", {"サーバー", "サーバ機", "サーバー機", "srv", "nas"}},
    {DeviceKind::Terminal,
     "terminal",
     "端末",
     {"端末pc", "pc", "パソコン", "パーソナルコンピュータ", "クライアント", "クライアントpc",
      "クライアント端末", "業務端末", "デスクトップ", "デスクトップpc", "ノートpc",
      "ノートパソコン", "desktop", "laptop", "client"}},
    {DeviceKind::Network,
     "network",
     "ネットワーク機器",
     {"ネットワーク", "ルータ", "ルーター", "スイッチ", "スイッチングハブ", "ハブ", "l2スイッチ",
      "l3スイッチ", "無線lan", "無線lanアクセスポイント", "アクセスポイント", "ファイアウォール",
      "utm", "router", "switch", "firewall", "wi-fi", "wifi"}},
    {DeviceKind::VpnRemote,
     "vpn_remote",
     "VPN・リモート保守機器",
     {"vpn", "vpn機器", "vpn装置", "vpnルータ", "vpnルーター", "リモート保守", "リモート保守機器",
      "リモート保守装置", "リモートメンテナンス", "リモートメンテナンス機器", "リモート接続機器",
      "remote", "remote maintenance"}},
    {DeviceKind::Medical,
     "medical",
     "医療機器",
     {"医用機器", "検査機器", "撮影機器", "撮影装置", "モダリティ", "modality"}},
    {DeviceKind::Printer,
     "printer",
     "プリンタ",
     {"プリンター", "複合機", "コピー機", "レセプトプリンタ", "ラベルプリンタ", "mfp"}},
    {DeviceKind::Mobile,
     "mobile",
     "モバイル端末",
     {"モバイル", "スマートフォン", "スマホ", "タブレット", "タブレット端末", "ipad", "携帯電話",
      "smartphone", "tablet"}},
    {DeviceKind::Media,
     "media",
     "外部記録媒体",
     {"記録媒体", "媒体", "外部媒体", "usbメモリ", "usb", "外付けhdd", "外付けハードディスク",
      "光学メディア", "dvd", "磁気テープ", "テープ"}},
    {DeviceKind::Other, "other", "その他", {"その他機器"}},
};

const EnumName<DeviceStatus> kDeviceStatusNames[] = {
    {DeviceStatus::Active,
     "active",
     "稼働中",
     {"稼働", "稼動", "稼動中", "使用中", "運用中", "利用中", "現役", "in use", "in_use"}},
    {DeviceStatus::Spare, "spare", "予備", {"予備機", "保管中", "保管", "在庫", "未使用", "待機"}},
    {DeviceStatus::Broken, "broken", "故障", {"故障中", "修理中", "不調", "停止中", "broken down"}},
    {DeviceStatus::Missing, "missing", "所在不明", {"紛失", "行方不明", "所在不明中", "lost"}},
    {DeviceStatus::Retired,
     "retired",
     "廃棄",
     {"廃棄済", "廃棄済み", "廃止", "撤去", "撤去済", "撤去済み", "除却", "返却済", "disposed"}},
};

template <class Enum, std::size_t N>
const EnumName<Enum>& name_of(const EnumName<Enum> (&table)[N], Enum value) {
  for (const auto& n : table) {
    if (n.value == value) return n;
  }
  return table[N - 1];  // unreachable for values of the enum; "other" is last
}

template <class Enum, std::size_t N>
std::optional<Enum> from_code(const EnumName<Enum> (&table)[N], std::string_view code) {
  for (const auto& n : table) {
    if (code == n.code) return n.value;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::optional<Enum> from_text(const EnumName<Enum> (&table)[N], std::string_view text) {
  // Exact matches only (after normalising width, case and spaces): a guess
  // from a substring would silently file a 「サーバ室のPC」 as a server.
  const std::string key = match_key(text);
  if (key.empty()) return std::nullopt;
  for (const auto& n : table) {
    if (key == match_key(n.code) || key == match_key(n.label)) return n.value;
    for (const char* v : n.variants) {
      if (key == match_key(v)) return n.value;
    }
  }
  return std::nullopt;
}

template <class Record, class IdType>
const Record* find_by_id(const std::vector<Record>& records, IdType id) {
  auto it =
      std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
  return it == records.end() ? nullptr : &*it;
}

}  // namespace

const InScopeSystem* Plan::find_system(SystemId id) const { return find_by_id(systems, id); }

const ExternalContact* Plan::find_external(ExternalContactId id) const {
  return find_by_id(external_contacts, id);
}

const InternalContact* Plan::find_internal(InternalContactId id) const {
  return find_by_id(internal_contacts, id);
}

std::string Plan::system_name(const std::optional<SystemId>& id, const std::string& label) const {
  if (id) {
    if (const InScopeSystem* s = find_system(*id)) return s->name;
  }
  return label;
}

const char* label(ThreatKind v) { return name_of(kThreatNames, v).label; }
const char* label(ExternalCategory v) { return name_of(kExternalNames, v).label; }
const char* label(DeviceKind v) { return name_of(kDeviceKindNames, v).label; }
const char* label(DeviceStatus v) { return name_of(kDeviceStatusNames, v).label; }
const char* code(ThreatKind v) { return name_of(kThreatNames, v).code; }
const char* code(ExternalCategory v) { return name_of(kExternalNames, v).code; }
const char* code(DeviceKind v) { return name_of(kDeviceKindNames, v).code; }
const char* code(DeviceStatus v) { return name_of(kDeviceStatusNames, v).code; }

std::optional<ThreatKind> threat_kind_from_code(std::string_view c) {
  return from_code(kThreatNames, c);
}
std::optional<ExternalCategory> external_category_from_code(std::string_view c) {
  return from_code(kExternalNames, c);
}
std::optional<DeviceKind> device_kind_from_code(std::string_view c) {
  return from_code(kDeviceKindNames, c);
}
std::optional<DeviceStatus> device_status_from_code(std::string_view c) {
  return from_code(kDeviceStatusNames, c);
}

std::optional<DeviceKind> device_kind_from_text(std::string_view t) {
  return from_text(kDeviceKindNames, t);
}
std::optional<DeviceStatus> device_status_from_text(std::string_view t) {
  return from_text(kDeviceStatusNames, t);
}
std::optional<ThreatKind> threat_kind_from_text(std::string_view t) {
  return from_text(kThreatNames, t);
}
std::optional<ExternalCategory> external_category_from_text(std::string_view t) {
  return from_text(kExternalNames, t);
}

int number_unnumbered_devices(Plan& plan) {
  const auto unnumbered = [](const Device& d) { return trim(d.asset_number).empty(); };
  // Most saves have nothing to number: no keys of 100,000 devices for that.
  if (std::none_of(plan.devices.begin(), plan.devices.end(), unnumbered)) return 0;
  std::set<std::string> used;
  for (const auto& d : plan.devices) {
    if (!unnumbered(d)) used.insert(match_key(d.asset_number));
  }
  int numbered = 0;
  int next = 1;
  for (auto& d : plan.devices) {
    if (!unnumbered(d)) continue;
    std::string candidate;
    do {
      char digits[16];
      std::snprintf(digits, sizeof digits, "%04d", next++);
      candidate = std::string(kAutoAssetPrefix) + digits;
    } while (used.count(match_key(candidate)) > 0);
    used.insert(match_key(candidate));
    d.asset_number = candidate;
    ++numbered;
  }
  return numbered;
}

std::string officer_contact_name(const SecurityOfficer& officer) {
  std::string out = officer.name;
  out.append("（");
  if (!officer.title.empty()) out.append(officer.title).append("・");
  out.append("安全管理責任者）");
  return out;
}

}  // namespace medbcp::core
