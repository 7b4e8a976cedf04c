// Drives the built medbcp binary through the 平時 commands the way a clinic
// and its cron jobs would: a backup job recording runs, `status` for
// monitoring (exit 0 on the due day, 1 the day after), a whole stock-take
// round from the command line, and the confirm commands.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

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

class CliUpkeep : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-cli-upkeep-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Result run(const std::string& args) {
    std::string cmd = "MEDBCP_USER=事務長 " + std::string(MEDBCP_BINARY) + " --db '" +
                      (dir_ / "plan.db").string() + "' " + args + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string read(const std::string& name) const {
    std::ifstream in(path(name), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  core::Plan exported_plan() {
    EXPECT_EQ(run("export --out " + path("out.json")).exit_code, 0);
    auto parsed = io::plan_from_json(read("out.json"));
    EXPECT_TRUE(parsed.plan);
    return *parsed.plan;
  }
  void import_plan(const core::Plan& plan) {
    std::ofstream(path("in.json"), std::ios::binary) << io::plan_to_json(plan);
    Result imported = run("import " + path("in.json"));
    ASSERT_EQ(imported.exit_code, 0) << imported.output;
  }

  std::filesystem::path dir_;
};

// A plan where nothing is due in March 2025 unless a backup is missed: one
// weekly backup kept offline, a verified vendor, a reviewed plan, no devices.
core::Plan quiet_plan(core::Plan plan) {
  using namespace medbcp::core;
  plan.facility.last_reviewed = Date{2025, 1, 1};
  ExternalContact vendor;
  vendor.id = ExternalContactId(1);
  vendor.category = ExternalCategory::SystemVendor;
  vendor.organization = "静岡メディカルシステム株式会社";
  vendor.last_verified = Date{2025, 1, 1};
  plan.external_contacts = {vendor};
  plan.devices.clear();
  BackupPlan weekly;
  weekly.id = BackupPlanId(1);
  weekly.system = plan.systems.front().id;
  weekly.frequency_days = 7;
  weekly.method = "外付けHDDへ複製し取り外して保管";
  weekly.offline = true;
  plan.backups = {weekly};
  return plan;
}

TEST_F(CliUpkeep, StatusExitsZeroOnTheDueDayAndOneTheDayAfter) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  import_plan(quiet_plan(exported_plan()));
  Result recorded = run("backup record --plan 1 --result ok --at 2025-03-01T12:00:00+09:00");
  ASSERT_EQ(recorded.exit_code, 0) << recorded.output;
  ASSERT_EQ(run("backup restore-test --plan 1 --result ok --minutes 40 --at 2025-03-01").exit_code,
            0);
  // The kits carry the plan as it is.
  ASSERT_EQ(run("kit --out " + (dir_ / "usb").string()).exit_code, 0);
  ASSERT_EQ(run("kit --paper --out " + (dir_ / "paper.pdf").string()).exit_code, 0);
  ASSERT_EQ(run("kit --printed").exit_code, 0);
  // A tabletop drill, typed in afterwards.
  ASSERT_EQ(run("drill start --scenario warning-sign --tabletop --at '2025-03-01 10:00'").exit_code,
            0);
  ASSERT_EQ(run("drill end 1 --at '2025-03-01 10:40'").exit_code, 0);

  Result on_due = run("status --today 2025-03-08");
  EXPECT_EQ(on_due.exit_code, 0) << on_due.output;
  EXPECT_NE(on_due.output.find("要対応 0 件"), std::string::npos) << on_due.output;

  Result after = run("status --today 2025-03-09");
  EXPECT_EQ(after.exit_code, 1) << after.output;
  EXPECT_NE(after.output.find("[要対応][バックアップ]"), std::string::npos) << after.output;
  EXPECT_NE(after.output.find("1日超過"), std::string::npos) << after.output;

  // The next good run clears it.
  ASSERT_EQ(run("backup record --plan 1 --result ok --at '2025-03-09 02:00'").exit_code, 0);
  EXPECT_EQ(run("status --today 2025-03-09").exit_code, 0);
}

// What medbcp-backup.timer runs: a backup into a folder, rotated; `status`
// asks for a copy off the machine until one is recorded.
TEST_F(CliUpkeep, TheDailyBackupIntoAFolderIsRotatedAndAskedToBeCopiedOff) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  const std::string folder = (dir_ / "backups").string();
  std::filesystem::create_directories(folder);
  for (const char* old : {"medbcp-20200101-030000.db", "medbcp-20200102-030000.db"}) {
    std::ofstream(std::filesystem::path(folder) / old) << "old";
  }
  const Result first = run("db backup --dir " + folder + " --keep-daily 1 --keep-weekly 0");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("古いバックアップを削除しました: medbcp-20200101-030000.db"),
            std::string::npos)
      << first.output;
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(folder)) {
    EXPECT_TRUE(e.path().filename().string().starts_with("medbcp-20")) << e.path();
    EXPECT_NE(e.path().filename().string(), "medbcp-20200102-030000.db");
    ++files;
  }
  EXPECT_EQ(files, 1);

  const Result asked = run("status");
  EXPECT_NE(asked.output.find("[要対応][medbcp のバックアップの複製]"), std::string::npos)
      << asked.output;
  EXPECT_EQ(run("db backup --out x.db --dir " + folder).exit_code, 2);  // one or the other
  EXPECT_EQ(run("db backup copied --to ' '").exit_code, 1);
  const Result copied = run("db backup copied --to 'USBディスク（金庫）'");
  ASSERT_EQ(copied.exit_code, 0) << copied.output;
  EXPECT_NE(copied.output.find("1 件"), std::string::npos) << copied.output;
  EXPECT_EQ(run("status").output.find("medbcp のバックアップの複製"), std::string::npos);
  const Result audit = run("audit --action db_backup_copied");
  EXPECT_NE(audit.output.find("USBディスク（金庫）"), std::string::npos) << audit.output;
}

