#include "core/device_ledger_columns.h"

#include <cstdio>
#include <unordered_map>
#include <vector>

#include "core/text.h"

namespace medbcp::core {
namespace {

constexpr std::array<DeviceColumn, kDeviceFieldCount> kColumns = {{
    {DeviceField::AssetNumber, "管理番号", 10},
    {DeviceField::Name, "機器名", 20},
    {DeviceField::Kind, "種別", 14},
    {DeviceField::System, "関連システム", 16},
    {DeviceField::Location, "設置場所", 12},
    {DeviceField::Manager, "管理者", 10},
    {DeviceField::Os, "OS・ファームウェア", 16},
    {DeviceField::OsVersion, "バージョン", 10},
    {DeviceField::IpAddress, "IPアドレス", 14},
    {DeviceField::MacAddress, "MACアドレス", 17},
    {DeviceField::NetworkZone, "ネットワーク区分", 12},
    {DeviceField::InternetFacing, "インターネット接続", 8},
    {DeviceField::RemoteMaintenance, "リモート保守", 8},
    {DeviceField::Vendor, "保守業者", 14},
    {DeviceField::Introduced, "導入日", 11},
    {DeviceField::SupportEnd, "サポート終了日", 11},
    {DeviceField::Status, "状態", 8},
    {DeviceField::LastStocktake, "最終棚卸日", 11},
    {DeviceField::Note, "備考", 24},
}};

struct HeaderVariants {
  DeviceField field;
  std::vector<const char*> names;
};

// Headers seen in clinics' own ledgers and in vendors' inventory sheets.
// Deliberately no bare 区分 or 番号 alone beyond 管理番号's family: a wrong
// guess would silently put one column's values into another field.
// NOLINTNEXTLINE(cert-err58-cpp): built once from literals at start-up
const HeaderVariants kVariants[] = {
    {DeviceField::AssetNumber,
     {"管理番号", "資産番号", "No", "No.", "番号", "機器番号", "管理No", "管理No.", "備品番号",
      "資産管理番号", "台帳番号", "ID", "機器ID", "管理ID"}},
    {DeviceField::Name, {"機器名", "名称", "機器名称", "品名", "機器", "装置名", "端末名"}},
    {DeviceField::Kind, {"種別", "機器種別", "種類", "機器の種類", "機器種類", "分類", "機器分類"}},
    {DeviceField::System,
     {"関連システム", "システム", "システム名", "対象システム", "使用システム", "関連するシステム",
      "利用システム"}},
    {DeviceField::Location,
     {"設置場所", "場所", "設置部署", "所在", "所在地", "設置先", "設置場所(部署)", "部署",
      "保管場所"}},
    {DeviceField::Manager, {"管理者", "担当者", "管理担当者", "責任者", "管理責任者"}},
    {DeviceField::Os,
     {"OS・ファームウェア", "OS", "OS/ファームウェア", "ファームウェア", "OS・FW", "OS名", "OS等",
      "FW"}},
    {DeviceField::OsVersion,
     {"バージョン", "OSバージョン", "ver", "version", "ファームウェアバージョン", "版"}},
    {DeviceField::IpAddress, {"IPアドレス", "IP", "IP address", "IPaddress"}},
    {DeviceField::MacAddress, {"MACアドレス", "MAC", "MAC address", "MACaddress"}},
    {DeviceField::NetworkZone,
     {"ネットワーク区分", "ネットワーク", "ネットワーク種別", "セグメント", "接続ネットワーク",
      "LAN区分", "接続先ネットワーク", "ネットワーク名"}},
    {DeviceField::InternetFacing,
     {"インターネット接続", "インターネット", "インターネット接続の有無", "インターネット接続有無",
      "外部接続", "ネット接続"}},
    {DeviceField::RemoteMaintenance,
     {"リモート保守", "リモートメンテナンス", "リモート保守の有無", "リモート保守有無",
      "リモート接続", "リモートメンテナンスの有無", "遠隔保守"}},
    {DeviceField::Vendor,
     {"保守業者", "保守会社", "保守事業者", "業者", "ベンダー", "ベンダ", "保守ベンダー",
      "保守業者名", "保守契約先", "保守先"}},
    {DeviceField::Introduced,
     {"導入日", "導入年月日", "購入日", "設置日", "導入時期", "購入年月日", "導入年月"}},
    {DeviceField::SupportEnd,
     {"サポート終了日", "サポート期限", "保守期限", "EOL", "サポート終了", "保守終了日",
      "サポート期限日", "保守期間終了日", "EOS"}},
    {DeviceField::Status, {"状態", "稼働状況", "稼働状態", "ステータス", "稼動状況", "使用状況"}},
    {DeviceField::LastStocktake,
     {"最終棚卸日", "棚卸日", "最終確認日", "棚卸し日", "最終棚卸し日", "棚卸", "確認日",
      "最終棚卸"}},
    {DeviceField::Note, {"備考", "メモ", "特記事項", "コメント", "備考欄"}},
};

bool is_marker(char32_t c) {
  return c == U'※' || c == U'*' || c == U'●' || c == U'◎' || c == U'★' || c == U'☆';
}
bool is_separator(char32_t c) {
  return c == U'・' || c == U'･' || c == U'/' || c == U'_' || c == U'-' || c == U'.' || c == U':';
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// "導入日（yyyy/mm/dd）※" -> "導入日"; "OS・ファームウェア" -> "osファームウェア".
std::string header_key(std::string_view header) {
  std::u32string cps = core::utf8_to_u32(core::match_key(header));
  // A trailing note in brackets: (…) after NFKC, or 【…】 / 〔…〕 / […].
  while (!cps.empty()) {
    const char32_t last = cps.back();
    char32_t open = 0;
    if (last == U')') open = U'(';
    if (last == U'】') open = U'【';
    if (last == U'〕') open = U'〔';
    if (last == U']') open = U'[';
    if (is_marker(last)) {
      cps.pop_back();
      continue;
    }
    if (open == 0) break;
    const size_t at = cps.rfind(open);
    if (at == std::u32string::npos || at == 0) break;
    cps.resize(at);
  }
  std::string out;
  for (char32_t c : cps) {
    if (!is_marker(c) && !is_separator(c)) append_utf8(out, c);
  }
  return out;
}

const std::unordered_map<std::string, DeviceField>& header_index() {
  static const auto* index = [] {
    auto* map = new std::unordered_map<std::string, DeviceField>();
    for (const HeaderVariants& v : kVariants) {
      for (const char* name : v.names) map->emplace(header_key(name), v.field);
    }
    return map;
  }();
  return *index;
}

}  // namespace

const std::array<DeviceColumn, kDeviceFieldCount>& device_columns() { return kColumns; }

const char* device_header(DeviceField field) { return kColumns[static_cast<size_t>(field)].header; }

std::optional<DeviceField> device_field_from_header(std::string_view header) {
  const std::string key = header_key(header);
  if (key.empty()) return std::nullopt;
  const auto& index = header_index();
  const auto it = index.find(key);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

std::string asset_number_key(std::string_view asset_number) {
  std::string key;
  key.reserve(asset_number.size());
  for (const char c : asset_number) {
    if (static_cast<unsigned char>(c) >= 0x80) return core::match_key(asset_number);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') continue;
    key += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return key;
}

std::string ledger_date_text(const std::optional<core::Date>& date) {
  if (!date) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d/%02d/%02d", date->year, date->month, date->day);
  return buf;
}

const char* ledger_bool_text(bool value) { return value ? "有" : "無"; }

std::string device_field_text(const core::Device& d, DeviceField field) {
  switch (field) {
    case DeviceField::AssetNumber:
      return d.asset_number;
    case DeviceField::Name:
      return d.name;
    case DeviceField::Kind:
      return core::label(d.kind);
    case DeviceField::System:
      return d.system;
    case DeviceField::Location:
      return d.location;
    case DeviceField::Manager:
      return d.manager;
    case DeviceField::Os:
      return d.os;
    case DeviceField::OsVersion:
      return d.os_version;
    case DeviceField::IpAddress:
      return d.ip_address;
    case DeviceField::MacAddress:
      return d.mac_address;
    case DeviceField::NetworkZone:
      return d.network_zone;
    case DeviceField::InternetFacing:
      return ledger_bool_text(d.internet_facing);
    case DeviceField::RemoteMaintenance:
      return ledger_bool_text(d.remote_maintenance);
    case DeviceField::Vendor:
      return d.vendor;
    case DeviceField::Introduced:
      return ledger_date_text(d.introduced);
    case DeviceField::SupportEnd:
      return ledger_date_text(d.support_end);
    case DeviceField::Status:
      return core::label(d.status);
    case DeviceField::LastStocktake:
      return ledger_date_text(d.last_stocktake);
    case DeviceField::Note:
      return d.note;
  }
  return {};
}

}  // namespace medbcp::core
