// Export -> import must give back the same ledger, in every format.
#include <gtest/gtest.h>

#include "core/device_ledger_diff.h"
#include "io/device_ledger_reader.h"
#include "io/device_ledger_test_util.h"
#include "io/device_ledger_writer.h"
#include "io/text_encoding.h"

namespace medbcp::io {
namespace {

using core::DeviceChangeKind;
using core::LedgerDiff;

using testing::where;
using Where = std::vector<std::pair<int, std::string>>;

// Every field filled, and the characters that break naive conversions.
std::vector<core::Device> sample_ledger() {
  core::Device server;
  server.id = core::DeviceId(1);
  server.asset_number = "SV-001";
  server.name = "電子カルテサーバ①";
  server.kind = core::DeviceKind::Server;
  server.system = "電子カルテシステム";
  server.location = "サーバ室";
  server.manager = "事務長";
  server.os = "Windows Server 2019";
  server.os_version = "1809";
  server.ip_address = "192.168.1.10";
  server.mac_address = "00-11-22-33-44-55";
  server.network_zone = "院内LAN";
  server.internet_facing = false;
  server.remote_maintenance = true;
  server.vendor = "株式会社メディカル, 保守部";
  server.introduced = core::Date{2019, 4, 1};
  server.support_end = core::Date{2029, 1, 9};
  server.status = core::DeviceStatus::Active;
  server.last_stocktake = core::Date{2024, 3, 31};
  server.note = "バックアップ 2:00\uFF5E3:00\n\"外付け\"HDD ｶﾅ １２";

  core::Device vpn;
  vpn.id = core::DeviceId(2);
  vpn.asset_number = "NW-002";
  vpn.name = "VPN装置";
  vpn.kind = core::DeviceKind::VpnRemote;
  vpn.internet_facing = true;
  vpn.status = core::DeviceStatus::Broken;

  core::Device spare;
  spare.id = core::DeviceId(3);
  spare.asset_number = "003";
  spare.name = "予備PC";
  spare.kind = core::DeviceKind::Terminal;
  spare.status = core::DeviceStatus::Spare;
  return {server, vpn, spare};
}

void expect_same_ledger(const std::vector<core::Device>& ledger, const DeviceLedgerImport& read) {
  ASSERT_TRUE(read.ok()) << read.errors.front().message;
  EXPECT_TRUE(read.warnings.empty());
  ASSERT_EQ(read.devices.size(), ledger.size());
  for (size_t i = 0; i < ledger.size(); ++i) {
    for (const DeviceColumn& column : device_columns()) {
      EXPECT_EQ(device_field_text(read.devices[i], column.field),
                device_field_text(ledger[i], column.field))
          << column.header << " of row " << i + 2;
    }
  }
  const LedgerDiff diff = diff_device_ledger(ledger, read);
  EXPECT_FALSE(diff.changes_anything());
  EXPECT_EQ(diff.count(DeviceChangeKind::Unchanged), static_cast<int>(ledger.size()));
  EXPECT_TRUE(diff.absent.empty());
}

TEST(DeviceLedgerRoundTripTest, Utf8BomCsv) {
  const LedgerExport out = device_ledger_csv(sample_ledger(), CsvEncoding::Utf8Bom);
  ASSERT_TRUE(out.problems.empty());
  EXPECT_TRUE(out.bytes.starts_with("\xEF\xBB\xBF管理番号,機器名,種別,"));
  expect_same_ledger(sample_ledger(), read_device_ledger_file(out.bytes));
}

TEST(DeviceLedgerRoundTripTest, Cp932Csv) {
  const LedgerExport out = device_ledger_csv(sample_ledger(), CsvEncoding::Cp932);
  ASSERT_TRUE(out.problems.empty());
  EXPECT_EQ(detect_encoding(out.bytes), TextEncoding::Cp932);
  const DeviceLedgerImport read = read_device_ledger_file(out.bytes);
  EXPECT_EQ(read.format, "CSV (CP932 (Shift_JIS))");
  expect_same_ledger(sample_ledger(), read);
}

TEST(DeviceLedgerRoundTripTest, FormulasAreGuardedInEveryCsvAndReadBackAsTyped) {
  std::vector<core::Device> ledger = sample_ledger();
  ledger[0].name = "=HYPERLINK(\"http://e/\")";
  ledger[1].location = "＠受付";
  for (CsvEncoding encoding : {CsvEncoding::Utf8Bom, CsvEncoding::Cp932}) {
    const LedgerExport out = device_ledger_csv(ledger, encoding);
    ASSERT_TRUE(out.problems.empty());
    const std::string text =
        encoding == CsvEncoding::Utf8Bom ? out.bytes : decode_text(out.bytes).utf8;
    EXPECT_NE(text.find(",\"'=HYPERLINK(\"\"http://e/\"\")\","), std::string::npos) << text;
    EXPECT_EQ(text.find(",=HYPERLINK"), std::string::npos);
    EXPECT_NE(text.find("'＠受付"), std::string::npos);
    expect_same_ledger(ledger, read_device_ledger_file(out.bytes));
  }
}

TEST(DeviceLedgerRoundTripTest, Xlsx) {
  const std::string bytes = device_ledger_xlsx(sample_ledger());
  expect_same_ledger(sample_ledger(), read_device_ledger_file(bytes));
}

TEST(DeviceLedgerRoundTripTest, CommittedOwnExportStillReads) {
  // Our export of utf8_bom.csv's ledger, committed so that a change in the
  // writer that older files do not share is caught by the reader.
  const DeviceLedgerImport from_xlsx =
      read_device_ledger_file(testing::read_fixture("own_export.xlsx"));
  const DeviceLedgerImport from_csv =
      read_device_ledger_file(testing::read_fixture("utf8_bom.csv"));
  ASSERT_TRUE(from_csv.ok());
  std::vector<core::Device> ledger;
  ledger = from_csv.devices;
  expect_same_ledger(ledger, from_xlsx);
}

TEST(DeviceLedgerRoundTripTest, WaveDashFromAMacSurvivesCp932AsTheSameText) {
  std::vector<core::Device> ledger = sample_ledger();
  ledger[0].note = "9:00\u301C17:00";  // WAVE DASH, as typed on macOS
  const LedgerExport out = device_ledger_csv(ledger, CsvEncoding::Cp932);
  ASSERT_TRUE(out.problems.empty());
  const DeviceLedgerImport read = read_device_ledger_file(out.bytes);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.devices[0].note, "9:00\uFF5E17:00");  // what Windows reads
  const LedgerDiff diff = diff_device_ledger(ledger, read);
  EXPECT_FALSE(diff.changes_anything());
}

TEST(DeviceLedgerExportTest, Cp932RefusesCharactersItCannotHold) {
  std::vector<core::Device> ledger = sample_ledger();
  ledger[1].vendor = "𠮷田電機";
  ledger[2].note = "¥1,000 😀";
  const LedgerExport out = device_ledger_csv(ledger, CsvEncoding::Cp932);
  EXPECT_TRUE(out.bytes.empty());
  EXPECT_EQ(where(out.problems), (Where{{3, "保守業者"}, {4, "備考"}}));
  EXPECT_NE(out.problems[0].message.find("「𠮷」(U+20BB7)"), std::string::npos);
  EXPECT_NE(out.problems[1].message.find("「¥」(U+00A5)、「😀」(U+1F600)"), std::string::npos);
  // UTF-8 holds everything.
  EXPECT_TRUE(device_ledger_csv(ledger, CsvEncoding::Utf8Bom).problems.empty());
}

TEST(DeviceLedgerExportTest, XlsxHasDateCellsAndTheCanonicalHeaders) {
  const XlsxTable table = device_ledger_table(sample_ledger());
  EXPECT_EQ(table.columns.size(), kDeviceFieldCount);
  EXPECT_EQ(table.columns[0].header, "管理番号");
  EXPECT_EQ(table.columns[14].header, "導入日");
  EXPECT_TRUE(std::holds_alternative<core::Date>(table.rows[0][14]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[1][14]));
  EXPECT_EQ(std::get<std::string>(table.rows[0][11]), "無");
  EXPECT_EQ(std::get<std::string>(table.rows[0][12]), "有");
}

}  // namespace
}  // namespace medbcp::io
