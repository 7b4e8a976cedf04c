// Drives `medbcp incident …` the way a clinic would on the day: start from
// the discovery report, record steps, contacts, decisions and evidence,
// verify, export, print the report, close — and an attacker editing the
// database file with a SQL client, which `verify` must catch and locate.
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/sha256.h"
#include "core/time.h"
#include "store/sqlite/sqlite_database.h"

namespace {

namespace core = medbcp::core;
namespace store = medbcp::store;

struct Result {
  int exit_code;
  std::string output;  // stdout and stderr
};

class IncidentCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-incident-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ASSERT_EQ(run("init --demo").exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Standard input is /dev/null: the commands must not prompt.
  Result run(const std::string& args) {
    std::string cmd = "MEDBCP_USER=事務長 " + std::string(MEDBCP_BINARY) + " --db '" + db() + "' " +
                      args + " </dev/null 2>&1";
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

  void start() {
    Result r =
        run("incident start --threat malware --discoverer '中村 さくら' --discovered-at "
            "'2024-06-03 08:40' "
            "--how-found '始業時に受付端末を起動' --situation '画面に脅迫文。ファイルが開けない' "
            "--actions 'LANケーブルを抜いた' --system 電子カルテシステム --device PC-001 --leak "
            "--aware-at '2024-06-03 08:50'");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    ASSERT_NE(r.output.find("インシデント No.1 を開始しました"), std::string::npos) << r.output;
  }

  std::filesystem::path dir_;
};

TEST_F(IncidentCli, StartShowsWhoToCallAndTheDoNotInitialiseReminder) {
  start();
  Result list = run("incident list");
  EXPECT_NE(list.output.find("画面に脅迫文"), std::string::npos) << list.output;
  Result show = run("incident show 1");
  ASSERT_EQ(show.exit_code, 0) << show.output;
  for (const char* expected : {"発生状況: 画面に脅迫文", "受付端末1", "初期化しない",
                               "[済] 初動対応（１） 発生事象の発見・報告",
                               "個人情報保護委員会への速報", "静岡県警察本部"}) {
    EXPECT_NE(show.output.find(expected), std::string::npos) << expected << "\n" << show.output;
  }
}

TEST_F(IncidentCli, MissingDiscoveryReportIsRefusedWithoutPrompting) {
  Result r = run("incident start --situation 変な画面");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("発見者"), std::string::npos) << r.output;
  EXPECT_NE(run("incident list").output.find("ありません"), std::string::npos);
}

TEST_F(IncidentCli, RansomwareDayThenVerifyExportReportAndClose) {
  start();
  EXPECT_EQ(
      run("incident step 1 isolate --note '受付端末1を切り離し' --at '2024-06-03 08:55'").exit_code,
      0);
  EXPECT_EQ(run("incident step 1 stop_network --na '他部門で類似事象なし'").exit_code, 0);
  Result contact = run("incident contact 1 --to 1 --reached --said '受付端末1に脅迫文' --by 山田");
  ASSERT_EQ(contact.exit_code, 0) << contact.output;
  EXPECT_NE(contact.output.find("富岳メディカルシステム"), std::string::npos);
  EXPECT_EQ(run("incident log 1 --kind action 'バックアップ用NASの電源を切らずにLANから外した'")
                .exit_code,
            0);
  Result decide =
      run("incident decide 1 --kind system --possible no --vendor 富岳メディカル --reason "
          "'サーバも暗号化'");
  ASSERT_EQ(decide.exit_code, 0) << decide.output;
  EXPECT_NE(decide.output.find("復旧方法"), std::string::npos)
      << decide.output;  // the plan's restore method
  EXPECT_EQ(run("incident decide 1 --kind care --care reduced --mode 予約患者のみ --reason "
                "紙カルテで対応")
                .exit_code,
            0);
  std::ofstream(path("note.txt")) << "YOUR FILES ARE ENCRYPTED";
  Result evidence =
      run("incident evidence 1 --item 脅迫文のファイル --device PC-001 --location 金庫 "
          "--holder '山田 花子' --file '" +
          path("note.txt") + "'");
  ASSERT_EQ(evidence.exit_code, 0) << evidence.output;
  EXPECT_NE(evidence.output.find(core::sha256_hex("YOUR FILES ARE ENCRYPTED")), std::string::npos);
  const auto at = evidence.output.find("証拠番号: ");
  ASSERT_NE(at, std::string::npos);
  const std::string evidence_id = evidence.output.substr(at + std::string("証拠番号: ").size(), 8);
  EXPECT_EQ(run("incident handover 1 " + evidence_id + " --to '県警 捜査員' --location 県警本部")
                .exit_code,
            0);

  Result verify = run("incident verify 1");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("改ざん・削除・並べ替え・挿入は見つかりませんでした"),
            std::string::npos);

