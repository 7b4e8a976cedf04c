#include "cli/audit_command.h"

#include <iostream>
#include <memory>

#include "app/audit.h"
#include "app/record_json.h"
#include "cli/open_workspace.h"
#include "cli/output.h"
#include "core/text.h"
#include "core/wareki.h"

namespace medbcp::cli {
namespace {

struct Flags {
  std::string from, to, action, user, out = "-";
  int limit = 50;
  bool csv = false;
  bool json = false;
};

// 2024-04-01 or 令和6年4月1日; anything else stops the command (exit 2).
std::optional<core::Date> date_flag(const std::string& text, const char* flag) {
  if (text.empty()) return std::nullopt;
  const std::string typed = core::trim(core::nfkc(text));
  if (auto d = core::Date::parse(typed)) return d;
  if (auto d = core::parse_wareki(typed)) return d;
  std::cerr << flag << ": 日付を読めません: " << text << "（例：2024-04-01、令和6年4月1日）\n";
  throw ExitCode{2};
}

}  // namespace

void add_audit_command(CLI::App& root, GlobalOptions& options) {
  auto f = std::make_shared<Flags>();
  auto* cmd = root.add_subcommand(
      "audit",
      "監査ログ（ログイン、変更、書き出し、バックアップの記録）を表示・書き出す（管理者）");
  cmd->add_option("--from", f->from, "この日から（例：2024-04-01）");
  cmd->add_option("--to", f->to, "この日まで");
  std::string codes;
  for (const auto& [code, label] : app::audit_actions()) {
    codes.append("\n  ").append(code).append("  ").append(label);
  }
  cmd->add_option("--action", f->action, "操作の種類:" + codes);
  cmd->add_option("--user", f->user, "利用者名（完全一致）");
  cmd->add_option("--limit", f->limit, "表示する件数（新しい順、既定 50）")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--csv", f->csv, "条件に合うすべての記録を CSV（Excel 用）で書き出す");
  cmd->add_option("--out", f->out, "--csv の出力ファイル（既定: 標準出力）");
  cmd->add_flag("--json", f->json, "新しい順に --limit 件を JSON で出力する");
  cmd->callback([&options, f] {
    app::AuditFilter filter;
    filter.from = date_flag(f->from, "--from");
    filter.to = date_flag(f->to, "--to");
    if (!f->action.empty()) {
      bool known = false;
      for (const auto& [code, label] : app::audit_actions()) known = known || code == f->action;
      if (!known) {
        std::cerr << "--action: 知らない操作です: " << f->action
                  << "（medbcp audit --help に一覧があります）\n";
        throw ExitCode{2};
      }
    }
    filter.action = f->action;
    filter.actor_name = f->user;
    auto ws = open_workspace(options);
    if (f->csv) {
      write_output_atomically(f->out, app::export_audit_csv(*ws, terminal_actor(options), filter));
      return;
    }
    const app::AuditPage page =
        app::list_audit_log(*ws, terminal_actor(options), filter, 1, f->limit);
    if (f->json) {
      std::cout << app::audit_json(page);
      return;
    }
    if (page.entries.empty()) {
      std::cout << "条件に合う記録はありません。\n";
      return;
    }
    for (const auto& e : page.entries) {
      std::cout << e.at.tokyo_text() << "  " << e.action_label << "  "
                << (e.actor_name.empty() ? "-" : e.actor_name);
      if (!e.remote.empty()) std::cout << "（" << e.remote << "）";
      if (!e.target.empty()) std::cout << "  " << e.target;
      if (!e.detail.empty()) std::cout << "  " << e.detail;
      std::cout << "\n";
    }
    if (page.total > static_cast<std::int64_t>(page.entries.size())) {
      std::cout << "（" << page.total << " 件のうち新しい " << page.entries.size()
                << " 件。--limit で増やせます）\n";
    }
  });
}

}  // namespace medbcp::cli
