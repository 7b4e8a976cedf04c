// Crash safety: `medbcp serve` is killed with SIGKILL at random points while
// it is taking a burst of writes, then restarted, again and again. After
// every kill the database must hold every write that was acknowledged,
// nothing half-written, pass PRAGMA integrity_check and foreign_key_check,
// and every incident timeline chain must verify.
//
// The writes, concurrently:
//   - plan edits through the web forms (POST /plan/facility and
//     /plan/officer), acknowledged by the 303 that follows the commit;
//   - timeline entries through `medbcp incident log`, acknowledged by exit
//     status 0; that process is killed together with the server, so a
//     timeline write is also cut off in the middle.
// One cycle in eight kills the server while it is still starting.
//
//   MEDBCP_CRASH_CYCLES  kill/restart cycles (default 20; the acceptance
//                        run uses 200)
//   MEDBCP_CRASH_SEED    random seed (default: time); printed, so a failing
//                        run can be repeated
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/database_backup.h"
#include "free_port.h"
#include "store/sqlite/sqlite_database.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
namespace app = medbcp::app;
namespace store = medbcp::store;

constexpr const char* kPassword = "kill-and-restart-often";

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

using medbcp::testing::free_port;

// Starts `medbcp --db DB args…` with stdin from `input` (a file or
// /dev/null) and stdout/stderr appended to `log`.
pid_t spawn_medbcp(const std::string& db, const std::vector<std::string>& args,
                   const std::string& log, const std::string& input = "/dev/null") {
  std::vector<std::string> argv_s = {MEDBCP_BINARY, "--db", db};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, MEDBCP_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  return pid;
}

// Exit status, or 128 + signal like a shell.
int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::string set_cookie_value(const httplib::Result& res, const std::string& name) {
  for (const auto& [key, value] : res->headers) {
    if (key == "Set-Cookie" && value.rfind(name + "=", 0) == 0) {
      return value.substr(name.size() + 1, value.find(';') - name.size() - 1);
    }
  }
  return {};
}

std::string form_csrf(const std::string& html) {
  const std::string marker = "name=\"csrf\" value=\"";
  auto at = html.find(marker);
  if (at == std::string::npos) return {};
  at += marker.size();
  return html.substr(at, html.find('"', at) - at);
}

// What the test has asked for and what the system confirmed.
struct Ledger {
  std::mutex mutex;
  std::set<std::string> attempted;
  std::set<std::string> acknowledged;
  void attempt(const std::string& m) {
    std::lock_guard lock(mutex);
    attempted.insert(m);
  }
  void acknowledge(const std::string& m) {
    std::lock_guard lock(mutex);
    acknowledged.insert(m);
  }
};

