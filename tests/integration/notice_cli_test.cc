// `medbcp incident notice` as the 責任者 uses it: the list of what is due,
// a notice refused while facts are missing (exit 1, each named with where to
// fill it), answers recorded, the notice written, its issue recorded.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_test_fixture.h"

namespace {

using Result = medbcp::testing::CliResult;
class NoticeCli : public medbcp::testing::CliTest {};

TEST_F(NoticeCli, TheDoorNoticeIsRefusedUntilCareIsDecidedThenWrittenAndIssued) {
  ASSERT_EQ(run("incident start --threat malware --discoverer 中村 --how-found 始業時 "
                "--situation 脅迫文 --actions 抜線 --no-leak")
                .exit_code,
            0);
  Result list = run("incident notice 1");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("[要] police"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("resume_outlook"), std::string::npos);
  Result refused = run("incident notice 1 --kind door --out " + path("door.pdf"));
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("「診療形態」がまだありません"), std::string::npos)
      << refused.output;
  EXPECT_FALSE(std::filesystem::exists(path("door.pdf")));

  ASSERT_EQ(run("incident decide 1 --kind care --care reduced --mode 紙カルテで外来のみ "
                "--reason 電子カルテ停止")
                .exit_code,
            0);
  Result answered = run("incident notice 1 --answer 'resume_outlook=12月10日から通常診療'");
  EXPECT_EQ(answered.exit_code, 0) << answered.output;
  Result door = run("incident notice 1 --kind door --out " + path("door.pdf"));
  ASSERT_EQ(door.exit_code, 0) << door.output;
  EXPECT_GT(std::filesystem::file_size(path("door.pdf")), 1000u);
  Result web = run("incident notice 1 --kind web --format html --out " + path("web.html"));
  ASSERT_EQ(web.exit_code, 0) << web.output;
  std::ifstream in(path("web.html"));
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_NE(html.str().find("縮小（紙カルテで外来のみ）"), std::string::npos);
  Result issued = run("incident notice 1 --kind door --issued 入口に掲示した");
  ASSERT_EQ(issued.exit_code, 0) << issued.output;
  EXPECT_NE(run("incident notice 1").output.find("[済] door"), std::string::npos);
  Result bad = run("incident notice 1 --answer nonsense=1");
  EXPECT_EQ(bad.exit_code, 1) << bad.output;
  EXPECT_NE(bad.output.find("報告事項「nonsense」はありません"), std::string::npos);
  EXPECT_EQ(run("incident notice 1 --kind fax").exit_code, 2);
  Result cost = run("incident cost 1 --category vendor --amount 120000 --note 初動調査");
  ASSERT_EQ(cost.exit_code, 0) << cost.output;
  EXPECT_NE(cost.output.find("費用の記録: 業者の作業費 120,000円"), std::string::npos);
  EXPECT_EQ(run("incident cost 1 --amount -5").exit_code, 1);
}

}  // namespace
