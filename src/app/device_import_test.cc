#include "app/device_import.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/plan_service.h"
#include "io/csv_writer.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

std::string csv(const std::vector<std::vector<std::string>>& rows) {
  io::CsvWriter writer;
  for (const auto& row : rows) {
    for (const auto& value : row) writer.field(value);
    writer.end_record();
  }
  return writer.take();
}

class DeviceImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-device-import-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    init_plan(*ws_, actor_, "テスト診療所", false);
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::vector<core::Device> devices() { return load_plan(*ws_).devices; }

  std::filesystem::path dir_;
  Actor actor_{core::UserId(), "テスト", Role::Admin};
  std::unique_ptr<Workspace> ws_;
};

const std::vector<std::vector<std::string>> kTwoDevices = {
    {"管理番号", "機器名", "種別", "導入日"},
    {"A-1", "受付PC", "端末", "2024/4/1"},
    {"A-2", "NAS", "サーバ", "令和5年4月1日"},
};

TEST_F(DeviceImportTest, ImportsAndGivesIdsToNewDevices) {
  const DeviceImportResult result = import_devices(*ws_, actor_, csv(kTwoDevices), false);
  ASSERT_TRUE(result.problems.empty()) << result.problems.front().message;
  EXPECT_TRUE(result.applied);
  EXPECT_EQ(result.diff.count(core::DeviceChangeKind::Added), 2);
  const auto stored = devices();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].asset_number, "A-1");
  EXPECT_TRUE(stored[0].id.valid());
  EXPECT_EQ(stored[1].introduced, (core::Date{2023, 4, 1}));
}

TEST_F(DeviceImportTest, RowsWithoutANumberAreNewDevicesNumberedWhenSaved) {
  // A clinic's own sheet: the new router has no 管理番号 yet, and someone
  // typed M-0001 by hand on another row.
  const std::string file = csv({{"管理番号", "機器名", "種別"},
                                {"M-0001", "受付PC", "端末"},
                                {"", "新しいルータ", "ネットワーク機器"},
                                {"", "予備のNAS", "サーバ"}});
  const DeviceImportResult first = import_devices(*ws_, actor_, file, false);
  ASSERT_TRUE(first.problems.empty()) << first.problems.front().message;
  EXPECT_EQ(first.file.warnings.size(), 2u);
  const auto stored = devices();
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[1].asset_number, "M-0002");  // M-0001 is taken
  EXPECT_EQ(stored[2].asset_number, "M-0003");
  // Exported and imported again: every row is matched, nothing changes.
  const DeviceExport exported = export_devices(*ws_, actor_, DeviceExportFormat::CsvUtf8);
  const DeviceImportResult again = import_devices(*ws_, actor_, exported.bytes, true);
  ASSERT_TRUE(again.problems.empty());
  EXPECT_FALSE(again.diff.changes_anything());
  EXPECT_TRUE(again.file.warnings.empty());
}

TEST_F(DeviceImportTest, DryRunStoresNothing) {
  const DeviceImportResult result = import_devices(*ws_, actor_, csv(kTwoDevices), true);
  EXPECT_TRUE(result.problems.empty());
  EXPECT_FALSE(result.applied);
  EXPECT_EQ(result.diff.count(core::DeviceChangeKind::Added), 2);
  EXPECT_TRUE(devices().empty());
}

TEST_F(DeviceImportTest, AFileWithBadRowsChangesNothing) {
  ASSERT_TRUE(import_devices(*ws_, actor_, csv(kTwoDevices), false).applied);
  const DeviceImportResult result = import_devices(*ws_, actor_,
                                                   csv({{"管理番号", "機器名", "種別"},
                                                        {"A-1", "受付PC（更新）", "端末"},
                                                        {"A-3", "", "端末"},
                                                        {"A-4", "謎", "冷蔵庫"}}),
                                                   false);
  EXPECT_FALSE(result.applied);
  ASSERT_EQ(result.problems.size(), 2u);
  EXPECT_EQ(result.problems[0].row, 3);
  EXPECT_EQ(result.problems[0].field, "機器名");
  EXPECT_EQ(result.problems[1].row, 4);
  EXPECT_EQ(result.problems[1].field, "種別");
  const auto stored = devices();
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].name, "受付PC");
}

TEST_F(DeviceImportTest, LedgerRulesBrokenByTheMergeAreReportedAtTheFileRow) {
  ASSERT_TRUE(import_devices(*ws_, actor_, csv(kTwoDevices), false).applied);
  // The file has no 導入日 column, so A-1 keeps 2024/4/1 — and would end
  // support before it was introduced.
  const DeviceImportResult result = import_devices(
      *ws_, actor_, csv({{"管理番号", "機器名", "サポート終了日"}, {"A-1", "受付PC", "2020/1/1"}}),
      false);
  EXPECT_FALSE(result.applied);
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].row, 2);
  EXPECT_EQ(result.problems[0].field, "サポート終了日");
  EXPECT_FALSE(devices()[0].support_end.has_value());
}

TEST_F(DeviceImportTest, ExportThenImportChangesNothingInEveryFormat) {
  ASSERT_TRUE(import_devices(*ws_, actor_, csv(kTwoDevices), false).applied);
  const auto before = devices();
  for (DeviceExportFormat format :
       {DeviceExportFormat::CsvUtf8, DeviceExportFormat::CsvCp932, DeviceExportFormat::Xlsx}) {
    const DeviceExport exported = export_devices(*ws_, actor_, format);
    ASSERT_TRUE(exported.problems.empty());
    const DeviceImportResult result = import_devices(*ws_, actor_, exported.bytes, false);
    ASSERT_TRUE(result.problems.empty());
    EXPECT_FALSE(result.diff.changes_anything());
    EXPECT_EQ(result.diff.count(core::DeviceChangeKind::Unchanged), 2);
  }
  const auto after = devices();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].name, before[i].name);
    EXPECT_EQ(after[i].introduced, before[i].introduced);
  }
}

TEST_F(DeviceImportTest, ViewersMayPreviewButNotImport) {
  const Actor viewer{core::UserId(7), "閲覧者", Role::Viewer};
  EXPECT_NO_THROW(import_devices(*ws_, viewer, csv(kTwoDevices), true));
  EXPECT_THROW(import_devices(*ws_, viewer, csv(kTwoDevices), false), PermissionDenied);
  EXPECT_TRUE(devices().empty());
}

}  // namespace
}  // namespace medbcp::app
