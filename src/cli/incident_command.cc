#include "cli/incident_command.h"

#include "cli/incident_subcommands.h"

namespace medbcp::cli {

void add_incident_command(CLI::App& root, GlobalOptions& options) {
  auto* parent = root.add_subcommand("incident", "インシデント対応（発生時の記録・報告）");
  parent->require_subcommand(1);
  incident::add_incident_start(*parent, options);
  incident::add_incident_list(*parent, options);
  incident::add_incident_show(*parent, options);
  incident::add_incident_log(*parent, options);
  incident::add_incident_step(*parent, options);
  incident::add_incident_contact(*parent, options);
  incident::add_incident_decide(*parent, options);
  incident::add_incident_evidence(*parent, options);
  incident::add_incident_handover(*parent, options);
  incident::add_incident_correct(*parent, options);
  incident::add_incident_revise(*parent, options);
  incident::add_incident_close(*parent, options);
  incident::add_incident_reopen(*parent, options);
  incident::add_incident_report(*parent, options);
  incident::add_incident_verify(*parent, options);
  incident::add_incident_export(*parent, options);
  incident::add_incident_tasks(*parent, options);
  incident::add_incident_notice(*parent, options);
  incident::add_incident_cost(*parent, options);
}

}  // namespace medbcp::cli
