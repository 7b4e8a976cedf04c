#include "cli/devices_command.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/plan_service.h"
#include "store/database_test_util.h"

namespace medbcp::cli {
namespace {

struct Outcome {
  int exit_code = 0;
  std::string out;
  std::string err;
};

class DevicesCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-devices-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    options_.db_flag = store::test_database_location(dir_ / "plan.db");
    auto ws = app::Workspace::open(options_.db_flag);
    app::init_plan(*ws, app::cli_actor(), "テスト診療所", false);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `medbcp devices ARGS…` in-process, capturing what it prints.
  Outcome run(std::vector<std::string> args) {
    CLI::App root{"medbcp"};
    add_devices_command(root, options_);
    args.insert(args.begin(), "devices");
    std::vector<const char*> argv = {"medbcp"};
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out;
    std::ostringstream err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    Outcome result;
    try {
      root.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const ExitCode& e) {
      result.exit_code = e.code;
    } catch (const CLI::ParseError& e) {
      result.exit_code = 2;
    }
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    result.out = out.str();
    result.err = err.str();
    return result;
  }

  std::string fixture(const std::string& name) const {
    return std::string(MEDBCP_SOURCE_DIR) + "/tests/fixtures/devices/" + name;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  size_t stored_devices() {
    auto ws = app::Workspace::open(options_.db_flag);
    return app::load_plan(*ws).devices.size();
  }

  std::filesystem::path dir_;
  GlobalOptions options_;
};

TEST_F(DevicesCommandTest, BadRowsArePrintedEachOnItsOwnLineAndNothingIsStored) {
  const Outcome result = run({"import", fixture("bad_rows.csv")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("台帳は変更されていません"), std::string::npos);
  for (const char* line :
       {"行 3・列 機器名: 機器名が空です", "行 4・列 種別: 種別「冷蔵庫」",
        "行 5・列 導入日: ", "行 6・列 管理番号: 管理番号「A-1」が 2 行目と重複しています",
        "行 7・列 インターネット接続: ", "行 8・列 状態: "}) {
    EXPECT_NE(result.err.find(line), std::string::npos) << line << "\n" << result.err;
  }
  EXPECT_NE(result.out.find("行 1・列 購入価格: "), std::string::npos) << result.out;
  EXPECT_EQ(stored_devices(), 0u);
}

TEST_F(DevicesCommandTest, DryRunShowsChangesWithoutStoring) {
  const Outcome result = run({"import", fixture("excel_cp932.csv"), "--dry-run"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("追加 4 件、更新 0 件、変更なし 0 件"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("+ 行 3 002「受付端末①」"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("--dry-run のため保存していません"), std::string::npos);
  EXPECT_EQ(stored_devices(), 0u);
}

TEST_F(DevicesCommandTest, ExportAndReimportInEachFormatChangesNothing) {
  ASSERT_EQ(run({"import", fixture("excel_cp932.csv")}).exit_code, 0);
  EXPECT_EQ(stored_devices(), 4u);
  const std::vector<std::vector<std::string>> exports = {
      {"--format", "csv", "--out", path("ledger-utf8.csv")},
      {"--format", "csv", "--encoding", "cp932", "--out", path("ledger-cp932.csv")},
      {"--format", "xlsx", "--out", path("ledger.xlsx")},
  };
  for (const auto& args : exports) {
    std::vector<std::string> command = {"export"};
    command.insert(command.end(), args.begin(), args.end());
    const Outcome exported = run(command);
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const Outcome reimported = run({"import", args.back()});
    EXPECT_EQ(reimported.exit_code, 0) << reimported.err;
    EXPECT_NE(reimported.out.find("追加 0 件、更新 0 件、変更なし 4 件"), std::string::npos)
        << reimported.out;
    EXPECT_NE(reimported.out.find("変更はありませんでした"), std::string::npos);
  }
  EXPECT_EQ(stored_devices(), 4u);
}

TEST_F(DevicesCommandTest, Cp932ExportRefusesCharactersItCannotHold) {
  ASSERT_EQ(run({"import", fixture("utf8_bom.csv")}).exit_code, 0);  // has 𠮷
  const Outcome result =
      this->run({"export", "--format", "csv", "--encoding", "cp932", "--out", path("ledger.csv")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("行 2・列 保守業者: 「𠮷」(U+20BB7)"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(path("ledger.csv")));
}

}  // namespace
}  // namespace medbcp::cli