class CrashKill : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("medbcp-crash-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "clinic.db").string();
    log_ = (dir_ / "medbcp.log").string();
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(dir_);
  }

  int run(const std::vector<std::string>& args, const std::string& input = "/dev/null") {
    return wait_for(spawn_medbcp(db_, args, log_, input));
  }

  bool wait_ready(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(0, 200000);
    for (auto deadline = std::chrono::steady_clock::now() + 60s;
         std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(20ms)) {
      if (auto res = client.Get("/login"); res && res->status == 200) return true;
    }
    return false;
  }

  // Signs in through the login form and returns the session cookie.
  std::string sign_in(int port) {
    httplib::Client client("127.0.0.1", port);
    auto page = client.Get("/login");
    if (!page) return {};
    std::string pre = set_cookie_value(page, "medbcp_csrf");
    httplib::Headers headers = {{"Cookie", "medbcp_csrf=" + pre},
                                {"Origin", "http://127.0.0.1:" + std::to_string(port)}};
    auto res = client.Post(
        "/login", headers,
        "name=crash&password=" + std::string(kPassword) + "&csrf=" + form_csrf(page->body),
        "application/x-www-form-urlencoded");
    if (!res || res->status != 303) return {};
    return set_cookie_value(res, "medbcp_session");
  }

  // Posts one edit form again and again, each time with a new marker in
  // `field`, until the server stops answering.
  void write_forms(int port, const std::string& path, const std::string& fixed,
                   const std::string& field, const std::string& prefix, Ledger& ledger,
                   std::atomic<int>& unexpected) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(1);
    client.set_read_timeout(20);
    httplib::Headers headers = {{"Cookie", "medbcp_session=" + session_},
                                {"Origin", "http://127.0.0.1:" + std::to_string(port)}};
    for (int n = 0;; ++n) {
      std::string marker = prefix + "-" + std::to_string(n);
      ledger.attempt(marker);
      auto res =
          client.Post(path, headers, "csrf=" + csrf_ + "&" + fixed + "&" + field + "=" + marker,
                      "application/x-www-form-urlencoded");
      if (!res) return;  // the server is gone
      if (res->status == 303 &&
          res->get_header_value("Location").find("notice=saved") != std::string::npos) {
        ledger.acknowledge(marker);
      } else {
        ++unexpected;
        ADD_FAILURE() << path << " answered " << res->status;
        return;
      }
    }
  }

  // Logs timeline entries through the CLI until one does not succeed. The
  // child is killed from outside by kill_timeline_writer().
  void write_timeline(const std::string& prefix, Ledger& ledger) {
    for (int n = 0;; ++n) {
      std::string marker = prefix + "-" + std::to_string(n);
      ledger.attempt(marker);
      pid_t pid = spawn_medbcp(db_, {"incident", "log", "1", marker, "--kind", "fact"}, log_);
      {
        std::lock_guard lock(child_mutex_);
        child_ = pid;
      }
      // Wait without reaping, so the pid cannot be reused while the killer
      // may still signal it.
      siginfo_t info{};
      while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0 &&
             errno == EINTR) {
      }
      {
        std::lock_guard lock(child_mutex_);
        child_ = 0;
      }
      if (wait_for(pid) != 0) return;
      ledger.acknowledge(marker);
      if (stop_timeline_) return;
    }
  }

  void kill_timeline_writer() {
    std::lock_guard lock(child_mutex_);
    if (child_ > 0) ::kill(child_, SIGKILL);
  }

  // Everything the database must satisfy after a crash, checked on the
  // file as the next process finds it.
  void check_database(const Ledger& facility, const Ledger& officer, const Ledger& timeline,
                      int cycle) {
    SCOPED_TRACE("after kill " + std::to_string(cycle));
    auto db = store::open_sqlite_raw(db_, false);
    app::DatabaseVerification v = app::verify_database(*db);
    for (const auto& p : v.problems) ADD_FAILURE() << p.field << ": " << p.message;
    EXPECT_EQ(v.chains, 1);

    // Every acknowledged plan edit left its history row; the plan holds
    // what the newest history row says, so the two were written together.
    auto check_section = [&](const char* section, const char* table, const char* column,
                             const Ledger& ledger) {
      std::set<std::string> in_history;
      std::string newest;
      auto rows = db->prepare("SELECT after_json FROM plan_history WHERE section = ? ORDER BY id");
      rows->bind(1, section);
      while (rows->step()) {
        auto json = nlohmann::json::parse(rows->text(0));
        newest = json.value(column, "");
        in_history.insert(newest);
      }
      for (const auto& m : ledger.acknowledged) {
        EXPECT_TRUE(in_history.count(m)) << section << ": acknowledged write lost: " << m;
      }
      for (const auto& m : in_history) {
        if (m.rfind("crash-", 0) == 0) {
          EXPECT_TRUE(ledger.attempted.count(m)) << section << ": never written: " << m;
        }
      }
      auto current = db->prepare(std::string("SELECT ") + column + " FROM " + table);
      ASSERT_TRUE(current->step());
      EXPECT_EQ(current->text(0), newest) << section << " and its history disagree";
    };
    check_section("facility", "facility", "address", facility);
    check_section("officer", "security_officer", "title", officer);

    std::set<std::string> entries;
    auto rows = db->prepare("SELECT text FROM timeline_entries WHERE incident_id = 1");
    while (rows->step()) entries.insert(rows->text(0));
    for (const auto& m : timeline.acknowledged) {
      EXPECT_TRUE(entries.count(m)) << "acknowledged timeline entry lost: " << m;
    }
    for (const auto& m : entries) {
      if (m.rfind("crash-", 0) == 0) {
        EXPECT_TRUE(timeline.attempted.count(m)) << m;
      }
    }

    // The audit rows are written by triggers in the same transactions.
    auto count = [&](const std::string& sql) {
      auto stmt = db->prepare(sql);
      stmt->step();
      return stmt->integer(0);
    };
    EXPECT_EQ(count("SELECT count(*) FROM plan_history"),
              count("SELECT count(*) FROM audit_log WHERE action = 'plan_change'"));
    EXPECT_EQ(count("SELECT count(*) FROM timeline_entries"),
              count("SELECT count(*) FROM audit_log WHERE action = 'timeline_entry'"));
  }

  fs::path dir_;
  std::string db_;
  std::string log_;
  std::string session_;
  std::string csrf_;
  std::mutex child_mutex_;
  pid_t child_ = 0;
  std::atomic<bool> stop_timeline_{false};
};

