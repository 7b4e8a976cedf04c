// `medbcp incident reopen ID`: opens a closed incident again, with the reason.
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
void add_incident_reopen(CLI::App& parent, GlobalOptions& options) {
  struct Flags {
    std::string id, reason;
  };
  auto f = std::make_shared<Flags>();
  auto* cmd = parent.add_subcommand("reopen", "終了したインシデントを再開する");
  cmd->add_option("ID", f->id, "インシデント番号")->required();
  cmd->add_option("--reason", f->reason, "再開する理由");
  cmd->callback([&options, f] {
    guarded([&] {
      Session s = open_session(options);
      ask_if_empty(f->reason, "再開する理由");
      report_appended(
          app::reopen_incident(*s.ws, s.actor, parse_incident_id(f->id), f->reason, s.now));
    });
  });
}

}  // namespace medbcp::cli::incident
