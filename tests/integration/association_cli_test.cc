// Every command of the CLI on an association's database, working in one
// facility (あおば): each runs with what it needs, and none of them shows
// anything of another facility (さくら) or changes a row of it. The list
// is checked against the binary's own help, so a new command cannot be
// left out. A missing or unknown facility code is a clear message and
// changes nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/facilities.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/stocktake.h"
#include "app/users.h"
#include "app/workspace.h"
#include "facility_rows.h"
#include "store/database_test_util.h"
#include "store/open_database.h"

namespace medbcp {
namespace {

namespace fs = std::filesystem;

struct Result {
  int exit_code = -1;
  std::string output;
};

const char* const kPassword = "kiku-sakura-ume-7";

class AssociationCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!store::testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
    url_ = store::fresh_postgres_database(store::test_postgres_url());
    dir_ = fs::temp_directory_path() / store::unique_test_name("medbcp-assoc-cli-");
    fs::create_directories(dir_);
    const app::Actor admin = app::cli_actor();
    app::add_facility(url_, admin, "aoba", "あおば内科", core::Instant{1});
    app::add_facility(url_, admin, "sakura", "さくら秘密クリニック", core::Instant{2});
    for (const char* code : {"aoba", "sakura"}) {
      auto ws = app::Workspace::open(app::facility_workspace_location(url_, code));
      const std::string who = std::string(code) == "sakura" ? "SAKURA-SECRET" : "あおば";
      ASSERT_TRUE(app::update_plan(*ws, admin, [&](core::Plan& p) {
                    core::Device d;
                    d.asset_number = "PC-001";
                    d.name = who + "の受付PC";
                    d.kind = core::DeviceKind::Terminal;
                    d.location = who + "の受付";
                    p.devices.push_back(d);
                  }).empty());
    }
    // さくら's own records, under the same numbers as あおば's will be.
    auto sakura = app::Workspace::open(app::facility_workspace_location(url_, "sakura"));
    app::StartIncidentRequest r;
    r.title = "SAKURA-SECRET-INCIDENT";
    r.threat = core::ThreatKind::Malware;
    r.discovery = {"さくら秘密の発見者", core::Instant{1796500000}, "始業時", "SAKURA-SECRET",
                   "LANケーブルを抜いた"};
    r.aware_at = core::Instant{1796500000};
    ASSERT_TRUE(app::start_incident(*sakura, admin, r, core::Instant{1796500000}).problems.empty());
    ASSERT_TRUE(app::add_user(*sakura, admin, "sakura-kanri", app::Role::Admin, kPassword).empty());
    ASSERT_TRUE(app::start_stocktake(*sakura, admin, "SAKURA-SECRET 棚卸し", "").problems.empty());
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  Result run(const std::string& args, const std::string& stdin_file = "/dev/null") {
    const std::string cmd = "MEDBCP_USER=事務長 " + std::string(MEDBCP_BINARY) + " --db '" + url_ +
                            "' " + args + " <" + stdin_file + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::map<std::string, std::string> sakura_rows() {
    return medbcp::testing::facility_row_digests(url_, "sakura");
  }
  // The leaf commands the binary has ("incident log", "status" …).
  std::set<std::string> leaf_commands(const std::string& parent = "") {
    std::set<std::string> out;
    const std::string help = run(parent + (parent.empty() ? "" : " ") + "--help").output;
    const std::size_t at = help.find("コマンド:");
    if (at == std::string::npos) {
      out.insert(parent);
      return out;
    }
    std::istringstream lines(help.substr(at));
    std::string line;
    std::getline(lines, line);
    while (std::getline(lines, line)) {
      if (line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
      std::string name = parent;
      if (!name.empty()) name += ' ';
      name += line.substr(2, line.find(' ', 2) - 2);
      for (auto& leaf : leaf_commands(name)) {
        out.insert(leaf);
      }
    }
    return out;
  }

  std::string url_;
  fs::path dir_;
};

bool shows_sakura(const std::string& text) {
  for (const char* marker : {"SAKURA-SECRET", "さくら秘密", "sakura-kanri"}) {
    if (text.find(marker) != std::string::npos) return true;
  }
  return false;
}

TEST_F(AssociationCli, EveryCommandInOneFacilityShowsAndChangesNothingOfAnother) {
  {
    std::ofstream pw(path("password.txt"));
    pw << kPassword << "\n";
  }
  const std::string a = "--facility-code aoba ";
  // Every leaf command with what it needs; the order is a clinic's day.
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"init", a + "init --facility 上書きしない"},  // a plan exists: refused, exit 2
      {"check", a + "check"},
      {"status", a + "status"},
      {"export", a + "export --out " + path("plan.json")},
      {"import", a + "import " + path("plan.json")},
      {"render", a + "render --format html --out " + path("plan.html")},
      {"kit", a + "kit --out " + path("kit")},
      {"audit", a + "audit --csv --out " + path("audit.csv")},
      {"user add", a + "user add --name aoba-staff --role staff --password-stdin"},
      {"user list", a + "user list"},
      {"user passwd", a + "user passwd --name aoba-staff --password-stdin"},
      {"user 2fa enable", a + "user 2fa enable aoba-staff"},
      {"user 2fa status", a + "user 2fa status aoba-staff"},
      {"user 2fa disable", a + "user 2fa disable aoba-staff"},
      {"devices export", a + "devices export --format csv --out " + path("devices.csv")},
      {"devices import", a + "devices import --dry-run " + path("devices.csv")},
      {"incident start",
       a + "incident start --title あおばの件 --threat malware --discoverer 中村 "
           "--how-found 始業時 --situation 画面に脅迫文 --actions 抜線 --no-leak"},
      {"incident list", a + "incident list"},
      {"incident show", a + "incident show 1"},
      {"incident log", a + "incident log 1 サーバーを隔離した"},
      {"incident step", a + "incident step 1 isolate --note 抜線"},
      {"incident contact", a + "incident contact 1 --name 保守業者 --reached --said 状況を伝えた"},
      {"incident decide",
       a + "incident decide 1 --kind care --care continued --mode 通常 --reason 紙で運用"},
      {"incident evidence", a + "incident evidence 1 --item ログ --location 金庫 --holder 中村"},
      {"incident handover", a + "incident handover 1 1 --from 中村 --to 鈴木 --location 金庫"},
      {"incident correct", a + "incident correct 1 2 --reason 時刻の誤り"},
      {"incident revise", a + "incident revise 1 --leak --reason 調査で判明"},
      {"incident cost", a + "incident cost 1 --category vendor --amount 50000 --note 調査"},
      {"incident notice", a + "incident notice 1 --answer cause=不明 --kind police --draft --out " +
                              path("police.pdf")},
      {"checklist show", a + "checklist show --json"},
      {"checklist answer", a + "checklist answer 2-4 --no --target 2099-03-31"},
      {"checklist render", a + "checklist render --format pdf --out " + path("checklist.pdf")},
      {"checklist vendor", a + "checklist vendor --out " + path("vendors")},
      {"checklist vendor import", a + "checklist vendor import " + path("checklist.pdf")},
      {"incident report", a + "incident report 1 --format docx --out " + path("report.docx")},
      {"incident verify", a + "incident verify 1"},
      {"incident export", a + "incident export 1 --format json --out " + path("timeline.json")},
      {"incident tasks", a + "incident tasks --all"},
      {"incident close", a + "incident close 1 --lessons 訓練を増やす --despite-open"},
      {"incident reopen", a + "incident reopen 1 --reason 再発"},
      {"incident import", a + "incident import " + path("no-such-log.txt")},
      // Incident 1 is open again: a drill starts despite it (あおば's drill is No.2).
      {"drill scenarios", a + "drill scenarios"},
      {"drill start", a + "drill start --scenario warning-sign --participant 中村:発見者 "
                          "--despite-incident"},
      {"drill list", a + "drill list --json"},
      {"drill show", a + "drill show 2"},
      {"drill inject", a + "drill inject 2"},
      {"drill pause", a + "drill pause 2"},
      {"drill resume", a + "drill resume 2"},
      {"drill join", a + "drill join 2 --participant 鈴木:IT担当"},
      {"drill end", a + "drill end 2 --finding 番号を確かめる"},
      {"drill report", a + "drill report 2 --format pdf --out " + path("drill.pdf")},
      {"drill print", a + "drill print --scenario warning-sign --out " + path("drill-kit.pdf")},
      {"drill training", a + "drill training --json"},
      {"db backup", a + "db backup --out " + path("backup.db")},  // PostgreSQL: pg_dump's job
      {"db backup copied", a + "db backup copied --to USB"},
      {"token add", a + "token add 監視 --scope read"},
      {"token list", a + "token list --json"},
      {"token revoke", a + "token revoke 1"},
      {"mail settings", a + "mail settings --smtp smtp://127.0.0.1:1 --from medbcp@aoba.example"},
      {"mail test", a + "mail test --to incho@aoba.example"},
      {"mail run", a + "mail run"},
      {"db restore", a + "db restore " + path("backup.db")},
      {"db check", a + "db check"},
      {"db copy", a + "db copy --from '" + url_ + "' --to " + path("aoba.db")},
      {"backup list", a + "backup list"},
      {"backup record", a + "backup record --plan 1 --result ok"},
      {"backup restore-test", a + "backup restore-test --plan 1 --result ok --minutes 30"},
      {"stocktake start", a + "stocktake start --title 年次"},
      {"stocktake list", a + "stocktake list"},
      {"stocktake record", a + "stocktake record --device PC-001 --result confirmed"},
      {"stocktake sheet", a + "stocktake sheet --format html --out " + path("sheet.html")},
      {"stocktake report", a + "stocktake report --format text"},
      {"stocktake close", a + "stocktake close --allow-unchecked"},
      {"stocktake cycle", a + "stocktake cycle"},
      {"confirm contact", a + "confirm contact --note 電話で確認"},
      {"confirm plan", a + "confirm plan --note 見直し"},
      {"facility list", "facility list"},
      {"facility add", "facility add kaede --name かえで医院"},
      // The association's view: counts of every facility, by design (names
      // and numbers only; it is checked for contents below).
      {"facility overview", "facility overview"},
  };
  // `serve` is the web server: the web's matrix walks its every route
  // (tests/integration/association_server_test.cc).
  std::set<std::string> covered = {"serve"};
  for (const auto& [name, args] : commands) covered.insert(name);
  const auto leaves = leaf_commands();
  EXPECT_GE(leaves.size(), 48u);  // the help was read (and nothing vanished from it)
  for (const auto& leaf : leaves) {
    EXPECT_TRUE(covered.count(leaf)) << "the matrix does not run `medbcp " << leaf << "`";
  }

