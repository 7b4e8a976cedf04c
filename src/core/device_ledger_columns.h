// The columns of 別紙２ 情報機器台帳 as a spreadsheet: the canonical Japanese
// headers our exports write (in this order), the header variants clinics
// actually use that imports accept, and each field's text as it appears in a
// cell. Import, export and the import preview all speak in these terms, so
// export -> import is the identity.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/plan.h"

namespace medbcp::core {

enum class DeviceField {
  AssetNumber,        // 管理番号
  Name,               // 機器名
  Kind,               // 種別
  System,             // 関連システム
  Location,           // 設置場所
  Manager,            // 管理者
  Os,                 // OS・ファームウェア
  OsVersion,          // バージョン
  IpAddress,          // IPアドレス
  MacAddress,         // MACアドレス
  NetworkZone,        // ネットワーク区分
  InternetFacing,     // インターネット接続
  RemoteMaintenance,  // リモート保守
  Vendor,             // 保守業者
  Introduced,         // 導入日
  SupportEnd,         // サポート終了日
  Status,             // 状態
  LastStocktake,      // 最終棚卸日
  Note,               // 備考
};

inline constexpr std::size_t kDeviceFieldCount = 19;

struct DeviceColumn {
  DeviceField field;
  const char* header;  // canonical header, as exported
  double width;        // XLSX column width (characters)
};

// All columns in export order.
const std::array<DeviceColumn, kDeviceFieldCount>& device_columns();

const char* device_header(DeviceField field);

// The field a header stands for: NFKC, case, spaces, separators (・/) and a
// trailing note in brackets ("導入日（yyyy/mm/dd）", "管理番号※") are ignored.
// nullopt for headers we do not know.
std::optional<DeviceField> device_field_from_header(std::string_view header);

// The cell text of a field: dates as 2024/04/01, booleans as 有/無, kind and
// status as their Japanese labels. Import reads every one of these back.
std::string device_field_text(const core::Device& device, DeviceField field);

// The key two 管理番号 are compared by: core::match_key (NFKC, case and
// spaces ignored), as plan validation compares them, with a fast path for
// ASCII, which is what nearly every asset number is.
std::string asset_number_key(std::string_view asset_number);

// Date and boolean cell texts shared by export and the import preview.
std::string ledger_date_text(const std::optional<core::Date>& date);
const char* ledger_bool_text(bool value);

}  // namespace medbcp::core
