#include "cli/serve_command.h"

#include <algorithm>
#include <csignal>
#include <iostream>
#include <thread>

#include "app/facilities.h"
#include "app/facility_directory.h"
#include "app/users.h"
#include "app/workspace.h"
#include "cli/open_workspace.h"
#include "web/server.h"

namespace medbcp::cli {
namespace {

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace

void add_serve_command(CLI::App& root, GlobalOptions& options) {
  struct Flags {
    web::ServerConfig config;
    // Pages are made by CPU and database: two threads per CPU keep both busy
    // without queueing behind each other (connections are not bound to them).
    int threads = std::clamp(2 * static_cast<int>(std::thread::hardware_concurrency()), 4, 32);
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd =
      root.add_subcommand("serve", "Web アプリケーションを起動する（serve the web application）");
  cmd->add_option("--host", flags->config.host,
                  "待ち受けるアドレス（既定 127.0.0.1。院内LANに公開するときは 0.0.0.0 など）")
      ->capture_default_str()
      ->envname("MEDBCP_HOST");
  cmd->add_option("--port", flags->config.port, "ポート番号")
      ->capture_default_str()
      ->envname("MEDBCP_PORT")
      ->check(CLI::Range(0, 65535));
  auto* cert = cmd->add_option("--tls-cert", flags->config.tls_cert,
                               "HTTPS の証明書（PEM）。--tls-key と一緒に指定する")
                   ->envname("MEDBCP_TLS_CERT")
                   ->check(CLI::ExistingFile);
  auto* key = cmd->add_option("--tls-key", flags->config.tls_key, "HTTPS の秘密鍵（PEM）")
                  ->envname("MEDBCP_TLS_KEY")
                  ->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  cmd->add_option("--threads", flags->threads,
                  "ページを作るスレッドの数（接続の数はこれに縛られない）")
      ->capture_default_str()
      ->envname("MEDBCP_THREADS")
      ->check(CLI::Range(2, 256));
  cmd->add_option(
         "--scenarios", flags->config.scenarios_dir,
         "訓練シナリオを追加するフォルダ（*.txt。組み込みのシナリオと同じコードなら置き換え）")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--max-connections", flags->config.limits.max_connections,
                  "同時に開いておける接続の数の上限")
      ->capture_default_str()
      ->check(CLI::Range(16, 100000));
  cmd->add_option("--max-per-address", flags->config.limits.max_per_address,
                  "一つのアドレスから同時に開ける接続の数の上限")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));

  cmd->callback([&options, flags] {
    // An association's database without a chosen facility: every facility,
    // each request in the one its session belongs to.
    const std::string db = app::resolve_db_path(options.db_flag);
    std::unique_ptr<app::FacilityDirectory> directory;
    std::unique_ptr<app::Workspace> ws;
    if (app::resolve_facility_code(options.facility_flag).empty() &&
        app::is_association_database(db)) {
      directory = app::FacilityDirectory::for_association(db);
    } else {
      ws = open_workspace(options);
      directory = std::make_unique<app::FacilityDirectory>(*ws);
    }
    web::WebServer server(*directory, flags->config, flags->threads);
    int port = server.bind();

    // Ctrl-C and SIGTERM end the server cleanly: the signals are taken by a
    // thread that waits for them, not by an asynchronous handler.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread waiter([&server, signals] {
      int sig = 0;
      sigwait(&signals, &sig);
      server.stop();
    });

    const auto& c = flags->config;
    std::string scheme = c.tls() ? "https" : "http";
    std::string host = c.host.find(':') != std::string::npos ? "[" + c.host + "]" : c.host;
    std::cerr << "medbcp: " << scheme << "://" << host << ":" << port
              << "/ で待ち受けています（データベース: " << directory->home().shown_path()
              << (directory->many() ? "、会員の全施設" : "") << "、Ctrl-C で終了）\n";
    if (directory->many() && !app::has_users(directory->home())) {
      std::cerr << "medbcp: 協会のアカウントがまだいません。ブラウザで開くと最初の協会管理者を"
                   "登録できます（または `medbcp --association user add --role "
                   "association-admin --name 名前`）。\n";
    } else if (!app::has_users(directory->home())) {
      std::cerr << "medbcp: 利用者がまだいません。ブラウザで開くと最初の管理者を登録できます"
                   "（または `medbcp user add --role admin --name 名前`）。\n";
    }
    if (!is_loopback(c.host) && !c.tls()) {
      std::cerr << "medbcp: 注意: 暗号化なし（HTTP）で " << c.host
                << " に公開しています。院内LANで使う場合は --tls-cert と --tls-key "
                   "を指定してください。\n";
    }
    std::cerr.flush();
    server.serve();
    // serve() also returns if the listening socket fails; wake the waiter,
    // which is blocked in sigwait() for exactly this signal (it ends the
    // thread's wait, not the thread).
    // NOLINTNEXTLINE(bugprone-bad-signal-to-kill-thread)
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  });
}

}  // namespace medbcp::cli
