// `--json` on the CLI's lists and shows: what a script reads instead of the
// Japanese text — each parses, names its fields in English and carries codes,
// UTC times and ISO dates; the exit codes stay those of the text form.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_test_fixture.h"

namespace {

using Result = medbcp::testing::CliResult;
class CliJson : public medbcp::testing::CliTest {
 protected:
  nlohmann::json json_of(const std::string& args, int exit_code = 0) {
    Result r = run(args);
    EXPECT_EQ(r.exit_code, exit_code) << args << "\n" << r.output;
    auto parsed = nlohmann::json::parse(r.output, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << args << "\n" << r.output;
    return parsed;
  }
};

TEST_F(CliJson, ListsAndShowsReadAsJson) {
  ASSERT_EQ(run("incident start --threat malware --discoverer 中村 --how-found 始業時 "
                "--situation 脅迫文 --actions 抜線 --leak --discovered-at '2026-11-02 08:40'")
                .exit_code,
            0);
  const auto incidents = json_of("incident list --json");
  ASSERT_EQ(incidents.size(), 1u);
  EXPECT_EQ(incidents[0]["status"], "open");
  EXPECT_EQ(incidents[0]["threat"], "malware");
  EXPECT_EQ(incidents[0]["discovered_at"], "2026-11-01T23:40:00Z");
  EXPECT_EQ(incidents[0]["drill"], false);

  const auto shown = json_of("incident show 1 --json");
  EXPECT_EQ(shown["format"], "medbcp-incident-timeline");
  EXPECT_TRUE(shown["chain"]["verified"].get<bool>());
  EXPECT_GE(shown["entries"].size(), 1u);

  // The demo clinic has things due: status exits 1 in JSON as in text.
  const auto status = json_of("status --json --today 2026-12-01", 1);
  EXPECT_GT(status["overdue"].get<int>(), 0);
  bool drill_due = false;
  for (const auto& r : status["reminders"]) drill_due = drill_due || r["kind"] == "drill";
  EXPECT_TRUE(drill_due) << status.dump(2);

  ASSERT_EQ(run("backup record --plan 1 --result ok --at 2026-12-01T02:00:00Z").exit_code, 0);
  const auto backups = json_of("backup list --json");
  ASSERT_FALSE(backups.empty());
  EXPECT_EQ(backups[0]["id"], 1);
  EXPECT_EQ(backups[0]["last_run"]["result"], "ok");
  EXPECT_TRUE(backups[0]["last_ok_run"].get<std::string>().ends_with("Z"));
  EXPECT_TRUE(backups[0]["next_due"].get<std::string>().size() == 10);  // an ISO date

  const auto users = json_of("user list --json");
  EXPECT_TRUE(users.is_array());

  ASSERT_EQ(run("stocktake start --title 年次").exit_code, 0);
  const auto rounds = json_of("stocktake list --json");
  ASSERT_EQ(rounds.size(), 1u);
  EXPECT_EQ(rounds[0]["status"], "open");
  EXPECT_EQ(rounds[0]["title"], "年次");
  EXPECT_GT(rounds[0]["total"].get<int>(), 0);

  const auto devices = json_of("devices export --format json --out -");
  ASSERT_FALSE(devices.empty());
  EXPECT_TRUE(devices[0].contains("asset_number")) << devices[0].dump();

  const auto audit = json_of("audit --json --limit 5");
  EXPECT_GT(audit["total"].get<int>(), 0);
  ASSERT_FALSE(audit["entries"].empty());
  EXPECT_TRUE(audit["entries"][0]["at"].get<std::string>().ends_with("Z"));
}

}  // namespace
