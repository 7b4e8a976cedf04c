// Drives `medbcp drill …` as a clinic rehearses: a live drill run with the
// incident commands on its number, and a tabletop drill done on paper and
// typed in afterwards; the mistakes people make get Japanese messages and
// the documented exit codes, and nothing half-written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_test_fixture.h"

namespace {

using Result = medbcp::testing::CliResult;
class DrillCli : public medbcp::testing::CliTest {};

TEST_F(DrillCli, ALiveDrillRunsOnTheIncidentCommandsAndEndsWithTasks) {
  Result scenarios = run("drill scenarios");
  ASSERT_EQ(scenarios.exit_code, 0) << scenarios.output;
  EXPECT_NE(scenarios.output.find("ransomware-monday"), std::string::npos);
  Result start =
      run("drill start --scenario ransomware-monday --participant '中村 さくら:発見者（受付）' "
          "--participant '桜井 健一:責任者' --json");
  ASSERT_EQ(start.exit_code, 0) << start.output;
  const auto started = nlohmann::json::parse(start.output);
  const std::string id = std::to_string(started["id"].get<int>());
  EXPECT_TRUE(started["drill"].get<bool>());

  EXPECT_EQ(run("incident step " + id + " isolate --note 抜線").exit_code, 0);
  Result contact = run("incident contact " + id + " --to 1 --not-reached --channel 電話");
  EXPECT_EQ(contact.exit_code, 0) << contact.output;
  Result inject = run("drill inject " + id);
  EXPECT_EQ(inject.exit_code, 0) << inject.output;
  EXPECT_NE(inject.output.find("【訓練】付与情報（10分後）"), std::string::npos) << inject.output;

  // Not a real incident: the incident list stays empty.
  EXPECT_NE(run("incident list").output.find("記録はありません"), std::string::npos);
  Result incident_show = run("incident show " + id);
  EXPECT_NE(incident_show.output.find("【訓練】この記録は訓練です"), std::string::npos);
  EXPECT_NE(incident_show.output.find("（訓練: 実際の期限ではありません）"), std::string::npos)
      << incident_show.output;
  Result show = run("drill show " + id);
  EXPECT_NE(show.output.find("連絡がつかなかった"), std::string::npos) << show.output;

  Result end = run("drill end " + id +
                   " --finding '夜間の番号を別紙１に|山田 花子|2027-01-31|internal_contacts' "
                   "--check-contact 1");
  ASSERT_EQ(end.exit_code, 0) << end.output;
  EXPECT_NE(end.output.find("課題: 夜間の番号を別紙１に"), std::string::npos) << end.output;
  EXPECT_NE(end.output.find("課題: 連絡先を確認する"), std::string::npos) << end.output;
  Result twice = run("drill end " + id);
  EXPECT_EQ(twice.exit_code, 1) << twice.output;
  EXPECT_NE(twice.output.find("すでに終了"), std::string::npos) << twice.output;

  Result report = run("drill report " + id + " --format pdf --out " + path("r.pdf"));
  ASSERT_EQ(report.exit_code, 0) << report.output;
  std::ifstream pdf(path("r.pdf"), std::ios::binary);
  std::string head(5, '\0');
  pdf.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  Result tasks = run("incident tasks");
  EXPECT_NE(tasks.output.find("夜間の番号を別紙１に"), std::string::npos) << tasks.output;
  Result list = run("drill list --json");
  EXPECT_EQ(nlohmann::json::parse(list.output)[0]["status"], "closed");
}

TEST_F(DrillCli, ATabletopDrillIsTypedInAfterwardsFromTheObserversSheet) {
  ASSERT_EQ(run("drill print --scenario warning-sign --out " + path("kit.pdf")).exit_code, 0);
  EXPECT_TRUE(std::filesystem::file_size(path("kit.pdf")) > 1000);
  Result start =
      run("drill start --scenario warning-sign --tabletop --at '2026-11-02 14:00' "
          "--participant '佐藤 美咲:発見者（看護師）' --json");
  ASSERT_EQ(start.exit_code, 0) << start.output;
  const std::string id = std::to_string(nlohmann::json::parse(start.output)["id"].get<int>());
  {
    std::ofstream sheet(path("sheet.txt"));
    sheet << "14:05 看護師長から院長へ報告\n14:20 業者へ問い合わせ、折り返し待ち\n";
  }
  Result log = run("incident log " + id + " --lines " + path("sheet.txt"));
  ASSERT_EQ(log.exit_code, 0) << log.output;
  EXPECT_NE(log.output.find("2 件を記録しました"), std::string::npos) << log.output;
  Result end = run("drill end " + id + " --at '2026-11-02 14:45' --summary 共用パスワードを廃止");
  ASSERT_EQ(end.exit_code, 0) << end.output;
  EXPECT_NE(end.output.find("所要 45分"), std::string::npos) << end.output;
  Result training = run("drill training --json");
  const auto record = nlohmann::json::parse(training.output);
  bool sato_trained = false;
  for (const auto& person : record) {
    if (person["name"] == "佐藤 美咲") sato_trained = person["drills"].size() == 1;
  }
  EXPECT_TRUE(sato_trained) << training.output;
}

TEST_F(DrillCli, MistakesAreClearMessagesAndWriteNothing) {
  Result unknown = run("drill start --scenario no-such");
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_NE(unknown.output.find("訓練シナリオ「no-such」はありません"), std::string::npos)
      << unknown.output;
  EXPECT_NE(run("drill list").output.find("訓練の記録はありません"), std::string::npos);

  {
    std::ofstream broken(path("broken.txt"));
    broken << "code | broken\ntitle | 壊れた\nthreat | malware\nbriefing | b\nsituation | s\n"
              "role | r | t\ninject | 1o | 時刻が読めない\n";
  }
  Result listed = run("drill scenarios --scenarios " + dir_.string());
  EXPECT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_NE(listed.output.find("broken.txt 7行目"), std::string::npos) << listed.output;
  EXPECT_EQ(listed.output.find("broken  "), std::string::npos) << listed.output;

  ASSERT_EQ(run("incident start --threat malware --discoverer 中村 --how-found 始業時 "
                "--situation 脅迫文 --actions 抜線 --no-leak")
                .exit_code,
            0);
  Result busy = run("drill start --scenario warning-sign");
  EXPECT_EQ(busy.exit_code, 2) << busy.output;
  EXPECT_NE(busy.output.find("実際の対応が先"), std::string::npos) << busy.output;
  EXPECT_NE(run("drill list").output.find("訓練の記録はありません"), std::string::npos);
  Result not_a_drill = run("drill inject 1");
  EXPECT_EQ(not_a_drill.exit_code, 2) << not_a_drill.output;
}

}  // namespace