  ASSERT_EQ(run("incident export 1 --format json --out '" + path("t.json") + "'").exit_code, 0);
  auto json = nlohmann::json::parse(read("t.json"));
  const auto entries = json["entries"];
  EXPECT_EQ(entries.size(), 9u);
  ASSERT_EQ(run("incident export 1 --format csv --out '" + path("t.csv") + "'").exit_code, 0);
  EXPECT_EQ(read("t.csv").substr(0, 3), "\xEF\xBB\xBF");

  Result report = run("incident report 1 --out '" + path("r.pdf") + "'");
  ASSERT_EQ(report.exit_code, 0) << report.output;
  EXPECT_EQ(read("r.pdf").substr(0, 5), "%PDF-");
  // The PDF's text holds every timeline entry and the final hash.
  Result text = {0, ""};
  {
    FILE* p = ::popen(("pdftotext -layout '" + path("r.pdf") + "' - 2>/dev/null").c_str(), "r");
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) text.output.append(buf, n);
    ::pclose(p);
  }
  auto squash = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c != ' ' && c != '\n' && c != '\r' && c != '\f') out.push_back(c);
    }
    return out;
  };
  const std::string pdf = squash(text.output);
  EXPECT_NE(pdf.find(squash(json["chain"]["head_hash"].get<std::string>()).substr(0, 32)),
            std::string::npos);
  for (const auto& e : entries) {
    // Table cells wrap lines anywhere; compare a stretch of the text.
    const std::string t = squash(e["text"].get<std::string>()).substr(0, 30);
    EXPECT_NE(pdf.find(t), std::string::npos) << t;
  }
  Result docx = run("incident report 1 --format docx --out '" + path("r.docx") + "'");
  ASSERT_EQ(docx.exit_code, 0) << docx.output;
  EXPECT_EQ(read("r.docx").substr(0, 2), "PK");

  const std::string close_args =
      "incident close 1 --lessons 'オフラインのバックアップが有効だった' "
      "--follow-up 'VPN装置の更新|鈴木 一郎|2024-07-01'";
  // Reports still due are listed, and the incident stays open until the
  // 責任者 says to close anyway.
  Result undone = run(close_args);
  EXPECT_EQ(undone.exit_code, 2) << undone.output;
  EXPECT_NE(undone.output.find("まだ終わっていないことがあります"), std::string::npos)
      << undone.output;
  EXPECT_NE(undone.output.find("個人情報保護委員会"), std::string::npos) << undone.output;
  EXPECT_EQ(run("incident log 1 まだ対応中").exit_code, 0);
  Result close = run(close_args + " --despite-open");
  ASSERT_EQ(close.exit_code, 0) << close.output;
  Result refused = run("incident log 1 追記");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("終了しています"), std::string::npos) << refused.output;
  EXPECT_NE(run("incident tasks").output.find("VPN装置の更新"), std::string::npos);
  EXPECT_EQ(run("incident reopen 1 --reason 別端末でも脅迫文").exit_code, 0);
  EXPECT_EQ(run("incident log 1 追記").exit_code, 0);
  EXPECT_EQ(run("incident verify 1").exit_code, 0);
}

