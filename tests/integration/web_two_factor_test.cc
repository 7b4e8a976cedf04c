// Two-factor sign-in in the browser: set-up with the QR code's secret and a
// code from the app, the second step after the password (which alone opens
// nothing), recovery codes, and a role the administrator makes use it.
#include <gtest/gtest.h>

#include <ctime>
#include <regex>

#include "core/totp.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

// The set-up form's hidden field with the secret.
const char* const kSecretField = "name=\"secret\" value=\"([A-Z2-7]+)\"";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string captured(const std::string& html, const std::string& pattern) {
  std::smatch m;
  const std::regex re(pattern);
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

// The code the authenticator app shows `steps_ahead` steps from now.
std::string app_code(const std::string& secret, int steps_ahead = 0) {
  return core::totp_code(*core::base32_decode(secret),
                         core::totp_step(std::time(nullptr)) + steps_ahead);
}

std::vector<std::string> recovery_codes_in(const std::string& html) {
  std::vector<std::string> out;
  const std::regex re(R"(<li class="nowrap">([A-Z2-7]{5}-[A-Z2-7]{5})</li>)");
  for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

class WebTwoFactor : public WebServerTest {
 protected:
  // Sets it up for `role` through its pages; returns the secret and the
  // recovery codes shown.
  std::pair<std::string, std::vector<std::string>> set_up(const std::string& role) {
    TestBrowser b = signed_in(role);
    auto page = b.get("/account/2fa");
    EXPECT_EQ(page->status, 200);
    EXPECT_TRUE(contains(page->body, "<svg class=\"qr-code\""));
    const std::string secret = captured(page->body, kSecretField);
    EXPECT_EQ(secret.size(), 32u);
    // A wrong code keeps the same secret on the page: no second scan.
    auto wrong = b.post("/account/2fa", {{"secret", secret}, {"code", "000000"}});
    EXPECT_EQ(wrong->status, 422);
    EXPECT_TRUE(contains(wrong->body, "確認コードが一致しません"));
    EXPECT_TRUE(contains(wrong->body, "value=\"" + secret + "\""));
    auto done = b.post("/account/2fa", {{"secret", secret}, {"code", app_code(secret)}});
    EXPECT_EQ(done->status, 200);
    return {secret, recovery_codes_in(done->body)};
  }
  // Password first; returns the browser at the second step.
  TestBrowser password_step(const std::string& role) {
    TestBrowser b = browser();
    b.get("/login");
    auto res = b.post("/login", {{"name", role}, {"password", role_password(role)}});
    EXPECT_EQ(res->status, 303);
    EXPECT_TRUE(res->get_header_value("Location").starts_with("/login/2fa")) << res->body;
    b.get("/login/2fa");
    return b;
  }
};

TEST_F(WebTwoFactor, SetUpThenSignInWithTheAppsCode) {
  const auto [secret, codes] = set_up("staff");
  EXPECT_EQ(codes.size(), 10u);

  TestBrowser b = password_step("staff");
  // The password alone opens no page.
  auto home = b.get("/");
  EXPECT_EQ(home->status, 303);
  EXPECT_TRUE(home->get_header_value("Location").starts_with("/login"));
  b.get("/login/2fa");
  auto wrong = b.post("/login/2fa", {{"code", "000000"}});
  EXPECT_EQ(wrong->status, 422);
  EXPECT_TRUE(contains(wrong->body, "確認コードが正しくありません"));
  // The code used at set-up is spent; the next step's (a phone a little
  // fast) is accepted.
  auto ok = b.post("/login/2fa", {{"code", app_code(secret, 1)}, {"next", "/account"}});
  ASSERT_EQ(ok->status, 303) << ok->body;
  EXPECT_EQ(ok->get_header_value("Location"), "/account");
  auto account = b.get("/account");
  EXPECT_EQ(account->status, 200);
  EXPECT_TRUE(contains(account->body, "未使用の回復コード 10 個"));
}

TEST_F(WebTwoFactor, ARecoveryCodeSignsInOnceAndTheStepNeedsItsToken) {
  const auto [secret, codes] = set_up("editor");
  ASSERT_FALSE(codes.empty());
  TestBrowser b = password_step("editor");
  EXPECT_EQ(b.post("/login/2fa", {{"code", codes[0]}}, /*with_token=*/false)->status, 403);
  auto ok = b.post("/login/2fa", {{"code", codes[0]}});
  ASSERT_EQ(ok->status, 303);
  EXPECT_EQ(b.get("/")->status, 200);

  TestBrowser again = password_step("editor");
  EXPECT_EQ(again.post("/login/2fa", {{"code", codes[0]}})->status, 422);
}

TEST_F(WebTwoFactor, ARoleTheAdministratorChoosesMustSetItUpFirst) {
  TestBrowser admin = signed_in("admin");
  auto users = admin.get("/users");
  EXPECT_TRUE(contains(users->body, "二要素認証を必須にする役割"));
  ASSERT_EQ(admin.post("/users/two-factor", {{"role_viewer", "1"}})->status, 303);
  EXPECT_TRUE(contains(admin.get("/users")->body,
                       "id=\"role_viewer\" name=\"role_viewer\" "
                       "value=\"1\" checked"));

  TestBrowser viewer = signed_in("viewer");
  auto plan = viewer.get("/plan");
  EXPECT_EQ(plan->status, 303);
  EXPECT_EQ(plan->get_header_value("Location"), "/account/2fa?notice=two_factor_required");
  auto page = viewer.get("/account/2fa?notice=two_factor_required");
  EXPECT_TRUE(contains(page->body, "設定が終わるまで"));
  const std::string secret = captured(page->body, kSecretField);
  ASSERT_EQ(viewer.post("/account/2fa", {{"secret", secret}, {"code", app_code(secret)}})->status,
            200);
  EXPECT_EQ(viewer.get("/plan")->status, 200);
  // Required: no way to turn it off on the page.
  EXPECT_FALSE(contains(viewer.get("/account/2fa")->body, "二要素認証を解除する"));
}

}  // namespace
}  // namespace medbcp::web
