// The audit log as an administrator reads it: in the web app (filtered,
// exported as CSV with the same filter) and with `medbcp audit`; nobody
// else may read it.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>

#include "web_test_browser.h"

namespace medbcp::web {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class WebAudit : public WebServerTest {};

TEST_F(WebAudit, RefusedRequestsAreRecordedWithWhoWhatAndWhy) {
  TestBrowser staff = signed_in("staff");
  staff.get("/plan/officer");
  EXPECT_EQ(staff.post("/plan/officer", {{"name", "x"}})->status, 403);  // the role
  TestBrowser editor = signed_in("editor");
  editor.get("/plan/officer");
  EXPECT_EQ(editor.post("/plan/officer", {{"name", "x"}}, /*with_token=*/false)->status, 403);

  TestBrowser admin = signed_in("admin");
  auto page = admin.get("/audit?action=request_refused");
  ASSERT_EQ(page->status, 200);
  for (const char* expected :
       {"拒否された操作", "staff", "editor", "POST /plan/officer", "役割の権限なし", "CSRF"}) {
    EXPECT_TRUE(contains(page->body, expected)) << expected;
  }
}

TEST_F(WebAudit, AdministratorsReadFilterAndExportTheLog) {
  TestBrowser intruder = browser();
  intruder.get("/login");
  intruder.post("/login", {{"name", "admin"}, {"password", "wrong-password-x"}});
  TestBrowser staff = signed_in("staff");
  staff.get("/plan/document.pdf");  // an export, recorded

  TestBrowser admin = signed_in("admin");
  auto page = admin.get("/audit");
  ASSERT_EQ(page->status, 200);
  for (const char* expected : {"ログイン失敗", "ログイン", "書き出し", "計画書（pdf）", "staff"}) {
    EXPECT_TRUE(contains(page->body, expected)) << expected;
  }
  EXPECT_TRUE(contains(page->body, "127.0.0.1"));  // where from

  // Only the exports.
  auto exports = admin.get("/audit?action=export");
  EXPECT_TRUE(contains(exports->body, "計画書（pdf）"));
  EXPECT_FALSE(contains(exports->body, "<td>ログイン失敗</td>"));  // (still a filter choice)
  EXPECT_TRUE(contains(page->body, "<td>ログイン失敗</td>"));
  // A date that cannot be read is named, and nothing breaks.
  auto bad = admin.get("/audit?from=%E6%98%A8%E6%97%A5");  // 「昨日」
  EXPECT_EQ(bad->status, 200);
  EXPECT_TRUE(contains(bad->body, "開始日を日付として読めません"));

  auto csv = admin.get("/audit.csv?action=sign_in_failed");
  ASSERT_EQ(csv->status, 200);
  EXPECT_TRUE(csv->body.starts_with("\xEF\xBB\xBF"));  // BOM for Excel
  EXPECT_TRUE(contains(csv->body, "ログイン失敗"));
  EXPECT_FALSE(contains(csv->body, "計画書（pdf）"));

  EXPECT_EQ(staff.get("/audit")->status, 403);
  EXPECT_EQ(staff.get("/audit.csv")->status, 403);
  EXPECT_FALSE(contains(staff.get("/")->body, "href=\"/audit\""));
}

TEST_F(WebAudit, TheCommandLineReadsTheSameLog) {
  TestBrowser staff = signed_in("staff");
  staff.get("/plan/document.docx");
  // The CLI reads the same database while the server runs (WAL on SQLite).
  auto run = [&](const std::string& args) {
    const std::string command =
        std::string(MEDBCP_BINARY) + " --db '" + ws_->path() + "' audit " + args + " 2>&1";
    FILE* p = ::popen(command.c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = ::pclose(p);
    return std::pair{WEXITSTATUS(status), out};
  };
  auto [code, out] = run("--action export");
  EXPECT_EQ(code, 0) << out;
  EXPECT_TRUE(contains(out, "計画書（docx）")) << out;
  EXPECT_TRUE(contains(out, "staff"));
  auto [bad_code, bad_out] = run("--action no_such_thing");
  EXPECT_EQ(bad_code, 2);
  EXPECT_TRUE(contains(bad_out, "知らない操作"));
  auto [date_code, date_out] = run("--from 昨日");
  EXPECT_EQ(date_code, 2);
  EXPECT_TRUE(contains(date_out, "日付を読めません"));
}

}  // namespace
}  // namespace medbcp::web
