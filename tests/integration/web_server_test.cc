// The web server end to end over HTTP: first run, sign-in, roles checked on
// the server, CSRF, throttling, escaping, validation that keeps what was
// typed, and the safety headers and limits of every response.
#include <gtest/gtest.h>

#include "app/password.h"
#include "app/publish.h"
#include "store/user_store.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class FirstRun : public WebServerTest {
 protected:
  bool with_accounts() const override { return false; }
};

TEST_F(FirstRun, EveryPageLeadsToSetupUntilTheFirstAdministratorExists) {
  TestBrowser b = browser();
  for (const char* path : {"/", "/login", "/plan", "/users"}) {
    auto res = b.get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 303) << path;
    EXPECT_EQ(res->get_header_value("Location"), "/setup") << path;
  }
  auto setup = b.get("/setup");
  ASSERT_EQ(setup->status, 200);
  auto created = b.post(
      "/setup",
      {{"name", "院長"}, {"password", "correct-horse"}, {"password_confirm", "correct-horse"}});
  ASSERT_EQ(created->status, 303);
  EXPECT_FALSE(b.cookie("medbcp_session").empty());
  auto dashboard = b.get("/");
  EXPECT_EQ(dashboard->status, 200);
  EXPECT_TRUE(contains(dashboard->body, "ひな形から計画を作成"));

  // The set-up page is closed from now on.
  TestBrowser other = browser();
  EXPECT_EQ(other.get("/setup")->get_header_value("Location"), "/login");
  auto again = other.post(
      "/setup",
      {{"name", "intruder"}, {"password", "intruder-pass"}, {"password_confirm", "intruder-pass"}});
  EXPECT_NE(again->status, 303);
  EXPECT_EQ(app::list_users(*ws_, app::cli_actor()).size(), 1u);
}

TEST_F(FirstRun, MismatchedPasswordsKeepTheNameAndSayWhy) {
  TestBrowser b = browser();
  b.get("/setup");
  auto res = b.post(
      "/setup",
      {{"name", "事務長"}, {"password", "correct-horse"}, {"password_confirm", "correct-horsf"}});
  EXPECT_EQ(res->status, 422);
  EXPECT_TRUE(contains(res->body, "value=\"事務長\""));
  EXPECT_TRUE(contains(res->body, "確認用のパスワードが一致しません。"));
  EXPECT_FALSE(contains(res->body, "correct-horse"));
}

// Pages speak to the clinic's staff, not to a terminal: no command lines,
// no internal codes.
TEST_F(WebServerTest, NoPageShowsACommandLineOrAnInternalCode) {
  TestBrowser admin = signed_in("admin");
  for (const char* path : {"/", "/backups", "/checks", "/stocktake", "/kit", "/incidents",
                           "/incidents/new", "/plan"}) {
    auto res = admin.get(path);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << path;
    for (const char* machine : {"medbcp backup", "medbcp status", "medbcp incident", "--plan",
                                "--file", "〔", "(medbcp"}) {
      EXPECT_FALSE(contains(res->body, machine)) << path << " shows " << machine;
    }
  }
}

// 別紙２ highlights a device still in use past its support end, and keeps
// IP addresses, dates and 状態 whole in their cells.
TEST_F(WebServerTest, TheLedgerMarksDevicesPastSupportAndKeepsAddressesWhole) {
  TestBrowser admin = signed_in("admin");
  auto res = admin.get("/plan/devices?q=MD-001");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const std::size_t row = res->body.find("class=\"row--attention\"");
  ASSERT_NE(row, std::string::npos) << res->body.substr(0, 400);
  EXPECT_NE(res->body.find("サポート終了</span>", row), std::string::npos);
  EXPECT_NE(res->body.find("<td class=\"nowrap\">", row), std::string::npos);
  // A device within its support is not marked.
  res = admin.get("/plan/devices?q=PC-001");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("row--attention"), std::string::npos);
}

TEST_F(WebServerTest, AnonymousVisitorsAreSentToLoginAndBack) {
  TestBrowser b = browser();
  auto res = b.get("/plan/devices?q=PC");
  EXPECT_EQ(res->status, 303);
  // (httplib's client decodes Location; the server sends it percent-encoded)
  EXPECT_EQ(res->get_header_value("Location"), "/login?next=/plan/devices?q=PC");
  b.get("/login?next=%2Fplan%2Fdevices");
  auto login =
      b.post("/login",
             {{"name", "viewer"}, {"password", "correct-horse-fuji"}, {"next", "/plan/devices"}});
  EXPECT_EQ(login->get_header_value("Location"), "/plan/devices");
}

