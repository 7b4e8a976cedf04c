// A minimal browser for the web integration tests: a medbcp web server
// started in this process on a free port with a fresh database, and a
// client that keeps cookies and reads the CSRF token out of each page.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <thread>

#include "app/plan_service.h"
#include "app/users.h"
#include "app/workspace.h"
#include "store/database_test_util.h"
#include "web/server.h"

namespace medbcp::web {

class TestBrowser {
 public:
  // Documents (the paper kit's PDF) take seconds under the sanitizers: the
  // client waits for them rather than reporting no response.
  explicit TestBrowser(int port) : client_("127.0.0.1", port) { client_.set_read_timeout(120, 0); }

  httplib::Result get(const std::string& path) {
    auto res = client_.Get(path.c_str(), headers());
    remember(res);
    if (res) last_token_ = token_in(res->body).empty() ? last_token_ : token_in(res->body);
    return res;
  }
  // Posts a form; the CSRF token of the last page is added unless told not to.
  httplib::Result post(const std::string& path, httplib::Params params, bool with_token = true,
                       httplib::Headers extra = {}) {
    if (with_token) params.emplace("csrf", last_token_);
    httplib::Headers h = headers();
    for (auto& kv : extra) h.insert(kv);
    auto res = client_.Post(path.c_str(), h, params);
    remember(res);
    if (res) last_token_ = token_in(res->body).empty() ? last_token_ : token_in(res->body);
    return res;
  }
  // Posts a multipart form (a file upload); the CSRF token goes as a part,
  // as the browser sends the page's hidden field.
  httplib::Result post_multipart(const std::string& path, httplib::MultipartFormDataItems items,
                                 bool with_token = true) {
    if (with_token) items.push_back({"csrf", last_token_, "", ""});
    auto res = client_.Post(path.c_str(), headers(), items);
    remember(res);
    if (res) last_token_ = token_in(res->body).empty() ? last_token_ : token_in(res->body);
    return res;
  }
  void sign_in(const std::string& name, const std::string& password) {
    get("/login");
    auto res = post("/login", {{"name", name}, {"password", password}});
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303) << res->body;
    get("/");
  }
  const std::string& token() const { return last_token_; }
  std::string cookie(const std::string& name) const {
    auto it = cookies_.find(name);
    return it == cookies_.end() ? "" : it->second;
  }
  httplib::Client& client() { return client_; }
  // The same session in another browser tab (on another server, say).
  void adopt_cookies(const TestBrowser& other) {
    cookies_ = other.cookies_;
    last_token_ = other.last_token_;
  }

  static std::string token_in(const std::string& html) {
    static const std::regex re("name=\"csrf\" value=\"([0-9a-f]{64})\"");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
  }

 private:
  httplib::Headers headers() const {
    std::string cookie;
    for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
    httplib::Headers h;
    if (!cookie.empty()) h.emplace("Cookie", cookie);
    return h;
  }
  void remember(const httplib::Result& res) {
    if (!res) return;
    for (auto [it, end] = res->headers.equal_range("Set-Cookie"); it != end; ++it) {
      const std::string& v = it->second;
      auto eq = v.find('=');
      auto semi = v.find(';');
      std::string name = v.substr(0, eq);
      std::string value = v.substr(eq + 1, semi - eq - 1);
      if (value.empty() || v.find("Max-Age=0") != std::string::npos) {
        cookies_.erase(name);
      } else {
        cookies_[name] = value;
      }
    }
  }

  httplib::Client client_;
  std::map<std::string, std::string> cookies_;
  std::string last_token_;
};

// A server on a free port over a fresh database holding the demo plan and
// one account per role, named after it (passwords: role_password()).
// The password of the test account of a role. It may not contain the
// account's name (app/password_policy.h), so each role has its own word.
inline std::string role_password(const std::string& role) {
  if (role == "admin") return "correct-horse-ume";
  if (role == "editor") return "correct-horse-kiku";
  if (role == "staff") return "correct-horse-sakura";
  return "correct-horse-fuji";  // viewer
}

class WebServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-webit-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = app::Workspace::open(store::test_database_location(dir_ / "web.db"));
    if (with_accounts()) {
      app::Actor cli{core::UserId(), "cli", app::Role::Admin};
      app::ensure_demo_plan(*ws_, cli);
      for (const char* role : {"admin", "editor", "staff", "viewer"}) {
        ASSERT_TRUE(app::add_user(*ws_, cli, role, *app::role_from_code(role), role_password(role))
                        .empty());
      }
    }
    ServerConfig config;
    config.port = 0;
    config.limits.max_body_bytes = 64 * 1024;
    configure(config);
    server_ = std::make_unique<WebServer>(*ws_, config, 4);
    port_ = server_->bind();
    thread_ = std::thread([this] { server_->serve(); });
    while (!server_->running()) std::this_thread::yield();
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
    server_.reset();
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }
  virtual bool with_accounts() const { return true; }
  // A test's own limits (slow clients, caps).
  virtual void configure(ServerConfig& /*config*/) const {}
  TestBrowser browser() { return TestBrowser(port_); }
  TestBrowser signed_in(const std::string& role) {
    TestBrowser b(port_);
    b.sign_in(role, role_password(role));
    return b;
  }

  std::filesystem::path dir_;
  std::unique_ptr<app::Workspace> ws_;
  std::unique_ptr<WebServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace medbcp::web
