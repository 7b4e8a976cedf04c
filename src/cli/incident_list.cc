// `medbcp incident list`: the incidents, newest first.
#include <iostream>

#include "app/incident_evidence.h"
#include "app/incident_export.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/record_json.h"
#include "cli/incident_prompts.h"
#include "cli/incident_subcommands.h"
#include "cli/output.h"
#include "core/incident_guidance.h"
#include "core/incident_payload.h"
#include "core/incident_steps.h"
#include "core/text.h"

namespace medbcp::cli::incident {
void add_incident_list(CLI::App& parent, GlobalOptions& options) {
  auto* cmd = parent.add_subcommand("list", "インシデントの一覧（訓練は drill list）");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "JSON で出力する");
  cmd->callback([&options, json] {
    Session s = open_session(options);
    auto incidents = app::list_incidents(*s.ws, s.actor);
    if (*json) {
      std::cout << app::incidents_json(incidents);
      return;
    }
    if (incidents.empty()) {
      std::cout << "インシデントの記録はありません。\n";
      return;
    }
    for (const auto& i : incidents) {
      std::cout << "No." << i.id.value << "  " << core::label(i.status) << "  発見 "
                << when(i.discovery.discovered_at) << "  " << i.title << "（"
                << core::label(i.threat) << "）\n";
    }
  });
}

}  // namespace medbcp::cli::incident