TEST_F(WebServerTest, LoginNeverRedirectsToAnotherSite) {
  TestBrowser b = browser();
  b.get("/login");
  auto login =
      b.post("/login",
             {{"name", "viewer"}, {"password", "correct-horse-fuji"}, {"next", "//evil.example/"}});
  EXPECT_EQ(login->get_header_value("Location"), "/");
}

TEST_F(WebServerTest, TheSessionCookieIsHttpOnlyAndSameSiteStrict) {
  TestBrowser b = browser();
  b.get("/login");
  auto res = b.post("/login", {{"name", "staff"}, {"password", "correct-horse-sakura"}});
  std::string cookie;
  for (auto [it, end] = res->headers.equal_range("Set-Cookie"); it != end; ++it) {
    if (it->second.starts_with("medbcp_session=")) cookie = it->second;
  }
  ASSERT_FALSE(cookie.empty());
  EXPECT_TRUE(contains(cookie, "HttpOnly"));
  EXPECT_TRUE(contains(cookie, "SameSite=Strict"));
  EXPECT_TRUE(contains(cookie, "Path=/"));
  EXPECT_FALSE(contains(cookie, "Secure"));  // plain HTTP on 127.0.0.1
}

TEST_F(WebServerTest, WrongPasswordsAreThrottled) {
  TestBrowser b = browser();
  b.get("/login");
  for (int i = 0; i < 5; ++i) {
    auto res = b.post("/login", {{"name", "editor"}, {"password", "guess-" + std::to_string(i)}});
    EXPECT_EQ(res->status, 422);
    EXPECT_TRUE(contains(res->body, "ユーザー名またはパスワードが正しくありません。"));
  }
  auto res = b.post("/login", {{"name", "editor"}, {"password", "correct-horse-kiku"}});
  EXPECT_EQ(res->status, 429);
  EXPECT_TRUE(contains(res->body, "一時的にログインを止めています"));
  EXPECT_TRUE(b.cookie("medbcp_session").empty());
}

TEST_F(WebServerTest, LogoutEndsTheSession) {
  TestBrowser b = signed_in("staff");
  std::string old_cookie = b.cookie("medbcp_session");
  auto res = b.post("/logout", {});
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(b.get("/")->status, 303);
  // The old token no longer works even if someone kept it.
  httplib::Client c("127.0.0.1", port_);
  auto replay = c.Get("/", {{"Cookie", "medbcp_session=" + old_cookie}});
  EXPECT_EQ(replay->status, 303);
}

TEST_F(WebServerTest, AStaffAccountIsRefusedAnEdit) {
  TestBrowser b = signed_in("staff");
  EXPECT_EQ(b.get("/plan/facility")->status, 200);  // reading is allowed
  EXPECT_EQ(b.get("/plan/devices/new")->status, 403);
  auto res = b.post("/plan/facility", {{"name", "書き換え"}});
  EXPECT_EQ(res->status, 403);
  EXPECT_TRUE(contains(res->body, "権限がありません"));
  EXPECT_NE(app::load_plan(*ws_).facility.name, "書き換え");
}

TEST_F(WebServerTest, RolesDecideWhoSeesHistoryAndUsers) {
  TestBrowser viewer = signed_in("viewer");
  EXPECT_EQ(viewer.get("/history")->status, 403);
  EXPECT_EQ(viewer.get("/users")->status, 403);
  EXPECT_FALSE(contains(viewer.get("/")->body, "href=\"/users\""));
  TestBrowser editor = signed_in("editor");
  EXPECT_EQ(editor.get("/history")->status, 403);
  EXPECT_EQ(editor.get("/plan/devices/new")->status, 200);
  TestBrowser admin = signed_in("admin");
  EXPECT_EQ(admin.get("/history")->status, 200);
  EXPECT_EQ(admin.get("/users")->status, 200);
}

TEST_F(WebServerTest, APostWithoutTheCsrfTokenIsRefused) {
  TestBrowser b = signed_in("editor");
  auto res = b.post("/plan/facility", {{"name", "CSRFなし"}}, /*with_token=*/false);
  EXPECT_EQ(res->status, 403);
  auto wrong = b.post("/plan/facility", {{"name", "CSRF違い"}, {"csrf", std::string(64, '0')}},
                      /*with_token=*/false);
  EXPECT_EQ(wrong->status, 403);
  std::string name = app::load_plan(*ws_).facility.name;
  EXPECT_NE(name, "CSRFなし");
  EXPECT_NE(name, "CSRF違い");
}

