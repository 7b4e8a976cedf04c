// Hostile HTTP against a real server: paths that climb out of the asset and
// download routes, oversized headers, malformed UTF-8, SQL and markup typed
// into every text field of every section, a session fixed before sign-in, a
// burst of password guesses, and each role knocking on the doors of another.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <regex>
#include <set>
#include <thread>

#include "app/plan_service.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    }
    i += n;
  }
  return true;
}

// Sends raw bytes and returns the raw answer (for requests no client library
// would build).
std::string raw_request(int port, const std::string& bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  for (std::size_t sent = 0; sent < bytes.size();) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, n);
  ::close(fd);
  return answer;
}

// The text fields of the form at `path`: inputs of type text, tel or email
// that are not dates or numbers, and textareas. Selects get their first
// option, so the form can be sent whole.
httplib::Params fill_form(const std::string& html, const std::string& payload) {
  httplib::Params params;
  static const std::regex input_re("<input ([^>]*)>");
  static const std::regex name_re("name=\"([^\"]+)\"");
  static const std::regex type_re("type=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), input_re);
       it != std::sregex_iterator(); ++it) {
    const std::string attrs = (*it)[1];
    std::smatch name, type;
    if (!std::regex_search(attrs, name, name_re) || !std::regex_search(attrs, type, type_re)) {
      continue;
    }
    const std::string t = type[1];
    const bool text = t == "text" || t == "tel" || t == "email";
    if (!text || contains(attrs, "input--date") || contains(attrs, "inputmode=\"numeric\"")) {
      continue;
    }
    params.emplace(name[1], payload);
  }
  static const std::regex textarea_re("<textarea [^>]*name=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), textarea_re);
       it != std::sregex_iterator(); ++it) {
    params.emplace((*it)[1], payload);
  }
  static const std::regex select_re(
      "<select [^>]*name=\"([^\"]+)\"[^>]*>\\s*<option value=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), select_re);
       it != std::sregex_iterator(); ++it) {
    params.emplace((*it)[1], (*it)[2]);
  }
  return params;
}

// The action of the record form on a page (the one that is not sign-out).
std::string form_action(const std::string& html) {
  static const std::regex re("<form method=\"post\" action=\"([^\"]+)\" class=\"form[^\"]*\"");
  std::smatch m;
  return std::regex_search(html, m, re) ? m[1].str() : "";
}

const std::string kPayload =
    "<script>alert('x')</script>\"><img src=x onerror=alert(1)>' OR '1'='1'; DROP TABLE "
    "devices; -- \\ %00 ＜全角＞";

TEST_F(WebServerTest, SqlAndMarkupInEveryTextFieldAreStoredVerbatimAndShownEscaped) {
  TestBrowser editor = signed_in("editor");
  int saved = 0;
  for (const char* path :
       {"/plan/facility", "/plan/officer", "/plan/systems/new", "/plan/threats/new",
        "/plan/internal_contacts/new", "/plan/external_contacts/new", "/plan/devices/new",
        "/plan/fallbacks/new", "/plan/backups/new"}) {
    auto form = editor.get(path);
    ASSERT_EQ(form->status, 200) << path;
    const std::string action = form_action(form->body);
    ASSERT_FALSE(action.empty()) << path;
    httplib::Params params = fill_form(form->body, kPayload);
    ASSERT_GE(params.size(), 2u) << path;
    auto res = editor.post(action, params);
    ASSERT_TRUE(res == true) << path;
    // Saved (303), or refused for a field of another kind (422, the form
    // shown again with what was typed): never an error of the server.
    EXPECT_TRUE(res->status == 303 || res->status == 422) << path << " " << res->status;
    saved += res->status == 303 ? 1 : 0;
    EXPECT_FALSE(contains(res->body, "<script>alert")) << path;
    EXPECT_FALSE(contains(res->body, "<img src=x")) << path;
    if (res->status == 422) {
      EXPECT_TRUE(contains(res->body, "&lt;script&gt;alert")) << path;
    }
  }
  EXPECT_GE(saved, 7);
  // Every page that shows the plan escapes what was typed.
  for (const char* path :
       {"/", "/plan", "/plan/facility", "/plan/officer", "/plan/systems", "/plan/threats",
        "/plan/internal_contacts", "/plan/external_contacts", "/plan/devices",
        "/plan/devices?q=%3Cscript%3E", "/plan/fallbacks", "/plan/backups", "/incidents/new"}) {
    auto page = editor.get(path);
    ASSERT_EQ(page->status, 200) << path;
    EXPECT_FALSE(contains(page->body, "<script>alert")) << path;
    EXPECT_FALSE(contains(page->body, "<img src=x")) << path;
  }
  EXPECT_TRUE(contains(editor.get("/plan/devices?q=DROP")->body, "&lt;script&gt;alert("));
  // The SQL was data: every table is there and the text came back as typed.
  const core::Plan plan = app::load_plan(*ws_);
  EXPECT_EQ(plan.facility.name, kPayload);
  EXPECT_EQ(plan.devices.back().name, kPayload);
  EXPECT_GT(plan.devices.size(), 1u);
  // And the printed plan is built from it without breaking.
  auto pdf = editor.get("/plan/document.pdf");
  EXPECT_EQ(pdf->status, 200);
  EXPECT_FALSE(contains(editor.get("/plan/document.html")->body, "<script>alert"));
}