TEST_F(IncidentCli, VerifyNamesTheEntryAnAttackerEdited) {
  start();
  for (int i = 0; i < 4; ++i)
    ASSERT_EQ(run("incident log 1 記録" + std::to_string(i)).exit_code, 0);
  std::string edited_id;
  {
    auto sql = store::open_sqlite_raw(db(), false);
    sql->execute_script(
        "DROP TRIGGER timeline_entries_no_update;"
        "UPDATE timeline_entries SET text = '書き換えた' WHERE seq = 3;");
    auto s = sql->prepare("SELECT entry_id FROM timeline_entries WHERE seq = 3");
    s->step();
    edited_id = s->text(0);
  }
  Result verify = run("incident verify 1");
  EXPECT_EQ(verify.exit_code, 1) << verify.output;
  EXPECT_NE(verify.output.find("No.3"), std::string::npos) << verify.output;
  EXPECT_NE(verify.output.find(edited_id), std::string::npos) << verify.output;
  EXPECT_NE(verify.output.find("書き換え"), std::string::npos) << verify.output;
  EXPECT_NE(run("incident show 1").output.find("改ざんの疑いあり"), std::string::npos);
}

TEST_F(IncidentCli, VerifyAgainstAPrintedHashCatchesARewrittenTail) {
  start();
  ASSERT_EQ(run("incident log 1 最初の記録").exit_code, 0);
  Result ok = run("incident verify 1");
  const auto at = ok.output.find("最終ハッシュ: ");
  ASSERT_NE(at, std::string::npos);
  const std::string printed = ok.output.substr(at + std::string("最終ハッシュ: ").size(), 64);
  ASSERT_EQ(run("incident log 1 次の記録").exit_code, 0);
  EXPECT_EQ(run("incident verify 1 --expect " + printed).exit_code, 0);
  {
    // Delete the last two entries and move the anchor back, as a careful attacker would.
    auto sql = store::open_sqlite_raw(db(), false);
    sql->execute_script(
        "DROP TRIGGER timeline_entries_no_delete;"
        "DELETE FROM timeline_entries WHERE seq >= 2;"
        "UPDATE incidents SET chain_length = 1, chain_head = "
        "(SELECT hash FROM timeline_entries WHERE seq = 1);");
  }
  EXPECT_EQ(run("incident verify 1").exit_code, 0);  // consistent in itself
  Result caught = run("incident verify 1 --expect " + printed);
  EXPECT_EQ(caught.exit_code, 1) << caught.output;
  EXPECT_NE(caught.output.find(printed.substr(0, 16)), std::string::npos) << caught.output;
}

// A time alone later than now used to become yesterday without a word
// (「08:15」 typed at 08:06). Now it is refused at once, naming the day it
// would mean; a full date is taken as typed and echoed back.
TEST_F(IncidentCli, ATimeAloneLaterThanNowIsRefusedAndEveryTimeIsEchoed) {
  start();
  const std::string now = core::Instant::now().tokyo_text();  // "2026-12-06 08:06"
  if (now.substr(11) < "23:50") {
    Result later = run("incident log 1 サーバー停止 --at 23:59");
    EXPECT_EQ(later.exit_code, 2) << later.output;
    EXPECT_NE(later.output.find("「23:59」は今（"), std::string::npos) << later.output;
    EXPECT_NE(later.output.find("前日"), std::string::npos) << later.output;
    EXPECT_EQ(run("incident show 1").output.find("サーバー停止"), std::string::npos);
  }
  Result dated = run("incident log 1 サーバー停止 --at '2024-06-03 09:12'");
  ASSERT_EQ(dated.exit_code, 0) << dated.output;
  EXPECT_NE(dated.output.find("記録しました（2024-06-03 09:12、"), std::string::npos)
      << dated.output;
  EXPECT_EQ(dated.output.find("seq"), std::string::npos) << dated.output;
}