// API tokens from the command line: printed once, listed without the
// secret, revoked; the account it acts as must be clear.
TEST_F(CliUpkeep, ATokenIsMadeListedAndRevoked) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  EXPECT_EQ(run("token add 夜間バックアップ --scope write").exit_code, 2);  // no account yet
  const std::string pw = (dir_ / "pw.txt").string();
  std::ofstream(pw) << "correct-horse-ume\n";
  ASSERT_EQ(run("user add --name 院長 --role admin --password-stdin < " + pw).exit_code, 0);
  const Result made = run("token add 夜間バックアップ --scope write --days 30");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  const std::size_t at = made.output.find("mbt_");
  ASSERT_NE(at, std::string::npos) << made.output;
  const std::string secret = made.output.substr(at, 4 + 64);
  EXPECT_NE(made.output.find("表示はこの一度だけ"), std::string::npos);
  EXPECT_EQ(run("token add x --scope admin").exit_code, 2);
  EXPECT_EQ(run("token add x --days 400").exit_code, 2);
  EXPECT_EQ(run("token add x --user 誰か").exit_code, 2);

  const Result list = run("token list --json");
  ASSERT_EQ(list.exit_code, 0);
  const auto tokens = nlohmann::json::parse(list.output);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0]["name"], "夜間バックアップ");
  EXPECT_EQ(tokens[0]["user"], "院長");
  EXPECT_EQ(tokens[0]["scope"], "write");
  EXPECT_EQ(tokens[0]["usable"], true);
  EXPECT_EQ(list.output.find(secret), std::string::npos);

  EXPECT_EQ(run("token revoke 1").exit_code, 0);
  EXPECT_EQ(run("token revoke 1").exit_code, 1);  // already revoked: said, nothing changed
  EXPECT_EQ(nlohmann::json::parse(run("token list --json").output)[0]["usable"], false);
}

TEST_F(CliUpkeep, StatusWarnsWhenThePlanChangedAfterTheKitsWereMade) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  Result none = run("status");
  EXPECT_NE(none.output.find("[要対応][キット]"), std::string::npos) << none.output;
  ASSERT_EQ(run("kit --out " + path("usb")).exit_code, 0);
  ASSERT_EQ(run("kit --paper --out " + path("paper.pdf")).exit_code, 0);
  ASSERT_EQ(run("kit --printed").exit_code, 0);
  Result fresh = run("status");
  EXPECT_EQ(fresh.output.find("[要対応][キット]"), std::string::npos) << fresh.output;
  EXPECT_NE(fresh.output.find("印刷"), std::string::npos) << fresh.output;  // when last printed
  // The plan changes: the stick and the binder are out of date.
  core::Plan plan = exported_plan();
  plan.facility.name = "テスト医院（本院）";
  import_plan(plan);
  Result stale = run("status");
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_NE(stale.output.find("[要対応][キット]"), std::string::npos) << stale.output;
}

