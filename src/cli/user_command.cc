#include "cli/user_command.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "app/record_json.h"
#include "app/users.h"
#include "app/workspace.h"
#include "cli/open_workspace.h"
#include "cli/output.h"

namespace medbcp::cli {
namespace {

// Reads one line from the terminal without echoing it.
std::string prompt_hidden(const std::string& prompt) {
  std::ifstream tty("/dev/tty");
  if (!tty) {
    std::cerr << "端末がありません。--password-stdin でパスワードを渡してください。\n";
    throw ExitCode{2};
  }
  std::cerr << prompt << std::flush;
  termios old{};
  int fd = ::open("/dev/tty", O_RDONLY);
  bool restored = fd >= 0 && tcgetattr(fd, &old) == 0;
  if (restored) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(tty, line);
  if (restored) tcsetattr(fd, TCSAFLUSH, &old);
  if (fd >= 0) ::close(fd);
  std::cerr << "\n";
  return line;
}

std::string read_password(bool from_stdin) {
  if (from_stdin) {
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  std::string first = prompt_hidden("パスワード: ");
  std::string second = prompt_hidden("パスワード（確認）: ");
  if (first != second) {
    std::cerr << "パスワードが一致しません。\n";
    throw ExitCode{2};
  }
  return first;
}

}  // namespace

void add_user_command(CLI::App& root, GlobalOptions& options) {
  auto* user = root.add_subcommand("user", "Web の利用者を管理する（manage web accounts）");
  user->require_subcommand(1);

  struct AddFlags {
    std::string name;
    std::string role;
    bool password_stdin = false;
  };
  auto add = std::make_shared<AddFlags>();
  auto* add_cmd = user->add_subcommand("add", "利用者を追加する");
  add_cmd->add_option("--name", add->name, "ユーザー名（ログインに使う名前）")->required();
  add_cmd
      ->add_option("--role", add->role,
                   "役割: admin（管理者）, editor（担当者）, staff（職員）, viewer（閲覧）。"
                   "--association のとき association-admin（協会管理者）, "
                   "association-viewer（協会閲覧）")
      ->required()
      ->check(CLI::IsMember(
          {"admin", "editor", "staff", "viewer", "association-admin", "association-viewer"}));
  add_cmd->add_flag("--password-stdin", add->password_stdin,
                    "パスワードを標準入力の1行目から読む（指定しなければ端末で尋ねる）");
  add_cmd->callback([&options, add] {
    auto ws = open_workspace(options);
    std::string password = read_password(add->password_stdin);
    core::Problems problems = app::add_user(*ws, terminal_actor(options), add->name,
                                            *app::role_from_code(add->role), password);
    if (!problems.empty()) {
      print_messages(std::cerr, problems);
      throw ExitCode{1};
    }
    std::cout << "利用者を追加しました: " << app::normalize_user_name(add->name) << "（"
              << app::label(*app::role_from_code(add->role)) << "）\n";
  });

  auto* list_cmd = user->add_subcommand("list", "利用者を一覧する");
  auto list_json = std::make_shared<bool>(false);
  list_cmd->add_flag("--json", *list_json, "JSON で出力する");
  list_cmd->callback([&options, list_json] {
    auto ws = open_workspace(options);
    if (*list_json) {
      std::cout << app::users_json(app::list_users(*ws, terminal_actor(options)));
      return;
    }
    for (const auto& u : app::list_users(*ws, terminal_actor(options))) {
      std::cout << u.name << "\t" << app::code(u.role) << "\t" << (u.active ? "active" : "disabled")
                << "\n";
    }
  });

  struct PasswdFlags {
    std::string name;
    bool password_stdin = false;
  };
  auto passwd = std::make_shared<PasswdFlags>();
  auto* passwd_cmd = user->add_subcommand("passwd", "利用者のパスワードを再設定する");
  passwd_cmd->add_option("--name", passwd->name, "ユーザー名")->required();
  passwd_cmd->add_flag("--password-stdin", passwd->password_stdin, "パスワードを標準入力から読む");
  passwd_cmd->callback([&options, passwd] {
    auto ws = open_workspace(options);
    app::Actor actor = terminal_actor(options);
    std::string name = app::normalize_user_name(passwd->name);
    for (const auto& u : app::list_users(*ws, actor)) {
      if (u.name != name) continue;
      core::Problems problems =
          app::reset_password(*ws, actor, u.id, read_password(passwd->password_stdin));
      if (!problems.empty()) {
        print_messages(std::cerr, problems);
        throw ExitCode{1};
      }
      std::cout << "パスワードを再設定しました: " << name << "\n";
      return;
    }
    std::cerr << "利用者が見つかりません: " << name << "\n";
    throw ExitCode{1};
  });

  add_user_two_factor_command(*user, options);
}

}  // namespace medbcp::cli
