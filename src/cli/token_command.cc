#include "cli/token_command.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/api_tokens.h"
#include "app/facilities.h"
#include "app/users.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "cli/upkeep_options.h"

namespace medbcp::cli {
namespace {

// The account a token acts as: --user NAME, or the only administrator.
app::User token_user(app::Workspace& ws, const std::string& name) {
  std::vector<app::User> admins;
  for (const auto& u : app::list_users(ws, app::cli_actor())) {
    if (!name.empty() && u.name == app::normalize_user_name(name)) return u;
    if (u.active && u.role == app::Role::Admin) admins.push_back(u);
  }
  if (!name.empty()) usage_error("利用者「" + name + "」はいません（medbcp user list）。");
  if (admins.size() == 1) return admins.front();
  usage_error(admins.empty() ? "利用者がいません。先に medbcp user add で作ってください。"
                             : "トークンを使う利用者を --user NAME で指定してください。");
}

}  // namespace

void add_token_command(CLI::App& root, GlobalOptions& options) {
  auto* cmd = root.add_subcommand(
      "token", "API のアクセストークンを作る・一覧する・取り消す（スクリプトや他のシステム用）");
  cmd->require_subcommand(1);

  struct AddFlags {
    std::string name, scope = "read", user;
    int days = 90;
  };
  auto af = std::make_shared<AddFlags>();
  auto* add = cmd->add_subcommand("add", "トークンを作る（表示は一度だけ）");
  add->add_option("NAME", af->name, "用途がわかる名前（例「夜間バックアップ」）")->required();
  add->add_option("--scope", af->scope, "read（読み取りのみ）または write（読み書き）")
      ->capture_default_str()
      ->check(CLI::IsMember({"read", "write"}));
  add->add_option("--user", af->user, "トークンが代わりに働く利用者（既定: ただ一人の管理者）");
  add->add_option("--days", af->days, "有効期間（日、最長 366）")
      ->capture_default_str()
      ->check(CLI::Range(1, app::kMaxTokenDays));
  add->callback([&options, af] {
    auto ws = open_workspace(options);
    const app::User user = token_user(*ws, af->user);
    const auto r = app::create_api_token(*ws, terminal_actor(options), user.id, af->name,
                                         *app::token_scope_from_code(af->scope), af->days,
                                         core::Instant::now());
    if (!r.problems.empty()) refuse("トークンを作りませんでした。", r.problems);
    const std::string code = app::resolve_facility_code(options.facility_flag);
    std::cout << (code.empty() ? "" : code + ".") << r.secret << "\n";
    std::cerr << "トークン「" << r.token->name << "」（" << app::label(r.token->scope) << "、"
              << user.name << " として、" << r.token->expires_at.tokyo_text()
              << " まで）を作りました。表示はこの一度だけです。安全な場所に保管してください。\n";
  });

  auto json = std::make_shared<bool>(false);
  auto* list = cmd->add_subcommand("list", "トークンを一覧する（秘密の部分は表示しない）");
  list->add_flag("--json", *json, "JSON で出力する");
  list->callback([&options, json] {
    auto ws = open_workspace(options);
    const auto now = core::Instant::now();
    const auto tokens = app::list_api_tokens(*ws, terminal_actor(options));
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& t : tokens) {
        out.push_back(
            {{"id", t.id},
             {"name", t.name},
             {"user", t.user_name},
             {"scope", app::code(t.scope)},
             {"created_at", t.created_at.iso_utc()},
             {"expires_at", t.expires_at.iso_utc()},
             {"revoked_at", t.revoked_at ? nlohmann::json(t.revoked_at->iso_utc()) : nullptr},
             {"last_used_at", t.last_used_at ? nlohmann::json(t.last_used_at->iso_utc()) : nullptr},
             {"usable", t.usable(now)}});
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (tokens.empty()) std::cout << "トークンはありません。\n";
    for (const auto& t : tokens) {
      std::cout << t.id << "  " << t.name << "  " << t.user_name << "  " << app::label(t.scope)
                << "  " << t.expires_at.tokyo_text() << " まで"
                << (t.revoked_at ? "  取り消し済み" : (t.usable(now) ? "" : "  期限切れ"))
                << (t.last_used_at ? "  最終利用 " + t.last_used_at->tokyo_text() : "") << "\n";
    }
  });

  auto id = std::make_shared<std::int64_t>(0);
  auto* revoke = cmd->add_subcommand("revoke", "トークンを取り消す（すぐに使えなくなる）");
  revoke->add_option("ID", *id, "token list の番号")->required();
  revoke->callback([&options, id] {
    auto ws = open_workspace(options);
    const auto problems =
        app::revoke_api_token(*ws, terminal_actor(options), *id, core::Instant::now());
    if (!problems.empty()) refuse("取り消しませんでした。", problems);
    std::cout << "トークン " << *id << " を取り消しました。\n";
  });
}

}  // namespace medbcp::cli
