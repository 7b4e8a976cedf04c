// Drives the built medbcp binary the way a clinic would: init, check,
// export, import — and checks exit codes, messages and what is stored.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/plan.h"
#include "io/plan_json.h"
#include "io/plan_json_reader.h"

namespace {

namespace core = medbcp::core;
namespace io = medbcp::io;

struct Result {
  int exit_code;
  std::string output;  // stdout and stderr
};

class CliPlan : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Result run(const std::string& args) {
    std::string cmd = std::string(MEDBCP_BINARY) + " --db '" + db() + "' " + args + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }
  std::string db() const { return (dir_ / "plan.db").string(); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string read(const std::string& name) const {
    std::ifstream in(path(name), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path(name), std::ios::binary) << bytes;
  }
  std::filesystem::path dir_;
};

// Fills every field the template leaves open, the way a clinic finishing its
// plan would.
core::Plan filled(core::Plan plan) {
  using namespace medbcp::core;
  plan.facility.address = "静岡県静岡市葵区追手町1-1";
  plan.facility.phone = "054-000-0000";
  plan.facility.document_department = "事務部門";
  plan.facility.effective_date = Date{2024, 4, 1};
  plan.officer.name = "山田 太郎";
  plan.officer.phone_day = "054-000-0001";
  plan.officer.phone_night = "090-0000-0001";
  ExternalContact vendor;
  vendor.id = ExternalContactId(1);
  vendor.category = ExternalCategory::SystemVendor;
  vendor.organization = "静岡メディカルシステム株式会社";
  vendor.phone = "0120-000-000";
  ExternalContact police;
  police.id = ExternalContactId(2);
  police.category = ExternalCategory::Police;
  police.organization = "静岡県警察 サイバー犯罪対策課";
  police.phone = "054-000-0110";
  plan.external_contacts = {vendor, police};
  InternalContact manager;
  manager.id = InternalContactId(1);
  manager.name = "鈴木 花子";
  manager.role = "事務長";
  manager.phone_day = "054-000-0002";
  plan.internal_contacts = {manager};
  Device server;
  server.id = DeviceId(1);
  server.asset_number = "SV-001";
  server.name = "電子カルテサーバ";
  server.kind = DeviceKind::Server;
  server.location = "サーバ室";
  server.vendor = vendor.organization;
  plan.devices = {server};
  // The template's ⑥〇〇〇〇 becomes the clinic's own system.
  for (auto& s : plan.systems) {
    if (s.name.find("〇") != std::string::npos) s.name = "予約システム";
    s.vendor = vendor.id;
  }
  for (auto& f : plan.fallbacks) {
    if (f.business.find("〇") != std::string::npos) {
      f.business = "予約受付";
      f.fallback = "紙の予約台帳";
      f.system_label.clear();
      f.system = plan.systems.back().id;
    }
  }
  plan.backups.erase(
      std::remove_if(plan.backups.begin(), plan.backups.end(),
                     [](const BackupPlan& b) { return b.method.find("○") != std::string::npos; }),
      plan.backups.end());
  // Every system needs a backup row and a fallback row.
  std::int64_t next_backup = 100, next_fallback = 100;
  for (const auto& s : plan.systems) {
    bool has_backup = false, has_fallback = false;
    for (const auto& b : plan.backups) has_backup |= b.system == s.id;
    for (const auto& f : plan.fallbacks) has_fallback |= f.system == s.id;
    if (!has_backup) {
      BackupPlan b;
      b.id = BackupPlanId(next_backup++);
      b.system = s.id;
      b.frequency_days = 1;
      b.method = "外付けHDDに日次で複製する";
      b.restore_method = "事業者がHDDから復元する";
      b.offline = true;
      plan.backups.push_back(b);
    }
    if (!has_fallback) {
      FallbackOperation f;
      f.id = FallbackId(next_fallback++);
      f.system = s.id;
      f.business = s.name + "の業務";
      f.fallback = "紙運用";
      plan.fallbacks.push_back(f);
    }
  }
  return plan;
}

TEST_F(CliPlan, InitThenCheckListsEveryTemplatePlaceholderAndExitsOne) {
  Result init = run("init --facility さくら内科クリニック");
  ASSERT_EQ(init.exit_code, 0) << init.output;
  Result check = run("check");
  EXPECT_EQ(check.exit_code, 1) << check.output;
  // The template's open placeholders, each reported.
  for (const char* expected : {"文書", "責任者", "⑥", "施行日", "代替運用", "バックアップ"}) {
    EXPECT_NE(check.output.find(expected), std::string::npos) << expected << "\n" << check.output;
  }
  // And the BCP確認表 items such a plan does not cover yet.
  EXPECT_NE(check.output.find("[BCP確認表] 1-1-1"), std::string::npos) << check.output;
}

TEST_F(CliPlan, CheckExitsZeroOnceEverythingIsFilled) {
  ASSERT_EQ(run("init --facility さくら内科クリニック").exit_code, 0);
  ASSERT_EQ(run("export --out " + path("plan.json")).exit_code, 0);
  auto parsed = io::plan_from_json(read("plan.json"));
  ASSERT_TRUE(parsed.plan);
  write("filled.json", io::plan_to_json(filled(*parsed.plan)));
  Result imported = run("import " + path("filled.json"));
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  Result check = run("check");
  EXPECT_EQ(check.exit_code, 0) << check.output;
}

TEST_F(CliPlan, InitRefusesToOverwriteWithoutForce) {
  ASSERT_EQ(run("init --facility A医院").exit_code, 0);
  Result again = run("init --facility B医院");
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.output.find("--force"), std::string::npos);
  ASSERT_EQ(run("export --out " + path("a.json")).exit_code, 0);
  EXPECT_NE(read("a.json").find("A医院"), std::string::npos);
  ASSERT_EQ(run("init --force --facility B医院").exit_code, 0);
  ASSERT_EQ(run("export --out " + path("b.json")).exit_code, 0);
  EXPECT_NE(read("b.json").find("B医院"), std::string::npos);
}

