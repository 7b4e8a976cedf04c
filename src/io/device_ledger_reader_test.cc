#include "io/device_ledger_reader.h"

#include <gtest/gtest.h>

#include "io/csv_writer.h"
#include "io/device_ledger_test_util.h"

namespace medbcp::io {
namespace {

using core::Date;
using core::DeviceKind;
using core::DeviceStatus;
using testing::read_fixture;
using testing::where;
using Where = std::vector<std::pair<int, std::string>>;

std::string csv(const std::vector<std::vector<std::string>>& rows) {
  CsvWriter writer;
  for (const auto& row : rows) {
    for (const auto& value : row) writer.field(value);
    writer.end_record();
  }
  return writer.take();
}

std::string messages(const core::Problems& problems) {
  std::string out;
  for (const auto& p : problems)
    out += std::to_string(p.row) + " " + p.field + ": " + p.message + "\n";
  return out;
}

TEST(DeviceLedgerReaderTest, ReadsExcelCp932CsvWithHeaderVariantsInAnyOrder) {
  const DeviceLedgerImport ledger = read_device_ledger_file(read_fixture("excel_cp932.csv"));
  ASSERT_TRUE(ledger.ok()) << messages(ledger.errors);
  EXPECT_TRUE(ledger.warnings.empty()) << messages(ledger.warnings);
  EXPECT_EQ(ledger.format, "CSV (CP932 (Shift_JIS))");
  EXPECT_EQ(ledger.columns.size(), kDeviceFieldCount);
  ASSERT_EQ(ledger.devices.size(), 4u);

  const core::Device& server = ledger.devices[0];
  EXPECT_EQ(ledger.rows[0], 2);
  EXPECT_EQ(server.asset_number, "001");  // full-width digits normalised
  EXPECT_EQ(server.name, "電子カルテサーバ");
  EXPECT_EQ(server.kind, DeviceKind::Server);
  EXPECT_EQ(server.system, "電子カルテシステム");
  EXPECT_EQ(server.location, "サーバ室");
  EXPECT_EQ(server.manager, "事務長 山田");
  EXPECT_EQ(server.os, "Windows Server 2019");
  EXPECT_EQ(server.os_version, "1809");
  EXPECT_EQ(server.ip_address, "192.168.1.10");
  EXPECT_EQ(server.mac_address, "00-11-22-33-44-55");
  EXPECT_EQ(server.network_zone, "院内LAN");
  EXPECT_FALSE(server.internet_facing);    // ×
  EXPECT_TRUE(server.remote_maintenance);  // ○
  EXPECT_EQ(server.vendor, "株式会社メディカルシステム");
  EXPECT_EQ(server.introduced, (Date{2019, 4, 1}));   // ２０１９/４/１
  EXPECT_EQ(server.support_end, (Date{2029, 1, 9}));  // 令和11年1月9日
  EXPECT_EQ(server.status, DeviceStatus::Active);
  EXPECT_EQ(server.last_stocktake, (Date{2024, 3, 31}));
  EXPECT_EQ(server.note, "夜間バックアップ 2:00\uFF5E3:00, 外付けHDD");  // quoted comma, ～

  const core::Device& terminal = ledger.devices[1];
  EXPECT_EQ(terminal.name, "受付端末①");
  EXPECT_EQ(terminal.kind, DeviceKind::Terminal);
  EXPECT_EQ(terminal.note, "1行目 ｳｹﾂｹ\n2行目");  // line break in a cell; half-width kana kept
  EXPECT_EQ(terminal.introduced, (Date{2020, 10, 1}));
  EXPECT_FALSE(terminal.support_end.has_value());

  const core::Device& vpn = ledger.devices[2];
  EXPECT_EQ(vpn.kind, DeviceKind::VpnRemote);
  EXPECT_TRUE(vpn.internet_facing);
  EXPECT_EQ(vpn.vendor, "保守ベンダー \"A社\"");
  EXPECT_EQ(vpn.introduced, (Date{2023, 4, 1}));  // R5.4.1

  EXPECT_EQ(ledger.devices[3].status, DeviceStatus::Spare);
  EXPECT_EQ(ledger.devices[3].kind, DeviceKind::Server);  // サーバー
}

TEST(DeviceLedgerReaderTest, ReadsUtf8BomCsvWithCharactersBeyondCp932) {
  const DeviceLedgerImport ledger = read_device_ledger_file(read_fixture("utf8_bom.csv"));
  ASSERT_TRUE(ledger.ok()) << messages(ledger.errors);
  EXPECT_EQ(ledger.format, "CSV (UTF-8)");
  ASSERT_EQ(ledger.devices.size(), 2u);
  EXPECT_EQ(ledger.devices[0].vendor, "𠮷田電機");
  EXPECT_EQ(ledger.devices[0].note, "サポート終了済み\u301C更新予定");
  EXPECT_EQ(ledger.devices[0].mac_address, "AA:BB:CC:DD:EE:01");
  EXPECT_EQ(ledger.devices[1].status, DeviceStatus::Broken);
}

TEST(DeviceLedgerReaderTest, ReadsXlsxSavedByAnotherProgram) {
  // utf8_bom.csv opened and saved by LibreOffice: dates became date cells
  // and "7.2" a number.
  const DeviceLedgerImport ledger = read_device_ledger_file(read_fixture("libreoffice.xlsx"));
  ASSERT_TRUE(ledger.ok()) << messages(ledger.errors);
  ASSERT_EQ(ledger.devices.size(), 2u);
  EXPECT_EQ(ledger.devices[0].introduced, (Date{2018, 4, 1}));
  EXPECT_EQ(ledger.devices[0].support_end, (Date{2025, 10, 14}));
  EXPECT_EQ(ledger.devices[0].vendor, "𠮷田電機");
  EXPECT_EQ(ledger.devices[1].os_version, "7.2");
}

TEST(DeviceLedgerReaderTest, ReportsEveryBadRowWithItsRowAndColumn) {
  const DeviceLedgerImport ledger = read_device_ledger_file(read_fixture("bad_rows.csv"));
  EXPECT_FALSE(ledger.ok());
  EXPECT_EQ(where(ledger.errors), (Where{{3, "機器名"},
                                         {4, "種別"},
                                         {5, "導入日"},
                                         {6, "管理番号"},
                                         {7, "インターネット接続"},
                                         {8, "状態"}}))
      << messages(ledger.errors);
  EXPECT_EQ(ledger.errors[0].message, "機器名が空です");
  EXPECT_NE(ledger.errors[1].message.find("種別「冷蔵庫」が分かりません"), std::string::npos);
  EXPECT_NE(ledger.errors[2].message.find("導入日「2024/13/45」を日付として読めません"),
            std::string::npos);
  EXPECT_EQ(ledger.errors[3].message, "管理番号「A-1」が 2 行目と重複しています");
  // The unknown column and the row without 管理番号 (a device added in
  // Excel, numbered when saved) are warnings; the good rows are still read.
  EXPECT_EQ(where(ledger.warnings), (Where{{1, "購入価格"}, {8, "管理番号"}}));
  EXPECT_NE(ledger.warnings[1].message.find("新しい機器として追加します"), std::string::npos);
  ASSERT_EQ(ledger.devices.size(), 2u);
  EXPECT_EQ(ledger.rows[0], 2);
  EXPECT_EQ(ledger.rows[1], 10);
  EXPECT_EQ(ledger.devices[1].introduced, (Date{2024, 4, 1}));
}

// 999.1.1.1 passed the import and would send someone to the wrong machine.
TEST(DeviceLedgerReaderTest, AnAddressThatCannotBeOneIsNamedWithItsRow) {
  const DeviceLedgerImport ledger =
      read_device_ledger_csv(csv({{"管理番号", "機器名", "IPアドレス"},
                                  {"A-1", "受付PC", "192.168.1.10"},
                                  {"A-2", "サーバ", "999.1.1.1"},
                                  {"A-3", "ルータ", "DHCP"}}));
  ASSERT_EQ(ledger.errors.size(), 1u) << messages(ledger.errors);
  EXPECT_EQ(ledger.errors[0].row, 3);
  EXPECT_EQ(ledger.errors[0].field, "IPアドレス");
  EXPECT_NE(ledger.errors[0].message.find("「999.1.1.1」は IP アドレスとして正しくありません"),
            std::string::npos);
}

TEST(DeviceLedgerReaderTest, AMillionProblemsAreCountedNotAllKept) {
  // 300 columns without a header (one warning each) and 50,000 bad dates.
  std::string text = "管理番号,機器名,導入日\r\nPC-0,端末,2024-13-45";
  for (int c = 0; c < 300; ++c) text += ",x";
  text += "\r\n";
  for (int r = 1; r < 50'000; ++r) text += "PC-" + std::to_string(r) + ",端末,2024-13-45\r\n";
  const DeviceLedgerImport read = read_device_ledger_csv(text);
  ASSERT_EQ(read.warnings.size(), 201u);
  EXPECT_NE(read.warnings.back().message.find("ほかに 100 件の注意"), std::string::npos)
      << read.warnings.back().message;
  ASSERT_EQ(read.errors.size(), 201u);
  EXPECT_NE(read.errors.back().message.find("ほかに 49800 件の誤り"), std::string::npos)
      << read.errors.back().message;
}

TEST(DeviceLedgerReaderTest, FindsTheHeaderBelowATitle) {
  const DeviceLedgerImport ledger = read_device_ledger_file(csv({
      {"別紙２　情報機器台帳"},
      {"作成日", "令和6年4月1日"},
      {"管理番号", "機器名"},
      {"1", "受付PC"},
  }));
  ASSERT_TRUE(ledger.ok()) << messages(ledger.errors);
  ASSERT_EQ(ledger.devices.size(), 1u);
  EXPECT_EQ(ledger.rows[0], 4);
  EXPECT_EQ(ledger.devices[0].kind, DeviceKind::Other);
  EXPECT_EQ(ledger.devices[0].status, DeviceStatus::Active);
}

TEST(DeviceLedgerReaderTest, RequiresTheKeyColumnsAndAHeader) {
  DeviceLedgerImport no_header = read_device_ledger_file(csv({{"1", "受付PC"}}));
  ASSERT_EQ(no_header.errors.size(), 1u);
  EXPECT_NE(no_header.errors[0].message.find("見出し行が見つかりません"), std::string::npos);

  DeviceLedgerImport no_name = read_device_ledger_file(csv({{"管理番号", "種別"}, {"1", "端末"}}));
  EXPECT_EQ(where(no_name.errors), (Where{{1, "機器名"}}));
  EXPECT_TRUE(no_name.devices.empty());

  DeviceLedgerImport twice =
      read_device_ledger_file(csv({{"管理番号", "機器名", "名称"}, {"1", "a", "b"}}));
  EXPECT_EQ(where(twice.errors), (Where{{1, "名称"}}));
}

TEST(DeviceLedgerReaderTest, AcceptsTheUsualWaysOfWritingValues) {
  const DeviceLedgerImport ledger = read_device_ledger_file(csv({
      {"管理番号", "機器名", "インターネット接続", "リモート保守", "導入日", "状態", "種別"},
      {"1", "a", "あり", "はい", "2024-04-01", "稼動", "ＰＣ"},
      {"2", "b", "◯", "いいえ", "2024年4月1日", "廃棄済み", "ルーター"},
      {"3", "c", "Yes", "-", "令和元年5月1日", "故障中", "NAS"},
      {"4", "d", "", "×", "2024/4/1 0:00", "予備機", "医療機器"},
      {"5", "e", "TRUE", "FALSE", "20240401", "", "プリンタ"},
  }));
  ASSERT_TRUE(ledger.ok()) << messages(ledger.errors);
  ASSERT_EQ(ledger.devices.size(), 5u);
  const auto& d = ledger.devices;
  EXPECT_TRUE(d[0].internet_facing && d[0].remote_maintenance);
  EXPECT_TRUE(d[1].internet_facing && !d[1].remote_maintenance);
  EXPECT_TRUE(d[2].internet_facing && !d[2].remote_maintenance);
  EXPECT_FALSE(d[3].internet_facing || d[3].remote_maintenance);
  EXPECT_TRUE(d[4].internet_facing && !d[4].remote_maintenance);
  for (const auto& device : d) EXPECT_TRUE(device.introduced.has_value());
  EXPECT_EQ(d[1].introduced, (Date{2024, 4, 1}));
  EXPECT_EQ(d[2].introduced, (Date{2019, 5, 1}));
  EXPECT_EQ(d[0].status, DeviceStatus::Active);
  EXPECT_EQ(d[1].status, DeviceStatus::Retired);
  EXPECT_EQ(d[2].status, DeviceStatus::Broken);
  EXPECT_EQ(d[3].status, DeviceStatus::Spare);
  EXPECT_EQ(d[4].status, DeviceStatus::Active);
  EXPECT_EQ(d[0].kind, DeviceKind::Terminal);
  EXPECT_EQ(d[1].kind, DeviceKind::Network);
  EXPECT_EQ(d[2].kind, DeviceKind::Server);
  EXPECT_EQ(d[3].kind, DeviceKind::Medical);
  EXPECT_EQ(d[4].kind, DeviceKind::Printer);
}

TEST(DeviceLedgerReaderTest, ReportsGarbledTextAndUnclosedQuotes) {
  // A CP932 file (管理番号,機器名) with 0xA0, a byte that is no character.
  const std::string cp932 =
      "\x8A\xC7\x97\x9D\x94\xD4\x8D\x86,\x8B\x40\x8A\xED\x96\xBC\r\n1,\x93\x64\xA0\r\n";
  const DeviceLedgerImport bad_bytes = read_device_ledger_file(cp932);
  EXPECT_EQ(where(bad_bytes.errors), (Where{{2, "機器名"}})) << messages(bad_bytes.errors);

  const DeviceLedgerImport unclosed =
      read_device_ledger_file("管理番号,機器名\r\n1,\"受付PC\r\n2,診察PC\r\n");
  EXPECT_EQ(where(unclosed.errors), (Where{{2, ""}})) << messages(unclosed.errors);
}

TEST(DeviceLedgerReaderTest, ChecksRulesAcrossCellsOfARow) {
  const DeviceLedgerImport ledger = read_device_ledger_file(csv({
      {"管理番号", "機器名", "導入日", "サポート終了日"},
      {"PC-1", "a", "2024/4/1", "2023/3/31"},
      {"ｐｃ－１", "b", "", ""},  // the same 管理番号 as row 2, in full width and lower case
  }));
  EXPECT_EQ(where(ledger.errors), (Where{{2, "サポート終了日"}, {3, "管理番号"}}))
      << messages(ledger.errors);
}

TEST(DeviceLedgerReaderTest, WarnsOnceAboutValuesWithoutAHeader) {
  const DeviceLedgerImport ledger =
      read_device_ledger_file(csv({{"管理番号", "機器名"}, {"1", "a", "x"}, {"2", "b", "y"}}));
  EXPECT_TRUE(ledger.ok());
  EXPECT_EQ(where(ledger.warnings), (Where{{2, "C列"}}));
  EXPECT_EQ(ledger.devices.size(), 2u);
}

TEST(DeviceLedgerColumnsTest, MatchesHeaderVariants) {
  EXPECT_EQ(device_field_from_header("管理番号"), DeviceField::AssetNumber);
  EXPECT_EQ(device_field_from_header("資産番号"), DeviceField::AssetNumber);
  EXPECT_EQ(device_field_from_header("Ｎｏ．"), DeviceField::AssetNumber);
  EXPECT_EQ(device_field_from_header(" 名称 "), DeviceField::Name);
  EXPECT_EQ(device_field_from_header("ＯＳ／ファームウェア"), DeviceField::Os);
  EXPECT_EQ(device_field_from_header("OS・ファームウェア"), DeviceField::Os);
  EXPECT_EQ(device_field_from_header("ip"), DeviceField::IpAddress);
  EXPECT_EQ(device_field_from_header("ＭＡＣアドレス"), DeviceField::MacAddress);
  EXPECT_EQ(device_field_from_header("導入日（yyyy/mm/dd）"), DeviceField::Introduced);
  EXPECT_EQ(device_field_from_header("管理番号※"), DeviceField::AssetNumber);
  EXPECT_EQ(device_field_from_header("インターネット接続(有/無)"), DeviceField::InternetFacing);
  EXPECT_EQ(device_field_from_header("担当者"), DeviceField::Manager);
  EXPECT_EQ(device_field_from_header("場所"), DeviceField::Location);
  EXPECT_EQ(device_field_from_header("購入価格"), std::nullopt);
  EXPECT_EQ(device_field_from_header(""), std::nullopt);
  for (const DeviceColumn& column : device_columns()) {
    EXPECT_EQ(device_field_from_header(column.header), column.field) << column.header;
  }
}

}  // namespace
}  // namespace medbcp::io