TEST_F(CrashKill, NoAcknowledgedWriteIsLostAcrossSigkills) {
  const int cycles = env_int("MEDBCP_CRASH_CYCLES", 20);
  const unsigned seed = static_cast<unsigned>(
      env_int("MEDBCP_CRASH_SEED", static_cast<int>(std::time(nullptr) & 0x7fffffff)));
  std::printf("crash test: %d cycles, MEDBCP_CRASH_SEED=%u\n", cycles, seed);
  std::mt19937 random(seed);

  ASSERT_EQ(run({"init", "--demo"}), 0);
  std::string password_file = (dir_ / "password").string();
  { std::ofstream(password_file) << kPassword << "\n"; }
  ASSERT_EQ(
      run({"user", "add", "--name", "crash", "--role", "admin", "--password-stdin"}, password_file),
      0);
  ASSERT_EQ(
      run({"incident", "start", "--title", "クラッシュ試験", "--threat", "other", "--discoverer",
           "試験", "--how-found", "試験", "--situation", "試験", "--actions", "なし", "--no-leak"}),
      0);

  Ledger facility, officer, timeline;
  int total_kills = 0, startup_kills = 0;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    int port = free_port();
    pid_t server = spawn_medbcp(db_, {"serve", "--port", std::to_string(port)}, log_);
    ASSERT_GT(server, 0);

    if (cycle > 0 && random() % 8 == 0) {
      // Killed while opening the database and binding.
      std::this_thread::sleep_for(std::chrono::milliseconds(random() % 60));
      ::kill(server, SIGKILL);
      wait_for(server);
      ++startup_kills;
      ++total_kills;
      check_database(facility, officer, timeline, cycle);
      if (HasFailure()) break;
      continue;
    }

    ASSERT_TRUE(wait_ready(port)) << "server did not start; see " << log_;
    if (session_.empty()) {
      session_ = sign_in(port);
      ASSERT_FALSE(session_.empty());
    }
    if (csrf_.empty()) {
      httplib::Client client("127.0.0.1", port);
      auto page = client.Get("/plan/facility", {{"Cookie", "medbcp_session=" + session_}});
      ASSERT_TRUE(page && page->status == 200);
      csrf_ = form_csrf(page->body);
      ASSERT_FALSE(csrf_.empty());
    }

    std::string c = "crash-" + std::to_string(cycle);
    std::atomic<int> unexpected{0};
    stop_timeline_ = false;
    std::thread f([&] {
      write_forms(port, "/plan/facility",
                  "name=%E3%82%AF%E3%83%A9%E3%83%83%E3%82%B7%E3%83%A5%E8%A9%A6%E9%A8%93%E5%8C%BB"
                  "%E9%99%A2&phone=054-000-0000&document_department=&effective_date=2024-04-01"
                  "&last_reviewed=",
                  "address", c + "-f", facility, unexpected);
    });
    std::thread o([&] {
      write_forms(port, "/plan/officer",
                  "name=%E5%B1%B1%E7%94%B0&phone_day=054-000-0001&phone_night=&email=", "title",
                  c + "-o", officer, unexpected);
    });
    std::thread t([&] { write_timeline(c + "-t", timeline); });

    std::this_thread::sleep_for(std::chrono::milliseconds(20 + random() % 400));
    ::kill(server, SIGKILL);
    kill_timeline_writer();
    stop_timeline_ = true;
    f.join();
    o.join();
    t.join();
    wait_for(server);
    ++total_kills;
    EXPECT_EQ(unexpected.load(), 0);

    check_database(facility, officer, timeline, cycle);
    if (HasFailure()) break;
  }

  std::printf(
      "crash test: %d kills (%d during start-up); acknowledged writes: %zu facility, %zu "
      "officer, %zu timeline — none lost\n",
      total_kills, startup_kills, facility.acknowledged.size(), officer.acknowledged.size(),
      timeline.acknowledged.size());
  // The test must have exercised something.
  EXPECT_GT(facility.acknowledged.size() + officer.acknowledged.size(), 0u);
}

}  // namespace