TEST_F(WebServerTest, APostFromAnotherOriginIsRefusedEvenWithTheToken) {
  TestBrowser b = signed_in("editor");
  b.get("/plan/facility");
  auto res =
      b.post("/plan/facility", {{"name", "他サイト"}}, true, {{"Origin", "http://evil.example"}});
  EXPECT_EQ(res->status, 403);
  EXPECT_NE(app::load_plan(*ws_).facility.name, "他サイト");
}

TEST_F(WebServerTest, TheDashboardIsNeverStaleNorAnotherPersons) {
  TestBrowser staff = signed_in("staff");
  TestBrowser admin = signed_in("admin");
  for (int round = 0; round < 3; ++round) {  // served again and again, by any thread
    EXPECT_TRUE(contains(staff.get("/")->body, "さくら内科クリニック"));
    EXPECT_TRUE(contains(admin.get("/")->body, "さくら内科クリニック"));
  }
  // Each sees their own: the form tokens are their own session's, and only
  // the administrator is offered the kits.
  const std::string staff_home = staff.get("/")->body;
  const std::string admin_home = admin.get("/")->body;
  EXPECT_TRUE(contains(staff_home, staff.token()));
  EXPECT_FALSE(contains(staff_home, admin.token()));
  EXPECT_TRUE(contains(admin_home, admin.token()));
  EXPECT_TRUE(contains(staff_home, "staff"));
  EXPECT_FALSE(contains(staff_home, ">admin<"));
  // A change from outside the server (another connection, as the CLI makes)
  // shows at once.
  ASSERT_TRUE(
      app::update_plan(*ws_, app::Actor{core::UserId(), "cli", app::Role::Admin},
                       [](core::Plan& p) { p.facility.name = "さくら内科クリニック（分院）"; })
          .empty());
  for (int round = 0; round < 3; ++round) {
    EXPECT_TRUE(contains(staff.get("/")->body, "さくら内科クリニック（分院）")) << round;
    EXPECT_TRUE(contains(admin.get("/")->body, "さくら内科クリニック（分院）")) << round;
  }
  // And one made through the server by someone else.
  TestBrowser editor = signed_in("editor");
  editor.get("/plan/facility");
  ASSERT_EQ(editor.post("/plan/facility", {{"name", "さくら内科"}})->status, 303);
  EXPECT_TRUE(contains(staff.get("/")->body, "<h1>さくら内科</h1>"));
}

TEST_F(WebServerTest, TheDashboardSaysWhenTheKitsNoLongerCarryThePlan) {
  TestBrowser editor = signed_in("editor");
  auto home = editor.get("/");
  EXPECT_TRUE(contains(home->body, "ネットワーク停止時の備え（キット）"));
  EXPECT_TRUE(contains(home->body, "id=\"kits\""));
  EXPECT_TRUE(contains(home->body,
                       "<span class=\"tag tag--bad\">要対応</span><span "
                       "class=\"reminder-message\">オフラインキット"));
  // Make both kits and confirm the paper one was printed: nothing to do.
  editor.get("/kit");
  ASSERT_EQ(editor.post("/kit/offline", {})->status, 200);
  editor.get("/kit");
  ASSERT_EQ(editor.post("/kit/paper", {})->status, 200);
  editor.get("/kit");
  ASSERT_EQ(editor.post("/kit/printed", {})->status, 303);
  home = editor.get("/");
  const std::size_t kits = home->body.find("id=\"kits\"");
  ASSERT_NE(kits, std::string::npos);
  EXPECT_EQ(home->body.find("要対応</span>", kits), std::string::npos);
  // An edit of the plan makes them stale again.
  editor.get("/plan/facility");
  ASSERT_EQ(editor.post("/plan/facility", {{"name", "さくら内科クリニック（新館）"}})->status, 303);
  home = editor.get("/");
  EXPECT_NE(home->body.find("要対応</span>", home->body.find("id=\"kits\"")), std::string::npos);
}