TEST_F(IncidentCli, AStepBeforeTheDiscoveryIsRefused) {
  start();  // discovered 2024-06-03 08:40
  Result early = run("incident step 1 isolate --at '2024-06-01 00:00'");
  EXPECT_EQ(early.exit_code, 1) << early.output;
  EXPECT_NE(early.output.find("発見（2024-06-03 08:40）より前の日時です"), std::string::npos)
      << early.output;
  Result aware =
      run("incident start --threat malware --discoverer 佐藤 --discovered-at '2024-06-03 08:40' "
          "--how-found 電話 --situation 不審な通信 --actions なし --no-leak "
          "--aware-at '2024-06-02 08:50' --title 二件目 --separate");
  EXPECT_NE(aware.exit_code, 0) << aware.output;
  EXPECT_NE(aware.output.find("認知日時が発見日時"), std::string::npos) << aware.output;
}

TEST_F(IncidentCli, ASecondStartWhileOneIsOpenPointsToItUnlessSaidToBeSeparate) {
  start();
  const std::string second =
      "incident start --threat malware --discoverer 佐藤 --discovered-at '2024-06-03 09:10' "
      "--how-found 電話 --situation 同じ画面 --actions なし --no-leak";
  Result again = run(second);
  EXPECT_EQ(again.exit_code, 2) << again.output;
  EXPECT_NE(again.output.find("対応中のインシデントがあります"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("No.1"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("medbcp incident log 1"), std::string::npos) << again.output;
  EXPECT_NE(run("incident show 2").exit_code, 0);  // nothing was started

  Result separate = run(second + " --separate");
  EXPECT_EQ(separate.exit_code, 0) << separate.output;
  EXPECT_NE(separate.output.find("No.2"), std::string::npos) << separate.output;
}

TEST_F(IncidentCli, LinesCopiedFromThePaperSheetKeepTheTimesWrittenOnThem) {
  start();  // discovered 2024-06-03 08:40
  {
    std::ofstream sheet(path("sheet.txt"));
    sheet
        << "09:10 院長に電話、つながった\n０９：４５　業者が到着\n\n23:55 バックアップ媒体を確認\n"
           "00:30 復旧作業を開始\n時刻の書いていないメモ\n";
  }
  Result r = run("incident log 1 --lines " + path("sheet.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("5 件を記録しました"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2024-06-03 09:10 院長に電話、つながった"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("2024-06-03 09:45 業者が到着"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2024-06-04 00:30 復旧作業を開始"), std::string::npos) << r.output;
  const std::string shown = run("incident show 1").output;
  EXPECT_NE(shown.find("06-03 09:10"), std::string::npos) << shown;
  EXPECT_NE(shown.find("06-04 00:30"), std::string::npos) << shown;

  // A line that cannot be recorded (a time still to come) stops the import
  // and names its line.
  {
    std::ofstream sheet(path("later.txt"));
    sheet << "10:00 記録できる行\n2099-01-01 07:00 未来の日時\n";
  }
  Result later = run("incident log 1 --lines " + path("later.txt"));
  EXPECT_NE(later.exit_code, 0);
  EXPECT_NE(later.output.find("2 行目「未来の日時」"), std::string::npos) << later.output;
  EXPECT_NE(later.output.find("1 件を記録したところで"), std::string::npos) << later.output;
}

TEST_F(IncidentCli, AContactWithoutReachedOrNotIsAskedForNotGuessed) {
  start();
  Result r = run("incident contact 1 --to 1 --said 状況を伝えた");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--reached（ついた）か --not-reached（つかなかった）"), std::string::npos)
      << r.output;
  EXPECT_EQ(run("incident show 1").output.find("状況を伝えた"), std::string::npos);
  EXPECT_EQ(run("incident contact 1 --to 1 --reached --not-reached").exit_code, 2);
  // The 安全管理責任者, first to be told (第３章１(1)), is listed and can be logged.
  EXPECT_NE(run("incident contact 1").output.find("桜井 健一（院長・安全管理責任者）"),
            std::string::npos);
  Result officer = run("incident contact 1 --officer --reached --said 状況を報告");
  ASSERT_EQ(officer.exit_code, 0) << officer.output;
  EXPECT_NE(officer.output.find("桜井 健一"), std::string::npos) << officer.output;
}

// Steps are chosen by their number in the list or by their Japanese name
// (the code still works), contacts by the number the list shows, and the
// list shows no internal codes.
TEST_F(IncidentCli, StepsAndContactsAreChosenAsTheListShowsThem) {
  start();
  const Result list = run("incident step 1");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_EQ(list.output.find("〔"), std::string::npos) << list.output;
  const std::size_t line = list.output.find("他部門での類似事象の確認");
  ASSERT_NE(line, std::string::npos) << list.output;
  // 「  [3] [  ] 初動対応（２）② 他部門での…」: the first [ ] of its line.
  const std::size_t open = list.output.find('[', list.output.rfind('\n', line));
  const std::string number = list.output.substr(open + 1, list.output.find(']', open) - open - 1);
  ASSERT_FALSE(number.empty());

  Result r = run("incident step 1 ネットワークからの切り離し --note 受付端末を外した");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run("incident step 1 " + number + " --na 他部門に端末なし");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string shown = run("incident show 1").output;
  EXPECT_NE(shown.find("受付端末を外した"), std::string::npos) << shown;
  EXPECT_NE(shown.find("他部門に端末なし"), std::string::npos) << shown;
  EXPECT_EQ(run("incident step 1 存在しない手順").exit_code, 2);
  EXPECT_EQ(run("incident step 1 99").exit_code, 2);

  r = run("incident contact 1 3 --reached --said 三番目に連絡");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(run("incident show 1").output.find("三番目に連絡"), std::string::npos);
}

// A command run where neither $MEDBCP_USER nor $USER is set (cron, a
// service) names the OS account on the record, never 「cli」.
TEST_F(IncidentCli, AnEntryWithoutAUserNamesTheAccountNotTheProgram) {
  start();
  const std::string cmd = "env -u USER -u MEDBCP_USER " + std::string(MEDBCP_BINARY) + " --db '" +
                          db() + "' incident log 1 端末から記録 </dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const passwd* account = ::getpwuid(::geteuid());
  ASSERT_NE(account, nullptr);
  const std::string shown = run("incident show 1").output;
  const std::size_t entry = shown.find("端末から記録");
  ASSERT_NE(entry, std::string::npos) << shown;
  const std::string line =
      shown.substr(shown.rfind('\n', entry) + 1, entry - shown.rfind('\n', entry));
  EXPECT_NE(line.find(account->pw_name), std::string::npos) << line;
  EXPECT_EQ(line.find(" cli "), std::string::npos) << line;
}

// Several people share the clinic's one laptop: each entry names who typed
// it (--by before the command), over $MEDBCP_USER; a contact's own --by
// (who made the call) is still the contact's.
TEST_F(IncidentCli, ThePersonAtTheTerminalIsNamedByBy) {
  start();
  Result r = run("--by '看護師 小林' incident log 1 待合の患者さんに説明した");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run("--by '看護師 小林' incident contact 1 3 --reached --by '院長 桜井'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string shown = run("incident show 1").output;
  const std::size_t entry = shown.find("待合の患者さんに説明した");
  ASSERT_NE(entry, std::string::npos) << shown;
  const std::string line =
      shown.substr(shown.rfind('\n', entry) + 1, entry - shown.rfind('\n', entry));
  EXPECT_NE(line.find("看護師 小林"), std::string::npos) << line;
  EXPECT_EQ(line.find("事務長"), std::string::npos) << line;
  const std::string calls = run("incident contact 1").output;  // the calls made, with who made them
  EXPECT_NE(calls.find("院長 桜井"), std::string::npos) << calls;
}

// The 責任者 records whether the leak may have had a wrongful purpose; the
// 確報's deadline follows that finding, which is on the timeline with its reason.
TEST_F(IncidentCli, TheOfficerSetsTheFinalReportsGroundsWithAReason) {
  start();  // malware: 60 days until someone finds otherwise
  EXPECT_EQ(run("incident decide 1 --kind report --reason 理由だけ").exit_code, 2);
  Result r = run("incident decide 1 --kind report --wrongful no --reason 誤送信と判明した");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string shown = run("incident show 1").output;
  // Known 2024-06-03 08:50: 30 days, not the 60 an attack would give.
  EXPECT_NE(shown.find("確報: 期限超過 期限 2024-07-03 08:50"), std::string::npos) << shown;
  EXPECT_NE(shown.find("誤送信と判明した"), std::string::npos) << shown;
}

// What was reported at the start is corrected as more is known: the change
// is on the timeline with its reason, and the deadlines follow.
TEST_F(IncidentCli, TheStartsReportIsRevisedAsACorrectionWithItsReason) {
  start();  // a leak suspected, known 08:50
  ASSERT_NE(run("incident show 1").output.find("速報"), std::string::npos);
  EXPECT_EQ(run("incident revise 1 --reason 理由だけ").exit_code, 2);
  const Result no_reason = run("incident revise 1 --no-leak");  // no terminal to ask
  EXPECT_EQ(no_reason.exit_code, 1);
  EXPECT_NE(no_reason.output.find("訂正の理由"), std::string::npos) << no_reason.output;
  EXPECT_EQ(no_reason.output.find("reason:"), std::string::npos) << "no field codes on screen";
  EXPECT_EQ(run("incident revise 1 --system 存在しないシステム --reason x").exit_code, 2);
  Result r =
      run("incident revise 1 --no-leak --aware-at '2024-06-03 09:30' --system 電子カルテシステム "
          "--system 医事会計システム --reason '送信の痕跡なしと業者が確認'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("個人情報漏えいのおそれ あり → なし"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("認知日時 2024-06-03 08:50 → 2024-06-03 09:30"), std::string::npos);
  const std::string shown = run("incident show 1").output;
  EXPECT_EQ(shown.find("速報"), std::string::npos) << shown;
  EXPECT_NE(shown.find("個人データ漏えいのおそれ: なし"), std::string::npos) << shown;
  EXPECT_NE(shown.find("影響システム: 電子カルテシステム、医事会計システム"), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("送信の痕跡なしと業者が確認"), std::string::npos) << shown;
  EXPECT_EQ(run("incident verify 1").exit_code, 0);
}

// README: exit 2 for usage; every message and help page in Japanese.
TEST_F(IncidentCli, TheCommandLineSpeaksJapaneseAndExitsTwoOnAMistypedLine) {
  for (const char* mistyped : {"incident log", "incident start --no-such-option",
                               "incident log 1 a b c --kind", "user add --name x --role boss"}) {
    Result r = run(mistyped);
    EXPECT_EQ(r.exit_code, 2) << mistyped << ": " << r.output;
    EXPECT_NE(r.output.find("--help」で表示されます"), std::string::npos) << r.output;
    for (const char* english : {"is required", "not expected", "Usage", "Run with"}) {
      EXPECT_EQ(r.output.find(english), std::string::npos) << mistyped << ": " << r.output;
    }
  }
  EXPECT_NE(run("incident log").output.find("「ID」を指定してください"), std::string::npos);
  Result help = run("incident --help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* japanese : {"使い方:", "オプション:", "コマンド:", "この使い方を表示"}) {
    EXPECT_NE(help.output.find(japanese), std::string::npos) << help.output;
  }
  for (const char* english : {"Usage", "Options:", "Subcommands:", "Print this help"}) {
    EXPECT_EQ(help.output.find(english), std::string::npos) << help.output;
  }
}

TEST_F(IncidentCli, UnknownIncidentIsAClearMessage) {
  Result r = run("incident show 42");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("インシデント 42 はありません"), std::string::npos) << r.output;
}

}  // namespace