TEST_F(CliUpkeep, AFailedRunIsFlaggedAndBadInputIsRefused) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  import_plan(quiet_plan(exported_plan()));
  ASSERT_EQ(run("backup record --plan 1 --result ok --at 2025-03-01T01:00").exit_code, 0);
  ASSERT_EQ(run("backup restore-test --plan 1 --result ok --minutes 40 --at 2025-03-01").exit_code,
            0);
  ASSERT_EQ(run("backup record --plan 1 --result fail --at 2025-03-02T01:00 --note 'ディスク満杯'")
                .exit_code,
            0);
  Result status = run("status --today 2025-03-02");
  EXPECT_EQ(status.exit_code, 1);
  EXPECT_NE(status.output.find("失敗"), std::string::npos) << status.output;

  Result unknown = run("backup record --plan 42 --result ok");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("ID 42"), std::string::npos) << unknown.output;
  EXPECT_EQ(run("backup record --plan 1 --result maybe").exit_code, 2);
  EXPECT_EQ(run("backup record --plan 1 --result ok --at yesterday").exit_code, 2);
  Result negative = run("backup restore-test --plan 1 --result ok --minutes -5");
  EXPECT_EQ(negative.exit_code, 1) << negative.output;

  Result list = run("backup list");
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.output.find("ID 1"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("直近の実行は失敗"), std::string::npos) << list.output;
}

TEST_F(CliUpkeep, AWholeStocktakeRoundFromTheCommandLine) {
  ASSERT_EQ(run("init --demo").exit_code, 0);
  Result started = run("stocktake start --title '令和7年度 定期棚卸し'");
  ASSERT_EQ(started.exit_code, 0) << started.output;
  EXPECT_EQ(run("stocktake start").exit_code, 1);  // one round at a time

  Result sheet = run("stocktake sheet --out " + path("sheet.pdf"));
  ASSERT_EQ(sheet.exit_code, 0) << sheet.output;
  EXPECT_EQ(read("sheet.pdf").rfind("%PDF", 0), 0u);
  ASSERT_EQ(run("stocktake sheet --format html --out " + path("sheet.html")).exit_code, 0);
  EXPECT_NE(read("sheet.html").find("PC-001"), std::string::npos);

  ASSERT_EQ(run("stocktake record --device PC-001 --result moved --location 診察室3").exit_code, 0);
  ASSERT_EQ(run("stocktake record --device SV-001 --result 確認済").exit_code, 0);
  ASSERT_EQ(run("stocktake record --device PC-002 --result status --status 故障").exit_code, 0);
  ASSERT_EQ(run("stocktake record --result unlisted --name 持ち込み無線ルータ --kind "
                "ネットワーク機器 --location 待合室")
                .exit_code,
            0);
  Result unknown = run("stocktake record --device XX-999 --result confirmed");
  EXPECT_EQ(unknown.exit_code, 2);
  Result missing_place = run("stocktake record --device PC-003 --result moved");
  EXPECT_EQ(missing_place.exit_code, 1);
  EXPECT_NE(missing_place.output.find("設置場所"), std::string::npos) << missing_place.output;

  Result preview = run("stocktake report");
  EXPECT_EQ(preview.exit_code, 0);
  EXPECT_NE(preview.output.find("実施中"), std::string::npos) << preview.output;
  EXPECT_NE(preview.output.find("受付 → 診察室3"), std::string::npos) << preview.output;

  Result refused = run("stocktake close");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("未確認"), std::string::npos) << refused.output;
  EXPECT_EQ(exported_plan().devices.size(), 24u);  // nothing changed yet

  Result closed = run("stocktake close --allow-unchecked");
  ASSERT_EQ(closed.exit_code, 0) << closed.output;
  Result report = run("stocktake report");
  EXPECT_NE(report.output.find("台帳への反映（事務長）"), std::string::npos) << report.output;
  ASSERT_EQ(run("stocktake report --format pdf --out " + path("report.pdf")).exit_code, 0);
  EXPECT_EQ(read("report.pdf").rfind("%PDF", 0), 0u);

  core::Plan plan = exported_plan();
  ASSERT_EQ(plan.devices.size(), 25u);
  for (const auto& d : plan.devices) {
    if (d.asset_number == "PC-001") {
      EXPECT_EQ(d.location, "診察室3");
    }
    if (d.asset_number == "PC-002") {
      EXPECT_EQ(d.status, core::DeviceStatus::Broken);
    }
  }
  EXPECT_EQ(plan.devices.back().name, "持ち込み無線ルータ");
  EXPECT_EQ(plan.devices.back().kind, core::DeviceKind::Network);

  Result list = run("stocktake list");
  EXPECT_NE(list.output.find("令和7年度 定期棚卸し"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("終了"), std::string::npos);
}

TEST_F(CliUpkeep, TheStocktakeCycleIsShownAndChanged) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  EXPECT_NE(run("stocktake cycle").output.find("365 日"), std::string::npos);
  ASSERT_EQ(run("stocktake cycle 180").exit_code, 0);
  EXPECT_NE(run("stocktake cycle").output.find("180 日"), std::string::npos);
  EXPECT_EQ(run("stocktake cycle -5").exit_code, 1);
}

