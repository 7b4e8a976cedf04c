// `medbcp incident tasks`: the follow-up tasks closed incidents left.
#include <iostream>

#include "app/incident_evidence.h"
#include "app/incident_export.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "cli/incident_prompts.h"
#include "cli/incident_subcommands.h"
#include "cli/output.h"
#include "core/incident_guidance.h"
#include "core/incident_payload.h"
#include "core/incident_steps.h"
#include "core/text.h"

namespace medbcp::cli::incident {
void add_incident_tasks(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    bool all = false;
    std::int64_t done = 0;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("tasks", "インシデントから決まった再発防止策（課題）の一覧");
  cmd->add_flag("--all", f->all, "完了したものも表示する");
  cmd->add_option("--done", f->done, "この番号の課題を完了にする");
  cmd->callback([&options, f] {
    Session s = open_session(options);
    if (f->done > 0) {
      if (!app::complete_follow_up_task(*s.ws, s.actor, f->done, s.now)) {
        usage_error("未完了の課題 " + std::to_string(f->done) + " はありません。");
      }
      std::cout << "課題 " << f->done << " を完了にしました。\n";
      return;
    }
    auto tasks = app::list_follow_up_tasks(*s.ws, s.actor, !f->all);
    if (tasks.empty()) std::cout << "課題はありません。\n";
    for (const auto& t : tasks) {
      std::cout << "[" << t.id << "] " << (t.done ? "完了 " : "未完了 ") << t.title;
      if (!t.owner.empty()) std::cout << "　担当 " << t.owner;
      if (t.due) std::cout << "　期限 " << t.due->iso();
      std::cout << "　（No." << t.incident.value << " " << t.incident_title << "）\n";
    }
  });
}

}  // namespace medbcp::cli::incident
