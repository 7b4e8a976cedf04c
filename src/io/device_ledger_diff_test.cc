#include "core/device_ledger_diff.h"

#include <gtest/gtest.h>

#include "io/csv_writer.h"
#include "io/device_ledger_reader.h"

namespace medbcp::io {
namespace {

// The diff is core's; the files it compares are read here, by io.
using core::apply_device_ledger_diff;
using core::DeviceChangeKind;
using core::diff_device_ledger;
using core::LedgerDiff;

core::Device device(int id, std::string asset, std::string name) {
  core::Device d;
  d.id = core::DeviceId(id);
  d.asset_number = std::move(asset);
  d.name = std::move(name);
  d.kind = core::DeviceKind::Terminal;
  return d;
}

DeviceLedgerImport read(const std::vector<std::vector<std::string>>& rows) {
  CsvWriter writer;
  for (const auto& row : rows) {
    for (const auto& value : row) writer.field(value);
    writer.end_record();
  }
  DeviceLedgerImport out = read_device_ledger_csv(writer.text());
  EXPECT_TRUE(out.ok());
  return out;
}

TEST(DeviceLedgerDiffTest, ClassifiesAddedUpdatedUnchangedAndAbsent) {
  std::vector<core::Device> current = {device(1, "A-1", "受付PC"), device(2, "A-2", "診察PC"),
                                       device(3, "A-3", "院長PC")};
  current[1].location = "診察室1";
  const DeviceLedgerImport file = read({{"管理番号", "機器名", "種別", "設置場所"},
                                        {"A-2", "診察PC", "端末", "診察室2"},
                                        {"A-1", "受付PC", "端末", ""},
                                        {"B-1", "新しいプリンタ", "プリンタ", "受付"}});
  const LedgerDiff diff = diff_device_ledger(current, file);
  ASSERT_EQ(diff.devices.size(), 3u);

  EXPECT_EQ(diff.devices[0].kind, DeviceChangeKind::Updated);
  EXPECT_EQ(diff.devices[0].row, 2);
  EXPECT_EQ(diff.devices[0].current_index, 1u);
  ASSERT_EQ(diff.devices[0].changes.size(), 1u);
  EXPECT_EQ(diff.devices[0].changes[0].field, DeviceField::Location);
  EXPECT_EQ(diff.devices[0].changes[0].before, "診察室1");
  EXPECT_EQ(diff.devices[0].changes[0].after, "診察室2");
  EXPECT_EQ(diff.devices[0].label, "A-2「診察PC」");

  EXPECT_EQ(diff.devices[1].kind, DeviceChangeKind::Unchanged);
  EXPECT_EQ(diff.devices[2].kind, DeviceChangeKind::Added);
  EXPECT_EQ(diff.devices[2].file_index, 2u);
  EXPECT_FALSE(diff.devices[2].current_index.has_value());

  ASSERT_EQ(diff.absent.size(), 1u);
  EXPECT_EQ(diff.absent[0].asset_number, "A-3");
  EXPECT_EQ(diff.count(DeviceChangeKind::Added), 1);
  EXPECT_EQ(diff.count(DeviceChangeKind::Updated), 1);
  EXPECT_EQ(diff.count(DeviceChangeKind::Unchanged), 1);
  EXPECT_TRUE(diff.changes_anything());
}

TEST(DeviceLedgerDiffTest, ApplyKeepsAbsentDevicesAndAppendsNewOnes) {
  std::vector<core::Device> current = {device(1, "A-1", "受付PC"), device(2, "A-2", "診察PC")};
  const DeviceLedgerImport file =
      read({{"管理番号", "機器名"}, {"A-2", "診察PC（2F）"}, {"C-1", "NAS"}});
  const std::vector<core::Device> after = apply_device_ledger_diff(
      current, std::vector(file.devices), diff_device_ledger(current, file));
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].name, "受付PC");
  EXPECT_EQ(after[1].name, "診察PC（2F）");
  EXPECT_EQ(after[1].id, core::DeviceId(2));
  EXPECT_EQ(after[2].asset_number, "C-1");
  EXPECT_FALSE(after[2].id.valid());
}

TEST(DeviceLedgerDiffTest, AFirstImportTakesTheFilesDevicesWhole) {
  DeviceLedgerImport file = read({{"管理番号", "機器名"}, {"A-1", "受付PC"}, {"A-2", "NAS"}});
  const LedgerDiff diff = diff_device_ledger({}, file);
  const auto after = apply_device_ledger_diff({}, std::move(file.devices), diff);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].name, "NAS");
}

TEST(DeviceLedgerDiffTest, ColumnsTheFileLacksAreLeftAlone) {
  std::vector<core::Device> current = {device(1, "A-1", "受付PC")};
  current[0].last_stocktake = core::Date{2024, 4, 1};
  current[0].internet_facing = true;
  current[0].kind = core::DeviceKind::Server;
  const DeviceLedgerImport file = read({{"管理番号", "機器名"}, {"A-1", "受付PC"}});
  const LedgerDiff diff = diff_device_ledger(current, file);
  EXPECT_FALSE(diff.changes_anything());
  const auto after = apply_device_ledger_diff(current, std::vector(file.devices), diff);
  EXPECT_EQ(after[0].last_stocktake, (core::Date{2024, 4, 1}));
  EXPECT_TRUE(after[0].internet_facing);
  EXPECT_EQ(after[0].kind, core::DeviceKind::Server);
}

TEST(DeviceLedgerDiffTest, MatchesAssetNumbersAcrossWidths) {
  std::vector<core::Device> current = {device(1, "ＰＣ－０１", "受付PC")};
  const DeviceLedgerImport file = read({{"管理番号", "機器名"}, {"pc-01", "受付PC"}});
  const LedgerDiff diff = diff_device_ledger(current, file);
  ASSERT_EQ(diff.devices.size(), 1u);
  EXPECT_EQ(diff.devices[0].kind, DeviceChangeKind::Unchanged);
  EXPECT_TRUE(diff.absent.empty());
}

TEST(DeviceLedgerDiffTest, ReportsEachChangedFieldWithCellTexts) {
  std::vector<core::Device> current = {device(1, "A-1", "受付PC")};
  const DeviceLedgerImport file =
      read({{"管理番号", "機器名", "インターネット接続", "導入日", "状態"},
            {"A-1", "受付PC", "有", "令和6年4月1日", "廃棄"}});
  const LedgerDiff diff = diff_device_ledger(current, file);
  ASSERT_EQ(diff.devices[0].changes.size(), 3u);
  const auto& c = diff.devices[0].changes;
  EXPECT_EQ(c[0].field, DeviceField::InternetFacing);
  EXPECT_EQ(c[0].before, "無");
  EXPECT_EQ(c[0].after, "有");
  EXPECT_EQ(c[1].field, DeviceField::Introduced);
  EXPECT_EQ(c[1].before, "");
  EXPECT_EQ(c[1].after, "2024/04/01");
  EXPECT_EQ(c[2].field, DeviceField::Status);
  EXPECT_EQ(c[2].before, "稼働中");
  EXPECT_EQ(c[2].after, "廃棄");
  EXPECT_EQ(apply_device_ledger_diff(current, std::vector(file.devices), diff)[0].status,
            core::DeviceStatus::Retired);
}

}  // namespace
}  // namespace medbcp::io