TEST_F(WebServerTest, AnEditIsSavedAndRecordedInHistory) {
  TestBrowser b = signed_in("editor");
  b.get("/plan/officer");
  auto res = b.post("/plan/officer", {{"name", "新しい 責任者"},
                                      {"title", "院長"},
                                      {"phone_day", "054-000-1111"},
                                      {"phone_night", "090-0000-1111"},
                                      {"email", ""}});
  EXPECT_EQ(res->status, 303);
  EXPECT_EQ(app::load_plan(*ws_).officer.name, "新しい 責任者");
  TestBrowser admin = signed_in("admin");
  auto history = admin.get("/history?section=officer");
  EXPECT_TRUE(contains(history->body, "editor"));
}

TEST_F(WebServerTest, ARejectedFormKeepsWhatWasTypedWithTheMessageBesideTheField) {
  TestBrowser b = signed_in("editor");
  b.get("/plan/facility");
  core::Plan before = app::load_plan(*ws_);
  auto res = b.post("/plan/facility", {{"name", "さくら内科クリニック（新）"},
                                       {"address", before.facility.address},
                                       {"phone", before.facility.phone},
                                       {"document_department", "事務部門"},
                                       {"effective_date", "令和6年13月1日"},
                                       {"last_reviewed", ""}});
  EXPECT_EQ(res->status, 422);
  EXPECT_TRUE(contains(res->body, "value=\"令和6年13月1日\""));
  EXPECT_TRUE(contains(res->body, "value=\"さくら内科クリニック（新）\""));
  EXPECT_TRUE(contains(res->body, "id=\"f-effective_date-error\""));
  EXPECT_EQ(app::load_plan(*ws_).facility.name, before.facility.name);
}

