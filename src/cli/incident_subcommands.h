// The subcommands of `medbcp incident`, one file each (cli/incident_NAME.cc),
// registered in order by add_incident_command (cli/incident_command.cc).
#pragma once

#include "cli/command.h"

namespace medbcp::cli::incident {

void add_incident_start(CLI::App& parent, GlobalOptions& options);
void add_incident_list(CLI::App& parent, GlobalOptions& options);
void add_incident_show(CLI::App& parent, GlobalOptions& options);
void add_incident_log(CLI::App& parent, GlobalOptions& options);
void add_incident_step(CLI::App& parent, GlobalOptions& options);
void add_incident_contact(CLI::App& parent, GlobalOptions& options);
void add_incident_decide(CLI::App& parent, GlobalOptions& options);
void add_incident_evidence(CLI::App& parent, GlobalOptions& options);
void add_incident_handover(CLI::App& parent, GlobalOptions& options);
void add_incident_correct(CLI::App& parent, GlobalOptions& options);
void add_incident_revise(CLI::App& parent, GlobalOptions& options);
void add_incident_close(CLI::App& parent, GlobalOptions& options);
void add_incident_reopen(CLI::App& parent, GlobalOptions& options);
void add_incident_report(CLI::App& parent, GlobalOptions& options);
void add_incident_verify(CLI::App& parent, GlobalOptions& options);
void add_incident_export(CLI::App& parent, GlobalOptions& options);
void add_incident_tasks(CLI::App& parent, GlobalOptions& options);
void add_incident_notice(CLI::App& parent, GlobalOptions& options);
void add_incident_cost(CLI::App& parent, GlobalOptions& options);

}  // namespace medbcp::cli::incident
