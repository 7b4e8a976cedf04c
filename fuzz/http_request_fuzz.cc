// Fuzzes the web application with raw HTTP requests, the way a hostile
// client sends them: httplib's request-line, header, query, form and
// multipart parsing, our cookie and CSRF handling, the router's access
// checks and every handler behind it, on a demo clinic's database.
//
// A signed-in administrator's session exists (cookie
// medbcp_session=kSessionToken, form field csrf=kCsrfToken), so the seeds in
// fuzz/corpus/http_request reach every page, not just the sign-in form.
// Each input starts from the same database (restored with the backup API),
// so a crash reproduces from its input alone.
#include <httplib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/password.h"
#include "app/plan_service.h"
#include "app/workspace.h"
#include "fuzz/fuzz_check.h"
#include "store/session_store.h"
#include "store/sqlite/sqlite_file_copy.h"
#include "store/user_store.h"
#include "web/router.h"
#include "web/routes.h"

namespace {

namespace fs = std::filesystem;
using namespace medbcp;

constexpr std::string_view kSessionToken =
    "5e55105e55105e55105e55105e55105e55105e55105e55105e55105e55105e55";
constexpr std::string_view kCsrfToken = "c5rfc5rfc5rfc5rfc5rfc5rfc5rfc5rf";

// Feeds the input as the bytes a client sent; what the server writes back
// is kept for the checks.
class InputStream final : public httplib::Stream {
 public:
  explicit InputStream(std::string_view input) : input_(input) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, std::size_t size) override {
    std::size_t n = std::min(size, input_.size());
    std::memcpy(ptr, input_.data(), n);
    input_.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, std::size_t size) override {
    output.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "192.0.2.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  std::string output;

 private:
  std::string_view input_;
};

class FuzzServer final : public httplib::Server {
 public:
  bool handle(httplib::Stream& stream) {
    bool closed = false;
    return process_request(stream, true, closed, [](httplib::Request& req) {
      req.remote_addr = "192.0.2.1";
      req.remote_port = 40000;
    });
  }
};

struct App {
  std::string dir;
  std::string template_db;
  std::string live_db;
  std::unique_ptr<app::Workspace> ws;
  std::unique_ptr<app::FacilityDirectory> directory;
  FuzzServer server;
  std::unique_ptr<web::Router> router;

  App() {
    // tmpfs when there is one: every write is fsynced.
    fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    dir = (base / ("medbcp-http-fuzz-" + std::to_string(::getpid()))).string();
    fs::remove_all(dir);
    fs::create_directories(dir);
    template_db = dir + "/template.db";
    live_db = dir + "/live.db";
    {
      auto setup = app::Workspace::open(template_db);
      app::ensure_demo_plan(*setup, app::cli_actor());
      store::Database& db = setup->db();
      store::Transaction tx(db);
      store::UserRecord admin;
      admin.name = "kanri";
      admin.role = "admin";
      // Never verifies: the fuzzer uses the session, not the password.
      admin.password_hash =
          "$argon2id$v=19$m=65536,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
          "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
      admin.created_at = "2024-04-01T00:00:00Z";
      std::int64_t id = store::insert_user(db, admin);
      std::int64_t now = core::Instant::now().seconds;
      // Sessions expire after 12 hours; the fuzzer may run longer, so the
      // session is made to look fresh whenever the database is reset.
      store::insert_session(db, {app::sha256_hex(kSessionToken), id, std::string(kCsrfToken),
                                 now + 365 * 86400, now + 365 * 86400});
      tx.commit();
    }
    store::restore_database_file(template_db, live_db, "");
    ws = app::Workspace::open(live_db);
    server.set_payload_max_length(4 * 1024 * 1024);
    web::ServerConfig config;
    config.port = 8080;
    directory = std::make_unique<app::FacilityDirectory>(*ws);
    router = std::make_unique<web::Router>(server, *directory, config);
    web::register_all_routes(*router);
  }
  ~App() { fs::remove_all(dir); }

  // Puts the database back as it was, unless the last request wrote
  // nothing (most do not, and the copy is most of the time per input).
  void reset() {
    if (written() == clean_) return;
    store::restore_database_file(template_db, live_db, "");
    clean_ = written();
  }

 private:
  // Sizes and modification times of the database and its WAL: any commit
  // changes one of them.
  std::vector<std::int64_t> written() const {
    std::vector<std::int64_t> out;
    for (const std::string& path : {live_db, live_db + "-wal"}) {
      std::error_code ec;
      out.push_back(static_cast<std::int64_t>(fs::file_size(path, ec)));
      out.push_back(fs::last_write_time(path, ec).time_since_epoch().count());
    }
    return out;
  }
  std::vector<std::int64_t> clean_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static App app;
  app.reset();
  InputStream stream(std::string_view(reinterpret_cast<const char*>(data), size));
  app.server.handle(stream);
  // Whatever was asked, the answer is an HTTP response.
  FUZZ_CHECK(stream.output.empty() || stream.output.starts_with("HTTP/1.1 "));
  return 0;
}
