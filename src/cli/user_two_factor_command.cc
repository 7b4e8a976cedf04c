// `medbcp user 2fa enable|disable|status NAME`: two-factor sign-in at the
// console, for an administrator locked out of the web (a lost phone and no
// recovery code) or for setting it up on behalf of someone. Whoever can run
// medbcp on the database already holds all of it (app::cli_actor).
#include <iostream>

#include "app/two_factor.h"
#include "app/users.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "cli/user_command.h"

namespace medbcp::cli {
namespace {

app::User find_named(app::Workspace& ws, const std::string& typed) {
  const std::string name = app::normalize_user_name(typed);
  for (const auto& u : app::list_users(ws, app::cli_actor())) {
    if (u.name == name) return u;
  }
  std::cerr << "利用者が見つかりません: " << name << "（medbcp user list で確かめてください）\n";
  throw ExitCode{3};
}

}  // namespace

void add_user_two_factor_command(CLI::App& user, GlobalOptions& options) {
  auto* tfa = user.add_subcommand("2fa", "利用者の二要素認証（確認コード）を設定・解除・確認する");
  tfa->require_subcommand(1);
  auto name = std::make_shared<std::string>();

  auto* enable = tfa->add_subcommand(
      "enable",
      "新しい鍵で二要素認証を設定し、認証アプリ用の otpauth:// URI と回復コードを一度だけ表示する");
  enable->add_option("NAME", *name, "ユーザー名")->required();
  enable->callback([&options, name] {
    auto ws = open_workspace(options);
    const app::User u = find_named(*ws, *name);
    const app::ConsoleEnrolment on =
        app::console_enable_two_factor(*ws, terminal_actor(options), u.id);
    std::cout << "二要素認証を設定しました: " << u.name << "\n"
              << "認証アプリに登録する URI（この表示は一度だけです）:\n"
              << on.enrolment.uri << "\n"
              << "手で入力する場合の鍵: " << app::grouped_secret(on.enrolment.secret) << "\n"
              << "回復コード（各1回。スマートフォンとは別に保管してください）:\n";
    for (const auto& c : on.recovery_codes) std::cout << "  " << c << "\n";
  });

  auto* disable =
      tfa->add_subcommand("disable", "二要素認証を解除する（パスワードだけでログイン）");
  disable->add_option("NAME", *name, "ユーザー名")->required();
  disable->callback([&options, name] {
    auto ws = open_workspace(options);
    const app::User u = find_named(*ws, *name);
    app::console_disable_two_factor(*ws, terminal_actor(options), u.id);
    std::cout << "二要素認証を解除しました: " << u.name << "\n";
    if (app::two_factor_status(*ws, u.id).required) {
      std::cout << "この利用者の役割では必須のため、次のログインで設定を求められます。\n";
    }
  });

  auto* status =
      tfa->add_subcommand("status", "二要素認証の状態と未使用の回復コードの数を表示する");
  status->add_option("NAME", *name, "ユーザー名")->required();
  status->callback([&options, name] {
    auto ws = open_workspace(options);
    const app::User u = find_named(*ws, *name);
    const app::TwoFactorStatus s = app::two_factor_status(*ws, u.id);
    std::cout << u.name << ": " << (s.enabled ? "設定済み" : "未設定");
    if (s.enabled) std::cout << "（未使用の回復コード " << s.unused_recovery_codes << " 個）";
    if (s.required) std::cout << "。役割（" << app::label(u.role) << "）では必須";
    std::cout << "\n";
  });
}

}  // namespace medbcp::cli
