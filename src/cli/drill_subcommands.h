// The subcommands of `medbcp drill`, in two files: reading
// (cli/drill_command.cc: scenarios, list, show, report, print, training) and
// running (cli/drill_run_commands.cc: start, inject, pause, resume, join,
// end). A drill's steps, contacts and decisions are recorded with
// `medbcp incident step|contact|decide|log` on the drill's number.
#pragma once

#include <string>

#include "app/drill_scenarios.h"
#include "cli/command.h"

namespace medbcp::cli::drill {

void add_drill_start(CLI::App& parent, GlobalOptions& options);
void add_drill_inject(CLI::App& parent, GlobalOptions& options);
void add_drill_pause(CLI::App& parent, GlobalOptions& options);
void add_drill_resume(CLI::App& parent, GlobalOptions& options);
void add_drill_join(CLI::App& parent, GlobalOptions& options);
void add_drill_end(CLI::App& parent, GlobalOptions& options);

// The built-in scenarios and those of --scenarios DIR; a broken file in the
// folder is reported on standard error and the others are still offered.
app::ScenarioCatalog load_catalog(const std::string& dir);

}  // namespace medbcp::cli::drill