TEST_F(WebServerTest, TypedMarkupIsShownAsText) {
  TestBrowser b = signed_in("editor");
  b.get("/plan/threats/new");
  auto res = b.post("/plan/threats/new", {{"title", "<script>alert(1)</script>"},
                                          {"kind", "other"},
                                          {"description", "\"><img src=x onerror=alert(1)>"}});
  ASSERT_EQ(res->status, 303);
  auto page = b.get("/plan/threats");
  EXPECT_FALSE(contains(page->body, "<script>alert(1)"));
  EXPECT_TRUE(contains(page->body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  auto dash = b.get("/plan");
  EXPECT_FALSE(contains(dash->body, "<img src=x"));
}

TEST_F(WebServerTest, EveryResponseCarriesTheSafetyHeaders) {
  TestBrowser b = signed_in("viewer");
  for (const char* path : {"/", "/plan", "/login", "/no-such-page"}) {
    auto res = b.get(path);
    ASSERT_TRUE(res) << path;
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_TRUE(contains(csp, "script-src 'self'")) << path;
    EXPECT_TRUE(contains(csp, "frame-ancestors 'none'")) << path;
    EXPECT_FALSE(contains(csp, "unsafe-inline")) << path;
    EXPECT_EQ(res->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Cache-Control"), "no-store") << path;
  }
}

TEST_F(WebServerTest, PagesHaveNoInlineScriptOrStyle) {
  TestBrowser b = signed_in("admin");
  for (const char* path : {"/", "/plan", "/plan/devices", "/plan/internal_contacts", "/versions",
                           "/history", "/users"}) {
    auto res = b.get(path);
    ASSERT_EQ(res->status, 200) << path;
    EXPECT_FALSE(contains(res->body, "<script>")) << path;
    EXPECT_FALSE(contains(res->body, " style=")) << path;
    EXPECT_FALSE(contains(res->body, " onclick=")) << path;
  }
}

TEST_F(WebServerTest, UnknownPagesAnswer404WithoutInternals) {
  TestBrowser b = signed_in("viewer");
  auto res = b.get("/plan/devices/999999");
  EXPECT_EQ(res->status, 403);  // editing is not the viewer's; checked before looking
  TestBrowser editor = signed_in("editor");
  auto missing = editor.get("/plan/devices/999999");
  EXPECT_EQ(missing->status, 404);
  auto unknown = editor.get("/../../etc/passwd");
  EXPECT_EQ(unknown->status, 404);
  EXPECT_FALSE(contains(unknown->body, "root:"));
}

TEST_F(WebServerTest, OversizedRequestsAreRefused) {
  TestBrowser b = signed_in("editor");
  b.get("/plan/facility");
  auto res = b.post("/plan/facility", {{"name", std::string(200 * 1024, 'x')}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_FALSE(contains(app::load_plan(*ws_).facility.name, "xxxx"));
}

TEST_F(WebServerTest, AssetsAreServedWithTheirTypeAndCacheable) {
  TestBrowser b = browser();
  auto css = b.get("/assets/app.css");
  ASSERT_EQ(css->status, 200);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css->get_header_value("Cache-Control"), "no-cache");
  std::string etag = css->get_header_value("ETag");
  auto versioned = b.get("/assets/app.css?v=" + etag.substr(1, etag.size() - 2));
  EXPECT_EQ(versioned->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(b.get("/assets/nothing.css")->status, 404);
}

TEST_F(WebServerTest, AVersionWithGapsIsPublishedOnlyWhenTheEditorSaysSo) {
  ASSERT_TRUE(app::update_plan(*ws_, app::Actor{core::UserId(), "cli", app::Role::Admin},
                               [](core::Plan& p) { p.officer.phone_night.clear(); })
                  .empty());
  TestBrowser editor = signed_in("editor");
  auto form = editor.get("/versions");
  EXPECT_TRUE(contains(form->body, "id=\"publish-gaps\""));
  EXPECT_TRUE(contains(form->body, "不備が残ったまま発行する"));

  auto refused = editor.post("/versions", {{"published_on", "令和6年4月1日"}, {"note", "初版"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_TRUE(contains(refused->body, "計画に不備が"));
  EXPECT_TRUE(app::list_versions(*ws_).empty());

  auto published = editor.post(
      "/versions", {{"published_on", "令和6年4月1日"}, {"note", "初版"}, {"accept_gaps", "1"}});
  EXPECT_EQ(published->status, 303);
  EXPECT_EQ(app::list_versions(*ws_).size(), 1u);
}

TEST_F(WebServerTest, PublishingAVersionAndConfirmingIt) {
  TestBrowser editor = signed_in("editor");
  editor.get("/versions");
  auto published = editor.post("/versions", {{"published_on", "令和6年4月1日"}, {"note", "初版"}});
  ASSERT_EQ(published->status, 303);
  std::string version_url = published->get_header_value("Location");
  version_url = version_url.substr(0, version_url.find('?'));

  TestBrowser staff = signed_in("staff");
  auto dash = staff.get("/");
  EXPECT_TRUE(contains(dash->body, "版の内容を確認してください"));
  auto ack = staff.post(version_url + "/acknowledge", {{"return", "/"}});
  EXPECT_EQ(ack->status, 303);
  EXPECT_FALSE(contains(staff.get("/")->body, "版の内容を確認してください"));

  auto readers = editor.get(version_url);
  EXPECT_TRUE(contains(readers->body, "職員の確認状況"));
  auto unread = editor.get("/");
  EXPECT_TRUE(contains(unread->body, "版を未確認の職員（3/4人）"));
}

}  // namespace
}  // namespace medbcp::web

namespace medbcp::web {
namespace {

TEST_F(WebServerTest, AnOldWeakPasswordSendsEveryPageToTheAccountUntilChanged) {
  // An account from before today's rules: eight characters.
  store::UserRecord old;
  old.name = "uketsuke";
  old.role = "staff";
  old.password_hash = app::hash_password("sakura01");
  old.created_at = "2025-01-01T00:00:00Z";
  store::insert_user(ws_->db(), old);

  TestBrowser b = browser();
  b.get("/login");
  ASSERT_EQ(b.post("/login", {{"name", "uketsuke"}, {"password", "sakura01"}})->status, 303);
  for (const char* path : {"/", "/plan", "/incidents"}) {
    auto res = b.get(path);
    EXPECT_EQ(res->status, 303) << path;
    EXPECT_EQ(res->get_header_value("Location"), "/account?notice=weak_password") << path;
  }
  auto account = b.get("/account?notice=weak_password");
  ASSERT_EQ(account->status, 200);
  EXPECT_NE(account->body.find("12文字以上"), std::string::npos);

  // A new password that breaks the rules is refused with the reason.
  auto refused = b.post("/account/password", {{"current_password", "sakura01"},
                                              {"new_password", "administrator"},
                                              {"new_password_confirm", "administrator"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("辞書"), std::string::npos);

  auto changed = b.post("/account/password", {{"current_password", "sakura01"},
                                              {"new_password", "Tsuki7-Hana9-Kaze"},
                                              {"new_password_confirm", "Tsuki7-Hana9-Kaze"}});
  ASSERT_EQ(changed->status, 303);
  EXPECT_EQ(b.get("/")->status, 200);
}

}  // namespace
}  // namespace medbcp::web
