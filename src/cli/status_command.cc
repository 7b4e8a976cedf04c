// `medbcp status`: every reminder that is due or overdue, and whether the
// kits still carry the plan; exit 1 when anything needs action, for cron and
// monitoring.
#include <iostream>
#include <memory>

#include "app/kit.h"
#include "app/record_json.h"
#include "app/reminders.h"
#include "cli/status_command.h"
#include "cli/upkeep_options.h"
#include "core/wareki.h"

namespace medbcp::cli {

void add_status_command(CLI::App& root, GlobalOptions& options) {
  auto today = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand(
      "status", "期限切れ・要対応の点検項目を一覧する（終了コード 0: なし、1: 要対応あり）");
  cmd->add_option("--today", *today, "基準日（既定: 今日、日本時間）");
  cmd->add_flag("--json", *json, "JSON で出力する（終了コードは同じ）");
  cmd->callback([&options, today, json] {
    const core::Date date = parse_date_or_today(*today, "--today");
    auto ws = open_workspace(options);
    auto list = app::current_reminders(*ws, terminal_actor(options), date);
    int overdue = 0;
    for (const auto& r : list) overdue += r.urgency == core::Urgency::Overdue ? 1 : 0;
    if (*json) {
      const app::KitFreshness kits = app::kit_freshness(*ws);
      std::cout << app::reminders_json(date, list, kits);
      if (overdue > 0 || !kits.warnings.empty()) throw ExitCode{1};
      return;
    }
    std::cout << core::format_wareki(date) << "（" << date.iso() << "）現在: 要対応 " << overdue
              << " 件、期限間近 " << (list.size() - overdue) << " 件\n";
    for (core::Urgency urgency : {core::Urgency::Overdue, core::Urgency::DueSoon}) {
      for (const auto& r : list) {
        if (r.urgency != urgency) continue;
        std::cout << "  [" << core::label(r.urgency) << "][" << core::label(r.kind) << "] "
                  << r.subject << ": " << r.message << "\n";
      }
    }
    // The kits on the stick and in the binder: a plan changed since they
    // were made is a plan the clinic cannot read on the day the server is gone.
    const app::KitFreshness kits = app::kit_freshness(*ws);
    std::cout << "キット: " << kits.offline_summary << "／" << kits.printed_summary << "\n";
    for (const auto& w : kits.warnings) std::cout << "  [要対応][キット] " << w << "\n";
    if (overdue > 0 || !kits.warnings.empty()) throw ExitCode{1};
  });
}

}  // namespace medbcp::cli