TEST_F(CliPlan, ExportImportExportIsByteIdentical) {
  ASSERT_EQ(run("init --demo").exit_code, 0);
  ASSERT_EQ(run("export --format json --out " + path("one.json")).exit_code, 0);
  ASSERT_EQ(run("import " + path("one.json")).exit_code, 0);
  ASSERT_EQ(run("export --out " + path("two.json")).exit_code, 0);
  EXPECT_FALSE(read("one.json").empty());
  EXPECT_EQ(read("one.json"), read("two.json"));
}

TEST_F(CliPlan, InvalidImportChangesNothingAndNamesThePath) {
  ASSERT_EQ(run("init --demo").exit_code, 0);
  ASSERT_EQ(run("export --out " + path("before.json")).exit_code, 0);
  std::string bad = read("before.json");
  // A valid change early in the file and an invalid one late: neither may land.
  bad.replace(bad.find("\"edition\": "), 12, "\"edition\": 7");
  auto pos = bad.rfind("\"status\": \"");
  bad.replace(pos, 11, "\"status\": \"melted_");
  write("bad.json", bad);
  Result imported = run("import " + path("bad.json"));
  EXPECT_EQ(imported.exit_code, 1);
  EXPECT_NE(imported.output.find("devices["), std::string::npos) << imported.output;
  EXPECT_NE(imported.output.find("status"), std::string::npos);
  ASSERT_EQ(run("export --out " + path("after.json")).exit_code, 0);
  EXPECT_EQ(read("before.json"), read("after.json"));
}

TEST_F(CliPlan, DatabasePathComesFromFlagThenEnvironment) {
  std::string env_db = path("env.db");
  std::string cmd =
      "MEDBCP_DB='" + env_db + "' " + MEDBCP_BINARY + " init --facility 環境医院 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(std::filesystem::exists(env_db));
  EXPECT_FALSE(std::filesystem::exists(db()));
}

TEST_F(CliPlan, CommandsWithoutAPlanSayHowToCreateOne) {
  Result check = run("check");
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.output.find("medbcp init"), std::string::npos);
}

}  // namespace
