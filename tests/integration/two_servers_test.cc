// Several medbcp servers on one PostgreSQL database (an association runs
// more than one behind a load balancer): a session made by one is good on
// the other and ends on both, and a change made anywhere — through a server
// or the CLI — is on every server's next page, although each keeps its own
// connections and caches. The second server is the real binary, in a
// process of its own. On SQLite (one file, two processes) and PostgreSQL.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "free_port.h"
#include "web_test_browser.h"

extern char** environ;

namespace medbcp::web {
namespace {

using medbcp::testing::free_port;

class TwoServers : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    other_port_ = free_port();
    const std::string port = std::to_string(other_port_);
    std::vector<std::string> args{MEDBCP_BINARY, "--db",   ws_->path(), "serve",     "--host",
                                  "127.0.0.1",   "--port", port,        "--threads", "4"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ASSERT_EQ(::posix_spawn(&other_pid_, MEDBCP_BINARY, nullptr, nullptr, argv.data(), environ), 0);
    // Bounded: 20 s for the second server to answer.
    httplib::Client probe("127.0.0.1", other_port_);
    for (int i = 0; i < 200; ++i) {
      if (auto res = probe.Get("/login")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "the second server did not start";
  }
  void TearDown() override {
    if (other_pid_ > 0) {
      ::kill(other_pid_, SIGTERM);
      int status = 0;
      ::waitpid(other_pid_, &status, 0);
    }
    WebServerTest::TearDown();
  }
  // A browser on the second server carrying `from`'s cookies.
  TestBrowser on_other_server(const TestBrowser& from) {
    TestBrowser b(other_port_);
    b.adopt_cookies(from);
    return b;
  }
  int other_port_ = 0;
  pid_t other_pid_ = -1;
};

TEST_F(TwoServers, ASessionIsGoodOnBothAndEndsOnBoth) {
  TestBrowser here = signed_in("editor");
  TestBrowser there = on_other_server(here);
  auto page = there.get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);

  here.get("/");
  ASSERT_EQ(here.post("/logout", {})->status, 303);
  auto after = there.get("/");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 303);
  EXPECT_EQ(after->get_header_value("Location").rfind("/login", 0), 0u);
}

TEST_F(TwoServers, AChangeMadeAnywhereIsOnTheOtherServersNextPage) {
  TestBrowser here = signed_in("viewer");
  TestBrowser there = on_other_server(here);
  ASSERT_EQ(there.get("/plan/facility")->status, 200);  // read once, so it is cached
  {
    // Through a third connection, as `medbcp` on the command line writes.
    auto cli = app::Workspace::open(ws_->path());
    ASSERT_TRUE(app::update_plan(*cli, app::cli_actor(), [](core::Plan& p) {
                  p.facility.name = "二台目でも見える医院";
                }).empty());
  }
  auto page = there.get("/plan/facility");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("二台目でも見える医院"), std::string::npos);
  auto same = here.get("/plan/facility");
  EXPECT_NE(same->body.find("二台目でも見える医院"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::web

namespace medbcp::web {
namespace {

// The database server drops every connection (a restart, a failover): the
// request that finds its connection gone gets a clear 503 page with nothing
// saved, and the next one connects again — no restart of medbcp.
TEST_F(WebServerTest, ALostDatabaseConnectionIsA503ThenTheServerConnectsAgain) {
  if (!store::testing_postgres()) GTEST_SKIP() << "a database server is needed";
  TestBrowser viewer = signed_in("viewer");
  ASSERT_EQ(viewer.get("/plan")->status, 200);
  {
    // Only this test's connections: others run in parallel on the server.
    auto admin = store::open_database(store::test_postgres_url(), store::OpenMode::AsIs);
    admin
        ->prepare(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE application_name = ?")
        ->bind(1, store::schema_of_location(ws_->path()))
        .run();
  }
  // Each of the server's threads finds out on its next use of the
  // database: every request is answered, or refused with the 503 page
  // (nothing saved), and within a few the server works again — a sign-in,
  // which reads and writes, succeeds (bounded: the server has 4 threads).
  // A thread that notices the loss before sending anything (its connection
  // already closed) connects again at once, so a 503 is not required.
  bool signed_in_again = false;
  for (int i = 0; i < 12 && !signed_in_again; ++i) {
    auto res = viewer.get("/plan");
    ASSERT_TRUE(res);
    if (res->status == 503) {
      EXPECT_NE(res->body.find("データベースに接続できません"), std::string::npos);
      EXPECT_NE(res->body.find("保存されていません"), std::string::npos);
      continue;
    }
    ASSERT_EQ(res->status, 200) << res->body.substr(0, 300);
    TestBrowser again = browser();
    again.get("/login");
    auto login = again.post("/login", {{"name", "viewer"}, {"password", role_password("viewer")}});
    ASSERT_TRUE(login);
    if (login->status == 503) continue;
    ASSERT_EQ(login->status, 303) << login->body.substr(0, 300);
    signed_in_again = true;
  }
  EXPECT_TRUE(signed_in_again);
}

}  // namespace
}  // namespace medbcp::web