TEST_F(WebServerTest, MalformedUtf8IsNeverEchoedOrStored) {
  TestBrowser editor = signed_in("editor");
  editor.get("/plan/facility");
  const std::string broken = "さくら\xff\xfe\xc3(内科";
  auto res = editor.post("/plan/facility", {{"name", broken}, {"address", "\xe3\x81"}});
  ASSERT_TRUE(res == true);
  EXPECT_TRUE(res->status == 303 || res->status == 422) << res->status;
  EXPECT_TRUE(valid_utf8(res->body));
  const std::string stored = app::load_plan(*ws_).facility.name;
  EXPECT_TRUE(valid_utf8(stored)) << stored;
  EXPECT_TRUE(valid_utf8(editor.get("/plan/facility")->body));
  // In a URL too.
  auto search = editor.get("/plan/devices?q=%FF%FE%C3");
  EXPECT_EQ(search->status, 200);
  EXPECT_TRUE(valid_utf8(search->body));
}

TEST_F(WebServerTest, PathsThatClimbOutOfTheirRouteFindNothing) {
  TestBrowser staff = signed_in("staff");
  for (const char* path :
       {"/assets/../web.db", "/assets/..%2fweb.db", "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%5c..%5cweb.db", "/assets/app.css%00.db", "/assets//etc/passwd",
        "/incidents/1/..%2f..%2fweb.db", "/incidents/1/report.pdf/../../web.db",
        "/plan/document.pdf%2f..%2f..%2fweb.db", "/stocktake/..%2f..%2fweb.db/sheet.pdf",
        "/%2e%2e/%2e%2e/etc/passwd"}) {
    auto res = staff.get(path);
    ASSERT_TRUE(res == true) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " " << res->status;
    EXPECT_FALSE(res->body.starts_with("SQLite format 3")) << path;
    EXPECT_FALSE(contains(res->body, "root:x:")) << path;
  }
}