TEST_F(CliUpkeep, ConfirmingAContactAndThePlanClearsTheirReminders) {
  ASSERT_EQ(run("init --facility テスト医院").exit_code, 0);
  core::Plan plan = quiet_plan(exported_plan());
  plan.external_contacts[0].last_verified.reset();
  plan.facility.last_reviewed.reset();
  import_plan(plan);
  Result before = run("status");
  EXPECT_NE(before.output.find("[連絡先の確認]"), std::string::npos) << before.output;
  EXPECT_NE(before.output.find("[計画の見直し]"), std::string::npos) << before.output;

  ASSERT_EQ(run("confirm contact 1 --note 電話で確認").exit_code, 0);
  ASSERT_EQ(run("confirm plan --note 年次見直し").exit_code, 0);
  Result after = run("status");
  EXPECT_EQ(after.output.find("[連絡先の確認]"), std::string::npos) << after.output;
  EXPECT_EQ(after.output.find("[計画の見直し]"), std::string::npos) << after.output;
  EXPECT_TRUE(exported_plan().external_contacts[0].last_verified);
  EXPECT_EQ(run("confirm contact 99").exit_code, 1);
  EXPECT_EQ(run("confirm plan --on 2999-01-01").exit_code, 1);
}

// MHLW's checklist from the command line: proposals from the records, an
// answer (いいえ needs its target date), the JSON the README documents, the
// printed sheet, and a status that names an いいえ past its target date.
TEST_F(CliUpkeep, TheChecklistIsShownAnsweredPrintedAndRemindedOf) {
  ASSERT_EQ(run("init --demo").exit_code, 0);
  const Result refused = run("checklist --today 2026-12-06 answer 2-4 --no");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.output.find("目標日が必要"), std::string::npos) << refused.output;
  EXPECT_EQ(run("checklist --today 2026-12-06 answer 2-4 --yes --no").exit_code, 2);
  EXPECT_EQ(run("checklist --today 2026-12-06 answer 9-9 --yes").exit_code, 1);
  const Result answered =
      run("checklist --today 2026-12-06 answer 2-4 --no --target 2027-01-31 --note 業者に依頼済み");
  ASSERT_EQ(answered.exit_code, 0) << answered.output;

  const Result json = run("checklist --today 2026-12-06 show --json");
  ASSERT_EQ(json.exit_code, 0) << json.output;
  const auto j = nlohmann::json::parse(json.output);
  EXPECT_EQ(j["edition"], "令和7年度版");
  EXPECT_EQ(j["fiscal_year"], 2026);
  bool seen_manual = false;
  bool seen_auto = false;
  for (const auto& item : j["items"]) {
    if (item["id"] == "2-4") {
      seen_manual = item["answer"] == "no" && item["source"] == "manual" &&
                    item["target"] == "2027-01-31" && item["checked_on"] == "2026-12-06";
    }
    if (item["id"] == "1-1") seen_auto = item["answer"] == "yes" && item["source"] == "auto";
  }
  EXPECT_TRUE(seen_manual) << json.output;
  EXPECT_TRUE(seen_auto) << json.output;

  ASSERT_EQ(
      run("checklist --today 2026-12-06 render --format pdf --out " + path("c.pdf")).exit_code, 0);
  FILE* p = ::popen(("pdftotext -layout '" + path("c.pdf") + "' - 2>/dev/null").c_str(), "r");
  std::string text;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  ::pclose(p);
  for (const char* expected :
       {"医療機関確認用", "令和8年度", "2027-01-31", "業者に依頼済み", "BCP", "計画の記載箇所"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  ASSERT_EQ(
      run("checklist --today 2026-12-06 render --format xlsx --out " + path("c.xlsx")).exit_code,
      0);
  EXPECT_EQ(read("c.xlsx").substr(0, 2), "PK");

  // 事業者確認用: each vendor's sheet as XLSX to send back and as PDF to print.
  ASSERT_EQ(run("checklist --today 2026-12-06 vendor --out " + path("vendors")).exit_code, 0);
  EXPECT_EQ(read("vendors/事業者確認用-e1.xlsx").substr(0, 2), "PK");
  EXPECT_EQ(read("vendors/事業者確認用-e1.pdf").substr(0, 5), "%PDF-");

  const Result late = run("status --today 2027-02-01");
  EXPECT_NE(late.output.find("[要対応][チェックリスト] 2-4"), std::string::npos) << late.output;
}

}  // namespace
