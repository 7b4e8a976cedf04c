// `medbcp confirm contact | plan`: a contact of 別紙１ verified, the plan
// reviewed — the checks of ordinary times that keep the plan true.
#include <iostream>
#include <memory>

#include "app/reminders.h"
#include "cli/confirm_command.h"
#include "cli/upkeep_options.h"
#include "core/wareki.h"

namespace medbcp::cli {

void add_confirm_command(CLI::App& root, GlobalOptions& options) {
  auto* cmd =
      root.add_subcommand("confirm", "点検したことを記録する（連絡先の確認、計画の見直し）");
  cmd->require_subcommand(1);
  struct Flags {
    std::int64_t contact = 0;
    std::string on;
    std::string note;
  };
  auto flags = std::make_shared<Flags>();

  auto* contact = cmd->add_subcommand("contact", "外部連絡先（別紙１）を確認したことを記録する");
  contact->add_option("ID", flags->contact, "外部連絡先の ID")->required();
  contact->add_option("--on", flags->on, "確認日（既定: 今日）");
  contact->add_option("--note", flags->note, "備考（確認した方法など）");
  contact->callback([&options, flags] {
    const core::Date on = parse_date_or_today(flags->on, "--on");
    auto ws = open_workspace(options);
    auto problems = app::record_contact_verification(
        *ws, terminal_actor(options), core::ExternalContactId(flags->contact), on,
        core::Instant::now().tokyo_date(), flags->note);
    if (!problems.empty()) refuse("記録できませんでした。", problems);
    std::cout << "連絡先の確認を記録しました（" << core::format_wareki(on) << "）。\n";
  });

  auto* plan = cmd->add_subcommand("plan", "計画を見直したことを記録する（最終見直し日）");
  plan->add_option("--on", flags->on, "見直した日（既定: 今日）");
  plan->add_option("--note", flags->note, "見直しの内容");
  plan->callback([&options, flags] {
    const core::Date on = parse_date_or_today(flags->on, "--on");
    auto ws = open_workspace(options);
    auto problems = app::record_plan_review(*ws, terminal_actor(options), on,
                                            core::Instant::now().tokyo_date(), flags->note);
    if (!problems.empty()) refuse("記録できませんでした。", problems);
    std::cout << "計画の見直しを記録しました（" << core::format_wareki(on) << "）。\n";
  });
}

}  // namespace medbcp::cli