TEST_F(WebServerTest, OversizedHeadersAndBrokenRequestsAreRefusedAndTheServerStaysUp) {
  const std::string big(64 * 1024, 'a');
  const std::string answer =
      raw_request(port_, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big + "\r\n\r\n");
  EXPECT_FALSE(answer.starts_with("HTTP/1.1 200")) << answer.substr(0, 80);
  const std::string cookie = raw_request(
      port_, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: medbcp_session=" + big + "\r\n\r\n");
  EXPECT_FALSE(cookie.starts_with("HTTP/1.1 200")) << cookie.substr(0, 80);
  for (const char* garbage : {"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  // a TLS hello
                              "GET\r\n\r\n", "POST /login HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                              "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    const std::string a = raw_request(port_, garbage);
    EXPECT_FALSE(contains(a, "what()")) << a;
  }
  // Still serving.
  TestBrowser b = browser();
  EXPECT_EQ(b.get("/login")->status, 200);
}

TEST_F(WebServerTest, ASessionFixedBeforeSignInIsNeverTheOneUsedAfter) {
  const std::string planted(64, 'a');
  httplib::Client attacker("127.0.0.1", port_);
  TestBrowser victim = browser();
  victim.get("/login");
  // The victim signs in carrying a session id the attacker chose.
  httplib::Headers headers = {
      {"Cookie", "medbcp_session=" + planted + "; medbcp_csrf=" + victim.cookie("medbcp_csrf")}};
  httplib::Params params = {
      {"name", "staff"}, {"password", "correct-horse-sakura"}, {"csrf", victim.token()}};
  auto res = victim.client().Post("/login", headers, params);
  ASSERT_EQ(res->status, 303);
  std::string issued;
  for (auto [it, end] = res->headers.equal_range("Set-Cookie"); it != end; ++it) {
    if (it->second.starts_with("medbcp_session=")) {
      issued = it->second.substr(15, it->second.find(';') - 15);
    }
  }
  EXPECT_FALSE(issued.empty());
  EXPECT_NE(issued, planted);
  // The planted id opens nothing.
  auto probe = attacker.Get("/", {{"Cookie", "medbcp_session=" + planted}});
  EXPECT_EQ(probe->status, 303);
  EXPECT_TRUE(contains(probe->get_header_value("Location"), "/login"));
}

TEST_F(WebServerTest, ABurstOfGuessesIsThrottledAndTheRightPasswordThenWaits) {
  std::atomic<int> answered{0};
  std::vector<std::thread> guessers;
  for (int t = 0; t < 4; ++t) {
    guessers.emplace_back([&, t] {
      TestBrowser b(port_);
      b.get("/login");
      for (int i = 0; i < 6; ++i) {
        auto res = b.post("/login",
                          {{"name", "admin"}, {"password", "guess-" + std::to_string(t * 10 + i)}});
        if (res) ++answered;
      }
    });
  }
  for (auto& g : guessers) g.join();
  EXPECT_EQ(answered.load(), 24);
  TestBrowser owner = browser();
  owner.get("/login");
  auto res = owner.post("/login", {{"name", "admin"}, {"password", "correct-horse-ume"}});
  ASSERT_TRUE(res == true);
  EXPECT_EQ(res->status, 429);  // not signed in while throttled
  EXPECT_TRUE(contains(res->body, "一時的にログインを止めています"));
}

TEST_F(WebServerTest, EachRoleIsRefusedTheDoorsOfAnother) {
  struct Door {
    const char* method;
    const char* path;
    std::set<std::string> allowed;  // roles that get in
  };
  const std::vector<Door> doors = {
      {"GET", "/users", {"admin"}},
      {"GET", "/history", {"admin"}},
      {"GET", "/audit", {"admin"}},
      {"GET", "/audit.csv", {"admin"}},
      {"GET", "/plan/devices/import", {"admin", "editor"}},
      {"GET", "/plan/devices/new", {"admin", "editor"}},
      {"GET", "/plan/document.pdf", {"admin", "editor", "staff"}},
      {"GET", "/plan/devices/export.csv", {"admin", "editor", "staff"}},
      {"GET", "/kit", {"admin", "editor", "staff"}},
      {"GET", "/incidents/new", {"admin", "editor", "staff"}},
      {"POST", "/plan/facility", {"admin", "editor"}},
      {"POST", "/versions", {"admin", "editor"}},
      {"POST", "/users", {"admin"}},
  };
  for (const char* role : {"admin", "editor", "staff", "viewer"}) {
    TestBrowser b = signed_in(role);
    for (const Door& d : doors) {
      b.get("/");
      auto res = std::string(d.method) == "GET" ? b.get(d.path) : b.post(d.path, {});
      ASSERT_TRUE(res == true) << role << " " << d.path;
      if (d.allowed.count(role)) {
        EXPECT_NE(res->status, 403) << role << " " << d.method << " " << d.path;
      } else {
        EXPECT_EQ(res->status, 403) << role << " " << d.method << " " << d.path;
      }
    }
  }
}

}  // namespace
}  // namespace medbcp::web