  const auto before = sakura_rows();
  int succeeded = 0;
  for (const auto& [name, args] : commands) {
    const bool reads_password = name == "user add" || name == "user passwd";
    const Result r = run(args, reads_password ? path("password.txt") : "/dev/null");
    EXPECT_GE(r.exit_code, 0) << name << ": " << r.output;
    EXPECT_NE(r.exit_code, 4) << name << ": " << r.output;  // never a permission refusal here
    succeeded += r.exit_code == 0 ? 1 : 0;
    if (name == "facility overview") {
      // The association's own view names the facilities and counts their
      // incidents, and shows none of their contents.
      EXPECT_EQ(r.output.find("SAKURA-SECRET"), std::string::npos) << r.output;
      continue;
    }
    if (name == "facility list") continue;  // the association's list of codes and names
    EXPECT_FALSE(shows_sakura(r.output)) << name << ": " << r.output;
  }
  EXPECT_GE(succeeded, 38) << "commands that ended with 0";
  // Nothing written for あおば holds anything of さくら.
  for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_FALSE(shows_sakura(read(entry.path()))) << entry.path().filename();
  }
  EXPECT_EQ(sakura_rows(), before);
}

TEST_F(AssociationCli, AMissingOrUnknownCodeIsAClearMessageAndChangesNothing) {
  const auto before = sakura_rows();
  for (const char* command : {"status", "export", "incident list", "check"}) {
    Result r = run(command);
    EXPECT_EQ(r.exit_code, 2) << command << ": " << r.output;
    EXPECT_NE(r.output.find("--facility-code"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("aoba（あおば内科）"), std::string::npos) << r.output;
    r = run(std::string("--facility-code nosuch ") + command);
    EXPECT_EQ(r.exit_code, 3) << command << ": " << r.output;
    EXPECT_NE(r.output.find("施設コード「nosuch」の施設はありません"), std::string::npos)
        << r.output;
    r = run(std::string("--facility-code 'Ｘ;DROP' ") + command);
    EXPECT_EQ(r.exit_code, 3) << command << ": " << r.output;
  }
  EXPECT_EQ(sakura_rows(), before);
}

// A facility added at the console is in the association's audit log, as one
// added on the web page is: who added which, and when.
TEST_F(AssociationCli, AFacilityAddedFromTheConsoleIsAudited) {
  ASSERT_EQ(run("--by '協会 事務局 佐藤' facility add kaede --name かえで医院").exit_code, 0);
  const Result log = run("--association audit");
  ASSERT_EQ(log.exit_code, 0) << log.output;
  EXPECT_NE(log.output.find("施設の追加"), std::string::npos) << log.output;
  EXPECT_NE(log.output.find("協会 事務局 佐藤"), std::string::npos) << log.output;
  EXPECT_NE(log.output.find("かえで医院"), std::string::npos) << log.output;
}

}  // namespace
}  // namespace medbcp
